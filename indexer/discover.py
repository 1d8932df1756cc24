"""Find the files to index under the paths a user gives: recursive, loop-safe, regular files only.

Folders are walked in name order, so a run always meets files in the same
order (the first of two files with the same document keeps it). Symbolic
links are followed, but no folder is walked twice, so a loop of links ends.
Anything that is not a regular file (a named pipe would block the reader
forever, a device never ends) is reported, never opened.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from .readers import SUPPORTED_EXTENSIONS

Identity = tuple[int, int]


def discover(paths: list[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Yield (file, problem) pairs: files named directly are always tried; folders are
    walked for supported extensions. ``problem`` is a one-line reason when a path
    cannot be used at all; the same file reached twice is yielded once."""
    seen_dirs: set[Identity] = set()
    seen_files: set[Identity] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        info, problem = _stat(path)
        if info is not None and stat.S_ISDIR(info.st_mode):
            yield from _walk(path, info, seen_dirs, seen_files)
        else:
            yield from _file(path, info, problem, seen_files)


def _stat(path: Path) -> tuple[os.stat_result | None, str | None]:
    try:
        return path.stat(), None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return None, "symbolic link loop"
        if path.is_symlink():
            return None, "broken symbolic link"
        if isinstance(error, FileNotFoundError):
            return None, "no such file or folder"
        if isinstance(error, PermissionError):
            return None, "cannot read (permission denied)"
        return None, f"cannot read ({error.strerror or error})"


def _file(
    path: Path, info: os.stat_result | None, problem: str | None, seen: set[Identity]
) -> Iterator[tuple[Path, str | None]]:
    if info is None:
        yield path, problem or "cannot read"
        return
    if not stat.S_ISREG(info.st_mode):
        yield path, "not a regular file (a pipe, socket or device)"
        return
    key = (info.st_dev, info.st_ino)
    if key not in seen:
        seen.add(key)
        yield path, None


def _walk(
    root: Path, info: os.stat_result, seen_dirs: set[Identity], seen_files: set[Identity]
) -> Iterator[tuple[Path, str | None]]:
    key = (info.st_dev, info.st_ino)
    if key in seen_dirs:
        return  # a symlink loop, or a folder named twice
    seen_dirs.add(key)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as error:
        reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
        yield root, f"cannot read folder ({reason})"
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files, and the staging folders of an index built here
        path = Path(entry.path)
        child, problem = _stat(path)
        if child is not None and stat.S_ISDIR(child.st_mode):
            yield from _walk(path, child, seen_dirs, seen_files)
        elif path.suffix.lower() in SUPPORTED_EXTENSIONS:
            yield from _file(path, child, problem, seen_files)
