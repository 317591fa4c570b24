"""Stamp ink taken off a grey page before Tesseract reads it.

An office stamp (``EINGEGANGEN``, a date stamp) is pressed in coloured ink: on a grey scan it
is mid-grey, between the paper and the black of the typed text. Tesseract's binarisation makes
it black, and where it lies over the text (a typed date under a receipt stamp, a file
reference, a line of the body) the line is lost. This module finds compact regions of such ink
and sets it to paper there; the dark text under and beside it stays.

A pixel counts as stamp ink when it is mid-grey (:data:`DARK_SHARE`, :data:`LIGHT_SHARE` of
the way from the darkest ink to the paper) and no dark pixel lies next to it (a letter's
anti-aliased edge is mid-grey too, but touches the letter). Cells of the page with enough of it
(:data:`MIN_CELL_INK`) are grouped; a group is a stamp only when it is stamp-sized
(:data:`MIN_STAMP_MM` to :data:`MAX_STAMP_MM`): a paragraph of faded text is wider, specks and
letter edges are smaller. Bilevel scans (no grey at all) and pages without such ink are left
as they are.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from PIL import Image

#: A page's darkest ink and its paper: these percentiles of its pixels.
CORE_PERCENTILE, PAPER_PERCENTILE = 0.5, 75.0
#: Stamp ink lies between these shares of the way from the darkest ink to the paper.
DARK_SHARE, LIGHT_SHARE = 0.25, 0.8
#: Pages are searched at about this long side (a 300-dpi page at half size).
SEARCH_LONG_SIDE = 1750
#: In the search, a pixel this close to dark ink (in search pixels) is a letter's edge.
SEARCH_REACH = 2
#: Side of a search cell, in millimetres (pages are taken as A4 for their scale).
CELL_MM = 2.0
#: A cell with at least this share of stamp ink is part of a stamp.
MIN_CELL_INK = 0.06
#: A stamp's longer side, in millimetres; its shorter side is at least :data:`MIN_STAMP_WIDE_MM`.
MIN_STAMP_MM, MAX_STAMP_MM = 12.0, 90.0
MIN_STAMP_WIDE_MM = 6.0
#: A stamp has at least this many inked cells (letters, not a stray line).
MIN_STAMP_CELLS = 12
A4_LONG_MM = 297.0
#: Level or upright runs of mid-grey this long are printed rules (thin, blurred), no stamp.
RULE_MM = 10.0
#: Search pixels on each side of a rule that are its fringe (taken off with it).
RULE_FRINGE = 2
#: A group of stamp ink too long for a stamp may be a stamp joined by a printed rule that a
#: skewed page broke into short level runs: its stamp is the run of rows (or columns) across
#: it that hold at least this many inked cells each (a rule holds one or two).
MIN_DENSE_CELLS = 3
#: Rows or columns of fewer cells between such runs that still join them (a stamp's corners).
DENSE_GAP = 2
#: Stamp ink is taken off only where it lies over type: at least this share of the stamp's
#: cells dark. Over blank paper it hides nothing, and its own text may be the letter's date
#: (``3 1, JAN. ZÜ13``, repaired by the cleanup); a block printed in grey (a letterhead's
#: contact column) has no dark type in it either. On the scan set stamps over type have
#: 0.01-0.09, a stamp drawn on blank paper 0.
MIN_TYPE_SHARE = 0.005


@dataclass(frozen=True, eq=False)
class Stamp:
    """A stamp found on a page: its box (left, top, right, bottom), its inked cells, whether it
    lies over type, its ink (a mask of the box: every shade lighter than type that no type
    touches) and the page's paper grey."""

    box: tuple[int, int, int, int]
    cells: int
    over_type: bool
    ink: np.ndarray
    paper: int
    #: Pixels darker than this are type (or the stamp's darkest ink).
    dark: float


@dataclass(frozen=True)
class StampRegion:
    """A region whose stamp ink was taken off, in pixels of the page: left, top, right,
    bottom."""

    box: tuple[int, int, int, int]
    cells: int


def _levels(image: Image.Image) -> tuple[float, float]:
    """The darkest ink and the paper (percentiles from the histogram: fast on a full page)."""
    counts = np.cumsum(image.histogram())
    total = counts[-1]
    core = float(np.searchsorted(counts, total * CORE_PERCENTILE / 100))
    paper = float(np.searchsorted(counts, total * PAPER_PERCENTILE / 100))
    return core, paper


def _stamp_ink(pixels: np.ndarray, dark: float, light: float, reach: int) -> np.ndarray:
    """Mid-grey pixels with no dark pixel within ``reach``."""
    near_dark = _grow(pixels < dark, reach)
    return (pixels >= dark) & (pixels <= light) & ~near_dark


