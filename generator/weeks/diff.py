"""What a change does to the built weeks: plan the base revision and the working tree, compare.

`python -m generator weeks-diff --base origin/main` exports the merge base of
BASE and HEAD with `git archive` (its code and its data) into a temporary
folder, plans its weeks with its own code in a separate Python, plans the
working tree's weeks here, and lists every built week that changes: moves
added or removed on each day, doses changed, a week that is no longer built
or now is. `--markdown FILE` appends the same list as Markdown (CI passes
$GITHUB_STEP_SUMMARY, so a pull request's job summary shows it).
"""

from __future__ import annotations

import inspect
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.weeks.model import BuiltWeek

EXPORTED = ("generator", "schema", "content", "exercises")  # what planning a revision reads
Snapshot = dict[str, dict[str, Any]]  # week slug -> what the week is, in plain JSON values


def week_json(week: Any) -> dict[str, Any]:
    """One built week in plain values. Attribute access only: it also runs inside an older revision's code."""
    days = [
        {"name": day.name, "moves": [[entry.exercise, entry.dose.text] for entry in day.entries]}
        for day in (week.plan.days if week.plan else ())
    ]
    nearest = week.nearest.slug if week.nearest else None
    return {"built": week.plan is not None, "training_days": week.training_days, "days": days, "nearest": nearest}


def snapshot(weeks: Sequence[BuiltWeek]) -> Snapshot:
    return {week.choice.slug: week_json(week) for week in weeks}


# Run by the base revision's own Python code, in its exported folder.
_PLAN_HERE = "from __future__ import annotations\nimport json\n" + inspect.getsource(week_json) + """
from pathlib import Path
from generator.check.validate import load
from generator.weeks.planner import plan_weeks
loaded = load(Path("."))
if loaded.errors:
    print(json.dumps({"errors": [error.format() for error in loaded.errors]}))
else:
    print(json.dumps({"weeks": {week.choice.slug: week_json(week) for week in plan_weeks(loaded.library)}}))
"""


@dataclass(frozen=True)
class WeekChange:
    slug: str
    lines: tuple[str, ...]  # what changes, one line each: "Monday: + a; - b" or "no longer built"


class DiffError(Exception):
    """The base could not be exported or planned; the message says why."""


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)


def merge_base(repo: Path, base: str) -> str:
    """The commit a pull request is compared with: where HEAD left BASE (BASE itself when HEAD is not a descendant)."""
    found = _git(repo, "merge-base", base, "HEAD")
    if found.returncode == 0:
        return found.stdout.decode().strip()
    commit = _git(repo, "rev-parse", "--verify", f"{base}^{{commit}}")
    if commit.returncode:
        raise DiffError(f"{base} is not a revision of this repository (a shallow clone? check out with fetch-depth: 0)")
    return commit.stdout.decode().strip()


def planned_at(repo: Path, commit: str) -> Snapshot:
    """The weeks of `commit`, planned by that commit's own code from its own data."""
    listed = _git(repo, "ls-tree", "--name-only", commit).stdout.decode().split()
    paths = [name for name in EXPORTED if name in listed]
    archive = _git(repo, "archive", "--format=tar", commit, *paths)
    if archive.returncode:
        raise DiffError(f"git archive {commit} failed: {archive.stderr.decode().strip()}")
    with tempfile.TemporaryDirectory(prefix="weeks-base-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))  # type: ignore[arg-type]
        run = subprocess.run([sys.executable, "-c", _PLAN_HERE], cwd=folder, capture_output=True, text=True, check=False)
    if run.returncode:
        last = (run.stderr.strip().splitlines() or [f"exit code {run.returncode}"])[-1]
        raise DiffError(f"planning {commit[:12]} with its own code failed: {last}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    if "errors" in result:
        raise DiffError(f"the data of {commit[:12]} does not validate: " + "; ".join(result["errors"][:3]))
    return dict(result["weeks"])


def _day_lines(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    lines = []
    for index in range(max(len(old), len(new))):
        before = dict(map(tuple, old[index]["moves"])) if index < len(old) else {}
        after = dict(map(tuple, new[index]["moves"])) if index < len(new) else {}
        name = (new[index] if index < len(new) else old[index])["name"]
        parts = [f"+ {move}" for move in after if move not in before]
        parts += [f"- {move}" for move in before if move not in after]
        parts += [f"{move} {before[move]} -> {after[move]}" for move in after if move in before and before[move] != after[move]]
        if parts:
            lines.append(f"{name}: " + "; ".join(parts))
    return lines


def compare(base: Snapshot, head: Snapshot) -> tuple[WeekChange, ...]:
    """Every week whose built page changes, in the order of the head's weeks (then weeks only the base had)."""
    changes = []
    for slug in [*head, *(s for s in base if s not in head)]:
        old, new = base.get(slug), head.get(slug)
        if old == new:
            continue
        if old is None or new is None:
            lines = ["a new choice" if old is None else "no longer a choice"]
        elif old["built"] != new["built"]:
            lines = ["now built" if new["built"] else f"no longer built (now points to {new['nearest'] or 'no week'})"]
        elif not new["built"]:
            lines = [f"points to {new['nearest'] or 'no week'} (was {old['nearest'] or 'no week'})"]
        else:
            lines = [f"training days {old['training_days']} -> {new['training_days']}"] if old["training_days"] != new["training_days"] else []
            lines += _day_lines(old["days"], new["days"])
        changes.append(WeekChange(slug, tuple(lines or ["changed"])))
    return tuple(changes)


def headline(changes: Sequence[WeekChange], total: int, base: str, commit: str) -> str:
    noun = "week changes" if len(changes) == 1 else "weeks change"
    return f"{len(changes)} of {total} built {noun} against {base} (merge base {commit})"


def as_text(changes: Sequence[WeekChange], total: int, base: str, commit: str) -> str:
    commit = commit[:12]
    body = [f"{change.slug}\n" + "\n".join(f"  {line}" for line in change.lines) for change in changes]
    return "\n".join([headline(changes, total, base, commit) + ("." if changes else ": none."), *body]) + "\n"


def as_markdown(changes: Sequence[WeekChange], total: int, base: str, commit: str) -> str:
    title = f"### Weeks: {headline(changes, total, f'`{base}`', f'`{commit[:12]}`')}\n"
    if not changes:
        return title + "\nNo built week changes.\n"
    rows = ["| Week | What changes |", "|---|---|"]
    rows += [f"| `{change.slug}` | " + "<br>".join(line.replace("|", "\\|") for line in change.lines) + " |" for change in changes]
    return title + "\n+ added, - removed, `a -> b` a dose changed.\n\n<details open><summary>The weeks</summary>\n\n" + "\n".join(rows) + "\n\n</details>\n"
