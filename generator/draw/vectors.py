"""Vectors in 3-D (metres; x to the right, y up, z towards the viewer) and 2-D points: the
arithmetic the figures' kinematics (kinematics.py), their drawing and their checks share.

The sums are written out, in a fixed order: a figure must come out the same to the last
bit on every run, and validation runs them for every frame of every pose.
"""

from __future__ import annotations

import math

Vec = tuple[float, float, float]
Point = tuple[float, float]
UP: Vec = (0.0, 1.0, 0.0)


def add(*vs: Vec) -> Vec:
    x = y = z = 0.0
    for v in vs:
        x += v[0]
        y += v[1]
        z += v[2]
    return (x, y, z)


def mul(v: Vec, k: float) -> Vec:
    return (v[0] * k, v[1] * k, v[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def unit(v: Vec) -> Vec:
    return mul(v, 1 / math.sqrt(dot(v, v)))


def rot(v: Vec, axis: Vec, degrees: float) -> Vec:
    """Rotate v about the unit vector axis (right hand rule), Rodrigues' formula."""
    if not degrees:
        return v
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    (ax, ay, az), (vx, vy, vz) = axis, v
    k = (ax * vx + ay * vy + az * vz) * (1 - c)  # written out: validation runs this for every pose
    return (vx * c + (ay * vz - az * vy) * s + ax * k, vy * c + (az * vx - ax * vz) * s + ay * k, vz * c + (ax * vy - ay * vx) * s + az * k)


def rotated(vs: list[Vec], axis: Vec, degrees: float) -> list[Vec]:
    """`rot` of each of vs, by the same sums (so to the last bit the same numbers), the sine and cosine taken once.

    A hip turns three directions by the same angles, and validation draws five frames of every pose."""
    if not degrees:
        return vs
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    c1 = 1 - c
    ax, ay, az = axis
    out = []
    for vx, vy, vz in vs:  # a loop, not a comprehension: cheaper for two or three vectors
        k = (ax * vx + ay * vy + az * vz) * c1
        out.append((vx * c + (ay * vz - az * vy) * s + ax * k, vy * c + (az * vx - ax * vz) * s + ay * k, vz * c + (ax * vy - ay * vx) * s + az * k))
    return out


def along(p: Vec, v: Vec, k: float) -> Vec:
    """add(p, mul(v, k)) in one call, summed as add sums (from 0.0, so a zero's sign comes out as before)."""
    return (0.0 + p[0] + v[0] * k, 0.0 + p[1] + v[1] * k, 0.0 + p[2] + v[2] * k)

def mid(a: Vec, b: Vec, t: float = 0.5) -> Vec:
    return add(mul(a, 1 - t), mul(b, t))
