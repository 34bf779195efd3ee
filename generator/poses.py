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
Every angle is 0 when standing tall with the arms by the sides and the feet
flat. The base position (standing, seated, quadruped, ...) turns that body as a
whole and gives default angles (`model.BASE_ANGLES`).

- trunk: + tips the trunk forward from the base's line (about the side-to-side
  axis); trunk_side: + tips it toward the working side.
- hip: + flexion (thigh forward), - extension. hip_out: + abduction (thigh out
  to the side), - adduction. hip_turn: + external rotation.
  The thigh's direction is R_side(hip) . R_front(hip_out) . R_long(hip_turn)
  applied to "down the trunk", all about the trunk's own axes, so with the
  hip bent 90, hip_out swings the thigh out level (the fire hydrant), and
  hip_turn swings the shin of a bent knee (the clamshell).
- knee: 0 straight, + bent. ankle: 0 foot at right angles to the shin,
  + toes up (dorsiflexion), - toes pointed.
- shoulder: + flexion (arm forward and up), - extension. shoulder_out:
  + abduction. elbow: 0 straight, + bent.
- working is the side the exercise trains or moves (the top side when lying
  on your side, the front leg in a split stance); other is the other side.
- Lying on your back with the hips lifted (trunk < 0), the head stays on the
  floor instead of following the trunk.

The view places an orthographic camera: front or back on the body's heading
(where the chest faces, or where the head points on hands and knees or on your
back), side on the working side, facing right. Front and back views look down
20 degrees (30 on hands and knees) and turn 15 degrees toward the working side
(35 toward the other side on hands and knees), so depth shows; the side view
is level and square on. Lengths are in metres for a body about 1.7 m tall; the
lowest point of the start pose stands on the floor, and every later frame keeps
the `planted` joint where the start had it. The animation interpolates the
angles (eased), through `via` when the pose has one.
"""

from __future__ import annotations

import argparse
import gzip
import html
import math
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

from generator.model import BASE_ANGLES, Exercise, Limb, Pose, PosePair

Vec = tuple[float, float, float]
Point = tuple[float, float]

# Segment lengths in metres.
PELVIS, TRUNK, NECK, HEAD = 0.09, 0.50, 0.15, 0.10
SHOULDERS, UPPER_ARM, FOREARM = 0.17, 0.28, 0.27
THIGH, SHIN, FOOT = 0.44, 0.43, 0.15
SIDES = {"working": 1, "other": -1}
LOOP_SECONDS = 3
STEPS = 4  # frames from start to end; the loop holds at each end
SCALE = 100  # SVG user units per metre
UP: Vec = (0.0, 1.0, 0.0)


@dataclass(frozen=True)
class Base:
    """How a base position sits in the world, and how it is said."""

    up: Vec  # where the head points, before `trunk`
    front: Vec  # where the chest faces
    heading: str  # the body axis front and back views look along: "front" or "up"
    words: str
    side_words: tuple[str, str]  # working, other
    elevation: float = 20  # degrees the front and back views look down
    turn: float = 15  # degrees the front and back views move round toward the working side (- the other), to show depth


BASES: Mapping[str, Base] = {
    "standing": Base(UP, (0, 0, 1), "front", "standing", ("working", "other")),
    "split-stance": Base(UP, (0, 0, 1), "front", "in a split stance, one foot forward and one back", ("front", "back")),
    "seated": Base(UP, (0, 0, 1), "front", "sitting", ("working", "other")),
    "quadruped": Base((0, 0, 1), (0, -1, 0), "up", "on hands and knees", ("working", "other"), 30, -35),
    "supine": Base((0, 0, 1), UP, "up", "lying on your back", ("working", "other")),
    "side-lying": Base((-1, 0, 0), (0, 0, 1), "front", "lying on your side", ("top", "bottom")),
    "side-plank": Base((-1, 0, 0), (0, 0, 1), "front", "on your side, propped on your forearm", ("top", "bottom")),
}

EQUIPMENT_WORDS = {
    "band-ankles": "a band around the ankles",
    "band-knees": "a band just above the knees",
    "barbell-back": "a barbell across the upper back",
    "barbell-hips": "a barbell across the hips",
    "barbell-hands": "a barbell in the hands",
    "dumbbell-chest": "a dumbbell held at the chest",
    "dumbbell-working-hand": "a dumbbell in the {working} hand",
    "dumbbell-other-hand": "a dumbbell in the {other} hand",
    "cable-ankle": "a low cable on the {working} ankle",
    "machine-pads": "machine pads outside the knees",
    "seat": "a bench or box to sit on",
    "bench-back": "the upper back on a bench",
    "bench-foot": "the {other} foot on a bench",
    "step": "the {working} foot on a step",
}

# Muscle id -> strokes between landmarks ({s} is the side); drawn as a wide translucent tint.
MUSCLE_STROKES: Mapping[str, tuple[tuple[str, str], ...]] = {
    "gluteus-medius": (("{s}-crest", "{s}-trochanter"),),
    "gluteus-minimus": (("{s}-crest", "{s}-trochanter"),),
    "tensor-fasciae-latae": (("{s}-crest", "{s}-trochanter"),),
    "gluteus-maximus": (("{s}-sacrum", "{s}-seat"),),
    "deep-hip-rotators": (("{s}-sacrum", "{s}-seat"),),
    "quadriceps": (("{s}-quad-top", "{s}-quad-low"),),
    "hamstrings": (("{s}-ham-top", "{s}-ham-low"),),
    "adductors": (("{s}-add-top", "{s}-add-low"),),
    "calves": (("{s}-calf-top", "{s}-calf-low"),),
    "core": (("core-low", "core-high"),),
    "erector-spinae": (("back-low", "back-high"),),
}

JOINTS = ("pelvis", "shoulders", "head", *(f"{s}-{j}" for s in SIDES for j in ("hip", "knee", "ankle", "toe", "shoulder", "elbow", "hand")))

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


# --- vectors -------------------------------------------------------------


def _add(*vs: Vec) -> Vec:
    return (sum(v[0] for v in vs), sum(v[1] for v in vs), sum(v[2] for v in vs))


def _mul(v: Vec, k: float) -> Vec:
    return (v[0] * k, v[1] * k, v[2] * k)


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _unit(v: Vec) -> Vec:
    return _mul(v, 1 / math.sqrt(_dot(v, v)))


def _rot(v: Vec, axis: Vec, degrees: float) -> Vec:
    """Rotate v about the unit vector axis (right hand rule), Rodrigues' formula."""
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    return _add(_mul(v, c), _mul(_cross(axis, v), s), _mul(axis, _dot(axis, v) * (1 - c)))


