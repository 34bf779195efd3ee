"""The whole build (`python -m generator build`) of this checkout against an earlier commit, on one synthetic library.

The build's code (generator/, schema/, overrides/, mkdocs.yml and the
requirements it runs with) comes from each commit; the library (content/,
exercises/ and N synthetic exercises, benchmarks/synthetic.py) is the same
for both. Each round builds the old code, then the new, each into a fresh
copy with the card cache emptied first, so every preview card is drawn as on
a first build; the medians of the wall and CPU times and their ratio are
printed. Both run in this venv, so they run with the same packages; the old
code simply does not call Pagefind.

    python benchmarks/build_ab.py --base 2c02935 --size 5000 --rounds 1
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from measure import run_child
from synthetic import REPO, add_synthetic, copy_site

CODE = ("generator", "schema", "overrides", "mkdocs.yml")


def with_code_of(commit: str, library: Path, target: Path) -> None:
    """A copy of `library` whose build code is that of `commit`."""
    shutil.copytree(library, target, symlinks=True)
    for part in CODE:
        path = target / part
        shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
    archive = subprocess.run(["git", "archive", commit, *CODE], cwd=REPO, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--base", default="2c02935", help="the commit to compare with (default: 2c02935, before issue 24's search)")
    p.add_argument("--size", type=int, default=5000, help="synthetic exercises added to the real ones (default: 5000)")
    p.add_argument("--rounds", type=int, default=1, help="turns of old then new (default: 1)")
    args = p.parse_args(argv)
    times: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
    with tempfile.TemporaryDirectory(prefix="build-ab-") as tmp:
        work = Path(tmp)
        library = work / "library"
        copy_site(library)
        add_synthetic(library, args.size)
        for turn in range(args.rounds):
            for label, commit in (("old", args.base), ("new", "this checkout")):
                root = work / f"{label}-{turn}"
                if label == "old":
                    with_code_of(commit, library, root)
                else:
                    shutil.copytree(library, root, symlinks=True)
                shutil.rmtree(root / "social" / "cache", ignore_errors=True)
                run = run_child([sys.executable, "-m", "generator", "build"], root)
                times[label].append((run.seconds, run.cpu_seconds))
                print(f"  {label} ({commit}) round {turn + 1}: {run.seconds:.1f} s wall, {run.cpu_seconds:.1f} s CPU", flush=True)
                shutil.rmtree(root)
    exercises = len(list((REPO / "exercises").glob("*.yml"))) + args.size
    medians = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in times.items()}
    print(f"python -m generator build on {exercises:,} exercises, medians of {args.rounds} round(s):")
    print(f"  old ({args.base}): wall {medians['old'][0]:.1f} s, CPU {medians['old'][1]:.1f} s")
    print(f"  new (this checkout): wall {medians['new'][0]:.1f} s, CPU {medians['new'][1]:.1f} s")
    print(f"  new / old: wall {medians['new'][0] / medians['old'][0]:.3f}, CPU {medians['new'][1] / medians['old'][1]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
