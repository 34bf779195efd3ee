"""The words of a built week (generator/weeks/planner.py): titles, notes, reasons, messages.

Plain words (aim for school grade 8). A citation is written only when the
source is in the library, so a smaller library (the test fixture) still renders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.check.week_shape import ABDUCTION_CAP, SETS, pattern
from generator.model import Exercise, Library, in_sentence

if TYPE_CHECKING:
    from generator.weeks.model import BuiltWeek, Choice

FOCUS = {
    "F": "Glutes and the side of the hip",
    "G": "Glutes and thighs",
    "S": "The side of the hip",
}
REST_NOTES = {
    "rest": "A day off. Normal daily moving about is plenty.",
    "active-recovery": "An easy walk or bike ride of 20-40 minutes, at a pace where you can still chat.",
    "sunday": "A day off before the week starts again.",
}
LEVEL_TITLE = {"beginner": "for beginners", "intermediate": "intermediate level", "advanced": "advanced level"}
LEVEL_WHO = {
    "beginner": "new to strength training, or back after a long break",
    "intermediate": "who have trained regularly for about six months",
    "advanced": "who have trained hard for years",
}
NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
GUIDELINE = {"beginner": (2, 3), "intermediate": (3, 4), "advanced": (4, 5)}  # E7: training days a week
WHY = {
    "squat": "A squat, lunge or step: the thighs and the glute max",
    "hinge": "A hinge: the glute max and hamstrings as they stretch",
    "bridge": "A bridge or thrust: the glute max, on every glute day",
    "abduction": "Abduction: the side of the hip",
    "trunk": "A side hold: the trunk, and the side of the hip on the lower leg",
    "other": "Adds work for the {muscles}",
}
EFFORT = {
    "beginner": "Effort: stop each set with about three good reps still in you (three reps in reserve). Learning the moves comes first.",
    "intermediate": "Effort: end most sets with one to three good reps still in you (one to three reps in reserve).",
    "advanced": "Effort: on heavy days, end the first lifts with one or two reps in reserve; on light days, two to four. Take only the last set of an abduction move close to failure.",
}
TEXTS = {
    "ramp": "5 min easy cardio, then 2-4 ramp-up sets of the first lift",
    "general": "5-10 min easy cardio, then an easy set of the first move",
    "too-few": "Our library does not yet have enough moves of this kind to fill each training day with three good ones, without working a muscle hard on two days in a row.",
    "too-few-split": "With four or five days, some days come in pairs: glutes and thighs one day, the side of the hip the next, so no muscle works hard two days in a row. Our library does not yet have enough moves for this equipment and level to fill both kinds of day.",
    "fewer-days": "You have {days} days, but this week has {training} training days. With this equipment, the moves for the glutes and thighs also work the side of the hip hard, so two training days in a row would work it hard twice in a row. Your other days are easy days: a walk or a bike ride.",
    "missing": {
        "hinge": "What is missing: a hinge (a hip bend with a flat back), as ours all need a weight; a backpack with books in it can be the weight of the dumbbell Romanian deadlift.",
        "squat": "What is missing: a squat, lunge or step. Our library has none for this equipment yet.",
        "bridge": "What is missing: a bridge or hip thrust. Our library has none for this equipment yet.",
        "abduction": "What is missing: abduction work for the side of the hip. Our library has none for this equipment yet.",
    },
    "no-load": "What is missing: a move to load with weights, so the week gets harder by one-legged versions, slower lowering (3-4 seconds down) and 2-second pauses.",
    "outer-hip": "If your outer hip hurts, swap side-lying, side plank and crossing moves for standing or seated ones, and do fewer sets. [Outer-hip pain]({link}) gives the pain rule and says when to see a physiotherapist.",
}


def cite(library: Library, *sources: str) -> str:
    """' [@a] [@b]' for the sources the library has; '' if it has none of them."""
    found = [f"[@{source}]" for source in sources if source in library.sources]
    return (" " + " ".join(found)) if found else ""


def title(choice: Choice, phrase: str) -> str:
    return f"{choice.days}-day week {phrase}, {LEVEL_TITLE[choice.level]}"


def audience(choice: Choice, phrase: str) -> str:
    return f"People {LEVEL_WHO[choice.level]}, with {NUMBERS[choice.days]} days a week to train {phrase}."


def why(ex: Exercise, library: Library) -> str:
    found = [library.muscles[m].name.lower() for m in ex.primary if m in library.muscles]
    names = ", ".join(found[:-1]) + " and " + found[-1] if len(found) > 1 else "".join(found)
    return WHY[pattern(ex)].format(muscles=names or "hip")


def summary(week: BuiltWeek, library: Library, phrase: str) -> str:
    choice = week.choice
    if week.plan is None:
        return f"Our library cannot yet fill a {choice.days}-day week {phrase} at {choice.level} level well. This page says why and links the nearest week that works."
    names: dict[str, None] = {}  # the move each day opens with
    for day in week.plan.days:
        for entry in day.entries[:1]:
            names.setdefault(in_sentence(library.exercises[entry.exercise].name), None)
    first = list(names)[:3]
    listed = first[0] if len(first) == 1 else f"{', '.join(first[:-1])} and {first[-1]}"
    return f"A week of {NUMBERS[week.training_days]} training days for the glutes and the side of the hip {phrase}, {LEVEL_TITLE[choice.level]}, with the {listed}."


def _frequency(choice: Choice, library: Library) -> str:
    """Why more days would not add much: the equal-volume trial studied people who already lifted, so beginners get the guideline only."""
    if choice.level == "beginner":
        return f"Twice a week grew more muscle than once a week in a review of ten studies{cite(library, 'schoenfeld-2016')}, and a third day is plenty while you learn the moves."
    return f"In one trial of people who already lifted, the same weekly work done on two days or on four gave similar gains{cite(library, 'frequency-trial-2022')}."


def messages(week: BuiltWeek, library: Library) -> tuple[str, ...]:
    """What the reader should know first about this week, in a few plain sentences."""
    choice = week.choice
    low, high = GUIDELINE[choice.level]
    lines = []
    if week.training_days < min(choice.days, high):
        lines.append(TEXTS["fewer-days"].format(days=NUMBERS[choice.days], training=NUMBERS[week.training_days]))
    elif week.capped:
        spare = choice.days - week.training_days
        lines.append(
            f"You have {NUMBERS[choice.days]} days, but guidelines advise {low}-{high} training days a week at {choice.level} level{cite(library, 'ratamess-2009')}. "
            f"So this week has {NUMBERS[week.training_days]} training days, and {f'your other {NUMBERS[spare]} days are easy days' if spare > 1 else 'your other day is an easy day'}: a walk or a bike ride. "
            + _frequency(choice, library)
        )
    missing = " ".join(line if i == 0 else line.replace("What is missing: ", "Also missing: ", 1) for i, line in enumerate(week.missing))
    return (*lines, *((missing,) if missing else ()))


def notes(week: BuiltWeek, library: Library) -> tuple[str, ...]:
    choice = week.choice
    low, high = GUIDELINE[choice.level]
    fewest, most = SETS[choice.level]
    lines = [
        f"Levels follow the guideline's progression models{cite(library, 'ratamess-2009')}: beginner means new to strength training or back after a long break, "
        f"intermediate about six months of steady training, advanced years of it. The guideline advises {low}-{high} training days a week at {choice.level} level.",
    ]
    if choice.days < low:
        lines.append(f"With {NUMBERS[choice.days]} days, each muscle still works hard on two days a week. {_frequency(choice, library)}")
    lines += [
        f"Guidelines advise training each muscle group 2-3 days a week{cite(library, 'garber-2011')}. "
        f"Here no muscle works hard on two days in a row, Sunday to Monday included. Resting about 48 hours before working a muscle hard again is a rule of thumb, not a firm finding.",
        "A muscle counts as worked hard where a move works it as a main target or a hard-working helper; each exercise's data file says which, with a study or the reason. "
        "The one-legged lifts work the side of the hip hard too, so they sit on days with no training day beside them. "
        "Where two training days come in a row, the glutes-and-thighs day leaves the side of the hip easy, and the side-of-the-hip day leaves the glutes and thighs easy.",
        f"Sets: each muscle gets {fewest}-{most} hard sets a week at {choice.level} level, and direct abduction at most {ABDUCTION_CAP[choice.level]}. "
        f"In a review of 15 studies, more weekly sets per muscle went with more growth{cite(library, 'schoenfeld-2017')}; the range for each level is our reading, not the study's.",
        EFFORT[choice.level],
        "Order: the heaviest two-legged lifts come first while you are fresh, then one-legged lifts and bridges, then the side of the hip, then the side hold.",
        "Warm-up: the first row of each day. Ramp-up sets go from light to your working weight, for example 8 reps light, then 5 and 3 reps heavier.",
    ]
    if "plotkin-2023" in library.sources:
        lines.append("In one trial, hip thrusts and squats barely grew the gluteus medius and minimus [@plotkin-2023]. That is why each week has moves just for the side of the hip.")
    lines += [
        *((outer_hip_note("../../outer-hip-pain.md"),) if any(p.output == "outer-hip-pain.md" for p in library.pages.values()) else ()),
        f"This week builds strength and may add a little muscle. It cannot change bone shape. Training one body part has not been shown to burn the fat over it{cite(library, 'ramirez-campillo-2013')}.",
    ]
    return tuple(lines)


def outer_hip_note(link: str) -> str:
    """The pain rule and the outer-hip swaps, linked from every week; `link` is the page's address from the week."""
    return TEXTS["outer-hip"].format(link=link)


def sources_of(texts: tuple[str, ...], library: Library) -> tuple[str, ...]:
    from generator.citations import cited

    found: dict[str, None] = {}
    for text in texts:
        for source in cited(text):
            if source in library.sources:
                found.setdefault(source, None)
    return tuple(found)
