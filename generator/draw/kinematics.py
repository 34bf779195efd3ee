"""A pose and its kinematics: joint angles -> points in the world -> points in a picture.

Angle conventions (whole degrees, as in `pose:` in exercises/*.yml)
-------------------------------------------------------------------
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
(`Base.elevation`: 20 degrees; 35 on hands and knees, so the back reads as a
table top and the hands sit higher in the picture than a knee lifted out; 40 lying on your side, so a 45-degree hip and a bent knee show) and
turn toward the working side (`Base.turn`: 15 degrees; 30 standing, a
three-quarter view in which a bent knee and a step back show; 12 on hands and
knees, nearly square behind, so a knee lifted out to the side travels across
the picture, away from the hands), so depth shows and the working side is the near one (drawn
darker). Lying on a side the working side is up, so the turn goes toward the
feet instead (a side plank's forearm on the floor shows). A pose's `turn:`
replaces the base's turn (0 is square on, so a foot stepped back and across
reads as crossing, not as stepping out). The side view is
level and square on. generator/check/pose_rules.py checks that the part that
moves keeps most of its path in one of the panels (HD331). Lengths are in metres for a body about 1.7 m tall; the
lowest point of the start pose stands on the floor, and every later frame keeps
the `planted` joint where the start had it. In-between poses
interpolate the angles (eased), through `via` when the pose has one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from operator import attrgetter, itemgetter
from typing import NamedTuple

from generator.draw.vectors import UP, Point, Vec, along, rotated, add, cross, dot, mul, rot, unit
from generator.model import Limb, Pose, PosePair

# Segment lengths in metres.
PELVIS, TRUNK, NECK, HEAD = 0.09, 0.50, 0.15, 0.10
SHOULDERS, UPPER_ARM, FOREARM = 0.17, 0.28, 0.27
THIGH, SHIN, FOOT = 0.44, 0.43, 0.15
SIDES = {"working": 1, "other": -1}
STEPS = 4  # frames from start to end


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
    "standing": Base(UP, (0, 0, 1), "front", "standing", ("working", "other"), 20, 30),
    "split-stance": Base(UP, (0, 0, 1), "front", "in a split stance, one foot forward and one back", ("front", "back")),
    "seated": Base(UP, (0, 0, 1), "front", "sitting", ("working", "other")),
    "quadruped": Base((0, 0, 1), (0, -1, 0), "up", "on hands and knees", ("working", "other"), 35, 12),
    "supine": Base((0, 0, 1), UP, "up", "lying on your back", ("working", "other")),
    "side-lying": Base((-1, 0, 0), (0, 0, 1), "front", "lying on your side", ("top", "bottom"), 40),
    "side-plank": Base((-1, 0, 0), (0, 0, 1), "front", "on your side, propped on your forearm", ("top", "bottom"), 30, 30),
}

JOINTS = ("pelvis", "shoulders", "head", *(f"{s}-{j}" for s in SIDES for j in ("hip", "knee", "ankle", "toe", "shoulder", "elbow", "hand")))


# --- kinematics ----------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """The trunk's axes in the world: head-wards, chest-wards, toward the working side."""

    up: Vec
    front: Vec
    side: Vec

    def flex(self, v: Vec, degrees: float) -> Vec:
        """Rotate v forward: "down the trunk" toward "out of the chest"."""
        return rot(v, self.side, -degrees)

    def out(self, v: Vec, degrees: float) -> Vec:
        """Rotate v from "down the trunk" toward the working side."""
        return rot(v, self.front, degrees)

    def turn(self, v: Vec, degrees: float) -> Vec:
        """Rotate v about the trunk's length: "out of the chest" toward the working side."""
        return rot(v, self.up, degrees)


def trunk_frame(pose: Pose) -> Frame:
    base = BASES[pose.base]
    up, front = base.up, base.front
    side = cross(up, front)
    up, front = rotated([up, front], side, pose.trunk)
    up, side = rotated([up, side], front, -pose.trunk_side)
    return Frame(up, front, side)