# --- kinematics ----------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """The trunk's axes in the world: head-wards, chest-wards, toward the working side."""

    up: Vec
    front: Vec
    side: Vec

    def flex(self, v: Vec, degrees: float) -> Vec:
        """Rotate v forward: "down the trunk" toward "out of the chest"."""
        return _rot(v, self.side, -degrees)

    def out(self, v: Vec, degrees: float) -> Vec:
        """Rotate v from "down the trunk" toward the working side."""
        return _rot(v, self.front, degrees)

    def turn(self, v: Vec, degrees: float) -> Vec:
        """Rotate v about the trunk's length: "out of the chest" toward the working side."""
        return _rot(v, self.up, degrees)


def _trunk_frame(pose: Pose) -> Frame:
    base = BASES[pose.base]
    up, front = base.up, base.front
    side = _cross(up, front)
    up, front = _rot(up, side, pose.trunk), _rot(front, side, pose.trunk)
    up, side = _rot(up, front, -pose.trunk_side), _rot(side, front, -pose.trunk_side)
    return Frame(up, front, side)


def _limb_points(f: Frame, name: str, sign: int, limb: Limb, pelvis: Vec, shoulders: Vec) -> dict[str, Vec]:
    """One side's joints, and the landmarks the muscle tint is drawn between."""
    down = _mul(f.up, -1)

    def hip_rotate(v: Vec) -> Vec:
        return f.flex(f.out(f.turn(v, sign * limb.hip_turn), sign * limb.hip_out), limb.hip)

    def arm_rotate(v: Vec) -> Vec:
        return f.flex(f.out(f.turn(v, sign * limb.shoulder_turn), sign * limb.shoulder_out), limb.shoulder)

    thigh, thigh_front, thigh_side = hip_rotate(down), hip_rotate(f.front), hip_rotate(_mul(f.side, sign))
    shin = hip_rotate(f.flex(down, -limb.knee))
    shin_front = hip_rotate(f.flex(f.front, -limb.knee))
    foot = hip_rotate(f.flex(down, 90 - limb.knee + limb.ankle))
    upper, fore = arm_rotate(down), arm_rotate(f.flex(down, limb.elbow))
    hip = _add(pelvis, _mul(f.side, sign * PELVIS))
    knee = _add(hip, _mul(thigh, THIGH))
    ankle = _add(knee, _mul(shin, SHIN))
    shoulder = _add(shoulders, _mul(f.side, sign * SHOULDERS))
    elbow = _add(shoulder, _mul(upper, UPPER_ARM))

    def on_thigh(at: float, across: Vec, by: float) -> Vec:
        return _add(hip, _mul(thigh, at * THIGH), _mul(across, by))

    return {
        f"{name}-hip": hip,
        f"{name}-knee": knee,
        f"{name}-ankle": ankle,
        f"{name}-toe": _add(ankle, _mul(foot, FOOT)),
        f"{name}-shoulder": shoulder,
        f"{name}-elbow": elbow,
        f"{name}-hand": _add(elbow, _mul(fore, FOREARM)),
        f"{name}-crest": _add(pelvis, _mul(f.up, 0.12), _mul(f.side, sign * 0.11)),
        f"{name}-trochanter": on_thigh(0.1, thigh_side, 0.05),
        f"{name}-sacrum": _add(pelvis, _mul(f.up, 0.08), _mul(f.front, -0.08), _mul(f.side, sign * 0.05)),
        f"{name}-seat": on_thigh(0.15, thigh_front, -0.07),
        f"{name}-quad-top": on_thigh(0.2, thigh_front, 0.04),
        f"{name}-quad-low": on_thigh(0.85, thigh_front, 0.04),
        f"{name}-ham-top": on_thigh(0.2, thigh_front, -0.04),
        f"{name}-ham-low": on_thigh(0.85, thigh_front, -0.04),
        f"{name}-add-top": on_thigh(0.2, thigh_side, -0.04),
        f"{name}-add-low": on_thigh(0.7, thigh_side, -0.04),
        f"{name}-calf-top": _add(knee, _mul(shin, 0.15 * SHIN), _mul(shin_front, -0.04)),
        f"{name}-calf-low": _add(knee, _mul(shin, 0.6 * SHIN), _mul(shin_front, -0.04)),
    }


