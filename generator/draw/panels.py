"""The panels of a form picture: the start, the end with an arrow, and the end from a second view.

Each panel is the body and its equipment in one pose, seen by one camera,
painted far to near, over the floor; its box is measured from its own path
data. `layout` puts the panels in a row or stacked, whichever draws them
larger on a phone, and sizes the labels so they read at 12 px or more there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from generator.draw.body import body_parts
from generator.draw.equipment import furniture, kit_parts, pulley_of
from generator.draw.facts import drawn
from generator.draw.kinematics import SIDES, Camera, camera
from generator.draw.paths import SCALE, Part, arrow, n
from generator.draw.vectors import Point, Vec
from generator.model import Exercise, Pose, PosePair

PHONE_W, PHONE_H = 380, 330  # CSS px the picture may fill at 412 px wide (the page's side padding off; 40 % of 915 less the one-line caption and a label)
LABEL_PX = 13  # labels at least this many CSS px on a phone
GAP = 0.12  # metres between panels
MARGIN = 0.06
# The points whose path the arrow can show, and how much each is preferred.
MOVERS = {"working-ankle": 1.0, "working-knee": 1.1, "other-ankle": 1.0, "other-knee": 1.0, "pelvis": 1.3, "shoulders": 0.6, "working-hand": 0.5}
_MOVERS_OF = itemgetter(*MOVERS)  # a frame's candidate movers, in the order of MOVERS
_MOVER_NAMES = tuple(MOVERS)


@dataclass(frozen=True)
class Panel:
    """One picture: its label, its content in picture units, and the box round it (x0, y0, x1, y1, y down)."""

    label: str
    svg: str
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Scene:
    """An exercise's frames, lifted so the drawn body rests on the floor, and what every panel shares."""

    pair: PosePair
    poses: tuple[Pose, ...]
    points: tuple[Mapping[str, Vec], ...]
    muscles: tuple[str, ...]
    tint_sides: tuple[str, ...]


def scene(exercise: Exercise) -> Scene:
    pair = exercise.pose
    if pair is None:
        raise ValueError(f"{exercise.id} has no pose")
    figure = drawn(pair)
    symmetric = pair.start.working == pair.start.other and pair.end.working == pair.end.other
    return Scene(pair, figure.poses, figure.points, exercise.primary, tuple(SIDES) if symmetric else ("working",))


def mover(pair: PosePair, points: Sequence[Mapping[str, Vec]]) -> str:
    """The joint the arrow follows: `moves:` when the pose names it, else the one whose path is longest (weighted by MOVERS)."""
    if pair.moves:
        return pair.moves
    tracks = zip(*map(_MOVERS_OF, points), strict=True)  # each candidate's place in frame after frame
    weighted = [sum(map(math.dist, track, track[1:])) * weight for track, weight in zip(tracks, MOVERS.values(), strict=True)]
    return _MOVER_NAMES[weighted.index(max(weighted))]  # the first of the longest, as max() picks


