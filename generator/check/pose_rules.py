"""Pose rules: the figure drawn from `pose:` is humanly possible and teaches the movement its steps describe.

- HD313 a straight hip opened too far to the side; HD314 the end does not
  move; HD316 the body goes through the floor.
- HD330 pose facts: every fact the pose states (`facts:`, in the words of its
  steps: generator/draw/facts.py) holds on the drawn figure, at its stage.
- HD331 motion in view: the part that moves keeps at least 70 % of its path
  length in one of the panels' views, so a sideways lift is not seen end on.
- HD332 support and contact: what the base position puts on the floor, a
  bench or a seat touches it at the start and the end (unless a fact says that
  leg is lifted), and nothing passes through the furniture.
- HD333 equipment drawn: the equipment the exercise lists, and a support the
  setup says to hold, are in the figure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.document import Document
from generator.draw.equipment import _flat, bench_top, seat_top
from generator.draw.facts import FACTS, LIFTS, Drawn, Points, holds, measured, placed_figure
from generator.draw.kinematics import BASES, JOINTS, Placed, camera, poses_between, trunk_frame
from generator.draw.panels import mover
from generator.draw.vectors import UP, Vec, add, cross, dot, mul, unit
from generator.errors import DataError
from generator.model import Exercise, Limb, PosePair

# A straight hip opens at most this far to the side; bent 45 degrees or more, it
# can open to the schema's limit (the fire hydrant). JSON Schema cannot see
# this, because the hip bend may come from the base position or the start.
MAX_STRAIGHT_HIP_OUT = 50
MIN_HIP_BEND_FOR_WIDE_HIP_OUT = 45
# How far below the floor a drawn point may dip (metres; a thigh is 0.44) before the picture looks wrong.
FLOOR_TOLERANCE = 0.03
IN_VIEW = 0.7  # the share of the mover's path a view must keep
TOUCH = 0.05  # metres between a part and its surface that still count as touching
DRAWN_STEPS = 4  # frames from the start to the end, as the panels draw them (generator/draw/facts.py, drawn)


def check_pose(document: Document, exercise: Exercise) -> Iterator[DataError]:
    pair = exercise.pose
    assert pair is not None
    data = document.value["pose"]
    yield from _hip_range(document, data, pair)
    # The frames the panels draw (generator/draw/facts.py, drawn), computed once for every check;
    # the muscles' landmarks are not needed here. Frames 0, 2 and 4 are the start, the middle and the end.
    poses = poses_between(pair, DRAWN_STEPS)
    figure, placed = placed_figure(pair, poses, landmarks=False)
    yield from _through_the_floor(document, placed[:: DRAWN_STEPS // 2])
    if pair.end == pair.start:
        message = "pose.end gives the same angles as the start, so the picture would not move"
        yield document.error(("pose", "end"), "HD314", message, "name in end only the joints that move, with their end angles")
        return
    yield from _facts(document, pair, figure)
    yield from _in_view(document, pair, figure)
    yield from _contact(document, pair, figure)
    yield from _equipment(document, exercise)


def _given_at(data: dict[str, Any], stages: tuple[str, ...], side: str, joint: str) -> tuple[str | int, ...]:
    """The path of the YAML value a resolved angle came from (or of the stage, for a base default)."""
    for stage in stages:
        for group in (side, "both"):
            if joint in data[stage].get(group, {}):
                return ("pose", stage, group, joint)
    return ("pose", stages[-1])


def _hip_range(document: Document, data: dict[str, Any], pair: PosePair) -> Iterator[DataError]:
    """HD313: a straight hip opened too far to the side."""
    postures = [("start", pair.start), ("end", pair.end), *([("via", pair.via)] if pair.via else [])]
    for stage, posture in postures:
        stages = (stage, "start") if stage != "start" else ("start",)
        for side in ("working", "other"):
            limb: Limb = getattr(posture, side)
            if limb.hip_out > MAX_STRAIGHT_HIP_OUT and limb.hip < MIN_HIP_BEND_FOR_WIDE_HIP_OUT:
                message = f"pose.{stage}: {side} hip_out {limb.hip_out:g} is out of human range with the hip bent {limb.hip:g} degrees"
                hint = f"a straight hip opens {MAX_STRAIGHT_HIP_OUT} degrees at most; lower hip_out, or bend the hip {MIN_HIP_BEND_FOR_WIDE_HIP_OUT} or more"
                yield document.error(_given_at(data, stages, side, "hip_out"), "HD313", message, hint)


def _through_the_floor(document: Document, moments: Sequence[Placed]) -> Iterator[DataError]:
    """HD316: no part of the drawn body goes below the floor, at the start, at the end or half way
    (moments: the start, the middle, which is the via pose if any, and the end, as placed before the lift)."""
    last = len(moments) - 1
    for i in (0, last, *range(1, last)):  # the start and the end first: the likeliest to be wrong
        if moments[i].lowest() > -FLOOR_TOLERANCE:
            continue
        points = moments[i].frame()
        deepest = min(JOINTS, key=lambda name: points[name][1])
        when = "at the start" if i == 0 else "at the end" if i == last else "on the way from the start to the end"
        message = f"pose: the figure's {deepest.replace('-', ' ')} goes through the floor {when}"
        hint = "check the base position and the angles (a joint bent the wrong way?) and which joint is `planted`"
        yield document.error(("pose", "start" if i == 0 else "end"), "HD316", message, hint)
        return


def _amount(value: float, unit_name: str) -> str:
    return f"{value * 100:.0f} cm" if unit_name == "cm" else f"{value:.0f} degrees"


def _facts(document: Document, pair: PosePair, figure: Drawn) -> Iterator[DataError]:
    """HD330: each stated fact holds on the drawn figure."""
    start = figure.points[0]
    bench = bench_top(pair, figure.points) if "bench-back" in pair.equipment else None
    for i, pf in enumerate(pair.facts):
        if pf.at == "via" and pair.via is None:
            message, hint = "pose.facts: a fact at via, but the pose has no via", "add a via position or say the fact at start or end"
            yield document.error(("pose", "facts", i, "at"), "HD330", message, hint)
            continue
        pose, points = figure.at(pf.at)
        fact = FACTS[pf.fact]
        for side, value in measured(pf.fact, pose, points, start, pf.side, bench):
            if holds(pf.fact, value):
                continue
            want = f"between {_amount(fact.lo, fact.unit)} and {_amount(fact.hi, fact.unit)}" if fact.hi < 9 else f"at least {_amount(fact.lo, fact.unit)}"
            message = f"pose.facts: '{pf.fact}' ({side}) does not hold at the {pf.at}: the figure measures {_amount(value, fact.unit)}, {want}"
            yield document.error(("pose", "facts", i), "HD330", message, f"{fact.hint} in pose.{pf.at}")


# --- motion in view ------------------------------------------------------


def _views(base: str) -> list[str]:
    """The views a base can be drawn from (not straight down)."""
    b = BASES[base]
    side = cross(b.up, b.front)
    return ["front", "back"] + (["side"] if abs(side[1]) < 0.9 else [])


def kept(pair: PosePair, figure: Drawn, joint: str, view: str) -> float:
    """The share of the joint's 3-D path length that a view's picture keeps."""
    track = [p[joint] for p in figure.points]
    return _kept(pair, track, _length(track), view)


def _length(path: Sequence[Sequence[float]]) -> float:
    """The length of a path through these points, segment by segment (in 3-D or in a picture)."""
    return sum(map(math.dist, path, path[1:]))


def _kept(pair: PosePair, track: Sequence[Vec], full: float, view: str) -> float:
    """kept, given the joint's track and its 3-D length (the same for every view)."""
    project = camera(pair.base, view, pair.turn).project
    seen = _length([project(p) for p in track])
    return seen / full if full > 1e-6 else 1.0


def _in_view(document: Document, pair: PosePair, figure: Drawn) -> Iterator[DataError]:
    """HD331: the part that moves is seen moving, not end on."""
    joint = mover(pair, figure.points)
    track = [p[joint] for p in figure.points]
    full = _length(track)
    panels = [v for v in (pair.view, pair.second_view) if v]
    shown = {v: _kept(pair, track, full, v) for v in panels}
    if max(shown.values()) >= IN_VIEW:
        return
    best = max(_views(pair.base), key=lambda v: _kept(pair, track, full, v))
    said = ", ".join(f"{v} {shown[v]:.0%}" for v in panels)
    message = (f"pose.view: the {joint.replace('-', ' ')} moves mostly toward or away from the viewer: "
               f"its path keeps {said} of its length in the picture, under {IN_VIEW:.0%}")
    hint = f"view: {best} keeps {_kept(pair, track, full, best):.0%}" + (" (or name the part that moves with moves:)" if pair.moves is None else "")
    yield document.error(("pose", "view"), "HD331", message, hint)


# --- support and contact -------------------------------------------------


@dataclass(frozen=True)
class Surface:
    """A solid box: the middle of its top, half extents along two floor directions, its bottom."""

    name: str
    top: Vec
    a: Vec
    b: Vec
    bottom: float
    # unit(a), |a|, unit(b), |b|: the same for every point measured, so worked out once
    axes: tuple[Vec, float, Vec, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "axes", (unit(self.a), math.sqrt(dot(self.a, self.a)), unit(self.b), math.sqrt(dot(self.b, self.b))))

    def distance(self, p: Vec) -> float:
        """Signed distance from p to the box (negative inside)."""
        # p - top: add(p, mul(top, -1)) but for the sign of a zero, which _beyond's abs() drops
        d = (p[0] - self.top[0], p[1] - self.top[1], p[2] - self.top[2])
        ua, na, ub, nb = self.axes
        u, v = _beyond(d, ua, na), _beyond(d, ub, nb)
        w = max(d[1], self.bottom - p[1])
        outside = math.sqrt(sum((max(u, 0.0) ** 2, max(v, 0.0) ** 2, max(w, 0.0) ** 2)))
        return outside if outside > 0 else max(u, v, w)

    def sunk(self, points: Points, names: Iterable[str], depth: float) -> list[str]:
        """The named points with distance(p) < -depth, for a depth > 0: more than depth inside on every axis (most
        points fail the height test, the cheapest, so the rest is not worked out for them)."""
        (tx, ty, tz), bottom = self.top, self.bottom
        ua, na, ub, nb = self.axes
        out = []
        for name in names:
            p = points[name]
            if max(p[1] - ty, bottom - p[1]) < -depth:
                d = (p[0] - tx, p[1] - ty, p[2] - tz)
                if _beyond(d, ua, na) < -depth and _beyond(d, ub, nb) < -depth:
                    out.append(name)
        return out


