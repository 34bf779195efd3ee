"""The one error type for problems in contributors' data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any


@dataclass(frozen=True, order=True)
class Fix:
    """A hint's fix that a machine can make: on one line of one file, `old` becomes `new`
    (`new` may hold line breaks, to add lines below). `make fix` and the tests apply it."""

    path: str
    line: int
    old: str
    new: str

    def apply(self, text: str) -> str | None:
        """The text with the fix made, or None when the line no longer holds `old`."""
        lines = text.split("\n")
        if not 0 < self.line <= len(lines) or self.old not in lines[self.line - 1]:
            return None
        lines[self.line - 1] = lines[self.line - 1].replace(self.old, self.new, 1)
        return "\n".join(lines)


@dataclass(frozen=True, order=True)
class DataError:
    """A problem in a data file, located to a line and column (1-based)."""

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""
    fix: Fix | None = field(default=None, compare=False)  # the hint as a machine-applicable edit, when there is one

    def plain(self) -> tuple[Any, ...]:
        """The error as plain data, which `from_plain` turns back (validation sends errors between processes)."""
        fix = None if self.fix is None else (self.fix.path, self.fix.line, self.fix.old, self.fix.new)
        return (self.path, self.line, self.col, self.code, self.message, self.hint, fix)

    @classmethod
    def from_plain(cls, data: tuple[Any, ...]) -> DataError:
        path, line, col, code, message, hint, fix = data
        return cls(path, line, col, code, message, hint, fix=None if fix is None else Fix(*fix))

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command."""
        message = self.message + (f" Hint: {self.hint}" if self.hint else "")
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = str(PurePosixPath(self.path))
        return f"::error file={path},line={self.line},col={self.col},title={self.code}::{message}"


class DataErrors(Exception):
    """Raised by a stage that found problems; carries all of them."""

    def __init__(self, errors: list[DataError]):
        super().__init__(f"{len(errors)} data error(s)")
        self.errors = sorted(set(errors))
