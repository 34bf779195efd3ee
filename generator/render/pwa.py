"""The week in your pocket: the web app manifest, the session data and the service worker.

Everything here is made by the generator at build time (no MkDocs hook):

- `pocket_pages`: two Markdown pages, the session view (`session/`, filled in by
  overrides/assets/javascripts/session.js from a week's JSON) and the page the
  worker shows offline for a page that was never kept (`offline/`).
- `pocket_data`: the manifest, one JSON file per week (its days, each move's
  dose, rest, key cue, figure and progression rule, and the addresses to keep
  offline) and one small figure per exercise used in a week.
- `write_worker`: the icons and the worker itself (`sw.js`, at the root of the
  site, so its scope is the whole site without a Service-Worker-Allowed header).
  Its cache names carry a hash of every file the build made, so a new build
  fills new caches and the old ones are removed when it takes over.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from functools import cache
from html import escape
from pathlib import Path

from generator.draw.card import BLUE
from generator.draw.icon import ICON_SIZES, draw_icon
from generator.draw.poses import card_figure
from generator.link import output_path
from generator.model import Dose, Exercise, Library, Plan
from generator.render.structured import Site, plain
from generator.weeks.model import BuiltWeek
from generator.weeks.pages import week_page, week_path
from generator.write import write_file

TEMPLATES = Path(__file__).resolve().parent / "templates"
SESSION_DIR = "assets/sessions"
FIGURE_DIR = "assets/figures"
ICON_DIR = "assets/icons"
WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
# Kept in every version's shell cache (relative to the site's root); the worker adds
# the theme's own stylesheets and scripts it finds on the home page.
SHELL = ("./", "offline/", "session/", MANIFEST, "assets/javascripts/pwa.js", "assets/javascripts/session.js", "assets/stylesheets/pocket.css")


def icon_path(size: int) -> str:
    return f"{ICON_DIR}/icon-{size}.png"


def week_key(page: str) -> str:
    """A week's page in the Markdown tree -> its key: plans/gym-week.md -> plans/gym-week."""
    return page.removesuffix(".md")


def session_path(key: str) -> str:
    return f"{SESSION_DIR}/{key}.json"


def figure_path(exercise_id: str) -> str:
    return f"{FIGURE_DIR}/{exercise_id}.svg"


def url_of(page: str) -> str:
    """A Markdown page -> its address relative to the site's root: plans/gym-week.md -> plans/gym-week/."""
    stem = page.removesuffix(".md")
    return "./" if stem == "index" else stem.removesuffix("/index") + "/"


def _top(value: str) -> int:
    """The top of a range written as text: '10-12' -> 12, '3' -> 3, '' -> 0."""
    numbers = [int(n) for n in re.findall(r"\d+", value)]
    return max(numbers, default=0)


def _bottom(value: str) -> int:
    numbers = [int(n) for n in re.findall(r"\d+", value)]
    return min(numbers, default=0)


@dataclass(frozen=True)
class Move:
    """One entry of a training day, as the session view shows it."""

    id: str
    name: str
    href: str  # the exercise page, from the site's root
    figure: str  # the small figure, from the site's root ("" without a pose)
    alt: str
    cue: str  # the one key cue: the exercise's first
    dose: str  # the dose in words
    sets: int  # a box per set: the top of the range
    low: int  # the bottom of the target range of reps or seconds
    high: int  # its top: past it, the progression rule moves on
    unit: str  # "reps" or "s"
    per_side: bool
    rest: int  # seconds: the top of the dose's rest
    rule: str  # the exercise's own progression rule, in plain words


@dataclass(frozen=True)
class SessionDay:
    name: str
    focus: str
    moves: tuple[Move, ...]


@dataclass(frozen=True)
class SessionWeek:
    key: str
    title: str
    href: str
    days: tuple[SessionDay, ...]
    keep: tuple[str, ...]  # what "Keep this week offline" stores, from the site's root


def move(ex: Exercise, dose: Dose) -> Move:
    target = dose.reps or dose.seconds
    return Move(
        ex.id, ex.name, url_of(output_path("exercise", ex.id)), figure_path(ex.id) if ex.pose else "",
        f"{ex.name}: the end position" if ex.pose else "", plain(ex.cues[0]) if ex.cues else "", dose.text,
        max(_top(dose.sets), 1), _bottom(target), _top(target), "reps" if dose.reps else "s", dose.per_side,
        _top(dose.rest_seconds), plain(ex.progress),
    )


def session_week(page: str, title: str, plan: Plan, library: Library) -> SessionWeek:
    key = week_key(page)
    days = tuple(
        SessionDay(day.name, day.focus or day.kind_label, tuple(move(library.exercises[e.exercise], e.dose) for e in day.entries))
        for day in plan.days
    )
    moves = {m.id: m for day in days for m in day.moves}
    keep = [url_of(page), session_path(key), *sorted(m.href for m in moves.values()), *sorted(m.figure for m in moves.values() if m.figure)]
    return SessionWeek(key, title, url_of(page), days, tuple(keep))


def session_weeks(library: Library, weeks: Iterable[BuiltWeek]) -> tuple[SessionWeek, ...]:
    """Every week that has training days: the hand-written plans, then the built weeks."""
    found = [session_week(output_path("plan", p.id), p.title, p, library) for p in library.plans.values()]
    found += [session_week(week_path(w.choice), week_page(w, library).title, w.plan, library) for w in weeks if w.plan]
    return tuple(found)


