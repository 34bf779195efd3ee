"""The rules every built week passes before it is published: the same rule functions as the
hand-written weeks (HD307 equipment, HD308 rest between main targets), plus what a week built
for a reader must also be (3-5 moves a day, a side-to-side move every day, nothing above the
reader's level, the side of the hip on two days, days within the guideline for the level).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.check.context import Context
from generator.check.plan_rules import plan_equipment, plan_rest_between_primaries
from generator.model import Library, Plan
from generator.weeks.model import SESSION_MIN, SIDE_OF_HIP, rank
from generator.weeks.words import GUIDELINE


def problems(library: Library, plan: Plan, level: str) -> list[str]:
    """What is wrong with a built week, by the same rules as the hand-written ones (empty when it is sound)."""
    checked = replace(library, plans={plan.id: plan})
    context = Context(checked, {}, {}, Path("."))
    found = [error.message for rule in (plan_equipment, plan_rest_between_primaries) for error in rule(context)]
    training = [day for day in plan.days if day.kind == "training"]
    for day in training:
        moves = [library.exercises[entry.exercise] for entry in day.entries]
        if not SESSION_MIN <= len(moves) <= 5:
            found.append(f"{day.name} has {len(moves)} exercises")
        if not any(e.plane == "frontal" for e in moves):
            found.append(f"{day.name} has no side-to-side move")
        if any(rank(e.level) > rank(level) for e in moves):
            found.append(f"{day.name} has a move above {level} level")
    for muscle in SIDE_OF_HIP:
        if muscle not in library.muscles:
            continue
        main = any(muscle in e.primary for e in library.exercises.values())
        days = [day for day in training if any(muscle in (library.exercises[x.exercise].primary if main else library.exercises[x.exercise].muscles) for x in day.entries)]
        if len(days) < 2:
            found.append(f"{muscle} is trained on {len(days)} days")
    low, high = GUIDELINE[level]
    if len(training) > high:
        found.append(f"{len(training)} training days is more than the {low}-{high} advised for {level} level")
    return found
