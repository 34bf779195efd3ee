"""`make fix`: the mechanical fixes, made for the contributor (like browser-compat-data's
`npm run fix`). Each one changes how a file is written, never what it says:

- a byte-order mark at the start of a file is removed (HD102);
- tabs in indentation become two spaces each (HD110);
- trailing spaces are removed (in Markdown, not the two spaces of a line break);
- an easier/harder link is mirrored in the other exercise (HD306);
- new pages are added to the list of published addresses (content/published-ids.txt).

Every change is printed. Fixes that need a judgement (a nearest id, a link's target, a
rename's previous_ids) stay hints: their `Fix` is applied only by the tests that prove the
hint works.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.check.manifest import MANIFEST, record
from generator.check.validate import load
from generator.errors import DataError, Fix
from generator.reader import BOM

MECHANICAL = frozenset({"HD110", "HD306"})
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
_MARKDOWN_TRAILING = re.compile(r"(?<=\S)[ \t](?=\n)|(?<=\n)[ \t]+(?=\n)")  # two or more after a word: a line break


def data_files(root: Path) -> Iterator[Path]:
    """Every file a contributor writes: exercise and content data, and hand-written pages."""
    for folder in ("exercises", "content"):
        base = root / folder
        if base.is_dir():
            yield from sorted(path for path in base.rglob("*") if path.suffix in (".yml", ".md") and path.is_file())


def tidy(raw: bytes, markdown: bool) -> tuple[bytes, list[str]]:
    """The file without a byte-order mark and trailing spaces, and what was changed."""
    changes = []
    if raw.startswith(BOM):
        raw, changes = raw[len(BOM) :], ["removed the byte-order mark (HD102)"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw, changes  # HD101 is for the contributor to fix: the encoding is unknown
    tidied = _MARKDOWN_TRAILING.sub("", text) if markdown else _TRAILING.sub("", text)
    if tidied != text:
        changes.append(f"removed trailing spaces on {sum(a != b for a, b in zip(text.split(chr(10)), tidied.split(chr(10)), strict=True))} line(s)")
    return tidied.encode("utf-8"), changes


def apply_fixes(root: Path, fixes: Iterable[Fix]) -> list[str]:
    """Make each fix whose line still holds its old text; describe each one made."""
    made = []
    for fix in sorted(set(fixes), key=lambda f: (f.path, -f.line)):  # bottom up: added lines move nothing above
        file = root / fix.path
        fixed = fix.apply(file.read_text(encoding="utf-8"))
        if fixed is not None:
            file.write_text(fixed, encoding="utf-8")
            made.append(f"{fix.path}:{fix.line}: {fix.old.strip()!r} -> {fix.new.strip()!r}")
    return made


def mechanical(errors: Iterable[DataError]) -> list[Fix]:
    return [error.fix for error in errors if error.code in MECHANICAL and error.fix is not None]


def fix(root: Path, max_rounds: int = 5) -> list[str]:
    """Make every mechanical fix under `root`; return one line per change."""
    report = []
    for file in data_files(root):
        raw = file.read_bytes()
        tidied, changes = tidy(raw, file.suffix == ".md")
        if tidied != raw:
            file.write_bytes(tidied)
            report.extend(f"{file.relative_to(root).as_posix()}: {change}" for change in changes)
    for _ in range(max_rounds):  # a fix may let the file be read, and show the next one
        made = apply_fixes(root, mechanical(load(root).errors))
        report.extend(made)
        if not made:
            break
    library = load(root).library
    current = {kind: [*items, *(old for item in items.values() for old in item.previous_ids)] for kind, items in (("exercise", library.exercises), ("myth", library.myths), ("plan", library.plans))}
    report.extend(f"{MANIFEST}: added {address}" for address in record(root, current))
    return report
