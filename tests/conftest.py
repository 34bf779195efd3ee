"""Shared fixtures: the repository, a writable copy of the fixture library, the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "library"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str, root: Path = REPO, env: dict[str, str] | None = None) -> Run:
    """Run `python -m generator` for real, as a contributor would."""
    done = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args], cwd=REPO, capture_output=True, text=True, env=env, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    return Run(done.returncode, done.stdout, done.stderr)


SITE_PARTS = ("mkdocs.yml", "schema", "generator", "overrides", "social")


def build_site(root: Path, *, keep_nav: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the real `python -m generator build` in `root`, which holds the data.

    The site's configuration, templates and code are copied in from the
    repository; without `keep_nav` the navigation is dropped (a fixture
    library does not have the hand-written pages it lists).
    """
    for name in SITE_PARTS:
        source, target = REPO / name, root / name
        if target.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            text = source.read_text(encoding="utf-8")
            if not keep_nav:
                text = text.split("\nnav:\n", 1)[0] + "\n"
            target.write_text(text, encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root, capture_output=True, text=True, env=env, check=False)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A private copy of the small fixture library, safe to break."""
    target = tmp_path / "library"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once for the session in a copy of the repository."""
    root = tmp_path_factory.mktemp("real") / "repo"
    root.mkdir()
    for name in ("content", "exercises"):
        shutil.copytree(REPO / name, root / name)
    done = build_site(root)
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"