def world_points(pose: Pose) -> dict[str, Vec]:
    """Every joint and landmark in metres, world y up, with the lowest body point on the floor (y = 0)."""
    f = _trunk_frame(pose)
    pelvis: Vec = (0.0, 0.0, 0.0)
    shoulders = _mul(f.up, TRUNK)
    # Lying on your back with the hips lifted (trunk < 0), the head stays on the floor.
    neck = _trunk_frame(replace(pose, trunk=0)).up if pose.base == "supine" and pose.trunk < 0 else f.up
    points = {
        "pelvis": pelvis,
        "shoulders": shoulders,
        "head": _add(shoulders, _mul(neck, NECK)),
        "core-low": _add(_mul(f.up, 0.08), _mul(f.front, 0.07)),
        "core-high": _add(_mul(f.up, 0.38), _mul(f.front, 0.07)),
        "back-low": _add(_mul(f.up, 0.08), _mul(f.front, -0.07)),
        "back-high": _add(_mul(f.up, 0.38), _mul(f.front, -0.07)),
    }
    for name, sign in SIDES.items():
        points.update(_limb_points(f, name, sign, getattr(pose, name), pelvis, shoulders))
    floor = min(min(points[j][1] for j in JOINTS), points["head"][1] - HEAD)
    return {name: (p[0], p[1] - floor, p[2]) for name, p in points.items()}


@dataclass(frozen=True)
class Camera:
    """An orthographic camera: image right, image up, and toward the viewer, as world vectors."""

    right: Vec
    up: Vec
    toward: Vec
    level: Vec  # toward the viewer, along the floor

    def project(self, p: Vec) -> Point:
        return (_dot(p, self.right), _dot(p, self.up))

    def depth(self, p: Vec) -> float:
        return _dot(p, self.toward)


