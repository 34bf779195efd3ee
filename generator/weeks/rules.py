"""The rules every built week passes before it is published: all the week rules of the
hand-written plans (generator/check/plan_rules.py: HD307 equipment, HD308 rest between hard
days, HD320 weekly hard sets, HD321 abduction cap, HD322 patterns, HD323 order), plus what a
week built for a reader must also be: 3-5 moves a day, nothing above the reader's level, a
bridge or hip thrust on every glute day the kit allows, the side of the hip worked hard on
two days, and days within the guideline for the level.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.check.context import Context
from generator.check.plan_rules import RULES
from generator.check.week_shape import allowed_patterns, pattern, shape
from generator.model import Library, Plan
from generator.weeks.model import SESSION_MIN, SIDE_OF_HIP, rank
from generator.weeks.words import GUIDELINE


def problems(library: Library, plan: Plan, level: str, kit: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with a built week, by the same rules as the hand-written ones (empty when it is sound)."""
    checked = replace(library, plans={plan.id: replace(plan, level=level)})
    context = Context(checked, {}, {}, Path("."))
    found = [error.message for rule in RULES for error in rule(context)]
    training = [day for day in plan.days if day.kind == "training"]
    bridges = "bridge" in allowed_patterns(library, kit or plan.equipment, level)
    for day in training:
        moves = [library.exercises[entry.exercise] for entry in day.entries]
        if not SESSION_MIN <= len(moves) <= 5:
            found.append(f"{day.name} has {len(moves)} exercises")
        if any(rank(e.level) > rank(level) for e in moves):
            found.append(f"{day.name} has a move above {level} level")
        glute_day = any("gluteus-maximus" in e.hard and pattern(e) in ("squat", "hinge") for e in moves)
        if bridges and glute_day and not any(pattern(e) == "bridge" for e in moves):
            found.append(f"{day.name} works the glutes hard with no bridge or hip thrust")
    counted = shape(library, plan)
    for muscle in SIDE_OF_HIP:
        if muscle in library.muscles and any(muscle in e.hard for e in library.exercises.values()) and len(counted.hard_days.get(muscle, ())) < 2:
            found.append(f"{muscle} is worked hard on {len(counted.hard_days.get(muscle, ()))} days")
    low, high = GUIDELINE[level]
    if len(training) > high:
        found.append(f"{len(training)} training days is more than the {low}-{high} advised for {level} level")
    return found
