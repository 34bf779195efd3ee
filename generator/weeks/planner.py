"""The planner: a week for the reader's days, equipment and level, built from the library.

`plan_weeks(library)` is a pure function: the same library gives the same 48
weeks (4 day counts x 4 equipment sets x 3 levels) on every build. Each week is
the same `Plan` model the hand-written weeks use, so it renders with the same
day cards, calendar file and rules. Every choice is made from sorted data,
never from set or dict order.

The week is scheduled from the load model (each exercise's `load:` list, read
by generator/check/week_shape.py), following the evidence sheet (rows E5-E9,
C and F4):

- E7: training days are capped at the guideline for the level (beginner 2-3,
  intermediate 3-4, advanced 4-5 days); the reader's spare days become easy days.
- E8: no muscle is worked hard (load main or high) on two days in a row,
  Sunday to Monday included. A day with no training day beside it works the
  whole hip (F); two days in a row split into glutes and thighs (G) and the
  side of the hip (S), so the one-legged lifts, which work both hard, sit on
  the whole-hip days (generator/weeks/sessions.py).
- Patterns: a squat, lunge or step, a hinge, a bridge or hip thrust on every
  glute day, and abduction work, wherever the kit and level allow them; a week
  that cannot have one says what is missing and what stands in for it.
- F4 (and the site's ranges): weekly hard sets per muscle within the level's
  range, direct abduction under its cap (generator/weeks/volume.py).
- At advanced level, heavy and light days take turns.

Every week then passes the same rules as the hand-written ones
(generator/weeks/rules.py). Only a library too small to fill three moves a
day gives no week; then `nearest` names the closest week that works.
"""

from __future__ import annotations

from dataclasses import replace

from generator.check.week_shape import REQUIRED, allowed_patterns, demand, loaded
from generator.model import Day, Exercise, Library, Plan
from generator.weeks import words
from generator.weeks.model import KIT_IDS, KITS, SESSION_MIN, BuiltWeek, Choice, Step, choices, kit_equipment, rank
from generator.weeks.rules import problems
from generator.weeks.sessions import session
from generator.weeks.volume import fit, training_day
from generator.weeks.words import FOCUS, GUIDELINE, REST_NOTES, TEXTS

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A week as 7 letters, Monday first: F whole hip, G glutes and thighs, S side of the hip,
# a an easy active day, r rest. An F day never has a training day beside it; G and S
# days come in pairs, so no muscle is worked hard on two days in a row.
LAYOUTS = {2: "FraFrar", 3: "FaFrFar", 4: "FaFrGSr", 5: "GSaGSGr"}
PER_SESSION = {"F": {"beginner": 4, "intermediate": 4, "advanced": 4}, "G": {"beginner": 3, "intermediate": 3, "advanced": 3}, "S": {"beginner": 3, "intermediate": 3, "advanced": 3}}  # moves a day, warm-up aside


def _efforts(layout: str, level: str) -> dict[int, str]:
    """At advanced level the F and G days take turns, heavy then light; S days and other levels have none."""
    if level != "advanced":
        return {}
    days = [i for i, kind in enumerate(layout) if kind in "FG"]
    return {day: ("heavy", "light")[n % 2] for n, day in enumerate(days)}


def _warm_up(first: Exercise) -> str:
    """Ramp-up sets before a heavy lift (a loaded squat, hinge or thrust); a general warm-up otherwise."""
    return TEXTS["ramp" if demand(first) <= 2 else "general"]


def _week(library: Library, choice: Choice, equipment: tuple[str, ...], training: int) -> tuple[Plan, tuple[tuple[str, ...], ...]] | str:
    """The week's plan and the reason for each pick, or a sentence saying why there is none."""
    kit, top = frozenset(equipment), rank(choice.level)
    pool = tuple(sorted((e for e in library.exercises.values() if kit.issuperset(e.equipment) and rank(e.level) <= top), key=lambda e: e.id))
    layout = LAYOUTS[training]
    efforts = _efforts(layout, choice.level) if any(loaded(e) and demand(e) <= 2 for e in pool) else {}  # heavy and light days need a lift to load
    built: dict[int, tuple[Exercise, ...]] = {}
    used: dict[str, int] = {}
    for index, kind in enumerate(layout):
        if kind not in "FGS":
            continue
        neighbours = (index - 1) % 7, (index + 1) % 7
        forbidden = frozenset(m for n in neighbours if n in built for ex in built[n] for m in ex.hard)
        turn = sum(1 for i in built if layout[i] == kind)
        moves = session(kind, pool, forbidden, used, PER_SESSION[kind][choice.level], choice.level, turn, efforts.get(index, ""))
        if len(moves) < SESSION_MIN:
            return TEXTS["too-few-split" if kind in "GS" else "too-few"]
        built[index] = moves
        for ex in moves:
            used[ex.id] = used.get(ex.id, 0) + 1
    days = []
    for index, kind in enumerate(layout):
        if kind in "FGS":
            effort = efforts.get(index, "")
            focus = FOCUS[kind] if not effort else f"{effort.capitalize()} day: {FOCUS[kind][0].lower()}{FOCUS[kind][1:]}"
            days.append(training_day(WEEKDAYS[index], focus, built[index], choice.level, effort, _warm_up(built[index][0])))
        else:
            kind_name = "rest" if kind == "r" else "active-recovery"
            days.append(Day(WEEKDAYS[index], kind_name, "", (), REST_NOTES["sunday" if index == 6 else kind_name]))
    needs = tuple(sorted({q for moves in built.values() for ex in moves for q in ex.equipment}))  # what the reader needs for this week
    plan = Plan(choice.slug, f"plans/your-week/{choice.slug}", (), "", "", "", needs, tuple(days), (), (), choice.level)
    plan = fit(library, plan, choice.level)
    why = tuple(tuple(words.why(library.exercises[x.exercise], library) for x in day.entries) for day in plan.days)
    return plan, why


