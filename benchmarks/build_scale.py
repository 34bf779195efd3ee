"""How the site's build scales with the number of exercises.

For each size N (default 100, 1,000 and 5,000) this script copies the site
(mkdocs.yml, generator/, schema/, overrides/, content/, exercises/ and the
preview-card font, but not the card cache) into a temporary
folder, adds N synthetic but valid exercises, and measures there:

- validation: `python -m generator validate` (wall time, peak memory) and
  generator.validate.load in this process;
- generation: generator.pipeline.generate (read, validate, link, render,
  write, draw the preview cards) in this process with an empty card cache
  (every card drawn, as on a first build) and once more with the cache full
  (no card drawn), and `python -m generator generate` (empty cache) for peak
  memory;
- the site: `python -m mkdocs build --strict` (wall time, peak memory), then
  the mean size of a synthetic exercise page and of the search index;
- regeneration after one exercise file changes: the files the writer
  rewrote, against the pages that show that exercise.

Peak memory is ru_maxrss of each child process, read with os.wait4. The
results, the machine and the targets (as ratios from this one run) go to
benchmarks/RESULTS.md. It is not part of `make test`; run `make bench`, or
`python benchmarks/build_scale.py --sizes 50,200` for a quick look.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True)
class Vocabulary:
    """The ids the synthetic exercises may name, and the poses they borrow, read from the real library."""

    muscles: tuple[str, ...]
    equipment: tuple[str, ...]
    real_sources: tuple[str, ...]
    poses: dict[str, str] = field(default_factory=dict)  # movement -> the `pose:` block, as YAML text


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


def read_vocabulary(root: Path) -> Vocabulary:
    sources = set(top_level_keys(root / "content/sources.yml"))
    poses = {movement: pose_block(root / "exercises" / f"{ident}.yml") for movement, ident in POSE_OF.items() if (root / "exercises" / f"{ident}.yml").is_file()}
    return Vocabulary(
        muscles=top_level_keys(root / "content/muscles.yml"),
        equipment=top_level_keys(root / "content/equipment.yml"),
        real_sources=tuple(s for s in REAL_SOURCES if s in sources),
        poses={movement: block for movement, block in poses.items() if block},
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


def exercise_yaml(k: int, n: int, vocab: Vocabulary) -> str:
    """One synthetic exercise file, shaped like the hand-written ones (about 3 KB)."""
    rng = random.Random(k)
    name = exercise_name(k)
    muscles = list(vocab.muscles)
    primary = [muscles[k % 3]]  # the three side-of-hip muscles lead the vocabulary
    secondary = [m for m in rng.sample(muscles, 4) if m not in primary][:3]
    equipment = [] if k % 3 == 0 else [vocab.equipment[k % len(vocab.equipment)]]
    main, other = source_id(k // PER_SOURCE), source_id((k // PER_SOURCE + 1) % source_count(n))
    real = [vocab.real_sources[k % len(vocab.real_sources)]] if vocab.real_sources else []
    cite_real = f" [@{real[0]}]" if real else ""
    easier, harder = progressions(k, n)
    substitutes = [exercise_id((k + CHAIN) % n), exercise_id((k + 2 * CHAIN) % n)]
    phrases = rng.sample(PHRASES, 8)
    seconds = k % 4 == 0
    amount = f"seconds: {20 + k % 3 * 5}-{40 + k % 3 * 5}" if seconds else f"reps: {8 + k % 5}-{12 + k % 5}"
    movement, target = MOVEMENTS[k % len(MOVEMENTS)], primary[0].replace("-", " ")
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
why: >-
  This variation loads the side of the hip through a range you can control,
  which makes it a steady way to build strength there [@{main}]. A similar
  movement ranked well for gluteus medius activity in a small EMG study{cite_real}.
  Strength gained here may soften the look of a hip dip a little, but it does
  not change bone shape or burn fat from one spot [@{other}].
setup: >-
  Set up with your weight spread evenly and your pelvis square to the front.
  If you use equipment, check it is secure before the first rep. Take a breath
  and brace your belly lightly, as if about to cough.
steps:
  - {q(f"Start in the set-up position and {phrases[0]}.")}
  - {q(f"Move the working leg slowly through the range and {phrases[1]}.")}
  - {q(f"Pause briefly at the end of the range and {phrases[2]}.")}
  - {q(f"Return to the start under control and {phrases[3]}.")}
cues:
  - {q(phrases[4].capitalize() + ".")}
  - {q(phrases[5].capitalize() + ".")}
  - {q(phrases[6].capitalize() + f" [@{main}].")}
  - {q(phrases[7].capitalize() + ".")}
mistakes:
  - mistake: The pelvis tips or rolls as the leg moves.
    fix: {q("Shorten the range until the pelvis stays still, then build it back up.")}
  - mistake: The reps get fast and the lowering turns into a drop.
    fix: {q(f"Count two on the way down; slower lowering keeps the side of the hip working [@{other}].")}
  - mistake: The lower back arches to finish the rep.
    fix: {q("Brace the belly and stop where the hip, not the back, ends the movement.")}
dose:
  sets: {2 + k % 2}
  {amount}
  per_side: {"true" if k % 5 else "false"}
  rest_seconds: {45 + 15 * (k % 3)}
  progress: {q("Add reps or seconds first, then load, then move on to the harder version.")}
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
    note: {q("Measured with a moderate load in healthy adults.")}
  - muscle: {secondary[0]}
    mvic: {15 + k % 30}
    measure: peak
    source: {other}
    note: {q("Peak of three repetitions.")}
safety:
  - {q("Stop if you feel a pinch at the front of the hip or pain in the lower back.")}
  - {q(f"Hip pain that lasts after a session is a reason to see a physiotherapist [@{main}].")}
sources: {ids([main, other, *real])}
{vocab.poses.get(movement, "")}"""


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