def _beyond(d: Vec, axis: Vec, half: float) -> float:
    """How far d, from the middle of a box's top, reaches past the box along a unit floor axis, half the box's
    size that way (negative: within): abs(dot(d, axis)) - half."""
    return abs(d[0] * axis[0] + d[1] * axis[1] + d[2] * axis[2]) - half


FLOOR = Surface("floor", (0.0, 0.0, 0.0), (1e3, 0.0, 0.0), (0.0, 0.0, 1e3), -1e3)
FURNITURE = frozenset({"seat", "machine-seat", "bench-back", "bench-foot", "step"})  # what `surfaces` adds to the floor


def surfaces(pair: PosePair, points: Sequence[Points]) -> list[Surface]:
    """The floor and the furniture the figure stands, sits or lies on (as generator/draw/equipment.py draws them)."""
    out = [FLOOR]
    if not FURNITURE.intersection(pair.equipment):
        return out
    f = trunk_frame(pair.start)
    side = _flat(f.side)
    front = _flat(cross(f.side, UP))
    for item in pair.equipment:
        if item in ("seat", "machine-seat"):
            top = seat_top(points)
            out.append(Surface("seat", top, mul(side, 0.24), mul(front, 0.2), 0.0))
        elif item == "bench-back":
            top = bench_top(pair, points)
            out.append(Surface("bench", top, mul(side, 0.3), mul(_flat(trunk_frame(pair.end).up), 0.2), 0.0))
        elif item in ("bench-foot", "step"):
            s = "other" if item == "bench-foot" else "working"
            first = points[0]
            x, _, z = add(mul(first[f"{s}-ankle"], 0.7), mul(first[f"{s}-toe"], 0.3))
            top = min(first[f"{s}-ankle"][1], first[f"{s}-toe"][1]) - 0.04
            out.append(Surface(item.replace("-foot", ""), (x, top, z), mul(side, 0.2), mul(front, 0.2), 0.0))
    return out


def _foot(p: Points, s: str) -> tuple[Vec, float]:
    return min(((p[f"{s}-ankle"], 0.036), (p[f"{s}-toe"], 0.022)), key=lambda c: c[0][1] - c[1])


def contacts(pair: PosePair, stage: str, points: Points, lifted: set[str]) -> dict[str, tuple[Vec, float]]:
    """What must touch a surface at a stage: part name -> (point, how far the body's surface reaches beyond it)."""
    base = pair.base
    names = dict(zip(("working", "other"), BASES[base].side_words, strict=True))
    want: dict[str, tuple[Vec, float]] = {}
    legs = [s for s in ("working", "other") if s not in lifted]
    if base in ("standing", "split-stance", "seated", "supine"):
        want.update({f"{names[s]} foot": _foot(points, s) for s in legs})
    if base == "seated":
        want["seat"] = (points["pelvis"], 0.11)
    if base == "supine":
        want["upper back"] = (points["shoulders"], 0.12)  # the trunk's deepest section (at the hips) sets how low a lying figure rests
    if base == "quadruped":
        want.update({f"{names[s]} hand": (points[f"{s}-hand"], 0.03) for s in ("working", "other")})
        for s in legs:
            bent = getattr(pair.start if stage == "start" else pair.end, s).knee >= 45
            want[f"{names[s]} {'knee' if bent else 'foot'}"] = (points[f"{s}-knee"], 0.055) if bent else _foot(points, s)
    if base in ("side-lying", "side-plank"):
        bottom = "other"
        if base == "side-lying":
            want["bottom hip"] = (points["other-hip"], 0.085)
        else:
            want["bottom forearm"] = (points["other-elbow"], 0.04)
            want["bottom hand"] = (points["other-hand"], 0.03)
        knee_down = getattr(pair.start if stage == "start" else pair.end, bottom).knee >= 45
        want["bottom knee" if knee_down else "bottom foot"] = (points["other-knee"], 0.055) if knee_down else _foot(points, bottom)
    return want


