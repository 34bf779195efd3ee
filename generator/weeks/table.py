"""The table of every built week, counted from the load model: `python -m generator.weeks.table`.

For each of the 48 choices it prints the training days, the days each muscle is worked hard,
the weekly hard sets per muscle (low-high when a plan gives a set range), the direct abduction
sets and the patterns, with the level's ranges. benchmarks/WEEKS.md is this output for the
library it was run on; run it again after changing exercises or the planner.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.check.validate import load
from generator.check.week_shape import ABDUCTION_CAP, PATTERNS, SETS, shape
from generator.model import Library, Plan
from generator.weeks.model import BuiltWeek
from generator.weeks.planner import plan_weeks

SHORT = {"gluteus-maximus": "GMax", "gluteus-medius": "GMed", "gluteus-minimus": "GMin", "quadriceps": "Quads", "hamstrings": "Hams", "adductors": "Add", "core": "Core", "erector-spinae": "Back", "tensor-fasciae-latae": "TFL", "calves": "Calves", "deep-hip-rotators": "Rot"}


def _cell(library: Library, plan: Plan) -> tuple[str, str, str, str]:
    counted = shape(library, plan)
    days = ", ".join(f"{SHORT.get(m, m)} {len(d)}" for m, d in counted.hard_days.items())
    sets = ", ".join(f"{SHORT.get(m, m)} {low}" + (f"-{high}" if high != low else "") for m, (low, high) in counted.hard_sets.items())
    kinds = counted.week_patterns()
    patterns = ", ".join(kind for kind in PATTERNS if kind in kinds)
    low, high = counted.abduction_sets
    return days, sets, f"{low}" + (f"-{high}" if high != low else ""), patterns


def table(library: Library, weeks: tuple[BuiltWeek, ...]) -> str:
    lines = [
        "# Every built week, counted from the load model",
        "",
        "Made by `python -m generator.weeks.table` from the library it ran on. A muscle is worked hard where an exercise's `load:` gives it the role main or high.",
        "Ranges per level (generator/check/week_shape.py): weekly hard sets " + "; ".join(f"{level} {low}-{high}" for level, (low, high) in SETS.items())
        + "; direct abduction at most " + "; ".join(f"{level} {cap}" for level, cap in ABDUCTION_CAP.items()) + ".",
        "",
        "| week | training days | hard days per muscle | weekly hard sets per muscle | abduction sets | patterns | missing |",
        "|---|---|---|---|---|---|---|",
    ]
    for week in weeks:
        if week.plan is None:
            lines.append(f"| {week.choice.slug} | none | | | | | {week.problem} |")
            continue
        days, sets, abduction, patterns = _cell(library, week.plan)
        missing = "; ".join(line.split(":")[1].split(".")[0].strip() for line in week.missing)
        lines.append(f"| {week.choice.slug} | {week.training_days} | {days} | {sets} | {abduction} | {patterns} | {missing} |")
    hand = [plan for plan in library.plans.values()]
    if hand:
        lines += ["", "## Hand-written weeks", "", "| week | level | hard days per muscle | weekly hard sets per muscle | abduction sets | patterns |", "|---|---|---|---|---|---|"]
        for plan in hand:
            days, sets, abduction, patterns = _cell(library, plan)
            lines.append(f"| {plan.id} | {plan.level or 'none named'} | {days} | {sets} | {abduction} | {patterns} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    library = load(Path(sys.argv[1] if len(sys.argv) > 1 else ".")).library
    sys.stdout.write(table(library, plan_weeks(library)))


if __name__ == "__main__":
    main()
