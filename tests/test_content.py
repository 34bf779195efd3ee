"""The library's words: original, plain, honest, and complete."""

from __future__ import annotations

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
