"""`python -m generator weeks-diff`: which built weeks a change alters, against a base revision."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from generator.check.validate import load
from generator.weeks.diff import compare
from generator.weeks.planner import plan_weeks
from tests.conftest import REPO, run_cli
from tests.test_build import fill_in

NEW = "banded-side-step-hold"


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args], cwd=root, check=True, capture_output=True)


def repository(tmp_path: Path) -> Path:
    """A git repository holding a copy of this one's code and data, committed."""
    root = tmp_path / "repo"
    for name in ("generator", "schema", "content", "exercises"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root


def weeks_of(report: str) -> dict[str, list[str]]:
    """The plain-text report as {week: its indented lines}, the headline left out."""
    weeks: dict[str, list[str]] = {}
    for line in report.splitlines()[1:]:
        if line.startswith("  "):
            weeks[next(reversed(weeks))].append(line.strip())
        else:
            weeks[line] = []
    return weeks


def test_a_new_exercise_lists_each_week_it_joins_in_text_and_markdown(tmp_path: Path) -> None:
    root = repository(tmp_path)
    same = run_cli("weeks-diff", "--base", "HEAD", root=root)
    assert same.code == 0 and same.out.startswith("0 of ") and same.out.rstrip().endswith("none."), same.out + same.err
    assert run_cli("new", "exercise", "Banded side step hold", root=root).code == 0
    fill_in(root / "exercises" / f"{NEW}.yml")
    summary = tmp_path / "summary.md"
    done = run_cli("weeks-diff", "--base", "HEAD", "--markdown", str(summary), root=root)
    assert done.code == 0, done.err
    joined = [w.choice.slug for w in plan_weeks(load(root).library) if w.plan and any(e.exercise == NEW for d in w.plan.days for e in d.entries)]
    assert joined, "the new exercise is in no built week: pick one the planner uses"
    listed = weeks_of(done.out)
    assert all(f"+ {NEW}" in " ".join(listed.get(slug, [])) for slug in joined), done.out
    assert done.out.startswith(f"{len(listed)} of {len(plan_weeks(load(root).library))} built weeks change against HEAD"), done.out
    markdown = summary.read_text(encoding="utf-8")
    assert markdown.startswith("### Weeks: ") and markdown.count("\n| `") == len(listed)
    assert f"| `{joined[0]}` | " in markdown and f"+ {NEW}" in markdown


def test_a_base_that_is_not_a_revision_is_one_line_with_the_fix(tmp_path: Path) -> None:
    root = repository(tmp_path)
    done = run_cli("weeks-diff", "--base", "origin/no-such-branch", root=root)
    assert done.code == 1 and done.err.startswith("error: origin/no-such-branch is not a revision") and "fetch-depth: 0" in done.err


def test_dose_changes_and_weeks_no_longer_built_are_named() -> None:
    week = {"built": True, "training_days": 2, "nearest": None, "days": [{"name": "Monday", "moves": [["a", "2 sets of 10 reps"], ["b", "2 sets of 8 reps"]]}]}
    dosed = {**week, "days": [{"name": "Monday", "moves": [["a", "3 sets of 10 reps"], ["c", "2 sets of 8 reps"]]}]}
    gone = {"built": False, "training_days": 2, "nearest": "2-days-gym-beginner", "days": []}
    changes = compare({"x": week, "y": week, "z": week}, {"x": dosed, "y": gone, "z": week})
    assert [(change.slug, change.lines) for change in changes] == [
        ("x", ("Monday: + c; - b; a 2 sets of 10 reps -> 3 sets of 10 reps",)),
        ("y", ("no longer built (now points to 2-days-gym-beginner)",)),
    ]
