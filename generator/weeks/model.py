"""What a built week is: the reader's choices, the kits, and the week the planner makes for them.

Kept apart from the planner (generator/weeks/planner.py) so that the pages
(generator/weeks/pages.py), the words (generator/weeks/words.py) and the rule
check (generator/weeks/rules.py) can name these without the search itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.model import LEVELS, Library, Plan

DAY_COUNTS = (2, 3, 4, 5)
SIDE_OF_HIP = ("gluteus-medius", "gluteus-minimus")
SESSION_MIN = 3  # exercises a training day has at least (and 5 at most)


@dataclass(frozen=True)
class Kit:
    id: str
    label: str  # for the chooser
    phrase: str  # in a sentence: "with a mini band"
    items: tuple[str, ...] | None  # equipment ids; None is every item in the vocabulary


KITS = (
    Kit("no-equipment", "No equipment", "with no equipment but a chair", ("bench",)),
    Kit("mini-band", "A mini band", "with a mini band", ("mini-band", "bench")),
    Kit("bands-and-dumbbells", "Bands and dumbbells", "with bands and dumbbells", ("mini-band", "long-band", "dumbbell", "bench", "step")),
    Kit("gym", "A full gym", "in a full gym", None),
)
KIT_IDS = tuple(kit.id for kit in KITS)


@dataclass(frozen=True, order=True)
class Choice:
    days: int
    kit: str
    level: str

    @property
    def slug(self) -> str:
        """The page's address under plans/your-week/, e.g. 3-days-mini-band-beginner."""
        return f"{self.days}-days-{self.kit}-{self.level}"


@dataclass(frozen=True)
class Step:
    """How one exercise of the week gets harder: its own `progress`, then its harder versions."""

    exercise: str
    progress: str
    harder: tuple[tuple[str, tuple[str, ...]], ...]  # (harder version, equipment it needs that the reader's kit lacks)
    days: tuple[str, ...]  # the days it is on
    why: str  # why it is there, in a few words


@dataclass(frozen=True)
class BuiltWeek:
    choice: Choice
    equipment: tuple[str, ...]
    training_days: int
    plan: Plan | None  # None when the library cannot fill the week well
    why: tuple[tuple[str, ...], ...]  # per day of the plan, a few words per entry
    steps: tuple[Step, ...]
    problem: str  # why there is no week ("" when there is one)
    nearest: Choice | None  # the closest week that works, when there is no week
    missing: tuple[str, ...] = ()  # what the reader's kit or level leaves out, and what stands in for it

    @property
    def capped(self) -> bool:
        """True when the reader has more days than the level's guideline: the week is the same as a shorter one."""
        return self.training_days < self.choice.days

    @property
    def same_as(self) -> Choice:
        """The choice whose page holds this same week (itself unless capped)."""
        return replace(self.choice, days=self.training_days)


def choices() -> tuple[Choice, ...]:
    return tuple(Choice(days, kit, level) for level in LEVELS for kit in KIT_IDS for days in DAY_COUNTS)


def kit_equipment(library: Library, kit_id: str) -> tuple[str, ...]:
    kit = KITS[KIT_IDS.index(kit_id)]
    items = sorted(library.equipment) if kit.items is None else kit.items
    return tuple(sorted(item for item in items if item in library.equipment))


def rank(level: str) -> int:
    """beginner 0, intermediate 1, advanced 2; anything else after them."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)
