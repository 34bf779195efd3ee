"""Inline citations: `[@source-id]` in any Markdown text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

CITATION = re.compile(r"\[@([a-z0-9]+(?:-[a-z0-9]+)*)\]")


def cited(text: str) -> Iterator[str]:
    """The source ids cited in a text, in order of first appearance."""
    if "[@" not in text:
        return
    seen: set[str] = set()
    for match in CITATION.finditer(text):
        if match.group(1) not in seen:
            seen.add(match.group(1))
            yield match.group(1)


def resolve(text: str, link: Callable[[str], str]) -> str:
    """Replace each `[@id]` with the Markdown that `link(id)` returns."""
    return CITATION.sub(lambda match: link(match.group(1)), text)
