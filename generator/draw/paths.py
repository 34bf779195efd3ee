"""SVG path data for the form pictures: capsules, ellipses, smooth outlines, boxes and arrows.

Points come in metres, picture x to the right and y up (as `Camera.project`
gives them); path data goes out in whole picture units (cm), y down.
A `Part` is one SVG element with the depth it is drawn at: parts are painted
far to near.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.draw.kinematics import Camera
from generator.draw.vectors import Point, Vec, add, mul

SCALE = 100  # SVG user units per metre
INK = "#333"  # outline of the near side
FAR_INK = "#8c8c8c"  # outline of the far side
SKIN = "#fff"
FAR_SKIN = "#e8e6e3"
MUSCLE = "#b8401a"  # the site's colour for main muscles (figures.css --hd-primary)
ARROW = "#1d5f86"
KIT_INK, METAL, PAD, WOOD, BAND = "#444", "#5b6068", "#6d7c91", "#ddd6cc", "#2a8f83"
OUTLINE = 1.3  # outline width, picture units


@dataclass(frozen=True)
class Part:
    """One SVG element of a panel and how near the viewer it is (painted in order of depth)."""

    depth: float
    svg: str


def n(value: float) -> str:
    """Metres -> whole picture units (cm)."""
    return str(round(value * SCALE) or 0)


def pt(p: Point) -> str:
    return f"{n(p[0])} {n(-p[1])}"


def line(*points: Point) -> str:
    return "M" + "L".join(pt(p) for p in points)


def capsule(a: Point, b: Point, ra: float, rb: float) -> str:
    """A limb segment: a tapered rod from a (radius ra) to b (radius rb) with round ends."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length < 1e-3:
        return circle(a, max(ra, rb))
    nx, ny = -dy / length, dx / length
    a1, a2 = (a[0] + nx * ra, a[1] + ny * ra), (a[0] - nx * ra, a[1] - ny * ra)
    b1, b2 = (b[0] + nx * rb, b[1] + ny * rb), (b[0] - nx * rb, b[1] - ny * rb)
    return f"M{pt(a1)}L{pt(b1)}A{n(rb)} {n(rb)} 0 0 1 {pt(b2)}L{pt(a2)}A{n(ra)} {n(ra)} 0 0 1 {pt(a1)}Z"


def circle(c: Point, r: float) -> str:
    x, y, r2 = n(c[0] - r), n(-c[1]), n(2 * r)
    return f"M{x} {y}A{n(r)} {n(r)} 0 1 1 {int(x) + int(r2)} {y}A{n(r)} {n(r)} 0 1 1 {x} {y}Z"  # clockwise, as every shape here


def ellipse(c: Point, u: Point, v: Point) -> str:
    """The ellipse c + u cos t + v sin t (u, v need not be perpendicular: a circle seen at a slant)."""
    a, b, d = u[0] ** 2 + v[0] ** 2, u[0] * u[1] + v[0] * v[1], u[1] ** 2 + v[1] ** 2
    spread = math.hypot((a - d) / 2, b)
    rx, ry = math.sqrt(max((a + d) / 2 + spread, 0)), math.sqrt(max((a + d) / 2 - spread, 0))
    angle = 0.5 * math.atan2(2 * b, a - d)
    if ry * SCALE < 0.5:  # seen edge on: a line
        ex, ey = math.cos(angle) * rx, math.sin(angle) * rx
        return line((c[0] - ex, c[1] - ey), (c[0] + ex, c[1] + ey))
    ex, ey = math.cos(angle) * rx, math.sin(angle) * rx
    arc = f"A{n(rx)} {n(ry)} {-round(math.degrees(angle))} 1 1 "
    return f"M{pt((c[0] - ex, c[1] - ey))}{arc}{pt((c[0] + ex, c[1] + ey))}{arc}{pt((c[0] - ex, c[1] - ey))}Z"


