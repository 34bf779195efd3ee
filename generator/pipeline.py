"""The pipeline end to end: load (read and check), link, plan, render, write.

Each stage is a function of what the stages before it made: `load` reads and
checks the data (generator/reader.py, generator/check/), `link` relates the
entries, `plan_weeks` builds the readers' weeks (generator/weeks/), `render_site`
turns all of it into pages (generator/render/, drawing with generator/draw/),
and `write_tree` puts the pages on disk, then the preview cards.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.check.validate import load
from generator.errors import DataError
from generator.link import link
from generator.render.cards import CACHE_DIR, CardReport, write_cards
from generator.render.pages import render_site
from generator.render.pwa import worker_paths, write_worker
from generator.render.structured import Site
from generator.weeks.planner import plan_weeks
from generator.write import OUTPUT_DIR, WriteReport, write_tree


@dataclass(frozen=True)
class Result:
    errors: tuple[DataError, ...]
    files: dict[str, bytes]
    report: WriteReport | None
    cards: CardReport | None = None  # the preview cards, written after the pages


def generate(root: Path, out_dir: Path | None = None, *, write: bool = True, cache: bool = False) -> Result:
    """Validate the library under `root`; if it is valid, render and write it.

    Nothing is written when there is any error, so the Markdown tree never
    mixes pages from a broken change with pages from the last good one. The
    preview cards are written after the pages (generator/render/cards.py). With
    `cache`, files unchanged since the last run are not parsed again (validate.load).
    """
    loaded = load(root, cache=cache)
    if loaded.errors:
        return Result(loaded.errors, {}, None)
    library = loaded.library
    links = link(library)
    weeks = plan_weeks(library)
    site = Site.from_mkdocs(root)
    rendered = render_site(library, links, weeks, site)
    if not write:
        return Result((), rendered.files, None)
    out = out_dir or root / OUTPUT_DIR
    report = write_tree(out, rendered.files, keep={card.path for card in rendered.cards} | worker_paths())
    cache = root / CACHE_DIR if (root / CACHE_DIR).parent.is_dir() else None  # a library without social/ (a test fixture) has no cache
    cards = write_cards(out, rendered.cards, cache)  # one at a time, drawn only when not cached
    write_worker(out, rendered.files, (card.key() for card in rendered.cards), site, root / "overrides")  # icons and sw.js, hashed over all of it
    return Result((), rendered.files, report, cards)
