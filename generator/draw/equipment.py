"""Drawing equipment so it is recognisable: bands, dumbbells, barbells, a cable and pulley, benches, machine pads, a step.

`kit_parts` draws what moves with the body (a band loop round the legs, a bar
with its plates, a dumbbell with its heads, the machine's pads, the cable to
the ankle), each with a depth so it is painted in front of or behind the body
as the camera sees it. `furniture` places what stays put (seat, bench, step,
the cable column) from the start pose and draws it behind the body.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from generator.draw.kinematics import SIDES, Camera, trunk_frame
from generator.draw.paths import BAND, KIT_INK, METAL, PAD, WOOD, Part, box, capsule, disc, line
from generator.draw.vectors import UP, Vec, add, cross, mid, mul, unit
from generator.model import Pose, PosePair

PLATE = 0.2  # barbell plate radius, metres
KIT = f'fill="{METAL}" stroke="{KIT_INK}" stroke-width="1"'


def _flat(v: Vec) -> Vec:
    """A direction along the floor."""
    return unit((v[0], 0.0, v[2])) if abs(v[0]) + abs(v[2]) > 1e-6 else (1.0, 0.0, 0.0)


def _bar(cam: Camera, centre: Vec, axis: Vec, half: float, plate: float) -> list[Part]:
    """A barbell: the bar, and a plate (a disc on the bar) at each end."""
    u = unit(cross(axis, UP)) if abs(axis[1]) < 0.9 else (1.0, 0.0, 0.0)
    v = cross(axis, u)
    ends = [add(centre, mul(axis, k * half)) for k in (1, -1)]
    bar = f'<path class="hp-k" {KIT} d="{capsule(cam.project(ends[0]), cam.project(ends[1]), 0.015, 0.015)}"/>'
    parts = [Part(cam.depth(centre) + 0.02, bar)]
    for end in ends:
        at = add(end, mul(axis, -0.08 if end is ends[0] else 0.08))
        d = disc(cam, at, mul(u, plate), mul(v, plate)) + disc(cam, at, mul(u, 0.03), mul(v, 0.03))
        see_through = ' fill-opacity=".3"' if plate > 0.16 else ""  # a big plate in front of the hips: the body still reads through it
        parts.append(Part(cam.depth(at) + 0.05, f'<path class="hp-k" {KIT}{see_through} fill-rule="evenodd" d="{d}"/>'))
    return parts


def _dumbbell(cam: Camera, centre: Vec, axis: Vec, depth_bias: float = 0.06) -> Part:
    """A dumbbell: a short handle and a heavy head at each end."""
    d = capsule(cam.project(add(centre, mul(axis, 0.07))), cam.project(add(centre, mul(axis, -0.07))), 0.012, 0.012)
    for k in (1, -1):
        d += capsule(cam.project(add(centre, mul(axis, k * 0.07))), cam.project(add(centre, mul(axis, k * 0.13))), 0.045, 0.045)
    return Part(cam.depth(centre) + depth_bias, f'<path class="hp-k" {KIT} d="{d}"/>')


def _band(cam: Camera, a: Vec, b: Vec, along: Vec, reach: float) -> Part:
    """A mini band: a flat loop round both legs, from a to b."""
    centre, half = mid(a, b), mul(add(b, mul(a, -1)), 0.5)
    length = max(sum(x * x for x in half) ** 0.5, 1e-6)
    wide = mul(half, (length + reach) / length)
    d = disc(cam, centre, wide, mul(unit(along), 0.025))
    svg = f'<path class="hp-band" fill="none" stroke="{BAND}" stroke-width="3" d="{d}"/>'
    return Part(max(cam.depth(a), cam.depth(b)) + 0.2, svg)


def kit_parts(cam: Camera, pose: Pose, points: Mapping[str, Vec], equipment: Iterable[str], pulley: Vec | None) -> list[Part]:
    """The equipment that moves with the body, with depths."""
    f = trunk_frame(pose)
    parts: list[Part] = []
    for item in equipment:
        if item in ("band-knees", "band-ankles"):
            joint, toward, t = ("knee", "hip", 0.22) if item == "band-knees" else ("ankle", "knee", 0.15)
            ends = [mid(points[f"{s}-{joint}"], points[f"{s}-{toward}"], t) for s in SIDES]
            parts.append(_band(cam, ends[0], ends[1], add(points[f"working-{toward}"], mul(points[f"working-{joint}"], -1)), 0.06))
        elif item.startswith("barbell-"):
            centre = {
                "barbell-back": add(points["shoulders"], mul(f.front, -0.1), mul(f.up, -0.08)),  # on the upper back, below the neck
                "barbell-hips": add(points["pelvis"], mul(f.front, 0.16)),
                "barbell-hands": mid(points["working-hand"], points["other-hand"]),
            }[item]
            parts += _bar(cam, centre, f.side, 0.6, PLATE if item != "barbell-back" else 0.15)
        elif item == "dumbbell-chest":  # upright, held in both hands under the top head
            parts.append(_dumbbell(cam, add(mid(points["working-hand"], points["other-hand"]), mul(f.up, -0.07)), f.up, 0.2))
        elif item.startswith("dumbbell-"):  # in one hand, the handle pointing forward
            hand = item.removeprefix("dumbbell-")
            parts.append(_dumbbell(cam, add(points[hand], mul(unit(add(points[hand], mul(points[hand.replace("hand", "elbow")], -1))), 0.05)), _flat(f.front)))
        elif item == "machine-pads":
            for s, sign in SIDES.items():
                out = mul(f.side, sign * 0.13)
                a, b = add(mid(points[f"{s}-hip"], points[f"{s}-knee"], 0.55), out), add(points[f"{s}-knee"], out)
                d = capsule(cam.project(a), cam.project(b), 0.045, 0.045)
                arm = line(cam.project(b), cam.project((b[0], 0.08, b[2])))
                svg = f'<g class="hp-k" stroke="{KIT_INK}" stroke-width="1"><path d="{arm}" stroke-width="3"/><path fill="{PAD}" d="{d}"/></g>'
                parts.append(Part(cam.depth(b) + 0.1, svg))
        elif item == "cable-ankle" and pulley is not None:
            ankle = points["working-ankle"]
            cable = f'<path class="hp-k" fill="none" stroke="{KIT_INK}" stroke-width="1.2" d="{line(cam.project(pulley), cam.project(ankle))}"/>'
            parts += [Part(cam.depth(ankle) - 0.01, cable), _band(cam, add(ankle, mul(f.side, 0.03)), add(ankle, mul(f.side, -0.03)), f.up, 0.03)]
    return parts


def pulley_of(pair: PosePair, first: Mapping[str, Vec]) -> Vec | None:
    """Where a low cable leaves its column, beside the other foot (None without a cable)."""
    if "cable-ankle" not in pair.equipment:
        return None
    x, _, z = add(first["other-ankle"], mul(trunk_frame(pair.start).side, -0.65))
    return (x, 0.12, z)


def furniture(cam: Camera, pair: PosePair, poses: Sequence[Mapping[str, Vec]]) -> list[Part]:
    """What stays put, drawn behind the body: seat, benches, step, the cable column."""
    first = poses[0]
    f = trunk_frame(pair.start)
    side, front = _flat(f.side), _flat(cross(f.side, UP))
    parts: list[Part] = []
    for item in pair.equipment:
        if item in ("seat", "machine-seat"):
            x, y, z = seat_top(poses)
            parts.append(box(cam, (x, y, z), mul(side, 0.24), mul(front, 0.2), y))
            if item == "machine-seat":  # a backrest behind the hips, up to the shoulder blades
                back = add((x, y, z), mul(front, -0.24))
                parts.append(box(cam, add(back, (0.0, 0.55, 0.0)), mul(side, 0.22), mul(front, 0.04), 0.55, PAD))
        elif item == "bench-back":
            parts.append(_bench(cam, bench_top(pair, poses), mul(side, 0.3), mul(_flat(f.up), 0.2)))
        elif item == "support":  # a chair back the other hand rests on
            x, y, z = add(first["other-hand"], mul(side, -0.06))
            parts.append(box(cam, (x, y, z), mul(side, 0.05), mul(front, 0.2), 0.04, WOOD))
            legs = "".join(line(cam.project(add((x, y, z), mul(front, k))), cam.project(add((x, 0.0, z), mul(front, k)))) for k in (0.17, -0.17))
            parts.append(Part(-9, f'<path class="hp-k" stroke="{KIT_INK}" stroke-width="3" d="{legs}"/>'))
        elif item in ("bench-foot", "step"):
            s = "other" if item == "bench-foot" else "working"
            x, _, z = mid(first[f"{s}-ankle"], first[f"{s}-toe"], 0.3)
            top = min(first[f"{s}-ankle"][1], first[f"{s}-toe"][1]) - 0.04
            if item == "step":  # reaching out to the working side, so the other foot stands on the floor beside it
                parts.append(box(cam, add((x, top, z), mul(side, 0.08)), mul(side, 0.17), mul(front, 0.2), top))
            else:
                parts.append(_bench(cam, (x, top, z), mul(front, 0.2), mul(side, 0.2)))
    pulley = pulley_of(pair, first)
    if pulley is not None:
        x, _, z = pulley
        parts.append(box(cam, (x, 1.9, z), mul(side, 0.08), mul(front, 0.12), 1.9, METAL))
        parts.append(Part(-8, f'<path class="hp-k" {KIT} d="{disc(cam, pulley, mul(front, 0.05), (0.0, 0.05, 0.0))}"/>'))
    return parts


def seat_top(poses: Sequence[Mapping[str, Vec]]) -> Vec:
    """The middle of a seat's top: under the lowest the hips go."""
    x, y, z = min((p["pelvis"] for p in poses), key=lambda v: v[1])
    return (x, y - 0.11, z)


def bench_top(pair: PosePair, poses: Sequence[Mapping[str, Vec]]) -> Vec:
    """The middle of the top of a bench under the upper back: its edge under the shoulder blades at the end (the top of a hip thrust)."""
    last = poses[-1]
    blades = last["back-high"]
    x, _, z = add(blades, mul(_flat(trunk_frame(pair.end).up), 0.2))
    return (x, blades[1] - 0.02, z)


def _bench(cam: Camera, top: Vec, a: Vec, b: Vec) -> Part:
    """A padded bench: a pad on two legs."""
    pad = box(cam, top, a, b, 0.08, PAD)
    legs = "".join(line(cam.project(add(top, mul(a, k), (0.0, -0.08, 0.0))), cam.project(add(top, mul(a, k), (0.0, -top[1], 0.0)))) for k in (0.8, -0.8))
    return Part(pad.depth, f'<path class="hp-k" stroke="{KIT_INK}" stroke-width="3" d="{legs}"/>{pad.svg}')

