"""Line helpers shared by the repairs: lines with their offsets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

SENTENCE_END = (".", "!", "?", ":", ";")
LIST_MARKER = regex.compile(
    r"^\s*(?:(?:\d{1,2}|[a-z]|[IVX]{1,4})[.)]|\(\d{1,2}\)|\([a-z]\)|Punkt\s+\d{1,2}:?)(?=\s|$)"
)
#: "Zu 1.", "Zu Punkt 4:", "Zu 3a)": the heading of a point's status report, alone on its line
#: (the first line of a page after the form feed that opens it).
ZU_HEADING = regex.compile(
    r"^[\f \t]*Zu\s+(?:Punkt\s+)?(\d{1,2})(?:\s?([a-z]))?\s?[.):]?[ \t]*$", regex.M
)


@dataclass(frozen=True)
class Line:
    """One line of a text: ``text`` without its newline, ``start``/``end`` offsets of it."""

    index: int
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Lines of ``text`` with offsets (the last line may lack a newline).

    >>> [(l.start, l.text) for l in split_lines("ab\\n\\ncd")]
    [(0, 'ab'), (3, ''), (4, 'cd')]
    """
    lines: list[Line] = []
    start = 0
    for index, piece in enumerate(text.split("\n")):
        lines.append(Line(index, start, start + len(piece), piece))
        start += len(piece) + 1
    return lines


def line_removal_span(text: str, line: Line) -> tuple[int, int]:
    """Span that removes a whole line with its newline."""
    end = line.end + 1 if line.end < len(text) else line.end
    return line.start, end


def typical_width(lines: list[Line]) -> int:
    """Width of a full line of body text: a high percentile of line lengths (at least 40)."""
    lengths = sorted(len(line.stripped) for line in lines if len(line.stripped) >= 20)
    if not lengths:
        return 60
    return max(40, lengths[int(0.85 * (len(lengths) - 1))])


def nonblank_neighbours(lines: list[Line], index: int) -> tuple[Line | None, Line | None]:
    """The nearest non-blank lines before and after line ``index``."""
    before = next((lines[i] for i in range(index - 1, -1, -1) if not lines[i].blank), None)
    after = next((lines[i] for i in range(index + 1, len(lines)) if not lines[i].blank), None)
    return before, after


def iter_words(text: str) -> Iterator[regex.Match[str]]:
    """Word-like tokens (letters, digits and the OCR noise glued to them)."""
    return regex.finditer(r"[^\s]+", text)
