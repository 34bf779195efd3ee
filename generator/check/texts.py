"""Every text a contributor writes, each with a way to put an error on it.

A text is a string value of a data file or the body of a hand-written page.
An error on a text is located to the line and column of the character it is
about, inside a block scalar (`why: >-`) too: the reader keeps where each
value's characters stand in the file (Document.locate). `quoted` gives the
sentence or link an error is about, for its message. The wording and link rules
walk `Written`, every text grouped by its words, instead of each walking documents
and pages again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from generator.document import Document, JsonPath
from generator.errors import DataError, Fix
from generator.model import Page

Found = TypeVar("Found")


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


# Where a text is written: its file, its path, and the document or page that holds it.
Place = tuple[str, JsonPath, Document | None, Page | None]


@dataclass(frozen=True)
class Written:
    """Every text a contributor writes, grouped by its words. A rule whose finding depends on
    the words alone searches each text once, however many places hold it (an id, a level, a
    muscle, a shared cue), and makes a `Text` only for a place it has something to say about.
    At 1,000 exercises there are about four times as many places as texts."""

    places: dict[str, list[Place]]

    def found(self, find: Callable[[str], Iterable[Found]], *, unless: Callable[[Text], bool] | None = None) -> Iterator[tuple[Text, Found]]:
        """Each place whose text `find` finds something in (and that `unless` does not excuse), with each thing found."""
        for words, places in self.places.items():
            found = list(find(words))
            if found:
                for file, path, document, page in places:
                    item = Text(file, path, words, document, page)
                    if unless is None or not unless(item):
                        for each in found:
                            yield item, each

    def matching(self, test: Callable[[str], bool]) -> Iterator[Text]:
        """Each place whose text passes a cheap test."""
        for words, places in self.places.items():
            if test(words):
                for file, path, document, page in places:
                    yield Text(file, path, words, document, page)

    def in_files(self, test: Callable[[str], bool]) -> Iterator[tuple[str, JsonPath, str, Document]]:
        """(file, path, text, document) of each place in a data file (or front matter) whose text
        passes a cheap test; page bodies are left out."""
        for words, places in self.places.items():
            if test(words):
                for file, path, document, _ in places:
                    if document is not None:
                        yield file, path, words, document


def written(documents: dict[str, Document], pages: Iterable[Page]) -> Written:
    """The string values of every data file (and page front matter), then every page body, grouped by their words."""
    places: dict[str, list[Place]] = {}
    for file, document in documents.items():
        for path, text in document.strings():
            where = places.get(text)
            if where is None:
                places[text] = [(file, path, document, None)]
            else:
                where.append((file, path, document, None))
    for page in pages:
        places.setdefault(page.body, []).append((page.file, (), None, page))
    return Written(places)
