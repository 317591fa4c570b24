"""Date stamps read on their own: cut out of the page, turned level, read by Tesseract.

A date stamp is pressed at a slant (5-25° is common) and in coloured ink; read in place, on
the page, Tesseract gets nothing from it or garbage (``Datum: Te:``), and where it touches the
type its ink is taken off (:mod:`pipeline.stamp_ink`), the date with it. Here the stamp's ink
alone (the mask :func:`pipeline.stamp_ink.find_stamps` found) is drawn dark on white, turned
by the angle of the smallest rectangle around it (a stamp's frame, or its block of text) and
read with the page's batch (:func:`pipeline.ocr.read_prepared`).

The read is used only when a line of it is a date (:func:`pipeline.dates.read_stamp`), the
stamp is no receipt stamp (``EINGEGANGEN``: its date is the day the letter arrived, not the
letter's), and it lies beside a ``Datum`` label (see :mod:`pipeline.ocr`). Its lines go into
the page's words as a block of their own, after the line beside the stamp; words Tesseract read
inside a stamp on blank paper (its garbled ink) give way to them. The stamp's other lines (a
city, or what Tesseract made of a smudge) are left out.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import regex
from PIL import Image
from scipy import ndimage

from pipeline.dates import read_stamp
from pipeline.stamp_ink import _grow

if TYPE_CHECKING:
    from pipeline.ocr import Word
    from pipeline.stamp_ink import Stamp

#: A receipt stamp: its date is when the letter came in.
RECEIPT = regex.compile(r"EING|GANGEN|Eingang|Posteing|ERHALTEN", regex.I)
#: The frame of a stamp read as marks at the ends of a line: ``| 12.SEP. 2014]``, or as a
#: ``1`` before a day or after a year (a day has two digits, a year four: ``122. APR.``); no
#: mark follows a stamp's year (``2014.``).
FRAME = regex.compile(
    r"^[^\p{L}\p{N}]+|(?<=[\p{L}\p{N}.])[^\p{L}\p{N}.]+$|^[1lI](?=\d\d\.)"
    r"|(?<=^\d{4})(?:[1lI]|[^\p{L}\p{N}]+)$"
)
#: Stamps are read with their text at least this many pixels per millimetre (12-pt type then
#: has an x-height of about 25 pixels, where Tesseract reads best).
MIN_PX_PER_MM = 10.0
#: Ink this close is one piece when the stamp's angle is measured, in millimetres.
JOIN_MM = 0.5
#: A piece of ink with less than this share of the largest piece's ink is left out when the
#: sharpness of a stamp's rows is measured (on the scan set 0.1 and 0.2 missed the same stamps, 0.05 one
#: more: a rule's dashes).
PIECE_SHARE = 0.2
#: The rows' angle is taken when it lies further than this from the rectangle's (degrees):
#: the rectangle's missed by a few degrees at most where the rows' was right.
ANGLE_AGREE = 3.0
#: Ink this close to type (in millimetres) is left out of a stamp's image: the hairlines and
#: soft edges of type are as grey as stamp ink.
TYPE_REACH_MM = 0.4
#: Ink this close to type, in pixels, is left out of a stamp's image made to be read again
#: (:func:`stamp_image` with ``reach``): where a stamp's day lies over type, ink within
#: :data:`TYPE_REACH_MM` of it cut the day's strokes (``'1_.NOV. 2013``, ``-.MÄRZ 2018``) or
#: left nothing to read at 150 dpi. Without the hairlines of type it reads worse, so it is
#: the second read only (:func:`pipeline.ocr._stamps_read_again`).
NEAR_TYPE_REACH = 1
#: Ink paler than this share of the way to the paper is left out of a stamp's image.
PALE_SHADE = 0.7
#: The stamp's angle is measured on its ink darker than this share of the way to the paper.
STRONG_SHADE = 0.6
#: White margin around the turned stamp, in pixels.
MARGIN = 20
#: Angles tried for a stamp, in degrees, and the step.
MAX_ANGLE, ANGLE_STEP = 45.0, 0.5


def stamp_angle(ink: np.ndarray, join: int = 5) -> float:
    """The angle (degrees, counter-clockwise as ``Image.rotate`` turns) by which the ink of a
    stamp lies turned, within ±45°: that of the smallest rectangle around its largest piece
    (its frame, or its block of text once ink ``join`` pixels apart is joined; a rule or the
    edge of a letter caught in the mask lies apart), unless the angle that turns the rows of
    its pieces sharpest lies more than :data:`ANGLE_AGREE` from it.

    The rectangle is exact on a whole frame, but a frame that lost ink may leave pieces whose
    smallest rectangle lies along no side (``12. NOV. 2020`` turned by 20.5° for its 6°, and
    read as nothing). On the 475 stamps the scan set's first pages show (seeds 11-211, the
    held-out ones aside, 300/200/150 dpi) the rectangle missed the generator's angle by over
    3° on 50, the rows on 25, and this on 25, turning 34 stamps otherwise than the rectangle
    (the rows 170: small turns change what Tesseract reads either way; most of the 25 are
    ink the stamp finder took that is not a stamp)."""
    pieces, count = ndimage.label(ndimage.binary_dilation(ink, iterations=join))
    if count > 1:
        sizes = np.bincount(pieces.ravel())
        sizes[0] = 0
        inked = np.bincount(pieces.ravel(), weights=ink.ravel())
        keep = inked >= PIECE_SHARE * inked[1:].max()
        keep[0] = False
        ink, pieces_kept = ink & (pieces == int(np.argmax(sizes))), ink & keep[pieces]
    else:
        pieces_kept = ink
    framed = _smallest_rectangle_angle(ink)
    rows = _sharpest_rows_angle(pieces_kept)
    return framed if abs(rows - framed) <= ANGLE_AGREE else rows


def _smallest_rectangle_angle(ink: np.ndarray) -> float:
    """The angle of the smallest rectangle around ``ink`` (see :func:`stamp_angle`)."""
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size < 2:
        return 0.0
    # the hull's corners are each the leftmost or rightmost ink of their row
    first = ink[rows].argmax(axis=1)
    last = ink.shape[1] - 1 - ink[rows, ::-1].argmax(axis=1)
    xs = np.concatenate((first, last)).astype(np.float64)
    ys = np.concatenate((rows, rows)).astype(np.float64)
    angles = np.arange(-MAX_ANGLE, MAX_ANGLE + ANGLE_STEP / 2, ANGLE_STEP)
    radians = np.radians(angles)[:, None]
    along = xs * np.cos(radians) - ys * np.sin(radians)
    across = xs * np.sin(radians) + ys * np.cos(radians)
    areas = np.ptp(along, axis=1) * np.ptp(across, axis=1)
    return float(angles[int(np.argmin(areas))])


def _sharpest_rows_angle(ink: np.ndarray) -> float:
    """The angle that turns ``ink``'s rows sharpest: the largest sum of squared ink counts a
    row, where a frame's sides and lines of text lie level."""
    rows, columns = np.nonzero(ink)
    if rows.size < 2:
        return 0.0
    ys, xs = rows.astype(np.float64), columns.astype(np.float64)
    best, found = -1.0, 0.0
    for angle in np.arange(-MAX_ANGLE, MAX_ANGLE + ANGLE_STEP / 2, ANGLE_STEP):
        radians = np.radians(angle)
        across = xs * np.sin(radians) + ys * np.cos(radians)
        counts = np.bincount((across - across.min()).astype(np.int64)).astype(np.float64)
        sharpness = float(counts @ counts)
        if sharpness > best:
            best, found = sharpness, float(angle)
    return found


