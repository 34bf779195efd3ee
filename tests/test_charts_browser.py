"""The activation charts in a real browser: every label readable on a phone, the table kept.

Chromium through Playwright (the shared fixtures of tests/conftest.py), on every
muscle page that has a chart, at phone width (412 x 915 CSS px) and on a wide
screen (1280 px). A label's rendered size is its computed font size times the
SVG's scale (its rendered width over its viewBox width).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

MIN_PX = 12
SIZES = {"phone": (412, 915), "wide": (1280, 900)}
MEASURE = """() => [...document.querySelectorAll('svg.hd-chart')].map(svg => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll('text')].map(t => ({
    text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale, height: t.getBoundingClientRect().height}));
  const smallest = texts.reduce((a, b) => (b.px < a.px ? b : a));
  const table = svg.closest('figure').nextElementSibling;
  return {left: box.left, right: box.right, width: box.width, scale, smallest,
          table: !!(table && table.matches('details') && table.querySelector('table')),
          overflow: document.documentElement.scrollWidth - window.innerWidth};
})"""


def chart_pages(site: Path) -> list[str]:
    return sorted(p.parent.name for p in (site / "muscles").glob("*/index.html") if "hd-chart" in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("size", SIZES)
def test_every_chart_label_is_at_least_12_px(browser: Browser, base_url: str, real_site: Path, size: str) -> None:
    pages = chart_pages(real_site)
    assert pages, "no muscle page has a chart"
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        for muscle in pages:
            page.goto(f"{base_url}muscles/{muscle}/")
            charts = page.evaluate(MEASURE)
            assert len(charts) == 1, muscle
            chart = charts[0]
            smallest = chart["smallest"]
            assert smallest["px"] >= MIN_PX, f"{muscle} at {width} px: '{smallest['text']}' renders at {smallest['px']:.1f} px"
            assert smallest["height"] >= MIN_PX, f"{muscle} at {width} px: '{smallest['text']}' is {smallest['height']:.1f} px tall"
            assert chart["left"] >= 0 and chart["right"] <= width and chart["overflow"] <= 0, f"{muscle}: the chart does not fit at {width} px"
            assert chart["table"], f"{muscle}: the table of the same figures follows the chart"
            if size == "wide":
                assert 300 <= chart["width"] <= 420 and chart["scale"] < 1.4, f"{muscle}: the chart is {chart['width']:.0f} px wide on a wide screen"
    finally:
        context.close()
