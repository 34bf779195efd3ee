"""Reading the data files for validation, every second exercise, myth and plan file in a forked child.

Reading is a third of validation's time at 1,000 exercises, so where validation
may fork (generator/check/side_by_side.py) a child reads every second file of the
collections while this process reads the others and the vocabularies. Every file's
bytes are read here first, so the child parses the very bytes this process has. The
child sends back what it read as plain data (marshal): each file's value, its texts
and its notes, but neither its source (this process decodes its bytes again) nor
where each value stands (three tables keyed by paths, which cost more to send than
to read the file). A document that came back so finds its positions by reading its
source again, and only when an error first needs a line: in a valid library, never.
Either way every file reads to the same Document or the same error; a child that
fails costs a second read of its share here.

Given a cache (generator/check/file_cache.py), a file whose bytes it knows is not
parsed at all, and what the others read to is kept in it for the next run.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

from generator.check.file_cache import FileCache, content_hash
from generator.check.side_by_side import in_child
from generator.document import Document, Positions
from generator.errors import DataError
from generator.reader import parse, read_bytes, source_of

Read = Document | DataError
Job = tuple[Path, str, int]  # a file, the path errors name it by, its size limit


def read_files(jobs: list[Job], *, shared: Iterable[int], files: int, cache: FileCache | None = None) -> dict[Path, Read]:
    """Each job's file read; the jobs at the indexes in `shared` may be read in a forked child
    (`files`, the library's number of files, tells whether a fork pays; only the files not
    in the cache count)."""
    raws = [job[0].read_bytes() for job in jobs]
    digests = [content_hash(raw) for raw in raws] if cache is not None else []
    read: dict[Path, Read] = {}
    if cache is not None:
        for (file, shown, limit), raw, digest in zip(jobs, raws, digests, strict=True):
            sent = cache.read(shown, digest, limit)
            if sent is not None:
                read[file] = _from_plain(shown, sent, raw)
    to_read = [i for i, job in enumerate(jobs) if job[0] not in read]
    theirs = set(shared).intersection(to_read)
    mine = [i for i in to_read if i not in theirs]
    share = sorted(theirs)
    here, sent = in_child(lambda: {i: _read(jobs[i], raws[i]) for i in mine}, lambda: [_plain(_read(jobs[i], raws[i])) for i in share], files=min(files, len(to_read)))
    if sent is None:
        here.update((i, _read(jobs[i], raws[i])) for i in share)
        sent = [_plain(here[i]) for i in share] if cache is not None else []
    else:
        here.update((i, _from_plain(jobs[i][1], each, raws[i])) for i, each in zip(share, sent, strict=True))
    if cache is not None:
        told = dict(zip(share, sent, strict=False))
        for i in to_read:
            cache.keep_read(jobs[i][1], digests[i], jobs[i][2], told[i] if i in told else _plain(here[i]))
    read.update((jobs[i][0], each) for i, each in here.items())
    return {file: read[file] for file, _, _ in jobs}  # in the jobs' order, as if read one by one


def _read(job: Job, raw: bytes) -> Read:
    _, shown, limit = job
    return read_bytes(raw, shown, max_bytes=limit)


def _plain(read: Read) -> tuple[Any, ...]:
    if isinstance(read, DataError):
        return ("error", read.plain())
    notes = tuple(note.plain() for note in read.notes)
    return ("read", read.value, read.read_strings, notes, read.first_line)


def _from_plain(shown: str, sent: tuple[Any, ...], raw: bytes) -> Read:
    """The Document (or the error) a file whose bytes are `raw` read to, from what _plain made of it."""
    if sent[0] == "error":
        return DataError.from_plain(sent[1])
    _, value, strings, notes, first_line = sent
    source = source_of(raw)
    return Document(shown, value, None, source, tuple(map(DataError.from_plain, notes)), first_line, strings, find_positions=partial(_positions, source, shown, first_line))


def _positions(source: str, shown: str, first_line: int) -> Positions:
    """Where each value of a document stands, read again from its source (which read without error once)."""
    positions = parse(source, shown, first_line).read_positions
    assert positions is not None
    return positions
