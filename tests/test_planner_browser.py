"""The built weeks in a real browser: the chooser with JavaScript on and off, printing, accessibility.

Fixtures (the served site, the browser) come from tests/conftest.py.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from icalendar import Calendar
from playwright.sync_api import Browser

from generator.model import Library
from generator.weeks.model import choices
from generator.weeks.planner import plan_weeks
from tests.conftest import REPO
from tests.test_browser import VIEWPORTS, describe

SAMPLE = ("3-days-mini-band-beginner", "2-days-no-equipment-beginner", "5-days-gym-advanced", "2-days-gym-advanced", "5-days-mini-band-beginner", "3-days-no-equipment-advanced")


def full_weeks(library: Library) -> list[str]:
    return [week.choice.slug for week in plan_weeks(library) if week.plan and not week.capped]


def test_chooser_opens_the_matching_week(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(base_url + "plans/")
    form = page.locator("form[data-hd-chooser]")
    assert form.is_visible()
    form.locator("select[name=days]").select_option("3")
    form.locator("select[name=kit]").select_option("mini-band")
    form.locator("select[name=level]").select_option("beginner")
    page.get_by_role("button", name="Show my week").click()
    page.wait_for_url(re.compile(r"/plans/your-week/3-days-mini-band-beginner/$"))
    assert page.locator("h1").inner_text().startswith("3-day week with a mini band")
    assert page.locator(".hd-day").count() == 7
    assert page.get_by_role("link", name="add the training days to your calendar").get_attribute("href") == "../3-days-mini-band-beginner.ics"
    page.go_back()
    form.locator("select[name=days]").select_option("5")
    form.locator("select[name=kit]").select_option("gym")
    form.locator("select[name=level]").select_option("advanced")
    form.get_by_role("button", name="Show my week").press("Enter")  # the keyboard works too
    page.wait_for_url(re.compile(r"/plans/your-week/5-days-gym-advanced/$"))
    context.close()


def test_without_javascript_the_plans_index_is_a_grid_of_links(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(base_url + "plans/")
    assert not page.locator("form[data-hd-chooser]").is_visible()
    links = page.locator("a[href*='your-week/']")
    assert links.count() == len(choices())  # one link for every choice the chooser offers
    page.locator("li", has_text="A mini band:").first.get_by_role("link", name="3 days").click()
    page.wait_for_url(re.compile(r"/plans/your-week/3-days-mini-band-beginner/$"))
    assert page.locator(".hd-day").count() == 7
    context.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_every_built_week_prints_on_one_page_and_its_log_after_it(browser: Browser, base_url: str, real_library: Library, paper: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    for slug in full_weeks(real_library):
        page.goto(base_url + f"plans/your-week/{slug}/")
        with_log = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format=paper, print_background=True)))
        page.add_style_tag(content=".hd-paper-log { display: none !important; }")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format=paper, print_background=True)))
        assert pages == 1, f"{slug} prints on {pages} {paper} pages"
        assert 2 <= with_log <= 3, f"{slug} and its log print on {with_log} {paper} pages"
    context.close()


@pytest.mark.parametrize("width", VIEWPORTS)
def test_chooser_and_weeks_have_no_accessibility_violations(width: str, browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[width], color_scheme="light")
    page = context.new_page()
    problems = []
    for path in ("plans/", *(f"plans/your-week/{slug}/" for slug in SAMPLE)):
        page.goto(base_url + path)
        violations = Axe().run(page).response["violations"]
        if violations:
            problems.append(f"/{path}:\n{describe(violations)}")
    context.close()
    assert not problems, "\n".join(problems)


def test_week_pages_tell_search_engines_what_to_index(real_site: Path, real_library: Library) -> None:
    weeks = {week.choice.slug: week for week in plan_weeks(real_library)}
    for slug, week in weeks.items():
        html = (real_site / "plans" / "your-week" / slug / "index.html").read_text(encoding="utf-8")
        noindex = '<meta name="robots" content="noindex, follow">' in html
        assert noindex == (week.plan is None or week.capped), slug
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
        assert canonical and canonical.group(1).endswith(f"/plans/your-week/{slug}/")
    titles = [re.search(r"<title>(.*?)</title>", (real_site / "plans" / "your-week" / s / "index.html").read_text(encoding="utf-8")).group(1) for s in weeks]  # type: ignore[union-attr]
    assert len(set(titles)) == len(titles) == len(choices())  # every choice, each its own title


def test_built_week_calendars_parse_and_follow_the_block(real_site: Path, real_library: Library) -> None:
    weeks = {week.choice.slug: week for week in plan_weeks(real_library) if week.plan}
    files = sorted((real_site / "plans" / "your-week").glob("*.ics"))
    assert len(files) == len(weeks)
    for file in files:
        plan = weeks[file.stem].plan
        assert plan
        training = sum(1 for day in plan.days if day.kind == "training")
        events = list(Calendar.from_ical(file.read_bytes()).walk("VEVENT"))
        assert len(events) == 12 * training, file
        assert all(len(str(event.get("SUMMARY"))) <= 40 and str(event.get("SUMMARY")).startswith("Hips ") for event in events)
        assert len({str(event.get("UID")) for event in events}) == len(events)
        starts = sorted(event.decoded("DTSTART") for event in events)
        assert starts[0].weekday() == 0 and (starts[-1] - starts[0]).days < 12 * 7
        texts = [str(event.get("DESCRIPTION")) for event in events]
        assert any("Week 4 of 12: Lighter week" in text for text in texts) and any("Week 12 of 12: Retest" in text for text in texts)


def test_the_reader_picks_the_calendar_start_and_the_browser_makes_the_file(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"], accept_downloads=True)
    page = context.new_page()
    page.goto(base_url + "plans/your-week/3-days-mini-band-beginner/")
    form = page.locator("form[data-hd-calendar]")
    assert form.is_visible()
    default = dt.date.fromisoformat(form.locator("input[name=start]").input_value())
    assert default.weekday() == 0 and 0 < (default - dt.date.today()).days <= 7, "next Monday by default"
    form.locator("input[name=start]").fill("2031-03-05")
    with page.expect_download() as done:
        form.get_by_role("button", name="Make my calendar file").click()
    events = list(Calendar.from_ical(Path(done.value.path()).read_bytes()).walk("VEVENT"))
    assert min(event.decoded("DTSTART") for event in events) == dt.date(2031, 3, 5)
    assert len(events) == 36
    context.close()
    quiet = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    page = quiet.new_page()
    page.goto(base_url + "plans/your-week/3-days-mini-band-beginner/")
    assert not page.locator("form[data-hd-calendar]").is_visible()
    assert page.get_by_text("The calendar file starts on Monday").is_visible()
    quiet.close()


def test_built_pages_are_valid_html_for_the_nu_checker(real_site: Path) -> None:
    jar = REPO / ".tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    if not jar.is_file() or not java:
        pytest.fail(f"the Nu HTML checker needs java and {jar} (run `make test`, which installs it)")
    pages = [str(real_site / "plans" / "index.html"), *(str(real_site / "plans" / "your-week" / slug / "index.html") for slug in SAMPLE)]
    done = subprocess.run([java, "-jar", str(jar), "--errors-only", *pages], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[:5000]
