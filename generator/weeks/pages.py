"""What the pages of the built weeks show (generator/weeks/planner.py makes the weeks).

Each of the 48 choices has a page at plans/your-week/<days>-days-<kit>-<level>/,
an address made from the choice alone, so a shared link stays valid whatever
the library holds. The page decisions live here, not in the templates:

- A full week is indexed by search engines; its title says the days, the
  equipment and the level, and its description names its first moves.
- A page whose week is the same as a shorter one (more days than the level's
  guideline) and a page that offers the nearest week instead are `noindex`:
  a reader who picked them needs them, a search engine already has the
  week they point to.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import LEVELS, Library
from generator.weeks.block import BLOCK, Phase
from generator.weeks.model import DAY_COUNTS, KIT_IDS, KITS, BuiltWeek, Choice, Kit
from generator.weeks.words import NUMBERS, audience, messages, summary, title

FOLDER = "plans/your-week"
LEVEL_LABELS = {"beginner": "Beginner", "intermediate": "Intermediate", "advanced": "Advanced"}


def week_path(choice: Choice) -> str:
    return f"{FOLDER}/{choice.slug}.md"


def kit_of(choice: Choice) -> Kit:
    return KITS[KIT_IDS.index(choice.kit)]


@dataclass(frozen=True)
class Option:
    label: str
    path: str  # "" for the page itself
    choice: Choice


@dataclass(frozen=True)
class WeekPage:
    week: BuiltWeek
    title: str
    description: str
    audience: str
    robots: str  # "" to index
    messages: tuple[str, ...]
    block: tuple[Phase, ...]
    nearest_title: str
    nearest_path: str
    changes: tuple[tuple[str, tuple[Option, ...]], ...]  # "change one thing": (what, options)


def _changes(choice: Choice) -> tuple[tuple[str, tuple[Option, ...]], ...]:
    def option(label: str, other: Choice) -> Option:
        return Option(label, "" if other == choice else week_path(other), other)

    return (
        ("Days a week", tuple(option(str(days), Choice(days, choice.kit, choice.level)) for days in DAY_COUNTS)),
        ("Equipment", tuple(option(kit.label, Choice(choice.days, kit.id, choice.level)) for kit in KITS)),
        ("Level", tuple(option(LEVEL_LABELS[level], Choice(choice.days, choice.kit, level)) for level in LEVELS)),
    )


def week_page(week: BuiltWeek, library: Library) -> WeekPage:
    choice = week.choice
    phrase = kit_of(choice).phrase
    nearest = week.nearest
    return WeekPage(
        week=week,
        title=title(choice, phrase),
        description=week.plan.summary if week.plan else summary(week, library, phrase),
        audience=week.plan.audience if week.plan else audience(choice, phrase),
        robots="noindex, follow" if week.plan is None or week.capped else "",
        messages=messages(week, library),
        block=BLOCK,
        nearest_title=title(nearest, kit_of(nearest).phrase) if nearest else "",
        nearest_path=week_path(nearest) if nearest else "",
        changes=_changes(choice),
    )


@dataclass(frozen=True)
class GridRow:
    kit: Kit
    cells: tuple[Option, ...]


@dataclass(frozen=True)
class Chooser:
    """The plans index: three controls with JavaScript, a grid of all 48 links without it."""

    pattern: str  # the address of a week relative to the plans index, with {days} {kit} {level}
    days: tuple[tuple[str, str], ...]
    kits: tuple[tuple[str, str], ...]
    levels: tuple[tuple[str, str], ...]
    grid: tuple[tuple[str, tuple[GridRow, ...]], ...]  # per level
    full: int


def chooser(weeks: tuple[BuiltWeek, ...]) -> Chooser:
    grid = tuple(
        (LEVEL_LABELS[level], tuple(GridRow(kit, tuple(Option(f"{days} days", week_path(Choice(days, kit.id, level)), Choice(days, kit.id, level)) for days in DAY_COUNTS)) for kit in KITS))
        for level in LEVELS
    )
    return Chooser(
        pattern="your-week/{days}-days-{kit}-{level}/",
        days=tuple((str(days), f"{NUMBERS[days].capitalize()} days") for days in DAY_COUNTS),
        kits=tuple((kit.id, kit.label) for kit in KITS),
        levels=tuple((level, LEVEL_LABELS[level]) for level in LEVELS),
        grid=grid,
        full=sum(1 for week in weeks if week.plan is not None and not week.capped),
    )