def stamp_pigment(page: Image.Image, stamp: Stamp) -> np.ndarray:
    """The stamp's pigment: the pixels of its ink (:attr:`Stamp.ink`) darker than
    :data:`PALE_SHADE` of the way to the paper, a mask of its box."""
    crop = np.asarray(page.crop(stamp.box)).astype(np.float64)
    darkest = float(crop[stamp.ink].min()) if stamp.ink.any() else 0.0
    shade = np.clip((crop - darkest) / max(1.0, stamp.paper - darkest), 0.0, 1.0)
    return stamp.ink & (shade < PALE_SHADE)


def stamp_image(page: Image.Image, stamp: Stamp, reach: int | None = None) -> Image.Image:
    """The stamp's ink alone, dark on white, turned level and scaled for Tesseract; ink within
    ``reach`` pixels of type is left out (by default :data:`TYPE_REACH_MM`)."""
    return crop_image(np.asarray(page.crop(stamp.box)), stamp, max(page.size) / 297.0, reach)


def near_image(page: Image.Image, stamp: Stamp) -> Callable[[], Image.Image]:
    """Makes :func:`stamp_image` with :data:`NEAR_TYPE_REACH` when called, without ``page``."""
    pixels = np.asarray(page.crop(stamp.box))
    return functools.partial(crop_image, pixels, stamp, max(page.size) / 297.0, NEAR_TYPE_REACH)


