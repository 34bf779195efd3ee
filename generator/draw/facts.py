"""Pose facts: what a position must show, in the words its steps use, measured on the drawn figure.

An exercise's `pose:` lists its facts (`facts: [{at: end, fact: knee_at_hip_height,
side: working}]`). Each fact here is a measure of the drawn body (metres or
degrees, from `drawn` below: the frames as the panels draw them, resting on
the floor), the range the measure must fall in, the words "Describe the
movement" says for it, and a hint for when it fails. generator/check/pose_rules.py
checks every fact of every pose (HD330); generator/draw/words.py says them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from generator.draw.body import surface_lowest
from generator.draw.kinematics import Placed, placements, poses_between, trunk_frame
from generator.draw.vectors import UP, Vec, add, cross, dot, mul, unit
from generator.model import Pose, PosePair

Points = Mapping[str, Vec]
STAGES = ("start", "via", "end")


@dataclass(frozen=True)
class Drawn:
    """The frames of a pose as drawn (lifted so the body rests on the floor), and the poses they come from."""

    poses: tuple[Pose, ...]
    points: tuple[Points, ...]

    def at(self, stage: str) -> tuple[Pose, Points]:
        i = _STAGE_FRAME[stage](len(self.points))
        return self.poses[i], self.points[i]


_STAGE_FRAME: Mapping[str, Callable[[int], int]] = {"start": lambda n: 0, "via": lambda n: n // 2, "end": lambda n: n - 1}  # frame of n


def drawn(pair: PosePair, steps: int = 4) -> Drawn:
    return placed_figure(pair, poses_between(pair, steps))[0]


def placed_figure(pair: PosePair, poses: Sequence[Pose], landmarks: bool = True) -> tuple[Drawn, list[Placed]]:
    """The frames `kinematics.frames` makes from these poses, lifted so the start's body rests on the floor (each
    frame made in one pass), and the placements they are made from, for the floor check (pose_rules.py, HD316)."""
    placed = placements(pair, poses, landmarks)
    lift = -surface_lowest(poses[0], placed[0].frame())
    return Drawn(tuple(poses), tuple(p.frame(lift) for p in placed)), placed


# --- measures ------------------------------------------------------------


def _sub(a: Vec, b: Vec) -> Vec:
    """a - b, summed as add(a, mul(b, -1)) sums."""
    return (0.0 + a[0] + b[0] * -1, 0.0 + a[1] + b[1] * -1, 0.0 + a[2] + b[2] * -1)


def _flat(v: Vec) -> Vec:
    return unit((v[0], 0.0, v[2])) if abs(v[0]) + abs(v[2]) > 1e-6 else (1.0, 0.0, 0.0)


def _horizontal(a: Vec, b: Vec) -> float:
    return math.hypot(a[0] - b[0], a[2] - b[2])


def _angle(u: Vec, v: Vec) -> float:
    c = dot(unit(u), unit(v))
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))


def _off_line(p: Vec, a: Vec, b: Vec) -> float:
    """How far p lies from the line a-b."""
    ab, ap = _sub(b, a), _sub(p, a)
    along = dot(ap, unit(ab))
    return math.sqrt(max(dot(ap, ap) - along * along, 0.0))


def _lowest_foot(p: Points, s: str) -> float:
    return min(p[f"{s}-ankle"][1] - 0.036, p[f"{s}-toe"][1] - 0.022)


@dataclass(slots=True)  # not frozen: one is made for every fact on every side, and a frozen one is slower to make
class Measure:
    """What a fact reads from a position: its pose, its points, the start's points, the side (s) and the opposite side (o)."""

    pose: Pose
    p: Points
    start: Points
    s: str
    o: str
    bench: Vec | None = None  # the middle of the top of a bench under the upper back, if there is one

    def j(self, joint: str, side: str | None = None) -> Vec:
        return self.p[f"{side or self.s}-{joint}"]

    @property
    def heading(self) -> Vec:
        """Along the floor, the way the body faces (standing) or the head points (on hands and knees)."""
        f = trunk_frame(self.pose)
        return _flat(f.front) if abs(f.front[1]) < 0.7 else _flat(f.up)

    @property
    def outward(self) -> Vec:
        """Along the floor, out to this side."""
        side = _flat(trunk_frame(self.pose).side)
        return side if self.s == "working" else mul(side, -1)

    def bend(self, s: str | None = None) -> float:
        return _angle(_sub(self.j("knee", s), self.j("hip", s)), _sub(self.j("ankle", s), self.j("knee", s)))


