"""The built site in a real browser: Chromium driven by Playwright, axe-core for accessibility.

These tests fail (they never skip) when no Chromium is found: CI installs
Debian's `chromium`; set CHROMIUM to use another binary.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from icalendar import Calendar
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright

PAGE_TYPES = {
    "home": "",
    "exercise index": "exercises/",
    "exercise": "exercises/banded-clamshell/",
    "myth index": "myths/",
    "myth": "myths/spot-reduction/",
    "plan index": "plans/",
    "plan": "plans/gym-week/",
    "muscle index": "muscles/",
    "muscle": "muscles/gluteus-medius/",
    "equipment": "equipment/",
    "references": "references/",
    "hand-written": "what-are-hip-dips/",
}
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not found:
        pytest.fail("no Chromium found: install Debian's chromium package (CI does) or set CHROMIUM")
    return found


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(real_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(real_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


class Watched:
    """A page with every console error and every request to another host recorded."""

    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.route("**/*", self._route)
        self.base_url = base_url

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _route(self, route: object, request: Request) -> None:
        if request.url.startswith(self.base_url) or request.url.startswith("data:"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.foreign.append(request.url)
            route.abort()  # type: ignore[attr-defined]


@pytest.fixture
def watched(browser: Browser, base_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 412, "height": 915}, device_scale_factor=1)
    yield Watched(context.new_page(), base_url)
    context.close()


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_has_no_accessibility_violations_console_errors_or_foreign_requests(kind: str, watched: Watched, base_url: str) -> None:
    watched.page.goto(base_url + PAGE_TYPES[kind], wait_until="networkidle")
    results = Axe().run(watched.page)
    assert results.violations_count == 0, results.generate_report()
    assert watched.errors == []
    assert watched.foreign == []


@pytest.mark.parametrize("kind", ["exercise", "plan", "exercise index"])
def test_dark_palette_has_no_accessibility_violations(kind: str, browser: Browser, base_url: str) -> None:
    context = browser.new_context(color_scheme="dark", viewport={"width": 412, "height": 915})
    page = context.new_page()
    page.goto(base_url + PAGE_TYPES[kind], wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    results = Axe().run(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_navigation_reaches_the_exercises_and_an_exercise(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url)
    page.locator("nav.md-nav--primary").get_by_role("link", name="Exercises", exact=True).first.click()
    page.wait_for_url(re.compile(r"/exercises/$"))
    page.get_by_role("link", name="Banded clamshell").first.click()
    page.wait_for_url(re.compile(r"/exercises/banded-clamshell/$"))
    assert page.locator("h1").inner_text().startswith("Banded clamshell")


def test_search_finds_an_exercise_by_its_alias(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url, wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("clams", delay=50)
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=10_000)
    titles = page.locator(".md-search-result__item").all_inner_texts()
    assert any("Banded clamshell" in title for title in titles), titles


def test_filter_narrows_the_exercise_list_in_place(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "exercises/")
    form = page.locator("form[data-hd-filter]")
    assert form.is_visible()
    items = page.locator(".hd-exercise-list li")
    total = items.count()
    page.select_option("select[name=equipment]", "none")
    bodyweight = page.locator(".hd-exercise-list li:not([hidden])")
    shown = bodyweight.count()
    assert 0 < shown < total
    assert "Banded clamshell" not in " ".join(bodyweight.all_inner_texts())
    page.select_option("select[name=muscle]", "gluteus-medius")
    both = page.locator(".hd-exercise-list li:not([hidden])").count()
    assert 0 < both <= shown
    assert page.locator(".hd-filter__count").inner_text() == f"Showing {both} of {total} exercises"
    page.select_option("select[name=equipment]", "")
    page.select_option("select[name=muscle]", "")
    assert page.locator(".hd-exercise-list li:not([hidden])").count() == total


def test_site_reads_and_navigates_with_javascript_off(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 412, "height": 915})
    page = context.new_page()
    page.goto(base_url + "exercises/")
    assert not page.locator("form[data-hd-filter]").is_visible()
    assert page.locator("#by-muscle").is_visible()
    page.get_by_role("link", name="Curtsy lunge").first.click()
    page.wait_for_url(re.compile(r"/exercises/curtsy-lunge/$"))
    assert page.locator("h2#common-mistakes").is_visible()
    context.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_plan_week_prints_on_one_page(browser: Browser, base_url: str, paper: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    for plan in ("gym-week", "home-week", "beginner-two-day"):
        page.goto(base_url + f"plans/{plan}/")
        pdf = page.pdf(format=paper, print_background=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"{plan} prints on {pages} {paper} pages"
    context.close()


def test_plan_calendar_file_parses_as_rfc5545(real_site: Path) -> None:
    for file in sorted((real_site / "plans").glob("*.ics")):
        calendar = Calendar.from_ical(file.read_bytes())
        events = list(calendar.walk("VEVENT"))
        assert events, file
        for event in events:
            assert event.get("UID") and event.get("DTSTAMP") and event.get("DTSTART") and event.get("SUMMARY")
            assert event.get("RRULE")["FREQ"] == ["WEEKLY"]
        assert calendar.get("VERSION") == "2.0" and calendar.get("PRODID")
        assert b"\r\n" in file.read_bytes()


def test_base_template_differs_from_material_only_by_the_fix() -> None:
    """overrides/base.html is a copy of Material's; a Material upgrade must re-sync it."""
    import material

    original = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8").split("-#}\n", 1)[1]
    ours = (Path(__file__).resolve().parent.parent / "overrides" / "base.html").read_text(encoding="utf-8").split("-#}\n", 1)[1]
    assert ours == original.replace(' id="__drawer" autocomplete="off">', ' id="__drawer">').replace(' id="__search" autocomplete="off">', ' id="__search">')


def test_every_page_is_valid_html_for_the_nu_checker(real_site: Path) -> None:
    """The Nu HTML checker (vnu-jar from npm, installed by `make test` into .tools/) finds no errors."""
    import subprocess

    jar = Path(__file__).resolve().parent.parent / ".tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    if not jar.is_file() or not java:
        pytest.fail(f"the Nu HTML checker needs java and {jar} (run `make test`, which installs it)")
    pages = sorted(str(page) for page in real_site.rglob("*.html"))
    done = subprocess.run([java, "-jar", str(jar), "--errors-only", *pages], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[:5000]
