"""Every text a contributor writes, each with a way to put an error on it.

A text is a string value of a data file or the body of a hand-written page.
An error on a text is located to the line and column of the character it is
about, inside a block scalar (`why: >-`) too: the reader keeps where each
value's characters stand in the file (Document.locate). `quoted` gives the
sentence or link an error is about, for its message. The wording and link rules
walk these instead of each walking documents and pages again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.errors import DataError, Fix
from generator.model import Library, Page
from generator.reader import Document, JsonPath


@dataclass(frozen=True)
class Text:
    """One text, where it is, and the page it ends up on (set by the caller's rule)."""

    file: str
    path: JsonPath  # () for a page body
    text: str
    document: Document | None = None
    page: Page | None = None

    def error(self, offset: int, code: str, message: str, hint: str = "", fix: Fix | None = None) -> DataError:
        if self.document is not None:
            return self.document.error(self.path, code, message, hint, offset=offset, fix=fix)
        assert self.page is not None
        return body_error(self.page.file, self.page.body, self.page.body_line, offset, code, message, hint)


QUOTE_CHARS = 90


def quoted(text: str) -> str:
    """A sentence or link as an error message quotes it: on one line, cut short when long."""
    flat = " ".join(text.split())
    return '"' + (flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 3].rstrip() + "...") + '"'


def body_error(file: str, body: str, first_line: int, offset: int, code: str, message: str, hint: str = "") -> DataError:
    """A DataError at an offset of a page's Markdown body, whose first line is `first_line` of the file."""
    line = first_line + body.count("\n", 0, offset)
    col = offset - (body.rfind("\n", 0, offset) + 1) + 1
    return DataError(file, line, col, code, message, hint)


def texts(documents: dict[str, Document], library: Library) -> Iterator[Text]:
    """The string values of every data file (and page front matter), then every page body."""
    for file, document in documents.items():
        for path, text in document.strings():
            yield Text(file, path, text, document=document)
    for page in library.pages.values():
        yield Text(page.file, (), page.body, page=page)
