"""Reading the data files for validation, every second exercise, myth and plan file in a forked child.

Reading is a third of validation's time at 1,000 exercises, so where validation
may fork (generator/check/side_by_side.py) a child reads every second file of the
collections while this process reads the others and the vocabularies. The child
sends back what it read as plain data (marshal): each file's value, its texts and
its source, but not where each value stands (three tables keyed by paths, which
cost more to send than to read the file). A document that came back so finds its
positions by reading its source again, and only when an error first needs a line:
in a valid library, never. Either way every file reads to the same Document or the
same error; a child that fails costs a second read of its share here.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

from generator.check.side_by_side import in_child
from generator.document import Document, Positions
from generator.errors import DataError
from generator.reader import parse, read_file

Read = Document | DataError
Job = tuple[Path, str, int]  # a file, the path errors name it by, its size limit


def read_files(jobs: list[Job], *, shared: Iterable[int], files: int) -> dict[Path, Read]:
    """Each job's file read; the jobs at the indexes in `shared` may be read in a forked child
    (`files`, the library's number of files, tells whether a fork pays)."""
    theirs = set(shared)
    mine = [job for i, job in enumerate(jobs) if i not in theirs]
    share = [jobs[i] for i in sorted(theirs)]
    read, sent = in_child(lambda: {job[0]: _read(job) for job in mine}, lambda: [_plain(_read(job)) for job in share], files=files)
    if sent is None:
        read.update((job[0], _read(job)) for job in share)
    else:
        read.update((file, _from_plain(shown, each)) for (file, shown, _), each in zip(share, sent, strict=True))
    return {file: read[file] for file, _, _ in jobs}  # in the jobs' order, as if read one by one


def _read(job: Job) -> Read:
    file, shown, limit = job
    return read_file(file, shown, max_bytes=limit)


def _plain(read: Read) -> tuple[Any, ...]:
    if isinstance(read, DataError):
        return ("error", read.plain())
    notes = tuple(note.plain() for note in read.notes)
    return ("read", read.value, read.read_strings, read.source, notes, read.first_line)


def _from_plain(shown: str, sent: tuple[Any, ...]) -> Read:
    if sent[0] == "error":
        return DataError.from_plain(sent[1])
    _, value, strings, source, notes, first_line = sent
    return Document(shown, value, None, source, tuple(map(DataError.from_plain, notes)), first_line, strings, find_positions=partial(_positions, source, shown, first_line))


def _positions(source: str, shown: str, first_line: int) -> Positions:
    """Where each value of a document stands, read again from its source (which read without error once)."""
    positions = parse(source, shown, first_line).read_positions
    assert positions is not None
    return positions
