"""The contributor's path: errors land on the file that changed, the scaffold and the
preview agree with CONTRIBUTING.md, and `make validate` is the whole promise."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, SITE_PARTS, build_site, run_cli

LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<code>HD\d{3}) (?P<message>.+)$", re.MULTILINE)


def problems(err: str) -> list[re.Match[str]]:
    return list(LINE.finditer(err))


@pytest.mark.parametrize("copy", ["a-clam.yml", "zz-clam.yml"])
def test_a_copy_that_keeps_the_id_is_an_error_on_both_files_whichever_sorts_first(library: Path, copy: str) -> None:
    shutil.copy(library / "exercises" / "clam.yml", library / "exercises" / copy)
    result = run_cli("validate", root=library)
    assert result.code == 1
    found = {(m["path"], m["code"]) for m in problems(result.err)}
    assert found == {(f"exercises/{copy}", "HD315"), ("exercises/clam.yml", "HD315")}, result.err
    on_copy = next(m for m in problems(result.err) if m["path"] == f"exercises/{copy}")
    assert on_copy["line"] == "2" and "exercises/clam.yml" in on_copy["message"]
    assert f"id: {copy.removesuffix('.yml')}" in result.err  # the hint gives the copy its own id


def test_a_name_clash_is_reported_on_both_exercises(library: Path) -> None:
    text = (library / "exercises" / "leg-lift.yml").read_text(encoding="utf-8")
    (library / "exercises" / "leg-lift.yml").write_text(text.replace("name: Leg lift", "name: Leg lift\naliases: [Clamshell]"), encoding="utf-8")
    result = run_cli("validate", root=library)
    clashes = {m["path"] for m in problems(result.err) if m["code"] == "HD304"}
    assert clashes == {"exercises/leg-lift.yml", "exercises/clam.yml"}, result.err


def test_a_nearest_id_hint_never_suggests_the_files_own_id(library: Path) -> None:
    text = (library / "exercises" / "leg-lift.yml").read_text(encoding="utf-8")
    (library / "exercises" / "leg-lift.yml").write_text(text.replace("  harder: []", "  harder: [leg-lifts]"), encoding="utf-8")
    result = run_cli("validate", root=library)
    assert "HD301 unknown exercise id 'leg-lifts'" in result.err
    assert "did you mean leg-lift?" not in result.err


@pytest.mark.parametrize("name", ["Clamshell", "CLAMSHELL", "leg-lift"])
def test_the_scaffold_refuses_a_name_or_alias_already_taken(library: Path, name: str) -> None:
    result = run_cli("new", "exercise", name, root=library)
    assert result.code == 1
    assert "already" in result.err and ("clam.yml" in result.err or "leg-lift.yml" in result.err)
    assert sorted(p.name for p in (library / "exercises").glob("*.yml")) == ["clam.yml", "leg-lift.yml", "thrust.yml"]


def test_size_messages_read_as_plain_english(library: Path) -> None:
    text = (library / "exercises" / "clam.yml").read_text(encoding="utf-8")
    (library / "exercises" / "clam.yml").write_text(text.replace("  primary: [gluteus-medius]", "  primary: []"), encoding="utf-8")
    result = run_cli("validate", root=library)
    assert "HD206 muscles.primary is empty; it needs at least 1 item" in result.err
    assert " 1 items" not in result.err


def test_an_unquoted_colon_gets_a_hint_to_quote_the_text(library: Path) -> None:
    text = (library / "exercises" / "clam.yml").read_text(encoding="utf-8")
    (library / "exercises" / "clam.yml").write_text(text.replace("  - Keep your hips stacked.", "  - Keep your hips: stacked."), encoding="utf-8")
    result = run_cli("validate", root=library)
    assert 'put the whole text in double quotes: "Keep your hips: stacked."' in result.err


def test_python_without_the_projects_packages_gets_one_line_not_a_traceback() -> None:
    # -S: no site-packages, as with a system Python that never ran `make`.
    done = subprocess.run([sys.executable, "-S", "-m", "generator", "validate"], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "make validate" in done.stderr


def test_every_data_file_becomes_exactly_one_page(real_site: Path) -> None:
    for folder, pages in (("exercises", "exercises"), ("content/myths", "myths"), ("content/plans", "plans")):
        ids = {file.stem for file in (REPO / folder).glob("*.yml")}
        built = {page.parent.name for page in (real_site / pages).glob("*/index.html") if 'http-equiv="refresh"' not in page.read_text(encoding="utf-8")}
        assert built == ids, folder


# --- make serve, as a contributor uses it ---------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def _wait_for(url: str, predicate: object, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        status, body = _get(url)
        if status == 200 and predicate(body):  # type: ignore[operator]
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show the expected page within {seconds} s")


@pytest.fixture
def served(library: Path) -> Iterator[tuple[Path, str]]:
    """`mkdocs serve` of the fixture library, started the way `make serve` starts it."""
    assert build_site(library, keep_nav=False).returncode == 0
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"], cwd=library, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield library, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_preview_address_printed_by_the_scaffold_is_served(served: tuple[Path, str]) -> None:
    library, host = served
    printed = run_cli("new", "exercise", "Banded fire hydrant", root=library).out
    address = re.search(r"http://127\.0\.0\.1:8000(\S+)", printed)
    assert address, printed
    (library / "exercises" / "banded-fire-hydrant.yml").unlink()
    clam = address.group(1).replace("banded-fire-hydrant", "clam")
    assert "<h1" in _wait_for(host + clam, lambda body: "Clam" in body)


def test_the_preview_has_a_search_index_of_its_own_pages(served: tuple[Path, str]) -> None:
    _, host = served
    entry = json.loads(_wait_for(host + "/hipdips/search/pagefind/pagefind-entry.json", lambda body: "page_count" in body))
    assert sum(language["page_count"] for language in entry["languages"].values()) > 0
    assert _get(host + "/hipdips/search/pagefind/pagefind.js")[0] == 200


def test_serve_shows_data_problems_in_the_page_until_the_file_is_fixed(served: tuple[Path, str]) -> None:
    library, host = served
    url = host + "/hipdips/exercises/clam/"
    _wait_for(url, lambda body: "Clam" in body and "Data problems" not in body)
    clam = library / "exercises" / "clam.yml"
    good = clam.read_text(encoding="utf-8")
    clam.write_text(good.replace("level: beginner", "level: expert"), encoding="utf-8")
    shown = _wait_for(url, lambda body: "Data problems" in body)
    assert "exercises/clam.yml:6:8: HD204" in shown
    clam.write_text(good, encoding="utf-8")
    _wait_for(url, lambda body: "Data problems" not in body and "Clam" in body)


def test_serve_starts_on_invalid_data_shows_the_problems_and_stops_cleanly_on_term(library: Path) -> None:
    # A first start: nothing generated yet (make serve only makes the empty build/docs), the data invalid.
    for name in SITE_PARTS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, library / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[0]
    (library / "mkdocs.yml").write_text(config + "\nnav:\n  - Home: index.md\n  - Exercises: exercises/index.md\n", encoding="utf-8")
    (library / "build" / "docs").mkdir(parents=True)
    clam = library / "exercises" / "clam.yml"
    good = clam.read_text(encoding="utf-8")
    clam.write_text(good.replace("level: beginner", "level: expert"), encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=library, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        home = _wait_for(f"http://127.0.0.1:{port}/hipdips/", lambda body: "Data problems" in body)
        assert "exercises/clam.yml:6:8: HD204" in home
        clam.write_text(good, encoding="utf-8")
        _wait_for(f"http://127.0.0.1:{port}/hipdips/exercises/clam/", lambda body: "Data problems" not in body and "Clam" in body)
    finally:
        server.terminate()  # SIGTERM, as a process manager or `kill` sends it
        _, err = server.communicate(timeout=30)
    assert server.returncode == 0, err
    assert "Traceback" not in err, err


def test_a_file_that_fails_its_schema_does_not_turn_links_to_it_into_errors(library: Path) -> None:
    clam = library / "exercises" / "clam.yml"
    clam.write_text(clam.read_text(encoding="utf-8").replace("level: beginner", "level: expert"), encoding="utf-8")
    result = run_cli("validate", root=library)
    assert {m["code"] for m in problems(result.err)} == {"HD204"}, result.err  # the home page links to the clam: no HD318