def _swing(vs: list[Vec], f: Frame, turn: float, out: float, flex: float) -> list[Vec]:
    """f.flex(f.out(f.turn(v, turn), out), flex) of each of vs: the three rotations of a hip or a shoulder (an angle of 0 turns nothing)."""
    if turn:
        vs = rotated(vs, f.up, turn)
    if out:
        vs = rotated(vs, f.front, out)
    return rotated(vs, f.side, -flex) if flex else vs


_LEG_NAMES = {s: tuple(f"{s}-{j}" for j in ("hip", "knee", "ankle", "toe")) for s in SIDES}  # named once, not for every frame
_ARM_NAMES = {s: tuple(f"{s}-{j}" for j in ("shoulder", "elbow", "hand")) for s in SIDES}


def _leg_points(f: Frame, name: str, sign: int, limb: Limb, pelvis: Vec, landmarks: bool) -> tuple[dict[str, Vec], dict[str, Vec]]:
    """One side's hip, knee, ankle and toe, and (unless landmarks is False) the landmarks the muscle tint is drawn between."""
    down = mul(f.up, -1)
    # What the hip turns: the thigh, the shin and the foot, and for the landmarks the thigh's front and side and the shin's front.
    leg = [down, f.flex(down, -limb.knee), f.flex(down, 90 - limb.knee + limb.ankle)]
    if landmarks:
        leg += [f.front, mul(f.side, sign), f.flex(f.front, -limb.knee)]
    thigh, shin, foot, *across = _swing(leg, f, sign * limb.hip_turn, sign * limb.hip_out, limb.hip)
    hip = along(pelvis, f.side, sign * PELVIS)
    knee = along(hip, thigh, THIGH)
    ankle = along(knee, shin, SHIN)
    hip_at, knee_at, ankle_at, toe_at = _LEG_NAMES[name]
    joints = {hip_at: hip, knee_at: knee, ankle_at: ankle, toe_at: along(ankle, foot, FOOT)}
    if not landmarks:
        return joints, {}
    thigh_front, thigh_side, shin_front = across

    def on_thigh(at: float, across: Vec, by: float) -> Vec:
        return add(hip, mul(thigh, at * THIGH), mul(across, by))

    return joints, {
        f"{name}-crest": add(pelvis, mul(f.up, 0.12), mul(f.side, sign * 0.11)),
        f"{name}-trochanter": on_thigh(0.1, thigh_side, 0.05),
        f"{name}-sacrum": add(pelvis, mul(f.up, 0.08), mul(f.front, -0.08), mul(f.side, sign * 0.05)),
        f"{name}-seat": on_thigh(0.15, thigh_front, -0.07),
        f"{name}-quad-top": on_thigh(0.2, thigh_front, 0.04),
        f"{name}-quad-low": on_thigh(0.85, thigh_front, 0.04),
        f"{name}-ham-top": on_thigh(0.2, thigh_front, -0.04),
        f"{name}-ham-low": on_thigh(0.85, thigh_front, -0.04),
        f"{name}-add-top": on_thigh(0.2, thigh_side, -0.04),
        f"{name}-add-low": on_thigh(0.7, thigh_side, -0.04),
        f"{name}-calf-top": add(knee, mul(shin, 0.15 * SHIN), mul(shin_front, -0.04)),
        f"{name}-calf-low": add(knee, mul(shin, 0.6 * SHIN), mul(shin_front, -0.04)),
    }


def _arm_points(f: Frame, name: str, sign: int, limb: Limb, shoulders: Vec) -> dict[str, Vec]:
    """One side's shoulder, elbow and hand."""
    down = mul(f.up, -1)
    upper, fore = _swing([down, f.flex(down, limb.elbow)], f, sign * limb.shoulder_turn, sign * limb.shoulder_out, limb.shoulder)
    shoulder = along(shoulders, f.side, sign * SHOULDERS)
    elbow = along(shoulder, upper, UPPER_ARM)
    shoulder_at, elbow_at, hand_at = _ARM_NAMES[name]
    return {shoulder_at: shoulder, elbow_at: elbow, hand_at: along(elbow, fore, FOREARM)}


