"""The pipeline end to end: read and validate, link, render, write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.cards import CACHE_DIR, CardReport, write_cards
from generator.errors import DataError
from generator.link import link
from generator.render import render_site
from generator.structured import Site
from generator.validate import load
from generator.write import OUTPUT_DIR, WriteReport, write_tree


@dataclass(frozen=True)
class Result:
    errors: tuple[DataError, ...]
    files: dict[str, bytes]
    report: WriteReport | None
    cards: CardReport | None = None  # the preview cards, written after the pages


def generate(root: Path, out_dir: Path | None = None, *, write: bool = True) -> Result:
    """Validate the library under `root`; if it is valid, render and write it.

    Nothing is written when there is any error, so the Markdown tree never
    mixes pages from a broken change with pages from the last good one. The
    preview cards are written after the pages (generator/cards.py).
    """
    loaded = load(root)
    if loaded.errors:
        return Result(loaded.errors, {}, None)
    rendered = render_site(loaded.library, link(loaded.library), Site.from_mkdocs(root))
    if not write:
        return Result((), rendered.files, None)
    out = out_dir or root / OUTPUT_DIR
    report = write_tree(out, rendered.files, keep={card.path for card in rendered.cards})
    cache = root / CACHE_DIR if (root / CACHE_DIR).parent.is_dir() else None  # a library without social/ (a test fixture) has no cache
    cards = write_cards(out, rendered.cards, cache)  # one at a time, drawn only when not cached
    return Result((), rendered.files, report, cards)
