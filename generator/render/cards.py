"""Preview cards: what each page's 1200x630 card shows, where it lives, and drawing each one once.

`page_cards` decides the card of every Markdown page render() made: an
exercise shows its figure (the end pose with its arrow) and main muscles, a
myth its claim and verdict, a plan or a built week its week at a glance, any
other page its title and description. `with_card` names the card in the page's
front matter (`card`, `card_alt`, `og_type`), which overrides/main.html turns
into the og: and twitter: tags.

`write_cards` puts the PNGs into the Markdown tree at assets/cards/<page>.png.
A card is drawn only when no card with the same key is in the cache folder
(social/cache/, git-ignored): the key is a hash of everything the card is
drawn from (its words, the exercise with its pose) and of the drawing code
(this module, draw/card.py, the figure modules they import, the font, and
the versions of Pillow, FreeType, CairoSVG and cairo). Cards are drawn and
written one at a time (on each core when many are missing), so memory does
not grow with the number of pages.
"""

from __future__ import annotations

import ast
import hashlib
import json
import math
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import cache
from importlib.metadata import version
from pathlib import Path

from generator.draw.card import FONTS, Drawing, draw
from generator.link import output_path
from generator.model import Day, Dose, Exercise, Library
from generator.render.structured import Site, plain
from generator.weeks.model import BuiltWeek
from generator.weeks.pages import week_path

CARD_DIR = "assets/cards"  # in the Markdown tree, so MkDocs copies the cards into the site
CACHE_DIR = Path("social/cache")  # relative to the repository; git-ignored
GENERATOR = Path(__file__).resolve().parents[1]  # the generator package
PARALLEL_FROM = 200  # fewer cards than this are drawn in this process (starting workers costs about a second)


@dataclass(frozen=True)
class Card:
    page: str  # the Markdown page it belongs to, e.g. exercises/clam.md
    drawing: Drawing  # what it shows (an exercise's figure is added when it is drawn)
    alt: str  # the same in words, for og:image:alt
    og_type: str  # "article" or "website"
    exercise: Exercise | None = None  # whose figure it shows

    @property
    def path(self) -> str:
        return card_path(self.page)

    def key(self) -> str:
        inputs = repr((self.drawing, self.exercise)).encode("utf-8")
        return hashlib.sha256(code_version().encode() + b"\0" + inputs).hexdigest()[:32]

    def png(self) -> bytes:
        ex = self.exercise
        if ex is not None and ex.pose is not None:
            from generator.draw.poses import card_figure  # the figure is drawn only for a card that is not in the cache

            return draw(replace(self.drawing, figure=card_figure(ex)))
        return draw(self.drawing)


def card_path(page: str) -> str:
    return f"{CARD_DIR}/{page.removesuffix('.md')}.png"


SECONDS_PER_REP = 3  # about one second up, a short pause, two seconds down
SWITCH_SECONDS = 10  # changing sides
TALL_BASES = ("standing", "quadruped", "seated")  # figures taller than wide


def _middle(text: str) -> float:
    """The middle of '8-12' or '30'."""
    low, _, high = text.partition("-")
    return (float(low) + float(high or low)) / 2


def minutes(dose: Dose) -> int:
    """About how long a dose takes, rests included, in whole minutes (at least 1)."""
    work = _middle(dose.reps) * SECONDS_PER_REP if dose.reps else _middle(dose.seconds or "30")
    if dose.per_side:
        work = 2 * work + SWITCH_SECONDS
    sets = _middle(dose.sets)
    return max(1, math.ceil((sets * work + (sets - 1) * _middle(dose.rest_seconds)) / 60))


def dose_line(ex: Exercise, library: Library) -> str:
    """An exercise card's reason to click: the dose, what it needs, how long it takes."""
    d = ex.dose
    amount = f"{d.reps} reps" if d.reps else f"{d.seconds} s"
    side = " a side" if d.per_side else ""
    kit = ", ".join(library.equipment[e].name.lower() for e in ex.equipment if e in library.equipment) or "no equipment"
    return f"{d.sets} sets of {amount}{side} · {kit[:1].upper()}{kit[1:]} · About {minutes(d)} min"


def _short(name: str) -> str:
    return name.split(" (")[0]  # "Side (lateral) lunge" -> "Side lunge"


