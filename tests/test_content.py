"""The library's words: original, plain, honest, and complete."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import textstat

from generator.check.validate import load
from tests.conftest import REPO

MAX_GRADE = 10.0


def test_library_has_the_promised_entries() -> None:
    library = load(REPO).library
    assert len(library.exercises) >= 20
    assert len(library.myths) >= 12
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


def grade_of(html: str) -> float:
    text = re.sub(r"\bet al\.", "and others", prose_of(html))
    return float(textstat.flesch_kincaid_grade(text)) if len(text.split()) > 30 else 0.0


def test_reading_grade_of_every_page_is_at_most_10(real_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    grades = {}
    for page in sorted(real_site.rglob("index.html")):
        relative = page.parent.relative_to(real_site).as_posix() or "home"
        if relative.startswith(("search", "schema")) or relative in ("references",):
            continue
        grades[relative] = grade_of(page.read_text(encoding="utf-8"))
    assert len(grades) > 40
    report = "\n".join(f"{grade:5.1f}  {name}" for name, grade in sorted(grades.items(), key=lambda item: -item[1]))
    with capsys.disabled():
        print("\nFlesch-Kincaid grade of each page (limit 10, aim 8):\n" + report)
    too_hard = {name: grade for name, grade in grades.items() if grade > MAX_GRADE}
    assert too_hard == {}
