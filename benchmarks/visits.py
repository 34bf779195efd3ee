"""The benchmark's sections on what readers download (first visit, first search) and on how this run compares with the run before.

The run before is read from the results file this run replaces: its overview
table gives the times to compare with, and its whole text is kept at the end
of the new file (only the one run before, so the file does not grow).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from first_visit import Visit
from measure import SiteVisit, SizeResult

FIRST_VISIT_BUDGET = 120 * 1024  # today's library (issue 24)
TEN_TIMES_BUDGET = 200 * 1024  # at ten times the library
SEARCH_GROWTH = 2.0  # "little then, at 10 and 100 times": the first search at up to 100 times today's library, against today's
BEFORE_HEADING = "# The run before"
KB = 1024


def kb(n: float) -> str:
    return f"{n / KB:,.1f} KB"


def previous_overview(text: str) -> dict[int, dict[str, float]]:
    """The overview rows of an earlier results file: size -> validate (load), mkdocs build and whole build, in seconds."""
    text = text.split(BEFORE_HEADING, 1)[0]
    found: dict[int, dict[str, float]] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 7 and re.fullmatch(r"[\d,]+", cells[0]) and all(c.endswith(" s") for c in cells[1:7]):
            seconds = [float(c.removesuffix(" s").replace(",", "")) for c in cells[1:7]]
            found[int(cells[0].replace(",", ""))] = {"validate": seconds[0], "mkdocs": seconds[4], "build": seconds[5]}
    return found


def _search_part(visit: Visit) -> int:
    """What the page fetched of search's own files (search/: Material's settings and Pagefind; Material's search worker)."""
    return sum(r.sent for r in visit.page if r.path.startswith(("search/", "assets/javascripts/workers/search.")))


def visits_of(results: dict[int, SizeResult]) -> list[SiteVisit]:
    """The visits the full benchmark made at each size."""
    return [SiteVisit(r.size, r.exercises, r.first_visit, r.search_bytes, r.search_files) for r in results.values() if r.first_visit is not None]


