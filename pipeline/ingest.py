"""Ingestion: detect an input's type by its content and read its text.

This version reads plain OCR text (UTF-8). PDFs and page images are recognised by their
magic bytes and refused with a clear message until OCR ingestion lands.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import BadInputError, InputFileError

#: File name endings picked up when a directory is given (named files are always tried).
DISCOVERED_SUFFIXES = (".txt", ".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg")
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
#: Above this share of control characters a file is binary, not text.
MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class Input:
    path: Path
    sha256: str
    media_type: str
    text: str


def sniff(data: bytes) -> str:
    """Media type from content.

    >>> sniff(b"%PDF-1.7"), sniff("Stadt Leipzig".encode())
    ('application/pdf', 'text/plain')
    """
    for magic, media_type in MAGIC:
        if data.startswith(magic):
            return media_type
    return "text/plain"


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 text (a BOM is dropped); anything else is refused with the reason."""
    if b"\x00" in data:
        raise BadInputError("binary data (NUL bytes), not text", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        hint = ""
        if data[exc.start : exc.start + 1] and 0x80 <= byte <= 0xFF:
            hint = "; it looks like cp1252/Latin-1: convert with `iconv -f cp1252 -t utf-8`"
        raise BadInputError(
            f"not UTF-8 text (byte 0x{byte:02x} at offset {exc.start}){hint}", path
        ) from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if text and controls / len(text) > MAX_CONTROL_SHARE:
        raise BadInputError(f"binary data ({controls} control characters), not text", path)
    if not text.strip():
        raise BadInputError("empty: no text in the file", path)
    return text


def read_input(path: Path) -> Input:
    """Read one input file; raise a :class:`CouncilOcrError` naming the file and the problem."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputFileError("no such file", path) from exc
    except IsADirectoryError as exc:
        raise InputFileError("is a directory", path) from exc
    except OSError as exc:
        raise InputFileError(f"cannot read: {exc.strerror}", path) from exc
    if not data:
        raise BadInputError("empty file (0 bytes)", path)
    media_type = sniff(data)
    if media_type != "text/plain":
        raise BadInputError(
            f"{media_type} input needs OCR ingestion, which this version does not have yet; "
            "give the OCR text (.txt) instead",
            path,
        )
    return Input(path, hashlib.sha256(data).hexdigest(), media_type, decode_text(data, path))


def discover(paths: list[Path]) -> list[Path]:
    """Files to process: named files as given, directories searched for supported endings
    (hidden files and folders skipped), in path order, each once."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            hits = [
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in DISCOVERED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            if not hits:
                raise InputFileError(
                    f"directory has no usable files (looked for {', '.join(DISCOVERED_SUFFIXES)})",
                    path,
                )
            found.extend(sorted(hits))
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique
