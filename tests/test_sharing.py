"""Every page is worth sharing: preview cards, metadata, structured data, stable URLs."""

from __future__ import annotations

import datetime as dt
import re
import struct
from html import unescape
from pathlib import Path

import extruct
import pytest

from generator.check.validate import load
from tests.conftest import REPO

SITE_URL = "https://hipdips-honestly.github.io/hipdips/"
REQUIRED = (
    "og:type", "og:title", "og:description", "og:url", "og:image", "og:image:type", "og:image:width", "og:image:height", "og:image:alt",
    "twitter:card", "twitter:image", "twitter:image:alt",
)


def content_pages(site: Path) -> list[Path]:
    """Every real page (not the redirect stubs of renamed entries, not 404)."""
    pages = []
    for page in sorted(site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in html:
            pages.append(page)
    return pages


def meta(html: str) -> dict[str, str]:
    found = {}
    for match in re.finditer(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html):
        found[match.group(1)] = unescape(match.group(2))
    return found


def local_file(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    path = url[len(SITE_URL):]
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def png_size(file: Path) -> tuple[int, int]:
    data = file.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", file
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_page_has_complete_absolute_sharing_tags_and_a_card(real_site: Path) -> None:
    """The tags come from overrides/main.html and the page's front matter; the card from generator/render/cards.py."""
    pages = content_pages(real_site)
    assert len(pages) > 60
    for page in pages:
        html = page.read_text(encoding="utf-8")
        tags = meta(html)
        missing = [tag for tag in REQUIRED if not tags.get(tag)]
        assert not missing, f"{page.relative_to(real_site)} lacks {missing}"
        assert tags["twitter:card"] == "summary_large_image"
        assert tags.get("description"), page
        assert local_file(real_site, tags["og:url"]) == page
        card = local_file(real_site, tags["og:image"])
        assert card.is_file(), tags["og:image"]
        assert png_size(card) == (1200, 630)
        assert (tags["og:image:width"], tags["og:image:height"], tags["og:image:type"]) == ("1200", "630", "image/png")
        assert tags["twitter:image"] == tags["og:image"] and tags["twitter:image:alt"] == tags["og:image:alt"]
        assert tags["og:image"].startswith(f"{SITE_URL}assets/cards/"), tags["og:image"]  # drawn by generator/render/cards.py
        if page.parent.parent.name == "exercises":
            assert tags["og:image"] == f"{SITE_URL}assets/cards/exercises/{page.parent.name}.png"
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
        assert canonical and canonical.group(1) == tags["og:url"]


def h1_of(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    assert match
    heading = re.sub(r'<a class="headerlink".*?</a>', "", match.group(1))
    return unescape(re.sub(r"<[^>]+>", "", heading)).strip()


def json_ld(html: str, url: str) -> list[dict[str, object]]:
    return list(extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"])


def nodes(html: str) -> dict[str, dict[str, object]]:
    """The page's JSON-LD nodes by @type (one script, one @graph)."""
    (data,) = json_ld(html, SITE_URL)
    graph = data["@graph"]
    assert isinstance(graph, list)
    return {str(node["@type"]): node for node in graph}


def test_every_page_is_a_medical_web_page_with_its_review_date_as_shown(real_site: Path) -> None:
    from generator.render.pwa import pocket_pages

    tools = {path.removesuffix(".md") for path in pocket_pages()}  # the session view and offline page make no claim
    for page in content_pages(real_site):
        if page.parent.name == "404" or page.parent.relative_to(real_site).as_posix() in tools:
            continue
        html = page.read_text(encoding="utf-8")
        found = nodes(html)
        web = found["MedicalWebPage"]
        assert web["url"] == meta(html)["og:url"], page
        shown = re.search(r"Last checked against the evidence: (\d{1,2} \w+ \d{4})", html)
        if "lastReviewed" in web:
            assert shown, f"{page}: lastReviewed in the data but no date on the page"
            assert dt.datetime.strptime(shown.group(1), "%d %B %Y").date().isoformat() == web["lastReviewed"], page
        else:
            assert "Not yet checked against the evidence" in html, page
        assert all(str(url).startswith("https://") for url in web.get("citation", ())), page  # type: ignore[union-attr]


def test_exercise_pages_carry_no_howto(real_site: Path) -> None:
    library = load(REPO).library
    for exercise in library.exercises.values():
        html = (real_site / "exercises" / exercise.id / "index.html").read_text(encoding="utf-8")
        found = nodes(html)
        assert "HowTo" not in found, "HowTo rich results are gone; the steps are on the page"
        assert found["MedicalWebPage"]["name"] == exercise.name == h1_of(html)
        assert found["MedicalWebPage"]["description"] == meta(html)["description"]


def test_myth_pages_carry_a_claimreview_matching_the_page(real_site: Path) -> None:
    library = load(REPO).library
    for myth in library.myths.values():
        html = (real_site / "myths" / myth.id / "index.html").read_text(encoding="utf-8")
        data = nodes(html)["ClaimReview"]
        assert data["claimReviewed"] == h1_of(html) == myth.claim
        rating = data["reviewRating"]
        assert isinstance(rating, dict)
        assert f"Verdict: {rating['alternateName']}." in unescape(re.sub(r"<[^>]+>", "", html))
        if myth.verdict == "unproven":
            assert "ratingValue" not in rating, "an unproven claim sits on no false-to-true scale"
        else:
            assert 1 <= int(rating["ratingValue"]) <= 5
        assert data["citation"] and all(str(url).startswith("https://") for url in data["citation"])  # type: ignore[union-attr]


def test_home_page_describes_the_website(real_site: Path) -> None:
    html = (real_site / "index.html").read_text(encoding="utf-8")
    website = nodes(html)["WebSite"]
    assert website["url"] == SITE_URL


def test_sitemap_lists_every_indexable_page_and_robots_points_to_it(real_site: Path) -> None:
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    noindex = 0
    for page in content_pages(real_site):
        relative = page.parent.relative_to(real_site).as_posix()
        url = SITE_URL if relative == "." else f"{SITE_URL}{relative}/"
        if re.search(r'<meta name="robots" content="[^"]*noindex', page.read_text(encoding="utf-8")):
            noindex += 1
            assert url not in listed, f"{url} asks not to be indexed, so the sitemap leaves it out"
        else:
            assert url in listed, url
    assert noindex < len(listed)
    assert f"Sitemap: {SITE_URL}sitemap.xml" in (real_site / "robots.txt").read_text(encoding="utf-8")


def test_not_found_page_offers_ways_on(real_site: Path) -> None:
    html = (real_site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in html
    for target in ("exercises/", "myths/", "plans/"):
        assert f'href="{SITE_URL}{target}"' in html


@pytest.mark.parametrize("page", ["exercises/curtsy-lunge", "myths/spot-reduction", "what-are-hip-dips"])
def test_every_section_heading_has_a_permalink(real_site: Path, page: str) -> None:
    html = (real_site / page / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="([^"]+)">(.*?)</h2>', html, re.DOTALL)
    assert headings
    for anchor, inner in headings:
        assert f'href="#{anchor}"' in inner and "headerlink" in inner
    if page == "exercises/curtsy-lunge":
        assert tuple(a for a, _ in headings if a == "common-mistakes") == ("common-mistakes", )
