"""Hanging point markers that Tesseract did not read, read again from a strip of their own.

A numbered point is often set with a hanging indent: ``1.`` in the margin, the point's lines
aligned right of it. Tesseract's page layout sometimes takes that narrow column of markers for
noise and reads none of it (``1.`` to ``6.`` gone, the points' texts in place), and then no
point can be told from the next. Where a paragraph's first line starts indented from the
body's left edge, nothing was read left of it and there is ink there, that ink is cut out
and read as one line (``--psm 7``); a read that is a marker (``1.``, ``2)``, ``b)``, read with
confidence) is put at the start of the line.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import regex
from PIL import Image

from pipeline.ocr import placed
from pipeline.signature_read import otsu

if TYPE_CHECKING:
    from pipeline.ocr import Box, Word

#: What a hanging marker reads as.
MARKER = regex.compile(r"^(?:\d{1,2}[.)]|[a-h]\)|\(\d{1,2}\)|\([a-h]\))$")
#: What a marker's strip may read: a marker, or a number whose stop was read as a comma,
#: semicolon or colon (``5,``: its number must follow the marker above all the same, and the
#: cleanup's marker repair puts the stop back, logged).
MARKER_READ = regex.compile(r"^(?:\d{1,2}[.),;:]|[a-h]\)|\(\d{1,2}\)|\([a-h]\))$")
#: Tesseract's confidence a marker read from its strip must reach.
MIN_MARKER_CONFIDENCE = 40.0
#: A line this many word heights right of the body's left edge is indented.
MIN_INDENT = 1.2
#: A strip needs this many ink pixels per word height (a marker's ink, not a speck).
MIN_INK_PER_HEIGHT = 3.0


@dataclass(frozen=True)
class MarkerStrip:
    """The margin left of an indented line, cut out to be read (``box`` in the page's pixels);
    ``line`` is the (block, paragraph, line) of the line it belongs to."""

    path: Path
    box: Box
    line: tuple[int, int, int]
    #: The line's first word, which the strip holds after the marker.
    first: str
    #: What the page read there: a marker read as junk (``ie``, ``.``), replaced by the read.
    covered: tuple[Word, ...] = ()


def _junk(word: Word) -> bool:
    """A marker read as junk: punctuation alone, or a short unsure token (``ie`` at 32)."""
    return not regex.search(r"[\p{L}\d]", word.text) or (
        len(word.text) <= 3 and word.confidence < MIN_MARKER_CONFIDENCE
    )


#: A word this short alone in a block of its own, where a marker stands, may be a marker
#: misread (``de`` for ``1.``): it is read again (the read must be a marker).
MAX_ALONE = 3
#: A marker the page read with a wrong mark after its number (``1-`` for ``1.``): read again.
MISREAD_MARKER = regex.compile(r"^\d{1,2}[-,:;'’]$")


def _misread(word: Word) -> bool:
    """Junk where a marker stands, or a marker read with a wrong mark after its number."""
    return _junk(word) or bool(MISREAD_MARKER.match(word.text))


def _lines(words: list[Word]) -> dict[tuple[int, int, int], list[Word]]:
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    return lines


def marker_strips(
    words: list[Word], image: Image.Image, folder: Path, stem: str
) -> list[MarkerStrip]:
    """Strips of the margin left of the first lines of indented paragraphs where no word was
    read but ink is, with the line's first word, saved in ``folder`` to be read on their own."""
    lines = _lines(words)
    if len(lines) < 5:
        return []
    height = statistics.median(word.height for word in words)
    wide = [line for line in lines.values() if sum(w.width for w in line) > 20 * height]
    if len(wide) < 3:
        return []
    body_left = float(np.percentile([line[0].left for line in wide], 10))
    gray = image.convert("L")
    strips: list[MarkerStrip] = []
    previous_bottom: float | None = None
    blocks = Counter(block for block, _, _ in lines)
    alone = {
        id(line[0])
        for (block, _, _), line in lines.items()
        if blocks[block] == 1 and len(line) == 1 and len(line[0].text) <= MAX_ALONE
    }  # a marker misread as a short word in a block of its own (de for 1.)
    for key, line in lines.items():
        text = [w for w in line if not _misread(w) and id(w) not in alone]
        if not text:
            continue  # junk alone (a marker misread in a block of its own): not a line
        # the line's middle run of letters (a tall misread or a speck stretches min and max)
        left, top = text[0].left, statistics.median(w.top for w in text)
        bottom = statistics.median(w.top + w.height for w in text)
        first_of_paragraph = previous_bottom is None or top - previous_bottom > 0.8 * height
        previous_bottom = bottom
        if not first_of_paragraph or left - body_left < MIN_INDENT * height:
            continue
        box = (
            max(0, round(body_left - 0.5 * height)),
            max(0, round(top - 0.25 * height)),
            round(text[0].left + text[0].width + 0.3 * height),
            round(bottom + 0.25 * height),
        )
        # the margin left of the line's first word, read with that word (Tesseract reads a
        # marker alone badly: "ie" for "1.", "3:" for "5.")
        margin = (box[0], box[1], round(left - 0.4 * height), box[3])
        inside = [
            w
            for w in words
            if margin[0] <= w.left + w.width / 2 <= margin[2]
            and margin[1] <= w.top + w.height / 2 <= margin[3]
        ]
        if margin[2] - margin[0] < height or not all(_misread(w) or id(w) in alone for w in inside):
            continue  # a word was read there
        crop = gray.crop(box)
        pixels = np.asarray(gray.crop(margin))
        ink = int((pixels <= otsu(pixels.ravel())).sum()) if pixels.size else 0
        if ink < MIN_INK_PER_HEIGHT * height or pixels.min() > 128:
            continue
        path = folder / f"{stem}-marker{len(strips)}.tif"
        crop.save(path, format="TIFF")
        strips.append(MarkerStrip(path, box, key, text[0].text, tuple(inside)))
    return strips


def marker_number(text: str) -> int | None:
    """The number of a numbered marker (``3.`` → 3), None for a lettered one."""
    digits = regex.sub(r"\D", "", text)
    return int(digits) if digits else None


def read_marker(strip: MarkerStrip, read: list[Word]) -> Word | None:
    """The marker of a strip's read: the read is a marker and the line's first word as the
    page read it (a speck's ``.`` aside); None otherwise. Its confidence is not judged here."""
    read = [w for w in read if regex.search(r"[\p{L}\d]", w.text)]
    if len(read) != 2 or not MARKER_READ.match(read[0].text) or read[1].text != strip.first:
        return None
    return read[0]


def merge_marker(
    words: list[Word],
    strip: MarkerStrip,
    read: list[Word],
    last: int | None,
    confirmed: bool = False,
) -> list[Word] | None:
    """The page's ``words`` with the marker read from ``strip`` put before its line's first
    word (the junk read there taken out), or None when the read is no sure marker or its
    number does not follow ``last``, the number of the marker above it (none above: 1 or 2).
    A marker read with low confidence is sure when ``confirmed``: the next strip's read is a
    sure marker with the next number (``2.`` read with confidence 3 above ``3.`` read with 95)."""
    marker = read_marker(strip, read)
    if marker is None:
        return None  # the marker and the line's first word as the page read it
    read = [marker]
    if read[0].confidence < MIN_MARKER_CONFIDENCE and not confirmed:
        return None
    number = marker_number(read[0].text)
    expected = last + 1 if last is not None else None
    if number is not None and (number != expected if expected is not None else number > 2):
        return None  # a number out of sequence ("3:" read for "5.")
    return _insert(words, strip, read[0])


#: Tesseract's confidence given to a marker inferred between its neighbours (none was read).
INFERRED_MARKER_CONFIDENCE = 30.0


def infer_marker(
    words: list[Word], strip: MarkerStrip, following: Word | None, last: int | None
) -> list[Word] | None:
    """The page's ``words`` with marker ``last + 1`` put before the line of ``strip``, whose
    read was no marker (``SssEUr`` for ``3. Für``), when the next strip of the page read the
    sure marker ``last + 2`` with the same mark after its number: ink in the margin of a
    paragraph's first line between ``2.`` and ``4.`` is ``3.``. It takes the following
    marker's size and :data:`INFERRED_MARKER_CONFIDENCE`; None when that does not hold."""
    if following is None or last is None or following.confidence < MIN_MARKER_CONFIDENCE:
        return None
    if not MARKER.match(following.text) or marker_number(following.text) != last + 2:
        return None
    marker = replace(
        following,
        text=f"{last + 1}{following.text[-1]}",
        left=round(0.5 * following.height),  # the strip starts half a height left of the body
        top=max(0, round((strip.box[3] - strip.box[1] - following.height) / 2)),
        confidence=INFERRED_MARKER_CONFIDENCE,
    )
    return _insert(words, strip, marker)


def _insert(words: list[Word], strip: MarkerStrip, marker: Word) -> list[Word] | None:
    """``words`` with ``marker`` (its box in the strip's pixels) before the first word of the
    strip's line, the junk read in the margin taken out; None when the line is gone."""
    words = [w for w in words if not any(w is c for c in strip.covered)]
    at = next(
        (k for k, w in enumerate(words) if (w.block, w.paragraph, w.line) == strip.line), None
    )
    if at is None:
        return None
    block, paragraph, line = strip.line
    marker = replace(
        marker,
        left=strip.box[0] + marker.left,
        top=strip.box[1] + marker.top,
        block=block,
        paragraph=paragraph,
        line=line,
    )
    return [*words[:at], marker, *words[at:]]


#: A status heading whose number the page read lost: ``Zu.`` (one word over ``Zu 5.``).
LOST_HEADING = regex.compile(r"^[Zz][Uu][.:,;]?$")
#: What a status heading's strip must read: ``Zu`` and a number, glued or not, whose digits
#: may be misread as look-alike letters (``Zul.``): cleanup's marker repair reads those in the
#: sequence of the letter's headings and points (pipeline.cleanup.markers).
HEADING_READ = regex.compile(r"^(?i:zu) ?[\dlIO|!]{1,2}(?:[.:,]| ?[a-h]\)|[a-h]?\))$")
#: Tesseract's confidence each word of a heading's read must reach (``Zu5.`` came with 33).
MIN_HEADING_CONFIDENCE = 30.0


@dataclass(frozen=True)
class HeadingStrip:
    """A status heading read without its number, cut out with room on its right to be read
    again (``box`` in the page's pixels)."""

    path: Path
    box: Box
    #: The page's read of the heading (``Zu.``), replaced by the strip's read.
    word: Word


def heading_strips(
    words: list[Word], image: Image.Image, folder: Path, stem: str
) -> list[HeadingStrip]:
    """Strips of the lines that hold only a status heading without a number (``Zu.``,
    specks aside), saved in ``folder`` to be read on their own."""
    if not words:
        return []
    height = statistics.median(word.height for word in words)
    strips: list[HeadingStrip] = []
    for line in _lines(words).values():
        text = [w for w in line if regex.search(r"[\p{L}\d]", w.text)]
        if len(text) != 1 or not LOST_HEADING.match(text[0].text):
            continue
        word = text[0]
        after = [w.left for w in line if w.left > word.left + word.width]
        right = min([word.left + word.width + 3 * height, *after])
        box = (
            max(0, round(word.left - 0.5 * height)),
            max(0, round(word.top - 0.3 * height)),
            min(image.width, round(right)),
            min(image.height, round(word.top + word.height + 0.3 * height)),
        )
        path = folder / f"{stem}-heading{len(strips)}.tif"
        image.convert("L").crop(box).save(path, format="TIFF")
        strips.append(HeadingStrip(path, box, word))
    return strips


def merge_heading(words: list[Word], strip: HeadingStrip, read: list[Word]) -> list[Word] | None:
    """The page's ``words`` with the heading read from ``strip`` (``Zu`` and its number) in
    place of the page's read, or None when the read is not that, or is unsure.

    >>> from pipeline.ocr import Word
    >>> page = [Word("Zu.", 100, 500, 60, 30, 26, 1, 1, 1)]
    >>> strip = HeadingStrip(Path("h.tif"), (85, 490, 250, 540), page[0])
    >>> [w.text for w in merge_heading(page, strip, [Word("Zu5.", 15, 10, 90, 30, 33, 1, 1, 1)])]
    ['Zu5.']
    >>> merge_heading(page, strip, [Word("ZU:", 15, 10, 90, 30, 80, 1, 1, 1)]) is None
    True
    """
    read = [w for w in read if regex.search(r"[\p{L}\d]", w.text)]  # a speck's "." aside
    if not read or not HEADING_READ.match(" ".join(w.text for w in read)):
        return None
    if min(w.confidence for w in read) < MIN_HEADING_CONFIDENCE:
        return None
    at = next((k for k, w in enumerate(words) if w is strip.word), None)
    if at is None:
        return None
    line = (strip.word.block, strip.word.paragraph, strip.word.line)
    return [*words[:at], *placed(read, strip.box, line), *words[at + 1 :]]
