"""Form pictures drawn from data: a stick figure in an exercise's start and end pose.

The one function a template needs is `pose_figure(exercise) -> str`: the HTML
block to embed in the exercise page ("" when the exercise has no `pose:`). It is
a <figure> holding an inline SVG (role="img", <title>, <desc>, a viewBox) and a
<figcaption> that says the same in words. The SVG has two groups:

- `hp-move`: the figure moving from start to end and back, 3 s a loop (SMIL
  <animate> on path data), over faint outlines of the start and end;
- `hp-still`: the start and the end side by side, labelled.

Its own <style> shows `hp-move` and hides `hp-still`, and the other way round
under `@media (prefers-reduced-motion: reduce)`; it also gives the SVG the shape
of one panel while it moves and of the pair when it is still (custom properties
--hp-r and --hp-rs on the <svg>, with preserveAspectRatio "slice"), so the moving
figure is not lost in empty space. Lines are `currentColor` and
the muscle tint is the theme's accent colour, so the picture follows the light
and dark palettes. No scripts, no external references, no raster images.
Class names start with `hp-`, because a <style> inside inline SVG applies to
the whole page.

Reviewers: `python -m generator.poses --sheet build/poses.html` writes one page
with every exercise's start and end side by side, next to its setup and steps.

Angle conventions (whole degrees, as in `pose:` in exercises/*.yml)
-------------------------------------------------------------------
The pose itself is in generator/pose_kinematics.py (angle conventions there),
its words in generator/pose_words.py, the body and the equipment in
generator/body_drawing.py and generator/equipment_drawing.py.
"""

from __future__ import annotations

import argparse
import gzip
import html
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.body_drawing import MUSCLE_STROKES, SCALE, body, line, n, tint
from generator.equipment_drawing import furniture, moving_kit
from generator.model import Exercise
from generator.pose_kinematics import (  # noqa: F401  (re-exported: validate.py and the tests use them)
    BASES, FOOT, FOREARM, HEAD, JOINTS, NECK, SHIN, SIDES, THIGH, TRUNK, UPPER_ARM, Vec, between, camera, dot, frames,
    joint_positions, lowest, mid, poses_between, world_points,
)
from generator.pose_words import EQUIPMENT_WORDS, describe  # noqa: F401

LOOP_SECONDS = 3

CSS = (
    ".hp-pose svg{display:block;width:100%;height:auto;margin:0 auto;aspect-ratio:var(--hp-r);max-width:min(24rem,calc(55vh*var(--hp-r)))}"
    ".hp-b,.hp-h{fill:none;stroke:currentColor;stroke-width:4;stroke-linecap:round;stroke-linejoin:round}"
    ".hp-f{opacity:.45}.hp-g{opacity:.18}"
    ".hp-m{fill:none;stroke:var(--md-accent-fg-color,#e0407b);stroke-opacity:.45;stroke-width:11;stroke-linecap:round}"
    ".hp-e{fill:none;stroke:currentColor;stroke-width:2;opacity:.55}"
    ".hp-p{fill:none;stroke:currentColor;stroke-width:3;opacity:.8}"
    ".hp-w{fill:currentColor;opacity:.08}"
    ".hp-t{fill:currentColor;font-family:sans-serif}"
    ".hp-still{display:none}"
    "@media (prefers-reduced-motion:reduce){.hp-move{display:none}.hp-still{display:inline}"
    ".hp-pose svg{aspect-ratio:var(--hp-rs);max-width:min(36rem,calc(70vh*var(--hp-rs)))}}"
)


@dataclass(frozen=True)
class Shape:
    """One path of the picture: its class and its data in each frame."""

    cls: str
    d: tuple[str, ...]

    def still(self, i: int) -> str:
        return f'<path class="{self.cls}" d="{self.d[i]}"/>'

    def moving(self) -> str:
        if len(set(self.d)) == 1:
            return self.still(0)
        loop = [self.d[0], *self.d, *reversed(self.d)]  # hold at the start, go, hold at the end, come back
        times = ";".join(f"{i / (len(loop) - 1):.3g}" for i in range(len(loop)))
        return (
            f'<path class="{self.cls}" d="{self.d[0]}"><animate attributeName="d" dur="{LOOP_SECONDS}s" '
            f'repeatCount="indefinite" keyTimes="{times}" values="{";".join(loop)}"/></path>'
        )