def camera(base: str, view: str) -> Camera:
    """Where the picture of a base position is seen from (see the module docstring)."""
    b = BASES[base]
    axis = b.front if b.heading == "front" else b.up
    look = {"front": axis, "back": _mul(axis, -1), "side": _cross(b.up, b.front)}[view]
    level = _unit((look[0], 0.0, look[2]))  # the schema keeps views off the vertical
    if view != "side":
        side, turn = _cross(b.up, b.front), math.radians(b.turn)
        level = _unit(_add(_mul(level, math.cos(turn)), _mul((side[0], 0.0, side[2]), math.sin(turn))))
    right = _cross(level, UP) if view == "side" else _cross(UP, level)  # side views face right
    e = math.radians(0 if view == "side" else b.elevation)
    up, toward = _add(_mul(UP, math.cos(e)), _mul(level, -math.sin(e))), _add(_mul(level, math.cos(e)), _mul(UP, math.sin(e)))
    return Camera(right, up, toward, level)


def joint_positions(pose: Pose) -> dict[str, Point]:
    """Each joint's place in the picture, in metres: x to the right, y up, the floor at y = 0 in a side view."""
    cam = camera(pose.base, pose.view)
    points = world_points(pose)
    return {name: cam.project(points[name]) for name in JOINTS}


# --- movement ------------------------------------------------------------


def _lerp_limb(a: Limb, b: Limb, t: float) -> Limb:
    return Limb(**{f.name: getattr(a, f.name) + (getattr(b, f.name) - getattr(a, f.name)) * t for f in fields(Limb)})


def between(start: Pose, end: Pose, t: float) -> Pose:
    """The pose a fraction t of the way from start to end, angle by angle."""
    return replace(
        start, trunk=start.trunk + (end.trunk - start.trunk) * t, trunk_side=start.trunk_side + (end.trunk_side - start.trunk_side) * t,
        working=_lerp_limb(start.working, end.working, t), other=_lerp_limb(start.other, end.other, t),
    )


def poses_between(pair: PosePair, steps: int = STEPS) -> list[Pose]:
    """steps + 1 poses from start to end, eased; through `via` (at the middle frame) when there is one."""
    out = []
    for i in range(steps + 1):
        t = i / steps
        if pair.via is None:
            out.append(between(pair.start, pair.end, t * t * (3 - 2 * t)))
        else:
            out.append(between(pair.start, pair.via, 2 * t) if t <= 0.5 else between(pair.via, pair.end, 2 * t - 1))
    return out


def frames(pair: PosePair, steps: int = STEPS) -> list[dict[str, Vec]]:
    """World points of `poses_between`, each moved so the planted joint stays where the start has it."""
    out: list[dict[str, Vec]] = []
    for pose in poses_between(pair, steps):
        points = world_points(pose)
        if out:
            shift = _add(out[0][pair.planted], _mul(points[pair.planted], -1))
            points = {name: _add(p, shift) for name, p in points.items()}
        out.append(points)
    return out


def lowest(points: Mapping[str, Vec]) -> float:
    """The height of the lowest body point: below 0 means through the floor."""
    return min(min(points[j][1] for j in JOINTS), points["head"][1] - HEAD)


# --- words -----------------------------------------------------------------

_TRUNK_WORDS = {
    "supine": ("upper back raised about {n} degrees", "body sloping down to the shoulders about {n} degrees", "body flat"),
    "quadruped": ("chest lowered about {n} degrees", "chest raised about {n} degrees", "back level"),
}
_UPRIGHT_TRUNK = ("trunk leaning forward about {n} degrees", "trunk leaning back about {n} degrees", "trunk upright")
_SIDE_TRUNK = {
    "side-lying": ("upper body propped up about {n} degrees", "", "body in one line"),
    "side-plank": ("upper body propped up about {n} degrees", "", "body in one line"),
}
_LEG_WORDS = {  # joint: (positive, negative, zero), said of a leg
    "hip": ("bent about {n} degrees at the hip", "reaching back about {n} degrees", "in line with the body"),
    "knee": ("bent about {n} degrees at the knee", "", "straight at the knee"),
    "hip_out": ("out to the side about {n} degrees", "across the body about {n} degrees", "in line with the body"),
    "hip_turn": ("turned out about {n} degrees", "turned in about {n} degrees", "facing forward"),
}
_RAISED = ("raised about {n} degrees", "lowered about {n} degrees", "in line with the body")  # hip_out of a top leg


