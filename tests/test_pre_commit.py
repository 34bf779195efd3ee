"""The pre-commit hook validates what is staged, in a real git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXTURE, REPO

CODE = ("generator", "schema", ".githooks")


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, check=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding the fixture library and the generator, with the hook on."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root)
    for name in CODE:
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / ".venv").symlink_to(REPO / ".venv")
    (root / ".gitignore").write_text(".venv\n__pycache__/\n", encoding="utf-8")
    assert _git(root, "init", "-q").returncode == 0
    _git(root, "config", "core.hooksPath", ".githooks")
    _git(root, "add", "-A")
    assert _git(root, "commit", "-q", "--no-verify", "-m", "start").returncode == 0
    return root


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


def test_a_bad_value_staged_then_fixed_without_staging_is_refused(repo: Path) -> None:
    clam = repo / "exercises" / "clam.yml"
    _edit(clam, "level: beginner", "level: expert")
    _git(repo, "add", "exercises/clam.yml")
    _edit(clam, "level: expert", "level: beginner")  # fixed in the working tree only
    done = _git(repo, "commit", "-m", "bad level")
    assert done.returncode != 0
    assert "exercises/clam.yml:" in done.stderr and "HD204" in done.stderr
    assert _git(repo, "log", "--oneline").stdout.count("\n") == 1


def test_an_untracked_unfinished_file_does_not_block_an_unrelated_commit(repo: Path) -> None:
    (repo / "exercises" / "draft.yml").write_text("id: draft\nname: [unfinished\n", encoding="utf-8")
    _edit(repo / "exercises" / "leg-lift.yml", "  - Lift the top leg.", "  - Lift the top leg slowly.")
    _git(repo, "add", "exercises/leg-lift.yml")
    done = _git(repo, "commit", "-m", "slower")
    assert done.returncode == 0, done.stderr
    assert _git(repo, "log", "--oneline").stdout.count("\n") == 2


def test_a_valid_staged_change_with_a_bad_unstaged_edit_is_committed(repo: Path) -> None:
    lift = repo / "exercises" / "leg-lift.yml"
    _edit(lift, "  - Lift the top leg.", "  - Lift the top leg slowly.")
    _git(repo, "add", "exercises/leg-lift.yml")
    _edit(lift, "level: ", "level: not-a-level\nlevel2: ")  # unstaged and broken
    done = _git(repo, "commit", "-m", "slower")
    assert done.returncode == 0, done.stderr
