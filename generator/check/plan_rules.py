"""The rules a week of training passes: hand-written plans here; the built weeks run them too.

Each rule takes the checking context (generator/check/context.py) and yields
DataErrors; the registry (generator/check/registry.py) lists them, and the
planner's own checks (generator/weeks/rules.py) call them on every built week,
so a week a contributor adds, a hand-written one and a built one meet the
same rules. What a week holds is counted from the load model
(generator/check/week_shape.py): a muscle is worked hard where an exercise's
`load:` gives it the role main or high.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.context import Context
from generator.check.week_shape import ABDUCTION_CAP, ANY_LEVEL, FOCUS_MUSCLES, PATTERN_WORDS, REQUIRED, SETS, allowed_patterns, consecutive, demand, shape
from generator.errors import DataError
from generator.model import Plan


def plan_equipment(ctx: Context) -> Iterator[DataError]:
    """HD307: a plan uses only exercises that its equipment allows."""
    for plan in ctx.library.plans.values():
        for d, day in enumerate(plan.days):
            for e, entry in enumerate(day.entries):
                ex = ctx.library.exercises.get(entry.exercise)
                missing = [item for item in ex.equipment if item not in plan.equipment] if ex else []
                if missing:
                    yield ctx.error(plan.file, ("days", d, "exercises", e, "exercise"), "HD307", f"'{ex.id}' needs {', '.join(missing)}, which the plan's equipment does not list", "add it to the plan's equipment or pick a substitute")


def plan_rest_between_primaries(ctx: Context) -> Iterator[DataError]:
    """HD308: no muscle is worked hard (load role main or high) on two consecutive days (a full week wraps)."""
    for plan in ctx.library.plans.values():
        hard = [
            {muscle for entry in day.entries if entry.exercise in ctx.library.exercises for muscle in ctx.library.exercises[entry.exercise].hard}
            for day in plan.days
        ]
        for before, after in consecutive(len(plan.days)):
            shared = sorted(hard[before] & hard[after])
            if shared:
                names = ", ".join(shared)
                yield ctx.error(plan.file, ("days", after), "HD308", f"{names} is worked hard (load main or high) on both {plan.days[before].name} and {plan.days[after].name}", "put a rest day or a day for other muscles between them")


def _range(plan: Plan) -> tuple[int, int]:
    return SETS.get(plan.level, ANY_LEVEL)


def plan_weekly_sets(ctx: Context) -> Iterator[DataError]:
    """HD320: each muscle's weekly hard sets stay under the level's top; in a plan that names its level, the glutes' reach its bottom."""
    for plan in ctx.library.plans.values():
        low, high = _range(plan)
        counted = shape(ctx.library, plan)
        level = plan.level or "any"
        for muscle, (fewest, most) in counted.hard_sets.items():
            if most > high:
                yield ctx.error(plan.file, ("days",), "HD320", f"{muscle} is worked hard for up to {most} sets a week, more than the {low}-{high} for {level} level", "take a set or a move off, or spread it over fewer days", key=True)
        for muscle in FOCUS_MUSCLES:
            fewest = counted.hard_sets.get(muscle, (0, 0))[0]
            if plan.level and muscle in ctx.library.muscles and any(muscle in ex.hard for ex in ctx.library.exercises.values()) and fewest < low:
                yield ctx.error(plan.file, ("days",), "HD320", f"{muscle} is worked hard for {fewest} sets a week, fewer than the {low}-{high} for {level} level", "add a set or a move for it", key=True)


def plan_abduction_cap(ctx: Context) -> Iterator[DataError]:
    """HD321: direct abduction work stays under the level's cap of sets a week."""
    for plan in ctx.library.plans.values():
        cap = ABDUCTION_CAP.get(plan.level, ABDUCTION_CAP["advanced"])
        most = shape(ctx.library, plan).abduction_sets[1]
        if most > cap:
            yield ctx.error(plan.file, ("days",), "HD321", f"the week has up to {most} sets of direct abduction, more than the {cap} for {plan.level or 'any'} level", "drop a set or an abduction move; the one-legged lifts work the side of the hip too", key=True)


def plan_patterns(ctx: Context) -> Iterator[DataError]:
    """HD322: a week holds each pattern (squat/lunge/step, hinge, bridge, abduction) that its equipment allows."""
    for plan in ctx.library.plans.values():
        if not any(day.entries for day in plan.days):
            continue
        have = shape(ctx.library, plan).week_patterns()
        for kind in REQUIRED:
            if kind in allowed_patterns(ctx.library, plan.equipment, plan.level) and kind not in have:
                yield ctx.error(plan.file, ("days",), "HD322", f"the week has no {PATTERN_WORDS[kind]}, though its equipment allows one", "add one to a training day", key=True)


def plan_order(ctx: Context) -> Iterator[DataError]:
    """HD323: a day puts its heavy lifts (loaded two-legged squats, hinges and thrusts) before body-weight, abduction and trunk moves."""
    for plan in ctx.library.plans.values():
        for d, day in enumerate(plan.days):
            moves = [ctx.library.exercises.get(entry.exercise) for entry in day.entries]
            for e, ex in enumerate(moves):
                if ex is not None and demand(ex) <= 1 and any(m is not None and demand(m) >= 4 for m in moves[:e]):
                    yield ctx.error(plan.file, ("days", d, "exercises", e, "exercise"), "HD323", f"'{ex.id}' is a heavy lift after a lighter move on {day.name}", "put the heavy lifts first, while you are fresh")


RULES = (plan_equipment, plan_rest_between_primaries, plan_weekly_sets, plan_abduction_cap, plan_patterns, plan_order)
