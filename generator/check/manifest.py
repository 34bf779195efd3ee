"""The list of every address the site has published: content/published-ids.txt.

An exercise, myth or plan page, once published, is linked from elsewhere, so its
address must keep working. Renaming a file (and its id) moves the page; the old
address then lives on only as a redirect from `previous_ids`. To know which
ids were ever published without asking git (a release tarball or a shallow CI
clone has no history), the repository keeps this list, one `exercises/<id>`,
`myths/<id>` or `plans/<id>` a line. `make fix` adds new pages to it; lines are
never removed by a tool. Validation reads it to tell a rename from a new page
(HD319), an original from its copy (HD304), and a deleted id from a typo (HD301).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "content/published-ids.txt"
FOLDERS = {"exercise": "exercises", "myth": "myths", "plan": "plans"}
HEADER = (
    "# Every page address the site has published, one a line: folder/id.\n"
    "# `make fix` adds new pages; never remove a line unless the page is deleted on purpose\n"
    "# (see CONTRIBUTING.md, 'Renaming or deleting an exercise').\n"
)


@dataclass(frozen=True)
class Manifest:
    """The published addresses, each with its line in the file (empty when there is no file)."""

    lines: Mapping[str, int]
    exists: bool

    def published(self, kind: str, ident: str) -> bool:
        return f"{FOLDERS[kind]}/{ident}" in self.lines

    def ids(self, kind: str) -> dict[str, int]:
        """The published ids of one kind, with their lines."""
        prefix = FOLDERS[kind] + "/"
        return {address.removeprefix(prefix): line for address, line in self.lines.items() if address.startswith(prefix)}


def read_manifest(root: Path) -> Manifest:
    file = root / MANIFEST
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Manifest({}, False)
    lines = {}
    for number, line in enumerate(text.splitlines(), 1):
        address = line.strip()
        if address and not address.startswith("#"):
            lines.setdefault(address, number)
    return Manifest(lines, True)


def missing(manifest: Manifest, current: Mapping[str, Iterable[str]]) -> list[str]:
    """The addresses of current pages (kind -> ids) that the manifest does not list yet."""
    return sorted(f"{FOLDERS[kind]}/{ident}" for kind, ids in current.items() for ident in ids if not manifest.published(kind, ident))


def record(root: Path, current: Mapping[str, Iterable[str]]) -> list[str]:
    """Add the current pages that the manifest lacks; return what was added. Never removes."""
    manifest = read_manifest(root)
    added = missing(manifest, current)
    if added:
        file = root / MANIFEST
        kept = [line for line in (file.read_text(encoding="utf-8").splitlines() if manifest.exists else []) if line.strip() and not line.startswith("#")]
        file.write_text(HEADER + "\n".join(sorted({*kept, *added})) + "\n", encoding="utf-8")
    return added
