"""Unit tests of the stages after validation: link, render, write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.check.validate import load
from generator.link import link
from generator.pipeline import generate
from generator.render.pages import render
from generator.weeks.planner import plan_weeks
from generator.write import write_tree
from tests.conftest import FIXTURE

GOLDEN = Path(__file__).resolve().parent / "golden"


def test_backlinks_are_computed_both_ways() -> None:
    links = link(load(FIXTURE).library)
    assert links.myths_about_exercise == {"leg-lift": ("spot",)}
    assert links.myths_about_muscle == {"gluteus-medius": ("spot",)}
    assert links.plans_using == {"clam": ("week",), "leg-lift": ("week",)}
    assert links.primary_of["gluteus-medius"] == ("clam", "leg-lift")
    assert links.secondary_of["gluteus-maximus"] == ("clam",)
    assert links.cited_on["review-b"] == ("index.md", "myths/spot.md")


def test_page_sources_include_inline_citations_and_evidence() -> None:
    links = link(load(FIXTURE).library)
    assert links.page_sources["exercises/clam.md"] == ("study-a",)
    assert links.page_sources["index.md"] == ("review-b",)


def rendered() -> dict[str, bytes]:
    library = load(FIXTURE).library
    return render(library, link(library), plan_weeks(library))


@pytest.mark.parametrize("path", sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()))
def test_rendered_page_matches_golden_file(path: str) -> None:
    """Golden output: set UPDATE_GOLDEN=1 to rewrite the files after a deliberate change."""
    actual = rendered()[path]
    golden = GOLDEN / path
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_bytes(actual)
    assert actual.decode() == golden.read_bytes().decode("utf-8")


def test_every_rendered_page_has_a_golden_file() -> None:
    files = rendered()
    expected = {p for p in files if not p.startswith("schema/")}
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for path in expected:
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(files[path])
    assert expected == {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}


def test_rendering_is_deterministic() -> None:
    assert rendered() == rendered()


def test_renamed_entry_leaves_a_redirect_page() -> None:
    page = rendered()["exercises/side-leg-lift/index.html"].decode()
    assert 'http-equiv="refresh" content="0; url=../leg-lift/"' in page


def test_writer_touches_only_changed_files_and_removes_stale_ones(tmp_path: Path) -> None:
    first = write_tree(tmp_path, {"a.md": b"A", "sub/b.md": b"B", "sub/old.md": b"O"})
    assert first.written == ("a.md", "sub/b.md", "sub/old.md")
    (tmp_path / "stray").mkdir()
    (tmp_path / "stray" / "gone.md").write_bytes(b"x")
    before = (tmp_path / "a.md").stat().st_mtime_ns
    second = write_tree(tmp_path, {"a.md": b"A", "sub/b.md": b"B2"})
    assert second.written == ("sub/b.md",)
    assert second.removed == ("stray/gone.md", "sub/old.md")
    assert second.unchanged == 1
    assert (tmp_path / "a.md").stat().st_mtime_ns == before
    assert not (tmp_path / "stray").exists()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.md", "b.md", "sub"]


def test_generate_twice_writes_nothing_the_second_time(tmp_path: Path) -> None:
    first = generate(FIXTURE, tmp_path)
    second = generate(FIXTURE, tmp_path)
    assert first.report and len(first.report.written) == len(first.files)
    assert second.report and second.report.written == () and second.report.removed == ()


def test_schemas_are_published_with_the_site() -> None:
    files = rendered()
    for kind in ("exercise", "myth", "plan", "muscles", "equipment", "sources", "common", "page"):
        assert f"schema/{kind}.schema.json" in files
