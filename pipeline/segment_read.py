"""Pieces of a line that Tesseract read as noise, read again from a strip of their own.

On a skewed page Tesseract may join the left column's line to a line of the right column a
little lower (``An alle`` beside ``Aktenzeichen: VI/28 404``) and fit one baseline to both: the
left piece then reads as noise (``au,`` at 29, ``ug:`` at 12) while its column reads well on
the lines below. A piece of a line (its words up to a gap of :data:`GAP` word heights) whose
every word was read with less than :data:`MAX_NOISE_CONFIDENCE` and which is as wide as a
word is cut out, between the lines above and below it, and read again as one line; the read
replaces the piece only when Tesseract is sure of every word of it (:data:`MIN_CONFIDENCE`)
and it holds letters. A scribble or a stamp's ink reads as noise again and changes nothing. Pieces below a
letter's closing formula (signatures: a name under a stroke read unsurely but right,
``Hoffmann``, was read ``loffmann`` from its strip) are left to
:mod:`pipeline.signature_read`, whose rules for names are stricter.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import regex
from PIL import Image

from pipeline.ocr import placed

if TYPE_CHECKING:
    from pipeline.ocr import Box, Word

#: Words further apart than this many word heights are pieces of different columns.
GAP = 2.0
#: A piece whose every word was read below this confidence is noise.
MAX_NOISE_CONFIDENCE = 50.0
#: ... and is read again when it is at least this many word heights wide (a speck's ``.`` or
#: ``ug:`` is not).
MIN_WIDTH = 2.0
#: The strip reaches this many word heights left and right of the piece, and above and below
#: it as far as the next line, at most this many.
SIDE, REACH = 0.5, 0.4
#: Tesseract's confidence each word read from a strip must reach; printed words score 85-96.
MIN_CONFIDENCE = 85.0
#: At most this many strips a page: a page of scribbles is not read piece by piece.
MAX_STRIPS = 6


@dataclass(frozen=True)
class SegmentStrip:
    """A piece of a line cut out to be read again (``box`` in the page's pixels)."""

    path: Path
    box: Box
    #: The words the page read there, replaced by the read.
    covered: tuple[Word, ...]


def pieces(words: list[Word], height: float) -> list[list[Word]]:
    """The page's words by line, each line split where the gap between two words is wider
    than :data:`GAP` word heights.

    >>> from pipeline.ocr import Word
    >>> ws = [Word(t, x, 0, 40, 30, 90, 1, 1, 1) for t, x in (("a", 0), ("b", 50), ("c", 300))]
    >>> [[w.text for w in piece] for piece in pieces(ws, 30)]
    [['a', 'b'], ['c']]
    """
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    found: list[list[Word]] = []
    for line in lines.values():
        line = sorted(line, key=lambda w: w.left)
        current = [line[0]]
        for word in line[1:]:
            previous = current[-1]
            if word.left - (previous.left + previous.width) > GAP * height:
                found.append(current)
                current = []
            current.append(word)
        found.append(current)
    return found


def segment_strips(
    words: list[Word], image: Image.Image, folder: Path, stem: str
) -> list[SegmentStrip]:
    """Strips of the page's pieces of lines that read as noise, saved in ``folder``."""
    from pipeline.signature_read import GREETING

    if not words:
        return []
    height = statistics.median(word.height for word in words)
    sure = [word for word in words if word.confidence >= MAX_NOISE_CONFIDENCE]
    # below a letter's closing formula stand signatures: their names have strips of their own
    # (pipeline.signature_read), read by stricter rules
    closing = min((word.top for word in words if GREETING.match(word.text)), default=None)
    strips: list[SegmentStrip] = []
    for piece in pieces(words, height):
        left = min(word.left for word in piece)
        right = max(word.left + word.width for word in piece)
        if (
            right - left < MIN_WIDTH * height
            or any(word.confidence >= MAX_NOISE_CONFIDENCE for word in piece)
            or (closing is not None and piece[0].top > closing)
        ):
            continue
        top = min(word.top for word in piece)
        bottom = max(word.top + word.height for word in piece)
        # the lines above and below in the piece's column bound the strip
        column = [w for w in sure if w.left < right and w.left + w.width > left]
        above = [w.top + w.height for w in column if w.top + w.height <= top + height / 2]
        below = [w.top for w in column if w.top >= bottom - height / 2]
        box = (
            max(0, round(left - SIDE * height)),
            max(0, round(max([top - REACH * height, *above]))),
            min(image.width, round(right + SIDE * height)),
            min(image.height, round(min([bottom + REACH * height, *below]))),
        )
        if box[3] - box[1] < height / 2 or box[2] <= box[0]:
            continue
        path = folder / f"{stem}-piece{len(strips)}.tif"
        image.crop(box).save(path, format="TIFF")
        strips.append(SegmentStrip(path, box, tuple(piece)))
        if len(strips) == MAX_STRIPS:
            break
    return strips


def merge_segment(words: list[Word], strip: SegmentStrip, read: list[Word]) -> list[Word] | None:
    """The page's ``words`` with the strip's ``read`` in place of the noise it covered, on the
    noise's line; None when the read is no sure text (a word below :data:`MIN_CONFIDENCE`, or
    no word with two letters)."""
    if not read or any(word.confidence < MIN_CONFIDENCE for word in read):
        return None
    if not any(regex.search(r"\p{L}{2}", word.text) for word in read):
        return None
    covered = [word for word in words if any(word is c for c in strip.covered)]
    if len(covered) != len(strip.covered):
        return None  # an earlier read took some of them
    first = covered[0]
    at = next(k for k, word in enumerate(words) if word is first)
    rest = [word for word in words[at:] if not any(word is c for c in strip.covered)]
    return words[:at] + placed(read, strip.box, (first.block, first.paragraph, first.line)) + rest
