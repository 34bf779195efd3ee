"""A pose in words: the start and the end said from the same data as the picture."""

from __future__ import annotations

from collections.abc import Iterable

from generator.draw.facts import say
from generator.draw.kinematics import BASES, SIDES, world_points
from generator.model import BASE_ANGLES, Limb, Pose, PosePair

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
    "machine-seat": "a machine seat with a backrest",
    "support": "the {other} hand on a chair back",
    "bench-back": "the upper back on a bench",
    "bench-foot": "the {other} foot on a bench",
    "step": "the {working} foot on a step",
}


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


def _said(pair: PosePair, stage: str) -> list[str]:
    """The facts of one stage in words."""
    return [say(f.fact, f.side, BASES[pair.base].side_words) for f in pair.facts if f.at == stage]


def describe(pair: PosePair) -> str:
    """The start and the end in words: the pose's facts when it states them (what validation checked), else its angles."""
    base = BASES[pair.base]
    names = dict(zip(("working", "other"), base.side_words, strict=True))
    kit = [EQUIPMENT_WORDS[item].format(**names) for item in pair.equipment]
    if pair.facts:
        start = [base.words, "with " + _and(kit) if kit else "", *_said(pair, "start")]
        via = _said(pair, "via")
        middle = f" On the way: {_sentence(via)}" if via else ""
        return f"Start: {_sentence(start)}{middle} End: {_sentence(_said(pair, 'end'))}"
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