@dataclass(frozen=True)
class Drawing:
    """The picture of one exercise, in picture units (cm, y down): a box and its paths."""

    box: tuple[int, int, int, int]  # x, y, width, height
    floor: str  # the faint floor area
    fixed: str  # the floor's edge and the furniture, the same in every frame
    shapes: tuple[Shape, ...]  # far limbs, trunk, near limbs, head, tint, thin kit, thick kit
    ghost: tuple[str, str]  # the body's outline at the start and at the end


def drawing(exercise: Exercise) -> Drawing:
    """Project the frames of an exercise's pose and lay out its paths."""
    pair = exercise.pose
    if pair is None:
        raise ValueError(f"{exercise.id} has no pose")
    cam = camera(pair.base, pair.view)
    poses = frames(pair)
    boxes, posts = furniture(pair, poses)
    for points in poses:
        if posts:
            points["pulley"] = mid(*posts[0], 0.03)
    gap = cam.depth(poses[0]["working-hip"]) - cam.depth(poses[0]["other-hip"])
    far = "other" if gap >= 0 else "working"
    symmetric = pair.start.working == pair.start.other and pair.end.working == pair.end.other
    tint_sides = tuple(SIDES) if symmetric else ("working",)
    rows = []
    for pose, points in zip(poses_between(pair), poses, strict=True):
        rows.append((*body(cam, points, far), tint(cam, points, exercise.primary, tint_sides), *moving_kit(cam, pose, points, pair.equipment)))
    faint = "hp-b hp-f" if abs(gap) > 0.05 else "hp-b"  # the other side, when it is clearly nearer or farther
    classes = (faint if far == "other" else "hp-b", "hp-b", faint if far == "working" else "hp-b", "hp-h", "hp-m", "hp-e", "hp-p")
    shapes = tuple(Shape(cls, tuple(row[i] for row in rows)) for i, cls in enumerate(classes) if rows[0][i])
    everything = [v for p in poses for v in p.values()] + [v for post in posts for v in post] + [b[0] for b in boxes]
    xs = [dot(v, cam.right) for v in everything]
    x0, x1 = min(xs) - 0.12, max(xs) + 0.12
    along = [dot(v, cam.level) for v in everything]
    sink = dot(cam.level, cam.up)  # how far the floor drops in the picture per metre toward the viewer
    floor_far, floor_near = (max(along) + 0.1) * -sink, (min(along) - 0.1) * -sink
    floor_far, floor_near = min(floor_far, floor_near), max(floor_far, floor_near)
    fixed = [f"M{n(x0)} {n(floor_near)}H{n(x1)}"]
    for top, width in boxes:
        x, y = cam.project(top)
        bottom = cam.project((top[0], 0.0, top[2]))[1]
        fixed.append(f"M{n(x - width / 2)} {n(-y)}h{n(width)}V{n(-bottom)}H{n(x - width / 2)}Z")
    fixed += [line(cam.project(a), cam.project(b)) for a, b in posts]
    floor = f"M{n(x0)} {n(floor_far)}H{n(x1)}V{n(floor_near)}H{n(x0)}Z" if floor_near - floor_far > 0.01 else ""
    ys = [-cam.project(v)[1] for v in everything] + [floor_near, floor_far]
    heads = [cam.project(p["head"])[1] for p in poses]
    y0, y1 = min([*ys, *(-h - HEAD for h in heads)]) - 0.06, max(ys) + 0.04
    box = (round(x0 * SCALE), round(y0 * SCALE), round((x1 - x0) * SCALE), round((y1 - y0) * SCALE))
    ghost = ("".join(rows[0][:3]), "".join(rows[-1][:3]))
    return Drawing(box, floor, "".join(fixed), shapes, ghost)


def _panel(d: Drawing, at: tuple[int, int], body: str) -> str:
    x, y, _, _ = d.box
    floor = f'<path class="hp-w" d="{d.floor}"/>' if d.floor else ""
    return f'<g transform="translate({at[0] - x} {at[1] - y})">{floor}<path class="hp-e" d="{d.fixed}"/>{body}</g>'


