"""The read stage: YAML text -> plain data with the line and column of every value.

The reader is strict on purpose: data files come from pull requests by
strangers. It walks libyaml's event stream itself instead of using a loader,
so it can refuse what a loader would silently accept: duplicate keys, anchors
and aliases (no "billion laughs"), explicit tags (no `!!python/object`),
non-text keys, nesting deeper than any schema needs, and numbers that are not
finite. Every refusal is a DataError with a stable code.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NoReturn

import yaml

from generator.document import Document, JsonPath, Location, Positions
from generator.errors import DataError, Fix

try:  # libyaml's C parser is about ten times faster; fall back when absent.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 8

_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The same characters as bytes: in UTF-8 these bytes stand for these characters and nothing
# else, so deleting them from the raw bytes tells in one fast pass whether the text has any.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


class _Refused(Exception):
    def __init__(self, error: DataError):
        super().__init__(error.message)
        self.error = error


BOM = b"\xef\xbb\xbf"


def bom_note(path: str) -> DataError:
    """HD102 is a note, not an error: a byte-order mark is read past, and `make fix` removes it."""
    return DataError(path, 1, 1, "HD102", "note: the file starts with a byte-order mark; it was read without it", "make fix removes it (save as UTF-8 without BOM)")


def tab_errors(text: str, path: str) -> list[DataError]:
    """HD110 on every line indented with a tab, each with its fix (two spaces per tab)."""
    found: list[DataError] = []
    if "\t" not in text:  # nearly every file; the pattern tried at every line start is slow
        return found
    for match in _TAB_INDENT.finditer(text):
        offset = match.end() - 1
        line = text.count("\n", 0, offset) + 1
        start = text.rfind("\n", 0, offset) + 1
        written = text[start : text.find("\n", offset) if "\n" in text[offset:] else len(text)]
        lead = written[: len(written) - len(written.lstrip(" \t"))]
        fix = Fix(path, line, lead, lead.replace("\t", "  "))
        found.append(DataError(path, line, offset - start + 1, "HD110", "tab character in indentation", "indent with spaces only (make fix turns each tab into two spaces)", fix=fix))
    return found


def decode(raw: bytes, path: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Bytes -> text, refusing what YAML or our pages cannot carry (a byte-order mark is read past)."""
    if len(raw) > max_bytes:
        raise _Refused(DataError(path, 1, 1, "HD107", f"file is {len(raw)} bytes; the limit is {max_bytes}", "split long text or remove pasted content"))
    raw = raw.removeprefix(BOM)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _Refused(DataError(path, line, col, "HD101", "file is not valid UTF-8", "save the file with UTF-8 encoding")) from None
    tabs = tab_errors(text, path)
    if tabs:
        raise _Refused(tabs[0])
    match = _CONTROL.search(text) if len(raw.translate(None, _CONTROL_BYTES)) != len(raw) else None
    if match:
        offset = match.start()
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        raise _Refused(DataError(path, line, col, "HD111", "control character in text", "remove the invisible character"))
    return text


def _noted(document: Document, raw: bytes) -> Document:
    return replace(document, notes=(bom_note(document.path),)) if raw.startswith(BOM) else document


_SCALAR, _ALIAS, _DOCUMENT_START = yaml.ScalarEvent, yaml.AliasEvent, yaml.DocumentStartEvent
_START_SEQUENCE, _START_MAPPING = yaml.SequenceStartEvent, yaml.MappingStartEvent
_END_SEQUENCE, _END_MAPPING = yaml.SequenceEndEvent, yaml.MappingEndEvent
_PLAIN_WORD = re.compile(r"[a-z_][a-z0-9_]*")
_NOT_TEXT_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def _first_characters_of_non_text() -> frozenset[str]:
    """The characters a plain scalar can start with and still be read as a number, a boolean
    or null, by the resolver's own table; a plain scalar starting with any other character is
    text, and `parse` takes it as it is without asking the resolver (most of them)."""
    typed = (":int", ":float", ":bool", ":null")
    table = _RESOLVER.yaml_implicit_resolvers
    assert None not in table, "a resolver for any first character: every plain scalar must be resolved"
    return frozenset(first for first, resolvers in table.items() if any(tag.endswith(typed) for tag, _ in resolvers))


_MAYBE_NOT_TEXT = _first_characters_of_non_text()


# Plain scalars already resolved, text -> value (`sets: 3`, `title: ...` recur in every file).
# Bounded, since the texts come from strangers; a refused number is never remembered.
_RESOLVED: dict[str, Any] = {}
_RESOLVED_MAX = 4096
_UNKNOWN = object()


