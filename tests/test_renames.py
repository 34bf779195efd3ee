"""Renaming and deleting an exercise, and the id and name rules around them: each error says
what to do, on the file that changed, and hides no other error."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.check.validate import load
from tests.conftest import run_cli


def _rename_thrust(library: Path, new: str) -> Path:
    old = library / "exercises" / "thrust.yml"
    target = library / "exercises" / f"{new}.yml"
    target.write_text(old.read_text(encoding="utf-8").replace("id: thrust", f"id: {new}"), encoding="utf-8")
    old.unlink()
    for other in (library / "exercises").glob("*.yml"):  # a complete rename: every reference follows
        text = other.read_text(encoding="utf-8")
        other.write_text(text.replace("substitutes: [thrust]", f"substitutes: [{new}]").replace("instead: [thrust]", f"instead: [{new}]"), encoding="utf-8")
    return target


def test_a_rename_without_previous_ids_is_an_error_whose_fix_keeps_the_old_address(library: Path) -> None:
    target = _rename_thrust(library, "hip-thrust")
    errors = load(library).errors
    assert [(e.code, e.path, e.line) for e in errors] == [("HD319", "exercises/hip-thrust.yml", 2)], [e.format() for e in errors]
    (error,) = errors
    assert "rename of 'thrust'" in error.message and "previous_ids: [thrust]" in error.hint
    assert error.fix is not None
    fixed = error.fix.apply(target.read_text(encoding="utf-8"))
    assert fixed is not None
    target.write_text(fixed, encoding="utf-8")
    assert run_cli("validate", root=library).code == 0


def test_a_deleted_exercise_is_told_on_the_published_list_and_its_references_are_told_to_go(library: Path) -> None:
    (library / "exercises" / "thrust.yml").unlink()
    result = run_cli("validate", root=library)
    assert "content/published-ids.txt:5:1: HD319 the published exercise page exercises/thrust/ is gone" in result.err, result.err
    references = [line for line in result.err.splitlines() if "HD301" in line]
    assert any(line.startswith("exercises/leg-lift.yml:") for line in references), references
    assert all("was deleted: remove this reference, or point it at another exercise" in line and "did you mean" not in line for line in references)


def test_a_reference_to_a_previous_id_names_the_current_one(library: Path) -> None:
    clam = library / "exercises" / "clam.yml"
    clam.write_text(clam.read_text(encoding="utf-8").replace("substitutes: []", "substitutes: [side-leg-lift]"), encoding="utf-8")
    (error,) = [e for e in load(library).errors if e.code == "HD301"]
    assert "renamed to 'leg-lift'" in error.hint and error.fix is not None and error.fix.new == "leg-lift"


def test_hd302_offers_only_an_id_that_is_valid(library: Path) -> None:
    source = library / "exercises" / "thrust.yml"
    (library / "exercises" / "Hip-Thrust.yml").write_text(source.read_text(encoding="utf-8").replace("id: thrust", "id: hip-thrust").replace("name: Thrust", "name: Other thrust"), encoding="utf-8")
    (error,) = [e for e in load(library).errors if e.code == "HD302"]
    assert "Hip-Thrust" not in error.hint.split("rename the file to", 1)[1].replace("Hip-Thrust.yml", "")
    assert "rename the file to hip-thrust.yml" in error.hint and error.fix is None


def test_two_files_with_one_id_hide_no_other_error_of_the_copy(library: Path) -> None:
    copy = library / "exercises" / "clam-two.yml"
    shutil.copy(library / "exercises" / "clam.yml", copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace("primary: [gluteus-medius]", "primary: [gluteus-medus]").replace("name: Clam", "name: Clam two").replace("aliases: [clamshell]", "aliases: []"), encoding="utf-8")
    codes = {(e.code, e.path) for e in load(library).errors}
    assert {("HD315", "exercises/clam-two.yml"), ("HD301", "exercises/clam-two.yml")} <= codes, codes


def test_a_name_clash_asks_only_the_new_exercise_to_change(library: Path) -> None:
    source = library / "exercises" / "thrust.yml"
    (library / "exercises" / "new-clam.yml").write_text(source.read_text(encoding="utf-8").replace("id: thrust", "id: new-clam").replace("name: Thrust", "name: Clam"), encoding="utf-8")
    hints = {e.path: e.hint for e in load(library).errors if e.code == "HD304"}
    assert "choose a more specific one" in hints["exercises/new-clam.yml"]
    assert "choose" not in hints["exercises/clam.yml"] and "published first" in hints["exercises/clam.yml"]


def test_a_long_cue_is_told_to_be_shortened_to_its_limit(library: Path) -> None:
    clam = library / "exercises" / "clam.yml"
    clam.write_text(clam.read_text(encoding="utf-8").replace("  - Move slowly.", "  - Move slowly " + "and with care " * 25 + "."), encoding="utf-8")
    (error,) = [e for e in load(library).errors if e.code == "HD206"]
    assert "shorten it to 300 characters or fewer" in error.hint
