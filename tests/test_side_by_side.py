"""Validation may run the wording rules in a forked child (generator/check/side_by_side.py):
the errors must be the same as in one process, and a child that fails must cost nothing.
The fixture library is far below FORK_FROM files, so these tests ask for the fork (HIPDIPS_CORES=2)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.check import registry, side_by_side
from generator.check.context import Context, Texts
from generator.check.validate import load
from generator.errors import DataError
from tests.bad_inputs import CASES
from tests.conftest import REPO, run_cli

two_cores = pytest.mark.skipif(not (hasattr(os, "fork") and side_by_side.cores_free() > 1), reason="needs fork and two cores")

# Cases that break each kind of check: schema, ids, progressions, wording, safety and links.
BROKEN = ("unknown muscle", "progressions disagree", "unknown verdict", "promise in a hand-written page", "iframe in a page", "reference-style link to a missing page", "proper name in lower case")


def error(message: str) -> DataError:
    return DataError("exercises/clam.yml", 1, 1, "HD999", message)


def test_the_broken_cases_are_in_the_corpus() -> None:
    names = {case.name for case in CASES}
    assert set(BROKEN) <= names, set(BROKEN) - names


@two_cores
def test_validate_gives_the_same_errors_in_one_process_and_in_two(library: Path) -> None:
    for name in BROKEN:
        next(case for case in CASES if case.name == name).apply(library)
    two = run_cli("validate", root=library, env={**os.environ, side_by_side.CORES: "2"})
    one = run_cli("validate", root=library, env={**os.environ, side_by_side.CORES: "1"})
    assert two.code == one.code == 1
    assert two.err == one.err
    codes = {line.split(" ")[1] for line in two.err.splitlines()[:-1]}
    assert {"HD301", "HD306", "HD204", "HD501", "HD401", "HD318", "HD505"} <= codes, two.err


def test_the_wording_rules_find_the_same_in_the_texts_alone_as_in_the_whole_library(library: Path) -> None:
    """The child runs them before the library is built, on the texts alone (context.Texts,
    which has no library to read): what they find there must be what they find with it."""
    for name in BROKEN:
        next(case for case in CASES if case.name == name).apply(library)
    loaded = load(library)
    whole = Context(loaded.library, loaded.documents, loaded.known_ids, library)
    alone = Texts(loaded.documents, tuple(loaded.library.pages.values()))
    assert not hasattr(alone, "library")
    found = registry.check_texts(alone)
    assert found == registry.check_texts(whole)
    assert {"HD501", "HD505"} <= {error.code for error in found}


def in_a_fresh_process(code: str, *args: str) -> list[str]:
    """Run `code` in a new Python process: a test process has threads of its own (pytest-xdist's),
    so validation never forks inside it; a fresh process has one thread and may."""
    prelude = "import os, sys\nfrom generator.check import side_by_side\nfrom generator.errors import DataError\nassert side_by_side.may_fork(files=1), 'no fork here'\n"
    env = {**os.environ, side_by_side.CORES: "2"}
    done = subprocess.run([sys.executable, "-c", prelude + code, *args], cwd=REPO, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@two_cores
def test_load_in_two_processes_agrees_with_one(library: Path) -> None:
    for name in BROKEN:
        next(case for case in CASES if case.name == name).apply(library)
    code = "from pathlib import Path\nfrom generator.check.validate import load\nfor e in load(Path(sys.argv[1])).errors: print(repr(e))\n"
    forked = in_a_fresh_process(code, str(library))
    alone = [repr(e) for e in load(library).errors]  # here, in this process: no fork
    assert forked == alone
    assert any("HD501" in line for line in forked)  # a wording error, found by the child


CHILD = """
parent = os.getpid()
def error(message): return DataError("exercises/clam.yml", 1, 1, "HD999", message)
def both(here, beside):
    done, told = side_by_side.side_by_side(here, beside, files=1, pack=DataError.plain, unpack=DataError.from_plain)
    return done + told
"""


@two_cores
def test_the_child_runs_its_part_and_sends_back_its_errors() -> None:
    code = CHILD + "found = both(lambda: [error(f'here {os.getpid() == parent}')], lambda: [error(f'beside {os.getpid() == parent}')])\nprint([e.message for e in found])"
    assert in_a_fresh_process(code) == ["['here True', 'beside False']"]


@two_cores
def test_a_child_that_fails_is_run_again_here() -> None:
    code = CHILD + """
def beside():
    if os.getpid() != parent:
        raise RuntimeError("the child fails")
    return [error("beside, run again here")]
print([e.message for e in both(lambda: [error("here")], beside)])
"""
    assert in_a_fresh_process(code) == ["['here', 'beside, run again here']"]


@two_cores
def test_a_child_that_dies_without_a_word_is_run_again_here() -> None:
    code = CHILD + """
def beside():
    if os.getpid() != parent:
        os._exit(3)
    return [error("beside, run again here")]
print([e.message for e in both(lambda: [], beside)])
"""
    assert in_a_fresh_process(code) == ["['beside, run again here']"]


@two_cores
def test_a_part_that_fails_everywhere_raises_its_own_error_here() -> None:
    code = CHILD + """
def beside():
    raise ValueError("a bug in a rule")
try:
    both(lambda: [], beside)
except ValueError as exc:
    print("raised:", exc)
"""
    assert in_a_fresh_process(code) == ["raised: a bug in a rule"]


@two_cores
def test_a_child_with_much_to_say_does_not_block_on_a_full_pipe() -> None:
    code = CHILD + """
many = [error("x" * 200 + str(i)) for i in range(5000)]  # about 1 MB pickled, far past a pipe's buffer
print(both(lambda: [], lambda: many) == many)
"""
    assert in_a_fresh_process(code) == ["True"]


def both_here(here: Callable[[], list[DataError]], beside: Callable[[], list[DataError]], files: int = 1) -> list[DataError]:
    done, told = side_by_side.side_by_side(here, beside, files=files, pack=DataError.plain, unpack=DataError.from_plain)
    return done + told


def test_validation_does_not_fork_in_a_process_with_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    monkeypatch.setenv(side_by_side.CORES, "2")
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert not side_by_side.may_fork(files=1)
        parent = os.getpid()
        found = both_here(lambda: [error("here")], lambda: [error(f"beside {os.getpid() == parent}")])
        assert [e.message for e in found] == ["here", "beside True"]
    finally:
        stop.set()
        worker.join()


def test_one_core_is_asked_for_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(side_by_side.CORES, "1")
    assert not side_by_side.may_fork(files=10_000)
    parent = os.getpid()
    found = both_here(lambda: [error("here")], lambda: [error(f"beside {os.getpid() == parent}")], files=10_000)
    assert [e.message for e in found] == ["here", "beside True"]


def test_a_small_library_is_checked_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(side_by_side.CORES, raising=False)
    assert not side_by_side.may_fork(files=side_by_side.FORK_FROM - 1)


def test_an_error_comes_back_from_plain_data_as_it_was() -> None:
    from generator.errors import Fix

    for sent in (error("plain"), DataError("a.yml", 3, 4, "HD301", "unknown id", "did you mean b?", fix=Fix("a.yml", 3, "x", "y"))):
        back = DataError.from_plain(sent.plain())
        assert back == sent and back.fix == sent.fix and back.hint == sent.hint


READ_BESIDE = """
import json
from pathlib import Path
from generator.check import reading
from generator.reader import read_file
root = Path(sys.argv[1])
files = sorted((root / "exercises").glob("*.yml"))
jobs = [(file, file.relative_to(root).as_posix(), 256 * 1024) for file in files]
def placed(read):
    if isinstance(read, DataError):
        return ["error", read.format()]
    spots = [[list(path), read.where(path), read.where(path, key=True), read.locate(path, 5)] for path, _ in read.strings()]
    return [read.path, read.value, [list(p) for p, _ in read.strings()], [n.format() for n in read.notes], spots]
"""


@two_cores
def test_a_file_read_in_the_child_reads_and_places_every_value_as_here(library: Path) -> None:
    """The child sends no positions back: a document it read finds them again from its source,
    to the same line and column; a file it cannot read gives the same error as here."""
    (library / "exercises" / "leg-lift.yml").write_bytes(b"\xef\xbb\xbf" + (library / "exercises" / "leg-lift.yml").read_bytes())  # read in the child, with a note to send back
    broken = library / "exercises" / "zz-broken.yml"
    broken.write_text("id: zz-broken\nname: Broken\nname: Twice\n", encoding="utf-8")
    code = READ_BESIDE + """
read = reading.read_files(jobs, shared=range(1, len(jobs), 2), files=1)
assert [job[0] for job in jobs] == list(read), "in the jobs' order"
assert all(read[file].read_positions is None for file, _, _ in jobs[1::2] if not isinstance(read[file], DataError)), "read in the child"
here = [placed(read_file(*job[:2])) for job in jobs]
print(json.dumps([placed(read[file]) for file, _, _ in jobs] == here), len(jobs))
"""
    assert in_a_fresh_process(code, str(library)) == ["true 4"]


@two_cores
def test_a_share_the_child_fails_to_send_is_read_here(library: Path) -> None:
    code = READ_BESIDE + """
parent = os.getpid()
sending = reading._plain
def fails_in_the_child(read):
    if os.getpid() != parent:
        raise RuntimeError("the child fails")
    return sending(read)
reading._plain = fails_in_the_child
read = reading.read_files(jobs, shared=[1], files=1)
print(all(each.read_positions is not None for each in read.values()), [placed(each) for each in read.values()] == [placed(read_file(*job[:2])) for job in jobs])
"""
    assert in_a_fresh_process(code, str(library)) == ["True True"]
