"""Safety: nothing a contributor writes may run in a reader's browser.

Text fields are Markdown without raw HTML. Python-Markdown passes raw HTML
through and does not filter link schemes, so both are refused here, before
anything is rendered: HTML tags and comments, attribute lists that set
event handlers, styles or addresses (`{: onclick=...}`), links whose scheme is not
http, https or mailto (after the tricks browsers forgive: entities, white
space and control characters inside the scheme), and images from other
hosts, which would make readers' browsers contact them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from generator.check.texts import body_error
from generator.document import Document
from generator.errors import DataError

_HTML = re.compile(r"<\s*[A-Za-z!?/]")
_INLINE_TARGET = re.compile(r"\]\(\s*<?([^)>]*)")
_IMAGE_TARGET = re.compile(r"!\[[^\]]*\]\(\s*<?([^)>]*)")
_ATTRIBUTE_LIST = re.compile(r"\{[^}\n]*\b(on[a-z]+|style|href|src|srcdoc|srcset|formaction|action|xlink:href)\s*=", re.IGNORECASE)
_REFERENCE_TARGET = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*)", re.MULTILINE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f]+")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def _unsafe_target(target: str) -> str:
    """The scheme of a link target if it is not a safe one, else ''."""
    normal = _INVISIBLE.sub("", html.unescape(html.unescape(target))).lower()
    match = _SCHEME.match(normal)
    if match and match.group(1) not in SAFE_SCHEMES:
        return match.group(1)
    if "&" in target and ("&#" in target or re.search(r"&[a-z]+;", target, re.I)):
        return "entity"
    return ""


def may_be_unsafe(text: str) -> bool:
    """No tag, attribute list, link, image or link reference is written without one of these
    (a citation `[@id]` has none): a cheap first look that most texts stop at."""
    return "<" in text or "{" in text or "](" in text or "]:" in text


def problems_in_text(text: str) -> Iterator[tuple[int, str, str, str]]:
    """(offset, code, message, hint) for each unsafe construct in Markdown text."""
    if not may_be_unsafe(text):
        return
    for match in _HTML.finditer(text):
        yield match.start(), "HD401", "raw HTML is not allowed in text", "use Markdown instead; write 'less than' for '<'"
    for match in _INLINE_TARGET.finditer(text):
        scheme = _unsafe_target(match.group(1))
        if scheme:
            yield match.start(), "HD402", f"link with unsafe target ({scheme}) is not allowed", "links must start with https://, http:// or mailto:, or be a relative path"
    for match in _IMAGE_TARGET.finditer(text):
        if re.match(r"\s*([a-z][a-z0-9+.\-]*:|//)", match.group(1), re.IGNORECASE):
            yield match.start(), "HD403", "images from other websites are not allowed", "keep pictures in the repository and list them under images:"
    for match in _ATTRIBUTE_LIST.finditer(text):
        yield match.start(), "HD405", f"attribute list setting '{match.group(1)}' is not allowed", "remove the {...} part; style comes from the site's CSS"
    for match in _REFERENCE_TARGET.finditer(text):
        scheme = _unsafe_target(match.group(1))
        if scheme:
            yield match.start(), "HD402", f"link with unsafe target ({scheme}) is not allowed", "links must start with https://, http:// or mailto:"


def check_document(document: Document) -> Iterator[DataError]:
    """Refuse unsafe Markdown in every text value of a data file."""
    for path, text in document.strings():
        for offset, code, message, hint in problems_in_text(text) if may_be_unsafe(text) else ():
            yield document.error(path, code, message, hint, offset=offset)


def check_markdown_body(path: str, body: str, first_line: int) -> Iterator[DataError]:
    """Refuse unsafe Markdown in a hand-written page, located to its line."""
    for offset, code, message, hint in problems_in_text(body):
        yield body_error(path, body, first_line, offset, code, message, hint)