def _about(value: float) -> int:
    return int(5 * round(abs(value) / 5))


def _phrase(words: tuple[str, str, str], value: float) -> str:
    n = _about(value)
    return (words[2] if n == 0 else words[0] if value > 0 else words[1]).format(n=n)


def _and(parts: list[str]) -> str:
    parts = list(dict.fromkeys(p for p in parts if p))
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def _changes(before: Pose, after: Pose, min_change: float, *, tilt: bool = True) -> list[str]:
    """What differs from before to after, in words: the trunk, then each leg."""
    said: list[str] = []
    if abs(after.trunk - before.trunk) >= min_change:
        said.append(_phrase(_TRUNK_WORDS.get(after.base, _UPRIGHT_TRUNK), after.trunk))
    if tilt and abs(after.trunk_side - before.trunk_side) >= min_change and after.base in _SIDE_TRUNK:
        said.append(_phrase(_SIDE_TRUNK[after.base], after.trunk_side))
    lying = after.base in ("side-lying", "side-plank")
    together = lying and after.working.hip_out == -after.other.hip_out != 0  # both legs angled to the floor, as one
    moved = {side: [j for j in _LEG_WORDS if abs(getattr(getattr(after, side), j) - getattr(getattr(before, side), j)) >= min_change] for side in SIDES}
    if together:
        moved = {side: [j for j in joints if j != "hip_out"] for side, joints in moved.items()}
    groups = {"working": moved["working"], "other": moved["other"]}
    if all(getattr(after.working, j) == getattr(after.other, j) for j in _LEG_WORDS) and moved["working"] == moved["other"]:
        groups = {"both": moved["working"]}
    for group, joints in groups.items():
        limb: Limb = getattr(after, "working" if group == "both" else group)
        words = [_phrase(_RAISED if j == "hip_out" and lying and group == "working" else _LEG_WORDS[j], getattr(limb, j)) for j in joints]
        if len(words) > 1 and words[0].startswith("bent about") and words[1].startswith("bent about"):
            words[1] = words[1].removeprefix("bent ")  # "bent about 90 degrees at the hip and about 90 degrees at the knee"
        if words:
            subject = "both legs" if group == "both" else BASES[after.base].side_words[group == "other"] + " leg"
            said.append(f"{subject} {_and(words)}")
    return said


def _base_pose(pair: PosePair) -> Pose:
    """The base position itself, as the validator would resolve `start: {}`."""
    data = BASE_ANGLES[pair.base]
    sides = {side: {**data.get("both", {}), **data.get(side, {})} for side in SIDES}
    return Pose(pair.base, pair.view, data.get("trunk", 0), data.get("trunk_side", 0), Limb(**sides["working"]), Limb(**sides["other"]))


def _sentence(parts: Iterable[str]) -> str:
    text = ", ".join(p for p in parts if p)
    return text[:1].upper() + text[1:] + "."


def describe(pair: PosePair) -> str:
    """The start and the end in words, from the same data as the picture."""
    base = BASES[pair.base]
    names = dict(zip(("working", "other"), base.side_words, strict=True))
    kit = [EQUIPMENT_WORDS[item].format(**names) for item in pair.equipment]
    first, last = world_points(pair.start), world_points(pair.end)
    start = [base.words, "with " + _and(kit) if kit else "", *_changes(_base_pose(pair), pair.start, 10)]
    if pair.base in ("supine", "side-plank") and min(first["working-hip"][1], first["other-hip"][1]) < 0.12:
        start.append("hips on the floor")
    # The end says what moved: the tilt of a body on its side follows from the hips, said below.
    end = _changes(pair.start, pair.end, 10, tilt=False) or _changes(pair.start, pair.end, 1, tilt=False)
    rise = last["pelvis"][1] - last[pair.planted][1] - (first["pelvis"][1] - first[pair.planted][1])
    if abs(rise) >= 0.08:
        end.append("hips raised" if rise > 0 else "hips lowered")
    return f"Start: {_sentence(start)} End: {_sentence(end)}"


