"""HD318 resolves every link form the way MkDocs resolves it on the generated page, names the
link's own line, quotes it, and its hint gives the form that the strict build accepts.

The MkDocs side is checked for real: the fixture site is built, the same links are put into
the generated exercise page, and `mkdocs build --strict` is asked what it warns about."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import build_site, run_cli

# (link as a contributor may write it in exercises/clam.yml, the form the hint must offer)
BAD_LINKS = (
    ("[the lift](exercises/leg-lift.md)", "leg-lift.md"),
    ("[the lift](/hipdips/exercises/leg-lift/)", "leg-lift.md"),
    ("[the lift](/exercises/leg-lift/)", "leg-lift.md"),
    ("[the lift](../leg-lift/)", "leg-lift.md"),
    ("[the lift](leg-lifts.md)", "leg-lift.md"),
    ("[the myth](myths/spot.md)", "../myths/spot.md"),
    ("[home](../../index.md)", "../index.md"),
    ("[home](../index.md#hom)", "../index.md#home"),
)
GOOD_LINKS = ("[the lift](leg-lift.md)", "[the myth](../myths/spot.md)", "[home](../index.md#home)", "[the week](../plans/week.md)", "[a site](https://example.org/)")
HINTED = re.compile(r"\(([^()\s]+\.md(?:#[\w-]+)?)\)")


def _put_in_setup(library: Path, link: str) -> int:
    """Write the link into a folded block of clam.yml's setup; return the link's own line."""
    clam = library / "exercises" / "clam.yml"
    text = clam.read_text(encoding="utf-8")
    old = "setup: Lie on your side with a band above the knees."
    clam.write_text(text.replace(old, f"setup: >-\n  Lie on your side with a band above the knees.\n  Then see {link}."), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 3


@pytest.mark.parametrize(("link", "right"), BAD_LINKS)
def test_a_link_that_fails_the_strict_build_is_refused_on_its_own_line_with_a_hint_that_works(library: Path, link: str, right: str) -> None:
    line = _put_in_setup(library, link)
    result = run_cli("validate", root=library)
    errors = [row for row in result.err.splitlines() if " HD318 " in row]
    assert len(errors) == 1 and errors[0].startswith(f"exercises/clam.yml:{line}:"), result.err
    assert f'"{link}"' in errors[0]
    hinted = HINTED.findall(errors[0].split("(hint:", 1)[1])
    assert hinted and hinted[-1] == right, errors[0]
    clam = library / "exercises" / "clam.yml"
    target = link.split("](", 1)[1][:-1]
    clam.write_text(clam.read_text(encoding="utf-8").replace(f"]({target})", f"]({right})"), encoding="utf-8")
    assert run_cli("validate", root=library).code == 0


@pytest.mark.parametrize("link", GOOD_LINKS)
def test_a_link_in_the_form_contributing_shows_is_valid(library: Path, link: str) -> None:
    _put_in_setup(library, link)
    result = run_cli("validate", root=library)
    assert result.code == 0, result.err


def test_a_reference_style_link_is_resolved_too(library: Path) -> None:
    home = library / "content" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nSee [the lift][lift].\n\n[lift]: exercises/leg-lifts.md\n", encoding="utf-8")
    result = run_cli("validate", root=library)
    assert "HD318" in result.err and '"[lift]: exercises/leg-lifts.md"' in result.err and "(exercises/leg-lift.md)" in result.err, result.err


def test_a_link_in_text_shown_on_the_built_weeks_too_must_resolve_there(library: Path) -> None:
    clam = library / "exercises" / "clam.yml"
    clam.write_text(clam.read_text(encoding="utf-8").replace("progress: Add reps, then a stronger band.", "progress: Add reps, then move to [the lift](leg-lift.md)."), encoding="utf-8")
    result = run_cli("validate", root=library)
    assert "HD318" in result.err and "also shown on plans/your-week/" in result.err, result.err


def _strict_warnings(root: Path, links: tuple[str, ...], page_text: str) -> str:
    page = root / "build" / "docs" / "exercises" / "clam.md"
    page.write_text(page_text + "\n\n" + "\n\n".join(links) + "\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "out")], cwd=root, capture_output=True, text=True, env=env, check=False)
    return "\n".join(line for line in done.stderr.splitlines() if line.startswith("WARNING") and "exercises/clam.md" in line)


def test_mkdocs_strict_refuses_exactly_the_links_validate_refuses(library: Path) -> None:
    assert build_site(library, keep_nav=False).returncode == 0
    page_text = (library / "build" / "docs" / "exercises" / "clam.md").read_text(encoding="utf-8")
    refused = _strict_warnings(library, tuple(link for link, _ in BAD_LINKS), page_text)
    for link, _ in BAD_LINKS:
        target = link.split("](", 1)[1][:-1].split("#")[0]
        assert target.rstrip("/").split("/")[-1] in refused, (link, refused)
    assert _strict_warnings(library, (*GOOD_LINKS, *(f"[x]({right})" for _, right in BAD_LINKS)), page_text) == ""