_PATH_DATA = re.compile(r' d="([^"]+)"')
_PATH_COMMAND = re.compile(r"([MLCQAZ])([^MLCQAZ]*)")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _bounds(svg: str) -> tuple[float, float, float, float]:
    """The box round every path's points (arcs: their chord's middle +- the radius)."""
    xs: list[float] = []
    ys: list[float] = []
    for d in _PATH_DATA.findall(svg):
        if "A" not in d:  # M, L, C and Q take x y pairs only, so the numbers pair up in order
            nums = [float(v) for v in _NUMBER.findall(d)]
            xs += nums[0::2]
            ys += nums[1::2]
            continue
        for cmd, args in _PATH_COMMAND.findall(d):
            nums = [float(v) for v in _NUMBER.findall(args)]
            if cmd == "A":
                r = max(nums[0], nums[1])
                xs += [nums[5] - r, nums[5] + r]
                ys += [nums[6] - r, nums[6] + r]
            else:
                xs += nums[0::2]
                ys += nums[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def _faint(cam: Camera, points: Mapping[str, Vec]) -> str | None:
    gap = cam.depth(points["working-hip"]) - cam.depth(points["other-hip"])
    return "other" if gap > 0.025 else "working" if gap < -0.025 else None


def _parts(sc: Scene, cam: Camera, i: int, fixed: bool = True) -> str:
    pose, points = sc.poses[i], sc.points[i]
    pulley = pulley_of(sc.pair, sc.points[0])
    parts: list[Part] = furniture(cam, sc.pair, sc.points) if fixed else []
    parts += body_parts(cam, pose, points, sc.muscles, sc.tint_sides, _faint(cam, sc.points[0]))
    parts += kit_parts(cam, pose, points, sc.pair.equipment, pulley)
    return "".join(p.svg for p in sorted(parts, key=lambda p: p.depth))


def _path_of_the_mover(sc: Scene, cam: Camera) -> list[Point] | None:
    """The picture path of the point that moves most, set off from the body (None when nothing moves across the picture)."""
    track = [cam.project(p[mover(sc.pair, sc.points)]) for p in sc.points]
    (ax, ay), (bx, by) = track[0], track[-1]
    if math.dist(track[0], track[-1]) < 0.08:
        return None
    # Off to the side of the chord away from the body's middle, unless that is under the floor.
    end = [cam.project(p) for p in sc.points[-1].values()]
    cx, cy = sum(p[0] for p in end) / len(end), sum(p[1] for p in end) / len(end)
    mx, my = track[len(track) // 2]
    length = math.dist(track[0], track[-1])
    nx, ny = (by - ay) / length, (ax - bx) / length
    if (mx - cx) * nx + (my - cy) * ny < 0:
        nx, ny = -nx, -ny
    floor = min(cam.project((x, 0.0, z))[1] for x, _, z in sc.points[-1].values())
    if min(y + ny * 0.12 for _, y in track) < floor + 0.03:
        nx, ny = -nx, -ny
    return [(x + nx * 0.12, y + ny * 0.12) for x, y in track]


def _floor(cam: Camera, sc: Scene) -> str:
    """The floor: a faint band where it is seen from above, and its near edge.

    As wide as the body reaches at any moment, so the panels of one view share a floor.
    """
    across = [cam.project(v)[0] for p in sc.points for v in p.values()]
    x0, x1 = min(across) - 0.25, max(across) + 0.25
    resting = [(x, z) for p in sc.points for x, y, z in p.values() if y < 0.15] or [(x, z) for p in sc.points for x, _, z in p.values()]
    along = [cam.project((x, 0.0, z))[1] for x, z in resting]  # under what rests on the floor, so a lifted limb does not pull the floor's edge down
    near, far = min(along), max(along)
    if far - near > 0.02:  # seen from above: the floor reaches a little in front of the feet
        near -= 0.06
    band = f'<path class="hp-w" fill="#000" fill-opacity=".06" d="M{n(x0)} {n(-far)}H{n(x1)}V{n(-near)}H{n(x0)}Z"/>' if far - near > 0.02 else ""
    return band + f'<path class="hp-fl" stroke="#999" stroke-width="1.5" d="M{n(x0)} {n(-near)}H{n(x1)}"/>'


def panel(sc: Scene, view: str, i: int, label: str, with_arrow: bool, play: bool = False) -> Panel:
    """One pose (frame i) from one view, on its floor; the end panel can carry the arrow and the start for playing."""
    cam = camera(sc.pair.base, view, sc.pair.turn)
    body = _parts(sc, cam, i)
    content = body
    if play:  # the start, hidden until the reader plays the movement (figures.css)
        content = f'<g class="hp-a1">{body}</g><g class="hp-a0" opacity="0">{_parts(sc, cam, 0, fixed=False)}</g>'
    track = _path_of_the_mover(sc, cam) if with_arrow else None
    if track is not None:
        content += arrow(track)
    x0, y0, x1, y1 = _bounds(content)
    x0, x1 = x0 / SCALE - MARGIN, x1 / SCALE + MARGIN
    floor = _floor(cam, sc)
    fx0, fy0, fx1, fy1 = _bounds(floor)
    box = (min(x0 * SCALE, fx0), min(y0, fy0) - MARGIN * SCALE, max(x1 * SCALE, fx1), max(y1, fy1) + 2)
    return Panel(label, floor + content, box)


@dataclass(frozen=True)
class Layout:
    """Where each panel goes, in picture units, and the picture's size."""

    spots: tuple[tuple[float, float], ...]  # top left of each panel's box
    width: float
    height: float
    font: float  # label size, picture units
    px: float  # CSS px per picture unit on a phone


def layout(panels: Sequence[Panel]) -> Layout:
    """Panels in a row, stacked, or two to a row: whichever draws them largest on a phone."""
    gap = GAP * SCALE
    best: Layout | None = None
    for per_row in sorted({len(panels), 2, 1}):
        rows = [panels[k:k + per_row] for k in range(0, len(panels), per_row)]
        heights = [max(p.box[3] - p.box[1] for p in row) for row in rows]
        room = PHONE_H - len(rows) * 1.3 * LABEL_PX  # CSS px left for the panels under their labels
        font = 0.0
        for _ in range(3):  # a label wider than its panel widens it, which shrinks the scale, which widens the label
            widths = [max(p.box[2] - p.box[0], 0.56 * font * len(p.label)) for p in panels]
            width = max(sum(widths[k:k + per_row]) + gap * (len(widths[k:k + per_row]) - 1) for k in range(0, len(panels), per_row))
            px = min(PHONE_W / width, room / (sum(heights) + gap * (len(rows) - 1)))
            font = LABEL_PX / px
        spots = []
        y = 0.0
        for r, (row, h) in enumerate(zip(rows, heights, strict=True)):
            x = 0.0
            for k, _ in enumerate(row):
                spots.append((x, y + font * 1.3))
                x += widths[r * per_row + k] + gap
            y += h + font * 1.3 + gap
        option = Layout(tuple(spots), width, y - gap, font, px)
        if best is None or option.px > best.px * 1.05:
            best = option
    assert best is not None
    return best
