"""Timing the build-scale benchmark: child processes with their peak memory, the generator's stages in process,
and what one changed file makes the writer rewrite.
"""

from __future__ import annotations

import os
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

from first_visit import Visit, visit
from synthetic import CHAIN, EPOCH, add_synthetic, exercise_name, q

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
    validate_load_cpu: float = 0.0  # with the forked child's CPU time
    validate_forked: bool = False  # whether the wording rules ran beside the others (generator/check/side_by_side.py)
    validate_one_s: float = 0.0  # in one process (HIPDIPS_CORES=1)
    validate_one_cpu: float = 0.0
    validate_cli_s: float = 0.0  # with --no-cache: every file read, as on a fresh clone
    validate_cli_kib: int = 0
    # With the cache (generator/check/file_cache.py) filled by a run before: nothing changed, then one file changed each run.
    validate_kept_s: float = 0.0
    validate_kept_cpu: float = 0.0
    validate_one_changed_s: float = 0.0
    validate_cli_kept_s: float = 0.0
    generate_s: float = 0.0
    generate_cpu: float = 0.0
    generate_warm_s: float = 0.0  # with every card already in the cache
    generate_cli_s: float = 0.0
    generate_cli_kib: int = 0
    cards: int = 0
    mkdocs_s: float = 0.0
    mkdocs_cpu: float = 0.0
    mkdocs_kib: int = 0
    index_s: float = 0.0  # Pagefind over the built site (generator/search_index.py)
    index_cpu: float = 0.0
    index_kib: int = 0
    page_bytes: float = 0.0
    search_bytes: int = 0  # the Pagefind bundle on disk (search/pagefind/)
    search_files: int = 0
    site_bytes: int = 0
    first_visit: Visit | None = None  # the home page, empty cache, then one search (first_visit.py)
    noop_written: int = -1
    stages: dict[str, float] = field(default_factory=dict)  # one generation, stage by stage
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average when the size started and ended
    changes: list[Change] = field(default_factory=list)

    @property
    def build_s(self) -> float:
        """What `generator build` does: generation with every card drawn, mkdocs build, then the search index."""
        return self.generate_s + self.mkdocs_s + self.index_s

    @property
    def build_cpu(self) -> float:
        return self.generate_cpu + self.mkdocs_cpu + self.index_cpu

    @property
    def peak_kib(self) -> int:
        """The largest peak of the three processes a build runs one after the other."""
        return max(self.generate_cli_kib, self.mkdocs_kib, self.index_kib)


class Generator:
    """The generator package of the copied site, imported once into this process."""

    def __init__(self, base: Path):
        sys.path.insert(0, str(base))
        from generator.check.side_by_side import CORES, may_fork
        from generator.check.validate import load
        from generator.link import link
        from generator.pipeline import generate
        from generator.render.pages import render
        from generator.render.structured import Site
        from generator.weeks.planner import plan_weeks
        from generator.write import write_tree

        self.generate: Callable[..., Any] = generate
        self.load: Callable[..., Any] = load
        self.may_fork: Callable[[int], bool] = may_fork
        self.cores_setting = CORES  # the environment variable that keeps validation in one process
        self.link: Callable[..., Any] = link
        self.render: Callable[..., Any] = render
        self.plan: Callable[..., Any] = plan_weeks
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
        weeks = self.plan(loaded.library)
        lap("plan")
        files = self.render(loaded.library, links, weeks, self.site(root))
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
    result.validate_forked = gen.may_fork(len(loaded.documents))
    result.validate_load_s, result.validate_load_cpu = median_time(lambda: gen.load(root), repeat)
    before = os.environ.get(gen.cores_setting)
    os.environ[gen.cores_setting] = "1"
    try:
        result.validate_one_s, result.validate_one_cpu = median_time(lambda: gen.load(root), repeat)
    finally:
        if before is None:
            del os.environ[gen.cores_setting]
        else:
            os.environ[gen.cores_setting] = before
    runs = [run_child([sys.executable, "-m", "generator", "--no-cache", "validate"], root) for _ in range(repeat)]
    result.validate_cli_s = statistics.median(r.seconds for r in runs)
    result.validate_cli_kib = max(r.peak_kib for r in runs)
    measure_kept_validation(result, root, gen, repeat)


