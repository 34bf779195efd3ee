"""The synthetic library of the build-scale benchmark: a copy of the site with N valid, varied exercises added.

Each exercise differs from the others in name, movement, stance, tempo, plane, level and wording, and borrows
the pose of a real exercise of the same movement, so the library compresses and validates like a real one.
What has to agree with the pose comes with it: the equipment it draws (HD333; a band may be a mini or a long
one, ankle weights may be added) and, where the pose lies on its side or crosses a hip, an `outer_hip:` block
(HD340). Every exercise has a `load:` list (HD324). The library must validate with no error: the benchmarks
refuse to time one that does not.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "generator", "schema", "overrides", "content", "exercises")
SOCIAL_PARTS = ("social/fonts", "social/README.md")  # the card cache (social/cache) is git-ignored: not copied
EPOCH = "1700000000"  # SOURCE_DATE_EPOCH for every run, so builds are reproducible
CHAIN = 4  # synthetic progressions come in chains of four: beginner -> advanced
PER_SOURCE = 10  # each synthetic study is the main source of ten exercises (at 5, sources.yml passes the reader's 256 KiB limit at 5,000)
REAL_SOURCES = ("distefano-2009", "boren-2011", "selkowitz-2013", "bishop-2018", "vispute-2011")
DEFAULT_SIZES = (100, 1000, 5000)


# --------------------------------------------------------------------------- synthetic library

MODIFIERS = ("Banded", "Paused", "Weighted", "Tempo", "Isometric", "Cable", "Deficit", "Eccentric", "Supported", "Loaded")
MOVEMENTS = (
    "side-lying abduction",
    "clamshell",
    "lateral lunge",
    "step-up",
    "hip thrust",
    "glute bridge",
    "fire hydrant",
    "lateral walk",
    "split squat",
    "curtsy lunge",
    "side plank lift",
    "hip hike",
)
STANCES = ("from the floor", "on a bench", "on one leg", "at the wall", "with a long lever", "from a step", "with a reach", "in a half-kneel")
TEMPOS = ("slow", "pulsed", "steady", "quick", "controlled", "held")
PLANES = ("frontal", "sagittal", "transverse")
LEVELS = ("beginner", "beginner", "intermediate", "advanced")  # by position in the chain
PHRASES = (
    "keep the pelvis level",
    "move from the hip, not the lower back",
    "let the knee track over the middle toes",
    "breathe out as you lift",
    "stop a rep short of losing the position",
    "keep the working hip stacked",
    "press the floor away with the standing foot",
    "lower in two to three seconds",
    "hold the top for one count",
    "keep the ribs down over the pelvis",
)


# The real exercise whose pose a synthetic one of each movement borrows (the schema requires a pose).
POSE_OF = {
    "side-lying abduction": "side-lying-hip-abduction",
    "clamshell": "banded-clamshell",
    "lateral lunge": "lateral-lunge",
    "step-up": "lateral-step-up",
    "hip thrust": "hip-thrust",
    "glute bridge": "glute-bridge",
    "fire hydrant": "fire-hydrant",
    "lateral walk": "lateral-band-walk",
    "split squat": "bulgarian-split-squat",
    "curtsy lunge": "curtsy-lunge",
    "side plank lift": "side-plank-hip-abduction",
    "hip hike": "standing-lateral-leg-raise",
}


# Equipment drawn the same way (generator/check/pose_rules.py, DRAWN_AS): a synthetic exercise may swap one for another.
SAME_DRAWING = {"mini-band": ("mini-band", "long-band"), "dumbbell": ("dumbbell", "kettlebell")}
ADDED = "ankle-weights"  # drawn by no pose, so any exercise may list it
LOAD_REASONS = (
    ("high", "it holds the pelvis level while the working leg moves"),
    ("low", "it helps a little as the leg moves and the trunk stays still"),
    ("high", "single-leg work: it keeps the knee in line with the toes"),
    ("low", "it steadies the hip at the end of the range"),
)
OUTER_HIP_HOW = (
    "Do not lie on the sore side. Swap to a standing or seated version and do about half the sets.",
    "Keep the range small and stop before the outer hip aches; or swap to a standing move.",
    "Work only the side that does not hurt, or do the standing version with fewer sets.",
)


@dataclass(frozen=True)
class Borrowed:
    """What a synthetic exercise takes from the real exercise of its movement, so its figure agrees with it."""

    pose: str  # the `pose:` block, as YAML text
    equipment: tuple[str, ...]  # the real exercise's equipment, which its pose draws
    outer_hip: tuple[str, ...]  # its `outer_hip: instead:` ids; empty where the pose neither lies on its side nor crosses


@dataclass(frozen=True)
class Vocabulary:
    """The ids the synthetic exercises may name, and what they borrow from real exercises, read from the real library."""

    muscles: tuple[str, ...]
    equipment: tuple[str, ...]
    real_sources: tuple[str, ...]
    borrowed: dict[str, Borrowed] = field(default_factory=dict)  # movement -> what its exercises borrow


def top_level_keys(file: Path) -> tuple[str, ...]:
    """The keys of a YAML mapping file, in file order (comments skipped)."""
    keys = []
    for line in file.read_text(encoding="utf-8").splitlines():
        if line and line[0].isalnum() and line.rstrip().endswith(":"):
            keys.append(line.rstrip()[:-1])
    return tuple(keys)


def pose_block(file: Path) -> str:
    """The `pose:` block of an exercise file, as written (it is the file's last top-level key or not)."""
    lines = file.read_text(encoding="utf-8").splitlines()
    start = next((n for n, line in enumerate(lines) if line.startswith("pose:")), None)
    if start is None:
        return ""
    end = next((n for n in range(start + 1, len(lines)) if lines[n] and not lines[n][0].isspace() and not lines[n].startswith("#")), len(lines))
    return "\n".join(lines[start:end]).rstrip() + "\n"


def borrow(file: Path) -> Borrowed | None:
    """The pose of a real exercise, with its equipment and outer-hip swaps; None without a file or a pose."""
    if not file.is_file() or not (block := pose_block(file)):
        return None
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    return Borrowed(block, tuple(data.get("equipment") or ()), tuple((data.get("outer_hip") or {}).get("instead") or ()))


def read_vocabulary(root: Path) -> Vocabulary:
    sources = set(top_level_keys(root / "content/sources.yml"))
    borrowed = {movement: borrow(root / "exercises" / f"{ident}.yml") for movement, ident in POSE_OF.items()}
    return Vocabulary(
        muscles=top_level_keys(root / "content/muscles.yml"),
        equipment=top_level_keys(root / "content/equipment.yml"),
        real_sources=tuple(s for s in REAL_SOURCES if s in sources),
        borrowed={movement: b for movement, b in borrowed.items() if b is not None},
    )


def exercise_id(k: int) -> str:
    movement = MOVEMENTS[k % len(MOVEMENTS)].replace(" ", "-")
    return f"synth-{k:05d}-{movement}"


def exercise_name(k: int) -> str:
    """A unique, readable name: every k below 5,760 gets its own combination of words."""
    movement = MOVEMENTS[k % len(MOVEMENTS)]
    modifier = MODIFIERS[(k // len(MOVEMENTS)) % len(MODIFIERS)]
    stance = STANCES[(k // (len(MOVEMENTS) * len(MODIFIERS))) % len(STANCES)]
    tempo = TEMPOS[(k // (len(MOVEMENTS) * len(MODIFIERS) * len(STANCES))) % len(TEMPOS)]
    return f"{modifier} {movement} {stance}, {tempo}"


def source_id(s: int) -> str:
    return f"synth-study-{s:04d}"


def source_count(n: int) -> int:
    return -(-n // PER_SOURCE)


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def ids(values: Sequence[str]) -> str:
    return "[" + ", ".join(values) + "]"


def progressions(k: int, n: int) -> tuple[list[str], list[str]]:
    """Chains of CHAIN exercises: k's easier is k-1 and its harder k+1, inside its chain."""
    position = k % CHAIN
    easier = [exercise_id(k - 1)] if position > 0 else []
    harder = [exercise_id(k + 1)] if position < CHAIN - 1 and k + 1 < n else []
    return easier, harder


def equipment_of(k: int, borrowed: Borrowed | None, vocab: Vocabulary) -> list[str]:
    """The borrowed pose's equipment, a band or weight swapped for one drawn the same way, sometimes with ankle weights."""
    items = [SAME_DRAWING.get(item, (item,))[k % len(SAME_DRAWING.get(item, (item,)))] for item in (borrowed.equipment if borrowed else ())]
    if k % 4 == 1 and ADDED in vocab.equipment and ADDED not in items:
        items.append(ADDED)
    return [item for item in items if item in vocab.equipment]


def load_yaml(k: int, primary: Sequence[str], secondary: Sequence[str], main: str, other: str) -> str:
    """The `load:` list (HD324): each primary muscle main, each helper high or low, with a source or a reason."""
    first = f"source: {main}" if k % 2 else f"reason: {q('the working side lifts the leg against its own weight')}"
    lines = [f"  - {{muscle: {muscle}, role: main, {first}}}" for muscle in primary]
    for i, muscle in enumerate(secondary):
        role, reason = LOAD_REASONS[(k + i) % len(LOAD_REASONS)]
        why = f"source: {other}" if (k + i) % 3 == 0 else f"reason: {q(reason)}"
        lines.append(f"  - {{muscle: {muscle}, role: {role}, {why}}}")
    return "load:\n" + "\n".join(lines) + "\n"


def outer_hip_yaml(k: int, n: int, borrowed: Borrowed | None, vocab: Vocabulary) -> str:
    """HD340: where the borrowed pose lies on its side or crosses a hip, what to do instead: one of the real
    exercise's swaps and, when it exists, a synthetic exercise of this chain of movements whose pose does neither."""
    if borrowed is None or not borrowed.outer_hip:
        return ""
    safe = [m for m in MOVEMENTS if m in vocab.borrowed and not vocab.borrowed[m].outer_hip]
    instead = [borrowed.outer_hip[k % len(borrowed.outer_hip)]]
    if safe:
        other = k - k % len(MOVEMENTS) + MOVEMENTS.index(safe[k % len(safe)])
        if other < n:
            instead.append(exercise_id(other))
    return f"outer_hip:\n  instead: {ids(instead)}\n  how: {q(OUTER_HIP_HOW[k % len(OUTER_HIP_HOW)])}\n"


def exercise_yaml(k: int, n: int, vocab: Vocabulary) -> str:
    """One synthetic exercise file, shaped like the hand-written ones (about 3 KB)."""
    rng = random.Random(k)
    name = exercise_name(k)
    muscles = list(vocab.muscles)
    primary = [muscles[k % 3]]  # the three side-of-hip muscles lead the vocabulary
    secondary = [m for m in rng.sample(muscles, 4) if m not in primary][:3]
    movement = MOVEMENTS[k % len(MOVEMENTS)]
    borrowed = vocab.borrowed.get(movement)
    equipment = equipment_of(k, borrowed, vocab)
    main, other = source_id(k // PER_SOURCE), source_id((k // PER_SOURCE + 1) % source_count(n))
    real = [vocab.real_sources[k % len(vocab.real_sources)]] if vocab.real_sources else []
    cite_real = f" [@{real[0]}]" if real else ""
    easier, harder = progressions(k, n)
    substitutes = [exercise_id((k + CHAIN) % n), exercise_id((k + 2 * CHAIN) % n)]
    phrases = rng.sample(PHRASES, 8)
    seconds = k % 4 == 0
    amount = f"seconds: {20 + k % 3 * 5}-{40 + k % 3 * 5}" if seconds else f"reps: {8 + k % 5}-{12 + k % 5}"
    target = primary[0].replace("-", " ")
    lname = name[0].lower() + name[1:]  # woven into the prose, so no two exercises share a sentence (as in a real library)
    return f"""# yaml-language-server: $schema=../schema/exercise.schema.json
id: {exercise_id(k)}
name: {q(name)}
aliases: [{q(f"{movement} ({name.split(' ')[0].lower()}, variant {k})")}]
summary: {q(f"A {movement} variation for {LEVELS[k % CHAIN]} level that trains the {target} on the side of the hip.")}
level: {LEVELS[k % CHAIN]}
plane: {PLANES[k % len(PLANES)]}
mechanic: {"isolation" if k % 2 else "compound"}
equipment: {ids(equipment)}
muscles:
  primary: {ids(primary)}
  secondary: {ids(secondary)}
{load_yaml(k, primary, secondary, main, other)}why: >-
  The {lname} loads the side of the hip through a range you can control,
  which makes it a steady way to build strength there [@{main}]. A similar
  movement ranked well for gluteus medius activity in a small EMG study{cite_real}.
  Strength gained here may soften the look of a hip dip a little, but it does
  not change bone shape or burn fat from one spot [@{other}].
setup: >-
  For the {lname}, set up with your weight spread evenly and your pelvis square to the front.
  If you use equipment, check it is secure before the first rep. Take a breath
  and brace your belly lightly, as if about to cough.
steps:
  - {q(f"Start the {lname} in the set-up position and {phrases[0]}.")}
  - {q(f"Move the working leg {STANCES[k % len(STANCES)]} slowly through the range and {phrases[1]}.")}
  - {q(f"Pause briefly at the end of each {movement} and {phrases[2]}.")}
  - {q(f"Return to the start of the {lname} under control and {phrases[3]}.")}
cues:
  - {q(phrases[4].capitalize() + f" in the {lname}.")}
  - {q(phrases[5].capitalize() + f" through every {movement} rep.")}
  - {q(phrases[6].capitalize() + f" [@{main}].")}
  - {q(phrases[7].capitalize() + f", {TEMPOS[k % len(TEMPOS)]} and even, set {1 + k % 3} of the {lname}.")}
mistakes:
  - mistake: {q(f"The pelvis tips or rolls as the leg moves in the {lname}.")}
    fix: {q(f"Shorten the range of the {movement} until the pelvis stays still, then build it back up.")}
  - mistake: {q(f"The reps of the {lname} get fast and the lowering turns into a drop.")}
    fix: {q(f"Count two on the way down; slower lowering keeps the side of the hip working [@{other}].")}
  - mistake: {q(f"The lower back arches to finish each {movement} rep {STANCES[k % len(STANCES)]}.")}
    fix: {q(f"Brace the belly and stop where the hip, not the back, ends the {lname}.")}
dose:
  sets: {2 + k % 2}
  {amount}
  per_side: {"true" if k % 5 else "false"}
  rest_seconds: {45 + 15 * (k % 3)}
  progress: {q(f"Add reps or seconds to the {lname} first, then load, then move on to the harder version.")}
progressions:
  easier: {ids(easier)}
  harder: {ids(harder)}
substitutes: {ids(substitutes)}
evidence:
  - muscle: {primary[0]}
    mvic: {30 + k % 50}
    sd: {10 + k % 20}
    measure: mean
    source: {main}
    note: {q(f"Measured in a {movement} with a moderate load in {10 + k % 40} healthy adults.")}
  - muscle: {secondary[0]}
    mvic: {15 + k % 30}
    measure: peak
    source: {other}
    note: {q(f"Peak of three repetitions of the {lname}.")}
safety:
  - {q(f"Stop the {lname} if you feel a pinch at the front of the hip or pain in the lower back.")}
  - {q(f"Hip pain that lasts after a session is a reason to see a physiotherapist [@{main}].")}
{outer_hip_yaml(k, n, borrowed, vocab)}sources: {ids([main, other, *real])}
{borrowed.pose if borrowed else ""}"""


def sources_yaml(n: int) -> str:
    """Entries to append to content/sources.yml: one synthetic study per PER_SOURCE exercises."""
    blocks = []
    for s in range(source_count(n)):
        blocks.append(
            f"""
{source_id(s)}:
  kind: lab-study
  authors: Synthetic A, Example B, et al.
  year: {2000 + s % 25}
  title: {q(f"Hip abductor activity in loaded and unloaded variations, study {s}")}
  venue: J Synthetic Biomech. {s % 40 + 1}({s % 12 + 1}):{s % 900 + 100}-{s % 900 + 110}
  doi: 10.5555/synthetic.{s:05d}
  finding: {q("Muscle activity of the gluteus medius rose with load and with a longer lever.")}
"""
        )
    return "".join(blocks)


def add_synthetic(root: Path, n: int) -> tuple[str, ...]:
    """Add n exercises and their sources to the library under root; return their ids."""
    vocab = read_vocabulary(root)
    for k in range(n):
        (root / "exercises" / f"{exercise_id(k)}.yml").write_text(exercise_yaml(k, n, vocab), encoding="utf-8")
    with (root / "content/sources.yml").open("a", encoding="utf-8") as sources:
        sources.write(sources_yaml(n))
    return tuple(exercise_id(k) for k in range(n))


def copy_site(target: Path) -> None:
    """The parts of the repository a build needs, without caches or build output."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in (*COPIED, *SOCIAL_PARTS):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


