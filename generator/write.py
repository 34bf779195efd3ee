"""The write stage: make the Markdown tree on disk equal to the rendered files.

Only files whose bytes changed are written (so `mkdocs serve` rebuilds what
changed and file times mean something); files that are no longer rendered
are removed, with the folders they leave empty. Each file is written to a
temporary name and renamed, so no reader ever sees half a file.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

OUTPUT_DIR = Path("build/docs")  # relative to the repository; mkdocs.yml's docs_dir


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def write_file(target: Path, data: bytes) -> bool:
    """Write one file through a temporary name, unless it already holds `data`; True if written."""
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)
    return True


def write_tree(out_dir: Path, files: dict[str, bytes], keep: Collection[str] = frozenset()) -> WriteReport:
    """`keep`: paths another stage writes (the preview cards), left in place."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [relative for relative, data in sorted(files.items()) if write_file(out_dir / relative, data)]
    removed: list[str] = []
    for existing in sorted(out_dir.rglob("*"), reverse=True):
        relative = existing.relative_to(out_dir).as_posix()
        if existing.is_file() and relative not in files and relative not in keep:
            existing.unlink()
            removed.append(relative)
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return WriteReport(tuple(written), tuple(sorted(removed)), len(files) - len(written))
