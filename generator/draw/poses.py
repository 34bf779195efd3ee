"""Form pictures drawn from data: an exercise's start and end, side by side, with an arrow.

The one function a template needs is `pose_figure(exercise) -> str`: the HTML
block for the exercise page ("" when the exercise has no `pose:`). It is a
<figure> holding an inline SVG (role="img", <title>, <desc>, a viewBox) and a
one-line <figcaption> whose "Describe the movement" opens the same words as
the <desc> (closed on screen, so the whole figure fits 40 % of a phone screen;
open in print). The SVG holds, like a physiotherapy
handout, line drawings of the start and the end, an arrow along the path of the
part that moves, and, when the pose names a `second_view`, the end seen from
there too (see generator/draw/panels.py for the layout, body.py and
equipment.py for the drawing, kinematics.py for the angles, facts.py for
what a position must show and how "Describe the movement" says it).

The picture is still. A "Play the movement" checkbox in the caption (CSS only,
figures.css) fades the end panel between the start and the end on request; it
is hidden, and nothing moves, under `prefers-reduced-motion: reduce`. Every
colour is an attribute in the SVG, so the picture renders as it is anywhere
(a preview card, the reviewer's sheet); figures.css recolours the `hp-` classes
for the dark palette. No scripts, no external references, no raster images.

`card_figure(exercise)` is the end pose with its arrow alone, for a preview card.

Reviewers: `python -m generator.draw.poses --sheet build/poses.html` writes one page
with every exercise's picture next to its setup and steps.
"""

from __future__ import annotations

import argparse
import gzip
import html
import sys
from collections.abc import Iterable
from pathlib import Path

from generator.draw.body import MUSCLE_STROKES
from generator.draw.kinematics import (  # noqa: F401  (re-exported: the tests and older callers use them)
    BASES,
    FOOT,
    FOREARM,
    HEAD,
    JOINTS,
    NECK,
    SHIN,
    SIDES,
    THIGH,
    TRUNK,
    UPPER_ARM,
    between,
    camera,
    frames,
    joint_positions,
    lowest,
    poses_between,
    world_points,
)
from generator.draw.panels import Panel, layout, panel, scene
from generator.draw.words import EQUIPMENT_WORDS, describe  # noqa: F401
from generator.model import Exercise

VIEW_WORDS = {"front": "from the front", "back": "from behind", "side": "from the side"}


def panels(exercise: Exercise, *, play: bool = True) -> list[Panel]:
    """Start, end (with the arrow), and the end from the second view when there is one."""
    sc = scene(exercise)
    pair = sc.pair
    out = [panel(sc, pair.view, 0, "Start", False), panel(sc, pair.view, -1, "End", True, play)]
    if pair.second_view and pair.second_view != pair.view:
        out.append(panel(sc, pair.second_view, -1, f"End, {VIEW_WORDS[pair.second_view]}", False))
    return out


def _svg(exercise: Exercise, parts: list[Panel], title: str, attrs: str = "") -> str:
    lay = layout(parts)
    body = []
    for p, (x, y) in zip(parts, lay.spots, strict=True):
        body.append(f'<text x="{x:.0f}" y="{y - lay.font * 0.35:.0f}">{html.escape(p.label)}</text>' if p.label else "")
        body.append(f'<g transform="translate({x - p.box[0]:.0f} {y - p.box[1]:.0f})">{p.svg}</g>')
    w, h = round(lay.width), round(lay.height)
    ident = html.escape(exercise.id)
    text = _words(exercise) if exercise.pose else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{round(w * lay.px)}" height="{round(h * lay.px)}"{attrs} '
        f'role="img" aria-labelledby="hp-{ident}-t hp-{ident}-d"><title id="hp-{ident}-t">{html.escape(title)}</title>'
        f'<desc id="hp-{ident}-d">{html.escape(text)}</desc>'
        f'<g class="hp-t" fill="#444" font-family="sans-serif" font-size="{lay.font:.0f}">{"".join(body[0::2])}</g>{"".join(body[1::2])}</svg>'
    )


def pose_svg(exercise: Exercise) -> str:
    """The inline SVG of an exercise's form picture (see the module docstring)."""
    return _svg(exercise, panels(exercise), f"{exercise.name}: start and end position")


def card_figure(exercise: Exercise) -> str:
    """The end pose with its arrow, as a self-contained SVG (colours as attributes, no CSS needed): for preview cards.

    Its width and height attributes are its size at phone scale; scale it freely (it has a viewBox).
    """
    sc = scene(exercise)
    end = panel(sc, sc.pair.view, -1, "", True)
    return _svg(exercise, [end], f"{exercise.name}: end position")


