"""Batch indexing: incremental runs, the same document from two files, prune, rebuild,
the run report, the CLI summary and progress, one run at a time."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.batch import FileEvent, Progress, RunLock, index_paths
from indexer.errors import IndexLockedError, IndexProblem
from indexer.store import Store
from search.cli import cli
from search.progress import make_progress

from .test_batch_helpers import CLI, expected_records, index_state, report_text, write_reports


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    write_reports(tmp_path / "reports", 6)
    return tmp_path / "reports"


def test_second_run_skips_everything_and_a_changed_file_replaces_its_paragraphs(
    tmp_path: Path, reports: Path
) -> None:
    index = tmp_path / "index"
    first = index_paths(index, [reports], batch_size=4)
    assert (first.indexed, first.updated, first.skipped, first.failed) == (6, 0, 0, [])
    assert first.commits == 2 and first.paragraphs == 6 * 12
    assert index_state(index) == expected_records(sorted(reports.iterdir()))

    again = index_paths(index, [reports])
    assert (again.indexed, again.updated, again.skipped, again.commits) == (0, 0, 6, 0)

    changed = reports / "A_90_3.txt"
    changed.write_text(report_text(3, paragraphs=5, edition=2))
    third = index_paths(index, [reports])
    assert (third.indexed, third.updated, third.skipped) == (0, 1, 5)
    state = index_state(index)
    assert state["A/90/3@en"] == 5 + 1  # five paragraphs and the title block
    store = Store(index)
    texts = [r.text for r in store.paragraphs("A/90/3@en")]
    assert all("edition 0" not in t for t in texts) and any("edition 2" in t for t in texts)


def test_identical_copy_is_a_duplicate_and_another_edition_a_conflict(
    tmp_path: Path, reports: Path
) -> None:
    index = tmp_path / "index"
    index_paths(index, [reports])
    extra = tmp_path / "downloads"
    extra.mkdir()
    (extra / "copy.txt").write_bytes((reports / "A_90_2.txt").read_bytes())
    (extra / "A_90_4 (1).txt").write_text(report_text(4, edition=7))  # same symbol, new bytes
    summary = index_paths(index, [reports, extra])
    assert [(Path(n.path).name, n.reason) for n in summary.duplicates] == [
        ("copy.txt", f"same content as {reports / 'A_90_2.txt'}")
    ]
    assert len(summary.conflicts) == 1
    conflict = summary.conflicts[0]
    assert Path(conflict.path).name == "A_90_4 (1).txt"
    assert f"A/90/4 (en) is already indexed from {reports / 'A_90_4.txt'}" in conflict.reason
    assert summary.indexed == summary.updated == 0
    store = Store(index)
    assert store.document("A/90/4@en").source == str(reports / "A_90_4.txt")
    assert index_state(index)["A/90/4@en"] == 13


def test_within_one_run_the_file_found_first_keeps_the_document(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(report_text(5, edition=1))
    (folder / "b.txt").write_text(report_text(5, edition=2))
    (folder / "c.txt").write_text(report_text(5, edition=3))
    # with one document per batch the later files arrive while "a" is committed or pending
    summary = index_paths(tmp_path / "index", [folder], batch_size=1, jobs=2)
    assert summary.indexed == 1
    assert sorted(Path(n.path).name for n in summary.conflicts) == ["b.txt", "c.txt"]
    assert all("comes first from" in n.reason for n in summary.conflicts)
    store = Store(tmp_path / "index")
    assert store.document("A/90/5@en").source == str(folder / "a.txt")
    assert index_state(tmp_path / "index") == {"A/90/5@en": 13}


def test_another_language_is_a_second_document_and_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "A_90_9.en.txt").write_text(report_text(9))
    (folder / "A_90_9.fr.txt").write_text(report_text(9, language="fr"))
    summary = index_paths(tmp_path / "index", [folder])
    assert summary.indexed == 2 and not summary.conflicts
    assert set(index_state(tmp_path / "index")) == {"A/90/9@en", "A/90/9@fr"}
    assert len(summary.languages) == 1 and summary.languages[0].startswith("A/90/9: ")


def test_a_moved_file_keeps_its_document_and_prune_removes_only_what_is_gone(
    tmp_path: Path, reports: Path
) -> None:
    index = tmp_path / "index"
    index_paths(index, [reports])
    moved = tmp_path / "moved"
    moved.mkdir()
    (reports / "A_90_1.txt").rename(moved / "A_90_1.txt")
    (reports / "A_90_2.txt").unlink()
    summary = index_paths(index, [reports, moved], prune=True)
    assert summary.updated == 1
    assert any("moved here from" in n.reason for n in summary.warnings)
    assert summary.pruned == [f"A/90/2 (en): {reports / 'A_90_2.txt'}"]
    store = Store(index)
    assert store.document("A/90/1@en").source == str(moved / "A_90_1.txt")
    assert set(index_state(index)) == {f"A/90/{n}@en" for n in (1, 3, 4, 5, 6)}


def test_a_file_that_now_holds_another_document_drops_the_old_one(
    tmp_path: Path, reports: Path
) -> None:
    index = tmp_path / "index"
    index_paths(index, [reports])
    (reports / "A_90_6.txt").write_text(report_text(60))
    summary = index_paths(index, [reports])
    assert summary.indexed == 1
    assert any("A/90/6@en that it held before is removed" in n.reason for n in summary.warnings)
    assert "A/90/6@en" not in index_state(index) and "A/90/60@en" in index_state(index)


def test_rebuild_swaps_in_a_complete_index_and_refuses_an_empty_one(
    tmp_path: Path, reports: Path
) -> None:
    index = tmp_path / "index"
    index_paths(index, [reports])
    before = index.stat().st_ino
    (reports / "A_90_5.txt").unlink()
    summary = index_paths(index, [reports], rebuild=True)
    assert summary.rebuilt and summary.indexed == 5
    assert index.stat().st_ino != before  # a new folder took the old one's place
    assert set(index_state(index)) == {f"A/90/{n}@en" for n in (1, 2, 3, 4, 6)}
    assert oct(index.stat().st_mode & 0o777) == "0o700"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".index.")] == [
        ".index.lock"
    ]

    with pytest.raises(IndexProblem, match="left as it was"):
        index_paths(index, [tmp_path / "nothing-here"], rebuild=True)
    assert len(index_state(index)) == 5


def test_leftovers_of_a_killed_run_are_cleared_and_an_interrupted_swap_is_undone(
    tmp_path: Path, reports: Path
) -> None:
    index = tmp_path / "index"
    index_paths(index, [reports])
    (tmp_path / ".index.rebuild-999").mkdir()
    (tmp_path / "..index.rebuild-999.new-abc").mkdir()
    index.rename(tmp_path / ".index.old-999")  # killed between the two renames of a swap
    summary = index_paths(index, [reports])
    assert summary.skipped == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == [".index.lock", "index", "reports"]


def test_run_report_and_cli_summary(tmp_path: Path, reports: Path) -> None:
    (reports / "broken.pdf").write_bytes(b"not a pdf at all")
    (reports / "A_90_2 copy.txt").write_bytes((reports / "A_90_2.txt").read_bytes())
    report = tmp_path / "run.json"
    result = CliRunner().invoke(
        cli, ["--index", str(tmp_path / "index"), "index", str(reports), "--report", str(report),
              "--jobs", "2"],
    )
    assert result.exit_code == 1, result.output
    assert "Indexed 6 document(s) (6 new, 0 updated): 72 paragraphs" in result.stdout
    assert f"duplicate: {reports / 'A_90_2.txt'}: same content as" in result.stdout
    assert f"failed: {reports / 'broken.pdf'}: corrupt" in result.stderr
    data = json.loads(report.read_text())
    assert data["indexed"] == 6 and data["files"] == 8
    assert data["failed"] == [{"path": str(reports / "broken.pdf"),
                               "reason": "corrupt or not a valid file of its type "
                                         "(no PDF header: not a PDF)"}]
    again = CliRunner().invoke(
        cli, ["--index", str(tmp_path / "index"), "index", str(reports / "A_90_1.txt")]
    )
    assert again.exit_code == 0 and "skipped 1 unchanged" in again.stdout


def test_progress_plain_lines_terminal_bar_and_quiet(
    tmp_path: Path, reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (reports / "broken.pdf").write_bytes(b"junk")
    plain = make_progress(quiet=False, terminal=False)
    with plain:
        index_paths(tmp_path / "a", [reports], progress=plain.callbacks)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "indexing 7 file(s)"
    assert sum(1 for line in lines if line.startswith("[") and ": indexed A/90/" in line) == 6
    assert any(line.startswith("[") and "broken.pdf: failed: corrupt" in line for line in lines)
    assert (plain.done, plain.paragraphs) == (7, 72)

    bar = make_progress(quiet=False, terminal=True)
    with bar:
        index_paths(tmp_path / "b", [reports], progress=bar.callbacks)
    assert "broken.pdf" in capsys.readouterr().err

    quiet = make_progress(quiet=True, terminal=False)
    with quiet:
        index_paths(tmp_path / "c", [reports], progress=quiet.callbacks)
    assert capsys.readouterr().err == ""


def test_a_second_run_refuses_clearly_or_waits(tmp_path: Path, reports: Path) -> None:
    index = tmp_path / "index"
    index_paths(index, [reports])
    holder = subprocess.Popen(
        [*CLI[:2], "import sys, time; from pathlib import Path; from indexer.batch import RunLock\n"
         "with RunLock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(1.5)",
         str(index)], stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parent.parent,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    with pytest.raises(IndexLockedError, match=rf"pid {holder.pid}\) is indexing into"):
        index_paths(index, [reports])
    notes: list[str] = []
    started = time.monotonic()
    summary = index_paths(index, [reports], lock_wait=30,
                          progress=Progress(note=notes.append))
    assert time.monotonic() - started > 0.3 and summary.skipped == 6
    assert notes and notes[0].startswith(f"waiting for another paraindex run (pid {holder.pid})")
    holder.wait(10)


def test_run_lock_is_freed_when_its_holder_ends(tmp_path: Path) -> None:
    target = tmp_path / "index"
    with RunLock(target):
        with pytest.raises(IndexLockedError):
            RunLock(target).__enter__()
    with RunLock(target):
        pass


def test_index_folder_is_private_and_its_parent_untouched(tmp_path: Path, reports: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    index_paths(shared / "deep" / "index", [reports])
    assert shared.stat().st_mode & 0o777 == 0o755
    assert (shared / "deep").stat().st_mode & 0o777 == 0o700
    assert (shared / "deep" / "index").stat().st_mode & 0o777 == 0o700
    os.chmod(shared / "deep" / "index", 0o777)
    index_paths(shared / "deep" / "index", [reports / "A_90_1.txt"], prune=False)
    assert (shared / "deep" / "index").stat().st_mode & 0o777 == 0o777  # nothing was written
    (reports / "A_90_1.txt").write_text(report_text(1, edition=3))
    index_paths(shared / "deep" / "index", [reports / "A_90_1.txt"])
    assert (shared / "deep" / "index").stat().st_mode & 0o777 == 0o700


def test_events_name_every_file(tmp_path: Path, reports: Path) -> None:
    events: list[FileEvent] = []
    index_paths(tmp_path / "index", [reports, reports / "A_90_1.txt"],
                progress=Progress(advance=events.append))
    assert sorted(e.status for e in events) == ["indexed"] * 6
    assert {e.detail for e in events} == {f"A/90/{n} (en)" for n in range(1, 7)}


def test_a_relative_path_is_stored_absolute_so_prune_elsewhere_keeps_it(
    tmp_path: Path, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cd /tmp/qa; index reports` then `cd /; index --prune emptydir` deleted every document."""
    monkeypatch.chdir(tmp_path)
    index = tmp_path / "index"
    index_paths(index, ["reports"])
    assert Store(index).document("A/90/1@en").source == str(reports.resolve() / "A_90_1.txt")
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir("/")
    summary = index_paths(index, [empty], prune=True)
    assert summary.pruned == [] and summary.unsure == []
    assert len(index_state(index)) == 6
    monkeypatch.chdir(reports)
    again = index_paths(index, ["."])
    assert (again.indexed, again.updated, again.skipped, again.warnings) == (0, 0, 6, [])


