"""Two independent parts of the checks, run side by side on two cores where that is safe.

Once every file is read and built, the checks fall into parts that share nothing but
what was read: the wording rules on one side, the figures' checks and the other
cross-file rules on the other (about the same work at 1,000 exercises). Where the process may fork (POSIX, one thread, two or
more cores free to it), the second part runs in a forked child: it inherits what was
read as it stands, with nothing copied up front or pickled, and sends back only its
errors. Anywhere else, or if the child fails for any reason, the second part runs
here after the first. Either way the errors are the same; only the wall time differs
(at 1,000 exercises the checks after reading are about two thirds of `validate`).

`HIPDIPS_CORES=1` in the environment keeps everything in one process.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable

from generator.errors import DataError

Part = Callable[[], list[DataError]]
ONE_CORE = "HIPDIPS_CORES"


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


def may_fork() -> bool:
    """Forking is safe only in a process with one thread: a lock another thread held
    at the fork would stay locked in the child for good."""
    return hasattr(os, "fork") and os.environ.get(ONE_CORE) != "1" and cores_free() > 1 and threading.active_count() == 1 and threads() == 1


def side_by_side(here: Part, beside: Part) -> list[DataError]:
    """The errors of both parts: `beside` in a forked child while `here` runs in this process."""
    if not may_fork():
        return here() + beside()
    reading, writing = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child == 0:  # the child: run `beside`, send its errors, and leave without any clean-up
        os.close(reading)
        status = 1
        try:
            with os.fdopen(writing, "wb") as out:
                pickle.dump(beside(), out, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    try:
        found = here()
    finally:
        with os.fdopen(reading, "rb") as answer:
            sent = answer.read()  # read to the end before waiting: a full pipe would block the child
        _, status = os.waitpid(child, 0)
    if status != 0 or not sent:
        return found + beside()  # the child failed: run it here, where an exception shows as usual
    return found + pickle.loads(sent)
