"""Every hint that carries a machine-applicable fix works when followed, and `make fix` makes
the mechanical fixes, prints each, and changes no meaning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.check.fix import fix
from generator.check.validate import load
from generator.errors import DataError
from tests.bad_inputs import CASES, BadInput
from tests.conftest import FIXTURE, run_cli


def _fixed_cases() -> list[BadInput]:
    """The corpus cases whose errors carry a fix (found once, against a copy of the fixture)."""
    return [case for case in CASES if case.name in FIXABLE]


FIXABLE = {
    "tab indentation", "progressions disagree", "file name does not match id", "unknown muscle", "unknown equipment",
    "unknown inline citation", "plan names an unknown exercise", "link to a page that does not exist", "link to a missing heading",
    "link from an exercise to a missing page",
}


def _same_place(a: DataError, b: DataError) -> bool:
    return (a.code, a.path, a.line) == (b.code, b.path, b.line)


@pytest.mark.parametrize("case", _fixed_cases(), ids=lambda case: case.name)
def test_each_hint_with_a_fix_works_when_followed(case: BadInput, library: Path) -> None:
    case.apply(library)
    errors = load(library).errors
    fixable = [error for error in errors if error.fix is not None]
    assert fixable, [error.format() for error in errors]
    for error in fixable:
        assert error.fix is not None
        file = library / error.fix.path
        fixed = error.fix.apply(file.read_text(encoding="utf-8"))
        assert fixed is not None, error.format()
        file.write_text(fixed, encoding="utf-8")
    after = load(library).errors
    assert not [error for error in fixable if any(_same_place(error, later) for later in after)], [e.format() for e in after]


def test_every_corpus_fix_leaves_no_error_of_its_code_on_its_line(tmp_path: Path) -> None:
    """Not only the listed cases: any error in the corpus that carries a fix passes when applied."""
    for case in CASES:
        root = tmp_path / case.name.replace(" ", "-")
        shutil.copytree(FIXTURE, root)
        case.apply(root)
        errors = [error for error in load(root).errors if error.fix is not None]
        for error in errors:
            assert error.fix is not None
            file = root / error.fix.path
            fixed = error.fix.apply(file.read_text(encoding="utf-8"))
            assert fixed is not None, (case.name, error.format())
            file.write_text(fixed, encoding="utf-8")
        after = load(root).errors
        assert not [e for e in errors if any(_same_place(e, later) for later in after)], (case.name, [e.format() for e in after])


def test_make_fix_makes_the_mechanical_fixes_and_prints_them(library: Path) -> None:
    clam, lift = library / "exercises" / "clam.yml", library / "exercises" / "leg-lift.yml"
    clam.write_bytes(b"\xef\xbb\xbf" + clam.read_bytes().replace(b"  primary: [gluteus-medius]", b"\tprimary: [gluteus-medius]").replace(b"name: Clam", b"name: Clam   "))
    lift.write_text(lift.read_text(encoding="utf-8").replace("easier: [clam]", "easier: []"), encoding="utf-8")
    (library / "content" / "index.md").write_text((library / "content" / "index.md").read_text(encoding="utf-8").replace("# Home", "# Home \n\nA line break  \nkept."), encoding="utf-8")
    assert run_cli("validate", root=library).code == 1
    result = run_cli("fix", root=library)
    assert result.code == 0, result.out + result.err
    printed = result.out
    assert "byte-order mark" in printed and "trailing spaces" in printed and "exercises/clam.yml:11" in printed and "exercises/leg-lift.yml" in printed
    assert "easier: [clam]" in lift.read_text(encoding="utf-8")
    assert "A line break  \nkept." in (library / "content" / "index.md").read_text(encoding="utf-8")
    assert run_cli("fix", root=library).out.startswith("nothing to fix.")


def test_make_fix_adds_a_new_exercise_to_the_published_list(library: Path) -> None:
    shutil.copy(library / "exercises" / "thrust.yml", library / "exercises" / "thrust-two.yml")
    copy = library / "exercises" / "thrust-two.yml"
    text = copy.read_text(encoding="utf-8").replace("id: thrust", "id: thrust-two")
    copy.write_text(text.replace("name: Thrust", "name: Thrust two"), encoding="utf-8")
    before = run_cli("validate", root=library)
    assert "note: exercises/thrust-two is not in content/published-ids.txt yet" in before.err
    assert fix(library) == ["content/published-ids.txt: added exercises/thrust-two"]
    assert "exercises/thrust-two" in (library / "content" / "published-ids.txt").read_text(encoding="utf-8")
