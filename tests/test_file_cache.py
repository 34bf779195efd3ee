"""The validation cache (generator/check/file_cache.py): a file whose bytes are unchanged is not
read or checked again, and validation finds exactly what it finds without the cache."""

from __future__ import annotations

import marshal
import os
import shutil
from pathlib import Path

import pytest

from generator.check import file_cache, pose_rules, registry, side_by_side
from generator.check.context import Texts
from generator.check.file_cache import CACHE_DIR, code_version, open_cache
from generator.check.validate import Loaded, load
from generator.document import Document
from generator.errors import DataError
from tests.bad_inputs import CASES
from tests.conftest import FIXTURE, run_cli


def told(loaded: Loaded) -> list[str]:
    return [error.format() for error in loaded.errors] + [note.format() for note in loaded.notes]


def placed(loaded: Loaded) -> dict[str, object]:
    """Every document's value and texts, and where each text and its key stand (and the sixth character of each text)."""
    return {
        path: (doc.value, doc.strings(), [(where, doc.where(where), doc.where(where, key=True), doc.locate(where, 5)) for where, _ in doc.strings()])
        for path, doc in loaded.documents.items()
    }


def cache_files(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR).glob("files-*.marshal"))


@pytest.mark.parametrize("cores", ["1", "2"])
def test_every_bad_input_gives_the_same_errors_read_afresh_into_a_new_cache_and_from_a_kept_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cores: str) -> None:
    """Each broken contribution of the corpus, validated without the cache, with an empty one
    (which it fills), and with the one it filled: the same errors and notes, the same library,
    and every text placed on the same line and column."""
    monkeypatch.setenv(side_by_side.CORES, cores)  # "2": the files and the wording rules are shared with a forked child
    for number, case in enumerate(CASES):
        root = tmp_path / str(number)
        shutil.copytree(FIXTURE, root)
        case.apply(root)
        fresh = load(root)
        assert not cache_files(root), "no cache unless asked for"
        filled = load(root, cache=True)
        assert cache_files(root), case.name
        kept = load(root, cache=True)
        from_cache = [path for path, doc in kept.documents.items() if not path.endswith(".md") and doc.read_positions is None]
        assert len(from_cache) == sum(1 for path in kept.documents if not path.endswith(".md")), f"{case.name}: every data file read from the cache"
        for run in (filled, kept):
            assert told(run) == told(fresh), case.name
            assert run.library == fresh.library, case.name
            assert placed(run) == placed(fresh), case.name
        assert case.code in {error.code for error in kept.errors} | {note.code for note in kept.notes}, case.name


def test_a_file_changed_after_it_was_kept_is_read_and_checked_again(library: Path) -> None:
    clam = library / "exercises" / "clam.yml"
    original = clam.read_text(encoding="utf-8")
    assert not load(library, cache=True).errors
    clam.write_text(original.replace("level: beginner", "level: beginner: yes"), encoding="utf-8")
    assert [error.code for error in load(library, cache=True).errors] == ["HD103"]
    clam.write_text(original + "\n# a comment changes the bytes, not the data\n", encoding="utf-8")
    again = load(library, cache=True)
    assert not again.errors
    assert again.documents["exercises/clam.yml"].source.endswith("# a comment changes the bytes, not the data\n")


def test_a_wording_error_and_a_figure_error_are_kept_and_told_again_from_the_cache(library: Path) -> None:
    """The wording rules and the figure's check are not run again on an unchanged file: what
    they found is told from the cache, at the same place."""
    clam = library / "exercises" / "clam.yml"
    text = clam.read_text(encoding="utf-8")
    assert "summary: " in text
    clam.write_text(text.replace("summary: ", "summary: This routine gets rid of hip dips for good. ", 1), encoding="utf-8")
    first = load(library, cache=True)
    assert "HD501" in {error.code for error in first.errors}
    cache = open_cache(library)
    kept = cache.kept["exercises/clam.yml"][3]
    assert [DataError.from_plain(plain).code for plain in kept["wording"]] == ["HD501"] and "figure" in kept
    fresh = told(load(library))

    def not_again(*args: object) -> None:
        raise AssertionError("the figure of an unchanged file is checked again")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pose_rules, "check_pose", not_again)
        assert told(load(library, cache=True)) == told(first) == fresh


def test_an_unchanged_library_leaves_its_cache_file_as_it_was(library: Path) -> None:
    load(library, cache=True)
    [kept] = cache_files(library)
    before = kept.stat()
    load(library, cache=True)
    after = kept.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (before.st_ino, before.st_mtime_ns, before.st_size)


