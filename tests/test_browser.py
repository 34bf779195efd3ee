"""The built site in a real browser: Chromium driven by Playwright, axe-core for accessibility.

The browser, and the server that serves the site under its published path, are
the shared fixtures of tests/conftest.py (tests/browsers.py says where the
browser is looked for). These tests fail, they never skip, without one.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from icalendar import Calendar
from playwright.sync_api import Browser, ConsoleMessage, Page, Request

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
VIEWPORTS = {"phone": {"width": 412, "height": 915}, "desktop": {"width": 1280, "height": 900}}

# True once the search list answers what is in the box, not an earlier part of
# it (search-on-demand.js sets aria-busy and data-answered; its plainWords drops
# only query signs, so the words compare).
SEARCH_ANSWERED = """() => {
  const words = (text) => (text || "").toLowerCase().match(/\\w+/g)?.join(" ") ?? "";
  const list = document.querySelector(".md-search-result");
  const box = document.querySelector("input.md-search__input");
  return list?.getAttribute("aria-busy") === "false" && words(list.dataset.answered) === words(box.value);
}"""


def forwards_only(page: Path) -> bool:
    """A redirect page (mkdocs-redirects style): a meta refresh and nothing to read."""
    return re.search(r"<meta[^>]+http-equiv=[\"']?refresh", page.read_text(encoding="utf-8"), re.IGNORECASE) is not None


def built_pages(site: Path) -> list[str]:
    """Every page a reader can land on, as a path relative to the site's address.

    Left out: search/ (the search index, no page) and pages that only forward
    to another one (they have no content and navigate away while axe runs; the
    page they lead to is checked itself). 404.html is in.
    """
    pages = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative.startswith("search/") or forwards_only(file):
            continue
        pages.append(relative.removesuffix("index.html"))
    return pages


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
    context = browser.new_context(viewport=VIEWPORTS["phone"], device_scale_factor=1)
    yield Watched(context.new_page(), base_url)
    context.close()


SETTLE = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

# Tables whose box scrolls sideways: Material wraps each in div.md-typeset__scrollwrap
# (with JS) or lets the table itself scroll (without).
WIDE_TABLES = """() => Array.from(document.querySelectorAll(".md-content table")).map(table => {
  const box = table.closest(".md-typeset__scrollwrap") || table;
  return box.scrollWidth > box.clientWidth ? `a table scrolls sideways (${box.scrollWidth} px wide in ${box.clientWidth} px)` : null;
}).filter(Boolean)"""


def describe(violations: list[dict[str, Any]]) -> str:
    """axe's violations in one line each: the rule, its impact, what it asks and where (the first three elements)."""
    lines = []
    for rule in violations:
        targets = [" ".join(map(str, node["target"])) for node in rule["nodes"]]
        more = f" and {len(targets) - 3} more" if len(targets) > 3 else ""
        lines.append(f"  {rule['id']} ({rule.get('impact')}): {rule['help']}, at {', '.join(targets[:3])}{more}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", VIEWPORTS)
def test_every_page_has_no_accessibility_violations_console_errors_or_foreign_requests(width: str, browser: Browser, base_url: str, real_site: Path) -> None:
    """axe-core on every built page, light scheme, one browser page reused for the whole walk.

    At phone width no table may scroll sideways either: the stylesheet lets
    cells wrap so that every table fits a 412 px screen.
    """
    pages = built_pages(real_site)
    assert "" in pages and "404.html" in pages, pages
    context = browser.new_context(viewport=VIEWPORTS[width], device_scale_factor=1, color_scheme="light")
    watched = Watched(context.new_page(), base_url)
    axe = Axe()
    problems = []
    started = time.perf_counter()
    for path in pages:
        watched.errors.clear()
        watched.foreign.clear()
        watched.page.goto(base_url + path, wait_until="load")
        watched.page.evaluate(SETTLE)
        where = f"/{path} at {VIEWPORTS[width]['width']} px"
        violations = axe.run(watched.page).response["violations"]
        if violations:
            problems.append(f"{where}:\n{describe(violations)}")
        if watched.errors:
            problems.append(f"{where}: console errors {watched.errors}")
        if watched.foreign:
            problems.append(f"{where}: requests outside the site {watched.foreign}")
        if width == "phone" and (wide := watched.page.evaluate(WIDE_TABLES)):
            problems.append(f"{where}: {'; '.join(wide)}")
    context.close()
    print(f"{len(pages)} pages at {width} width in {time.perf_counter() - started:.1f} s")
    if problems:
        pytest.fail(f"{len(problems)} problem(s) on {len(pages)} pages:\n" + "\n".join(problems), pytrace=False)


def test_a_region_too_wide_for_the_screen_can_be_reached_by_keyboard(browser: Browser, base_url: str) -> None:
    """What still overflows (a narrow phone, large text) becomes a focusable region named after its heading, and stops being one once it fits."""
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(base_url + "30-day-start/", wait_until="load")
    page.evaluate(SETTLE)
    region = page.locator(".md-typeset__scrollwrap").first
    assert region.get_attribute("tabindex") is None  # it fits: nothing to scroll, nothing to focus
    widen = page.add_style_tag(content=".md-typeset table:not([class]) th { min-width: 9rem !important }")
    page.evaluate(SETTLE)
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")
    assert (region.get_attribute("tabindex"), region.get_attribute("role"), region.get_attribute("aria-label")) == ("0", "region", "A simple log")
    assert Axe().run(page, options={"runOnly": ["scrollable-region-focusable", "aria-allowed-role", "region"]}).violations_count == 0
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("box => box.scrollLeft > 0", arg=region.element_handle())
    widen.evaluate("style => style.remove()")
    page.evaluate(SETTLE)
    assert (region.get_attribute("tabindex"), region.get_attribute("role"), region.get_attribute("aria-label")) == (None, None, None)
    context.close()


def test_without_javascript_no_table_is_left_scrolling_out_of_reach(browser: Browser, base_url: str) -> None:
    """With JS off nothing can make a scrolling table focusable, so on the narrowest phones its words wrap instead."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("30-day-start/", "exercises/single-leg-squat/", "nutrition-and-recovery/"):
        page.goto(base_url + path)
        assert page.evaluate(WIDE_TABLES) == [], path
    context.close()


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
    page.wait_for_function(SEARCH_ANSWERED, timeout=10_000)
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
def test_a_plan_week_prints_on_one_page_and_its_log_on_the_next(browser: Browser, base_url: str, paper: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    for plan in ("gym-week", "home-week", "beginner-two-day"):
        page.goto(base_url + f"plans/{plan}/")
        pdf = page.pdf(format=paper, print_background=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 2, f"{plan} prints on {pages} {paper} pages (the week, then its log)"
    context.close()


def test_plan_calendar_file_parses_as_rfc5545(real_site: Path) -> None:
    for file in sorted((real_site / "plans").glob("*.ics")):
        calendar = Calendar.from_ical(file.read_bytes())
        events = list(calendar.walk("VEVENT"))
        assert events, file
        for event in events:
            assert event.get("UID") and event.get("DTSTAMP") and event.get("DTSTART") and event.get("SUMMARY")
            assert " of 12: " in str(event.get("DESCRIPTION")), "each event is one day of the 12-week block and says which week"
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
