"""The site's sentences are its own: nothing shares a run of 8 words with the source articles."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from generator.check.originality import FINGERPRINT, load_fingerprint, make_fingerprint, parse_fingerprint, shared_runs
from tests.conftest import REPO

TEXT_SUFFIXES = {".md", ".yml", ".yaml", ".txt"}


def text_of_page(html: str) -> str:
    """What a reader reads on a built page: the text of its article, line by line."""
    match = re.search(r"<article[^>]*>(.*)</article>", html, re.DOTALL)
    body = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", match.group(1) if match else "", flags=re.DOTALL)
    return unescape(re.sub(r"<[^>]+>", " ", re.sub(r"</(p|li|h\d|td|th|dd|dt|figcaption)>", "\n", body)))


def test_fingerprint_is_hashes_only_and_covers_both_articles() -> None:
    hashes = load_fingerprint()
    assert len(hashes) > 2_000
    lines = FINGERPRINT.read_text(encoding="ascii").splitlines()[1:]
    assert len(lines) == len(hashes) and all(re.fullmatch(r"[0-9a-f]{16}", line) for line in lines)
    assert not re.search(r"[g-z]{3}", "".join(FINGERPRINT.read_text(encoding="ascii").splitlines()[1:]))


def test_checker_finds_a_copied_sentence_and_where_it_starts() -> None:
    article = "Side-lying hip abduction is one of the very best moves for the outer glutes, trainers say."
    fingerprint = parse_fingerprint(make_fingerprint([article]))
    page = "Our own words come first.\nThen: side-lying hip abduction is one of the very best moves for the outer glutes.\n"
    assert shared_runs(page, fingerprint) == [(2, 15)]
    assert shared_runs("Side-lying hip abduction trains the side of the hip well, in our words.", fingerprint) == []
    assert shared_runs("is one of the very best moves", fingerprint) == []  # 7 words: below the limit


def test_no_data_file_or_hand_written_page_shares_wording_with_the_articles() -> None:
    fingerprint = load_fingerprint()
    files = [file for folder in ("content", "exercises") for file in sorted((REPO / folder).rglob("*")) if file.suffix in TEXT_SUFFIXES]
    assert len(files) > 40
    shared = {f"{file.relative_to(REPO)}:{line} ({count} words)" for file in files for line, count in shared_runs(file.read_text(encoding="utf-8"), fingerprint)}
    assert shared == set(), "rewrite these in your own words"


def test_no_built_page_shares_wording_with_the_articles(real_site: Path) -> None:
    fingerprint = load_fingerprint()
    pages = sorted(real_site.rglob("index.html"))
    assert len(pages) > 40
    shared = set()
    for page in pages:
        for line, count in shared_runs(text_of_page(page.read_text(encoding="utf-8")), fingerprint):
            shared.add(f"{page.relative_to(real_site)}: text line {line} ({count} words)")
    assert shared == set()


def test_validate_refuses_copied_wording_with_a_located_error(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """HD503 in `make validate`: checked here against a made-up article, since the real ones are not shipped."""
    import generator.check.originality
    from generator.check.validate import load

    article = "Trainers agree that the banded clamshell wakes up the sleepy side of your hip like nothing else."
    monkeypatch.setattr(generator.check.originality, "load_fingerprint", lambda: parse_fingerprint(make_fingerprint([article])))
    clam = library / "exercises" / "clam.yml"
    clam.write_text(clam.read_text(encoding="utf-8").replace("  - Lower it slowly.", "  - It wakes up the sleepy side of your hip like nothing else."), encoding="utf-8")
    errors = [error for error in load(library).errors if error.code == "HD503"]
    line = clam.read_text(encoding="utf-8").splitlines().index("  - It wakes up the sleepy side of your hip like nothing else.") + 1
    assert [(error.path, error.line) for error in errors] == [("exercises/clam.yml", line)]
    assert "11 words in a row" in errors[0].message
