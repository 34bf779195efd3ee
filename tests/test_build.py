"""The whole build, for real: generate, `mkdocs build --strict`, read the HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from generator.check.validate import load
from tests.conftest import REPO

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


def test_build_makes_a_page_for_every_entry(real_site: Path) -> None:
    library = load(REPO).library
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


def test_navigation_does_not_list_every_exercise(real_site: Path) -> None:
    html = (real_site / "index.html").read_text(encoding="utf-8")
    library = load(REPO).library
    linked = [ident for ident in library.exercises if f"exercises/{ident}/" in html]
    assert len(linked) < len(library.exercises)
