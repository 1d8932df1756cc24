"""Putting a rebuilt index in the place of the old one, and clearing what a killed run left.

``--rebuild`` builds a fresh index in a sibling folder; readers must always find
an index at the usual place, so the two folders are exchanged in one step where
the system allows it, and a run that died half-way is finished by the next.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .store import fsync_directory


def swap(staging: Path, target: Path) -> None:
    """Put the folder ``staging`` at ``target``; the old ``target`` ends up at ``staging``.

    On Linux the two names are exchanged in one step (``renameat2``), so readers
    always find an index; elsewhere the old index is moved aside first, and
    ``recover`` finishes the job if the process dies in between.
    """
    if not target.exists():
        os.rename(staging, target)
    elif not exchange(staging, target):
        aside = target.parent / f".{target.name}.old-{os.getpid()}"
        os.rename(target, aside)
        os.rename(staging, target)
        os.rename(aside, staging)
    fsync_directory(target.parent)


def exchange(a: Path, b: Path) -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def recover(target: Path) -> None:
    """Clear what a killed run left beside the index (we hold the run lock, so it is stale).

    A half-built index (``.NAME.new-*``, ``.NAME.rebuild-*``) is deleted; an old
    index moved aside by an interrupted swap (``.NAME.old-*``) is put back unless
    the complete new one already took its place.
    """
    parent = target.parent
    if not parent.is_dir():
        return
    # ".NAME.rebuild-1" and, for the index a rebuild creates, "..NAME.rebuild-1.new-x"
    prefixes = (f".{target.name}.", f"..{target.name}.")
    for entry in parent.iterdir():
        prefix = next((p for p in prefixes if entry.name.startswith(p)), None)
        if prefix is None or not entry.is_dir() or entry.is_symlink():
            continue
        kind = entry.name[len(prefix):].split("-", 1)[0]
        if kind == "old":
            if target.exists():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                os.rename(entry, target)
        elif kind in {"new", "rebuild"}:
            shutil.rmtree(entry, ignore_errors=True)
