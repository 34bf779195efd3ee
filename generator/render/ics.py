"""An iCalendar (RFC 5545) file per plan: each training day a weekly event.

The first week starts on the Monday after the build date (the last commit's
date, SOURCE_DATE_EPOCH), so two builds of one commit give the same file.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from generator.model import Library, Plan

WEEKS = 12
PRODUCT = "-//Hip Dips, Honestly//Plans//EN"


def first_monday(build_date: dt.date) -> dt.date:
    return build_date + dt.timedelta(days=(7 - build_date.weekday()) % 7 or 7)


def plan_calendar(plan: Plan, library: Library, page_url: str, host: str, build_date: dt.date) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", plan.title)
    start = first_monday(build_date)
    stamp = dt.datetime.combine(build_date, dt.time(0, 0), tzinfo=dt.UTC)
    for index, day in enumerate(plan.days):
        if day.kind != "training":
            continue
        event = Event()
        event.add("uid", f"{plan.id}-day-{index + 1}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start + dt.timedelta(days=index))
        event.add("dtend", start + dt.timedelta(days=index + 1))
        event.add("rrule", {"freq": "weekly", "count": WEEKS})
        event.add("summary", f"{plan.title}: {day.focus}")
        lines = [f"- {library.exercises[entry.exercise].name}: {entry.dose.text}" for entry in day.entries]
        event.add("description", "\n".join([day.focus, *lines, "", page_url]))
        event.add("url", page_url)
        calendar.add_component(event)
    return calendar.to_ical()
