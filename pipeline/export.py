"""Writing outputs: atomically (temporary file, then rename), so nothing is ever half-written.

Per document: ``<name>.json`` (the record), ``text/<name>.txt`` (the cleaned text) and the
optional layout files. Per corpus: ``records.jsonl`` (one record a line, in path order) and
``summary.csv`` (one row per document and point, for spreadsheets).
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from pipeline.errors import OutputError
from pipeline.models import Point, Record

RECORDS_NAME = "records.jsonl"
SUMMARY_NAME = "summary.csv"
TEXT_FOLDER = "text"
SUMMARY_COLUMNS = (
    "path",
    "date",
    "file_reference",
    "resolution",
    "session",
    "point",
    "level",
    "status",
    "status_phrase",
)


def record_json(record: Record, *, indent: int | None = 2) -> str:
    return record.model_dump_json(indent=indent)


@contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """A text handle on a temporary file next to ``path``; renamed over ``path`` (after an
    fsync) only when the block ends without an error, removed otherwise."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", path) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror}", path) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` via a temporary file in the same folder and a rename."""
    with atomic_writer(path) as handle:
        handle.write(content)


def document_outputs(name: str, *, layouts: Iterable[str] = ()) -> list[str]:
    """Output files of one document, relative to the output folder (the record first).

    >>> document_outputs("sitzung__brief", layouts=[".alto.xml"])
    ['sitzung__brief.json', 'text/sitzung__brief.txt', 'sitzung__brief.alto.xml']
    """
    return [f"{name}.json", f"{TEXT_FOLDER}/{name}.txt", *(name + suffix for suffix in layouts)]


def write_document(
    out_dir: Path, name: str, record_text: str, clean_text: str, layouts: dict[str, str]
) -> list[str]:
    """Write one document's outputs atomically; returns their relative paths."""
    outputs = document_outputs(name, layouts=layouts)
    write_atomic(out_dir / outputs[1], clean_text)
    for suffix, content in layouts.items():
        write_atomic(out_dir / (name + suffix), content)
    write_atomic(out_dir / outputs[0], record_text)  # the record last: it marks the set done
    return outputs


def summary_rows(record: Record) -> list[dict[str, str]]:
    """Rows of ``summary.csv`` for one record: one per point (nested points flattened), or one
    with an empty point when the document has none."""
    document = record.document
    resolutions = document.resolutions

    def value(field: object) -> str:
        return str(getattr(field, "value", "") or "")

    base = {
        "path": record.source.path,
        "date": value(document.date),
        "file_reference": value(document.file_reference),
        "resolution": "; ".join(r.number.value for r in resolutions),
        "session": "; ".join(r.session.value for r in resolutions if r.session),
    }

    def walk(points: list[Point]) -> Iterator[dict[str, str]]:
        for point in points:
            yield {
                **base,
                "point": point.label,
                "level": str(point.level),
                "status": value(point.status),
                "status_phrase": value(point.status_phrase),
            }
            yield from walk(point.children)

    rows = list(walk(record.points))
    return rows or [{**base, "point": "", "level": "", "status": "", "status_phrase": ""}]


def write_corpus(records: Iterable[Record], out_dir: Path) -> Path:
    """``records.jsonl`` (compact records, one a line) and ``summary.csv``, in the order given
    (callers give path order), both written atomically."""
    target = out_dir / RECORDS_NAME
    with atomic_writer(target) as jsonl, atomic_writer(out_dir / SUMMARY_NAME) as summary:
        writer = csv.DictWriter(summary, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for record in records:
            jsonl.write(record_json(record, indent=None) + "\n")
            writer.writerows(summary_rows(record))
    return target
