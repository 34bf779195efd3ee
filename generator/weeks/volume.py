"""Sets and reps for a built week: each move's own dose, fitted to the week's volume rules.

The level picks a start in each exercise's set range (the low end for
beginners, the high end at advanced level). Then the week is fitted to the
ranges of generator/check/week_shape.py: while a muscle is worked hard for
more weekly sets than the level's top, or the direct abduction passes its cap,
a set comes off the move with the most sets that adds to it (never below 2),
and when no set can come off, the last such move goes, as long as its day
keeps three moves and the week keeps each pattern. While the glutes are under
the range's bottom, a set goes on. At advanced level, heavy days take the low
half of a loaded move's rep range and light days the high half.
"""

from __future__ import annotations

from dataclasses import replace

from generator.check.week_shape import ABDUCTION_CAP, FOCUS_MUSCLES, SETS, demand, loaded, pattern, sets_of, shape
from generator.model import Day, Dose, Exercise, Library, Plan, PlanEntry

MIN_SETS, MAX_SETS = 2, 4
FITS = 200  # steps at most, so a strange library still ends


def start_sets(dose: Dose, level: str) -> int:
    low, high = sets_of(dose.sets)
    return {"beginner": low, "intermediate": min(high, low + 1) if high > 3 else low, "advanced": high}[level]


def reps_for(ex: Exercise, effort: str) -> str:
    """heavy: the low half of a loaded move's rep range; light: the high half; otherwise the range."""
    if not ex.dose.reps or not loaded(ex) or effort not in ("heavy", "light"):
        return ex.dose.reps
    low, high = sets_of(ex.dose.reps)
    middle = (low + high) // 2
    if high - low < 4:
        return ex.dose.reps
    return f"{low}-{middle}" if effort == "heavy" else f"{middle}-{high}"


def entry(ex: Exercise, level: str, effort: str) -> PlanEntry:
    sets = start_sets(ex.dose, level)
    if effort == "light":
        sets = max(MIN_SETS, sets - 1)
    return PlanEntry(ex.id, replace(ex.dose, sets=str(sets), reps=reps_for(ex, effort)))


def _with(plan: Plan, day: int, entries: tuple[PlanEntry, ...]) -> Plan:
    days = list(plan.days)
    days[day] = replace(days[day], entries=entries)
    return replace(plan, days=tuple(days))


def _over(library: Library, plan: Plan, level: str) -> tuple[str, bool] | None:
    """The first thing past its top: (muscle, False), or ('', True) for the abduction cap."""
    counted = shape(library, plan)
    for muscle, (_, most) in counted.hard_sets.items():
        if most > SETS[level][1]:
            return muscle, False
    if counted.abduction_sets[1] > ABDUCTION_CAP[level]:
        return "", True
    return None


def _adds(ex: Exercise, muscle: str, abduction: bool) -> bool:
    return pattern(ex) == "abduction" if abduction else muscle in ex.hard


def fit(library: Library, plan: Plan, level: str) -> Plan:
    """The plan with sets taken off (or moves dropped) until no muscle is past its top, then sets added up to the glutes' bottom."""
    for _ in range(FITS):
        over = _over(library, plan, level)
        if over is None:
            break
        muscle, abduction = over
        places = [(d, e) for d, day in enumerate(plan.days) for e, x in enumerate(day.entries) if _adds(library.exercises[x.exercise], muscle, abduction)]
        cut = [(d, e) for d, e in places if sets_of(plan.days[d].entries[e].dose.sets)[0] > MIN_SETS]
        if cut:
            d, e = max(cut, key=lambda p: (demand(library.exercises[plan.days[p[0]].entries[p[1]].exercise]) > 3, sets_of(plan.days[p[0]].entries[p[1]].dose.sets)[0], p))  # light moves give up sets first
            entries = list(plan.days[d].entries)
            entries[e] = replace(entries[e], dose=replace(entries[e].dose, sets=str(sets_of(entries[e].dose.sets)[0] - 1)))
            plan = _with(plan, d, tuple(entries))
            continue
        drop = [(d, e) for d, e in reversed(places) if len(plan.days[d].entries) > 3 and _keeps_patterns(library, plan, d, e)]
        if not drop:
            break
        d, e = drop[0]
        plan = _with(plan, d, plan.days[d].entries[:e] + plan.days[d].entries[e + 1:])
    for muscle in FOCUS_MUSCLES:
        for _ in range(FITS):
            counted = shape(library, plan)
            if counted.hard_sets.get(muscle, (0, 0))[0] >= SETS[level][0]:
                break
            grow = [(d, e) for d, day in enumerate(plan.days) for e, x in enumerate(day.entries) if muscle in library.exercises[x.exercise].hard and sets_of(x.dose.sets)[0] < MAX_SETS]
            if not grow:
                break
            d, e = min(grow, key=lambda p: (sets_of(plan.days[p[0]].entries[p[1]].dose.sets)[0], p))
            entries = list(plan.days[d].entries)
            entries[e] = replace(entries[e], dose=replace(entries[e].dose, sets=str(sets_of(entries[e].dose.sets)[0] + 1)))
            trial = _with(plan, d, tuple(entries))
            if _over(library, trial, level) is not None:
                break
            plan = trial
    return plan


def _keeps_patterns(library: Library, plan: Plan, day: int, index: int) -> bool:
    gone = library.exercises[plan.days[day].entries[index].exercise]
    if pattern(gone) == "bridge":  # a glute day keeps its bridge
        return False
    others = [library.exercises[x.exercise] for d, one in enumerate(plan.days) for i, x in enumerate(one.entries) if (d, i) != (day, index)]
    return any(pattern(ex) == pattern(gone) for ex in others)


def training_day(name: str, focus: str, moves: tuple[Exercise, ...], level: str, effort: str, notes: str) -> Day:
    return Day(name, "training", focus, tuple(entry(ex, level, effort) for ex in moves), notes)
