"""Pieces of a line that Tesseract read as noise, read again from a strip of their own.

On a skewed page Tesseract may join the left column's line to a line of the right column a
little lower (``An alle`` beside ``Aktenzeichen: VI/28 404``) and fit one baseline to both: the
left piece then reads as noise (``au,`` at 29, ``ug:`` at 12) while its column reads well on
the lines below. A piece of a line (its words up to a gap of :data:`GAP` word heights) whose
every word was read with less than :data:`MAX_NOISE_CONFIDENCE` and which is as wide as a
word is cut out, between the lines above and below it, and read again as one line; the read
replaces the piece only when Tesseract is sure of every word of it (:data:`MIN_CONFIDENCE`)
and it holds letters. The strip reaches along the ink of the piece's line (:data:`INK_GAP`)
as far as the nearest word read surely: Tesseract may give only a part of a line its own
box and lose the rest (``Datum: 04.07.2017`` beside ``Fraktionen sowie Mitglieder`` read
``na``, the rest of its ink put into the noise of the line below), and the noise words
the strip then covers are replaced with the piece. A scribble or a stamp's ink reads as noise again and changes nothing. Pieces below a
letter's closing formula (signatures: a name under a stroke read unsurely but right,
``Hoffmann``, was read ``loffmann`` from its strip) are left to
:mod:`pipeline.signature_read`, whose rules for names are stricter.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
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
#: A word read surely bounds a strip when at least this many word heights tall.
MIN_HEIGHT = 0.5
#: Tesseract's confidence each word read from a strip must reach; printed words score 85-96.
MIN_CONFIDENCE = 85.0
#: A piece with a word of noise this many word heights tall is read again too, though some
#: of its words were read surely: Tesseract gave one box to two lines of the column and read
#: the line in it as noise (``on 0 ) 10.2018`` for ``Datum: 04.10.2018`` under ``GZ: …``).
#: Only beside another column: a line of the body read as a block replaced its words read
#: unsurely but right (``beauftragt, gemeinsam`` with ``beauftragt; gemeinsam`` at 88).
TALL = 1.8
#: A strip this many word heights tall (the reach above and below aside, at least
#: :data:`TALL`) may hold two lines: when it reads as no sure line, it is read as a block.
TWO_LINES = TALL + 2 * REACH
#: At most this many strips a page: a page of scribbles is not read piece by piece.
MAX_STRIPS = 6
#: Reads of a strip: as cut out, then with the ink below its last clear row set to paper
#: (:func:`_clear_row`; the same image again when there is none).
READS = 2
#: A strip reaches along ink of its band across gaps up to this many word heights (a word
#: space is about half a height; columns stand apart by three or more).
INK_GAP = 1.0
#: Pixels darker than this are ink, and a column of the band with this many of them inks it.
INK_LEVEL, INK_PIXELS = 128, 2
#: Ink below the lowest clear row up to this many word heights above a strip's lower bound
#: is the next line's (:func:`_clear_row`).
CLEAR = 0.4


@dataclass(frozen=True)
class SegmentStrip:
    """A piece of a line cut out to be read again (``box`` in the page's pixels): as it is,
    and with the ink of the line below it set to paper (:data:`READS`)."""

    paths: tuple[Path, ...]
    box: Box
    #: The words the page read there, replaced by the read.
    covered: tuple[Word, ...]
    #: Lines of text the strip may hold: two when it is :data:`TWO_LINES` word heights tall.
    lines: int = 1


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
    # words read surely bound the strips; not a mark (a speck's ``.`` at 72 in the lost line)
    sure = [
        word
        for word in words
        if word.confidence >= MAX_NOISE_CONFIDENCE and word.height >= MIN_HEIGHT * height
    ]
    # below a letter's closing formula stand signatures: their names have strips of their own
    # (pipeline.signature_read), read by stricter rules
    closing = min((word.top for word in words if GREETING.match(word.text)), default=None)
    strips: list[SegmentStrip] = []
    noise = [word for word in words if word.confidence < MAX_NOISE_CONFIDENCE]
    taken: set[int] = set()
    found = pieces(words, height)
    # lines of two columns or more (an address and the block beside it)
    columns = Counter((p[0].block, p[0].paragraph, p[0].line) for p in found)
    for piece in found:
        left = min(word.left for word in piece)
        right = max(word.left + word.width for word in piece)
        beside = columns[(piece[0].block, piece[0].paragraph, piece[0].line)] > 1
        if (
            right - left < MIN_WIDTH * height
            or not (_all_noise(piece) or (beside and _tall_noise(piece, height)))
            or (closing is not None and piece[0].top > closing)
            or all(id(word) in taken for word in piece)
        ):
            continue
        top = min(word.top for word in piece)
        bottom = max(word.top + word.height for word in piece)
        # the piece's own words, sure or not, are what the strip reads again
        bounds = [word for word in sure if not any(word is w for w in piece)]
        band = _band(bounds, left, right, top, bottom, height, image.height)
        left, right = _along_ink(image, band, left, right, bounds, height)
        upper, lower = _band(bounds, left, right, top, bottom, height, image.height)
        box = (
            max(0, round(left - SIDE * height)),
            upper,
            min(image.width, round(right + SIDE * height)),
            lower,
        )
        if box[3] - box[1] < height / 2 or box[2] <= box[0]:
            continue
        covered = [w for w in noise if _center_in(w, box) and id(w) not in taken]
        covered += [w for w in piece if not any(w is c for c in covered)]
        taken.update(id(w) for w in covered)
        paths = tuple(folder / f"{stem}-piece{len(strips)}{end}.tif" for end in ("", "-alone"))
        crop = image.crop(box)
        crop.save(paths[0], format="TIFF")
        clear = _clear_row(image, (box[0], box[2]), lower - round(CLEAR * height), lower - 1)
        if clear < lower - 1:
            # set to paper, not cut off: Tesseract reads a line cut right under its letters
            # worse (``An alle`` at 57, at 96 with a margin, at 200 dpi); and it may read a
            # line better with the tops of the next one than without (96, 65): both are read
            crop.paste(255, (0, clear + 1 - box[1], crop.width, crop.height))
        crop.save(paths[1], format="TIFF")
        order = {id(w): k for k, w in enumerate(words)}
        lines = 2 if box[3] - box[1] >= TWO_LINES * height else 1
        covered.sort(key=lambda w: order[id(w)])
        strips.append(SegmentStrip(paths, box, tuple(covered), lines))
        if len(strips) == MAX_STRIPS:
            break
    return strips


def _all_noise(piece: list[Word]) -> bool:
    return all(word.confidence < MAX_NOISE_CONFIDENCE for word in piece)


def _tall_noise(piece: list[Word], height: float) -> bool:
    """Whether a word of noise in ``piece`` is :data:`TALL` word heights tall.

    >>> from pipeline.ocr import Word
    >>> line = [Word("on", 0, 0, 60, 100, 13, 1, 1, 1), Word("10.2018", 80, 60, 190, 38, 96, 1, 1, 1)]
    >>> _tall_noise(line, 38), _tall_noise(line[1:], 38), _all_noise(line)
    (True, False, False)
    """
    return any(
        word.confidence < MAX_NOISE_CONFIDENCE and word.height >= TALL * height for word in piece
    )


def _band(
    sure: list[Word], left: int, right: int, top: int, bottom: int, height: float, limit: int
) -> tuple[int, int]:
    """Top and bottom of a strip: :data:`REACH` word heights around the piece, bounded by
    the lines above and below its top line in its column (its words read surely; a box of
    noise may reach over two lines, the one below read well: ``ee`` over ``Datum:
    18.02.2020`` and ``Bearbeiterin: …``; or the one above: ``en`` over ``GZ: (GB 4) 21.29``
    and ``Datum: 30.03.2018``, whose words begin at its top)."""
    column = [w for w in sure if w.left < right and w.left + w.width > left]
    tall = bottom - top >= TALL * height
    above = [
        w.top + w.height
        for w in column
        if w.top + w.height <= top + height / 2
        or (tall and w.top < top + height / 2 and w.top + w.height < (top + bottom) / 2)
    ]
    below = [w.top for w in column if w.top >= top + height / 2]
    return (
        max(0, round(max([top - REACH * height, *above]))),
        min(limit, round(min([bottom + REACH * height, *below]))),
    )


def _along_ink(
    image: Image.Image,
    band: tuple[int, int],
    left: int,
    right: int,
    sure: list[Word],
    height: float,
) -> tuple[int, int]:
    """``left`` and ``right`` moved out along the ink of the band, across gaps up to
    :data:`INK_GAP` word heights, never into a word read surely whose middle lies in it."""
    if band[1] <= band[0]:
        return left, right
    rows = np.asarray(image.crop((0, band[0], image.width, band[1])))
    inked = (rows < INK_LEVEL).sum(axis=0) >= INK_PIXELS
    for word in sure:
        if band[0] <= word.top + word.height / 2 < band[1]:
            inked[max(0, word.left - 1) : word.left + word.width + 1] = False
            if word.left + word.width <= left:
                inked[: word.left + word.width] = False
            elif word.left >= right:
                inked[word.left :] = False
    gap = max(1, round(INK_GAP * height))
    while left > 0 and (found := np.flatnonzero(inked[max(0, left - gap) : left])).size:
        left = max(0, left - gap) + int(found[0])
    while right < inked.size and (found := np.flatnonzero(inked[right : right + gap])).size:
        right += int(found[-1]) + 1
    return left, right


def _clear_row(image: Image.Image, span: tuple[int, int], first: int, last: int) -> int:
    """The lowest row from ``first`` to ``last`` without ink between ``span``'s ends (``last``
    when there is none): below it, the tops of the next line's letters, which may reach above
    its words' boxes and read as a word of the strip (``2`` at 8, and the colon of ``Datum:``
    at 38 apart). Only a clear row: a row of little ink may lie in the strip's own line."""
    first = max(0, first)
    if last <= first:
        return last
    rows = np.asarray(image.crop((span[0], first, span[1], last + 1)))
    clear = np.flatnonzero((rows < INK_LEVEL).sum(axis=1) == 0)
    return first + int(clear[-1]) if clear.size else last


def _center_in(word: Word, box: Box) -> bool:
    x, y = word.left + word.width / 2, word.top + word.height / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def merge_segment(
    words: list[Word], strip: SegmentStrip, reads: list[list[Word]]
) -> list[Word] | None:
    """The page's ``words`` with the first sure one of the strip's ``reads`` in place of the
    noise it covered, on the noise's line; None when no read is sure text (each word with
    :data:`MIN_CONFIDENCE`, a word with two letters)."""
    read = next((read for read in reads if _sure(read)), None)
    if read is None:
        return None
    covered = [word for word in words if any(word is c for c in strip.covered)]
    if len(covered) != len(strip.covered):
        return None  # an earlier read took some of them
    first = covered[0]
    at = next(k for k, word in enumerate(words) if word is first)
    rest = [word for word in words[at:] if not any(word is c for c in strip.covered)]
    return words[:at] + placed(read, strip.box, (first.block, first.paragraph, first.line)) + rest


def _sure(read: list[Word]) -> bool:
    return (
        bool(read)
        and all(word.confidence >= MIN_CONFIDENCE for word in read)
        and any(regex.search(r"\p{L}{2}", word.text) for word in read)
    )