def test_a_cache_of_other_code_is_not_read_and_is_removed_when_the_new_one_is_written(library: Path) -> None:
    stale = open_cache(library, version="0000000000000000")
    stale.now.update({"exercises/clam.yml": (b"not the file's hash", 1, ("error", DataError("exercises/clam.yml", 1, 1, "HD999", "stale").plain()), {})})
    stale.save()
    assert [path.name for path in cache_files(library)] == ["files-0000000000000000.marshal"]
    assert told(load(library, cache=True)) == told(load(library))
    assert [path.name for path in cache_files(library)] == [f"files-{code_version()}.marshal"]


def test_the_code_version_changes_with_any_module_its_data_or_a_schema(tmp_path: Path) -> None:
    package, schemas = tmp_path / "generator", tmp_path / "schema"
    shutil.copytree(file_cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(file_cache.SCHEMA_DIR, schemas)
    first = code_version(package, schemas)
    assert code_version(package, schemas) == first
    (package / "draw" / "kinematics.py").write_text((package / "draw" / "kinematics.py").read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    second = code_version(package, schemas)
    fingerprint = package / "check" / "seed-fingerprint.txt"  # the wording rules' data, not a module
    fingerprint.write_text(fingerprint.read_text(encoding="ascii") + "0123456789abcdef\n", encoding="ascii")
    third = code_version(package, schemas)
    (package / "check" / "__pycache__").mkdir(exist_ok=True)
    (package / "check" / "__pycache__" / "compiled.pyc").write_bytes(b"compiled files do not count")
    assert code_version(package, schemas) == third
    (schemas / "exercise.schema.json").write_text((schemas / "exercise.schema.json").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert len({first, second, third, code_version(package, schemas)}) == 4


@pytest.mark.parametrize("damage", [b"", b"\x00not marshal at all", marshal.dumps(["a list, not the cache"]), marshal.dumps({"exercises/clam.yml": (b"x", 1, ("read",), {})})])
def test_a_damaged_cache_counts_as_empty_and_is_written_anew(library: Path, damage: bytes) -> None:
    expected = told(load(library))
    target = library / CACHE_DIR / f"files-{code_version()}.marshal"
    target.parent.mkdir(parents=True)
    target.write_bytes(damage)
    assert told(load(library, cache=True)) == expected
    assert open_cache(library).kept, "written anew"
    assert told(load(library, cache=True)) == expected


def test_validation_goes_on_where_the_cache_cannot_be_written(library: Path) -> None:
    (library / ".cache").write_text("a file where the cache's folder would go\n", encoding="utf-8")
    assert told(load(library, cache=True)) == told(load(library))
    assert (library / ".cache").is_file()


def test_the_command_line_keeps_a_cache_and_no_cache_reads_every_file(library: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(library, other)
    kept = run_cli("validate", root=library)
    assert kept.code == 0, kept.err
    assert cache_files(library) and (library / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    again = run_cli("validate", root=library)
    assert (again.code, again.err) == (0, kept.err)
    for args in (("--no-cache", "validate"), ("validate", "--no-cache"), ("generate", "--no-cache")):
        unkept = run_cli(*args, root=other)
        assert (unkept.code, unkept.err) == (0, kept.err), args
        assert not (other / ".cache").exists(), args


def test_a_document_from_the_cache_finds_its_positions_from_its_source(library: Path) -> None:
    load(library, cache=True)
    document = load(library, cache=True).documents["exercises/clam.yml"]
    assert isinstance(document, Document) and document.read_positions is None
    assert document.where(("name",)) == (document.source.split("\n").index(next(line for line in document.source.split("\n") if line.startswith("name:"))) + 1, 7)


def test_the_cache_folder_is_ignored_by_git() -> None:
    ignored = (Path(__file__).resolve().parent.parent / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/.cache/" in ignored
    assert os.fspath(CACHE_DIR).startswith(".cache")


def test_the_wording_rules_find_in_every_text_together_what_they_find_in_each_file_alone(library: Path) -> None:
    """The cache keeps what the wording rules found file by file, so no wording rule may judge one text against another."""
    for case in CASES:
        if case.name in ("promise in a hand-written page", "proper name in lower case", "absolute about a dip in data", "absolute about what sets a dip"):
            case.apply(library)
    loaded = load(library)
    pages = tuple(loaded.library.pages.values())
    together = registry.check_texts(Texts(loaded.documents, pages))
    alone = registry.check_texts(Texts({}, pages)) + [error for path, document in loaded.documents.items() for error in registry.check_texts(Texts({path: document}, ()))]
    assert {"HD501", "HD502", "HD505"} <= {error.code for error in together}, together
    assert sorted(together) == sorted(alone)
