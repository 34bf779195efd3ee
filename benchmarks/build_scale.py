"""How the site's build scales with the number of exercises.

For each size N (default 100, 1,000 and 5,000) this script copies the site
(mkdocs.yml, generator/, schema/, overrides/, content/, exercises/ and the
preview-card font, but not the card cache) into a temporary
folder, adds N synthetic but valid exercises, and measures there:

- validation: `python -m generator validate` (wall time, peak memory) and
  generator.check.validate.load in this process;
- generation: generator.pipeline.generate (read, validate, link, render,
  write, draw the preview cards) in this process with an empty card cache
  (every card drawn, as on a first build) and once more with the cache full
  (no card drawn), and `python -m generator generate` (empty cache) for peak
  memory;
- the site: `python -m mkdocs build --strict` (wall time, peak memory), then
  the search index (Pagefind, as `generator build` runs it), then the mean
  size of a synthetic exercise page and of the search index;
- regeneration after one exercise file changes: the files the writer
  rewrote, against the pages that show that exercise;
- what a reader downloads (first_visit.py): the home page on a first visit
  with an empty cache, then one search, on today's library alone, at each
  size, and at ten and a hundred times today's library.

Peak memory is ru_maxrss of each child process, read with os.wait4. The
results, the machine and the targets (as ratios from this one run) go to
benchmarks/RESULTS.md. It is not part of `make test`; run `make bench`, or
`python benchmarks/build_scale.py --sizes 50,200` for a quick look.

The jobs are split by module: `synthetic.py` makes the library, `measure.py`
times it, `first_visit.py` loads its home page in Chromium, `results.py` and
`visits.py` write the results (comparing with the run before, whose text is
kept at the end of the file); this file runs them in order.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from measure import Generator, SiteVisit, SizeResult, measure_size, site_visit
from results import fingerprint, machine, report, targets, verdict
from synthetic import CHAIN, DEFAULT_SIZES, EPOCH, MODIFIERS, MOVEMENTS, REPO, STANCES, TEMPOS, copy_site
from visits import against_previous, first_visit_section, keep_previous, previous_overview, previous_visits, visits_of

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
    p.add_argument("--visits-only", action="store_true", help="only build each size and measure the first visit and search; add that section to --output, keeping the rest")
    p.add_argument("--no-scaled-visits", action="store_true", help="skip the first visits at ten and a hundred times today's library")
    return p


def scaled_sizes(base: Path) -> tuple[int, ...]:
    """The synthetic exercises that make ten and a hundred times today's library."""
    real = len(list((base / "exercises").glob("*.yml")))
    return (9 * real, 99 * real)


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
    old = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
    print("today's library: first visit", flush=True)
    library = site_visit(base, work, 0)
    if args.visits_only:
        return visits_only(args, base, work, library, old)
    scaled: list[SiteVisit] = []
    try:
        for size in sorted(args.sizes):
            print(f"size {size:,}:", flush=True)
            results[size] = measure_size(size, base, work, gen, args.repeat, args.keep)
        for size in () if args.no_scaled_visits else scaled_sizes(base):
            print(f"size {size:,}: build and first visit", flush=True)
            scaled.append(site_visit(base, work, size))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    visits = sorted([library, *scaled, *visits_of(results)], key=lambda row: row.exercises)
    extra = [*first_visit_section(visits, previous_visits(old)), "", *against_previous(results, previous_overview(old)), *keep_previous(old)]
    text = report(results, {**machine(), "Code measured": snapshot}, started_at, time.perf_counter() - started, args.repeat, extra)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    for target in targets(results):
        print(f"  {verdict(target.met).strip('*'):>12}: {target.text} ({target.measured})")
    return 0


def visits_only(args: argparse.Namespace, base: Path, work: Path, library: SiteVisit, old: str) -> int:
    """The quick run: a first visit on today's library and at each size, added to the results file after what it holds."""
    rows = [library]
    try:
        for size in sorted(args.sizes):
            print(f"size {size:,}: build and first visit", flush=True)
            rows.append(site_visit(base, work, size, keep=args.keep))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    kept = old.split("\n## First visit and first search", 1)[0].rstrip()
    stamp = time.strftime("%Y-%m-%d %H:%M %Z")
    section = first_visit_section(rows, previous_visits(old))
    section[0] += f" (`build_scale.py --visits-only`, {stamp})"
    args.output.write_text(kept + "\n\n" + "\n".join(section) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
