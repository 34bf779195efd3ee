"""Drawing equipment: what moves with the body (bands, bars, dumbbells, pads, cable) and what stays put."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from generator.body_drawing import circle, line
from generator.model import Pose, PosePair
from generator.pose_kinematics import SIDES, Camera, Vec, add, mid, mul, trunk_frame

def moving_kit(cam: Camera, pose: Pose, points: Mapping[str, Vec], equipment: Iterable[str]) -> tuple[str, str]:
    """Path data of the equipment that moves with the body: (thin lines, thick lines)."""
    f = trunk_frame(pose)
    pr = cam.project
    thin, thick = [], []
    for item in equipment:
        if item in ("band-knees", "band-ankles"):
            joint, toward, t = ("knee", "hip", 0.2) if item == "band-knees" else ("ankle", "knee", 0.15)
            thick.append(line(*(pr(mid(points[f"{s}-{joint}"], points[f"{s}-{toward}"], t)) for s in SIDES)))
        elif item.startswith("barbell-"):
            centre = {
                "barbell-back": add(points["shoulders"], mul(f.front, -0.08), mul(f.up, -0.02)),
                "barbell-hips": add(points["pelvis"], mul(f.front, 0.14)),
                "barbell-hands": mid(points["working-hand"], points["other-hand"]),
            }[item]
            ends = [pr(add(centre, mul(f.side, k))) for k in (0.55, -0.55)]
            thin.append(line(*ends) + "".join(circle(e, 0.12 if item == "barbell-back" else 0.2) for e in ends))
        elif item == "dumbbell-chest":  # upright, held in both hands
            x, y = pr(mid(points["working-hand"], points["other-hand"]))
            thick.append(line((x, y - 0.06), (x, y + 0.14)))
        elif item.startswith("dumbbell-"):  # across the picture, in one hand
            x, y = pr(points[item.removeprefix("dumbbell-")])
            thick.append(line((x - 0.09, y), (x + 0.09, y)))
        elif item == "machine-pads":
            for s, sign in SIDES.items():
                out = mul(f.side, sign * 0.07)
                thick.append(line(pr(add(mid(points[f"{s}-hip"], points[f"{s}-knee"], 0.55), out)), pr(add(points[f"{s}-knee"], out))))
        elif item == "cable-ankle":
            thin.append(line(pr(points["working-ankle"]), pr(points["pulley"])))
    return "".join(thin), "".join(thick)


def furniture(pair: PosePair, poses: list[dict[str, Vec]]) -> tuple[list[tuple[Vec, float]], list[tuple[Vec, Vec]]]:
    """What stays put, in the world: boxes as (top centre, width), and posts as (bottom, top)."""
    first = poses[0]
    f = trunk_frame(pair.start)
    boxes: list[tuple[Vec, float]] = []
    posts: list[tuple[Vec, Vec]] = []
    for item in pair.equipment:
        if item == "seat":
            x, y, z = min((p["pelvis"] for p in poses), key=lambda v: v[1])
            boxes.append(((x, y - 0.1, z), 0.4))
        elif item == "bench-back":
            x, _, z = add(first["shoulders"], mul(f.up, 0.15))
            boxes.append(((x, first["shoulders"][1] - 0.07, z), 0.45))
        elif item in ("bench-foot", "step"):
            side = "other" if item == "bench-foot" else "working"
            x, _, z = mid(first[f"{side}-ankle"], first[f"{side}-toe"], 0.3)
            boxes.append(((x, min(first[f"{side}-ankle"][1], first[f"{side}-toe"][1]) - 0.02, z), 0.4 if item == "bench-foot" else 0.32))
        elif item == "cable-ankle":
            x, _, z = add(first["other-ankle"], mul(f.side, -0.6))
            posts.append(((x, 0.0, z), (x, 1.9, z)))
    return boxes, posts

