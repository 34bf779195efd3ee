"""Shared fixtures: the repository, a writable copy of the fixture library, the CLI."""

from __future__ import annotations

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


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A private copy of the small fixture library, safe to break."""
    target = tmp_path / "library"
    shutil.copytree(FIXTURE, target)
    return target
