"""The planner (generator/weeks/planner.py): every built week follows the plan rules, on the real
library and on libraries that gain or lose exercises; the fixture's weeks are pinned by the
golden files under tests/golden/plans/your-week/ (compared in tests/test_pipeline.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from generator.check import safety, wording
from generator.check.context import Context
from generator.check.plan_rules import RULES
from generator.check.week_shape import ABDUCTION_CAP, FOCUS_MUSCLES, REQUIRED, SETS, allowed_patterns, consecutive, demand, pattern, shape
from generator.check.validate import load
from generator.link import link
from generator.model import LEVELS, Library, Load
from generator.render.pages import render
from generator.weeks.model import DAY_COUNTS, KIT_IDS, SIDE_OF_HIP, BuiltWeek, Choice, choices, kit_equipment
from generator.weeks.pages import week_page, week_path
from generator.weeks.planner import plan_weeks
from generator.weeks.rules import problems
from generator.weeks.words import GUIDELINE
from tests.conftest import FIXTURE, REPO

GOLDEN = Path(__file__).resolve().parent / "golden"


@cache
def real() -> Library:
    return load(REPO).library


def rule_errors(library: Library, weeks: tuple[BuiltWeek, ...]) -> list[str]:
    """Every week rule (HD307, HD308, HD320-HD323), run by the rule code itself over the built weeks as if they were hand-written."""
    built = {week.plan.id: week.plan for week in weeks if week.plan}
    context = Context(replace(library, plans=built), {}, {}, REPO)
    return [error.format() for rule in RULES for error in rule(context)]


def check_week(library: Library, week: BuiltWeek) -> None:
    """Everything a built week promises, checked from the outside with the load model."""
    choice, plan = week.choice, week.plan
    assert plan is not None
    assert [day.name for day in plan.days] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    training = [day for day in plan.days if day.kind == "training"]
    assert 2 <= len(training) <= min(choice.days, GUIDELINE[choice.level][1])
    kit = set(kit_equipment(library, choice.kit))
    hard = [{m for x in day.entries for m in library.exercises[x.exercise].hard} for day in plan.days]
    for before, after in consecutive(7):
        assert not hard[before] & hard[after], f"{choice.slug}: {hard[before] & hard[after]} hard on {plan.days[before].name} and {plan.days[after].name}"
    for day, why in zip(plan.days, week.why, strict=True):
        assert len(why) == len(day.entries) and all(why)
        if day.kind != "training":
            assert not day.entries
            continue
        moves = [library.exercises[entry.exercise] for entry in day.entries]
        assert 3 <= len(moves) <= 5, day
        assert [demand(ex) for ex in moves] == sorted(demand(ex) for ex in moves), f"{choice.slug} {day.name} is not in order of demand"
        assert "easy" in day.notes, "every training day has its warm-up"
        assert len({ex.id for ex in moves}) == len(moves)
        for ex, entry in zip(moves, day.entries, strict=True):
            assert set(ex.equipment) <= kit and set(ex.equipment) <= set(plan.equipment)
            assert LEVELS.index(ex.level) <= LEVELS.index(choice.level)
            assert (entry.dose.seconds, entry.dose.per_side, entry.dose.rest_seconds) == (ex.dose.seconds, ex.dose.per_side, ex.dose.rest_seconds)
        if any("gluteus-maximus" in ex.hard and pattern(ex) in ("squat", "hinge") for ex in moves) and "bridge" in allowed_patterns(library, tuple(kit), choice.level):
            assert any(pattern(ex) == "bridge" for ex in moves), f"{choice.slug} {day.name}: a glute day with no bridge"
    counted = shape(library, plan)
    low, high = SETS[choice.level]
    assert all(most <= high for _, most in counted.hard_sets.values())
    for muscle in FOCUS_MUSCLES:
        if any(muscle in e.hard for e in library.exercises.values()):
            assert counted.hard_sets.get(muscle, (0, 0))[0] >= low, f"{choice.slug}: {muscle} below {low} sets"
    assert counted.abduction_sets[1] <= ABDUCTION_CAP[choice.level]
    for kind in REQUIRED:
        if kind in allowed_patterns(library, tuple(kit), choice.level):
            assert kind in counted.week_patterns(), f"{choice.slug} has no {kind}"
    for muscle in SIDE_OF_HIP:
        if muscle in library.muscles and any(muscle in e.hard for e in library.exercises.values()):
            assert len(counted.hard_days.get(muscle, ())) >= 2, f"{choice.slug}: {muscle}"
    assert {step.exercise for step in week.steps} == {x.exercise for day in plan.days for x in day.entries}
    assert problems(library, plan, choice.level, tuple(kit)) == []


def check_all(library: Library) -> tuple[BuiltWeek, ...]:
    weeks = plan_weeks(library)
    assert [week.choice for week in weeks] == list(choices())
    assert rule_errors(library, weeks) == []
    working = {week.choice for week in weeks if week.plan and not week.capped}
    for week in weeks:
        if week.plan:
            check_week(library, week)
        else:
            assert week.problem
            if week.nearest:
                assert week.nearest in working
                assert week.nearest.days <= week.choice.days and LEVELS.index(week.nearest.level) <= LEVELS.index(week.choice.level)
                assert KIT_IDS.index(week.nearest.kit) <= KIT_IDS.index(week.choice.kit)
    return weeks


def test_every_choice_has_one_stable_address() -> None:
    slugs = [choice.slug for choice in choices()]
    assert len(slugs) == len(set(slugs)) == 4 * 4 * 3
    assert "3-days-mini-band-beginner" in slugs and "5-days-gym-advanced" in slugs and "2-days-no-equipment-beginner" in slugs
    assert all(re.fullmatch(r"[2-5]-days-(no-equipment|mini-band|bands-and-dumbbells|gym)-(beginner|intermediate|advanced)", slug) for slug in slugs)
    assert week_path(Choice(3, "mini-band", "beginner")) == "plans/your-week/3-days-mini-band-beginner.md"


def test_every_week_from_the_real_library_follows_the_plan_rules(capsys: pytest.CaptureFixture[str]) -> None:
    weeks = check_all(real())
    full = [w for w in weeks if w.plan and not w.capped]
    capped = [w for w in weeks if w.plan and w.capped]
    with capsys.disabled():
        print(f"\n{len(full)} full weeks, {len(capped)} with fewer training days than chosen")
    assert all(week.plan for week in weeks), "every one of the 48 choices gives a week on the real library"


def test_the_real_library_gives_the_weeks_a_coach_would_expect() -> None:
    library = real()
    weeks = {week.choice.slug: week for week in plan_weeks(library)}
    assert weeks["3-days-mini-band-beginner"].plan and not weeks["3-days-mini-band-beginner"].capped
    # more days than a beginner should train: the same three-day week, said so plainly
    five = weeks["5-days-mini-band-beginner"]
    assert five.capped and five.plan and weeks["3-days-mini-band-beginner"].plan
    assert five.plan.days == weeks["3-days-mini-band-beginner"].plan.days
    assert "three training days" in " ".join(week_page(five, library).messages)
    # beginners are never told about a trial of people who already lifted
    for slug, week in weeks.items():
        if slug.endswith("beginner"):
            assert "frequency-trial-2022" not in " ".join((*week_page(week, library).messages, *(week.plan.notes if week.plan else ()))), slug
    # advanced with no equipment: a week of one-legged, tempo and pause progressions, and a line saying what is missing
    bare = weeks["3-days-no-equipment-advanced"]
    assert bare.plan and any("load" in line for line in bare.missing)
    # the big gym week: heavy and light days, a bridge or thrust on every glute day, at most 16 abduction sets
    gym = weeks["5-days-gym-advanced"]
    assert gym.plan and {"Heavy", "Light"} <= {day.focus.split()[0] for day in gym.plan.days if day.focus}
    assert shape(library, gym.plan).abduction_sets[1] <= 16
    heavy = [day for day in gym.plan.days if day.focus.startswith("Heavy")]
    assert all("ramp-up sets" in day.notes for day in heavy if library.exercises[day.entries[0].exercise].equipment)


def test_the_same_library_gives_the_same_weeks_whatever_its_order() -> None:
    library = real()
    shuffled = replace(library, exercises=dict(reversed(list(library.exercises.items()))), equipment=dict(reversed(list(library.equipment.items()))))
    assert plan_weeks(library) == plan_weeks(shuffled) == plan_weeks(real())


def test_a_new_valid_exercise_can_change_a_week_but_never_breaks_one() -> None:
    library = real()
    base = library.exercises["side-lying-hip-abduction"]
    extras = [
        # the first exercise in the library that makes the gluteus minimus a main target
        replace(base, id="kettlebell-hip-hike", name="Kettlebell hip hike", aliases=(), level="advanced", equipment=("kettlebell",), primary=("gluteus-minimus",), secondary=("gluteus-medius",), easier=(), harder=(), substitutes=(),
                load=(Load("gluteus-minimus", "main", reason="the hip hikes the pelvis up against the kettlebell"), Load("gluteus-medius", "high", reason="it hikes the pelvis with the gluteus minimus"))),
        # a loaded, advanced, side-to-side big-muscle move with no equipment the kits name
        replace(base, id="sled-side-drag", name="Sled side drag", aliases=(), level="advanced", mechanic="compound", equipment=("barbell",), primary=("gluteus-maximus", "quadriceps", "gluteus-medius"), easier=(), harder=(), substitutes=(),
                load=tuple(Load(m, "main", reason="it drags the sled sideways with every step") for m in ("gluteus-maximus", "quadriceps", "gluteus-medius"))),
        # an exercise for a muscle the planner knows nothing special about
        replace(base, id="calf-raise", name="Calf raise", aliases=(), plane="sagittal", primary=("calves",), secondary=(), easier=(), harder=(), substitutes=(), load=(Load("calves", "main", reason="the heels rise against body weight"),)),
    ]
    for extra in extras:
        bigger = replace(library, exercises=dict(sorted({**library.exercises, extra.id: extra}.items())))
        check_all(bigger)
        render(bigger, link(bigger), plan_weeks(bigger))


@pytest.mark.parametrize("keep", [0, 1, 3, 6])
def test_a_library_missing_most_exercises_still_builds(keep: int) -> None:
    library = real()
    kept = ("glute-bridge", "fire-hydrant", "side-plank", "banded-clamshell", "goblet-squat", "lateral-band-walk")[:keep]
    small = replace(library, exercises={k: replace(v, easier=(), harder=(), substitutes=()) for k, v in library.exercises.items() if k in kept}, plans={}, myths={})
    weeks = check_all(small)
    if keep < 3:
        assert all(week.plan is None and week.nearest is None for week in weeks)
    files = render(small, link(small), plan_weeks(small))
    assert all(f"plans/your-week/{choice.slug}.md" in files for choice in choices())


def test_every_single_exercise_removed_still_gives_sound_weeks() -> None:
    library = real()
    for ident in library.exercises:
        rest = {k: v for k, v in library.exercises.items() if k != ident}
        check_all(replace(library, exercises={k: replace(v, easier=tuple(x for x in v.easier if x != ident), harder=tuple(x for x in v.harder if x != ident)) for k, v in rest.items()}))


def test_fixture_library_weeks_follow_the_rules_and_have_golden_pages() -> None:
    library = load(FIXTURE).library
    weeks = check_all(library)
    assert any(week.plan for week in weeks) and any(not week.plan for week in weeks)
    for choice in choices():
        assert (GOLDEN / week_path(choice)).is_file(), week_path(choice)


def test_every_word_of_a_built_week_is_honest_and_safe() -> None:
    library = real()
    for week in plan_weeks(library):
        page = week_page(week, library)
        texts = [page.title, page.description, page.audience, week.problem, *page.messages, *(w for day in week.why for w in day)]
        if week.plan:
            texts += [*week.plan.notes, week.plan.summary, *(day.notes for day in week.plan.days), *(day.focus for day in week.plan.days)]
        for text in texts:
            assert not list(wording.problems_in_text(text)), text
            assert not list(safety.problems_in_text(text)), text


def test_week_pages_render_with_calendars_and_search_engine_rules() -> None:
    library = real()
    files = render(library, link(library), plan_weeks(library))
    weeks = plan_weeks(library)
    for week in weeks:
        page = files[week_path(week.choice)].decode()
        calendar = week_path(week.choice).removesuffix(".md") + ".ics"
        assert (calendar in files) == (week.plan is not None)
        assert ("robots: " in page) == (week.plan is None or week.capped)
        assert "## Change one thing" in page
        if week.nearest:
            assert f"({week.nearest.slug}.md)" in page
    index = files["plans/index.md"].decode()
    assert 'data-hd-chooser data-pattern="your-week/{days}-days-{kit}-{level}/"' in index
    for choice in choices():
        assert f"(your-week/{choice.slug}.md)" in index
    assert len({d for d in DAY_COUNTS}) == 4
