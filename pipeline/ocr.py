"""Tesseract, wrapped in one place: availability checks, orientation, word-level OCR.

Every call runs one page with a timeout; Tesseract is limited to one thread
(``OMP_THREAD_LIMIT=1``) so parallel workers do not fight over cores.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import numpy as np
from PIL import Image, ImageFilter

from pipeline.engine import image_to_data
from pipeline.errors import MissingDependencyError

if TYPE_CHECKING:
    from pipeline.marker_read import HeadingStrip, MarkerStrip
    from pipeline.segment_read import SegmentStrip
    from pipeline.signature_read import LabelStrip, NameStrip, RoleLineStrip, RoleStrip

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytesseract

DEFAULT_LANG = "deu"
DEFAULT_PAGE_TIMEOUT = 180.0
#: Mean word confidence below which a page is read again turned (OSD may have missed).
POOR_CONFIDENCE = 55.0
#: OSD needs this much confidence before a page is turned.
MIN_ORIENTATION_CONFIDENCE = 2.0
#: A gap between two words of one line wider than this many line heights is a column gap
#: (address | file reference block, two signatures side by side, a stamp beside the text):
#: the words are joined by a tab instead of a space. Word gaps, even after a hanging point
#: marker or in justified lines, stay below 2 on the scan set (tests/eval_scans.py).
COLUMN_GAP = 3.0
#: A word with a letter or a digit: no noise's marks (``--°``, ``|``) in a column gap.
TEXT_WORD = re.compile(r"[^\W_]")
#: ... and marks read below this confidence are noise's (a title's dash reads at 90 or more).
NOISE_MARK_CONFIDENCE = 50.0

#: Side of the median filter a page goes through before Tesseract reads it (0: none). A 3×3
#: filter takes out speckle and JPEG ringing: on the scan set (tests/eval_scans.py) raw WER
#: 0.167/0.175/0.209 -> 0.148/0.168/0.168 and fields 0.797/0.753/0.734 -> 0.848/0.791/0.804
#: at 300/200/150 dpi (seed 11), fields 0.806/0.789/0.806 -> 0.844/0.857/0.820 (seed 13;
#: status 0.957 -> 0.870 at 200 dpi on seed 11, 0.957 -> 0.935 at 300 dpi on seed 13). Off
#: by default for now: on the clean rendered page of tests/test_layout.py it turns A0404/11
#: into AO404/11. Tesseract's Sauvola binarisation (``-c thresholding_method=2``) and user
#: words / patterns (tests/eval_user_words.py) did not help.
MEDIAN_FILTER = 0
#: Take the ink of stamps off grey pages before Tesseract reads them (pipeline.stamp_ink).
DROP_STAMPS = True
#: Take small lone specks off pages before Tesseract reads them (pipeline.specks).
DROP_SPECKS = True
#: Read signatories' names again where a signature hid them (pipeline.signature_read).
READ_NAMES = True
#: Read a name no read of its strip gave again from the strip without its pen lines
#: (pipeline.signature_read.unlined) and from the strip cut off after it
#: (pipeline.signature_read.name_cut).
READ_NAME_CUTS = True
#: Read hanging point markers Tesseract did not read from strips (pipeline.marker_read).
READ_MARKERS = True
#: Read pieces of lines that Tesseract read as noise again from strips (pipeline.segment_read).
READ_PIECES = True
#: Read a file reference's Roman numeral back from its glyphs (pipeline.roman_read).
READ_ROMAN = True
#: At most this many stamps of a page are read on their own (pipeline.stamp_read).
MAX_STAMP_READS = 3
#: A stamp's date is taken only when Tesseract read each of its words with this confidence
#: (``03. juni 2017`` for ``03. JULI 2017`` came with 22).
MIN_STAMP_CONFIDENCE = 50.0
#: A stamp's date read below this is read again (:func:`_stamps_read_again`) before it is taken.
CHECKED_STAMP_CONFIDENCE = 90.0
#: A stamp beside ``Datum`` whose read showed no date is read again from its image with the
#: ink beside type kept (:attr:`StampRead.near`), itself and its variants; its date is taken
#: when this many of those reads count (each date word read with
#: :data:`MIN_STAMP_CONFIDENCE`) and all that count show it.
NEAR_AGREEING = 2
#: ... and only beside a ``Datum`` label: left of the stamp, on a line within this many of
#: its heights of the stamp's middle (a receipt stamp elsewhere has the day the letter came).
#: The label may be misread beyond its first three letters while its colon stays
#: (``Datınn:``, the stamp's ink beside it).
DATUM = re.compile(r"^(?:Datum\b|Dat\w{1,3}:$)")

#: Tesseract options of every read (pages, stamps and strips); the caller's ``config`` comes
#: after them and may set them back. ``tessedit_do_invert=0``: a line read with a confidence
#: below 0.7 is not read a second time inverted (white on black, which letters do not print;
#: 5 % of Tesseract's CPU on 7 scan pages). ``textord_tabfind_find_tables=0`` (no table
#: search, 5 % more) is not used: on a court decision of shared/real-scans Tesseract then lost
#: two lines of a list of parties.
READ_OPTIONS = "-c tessedit_do_invert=0"

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    block: int
    paragraph: int
    line: int


def placed(read: list[Word], box: Box, line: tuple[int, int, int]) -> list[Word]:
    """Words read from a strip cut out of a page at ``box``, moved into the page's pixels and
    onto the page's ``line`` (block, paragraph, line).

    >>> [(w.left, w.top, w.line) for w in placed([Word("An", 5, 2, 9, 9, 90, 1, 1, 1)], (100, 50, 0, 0), (4, 1, 2))]
    [(105, 52, 2)]
    """
    left, top = box[0], box[1]
    block, paragraph, number = line
    return [
        replace(
            word, left=left + word.left, top=top + word.top, block=block, paragraph=paragraph,
            line=number,
        )
        for word in read
    ]  # fmt: skip


def _gap_noise(word: Word) -> bool:
    """Marks of noise (no letter nor digit, read unsurely) that may stand in a column gap."""
    return word.confidence < NOISE_MARK_CONFIDENCE and not TEXT_WORD.search(word.text)


@dataclass
class OcrPage:
    """Words of one page, the text assembled from them, and how the page was turned.

    Word boxes are in the pixels of the image Tesseract read (turned upright and deskewed,
    ``width`` × ``height``); :meth:`source_box` maps them back to the image as given
    (``source_width`` × ``source_height``).

    >>> page = OcrPage([Word("Zu", 0, 0, 9, 9, 96.0, 1, 1, 1), Word("1.", 12, 0, 5, 9, 91.0, 1, 1, 1),
    ...                 Word("Text", 0, 20, 19, 9, 88.0, 1, 2, 1)])
    >>> page.text
    'Zu 1.\\n\\nText\\n'
    >>> [page.text[start:end] for start, end in page.word_spans()]
    ['Zu', '1.', 'Text']

    Words of one line far apart (a column gap, :data:`COLUMN_GAP`) are joined by a tab, so
    that the address and the file reference block beside it stay apart:

    >>> OcrPage([Word("An", 0, 0, 20, 10, 96.0, 1, 1, 1), Word("alle", 28, 0, 36, 10, 95.0, 1, 1, 1),
    ...          Word("GZ:", 300, 0, 30, 10, 93.0, 1, 1, 1)]).text
    'An alle\\tGZ:\\n'
    """

    words: list[Word] = field(default_factory=list)
    rotation: int = 0
    skew: float = 0.0
    width: int = 0
    height: int = 0
    #: Size of the image as given to :func:`ocr_page`, before turning and deskewing.
    source_width: int = 0
    source_height: int = 0
    #: Regions whose stamp ink was taken off before reading (in Tesseract's pixels).
    stamps: tuple[Box, ...] = ()
    #: How many specks were taken off before reading (:mod:`pipeline.specks`).
    specks: int = 0
    #: Stamps read on their own whose date went into the words (in Tesseract's pixels).
    stamps_read: tuple[Box, ...] = ()

    @property
    def text(self) -> str:
        """Lines joined by newlines, paragraphs by a blank line (the shape of OCR text files)."""
        return self._assemble()[0]

    def word_spans(self) -> list[tuple[int, int]]:
        """Offsets of each word in :attr:`text` (``text[start:end] == word.text``)."""
        return self._assemble()[1]

    def _assemble(self) -> tuple[str, list[tuple[int, int]]]:
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        length = 0
        last_par: tuple[int, int] | None = None
        last_line: tuple[int, int, int] | None = None
        heights = self._line_heights()
        previous: Word | None = None
        anchor: tuple[int, int] | None = None  # the line's last word with a letter or digit
        for word in self.words:
            par = (word.block, word.paragraph)
            line = (word.block, word.paragraph, word.line)
            if line != last_line:
                if last_line is not None:
                    parts.append("\n\n" if par != last_par else "\n")
                    length += len(parts[-1])
                anchor = None
            else:
                assert previous is not None
                gap = word.left - (previous.left + previous.width)
                parts.append("\t" if gap > COLUMN_GAP * heights[line] else " ")
                length += 1
                # marks of noise in a column gap (``Stadträte --° Datum:``): the gap still
                # parts the columns
                if (
                    anchor is not None
                    and not _gap_noise(word)
                    and word.left - anchor[0] > COLUMN_GAP * heights[line]
                ):
                    parts[anchor[1]] = "\t"
            if not _gap_noise(word):
                anchor = (word.left + word.width, len(parts) + 1)  # the separator after it
            spans.append((length, length + len(word.text)))
            parts.append(word.text)
            length += len(word.text)
            last_par, last_line, previous = par, line, word
        return "".join(parts) + ("\n" if parts else ""), spans

    def _line_heights(self) -> dict[tuple[int, int, int], float]:
        """Median word height of each line (the unit of :data:`COLUMN_GAP`)."""
        lines: dict[tuple[int, int, int], list[int]] = {}
        for word in self.words:
            lines.setdefault((word.block, word.paragraph, word.line), []).append(word.height)
        return {key: sorted(h)[len(h) // 2] for key, h in lines.items()}

    @property
    def mean_confidence(self) -> float:
        return sum(w.confidence for w in self.words) / len(self.words) if self.words else 0.0

    def source_box(self, word: Word) -> tuple[float, float, float, float]:
        """A word's box (x0, y0, x1, y1) in the image as given, before turning and deskewing.

        Turns are exact; undoing a deskew gives the upright box around the tilted one (a few
        pixels larger). Clamped to the image.
        """
        return self.source_region(
            (word.left, word.top, word.left + word.width, word.top + word.height)
        )

    def source_region(self, box: Box) -> tuple[float, float, float, float]:
        """A box (x0, y0, x1, y1) of the read image in the image as given (see
        :meth:`source_box`)."""
        left, top, right, bottom = box
        corners: list[tuple[float, float]] = [
            (left, top),
            (right, top),
            (left, bottom),
            (right, bottom),
        ]
        turned_size = _rotated_size((self.source_width, self.source_height), -self.rotation)
        if self.skew:
            corners = [_unrotate(point, turned_size, self.skew) for point in corners]
        if self.rotation:
            size = (self.source_width, self.source_height)
            corners = [_unrotate(point, size, -self.rotation) for point in corners]
        xs = [min(max(x, 0.0), self.source_width) for x, _ in corners]
        ys = [min(max(y, 0.0), self.source_height) for _, y in corners]
        return min(xs), min(ys), max(xs), max(ys)


#: A point marker standing alone (``1.``, ``12.``, ``a)``, ``IV.``), or a point's label of a
#: word and a number (``Punkt 1:``, ``Ziffer 2``, ``Nr. 3``; the colon may be read ``;``; the
#: number may be read as a sign before the colon: ``Punkt >:``).
_MARKER = re.compile(
    r"(?:\d{1,2}|[a-z]|[IVX]{1,4})[.)]|(?:Punkt|Ziffer|Nr\.|Nummer) \d{1,2}[a-z]?[.:;)]?"
    r"|(?:Punkt|Ziffer|Nummer) [^\w\s.:;][:;]"
)
#: How far right of a lone marker, in marker heights, its line's text may start.
MARKER_GAP = 4.0
#: Speck marks OCR may read before a lone marker (``‚Punkt 1:``, ``"Punkt 5:``): no text
#: opens a point that way, so the block is still one of markers.
MARKER_SPECKS = "‚'\"„“”’‘`´.,"


def _lone_marker(line: list[Word]) -> bool:
    """Is ``line`` a point marker alone, maybe with a speck's mark (:data:`MARKER_SPECKS`)
    before it or one after it (``Punkt 3:.``)? A ``c`` may be read ``©`` (``©)``).

    >>> [_lone_marker([Word(t, 0, 0, 9, 9, 90.0, 1, 1, 1), Word(n, 12, 0, 9, 9, 90.0, 1, 1, 1)])
    ...  for t, n in (("Punkt", "5:"), ('"Punkt', "5:"), ("Punkt", "3:."), ("Zu", "5:"))]
    [True, True, True, False]
    """
    core = " ".join(w.text for w in line).lstrip(MARKER_SPECKS).replace("©", "c")
    return bool(
        _MARKER.fullmatch(core) or (core[-1:] in MARKER_SPECKS and _MARKER.fullmatch(core[:-1]))
    )


def attach_markers(words: list[Word]) -> list[Word]:
    """Hanging point markers that Tesseract put in a block of their own (a narrow column of
    ``1.``, ``2.`` or ``Punkt 1:``, ``Punkt 2:`` left of the items), moved to the start of the
    text line beside them, so that the text reads ``1. Bis zum Jahr ...`` instead of the
    markers first and the items after. A marker with no line beside it stays where it is.

    >>> words = [Word("1.", 0, 0, 10, 10, 90.0, 1, 1, 1), Word("Erstens", 40, 1, 60, 10, 95.0, 2, 1, 1),
    ...          Word("und", 40, 20, 30, 10, 95.0, 2, 1, 2)]
    >>> [(w.text, w.block, w.line) for w in attach_markers(words)]
    [('1.', 2, 1), ('Erstens', 2, 1), ('und', 2, 2)]

    Blocks read between the markers and their items (a status heading ``Zu Punkt 1:`` below
    the items, in the markers' column) are put back in their place, top to bottom.
    """
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    blocks: dict[int, list[list[Word]]] = {}
    for key, line in lines.items():
        blocks.setdefault(key[0], []).append(line)
    lone = {
        id(line[0])
        for block in blocks.values()
        if all(_lone_marker(line) for line in block)
        for line in block
    }
    if not lone:
        return words
    first_words = {id(line[0]): line for line in lines.values()}
    targets: dict[tuple[int, int, int], list[Word]] = {}
    for marker in (word for word in words if id(word) in lone):
        label = first_words[id(marker)]
        right = label[-1].left + label[-1].width
        middle = marker.top + marker.height / 2
        beside = [
            (line[0].left - right, key)
            for key, line in lines.items()
            if id(line[0]) not in lone
            and 0 < line[0].left - right <= MARKER_GAP * marker.height
            and abs(line[0].top + line[0].height / 2 - middle) <= marker.height / 2
        ]
        if beside:
            key = min(beside)[1]
            if key not in targets:
                targets[key] = label
    moved = {id(word) for label in targets.values() for word in label}
    result: list[Word] = []
    for word in words:
        if id(word) in moved:
            continue
        key = (word.block, word.paragraph, word.line)
        if key in targets and word is lines[key][0]:
            result += [
                replace(w, block=word.block, paragraph=word.paragraph, line=word.line)
                for w in targets[key]
            ]
        result.append(word)
    if not targets:
        return result
    labels = {label[0].block for label in targets.values()}
    return _in_place(result, list(blocks), labels, {block for block, _, _ in targets})


def _in_place(
    words: list[Word], read: list[int], labels: set[int], targets: set[int]
) -> list[Word]:
    """``words`` with the blocks Tesseract read (in the order ``read``) after the first
    block of markers (``labels``) and before the last block that took a marker
    (``targets``), put in order of their tops: a block in the markers' column that stands
    below the items (a status heading ``Zu Punkt 1:``) goes back to its place."""
    start = min(read.index(block) for block in labels)
    order = list(dict.fromkeys(word.block for word in words))
    first = next(k for k, block in enumerate(order) if read.index(block) > start)
    last = max(order.index(block) for block in targets)
    tops = {
        block: min(w.top for w in words if w.block == block) for block in order[first : last + 1]
    }
    span = sorted(order[first : last + 1], key=lambda block: tops[block])
    if span == order[first : last + 1]:
        return words
    by_block: dict[int, list[Word]] = {}
    for word in words:
        by_block.setdefault(word.block, []).append(word)
    blocks = order[:first] + span + order[last + 1 :]
    return [word for block in blocks for word in by_block[block]]


@lru_cache(maxsize=64)
def _rotation_matrix(
    size: tuple[int, int], angle: float
) -> tuple[tuple[float, ...], tuple[int, int]]:
    """The affine map from output to input pixels of ``Image.rotate(angle, expand=True)`` on an
    image of ``size``, and the output size (the same arithmetic as Pillow). Cached: every word
    box of a page is mapped with the page's two (a third of the time spent on a page's words
    went into computing them again)."""
    width, height = size
    rad = -math.radians(angle % 360.0)
    a, b = round(math.cos(rad), 15), round(math.sin(rad), 15)
    d, e = -b, a
    cx, cy = width / 2, height / 2
    c = a * -cx + b * -cy + cx
    f = d * -cx + e * -cy + cy
    xs = [a * x + b * y + c for x, y in ((0, 0), (width, 0), (width, height), (0, height))]
    ys = [d * x + e * y + f for x, y in ((0, 0), (width, 0), (width, height), (0, height))]
    new_w = math.ceil(max(xs)) - math.floor(min(xs))
    new_h = math.ceil(max(ys)) - math.floor(min(ys))
    tx, ty = -(new_w - width) / 2, -(new_h - height) / 2
    c, f = a * tx + b * ty + c, d * tx + e * ty + f
    return (a, b, c, d, e, f), (new_w, new_h)


def _rotated_size(size: tuple[int, int], angle: float) -> tuple[int, int]:
    if angle % 360 == 0:
        return size
    return _rotation_matrix(size, angle)[1]


def _unrotate(
    point: tuple[float, float], size: tuple[int, int], angle: float
) -> tuple[float, float]:
    """Where a point of ``image.rotate(angle, expand=True)`` lies in ``image`` (of ``size``)."""
    (a, b, c, d, e, f), _ = _rotation_matrix(size, angle)
    x, y = point
    return a * x + b * y + c, d * x + e * y + f


@cache
def check_tesseract(lang: str = DEFAULT_LANG) -> str:
    """The Tesseract version; raises :class:`MissingDependencyError` naming what to install."""
    if shutil.which("tesseract") is None:
        raise MissingDependencyError(
            "tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-deu)"
        )
    try:
        langs = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractError, subprocess.SubprocessError, OSError) as exc:
        raise MissingDependencyError(f"tesseract does not run: {exc}") from exc
    missing = [part for part in lang.split("+") if part not in langs]
    if missing:
        raise MissingDependencyError(
            f"tesseract has no language data for {', '.join(missing)} "
            f"(Debian: apt-get install {' '.join('tesseract-ocr-' + m for m in missing)})"
        )
    return str(pytesseract.get_tesseract_version())


#: Tesseract's orientation detection (OSD, the fallback of :func:`upright`) reads the page
#: scaled down to at most this many pixels on its long side (an A4 page at about 145 dpi): at
#: 300 dpi it cost 0.71 s of a page's 1.85 s CPU, at this size 0.50 s, with the same turn on all
#: 28 pages of the bench set.
OSD_MAX_SIDE = 1700
#: The ink of a page is looked at scaled to this many pixels on its long side (an A4 page at
#: about 150 dpi), whatever the scan's resolution: the gaps and heights below are in its pixels.
PROBE_LONG_SIDE = 1750
#: Gaps up to twice this wide are closed along a direction before ink runs are measured: the
#: space between letters and words of a line, not between lines.
RUN_GAP = 3
#: A text line of the probe is this many pixels tall (with ascenders and descenders).
LINE_HEIGHTS = (6, 60)
#: Below these margins the ink does not tell and OSD decides (see :func:`ink_orientation`).
MIN_AXIS_MARGIN = 0.2
MIN_UPRIGHT_MARGIN = 0.3


def osd_orientation(image: Image.Image, timeout: float) -> int:
    """Clockwise rotation (0/90/180/270) that Tesseract's OSD finds, 0 when unsure."""
    scale = OSD_MAX_SIDE / max(image.size)
    if scale < 0.9:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.BILINEAR)
    try:
        osd = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT, timeout=timeout)
    except (pytesseract.TesseractError, RuntimeError):
        return 0  # too little text to tell: leave the page as it is
    if float(osd.get("orientation_conf", 0)) < MIN_ORIENTATION_CONFIDENCE:
        return 0
    return int(osd.get("rotate", 0)) % 360