# --------------------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system time of the child (and of its waited-for children)
    peak_kib: int
    stdout: str
    stderr: str


def bench_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}


def run_child(args: Sequence[str], cwd: Path) -> Run:
    """Run a command to its end; its wall time and peak RSS (ru_maxrss from wait4, KiB)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(list(args), cwd=cwd, env=bench_env(), stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if child.returncode:
        raise SystemExit(f"failed ({child.returncode}): {' '.join(args)}\n{stdout[-3000:]}\n{stderr[-3000:]}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, stdout, stderr)


def cpu_now() -> float:
    """CPU time (user + system) of this process and of its ended children (the card-drawing workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def median_time(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (and the workers it started) over `repeat` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), cpu_now()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(cpu_now() - cpu)
    return statistics.median(walls), statistics.median(cpus)


@dataclass
class Change:
    """One edit to one exercise file and what the writer did about it."""

    edit: str
    exercise: str
    written: tuple[str, ...]
    expected: tuple[str, ...]

    @property
    def met(self) -> bool:
        return set(self.written) == set(self.expected)


@dataclass
class SizeResult:
    size: int
    exercises: int = 0
    files: int = 0
    validate_load_s: float = 0.0
    validate_load_cpu: float = 0.0
    validate_cli_s: float = 0.0
    validate_cli_kib: int = 0
    generate_s: float = 0.0
    generate_cpu: float = 0.0
    generate_warm_s: float = 0.0  # with every card already in the cache
    generate_cli_s: float = 0.0
    generate_cli_kib: int = 0
    cards: int = 0
    mkdocs_s: float = 0.0
    mkdocs_cpu: float = 0.0
    mkdocs_kib: int = 0
    page_bytes: float = 0.0
    search_bytes: int = 0
    site_bytes: int = 0
    noop_written: int = -1
    stages: dict[str, float] = field(default_factory=dict)  # one generation, stage by stage
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average when the size started and ended
    changes: list[Change] = field(default_factory=list)

    @property
    def build_s(self) -> float:
        return self.generate_s + self.mkdocs_s

    @property
    def build_cpu(self) -> float:
        return self.generate_cpu + self.mkdocs_cpu

    @property
    def peak_kib(self) -> int:
        """The larger peak of the two processes a build runs one after the other."""
        return max(self.generate_cli_kib, self.mkdocs_kib)


class Generator:
    """The generator package of the copied site, imported once into this process."""

    def __init__(self, base: Path):
        sys.path.insert(0, str(base))
        from generator.link import link
        from generator.pipeline import generate
        from generator.render import render
        from generator.structured import Site
        from generator.validate import load
        from generator.write import write_tree

        self.generate: Callable[..., Any] = generate
        self.load: Callable[[Path], Any] = load
        self.link: Callable[..., Any] = link
        self.render: Callable[..., Any] = render
        self.site: Callable[[Path], Any] = Site.from_mkdocs
        self.write_tree: Callable[..., Any] = write_tree

    def stages(self, root: Path, out: Path) -> dict[str, float]:
        """The stages of pipeline.generate, timed one by one (same calls, same order)."""
        times: dict[str, float] = {}
        started = time.perf_counter()

        def lap(stage: str) -> None:
            nonlocal started
            now = time.perf_counter()
            times[stage] = now - started
            started = now

        loaded = self.load(root)
        lap("read + validate")
        links = self.link(loaded.library)
        lap("link")
        files = self.render(loaded.library, links, self.site(root))
        lap("render")
        self.write_tree(out, files)
        lap("write")
        return times


def measure_validation(result: SizeResult, root: Path, gen: Generator, repeat: int) -> None:
    loaded = gen.load(root)
    if loaded.errors:
        first = sorted(loaded.errors, key=lambda e: e.code == "HD301")[:20]  # the cause before the unknown ids it leads to
        raise SystemExit("synthetic library is invalid:\n" + "\n".join(e.format() for e in first))
    result.exercises = len(loaded.library.exercises)
    result.validate_load_s, result.validate_load_cpu = median_time(lambda: gen.load(root), repeat)
    runs = [run_child([sys.executable, "-m", "generator", "validate"], root) for _ in range(repeat)]
    result.validate_cli_s = statistics.median(r.seconds for r in runs)
    result.validate_cli_kib = max(r.peak_kib for r in runs)


def measure_generation(result: SizeResult, root: Path, gen: Generator, repeat: int) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="gen-", dir=root))

    cache = root / "social" / "cache"

    def fresh() -> None:
        out = Path(tempfile.mkdtemp(dir=scratch))
        shutil.rmtree(cache, ignore_errors=True)  # every card is drawn, as on a first build
        gen.generate(root, out)

    result.generate_s, result.generate_cpu = median_time(fresh, repeat)
    started = time.perf_counter()
    gen.generate(root, Path(tempfile.mkdtemp(dir=scratch)))  # the cache now holds every card
    result.generate_warm_s = time.perf_counter() - started
    result.stages = gen.stages(root, Path(tempfile.mkdtemp(dir=scratch)))
    shutil.rmtree(scratch)
    shutil.rmtree(cache, ignore_errors=True)
    run = run_child([sys.executable, "-m", "generator", "generate"], root)  # into build/docs, for mkdocs
    result.generate_cli_s, result.generate_cli_kib = run.seconds, run.peak_kib
    result.files = sum(1 for p in (root / "build/docs").rglob("*") if p.is_file())
    result.cards = sum(1 for p in (root / "build/docs/assets/cards").rglob("*.png"))


