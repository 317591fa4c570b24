"""The ledger: an SQLite database in the output folder with one row per document.

It says what was done with every document (content hash, path, pipeline version and config
hash, status, error, timings, outputs), so a re-run skips what is done, re-processes what
changed and retries failures on request. Only the coordinating process writes it; a row is
committed after the document's output files are in place, so a crash between the two only
costs a re-run of that document.
"""

from __future__ import annotations

import fcntl
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

from pipeline.errors import OutputError

LEDGER_NAME = "ledger.sqlite"
LOCK_NAME = "ledger.lock"
Status = Literal["ok", "failed", "skipped"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    path          TEXT PRIMARY KEY,
    sha256        TEXT NOT NULL,
    size          INTEGER NOT NULL,
    mtime_ns      INTEGER NOT NULL,
    version       TEXT NOT NULL,
    config_hash   TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'skipped')),
    error_class   TEXT,
    error_message TEXT,
    exit_code     INTEGER,
    pages         INTEGER,
    seconds       REAL,
    finished_at   TEXT NOT NULL,
    outputs       TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents (sha256, config_hash);
CREATE TABLE IF NOT EXISTS runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    command     TEXT NOT NULL,
    processed   INTEGER,
    skipped     INTEGER,
    failed      INTEGER,
    pages       INTEGER,
    interrupted INTEGER
);
"""


@dataclass(frozen=True)
class Entry:
    """One document's row."""

    path: str
    sha256: str
    size: int
    mtime_ns: int
    version: str
    config_hash: str
    status: Status
    finished_at: str
    error_class: str | None = None
    error_message: str | None = None
    exit_code: int | None = None
    pages: int | None = None
    seconds: float | None = None
    outputs: tuple[str, ...] = ()


class Ledger:
    """The ledger of one output folder (``":memory:"`` when there is no output folder)."""

    def __init__(self, location: Path | str) -> None:
        self.location = location
        self._lock: TextIO | None = None
        try:
            self.db = sqlite3.connect(str(location), isolation_level=None, timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")  # readers (status) never block the run
            self.db.execute("PRAGMA synchronous=FULL")  # a committed row survives a power cut
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise LedgerError(f"not a usable ledger ({exc})", location) from exc

    @classmethod
    def open(cls, out_dir: Path | None) -> Ledger:
        """The ledger of ``out_dir`` for a run: the folder is created, locked against a second
        run writing it at the same time, and cleared of temporary files a killed run left."""
        if out_dir is None:
            return cls(":memory:")
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            lock = (out_dir / LOCK_NAME).open("a")
        except OSError as exc:
            raise OutputError(f"cannot create the output folder: {exc.strerror}", out_dir) from exc
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            lock.close()
            raise LedgerError("another council-ocr run is writing this folder", out_dir) from exc
        for stale in out_dir.rglob(".*.tmp"):  # outputs a killed run was writing
            stale.unlink(missing_ok=True)
        ledger = cls(out_dir / LEDGER_NAME)
        ledger._lock = lock
        return ledger

    def close(self) -> None:
        self.db.close()
        if self._lock is not None:
            self._lock.close()  # releases the lock

    def get(self, path: str) -> Entry | None:
        row = self.db.execute("SELECT * FROM documents WHERE path = ?", (path,)).fetchone()
        return _entry(row) if row else None

    def by_content(self, sha256: str, config_hash: str) -> list[Entry]:
        """Finished documents with this content and configuration (for renamed files)."""
        rows = self.db.execute(
            "SELECT * FROM documents WHERE sha256 = ? AND config_hash = ? AND status = 'ok' "
            "ORDER BY path",
            (sha256, config_hash),
        )
        return [_entry(row) for row in rows]

    def put(self, entry: Entry, *, replaces: str | None = None) -> None:
        """Insert or replace a row (and drop the row of the path it moved from) atomically."""
        values = {**entry.__dict__, "outputs": json.dumps(list(entry.outputs))}
        columns = ", ".join(values)
        marks = ", ".join(f":{name}" for name in values)
        with self.transaction():
            if replaces is not None and replaces != entry.path:
                self.db.execute("DELETE FROM documents WHERE path = ?", (replaces,))
            self.db.execute(
                f"INSERT OR REPLACE INTO documents ({columns}) VALUES ({marks})", values
            )

    def entries(self, status: Status | None = None) -> Iterator[Entry]:
        """Rows in path order (the order of ``records.jsonl``)."""
        if status is None:
            rows = self.db.execute("SELECT * FROM documents ORDER BY path")
        else:
            rows = self.db.execute(
                "SELECT * FROM documents WHERE status = ? ORDER BY path", (status,)
            )
        for row in rows.fetchall():
            yield _entry(row)

    def counts(self) -> dict[str, int]:
        rows = self.db.execute("SELECT status, COUNT(*) FROM documents GROUP BY status")
        counts = {"ok": 0, "failed": 0, "skipped": 0}
        counts.update({status: n for status, n in rows})
        return counts

    def start_run(self, started_at: str, command: str) -> int:
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO runs (started_at, command) VALUES (?, ?)", (started_at, command)
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, finished_at: str, **counts: int) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE runs SET finished_at = ?, processed = ?, skipped = ?, failed = ?, "
                "pages = ?, interrupted = ? WHERE id = ?",
                (
                    finished_at,
                    counts.get("processed", 0),
                    counts.get("skipped", 0),
                    counts.get("failed", 0),
                    counts.get("pages", 0),
                    counts.get("interrupted", 0),
                    run_id,
                ),
            )

    def last_runs(self, limit: int = 5) -> list[dict[str, object]]:
        rows = self.db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,))
        return [dict(row) for row in rows]

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *_: object) -> None:
        self.db.execute("ROLLBACK" if kind else "COMMIT")


class LedgerError(OutputError):
    """The ledger cannot be opened or written (not an SQLite file, disk full, read-only)."""


def _entry(row: sqlite3.Row) -> Entry:
    values = dict(row)
    values["outputs"] = tuple(json.loads(values["outputs"]))
    return Entry(**values)
