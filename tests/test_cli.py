from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.bad_inputs import CASES, BadInput
from tests.conftest import REPO, run_cli

LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<code>HD\d{3}) .+")


def test_repository_data_is_valid() -> None:
    result = run_cli("validate")
    assert result.code == 0, result.err
    assert result.out.startswith("valid: ")


def test_fixture_library_is_valid(library: Path) -> None:
    assert run_cli("validate", root=library).code == 0


def test_bad_input_corpus_is_large_and_distinct() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_gets_its_code_and_a_located_line(case: BadInput, library: Path) -> None:
    case.apply(library)
    result = run_cli("validate", root=library)
    assert result.code == 1
    problems = [LINE.match(line) for line in result.err.splitlines()[:-1]]
    assert problems and all(problems), result.err
    codes = {m["code"] for m in problems if m}
    assert case.code in codes, result.err
    for match in problems:
        assert match is not None
        assert (library / match["path"]).exists() or match["code"] == "HD117"


def test_all_problems_are_reported_in_one_run(library: Path) -> None:
    for name in ("unknown muscle", "progressions disagree", "unknown verdict"):
        next(case for case in CASES if case.name == name).apply(library)
    result = run_cli("validate", root=library)
    assert {"HD301", "HD306", "HD204"} <= set(re.findall(r" (HD\d{3}) ", result.err))


def test_unknown_id_hint_names_the_nearest_valid_id(library: Path) -> None:
    next(case for case in CASES if case.name == "unknown muscle").apply(library)
    result = run_cli("validate", root=library)
    assert "exercises/clam.yml:11:13: HD301 unknown muscle id 'gluteus-medus' (hint: did you mean gluteus-medius?)" in result.err


def test_github_format_adds_annotations(library: Path) -> None:
    next(case for case in CASES if case.name == "unknown level").apply(library)
    result = run_cli("--format", "github", "validate", root=library)
    assert "::error file=exercises/clam.yml,line=6,col=8,title=HD204::level must be one of" in result.out


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["new"], ["new", "exercise"], ["validate", "--bogus"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run_cli(*args).code == 2


def test_generate_writes_nothing_when_data_is_invalid(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    next(case for case in CASES if case.name == "unknown muscle").apply(library)
    assert run_cli("generate", "--out", str(out), root=library).code == 1
    assert not out.exists()


def test_new_exercise_writes_a_template_that_validates_once_filled(library: Path) -> None:
    result = run_cli("new", "exercise", "Banded Fire Hydrant", root=library)
    assert result.code == 0, result.err
    assert "exercises/banded-fire-hydrant.yml" in result.out and "make validate" in result.out
    created = library / "exercises" / "banded-fire-hydrant.yml"
    text = created.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/exercise.schema.json")
    # Unfilled, it is refused with located problems ...
    before = run_cli("validate", root=library)
    assert before.code == 1 and "banded-fire-hydrant.yml" in before.err
    assert "HD310" in before.err
    assert {"summary", "muscles.primary[0]", "sources[0]", "pose"} <= set(re.findall(r"HD310 (\S+) still holds", before.err))
    assert not re.search(r"HD2\d\d", before.err), "a placeholder gets one message (HD310), not a schema error as well"
    # ... and once its blanks are filled, it validates.
    text = re.sub(r'"FILL IN: [^"]*"', '"Filled in by the test."', text)
    text = re.sub(r"FILL IN: [^\n]*", "Filled in by the test.", text)
    text = text.replace('summary: "Filled in by the test."', "summary: A banded fire hydrant trains the side of the hip on all fours.")
    text = text.replace('primary: ["FILL IN"]', "primary: [gluteus-medius]").replace('sources: ["FILL IN"]', "sources: [study-a]")
    text = text.replace("pose: FILL IN", "pose:\n  base: quadruped\n  view: back\n  start: {}\n  end:\n    working: {hip_out: 45}")
    created.write_text(text, encoding="utf-8")
    after = run_cli("validate", root=library)
    assert after.code == 0, after.err


def test_new_exercise_refuses_an_existing_id(library: Path) -> None:
    result = run_cli("new", "exercise", "Clam", root=library)
    assert result.code == 1
    assert "already exists" in result.err


def test_repository_data_files_declare_their_schema() -> None:
    files = [*REPO.glob("exercises/*.yml"), *REPO.glob("content/**/*.yml")]
    assert files
    for file in files:
        first = file.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), file
        schema = (file.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), file
