"""Drawing a body: outlined shapes with volume, the far side lighter, the working muscles tinted on it.

The body is built in the world, then projected: the trunk from cross-sections
(hips, waist, chest, shoulders: each an ellipse of known width and depth)
whose outline is traced on both sides of its projected axis; the limbs from
tapered rods between the joints, with hands and feet; the head a ball with a
nose that shows which way it faces. Each limb is one outlined shape (see
`paths.outlined`), painted far to near with the trunk. A muscle is a
tinted rod between two landmarks of `kinematics.world_points`, painted
over the part it belongs to, and left out when it faces away from the viewer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.draw.kinematics import SIDES, Camera, Frame, trunk_frame
from generator.draw.paths import FAR_INK, FAR_SKIN, INK, MUSCLE, SKIN, Part, capsule, circle, ellipse, outlined, smooth
from generator.draw.vectors import Point, Vec, add, dot, mul, unit
from generator.model import Pose

# Trunk cross-sections: (height above the hip joints along the trunk, half width, half depth, forward shift), metres.
SECTIONS = ((-0.08, 0.145, 0.10, -0.02), (0.03, 0.175, 0.115, -0.025), (0.2, 0.135, 0.09, 0.0), (0.36, 0.155, 0.11, 0.025), (0.47, 0.185, 0.085, 0.0))
TRUNK_ENDS = (-0.13, 0.53)  # the outline's lowest and highest point along the trunk
# Limb segments: (from, to, radius at from, radius at to), metres; "heel" and "fist" are made below.
LEG = (("hip", "knee", 0.085, 0.055), ("knee", "ankle", 0.055, 0.036), ("heel", "toe", 0.036, 0.022))
ARM = (("shoulder", "elbow", 0.05, 0.04), ("elbow", "hand", 0.04, 0.028), ("hand", "fist", 0.03, 0.026))
HEAD_R = 0.105
# The thickest part of the body at each joint: how far its surface reaches beyond the joint (for the floor).
REACH = {"hip": 0.085, "knee": 0.055, "ankle": 0.036, "toe": 0.022, "shoulder": 0.05, "elbow": 0.04, "hand": 0.03}


@dataclass(frozen=True)
class Muscle:
    """A tint between two landmarks ({s}: the side), its radius at each, and the bone it lies along (to tell where it faces)."""

    a: str
    b: str
    ra: float
    rb: float
    axis: tuple[str, str]


MUSCLES: Mapping[str, Muscle] = {
    "gluteus-medius": Muscle("{s}-crest", "{s}-trochanter", 0.05, 0.03, ("pelvis", "shoulders")),
    "gluteus-minimus": Muscle("{s}-crest", "{s}-trochanter", 0.04, 0.025, ("pelvis", "shoulders")),
    "tensor-fasciae-latae": Muscle("{s}-crest", "{s}-trochanter", 0.035, 0.025, ("pelvis", "shoulders")),
    "gluteus-maximus": Muscle("{s}-sacrum", "{s}-seat", 0.055, 0.06, ("pelvis", "shoulders")),
    "deep-hip-rotators": Muscle("{s}-sacrum", "{s}-seat", 0.03, 0.03, ("pelvis", "shoulders")),
    "quadriceps": Muscle("{s}-quad-top", "{s}-quad-low", 0.045, 0.035, ("{s}-hip", "{s}-knee")),
    "hamstrings": Muscle("{s}-ham-top", "{s}-ham-low", 0.04, 0.03, ("{s}-hip", "{s}-knee")),
    "adductors": Muscle("{s}-add-top", "{s}-add-low", 0.04, 0.025, ("{s}-hip", "{s}-knee")),
    "calves": Muscle("{s}-calf-top", "{s}-calf-low", 0.035, 0.02, ("{s}-knee", "{s}-ankle")),
    "core": Muscle("core-low", "core-high", 0.05, 0.055, ("pelvis", "shoulders")),
    "erector-spinae": Muscle("back-low", "back-high", 0.035, 0.035, ("pelvis", "shoulders")),
}
MUSCLE_STROKES = MUSCLES  # the muscles that can be tinted (the caption names them)


def _limb_points(points: Mapping[str, Vec], s: str) -> dict[str, Vec]:
    """The joints of one side, with a heel behind the ankle and a fist beyond the wrist."""
    p = {j: points[f"{s}-{j}"] for j in REACH}
    foot = unit(add(p["toe"], mul(p["ankle"], -1)))
    fore = unit(add(p["hand"], mul(p["elbow"], -1)))
    return {**p, "heel": add(p["ankle"], mul(foot, -0.035)), "fist": add(p["hand"], mul(fore, 0.07))}


_REACHES = tuple((f"{s}-{j}", r) for s in SIDES for j, r in REACH.items())  # each side's joints, named once, and their reach


def surface_lowest(pose: Pose, points: Mapping[str, Vec]) -> float:
    """The height of the lowest point of the drawn body (not only of its joints)."""
    f = trunk_frame(pose)
    low = min(points["head"][1] - HEAD_R, *(points[j][1] - r for j, r in _REACHES))
    y = points["pelvis"][1]
    for h, hw, hd, shift in SECTIONS:
        # the height of add(pelvis, mul(f.up, h), mul(f.front, shift)), the section's centre, summed as add sums
        centre = 0.0 + y + f.up[1] * h + f.front[1] * shift
        low = min(low, centre - math.hypot(f.side[1] * hw, f.front[1] * hd))
    return low


def _trunk(cam: Camera, f: Frame, pelvis: Vec) -> str:
    """The trunk's outline: each cross-section's reach on both sides of the projected trunk axis."""
    ax, ay = cam.project(f.up)
    length = math.hypot(ax, ay)
    if length < 0.35:  # seen nearly end on: the sections themselves
        return "".join(
            ellipse(cam.project(add(pelvis, mul(f.up, h), mul(f.front, sh))), cam.project(mul(f.side, hw)), cam.project(mul(f.front, hd)))
            for h, hw, hd, sh in SECTIONS
        )
    ax, ay = ax / length, ay / length
    nx, ny = -ay, ax
    left: list[Point] = []
    right: list[Point] = []
    for h, hw, hd, shift in SECTIONS:
        cx, cy = cam.project(add(pelvis, mul(f.up, h), mul(f.front, shift)))
        sx, sy = cam.project(mul(f.side, hw))
        fx, fy = cam.project(mul(f.front, hd))
        reach = math.hypot(nx * sx + ny * sy, nx * fx + ny * fy)
        left.append((cx + nx * reach, cy + ny * reach))
        right.append((cx - nx * reach, cy - ny * reach))
    low, high = (cam.project(add(pelvis, mul(f.up, h))) for h in TRUNK_ENDS)
    return smooth([*left, high, *reversed(right), low])


def _head(cam: Camera, f: Frame, points: Mapping[str, Vec]) -> str:
    head, neck_base = points["head"], add(points["shoulders"], mul(f.up, 0.02))
    neck = capsule(cam.project(neck_base), cam.project(add(head, mul(unit(add(head, mul(neck_base, -1))), -0.06))), 0.055, 0.05)
    # The nose: a small rod forward from the face (inside the head's outline when the face is toward the viewer).
    nose = capsule(cam.project(add(head, mul(f.front, 0.085))), cam.project(add(head, mul(f.front, 0.115), mul(f.up, -0.025))), 0.018, 0.012)
    return neck + circle(cam.project(head), HEAD_R) + nose


def _limb(cam: Camera, limb: dict[str, Vec], segments: Iterable[tuple[str, str, float, float]]) -> str:
    return "".join(capsule(cam.project(limb[a]), cam.project(limb[b]), ra, rb) for a, b, ra, rb in segments)


def _facing(cam: Camera, points: Mapping[str, Vec], m: Muscle, s: str) -> float:
    """How much the muscle's surface faces the viewer: 1 straight at them, -1 away."""
    a, b = (points[x.format(s=s)] for x in (m.a, m.b))
    o, e = (points[x.format(s=s)] for x in m.axis)
    centre = mul(add(a, b), 0.5)
    along = unit(add(e, mul(o, -1)))
    rel = add(centre, mul(o, -1))
    out = add(rel, mul(along, -dot(rel, along)))
    size = math.sqrt(dot(out, out))
    return dot(mul(out, 1 / size), cam.toward) if size > 1e-6 else 1.0