def disc(cam: Camera, centre: Vec, u: Vec, v: Vec) -> str:
    """A circle in the world (centre, two perpendicular radius vectors) as the camera sees it."""
    c = cam.project(centre)
    pu, pv = cam.project(add(centre, u)), cam.project(add(centre, v))
    return ellipse(c, (pu[0] - c[0], pu[1] - c[1]), (pv[0] - c[0], pv[1] - c[1]))


def smooth(points: Sequence[Point]) -> str:
    """A closed smooth outline through the points (Catmull-Rom as cubic Béziers)."""
    m = len(points)
    out = [f"M{pt(points[0])}"]
    for i in range(m):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % m], points[(i + 2) % m]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append(f"C{pt(c1)} {pt(c2)} {pt(p2)}")
    return "".join(out) + "Z"


def hull(points: Iterable[Point]) -> list[Point]:
    """The convex hull, counter-clockwise (Andrew's monotone chain)."""
    ps = sorted(set(points))
    if len(ps) < 3:
        return ps

    def half(seq: list[Point]) -> list[Point]:
        out: list[Point] = []
        for p in seq:
            while len(out) >= 2 and (out[-1][0] - out[-2][0]) * (p[1] - out[-2][1]) - (out[-1][1] - out[-2][1]) * (p[0] - out[-2][0]) <= 0:
                out.pop()
            out.append(p)
        return out

    return half(ps)[:-1] + half(ps[::-1])[:-1]


def box(cam: Camera, centre: Vec, a: Vec, b: Vec, height: float, fill: str = WOOD) -> Part:
    """A box standing on the floor or raised: centre of its top, half-extents a and b along the floor, its height."""
    top = [add(centre, mul(a, i), mul(b, j)) for i, j in ((1, 1), (1, -1), (-1, -1), (-1, 1))]
    bottom = [(x, y - height, z) for x, y, z in top]
    outline = hull(cam.project(p) for p in top + bottom)
    face = "M" + "L".join(pt(cam.project(p)) for p in top) + "Z"
    depth = min(cam.depth(p) for p in top + bottom)
    return Part(depth - 9, f'<g class="hp-k" fill="{fill}" stroke="{KIT_INK}" stroke-width="1" stroke-linejoin="round">'
                           f'<path d="M{"L".join(pt(p) for p in outline)}Z"/><path d="{face}" fill-opacity=".5"/></g>')


def outlined(d: str, fill: str, ink: str, cls: str) -> str:
    """A filled shape whose overlapping pieces show one outline: a wide stroke, then the fill over its inner half."""
    return (f'<g class="{cls}" fill="{fill}" stroke="{ink}" stroke-linejoin="round"><path d="{d}" stroke-width="{2 * OUTLINE}"/>'
            f'<path d="{d}" stroke="none"/></g>')


def arrow(path: Sequence[Point]) -> str:
    """An arrow along a path of points (a quadratic curve through the middle one), head at the last."""
    a, m, b = path[0], path[len(path) // 2], path[-1]
    c = (2 * m[0] - (a[0] + b[0]) / 2, 2 * m[1] - (a[1] + b[1]) / 2)  # the control point that puts m on the curve
    tx, ty = b[0] - c[0], b[1] - c[1]
    length = math.hypot(tx, ty) or 1.0
    tx, ty = tx / length, ty / length
    size = 0.075
    tip = (b[0] + tx * size * 0.6, b[1] + ty * size * 0.6)
    left = (tip[0] - tx * size - ty * size * 0.55, tip[1] - ty * size + tx * size * 0.55)
    right = (tip[0] - tx * size + ty * size * 0.55, tip[1] - ty * size - tx * size * 0.55)
    return (f'<g class="hp-a" stroke="{ARROW}" fill="{ARROW}" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round">'
            f'<path d="M{pt(a)}Q{pt(c)} {pt(b)}" fill="none"/><path d="M{pt(left)}L{pt(tip)}L{pt(right)}Z"/></g>')
