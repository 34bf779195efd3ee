"""The library's words: original, plain, honest, and complete."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
import textstat

from generator.model import Library
from tests.conftest import DATA_ROOT

MAX_GRADE = 10.0


def test_library_holds_every_data_file_and_the_promised_entries(real_library: Library) -> None:
    """Nothing is dropped on loading (whatever the number of files), and the entries other pages promise are there."""
    library = real_library
    assert set(library.exercises) == {file.stem for file in (DATA_ROOT / "exercises").glob("*.yml")}
    assert set(library.myths) == {file.stem for file in (DATA_ROOT / "content" / "myths").glob("*.yml")}
    assert {"gluteus-medius", "gluteus-minimus", "tensor-fasciae-latae", "gluteus-maximus"} <= set(library.muscles)
    assert {"gym-week", "home-week", "beginner-two-day"} <= set(library.plans)
    pages = {page.output for page in library.pages.values()}
    assert {"index.md", "what-are-hip-dips.md", "nutrition-and-recovery.md", "30-day-start.md", "about.md"} <= pages


def prose_of(html: str) -> str:
    """The prose of a built page: its article without headings, tables, code and the source list."""
    match = re.search(r"<article[^>]*>(.*)</article>", html, re.DOTALL)
    body = match.group(1) if match else ""
    body = body.split('<h2 id="sources"', 1)[0]  # the reference list is citations, not prose
    for element in ("table", "pre", "code", "h1", "h2", "h3", "h4", "script", "style"):
        body = re.sub(rf"<{element}\b.*?</{element}>", " ", body, flags=re.DOTALL)
    body = re.sub(r"</(li|p|dd|dt)>", ". ", body)  # each list item is its own unit, not one long sentence
    text = unescape(re.sub(r"<[^>]+>", " ", body))
    text = re.sub(r"([.!?:])\s*\.", r"\1", text)
    return " ".join(text.split())


MIN_WORDS = 30  # below this a Flesch-Kincaid grade means nothing (an index page that is mostly a table)


def grade_of(html: str) -> float | None:
    """The page's Flesch-Kincaid grade, or None when it has too little prose to grade."""
    text = re.sub(r"\bet al\.", "and others", prose_of(html))
    return float(textstat.flesch_kincaid_grade(text)) if len(text.split()) >= MIN_WORDS else None


def report_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """Where the grade table goes: .pytest_cache/d/reports/reading-grades.txt (or the test's temp folder without the cache)."""
    cache = getattr(request.config, "cache", None)
    return (cache.mkdir("reports") if cache else tmp_path) / "reading-grades.txt"