MOVED = 0.12  # metres: a support that moves this far from the start is the movement itself (a lifted knee), not a support


def _contact(document: Document, pair: PosePair, figure: Drawn) -> Iterator[DataError]:
    """HD332: the supports touch at the start, and at the end those that stayed put; nothing floats or passes through."""
    found = surfaces(pair, figure.points)
    first = contacts(pair, "start", figure.points[0], set())
    for stage in ("start", "end"):
        _, points = figure.at(stage)
        lifted = {s for pf in pair.facts if pf.at == stage and pf.fact in LIFTS for s in (("working", "other") if pf.side == "both" else (pf.side,))}
        wanted = first if stage == "start" and not lifted else contacts(pair, stage, points, lifted)  # the start with no leg lifted: first
        for part, (p, reach) in wanted.items():
            if stage == "end" and part in first and math.dist(p, first[part][0]) > MOVED:
                continue
            gap, where = min(((s.distance(p) - reach, s.name) for s in found), key=lambda g: abs(g[0]))
            if gap > TOUCH:
                message = f"pose.{stage}: the {part} floats {gap * 100:.0f} cm above the {where}"
                hint = f"change the angles so the {part} rests on the {where}, or the `planted` joint; a leg the steps lift needs a fact such as foot_off_floor"
                yield document.error(("pose", stage), "HD332", message, hint)
        for s in found[1:]:
            inside = s.sunk(points, JOINTS, 0.06)
            if inside:
                message = f"pose.{stage}: the {inside[0].replace('-', ' ')} passes through the {s.name}"
                yield document.error(("pose", stage), "HD332", message, "move the body onto the furniture, not into it (the angles or `planted`)")


# --- equipment drawn -----------------------------------------------------

DRAWN_AS: Mapping[str, tuple[str, ...]] = {  # an equipment id -> what in pose.equipment draws it
    "mini-band": ("band-knees", "band-ankles"),
    "long-band": ("band-knees", "band-ankles"),
    "dumbbell": ("dumbbell-chest", "dumbbell-working-hand", "dumbbell-other-hand"),
    "kettlebell": ("dumbbell-chest", "dumbbell-working-hand", "dumbbell-other-hand"),
    "barbell": ("barbell-back", "barbell-hips", "barbell-hands"),
    "bench": ("seat", "bench-back", "bench-foot"),
    "step": ("step",),
    "cable-machine": ("cable-ankle",),
    "hip-abduction-machine": ("machine-seat",),
}
# "Hold a chair" asks for a support; "hands on your hips or holding a wall" is a choice, not a support.
HOLD = re.compile(r"(?<!or )\bhold\w*\b[^.]*?\b(wall|chair|rail|support|post)\b", re.IGNORECASE)


def _equipment(document: Document, exercise: Exercise) -> Iterator[DataError]:
    """HD333: what the exercise uses is drawn."""
    assert exercise.pose is not None
    drawn_items = set(exercise.pose.equipment)
    where = ("pose", "equipment") if "equipment" in document.value["pose"] else ("pose",)
    for item in exercise.equipment:
        options = DRAWN_AS.get(item, ())
        if options and not drawn_items & set(options):
            message = f"pose: the exercise uses {item}, but the figure does not draw it"
            yield document.error(where, "HD333", message, f"add one of {', '.join(options)} to pose.equipment")
    if "hip-abduction-machine" in exercise.equipment and "machine-pads" not in drawn_items:
        yield document.error(where, "HD333", "pose: the machine's pads are not drawn", "add machine-pads to pose.equipment")
    # Every match spells "hold" (no other letter folds to h, o, l or d), so a setup without it is not searched.
    held = HOLD.search(exercise.setup) if "hold" in exercise.setup.lower() else None
    if held and "support" not in drawn_items:
        message = f"pose: the setup says to hold a {held.group(1).lower()}, but the figure draws no support"
        yield document.error(where, "HD333", message, "add support to pose.equipment (drawn by the other hand)")
