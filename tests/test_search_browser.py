"""Search in a real browser: nothing fetched until the reader searches, then exercises found by what readers type.

The site is the repository's own, built once (conftest.real_site), indexed by
Pagefind (generator/search_index.py) and served under its published path
(test_browser.base_url). Results show in Material's own list
(overrides/assets/javascripts/search-on-demand.js). The queries come from one
exercise's own file, so a reworded exercise changes them too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Route

from tests.conftest import REPO
from tests.test_browser import SEARCH_ANSWERED, Watched, describe

SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search\.[^/]*\.js$|/search/pagefind/")
EXERCISE = "banded-clamshell"


@pytest.fixture
def desktop(browser: Browser, base_url: str) -> Iterator[Watched]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watched(context.new_page(), base_url)
    context.close()


def requested(page: Page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


RESULT_LINKS = """() => [...document.querySelectorAll(".md-search-result__item > a")].map(
  (link) => [link.getAttribute("href") || "", (link.querySelector("h1, h2")?.innerText || "").trim()])"""


def search(page: Page, query: str) -> list[tuple[str, str]]:
    """Type a query into the search box; the results' (page path, title), best first, one per page."""
    box = page.locator("input.md-search__input")
    narrow = (page.viewport_size or {"width": 1280})["width"] < 960  # Material's 60em: below it the box opens from a button
    if narrow and not page.evaluate("document.getElementById('__search').checked"):
        page.locator("label.md-header__button[for=__search]").click()
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    # Until the answer to the whole query lands, the list on show is an earlier
    # one (the last search's, or on a slow machine the first few letters'), and
    # it is replaced while it is read. So wait for the list to say it answers
    # what was typed, then read it whole, in one go, until two reads agree.
    page.wait_for_function(SEARCH_ANSWERED, timeout=15_000)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    shown: list[list[str]] = []
    for _ in range(50):
        again = page.evaluate(RESULT_LINKS)
        if again == shown:
            break
        shown = again
        page.wait_for_timeout(200)
    else:
        raise AssertionError(f"the result list for {query!r} kept changing for 10 s")
    found: list[tuple[str, str]] = []
    for href, title in shown:
        path = re.sub(r"^https?://[^/]+", "", href.split("?")[0].split("#")[0])
        if all(path != seen for seen, _ in found):
            found.append((path, title))
    return found


def test_first_visit_fetches_no_search_index_or_worker_until_the_search_box_is_used(desktop: Watched, base_url: str) -> None:  # noqa: F811
    page = desktop.page
    urls = requested(page)
    page.goto(base_url, wait_until="networkidle")
    page.wait_for_timeout(1000)
    assert not [u for u in urls if SEARCH_FILES.search(u)], "the search index or worker was fetched before anyone searched"
    assert search(page, "clams"), "no results once the reader searched"
    fetched = [u for u in urls if SEARCH_FILES.search(u)]
    assert any(u.endswith("search_index.json") for u in fetched), "Material's settings, which its highlighting reads, were not fetched"
    assert any(u.endswith("/search/pagefind/pagefind.js") for u in fetched), fetched
    assert any("/search/pagefind/index/" in u for u in fetched), "Pagefind answered without its index"
    assert not any("/workers/" in u for u in fetched), "Material's own search worker was started beside Pagefind"
    assert desktop.errors == [] and desktop.foreign == []


def test_search_finds_an_exercise_by_its_name_alias_muscle_and_a_cue(desktop: Watched, base_url: str) -> None:  # noqa: F811
    data = yaml.safe_load((REPO / "exercises" / f"{EXERCISE}.yml").read_text(encoding="utf-8"))
    muscles = {ident: entry["name"] for ident, entry in yaml.safe_load((REPO / "content" / "muscles.yml").read_text(encoding="utf-8")).items()}
    muscle = data["muscles"]["primary"][0]
    page = desktop.page
    page.goto(base_url, wait_until="networkidle")
    own = f"/exercises/{EXERCISE}/"
    by_name = search(page, data["name"])
    assert by_name[0][0].endswith(own), by_name
    for query in (data["aliases"][-1], data["cues"][0]):
        found = [path for path, _ in search(page, query)[:5]]
        assert any(path.endswith(own) for path in found), (query, found)
    by_muscle = search(page, muscles[muscle])
    assert by_muscle[0][0].endswith(f"/muscles/{muscle}/"), by_muscle
    assert any("/exercises/" in path for path, _ in by_muscle), by_muscle
    assert desktop.errors == [] and desktop.foreign == []


