"""Structured data (JSON-LD) for search engines, built from the same model the page shows.

Every page is a schema.org `MedicalWebPage` with `lastReviewed` (the day its claims were
last checked against the evidence, from the data) and `citation` (the works it cites).
Myth pages add a `ClaimReview`, the home page a `WebSite`. The JSON is escaped so that it
can sit inside a <script> element.

Google shows neither HowTo (since 2023) nor ClaimReview rich results any more. HowTo is
gone: no other reader we know of uses it, and the steps are on the page. ClaimReview stays
on myth pages because other readers still use it: Google's Fact Check Explorer and the
Fact Check Tools API, and the fact-check aggregators built on the same markup.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from generator.citations import CITATION
from generator.model import Library, Myth

VERDICT_RATING = {"false": 1, "mostly-false": 2, "mixed": 3, "mostly-true": 4, "true": 5}  # "unproven" has no place on the scale
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]+")


def build_date() -> dt.date:
    """The date builds are stamped with: SOURCE_DATE_EPOCH (the last commit), else a fixed day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date(2026, 1, 1)


@dataclass(frozen=True)
class Site:
    name: str = "Hip Dips, Honestly"
    url: str = "https://example.org/"
    date: dt.date = dt.date(2026, 1, 1)

    @property
    def host(self) -> str:
        return urlparse(self.url).netloc

    @classmethod
    def from_mkdocs(cls, root: Path) -> Site:
        """The site's name and URL from mkdocs.yml (a fixture library has none)."""
        config = root / "mkdocs.yml"
        if not config.is_file():
            return cls(date=build_date())
        data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
        url = str(data.get("site_url") or cls.url)
        return cls(str(data.get("site_name") or cls.name), url if url.endswith("/") else url + "/", build_date())

    def page_url(self, output_path: str) -> str:
        """The canonical URL of a generated page, e.g. exercises/clam.md -> .../exercises/clam/."""
        stem = output_path.removesuffix(".md")
        if stem == "index":
            return self.url
        return self.url + stem.removesuffix("/index") + "/"


def plain(text: str) -> str:
    """Markdown to plain text, without citations: what a search engine should read."""
    text = CITATION.sub("", text)
    text = _LINK.sub(r"\1", text)
    return " ".join(_EMPHASIS.sub("", text).split()).replace(" .", ".")


def to_script(data: dict[str, Any]) -> str:
    """JSON safe to place inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def myth_review(myth: Myth, library: Library, site: Site, url: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "name": f"Myth: {myth.claim}",
        "description": plain(myth.answer),
        "url": url,
        "inLanguage": "en",
        "claimReviewed": myth.claim,
        "itemReviewed": {"@type": "Claim", "name": myth.claim},
        "reviewRating": _rating(myth),
        "author": {"@type": "Organization", "name": site.name, "url": site.url},
        "citation": [library.sources[source].href for source in myth.sources],
    }


def _rating(myth: Myth) -> dict[str, Any]:
    """The verdict as a 1-5 rating; an unproven claim gets its words only, since it sits on no scale."""
    if myth.verdict not in VERDICT_RATING:
        return {"@type": "Rating", "alternateName": myth.verdict_label}
    return {"@type": "Rating", "ratingValue": VERDICT_RATING[myth.verdict], "bestRating": 5, "worstRating": 1, "alternateName": myth.verdict_label}


def web_page(site: Site, url: str, title: str, description: str, reviewed: str, citations: list[str]) -> dict[str, Any]:
    """A page of the site as a MedicalWebPage: when it was last reviewed and what it cites."""
    page: dict[str, Any] = {
        "@type": "MedicalWebPage", "name": title, "description": plain(description), "url": url, "inLanguage": "en",
        "publisher": {"@type": "Organization", "name": site.name, "url": site.url},
    }
    if reviewed:
        page["lastReviewed"] = reviewed
    if citations:
        page["citation"] = citations
    return page


def graph(*nodes: dict[str, Any]) -> dict[str, Any]:
    """Several nodes in one JSON-LD document."""
    return {"@context": "https://schema.org", "@graph": [{k: v for k, v in node.items() if k != "@context"} for node in nodes]}


def website(site: Site, description: str) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "WebSite", "name": site.name, "url": site.url, "description": plain(description), "inLanguage": "en"}