def measure_site(result: SizeResult, root: Path, synthetic: Sequence[str]) -> None:
    run = run_child([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"], root)
    result.mkdocs_s, result.mkdocs_cpu, result.mkdocs_kib = run.seconds, run.cpu_seconds, run.peak_kib
    site = root / "site"
    sizes = [(site / "exercises" / ident / "index.html").stat().st_size for ident in synthetic]
    result.page_bytes = statistics.mean(sizes)
    result.search_bytes = (site / "search/search_index.json").stat().st_size
    result.site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def pages_showing(out_dir: Path, ident: str) -> tuple[str, ...]:
    """The generated files that mention an exercise: its page, every page that links to it, and its preview card."""
    found = []
    for file in sorted(out_dir.rglob("*")):
        if file.is_file() and (ident.encode() in file.read_bytes() or f"cards/exercises/{ident}.png" in file.as_posix()):
            found.append(file.relative_to(out_dir).as_posix())
    return tuple(found)


def edit_file(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"cannot edit {file}: {old!r} not found")
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def measure_changes(result: SizeResult, root: Path, gen: Generator, synthetic: Sequence[str]) -> None:
    """Regenerate after no change, after a text edit, and after a rename of one exercise."""
    out = root / "build/docs"
    noop = gen.generate(root, out)
    result.noop_written = len(noop.report.written) + len(noop.cards.written)
    k = (len(synthetic) // (2 * CHAIN)) * CHAIN + 1  # in the middle, with an easier and a harder version
    ident = synthetic[k]
    file = root / "exercises" / f"{ident}.yml"
    own = f"exercises/{ident}.md"
    showing = pages_showing(out, ident)
    edits = (
        ("a mistake's fix reworded", "Shorten the range until", "Make the range smaller until", (own,)),
        ("name changed", f"name: {q(exercise_name(k))}", f"name: {q(exercise_name(k) + ' (renamed)')}", showing),
    )
    for label, old, new, expected in edits:
        edit_file(file, old, new)
        outcome = gen.generate(root, out)
        if outcome.errors:
            raise SystemExit(f"edit '{label}' made the library invalid: {outcome.errors[:3]}")
        result.changes.append(Change(label, ident, tuple(outcome.report.written) + tuple(outcome.cards.written), tuple(expected)))


def measure_size(size: int, base: Path, work: Path, gen: Generator, repeat: int, keep: bool) -> SizeResult:
    root = work / f"n{size}"
    shutil.copytree(base, root)
    synthetic = add_synthetic(root, size)
    result = SizeResult(size)
    load_before = os.getloadavg()[0]
    steps: tuple[tuple[str, Callable[[], None]], ...] = (
        ("validate", lambda: measure_validation(result, root, gen, repeat)),
        ("generate", lambda: measure_generation(result, root, gen, repeat)),
        ("mkdocs build", lambda: measure_site(result, root, synthetic)),
        ("one change", lambda: measure_changes(result, root, gen, synthetic)),
    )
    for label, step in steps:
        started = time.perf_counter()
        step()
        print(f"  [{size}] {label}: {time.perf_counter() - started:.1f} s", flush=True)
    result.load = (load_before, os.getloadavg()[0])
    if not keep:
        shutil.rmtree(root)
    return result


# --------------------------------------------------------------------------- report


def machine() -> dict[str, str]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "CPU": cpu,
        "Cores": f"{os.cpu_count()} (usable by this process: {usable})",
        "Memory": memory_total(),
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "Generator libraries": ", ".join(f"{name} {version(name)}" for name in ("PyYAML", "jsonschema", "jsonschema-rs", "Jinja2")),
    }


def version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def fingerprint(base: Path) -> str:
    """Which code and data were measured: a hash of the copied files and the time of the newest one."""
    digest = hashlib.sha256()
    newest = 0.0
    for file in sorted(p for p in base.rglob("*") if p.is_file()):
        digest.update(file.relative_to(base).as_posix().encode() + b"\0" + file.read_bytes())
        newest = max(newest, file.stat().st_mtime)
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(newest))
    return f"sha256 {digest.hexdigest()[:16]} of the copied files (newest modified {stamp} UTC)"


def memory_total() -> str:
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        for line in meminfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return "unknown"


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def size_table(r: SizeResult) -> list[str]:
    share = r.generate_s / r.build_s if r.build_s else 0.0
    rows = [
        ("Exercises in the library (synthetic + real)", f"{r.exercises:,} ({r.size:,} + {r.exercises - r.size})"),
        ("Files generated into build/docs", f"{r.files:,}"),
        ("Validation, in process (`validate.load`)", f"{r.validate_load_s:.2f} s (CPU {r.validate_load_cpu:.2f} s)"),
        ("Validation, `python -m generator validate` (wall)", f"{r.validate_cli_s:.2f} s, peak {mib(r.validate_cli_kib)}"),
        ("Generation, in process (`pipeline.generate`), every card drawn", f"{r.generate_s:.2f} s (CPU {r.generate_cpu:.2f} s)"),
        ("Generation, in process, every card in the cache", f"{r.generate_warm_s:.2f} s"),
        ("Preview cards in the tree", f"{r.cards:,}"),
        ("Generation by stage (one more run, cards cached)", ", ".join(f"{k} {v:.2f} s" for k, v in r.stages.items())),
        ("Generation, `python -m generator generate` (wall, every card drawn)", f"{r.generate_cli_s:.2f} s, peak {mib(r.generate_cli_kib)}"),
        ("`mkdocs build --strict` (wall)", f"{r.mkdocs_s:.1f} s (CPU {r.mkdocs_cpu:.1f} s), peak {mib(r.mkdocs_kib)}"),
        (
            "Whole build (generation with every card drawn + mkdocs build)",
            f"{r.build_s:.1f} s, generation {share:.1%} (CPU {r.build_cpu:.1f} s, generation {r.generate_cpu / r.build_cpu:.1%})",
        ),
        ("Mean synthetic exercise page (`index.html`)", f"{r.page_bytes:,.0f} bytes"),
        ("Search index (`search/search_index.json`)", f"{r.search_bytes:,} bytes ({r.search_bytes / r.exercises:,.0f} per exercise)"),
        ("Whole site", f"{r.site_bytes / 1024 / 1024:,.1f} MiB"),
        ("Regeneration with nothing changed: files rewritten", f"{r.noop_written}"),
        ("Machine load (1-minute load average) at start and end", f"{r.load[0]:.2f}, {r.load[1]:.2f} on {os.cpu_count()} cores"),
    ]
    for change in r.changes:
        rows.append(
            (
                f"Regeneration after one exercise file changed ({change.edit}): files rewritten",
                f"{len(change.written)} (pages showing the change: {len(change.expected)})",
            )
        )
    return ["| Measure | Value |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows)]


@dataclass(frozen=True)
class Target:
    text: str
    measured: str
    met: bool | None  # None: a size it needs was not run


def targets(results: dict[int, SizeResult]) -> list[Target]:
    def need(*sizes: int) -> bool:
        return all(s in results for s in sizes)

    found: list[Target] = []
    if need(1000):
        r = results[1000]
        share = r.generate_warm_s / (r.generate_warm_s + r.mkdocs_s)
        found.append(
            Target(
                "Generation, cards aside (all in the cache), is at most 5% of the build at 1,000 exercises",
                f"{r.generate_warm_s:.2f} s of {r.generate_warm_s + r.mkdocs_s:.1f} s = {share:.1%} (drawing every card: {r.generate_s:.2f} s of {r.build_s:.1f} s)",
                share <= 0.05,
            )
        )
    else:
        found.append(Target("Generation, cards aside, is at most 5% of the build at 1,000 exercises", "not run (needs size 1000)", None))
    if need(100, 5000):
        ratio = results[5000].page_bytes / results[100].page_bytes
        found.append(
            Target(
                "Bytes per exercise page, 5,000 vs 100, within 10%",
                f"{results[5000].page_bytes:,.0f} / {results[100].page_bytes:,.0f} = {ratio:.3f} ({ratio - 1:+.1%})",
                abs(ratio - 1) <= 0.10,
            )
        )
    else:
        found.append(Target("Bytes per exercise page, 5,000 vs 100, within 10%", "not run (needs sizes 100 and 5000)", None))
    if need(100, 1000):
        ratio = results[1000].build_s / results[100].build_s
        cpu = results[1000].build_cpu / results[100].build_cpu
        found.append(
            Target(
                "Build time (generation + mkdocs build), 1,000 vs 100, at most 12x",
                f"{results[1000].build_s:.1f} s / {results[100].build_s:.1f} s = {ratio:.1f}x (CPU time: {cpu:.1f}x)",
                ratio <= 12,
            )
        )
    else:
        found.append(Target("Build time (generation + mkdocs build), 1,000 vs 100, at most 12x", "not run (needs sizes 100 and 1000)", None))
    if need(1000):
        r = results[1000]
        found.append(
            Target(
                "Validating 1,000 exercise files takes under 1 s (in process; the CLI adds start-up)",
                f"{r.validate_load_s:.2f} s in process; {r.validate_cli_s:.2f} s for `python -m generator validate`",
                r.validate_load_s < 1.0,
            )
        )
    else:
        found.append(Target("Validating 1,000 exercise files takes under 1 s", "not run (needs size 1000)", None))
    changes = [c for r in results.values() for c in r.changes]
    summary = "; ".join(f"{c.edit} at {r.size:,}: {len(c.written)} rewritten, {len(c.expected)} show it" for r in results.values() for c in r.changes)
    found.append(Target("After changing one exercise file, only the pages that show it are rewritten", summary, all(c.met for c in changes)))
    return found


def verdict(met: bool | None) -> str:
    return {True: "met", False: "**NOT met**", None: "not measured"}[met]


def change_lists(results: dict[int, SizeResult]) -> list[str]:
    lines = []
    for r in results.values():
        for c in r.changes:
            extra = sorted(set(c.written) - set(c.expected))
            missing = sorted(set(c.expected) - set(c.written))
            lines.append(
                f"- {r.size:,} exercises, `exercises/{c.exercise}.yml`, {c.edit}: rewrote {len(c.written)} file(s): "
                + ", ".join(f"`{p}`" for p in c.written)
                + "."
            )
            if extra:
                lines.append(f"  - rewritten although they do not show it: {', '.join(extra)}")
            if missing:
                lines.append(f"  - show it but were not rewritten: {', '.join(missing)}")
    return lines


def report(results: dict[int, SizeResult], info: dict[str, str], started: str, elapsed: float, repeat: int) -> str:
    lines = [
        "# Build scale benchmark",
        "",
        f"Written by `benchmarks/build_scale.py` (`make bench`) on {started}, in {elapsed / 60:.1f} minutes. "
        "Every number and ratio below comes from this one run on this one machine.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in info.items()),
        "",
        "## Method",
        "",
        "Each size is a fresh copy of the repository's site (mkdocs.yml, generator/, schema/, overrides/, content/, "
        "exercises/, and the preview-card font but not the git-ignored card cache) with N synthetic exercises added next to the real ones: chains of four easier/harder versions that "
        "mirror each other, two substitutes, primary and secondary muscles, equipment, four cues, three mistakes, "
        "two evidence rows and inline citations `[@id]` of a real source and two synthetic ones "
        f"(one synthetic study per {PER_SOURCE} exercises, each cited). "
        f"SOURCE_DATE_EPOCH={EPOCH} and NO_MKDOCS_2_WARNING=1 for every run. In-process times and the validate CLI are the "
        f"median of {repeat} runs (generation writes into a new, empty folder each time, with the card cache emptied first, "
        "so every card is drawn as on a first build; one more run with the cache full is shown too); `mkdocs build --strict` runs once. "
        "The whole build is generation with every card drawn plus mkdocs build; its peak memory is the larger of the two processes' peaks. "
        "Peak memory is ru_maxrss of that child process (os.wait4). Page bytes are the mean size of "
        "`site/exercises/<id>/index.html` over the synthetic exercises. Times are wall-clock times and the verdicts use them; "
        "CPU times (user + system) are shown next to them because they move much less when other work shares the machine "
        "(the load average at the start and end of each size is in its table).",
        "",
        "## Overview",
        "",
        "| Exercises | Validate (load) | Validate (CLI) | Generate (cards drawn) | Generate (cards cached) | mkdocs build | Whole build "
        "| Generation share | Peak memory (generate) | Peak memory (mkdocs) | Bytes/page | Search index |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results.values():
        lines.append(
            f"| {r.size:,} | {r.validate_load_s:.2f} s | {r.validate_cli_s:.2f} s | {r.generate_s:.2f} s | {r.generate_warm_s:.2f} s | {r.mkdocs_s:.1f} s "
            f"| {r.build_s:.1f} s | {r.generate_s / r.build_s:.1%} | {mib(r.generate_cli_kib)} | {mib(r.mkdocs_kib)} | {r.page_bytes:,.0f} "
            f"| {r.search_bytes / 1024 / 1024:,.1f} MiB |"
        )
    for r in results.values():
        lines += ["", f"## {r.size:,} synthetic exercises", "", *size_table(r)]
    lines += ["", "## Targets", "", "| Target | Measured | Verdict |", "|---|---|---|"]
    lines += [f"| {t.text} | {t.measured} | {verdict(t.met)} |" for t in targets(results)]
    lines += ["", "### Files rewritten after one change", "", *change_lists(results), ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def parse_sizes(text: str) -> tuple[int, ...]:
    sizes = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    if not sizes or any(s < 3 * CHAIN or s > len(MOVEMENTS) * len(MODIFIERS) * len(STANCES) * len(TEMPOS) for s in sizes):
        raise argparse.ArgumentTypeError(f"sizes must be between {3 * CHAIN} and 5760")
    return sizes


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=parse_sizes, default=DEFAULT_SIZES, help="comma-separated numbers of synthetic exercises (default: 100,1000,5000)")
    p.add_argument("--repeat", type=int, default=3, help="runs of each fast measurement; the median is kept (default: 3)")
    p.add_argument("--output", type=Path, default=REPO / "benchmarks" / "RESULTS.md", help="where to write the results (default: benchmarks/RESULTS.md)")
    p.add_argument("--keep", action="store_true", help="keep the temporary copies (their path is printed)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    os.environ.update({"SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"})
    started_at = time.strftime("%Y-%m-%d %H:%M %Z")
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="hipdips-bench-"))
    print(f"working in {work}", flush=True)
    base = work / "base"
    copy_site(base)
    gen = Generator(base)
    snapshot = fingerprint(base)
    results: dict[int, SizeResult] = {}
    try:
        for size in sorted(args.sizes):
            print(f"size {size:,}:", flush=True)
            results[size] = measure_size(size, base, work, gen, args.repeat, args.keep)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    text = report(results, {**machine(), "Code measured": snapshot}, started_at, time.perf_counter() - started, args.repeat)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    for target in targets(results):
        print(f"  {verdict(target.met).strip('*'):>12}: {target.text} ({target.measured})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
