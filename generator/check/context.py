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

from generator.check.texts import Written, written
from generator.document import Document, JsonPath
from generator.errors import DataError
from generator.model import Library


@dataclass(frozen=True)
class Context:
    library: Library
    documents: dict[str, Document]
    known: dict[str, frozenset[str]]
    root: Path

    @cached_property
    def written(self) -> Written:
        """Every text a contributor writes, grouped by its words (walked once, shared by the wording and link rules)."""
        return written(self.documents, self.library)

    def error(self, file: str, path: JsonPath, code: str, message: str, hint: str = "", *, key: bool = False) -> DataError:
        document = self.documents.get(file)
        if document is None:
            return DataError(file, 1, 1, code, message, hint)
        return document.error(path, code, message, hint, key=key)


Rule = Callable[[Context], Iterable[DataError]]
