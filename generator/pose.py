"""The pose part of the typed model: an exercise's `pose:` block as frozen data, with the base
positions every pose starts from. generator/draw/ draws it; generator/check/pose_rules.py checks it.
generator/model.py re-exports these names, so `from generator.model import Pose` keeps working."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# The form pictures (generator/draw/poses.py). Angles are whole degrees; the
# conventions are in the module docstring of generator/draw/poses.py.
POSE_BASES = ("standing", "split-stance", "seated", "quadruped", "supine", "side-lying", "side-plank")
POSE_VIEWS = ("front", "side", "back")
LIMB_JOINTS = ("hip", "hip_out", "hip_turn", "knee", "ankle", "shoulder", "shoulder_out", "shoulder_turn", "elbow")

# What each base position means before the exercise's own angles: the same
# shape as a `start:` block in the YAML. Joints not named are 0.
BASE_ANGLES: Mapping[str, Mapping[str, Any]] = {
    "standing": {"both": {"elbow": 10}},
    "split-stance": {"working": {"hip": 25, "knee": 10, "ankle": 5}, "other": {"hip": -20, "knee": 15, "ankle": -30}, "both": {"elbow": 10}},
    "seated": {"both": {"hip": 90, "knee": 90, "shoulder": 15, "elbow": 30}},
    "quadruped": {"trunk": -10, "both": {"hip": 80, "knee": 100, "ankle": -40, "shoulder": 82}},
    "supine": {"both": {"ankle": -20, "shoulder_out": 10}},
    "side-lying": {"working": {"shoulder": 90, "shoulder_out": -40}, "other": {"hip_out": 6, "shoulder_out": 180}},
    "side-plank": {"trunk_side": 13, "working": {"shoulder_out": 25, "elbow": 45}, "other": {"shoulder_out": 77, "elbow": 90}},
}
# Poses that press on the bottom hip's bony bump or load it from the side, and how far a hip
# may turn inward (negative hip_out) before the leg crosses the middle of the body, as in a
# curtsy lunge: both squeeze the outer-hip tendons (content/outer-hip-pain.md, HD340).
OUTER_HIP_BASES = ("side-lying", "side-plank")
CROSSING_HIP_OUT = -15
# The joint that stays put between the start and the end unless `planted:` says otherwise.
BASE_PLANTED = {
    "standing": "working-ankle", "split-stance": "working-ankle", "seated": "pelvis", "quadruped": "other-hand",
    "supine": "shoulders", "side-lying": "pelvis", "side-plank": "other-elbow",
}


@dataclass(frozen=True)
class Limb:
    """The joint angles of one side of the body, in degrees."""

    hip: float = 0
    hip_out: float = 0
    hip_turn: float = 0
    knee: float = 0
    ankle: float = 0
    shoulder: float = 0
    shoulder_out: float = 0
    shoulder_turn: float = 0
    elbow: float = 0


@dataclass(frozen=True)
class Pose:
    """One body position: a base position, the view it is drawn from, and every angle resolved."""

    base: str
    view: str
    trunk: float = 0
    trunk_side: float = 0
    working: Limb = Limb()
    other: Limb = Limb()


@dataclass(frozen=True)
class PosePair:
    """An exercise's `pose:` block: the start and end position, and what is drawn with them."""

    base: str
    view: str
    planted: str
    equipment: tuple[str, ...]
    start: Pose
    end: Pose
    via: Pose | None = None  # a middle position, for movements that arc
    second_view: str | None = None  # a second view of the end, for what `view` hides
    facts: tuple[PoseFact, ...] = ()  # what the positions must show, in the steps' terms (generator/check/pose_rules.py)
    moves: str | None = None  # the joint the arrow follows and the view must show (default: the one that moves most)
    turn: float | None = None  # degrees the front and back views move round (default: the base position's `Base.turn`)


@dataclass(frozen=True)
class PoseFact:
    """One thing a position must show: `{at: end, fact: knee_at_hip_height, side: working}`."""

    at: str  # start, via or end
    fact: str
    side: str  # working, other or both