@dataclass(frozen=True)
class Fact:
    """A fact's measure, its range (lo, hi), its unit, its words and the hint when the figure does not show it."""

    measure: Callable[[Measure], float]
    lo: float
    hi: float
    unit: str  # "cm" (the measure is in metres) or "degrees"
    words: str  # {leg}: "working leg" and the like; {arm}, {other}
    hint: str


def _trunk_tilt(m: Measure) -> float:
    """The trunk's angle from the vertical."""
    return _angle(_sub(m.p["shoulders"], m.p["pelvis"]), UP)


def _on_bench(m: Measure) -> float:
    """How far the shoulder blades are from resting on the bench's top, over its pad."""
    if m.bench is None:
        return 9.0
    blades = m.p["back-high"]
    return max(abs(blades[1] - 0.02 - m.bench[1]), _horizontal(blades, m.bench) - 0.25)


def _foot_mid(m: Measure, s: str | None = None) -> Vec:
    return add(mul(m.j("ankle", s), 0.5), mul(m.j("toe", s), 0.5))


FACTS: Mapping[str, Fact] = {
    "knee_at_hip_height": Fact(lambda m: m.j("knee")[1] - m.j("hip")[1], -0.11, 0.11, "cm", "{s} knee lifted about level with the hip",
                               "open hip_out (or bend the hip) until the knee is level with the hip"),
    "leg_at_hip_height": Fact(lambda m: m.j("ankle")[1] - m.j("hip")[1], -0.15, 0.15, "cm", "{s} leg lifted to about hip height",
                              "lift that leg (hip, hip_out) until the foot is as high as the hip"),
    "thigh_level": Fact(lambda m: m.j("knee")[1] - m.j("hip")[1], -0.13, 0.13, "cm", "{s} thigh close to level with the floor",
                        "bend the hip and knee of that leg so the knee comes to the hip's height"),
    "knee_under_hip": Fact(lambda m: _horizontal(m.j("knee"), m.j("hip")), 0, 0.1, "cm", "{s} knee under the hip", "set hip to 90 on hands and knees"),
    "hand_under_shoulder": Fact(lambda m: _horizontal(m.j("hand"), m.j("shoulder")), 0, 0.12, "cm", "{s} hand under the shoulder",
                                "point the arm straight down: shoulder 90 on hands and knees"),
    "elbow_under_shoulder": Fact(lambda m: _horizontal(m.j("elbow"), m.j("shoulder")), 0, 0.08, "cm", "{s} elbow under the shoulder",
                                 "make the upper arm vertical: with the trunk tipped by trunk_side, shoulder_out is 90 minus the tip"),
    "forearm_on_floor": Fact(lambda m: max(m.j("elbow")[1] - 0.04, m.j("hand")[1] - 0.03), -0.05, 0.05, "cm", "{s} forearm on the floor",
                             "bend the elbow 90 with the upper arm vertical, and plant that elbow"),
    "back_flat": Fact(lambda m: abs(90 - _trunk_tilt(m)), 0, 15, "degrees", "back flat like a table top", "keep trunk near 0 on hands and knees"),
    "trunk_upright": Fact(_trunk_tilt, 0, 25, "degrees", "trunk upright", "lower trunk (the forward lean) to 25 or less"),
    "trunk_forward": Fact(_trunk_tilt, 35, 95, "degrees", "chest leaning forward over the hips, back flat", "tip trunk forward 35 degrees or more"),
    "body_in_line": Fact(lambda m: _off_line(m.p["pelvis"], m.p["shoulders"], m.j("ankle")), 0, 0.08, "cm",
                         "body in one straight line from the shoulders to the {s} heel",
                         "straighten the hips (hip 0) and keep trunk_side so the hips are not piked or sagging"),
    "shoulders_hips_knees_in_line": Fact(lambda m: _off_line(m.p["pelvis"], m.p["shoulders"], m.j("knee")), 0, 0.07, "cm",
                                         "shoulders, hips and {s} knee in a straight line", "raise the hips: hip 0 with trunk about -20 on your back"),
    "leg_straight": Fact(lambda m: m.bend(), 0, 15, "degrees", "{s} leg straight", "set knee to 0 for that leg"),
    "knee_bent_90": Fact(lambda m: m.bend(), 70, 110, "degrees", "{s} knee bent about 90 degrees", "set knee near 90 for that leg"),
    "knee_bent": Fact(lambda m: m.bend(), 20, 150, "degrees", "{s} knee bent", "bend that knee 20 degrees or more"),
    "half_squat": Fact(lambda m: min(m.bend("working"), m.bend("other")), 25, 80, "degrees", "in a half squat, hips and knees bent",
                       "bend both knees 25 to 80 degrees, with the hips bent as well"),
    "hip_bent_45": Fact(lambda m: _angle(_sub(m.p["pelvis"], m.p["shoulders"]), _sub(m.j("knee"), m.j("hip"))), 30, 60, "degrees",
                        "{s} hip bent about 45 degrees", "set hip near 45 for that leg"),
    "shin_upright": Fact(lambda m: _angle(_sub(m.j("knee"), m.j("ankle")), UP), 0, 15, "degrees", "{s} shin upright",
                         "move the foot under the knee (knee and ankle angles)"),
    "foot_on_floor": Fact(lambda m: _lowest_foot(m.p, m.s), -0.05, 0.05, "cm", "{s} foot on the floor", "lower that foot to the floor (hip, knee and ankle)"),
    "foot_off_floor": Fact(lambda m: _lowest_foot(m.p, m.s), 0.04, 9, "cm", "{s} foot off the floor", "lift that foot: bend or raise that leg"),
    "foot_out_to_side": Fact(lambda m: dot(_sub(m.j("ankle"), m.j("hip")), m.outward), 0.3, 9, "cm", "{s} foot out to the side",
                             "open hip_out on that side until the foot is well out past the hip"),
    "foot_beside_hip": Fact(lambda m: abs(dot(_sub(m.j("toe"), m.j("hip")), m.heading)), 0, 0.25, "cm", "{s} toes level with the hip",
                            "swing the leg forward (hip) until the foot is beside the hip, not behind it"),
    "toes_behind_other_heel": Fact(lambda m: max(abs(dot(_sub(m.j("toe"), m.j("ankle", m.o)), _flat(cross(m.heading, UP)))),
                                                 dot(_sub(m.j("toe"), m.j("ankle", m.o)), m.heading) + 0.35), 0, 0.2, "cm",
                                   "{s} toes on the floor just behind the {other} heel",
                                   "bring the straight leg in (hip_out below 0) and back so its toes sit behind the other heel"),
    "foot_behind_and_across": Fact(lambda m: max(0.1 - dot(_sub(m.j("ankle", m.o), m.j("ankle")), m.heading),
                                                 dot(_sub(m.j("ankle"), m.j("ankle", m.o)), m.outward) + 0.05), -9, 0, "cm",
                                   "{s} foot stepped back and across, behind the {other} heel", "step back (hip below 0) and across (hip_out below 0)"),
    "knee_over_toes": Fact(lambda m: abs(dot(_sub(m.j("knee"), _foot_mid(m)), _flat(cross(_flat(_sub(m.j("toe"), m.j("ankle"))), UP)))), 0, 0.07, "cm",
                           "{s} knee over the middle toes", "line the knee up over the foot: less hip_out, or more, on that side"),
    "hand_on_hip": Fact(lambda m: math.dist(m.j("hand"), m.j("hip")), 0, 0.18, "cm", "{s} hand on the hip",
                        "bend the elbow and bring the arm back (shoulder, shoulder_out, shoulder_turn, elbow)"),
    "knee_just_above_floor": Fact(lambda m: m.j("knee")[1] - 0.055, 0.0, 0.15, "cm", "{s} knee just above the floor",
                                  "bend that knee and hip more (or less) so it stops a hand's width above the floor"),
    "upper_back_on_bench": Fact(_on_bench, 0, 0.05, "cm", "upper back on the bench, its edge under the shoulder blades",
                                "draw a bench-back and rest the shoulder blades on it (trunk and hip angles at this stage)"),
    "hips_on_floor": Fact(lambda m: min(m.j("hip", "working")[1], m.j("hip", "other")[1]) - 0.085, -0.05, 0.07, "cm", "hips on the floor",
                          "lower the hips to the floor (trunk and trunk_side)"),
    "hips_raised": Fact(lambda m: min(m.j("hip", "working")[1], m.j("hip", "other")[1]) - 0.085, 0.1, 9, "cm", "hips raised off the floor", "lift the hips"),
    "feet_together": Fact(lambda m: math.dist(m.j("ankle", "working"), m.j("ankle", "other")), 0, 0.22, "cm", "feet together", "bring the ankles together"),
    "feet_apart": Fact(lambda m: _horizontal(m.j("ankle", "working"), m.j("ankle", "other")), 0.25, 9, "cm", "feet apart",
                       "open hip_out on both sides a little"),
    "knee_opened": Fact(lambda m: math.dist(m.j("knee"), m.j("knee", m.o)) - math.dist(m.start[f"{m.s}-knee"], m.start[f"{m.o}-knee"]), 0.1, 9, "cm",
                        "{s} knee opened away from the other", "open that knee: hip_out and hip_turn"),
    "foot_raised": Fact(lambda m: m.j("ankle")[1] - m.start[f"{m.s}-ankle"][1], 0.12, 9, "cm", "{s} leg raised",
                        "raise that leg (hip_out when lying on your side)"),
}
LIFTS = ("foot_off_floor", "knee_at_hip_height", "foot_raised")  # facts that say a leg leaves its surface
SIDE_WORDS = {"working": 0, "other": 1}


