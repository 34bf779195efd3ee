"""A parsed data file: its value, and where each value and each key stands in the file.

The read stage (generator/reader.py) makes one for every data file and every
page's front matter; the checks put each error on the line and column of what
it is about through `Document.error`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from generator.errors import DataError, Fix

JsonPath = tuple[str | int, ...]
Location = tuple[int, int]


@dataclass(frozen=True)
class Positions:
    """Where each value and each key of a document stands in its file (line, column)."""

    locations: dict[JsonPath, Location]
    key_locations: dict[JsonPath, Location]
    # Where each text value's own characters stand in the source (start and end offset), so
    # that a word inside a block scalar (`why: >-`) is located to its own line.
    spans: dict[JsonPath, tuple[int, int]]


@dataclass(frozen=True)
class Document:
    """One parsed data file: its value and where each part of it stands."""

    path: str
    value: Any
    # Where each part stands. A document read in another process comes without them (sending
    # them costs more than reading the file): `find_positions` reads its source again for them
    # when an error first needs a line, which in a valid library is never.
    read_positions: Positions | None = field(repr=False)
    source: str = field(default="", repr=False)
    notes: tuple[DataError, ...] = ()  # what was read past, said but not refused (a byte-order mark)
    first_line: int = 1  # the file line of the source's first line (front matter starts below '---')
    # Every text value with its path in file order, as `parse` read them (None: `strings` walks the value).
    read_strings: tuple[tuple[JsonPath, str], ...] | None = field(default=None, repr=False)
    find_positions: Callable[[], Positions] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def positions(self) -> Positions:
        if self.read_positions is not None:
            return self.read_positions
        assert self.find_positions is not None, f"{self.path}: a document needs its positions or a way to find them"
        return self.find_positions()

    def where(self, json_path: JsonPath, *, key: bool = False) -> Location:
        """The location of a value (or of its key), or of its nearest parent."""
        locations = self.positions.locations
        table = self.positions.key_locations if key else locations
        probe = tuple(json_path)
        while probe:
            if probe in table:
                return table[probe]
            if key and probe in locations:
                return locations[probe]
            probe = probe[:-1]
        return locations.get((), (1, 1))

    def locate(self, json_path: JsonPath, offset: int) -> Location:
        """The file line and column of the character at `offset` of a text value. The value's
        words are found again in the file's own text, so this holds for plain, quoted, folded
        (`>`) and literal (`|`) scalars alike; it falls back to where the value starts."""
        span, value = self.positions.spans.get(json_path), self.value_at(json_path)
        if span is None or not isinstance(value, str):
            return self.where(json_path)
        words = re.findall(r"\S+", value[max(0, offset) :])[:6]
        raw = self.source[span[0] : span[1]]
        while words:
            pattern = re.compile(r"\s+".join(map(re.escape, words)))
            before = len(pattern.findall(value[: max(0, offset)]))
            found = list(pattern.finditer(raw))
            if len(found) > before:
                index = span[0] + found[before].start()
                line = self.source.count("\n", 0, index) + self.first_line
                return line, index - (self.source.rfind("\n", 0, index) + 1) + 1
            words = words[:-1]
        return self.where(json_path)

    def string_at(self, json_path: JsonPath) -> str | None:
        """The text value at a path, or None when the value there is not text."""
        value = self.value_at(json_path)
        return value if isinstance(value, str) else None

    def value_at(self, json_path: JsonPath) -> Any:
        value = self.value
        for part in json_path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def strings(self) -> tuple[tuple[JsonPath, str], ...]:
        """Every text value in the document with its path, in file order (computed once)."""
        return self._strings

    @cached_property
    def _strings(self) -> tuple[tuple[JsonPath, str], ...]:
        if self.read_strings is not None:
            return self.read_strings
        found: list[tuple[JsonPath, str]] = []
        pending: list[tuple[JsonPath, Any]] = [((), self.value)]
        while pending:
            path, value = pending.pop()
            if isinstance(value, str):
                found.append((path, value))
            elif isinstance(value, dict):
                pending.extend(reversed([((*path, k), v) for k, v in value.items()]))
            elif isinstance(value, list):
                pending.extend(reversed([((*path, i), v) for i, v in enumerate(value)]))
        return tuple(found)

    def error(self, json_path: JsonPath, code: str, message: str, hint: str = "", *, key: bool = False, offset: int | None = None, fix: Fix | None = None) -> DataError:
        """An error on a value (or its key), or on the character at `offset` of a text value."""
        line, col = self.where(json_path, key=key) if offset is None else self.locate(json_path, offset)
        return DataError(self.path, line, col, code, message, hint, fix=fix)

    def line_text(self, line: int) -> str:
        """The text of one line of the file, as written."""
        lines = self.source.split("\n")
        index = line - self.first_line
        return lines[index] if 0 <= index < len(lines) else ""
