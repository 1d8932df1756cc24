"""Where each indexed document's file is: recorded so that any later run can find it.

A document's source is stored as an absolute, resolved path, so that it names the
same file whichever folder a later run, ``--prune`` or ``serve`` starts from. An
index written by an older version may hold paths relative to a folder no longer
known: those are never pruned (they cannot be checked), and count as the same
file as an absolute path ending with them.
"""

from __future__ import annotations

import os
from pathlib import Path

from .store import Store


def prune_missing(store: Store) -> tuple[list[str], list[str]]:
    """Delete documents whose source file no longer exists; return what went, and what was
    kept because its path is relative to a folder no longer known (it cannot be checked)."""
    documents = store.documents()
    unsure = [d for d in documents if is_relative(d.source)]
    gone = [d for d in documents if not is_relative(d.source) and not exists(d.source)]
    if gone:
        with store.batch() as batch:
            for document in gone:
                batch.delete(document.doc)
    return ([f"{d.symbol} ({d.language}): {d.source}" for d in gone],
            [f"{d.symbol} ({d.language}): {d.source}" for d in unsure])


def source_path(path: str | Path) -> str:
    """The path a document's source is stored as: absolute and resolved, so that it means
    the same file whichever folder a later run, `--prune` or `serve` starts from."""
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError):  # a loop of links: the file is reported unreadable anyway
        return os.path.abspath(path)


def same_source(stored: str, source: str) -> bool:
    """True when a stored source names the file at ``source`` (absolute and resolved). Older
    versions stored paths as given: an absolute one through a link or with ".." is the same
    file once resolved; a relative one is when ``source`` ends with its path."""
    if stored == source:
        return True
    if not is_relative(stored):
        return source_path(stored) == source
    parts = [p for p in Path(stored).parts if p != "."]
    return bool(parts) and ".." not in parts and Path(source).parts[-len(parts):] == tuple(parts)


def is_relative(path: str) -> bool:
    return bool(path) and not os.path.isabs(path)


def exists(path: str) -> bool:
    return bool(path) and os.path.exists(path)
