"""Find the files to index under the paths a user gives: recursive, loop-safe."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .readers import SUPPORTED_EXTENSIONS


def discover(paths: list[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Yield (file, problem) pairs: files named directly are always tried; folders are
    walked for supported extensions, following symlinks but never the same folder twice.
    ``problem`` is a one-line reason when a path cannot be used at all."""
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            yield path, "no such file or folder"
            continue
        if path.is_dir():
            yield from _walk(path, seen_dirs, seen_files)
        elif path.is_symlink() and not path.exists():
            yield path, "broken symbolic link"
        else:
            key = _identity(path)
            if key is None or key not in seen_files:
                if key:
                    seen_files.add(key)
                yield path, None


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _walk(
    root: Path, seen_dirs: set[tuple[int, int]], seen_files: set[tuple[int, int]]
) -> Iterator[tuple[Path, str | None]]:
    key = _identity(root)
    if key is None:
        yield root, "cannot read folder"
        return
    if key in seen_dirs:
        return  # a symlink loop or a folder named twice
    seen_dirs.add(key)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as error:
        yield root, f"cannot read folder ({error.strerror})"
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen_dirs, seen_files)
        elif path.suffix.lower() in SUPPORTED_EXTENSIONS and not entry.name.startswith("."):
            if entry.is_symlink() and not path.exists():
                yield path, "broken symbolic link"
                continue
            file_key = _identity(path)
            if file_key is not None and file_key in seen_files:
                continue
            if file_key is not None:
                seen_files.add(file_key)
            yield path, None
