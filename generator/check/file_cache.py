"""What validation found in each file last time, kept so that a file unchanged since is not read or drawn again.

Two parts of validation depend on one file alone and cost the most: reading
its YAML, and checking the figure its `pose:` draws (generator/check/pose_rules.py,
five frames of a body). A contributor changes a file or two between runs, so the
command line (`make validate`, `make build`) keeps both for every data file in
.cache/validate/, beside a hash of the file's bytes. A run after it takes them
for each file whose bytes are the same and reads and checks only the others;
every other check runs as always.

A file's read is kept as a child of generator/check/reading.py sends it back,
plain data (marshal): its value, its texts and its notes, or its read error,
without the positions of its values, which a document finds again from its
source only when an error needs a line. Its figure's errors are kept as plain
errors. Either way a file gives the same Document and the same errors; only the
time differs.

The cache belongs to one version of the code: its file name holds a hash of
every file of the generator package (its modules, and their data such as the
fingerprint of the source articles), the JSON Schemas, Python's version and
PyYAML's, so a change to any of them starts a new cache (and removes the old).
The file begins with a hash of the rest, checked before anything in it is
unpacked: marshal trusts its input, and a damaged byte could otherwise be told
as a file's value (or crash the interpreter). A cache that cannot be read, or
whose hash does not match, counts as empty; one that cannot be written is
skipped; code that cannot be hashed runs without a cache. Validation never fails
because of it, and never finds anything else: `--no-cache` reads everything.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.check.schema import SCHEMA_DIR
from generator.errors import DataError

CACHE_DIR = Path(".cache") / "validate"
PACKAGE = Path(__file__).resolve().parent.parent  # generator/
_PREFIX, _SUFFIX = "files-", ".marshal"
_MAGIC = b"hipdips-validate-1\n"  # then the payload's hash (_SEAL bytes), then the payload
_SEAL = 32

Sent = tuple[Any, ...]  # what reading._plain makes of a read file (its source aside)
# A file's hash, its size limit, what it read to, and what each check kept here found in it, as plain errors.
Entry = tuple[bytes, int, Sent, dict[str, tuple[Any, ...]]]
PARTS = ("figure", "wording")  # the checks kept: the figure's (pose_rules.check_pose) and the wording rules on the file's texts


def code_version(package: Path = PACKAGE, schemas: Path = SCHEMA_DIR) -> str:
    """A hash of everything that decides what a file reads to and what the kept checks find in it."""
    digest = hashlib.blake2b(digest_size=8)
    for part in (sys.version, str(marshal.version), yaml.__version__, str(yaml.__with_libyaml__)):
        digest.update(part.encode() + b"\0")
    for folder, pattern in ((package, "*"), (schemas, "*.json")):  # every file of the package: its modules and their data (the fingerprint)
        for file in sorted(path for path in folder.rglob(pattern) if path.is_file() and "__pycache__" not in path.parts):
            digest.update(file.relative_to(folder).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def content_hash(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def sealed(payload: bytes) -> bytes:
    """A cache file's bytes: a mark, the payload's hash, the payload."""
    return _MAGIC + hashlib.blake2b(payload, digest_size=_SEAL).digest() + payload


def unsealed(data: bytes) -> bytes | None:
    """The payload of a cache file's bytes, or None if they are not whole (damaged, cut short, written by hand)."""
    head = len(_MAGIC) + _SEAL
    if len(data) < head or not data.startswith(_MAGIC):
        return None
    payload = data[head:]
    return payload if hashlib.blake2b(payload, digest_size=_SEAL).digest() == data[len(_MAGIC) : head] else None


