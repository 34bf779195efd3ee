"""What every checking rule reads: the library, its documents, the ids known from file names.

Kept apart from the rules so that any rule module (generator/check/rules.py,
plan_rules.py, wording.py, page_links.py, and the week rules in
generator/weeks/rules.py) can import it without importing another rule: the
registry (generator/check/registry.py) is the only module that imports them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol

from generator.check.texts import Written, written
from generator.document import Document, JsonPath
from generator.errors import DataError
from generator.model import Library, Page


class HasWritten(Protocol):
    """All that a wording rule reads (generator/check/wording.py): every text, grouped by its words."""

    @property
    def written(self) -> Written: ...


@dataclass(frozen=True)
class Texts:
    """Every text a contributor writes, known as soon as the files are read: each file's
    values and each hand-written page. The wording rules read nothing else, so validation
    may start them on these, on a second core, before the library is built (validate.load)."""

    documents: dict[str, Document]
    pages: tuple[Page, ...]

    @cached_property
    def written(self) -> Written:
        return written(self.documents, self.pages)


@dataclass(frozen=True)
class Context:
    library: Library
    documents: dict[str, Document]
    known: dict[str, frozenset[str]]
    root: Path
    texts: Texts | None = None  # these documents' and pages' texts, when the caller has them already (grouped once a process)

    @cached_property
    def written(self) -> Written:
        """Every text a contributor writes, grouped by its words (walked once, shared by the rules that read texts)."""
        texts = self.texts if self.texts is not None else Texts(self.documents, tuple(self.library.pages.values()))
        return texts.written

    def error(self, file: str, path: JsonPath, code: str, message: str, hint: str = "", *, key: bool = False) -> DataError:
        document = self.documents.get(file)
        if document is None:
            return DataError(file, 1, 1, code, message, hint)
        return document.error(path, code, message, hint, key=key)


Rule = Callable[[Context], Iterable[DataError]]
TextRule = Callable[[HasWritten], Iterable[DataError]]  # a rule that reads the texts alone (the wording rules)
