"""The whole build, for real: generate, `mkdocs build --strict`, read the HTML.

And the promise to contributors: a new exercise from the scaffold, filled in,
passes the build and every check of the built site that depends on what the
library holds (none of them counts it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator.model import Library
from tests.conftest import FIXTURE, REPO, build_real_site, run_cli

SITE_HOST = "hipdips-honestly.github.io"


class Resources(HTMLParser):
    """Collects every URL a page makes the browser fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "srcset", "poster", "data"):
            if values.get(name):
                self.fetched.append(str(values[name]))
        rel = (values.get("rel") or "").lower()
        if tag == "link" and values.get("href") and rel not in ("canonical", "alternate"):
            self.fetched.append(str(values["href"]))


def test_build_makes_a_page_for_every_entry(real_site: Path, real_library: Library) -> None:
    library = real_library
    assert (real_site / "index.html").is_file()
    for kind, ids in (("exercises", library.exercises), ("myths", library.myths), ("plans", library.plans), ("muscles", library.muscles)):
        assert (real_site / kind / "index.html").is_file()
        for ident in ids:
            assert (real_site / kind / ident / "index.html").is_file(), f"{kind}/{ident}"
    assert (real_site / "references" / "index.html").is_file()
    assert (real_site / "schema" / "exercise.schema.json").is_file()


