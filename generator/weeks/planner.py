"""The planner: a week for the reader's days, equipment and level, built from the library.

`plan_weeks(library)` is a pure function: the same library gives the same 48
weeks (4 day counts x 4 equipment sets x 3 levels) on every build. Each week is
the same `Plan` model the hand-written weeks use, so it renders with the same
day cards, calendar file and checks. Every choice is made from sorted data,
never from set or dict order.

The programming follows the evidence sheet (rows E5-E9 and C):

- E7: training days are capped at the guideline for the level (beginner 2-3,
  intermediate 3-4, advanced 4-5 days); the reader's spare days become easy days.
- E5: the gluteus medius and gluteus minimus are each a main target on at least
  two days (the minimus through "worked", main or helping, while no exercise in
  the library lists it as a main target).
- E8: no muscle is a main target on two days in a row, Sunday to Monday
  included (48 h as a rule of thumb). The real HD308 rule checks every week.
- C (C1, C2, C7, C8): at least one side-to-side (frontal) move every training
  day, and side-of-hip moves besides the big lifts, which barely grew the
  gluteus medius and minimus.
- E9: doses come from each exercise's own dose; the level picks the low or high
  end of a set range. Progress is the exercise's `progress`, then its harder version.
  At advanced level each day opens with a move that takes load, so that the
  2-10% load rule can go on working.

A week the library cannot fill well (fewer than 3 fitting moves for a day, or
no move hard enough to open a day) is not padded: `BuiltWeek.plan` is None and
`nearest` names the closest week that works with what the reader has.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from generator.model import Day, Dose, Exercise, Library, Plan, PlanEntry
from generator.weeks import words
from generator.weeks.model import KIT_IDS, KITS, SESSION_MIN, SIDE_OF_HIP, BuiltWeek, Choice, Step, choices, kit_equipment, rank
from generator.weeks.rules import problems
from generator.weeks.words import FOCUS, GUIDELINE, REST_NOTES, TEXTS

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LOAD = frozenset({"barbell", "dumbbell", "kettlebell", "cable-machine", "hip-abduction-machine"})
# A week as 7 letters, Monday first: F whole hip, S side of the hip, B glutes and thighs
# (no side-of-hip main target), a an easy active day, r rest. Two training days in a
# row are always S then B or B then S, so no muscle is a main target on both.
LAYOUTS = {2: "FraFrar", 3: "FaFrFar", 4: "SBaSBar", 5: "SBaSBSr"}
PER_SESSION = {"beginner": (4, 3, 3, 3), "intermediate": (5, 4, 4, 4), "advanced": (5, 5, 4, 4)}  # by day count 2-5
SEARCH_LIMIT = 400  # sessions tried per week, so a large library stays fast



def _loaded(ex: Exercise) -> bool:
    return bool(LOAD & set(ex.equipment))


def opens_a_day(ex: Exercise, level: str) -> bool:
    """Hard enough to be the main move of a day at this level."""
    if level == "advanced":
        return _loaded(ex) and rank(ex.level) >= 1
    return rank(ex.level) >= rank(level)


def _big(ex: Exercise) -> bool:
    """Trains a big muscle other than the side of the hip and the core (buttock, thigh)."""
    return bool(set(ex.primary) - set(SIDE_OF_HIP) - {"core"})


def _suits(ex: Exercise, level: str) -> bool:
    """Worth a place at this level: at advanced level, a beginner move only if it takes load."""
    return level != "advanced" or rank(ex.level) >= 1 or _loaded(ex)


def _demand(ex: Exercise) -> tuple[int, int, int, int, int]:
    """How demanding a move is, most first: big muscles, load, many joints, level; core holds last."""
    return (set(ex.primary) != {"core"}, _big(ex), _loaded(ex), ex.mechanic == "compound", rank(ex.level))


def _side(ex: Exercise) -> bool:
    return bool(set(ex.primary) & set(SIDE_OF_HIP))


def _linked(a: Exercise, b: Exercise) -> bool:
    return a.id == b.id or b.id in a.harder or b.id in a.easier or a.id in b.harder or a.id in b.easier


def _dose(dose: Dose, level: str) -> Dose:
    """The exercise's own dose; a range of sets becomes its low end for beginners, its high end for advanced."""
    low, _, high = dose.sets.partition("-")
    if not high or level == "intermediate":
        return dose
    return replace(dose, sets=low if level == "beginner" else high)


@dataclass(frozen=True)
class _Slot:
    role: str  # main, frontal, side, extra
    ex: Exercise