def pose_svg(exercise: Exercise) -> str:
    """The inline SVG of an exercise's form picture (see the module docstring)."""
    d = drawing(exercise)
    _, _, w, h = d.box
    gap, size = 8, round(max(w, h) / 22)
    label = size + 4
    side_by_side = w <= 1.3 * h
    spots = [(0, label), (w + gap, label)] if side_by_side else [(0, label), (0, 2 * label + h + gap)]
    total_w, total_h = (2 * w + gap, h + label) if side_by_side else (w, 2 * (h + label) + gap)
    ident = html.escape(exercise.id)
    text = describe(exercise.pose) if exercise.pose else ""
    still = "".join(
        f'<text class="hp-t" x="{x}" y="{y - 4}" font-size="{size}">{word}</text>' + _panel(d, (x, y), "".join(s.still(i) for s in d.shapes))
        for (x, y), word, i in zip(spots, ("Start", "End"), (0, -1), strict=True)
    )
    centre = ((total_w - w) // 2, (total_h - h) // 2)
    ghosts = f'<path class="hp-b hp-g" d="{d.ghost[0]}"/><path class="hp-b hp-g" d="{d.ghost[1]}"/>'
    moving = _panel(d, centre, ghosts + "".join(s.moving() for s in d.shapes))
    # The moving figure fills the picture: the page's CSS gives the SVG the shape of one panel
    # (--hp-r) and "slice" crops the viewBox to its middle, where that panel is; the still
    # pair gets the shape of the whole viewBox (--hp-rs).
    ratios = f"--hp-r:{w / h:.3f};--hp-rs:{total_w / total_h:.3f}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total_w} {total_h}" preserveAspectRatio="xMidYMid slice" '
        f'style="{ratios}" role="img" aria-labelledby="hp-{ident}-t hp-{ident}-d">'
        f'<title id="hp-{ident}-t">{html.escape(exercise.name)}: start and end position</title>'
        f'<desc id="hp-{ident}-d">{html.escape(text)}</desc><style>{CSS}</style>'
        f'<g class="hp-move">{moving}</g><g class="hp-still">{still}</g></svg>'
    )


def pose_figure(exercise: Exercise) -> str:
    """The HTML block for an exercise page: <figure> with the SVG and the words; "" without a pose.

    One line with no blank lines, so Markdown passes it through as a raw HTML block.
    """
    if exercise.pose is None:
        return ""
    caption = html.escape(describe(exercise.pose))
    muscles = ", ".join(m.replace("-", " ") for m in exercise.primary if m in MUSCLE_STROKES)
    tinted = f" Tinted: {html.escape(muscles)}." if muscles else ""
    return f'<figure class="hp-pose">{pose_svg(exercise)}<figcaption>{caption}{tinted}</figcaption></figure>'


def gzipped_size(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), mtime=0))


# --- the reviewer's sheet ----------------------------------------------------


def sheet(exercises: Iterable[Exercise]) -> str:
    """One HTML page: every exercise's start and end still, next to its setup and steps."""
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
            f"<div class=text><p>{html.escape(ex.setup)}</p><ol>{steps}</ol></div></div></section>"
        )
    style = (
        "body{font:14px sans-serif;margin:1rem;color:#222}section{border-top:1px solid #ccc;padding:.4rem 0}"
        "h2{font-size:1rem;margin:.2rem 0}small{color:#666;font-weight:normal}.row{display:flex;flex-wrap:wrap;gap:1rem}"
        ".row figure{flex:1 1 22rem;margin:0}.row .text{flex:1 1 18rem;font-size:12px;color:#444}.warn{color:#b00;font-weight:bold}"
        "svg .hp-move{display:none}svg .hp-still{display:inline}figcaption{font-size:12px}"
        ".row .hp-pose svg{aspect-ratio:var(--hp-rs);max-width:36rem}"
    )
    head = f'<!doctype html><html lang="en"><meta charset="utf-8"><title>Form pictures</title><style>{style}</style>'
    return f'{head}<body><h1>Form pictures: start and end</h1>{"".join(rows)}</body></html>\n'


def main(argv: list[str] | None = None) -> int:
    from generator.validate import load  # only the command line needs the whole library

    parser = argparse.ArgumentParser(prog="python -m generator.poses", description="Write the reviewer's sheet of every exercise's form pictures.")
    parser.add_argument("--sheet", type=Path, required=True, help="the HTML file to write, e.g. build/poses.html")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
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
