"""Specks taken off a page before Tesseract reads it.

Dust, toner spatter and scanner noise leave small dark dots on a scan. Tesseract reads a dot
on its own as a ``.`` or ``'`` (stray punctuation in the text), and a dot between two lines
can join the box of a word above or below it: the word's line image grows, and Tesseract
misreads the whole word (``verstärkt`` as ``WEISEAFKE``).

A dark blob counts as a speck when it is small (:data:`SPECK_MM` at most on either side) and
alone: no other ink within :data:`CLEAR_MM` above or below it and :data:`CLEAR_WIDE_MM` to
either side (a full stop, comma or colon lies beside a letter of its word), and none within
:data:`COLUMN_MM` straight above or below it (the dot of an ``i`` or ``j``, umlaut dots, the
stroke of ``!`` and ``?``). On clean rendered letters (serif and sans, 9.5–12 pt, 150–300 dpi)
nothing meets this; on the scan set it takes off about 130 specks a page.

Blobs are found on the page's ink reduced to blocks of a third of a millimetre (a block is
ink when any of its pixels is): a sixteenth of the pixels to label at 300 dpi. Each small
one is measured and its surroundings counted at full resolution, then set to the paper's
grey. About 35 ms a page at 300 dpi.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image
from scipy import ndimage

from pipeline.stamp_ink import A4_LONG_MM

#: A speck is at most this long on either side, in millimetres (a full stop of 12-pt type is
#: about 0.5 mm; a bullet, 1 mm, stays).
SPECK_MM = 0.6
#: No other ink this close above or below a speck, and this close to either side.
CLEAR_MM, CLEAR_WIDE_MM = 0.6, 2.5
#: No other ink this close straight above or below (within :data:`COLUMN_SIDE_MM` to either
#: side): an i-dot lies up to 0.7 mm above its stem in 12-pt Times at 150 dpi.
COLUMN_MM, COLUMN_SIDE_MM = 1.5, 0.3
#: A blob with letters within :data:`GAP_MM` on both sides is a speck where no punctuation
#: sits (:func:`_between_words`): its bottom :data:`FLOAT_BASE` of the letters' height above
#: their bottom, or its top :data:`BELOW_BASE` below it (the taller letter's height). A
#: letter is its ink within :data:`SPAN_MM` of its column nearest the blob (the round side of
#: an ``o`` is short), on the line found within :data:`BAND_MM` above and below; shorter than
#: :data:`MIN_LETTER_PX`, it is no letter.
GAP_MM, BAND_MM, SPAN_MM = 1.0, 2.5, 0.4
FLOAT_BASE, BELOW_BASE = 0.3, 0.25
MIN_LETTER_PX = 5
#: Side of a search block, in millimetres.
BLOCK_MM = 1 / 3
#: The paper is this percentile of a page's pixels; ink is at least :data:`MIN_CONTRAST` grey
#: levels darker, and its level is the :data:`INK_PERCENTILE` of such pixels (a page with a
#: few lines has too little ink for a percentile of all its pixels).
PAPER_PERCENTILE, INK_PERCENTILE, MIN_CONTRAST = 75.0, 5.0, 40
#: Pixels around a speck set to paper with it (its blurred edge).
EDGE = 2
EIGHT = np.ones((3, 3), dtype=bool)


def remove_specks(image: Image.Image) -> tuple[Image.Image, int]:
    """``image`` (grey) without its specks, and how many were taken off (``image`` itself when
    none). Pages are taken as A4 for their scale."""
    if image.mode != "L":
        raise ValueError(f"a grey page is needed, not mode {image.mode}")
    levels = _levels(image)
    if levels is None:
        return image, 0
    core, paper = levels
    pixels = np.asarray(image)
    dark = pixels < (core + paper) / 2
    per_mm = max(image.size) / A4_LONG_MM
    block = max(1, round(BLOCK_MM * per_mm))
    height, width = dark.shape
    padded = np.zeros((-(-height // block) * block, -(-width // block) * block), dtype=bool)
    padded[:height, :width] = dark
    strips = padded[0::block].copy()
    for k in range(1, block):
        strips |= padded[k::block]
    blocks = strips[:, 0::block].copy()
    for k in range(1, block):
        blocks |= strips[:, k::block]  # strided ORs: ten times faster than any() over axes
    labels, count = ndimage.label(blocks, structure=EIGHT)
    if not count:
        return image, 0

    largest = SPECK_MM * per_mm
    limit = math.ceil(largest / block) + 1  # blocks a speck can touch
    near, wide, tall, side, band, gap, span = (
        math.ceil(mm * per_mm)
        for mm in (CLEAR_MM, CLEAR_WIDE_MM, COLUMN_MM, COLUMN_SIDE_MM, BAND_MM, GAP_MM, SPAN_MM)
    )
    out: np.ndarray | None = None
    removed = 0
    for number, (rows, cols) in enumerate(ndimage.find_objects(labels), 1):
        if rows.stop - rows.start > limit or cols.stop - cols.start > limit:
            continue
        # the blob's own pixels: the dark ones in its blocks
        own = (labels[rows, cols] == number).repeat(block, axis=0).repeat(block, axis=1)
        top, left = rows.start * block, cols.start * block
        area = dark[top : top + own.shape[0], left : left + own.shape[1]]
        own = own[: area.shape[0], : area.shape[1]] & area
        ys, xs = np.nonzero(own)
        y0, y1, x0, x1 = top + ys.min(), top + ys.max() + 1, left + xs.min(), left + xs.max() + 1
        if y1 - y0 > largest or x1 - x0 > largest:
            continue
        ink = int(ys.size)
        if _ink_around(dark, (y0, y1, x0, x1), tall, side) > ink:
            continue  # the dot of an i, an umlaut, a colon: above or below its partner
        if _ink_around(dark, (y0, y1, x0, x1), near, wide) > ink and not _between_words(
            dark, (y0, y1, x0, x1), gap, span, band
        ):
            continue  # a full stop, a comma: beside a letter
        if out is None:
            out = pixels.copy()
        out[max(0, y0 - EDGE) : y1 + EDGE, max(0, x0 - EDGE) : x1 + EDGE] = paper
        removed += 1
    if out is None:
        return image, 0
    return Image.fromarray(out), removed


def _levels(image: Image.Image) -> tuple[float, int] | None:
    """The level of a page's ink and of its paper; None when nothing is darker than paper."""
    counts = np.cumsum(image.histogram())
    paper = int(np.searchsorted(counts, counts[-1] * PAPER_PERCENTILE / 100))
    limit = paper - MIN_CONTRAST
    if limit <= 0 or counts[limit - 1] == 0:
        return None
    return float(np.searchsorted(counts, counts[limit - 1] * INK_PERCENTILE / 100)), paper