def measure_kept_validation(result: SizeResult, root: Path, gen: Generator, repeat: int) -> None:
    """Validation with the cache a run before filled: with nothing changed, and with one exercise file
    changed before each run (a contributor's edit); then the cache is removed, so nothing after it uses it."""
    gen.load(root, cache=True)
    result.validate_kept_s, result.validate_kept_cpu = median_time(lambda: gen.load(root, cache=True), repeat)
    edited = sorted((root / "exercises").glob("*.yml"))[len(list((root / "exercises").glob("*.yml"))) // 2]
    original = edited.read_bytes()
    edits = iter(range(repeat))

    def one_changed() -> None:
        edited.write_bytes(original + f"# edit {next(edits)}\n".encode())
        gen.load(root, cache=True)

    try:
        result.validate_one_changed_s, _ = median_time(one_changed, repeat)
    finally:
        edited.write_bytes(original)
    run_child([sys.executable, "-m", "generator", "validate"], root)
    result.validate_cli_kept_s = statistics.median(run_child([sys.executable, "-m", "generator", "validate"], root).seconds for _ in range(repeat))
    shutil.rmtree(root / ".cache", ignore_errors=True)


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
    run = run_child([sys.executable, "-m", "generator", "--no-cache", "generate"], root)  # into build/docs, for mkdocs
    result.generate_cli_s, result.generate_cli_kib = run.seconds, run.peak_kib
    result.files = sum(1 for p in (root / "build/docs").rglob("*") if p.is_file())
    result.cards = sum(1 for p in (root / "build/docs/assets/cards").rglob("*.png"))


# The search index step of `generator build`, alone, so that it is timed on its own.
INDEX = (
    "import sys; from pathlib import Path; from generator.search_index import index_site; "
    "done = index_site(Path('site')); print(done.output); sys.exit(done.code)"
)


def index_child(root: Path) -> Run:
    return run_child([sys.executable, "-c", INDEX], root)


def bundle_size(site: Path) -> tuple[int, int]:
    """Bytes and files of the Pagefind bundle in a built site."""
    files = [p for p in (site / "search" / "pagefind").rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def measure_site(result: SizeResult, root: Path, synthetic: Sequence[str]) -> None:
    run = run_child([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"], root)
    result.mkdocs_s, result.mkdocs_cpu, result.mkdocs_kib = run.seconds, run.cpu_seconds, run.peak_kib
    run = index_child(root)
    result.index_s, result.index_cpu, result.index_kib = run.seconds, run.cpu_seconds, run.peak_kib
    site = root / "site"
    sizes = [(site / "exercises" / ident / "index.html").stat().st_size for ident in synthetic]
    result.page_bytes = statistics.mean(sizes)
    result.search_bytes, result.search_files = bundle_size(site)
    result.site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    middle = (len(synthetic) // (2 * CHAIN)) * CHAIN + 1
    result.first_visit = visit(site, exercise_name(middle))


@dataclass(frozen=True)
class SiteVisit:
    """A first visit and one search on a built library: today's alone (size 0) or with `size` synthetic exercises."""

    size: int
    exercises: int
    visit: Visit
    index_raw: int  # the Pagefind bundle on disk
    index_files: int


def site_visit(base: Path, work: Path, size: int, keep: bool = False) -> SiteVisit:
    """Build the library (generate, mkdocs build, the search index) and visit its home page; the search is for an exercise's name:
    a synthetic one in the middle of the library, or the first real one for today's library."""
    root = work / f"visit-{size}"
    shutil.copytree(base, root)
    synthetic = add_synthetic(root, size) if size else ()
    run_child([sys.executable, "-m", "generator", "generate"], root)
    run_child([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"], root)
    index_child(root)
    if synthetic:
        name = exercise_name((len(synthetic) // (2 * CHAIN)) * CHAIN + 1)
    else:
        first = sorted((root / "exercises").glob("*.yml"))[0]
        name = next(line.split(":", 1)[1].strip().strip("'\"") for line in first.read_text(encoding="utf-8").splitlines() if line.startswith("name:"))
    found = visit(root / "site", name)
    exercises = len(list((root / "exercises").glob("*.yml")))
    result = SiteVisit(size, exercises, found, *bundle_size(root / "site"))
    if not keep:
        shutil.rmtree(root)
    return result


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
        ("a mistake's fix reworded", "Shorten the range of the", "Make the range smaller in the", (own,)),
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


