"""Roman numerals at the start of a file reference, told from digits by their glyphs' shape.

A file reference often starts with a department's Roman numeral (``GZ: II/66 116``,
``VI/43 318``), and Tesseract reads its ``I`` as ``1`` (``11/66 116``, ``V1/53 677``). No word
list tells ``11`` from ``II``; the glyphs do. A ``1`` has a flag at its top left and nothing
on the right; an ``I`` is symmetric at the top: a bare bar in a sans face, a serif on each
side in a serif face. So each ``1`` (or ``l``, ``|``) of the leading run of the word after a
file reference label is cut out of the page, and when every one of them is symmetric at the
top and the run then makes a Roman numeral, the run is written in Roman numerals; when any
of them has a flag, or the ink does not split into one piece a glyph, the word stays as read.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import regex
from PIL import Image
from scipy import ndimage

from pipeline.signature_read import otsu

if TYPE_CHECKING:
    from pipeline.ocr import Word

#: A file reference's label (the word before the reference).
LABEL = regex.compile(r"^(?:GZ|Gz|Az|AZ|Aktenzeichen|Geschäftszeichen|Zeichen)[.:]*$")
#: The leading run a Roman numeral may have been read into, before ``/``, ``.`` or ``-``.
LEADING = regex.compile(r"^(?P<run>[1Il|\\VX]{1,4})(?=[/.\-]\d)")
#: A numeral's ``V`` or ``X`` before ``I`` bars read as slashes or backslashes, the real
#: slash after them (``V//40``, ``v\\/21``, ``V1//13`` for VI/40, VI/21, VI/13).
SLASHED = regex.compile(r"^(?P<letters>[VvX]{1,3})(?P<run>[1Il|\\/]{1,3})(?=/\d)")
#: A ``V`` or ``X`` alone is at most this share of its height wide (DejaVu faces: up to 1.06;
#: a ``V`` whose serif touches the next ``I``'s, one piece: 1.44).
LETTER_WIDTH = 1.2
#: A Roman numeral up to 39.
ROMAN = regex.compile(r"^X{0,3}(?:IX|IV|V?I{0,3})$")
#: Characters a Roman ``I`` is read as (``\`` where the scan is skewed: ``V\/53``).
ONE_LIKE = "1Il|\\"
#: How far (in glyph heights) a ``1``'s flag reaches further left than anything on the right
#: at the glyph's top; an ``I``'s top reaches as far on both sides. Between the two: unsure.
FLAG_MIN, SYMMETRIC_MAX = 0.12, 0.07
#: A bar (an ``I``, serifs and all) is at most this share of its height wide; a slash's top
#: reaches this many glyph heights further right than its middle.
BAR_WIDTH, SLASH_LEAN = 0.6, 0.15
#: A glyph of the run is at least this share of the tallest glyph's height (a capital or digit).
MIN_HEIGHT_SHARE = 0.75


def top_asymmetry(glyph: np.ndarray) -> float | None:
    """How much further (in glyph heights) the glyph's top quarter reaches left of its stem
    than right of it: about 0.2 for a ``1``, about 0 for an ``I``. None for no stem."""
    height = glyph.shape[0]
    rows = [np.flatnonzero(row) for row in glyph]
    middle = [row for row in rows[height // 3 : 2 * height // 3] if row.size]
    top = [row for row in rows[: max(1, height // 4)] if row.size]
    if not middle or not top:
        return None
    centre = float(np.median([(row[0] + row[-1]) / 2 for row in middle]))
    left = max(centre - row[0] for row in top)
    right = max(row[-1] - centre for row in top)
    return float(left - right) / height


def roman_run(crop: Image.Image, run: str) -> str | None:
    """The run in Roman numerals when the crop's glyphs show each one-like character to be an
    ``I``; None when any is a ``1`` or the glyphs cannot be told."""
    found = _glyphs(crop)
    if found is None:
        return None
    pieces, labels = found
    if not set(run) - set(ONE_LIKE):
        bars = _bars_before_slash(pieces, labels)
        if bars:  # ``1/39`` for III/39: Tesseract read the three bars as one character
            return "I" * bars if ROMAN.match("I" * bars) else None
    if len(pieces) < len(run):
        return None
    roman = []
    for char, (_, box, k) in zip(run, pieces, strict=False):
        if char in "VX":
            roman.append(char)
            continue
        glyph = labels[box] == k
        height, width = glyph.shape
        if width > 0.6 * height:
            return None  # glyphs that touch: no piece is one glyph
        asymmetry = top_asymmetry(glyph)
        if asymmetry is None or asymmetry > SYMMETRIC_MAX:
            return None
        roman.append("I")
    text = "".join(roman)
    return text if ROMAN.match(text) else None


#: A glyph: its left edge, its box and its label in the label image.
Piece = tuple[int, tuple[slice, slice], int]


def _glyphs(crop: Image.Image) -> tuple[list[Piece], np.ndarray] | None:
    """The crop's ink pieces of full height, left to right, and their label image; None for
    no ink. A speck or a label's colon at the crop's edge is left out."""
    pixels = np.asarray(crop.convert("L"))
    if pixels.size == 0:
        return None
    ink = pixels <= otsu(pixels.ravel())
    labels, _ = ndimage.label(ink)
    pieces = [
        (box[1].start, box, k)
        for k, box in enumerate(ndimage.find_objects(labels), 1)
        if box is not None and (labels[box] == k).sum() >= 6
    ]
    if not pieces:
        return None
    tallest = max(box[0].stop - box[0].start for _, box, _ in pieces)
    full = [p for p in pieces if p[1][0].stop - p[1][0].start >= MIN_HEIGHT_SHARE * tallest]
    return sorted(full, key=lambda piece: piece[0]), labels


def slashed_run(crop: Image.Image, letters: str) -> str | None:
    """The numeral of a crop whose ``letters`` (``V``, ``X``) Tesseract read, then bars it read
    as slashes: the letters and as many ``I`` as bare bars stand between them and the slash
    (:func:`_bars_before_slash`); None when a letter's glyph is no wide one or no bar stands
    there."""
    found = _glyphs(crop)
    if found is None:
        return None
    pieces, labels = found
    if len(pieces) <= len(letters):
        return None
    for _, box, _ in pieces[: len(letters)]:
        height, width = box[0].stop - box[0].start, box[1].stop - box[1].start
        if not BAR_WIDTH * height < width <= LETTER_WIDTH * height:
            return None  # a bar, or a V with a bar's serif grown on (DejaVu Serif at 150 dpi)
    bars = _bars_before_slash(pieces[len(letters) :], labels)
    text = letters.upper() + "I" * bars
    return text if bars and ROMAN.match(text) else None


def _bars_before_slash(pieces: list[Piece], labels: np.ndarray) -> int:
    """How many bare bars (``I``: narrow, symmetric at the top) stand before the slash that
    follows them (leaning right at the top); 0 when another glyph comes first (a ``1``)."""
    count = 0
    for _, box, k in pieces:
        glyph = labels[box] == k
        height, width = glyph.shape
        asymmetry = top_asymmetry(glyph)
        if asymmetry is None:
            return 0
        if width <= BAR_WIDTH * height and abs(asymmetry) <= SYMMETRIC_MAX:
            count += 1
            continue
        return count if asymmetry < -SLASH_LEAN else 0
    return 0


def with_roman_numerals(words: list[Word], image: Image.Image) -> list[Word]:
    """The page's ``words`` with the Roman numeral of a file reference read back from its
    glyphs (``11/66`` → ``II/66`` when both ones are ``I``-shaped)."""
    found = list(words)
    for k, label in enumerate(words[:-1]):
        after = k + 1
        if not regex.search(r"[\p{L}\p{N}]", words[after].text) and after + 1 < len(words):
            after += 1  # a speck read as a mark between the label and the reference
        word = words[after]
        match = LEADING.match(word.text)
        slashed = SLASHED.match(word.text)
        if LABEL.match(label.text) and not match and slashed:
            roman = slashed_run(_crop(image, word), slashed.group("letters"))
            if roman is not None:
                found[after] = replace(word, text=roman + word.text[slashed.end() :])
            continue
        if not LABEL.match(label.text) or not match:
            continue
        run = match.group("run")
        if not any(char in ONE_LIKE for char in run) or (run.isalpha() and ROMAN.match(run)):
            continue  # nothing read as a digit, or read as a numeral already
        roman = roman_run(_crop(image, word), run)
        if roman is not None:
            found[after] = replace(word, text=roman + word.text[len(run) :])
    return found


def _crop(image: Image.Image, word: Word) -> Image.Image:
    pad = max(2, word.height // 5)
    box = (
        word.left - pad,
        word.top - pad,
        word.left + word.width + pad,
        word.top + word.height + pad,
    )
    return image.crop(box)