@dataclass(frozen=True)
class FileCache:
    """What the last run kept (`kept`) and what this run keeps (`now`), by the path errors name a file by."""

    file: Path
    kept: dict[str, Entry]
    now: dict[str, Entry] = field(default_factory=dict)

    def read(self, shown: str, digest: bytes, limit: int) -> Sent | None:
        """What the file read to last time, if its bytes and its size limit are the same (kept for this run too)."""
        entry = self.kept.get(shown)
        if entry is None or entry[0] != digest or entry[1] != limit:
            return None
        self.now[shown] = entry
        return entry[2]

    def keep_read(self, shown: str, digest: bytes, limit: int, sent: Sent) -> None:
        self.now[shown] = (digest, limit, sent, {})

    def found(self, shown: str, part: str) -> list[DataError] | None:
        """What a check (one of PARTS) found in this run's file, if it checked the same bytes before; None if not."""
        entry = self.now.get(shown)
        plain = None if entry is None else entry[3].get(part)
        return None if plain is None else [DataError.from_plain(each) for each in plain]

    def keep_found(self, shown: str, part: str, errors: list[DataError]) -> None:
        """What a check found in a file this run read or took from the cache (any other file is not kept)."""
        entry = self.now.get(shown)
        if entry is not None:
            self.now[shown] = (*entry[:3], {**entry[3], part: tuple(error.plain() for error in errors)})

    def split(self, shown: Iterable[str], part: str) -> tuple[list[str], list[DataError]]:
        """Of these files, those the check has not yet found anything in for their bytes, and what it found in the rest."""
        unknown: list[str] = []
        known: list[DataError] = []
        for each in shown:
            found = self.found(each, part)
            if found is None:
                unknown.append(each)
            else:
                known.extend(found)
        return unknown, known

    def keep_by_file(self, shown: Iterable[str], part: str, errors: Iterable[DataError]) -> None:
        """What a check found in each of these files, given all it found in them."""
        by_file: dict[str, list[DataError]] = {each: [] for each in shown}
        for error in errors:
            if error.path in by_file:
                by_file[error.path].append(error)
        for each, found in by_file.items():
            self.keep_found(each, part, found)

    def save(self) -> None:
        """Write what this run keeps, when it differs from what the last run kept; quietly skipped where the folder is not writable."""
        if self.now == self.kept:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.file.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# made by the generator's validation; safe to delete\n*\n", encoding="utf-8")
            handle, temporary = tempfile.mkstemp(prefix=f".{_PREFIX}", dir=self.file.parent)
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(sealed(marshal.dumps(self.now)))
            os.replace(temporary, self.file)  # whole or not at all, also when two runs save at once
            for old in self.file.parent.glob(f"{_PREFIX}*{_SUFFIX}"):
                if old != self.file:
                    old.unlink(missing_ok=True)
        except OSError:
            pass
        finally:
            Path(temporary).unlink(missing_ok=True)  # left only where the write or the replace failed


def checked(cache: FileCache | None, shown: str, part: str, check: Callable[[], Iterable[DataError]]) -> list[DataError]:
    """What `check` finds in a file, taken from the cache when it checked the same bytes before (and kept there if not)."""
    found = cache.found(shown, part) if cache is not None else None
    if found is None:
        found = list(check())
        if cache is not None:
            cache.keep_found(shown, part, found)
    return found


def open_cache(root: Path, version: str | None = None) -> FileCache | None:
    """The cache of the library under root for this code, empty when there is none or it cannot be
    read; None when the code's files cannot be read to give its version (validation then reads everything)."""
    try:
        version = version or code_version()
    except OSError:  # a file of the package unreadable, or removed while it was hashed
        return None
    file = root / CACHE_DIR / f"{_PREFIX}{version}{_SUFFIX}"
    try:
        payload = unsealed(file.read_bytes())
        kept = {} if payload is None else marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        kept = {}
    return FileCache(file, kept if _well_formed(kept) else {})


def _well_formed(kept: Any) -> bool:
    """Whether data read from a cache file has the cache's shape (a file damaged or written by hand does not)."""
    if not isinstance(kept, dict):
        return False
    for shown, entry in kept.items():
        if not (isinstance(shown, str) and isinstance(entry, tuple) and len(entry) == 4):
            return False
        digest, limit, sent, found = entry
        if not (isinstance(digest, bytes) and isinstance(limit, int) and isinstance(sent, tuple) and isinstance(found, dict)):
            return False
        if not all(part in PARTS and isinstance(errors, tuple) for part, errors in found.items()):
            return False
        if (len(sent), sent[:1]) not in ((5, ("read",)), (2, ("error",))):
            return False
    return True
