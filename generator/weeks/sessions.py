"""One training day of a built week: which moves fill its pattern slots, in a coach's order.

A day has a kind (generator/weeks/planner.py lays the week out):

- F, the whole hip: a squat, lunge or step, a hinge, a bridge or hip thrust,
  then abduction and a trunk hold. It has no training day next to it.
- G, glutes and thighs: squat, hinge and bridge moves that leave the side of
  the hip easy (no `load:` main or high for the gluteus medius or minimus).
- S, the side of the hip: abduction and trunk holds that leave the glute max
  and thighs easy, on the day after or before a G day.

Each slot takes the best fitting move: one the reader's kit and level allow,
that works hard no muscle worked hard on a neighbouring day, not a version of
a move already on the day, used the fewest times this week (so repeated days
vary), and, past beginner level, one that takes added weight and sits at the
reader's level. The day is then put in order of demand (week_shape.demand):
heavy two-legged lifts first, trunk holds last.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generator.check.week_shape import demand, loaded, pattern
from generator.model import Exercise
from generator.weeks.model import SESSION_MIN, SIDE_OF_HIP, rank

SLOTS = {
    "F": ("squat", "bridge", "abduction", "trunk", "hinge", "abduction"),  # day A; day B swaps the squat and the hinge
    "G": ("squat", "bridge", "hinge", "squat"),
    "S": ("abduction", "trunk", "abduction", "abduction"),
}
SWAPPED = {"squat": "hinge", "hinge": "squat"}
KIND_REST = {"F": frozenset(), "G": frozenset(SIDE_OF_HIP), "S": frozenset({"gluteus-maximus", "quadriceps", "hamstrings"})}


def linked(a: Exercise, b: Exercise) -> bool:
    return a.id == b.id or b.id in a.harder or b.id in a.easier or a.id in b.harder or a.id in b.easier


ONE_LEGGED = 2  # one-legged lifts a day at most: each one is two sets' work, and balance tires


def _one_legged(ex: Exercise) -> bool:
    return ex.dose.per_side and pattern(ex) in ("squat", "hinge", "bridge")


def slots(kind: str, turn: int) -> tuple[str, ...]:
    """The day's pattern slots in the order they are filled; every second F day leads with the hinge."""
    order = SLOTS[kind]
    return tuple(SWAPPED.get(s, s) for s in order) if kind == "F" and turn % 2 else order


def suits(ex: Exercise, level: str) -> bool:
    """Worth a lifting slot at this level: at advanced level, a beginner move only if it takes added weight."""
    return level != "advanced" or rank(ex.level) >= 1 or loaded(ex)


def _preference(ex: Exercise, level: str, used: Mapping[str, int], effort: str) -> tuple[object, ...]:
    """Lifts: near the reader's level, loaded past beginner level, the big lift again on a heavy day and a
    new one-legged version on a light day. Abduction and trunk holds: the least used first, for variety."""
    fit = abs(rank(level) - rank(ex.level))
    near = 0 if level == "advanced" and loaded(ex) else max(0, fit - 1)  # a dumbbell lift is never too easy for an advanced lifter
    weight = 0 if level == "beginner" else -int(loaded(ex))
    times = used.get(ex.id, 0)
    if pattern(ex) in ("abduction", "trunk") or (pattern(ex) == "bridge" and effort != "heavy"):
        return (times, near, weight, fit, demand(ex), ex.id)
    if effort == "heavy":
        return (near, weight, fit, times, demand(ex), ex.id)
    if effort == "light":
        return (near, times, not ex.dose.per_side, weight, fit, demand(ex), ex.id)
    return (near, weight, times, fit, demand(ex), ex.id)


def _first(ranked: list[Exercise], keep: Callable[[Exercise], bool]) -> Exercise | None:
    return next((ex for ex in ranked if keep(ex)), None)


def session(kind: str, pool: tuple[Exercise, ...], forbidden: frozenset[str], used: Mapping[str, int], count: int, level: str, turn: int = 0, effort: str = "") -> tuple[Exercise, ...]:
    """The day's moves in a coach's order; fewer than `count` when the pool runs short.

    What a day has picked never changes how the other moves rank for it, so the
    moves are ranked once, and each pick is the best-ranked move that still has
    room: the one a search of the whole pool would pick, found without one.
    """
    rest = forbidden | KIND_REST[kind]
    order = slots(kind, turn)
    ranked = sorted(
        (ex for ex in pool if pattern(ex) in order and not rest.intersection(ex.hard) and (pattern(ex) not in ("squat", "hinge") or suits(ex, level))),
        key=lambda ex: _preference(ex, level, used, effort),
    )
    by_pattern: dict[str, list[Exercise]] = {}
    for ex in ranked:
        by_pattern.setdefault(pattern(ex), []).append(ex)
    chosen: list[Exercise] = []

    def room(ex: Exercise) -> bool:  # by id: comparing whole exercises field by field is slow in a large library
        return all(ex.id != c.id for c in chosen) and not any(linked(ex, c) for c in chosen) and not (_one_legged(ex) and sum(map(_one_legged, chosen)) >= ONE_LEGGED)

    def new(ex: Exercise) -> bool:
        return all(ex.id != c.id for c in chosen)

    for slot in order:
        if len(chosen) == count:
            break
        pick = _first(by_pattern.get(slot, []), room)
        if pick is not None:
            chosen.append(pick)
    while len(chosen) < count and (pick := _first(ranked, room)) is not None:  # a day short of moves takes more of the kind's patterns
        chosen.append(pick)
    while len(chosen) < SESSION_MIN and (pick := _first(ranked, new)) is not None:  # still short of three: a second version of a move (a clam, then a side-lying lift)
        chosen.append(pick)
    return tuple(sorted(chosen, key=lambda ex: (demand(ex), order.index(pattern(ex)), ex.id)))