def crop_image(
    pixels: np.ndarray, stamp: Stamp, px_per_mm: float, reach: int | None = None
) -> Image.Image:
    """:func:`stamp_image` of the stamp's box cut from its page (``pixels``)."""
    crop = pixels.astype(np.float64)
    darkest = float(crop[stamp.ink].min()) if stamp.ink.any() else 0.0
    shade = np.clip((crop - darkest) / max(1.0, stamp.paper - darkest), 0.0, 1.0)
    # type near the stamp's ink: its hairlines and soft edges are as grey as stamp ink
    if reach is None:
        reach = max(1, round(TYPE_REACH_MM * px_per_mm))
    near_type = _grow(crop < stamp.dark, reach)
    keep = stamp.ink & ~near_type & (shade < PALE_SHADE)
    pixels = np.where(keep, shade * 255, 255).astype(np.uint8)
    image = Image.fromarray(pixels)
    strong = keep & (shade < STRONG_SHADE)  # not the pale rim the mask keeps around type
    angle = stamp_angle(strong, max(1, round(JOIN_MM * px_per_mm)))
    if angle:
        image = image.rotate(-angle, Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    image = without_frame(image)
    if px_per_mm < MIN_PX_PER_MM:
        factor = MIN_PX_PER_MM / px_per_mm
        size = (round(image.width * factor), round(image.height * factor))
        image = image.resize(size, Image.Resampling.BICUBIC)
    framed = Image.new("L", (image.width + 2 * MARGIN, image.height + 2 * MARGIN), 255)
    framed.paste(image, (MARGIN, MARGIN))
    return framed


#: A stamp read again when its date came with too little confidence: scaled to a half and
#: to two thirds, and softened (Gaussian blur, radius in pixels). Over 26 seeds of the scan
#: set at 300/200/150 dpi, 12 stamps beside ``Datum`` had a date read below confidence 50, 9
#: of them the right date (``10. APR. 2016,`` at 25): these three reads gave 9 sure reads of
#: that date (each alone 5-7; eleven variants tried), and none of a wrong one (a damaged
#: ``11. FEB.``, read ``14.`` at 0 by every read, stays unread).
VARIANT_SCALES, VARIANT_BLUR = (1 / 2, 2 / 3), 1.2


def stamp_variants(image: Image.Image) -> list[Image.Image]:
    """The stamp image as read again when its first read of a date was unsure."""
    from PIL import ImageFilter

    scaled = [
        image.resize((round(image.width * f), round(image.height * f)), Image.Resampling.LANCZOS)
        for f in VARIANT_SCALES
    ]
    return [*scaled, image.filter(ImageFilter.GaussianBlur(VARIANT_BLUR))]


def dates_of(lines: list[list[Word]]) -> set[object]:
    """The dates the (:func:`dated`) lines of a stamp's read show."""
    return {
        found[0]
        for line in lines
        if (found := read_stamp(" ".join(word.text for word in line))) is not None
    }


#: Ink darker than this (of 255) is the stamp's when its frame is looked for.
FRAME_INK = 200
#: A frame's upright side runs this share of the ink's height at least, a level side this
#: share of its width; a letter's stroke is far shorter.
FRAME_TALL, FRAME_WIDE = 0.75, 0.5
#: Gaps in a frame's line (its ink wiped beside type, a pale pressing) bridged, in pixels:
#: along an upright side wider ones (letters are far shorter than the side), along a level
#: side only a pixel's (the gaps between letters are not much wider).
FRAME_GAP_UPRIGHT, FRAME_GAP_LEVEL = 9, 3
#: What is left of a broken frame: pieces this many times longer than thick, and no thicker
#: than this share of the ink's height (a letter is not so thin and long).
FRAME_PIECE_ASPECT, FRAME_PIECE_THICK = 6, 0.08
#: A piece this share of the ink's width is the frame's too (words are narrower).
FRAME_PIECE_WIDE = 0.5


def without_frame(image: Image.Image) -> Image.Image:
    """The level stamp image with its frame set to paper: the straight lines that run most of
    its height or width, and the thin long pieces a broken frame leaves. Tesseract read the
    frame beside the day as a letter (``I20.`` at confidence 11, ``20.`` at 96 without it).

    >>> from PIL import ImageDraw
    >>> stamp = Image.new("L", (300, 120), 255)
    >>> ImageDraw.Draw(stamp).rectangle((10, 10, 289, 109), outline=60, width=4)
    >>> ImageDraw.Draw(stamp).rectangle((60, 45, 80, 75), fill=60)  # a letter's ink
    >>> pixels = np.asarray(without_frame(stamp))
    >>> int(pixels[10:14, :].min()), int(pixels[:, 10:14].min()), int(pixels[50, 70])
    (255, 255, 60)
    >>> letters = Image.new("L", (300, 40), 255)  # a stamp without a frame stays as it is
    >>> for x in range(10, 290, 16):
    ...     ImageDraw.Draw(letters).rectangle((x, 5, x + 10, 35), fill=60)
    >>> without_frame(letters) is letters
    True
    """
    pixels = np.asarray(image)
    ink = pixels < FRAME_INK
    if not ink.any():
        return image
    rows, columns = np.nonzero(ink)
    # the ink's extent, a few stray grains aside
    (top, bottom), (left, right) = np.percentile(rows, (1, 99)), np.percentile(columns, (1, 99))
    tall, wide = int(bottom - top) + 1, int(right - left) + 1

    def lines(axis: int, gap: int, length: int) -> np.ndarray:
        """Ink on straight runs ``length`` long along ``axis``, gaps under ``gap`` bridged."""
        bridged = _erode(_dilate(ink, gap, axis), gap, axis)  # a closing
        return _dilate(_erode(bridged, length, axis), length, axis)  # an opening

    level = lines(1, FRAME_GAP_LEVEL, max(3, round(FRAME_WIDE * wide)))
    if not level.any():
        return image  # no frame: the ink's height is the letters' own
    upright = lines(0, FRAME_GAP_UPRIGHT, max(3, round(FRAME_TALL * tall)))
    frame = ndimage.binary_dilation(upright | level, iterations=2)
    labels, _ = ndimage.label(ink & ~frame, structure=np.ones((3, 3), bool))
    for k, piece in enumerate(ndimage.find_objects(labels), start=1):
        if piece is None:
            continue
        high, broad = piece[0].stop - piece[0].start, piece[1].stop - piece[1].start
        thin, long = min(high, broad), max(high, broad)
        if (long >= FRAME_PIECE_ASPECT * thin and thin <= FRAME_PIECE_THICK * tall) or (
            high > FRAME_TALL * tall or broad > FRAME_PIECE_WIDE * wide
        ):
            frame |= labels == k
    return Image.fromarray(np.where(frame, 255, pixels).astype(np.uint8))


def _window_count(mask: np.ndarray, length: int, start: int, axis: int) -> np.ndarray:
    """How many pixels of ``mask`` are set in the window ``length`` long that starts ``start``
    pixels from each pixel along ``axis`` (beyond the edge: none)."""
    lined = np.moveaxis(mask, axis, -1)
    size = lined.shape[-1]
    sums = np.zeros((*lined.shape[:-1], size + 1), np.int32)
    np.cumsum(lined, axis=-1, dtype=np.int32, out=sums[..., 1:])
    first = np.clip(np.arange(size) + start, 0, size)
    last = np.clip(np.arange(size) + start + length, 0, size)
    return np.moveaxis(sums[..., last] - sums[..., first], -1, axis)


def _erode(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """``ndimage.binary_erosion`` by a line ``length`` long along ``axis``, the same pixels in
    time independent of the line's length (scipy's grows with it: 50 ms a stamp)."""
    return _window_count(mask, length, -(length // 2), axis) == length


def _dilate(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """``ndimage.binary_dilation`` by a line ``length`` long along ``axis`` (see
    :func:`_erode`)."""
    return _window_count(mask, length, -((length - 1) // 2), axis) > 0


def stamp_lines(words: list[Word]) -> list[list[Word]]:
    """The words Tesseract read from a stamp image, line by line."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    return list(lines.values())


def dated(lines: list[list[Word]]) -> list[list[Word]]:
    """The lines of a stamp's read that show a date, without the frame read as ``|`` or ``]``
    around them; none for a receipt stamp."""
    from dataclasses import replace

    texts = [" ".join(word.text for word in line) for line in lines]
    if any(RECEIPT.search(text) for text in texts):
        return []
    cleaned = [
        [
            replace(word, text=FRAME.sub("", word.text))
            for word in line
            if regex.search(r"[\p{L}\p{N}]", word.text)
        ]
        for line in lines
    ]
    found = []
    k = 0
    while k < len(cleaned):
        if _is_date(cleaned[k]):
            found.append(cleaned[k])
        elif k + 1 < len(cleaned) and _is_date(cleaned[k] + cleaned[k + 1]):
            # a stamp may print its year on a line of its own, under day and month
            found.append(cleaned[k] + cleaned[k + 1])
            k += 1
        k += 1
    return found


def _is_date(words: list[Word]) -> bool:
    text = " ".join(word.text for word in words)
    # a day of one digit may be a day whose first digit went with the frame ("[+2 AUG")
    return bool(words) and read_stamp(text) is not None and bool(regex.match(r"\d\d\b", text))


def merge_stamp(
    words: list[Word],
    lines: list[list[Word]],
    box: tuple[int, int, int, int],
    over_type: bool,
    pigment: np.ndarray | None = None,
) -> list[Word]:
    """The page's ``words`` with the stamp's ``lines`` (read from its own image) in a block of
    their own after the line beside the stamp's middle, boxed in the stamp's ``box`` (a strip
    a line). Words inside a stamp on blank paper, its ink read in place, go; with the stamp's
    ``pigment`` known, only those it covers (:data:`STAMP_COVER`): type in a corner of the
    stamp's box, beside its frame, stays."""
    from dataclasses import replace

    left, top, right, bottom = box
    if not over_type:
        words = [
            word for word in words if not _inside(word, box) or not _covered(word, box, pigment)
        ]
    block = max((word.block for word in words), default=0) + 1
    height = (bottom - top) / len(lines)
    placed: list[Word] = []
    for k, line in enumerate(lines, 1):
        y0 = top + (k - 1) * height
        letters = sum(len(word.text) + 1 for word in line)
        x = float(left)
        for word in line:
            width = (right - left) * len(word.text) / letters
            placed.append(
                replace(
                    word, left=round(x), top=round(y0), width=max(1, round(width)),
                    height=max(1, round(height)), block=block, paragraph=1, line=k,
                )
            )  # fmt: skip
            x += width + (right - left) / letters
    # after the line beside the stamp, on its left, nearest the stamp's middle
    middle = (top + bottom) / 2
    beside = [
        (abs(word.top + word.height / 2 - middle), k)
        for k, word in enumerate(words)
        if word.left + word.width <= (left + right) / 2
        and abs(word.top + word.height / 2 - middle) <= bottom - top
    ]
    if beside:
        after = min(beside)[1] + 1
    else:  # after the last word above the stamp's middle
        after = max(
            (k + 1 for k, w in enumerate(words) if w.top + w.height / 2 <= middle), default=0
        )
    while 0 < after < len(words) and _same_line(words[after - 1], words[after]):
        after += 1
    return words[:after] + placed + words[after:]


#: A word read inside a stamp's box is the stamp's ink read in place when this share of its
#: box at least is the stamp's pigment.
STAMP_COVER = 0.08


def _covered(word: Word, box: tuple[int, int, int, int], pigment: np.ndarray | None) -> bool:
    if pigment is None:
        return True
    left, top = box[0], box[1]
    x0, y0 = max(0, word.left - left), max(0, word.top - top)
    cut = pigment[y0 : word.top + word.height - top, x0 : word.left + word.width - left]
    return not cut.size or float(cut.mean()) >= STAMP_COVER


def _same_line(a: Word, b: Word) -> bool:
    return (a.block, a.paragraph, a.line) == (b.block, b.paragraph, b.line)


def _inside(word: Word, box: tuple[int, int, int, int]) -> bool:
    left, top, right, bottom = box
    x, y = word.left + word.width / 2, word.top + word.height / 2
    return left <= x <= right and top <= y <= bottom
