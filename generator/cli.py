"""The command line: python -m generator validate | fix | generate | build | new exercise NAME | weeks-diff.

Exit codes: 0 success, 1 invalid data or a failed build, 2 a usage error.
Data problems print one per line as `path:line:col: CODE message (hint: ...)`;
with --format github (the default inside GitHub Actions) they are also
printed as workflow annotations on the changed lines.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from generator.check.validate import load
from generator.errors import DataError
from generator.search_index import index_site
from generator.write import OUTPUT_DIR

# `validate` is what contributors run most: the rendering stack (Jinja2,
# figures, calendars) is imported only by the commands that render.


def _report(errors: Sequence[DataError], fmt: str) -> None:
    for error in errors:
        print(error.format(), file=sys.stderr)
        if fmt == "github":
            print(error.github_annotation())
    noun = "problem" if len(errors) == 1 else "problems"
    print(f"{len(errors)} {noun} found. Codes are explained in CONTRIBUTING.md.", file=sys.stderr)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _validate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    loaded = load(args.root, cache=args.cache)
    for note in loaded.notes:
        print(note.format(), file=sys.stderr)
    if loaded.errors:
        _report(loaded.errors, args.format)
        return 1
    lib = loaded.library
    elapsed = time.perf_counter() - started
    counts = ", ".join(_count(len(items), noun) for items, noun in ((lib.exercises, "exercise"), (lib.myths, "myth"), (lib.plans, "plan"), (lib.muscles, "muscle"), (lib.sources, "source"), (lib.pages, "page")))
    print(f"valid: {counts} ({elapsed:.2f} s)")
    return 0


def _fix(args: argparse.Namespace) -> int:
    """The mechanical fixes (generator/check/fix.py), each printed; then validate as usual."""
    from generator.check.fix import fix

    changes = fix(args.root)
    for change in changes:
        print(f"fixed {change}")
    print(f"{_count(len(changes), 'change')} made." if changes else "nothing to fix.")
    return _validate(args)


def _generate(args: argparse.Namespace) -> int:
    from generator.pipeline import generate

    result = generate(args.root, args.out, cache=args.cache)
    if result.errors:
        _report(result.errors, args.format)
        return 1
    assert result.report is not None
    report = result.report
    print(f"generated {len(result.files)} files into {args.out or OUTPUT_DIR}: {len(report.written)} written, {len(report.removed)} removed, {report.unchanged} unchanged")
    return 0


def _build(args: argparse.Namespace) -> int:
    """Generate, build the site with `mkdocs build --strict` into a new folder,
    index it for search (Pagefind), and put it in place of site/ only when
    all of that succeeded."""
    code = _generate(args)
    if code:
        return code
    site = args.root / "site"
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=args.root))
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)], cwd=args.root, env=env, check=False)
    if build.returncode:
        shutil.rmtree(staging, ignore_errors=True)
        print("mkdocs build --strict failed; site/ was left as it was.", file=sys.stderr)
        return 1
    indexed = index_site(staging)
    if not indexed.ok:
        shutil.rmtree(staging, ignore_errors=True)
        print(indexed.output, file=sys.stderr)
        print("the search index (Pagefind) could not be written; site/ was left as it was.", file=sys.stderr)
        return 1
    old = args.root / ".site-old"
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    print(f"built the site into {site.relative_to(args.root) if site.is_relative_to(args.root) else site}/")
    return 0


def _commit_epoch(root: Path) -> str:
    """The last commit's time, so that two builds of one commit are identical."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        out = ""
    return out


def _new(args: argparse.Namespace) -> int:
    from generator.scaffold import new_exercise, preview_url

    path, problem = new_exercise(args.root, args.name)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    shown = path.relative_to(args.root) if path.is_relative_to(args.root) else path
    steps = [
        f"Fill in every FILL IN value in {shown} (your editor shows hints from the schema).",
        "make validate      # fix what it reports, top to bottom",
        f"make serve         # then open {preview_url(args.root, f'exercises/{path.stem}/')}",
        "Commit your file (and any file a hint asked you to edit), push, and open a pull request (see CONTRIBUTING.md).",
    ]
    print(f"created {shown}\n\nNext steps:\n" + "\n".join(f"  {i}. {step}" for i, step in enumerate(steps, 1)))
    return 0


def _weeks_diff(args: argparse.Namespace) -> int:
    from generator.weeks import diff
    from generator.weeks.planner import plan_weeks

    loaded = load(args.root, cache=args.cache)
    if loaded.errors:
        _report(loaded.errors, args.format)
        return 1
    head = diff.snapshot(plan_weeks(loaded.library))
    try:
        commit = diff.merge_base(args.root, args.base)
        changes = diff.compare(diff.planned_at(args.root, commit), head)
    except diff.DiffError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(diff.as_text(changes, len(head), args.base, commit), end="")
    if args.markdown:
        with args.markdown.open("a", encoding="utf-8") as summary:
            summary.write(diff.as_markdown(changes, len(head), args.base, commit))
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m generator", description="Validate the hip-dips data and generate the site's Markdown.")
    top.add_argument("--root", type=Path, default=Path("."), help="the repository root (default: the current folder)")
    default_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    top.add_argument("--format", choices=("text", "github"), default=default_format, help="how to print problems (default: %(default)s)")
    no_cache = {"dest": "cache", "action": "store_false", "help": "read and check every data file again, not only those changed since the last run (.cache/validate)"}
    top.add_argument("--no-cache", **no_cache)  # type: ignore[arg-type]
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check the data; exit 1 on any problem")
    validate.set_defaults(run=_validate)
    fixing = commands.add_parser("fix", help="make the mechanical fixes (BOM, tabs, trailing spaces, mirrored progressions, the published list), then validate")
    fixing.set_defaults(run=_fix)
    gen = commands.add_parser("generate", help="validate, then write the Markdown tree (only changed files)")
    gen.add_argument("--out", type=Path, default=None, help=f"output folder (default: {OUTPUT_DIR})")
    gen.set_defaults(run=_generate)
    build = commands.add_parser("build", help="generate, mkdocs build --strict, then the search index, into site/ (atomically)")
    build.set_defaults(run=_build, out=None)
    new = commands.add_parser("new", help="create a new data file from a template")
    new_kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    exercise = new_kinds.add_parser("exercise", help="create exercises/<id>.yml")
    exercise.add_argument("name", help='the exercise name, e.g. "Banded clamshell"')
    exercise.set_defaults(run=_new)
    weeks = commands.add_parser("weeks-diff", help="list the built weeks the working tree changes against a base revision")
    weeks.add_argument("--base", default="origin/main", help="the branch or commit to compare with, from where HEAD left it (default: %(default)s)")
    weeks.add_argument("--markdown", type=Path, default=None, help="also append the list as Markdown to this file, e.g. $GITHUB_STEP_SUMMARY")
    weeks.set_defaults(run=_weeks_diff)
    for command in (validate, fixing, gen, build, weeks):  # after the command too; SUPPRESS keeps a --no-cache given before it
        command.add_argument("--no-cache", **no_cache, default=argparse.SUPPRESS)  # type: ignore[arg-type]
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    epoch = _commit_epoch(args.root)
    if epoch:
        os.environ.setdefault("SOURCE_DATE_EPOCH", epoch)  # dates come from the last commit
    out = getattr(args, "out", None)
    args.out = out.resolve() if out is not None else None
    return int(args.run(args))
