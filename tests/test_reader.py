from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from generator.document import Document
from generator.errors import DataError
from generator.reader import read_file, read_markdown, read_text, tab_errors


def read_ok(text: str) -> Document:
    result = read_text(text, "f.yml")
    assert isinstance(result, Document), result
    return result


def read_error(text: str) -> DataError:
    result = read_text(text, "f.yml")
    assert isinstance(result, DataError), result
    return result


def test_reader_keeps_line_and_column_of_every_value() -> None:
    doc = read_ok("name: Clam\nsteps:\n  - one\n  - two\nmuscles:\n  primary: [a, b]\n")
    assert doc.value == {"name": "Clam", "steps": ["one", "two"], "muscles": {"primary": ["a", "b"]}}
    assert doc.where(("name",)) == (1, 7)
    assert doc.where(("steps", 1)) == (4, 5)
    assert doc.where(("muscles", "primary", 1)) == (6, 16)
    assert doc.where(("muscles",), key=True) == (5, 1)


def test_reader_types_plain_scalars_and_keeps_quoted_ones_as_text() -> None:
    doc = read_ok('a: 3\nb: 1.5\nc: true\nd: "3"\ne: 2024-01-01\nf:\n')
    assert doc.value == {"a": 3, "b": 1.5, "c": True, "d": "3", "e": "2024-01-01", "f": None}


PLAIN_SCALARS = ["3", "-2", "+7", "0x1f", "0o17", "1_000", "1:20", "1.5", ".5", "-.5e3", "1e3", "0.", "~", "null", "Null", "NULL", "true", "True", "FALSE", "yes", "No", "on", "OFF", "y", "n",
                 "2024-01-01", "name", "nan", "inf", "Thoracic spine", "no pain", "offset", "yesterday", "tall", "12 reps", "3 sets of 10", "-x", "+", ".", "o", "t", "f", "~x", "0 to 5"]


@pytest.mark.parametrize("plain", PLAIN_SCALARS)
def test_reader_resolves_plain_scalars_as_a_safe_loader_does(plain: str) -> None:
    """`parse` takes most plain scalars as text without asking the resolver, judging by their
    first character; whatever the first character, the value must be a safe loader's (dates
    kept as text), and the same the second time (resolved ones are remembered)."""
    expected = yaml.safe_load(f"v: {plain}\n")["v"]
    expected = plain if isinstance(expected, (datetime.date, datetime.datetime)) else expected
    for _ in range(2):
        value = read_ok(f"v: {plain}\n").value["v"]
        assert (type(value), value) == (type(expected), expected)


@pytest.mark.parametrize(
    ("text", "code", "line", "col"),
    [
        ("a: 1\na: 2\n", "HD104", 2, 1),
        ("a: &x 1\nb: 2\n", "HD105", 1, 4),
        ("a: [1]\nb: *x\n", "HD105", 2, 4),
        ("a: !!python/object:os.system x\n", "HD106", 1, 4),
        ("a: !custom x\n", "HD106", 1, 4),
        ("a: b: c\n", "HD103", 1, 5),
        ("", "HD109", 1, 1),
        ("# only a comment\n", "HD109", 1, 1),
        ("a: 1\n---\nb: 2\n", "HD112", 2, 1),
        ("1: x\n", "HD113", 1, 1),
        ("? [a]\n: b\n", "HD113", 1, 3),
        ("a: .nan\n", "HD114", 1, 4),
        ("a: 99999999999999999999\n", "HD114", 1, 4),
        ("a: " + "[" * 12 + "]" * 12 + "\n", "HD108", 1, 11),
    ],
)
def test_reader_refuses_unsafe_or_ambiguous_yaml(text: str, code: str, line: int, col: int) -> None:
    error = read_error(text)
    assert (error.code, error.line, error.col) == (code, line, col)
    assert error.format().startswith(f"f.yml:{line}:{col}: {code} ")


def test_reader_reads_past_a_byte_order_mark_with_a_note(tmp_path: Path) -> None:
    file = tmp_path / "f.yml"
    file.write_bytes(b"\xef\xbb\xbfa: 1\n")
    document = read_file(file, "f.yml")
    assert isinstance(document, Document) and document.value == {"a": 1}
    assert [(note.code, note.line) for note in document.notes] == [("HD102", 1)]


def test_every_tab_indented_line_is_reported_with_its_fix() -> None:
    errors = tab_errors("a:\n\t- x\n\t- y\nb: 1\n\t\t- z\n", "f.yml")
    assert [(e.code, e.line) for e in errors] == [("HD110", 2), ("HD110", 3), ("HD110", 5)]
    assert all(e.fix is not None and "\t" not in e.fix.new for e in errors)


def test_a_word_inside_a_block_scalar_is_located_to_its_own_line() -> None:
    for text in ("a: >-\n  one two.\n  three four.\n", "a: |\n  one two.\n  three four.\n", "a: one two.\n  three four.\n", 'a: "one two.\n  three four."\n'):
        doc = read_ok(text)
        line = text[: text.index("three")].count("\n") + 1
        assert doc.locate(("a",), doc.value["a"].index("three")) == (line, 3), text
        assert doc.locate(("a",), 0)[0] == text[: text.index("one")].count("\n") + 1, text


def test_reader_refuses_bad_utf8_tabs_and_control_characters(tmp_path: Path) -> None:
    cases = {
        b"a: 1\nb: caf\xe9\n": ("HD101", 2, 7),
        b"a:\n\t- x\n": ("HD110", 2, 1),
        b"a: x\x1b[31m\n": ("HD111", 1, 5),
        b"a: " + b"x" * (300 * 1024) + b"\n": ("HD107", 1, 1),
    }
    for raw, (code, line, col) in cases.items():
        file = tmp_path / "f.yml"
        file.write_bytes(raw)
        error = read_file(file, "f.yml")
        assert isinstance(error, DataError)
        assert (error.code, error.line, error.col) == (code, line, col), raw[:20]


def test_markdown_front_matter_keeps_file_line_numbers(tmp_path: Path) -> None:
    file = tmp_path / "p.md"
    file.write_text("---\ntitle: T\ndescription: D\n---\n\n# Body\n", encoding="utf-8")
    page = read_markdown(file, "p.md")
    assert not isinstance(page, DataError)
    assert page.front_matter.value == {"title": "T", "description": "D"}
    assert page.front_matter.where(("description",)) == (3, 14)
    assert page.body == "\n# Body\n"
    assert page.body_line == 5


def test_markdown_without_front_matter_is_an_error(tmp_path: Path) -> None:
    file = tmp_path / "p.md"
    file.write_text("# Just a heading\n", encoding="utf-8")
    error = read_markdown(file, "p.md")
    assert isinstance(error, DataError) and error.code == "HD115"
