"""Typography of the generated Markdown: number ranges that never break across lines.

"rest 30-60 s" must not end one line with "30-" and start the next with "60 s". A range
of numbers becomes an en dash held to its numbers by word joiners (U+2060), with a
no-break space before a short unit. Only running text changes: HTML tags (and so SVG
figures), link targets, addresses, code and attribute lists stay as they are.
"""

from __future__ import annotations

import re

EN_DASH, JOINER, NO_BREAK_SPACE = "\u2013", "\u2060", "\u00a0"
_PROTECTED = re.compile(r"<(script|style)\b.*?</\1>|<!--.*?-->|<[^>]*>|\]\([^)]*\)|`[^`\n]*`|https?://[^\s)>\]]+|\{[^}\n]*\}", re.DOTALL)
_RANGE = re.compile(r"(?<![\w.\-/#@=])(\d+(?:\.\d+)?)\s?[-\u2013]\s?(\d+(?:\.\d+)?)(?![\w\-/])(\s(?:s|%|g|kg|mm|cm|m)\b)?")


def _range(match: re.Match[str]) -> str:
    unit = match.group(3) or ""
    return f"{match.group(1)}{JOINER}{EN_DASH}{JOINER}{match.group(2)}" + (NO_BREAK_SPACE + unit.strip() if unit else "")


def unbreakable_ranges(markdown: str) -> str:
    """The Markdown with every number range in its running text made unbreakable."""
    out, last = [], 0
    for protected in _PROTECTED.finditer(markdown):
        out.append(_RANGE.sub(_range, markdown[last : protected.start()]))
        out.append(protected.group(0))
        last = protected.end()
    out.append(_RANGE.sub(_range, markdown[last:]))
    return "".join(out)
