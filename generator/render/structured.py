"""Structured data (JSON-LD) for search engines, built from the same model the page shows.

Exercises are schema.org `HowTo` (their steps), myths `ClaimReview` (the
claim, the verdict as a 1-5 rating, the sources), the home page `WebSite`.
The JSON is escaped so that it can sit inside a <script> element.
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
from generator.model import Exercise, Library, Myth

VERDICT_RATING = {"false": 1, "mostly-false": 2, "mixed": 3, "mostly-true": 4, "true": 5}
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


def exercise_howto(exercise: Exercise, library: Library, site: Site, url: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": exercise.name,
        "description": plain(exercise.summary),
        "url": url,
        "inLanguage": "en",
        "tool": [{"@type": "HowToTool", "name": library.equipment[item].name} for item in exercise.equipment],
        "step": [{"@type": "HowToStep", "position": index, "text": plain(step)} for index, step in enumerate(exercise.steps, 1)],
        "publisher": {"@type": "Organization", "name": site.name, "url": site.url},
    }


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
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": VERDICT_RATING[myth.verdict],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": myth.verdict_label,
        },
        "author": {"@type": "Organization", "name": site.name, "url": site.url},
        "citation": [library.sources[source].href for source in myth.sources],
    }


def website(site: Site, description: str) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "WebSite", "name": site.name, "url": site.url, "description": plain(description), "inLanguage": "en"}
