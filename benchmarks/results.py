"""Writing the build-scale benchmark's results: the machine, a table per size and the targets as ratios."""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import platform
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from measure import SizeResult
from synthetic import EPOCH, PER_SOURCE

# --------------------------------------------------------------------------- report


def machine() -> dict[str, str]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "CPU": cpu,
        "Cores": f"{os.cpu_count()} (usable by this process: {usable})",
        "Memory": memory_total(),
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "Generator libraries": ", ".join(f"{name} {version(name)}" for name in ("PyYAML", "jsonschema", "jsonschema-rs", "Jinja2")),
    }


def version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def fingerprint(base: Path) -> str:
    """Which code and data were measured: a hash of the copied files and the time of the newest one."""
    digest = hashlib.sha256()
    newest = 0.0
    for file in sorted(p for p in base.rglob("*") if p.is_file()):
        digest.update(file.relative_to(base).as_posix().encode() + b"\0" + file.read_bytes())
        newest = max(newest, file.stat().st_mtime)
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(newest))
    return f"sha256 {digest.hexdigest()[:16]} of the copied files (newest modified {stamp} UTC)"


def memory_total() -> str:
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        for line in meminfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return "unknown"


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def size_table(r: SizeResult) -> list[str]:
    share = r.generate_s / r.build_s if r.build_s else 0.0
    rows = [
        ("Exercises in the library (synthetic + real)", f"{r.exercises:,} ({r.size:,} + {r.exercises - r.size})"),
        ("Files generated into build/docs", f"{r.files:,}"),
        ("Validation, in process (`validate.load`)", f"{r.validate_load_s:.2f} s (CPU {r.validate_load_cpu:.2f} s), " + ("the wording rules on a second core" if r.validate_forked else "in one process (under 400 files, or this process could not fork)")),
        ("Validation, in process, in one process (`HIPDIPS_CORES=1`)", f"{r.validate_one_s:.2f} s (CPU {r.validate_one_cpu:.2f} s)"),
        ("Validation, `python -m generator --no-cache validate` (wall)", f"{r.validate_cli_s:.2f} s, peak {mib(r.validate_cli_kib)}"),
        ("Validation with the cache a run before filled, in process: nothing changed", f"{r.validate_kept_s:.2f} s (CPU {r.validate_kept_cpu:.2f} s)"),
        ("Validation with the cache, in process: one exercise file changed before each run", f"{r.validate_one_changed_s:.2f} s"),
        ("Validation with the cache, `python -m generator validate` (wall, nothing changed)", f"{r.validate_cli_kept_s:.2f} s"),
        ("Generation, in process (`pipeline.generate`), every card drawn", f"{r.generate_s:.2f} s (CPU {r.generate_cpu:.2f} s)"),
        ("Generation, in process, every card in the cache", f"{r.generate_warm_s:.2f} s"),
        ("Preview cards in the tree", f"{r.cards:,}"),
        ("Generation by stage (one more run, cards cached)", ", ".join(f"{k} {v:.2f} s" for k, v in r.stages.items())),
        ("Generation, `python -m generator generate` (wall, every card drawn)", f"{r.generate_cli_s:.2f} s, peak {mib(r.generate_cli_kib)}"),
        ("`mkdocs build --strict` (wall)", f"{r.mkdocs_s:.1f} s (CPU {r.mkdocs_cpu:.1f} s), peak {mib(r.mkdocs_kib)}"),
        ("Search index, Pagefind over the built site (wall)", f"{r.index_s:.1f} s (CPU {r.index_cpu:.1f} s), peak {mib(r.index_kib)}"),
        (
            "Whole build (generation with every card drawn + mkdocs build + search index)",
            f"{r.build_s:.1f} s, generation {share:.1%} (CPU {r.build_cpu:.1f} s, generation {r.generate_cpu / r.build_cpu:.1%})",
        ),
        ("Mean synthetic exercise page (`index.html`)", f"{r.page_bytes:,.0f} bytes"),
        ("Search index (Pagefind, `search/pagefind/`)", f"{r.search_bytes:,} bytes in {r.search_files:,} files ({r.search_bytes / r.exercises:,.0f} per exercise)"),
        ("Whole site", f"{r.site_bytes / 1024 / 1024:,.1f} MiB"),
        ("Regeneration with nothing changed: files rewritten", f"{r.noop_written}"),
        ("Machine load (1-minute load average) at start and end", f"{r.load[0]:.2f}, {r.load[1]:.2f} on {os.cpu_count()} cores"),
    ]
    for change in r.changes:
        rows.append(
            (
                f"Regeneration after one exercise file changed ({change.edit}): files rewritten",
                f"{len(change.written)} (pages showing the change: {len(change.expected)})",
            )
        )
    return ["| Measure | Value |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows)]


@dataclass(frozen=True)
class Target:
    text: str
    measured: str
    met: bool | None  # None: a size it needs was not run


def targets(results: dict[int, SizeResult]) -> list[Target]:
    def need(*sizes: int) -> bool:
        return all(s in results for s in sizes)

    found: list[Target] = []
    if need(1000):
        r = results[1000]
        rest = r.mkdocs_s + r.index_s
        share = r.generate_warm_s / (r.generate_warm_s + rest)
        found.append(
            Target(
                "Generation, cards aside (all in the cache), is at most 5% of the build at 1,000 exercises",
                f"{r.generate_warm_s:.2f} s of {r.generate_warm_s + rest:.1f} s = {share:.1%} (drawing every card: {r.generate_s:.2f} s of {r.build_s:.1f} s)",
                share <= 0.05,
            )
        )
    else:
        found.append(Target("Generation, cards aside, is at most 5% of the build at 1,000 exercises", "not run (needs size 1000)", None))
    if need(100, 5000):
        ratio = results[5000].page_bytes / results[100].page_bytes
        found.append(
            Target(
                "Bytes per exercise page, 5,000 vs 100, within 10%",
                f"{results[5000].page_bytes:,.0f} / {results[100].page_bytes:,.0f} = {ratio:.3f} ({ratio - 1:+.1%})",
                abs(ratio - 1) <= 0.10,
            )
        )
    else:
        found.append(Target("Bytes per exercise page, 5,000 vs 100, within 10%", "not run (needs sizes 100 and 5000)", None))
    if need(100, 1000):
        ratio = results[1000].build_s / results[100].build_s
        cpu = results[1000].build_cpu / results[100].build_cpu
        found.append(
            Target(
                "Build time (generation + mkdocs build), 1,000 vs 100, at most 12x",
                f"{results[1000].build_s:.1f} s / {results[100].build_s:.1f} s = {ratio:.1f}x (CPU time: {cpu:.1f}x)",
                ratio <= 12,
            )
        )
    else:
        found.append(Target("Build time (generation + mkdocs build), 1,000 vs 100, at most 12x", "not run (needs sizes 100 and 1000)", None))
    if need(1000):
        r = results[1000]
        found.append(
            Target(
                "Validating 1,000 exercise files takes under 1 s (in process; the CLI adds start-up), every file read (a fresh clone, CI)",
                f"{r.validate_load_s:.2f} s in process{' (wording rules on a second core)' if r.validate_forked else ''}; {r.validate_one_s:.2f} s in one process; {r.validate_cli_s:.2f} s for `python -m generator --no-cache validate`",
                r.validate_load_s < 1.0,
            )
        )
        found.append(
            Target(
                "Validating 1,000 exercise files takes under 1 s, with the cache of the run before (generator/check/file_cache.py)",
                f"one file changed: {r.validate_one_changed_s:.2f} s in process; nothing changed: {r.validate_kept_s:.2f} s in process, {r.validate_cli_kept_s:.2f} s for `python -m generator validate`",
                r.validate_one_changed_s < 1.0,
            )
        )
    else:
        found.append(Target("Validating 1,000 exercise files takes under 1 s", "not run (needs size 1000)", None))
    changes = [c for r in results.values() for c in r.changes]
    summary = "; ".join(f"{c.edit} at {r.size:,}: {len(c.written)} rewritten, {len(c.expected)} show it" for r in results.values() for c in r.changes)
    found.append(Target("After changing one exercise file, only the pages that show it are rewritten", summary, all(c.met for c in changes)))
    return found


def verdict(met: bool | None) -> str:
    return {True: "met", False: "**NOT met**", None: "not measured"}[met]


def change_lists(results: dict[int, SizeResult]) -> list[str]:
    lines = []
    for r in results.values():
        for c in r.changes:
            extra = sorted(set(c.written) - set(c.expected))
            missing = sorted(set(c.expected) - set(c.written))
            lines.append(
                f"- {r.size:,} exercises, `exercises/{c.exercise}.yml`, {c.edit}: rewrote {len(c.written)} file(s): "
                + ", ".join(f"`{p}`" for p in c.written)
                + "."
            )
            if extra:
                lines.append(f"  - rewritten although they do not show it: {', '.join(extra)}")
            if missing:
                lines.append(f"  - show it but were not rewritten: {', '.join(missing)}")
    return lines


def report(results: dict[int, SizeResult], info: dict[str, str], started: str, elapsed: float, repeat: int, extra: Sequence[str] = ()) -> str:
    lines = [
        "# Build scale benchmark",
        "",
        f"Written by `benchmarks/build_scale.py` (`make bench`) on {started}, in {elapsed / 60:.1f} minutes. "
        "Every number and ratio below comes from this one run on this one machine.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in info.items()),
        "",
        "## Method",
        "",
        "Each size is a fresh copy of the repository's site (mkdocs.yml, generator/, schema/, overrides/, content/, "
        "exercises/, and the preview-card font but not the git-ignored card cache) with N synthetic exercises added next to the real ones: chains of four easier/harder versions that "
        "mirror each other, two substitutes, primary and secondary muscles with a `load:` list, equipment the borrowed pose draws, an `outer_hip:` block where that pose lies on its side or crosses a hip, four cues, three mistakes, "
        "two evidence rows and inline citations `[@id]` of a real source and two synthetic ones "
        f"(one synthetic study per {PER_SOURCE} exercises, each cited). "
        f"SOURCE_DATE_EPOCH={EPOCH} and NO_MKDOCS_2_WARNING=1 for every run. In-process times and the validate CLI are the "
        f"median of {repeat} runs (generation writes into a new, empty folder each time, with the card cache emptied first, "
        "so every card is drawn as on a first build; one more run with the cache full is shown too); `mkdocs build --strict` runs once. "
        "The whole build is what `generator build` runs: generation with every card drawn, mkdocs build, then the search index (Pagefind); "
        "its peak memory is the largest of the three processes' peaks. "
        "Peak memory is ru_maxrss of that child process (os.wait4). Page bytes are the mean size of "
        "`site/exercises/<id>/index.html` over the synthetic exercises. Times are wall-clock times and the verdicts use them; "
        "CPU times (user + system) are shown next to them because they move much less when other work shares the machine "
        "(the load average at the start and end of each size is in its table).",
        "",
        "## Overview",
        "",
        "| Exercises | Validate (load) | Validate (CLI) | Generate (cards drawn) | Generate (cards cached) | mkdocs build | Whole build "
        "| Generation share | Peak memory (generate) | Peak memory (mkdocs) | Bytes/page | Search index | Search index (time) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results.values():
        lines.append(
            f"| {r.size:,} | {r.validate_load_s:.2f} s | {r.validate_cli_s:.2f} s | {r.generate_s:.2f} s | {r.generate_warm_s:.2f} s | {r.mkdocs_s:.1f} s "
            f"| {r.build_s:.1f} s | {r.generate_s / r.build_s:.1%} | {mib(r.generate_cli_kib)} | {mib(r.mkdocs_kib)} | {r.page_bytes:,.0f} "
            f"| {r.search_bytes / 1024 / 1024:,.1f} MiB | {r.index_s:.1f} s |"
        )
    for r in results.values():
        lines += ["", f"## {r.size:,} synthetic exercises", "", *size_table(r)]
    lines += ["", "## Targets", "", "| Target | Measured | Verdict |", "|---|---|---|"]
    lines += [f"| {t.text} | {t.measured} | {verdict(t.met)} |" for t in targets(results)]
    lines += ["", "### Files rewritten after one change", "", *change_lists(results), ""]
    lines += extra
    return "\n".join(lines)


