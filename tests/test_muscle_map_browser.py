"""The muscle map in a real browser: every label readable on a phone, the legend kept.

Chromium through Playwright (the shared fixtures of tests/conftest.py), on every
exercise page, at phone width (412 x 915 CSS px) and on a wide screen
(1280 px). A label's rendered size is its computed font size times the SVG's
scale (its rendered width over its viewBox width).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.draw.muscle_map import MAP_MAX_CSS_PX
from generator.model import Library

MIN_PX = 12
MAX_SHARE_OF_PHONE_HEIGHT = 0.6
SIZES = {"phone": (412, 915), "wide": (1280, 900)}
MEASURE = """() => [...document.querySelectorAll('svg.hd-map')].map(svg => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll('text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale, height: r.height,
            inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5};
  });
  const smallest = texts.reduce((a, b) => (b.px < a.px ? b : a));
  const legend = svg.closest('figure').nextElementSibling;
  const label = (svg.getAttribute('aria-labelledby') || '').split(' ').map(id => document.getElementById(id));
  return {left: box.left, right: box.right, width: box.width, height: box.height, scale, smallest,
          outside: texts.filter(t => !t.inside).map(t => t.text),
          named: label.length === 2 && label.every(e => e && e.textContent.trim().length > 0),
          legend: !!(legend && legend.matches('ul') && /Solid: main muscle/.test(legend.textContent)),
          overflow: document.documentElement.scrollWidth - window.innerWidth};
})"""


def exercise_pages(site: Path) -> list[str]:
    return sorted(p.parent.name for p in (site / "exercises").glob("*/index.html") if "hd-map" in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("size", SIZES)
def test_every_muscle_map_label_is_at_least_12_px(browser: Browser, base_url: str, real_site: Path, real_library: Library, size: str) -> None:
    pages = exercise_pages(real_site)
    assert pages == sorted(real_library.exercises), "every exercise page carries a muscle map"
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        for exercise in pages:
            page.goto(f"{base_url}exercises/{exercise}/")
            maps = page.evaluate(MEASURE)
            assert len(maps) == 1, exercise
            found = maps[0]
            smallest = found["smallest"]
            where = f"{exercise} at {width} px"
            assert smallest["px"] >= MIN_PX, f"{where}: '{smallest['text']}' renders at {smallest['px']:.1f} px"
            assert smallest["height"] >= MIN_PX, f"{where}: '{smallest['text']}' is {smallest['height']:.1f} px tall"
            assert not found["outside"], f"{where}: text cut off at the edge of the map: {found['outside']}"
            assert found["left"] >= 0 and found["right"] <= width and found["overflow"] <= 0, f"{where}: the map does not fit sideways"
            assert found["named"], f"{where}: the map's <title> and <desc> name it"
            assert found["legend"], f"{where}: the legend in words follows the map"
            if size == "phone":
                assert found["height"] <= MAX_SHARE_OF_PHONE_HEIGHT * height, f"{where}: the map is {found['height']:.0f} px tall"
            else:
                assert found["width"] <= MAP_MAX_CSS_PX + 0.5, f"{where}: the map is {found['width']:.0f} px wide on a wide screen"
    finally:
        context.close()