def test_built_pages_fetch_nothing_from_other_hosts(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        parser = Resources()
        html = page.read_text(encoding="utf-8")
        parser.feed(html)
        css_urls = re.findall(r"url\((['\"]?)(https?:)?//", html)
        assert not css_urls, page
        for url in parser.fetched:
            host = urlparse(url).netloc
            assert host in ("", SITE_HOST), f"{page.relative_to(real_site)} fetches {url}"
    for sheet in real_site.rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(https?:)?//", sheet.read_text(encoding="utf-8")), sheet
    for script in real_site.rglob("*.js"):
        assert "fonts.googleapis.com" not in script.read_text(encoding="utf-8", errors="replace"), script


def test_exercise_page_shows_its_data(real_site: Path) -> None:
    html = (real_site / "exercises" / "banded-clamshell" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in html and "Banded clamshell" in html
    assert "Form cues" in html and "Common mistakes" in html
    assert 'href="../../muscles/gluteus-medius/"' in html
    assert "../../references/#distefano-2009" in html
    assert '<meta name="description" content="A side-lying move' in html


def test_navigation_does_not_list_every_exercise(real_site: Path, real_library: Library) -> None:
    html = (real_site / "index.html").read_text(encoding="utf-8")
    library = real_library
    linked = [ident for ident in library.exercises if f"exercises/{ident}/" in html]
    assert len(linked) < len(library.exercises)


def test_the_home_page_states_how_many_exercises_the_library_has(real_site: Path, real_library: Library) -> None:
    """content/index.md writes `{{ count.exercises }}`; the generator fills in the number."""
    html = (real_site / "index.html").read_text(encoding="utf-8")
    assert f"{len(real_library.exercises)} moves for the glutes" in html
    assert "{{" not in html.split("<article", 1)[1]


# What a contributor writes in place of each FILL IN of the scaffold, in order.
FILLED_IN = (
    (
        '"FILL IN: one sentence on what it is and what it trains (40-200 characters)."',
        '"With a mini band above the knees, you step one foot out to the side and hold, which trains the side of the hip."',
    ),
    ("equipment: []", "equipment: [mini-band]"),
    ('primary: ["FILL IN"]', "primary: [gluteus-medius]"),
    (
        '"FILL IN: why it works this muscle, e.g. the top leg lifts out to the side against gravity."',
        '"each step pushes the leg out to the side against the band"',
    ),
    (
        "FILL IN: why it matters for the side of the hip, in two to four sentences.",
        "Holding the band apart keeps the side of the hip working on both legs."
        " A review ranked band moves near the top for gluteus medius activity [@macadam-2015].",
    ),
    ("FILL IN: how to get into the start position.", "Put a mini band around both legs, a little above the knees. Stand tall with a small bend in each knee."),
    ('"FILL IN: first step."', "Step one foot out to the side until the band is tight."),
    ('"FILL IN: second step."', "Hold for a slow count of three, then bring the foot back."),
    ('"FILL IN: a cue, e.g. Keep your toes pointing forward."', "Keep your toes pointing forward."),
    ('"FILL IN: a cue."', "Keep your chest up and your hips level."),
    ('"FILL IN: a cue."', "Move slowly and keep the band tight."),
    ('"FILL IN: what people get wrong."', "Letting the knees cave in toward each other."),
    ('"FILL IN: how to fix it."', "Push the knees out against the band the whole time."),
    ('"FILL IN: what people get wrong."', "Leaning the body to one side to step wider."),
    ('"FILL IN: how to fix it."', "Take a shorter step and stay upright."),
    ('"FILL IN: how to make it harder over the weeks."', "Hold each step longer, then use a stronger band."),
    ('"FILL IN: when to stop or take care."', "Stop if you feel pain at the front or side of the hip."),
    ('sources: ["FILL IN"]', "sources: [macadam-2015]"),
    ("pose: FILL IN", "pose:\n  base: standing\n  view: front\n  planted: other-ankle\n  equipment: [band-knees]\n  start: {}\n  end:\n    working: {hip_out: 20}"),
)
# The checks of the built site that once counted the library (and the ones
# that compare it with the library), run again on a site with one more exercise.
LIBRARY_CHECKS = (
    "tests/test_build.py::test_build_makes_a_page_for_every_entry",
    "tests/test_build.py::test_navigation_does_not_list_every_exercise",
    "tests/test_build.py::test_the_home_page_states_how_many_exercises_the_library_has",
    "tests/test_content.py::test_library_holds_every_data_file_and_the_promised_entries",
    "tests/test_content.py::test_reading_grade_of_every_page_is_at_most_10",
    "tests/test_pose_browser.py::test_every_figure_fits_in_40_percent_of_a_phone_screen_with_labels_of_12_px",
    "tests/test_muscle_map_browser.py::test_every_muscle_map_label_is_at_least_12_px[phone]",
    "tests/test_planner_browser.py::test_without_javascript_the_plans_index_is_a_grid_of_links",
    "tests/test_planner_browser.py::test_week_pages_tell_search_engines_what_to_index",
    "tests/test_planner_browser.py::test_built_week_calendars_parse_and_follow_the_block",
)


def fill_in(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for blank, value in FILLED_IN:
        assert blank in text, f"the scaffold no longer has {blank!r}: update FILLED_IN"
        text = text.replace(blank, value, 1)
    assert not [line for line in text.splitlines() if "FILL IN" in line.split("#")[0]], text
    path.write_text(text, encoding="utf-8")


def test_a_new_exercise_from_the_scaffold_passes_the_build_and_the_library_checks(tmp_path: Path) -> None:
    """`make new`, filled in, in a copy of the repository's data; then the real build and the checks above, on that copy."""
    data = tmp_path / "data"
    for name in ("content", "exercises"):
        shutil.copytree(REPO / name, data / name)
    made = run_cli("new", "exercise", "Banded side step hold", root=data)
    assert made.code == 0, made.err
    fill_in(data / "exercises" / "banded-side-step-hold.yml")
    checked = run_cli("validate", root=data)
    assert checked.code == 0, checked.err
    env = {name: value for name, value in os.environ.items() if not name.startswith(("PYTEST_XDIST", "PYTEST_CURRENT"))}
    env["HIPDIPS_TEST_DATA_ROOT"] = str(data)
    command = [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", "--basetemp", str(tmp_path / "run"), *LIBRARY_CHECKS]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
    assert f"{len(LIBRARY_CHECKS)} passed" in done.stdout, done.stdout[-2000:]
    built = tmp_path / "run" / "real-site" / "repo" / "site"
    assert (built / "exercises" / "banded-side-step-hold" / "index.html").is_file()


def test_the_real_site_is_built_once_and_a_failed_build_is_not_tried_again(tmp_path: Path) -> None:
    """Every test process calls build_real_site; only the first builds, and a failure is told to all of them."""
    broken = tmp_path / "data"
    shutil.copytree(FIXTURE, broken)
    (broken / "exercises" / "bad.yml").write_text("id: [\n", encoding="utf-8")
    outcomes = []
    for _ in range(2):
        with pytest.raises(pytest.fail.Exception) as failed:
            build_real_site(tmp_path / "shared", broken)
        outcomes.append(str(failed.value))
        (broken / "exercises" / "bad.yml").unlink(missing_ok=True)  # a second build could not name it: the same report shows none ran
    assert outcomes[0] == outcomes[1] and "the real site did not build" in outcomes[0] and "bad.yml" in outcomes[0]
    assert not (tmp_path / "shared" / "built").exists()
