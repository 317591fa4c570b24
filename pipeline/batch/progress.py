"""What a batch run tells the person (or the cron log) watching it, on stderr.

On a terminal: a progress bar with documents, pages, rate and ETA (rich). Elsewhere: a plain
line every ``interval`` seconds. Errors always get their own line; ``quiet`` keeps only those.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

#: Seconds between plain progress lines when stderr is not a terminal.
LOG_INTERVAL = 30.0


@dataclass
class Tally:
    """Counts of one run, shown while it runs and in the summary at the end."""

    total: int = 0
    processed: int = 0
    skipped: int = 0
    moved: int = 0
    failed: int = 0
    pages: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def done(self) -> int:
        return self.processed + self.skipped + self.moved + self.failed

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def pages_per_minute(self) -> float:
        return self.pages / self.elapsed * 60 if self.elapsed > 0 else 0.0

    def eta(self) -> str:
        busy = self.processed + self.failed
        left = self.total - self.done
        if not busy or not left:
            return "-"
        seconds = self.elapsed / busy * left
        return f"{seconds / 60:.0f} min" if seconds >= 90 else f"{seconds:.0f} s"

    def line(self) -> str:
        """One plain progress line.

        >>> Tally(total=4, processed=1, pages=2, started=time.monotonic() - 60).line()
        '1/4 documents (1 processed, 0 skipped, 0 failed), 2 pages, 2.0 pages/min, ETA 3 min'
        """
        return (
            f"{self.done}/{self.total} documents ({self.processed} processed, "
            f"{self.skipped + self.moved} skipped, {self.failed} failed), {self.pages} pages, "
            f"{self.pages_per_minute:.1f} pages/min, ETA {self.eta()}"
        )

    def summary_rows(self) -> list[tuple[str, str]]:
        return [
            ("processed", str(self.processed)),
            ("skipped (unchanged)", str(self.skipped)),
            ("reused (renamed or copied)", str(self.moved)),
            ("failed", str(self.failed)),
            ("pages", str(self.pages)),
            ("time", f"{self.elapsed:.1f} s"),
            ("pages/min", f"{self.pages_per_minute:.1f}"),
        ]


class Reporter:
    """Progress on stderr: a rich bar on a terminal, periodic lines otherwise."""

    def __init__(self, tally: Tally, *, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.tally = tally
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.interactive = not quiet and self.stream.isatty()
        self._last_line = time.monotonic()
        self._bar = None
        if self.interactive:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("documents"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[pages]} pages, {task.fields[rate]} pages/min"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._task = self._bar.add_task("run", total=tally.total, pages=0, rate="-")
            self._bar.start()

    def update(self) -> None:
        if self._bar is not None:
            self._bar.update(
                self._task,
                completed=self.tally.done,
                pages=self.tally.pages,
                rate=f"{self.tally.pages_per_minute:.1f}",
            )
        elif not self.quiet and time.monotonic() - self._last_line >= LOG_INTERVAL:
            self._last_line = time.monotonic()
            self.say(self.tally.line())

    def say(self, message: str) -> None:
        """A line for the user (errors, notes); above the bar on a terminal."""
        if self._bar is not None:
            self._bar.console.print(f"council-ocr: {message}", markup=False, highlight=False)
        else:
            print(f"council-ocr: {message}", file=self.stream, flush=True)

    def note(self, message: str) -> None:
        """A line that ``quiet`` leaves out."""
        if not self.quiet:
            self.say(message)

    def close(self, *, summary: bool) -> None:
        if self._bar is not None:
            self._bar.stop()
        if not summary or self.quiet:
            return
        rows = self.tally.summary_rows()
        if self.interactive:
            from rich.console import Console
            from rich.table import Table

            table = Table(title="council-ocr run", show_header=False)
            for name, value in rows:
                table.add_row(name, value)
            Console(file=self.stream).print(table)
        else:
            self.say("summary: " + ", ".join(f"{name} {value}" for name, value in rows))