def _grow(mask: np.ndarray, reach: int) -> np.ndarray:
    """``mask`` dilated by a square of side ``2 * reach + 1`` (separable: rows, then columns)."""
    rows = mask.copy()
    for k in range(1, reach + 1):
        rows[k:, :] |= mask[:-k, :]
        rows[:-k, :] |= mask[k:, :]
    grown = rows.copy()
    for k in range(1, reach + 1):
        grown[:, k:] |= rows[:, :-k]
        grown[:, :-k] |= rows[:, k:]
    return grown


def _hot_cells(ink: np.ndarray, cell: int) -> np.ndarray:
    """Which cells of side ``cell`` hold enough stamp ink (:data:`MIN_CELL_INK`)."""
    rows, columns = ink.shape[0] // cell, ink.shape[1] // cell
    # summed a band of rows at a time, then along it: four times faster than over both axes
    bands = ink[: rows * cell, : columns * cell].view(np.uint8).reshape(rows, cell, -1)
    counts = bands.sum(axis=1, dtype=np.int32).reshape(rows, columns, cell).sum(axis=2)
    return counts >= MIN_CELL_INK * cell * cell


def _rules(ink: np.ndarray, length: int) -> np.ndarray:
    """The pixels of ``ink`` on level or upright runs at least ``length`` long (gaps of a pixel
    closed)."""
    return _level_runs(ink, length) | _level_runs(ink.T, length).T


def _level_runs(ink: np.ndarray, length: int) -> np.ndarray:
    runs = np.zeros_like(ink)
    width = ink.shape[1]
    if width < length:
        return runs
    closed = ink.copy()
    closed[:, 1:-1] |= ink[:, :-2] & ink[:, 2:]
    # only a row with ``length`` ink pixels can hold such a run: the others are not scanned
    rows = np.flatnonzero(np.count_nonzero(closed, axis=1) >= length)
    if rows.size:
        runs[rows] = _row_runs(ink[rows], closed[rows], length)
    return runs


def _row_runs(ink: np.ndarray, closed: np.ndarray, length: int) -> np.ndarray:
    width = ink.shape[1]
    sums = np.pad(np.cumsum(closed, axis=1, dtype=np.int32), ((0, 0), (1, 0)))
    full = np.zeros_like(ink)  # full[:, j]: the run of ``length`` ending at j is all ink
    full[:, length - 1 :] = (sums[:, length:] - sums[:, : width - length + 1]) == length
    ends = np.pad(np.cumsum(full, axis=1, dtype=np.int32), ((0, 0), (1, 0)))
    reach = np.minimum(np.arange(width) + length, width)
    return ((ends[:, reach] - ends[:, :width]) > 0) & ink


def _type_share(pixels: np.ndarray, cells: list[tuple[int, int]], cell: int, dark: float) -> float:
    """Share of dark pixels (type, or the darkest part of the stamp) in ``cells``."""
    dark_pixels = sum(
        int(np.count_nonzero(pixels[y * cell : (y + 1) * cell, x * cell : (x + 1) * cell] < dark))
        for y, x in cells
    )
    return dark_pixels / (len(cells) * cell * cell)


def _groups(hot: np.ndarray) -> list[list[tuple[int, int]]]:
    """Cells of ``hot`` grouped with their neighbours (gaps of one cell bridged)."""
    grown = hot.copy()
    grown[1:, :] |= hot[:-1, :]
    grown[:-1, :] |= hot[1:, :]
    grown[:, 1:] |= hot[:, :-1]
    grown[:, :-1] |= hot[:, 1:]
    seen = np.zeros_like(grown)
    groups = []
    for y0, x0 in np.argwhere(grown):
        if seen[y0, x0]:
            continue
        seen[y0, x0] = True
        stack, cells = [(int(y0), int(x0))], []
        while stack:
            y, x = stack.pop()
            cells.append((y, x))
            for yy in range(max(0, y - 1), min(grown.shape[0], y + 2)):
                for xx in range(max(0, x - 1), min(grown.shape[1], x + 2)):
                    if grown[yy, xx] and not seen[yy, xx]:
                        seen[yy, xx] = True
                        stack.append((yy, xx))
        groups.append(cells)
    return groups


def _regions(ink: np.ndarray, cell: int) -> list[tuple[list[tuple[int, int]], int]]:
    """Groups of cells of ``ink`` that are stamp-sized, each with its count of inked cells."""
    hot = _hot_cells(ink, cell)
    if hot.sum() < MIN_STAMP_CELLS:
        return []
    regions = []
    for group in _groups(hot):
        for cells in _dense_parts(group, hot):
            inked_cells = [c for c in cells if hot[c]]  # the size without the bridged margin
            if len(inked_cells) < MIN_STAMP_CELLS:
                continue
            tall, wide = _extent(inked_cells)
            if (
                MIN_STAMP_MM <= max(tall, wide) <= MAX_STAMP_MM
                and min(tall, wide) >= MIN_STAMP_WIDE_MM
            ):
                regions.append((cells, len(inked_cells)))
    return regions


