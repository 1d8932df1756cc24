"""One indexing run at a time on an index."""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable
from pathlib import Path

from .errors import IndexLockedError, IndexProblem
from .store import private_mkdir


class RunLock:
    """An exclusive lock on an index for the length of a run, beside the index folder.

    The lock is an ``flock`` on ``.NAME.lock``: the kernel frees it when the
    holder dies, even by ``kill -9``, so a lock is never stale. The holder's
    pid is written in the file for the message another run shows.
    """

    def __init__(self, target: Path, wait: float = 0.0,
                 note: Callable[[str], None] = lambda message: None) -> None:
        self.path = target.parent / f".{target.name}.lock"
        self.target = target
        self.wait = wait
        self.note = note
        self._fd: int | None = None

    def __enter__(self) -> RunLock:
        import fcntl

        try:
            private_mkdir(self.target.parent)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise IndexProblem(
                f"cannot lock the index at {self.target}: {error.strerror or error}"
            ) from None
        deadline = time.monotonic() + self.wait
        waiting = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise
            holder = _read_pid(fd)
            if time.monotonic() >= deadline:
                os.close(fd)
                raise IndexLockedError(
                    f"another paraindex run{holder} is indexing into {self.target}; "
                    "wait for it to finish, or pass --wait SECONDS"
                )
            if not waiting:
                self.note(f"waiting for another paraindex run{holder} to finish "
                          f"indexing into {self.target}…")
                waiting = True
            time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None


def _read_pid(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode().strip()
    except OSError:
        return ""
    return f" (pid {text})" if text.isdigit() else ""
