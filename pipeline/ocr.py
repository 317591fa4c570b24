"""Tesseract, wrapped in one place: availability checks, orientation, word-level OCR.

Every call runs one page with a timeout; Tesseract is limited to one thread
(``OMP_THREAD_LIMIT=1``) so parallel workers do not fight over cores.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache

from PIL import Image, ImageFilter

from pipeline.errors import MissingDependencyError

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
#: Side of the median filter a page goes through before Tesseract reads it (0: none). A 3×3
#: filter takes out speckle and JPEG ringing: on the scan set (tests/eval_scans.py) raw WER
#: 0.167/0.175/0.209 -> 0.148/0.168/0.168 and fields 0.797/0.753/0.734 -> 0.848/0.791/0.804
#: at 300/200/150 dpi (seed 11), fields 0.806/0.789/0.806 -> 0.844/0.857/0.820 (seed 13;
#: status 0.957 -> 0.870 at 200 dpi on seed 11, 0.957 -> 0.935 at 300 dpi on seed 13). Off
#: by default for now: on the clean rendered page of tests/test_layout.py it turns A0404/11
#: into AO404/11. Tesseract's Sauvola binarisation (``-c thresholding_method=2``) and user
#: words / patterns (tests/eval_user_words.py) did not help.
MEDIAN_FILTER = 0


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
        for word in self.words:
            par = (word.block, word.paragraph)
            line = (word.block, word.paragraph, word.line)
            if line != last_line:
                if last_line is not None:
                    parts.append("\n\n" if par != last_par else "\n")
                    length += len(parts[-1])
            else:
                assert previous is not None
                gap = word.left - (previous.left + previous.width)
                parts.append("\t" if gap > COLUMN_GAP * heights[line] else " ")
                length += 1
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
        corners: list[tuple[float, float]] = [
            (word.left, word.top),
            (word.left + word.width, word.top),
            (word.left, word.top + word.height),
            (word.left + word.width, word.top + word.height),
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


def _rotation_matrix(
    size: tuple[int, int], angle: float
) -> tuple[tuple[float, ...], tuple[int, int]]:
    """The affine map from output to input pixels of ``Image.rotate(angle, expand=True)`` on an
    image of ``size``, and the output size (the same arithmetic as Pillow)."""
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


#: Orientation detection reads the page scaled down to at most this many pixels on its long
#: side (an A4 page at about 145 dpi): OSD is a full Tesseract pass, and at 300 dpi it cost
#: 0.71 s of a page's 1.85 s CPU (tests/bench_pages.py); at half size it took 0.50 s and found
#: the same turn on all 28 pages of the bench set.
OSD_MAX_SIDE = 1700


def orientation(image: Image.Image, timeout: float) -> int:
    """Clockwise rotation (0/90/180/270) that makes the page upright, 0 when unsure."""
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


#: Skew angles tried (degrees); scans are rarely more than a few degrees off.
MAX_SKEW = 5.0
SKEW_STEP = 0.25
#: Width the page is scaled to for skew detection (speed; text lines stay resolvable).
SKEW_PROBE_WIDTH = 800


def skew_angle(image: Image.Image) -> float:
    """Angle (degrees, counter-clockwise) that makes the text lines horizontal.

    Projection profile: rotated the right way, the row sums of ink are most uneven (lines and
    gaps alternate sharply). 0.0 for pages without enough ink to tell.
    """
    import numpy as np

    gray = image.convert("L")
    scale = SKEW_PROBE_WIDTH / max(1, gray.width)
    small = gray.resize((SKEW_PROBE_WIDTH, max(1, round(gray.height * scale))))
    ink = (np.asarray(small) < 128).astype(np.float32)
    if ink.mean() < 0.002:
        return 0.0
    probe = Image.fromarray((ink * 255).astype(np.uint8))

    def sharpness(angle: float) -> float:
        rows = np.asarray(probe.rotate(angle, resample=Image.Resampling.NEAREST)).sum(axis=1)
        return float(np.var(np.diff(rows.astype(np.float64))))

    steps = int(MAX_SKEW / SKEW_STEP)
    angles = [k * SKEW_STEP for k in range(-steps, steps + 1)]
    scores = [sharpness(a) for a in angles]
    best = angles[int(np.argmax(scores))]
    return best if abs(best) >= SKEW_STEP else 0.0


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

    OSD turns the page first. Reading upright first and asking OSD only after a poor read is
    faster (seed 11: 13 pages at 300 dpi in 68 s instead of 108 s) but loses pages turned by
    90°: Tesseract reads them as vertical text with mean confidence 82–92, near the 88–94 of
    the turned read, so no confidence threshold tells them apart (seed 13 fields at 150 dpi
    0.820 -> 0.806).

    Raises ``RuntimeError`` on timeout and ``pytesseract.TesseractError`` when Tesseract fails;
    the caller turns both into an empty page with a warning.
    """
    image = image.convert("L")
    source_size = image.size

    def read(rotation: int) -> OcrPage:
        return _read_turned(
            image, rotation, lang, timeout, detect_orientation, config, median_filter
        )

    rotation = orientation(image, timeout) if detect_orientation else 0
    page = read(rotation)
    if detect_orientation and page.mean_confidence < POOR_CONFIDENCE:
        # OSD can miss an upside-down page at low resolution: read it turned, keep the best.
        for turn in (180, 90, 270):
            other = read((rotation + turn) % 360)
            if other.mean_confidence > page.mean_confidence:
                page = other
            if page.mean_confidence >= POOR_CONFIDENCE:
                break
    page.source_width, page.source_height = source_size
    return page


def _read_turned(
    image: Image.Image,
    rotation: int,
    lang: str,
    timeout: float,
    deskew: bool,
    config: str = "",
    median_filter: int = 0,
) -> OcrPage:
    if rotation:
        # OSD says how far to turn clockwise; PIL rotates counter-clockwise.
        image = image.rotate(-rotation, expand=True)
    skew = skew_angle(image) if deskew else 0.0
    if skew:
        # Nearest-neighbour on purpose: bicubic smoothing cost 0.19 field accuracy on the
        # 300-dpi scan set (tests/eval_scans.py); Tesseract binarises anyway.
        image = image.rotate(skew, expand=True, fillcolor=255)
    # Boxes stay where they are: the filter neither moves nor resizes the page.
    read = image.filter(ImageFilter.MedianFilter(median_filter)) if median_filter > 1 else image
    data = pytesseract.image_to_data(
        read,
        lang=lang,
        config=f"--psm 3 {config}".strip(),
        output_type=pytesseract.Output.DICT,
        timeout=timeout,
    )
    words = [
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
        for i, text in enumerate(data["text"])
        if text and text.strip() and float(data["conf"][i]) >= 0
    ]
    return OcrPage(words, rotation, skew, image.width, image.height)