PLURAL = {"knee": "knees", "foot": "feet", "leg": "legs", "hand": "hands", "thigh": "thighs", "shin": "shins", "elbow": "elbows", "hip": "hips",
          "shoulder": "shoulders", "forearm": "forearms"}


def say(fact: str, side: str, base_side_words: tuple[str, str]) -> str:
    """A fact in words, its side named as the base position names it: "front knee over the middle toes", "both feet on the floor"."""
    words = FACTS[fact].words
    if side != "both":
        mine, theirs = base_side_words[SIDE_WORDS[side]], base_side_words[1 - SIDE_WORDS[side]]
        return words.format(s=mine, other=theirs)
    words = words.format(s="both", other="other")
    for one, many in PLURAL.items():
        words = re.sub(rf"\b{one}\b", many, words)
    return words


def measured(fact: str, pose: Pose, points: Points, start: Points, side: str, bench: Vec | None = None) -> list[tuple[str, float]]:
    """The fact's measure on each side it names (both: working and other)."""
    sides = ("working", "other") if side == "both" else (side,)
    return [(s, FACTS[fact].measure(Measure(pose, points, start, s, "other" if s == "working" else "working", bench))) for s in sides]


def holds(fact: str, value: float) -> bool:
    f = FACTS[fact]
    return f.lo <= value <= f.hi