def day_words(day: Day, library: Library) -> str:
    """A day in short words: what it trains (the first exercises by name) and how long it takes; a rest day its kind."""
    if not day.entries:
        return day.kind_label
    names = [_short(library.exercises[e.exercise].name) if e.exercise in library.exercises else e.exercise for e in day.entries]
    return f"{sum(minutes(e.dose) for e in day.entries)} min · " + ", ".join(names)  # the card cuts what does not fit with "…"


def _days(days: Iterable[Day], library: Library) -> tuple[tuple[str, str, str], ...]:
    return tuple((day.name, day.kind, day_words(day, library)) for day in days)


def exercise_card(ex: Exercise, library: Library, site: Site, page: str) -> Card:
    muscles = ", ".join(library.muscles[m].name for m in ex.primary)
    line = dose_line(ex, library)
    drawing = Drawing("exercise", site.name, f"Exercise · {ex.level.capitalize()}", ex.name, muscles, line=line)
    picture = " Drawing of the end position, with an arrow along the movement." if ex.pose else ""
    return Card(page, drawing, f"{ex.name}: {line}.{picture} Main muscles: {muscles}.", "article", ex)


def plan_card(title: str, days: Iterable[Day], eyebrow: str, site: Site, page: str, library: Library) -> Card:
    week = _days(days, library)
    drawing = Drawing("plan", site.name, eyebrow, title, "", days=week)
    return Card(page, drawing, f"{title}. " + "; ".join(f"{name}: {what}" for name, _, what in week) + ".", "website")


def home_card(description: str, library: Library, site: Site, page: str) -> Card:
    """The home page: the site's promise beside a figure.

    The figure is a beginner exercise for the side of the hip, one drawn upright or on hands and knees
    (taller than wide, so it fills the card's panel) when there is one, else any exercise with a pose.
    """
    posed = [e for e in library.exercises.values() if e.pose is not None]
    side = [e for e in posed if e.level == "beginner" and "gluteus-medius" in e.primary]
    tall = [e for e in side if e.pose is not None and e.pose.base in TALL_BASES]
    shown = (tall or side or posed or [None])[0]
    text = plain(description)
    drawing = Drawing("home", site.name, "", text, "Exercises, myths and sample weeks, with the studies behind them")
    picture = f" Drawing of the {shown.name.lower()}." if shown else ""
    return Card(page, drawing, f"{site.name}: {text}{picture}", "website", shown)


def site_card(title: str, description: str, site: Site, page: str, eyebrow: str = "") -> Card:
    text = plain(description)
    return Card(page, Drawing("site", site.name, eyebrow, title, text), f"{title}. {text}".strip(), "website")


def front_matter(text: str) -> dict[str, str]:
    """The title and description a template wrote into a page's front matter (JSON strings or plain words)."""
    head = text.split("\n---\n", 1)[0] if text.startswith("---\n") else ""
    found: dict[str, str] = {}
    for line in head.splitlines()[1:]:
        key, sep, value = line.partition(": ")
        if sep and key in ("title", "description"):
            found[key] = json.loads(value) if value.startswith('"') else value.strip()
    return found


def page_cards(pages: Mapping[str, str], library: Library, weeks: Iterable[BuiltWeek], site: Site) -> dict[str, Card]:
    """The card of every Markdown page, by the page's path."""
    exercises = {output_path("exercise", e.id): e for e in library.exercises.values()}
    myths = {output_path("myth", m.id): m for m in library.myths.values()}
    plans = {output_path("plan", p.id): p for p in library.plans.values()}
    muscles = {output_path("muscle", m) for m in library.muscles}
    built = {week_path(w.choice): w for w in weeks}
    cards: dict[str, Card] = {}
    for page, text in pages.items():
        if not page.endswith(".md"):
            continue
        if page in exercises:
            cards[page] = exercise_card(exercises[page], library, site, page)
        elif page in myths:
            myth = myths[page]
            drawing = Drawing("myth", site.name, "Myth or fact?", myth.claim, "", myth.verdict, myth.verdict_label)
            cards[page] = Card(page, drawing, f"Myth: {myth.claim} Verdict: {myth.verdict_label}.", "article")
        elif page in plans:
            cards[page] = plan_card(plans[page].title, plans[page].days, "Plan", site, page, library)
        elif page in built and built[page].plan is not None:
            cards[page] = plan_card(front_matter(text)["title"], built[page].plan.days, "Your week", site, page, library)  # type: ignore[union-attr]
        elif page == "index.md":
            cards[page] = home_card(front_matter(text).get("description", ""), library, site, page)
        else:
            meta = front_matter(text)
            label = "Muscle" if page in muscles else "Your week" if page in built else ""
            cards[page] = site_card(meta.get("title", site.name), meta.get("description", ""), site, page, label)
    return cards


