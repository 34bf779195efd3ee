"""An iCalendar (RFC 5545) file per plan: one event per training day of each of the 12 weeks.

The events follow the block (generator/weeks/block.py): each one's description says which
week of the 12 it is and what that week asks (add reps, add load, a lighter week, the test).
Titles are short enough for a phone: "Hips A: box squat, glute bridge", the letter naming
the day's session. The file starts on the Monday after the build date (the last commit's
date, SOURCE_DATE_EPOCH), so two builds of one commit give the same file; on the page, a
small script (overrides/assets/javascripts/calendar.js) moves every date to the start the
reader picks and makes the file in the browser.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from generator.model import Day, Library, Plan
from generator.weeks.block import WEEKS, phase_of

PRODUCT = "-//Hip Dips, Honestly//Plans//EN"
TITLE_MAX = 40  # characters a phone's calendar shows in a row


def first_monday(build_date: dt.date) -> dt.date:
    return build_date + dt.timedelta(days=(7 - build_date.weekday()) % 7 or 7)


def session_letters(plan: Plan) -> dict[int, str]:
    """A letter per distinct session, in the order they first appear: the same moves get the same letter."""
    seen: dict[tuple[str, ...], str] = {}
    letters = {}
    for index, day in enumerate(plan.days):
        if day.kind == "training":
            moves = tuple(entry.exercise for entry in day.entries)
            letters[index] = seen.setdefault(moves, "ABCDEFG"[len(seen) % 7])
    return letters


def title(day: Day, letter: str, library: Library) -> str:
    """'Hips A: box squat, glute bridge': as many of the day's moves as fit in TITLE_MAX characters."""
    text = f"Hips {letter}"
    names = [library.exercises[entry.exercise].name.lower() for entry in day.entries]
    shown: list[str] = []
    for name in names:
        if len(f"{text}: {', '.join([*shown, name])}") > TITLE_MAX:
            break
        shown.append(name)
    return f"{text}: {', '.join(shown)}" if shown else text


def plan_calendar(plan: Plan, library: Library, page_url: str, host: str, build_date: dt.date) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", plan.title)
    start = first_monday(build_date)
    stamp = dt.datetime.combine(build_date, dt.time(0, 0), tzinfo=dt.UTC)
    letters = session_letters(plan)
    for week in range(1, WEEKS + 1):
        phase = phase_of(week)
        for index, day in enumerate(plan.days):
            if day.kind != "training":
                continue
            date = start + dt.timedelta(days=7 * (week - 1) + index)
            event = Event()
            event.add("uid", f"{plan.id}-week-{week}-day-{index + 1}@{host}")
            event.add("dtstamp", stamp)
            event.add("dtstart", date)
            event.add("dtend", date + dt.timedelta(days=1))
            event.add("summary", title(day, letters[index], library))
            lines = [f"- {library.exercises[entry.exercise].name}: {entry.dose.text}" for entry in day.entries]
            header = f"Week {week} of {WEEKS}: {phase.name}. {phase.what}"
            event.add("description", "\n".join([header, "", day.focus, *lines, "", page_url]))
            event.add("url", page_url)
            calendar.add_component(event)
    return calendar.to_ical()
