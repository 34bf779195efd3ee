"""Shared fixtures: the repository, a writable copy of the fixture library, the CLI,
the real site built once per run, and one browser per test process."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from generator.check.validate import load
from generator.model import Library
from tests.browsers import CHROMIUM_FLAGS, chromium_path, served

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "library"
# The real site is built from this folder's content/ and exercises/: the
# repository's own, unless the test of a new exercise points it at a copy.
DATA_ROOT = Path(os.environ.get("HIPDIPS_TEST_DATA_ROOT") or REPO).resolve()


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


def shared_dir(factory: pytest.TempPathFactory) -> Path:
    """A folder every process of this run sees: the run's base temp, or with
    pytest-xdist the folder that holds each worker's base temp."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def build_real_site(into: Path, data: Path = DATA_ROOT) -> Path:
    """The site of `data` (the repository's own), built in `into`/repo by the first process to ask.

    A file lock makes the other workers wait for that build and reuse it, so
    the real site is built once per run however many processes run the tests.
    A failed build is recorded, and every process reports the same output.
    """
    into.mkdir(parents=True, exist_ok=True)
    root, built, failed = into / "repo", into / "built", into / "failed"
    with (into / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not built.exists() and not failed.exists():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            for name in ("content", "exercises"):
                shutil.copytree(data / name, root / name)
            done = build_site(root)
            (built if done.returncode == 0 else failed).write_text(done.stdout + done.stderr, encoding="utf-8")
    if failed.exists():
        pytest.fail("the real site did not build:\n" + failed.read_text(encoding="utf-8"), pytrace=False)
    return root / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once per run in a copy of the repository (shared by every worker)."""
    return build_real_site(shared_dir(tmp_path_factory) / "real-site")


@pytest.fixture(scope="session")
def real_library() -> Library:
    """The library the real site is built from: what a test of the built site compares it with."""
    loaded = load(DATA_ROOT)
    assert not loaded.errors, [error.format() for error in loaded.errors]
    return loaded.library


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium (tests/browsers.py says where it is looked for), one per test process."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def base_url(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site served over HTTP under its published path, e.g. http://127.0.0.1:PORT/hipdips/."""
    with served(real_site, tmp_path_factory.mktemp("served")) as url:
        yield url