def with_card(text: str, card: Card) -> str:
    """The page with its card named at the end of its front matter."""
    lines = f"card: {json.dumps(card.path)}\ncard_alt: {json.dumps(card.alt, ensure_ascii=False)}\nog_type: {card.og_type}\n"
    head, sep, body = text.partition("\n---\n")
    if not text.startswith("---\n") or not sep:
        return f"---\n{lines}---\n{text}"
    return f"{head}\n{lines}---\n{body}"


# --- the cache and the writer -------------------------------------------------


def _imports(module: Path) -> set[Path]:
    """The generator modules one module imports."""
    found = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names] if isinstance(node, ast.Import) else []
        for name in names:
            if name.startswith("generator."):
                found.add(GENERATOR / (name.split(".", 1)[1].replace(".", "/") + ".py"))
    return {path for path in found if path.is_file()}


@cache
def code_version() -> str:
    """A hash of the code and font a card is drawn with: a change to any of them redraws every card."""
    seen: set[Path] = set()
    todo = {GENERATOR / "render" / "cards.py", GENERATOR / "draw" / "card.py", GENERATOR / "draw" / "poses.py"}
    while todo:
        module = todo.pop()
        seen.add(module)
        todo |= _imports(module) - seen
    digest = hashlib.sha256()
    for file in sorted(seen) + sorted(FONTS.glob("*.ttf")):
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    from PIL import features

    digest.update(repr([version(p) for p in ("pillow", "CairoSVG", "cairocffi")] + [features.version("freetype2")]).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class CardReport:
    written: tuple[str, ...]  # card paths whose file in the tree changed
    drawn: int  # cards drawn because the cache did not have them


def _same(a: Path, b: Path) -> bool:
    return a.is_file() and (os.path.samefile(a, b) or a.read_bytes() == b.read_bytes())


def _draw_into(card: Card, cached: Path) -> None:
    """Draw one card into the cache (a temporary name, then renamed: a reader never sees half a file)."""
    handle, temporary = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        stream.write(card.png())
    os.replace(temporary, cached)


def _draw_missing(cards: list[Card], cache_dir: Path) -> None:
    """The cards the cache lacks; on several cores in worker processes when there are many (each card is independent)."""
    workers = min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    targets = [cache_dir / f"{card.key()}.png" for card in cards]
    if len(cards) < PARALLEL_FROM or workers < 2:
        for card, cached in zip(cards, targets, strict=True):
            _draw_into(card, cached)
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:  # spawn: safe beside mkdocs serve's threads
        for _ in pool.map(_draw_into, cards, targets, chunksize=8):
            pass


def _place(target: Path, source: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        os.link(source, temporary)  # the tree shares the cache's bytes
    except OSError:
        shutil.copyfile(source, temporary)
    os.replace(temporary, target)


def write_cards(out_dir: Path, cards: Iterable[Card], cache_dir: Path | None) -> CardReport:
    """Each card into the tree, drawn only when the cache lacks it; cache entries no page uses are removed.

    Without a cache folder every card is drawn, and written only when its bytes changed.
    """
    if cache_dir is None:
        written, drawn = [], 0
        for card in cards:
            target, data = out_dir / card.path, card.png()
            drawn += 1
            if not (target.is_file() and target.read_bytes() == data):
                target.parent.mkdir(parents=True, exist_ok=True)
                target.with_name(f".{target.name}.tmp").write_bytes(data)
                os.replace(target.with_name(f".{target.name}.tmp"), target)
                written.append(card.path)
        return CardReport(tuple(written), drawn)
    cache_dir.mkdir(parents=True, exist_ok=True)
    keyed = [(card, cache_dir / f"{card.key()}.png") for card in cards]
    missing = {cached.name: card for card, cached in keyed if not cached.is_file()}
    _draw_missing(list(missing.values()), cache_dir)
    written = []
    for card, cached in keyed:
        if not _same(out_dir / card.path, cached):
            _place(out_dir / card.path, cached)
            written.append(card.path)
    used = {cached.name for _, cached in keyed}
    for old in cache_dir.glob("*.png"):
        if old.name not in used:
            old.unlink(missing_ok=True)
    return CardReport(tuple(written), len(missing))
