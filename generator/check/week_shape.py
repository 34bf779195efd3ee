"""What a week of training holds, counted from the load model: the numbers every week rule reads.

An exercise's `load:` list (generator/check/load_rules.py) says which muscles it
works hard (role main or high). From it and the other data this module counts,
for any plan, hand-written or built: the days each muscle works hard, its weekly
hard sets, the direct abduction sets, and the movement patterns. The ranges are
the site's reading of the evidence, stated on every built week's page:

- Weekly hard sets per muscle: more sets grew more muscle, graded, in a
  meta-analysis of 15 studies (Schoenfeld et al. 2017; under 5, 5-9 and 10 or
  more sets a week). The ranges per level below are ours, not the study's.
- Direct abduction: not past 16 sets a week even at advanced level, so the side
  of the hip is not worked hard on every day and the other patterns get time.

Patterns come from the data alone, so a contributor's new exercise is sorted
without a list of ids: a hip-extension move lying on the back is a bridge, a
move whose main muscles include the hamstrings is a hinge, one with the
quadriceps a squat, lunge or step, one with the gluteus medius (and none of
those) abduction, and one for the core alone a trunk hold.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.model import LEVELS, Exercise, Library, Plan

LOADED = frozenset({"barbell", "dumbbell", "kettlebell", "cable-machine", "hip-abduction-machine"})
PATTERNS = ("squat", "hinge", "bridge", "abduction", "trunk")
PATTERN_WORDS = {"squat": "squat, lunge or step", "hinge": "hinge", "bridge": "bridge or hip thrust", "abduction": "abduction move", "trunk": "trunk hold"}
REQUIRED = ("squat", "hinge", "bridge", "abduction")  # every week has each one its equipment and level allow
FOCUS_MUSCLES = ("gluteus-maximus", "gluteus-medius")  # held within the range; every other muscle only under its top
SETS = {"beginner": (4, 14), "intermediate": (8, 18), "advanced": (10, 22)}  # weekly hard sets per muscle
ABDUCTION_CAP = {"beginner": 9, "intermediate": 12, "advanced": 16}  # direct abduction sets a week
ANY_LEVEL = (SETS["beginner"][0], SETS["advanced"][1])  # a hand-written plan that names no level


def pattern(ex: Exercise) -> str:
    """squat, hinge, bridge, abduction, trunk, or other (Exercise.pattern: the main muscles and the start position)."""
    return ex.pattern


def loaded(ex: Exercise) -> bool:
    return bool(LOADED & set(ex.equipment))


def one_sided(ex: Exercise) -> bool:
    return ex.dose.per_side


def demand(ex: Exercise) -> int:
    """The order a coach puts moves in, most demanding first: heavy two-legged lifts, a loaded
    thrust, one-legged lifts, body-weight lifts and bridges, then abduction, then trunk holds."""
    kind = pattern(ex)
    if kind in ("squat", "hinge"):
        return (0 if not one_sided(ex) else 2) if loaded(ex) else 3
    if kind == "bridge":
        return 1 if loaded(ex) else 4
    if kind == "abduction":
        return 5 if loaded(ex) or ex.mechanic == "compound" else 6
    return 7


def sets_of(text: str) -> tuple[int, int]:
    """'3' -> (3, 3); '2-3' -> (2, 3)."""
    low, _, high = text.partition("-")
    return int(low), int(high or low)


@dataclass(frozen=True)
class Shape:
    """A plan counted: per muscle its hard days and weekly hard sets (low and high end), abduction sets, patterns per day."""

    hard_days: Mapping[str, tuple[int, ...]]  # muscle -> indexes of the days it is worked hard
    hard_sets: Mapping[str, tuple[int, int]]
    abduction_sets: tuple[int, int]
    patterns: tuple[frozenset[str], ...]  # per day

    def week_patterns(self) -> frozenset[str]:
        return frozenset().union(*self.patterns) if self.patterns else frozenset()


def shape(library: Library, plan: Plan) -> Shape:
    days: dict[str, list[int]] = {}
    sets: dict[str, list[int]] = {}
    abduction = [0, 0]
    per_day = []
    for index, day in enumerate(plan.days):
        kinds = set()
        for entry in day.entries:
            ex = library.exercises.get(entry.exercise)
            if ex is None:
                continue
            low, high = sets_of(entry.dose.sets)
            kinds.add(pattern(ex))
            if pattern(ex) == "abduction":
                abduction[0] += low
                abduction[1] += high
            for muscle in dict.fromkeys(ex.hard):
                if index not in days.setdefault(muscle, []):
                    days[muscle].append(index)
                total = sets.setdefault(muscle, [0, 0])
                total[0] += low
                total[1] += high
        per_day.append(frozenset(kinds))
    return Shape(
        {m: tuple(d) for m, d in sorted(days.items())},
        {m: (s[0], s[1]) for m, s in sorted(sets.items())},
        (abduction[0], abduction[1]),
        tuple(per_day),
    )


def allowed_patterns(library: Library, equipment: tuple[str, ...], level: str | None) -> frozenset[str]:
    """The patterns some exercise of the library offers within this equipment (and level, if one is named)."""
    top = LEVELS.index(level) if level in LEVELS else len(LEVELS)
    kit = frozenset(equipment)
    found: set[str] = set()
    for ex in library.exercises.values():
        if ex.pattern not in found and kit.issuperset(ex.equipment) and (ex.level not in LEVELS or LEVELS.index(ex.level) <= top):
            found.add(ex.pattern)
    return frozenset(found)


def consecutive(count: int) -> list[tuple[int, int]]:
    """Pairs of neighbouring days; a full week wraps from Sunday to Monday."""
    return [(i, i + 1) for i in range(count - 1)] + ([(count - 1, 0)] if count == 7 else [])
