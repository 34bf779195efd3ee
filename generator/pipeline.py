"""The pipeline end to end: read and validate, link, render, write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import DataError
from generator.link import link
from generator.render import render
from generator.structured import Site
from generator.validate import load
from generator.write import OUTPUT_DIR, WriteReport, write_tree



@dataclass(frozen=True)
class Result:
    errors: tuple[DataError, ...]
    files: dict[str, bytes]
    report: WriteReport | None


def generate(root: Path, out_dir: Path | None = None, *, write: bool = True) -> Result:
    """Validate the library under `root`; if it is valid, render and write it.

    Nothing is written when there is any error, so the Markdown tree never
    mixes pages from a broken change with pages from the last good one.
    """
    loaded = load(root)
    if loaded.errors:
        return Result(loaded.errors, {}, None)
    files = render(loaded.library, link(loaded.library), Site.from_mkdocs(root))
    report = write_tree(out_dir or root / OUTPUT_DIR, files) if write else None
    return Result((), files, report)
