"""Progress for `paraindex index`: a rich bar on a terminal, plain lines otherwise.

On a terminal the bar shows files done, pages and paragraphs indexed, the rate
and the time left; problems are printed above it as they happen. When stderr
is not a terminal (a log, a pipe, CI) each file gets one plain line. With
``quiet`` nothing is shown but the closing summary.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any

import click

from indexer.batch import FileEvent, Progress

#: statuses shown in plain mode and above the bar
_LABELS = {"failed": "failed", "conflict": "conflict", "duplicate": "duplicate"}


class _Reporter:
    def __init__(self, quiet: bool, terminal: bool | None = None) -> None:
        self.quiet = quiet
        self.terminal = sys.stderr.isatty() if terminal is None else terminal
        self.total = 0
        self.done = 0
        self.pages = 0
        self.paragraphs = 0
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None
        self.callbacks = Progress(start=self._start, advance=self._advance, note=self._note)

    def __enter__(self) -> _Reporter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def _start(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()
        if self.quiet or total == 0:
            return
        if self.terminal:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("[bold]indexing"), BarColumn(), MofNCompleteColumn(),
                TextColumn("files"), TextColumn("{task.fields[stats]}"),
                TimeElapsedColumn(), TextColumn("elapsed,"), TimeRemainingColumn(),
                TextColumn("left"),
                console=Console(stderr=True), transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("index", total=total, stats="")
        else:
            click.echo(f"indexing {total} file(s)", err=True)

    def _advance(self, event: FileEvent) -> None:
        self.done += 1
        self.pages += event.pages
        self.paragraphs += event.paragraphs
        if self.quiet:
            return
        if self._bar is not None:
            self._bar.update(self._task, advance=1, stats=self._stats())
            if event.status in _LABELS:
                from rich.markup import escape

                self._bar.console.print(
                    f"[red]{_LABELS[event.status]}[/red] {escape(event.path)}: "
                    f"{escape(event.detail)}", highlight=False, soft_wrap=True,
                )
        elif self.total:
            if event.status in _LABELS:
                status = f"{_LABELS[event.status]}: {event.detail}"
            else:
                status = event.status + (f" {event.detail}" if event.detail else "")
            click.echo(f"[{self.done}/{self.total}] {event.path}: {status}", err=True)

    def _note(self, message: str) -> None:
        if self.quiet:
            return
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            click.echo(message, err=True)

    def _stats(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        return (f"{self.pages:,} pages · {self.paragraphs:,} paras · "
                f"{self.pages / elapsed:.0f} pages/s")


def make_progress(quiet: bool, terminal: bool | None = None) -> _Reporter:
    """A progress reporter; ``terminal`` overrides the check of stderr (for tests)."""
    return _Reporter(quiet, terminal)