def test_while_an_answer_is_on_its_way_the_list_says_it_is_busy_and_then_shows_that_answer(desktop: Watched, base_url: str) -> None:  # noqa: F811
    myth = yaml.safe_load(next(iter(sorted((REPO / "content" / "myths").glob("*.yml")))).read_text(encoding="utf-8"))
    page = desktop.page
    page.goto(base_url, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()  # Pagefind loads, with none of its index yet: that comes a part at a time, as queries need it
    page.wait_for_function("() => !/Initializing/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=15_000)
    held: list[Route] = []
    parts = re.compile(r"/search/pagefind/(index|fragment)/")
    page.route(parts, lambda route: held.append(route))
    box.press_sequentially(myth["claim"], delay=5)
    page.wait_for_function("() => document.querySelector('.md-search-result').getAttribute('aria-busy') === 'true'")
    for _ in range(150):  # up to 15 s: the query waits for a pause in the typing, then asks for its parts
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "a first query asked for no part of the index"
    page.wait_for_timeout(300)  # a held request gets no answer, however long the list waits
    assert not page.evaluate(SEARCH_ANSWERED), "the list claimed to answer a query whose index parts were still on their way"
    page.unroute(parts)
    for route in held:
        route.continue_()
    page.wait_for_function(SEARCH_ANSWERED, timeout=15_000)
    found = [href for href, _ in page.evaluate(RESULT_LINKS)]
    assert any(f"/myths/{myth['id']}/" in href for href in found[:3]), found


def test_a_result_opens_its_page_with_the_words_highlighted(desktop: Watched, base_url: str) -> None:  # noqa: F811
    page = desktop.page
    page.goto(base_url, wait_until="networkidle")
    search(page, "clams")
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_url(re.compile(r"\?h="))
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=15_000)
    assert desktop.errors == []


@pytest.mark.parametrize("width", (412, 1280))
def test_without_javascript_the_search_button_leads_to_the_exercise_index(width: int, browser: Browser, base_url: str) -> None:  # noqa: F811
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url)
    assert not page.locator(".md-search").is_visible(), "Material hides its search without JavaScript"
    link = page.get_by_role("link", name="Find an exercise (search needs JavaScript)")
    assert link.is_visible()
    link.click()
    page.wait_for_url(re.compile(r"/exercises/$"))
    assert page.locator("h1").first.inner_text().startswith("Exercises")
    context.close()


def test_built_weeks_are_left_out_of_the_index_and_every_other_page_is_in_it(real_site: Path) -> None:
    pages = sorted(real_site.rglob("index.html"))
    marked = {page.parent.relative_to(real_site).as_posix() for page in pages if "data-pagefind-body" in page.read_text(encoding="utf-8")}
    weeks = {page.parent.relative_to(real_site).as_posix() for page in (real_site / "plans" / "your-week").glob("*/index.html")}
    assert weeks, "no built week in the site"
    assert not weeks & marked, sorted(weeks & marked)[:3]
    for section in ("exercises", "myths", "muscles", "plans"):
        assert section in marked and any(path.startswith(f"{section}/") for path in marked), section
    entry = json.loads((real_site / "search" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(language["page_count"] for language in entry["languages"].values()) == len(marked)
    material = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == [] and material["config"]["separator"], "Material's index should hold its settings only"


def test_a_built_weeks_title_finds_the_sample_weeks_not_the_built_ones(desktop: Watched, base_url: str) -> None:  # noqa: F811
    plan = yaml.safe_load(next(iter(sorted((REPO / "content" / "plans").glob("*.yml")))).read_text(encoding="utf-8"))
    page = desktop.page
    page.goto(base_url, wait_until="networkidle")
    found = [path for path, _ in search(page, plan["title"])]
    assert any("/plans/" in path for path in found), found
    assert not any("/plans/your-week/" in path for path in found), found


def test_results_carry_no_markup_but_the_marked_words_and_say_how_many_were_found(desktop: Watched, base_url: str) -> None:  # noqa: F811
    page = desktop.page
    page.goto(base_url, wait_until="networkidle")
    search(page, "hip")
    tags = page.eval_on_selector_all(".md-search-result__article > p *", "nodes => [...new Set(nodes.map(n => n.tagName.toLowerCase()))]")
    assert set(tags) <= {"mark"}, tags
    assert page.locator(".md-search-result__article mark").count() > 0
    meta = page.locator(".md-search-result__meta").inner_text()
    assert re.fullmatch(r"10 best of \d+ matching pages: add a word to narrow them", meta), meta
    assert int(meta.split()[3]) > 10
    assert desktop.errors == []


@pytest.mark.parametrize("width", (412, 1280))
def test_the_open_result_list_has_no_accessibility_violations(width: int, browser: Browser, base_url: str) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900})
    watched = Watched(context.new_page(), base_url)
    watched.page.goto(base_url, wait_until="networkidle")
    assert search(watched.page, "side of the hip")
    violations = Axe().run(watched.page).response["violations"]
    assert not violations, describe(violations)
    assert watched.errors == []
    context.close()