def _steps(library: Library, plan: Plan, why: tuple[tuple[str, ...], ...], equipment: tuple[str, ...]) -> tuple[Step, ...]:
    """One line per move of the week, in the order they first appear: its days, why it is there, how it gets harder."""
    days: dict[str, list[str]] = {}
    reasons: dict[str, str] = {}
    for day, day_why in zip(plan.days, why, strict=True):
        for entry, reason in zip(day.entries, day_why, strict=True):
            days.setdefault(entry.exercise, []).append(day.name)
            reasons.setdefault(entry.exercise, reason)
    steps = []
    for ident, on in days.items():
        ex = library.exercises[ident]
        harder = tuple((h, tuple(q for q in library.exercises[h].equipment if q not in equipment)) for h in ex.harder if h in library.exercises)
        steps.append(Step(ident, ex.progress, harder, tuple(on), reasons[ident]))
    return tuple(steps)


def _missing(library: Library, choice: Choice, equipment: tuple[str, ...]) -> tuple[str, ...]:
    """A line for each pattern the kit and level leave out, and one for an advanced week with nothing to load."""
    allowed = allowed_patterns(library, equipment, choice.level)
    lines = [TEXTS["missing"][kind] for kind in REQUIRED if kind not in allowed and kind in TEXTS["missing"]]
    pool = [e for e in library.exercises.values() if set(e.equipment) <= set(equipment)]
    if choice.level == "advanced" and not any(loaded(e) for e in pool):
        lines.append(TEXTS["no-load"])
    return tuple(lines)


def plan_weeks(library: Library) -> tuple[BuiltWeek, ...]:
    """All 48 weeks, in the order of `choices()`."""
    attempts: dict[Choice, tuple[tuple[str, ...], int, tuple[Plan, tuple[tuple[str, ...], ...]] | str]] = {}
    for choice in choices():
        equipment = kit_equipment(library, choice.kit)
        training = min(choice.days, GUIDELINE[choice.level][1])
        result = _week(library, choice, equipment, training)
        while isinstance(result, str) and training > 2:  # the kit cannot fill days in a row: fewer training days, said so
            training -= 1
            result = _week(library, choice, equipment, training)
        if not isinstance(result, str) and problems(library, result[0], choice.level, equipment):
            result = TEXTS["too-few"]  # never publish a week that breaks a rule
        attempts[choice] = (equipment, training, result)
    working = [c for c, (_, training, result) in attempts.items() if not isinstance(result, str) and training == c.days]
    weeks = []
    for choice, (equipment, training, result) in attempts.items():
        if isinstance(result, str):
            weeks.append(BuiltWeek(choice, equipment, training, None, (), (), result, _nearest(choice, working)))
        else:
            plan, why = result
            week = BuiltWeek(choice, equipment, training, plan, why, _steps(library, plan, why, equipment), "", None, _missing(library, choice, equipment))
            weeks.append(_worded(week, library))
    return tuple(weeks)


def _worded(week: BuiltWeek, library: Library) -> BuiltWeek:
    """The plan's title, summary, audience, notes and sources."""
    assert week.plan is not None
    phrase = KITS[KIT_IDS.index(week.choice.kit)].phrase
    notes = words.notes(week, library)
    plan = replace(
        week.plan, title=words.title(week.choice, phrase), summary=words.summary(week, library, phrase),
        audience=words.audience(week.choice, phrase), notes=notes, sources=words.sources_of((*notes, *words.messages(week, library)), library),
    )
    return replace(week, plan=plan)


def _nearest(choice: Choice, working: list[Choice]) -> Choice | None:
    """The closest working week that needs no more than the reader has: the same level if one works, then the most days, then the most kit."""
    fits = [c for c in working if c.days <= choice.days and KIT_IDS.index(c.kit) <= KIT_IDS.index(choice.kit) and rank(c.level) <= rank(choice.level)]
    if not fits:
        return None
    return min(fits, key=lambda c: (rank(choice.level) - rank(c.level), choice.days - c.days, KIT_IDS.index(choice.kit) - KIT_IDS.index(c.kit), c))