def _words(exercise: Exercise) -> str:
    """The picture in words: the start, the end, and what the tint marks."""
    assert exercise.pose is not None
    muscles = ", ".join(m.replace("-", " ") for m in exercise.primary if m in MUSCLE_STROKES)
    return describe(exercise.pose) + (f" Tinted: {muscles}." if muscles else "")


def pose_figure(exercise: Exercise) -> str:
    """The HTML block for an exercise page: <figure> with the SVG and a one-line caption; "" without a pose.

    The caption is one line so the whole figure fits in 40 % of a phone screen:
    "Describe the movement" (a <details>, closed; it opens without JavaScript and
    is printed open, figures.css) holding the start and end in words, and the
    "Play the movement" control (CSS only, through :has()). Screen readers get
    the same words from the SVG's <desc>. One line with no blank lines, so
    Markdown passes it through as a raw HTML block.
    """
    if exercise.pose is None:
        return ""
    play = f"hp-{html.escape(exercise.id)}-play"
    control = f'<span class="hp-pc"><input type="checkbox" id="{play}" class="hp-play"><label for="{play}" class="hp-playl">Play the movement</label></span>'
    words = f'<details class="hp-words"><summary>Describe the movement</summary><p>{html.escape(_words(exercise))}</p></details>'
    return f'<figure class="hp-pose">{pose_svg(exercise)}<figcaption>{control}{words}</figcaption></figure>'


def gzipped_size(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), mtime=0))


# --- the reviewer's sheet ----------------------------------------------------


def sheet(exercises: Iterable[Exercise]) -> str:
    """One HTML page: every exercise's start and end still, next to its setup, its steps and what "Describe the movement" says."""
    rows = []
    for ex in exercises:
        if ex.pose is None:
            rows.append(f'<section><h2>{html.escape(ex.name)}</h2><p class="warn">No pose.</p></section>')
            continue
        figure = pose_figure(ex)
        below = [f"{i}: {lowest(p) * 100:.0f} cm" for i, p in enumerate(frames(ex.pose)) if lowest(p) < -0.03]
        warn = f'<p class="warn">Through the floor in frame {", ".join(below)}</p>' if below else ""
        steps = "".join(f"<li>{html.escape(step)}</li>" for step in ex.steps)
        rows.append(
            f'<section><h2>{html.escape(ex.name)} <small>{ex.id} · {ex.pose.base} · {ex.pose.view} · '
            f"{gzipped_size(figure)} B gz</small></h2>{warn}<div class=row>{figure}"
            f"<div class=text><p>{html.escape(ex.setup)}</p><ol>{steps}</ol><p class=said>{html.escape(_words(ex))}</p></div></div></section>"
        )
    style = (
        "body{font:14px sans-serif;margin:1rem;color:#222}section{border-top:1px solid #ccc;padding:.4rem 0}"
        "h2{font-size:1rem;margin:.2rem 0}small{color:#666;font-weight:normal}.row{display:flex;flex-wrap:wrap;gap:1rem}"
        ".row figure{flex:1 1 22rem;margin:0}.row .text{flex:1 1 18rem;font-size:12px;color:#444}.warn{color:#b00;font-weight:bold}"
        ".said{border-left:3px solid #1d5f86;padding-left:.4rem}"
        "figcaption{font-size:12px}.hp-play,.hp-playl{display:none}"
        ".row .hp-pose svg{display:block;width:100%;height:auto;max-height:22rem}"
    )
    head = f'<!doctype html><html lang="en"><meta charset="utf-8"><title>Form pictures</title><style>{style}</style>'
    return f'{head}<body><h1>Form pictures: start and end</h1>{"".join(rows)}</body></html>\n'


def main(argv: list[str] | None = None) -> int:
    from generator.check.validate import load  # only the command line needs the whole library

    parser = argparse.ArgumentParser(prog="python -m generator.draw.poses", description="Write the reviewer's sheet of every exercise's form pictures.")
    parser.add_argument("--sheet", type=Path, required=True, help="the HTML file to write, e.g. build/poses.html")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    args = parser.parse_args(argv)
    loaded = load(args.root)
    for error in loaded.errors:
        print(error.format(), file=sys.stderr)
    if loaded.errors:
        return 1
    args.sheet.parent.mkdir(parents=True, exist_ok=True)
    args.sheet.write_text(sheet(loaded.library.exercises.values()), encoding="utf-8")
    print(f"wrote {args.sheet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
