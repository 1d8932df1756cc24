"""Progress for `paraindex index`: a rich bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from types import TracebackType

import click

from indexer.batch import Progress
from indexer.model import ExtractedDocument


class _Reporter:
    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.total = 0
        self.done = 0
        self.pages = 0
        self.paragraphs = 0
        self.started = time.monotonic()
        self._bar = None
        self._task = None
        self.callbacks = Progress(start=self._start, advance=self._advance)

    def __enter__(self) -> _Reporter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()

    def _start(self, total: int) -> None:
        self.total = total
        if self.quiet or total == 0:
            return
        if sys.stderr.isatty():
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.progress import (
                Progress as RichProgress,
            )

            self._bar = RichProgress(
                TextColumn("[bold]indexing"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[stats]}"), TimeRemainingColumn(), transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("index", total=total, stats="")
        else:
            click.echo(f"indexing {total} file(s)", err=True)

    def _advance(self, path: str, document: ExtractedDocument | None, problem: str | None) -> None:
        self.done += 1
        if document is not None:
            self.pages += document.pages
            self.paragraphs += sum(1 for p in document.paragraphs if p.number is not None)
        if self.quiet:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        stats = f"{self.pages} pages, {self.paragraphs} paras, {self.pages / elapsed:.0f} pages/s"
        if self._bar is not None:
            self._bar.update(self._task, advance=1, stats=stats)
            if problem:
                self._bar.console.print(f"[red]failed[/red] {problem}")
        else:
            status = f"failed: {problem}" if problem else (
                f"{document.symbol}: {len(document.paragraphs)} records" if document else "")
            click.echo(f"[{self.done}/{self.total}] {path} {status}", err=True)


def make_progress(quiet: bool) -> _Reporter:
    return _Reporter(quiet)