def _between_words(
    dark: np.ndarray, box: tuple[int, int, int, int], gap: int, side: int, reach: int
) -> bool:
    """Whether a blob lies between two letters (ink within ``gap`` pixels on both sides of
    it) where no punctuation sits: clear above the bottom of both, where they stand on the
    baseline (a full stop, a comma or a low quote sits on it), or wholly below both. A mark
    has a word on one side only: ``Ende. Die``, ``„Investitionen``, ``Abs.:``."""
    top, bottom, left, right = box
    r0 = max(0, top - reach)
    rows = dark[r0 : bottom + reach]
    inked = np.flatnonzero(rows[:, max(0, left - gap) : right + gap].any(axis=1))
    # the run of inked rows (gaps of two rows closed) nearest the blob: its line
    breaks = np.flatnonzero(np.diff(inked) > 2)
    starts = np.concatenate(([inked[0]], inked[breaks + 1]))
    ends = np.concatenate((inked[breaks], [inked[-1]]))
    middle = (top + bottom - 1) / 2 - r0
    k = int(np.argmin(np.maximum(starts - middle, 0) + np.maximum(middle - ends, 0)))
    line = rows[starts[k] : ends[k] + 1]
    sides = []
    for columns, nearest in (
        (line[:, max(0, left - gap) : left], -1),
        (line[:, right : right + gap], 1),
    ):
        inked_columns = np.flatnonzero(columns.any(axis=0))
        if not inked_columns.size:
            return False  # a word on one side only
        # the letter's part nearest the blob: its ink columns within a span of the nearest
        span = (
            inked_columns >= inked_columns[-1] - side
            if nearest < 0
            else inked_columns <= inked_columns[0] + side
        )
        edge = columns[:, inked_columns[span]]
        tops = edge.argmax(axis=0)
        bottoms = edge.shape[0] - 1 - edge[::-1].argmax(axis=0)
        sides.append((int(tops.min()), int(bottoms.max())))
    (top_left, bottom_left), (top_right, bottom_right) = sides
    height = max(bottom_left - top_left, bottom_right - top_right) + 1
    if height < MIN_LETTER_PX:
        return False
    blob_top, blob_bottom = top - r0 - starts[k], bottom - 1 - r0 - starts[k]
    floating = blob_bottom <= min(bottom_left, bottom_right) - FLOAT_BASE * height
    below = blob_top > max(bottom_left, bottom_right) + BELOW_BASE * height
    return bool(floating or below)


def _ink_around(dark: np.ndarray, box: tuple[int, int, int, int], down: int, across: int) -> int:
    """Dark pixels within ``down`` pixels above or below and ``across`` to either side of
    ``box`` (top, bottom, left, right), the box's own included."""
    top, bottom, left, right = box
    window = dark[max(0, top - down) : bottom + down, max(0, left - across) : right + across]
    return int(np.count_nonzero(window))