def previous_visits(text: str) -> dict[int, tuple[float, float]]:
    """The first-visit rows of an earlier results file, by how many times today's library each row held
    (1, 10, 100; the first row is today's): times -> (first visit, first search adds), in bytes."""
    text = text.split(BEFORE_HEADING, 1)[0]
    found: dict[int, tuple[float, float]] = {}
    in_table = False
    for line in text.splitlines():
        if line.startswith("| Library | Exercises | First visit |"):
            in_table = True
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not in_table or len(cells) < 6:
            in_table = in_table and line.startswith("|")
            continue
        kbs = [c for c in cells if c.endswith(" KB")]
        if re.fullmatch(r"[\d,]+", cells[1]) and len(kbs) >= 3:
            found[int(cells[1].replace(",", ""))] = (_bytes(cells[2]), _bytes(cells[5]))
    if not found:
        return {}
    today = min(found)
    return {exercises // today: row for exercises, row in found.items() if exercises % today == 0}


def times_today(rows: Sequence[SiteVisit], row: SiteVisit) -> int:
    """How many times today's library a row holds, when it is a whole multiple (else 0)."""
    today = min(r.exercises for r in rows)
    return row.exercises // today if row.exercises % today == 0 else 0


def _bytes(cell: str) -> float:
    return float(cell.removesuffix(" KB").replace(",", "")) * KB


def _ratio(now: float, before: float | None) -> str:
    return f"{now / before:.2f}" if before else "-"


def first_visit_section(rows: Sequence[SiteVisit], previous: dict[int, tuple[float, float]] | None = None) -> list[str]:
    """The first-visit table and its targets; rows[0] is today's library alone (size 0) when it was measured.
    `previous` holds the run before's first visit and first search by times today's library, for the ratios."""
    previous = previous or {}
    lines = [
        "## First visit and first search",
        "",
        "`benchmarks/first_visit.py`: the built site (generated, built by MkDocs, indexed by Pagefind) served under /hipdips/, a new "
        "Chromium context (empty cache) opens the home page at 1280 px and waits until the network has been idle for 1.5 s, so what loads "
        "after the load event counts too. Every request is matched to its file and counted at its gzip size (level 6) for text, as it is "
        "for images and for Pagefind's files (compressed already). Then the reader types an exercise's name into the search box; "
        "'first search adds' is what that fetches (Material's settings file, Pagefind's code, its index chunks and the fragments of the "
        "results shown), and 'first result' the time from the first key to the first result shown (this machine, shared). "
        "'/ before' divides by the same library's figure in the run before (Material's own index, fetched on the first search).",
        "",
        "| Library | Exercises | First visit | Requests | Search files in it | First search adds | Its requests | First result "
        "| Pagefind bundle on disk | First visit / before | First search / before |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        v = row.visit
        now, adds = Visit.total(v.page), Visit.total(v.search)
        label = "today's library" if row.size == 0 else f"{row.size:,} synthetic + real"
        before = previous.get(times_today(rows, row))
        lines.append(
            f"| {label} | {row.exercises:,} | {kb(now)} | {len(v.page)} | {kb(_search_part(v))} | {kb(adds)} | {len(v.search)} "
            f"| {v.first_result_s:.1f} s | {row.index_raw / 1024 / 1024:,.2f} MiB in {row.index_files:,} files "
            f"| {_ratio(now, before[0] if before else None)} | {_ratio(adds, before[1] if before else None)} |"
        )
    lines += ["", "| Target | Measured | Verdict |", "|---|---|---|"]
    today = [row for row in rows if row.size == 0]
    if today:
        now = Visit.total(today[0].visit.page)
        lines.append(f"| First visit to the home page, today's library, at most {kb(FIRST_VISIT_BUDGET)} | {kb(now)} | {_verdict(now <= FIRST_VISIT_BUDGET)} |")
        ten = [row for row in rows if row.exercises >= 10 * today[0].exercises]
        if ten:
            worst = max(Visit.total(row.visit.page) for row in ten)
            sizes = ", ".join(f"{row.exercises:,}" for row in ten)
            lines.append(f"| First visit at ten times the library or more ({sizes} exercises), at most {kb(TEN_TIMES_BUDGET)} | largest {kb(worst)} | {_verdict(worst <= TEN_TIMES_BUDGET)} |")
            base = Visit.total(today[0].visit.search)
            for row in [r for r in ten if r.exercises <= 100 * today[0].exercises]:
                grown = Visit.total(row.visit.search)
                lines.append(
                    f"| The first search stays light: at {row.exercises:,} exercises ({row.exercises / today[0].exercises:.0f} times) it costs at most "
                    f"{SEARCH_GROWTH:g} times what it costs on today's library | {kb(grown)} / {kb(base)} = {grown / base:.2f} | {_verdict(grown <= SEARCH_GROWTH * base)} |"
                )
    fetched = [_search_part(row.visit) for row in rows]
    lines.append(f"| No search file is fetched before the reader searches | {', '.join(kb(n) for n in fetched)} | {_verdict(not any(fetched))} |")
    return lines


def _verdict(met: bool) -> str:
    return "met" if met else "**NOT met**"


def against_previous(results: dict[int, SizeResult], previous: dict[int, dict[str, float]]) -> list[str]:
    common = [size for size in results if size in previous]
    lines = ["## Against the run before", ""]
    if not common:
        return [*lines, "No size of this run was measured in the run before.", ""]
    lines += [
        "This run ÷ the run before (its overview is kept below, under 'The run before'); under 1 is faster. Both are wall times on a shared "
        "2-core machine, so the CPU times of this run are in its tables.",
        "",
        "| Exercises | Validate (load) | mkdocs build | Whole build |",
        "|---:|---:|---:|---:|",
    ]
    for size in common:
        r, p = results[size], previous[size]
        lines.append(
            f"| {size:,} | {r.validate_load_s:.2f} / {p['validate']:.2f} s = {r.validate_load_s / p['validate']:.2f} "
            f"| {r.mkdocs_s:.1f} / {p['mkdocs']:.1f} s = {r.mkdocs_s / p['mkdocs']:.2f} | {r.build_s:.1f} / {p['build']:.1f} s = {r.build_s / p['build']:.2f} |"
        )
    largest = max(common)
    r, p = results[largest], previous[largest]
    lines += [
        "",
        "| Target | Measured | Verdict |",
        "|---|---|---|",
        f"| The whole build at {largest:,} exercises (now with the search index) is no slower than in the run before "
        f"| {r.build_s:.1f} / {p['build']:.1f} s = {r.build_s / p['build']:.2f} | {_verdict(r.build_s <= p['build'])} |",
    ]
    return [*lines, ""]


def keep_previous(text: str) -> list[str]:
    """The earlier results file, its headings one level down, without the run before it."""
    text = text.split(BEFORE_HEADING, 1)[0].rstrip()
    if not text:
        return []
    demoted: Sequence[str] = [("#" + line) if line.startswith("#") else line for line in text.splitlines()]
    return ["", BEFORE_HEADING, "", "The results file as the run before this one left it.", "", *demoted, ""]
