"""Validation time of this checkout against an earlier commit, on one synthetic library, runs interleaved.

On a machine that other work shares, wall times of two runs made minutes
apart say little; runs of the two versions taken in turns, and their CPU
times, say more. Each round runs `validate.load` twice in a fresh process
(the first, unmeasured, load warms the imports) for the old code, then for
the new; the medians and their ratio are printed. A library with errors is
not timed: its errors are printed instead (the rules may stop early on one,
so its time says nothing about a valid library's).

`--size` is the number of synthetic exercises added to the real ones; for
1,000 in all, give 1,000 minus the number of files in exercises/.

    python benchmarks/validate_ab.py --base main --size 972 --rounds 4
"""

from __future__ import annotations

import argparse
import ast
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from synthetic import REPO, add_synthetic, copy_site

CHILD = """
import sys, time
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from generator.check.validate import load
root = Path(sys.argv[1])
load(root)
runs = []
for _ in range(int(sys.argv[3])):
    cpu, wall = time.process_time(), time.perf_counter()
    loaded = load(root)
    runs.append((time.process_time() - cpu, time.perf_counter() - wall))
print(runs)
"""
# The library is checked with this checkout's code before anything is timed.
CHECK = """
import collections, sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from generator.check.validate import load
loaded = load(Path(sys.argv[1]))
counts = collections.Counter(e.code for e in loaded.errors)
print(len(loaded.library.exercises))
for e in loaded.errors[:10]:
    print(e.format())
if loaded.errors:
    print(f"{len(loaded.errors)} errors: " + ", ".join(f"{code} x{n}" for code, n in counts.most_common()))
"""


def exercises_if_valid(library: Path) -> int:
    """The number of exercises in the library; exits with its errors when it has any."""
    lines = subprocess.run([sys.executable, "-c", CHECK, str(library), str(REPO)], capture_output=True, text=True, check=True).stdout.splitlines()
    if lines[1:]:
        raise SystemExit("validate_ab: the synthetic library is invalid, so it is not timed (fix benchmarks/synthetic.py):\n" + "\n".join(lines[1:]))
    return int(lines[0])


def timed(library: Path, code: Path, runs: int) -> list[tuple[float, float]]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(library), str(code), str(runs)], capture_output=True, text=True, check=True).stdout
    return list(ast.literal_eval(out.strip()))


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--base", default="b7bb916", help="the commit to compare with (default: b7bb916)")
    p.add_argument("--size", type=int, default=1000, help="synthetic exercises added to the real ones (default: 1000)")
    p.add_argument("--rounds", type=int, default=4, help="turns of old then new, two timed loads each (default: 4)")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="validate-ab-") as tmp:
        work = Path(tmp)
        library, old = work / "library", work / "old"
        copy_site(library)
        add_synthetic(library, args.size)
        exercises = exercises_if_valid(library)
        old.mkdir()
        archive = subprocess.run(["git", "archive", args.base, "generator", "schema"], cwd=REPO, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        times: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
        for _ in range(args.rounds):
            times["old"] += timed(library, old, 2)
            times["new"] += timed(library, REPO, 2)
    medians = {k: (statistics.median(c for c, _ in v), statistics.median(w for _, w in v)) for k, v in times.items()}
    print(f"validate.load on {exercises:,} exercises, {len(times['new'])} runs each, medians:")
    for label, commit in (("old", args.base), ("new", "this checkout")):
        print(f"  {label} ({commit}): CPU {medians[label][0]:.3f} s, wall {medians[label][1]:.3f} s")
    print(f"  new / old: CPU {medians['new'][0] / medians['old'][0]:.3f}, wall {medians['new'][1] / medians['old'][1]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