def _extent(cells: list[tuple[int, int]]) -> tuple[float, float]:
    """Height and width of ``cells``, in millimetres."""
    ys, xs = [y for y, _ in cells], [x for _, x in cells]
    return (max(ys) - min(ys) + 1) * CELL_MM, (max(xs) - min(xs) + 1) * CELL_MM


def _dense_parts(group: list[tuple[int, int]], hot: np.ndarray) -> list[list[tuple[int, int]]]:
    """``group`` as it is, or, when it is too long for a stamp, its parts across which go runs
    of rows or columns that hold :data:`MIN_DENSE_CELLS` inked cells each."""
    tall, wide = _extent([c for c in group if hot[c]] or group)
    if max(tall, wide) <= MAX_STAMP_MM:
        return [group]
    axis = 1 if wide >= tall else 0  # split along the long side
    counts = Counter(c[axis] for c in group if hot[c])
    dense = [at for at in sorted(counts) if counts[at] >= MIN_DENSE_CELLS]
    runs: list[list[int]] = []
    for at in dense:
        if runs and at - runs[-1][-1] <= DENSE_GAP + 1:
            runs[-1].append(at)  # a stamp's slanted frame is thin at its corners
        else:
            runs.append([at])
    return [[c for c in group if run[0] <= c[axis] <= run[-1]] for run in runs]


def find_stamps(image: Image.Image) -> list[Stamp]:
    """The stamps of a grey page, each with its ink (those on blank paper too)."""
    if image.mode != "L":
        raise ValueError(f"a grey page is needed, not mode {image.mode}")
    factor = max(1, round(max(image.size) / SEARCH_LONG_SIDE))
    small = image.reduce(factor) if factor > 1 else image
    pixels = np.asarray(small)
    core, paper = _levels(small)
    if paper - core < 64:
        return []  # no contrast to tell inks apart (a blank or dark page)
    dark = core + DARK_SHARE * (paper - core)
    light = core + LIGHT_SHARE * (paper - core)
    px_per_mm = max(small.size) / A4_LONG_MM
    ink = _stamp_ink(pixels, dark, light, SEARCH_REACH)
    cell = max(4, round(px_per_mm * CELL_MM))
    if _hot_cells(ink, cell).sum() < MIN_STAMP_CELLS:
        return []  # most pages: too little such ink for a stamp, rules or not
    # a thin printed rule blurs to mid-grey; level and long, it is no stamp's (a stamp's frame
    # is short or slanted) and would join a stamp beside it into one too long to be a stamp
    # (with its fringe: a rule a little off level leaves broken runs beside its full ones,
    # enough ink for the cells along it)
    ink &= ~_grow(_rules(ink, round(RULE_MM * px_per_mm)), RULE_FRINGE)
    regions = _regions(ink, cell)
    if not regions:
        return []
    full = np.asarray(image)
    size = cell * factor
    reach = max(1, round(px_per_mm * factor * 0.17))  # about 2 pixels at 300 dpi
    found = []
    for cells, inked in regions:
        over_type = _type_share(pixels, cells, cell, dark) >= MIN_TYPE_SHARE
        ys, xs = [y for y, _ in cells], [x for _, x in cells]
        top, left = min(ys) * size, min(xs) * size
        bottom = min(full.shape[0], (max(ys) + 1) * size)
        right = min(full.shape[1], (max(xs) + 1) * size)
        crop = full[top:bottom, left:right]
        stamp_ink = _stamp_ink(crop, dark, 255.0, reach)  # in the region: every shade above dark
        inside = np.zeros_like(stamp_ink)
        for y, x in cells:
            inside[
                y * size - top : (y + 1) * size - top, x * size - left : (x + 1) * size - left
            ] = True
        stamp_ink &= inside
        box = (left, top, right, bottom)
        found.append(Stamp(box, inked, over_type, stamp_ink, round(paper), dark))
    return found


def drop_stamp_ink(image: Image.Image) -> tuple[Image.Image, list[StampRegion]]:
    """The grey page with the ink of its stamps set to paper, and where the stamps were; the
    page itself when it has none. Stamps on blank paper stay (:data:`MIN_TYPE_SHARE`)."""
    return wipe(image, find_stamps(image))


def wipe(image: Image.Image, stamps: list[Stamp]) -> tuple[Image.Image, list[StampRegion]]:
    """``image`` with the ink of ``stamps`` over type set to paper, and where."""
    over = [stamp for stamp in stamps if stamp.over_type]
    if not over:
        return image, []
    full = np.array(image)
    for stamp in over:
        left, top, right, bottom = stamp.box
        full[top:bottom, left:right][stamp.ink] = stamp.paper
    return Image.fromarray(full), [StampRegion(stamp.box, stamp.cells) for stamp in over]