def test_reading_grade_of_every_page_is_at_most_10(real_site: Path, real_library: Library, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Every page with enough prose reads at grade 10 or below; the whole table is written to a file, not printed."""
    grades: dict[str, float | None] = {}
    for page in sorted(real_site.rglob("index.html")):
        relative = page.parent.relative_to(real_site).as_posix() or "home"
        if relative.startswith(("search", "schema")) or relative in ("references",):
            continue
        grades[relative] = grade_of(page.read_text(encoding="utf-8"))
    library = real_library
    assert {f"exercises/{ident}" for ident in library.exercises} | {f"myths/{ident}" for ident in library.myths} <= set(grades)
    graded = {name: grade for name, grade in grades.items() if grade is not None}
    rows = [f"{grade:5.1f}  {name}" for name, grade in sorted(graded.items(), key=lambda item: -item[1])]
    rows += [f"    -  {name} (under {MIN_WORDS} words of prose: not graded)" for name in sorted(set(grades) - set(graded))]
    report = report_path(request, tmp_path)
    report.write_text(f"Flesch-Kincaid grade of each built page (limit {MAX_GRADE:g}, aim 8)\n" + "\n".join(rows) + "\n", encoding="utf-8")
    too_hard = {name: grade for name, grade in graded.items() if grade > MAX_GRADE}
    assert too_hard == {}, f"pages above grade {MAX_GRADE:g} (every page's grade: {report})"


# --- classes of mistakes that can come back (issue 22) ------------------------------------

def _visible_text(html: str) -> str:
    """The article's words as a reader sees them: no tags, scripts, styles or figures' code."""
    match = re.search(r"<article[^>]*>(.*)</article>", html, re.DOTALL)
    body = match.group(1) if match else ""
    for element in ("script", "style"):
        body = re.sub(rf"<{element}\b.*?</{element}>", " ", body, flags=re.DOTALL)
    return unescape(re.sub(r"<[^>]+>", " ", body))


def _content_pages(site: Path) -> list[Path]:
    return [page for page in sorted(site.rglob("index.html")) if "<article" in page.read_text(encoding="utf-8")]


def test_proper_names_keep_their_capital_on_every_page(real_site: Path) -> None:
    from generator.model import PROPER_WORDS

    lower = re.compile(r"(?<![-/#\w])(?:" + "|".join(word.lower() for word in PROPER_WORDS) + r")\b")
    found = {page.parent.name: lower.findall(_visible_text(page.read_text(encoding="utf-8"))) for page in _content_pages(real_site)}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_side_by_side_citations_share_one_bracket(real_site: Path) -> None:
    back_to_back = re.compile(r'references/#[^"]*"[^>]*>[^<]*</a>\)\s*\(<a href="[^"]*references/#')
    pages = [page.parent.name for page in _content_pages(real_site) if back_to_back.search(page.read_text(encoding="utf-8"))]
    assert pages == [], "write (A 2009; B 2011), not (A 2009) (B 2011)"


def test_number_ranges_never_break_across_lines(real_site: Path) -> None:
    breakable = re.compile(r"(?<![\w.\-/#@=])\d+(?:\.\d+)?\s?[-\u2013]\s?\d+(?:\.\d+)?(?![\w\-/])")
    found = {}
    for page in _content_pages(real_site):
        text = re.sub(r"https?://\S+", " ", _visible_text(page.read_text(encoding="utf-8")))
        hits = [hit for hit in breakable.findall(text) if "\u2060" not in hit]
        if hits:
            found[page.parent.relative_to(real_site).as_posix()] = hits[:3]
    assert found == {}, "a range must be an en dash held by word joiners (generator/render/typography.py)"


def test_every_myth_shows_its_verdict_on_the_scale_with_its_own_badge(real_site: Path, real_library: Library) -> None:
    from generator.model import VERDICT_SCALE, VERDICTS

    schema = json.loads((Path(__file__).resolve().parent.parent / "schema" / "myth.schema.json").read_text(encoding="utf-8"))
    assert tuple(schema["properties"]["verdict"]["enum"]) == VERDICTS, "the schema and the model share one scale"
    index = (real_site / "myths" / "index.html").read_text(encoding="utf-8")
    words = _visible_text(index)
    assert all(verdict.replace("-", " ") in words for verdict in VERDICTS), "the index explains every verdict"
    assert "unproven" not in VERDICT_SCALE
    for myth in real_library.myths.values():
        html = (real_site / "myths" / myth.id / "index.html").read_text(encoding="utf-8")
        badge = f'<span class="hd-verdict hd-verdict--{myth.verdict}">{myth.verdict_label}</span>'
        assert badge in html and badge in index, myth.id


def test_the_unproven_removal_claim_is_not_called_false(real_site: Path, real_library: Library) -> None:
    """EVIDENCE C17 rates 'training fills or removes the dip' unproven; the myth says so."""
    assert real_library.myths["hip-dips-can-be-removed"].verdict == "unproven"


def test_every_exercise_that_presses_or_crosses_the_outer_hip_shows_its_swap(real_site: Path, real_library: Library) -> None:
    library = real_library
    assert any(exercise.presses_or_crosses for exercise in library.exercises.values())
    for exercise in library.exercises.values():
        html = (real_site / "exercises" / exercise.id / "index.html").read_text(encoding="utf-8")
        assert 'href="../../outer-hip-pain/#pain-rule"' in html, f"{exercise.id}: no link to the pain rule"
        if exercise.presses_or_crosses:
            assert exercise.outer_hip is not None
            section = html.split('id="if-your-outer-hip-hurts"', 1)[-1].split("<h2", 1)[0]
            assert 'href="../../outer-hip-pain/"' in section, exercise.id
            for swap in exercise.outer_hip.instead:
                assert f'href="../{swap}/"' in section, f"{exercise.id}: swap {swap} not linked"


def test_every_week_and_plan_links_the_outer_hip_page(real_site: Path) -> None:
    weeks = sorted((real_site / "plans").glob("*/index.html")) + sorted((real_site / "plans" / "your-week").glob("*/index.html"))
    missing = [page.parent.name for page in weeks if page.parent.name != "your-week" and "outer-hip-pain/" not in page.read_text(encoding="utf-8")]
    assert len(weeks) > 3 and missing == []


def test_every_page_says_when_it_was_last_checked(real_site: Path) -> None:
    """Every page that says something about the evidence; the pocket week's tool pages (session, offline) make no claim."""
    from generator.render.pwa import pocket_pages

    tools = {path.removesuffix(".md") for path in pocket_pages()}
    stamp = re.compile(r"Last checked against the evidence: \d{1,2} [A-Z][a-z]+ \d{4}\.|Not yet checked against the evidence by a reviewer\.")
    pages = [page for page in _content_pages(real_site) if page.parent.relative_to(real_site).as_posix() not in tools]
    unstamped = [page.parent.relative_to(real_site).as_posix() for page in pages if not stamp.search(page.read_text(encoding="utf-8"))]
    assert unstamped == []