def world_points(pose: Pose, landmarks: bool = True) -> dict[str, Vec]:
    """Every joint and landmark in metres, world y up, with the lowest body point on the floor (y = 0).

    Without landmarks, the muscle-tint landmarks are left out, all but back-high
    (under the shoulder blades, where a bench goes): the checks
    (generator/check/pose_rules.py) need only the joints and those points,
    which are the same numbers either way."""
    points = _body_points(pose, landmarks).points
    floor = lowest(points)
    return {name: (x, y - floor, z) for name, (x, y, z) in points.items()}


_LEG_ANGLES = attrgetter("hip", "hip_out", "hip_turn", "knee", "ankle")  # what a leg's points depend on, with the trunk
_ARM_ANGLES = attrgetter("shoulder", "shoulder_out", "shoulder_turn", "elbow")
# The names of the landmarks a leg builds, by side, and of the trunk's points (with and without the landmarks).
_LEG_MARKS = {s: tuple(f"{s}-{j}" for j in ("crest", "trochanter", "sacrum", "seat", "quad-top", "quad-low", "ham-top", "ham-low", "add-top", "add-low",
                                            "calf-top", "calf-low")) for s in SIDES}
_TRUNK = {True: ("pelvis", "shoulders", "head", "core-low", "core-high", "back-low", "back-high"), False: ("pelvis", "shoulders", "head", "back-high")}


class _Built(NamedTuple):
    """A pose's points as built (the pelvis at the origin), and its trunk's frame: what the next frame takes over."""

    pose: Pose
    frame: Frame
    points: dict[str, Vec]


def _body_points(pose: Pose, landmarks: bool, like: _Built | None = None) -> _Built:
    """world_points before the body is set on the floor: the pelvis at the origin.

    like, the frame before: with the same trunk angles, its trunk is taken over, and so is each leg and arm whose
    angles are the same too (equal angles give the same numbers, to the bit), as most are from frame to frame.
    Each side's points come in the order _leg_points and _arm_points give them: leg joints, arm joints, landmarks."""
    same_trunk = like is not None and (like.pose.base, like.pose.trunk, like.pose.trunk_side) == (pose.base, pose.trunk, pose.trunk_side)
    before = like if same_trunk else None
    f = before.frame if before is not None else trunk_frame(pose)
    pelvis: Vec = (0.0, 0.0, 0.0)
    shoulders = mul(f.up, TRUNK)
    if before is not None:
        points = {n: before.points[n] for n in _TRUNK[landmarks]}
    else:
        # Lying on your back with the hips lifted (trunk < 0), the head stays on the floor.
        neck = trunk_frame(replace(pose, trunk=0)).up if pose.base == "supine" and pose.trunk < 0 else f.up
        points = {"pelvis": pelvis, "shoulders": shoulders, "head": along(shoulders, neck, NECK)}
        if landmarks:
            points["core-low"] = along(mul(f.up, 0.08), f.front, 0.07)
            points["core-high"] = along(mul(f.up, 0.38), f.front, 0.07)
            points["back-low"] = along(mul(f.up, 0.08), f.front, -0.07)
        points["back-high"] = along(mul(f.up, 0.38), f.front, -0.07)
    for name, sign in SIDES.items():
        limb = getattr(pose, name)
        was = getattr(before.pose, name) if before is not None else None
        if before is not None and _LEG_ANGLES(was) == _LEG_ANGLES(limb):
            leg = {n: before.points[n] for n in _LEG_NAMES[name]}
            marks = {n: before.points[n] for n in _LEG_MARKS[name]} if landmarks else {}
        else:
            leg, marks = _leg_points(f, name, sign, limb, pelvis, landmarks)
        points.update(leg)
        if before is not None and _ARM_ANGLES(was) == _ARM_ANGLES(limb):
            points.update({n: before.points[n] for n in _ARM_NAMES[name]})
        else:
            points.update(_arm_points(f, name, sign, limb, shoulders))
        points.update(marks)
    return _Built(pose, f, points)