def _sessions(kind: str, pool: tuple[Exercise, ...], forbidden: frozenset[str], used: Mapping[str, int], count: int, level: str) -> Iterator[tuple[_Slot, ...]]:
    """Every good session for one day, best first: a main move, a frontal move, side-of-hip work, then the rest."""
    allowed = [e for e in pool if not set(e.primary) & forbidden and not (kind == "B" and _side(e)) and not (kind == "S" and _big(e))]
    big = [e for e in allowed if _big(e)]
    mains = [e for e in allowed if _side(e)] if kind == "S" else (big or allowed)
    mains = [e for e in mains if opens_a_day(e, level)]
    mains.sort(key=lambda e: (used.get(e.id, 0), tuple(-x for x in _demand(e)), e.id))
    for main in mains:
        picked = [_Slot("main", main)]
        frontals = [e for e in allowed if e.plane == "frontal" and e.id != main.id]
        frontals.sort(key=lambda e: (not _side(e) if kind != "B" else 0, _linked(e, main), not _suits(e, level), used.get(e.id, 0), -rank(e.level), e.id))
        options = [None] if main.plane == "frontal" else frontals
        for frontal in options:
            slots = picked + ([_Slot("frontal", frontal)] if frontal else [])
            yield from _fill(kind, allowed, slots, used, count, level)


def _fill(kind: str, allowed: list[Exercise], slots: list[_Slot], used: Mapping[str, int], count: int, level: str) -> Iterator[tuple[_Slot, ...]]:
    slots = list(slots)
    while len(slots) < count:
        chosen = [s.ex for s in slots]
        muscles = {m for e in chosen for m in e.primary}
        planes = {e.plane for e in chosen}
        sides = sum(_side(e) for e in chosen)
        needs_side = kind != "B" and sides < (2 if kind == "S" else 1)
        rest = [e for e in allowed if e not in chosen and (not needs_side or _side(e))]
        if len(slots) >= SESSION_MIN:  # past the minimum, no padding: no second version of a move, nothing too easy, nothing that adds no new muscle, plane or (up to three) side-of-hip move
            rest = [e for e in rest if not any(_linked(e, c) for c in chosen) and _suits(e, level) and (set(e.primary) - muscles or e.plane not in planes or (_side(e) and sides < 3))]
        if not rest:
            break
        here = {e.id for e in allowed}
        # not a version of a move already picked, worth a place at the level, unused this week, a new main muscle, a new plane, the highest level, not a move whose harder version fits too
        best = min(rest, key=lambda e: (any(_linked(e, c) for c in chosen), not _suits(e, level), used.get(e.id, 0) > 0, not set(e.primary) - muscles, e.plane in planes, -rank(e.level), any(h in here for h in e.harder), e.id))
        slots.append(_Slot("side" if needs_side else "extra", best))
    chosen = [s.ex for s in slots]
    if len(slots) >= SESSION_MIN and (kind == "B" or any(_side(e) for e in chosen)) and any(e.plane == "frontal" for e in chosen):
        yield (slots[0], *sorted(slots[1:], key=lambda s: (tuple(-x for x in _demand(s.ex)), s.ex.id)))


def _week(library: Library, choice: Choice, equipment: tuple[str, ...], training: int) -> tuple[Plan, tuple[tuple[str, ...], ...]] | str:
    """The week's plan and the reason for each pick, or a sentence saying why there is none."""
    pool = tuple(sorted((e for e in library.exercises.values() if set(e.equipment) <= set(equipment) and rank(e.level) <= rank(choice.level)), key=lambda e: e.id))
    layout = LAYOUTS[training]
    count = PER_SESSION[choice.level][training - 2]
    if not any(opens_a_day(e, choice.level) for e in pool):
        return TEXTS["too-easy"][choice.level]
    tried = 0

    def search(day: int, built: dict[int, tuple[_Slot, ...]], used: dict[str, int]) -> dict[int, tuple[_Slot, ...]] | None:
        nonlocal tried
        if day == 7:
            return built
        kind = layout[day]
        if kind not in "FSB":
            return search(day + 1, built, used)
        neighbours = (day - 1) % 7, (day + 1) % 7
        forbidden = frozenset(m for n in neighbours if n in built for s in built[n] for m in s.ex.primary)
        for session in _sessions(kind, pool, forbidden, used, count, choice.level):
            tried += 1
            if tried > SEARCH_LIMIT:
                return None
            more = dict(used)
            for slot in session:
                more[slot.ex.id] = more.get(slot.ex.id, 0) + 1
            found = search(day + 1, {**built, day: session}, more)
            if found:
                return found
        return None

    built = search(0, {}, {})
    if not built:
        return TEXTS["too-few-split" if "B" in layout else "too-few"]
    days, why = [], []
    for index, kind in enumerate(layout):
        if kind in "FSB":
            session = built[index]
            days.append(Day(WEEKDAYS[index], "training", FOCUS[kind], tuple(PlanEntry(s.ex.id, _dose(s.ex.dose, choice.level)) for s in session), ""))
            why.append(tuple(_why(s, i, library) for i, s in enumerate(session)))
        else:
            kind_name = "rest" if kind == "r" else "active-recovery"
            days.append(Day(WEEKDAYS[index], kind_name, "", (), REST_NOTES["sunday" if index == 6 else kind_name]))
            why.append(())
    used = tuple(sorted({q for s in built.values() for slot in s for q in slot.ex.equipment}))  # what the reader needs for this week
    return Plan(choice.slug, f"plans/your-week/{choice.slug}", (), "", "", "", used, tuple(days), (), ()), tuple(why)


