"""The built weeks in a real browser: the chooser with JavaScript on and off, printing, accessibility.

Fixtures (the served site, the browser) come from tests/conftest.py.
"""

from __future__ import annotations

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


def test_built_week_calendars_parse(real_site: Path, real_library: Library) -> None:
    files = sorted((real_site / "plans" / "your-week").glob("*.ics"))
    assert len(files) == sum(1 for week in plan_weeks(real_library) if week.plan)
    for file in files:
        events = list(Calendar.from_ical(file.read_bytes()).walk("VEVENT"))
        assert 2 <= len(events) <= 5, file
        assert all(event.get("RRULE")["FREQ"] == ["WEEKLY"] for event in events)


def test_built_pages_are_valid_html_for_the_nu_checker(real_site: Path) -> None:
    jar = REPO / ".tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    if not jar.is_file() or not java:
        pytest.fail(f"the Nu HTML checker needs java and {jar} (run `make test`, which installs it)")
    pages = [str(real_site / "plans" / "index.html"), *(str(real_site / "plans" / "your-week" / slug / "index.html") for slug in SAMPLE)]
    done = subprocess.run([java, "-jar", str(jar), "--errors-only", *pages], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[:5000]