def _tint(cam: Camera, points: Mapping[str, Vec], muscles: Iterable[str], s: str, legs: bool) -> str:
    shapes = []
    for name in muscles:
        m = MUSCLES.get(name)
        if m is None or m.axis[0].startswith("{s}") != legs or ("{s}" not in m.a and s != "working"):
            continue
        facing = _facing(cam, points, m, s)
        if facing < -0.3:
            continue
        a, b = (cam.project(points[x.format(s=s)]) for x in (m.a, m.b))
        shapes.append(capsule(a, b, m.ra, m.rb))
    d = "".join(dict.fromkeys(shapes))
    return f'<path class="hp-m" fill="{MUSCLE}" fill-opacity=".6" d="{d}"/>' if d else ""


def body_parts(cam: Camera, pose: Pose, points: Mapping[str, Vec], muscles: Iterable[str], tint_sides: Iterable[str], faint: str | None) -> list[Part]:
    """The body's parts with their depths: trunk, head, each leg and arm; `faint` is the side drawn lighter."""
    f = trunk_frame(pose)
    muscles, tint_sides = tuple(muscles), tuple(tint_sides)
    trunk_depth = (cam.depth(points["pelvis"]) + cam.depth(points["shoulders"])) / 2
    skin = {s: (FAR_SKIN, FAR_INK, "hp-f") if s == faint else (SKIN, INK, "hp-n") for s in SIDES}
    parts = [Part(trunk_depth, outlined(_trunk(cam, f, points["pelvis"]), SKIN, INK, "hp-n") + _tint(cam, points, muscles, "working", False))]
    parts.append(Part(cam.depth(points["head"]) + 0.05, outlined(_head(cam, f, points), SKIN, INK, "hp-n")))
    for s in SIDES:
        limb = _limb_points(points, s)
        fill, ink, cls = skin[s]
        for names, segments, legs in ((("hip", "knee", "ankle"), LEG, True), (("shoulder", "elbow", "hand"), ARM, False)):
            depth = sum(cam.depth(limb[j]) for j in names) / 3 + 0.08  # a limb level with the trunk is drawn over it
            tint = _tint(cam, points, muscles, s, True) if legs and s in tint_sides else ""
            hip_tint = _tint(cam, points, muscles, s, False) if legs and s in tint_sides and s != "working" else ""
            parts.append(Part(depth, outlined(_limb(cam, limb, segments), fill, ink, cls) + tint + hip_tint))
    return parts