def _plain_scalar(event: yaml.ScalarEvent, path: str) -> Any:
    """A plain scalar that may be a number, a boolean or null, resolved as a safe loader would;
    a number that is not finite or too large to be sensible is refused."""
    text = event.value
    if _PLAIN_WORD.fullmatch(text) and text not in _NOT_TEXT_WORDS:
        value: Any = text  # the common case, a key such as `title`: text for sure
    else:
        value = _resolve(event, path)
    if len(_RESOLVED) < _RESOLVED_MAX:
        _RESOLVED[text] = value
    return value


def _resolve(event: yaml.ScalarEvent, path: str) -> Any:
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, (True, False))
    node = yaml.ScalarNode(tag, event.value)
    try:
        if tag.endswith(":int"):
            value: Any = _CONSTRUCTOR.construct_yaml_int(node)
        elif tag.endswith(":float"):
            value = _CONSTRUCTOR.construct_yaml_float(node)
        elif tag.endswith(":bool"):
            return _CONSTRUCTOR.construct_yaml_bool(node)
        elif tag.endswith(":null"):
            return None
        else:
            return event.value  # strings, and timestamps kept as written
    except ValueError:
        value = math.inf
    if (isinstance(value, float) and not math.isfinite(value)) or (isinstance(value, int) and abs(value) > 10**15):
        mark = event.start_mark
        raise _Refused(DataError(path, mark.line + 1, mark.column + 1, "HD114", f"number {event.value[:20]!r} is not a finite number of sensible size", "write an ordinary number, or quote it to make it text"))
    return value


def _refuse(path: str, mark: Any, code: str, message: str, hint: str = "") -> NoReturn:
    raise _Refused(DataError(path, mark.line + 1, mark.column + 1, code, message, hint))


def _check_marks(event: Any, path: str) -> None:
    """Anchors and tags are refused wherever they stand (no aliases to expand, no types to build)."""
    if event.anchor is not None:
        _refuse(path, event.start_mark, "HD105", f"YAML anchor '&{event.anchor}' is not allowed", "write the value out in full; anchors and aliases are refused")
    if event.tag is not None:
        _refuse(path, event.start_mark, "HD106", f"YAML tag '{event.tag}' is not allowed", "remove the tag; values are plain text, numbers, lists and mappings")


def parse(text: str, path: str, first_line: int = 1) -> Document:
    """Parse YAML text into a Document, refusing unsafe or ambiguous YAML.

    This loop runs once per YAML event (a quarter of a million for a thousand exercises), so
    it is written for speed: the innermost open container lives in local variables, the open
    ones around it on a stack of tuples, scalars are tested first, and a plain scalar goes
    to the resolver only when its first character could start something other than text."""
    locations: dict[JsonPath, Location] = {}
    key_locations: dict[JsonPath, Location] = {}
    spans: dict[JsonPath, tuple[int, int]] = {}
    strings: list[tuple[JsonPath, str]] = []
    add_string = strings.append
    # The innermost open container (None at the top), its path, whether it is a mapping, and
    # in a mapping the key read and awaiting its value (key_path None: a key comes next).
    container: Any = None
    node_path: JsonPath = ()
    in_mapping = False
    key: Any = None
    key_path: JsonPath | None = None
    # The containers around it, outermost first: (path, container, is a mapping).
    stack: list[tuple[JsonPath, Any, bool]] = []
    push, pop = stack.append, stack.pop
    root: Any = None
    documents = 0
    loader = _Loader(text)
    get = loader.get_event  # None after the stream's end: one call an event, not two
    remembered = _RESOLVED.get
    try:
        while (event := get()) is not None:
            kind = event.__class__
            if kind is _SCALAR:
                if event.anchor is not None or event.tag is not None:
                    _check_marks(event, path)
                mark = event.start_mark
                value: Any = event.value
                # Quoted and block scalars are always text; so is a plain one that cannot start a number.
                if not event.style and event.implicit[0] and (not value or value[0] in _MAYBE_NOT_TEXT):
                    value = remembered(value, _UNKNOWN)
                    if value is _UNKNOWN:
                        value = _plain_scalar(event, path)
                where = (mark.line + 1, mark.column + 1)
                if in_mapping:
                    if key_path is None:  # this scalar is a key
                        if value.__class__ is not str:
                            _refuse(path, mark, "HD113", f"key {event.value!r} is not text", "quote the key or use a word")
                        key, key_path = value, node_path + (value,)
                        if value in container:
                            first = key_locations[key_path]
                            _refuse(path, mark, "HD104", f"duplicate key '{value}'", f"'{value}' is already set on line {first[0]}; keep one")
                        key_locations[key_path] = where
                        continue
                    child = key_path
                    key_path = None
                    container[key] = value
                elif container is not None:
                    child = node_path + (len(container),)
                    container.append(value)
                else:
                    child = ()
                    root = value
                if value.__class__ is str:
                    spans[child] = (mark.index, event.end_mark.index)
                    add_string((child, value))
                locations[child] = where
            elif kind is _START_MAPPING or kind is _START_SEQUENCE:
                if event.anchor is not None or event.tag is not None:
                    _check_marks(event, path)
                mark = event.start_mark
                if in_mapping:
                    if key_path is None:
                        _refuse(path, mark, "HD113", "a key must be plain text", "use a simple word as the key")
                    child = key_path
                elif container is not None:
                    child = node_path + (len(container),)
                else:
                    child = ()
                if len(stack) >= MAX_DEPTH:
                    _refuse(path, mark, "HD108", f"nesting deeper than {MAX_DEPTH} levels", "no data file needs this much nesting; check the indentation")
                value = {} if kind is _START_MAPPING else []
                if in_mapping:
                    container[key] = value
                elif container is not None:
                    container.append(value)
                else:
                    root = value
                locations[child] = (mark.line + 1, mark.column + 1)
                push((node_path, container, in_mapping))
                node_path, container, in_mapping, key_path = child, value, kind is _START_MAPPING, None
            elif kind is _END_MAPPING or kind is _END_SEQUENCE:
                node_path, container, in_mapping = pop()
            elif kind is _ALIAS:
                _refuse(path, event.start_mark, "HD105", f"YAML alias '*{event.anchor}' is not allowed", "write the value out in full")
            elif kind is _DOCUMENT_START:
                documents += 1
                if documents > 1:
                    _refuse(path, event.start_mark, "HD112", "more than one YAML document in the file", "remove the second '---'")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        message, hint = _syntax_advice(problem, source_line)
        raise _Refused(DataError(path, line, col, "HD103", message, hint)) from None
    except yaml.YAMLError as exc:  # reader errors without a mark
        raise _Refused(DataError(path, 1, 1, "HD103", f"YAML syntax error: {exc}", "")) from None
    finally:
        loader.dispose()
    if root is None:
        raise _Refused(DataError(path, 1, 1, "HD109", "file is empty", "fill in the file, or delete it"))
    return Document(path, root, Positions(locations, key_locations, spans), text, first_line=first_line, read_strings=tuple(strings))