def test_documents_indexed_by_a_relative_path_before_are_never_pruned_nor_moved(
    tmp_path: Path, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index written by an older version holds relative sources: prune cannot check them
    from another folder, so it keeps them and says so; the same file named by an absolute
    path, or from inside its folder, is the same source (skipped, not 'moved')."""
    import indexer.batch

    monkeypatch.chdir(tmp_path)
    index = tmp_path / "index"
    with monkeypatch.context() as old_version:
        old_version.setattr(indexer.batch, "source_path", str)
        index_paths(index, ["reports"])
    assert Store(index).document("A/90/1@en").source == "reports/A_90_1.txt"
    (reports / "A_90_6.txt").unlink()  # really gone, but its relative path cannot tell
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir("/")
    summary = index_paths(index, [empty], prune=True)
    assert summary.pruned == [] and len(summary.unsure) == 6
    assert len(index_state(index)) == 6
    result = CliRunner().invoke(cli, ["--index", str(index), "index", "-q", "--prune",
                                      str(empty)])
    assert "not pruned: 6 document(s) indexed by a relative path" in result.output
    for where, name in ((tmp_path, str(reports)), (reports, ".")):
        monkeypatch.chdir(where)
        again = index_paths(index, [name])
        assert (again.indexed, again.updated, again.skipped) == (0, 0, 5), where
        assert not any("moved" in n.reason for n in again.warnings)


def test_a_document_indexed_through_a_link_before_is_the_same_file_resolved(
    tmp_path: Path, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older version stored absolute paths as given (through a link, with ".."): the
    resolved path of the same file is the same source, skipped, never its own duplicate."""
    import indexer.batch

    link = tmp_path / "linked"
    link.symlink_to(reports)
    index = tmp_path / "index"
    with monkeypatch.context() as old_version:
        old_version.setattr(indexer.batch, "source_path", str)
        index_paths(index, [link])
    assert Store(index).document("A/90/1@en").source == str(link / "A_90_1.txt")
    again = index_paths(index, [reports])
    assert (again.indexed, again.updated, again.skipped, again.duplicates) == (0, 0, 6, [])


def test_failures_are_reported_by_absolute_path_whatever_was_typed(
    tmp_path: Path, reports: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file refused before it is read (empty, too large) is named as every other file is,
    so the report of a run started from one folder can be read from another."""
    (reports / "empty.pdf").write_bytes(b"")
    (reports / "broken.pdf").write_bytes(b"not a pdf at all")
    monkeypatch.chdir(reports.parent)
    summary = index_paths(tmp_path / "index", [Path(reports.name)])
    assert sorted((f["path"], f["reason"][:5]) for f in summary.to_dict()["failed"]) == [
        (str(reports.resolve() / "broken.pdf"), "corru"),
        (str(reports.resolve() / "empty.pdf"), "empty")]
