"""Inline citations: `[@source-id]` in any Markdown text.

Citations written side by side (`[@a] [@b]`) are one group: they render as one
pair of brackets, "(Distefano et al. 2009; Boren et al. 2011)", never as two.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
CITATION = re.compile(rf"\[@({_ID})\]")
GROUP = re.compile(rf"\[@{_ID}\](?:[ \t]*\n?[ \t]*\[@{_ID}\])*")  # citations next to each other, on one line or across a line break


def cited(text: str) -> Iterator[str]:
    """The source ids cited in a text, in order of first appearance."""
    if "[@" not in text:
        return
    seen: set[str] = set()
    for match in CITATION.finditer(text):
        if match.group(1) not in seen:
            seen.add(match.group(1))
            yield match.group(1)


def resolve_groups(text: str, link: Callable[[Sequence[str]], str]) -> str:
    """Replace each group of side-by-side citations with the Markdown that `link(ids)` returns."""
    if "[@" not in text:
        return text
    return GROUP.sub(lambda match: link(CITATION.findall(match.group(0))), text)
