"""The "How it moves" figure on the built site, in Chromium at phone size (412 x 915 CSS px).

Fails (never skips) without Chromium: see tests/test_browser.py for where it is looked for.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

PHONE = {"width": 412, "height": 915}
MAX_FIGURE_PX = 0.4 * PHONE["height"]  # the whole figure, labels and play control included


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    raise AssertionError("no Chromium found")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def exercise_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "exercises").glob("*/index.html"))


def test_every_figure_fits_in_40_percent_of_a_phone_screen_with_labels_of_12_px(browser: Browser, real_site: Path) -> None:
    """The whole <figure> (drawing, labels, the one-line caption with its play control), "Describe the movement" closed."""
    page = browser.new_page(viewport=PHONE)
    heights = {}
    for path in exercise_pages(real_site):
        page.goto(path.as_uri())
        figure = page.locator("figure.hp-pose")
        assert figure.count() == 1, path
        box = figure.bounding_box()
        assert box is not None and box["width"] <= PHONE["width"]
        assert figure.locator("figcaption").bounding_box()["height"] < 30, path  # type: ignore[index]  # one line
        assert not figure.locator("details.hp-words p").is_visible(), path  # closed until asked
        heights[path.parent.name] = box["height"]
        label = page.evaluate("() => Math.min(...[...document.querySelectorAll('.hp-pose svg text')].map(t => t.getBoundingClientRect().height))")
        assert label >= 11, path  # a 12 px font's glyph box, less rounding
    page.close()
    assert set(heights) == {path.stem for path in (real_site.parent / "exercises").glob("*.yml")}, "every exercise has its figure"
    too_tall = {name: h for name, h in heights.items() if h > MAX_FIGURE_PX}
    assert not too_tall


def test_the_words_open_without_javascript_and_print_open(browser: Browser, real_site: Path) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto((real_site / "exercises" / "fire-hydrant" / "index.html").as_uri())
    words = page.locator("figure.hp-pose details.hp-words p")
    assert not words.is_visible()
    page.locator("figure.hp-pose summary").click()
    assert words.is_visible() and words.inner_text().startswith("Start: ")
    page.reload()
    page.emulate_media(media="print")
    assert words.is_visible() and not page.locator("figure.hp-pose summary").is_visible()
    context.close()


def running_animations(browser: Browser, url: str, motion: str) -> tuple[int, int]:
    """Animations running on the page (before, after ticking "Play the movement")."""
    context = browser.new_context(viewport=PHONE, reduced_motion=motion)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(url)
    before = page.evaluate("() => document.getAnimations().filter(a => a.playState === 'running' && String(a.animationName || '').startsWith('hp-')).length")
    page.evaluate("() => { const box = document.querySelector('.hp-play'); box.checked = true; }")
    page.wait_for_timeout(50)
    after = page.evaluate("() => document.getAnimations().filter(a => a.playState === 'running' && String(a.animationName || '').startsWith('hp-')).length")
    visible = page.evaluate("() => getComputedStyle(document.querySelector('.hp-playl')).display")
    context.close()
    return before, after if visible != "none" or motion == "reduce" else -1


def test_the_figure_is_still_until_asked_and_never_moves_under_reduced_motion(browser: Browser, real_site: Path) -> None:
    url = (real_site / "exercises" / "banded-clamshell" / "index.html").as_uri()
    assert running_animations(browser, url, "no-preference") == (0, 2)
    assert running_animations(browser, url, "reduce") == (0, 0)


def test_the_play_control_is_hidden_under_reduced_motion(browser: Browser, real_site: Path) -> None:
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    page = context.new_page()
    page.goto((real_site / "exercises" / "glute-bridge" / "index.html").as_uri())
    assert not page.locator(".hp-playl").is_visible() and not page.locator(".hp-play").is_visible()
    context.close()
