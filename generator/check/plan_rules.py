"""The rules a week of training passes: hand-written plans here; the built weeks run them too.

Each rule takes the checking context (generator/check/context.py) and yields
DataErrors; the registry (generator/check/registry.py) lists them, and the
planner's own checks (generator/weeks/rules.py) call them on every built week.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.context import Context
from generator.errors import DataError


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
    """HD308: no muscle is a primary target on two consecutive days (a full week wraps)."""
    for plan in ctx.library.plans.values():
        primaries = [
            {muscle for entry in day.entries if entry.exercise in ctx.library.exercises for muscle in ctx.library.exercises[entry.exercise].primary}
            for day in plan.days
        ]
        count = len(plan.days)
        pairs = [(i, i + 1) for i in range(count - 1)] + ([(count - 1, 0)] if count == 7 else [])
        for before, after in pairs:
            shared = sorted(primaries[before] & primaries[after])
            if shared:
                names = ", ".join(shared)
                yield ctx.error(plan.file, ("days", after), "HD308", f"{names} is a primary target on both {plan.days[before].name} and {plan.days[after].name}", "put a rest or different-focus day between them")
