"""The pages of the site: the linked library -> {output path: file bytes}.

Templates (generator/render/templates/*.j2) hold layout only. What a page says about
its data (labels, dose in words, which links to draw) is decided here and in
the model, and handed to the template through a `Page` helper that knows
where the page lives, so every link is relative and checked by MkDocs.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TypeVar

import jinja2

from generator.citations import resolve_groups
from generator.draw.charts import activation_chart, activation_rows, activation_table_markdown, figure_text
from generator.draw.muscle_map import muscle_map, muscle_map_legend
from generator.draw.poses import pose_figure
from generator.draw.svg import figure
from generator.link import Links, output_path
from generator.model import Library, in_sentence
from generator.render.cards import Card, page_cards, with_card
from generator.render.findable import with_search_rules
from generator.render.ics import first_monday, plan_calendar
from generator.render.pwa import paper_log, pocket_data, pocket_pages
from generator.render.reviews import review_dates, stamp
from generator.render.structured import Site
from generator.weeks.block import BLOCK
from generator.weeks.model import BuiltWeek
from generator.weeks.pages import chooser, week_page, week_path
from generator.weeks.words import outer_hip_note

TEMPLATES = Path(__file__).resolve().parent / "templates"
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"
PLANES = {"frontal": "Frontal (side to side)", "sagittal": "Sagittal (forward and back)", "transverse": "Transverse (turning)"}
SOURCE_KINDS = {
    "meta-analysis": "Meta-analyses",
    "systematic-review": "Systematic reviews",
    "trial": "Training trials",
    "observational": "Observational studies",
    "case-series": "Case series",
    "lab-study": "Lab studies (one session, e.g. EMG)",
    "modelling": "Computer models",
    "review": "Narrative reviews",
    "guideline": "Guidelines and position stands",
    "textbook": "Textbooks",
    "expert-opinion": "Expert opinion",
}
# Why an exercise's outer-hip swap matters, in the reader's words (Exercise.presses_or_crosses).
OUTER_HIP_READER = {
    "side-lying": "has you lie on your side, which presses on the bottom hip",
    "side-plank": "rests your weight on the side of the bottom hip",
    "crossing": "crosses one hip inward past the middle of your body",
}
T = TypeVar("T")
# In a hand-written page, `{{ count.exercises }}` (or myths, plans, muscles,
# sources) is replaced by how many the library has, so no page writes a count by hand.
COUNT_TOKEN = re.compile(r"\{\{ *count\.(exercises|myths|plans|muscles|sources) *\}\}")
REGIONS = {"lateral-hip": "Side of the hip", "hip": "Hip and buttock", "thigh": "Thigh", "trunk": "Trunk", "lower-leg": "Lower leg"}


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; text was checked for HTML in validation
    )
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    env.filters["number"] = lambda value: f"{value:g}"
    return env


@dataclass(frozen=True)
class Page:
    """Link helpers for one output page: every link is relative to it."""

    path: str
    library: Library
    links: Links
    site: Site

    @property
    def url(self) -> str:
        return self.site.page_url(self.path)

    def to(self, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(self.path) or ".")

    def md(self, text: str) -> str:
        """Contributor Markdown with each `[@id]` turned into '(Author year)' linked to the references;
        side-by-side citations share one pair of brackets: '(Author year; Author year)'."""
        return resolve_groups(text, lambda ids: "(" + "; ".join(self.source(source_id) for source_id in dict.fromkeys(ids)) + ")")

    def source(self, source_id: str) -> str:
        source = self.library.sources[source_id]
        return f"[{source.label}]({self.to('references.md')}#{source_id})"

    def hand_written(self, output: str) -> str:
        """The link to a hand-written page, or '' when the library has no such page (a small test library)."""
        return self.to(output) if any(p.output == output for p in self.library.pages.values()) else ""

    def exercise(self, ident: str) -> str:
        return f"[{self.library.exercises[ident].name}]({self.to(output_path('exercise', ident))})"

    def muscle(self, ident: str) -> str:
        return f"[{self.library.muscles[ident].name}]({self.to(output_path('muscle', ident))})"

    def myth(self, ident: str) -> str:
        return f"[{self.library.myths[ident].claim}]({self.to(output_path('myth', ident))})"

    def plan(self, ident: str) -> str:
        return f"[{self.library.plans[ident].title}]({self.to(output_path('plan', ident))})"

    def equipment(self, ident: str) -> str:
        return f"[{self.library.equipment[ident].name}]({self.to('equipment.md')}#{ident})"

    def join(self, kind: str, idents: Iterable[str], empty: str = "none") -> str:
        made = [getattr(self, kind)(ident) for ident in idents]
        return ", ".join(made) if made else empty

    def sources(self) -> list[str]:
        return list(self.links.page_sources.get(self.path, ()))


def fill_counts(text: str, library: Library) -> str:
    """A hand-written page's text with each count token replaced by the library's number."""
    return COUNT_TOKEN.sub(lambda match: str(len(getattr(library, match.group(1)))), text)


def _render(template: str, page: Page, **context: object) -> str:
    return environment().get_template(template).render(page=page, lib=page.library, links=page.links, planes=PLANES, **context)


def _redirect(target_url: str) -> str:
    return environment().get_template("redirect.html.j2").render(target=target_url)


@dataclass(frozen=True)
class Rendered:
    files: dict[str, bytes]  # every generated file of the Markdown tree, by its path in it
    cards: tuple[Card, ...]  # each page's preview card, drawn into the tree by cards.write_cards


def render(library: Library, links: Links, weeks: Sequence[BuiltWeek], site: Site | None = None) -> dict[str, bytes]:
    """Every generated file of the Markdown tree, keyed by its path in it."""
    return render_site(library, links, weeks, site).files


def render_site(library: Library, links: Links, weeks: Sequence[BuiltWeek], site: Site | None = None) -> Rendered:
    """The files of the Markdown tree, and the preview cards their front matter names.

    `weeks` are the built weeks the plan stage made (generator/weeks/planner.py):
    rendering shows them and never plans.
    """
    site = site or Site()
    pages: dict[str, str] = {}
    calendars: dict[str, bytes] = {}
    muscle_names = {m.id: m.name for m in library.muscles.values()}

    def page(path: str) -> Page:
        return Page(path, library, links, site)

    for ex in library.exercises.values():
        path = output_path("exercise", ex.id)
        here = page(path)
        muscle_figure = figure(muscle_map(ex.primary, ex.secondary, muscle_names, title=f"Muscles worked in the {in_sentence(ex.name)}"), cls="hd-figure--map")
        pages[path] = _render(
            "exercise.md.j2", here, ex=ex,
            muscle_figure=muscle_figure, muscle_legend=muscle_map_legend(ex.primary, ex.secondary, muscle_names), pose_figure=pose_figure(ex),
            figure_text=figure_text, outer_hip_why=OUTER_HIP_READER.get(ex.presses_or_crosses, "can press on a sore outer hip"),
        )
        for old in ex.previous_ids:
            pages[f"exercises/{old}/index.html"] = _redirect(f"../{ex.id}/")
    for myth in library.myths.values():
        path = output_path("myth", myth.id)
        here = page(path)
        pages[path] = _render("myth.md.j2", here, myth=myth)
        for old in myth.previous_ids:
            pages[f"myths/{old}/index.html"] = _redirect(f"../{myth.id}/")
    for plan in library.plans.values():
        path = output_path("plan", plan.id)
        pages[path] = _render("plan.md.j2", page(path), plan=plan, paper_log=paper_log(path, plan, library), outer_hip_note=outer_hip_note, block=BLOCK, calendar_start=first_monday(site.date))
        calendars[f"plans/{plan.id}.ics"] = plan_calendar(plan, library, page(path).url, site.host, site.date)
        for old in plan.previous_ids:
            pages[f"plans/{old}/index.html"] = _redirect(f"../{plan.id}/")
    for muscle in library.muscles.values():
        path = output_path("muscle", muscle.id)
        rows = activation_rows(library, links, muscle.id)
        chart = figure(activation_chart(rows, title=f"{muscle.name}: measured activation (%MVIC)"), cls="hd-figure--chart") if rows else ""
        pages[path] = _render("muscle.md.j2", page(path), muscle=muscle, regions=REGIONS, chart=chart, chart_table=activation_table_markdown(rows) if rows else "")
    items, choices = exercise_filter(library)
    pages["exercises/index.md"] = _render("exercises-index.md.j2", page("exercises/index.md"), groups=exercise_groups(library, links), items=items, choices=choices)
    pages["myths/index.md"] = _render("myths-index.md.j2", page("myths/index.md"))
    pages["plans/index.md"] = _render("plans-index.md.j2", page("plans/index.md"), chooser=chooser(weeks))
    week_links = replace(links, page_sources={**links.page_sources, **{week_path(w.choice): w.plan.sources for w in weeks if w.plan}})
    for week in weeks:
        here = Page(week_path(week.choice), library, week_links, site)
        paper = paper_log(here.path, week.plan, library) if week.plan else ""
        pages[here.path] = _render("your-week.md.j2", here, view=week_page(week, library), paper_log=paper, calendar_start=first_monday(site.date))
        if week.plan:
            calendars[here.path.removesuffix(".md") + ".ics"] = plan_calendar(week.plan, library, here.url, site.host, site.date)
    pages["muscles/index.md"] = _render("muscles-index.md.j2", page("muscles/index.md"), groups=grouped(library.muscles.values(), "region", REGIONS))
    pages["equipment.md"] = _render("equipment.md.j2", page("equipment.md"))
    pages["references.md"] = _render("references.md.j2", page("references.md"), groups=grouped(library.sources.values(), "kind", SOURCE_KINDS), titles=page_titles(library))
    for hand in library.pages.values():
        body = fill_counts(hand.body, library)
        pages[hand.output] = _render("hand-written.md.j2", page(hand.output), hand=hand, body=body)
    pages.update(pocket_pages())  # the session view and the offline page (generator/render/pwa.py)
    reviewed = review_dates(library, weeks)
    myth_pages = {output_path("myth", m.id): m for m in library.myths.values()}
    for path in [p for p in pages if p in reviewed]:
        pages[path] = stamp(path, pages[path], reviewed[path], library, week_links, site, myth_pages.get(path))
    built_weeks = {week_path(w.choice) for w in weeks}
    for path in [p for p in pages if p.endswith(".md")]:
        pages[path] = with_search_rules(pages[path], path, findable=path not in built_weeks)
    pages["robots.txt"] = f"User-agent: *\nAllow: /\n\nSitemap: {site.url}sitemap.xml\n"
    cards = page_cards(pages, library, weeks, site)
    files = {path: (with_card(text, cards[path]) if path in cards else text).encode("utf-8") for path, text in pages.items()}
    files.update(calendars)
    files.update(pocket_data(library, weeks, site))
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files[f"schema/{schema.name}"] = schema.read_bytes()
    return Rendered(dict(sorted(files.items())), tuple(cards[path] for path in sorted(cards)))


def grouped(items: Iterable[T], attribute: str, labels: dict[str, str]) -> tuple[tuple[str, tuple[T, ...]], ...]:
    """Items grouped by one attribute, in the order of `labels`, leaving out empty groups."""
    members = list(items)
    groups = ((label, tuple(item for item in members if getattr(item, attribute) == value)) for value, label in labels.items())
    return tuple((label, group) for label, group in groups if group)


def page_titles(library: Library) -> dict[str, str]:
    """The title of every page that can cite a source, by output path."""
    titles = {output_path("exercise", e.id): e.name for e in library.exercises.values()}
    titles.update({output_path("myth", m.id): m.claim for m in library.myths.values()})
    titles.update({output_path("plan", p.id): p.title for p in library.plans.values()})
    titles.update({output_path("muscle", m.id): m.name for m in library.muscles.values()})
    titles.update({p.output: p.title for p in library.pages.values()})
    return titles


@dataclass(frozen=True)
class FilterItem:
    """One exercise in the filterable list, with the values the filter matches."""

    id: str
    name: str
    summary: str
    muscles: str
    equipment: str
    home: str
    level: str
    plane: str


@dataclass(frozen=True)
class FilterChoice:
    name: str
    label: str
    options: tuple[tuple[str, str], ...]  # (value, label)


def exercise_filter(library: Library) -> tuple[tuple[FilterItem, ...], tuple[FilterChoice, ...]]:
    """The exercise index's filter: items with data values, and the choices offered."""
    items = tuple(
        FilterItem(
            e.id, e.name, e.summary, " ".join(e.primary), " ".join(e.equipment) or "none",
            "yes" if all(library.equipment[i].home for i in e.equipment) else "no", e.level, e.plane,
        )
        for e in sorted(library.exercises.values(), key=lambda e: e.name.casefold())
    )
    targets = sorted({m for e in library.exercises.values() for m in e.primary}, key=lambda m: library.muscles[m].name)
    used = sorted({q for e in library.exercises.values() for q in e.equipment}, key=lambda q: library.equipment[q].name)
    choices = (
        FilterChoice("muscle", "Target muscle", tuple((m, library.muscles[m].name) for m in targets)),
        FilterChoice("equipment", "Equipment", (("none", "No equipment"), ("home", "At home")) + tuple((q, library.equipment[q].name) for q in used)),
        FilterChoice("level", "Level", tuple((lvl, lvl.capitalize()) for lvl in ("beginner", "intermediate", "advanced"))),
        FilterChoice("plane", "Plane of motion", tuple((p, label) for p, label in PLANES.items())),
    )
    return items, choices