def paper_log(page: str, plan: Plan, library: Library) -> str:
    """The week's log on paper (printed on a sheet of its own, hidden on screen): per training
    day, each move with a small figure, its dose and key cue, and an empty cell per set for
    the load and the reps. One HTML block without blank lines, so Markdown passes it through."""
    up = "../" * (page.count("/") + 1)  # from the page's address (plans/gym-week/) to the site's root
    days = []
    for day in plan.days:
        if not day.entries:
            continue
        moves = [move(library.exercises[e.exercise], e.dose) for e in day.entries]
        most = max(m.sets for m in moves)
        rows = []
        for m in moves:
            figure = f'<img src="{up}{m.figure}" alt="" width="48" height="36" loading="lazy">' if m.figure else ""
            cells = '<td class="hd-paper-log__set">kg ____ x ____</td>' * m.sets + '<td class="hd-paper-log__none"></td>' * (most - m.sets)
            rows.append(f'<tr><th scope="row">{figure}<strong>{escape(m.name)}</strong>: {escape(m.dose)}.<br>Key cue: {escape(m.cue)}</th>{cells}</tr>')
        head = "".join(f'<th scope="col">Set {n}</th>' for n in range(1, most + 1))
        caption = f"<caption>{escape(day.name)}: date __________</caption>"
        days.append(f'<table>{caption}<thead><tr><th scope="col">Move</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    intro = "<p><strong>Your log for this week.</strong> For each set, write the load (kg, or the band) and the reps or seconds.</p>"
    return f'<div class="hd-paper-log">{intro}{"".join(days)}</div>'


def manifest(site: Site) -> dict[str, object]:
    """The web app manifest. Addresses are relative to the manifest, which sits at the site's root."""
    return {
        "name": site.name,
        "short_name": "Hip dips",
        "description": "Exercises, sample weeks and a session view with a rest timer, on your phone, also offline.",
        "lang": "en",
        "start_url": "./",
        "scope": "./",
        "id": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": BLUE,
        "icons": [{"src": icon_path(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"} for size in ICON_SIZES],
    }


def _page(title: str, description: str, body: str) -> str:
    head = f"title: {json.dumps(title)}\ndescription: {json.dumps(description)}\nrobots: \"noindex, follow\"\nhide:\n  - navigation\n  - toc"
    return f"---\n{head}\n---\n\n{body}"


def pocket_pages() -> dict[str, str]:
    """The session view and the offline page, as Markdown (raw HTML blocks pass through)."""
    session = _page(
        "Session", "One training day of a week: each move with its figure, key cue and dose, a rest timer and your log.",
        "# Session\n\n"
        '<div class="hd-session" data-hd-session>\n'
        "<p>The session view needs JavaScript. Each week's page has the same moves, doses and cues, "
        'and it prints with empty boxes for your log. <a href="../plans/">Choose a week</a>.</p>\n'
        "</div>\n\n"
        '<script src="../assets/javascripts/session.js"></script>\n',
    )
    offline = _page(
        "You are offline", "The page the site shows when you are offline and the page you asked for was not kept.",
        "# You are offline\n\n"
        "This page was not kept for offline use, so it cannot open without a connection. "
        "Weeks you keep offline open anywhere.\n\n"
        '<div class="hd-kept" data-hd-kept>\n'
        '<p><a href="../">The home page</a> works offline once you have visited the site.</p>\n'
        "</div>\n",
    )
    return {"session.md": session, "offline.md": offline}


def pocket_data(library: Library, weeks: Iterable[BuiltWeek], site: Site) -> dict[str, bytes]:
    """The manifest, each week's session JSON and the figures they show."""
    files: dict[str, bytes] = {MANIFEST: json.dumps(manifest(site), indent=2, ensure_ascii=False).encode() + b"\n"}
    used: set[str] = set()
    for week in session_weeks(library, weeks):
        files[session_path(week.key)] = json.dumps(asdict(week), ensure_ascii=False, separators=(",", ":")).encode()
        used.update(m.id for day in week.days for m in day.moves if m.figure)
    for ident in sorted(used):
        files[figure_path(ident)] = card_figure(library.exercises[ident]).encode()
    return files


@cache
def icons(site_name: str) -> dict[str, bytes]:
    return {icon_path(size): draw_icon(size, site_name) for size in ICON_SIZES}


def worker_paths() -> frozenset[str]:
    """What `write_worker` writes into the Markdown tree (the write stage leaves them in place)."""
    return frozenset({WORKER, *(icon_path(size) for size in ICON_SIZES)})


def build_hash(files: Mapping[str, bytes], extra: Iterable[str], theme: Path | None) -> str:
    """A hash of the whole build: every generated file, the other files' keys (the preview
    cards), and the theme's own files (templates, stylesheets and scripts in overrides/)."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + hashlib.sha256(files[path]).digest())
    for key in sorted(extra):
        digest.update(key.encode() + b"\0")
    if theme is not None and theme.is_dir():
        for file in sorted(p for p in theme.rglob("*") if p.is_file()):
            digest.update(file.relative_to(theme).as_posix().encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:16]


def worker(version: str) -> str:
    source = (TEMPLATES / "sw.js.tmpl").read_text(encoding="utf-8")
    shell = json.dumps([*SHELL, *(icon_path(size) for size in ICON_SIZES)])
    return source.replace("__VERSION__", version).replace("__SHELL__", shell).replace("__SESSIONS__", SESSION_DIR + "/")


def write_worker(out_dir: Path, files: Mapping[str, bytes], extra: Iterable[str], site: Site, theme: Path | None) -> str:
    """Write the icons and the worker into the Markdown tree; returns the build's version."""
    drawn = icons(site.name)
    version = build_hash({**files, **drawn}, extra, theme)
    for path, data in drawn.items():
        write_file(out_dir / path, data)
    write_file(out_dir / WORKER, worker(version).encode())
    return version
