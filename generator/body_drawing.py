"""Drawing a body: path data of the limbs, trunk and head, and the working muscles' tint."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from generator.pose_kinematics import HEAD, Camera, Point, Vec

SCALE = 100  # SVG user units per metre

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


def n(value: float) -> str:
    """Metres -> whole picture units (cm)."""
    return str(round(value * SCALE) or 0)


def pt(p: Point) -> str:
    return f"{n(p[0])} {n(-p[1])}"


def line(*points: Point) -> str:
    return "M" + "L".join(pt(p) for p in points)


def circle(c: Point, r: float) -> str:
    return f"M{n(c[0] - r)} {n(-c[1])}a{n(r)} {n(r)} 0 1 0 {n(2 * r)} 0a{n(r)} {n(r)} 0 1 0 -{n(2 * r)} 0"



def body(cam: Camera, points: Mapping[str, Vec], far: str) -> tuple[str, str, str, str]:
    """Path data of the far limbs, the trunk, the near limbs and the head."""
    p = {name: cam.project(v) for name, v in points.items()}

    def limbs(s: str) -> str:
        return line(*(p[f"{s}-{j}"] for j in ("hip", "knee", "ankle", "toe"))) + line(*(p[f"{s}-{j}"] for j in ("shoulder", "elbow", "hand")))

    trunk = line(p["working-hip"], p["other-hip"]) + line(p["pelvis"], p["shoulders"]) + line(p["working-shoulder"], p["other-shoulder"])
    near = "working" if far == "other" else "other"
    return limbs(far), trunk, limbs(near), circle(p["head"], HEAD)


def tint(cam: Camera, points: Mapping[str, Vec], muscles: Iterable[str], sides: Iterable[str]) -> str:
    strokes = []
    for muscle in muscles:
        for a, b in MUSCLE_STROKES.get(muscle, ()):
            for side in sides if "{s}" in a else ("",):
                strokes.append(line(cam.project(points[a.format(s=side)]), cam.project(points[b.format(s=side)])))
    return "".join(dict.fromkeys(strokes))