# --- drawing -------------------------------------------------------------


def _n(value: float) -> str:
    """Metres -> whole picture units (cm)."""
    return str(round(value * SCALE) or 0)


def _pt(p: Point) -> str:
    return f"{_n(p[0])} {_n(-p[1])}"


def _line(*points: Point) -> str:
    return "M" + "L".join(_pt(p) for p in points)


def _circle(c: Point, r: float) -> str:
    return f"M{_n(c[0] - r)} {_n(-c[1])}a{_n(r)} {_n(r)} 0 1 0 {_n(2 * r)} 0a{_n(r)} {_n(r)} 0 1 0 -{_n(2 * r)} 0"


def _mid(a: Vec, b: Vec, t: float = 0.5) -> Vec:
    return _add(_mul(a, 1 - t), _mul(b, t))


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


def _body(cam: Camera, points: Mapping[str, Vec], far: str) -> tuple[str, str, str, str]:
    """Path data of the far limbs, the trunk, the near limbs and the head."""
    p = {name: cam.project(v) for name, v in points.items()}

    def limbs(s: str) -> str:
        return _line(*(p[f"{s}-{j}"] for j in ("hip", "knee", "ankle", "toe"))) + _line(*(p[f"{s}-{j}"] for j in ("shoulder", "elbow", "hand")))

    trunk = _line(p["working-hip"], p["other-hip"]) + _line(p["pelvis"], p["shoulders"]) + _line(p["working-shoulder"], p["other-shoulder"])
    near = "working" if far == "other" else "other"
    return limbs(far), trunk, limbs(near), _circle(p["head"], HEAD)


def _tint(cam: Camera, points: Mapping[str, Vec], muscles: Iterable[str], sides: Iterable[str]) -> str:
    strokes = []
    for muscle in muscles:
        for a, b in MUSCLE_STROKES.get(muscle, ()):
            for side in sides if "{s}" in a else ("",):
                strokes.append(_line(cam.project(points[a.format(s=side)]), cam.project(points[b.format(s=side)])))
    return "".join(dict.fromkeys(strokes))


def _moving_kit(cam: Camera, pose: Pose, points: Mapping[str, Vec], equipment: Iterable[str]) -> tuple[str, str]:
    """Path data of the equipment that moves with the body: (thin lines, thick lines)."""
    f = _trunk_frame(pose)
    pr = cam.project
    thin, thick = [], []
    for item in equipment:
        if item in ("band-knees", "band-ankles"):
            joint, toward, t = ("knee", "hip", 0.2) if item == "band-knees" else ("ankle", "knee", 0.15)
            thick.append(_line(*(pr(_mid(points[f"{s}-{joint}"], points[f"{s}-{toward}"], t)) for s in SIDES)))
        elif item.startswith("barbell-"):
            centre = {
                "barbell-back": _add(points["shoulders"], _mul(f.front, -0.08), _mul(f.up, -0.02)),
                "barbell-hips": _add(points["pelvis"], _mul(f.front, 0.14)),
                "barbell-hands": _mid(points["working-hand"], points["other-hand"]),
            }[item]
            ends = [pr(_add(centre, _mul(f.side, k))) for k in (0.55, -0.55)]
            thin.append(_line(*ends) + "".join(_circle(e, 0.12 if item == "barbell-back" else 0.2) for e in ends))
        elif item == "dumbbell-chest":  # upright, held in both hands
            x, y = pr(_mid(points["working-hand"], points["other-hand"]))
            thick.append(_line((x, y - 0.06), (x, y + 0.14)))
        elif item.startswith("dumbbell-"):  # across the picture, in one hand
            x, y = pr(points[item.removeprefix("dumbbell-")])
            thick.append(_line((x - 0.09, y), (x + 0.09, y)))
        elif item == "machine-pads":
            for s, sign in SIDES.items():
                out = _mul(f.side, sign * 0.07)
                thick.append(_line(pr(_add(_mid(points[f"{s}-hip"], points[f"{s}-knee"], 0.55), out)), pr(_add(points[f"{s}-knee"], out))))
        elif item == "cable-ankle":
            thin.append(_line(pr(points["working-ankle"]), pr(points["pulley"])))
    return "".join(thin), "".join(thick)


