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
from generator.check.file_cache import CACHE_DIR, FileCache, code_version, open_cache, sealed
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


def opened(root: Path, version: str | None = None) -> FileCache:
    cache = open_cache(root, version)
    assert cache is not None
    return cache


def from_cache(loaded: Loaded) -> set[str]:
    """The data files whose document came from the cache (it finds its positions again only when asked)."""
    return {path for path, doc in loaded.documents.items() if not path.endswith(".md") and doc.read_positions is None}


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
        assert len(from_cache(kept)) == sum(1 for path in kept.documents if not path.endswith(".md")), f"{case.name}: every data file read from the cache"
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
    kept = opened(library).kept["exercises/clam.yml"][3]
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
    stale = opened(library, version="0000000000000000")
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


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00not marshal at all",
        marshal.dumps({}),  # unsealed: the cache's data without its mark and hash
        sealed(b"\x00sealed, but not marshal"),
        sealed(marshal.dumps(["a list, not the cache"])),
        sealed(marshal.dumps({"exercises/clam.yml": (b"x", 1, ("read",), {})})),
    ],
)
def test_a_damaged_cache_counts_as_empty_and_is_written_anew(library: Path, damage: bytes) -> None:
    expected = told(load(library))
    target = library / CACHE_DIR / f"files-{code_version()}.marshal"
    target.parent.mkdir(parents=True)
    target.write_bytes(damage)
    assert told(load(library, cache=True)) == expected
    assert opened(library).kept, "written anew"
    assert told(load(library, cache=True)) == expected


def test_a_byte_changed_anywhere_in_the_cache_is_noticed_and_every_file_read_again(library: Path) -> None:
    """marshal trusts what it unpacks: a changed byte must not tell a file's old value (or crash);
    the cache's hash of itself turns any change into an empty cache."""
    clam = library / "exercises" / "clam.yml"
    clam.write_text(clam.read_text(encoding="utf-8").replace("level: beginner", "level: beginnex", 1), encoding="utf-8")
    expected = told(load(library))
    assert any("HD204" in line and "beginnex" in line for line in expected), expected
    load(library, cache=True)
    [target] = cache_files(library)
    good = target.read_bytes()
    value = good.index(b"beginnex")
    places = sorted({*range(0, len(good), max(1, len(good) // 60)), value + 7, len(good) - 1})
    for place in places:
        damaged = bytearray(good)
        damaged[place] = ord("r") if place == value + 7 else damaged[place] ^ 0x55  # "beginnex" -> "beginner": the file's error hidden
        target.write_bytes(bytes(damaged))
        again = load(library, cache=True)
        assert told(again) == expected, place
        assert not from_cache(again), place
        target.write_bytes(good)


def test_validation_goes_on_where_the_cache_cannot_be_written(library: Path) -> None:
    (library / ".cache").write_text("a file where the cache's folder would go\n", encoding="utf-8")
    assert told(load(library, cache=True)) == told(load(library))
    assert (library / ".cache").is_file()


def test_a_cache_that_cannot_be_replaced_leaves_no_half_written_file_behind(library: Path) -> None:
    target = library / CACHE_DIR / f"files-{code_version()}.marshal"
    target.mkdir(parents=True)  # a folder where the cache file would go: the write works, the replace fails
    expected = told(load(library))
    for _ in range(3):
        assert told(load(library, cache=True)) == expected
    assert sorted(path.name for path in target.parent.iterdir()) == [".gitignore", target.name]
    assert target.is_dir() and not any(target.iterdir())


def test_code_that_cannot_be_hashed_is_validated_without_a_cache(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable() -> str:
        raise PermissionError("a module of the package cannot be read")

    expected = told(load(library))
    monkeypatch.setattr(file_cache, "code_version", unreadable)
    assert open_cache(library) is None
    assert told(load(library, cache=True)) == expected
    assert not (library / ".cache").exists()


def test_an_unchanged_file_is_not_given_to_the_wording_rules_again(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(side_by_side.CORES, "1")  # in this process, where the calls can be counted
    judged: list[set[str]] = []
    check_texts = registry.check_texts

    def counted(texts: Texts) -> list[DataError]:
        judged.append({path for path in texts.documents if not path.endswith(".md")})  # a page's front matter is always judged again
        return check_texts(texts)

    monkeypatch.setattr(registry, "check_texts", counted)
    clam = library / "exercises" / "clam.yml"
    clam.write_text(clam.read_text(encoding="utf-8").replace("summary: ", "summary: This routine gets rid of hip dips for good. ", 1), encoding="utf-8")
    first = load(library, cache=True)
    assert "exercises/clam.yml" in judged[-1]
    assert told(load(library, cache=True)) == told(first)
    assert judged[-1] == set(), "every data file's wording told from the cache"
    clam.write_text(clam.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert told(load(library, cache=True)) == told(first)
    assert judged[-1] == {"exercises/clam.yml"}, "only the changed file judged again"


def test_a_partly_warm_cache_shared_with_a_forked_child_finds_what_a_fresh_read_finds(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some files from the cache, the others read and judged again, split between this process and a child."""
    monkeypatch.setenv(side_by_side.CORES, "2")
    load(library, cache=True)
    changed = sorted((library / "exercises").glob("*.yml"))[:2]
    broken, reworded = changed
    broken.write_text(broken.read_text(encoding="utf-8").replace("level: ", "level: nowhere-", 1), encoding="utf-8")
    reworded.write_text(reworded.read_text(encoding="utf-8").replace("summary: ", "summary: This routine gets rid of hip dips for good. ", 1), encoding="utf-8")
    fresh = load(library)
    warm = load(library, cache=True)
    assert told(warm) == told(fresh)
    assert {"HD204", "HD501"} <= {error.code for error in warm.errors}
    assert warm.library == fresh.library and placed(warm) == placed(fresh)
    shown = {path.relative_to(library).as_posix() for path in changed}
    assert from_cache(warm) == {path for path in warm.documents if not path.endswith(".md")} - shown


def test_the_command_line_keeps_a_cache_and_no_cache_reads_every_file(library: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(library, other)
    kept = run_cli("validate", root=library)
    assert kept.code == 0, kept.err
    assert cache_files(library) and (library / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    [cache] = cache_files(library)
    written = cache.stat().st_mtime_ns
    again = run_cli("validate", root=library)
    assert (again.code, again.err) == (0, kept.err)
    assert cache.stat().st_mtime_ns == written, "the second run found every file in the cache, so had nothing new to write"
    planted = opened(library)  # what the wording rules found in clam.yml, as told by the cache alone
    entry = planted.kept["exercises/clam.yml"]
    planted.now.update(planted.kept)
    planted.now["exercises/clam.yml"] = (*entry[:3], {**entry[3], "wording": (DataError("exercises/clam.yml", 1, 1, "HD999", "told by the cache").plain(),)})
    planted.save()
    assert "HD999 told by the cache" in run_cli("validate", root=library).err, "the command line reads the cache"
    assert "HD999" not in run_cli("validate", "--no-cache", root=library).err
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