def _why(slot: _Slot, position: int, library: Library) -> str:
    found = [library.muscles[m].name.lower() for m in slot.ex.primary if m in library.muscles]
    names = ", ".join(found[:-1]) + " and " + found[-1] if len(found) > 1 else "".join(found)
    if position == 0:
        return TEXTS["why-first"]
    return TEXTS[f"why-{slot.role}"].format(muscles=names or "hip")


def _steps(library: Library, plan: Plan, why: tuple[tuple[str, ...], ...], equipment: tuple[str, ...]) -> tuple[Step, ...]:
    """One line per move of the week, in the order they first appear: its days, why it is there, how it gets harder."""
    days: dict[str, list[str]] = {}
    reasons: dict[str, list[str]] = {}
    for day, day_why in zip(plan.days, why, strict=True):
        for entry, reason in zip(day.entries, day_why, strict=True):
            days.setdefault(entry.exercise, []).append(day.name)
            if reason not in reasons.setdefault(entry.exercise, []):
                reasons[entry.exercise].append(reason)
    steps = []
    for ident, on in days.items():
        ex = library.exercises[ident]
        harder = tuple((h, tuple(q for q in library.exercises[h].equipment if q not in equipment)) for h in ex.harder if h in library.exercises)
        why = "; ".join(reason if i == 0 else reason[0].lower() + reason[1:] for i, reason in enumerate(reasons[ident]))
        steps.append(Step(ident, ex.progress, harder, tuple(on), why))
    return tuple(steps)


def plan_weeks(library: Library) -> tuple[BuiltWeek, ...]:
    """All 48 weeks, in the order of `choices()`."""
    attempts: dict[Choice, tuple[tuple[str, ...], int, tuple[Plan, tuple[tuple[str, ...], ...]] | str]] = {}
    for choice in choices():
        equipment = kit_equipment(library, choice.kit)
        training = min(choice.days, GUIDELINE[choice.level][1])
        result = _week(library, choice, equipment, training)
        if not isinstance(result, str) and problems(library, result[0], choice.level):
            result = TEXTS["too-few"]  # never publish a week that breaks a rule
        attempts[choice] = (equipment, training, result)
    working = [c for c, (_, training, result) in attempts.items() if not isinstance(result, str) and training == c.days]
    weeks = []
    for choice, (equipment, training, result) in attempts.items():
        if isinstance(result, str):
            nearest = _nearest(choice, working)
            weeks.append(BuiltWeek(choice, equipment, training, None, (), (), result, nearest))
        else:
            plan, why = result
            weeks.append(_worded(BuiltWeek(choice, equipment, training, plan, why, _steps(library, plan, why, equipment), "", None), library))
    return tuple(weeks)


def _worded(week: BuiltWeek, library: Library) -> BuiltWeek:
    """The plan's title, summary, audience, notes and sources."""
    assert week.plan is not None
    phrase = KITS[KIT_IDS.index(week.choice.kit)].phrase
    side_days = sum(1 for day in week.plan.days if any(_side(library.exercises[x.exercise]) for x in day.entries))
    notes = words.notes(week, library, side_days)
    plan = replace(
        week.plan, title=words.title(week.choice, phrase), summary=words.summary(week, library, phrase),
        audience=words.audience(week.choice, phrase), notes=notes, sources=words.sources_of(notes, library),
    )
    return replace(week, plan=plan)


def _nearest(choice: Choice, working: list[Choice]) -> Choice | None:
    """The closest working week that needs no more than the reader has: the same level if one works, then the most days, then the most kit."""
    fits = [c for c in working if c.days <= choice.days and KIT_IDS.index(c.kit) <= KIT_IDS.index(choice.kit) and rank(c.level) <= rank(choice.level)]
    if not fits:
        return None
    return min(fits, key=lambda c: (rank(choice.level) - rank(c.level), choice.days - c.days, KIT_IDS.index(choice.kit) - KIT_IDS.index(c.kit), c))