@dataclass(frozen=True)
class Camera:
    """An orthographic camera: image right, image up, and toward the viewer, as world vectors."""

    right: Vec
    up: Vec
    toward: Vec
    level: Vec  # toward the viewer, along the floor

    def project(self, p: Vec) -> Point:
        return (dot(p, self.right), dot(p, self.up))

    def depth(self, p: Vec) -> float:
        return dot(p, self.toward)


def camera(base: str, view: str, turn_by: float | None = None) -> Camera:
    """Where the picture of a base position is seen from (see the module docstring); turn_by replaces the base's turn."""
    b = BASES[base]
    axis = b.front if b.heading == "front" else b.up
    look = {"front": axis, "back": mul(axis, -1), "side": cross(b.up, b.front)}[view]
    level = unit((look[0], 0.0, look[2]))  # the schema keeps views off the vertical
    if view != "side":
        side, turn = cross(b.up, b.front), math.radians(b.turn if turn_by is None else turn_by)
        if abs(side[1]) > 0.9:  # lying on a side, the working side is up: turn toward the feet instead, to show what points at the viewer
            side = mul(b.up, -1)
        level = unit(add(mul(level, math.cos(turn)), mul((side[0], 0.0, side[2]), math.sin(turn))))
    right = cross(level, UP) if view == "side" else cross(UP, level)  # side views face right
    e = math.radians(0 if view == "side" else b.elevation)
    up, toward = add(mul(UP, math.cos(e)), mul(level, -math.sin(e))), add(mul(level, math.cos(e)), mul(UP, math.sin(e)))
    return Camera(right, up, toward, level)


def joint_positions(pose: Pose) -> dict[str, Point]:
    """Each joint's place in the picture, in metres: x to the right, y up, the floor at y = 0 in a side view."""
    cam = camera(pose.base, pose.view)
    points = world_points(pose)
    return {name: cam.project(points[name]) for name in JOINTS}


# --- movement ------------------------------------------------------------


_LIMB_FIELDS = tuple(f.name for f in fields(Limb))
_limb_angles = attrgetter(*_LIMB_FIELDS)  # a limb's angles in field order, in one call
# `between` builds a Pose from these, faster than dataclasses.replace; a new field must be interpolated (or copied) there.
assert tuple(f.name for f in fields(Pose)) == ("base", "view", "trunk", "trunk_side", "working", "other")


def _lerp_limb(a: Limb, b: Limb) -> Callable[[float], Limb]:
    """The limb a fraction t of the way from a to b, angle by angle: x + (y - x) * t, each y - x taken once."""
    if a == b:
        return lambda t: a
    xs = _limb_angles(a)
    ds = [y - x for x, y in zip(xs, _limb_angles(b), strict=True)]
    return lambda t: Limb(*[x + d * t for x, d in zip(xs, ds, strict=True)])


def _path(start: Pose, end: Pose) -> Callable[[float], Pose]:
    """between(start, end, t) for any t, the differences taken once (the same sums)."""
    trunk, trunk_side = end.trunk - start.trunk, end.trunk_side - start.trunk_side
    working, other = _lerp_limb(start.working, end.working), _lerp_limb(start.other, end.other)
    return lambda t: Pose(start.base, start.view, start.trunk + trunk * t, start.trunk_side + trunk_side * t, working(t), other(t))


def between(start: Pose, end: Pose, t: float) -> Pose:
    """The pose a fraction t of the way from start to end, angle by angle."""
    return _path(start, end)(t)


