"""When each page was last checked against the evidence, shown on the page and in its structured data.

The dates come from the data (`reviewed:` in each file), never from git. A page about one
entry has that entry's date. A page that gathers entries (an index, the references, a built
week) is only as fresh as the stalest entry it shows, and is not dated while any of them
has no date yet.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence

import yaml

from generator.link import Links, output_path
from generator.model import Library, Myth
from generator.render.structured import Site, graph, myth_review, to_script, web_page, website
from generator.render.typography import unbreakable_ranges
from generator.weeks.model import BuiltWeek
from generator.weeks.pages import week_path

NOT_YET = "Not yet checked against the evidence by a reviewer."


def oldest(dates: Iterable[str]) -> str:
    """The stalest date, or '' when there is none or one is missing."""
    listed = list(dates)
    return "" if not listed or "" in listed else min(listed)


def review_dates(library: Library, weeks: Sequence[BuiltWeek]) -> dict[str, str]:
    """Each Markdown page's review date (YYYY-MM-DD, or '' when not reviewed yet), by output path."""
    exercises = {e.id: e.reviewed for e in library.exercises.values()}
    dates = {output_path("exercise", ident): date for ident, date in exercises.items()}
    dates.update({output_path("myth", m.id): m.reviewed for m in library.myths.values()})
    dates.update({output_path("plan", p.id): p.reviewed for p in library.plans.values()})
    dates.update({output_path("muscle", m.id): m.reviewed for m in library.muscles.values()})
    dates.update({p.output: p.reviewed for p in library.pages.values()})
    dates["exercises/index.md"] = dates["equipment.md"] = oldest(exercises.values())
    dates["myths/index.md"] = oldest(m.reviewed for m in library.myths.values())
    dates["plans/index.md"] = oldest(p.reviewed for p in library.plans.values())
    dates["muscles/index.md"] = oldest(m.reviewed for m in library.muscles.values())
    dates["references.md"] = oldest(dates.values())
    for week in weeks:
        used = {entry.exercise for day in week.plan.days for entry in day.entries} if week.plan else set(exercises)
        dates[week_path(week.choice)] = oldest(exercises.get(ident, "") for ident in used)
    return dates


def in_words(date: str) -> str:
    """'2026-12-01' -> '1 December 2026'."""
    day = dt.date.fromisoformat(date)
    return f"{day.day} {day:%B %Y}"


def review_line(date: str) -> str:
    return f"*Last checked against the evidence: {in_words(date)}.*" if date else f"*{NOT_YET}*"


def _front_matter(text: str) -> tuple[dict[str, object], str, str]:
    head, _, body = text.removeprefix("---\n").partition("\n---\n")
    return yaml.safe_load(head) or {}, head, body


def stamp(path: str, text: str, date: str, library: Library, links: Links, site: Site, myth: Myth | None = None) -> str:
    """The page with its review date at the end and its structured data in the front matter."""
    meta, head, body = _front_matter(text)
    url = site.page_url(path)
    cited = [library.sources[s].href for s in links.page_sources.get(path, ()) if library.sources[s].href]
    nodes = [web_page(site, url, str(meta.get("title", site.name)), str(meta.get("description", "")), date, cited)]
    if myth is not None:
        nodes.append(myth_review(myth, library, site, url))
    if path == "index.md":
        nodes.insert(0, website(site, str(meta.get("description", ""))))
    head += f"\njsonld: {json.dumps(to_script(graph(*nodes)), ensure_ascii=False)}"
    return f"---\n{head}\n---\n{unbreakable_ranges(body.rstrip())}\n\n{review_line(date)}\n"