@dataclass(frozen=True)
class Group:
    title: str
    anchor: str
    sections: tuple[tuple[str, str, tuple[str, ...]], ...]  # (heading, anchor, exercise ids)


def exercise_groups(library: Library, links: Links) -> tuple[Group, ...]:
    """The exercise index's groupings: by target muscle, equipment, level and plane."""
    exercises = library.exercises.values()
    by_muscle = tuple(
        (library.muscles[m].name, f"muscle-{m}", links.primary_of[m]) for m in library.muscles if m in links.primary_of
    )
    bodyweight = tuple(e.id for e in exercises if not e.equipment)
    home = tuple(e.id for e in exercises if all(library.equipment[i].home for i in e.equipment if i in library.equipment))
    by_equipment = (("No equipment", "equipment-none", bodyweight), ("At home", "equipment-home", home)) + tuple(
        (library.equipment[q].name, f"equipment-{q}", links.exercises_using[q]) for q in library.equipment if q in links.exercises_using
    )
    by_level = tuple((lvl.capitalize(), f"level-{lvl}", tuple(e.id for e in exercises if e.level == lvl)) for lvl in ("beginner", "intermediate", "advanced"))
    by_plane = tuple((PLANES[p], f"plane-{p}", tuple(e.id for e in exercises if e.plane == p)) for p in PLANES)
    return (
        Group("By target muscle", "by-muscle", by_muscle),
        Group("By equipment", "by-equipment", by_equipment),
        Group("By level", "by-level", tuple(s for s in by_level if s[2])),
        Group("By plane of motion", "by-plane", tuple(s for s in by_plane if s[2])),
    )