def _furniture(pair: PosePair, poses: list[dict[str, Vec]]) -> tuple[list[tuple[Vec, float]], list[tuple[Vec, Vec]]]:
    """What stays put, in the world: boxes as (top centre, width), and posts as (bottom, top)."""
    first = poses[0]
    f = _trunk_frame(pair.start)
    boxes: list[tuple[Vec, float]] = []
    posts: list[tuple[Vec, Vec]] = []
    for item in pair.equipment:
        if item == "seat":
            x, y, z = min((p["pelvis"] for p in poses), key=lambda v: v[1])
            boxes.append(((x, y - 0.1, z), 0.4))
        elif item == "bench-back":
            x, _, z = _add(first["shoulders"], _mul(f.up, 0.15))
            boxes.append(((x, first["shoulders"][1] - 0.07, z), 0.45))
        elif item in ("bench-foot", "step"):
            side = "other" if item == "bench-foot" else "working"
            x, _, z = _mid(first[f"{side}-ankle"], first[f"{side}-toe"], 0.3)
            boxes.append(((x, min(first[f"{side}-ankle"][1], first[f"{side}-toe"][1]) - 0.02, z), 0.4 if item == "bench-foot" else 0.32))
        elif item == "cable-ankle":
            x, _, z = _add(first["other-ankle"], _mul(f.side, -0.6))
            posts.append(((x, 0.0, z), (x, 1.9, z)))
    return boxes, posts


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
    boxes, posts = _furniture(pair, poses)
    for points in poses:
        if posts:
            points["pulley"] = _mid(*posts[0], 0.03)
    gap = cam.depth(poses[0]["working-hip"]) - cam.depth(poses[0]["other-hip"])
    far = "other" if gap >= 0 else "working"
    symmetric = pair.start.working == pair.start.other and pair.end.working == pair.end.other
    tint_sides = tuple(SIDES) if symmetric else ("working",)
    rows = []
    for pose, points in zip(poses_between(pair), poses, strict=True):
        rows.append((*_body(cam, points, far), _tint(cam, points, exercise.primary, tint_sides), *_moving_kit(cam, pose, points, pair.equipment)))
    faint = "hp-b hp-f" if abs(gap) > 0.05 else "hp-b"  # the other side, when it is clearly nearer or farther
    classes = (faint if far == "other" else "hp-b", "hp-b", faint if far == "working" else "hp-b", "hp-h", "hp-m", "hp-e", "hp-p")
    shapes = tuple(Shape(cls, tuple(row[i] for row in rows)) for i, cls in enumerate(classes) if rows[0][i])
    everything = [v for p in poses for v in p.values()] + [v for post in posts for v in post] + [b[0] for b in boxes]
    xs = [_dot(v, cam.right) for v in everything]
    x0, x1 = min(xs) - 0.12, max(xs) + 0.12
    along = [_dot(v, cam.level) for v in everything]
    sink = _dot(cam.level, cam.up)  # how far the floor drops in the picture per metre toward the viewer
    floor_far, floor_near = (max(along) + 0.1) * -sink, (min(along) - 0.1) * -sink
    floor_far, floor_near = min(floor_far, floor_near), max(floor_far, floor_near)
    fixed = [f"M{_n(x0)} {_n(floor_near)}H{_n(x1)}"]
    for top, width in boxes:
        x, y = cam.project(top)
        bottom = cam.project((top[0], 0.0, top[2]))[1]
        fixed.append(f"M{_n(x - width / 2)} {_n(-y)}h{_n(width)}V{_n(-bottom)}H{_n(x - width / 2)}Z")
    fixed += [_line(cam.project(a), cam.project(b)) for a, b in posts]
    floor = f"M{_n(x0)} {_n(floor_far)}H{_n(x1)}V{_n(floor_near)}H{_n(x0)}Z" if floor_near - floor_far > 0.01 else ""
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
