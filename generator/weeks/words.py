"""The words of a built week (generator/weeks/planner.py): titles, notes, reasons, messages.

Plain words (aim for school grade 8). A citation is written only when the
source is in the library, so a smaller library (the test fixture) still renders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.model import Library, in_sentence

if TYPE_CHECKING:
    from generator.weeks.model import BuiltWeek, Choice

FOCUS = {
    "F": "Glutes and the side of the hip",
    "S": "The side of the hip",
    "B": "Glutes and thighs, while the side of the hip rests",
}
REST_NOTES = {
    "rest": "A day off. Normal daily moving about is plenty.",
    "active-recovery": "An easy walk or bike ride of 20-40 minutes, at a pace where you can still chat.",
    "sunday": "A day off before the week starts again.",
}
LEVEL_TITLE = {"beginner": "for beginners", "intermediate": "intermediate level", "advanced": "advanced level"}
LEVEL_WHO = {
    "beginner": "new to strength training",
    "intermediate": "who have trained regularly for six months or more",
    "advanced": "who have trained hard for years",
}
NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
GUIDELINE = {"beginner": (2, 3), "intermediate": (3, 4), "advanced": (4, 5)}  # E7: training days a week
TEXTS = {
    "why-first": "Hardest move, first while you are fresh",
    "why-main": "Main move of the day",
    "why-frontal": "Side-to-side move for the {muscles}",
    "why-side": "More work for the side of the hip",
    "why-extra": "Adds work for the {muscles}",
    "too-few": "Our library does not yet have enough moves of this kind to fill each training day with three good ones, without training a muscle hard on two days in a row.",
    "too-easy": {
        "beginner": "Our library has no move yet that fits this equipment.",
        "intermediate": "Our library has no move yet at intermediate level for this equipment, so each day could not start with a move hard enough for you.",
        "advanced": "At advanced level, each day should start with a move you can load with weights, so you can keep adding a little weight as you get stronger. Our library has no such move for this equipment.",
    },
    "too-few-split": "With four or five days, the days take turns: the side of the hip one day, glutes and thighs the next, so no muscle works hard two days in a row. Our library does not yet have enough moves for this equipment and level to fill both kinds of day well.",
    "outer-hip": "If your outer hip hurts, swap side-lying, side plank and crossing moves for standing or seated ones, and do fewer sets. [Outer-hip pain]({link}) gives the pain rule and says when to see a physiotherapist.",
    "warm-up": "Warm up for 5-10 minutes: brisk marching or an easy bike ride, then one light set of the first move.",
}


def cite(library: Library, *sources: str) -> str:
    """' [@a] [@b]' for the sources the library has; '' if it has none of them."""
    found = [f"[@{source}]" for source in sources if source in library.sources]
    return (" " + " ".join(found)) if found else ""


def title(choice: Choice, phrase: str) -> str:
    return f"{choice.days}-day week {phrase}, {LEVEL_TITLE[choice.level]}"


def audience(choice: Choice, phrase: str) -> str:
    return f"People {LEVEL_WHO[choice.level]}, with {NUMBERS[choice.days]} days a week to train {phrase}."


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


def messages(week: BuiltWeek, library: Library) -> tuple[str, ...]:
    """What the reader should know first about this week, in a few plain sentences."""
    choice = week.choice
    low, high = GUIDELINE[choice.level]
    source = cite(library, "ratamess-2009")
    if week.capped:
        spare = choice.days - week.training_days
        return (
            f"You have {NUMBERS[choice.days]} days, but guidelines advise {low}-{high} training days a week at {choice.level} level{source}. "
            f"So this week has {NUMBERS[week.training_days]} training days, and {f'your other {NUMBERS[spare]} days are easy days' if spare > 1 else 'your other day is an easy day'}: a walk or a bike ride. "
            f"More training days would not add much: in one trial of people who already lifted, the same weekly work done on two days or on four gave similar gains{cite(library, 'frequency-trial-2022')}.",
        )
    return ()


def fewer_days(week: BuiltWeek, library: Library) -> tuple[str, ...]:
    """A note for a reader with fewer days than the guideline for the level."""
    choice = week.choice
    low, high = GUIDELINE[choice.level]
    source = cite(library, "ratamess-2009")
    if choice.days < low:
        return (
            f"Guidelines advise {low}-{high} training days a week at {choice.level} level{source}. "
            f"With {NUMBERS[choice.days]} days, each side-of-hip muscle still gets at least two days a week, "
            f"and in one trial of people who already lifted, the same weekly work done on two days or on four gave similar gains{cite(library, 'frequency-trial-2022')}.",
        )
    return ()


def notes(week: BuiltWeek, library: Library, side_days: int) -> tuple[str, ...]:
    choice = week.choice
    lines = [
        *fewer_days(week, library),
        f"The gluteus medius is a main target on {NUMBERS.get(side_days, str(side_days))} days this week. "
        f"Guidelines advise training each muscle group 2-3 days a week{cite(library, 'garber-2011')}. "
        f"In a review of ten studies, twice a week grew more muscle than once a week{cite(library, 'schoenfeld-2016')}.",
    ]
    if "gluteus-minimus" in library.muscles and not any("gluteus-minimus" in e.primary for e in library.exercises.values()):
        lines.append("No move in our library lists the gluteus minimus as its main target. It works with the gluteus medius in the side-of-hip moves, so it gets the same days.")
    lines += [
        "No muscle is a main target on two days in a row, Sunday to Monday included. Resting about 48 hours before you train a muscle hard again is a rule of thumb, not a firm finding.",
        "Each day starts with its hardest move and ends with the lightest, and has at least one side-to-side move. "
        f"Side-lying and side plank moves worked the gluteus medius hard in lab tests{cite(library, 'distefano-2009', 'boren-2011')}.",
    ]
    if "plotkin-2023" in library.sources:
        lines.append("In one trial, hip thrusts and squats barely grew the gluteus medius and minimus [@plotkin-2023]. That is why each week has moves just for the side of the hip.")
    sets = {"beginner": "the low end of each set range, to learn the moves", "intermediate": "the full set range of each move", "advanced": "the high end of each set range"}[choice.level]
    lines += [
        f"Sets: this week uses {sets}. Pick a band, a weight or a version of each move that makes the last few reps hard but clean. Stop a set when your form slips.",
        f"To progress, use the guideline idea for weights{cite(library, 'ratamess-2009')}. Can you do one or two reps more than the target on every set? Then make the move a little harder, as the list above says.",
        f"Repeat the week for 8-12 weeks. The first few sessions mostly cause swelling; true growth shows after about 18 sessions{cite(library, 'damas-2018')}.",
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
