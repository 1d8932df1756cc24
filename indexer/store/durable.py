"""Index files that survive crashes: fsync around each commit, private folders, and a
grace period before the files of merged-away segments are deleted.

Whoosh syncs nothing and deletes superseded files at once; an index directory
holds pickles (code), so it is created private to the user.
"""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

#: files of merged segments outlive their last commit this long, for searches still running
SUPERSEDED_GRACE_SECONDS = 30.0


def private_mkdir(path: Path) -> None:
    """Create ``path`` and its missing parents private to the user.

    Folders that already exist keep their permissions: ``--index /tmp/x`` must
    never make /tmp private.
    """
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass


def make_private(path: Path) -> None:
    """Close an index folder that others could write to: it holds pickles, i.e. code."""
    try:
        mode = path.stat()
        if mode.st_mode & 0o077 and mode.st_uid == os.getuid():
            os.chmod(path, 0o700)
    except (OSError, AttributeError):  # not ours to change, or no uids on this system
        pass


def fsync_dir(path: Path, skip: frozenset[str] = frozenset()) -> None:
    """Whoosh never syncs: make the files in ``path`` (but those in ``skip``), and
    their names, durable."""
    for entry in os.scandir(path):
        if entry.name in skip or not entry.is_file(follow_symlinks=False):
            continue
        try:
            descriptor = os.open(entry.path, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    fsync_directory(path)


def fsync_directory(path: Path) -> None:
    """Make the names in a folder (new, renamed, deleted files) durable."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class DurableStorage(FileStorage):
    """Whoosh file storage that makes a commit durable before it becomes visible.

    Whoosh commits by renaming a new table of contents into place, then deletes
    the files of merged segments. Syncing the new files before that rename, and
    the folder after it, means a crash or a power cut leaves either the previous
    table of contents with all of its files or the new one with all of its own.
    Segment files are written once and never changed, so the files that were
    there when the writer opened (synced by the commit that made them) are skipped.

    Whoosh also deletes the files of merged segments at once, but a search that
    opened the previous table of contents opens some of them lazily (stored
    fields, field lengths) and would fail. So deletion waits: ``reap`` deletes a
    superseded file once no table of contents that names it has been current
    for ``SUPERSEDED_GRACE_SECONDS``.
    """

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.synced = frozenset(os.listdir(path))
        self.superseded: list[str] = []

    def rename_file(self, oldname: str, newname: str, safe: bool = False) -> None:
        fsync_dir(Path(self.folder), skip=self.synced)
        super().rename_file(oldname, newname, safe)
        fsync_directory(Path(self.folder))

    def delete_file(self, name: str) -> None:
        self.superseded.append(name)

    def reap(self, indexname: str, grace: float | None = None) -> None:
        """Delete the superseded files that no recent table of contents names.

        ``grace`` defaults to ``SUPERSEDED_GRACE_SECONDS``, read at each call.
        """
        grace = SUPERSEDED_GRACE_SECONDS if grace is None else grace
        folder = Path(self.folder)
        tocs = TOC._pattern(indexname)
        made: dict[int, float] = {}
        for name in os.listdir(folder):
            match = tocs.match(name)
            if match:
                made[int(match.group(1))] = (folder / name).stat().st_mtime
        generations = sorted(made)
        recent = time.time() - grace
        # a generation stopped being current when the next one was committed
        kept = {g for g, after in itertools.pairwise(generations) if made[after] > recent}
        needed: set[str] = set()
        for generation in kept:
            try:
                toc = TOC.read(self, indexname, generation)
            except Exception:  # an unreadable old table of contents protects nothing
                continue
            needed.update(segment.segment_id() for segment in toc.segments)
        segments = TOC._segment_pattern(indexname)
        for name in self.superseded:
            toc_match, segment_match = tocs.match(name), segments.match(name)
            if toc_match and int(toc_match.group(1)) in kept:
                continue
            if not toc_match and segment_match and segment_match.group(1) in needed:
                continue
            try:
                os.remove(folder / name)
            except OSError:
                pass