_LIST_ITEM_OR_KEY = re.compile(r"^(\s*(?:- )?(?:[A-Za-z_][\w-]*: )?)(.*)$")


def _syntax_advice(problem: str, source_line: str) -> tuple[str, str]:
    """A plain message and a hint for a YAML syntax error, showing the fix where it is known."""
    if problem.startswith("mapping values are not allowed"):
        lead, rest = _LIST_ITEM_OR_KEY.match(source_line).groups()  # type: ignore[union-attr]
        quoted = '"' + rest.strip().replace("\\", "\\\\").replace('"', '\\"') + '"'
        fixed = f"{lead.strip()} {quoted}" if lead.strip() else quoted
        return "this text contains ': ', which YAML reads as the start of a new key", f"put the whole text in double quotes: {fixed}"
    return f"YAML syntax error: {problem}", "check the indentation, and quote text that contains ': ' or starts with a symbol such as *, &, !, [ or {"


def read_text(text: str, path: str) -> Document | DataError:
    try:
        return parse(text, path)
    except _Refused as refused:
        return refused.error


def read_file(file: Path, display_path: str, max_bytes: int = MAX_FILE_BYTES) -> Document | DataError:
    """Read and parse one YAML file; a problem comes back as a DataError (the first of several
    tab lines: `tab_errors` gives them all)."""
    return read_bytes(file.read_bytes(), display_path, max_bytes)


def read_bytes(raw: bytes, display_path: str, max_bytes: int = MAX_FILE_BYTES) -> Document | DataError:
    """What `read_file` makes of a file whose bytes are these."""
    try:
        return _noted(parse(decode(raw, display_path, max_bytes), display_path), raw)
    except _Refused as refused:
        return refused.error


def source_of(raw: bytes) -> str:
    """The text `decode` makes of a file that read without error: the bytes past a byte-order mark."""
    return raw.removeprefix(BOM).decode("utf-8")


@dataclass(frozen=True)
class MarkdownPage:
    """A hand-written page: its front matter and its Markdown body."""

    front_matter: Document
    body: str
    body_line: int


def read_markdown(file: Path, display_path: str) -> MarkdownPage | DataError:
    """Read a Markdown page whose YAML front matter sits between '---' lines."""
    try:
        raw = file.read_bytes()
        text = decode(raw, display_path)
    except _Refused as refused:
        return refused.error
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return DataError(display_path, 1, 1, "HD115", "page has no front matter", "start the page with '---', title: and description:, then '---'")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    except StopIteration:
        return DataError(display_path, 1, 1, "HD115", "front matter is not closed", "add a line '---' after the front matter")
    # Pad with blank lines so that reported line numbers match the file.
    yaml_text = "\n" * 1 + "\n".join(lines[1:end])
    try:
        document = _noted(parse(yaml_text, display_path), raw)
    except _Refused as refused:
        return refused.error
    return MarkdownPage(document, "\n".join(lines[end + 1 :]), end + 2)
