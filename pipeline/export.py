"""Writing outputs: atomically (temporary file, then rename), so nothing is half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pipeline.errors import OutputError
from pipeline.models import Record


def record_json(record: Record, *, indent: int | None = 2) -> str:
    return record.model_dump_json(indent=indent)


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` via a temporary file in the same folder and a rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", path) from exc


def output_names(paths: list[Path]) -> dict[Path, str]:
    """``<stem>.json`` per input; inputs sharing a stem get their parent folder added."""
    stems: dict[str, int] = {}
    for path in paths:
        stems[path.stem] = stems.get(path.stem, 0) + 1
    names = {}
    for path in paths:
        stem = path.stem if stems[path.stem] == 1 else f"{path.parent.name}__{path.stem}"
        names[path] = f"{stem}.json"
    return names


def write_corpus(records: list[Record], out_dir: Path) -> Path:
    """``records.jsonl``: one record a line, in input path order."""
    lines = [record_json(r, indent=None) for r in sorted(records, key=lambda r: r.source.path)]
    target = out_dir / "records.jsonl"
    write_atomic(target, "".join(line + "\n" for line in lines))
    return target
