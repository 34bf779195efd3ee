"""Validation on two cores: the wording rules run in a forked child beside the other checks.

Once every file is read, the work falls into parts that share nothing but what was
read. The child runs the wording rules over the texts it inherited (nothing is copied
up front or pickled) while this process checks each file's schema, builds the library,
checks the figures and runs the other rules (about the same work at 1,000 exercises);
the child sends back only its errors, as plain data (marshal). Before that, a first
child reads every second data file (generator/check/reading.py) and sends back what it
read without the positions of its values, which would cost more to send than to read.

A child is forked only where that is safe and pays: on POSIX, in a process with one
thread (a lock another thread held at the fork would stay locked in the child for
good), with two cores free, and for a library of FORK_FROM files or more (below that
a fork costs more than it saves). Anywhere else, or if a child fails for any reason,
its part runs here after the rest. Either way the results are the same; only the wall
time differs. `HIPDIPS_CORES=1` in the environment keeps everything in one process;
`HIPDIPS_CORES=2` forks whatever the library's size (the tests use it).
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

Done = TypeVar("Done")
Told = TypeVar("Told")  # what beside() finds, one by one (errors)
CORES = "HIPDIPS_CORES"
FORK_FROM = 400  # data files; at about 300 a fork saved nothing on a two-core machine, at 1,000 it saves a third


def cores_free() -> int:
    """The cores this process may run on (fewer than the machine's in a container)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def threads() -> int:
    """The threads of this process, those a library started outside Python too (where the system tells)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def may_fork(files: int = FORK_FROM) -> bool:
    """Whether a part of the work on `files` data files goes to a forked child."""
    asked = os.environ.get(CORES, "")
    if asked == "1" or (asked != "2" and files < FORK_FROM):
        return False
    return hasattr(os, "fork") and cores_free() > 1 and threading.active_count() == 1 and threads() == 1


def in_child(here: Callable[[], Done], beside: Callable[[], Any], *, files: int) -> tuple[Done, Any | None]:
    """here() in this process and beside() in a forked child at the same time. Returns here's
    result and beside's, or None for beside's when there was no child or it failed: the
    caller then runs that part itself. beside's result must be plain data (marshal)."""
    if not may_fork(files):
        return here(), None
    reading, writing = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child == 0:  # the child: do its part, send it, and leave without any clean-up
        os.close(reading)
        status = 1
        try:
            with os.fdopen(writing, "wb") as out:
                out.write(marshal.dumps(beside()))
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    try:
        done = here()
    finally:
        with os.fdopen(reading, "rb") as answer:
            sent = answer.read()  # read to the end before waiting: a full pipe would block the child
        _, status = os.waitpid(child, 0)
    return done, (marshal.loads(sent) if status == 0 and sent else None)


def side_by_side(here: Callable[[], Done], beside: Callable[[], list[Told]], *, files: int, pack: Callable[[Told], Any], unpack: Callable[[Any], Told]) -> tuple[Done, list[Told]]:
    """here()'s result and beside()'s list. beside() runs in a forked child while here() runs;
    where there is no child, or it failed, beside() runs in this process after here()."""
    done, sent = in_child(here, lambda: [pack(each) for each in beside()], files=files)
    return done, (beside() if sent is None else [unpack(each) for each in sent])