def poses_between(pair: PosePair, steps: int = STEPS) -> list[Pose]:
    """steps + 1 poses from start to end, eased; through `via` (at the middle frame) when there is one."""
    times = [i / steps for i in range(steps + 1)]
    if pair.via is None:
        path = _path(pair.start, pair.end)
        return [path(t * t * (3 - 2 * t)) for t in times]
    first, second = _path(pair.start, pair.via), _path(pair.via, pair.end)
    return [first(2 * t) if t <= 0.5 else second(2 * t - 1) for t in times]


def frames(pair: PosePair, steps: int = STEPS, poses: list[Pose] | None = None, landmarks: bool = True) -> list[dict[str, Vec]]:
    """World points of `poses_between` (or of the poses given), each moved so the planted joint stays where the start has it."""
    return [p.frame() for p in placements(pair, poses if poses is not None else poses_between(pair, steps), landmarks)]


class Placed(NamedTuple):
    """A frame before it is made: a pose's points as built (the pelvis at the origin), and how `frames` moves them:
    down by floor, as world_points sets the lowest body point on the floor, then (after the start) by shift, so the
    planted joint stays where the start has it. Made in one pass over the points, with the same sums."""

    points: dict[str, Vec]
    low: float  # the lowest joint's height as built
    floor: float
    shift: Vec | None = None

    def frame(self, lift: float | None = None) -> dict[str, Vec]:
        """The frame `frames` makes, raised by lift if one is given (as generator/draw/facts.py sets a figure on the floor)."""
        floor, shift = self.floor, self.shift
        if shift is None:  # world_points
            if lift is None:
                return {name: (x, y - floor, z) for name, (x, y, z) in self.points.items()}
            return {name: (x, y - floor + lift, z) for name, (x, y, z) in self.points.items()}
        sx, sy, sz = shift  # then add(p, shift)
        if lift is None:
            return {name: (0.0 + x + sx, 0.0 + (y - floor) + sy, 0.0 + z + sz) for name, (x, y, z) in self.points.items()}
        return {name: (0.0 + x + sx, 0.0 + (y - floor) + sy + lift, 0.0 + z + sz) for name, (x, y, z) in self.points.items()}

    def height(self, y: float) -> float:
        """Where the frame puts a height y of the points as built."""
        return y - self.floor if self.shift is None else 0.0 + (y - self.floor) + self.shift[1]

    def lowest(self) -> float:
        """lowest(self.frame()), without making the frame: each sum in `height` keeps heights in order, so the lowest
        joint placed is the lowest placed joint, to the bit (the sums give -0.0 only for a -0.0 itself, never beside
        a 0.0 from another height)."""
        return min(self.height(self.low), self.height(self.points["head"][1]) - HEAD)


def placements(pair: PosePair, poses: Sequence[Pose], landmarks: bool = True) -> list[Placed]:
    """Each pose's points as built, and how `frames` moves them (see Placed)."""
    out: list[Placed] = []
    built: _Built | None = None
    for pose in poses:
        built = _body_points(pose, landmarks, built)
        points = built.points
        low = min(map(_height, _joints_of(points)))
        floor = min(low, points["head"][1] - HEAD)  # lowest(points)
        if not out:
            out.append(Placed(points, low, floor))
            continue
        # shift = add(the start frame's planted joint, mul(this frame's, -1)), both as world_points gives them
        px, py, pz = points[pair.planted]
        fx, fy, fz = out[0].points[pair.planted]
        fy = fy - out[0].floor
        out.append(Placed(points, low, floor, (0.0 + fx + px * -1, 0.0 + fy + (py - floor) * -1, 0.0 + fz + pz * -1)))
    return out


_joints_of = itemgetter(*JOINTS)  # a frame's joints, in the order of JOINTS
_height = itemgetter(1)


def lowest(points: Mapping[str, Vec]) -> float:
    """The height of the lowest body point: below 0 means through the floor."""
    return min(min(map(_height, _joints_of(points))), points["head"][1] - HEAD)