def _grey(image: Image.Image) -> Image.Image:
    """The image in grey (a grey image itself: ``convert`` would copy it, 15 ms a page)."""
    return image if image.mode == "L" else image.convert("L")


def _probe_ink(image: Image.Image) -> np.ndarray:
    """The page at :data:`PROBE_LONG_SIDE`, ink ``True`` (Otsu's threshold; bilevel scans too)."""
    gray = _grey(image)
    factor = max(gray.size) / PROBE_LONG_SIDE
    if abs(round(factor) - factor) <= 0.1 * factor and round(factor) >= 2:
        gray = gray.reduce(round(factor))  # a 300-dpi page: 3 ms, where resizing took 13
    elif abs(factor - 1) > 0.05:
        size = (max(1, round(gray.width / factor)), max(1, round(gray.height / factor)))
        gray = gray.resize(size, Image.Resampling.BOX)
    pixels = np.asarray(gray)
    histogram = np.bincount(pixels.ravel(), minlength=256).astype(np.float64)
    below = np.cumsum(histogram)
    mass = np.cumsum(histogram * np.arange(256))
    above = below[-1] - below
    spread = (
        below
        * above
        * (mass / np.maximum(below, 1) - (mass[-1] - mass) / np.maximum(above, 1)) ** 2
    )
    return pixels <= int(np.argmax(spread))


def _mean_run(ink: np.ndarray) -> float:
    """Mean length of the rows' ink runs once gaps up to ``2 * RUN_GAP`` are closed: long
    along text lines (letters and words merge), short across them (a letter's height).

    The closing of each row (dilation, then erosion, by ``RUN_GAP`` either way, the erosion
    blind beyond the row's ends), from the rows' runs: a gap between two runs is filled when
    it is ``2 * RUN_GAP`` long at most, a row's lead or tail when ``RUN_GAP`` at most (2 ms a
    page where shifting the mask took 5).

    >>> _mean_run(np.array([[0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]], bool))  # 8, 3
    5.5
    """
    height, width = ink.shape
    padded = np.zeros((height, width + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    steps = np.diff(padded, axis=1).ravel()  # rows of width + 1 steps
    starts, ends = np.flatnonzero(steps == 1), np.flatnonzero(steps == -1)
    if not starts.size:
        return 0.0
    rows = starts // (width + 1)
    starts, ends = starts - rows * (width + 1), ends - rows * (width + 1)
    same_row = rows[1:] == rows[:-1]
    gaps = starts[1:] - ends[:-1]
    closed = same_row & (gaps <= 2 * RUN_GAP)
    first, last = np.append(True, ~same_row), np.append(~same_row, True)
    lead = np.where(first & (starts <= RUN_GAP), starts, 0)
    tail = np.where(last & (width - ends <= RUN_GAP), width - ends, 0)
    length = (ends - starts).sum() + gaps[closed].sum() + lead.sum() + tail.sum()
    return float(length) / (starts.size - int(closed.sum()))


def _upright_votes(ink: np.ndarray) -> float:
    """Mean over the text lines (found in six vertical strips) of the log ratio of ink above
    the line's x-height band to ink below it, each clipped to ±2: positive on an upright page
    (capitals, ascenders and i-dots outweigh descenders in German), negative upside down; 0
    with fewer than three lines. Lines, not ink, are counted, so that a coat of arms or a
    stamp weighs no more than a line."""
    width = ink.shape[1]
    votes = []
    for k in range(6):
        rows = ink[:, k * width // 6 : (k + 1) * width // 6].sum(axis=1).astype(np.float64)
        inked = (rows > max(1.0, 0.02 * width / 6)).astype(np.int8)
        edges = np.flatnonzero(np.diff(np.concatenate(([0], inked, [0]))))
        for top, bottom in zip(edges[::2], edges[1::2], strict=True):
            if not LINE_HEIGHTS[0] <= bottom - top <= LINE_HEIGHTS[1]:
                continue
            line = rows[top:bottom]
            band = np.flatnonzero(line >= 0.5 * line.max())
            above, below = line[: band[0]].sum(), line[band[-1] + 1 :].sum()
            if above + below >= 0.05 * line.sum():
                votes.append(max(-2.0, min(2.0, math.log((above + 1) / (below + 1)))))
    return float(np.mean(votes)) if len(votes) >= 3 else 0.0


def ink_orientation(image: Image.Image) -> tuple[int, float] | None:
    """Clockwise rotation (0/90/180/270) that makes the page upright and the skew of the
    upright page (as :func:`skew_angle`), from the page's ink alone; ``None`` when unsure.

    Text lines run along the direction in which closed ink runs are longer; upright lines have
    more ink above their x-height band than below it. Both are a few array operations on the
    page at 150 dpi (about 0.05 s), where Tesseract's OSD took 0.5 s. On 66 synthetic scans
    (tests/eval_scans.py seeds 11 and 13, 150–300 dpi, turned 0/90/180/270) and the 83 pages of
    the court decisions in shared/real-scans (bilevel and grey, 200–300 dpi, typewriter and
    print) it found the turn OSD finds on every page but one that holds only a stamp, which OSD
    could not tell either. The weakest margins were 0.16 (axis: below
    :data:`MIN_AXIS_MARGIN`, so OSD decided that page) and 0.40 (upright).
    """
    ink = _probe_ink(image)
    across = _mean_run(np.ascontiguousarray(ink.T))  # contiguous: 5 times faster
    axis = math.log((_mean_run(ink) + 1e-9) / (across + 1e-9))
    if abs(axis) < MIN_AXIS_MARGIN:
        return None
    level = ink if axis > 0 else np.rot90(ink)  # rot90: a quarter turn counter-clockwise
    probe = Image.fromarray(level.astype(np.uint8) * 255)
    scale = SKEW_PROBE_WIDTH / max(1, probe.width)
    size = (SKEW_PROBE_WIDTH, max(1, round(probe.height * scale)))
    # Nearest neighbour: the mask stays a mask (bicubic took 10 ms a page; on 111 pages, the
    # scan set and the court decisions, one skew moved by a quarter degree).
    skew = _skew_of_ink(np.asarray(probe.resize(size, Image.Resampling.NEAREST)) > 127)
    if skew:
        probe = probe.rotate(skew, resample=Image.Resampling.NEAREST, expand=True)
    upright = _upright_votes(np.asarray(probe) > 127)
    if abs(upright) < MIN_UPRIGHT_MARGIN:
        return None
    if axis > 0:
        return (0 if upright > 0 else 180), skew
    return (270 if upright > 0 else 90), skew


#: Skew angles tried (degrees); scans are rarely more than a few degrees off. Whole degrees
#: first, then quarter degrees around the best.
MAX_SKEW = 5.0
SKEW_STEP = 0.25
#: Width the page is scaled to for skew detection (speed; text lines stay resolvable).
SKEW_PROBE_WIDTH = 800


def skew_angle(image: Image.Image) -> float:
    """Angle (degrees, counter-clockwise) that makes the text lines horizontal.

    Projection profile: rotated the right way, the row sums of ink are most uneven (lines and
    gaps alternate sharply). 0.0 for pages without enough ink to tell.
    """
    gray = _grey(image)
    scale = SKEW_PROBE_WIDTH / max(1, gray.width)
    small = gray.resize((SKEW_PROBE_WIDTH, max(1, round(gray.height * scale))))
    return _skew_of_ink(np.asarray(small) < 128)


def _skew_of_ink(ink: np.ndarray) -> float:
    """:func:`skew_angle` of an ink mask about :data:`SKEW_PROBE_WIDTH` wide: whole degrees
    on the mask at half size first, then quarter degrees around the best at full size (16
    rotations instead of 41, 11 of them on a quarter of the pixels)."""
    if ink.mean() < 0.002:
        return 0.0
    probe = Image.fromarray(ink.astype(np.uint8) * 255)
    half = probe.reduce(2)

    def sharpness(image: Image.Image, angle: float) -> float:
        rows = np.asarray(image.rotate(angle, resample=Image.Resampling.NEAREST)).sum(axis=1)
        return float(np.var(np.diff(rows.astype(np.float64))))

    whole = range(-int(MAX_SKEW), int(MAX_SKEW) + 1)
    best = float(max(whole, key=lambda angle: sharpness(half, angle)))
    quarters = int(1 / SKEW_STEP)
    near = [best + k * SKEW_STEP for k in range(1 - quarters, quarters)]
    best = max((a for a in near if abs(a) <= MAX_SKEW), key=lambda a: sharpness(probe, a))
    return best if abs(best) >= SKEW_STEP else 0.0


def upright(image: Image.Image, timeout: float) -> tuple[int, float]:
    """Clockwise turn and skew that make a page upright: from its ink, or, when the ink does
    not tell (little text, a page of tables), from Tesseract's OSD.

    The turn is found before the page is read: reading upright first and turning only after a
    poor read loses pages turned by 90°, which Tesseract reads as vertical text with mean
    confidence 82–92, near the 88–94 of the turned read (seed 13 fields at 150 dpi 0.820 ->
    0.806 when that was tried).
    """
    found = ink_orientation(image)
    if found is not None:
        return found
    rotation = osd_orientation(image, timeout)
    turned = image.rotate(-rotation, expand=True) if rotation else image
    return rotation, skew_angle(turned)


@dataclass(frozen=True)
class PreparedPage:
    """A page turned upright and deskewed, saved for Tesseract as an uncompressed TIFF file:
    writing PNG cost 0.1 s a page, TIFF 15 ms, PGM 9 ms, and Tesseract reads the same words
    and boxes from each, but Leptonica's PGM reader took 0.1 s more CPU a page than its TIFF
    reader (28 bench pages: 25.1 s of Tesseract CPU as PGM, the floor's PNG 22.0 s)."""

    path: Path
    rotation: int
    skew: float
    width: int
    height: int
    source_width: int
    source_height: int
    #: Regions whose stamp ink was set to paper (left, top, right, bottom in ``path``'s pixels).
    stamps: tuple[Box, ...] = ()
    #: How many specks were set to paper.
    specks: int = 0
    #: Stamps cut out to be read on their own (:mod:`pipeline.stamp_read`).
    stamp_reads: tuple[StampRead, ...] = ()


@dataclass(frozen=True)
class StampRead:
    """A stamp's own image (``path``), where it lies on the page and whether over type."""

    path: Path
    box: Box
    over_type: bool
    #: Its pigment, a mask of ``box`` (:func:`pipeline.stamp_read.stamp_pigment`).
    pigment: np.ndarray | None = field(default=None, compare=False, repr=False)
    #: Makes its image with the ink beside type kept (:data:`pipeline.stamp_read.NEAR_TYPE_REACH`),
    #: read when ``path`` shows no date beside ``Datum`` (made then only: 50 ms a stamp).
    near: Callable[[], Image.Image] | None = field(default=None, compare=False, repr=False)


def prepare_page(
    image: Image.Image,
    path: Path,
    timeout: float = DEFAULT_PAGE_TIMEOUT,
    detect_orientation: bool = True,
    median_filter: int = MEDIAN_FILTER,
    rotation: int | None = None,
    drop_stamps: bool = DROP_STAMPS,
    drop_specks: bool = DROP_SPECKS,
) -> PreparedPage:
    """Turn a page upright (by ``rotation`` clockwise, else as :func:`upright` finds), deskew
    it, take its stamps' ink off (``drop_stamps``, see :mod:`pipeline.stamp_ink`), then its
    specks (``drop_specks``, :mod:`pipeline.specks`: after the stamps, whose last grains are
    specks too) and save it to ``path``; ``detect_orientation=False`` saves it as it is
    (stamps and specks aside)."""
    image = _grey(image)
    skew: float | None = 0.0
    if not detect_orientation:
        rotation = 0
    elif rotation is None:
        rotation, skew = upright(image, timeout)
    else:
        skew = None  # measured on the turned page
    turned = image.rotate(-rotation, expand=True) if rotation else image
    if skew is None:
        skew = skew_angle(turned)
    if skew:
        # Nearest-neighbour on purpose: bicubic smoothing cost 0.19 field accuracy on the
        # 300-dpi scan set (tests/eval_scans.py); Tesseract binarises anyway.
        turned = turned.rotate(skew, expand=True, fillcolor=255)
    # Boxes stay where they are: the filter neither moves nor resizes the page.
    if median_filter > 1:
        turned = turned.filter(ImageFilter.MedianFilter(median_filter))
    stamps: tuple[Box, ...] = ()
    reads: list[StampRead] = []
    if drop_stamps:
        from pipeline.stamp_ink import find_stamps, wipe
        from pipeline.stamp_read import near_image, stamp_image, stamp_pigment

        found = find_stamps(turned)
        for k, stamp in enumerate(found[:MAX_STAMP_READS]):
            crop = path.with_name(f"{path.stem}-stamp{k}.tif")
            stamp_image(turned, stamp).save(crop, format="TIFF")
            pigment = stamp_pigment(turned, stamp)
            near = near_image(turned, stamp)
            reads.append(StampRead(crop, stamp.box, stamp.over_type, pigment, near))
        turned, wiped = wipe(turned, found)
        stamps = tuple(region.box for region in wiped)
    specks = 0
    if drop_specks:
        from pipeline.specks import remove_specks

        turned, specks = remove_specks(turned)
    if "dpi" in turned.info:
        # Tesseract estimates the resolution from the text then, as for every page of a PDF
        # and every page wiped of stamps or specks (a new image): the scan set read no worse
        # (raw WER summed over seeds 11, 13, 23 and 300/200/150 dpi 1.297 without, 1.312
        # with the resolution of each image given).
        turned = turned.copy()
        del turned.info["dpi"]
    turned.save(path, format="TIFF")  # uncompressed: see PreparedPage
    return PreparedPage(
        path, rotation, skew, turned.width, turned.height, *image.size, stamps, specks,
        tuple(reads),
    )  # fmt: skip


def ocr_page(
    image: Image.Image,
    lang: str = DEFAULT_LANG,
    timeout: float = DEFAULT_PAGE_TIMEOUT,
    detect_orientation: bool = True,
    config: str = "",
    median_filter: int = MEDIAN_FILTER,
) -> OcrPage:
    """OCR one page image into words with boxes and confidences (``config``: more Tesseract
    options, e.g. user words; ``median_filter``: see :data:`MEDIAN_FILTER`).

    Raises ``RuntimeError`` on timeout and ``pytesseract.TesseractError`` when Tesseract fails;
    the caller turns both into an empty page with a warning. :class:`PageReader` reads several.
    """
    with PageReader(lang, timeout, detect_orientation, config, median_filter) as reader:
        reader.add(image)
        page = reader.read()[0]
    if isinstance(page, Exception):
        raise page
    return page


class PageReader:
    """Reads pages in batches with one Tesseract process each (its start, 0.1 s, was a tenth
    of a page's time). :meth:`add` turns a page upright (:func:`upright`) and puts it on disk
    for Tesseract; the page as given stays in memory, in grey, until :meth:`read` (at most a
    batch of them: 8.7 MB an A4 page at 300 dpi), for a read at another turn (writing it to disk
    too cost 17 ms a page). A page that fails or times out
    (``timeout`` per page) comes back as the exception (``RuntimeError`` on timeout,
    ``pytesseract.TesseractError``), the others as pages.

    A page still read poorly (mean confidence below :data:`POOR_CONFIDENCE`) is read again at
    the other turns and the best read is kept: the safety net for a turn found wrong.
    """

    def __init__(
        self,
        lang: str = DEFAULT_LANG,
        timeout: float = DEFAULT_PAGE_TIMEOUT,
        detect_orientation: bool = True,
        config: str = "",
        median_filter: int = MEDIAN_FILTER,
        drop_stamps: bool = DROP_STAMPS,
        drop_specks: bool = DROP_SPECKS,
    ) -> None:
        self.lang, self.timeout, self.config = lang, timeout, config
        self.detect_orientation, self.median_filter = detect_orientation, median_filter
        self.drop_stamps, self.drop_specks = drop_stamps, drop_specks
        self._folder = tempfile.TemporaryDirectory(prefix="council-ocr-")
        self._pages: list[PreparedPage] = []
        self._sources: list[Image.Image] = []
        self._added = 0

    def __enter__(self) -> PageReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self._folder.cleanup()

    def __len__(self) -> int:
        return len(self._pages)

    def add(self, image: Image.Image) -> None:
        folder = Path(self._folder.name)
        self._added += 1
        grey = _grey(image)
        if self.detect_orientation:  # the caller may close its image: a grey one is copied
            self._sources.append(grey.copy() if grey is image else grey)
        image = grey
        self._pages.append(
            prepare_page(
                image,
                folder / f"{self._added}.tif",
                self.timeout,
                self.detect_orientation,
                self.median_filter,
                drop_stamps=self.drop_stamps,
                drop_specks=self.drop_specks,
            )
        )

    def read(self) -> list[OcrPage | Exception]:
        """Read the pages added since the last read, in order."""
        pages = read_prepared(self._pages, self.lang, self.timeout, self.config)
        for k, page in enumerate(pages):
            if (
                isinstance(page, OcrPage)
                and self._sources
                and page.mean_confidence < POOR_CONFIDENCE
            ):
                pages[k] = _best_turn(
                    page, self._sources[k], self._pages[k].rotation, self.lang, self.timeout,
                    self.config, self.median_filter, self.drop_stamps, self.drop_specks,
                )  # fmt: skip
        for prepared in self._pages:
            prepared.path.unlink(missing_ok=True)
            for read in prepared.stamp_reads:
                read.path.unlink(missing_ok=True)
        for source in self._sources:
            source.close()
        self._pages, self._sources = [], []
        return pages


def _best_turn(
    page: OcrPage,
    source: Image.Image,
    rotation: int,
    lang: str,
    timeout: float,
    config: str,
    median_filter: int,
    drop_stamps: bool = DROP_STAMPS,
    drop_specks: bool = DROP_SPECKS,
) -> OcrPage:
    """The best read of a poorly read page (turned by ``rotation``) among its other turns."""
    with tempfile.TemporaryDirectory(prefix="council-ocr-") as folder:
        for turn in (180, 90, 270):
            turned = (rotation + turn) % 360
            path = Path(folder) / f"{turned}.tif"
            prepared = prepare_page(
                source, path, timeout, True, median_filter, turned, drop_stamps, drop_specks
            )
            other = read_prepared([prepared], lang, timeout, config)[0]
            if isinstance(other, OcrPage) and other.mean_confidence > page.mean_confidence:
                page = other
            if page.mean_confidence >= POOR_CONFIDENCE:
                break
    return page


def read_prepared(
    pages: list[PreparedPage], lang: str, timeout: float, config: str = ""
) -> list[OcrPage | Exception]:
    """Read prepared pages, and the stamps cut out of them, in one Tesseract call (a list
    file); when that call fails or times out, each page alone, so that one bad page costs only
    itself."""
    if not pages:
        return []
    entries = [(k, None) for k in range(len(pages))] + [
        (k, read) for k, page in enumerate(pages) for read in page.stamp_reads
    ]
    paths = [pages[k].path if read is None else read.path for k, read in entries]
    if len(paths) == 1:
        source = str(paths[0])
    else:
        listing = pages[0].path.with_name(f"{pages[0].path.stem}-list.txt")
        listing.write_text("".join(f"{path}\n" for path in paths), encoding="utf-8")
        source = str(listing)
    try:
        data = image_to_data(
            source, lang, f"--psm 3 {READ_OPTIONS} {config}".strip(), timeout * len(pages)
        )
    except (RuntimeError, pytesseract.TesseractError) as exc:
        if len(pages) == 1:
            return [exc]
        return [read_prepared([page], lang, timeout, config)[0] for page in pages]
    if len(paths) > 1 and sum(int(level) == 1 for level in data["level"]) != len(paths):
        return [read_prepared([page], lang, timeout, config)[0] for page in pages]  # a page lost
    words: list[list[Word]] = [[] for _ in paths]
    for i, text in enumerate(data["text"]):
        if text and text.strip() and float(data["conf"][i]) >= 0:
            words[int(data["page_num"][i]) - 1].append(
                Word(
                    text=text.strip(),
                    left=int(data["left"][i]),
                    top=int(data["top"][i]),
                    width=int(data["width"][i]),
                    height=int(data["height"][i]),
                    confidence=float(data["conf"][i]),
                    block=int(data["block_num"][i]),
                    paragraph=int(data["par_num"][i]),
                    line=int(data["line_num"][i]),
                )
            )
    found = [attach_markers(words[k]) for k in range(len(pages))]
    read: list[list[Box]] = [[] for _ in pages]
    stamps = [
        (k, stamp, stamp_words)
        for (k, stamp), stamp_words in zip(entries[len(pages) :], words[len(pages) :], strict=True)
        if stamp is not None
    ]
    stamps = _merge_stamp_dates(stamps, found, read, lang, timeout, config)
    if READ_NAMES or READ_MARKERS or READ_ROMAN:
        found = _read_again(pages, found, lang, timeout, config)
        # a ``Datum`` label the page read lost (``ae`` at 12) and its strip read gave back
        _merge_stamp_dates(stamps, found, read, lang, timeout, config)
    return [
        OcrPage(
            found[k],
            page.rotation,
            page.skew,
            page.width,
            page.height,
            page.source_width,
            page.source_height,
            page.stamps,
            page.specks,
            tuple(read[k]),
        )
        for k, page in enumerate(pages)
    ]


def _words_of(data: dict[str, list[object]], pages: int) -> list[list[Word]]:
    """Tesseract's TSV (as a dict) as words, by page."""
    words: list[list[Word]] = [[] for _ in range(pages)]
    for i, text in enumerate(data["text"]):
        if text and str(text).strip() and float(str(data["conf"][i])) >= 0:
            words[int(str(data["page_num"][i])) - 1].append(
                Word(
                    text=str(text).strip(),
                    left=int(str(data["left"][i])),
                    top=int(str(data["top"][i])),
                    width=int(str(data["width"][i])),
                    height=int(str(data["height"][i])),
                    confidence=float(str(data["conf"][i])),
                    block=int(str(data["block_num"][i])),
                    paragraph=int(str(data["par_num"][i])),
                    line=int(str(data["line_num"][i])),
                )
            )
    return words


def _read_lines(
    paths: list[Path], listing: Path, lang: str, timeout: float, config: str, psm: int = 7
) -> list[list[Word]] | None:
    """Each image of ``paths`` read as one line (``--psm 7``; ``psm``) in one Tesseract call (a
    list file at ``listing``): its words, by image; None when the call fails or loses an image."""
    listing.write_text("".join(f"{path}\n" for path in paths), encoding="utf-8")
    try:
        data = image_to_data(
            str(listing) if len(paths) > 1 else str(paths[0]),
            lang,
            f"--psm {psm} {READ_OPTIONS} {config}".strip(),
            timeout,
        )
    except (RuntimeError, pytesseract.TesseractError):
        return None
    if sum(int(str(level)) == 1 for level in data["level"]) != len(paths):
        return None
    return _words_of(data, len(paths))


def _read_again(
    pages: list[PreparedPage], found: list[list[Word]], lang: str, timeout: float, config: str
) -> list[list[Word]]:
    """The pages' words with what the page read could not give read again from the page's
    image (opened once a page): a file reference's Roman numeral from its glyphs
    (:mod:`pipeline.roman_read`), and from strips of their own, in one more Tesseract call
    for all the strips of these pages, each strip one line (``--psm 7``), signatories' names
    a signature hid, second-column roles one struck through and a ``Kenntnisnahme``
    column's lone role (:mod:`pipeline.signature_read`), and hanging point markers
    Tesseract did not read and status headings it read without their number
    (:mod:`pipeline.marker_read`)."""
    from pipeline.marker_read import heading_strips, marker_strips
    from pipeline.roman_read import LABEL, with_roman_numerals
    from pipeline.segment_read import segment_strips
    from pipeline.signature_read import label_strips, name_strips, role_line_strips, role_strips

    found = list(found)
    pieces: list[tuple[int, SegmentStrip]] = []
    names: list[tuple[int, NameStrip]] = []
    roles: list[tuple[int, RoleStrip]] = []
    role_lines: list[tuple[int, RoleLineStrip]] = []
    labels: list[tuple[int, LabelStrip]] = []
    markers: list[tuple[int, MarkerStrip]] = []
    headings: list[tuple[int, HeadingStrip]] = []
    for k, page in enumerate(pages):
        folder, stem = page.path.parent, page.path.stem
        with Image.open(page.path) as image:
            if READ_ROMAN and any(LABEL.match(word.text) for word in found[k]):
                found[k] = with_roman_numerals(found[k], image)
            if READ_NAMES:
                names += [(k, s) for s in name_strips(found[k], image, folder, stem)]
                roles += [(k, s) for s in role_strips(found[k], image, folder, stem)]
                role_lines += [(k, s) for s in role_line_strips(found[k], image, folder, stem)]
                labels += [(k, s) for s in label_strips(found[k], image, folder, stem)]
            if READ_MARKERS:
                markers += [(k, s) for s in marker_strips(found[k], image, folder, stem)]
                headings += [(k, s) for s in heading_strips(found[k], image, folder, stem)]
            if READ_PIECES:
                pieces += [(k, s) for s in segment_strips(found[k], image, folder, stem)]
    paths = [path for _, strip in names for path in strip.paths]
    paths += [path for _, strip in roles for path in strip.paths]
    paths += [path for _, strip in role_lines for path in strip.paths]
    paths += [path for _, strip in labels for path in strip.paths]
    paths += [strip.path for _, strip in markers]
    paths += [strip.path for _, strip in headings]
    paths += [path for _, strip in pieces for path in strip.paths]
    if not paths:
        return found
    listing = pages[0].path.with_name(f"{pages[0].path.stem}-strips.txt")
    reads = _read_lines(paths, listing, lang, timeout, config)
    if reads is None:
        return found  # names and points stay as the page read them
    from pipeline.marker_read import merge_heading
    from pipeline.segment_read import READS, merge_segment
    from pipeline.signature_read import (
        NAME_READS,
        ROLE_LINE_READS,
        STRUCK_READS,
        merge_label,
        merge_name,
        merge_role,
        merge_role_line,
    )

    name_reads = reads[: NAME_READS * len(names)]
    unread = _merge_each(found, names, name_reads, merge_name, NAME_READS)
    if READ_NAME_CUTS:
        failed = [(names[n], name_reads[NAME_READS * n : NAME_READS * (n + 1)]) for n in unread]
        _read_failed_names(found, failed, lang, timeout, config)
    done = NAME_READS * len(names)
    _merge_each(
        found, roles, reads[done : done + STRUCK_READS * len(roles)], merge_role, STRUCK_READS
    )
    done += STRUCK_READS * len(roles)
    lines = reads[done : done + ROLE_LINE_READS * len(role_lines)]
    _merge_each(found, role_lines, lines, merge_role_line, ROLE_LINE_READS)
    done += ROLE_LINE_READS * len(role_lines)
    _merge_each(
        found, labels, reads[done : done + STRUCK_READS * len(labels)], merge_label, STRUCK_READS
    )
    done += STRUCK_READS * len(labels)
    _merge_markers(found, markers, reads[done : done + len(markers)])
    done += len(markers)
    _merge_each(found, headings, reads[done : done + len(headings)], _one_read(merge_heading), 1)
    done += len(headings)
    unread = _merge_each(found, pieces, reads[done:], merge_segment, READS)
    # a strip over two lines (their words in one box of noise: ``= 2 en en`` for ``An alle``
    # and ``Fraktionen sowie Mitglieder``) reads as one line no better: read as a block
    tall = [pieces[n] for n in unread if pieces[n][1].lines > 1]
    if tall:
        paths = [path for _, strip in tall for path in strip.paths]
        listing = pages[0].path.with_name(f"{pages[0].path.stem}-blocks.txt")
        blocks = _read_lines(paths, listing, lang, timeout, config, psm=6)
        if blocks is not None:
            _merge_each(found, tall, blocks, merge_segment, READS)
    return found


#: A strip of a page read again (a name's, a role's, a heading's).
Strip = TypeVar("Strip")


def _one_read(
    merge: Callable[[list[Word], Strip, list[Word]], list[Word] | None],
) -> Callable[[list[Word], Strip, list[list[Word]]], list[Word] | None]:
    """``merge`` of a strip read once, called with the list of the strip's reads."""
    return lambda words, strip, reads: merge(words, strip, reads[0])


def _merge_each(
    found: list[list[Word]],
    strips: Sequence[tuple[int, Strip]],
    reads: list[list[Word]],
    merge: Callable[[list[Word], Strip, list[list[Word]]], list[Word] | None],
    per_strip: int,
) -> list[int]:
    """Put what was read from ``strips`` (``per_strip`` reads a strip, in order) into the
    pages' words, where ``merge`` takes it; the indexes of the strips it did not take."""
    untaken = []
    for n, (k, strip) in enumerate(strips):
        merged = merge(found[k], strip, reads[per_strip * n : per_strip * (n + 1)])
        if merged is not None:
            found[k] = merged
        else:
            untaken.append(n)
    return untaken


def _read_failed_names(
    found: list[list[Word]],
    failed: list[tuple[tuple[int, NameStrip], list[list[Word]]]],
    lang: str,
    timeout: float,
    config: str,
) -> None:
    """The names of the strips no read took (``failed``: each strip with its reads) read
    again, in one more Tesseract call: from the strips without their pen lines
    (:func:`pipeline.signature_read.unlined`), put into the pages' words where
    :func:`pipeline.signature_read.merge_name` takes them with the strips' own reads, else
    from the strips cut off after them (:func:`pipeline.signature_read.name_cut`), where it
    takes them and both reads of the cut give their surnames alike."""
    from pipeline.signature_read import merge_name, name_cut, unlined

    if not failed:
        return
    again = [
        (strip, reads, unlined(strip[1]), name_cut(strip[1], reads)) for strip, reads in failed
    ]
    paths = [path for _, _, lines, cut in again for path in (*lines, *(cut.paths if cut else ()))]
    read = _read_lines(
        paths, paths[0].with_name(f"{paths[0].stem}-list.txt"), lang, timeout, config
    )
    if read is None:
        return
    for (k, strip), reads, lines, cut in again:
        without_lines, read = read[: len(lines)], read[len(lines) :]
        merged = merge_name(found[k], strip, reads + without_lines)
        if cut is not None:
            of_cut, read = read[: len(cut.paths)], read[len(cut.paths) :]
            if merged is None:
                merged = merge_name(found[k], cut, of_cut, alike=True)
        if merged is not None:
            found[k] = merged


def _merge_markers(
    found: list[list[Word]], strips: list[tuple[int, MarkerStrip]], reads: list[list[Word]]
) -> None:
    """Put the markers read from ``strips`` into the pages' words, each in sequence with the
    marker above it."""
    from pipeline.marker_read import (
        MARKER,
        MIN_MARKER_CONFIDENCE,
        infer_marker,
        marker_number,
        merge_marker,
        read_marker,
    )

    markers = [read_marker(strip, read) for (_, strip), read in zip(strips, reads, strict=True)]
    last: dict[int, int | None] = {}
    for n, (k, strip) in enumerate(strips):
        above = [
            number
            for w in found[k]
            if w.top < strip.box[1] and w.left < strip.box[2] and MARKER.match(w.text)
            and (number := marker_number(w.text)) is not None
        ]  # fmt: skip
        marker, following = markers[n], markers[n + 1] if n + 1 < len(strips) else None
        confirmed = (
            marker is not None
            and following is not None
            and strips[n + 1][0] == k
            and following.confidence >= MIN_MARKER_CONFIDENCE
            and (number := marker_number(marker.text)) is not None
            and marker_number(following.text) == number + 1
        )
        before = last.get(k, above[-1] if above else None)
        merged = merge_marker(found[k], strip, reads[n], before, confirmed)
        if merged is not None:
            assert marker is not None  # merged: the read is a marker
            number = marker_number(marker.text)
        elif marker is None and following is not None and strips[n + 1][0] == k:
            # no marker read between two in sequence but one: the one missing (2. ? 4.)
            merged = infer_marker(found[k], strip, following, before)
            number = before + 1 if before is not None else None
        if merged is not None:
            found[k] = merged
            last[k] = number if number is not None else last.get(k)


def _merge_stamp_dates(
    stamps: list[tuple[int, StampRead, list[Word]]],
    found: list[list[Word]],
    read: list[list[Box]],
    lang: str,
    timeout: float,
    config: str,
) -> list[tuple[int, StampRead, list[Word]]]:
    """Merge into the pages' words (``found``, by page) the date lines of the ``stamps``
    (page, stamp, the words of its first read) that lie beside a ``Datum`` label, read again
    when unsure (:func:`_stamps_read_again`), and note each merged stamp's box in ``read``; the
    stamps left, beside no such label."""
    from pipeline.stamp_read import merge_stamp

    dated: list[tuple[int, StampRead, list[list[Word]]]] = []
    undated: list[tuple[int, StampRead, list[Word]]] = []
    left = []
    for k, stamp, stamp_words in stamps:
        if lines := _stamp_dates(found[k], stamp, stamp_words):
            dated.append((k, stamp, lines))
        elif _undated(found[k], stamp, stamp_words):
            undated.append((k, stamp, stamp_words))
        elif not _beside_datum(found[k], stamp.box):
            left.append((k, stamp, stamp_words))
    again = [entry for entry in dated if not _sure(entry[2], CHECKED_STAMP_CONFIDENCE)]
    taken = [entry for entry in dated if _sure(entry[2], CHECKED_STAMP_CONFIDENCE)]
    for k, stamp, lines in taken + _stamps_read_again(again, lang, timeout, config, undated):
        found[k] = merge_stamp(found[k], lines, stamp.box, stamp.over_type, stamp.pigment)
        read[k].append(stamp.box)
    return left


def _stamp_dates(words: list[Word], stamp: StampRead, read: list[Word]) -> list[list[Word]]:
    """The lines of a stamp's ``read`` that show a date, however sure, when the stamp lies
    beside a ``Datum`` label among the page's ``words``; none otherwise."""
    from pipeline.stamp_read import dated, stamp_lines

    date_lines = dated(stamp_lines(read))
    return date_lines if date_lines and _beside_datum(words, stamp.box) else []


def _undated(words: list[Word], stamp: StampRead, read: list[Word]) -> bool:
    """Whether a stamp beside a ``Datum`` label among the page's ``words``, with an image
    :attr:`StampRead.near` to read again, showed no date in its ``read`` (and no receipt)."""
    from pipeline.stamp_read import RECEIPT

    return (
        stamp.near is not None
        and not any(RECEIPT.search(word.text) for word in read)
        and _beside_datum(words, stamp.box)
    )


def _contradicts(first: list[Word], date: object) -> bool:
    """Whether a stamp's first ``read`` shows a digit of the day or year of ``date`` as another
    one: its month word, then the day before it (in the word or the one before) and the year
    after it, compared from the right: the day's digits (``>9, OKT. 2017`` may be the 29th, not
    the 30th), the year's digits and their look-alikes (``01.MÄRZ 2u1i.`` is not 2012). A
    day's tens digit over 3 is a 0 misread (:data:`pipeline.dates.ZERO_ALIKE`); of two digits
    that make no day otherwise (``37.``) only the second is compared.

    >>> read = [Word("92.MÄRZ", 0, 0, 9, 9, 41.0, 1, 1, 1), Word("2016", 12, 0, 9, 9, 95.0, 1, 1, 1)]
    >>> _contradicts(read, dt.date(2016, 3, 2)), _contradicts(read, dt.date(2016, 3, 12))
    (False, True)
    """
    from pipeline.dates import YEAR_CONFUSIONS, ZERO_ALIKE, _month

    texts = [re.sub(r"[\W_]+", " ", word.text).split() for word in first]
    tokens = [token for parts in texts for token in parts]
    for k, token in enumerate(tokens):
        letters = re.sub(r"^\d+", "", token)
        if not isinstance(date, dt.date) or not letters or _month(letters.upper()) != date.month:
            continue
        day = (token[: len(token) - len(letters)] or (tokens[k - 1] if k else ""))[-2:]
        if len(day) == 2 and day[0] in ZERO_ALIKE:
            day = "0" + day[1]  # no day's tens digit is over 3 (see pipeline.dates)
        elif day.isdigit() and int(day) > 31:
            day = day[1]  # no day (``37.``): which digit is misread is not known
        year = tokens[k + 1] if k + 1 < len(tokens) else ""
        shown: tuple[tuple[str, str, dict[int, int]], ...] = (
            (day, f"{date.day:02d}", {}),  # a day's look-alikes are too loose: 'vo' for 05
            (year if len(year) == 4 else "", str(date.year), YEAR_CONFUSIONS),
        )
        for read, wanted, confusions in shown:
            for got, want in zip(
                reversed(read.translate(confusions)), reversed(wanted), strict=False
            ):
                if got.isdigit() and got != want:
                    return True
        return False
    return False


def _beside_datum(words: list[Word], box: Box) -> bool:
    left, top, right, bottom = box
    middle, reach = (top + bottom) / 2, bottom - top
    return any(
        DATUM.match(word.text)
        and word.left + word.width <= (left + right) / 2
        and abs(word.top + word.height / 2 - middle) <= reach
        for word in words
    )


def _sure(lines: list[list[Word]], confidence: float = MIN_STAMP_CONFIDENCE) -> bool:
    return all(word.confidence >= confidence for line in lines for word in line)


def _stamps_read_again(
    stamps: list[tuple[int, StampRead, list[list[Word]]]],
    lang: str,
    timeout: float,
    config: str,
    undated: list[tuple[int, StampRead, list[Word]]] | None = None,
) -> list[tuple[int, StampRead, list[list[Word]]]]:
    """Stamps beside ``Datum`` whose date lines were read below
    :data:`CHECKED_STAMP_CONFIDENCE`, read again as :func:`pipeline.stamp_read.stamp_variants`
    (one Tesseract call for all, with the near images of the ``undated`` ones, whose first read
    showed no date: see :data:`NEAR_AGREEING`); the date lines to take for each, if any. A read counts when each word of its date lines has
    :data:`MIN_STAMP_CONFIDENCE` and it shows one date. A first read under that takes the first
    read again that counts and shows its date (two reads agree, one of them sure); a first read
    that counts stays unless more reads show another date than show its own (``13.APR.`` at 88,
    ``18.APR.`` at 89 and 84 again), and goes when as many show another (``2013`` twice,
    ``2018`` twice: no date rather than a wrong one)."""
    undated = [entry for entry in undated or [] if entry[1].near is not None]
    if not stamps and not undated:
        return []
    from collections import Counter

    from pipeline.stamp_read import dated, dates_of, stamp_lines, stamp_variants

    images: list[tuple[Path, list[Image.Image]]] = []
    for _, stamp, _ in stamps:
        with Image.open(stamp.path) as image:
            images.append((stamp.path, stamp_variants(image)))
    for _, stamp, _ in undated:
        assert stamp.near is not None
        made = stamp.near()  # read itself too: unlike a stamp's first image, not yet read
        images.append(
            (stamp.path.with_name(f"{stamp.path.stem}-near"), [made, *stamp_variants(made)])
        )
    paths: list[Path] = []
    counts: list[int] = []
    for source, variants in images:
        for m, variant in enumerate(variants):
            paths.append(source.with_name(f"{source.stem}-again{m}.tif"))
            variant.save(paths[-1], format="TIFF")
        counts.append(len(variants))
    listing = paths[0].with_name(f"{paths[0].stem}-list.txt")
    reads = _read_lines(paths, listing, lang, timeout, config, psm=3)
    for path in (*paths, listing):
        path.unlink(missing_ok=True)
    if reads is None:
        return [entry for entry in stamps if _sure(entry[2])]
    taken = []
    done = 0
    counted_reads = []
    for count in counts:
        counted_reads.append(
            [
                found
                for again in reads[done : done + count]
                if (found := dated(stamp_lines(again)))
                and _sure(found)
                and len(dates_of(found)) == 1
            ]
        )
        done += count
    done = sum(counts[: len(stamps)])
    for (k, near, first_read), counted, count in zip(
        undated, counted_reads[len(stamps) :], counts[len(stamps) :], strict=True
    ):
        # every read that shows a date, however unsure, must show the same one
        shown = {
            date
            for again in reads[done : done + count]
            for date in dates_of(dated(stamp_lines(again)))
        }
        done += count
        if (
            len(counted) >= NEAR_AGREEING
            and len(shown) == 1
            and not _contradicts(first_read, next(iter(shown)))
        ):
            taken.append((k, near, counted[0]))
    for (k, stamp, lines), counted in zip(stamps, counted_reads, strict=False):
        first = dates_of(lines)
        if not _sure(lines):
            agreeing = [found for found in counted if dates_of(found) <= first]
            if agreeing:
                taken.append((k, stamp, agreeing[0]))
            continue
        votes = Counter(date for found in counted for date in dates_of(found))
        own = sum(votes[date] for date in first) + 1
        best, most = votes.most_common(1)[0] if votes else (None, 0)
        if best not in first and most > own:
            taken.append((k, stamp, next(f for f in counted if best in dates_of(f))))
        elif best in first or most < own:
            taken.append((k, stamp, lines))
        # as many reads for another date as for its own: none is taken
    return taken
