"""Signatories' names under a signature, read again from a strip of their own.

A signature drawn over the typed name below it joins the name's letters to its strokes, and
Tesseract's page layout then reads the two as one block of noise (``IL RE >``, ``U``): the
name is lost while the role below it reads well. The strip of one line height above a role
that stands in a signature block (below ``Mit freundlichen Grüßen`` or ``Kenntnisnahme``),
as wide as a name and no wider than its column, is read again as one line; what it reads
replaces the noise only when it is a name (two or three capitalised words, each read with
confidence) and nothing that looks like a name stood there.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import regex
from PIL import Image, ImageDraw, ImageFilter, ImageOps
from scipy import ndimage

from pipeline.lexicon import (
    first_names,
    function_words,
    known_first_names,
    one_edit_apart,
    seen_words,
)
from pipeline.ocr import placed

if TYPE_CHECKING:
    from pipeline.ocr import Box, Word

#: Words that open a signature block.
GREETING = regex.compile(r"^(?:Grüßen|Grüße|Kenntnisnahme:?)$")
#: The first word of a role line (see models/src/roles.txt).
ROLE_HEAD = regex.compile(
    r"^(?:(?:Oberb|B)ürgermeister(?:in)?|Beigeordnete[r]?|Erste[r]?|Dezernent(?:in)?"
    r"|(?:Stadt)?[Kk]ämmerer(?:in)?|Landrat|Landrätin|Stadträtin|Ortsvorsteher(?:in)?"
    r"|\p{Lu}\p{Ll}*leiter(?:in)?|Leiter(?:in)?|(?:\p{Lu}\p{Ll}+)?beauftragte[r]?)$"
)
#: A word of a name: capitalised letters with a vowel, a hyphenated first or last name too
#: ("Zu", "Sch": what a signature left of a name).
NAME_WORD = regex.compile(r"^(?=\p{L}*[aeiouyäöüAEIOUYÄÖÜ])\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?$")
#: Tesseract's confidence each word of a name read from its strip must reach; after a
#: common first name, a surname seen in German text needs less (the scan set's surnames under
#: a stroke read correctly at 65-71, misread ones at 58 and below, and not as seen words).
MIN_NAME_CONFIDENCE = 80.0
MIN_SURNAME_CONFIDENCE = 60.0
UMLAUT_OF = {"a": "ä", "o": "ö", "u": "ü"}
#: Umlauts without their dots (a stroke adds dots or takes them off).
UNDOTTED = str.maketrans("äöüÄÖÜ", "aouAOU")
#: Closed-class words that are no surname either (not in function_words.txt, whose words the
#: cleanup lowers when read with a capital inside a line: ``Flurstücken Wer Flur`` stays).
INTERROGATIVES = frozenset({"wer", "wem", "wen", "wessen"})
#: When two reads of a strip give first names a letter apart (``Birgit``, ``Birgt``), the
#: surname they read alike must reach this confidence in one of them: a stroke's noise read
#: as the same word twice at 0 is chance (``Anja``/``Ania`` ``Nische`` for Nitzsche).
MIN_FUZZY_SURNAME_CONFIDENCE = 30.0
#: A first name and a surname read as one word (``HeikeLehmann``), or with a speck of the
#: stroke between them read as a mark (``Bernd.Brückner``, ``Bernd-Krüger``: no double first
#: name when the second is no first name either).
GLUED_NAME = regex.compile(
    r"^(?P<first>\p{Lu}\p{Ll}{2,})(?P<mark>[.,·'’-]?)(?P<last>\p{Lu}\p{Ll}{2,})$"
)
#: Marks a scribble leaves glued after a name's last word (``Brückner“``, ``Werdt>``).
SCRIBBLE_MARKS = "\"'“”„‘’>‹›»«<_—–-.,:;"
#: The strip reaches this many word heights above the line before the role's top and ends
#: this many above the role.
STRIP_MARGIN, STRIP_BELOW = 0.25, 0.1
#: A strip with fewer ink pixels is read as it is.
MIN_INK_PIXELS = 50
#: A name is at most this many word heights wide (about 30 letters).
STRIP_WIDTH = 16.0


@dataclass(frozen=True)
class NameStrip:
    """A strip above a role, cut out to be read on its own (``box`` in the page's pixels):
    as it is, with its lighter ink taken off, with its thin strokes taken off, and as it is
    in a margin of paper (``paths``, :data:`NAME_READS` of them). When no read gives a name,
    the first two images are read again without their pen lines (:func:`unlined`)."""

    paths: tuple[Path, ...]
    box: Box
    #: The page read a name-shaped pair here, not surely (``Matthias Köhier`` at 60, ``Thomas
    #: Schül`` at 92 with a surname German text never has): a name read from the strip
    #: replaces it only when its surnames are words seen in German text (a stroke that made
    #: the page read ``Köhier`` may make the strip's reads do so surely).
    over_name: bool = False
    #: The paper around the last read's image (pixels a side).
    margin: int = 0
    #: The page's word height (pixels).
    height: float = 0.0


#: Reads of a name strip (:class:`NameStrip`) ...
NAME_READS = 4
#: ... of which these first ones vote on its name (:func:`agreed_name`, :func:`voted_name`);
#: the last is the strip in a margin of paper (:data:`NAME_MARGIN`), which only offers a name
#: read surely (:func:`name_words`): it shows the pixels of the first, and agreeing with it
#: backs a name no more than the first read does alone.
VOTING_READS = 3
#: The read of the strip in its margin of paper (its words are moved by the margin).
MARGIN_READ = 3
#: Reads after the strip's own (from :data:`NAME_READS` on) are of the strip without its pen
#: lines (:func:`unlined`); they too only offer a name read surely, and only when no other
#: read gives one (:func:`merge_name`).
UNLINED_READ = NAME_READS
#: Reads of a role line's strip (:class:`RoleLineStrip`).
ROLE_LINE_READS = 3
#: The margin of paper around a name strip's last read, in word heights: a name whose
#: ascenders touch the strip's top edge (``Katrin Hübner`` read ``Hühner`` at 11, ``Anja
#: Köhler`` as ``Anjaköller`` at 29) reads surely in it (``Hübner`` at 77, ``Köhler`` at 83).
NAME_MARGIN = 0.25
#: A pen's stroke is thinner than type's: an opening by a square this share of the word
#: height (odd, 3 pixels at least; 5 at 300 dpi) takes it off and leaves the letters.
THIN_STROKE = 1 / 14


def otsu(values: np.ndarray) -> int:
    histogram = np.bincount(values.ravel(), minlength=256).astype(np.float64)
    below = np.cumsum(histogram)
    mass = np.cumsum(histogram * np.arange(256))
    above = below[-1] - below
    spread = (
        below
        * above
        * (mass / np.maximum(below, 1) - (mass[-1] - mass) / np.maximum(above, 1)) ** 2
    )
    return int(np.argmax(spread))


def darkest_ink(image: Image.Image) -> Image.Image:
    """The strip with only its darkest ink: Otsu's threshold splits ink from paper, and a
    second one the ink into type and a lighter pen (a signature in ink over a typed name)."""
    pixels = np.asarray(image)
    ink = pixels[pixels <= otsu(pixels)]
    if ink.size < MIN_INK_PIXELS:
        return image
    kept = pixels.copy()
    kept[pixels > otsu(ink)] = 255
    return Image.fromarray(kept)


def without_thin_strokes(image: Image.Image, height: float) -> Image.Image:
    """The strip with its dark strokes thinner than type's taken off: a grey opening (the
    darkest pixel of a square made light where any of the square is, then back) by a square
    of :data:`THIN_STROKE` word heights. A signature's pen line drawn through a typed name
    goes, the letters' stems stay (seeds 13, 23: ``Stefan Wendt``, ``Grit Dietze`` read at
    92-96 after it, not at all before).

    >>> from PIL import ImageDraw
    >>> strip = Image.new("L", (120, 60), 255)
    >>> ImageDraw.Draw(strip).rectangle((20, 10, 27, 50), fill=0)  # a stem 8 pixels wide
    >>> ImageDraw.Draw(strip).line((0, 30, 119, 30), fill=0, width=2)  # a pen line
    >>> pixels = np.asarray(without_thin_strokes(strip, 36))
    >>> int(pixels[30, 60]), int(pixels[30, 23])
    (255, 0)
    """
    size = 2 * int(height * THIN_STROKE) + 1
    size = max(3, size)
    return image.filter(ImageFilter.MaxFilter(size)).filter(ImageFilter.MinFilter(size))


#: A pen line runs straight for at least this many word heights (a signature's long stroke
#: through a name; no letter of type has a straight run that long outside its stems) ...
PEN_LINE = 1.0
#: ... in one of these directions (degrees from the horizontal; steeper lines are stems).
PEN_ANGLES = tuple(range(-45, 46, 5))
#: Ink in a vertical run longer than this many word heights is a stem a pen line crosses:
#: it stays.
STEM_RUN = 0.3


def _line(length: float, angle: int) -> np.ndarray:
    """A straight line of ``length`` pixels at ``angle`` degrees, centred in a boolean
    array: a structuring element for :func:`without_pen_lines`."""
    dx = length / 2 * np.cos(np.radians(angle))
    dy = length / 2 * np.sin(np.radians(angle))
    width, height = 2 * int(abs(dx)) + 1, 2 * int(abs(dy)) + 1
    line = Image.new("1", (width, height), 0)
    cx, cy = width // 2, height // 2
    ImageDraw.Draw(line).line((cx - dx, cy - dy, cx + dx, cy + dy), fill=1, width=1)
    return np.asarray(line, dtype=bool)


def vertical_runs(ink: np.ndarray) -> np.ndarray:
    """The length of the vertical run of ink each pixel of ``ink`` lies in (0 on paper).

    >>> vertical_runs(np.array([[1, 0], [1, 1], [0, 1], [1, 1]], dtype=bool)).tolist()
    [[2, 0], [2, 3], [0, 3], [1, 3]]
    """
    labels, count = ndimage.label(ink, structure=[[0, 1, 0], [0, 1, 0], [0, 1, 0]])
    sizes = np.bincount(labels.ravel(), minlength=count + 1)
    sizes[0] = 0
    return sizes[labels]


def _dilate_into(out: np.ndarray, seeds: np.ndarray, structure: np.ndarray) -> None:
    """``out |= binary_dilation(seeds, structure)``, worked out only around the seeds' ink: a
    dilation costs as much for every pixel of the strip, and the ink an erosion by a pen
    line leaves is a few strokes or none.

    >>> seeds = np.zeros((9, 12), dtype=bool)
    >>> seeds[4, 6] = True
    >>> out = np.zeros_like(seeds)
    >>> _dilate_into(out, seeds, np.ones((1, 5), dtype=bool))
    >>> bool((out == ndimage.binary_dilation(seeds, np.ones((1, 5), dtype=bool))).all())
    True
    """
    ys, xs = np.nonzero(seeds)
    if not ys.size:
        return
    height, width = structure.shape
    top, bottom = max(0, ys.min() - height), ys.max() + height + 1
    left, right = max(0, xs.min() - width), xs.max() + width + 1
    out[top:bottom, left:right] |= ndimage.binary_dilation(
        seeds[top:bottom, left:right], structure=structure
    )


def without_pen_lines(image: Image.Image, height: float) -> Image.Image:
    """The strip with the straight stretches of pen lines through it set to paper: ink on a
    straight line of :data:`PEN_LINE` word heights in one of :data:`PEN_ANGLES` (a binary
    opening by each line; type has none that long), and its edge pixels, unless it lies in
    a stem (a vertical run of :data:`STEM_RUN` word heights). A signature's stroke drawn
    along a typed name joins its letters (``Andreässäfertt`` at 16, ``Ändreässeifert`` at
    44 for ``Andreas Seifert``, seed 11); without it the name reads at 87 and 61.

    >>> from PIL import ImageDraw
    >>> strip = Image.new("L", (160, 60), 255)
    >>> ImageDraw.Draw(strip).rectangle((20, 10, 25, 50), fill=0)  # a stem
    >>> ImageDraw.Draw(strip).rectangle((60, 25, 75, 40), fill=0)  # a letter's blot
    >>> ImageDraw.Draw(strip).line((0, 30, 159, 38), fill=0, width=3)  # a pen line
    >>> pixels = np.asarray(without_pen_lines(strip, 36))
    >>> int(pixels[36, 120]), int(pixels[31, 22]), int(pixels[33, 67]), int(pixels[:, 80:].min())
    (255, 0, 0, 255)
    """
    pixels = np.asarray(image.convert("L"))
    ink = pixels <= otsu(pixels)
    lines = np.zeros_like(ink)
    for angle in PEN_ANGLES:
        # an opening: erosion, then dilation of what is left, most often nothing
        line = _line(PEN_LINE * height, angle)
        _dilate_into(lines, ndimage.binary_erosion(ink, structure=line), line)
    pen = ndimage.binary_dilation(lines) & ink & (vertical_runs(ink) <= STEM_RUN * height)
    # the line's grey edge goes with it, not the ink of type beside it
    kept = pixels.copy()
    kept[ndimage.binary_dilation(pen) & ~(ink & ~pen)] = 255
    return Image.fromarray(kept)


def _center_in(word: Word, box: Box) -> bool:
    x, y = word.left + word.width / 2, word.top + word.height / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


#: A step between two lines of a paragraph longer than this many word heights spans a blank
#: line (Tesseract may hold a greeting and the line after a signature's space in one
#: paragraph): no line pitch.
MAX_PITCH = 2.0


def line_pitch(words: list[Word]) -> float | None:
    """The median distance between the tops of consecutive lines of a paragraph, steps across
    a blank line (:data:`MAX_PITCH`) left out."""
    if not words:
        return None
    height = statistics.median(word.height for word in words)
    tops: dict[tuple[int, int, int], int] = {}
    for word in words:
        key = (word.block, word.paragraph, word.line)
        tops[key] = min(tops.get(key, word.top), word.top)
    keys = sorted(tops)
    steps = [
        tops[b] - tops[a]
        for a, b in itertools.pairwise(keys)
        if a[:2] == b[:2] and 0 < tops[b] - tops[a] <= MAX_PITCH * height
    ]
    return statistics.median(steps) if steps else None


def name_words(words: list[Word], surest: dict[str, float] | None = None) -> list[Word]:
    """The name a strip reads: its leading two or three capitalised words (marks of scribble
    glued after one taken off), each read with :data:`MIN_NAME_CONFIDENCE`, or after a
    common first name so read, each a word seen in German text (:func:`seen_words`) read with
    :data:`MIN_SURNAME_CONFIDENCE` (a stroke through a surname costs it confidence, not its
    letters); what follows them is left out. None when the strip starts otherwise.
    ``surest``: the first names' highest confidence in any read of the strip; a first name
    sure only in another read makes the rest pass as surnames.

    >>> from pipeline.ocr import Word
    >>> read = [Word(t, 0, 0, 9, 9, c, 1, 1, 1) for t, c in (("Frank", 93), ("Krüger", 91), ("j", 30))]
    >>> [w.text for w in name_words(read)], name_words(read[:1] + [read[2]])
    (['Frank', 'Krüger'], [])
    """
    name = _leading_names(words)
    if len(name) < 2:
        return []
    name[0] = replace(name[0], text=_listed_first_name(name[0].text))
    if max(name[0].confidence, (surest or {}).get(name[0].text, 0.0)) < MIN_NAME_CONFIDENCE:
        return []
    sure_first = name[0].confidence >= MIN_NAME_CONFIDENCE
    if sure_first and all(word.confidence >= MIN_NAME_CONFIDENCE for word in name[1:]):
        return name
    if name[0].text not in first_names():
        return []
    for word in name[1:]:
        if word.confidence < MIN_SURNAME_CONFIDENCE or not _seen_unambiguous(word.text):
            return []
    return name


def _listed_first_name(word: str) -> str:
    """``word``, or the common first name it is with one umlaut's dots added or taken off,
    when exactly one is (``Andreäs``: Andreas; ``Jorg``: Jörg): a signature's stroke adds
    dots or takes them off.

    >>> _listed_first_name("Andreäs"), _listed_first_name("Jorg"), _listed_first_name("Uwe")
    ('Andreas', 'Jörg', 'Uwe')
    """
    if word in first_names():
        return word
    plain = {vowel: plain for plain, vowel in UMLAUT_OF.items()}
    swaps = {**UMLAUT_OF, **plain}
    near = {
        word[:k] + swaps[ch] + word[k + 1 :] for k, ch in enumerate(word) if ch in swaps
    } & first_names().keys()
    return near.pop() if len(near) == 1 else word


def _leading_names(words: list[Word]) -> list[Word]:
    """The leading run of up to three capitalised words of a strip's read (marks of scribble
    glued after one taken off); none when a role starts there."""
    name: list[Word] = []
    for word in _unglued(words):
        text = word.text.rstrip(SCRIBBLE_MARKS)
        if len(name) == 3 or not NAME_WORD.match(text):
            break
        if ROLE_HEAD.match(text):
            return []
        name.append(replace(word, text=text))
    return name


def _unglued(words: list[Word]) -> list[Word]:
    """``words`` with a common first name and the word glued to it split in two
    (``HeikeLehmann``: the space between them lost under a stroke), each with a share of the
    box as wide as its letters."""
    split: list[Word] = []
    for word in words:
        glued = GLUED_NAME.match(word.text.rstrip(SCRIBBLE_MARKS))
        if (
            not glued
            or glued["first"] not in first_names()
            or (glued["mark"] == "-" and glued["last"] in first_names())  # Anna-Lena
        ):
            split.append(word)
            continue
        cut = round(word.width * len(glued["first"]) / len(word.text))
        split.append(replace(word, text=glued["first"], width=cut))
        rest = word.text[len(glued["first"]) + len(glued["mark"]) :]
        split.append(replace(word, text=rest, left=word.left + cut, width=word.width - cut))
    return split


def _capitalised(word: Word) -> Word:
    """``word`` with its lower-case first letter read for a capital (``susanne``, ``vogt``)."""
    text = word.text
    if text[:1].islower() and NAME_WORD.match(text[:1].upper() + text[1:].rstrip(SCRIBBLE_MARKS)):
        return replace(word, text=text[:1].upper() + text[1:])
    return word


def agreed_name(reads: list[list[Word]]) -> list[Word]:
    """The name every read of a strip (the strip binarised two ways) gives alike, whatever
    their confidence, when it is a common first name and surnames seen in German text (not
    also with an umlaut): a stroke through a name costs it confidence in every read, but two
    reads of different pixels rarely make the same wrong name. The first names may differ by
    a letter when one of them is a common first name (``Birgit``, ``Birgt``) and the surname
    was read with :data:`MIN_FUZZY_SURNAME_CONFIDENCE` once; a first letter read in lower case
    counts as the capital. The surer read's words; none when the reads differ otherwise.

    >>> from pipeline.ocr import Word
    >>> def read(*words): return [Word(t, 0, 0, 9, 9, c, 1, 1, 1) for t, c in words]
    >>> [w.text for w in agreed_name([read(("Frank", 91), ("Seifert", 33)),
    ...                               read(("Frank", 84), ("Seifert”", 49))])]
    ['Frank', 'Seifert']
    >>> agreed_name([read(("Jörg", 91), ("Wendb", 31)), read(("Jörg", 96), ("Wende", 49))])
    []
    """
    names = [_leading_names([_capitalised(word) for word in read]) for read in reads]
    if len(names) < 2 or any(len(name) < 2 for name in names):
        return []
    rests = {tuple(word.text for word in name[1:]) for name in names}
    firsts = {name[0].text for name in names}
    known = firsts & first_names().keys()
    if len(rests) != 1 or len(known) != 1:
        return []
    first = known.pop()
    if not all(_seen_unambiguous(word) for word in rests.pop()):
        return []
    if len(firsts) > 1 and (
        not all(text == first or one_edit_apart(text, first) for text in firsts)
        or any(
            max(name[k].confidence for name in names) < MIN_FUZZY_SURNAME_CONFIDENCE
            for k in range(1, len(names[0]))
        )
    ):
        return []  # first names more than a letter apart, or the surname never read surely
    surest = max(names, key=lambda name: min(word.confidence for word in name))
    return [replace(surest[0], text=first), *surest[1:]]


def voted_name(reads: list[list[Word]]) -> list[Word]:
    """The name most reads of a strip give word by word: each word read alike by two reads or
    more (``abine Dietze``, ``Sabine Dietzen.``, ``Sabine Dietze``: a stroke through one
    letter falls on another word in each read), when it is a common first name and surnames
    seen in German text (not also with an umlaut), each surname read with
    :data:`MIN_FUZZY_SURNAME_CONFIDENCE` once. The surest read of each word; none otherwise.

    >>> from pipeline.ocr import Word
    >>> def read(*words): return [Word(t, 0, 0, 9, 9, c, 1, 1, 1) for t, c in words]
    >>> [w.text for w in voted_name([read(("abine", 81), ("Dietze", 96)),
    ...                              read(("Sabine", 92), ("Dietzen.", 0)),
    ...                              read(("Sabine", 46), ("Dietze", 29))])]
    ['Sabine', 'Dietze']
    >>> voted_name([read(("Kerstin", 95), ("Schutze", 48)), read(("Kerstin", 96), ("Schutze", 10))])
    []
    """
    names = [_leading_names([_capitalised(word) for word in read]) for read in reads]
    voted: list[Word] = []
    for k in range(3):
        words = [name[k] for name in names if len(name) > k]
        counts = Counter(word.text for word in words)
        text, votes = counts.most_common(1)[0] if counts else ("", 0)
        if not k and (votes < 2 or text not in first_names()):
            first = _voted_first_name(words)
            if first is None:
                return []
            voted.append(first)
            continue
        if votes < 2 or list(counts.values()).count(votes) > 1:
            break
        voted.append(max((w for w in words if w.text == text), key=lambda w: w.confidence))
    if (
        len(voted) == 1
        and sum(bool(name) and name[0].text == voted[0].text for name in names) >= SURE_FIRST_VOTES
        and (surname := _sure_surname([name[1:2] for name in names]))
    ):
        voted.append(surname)
    if len(voted) < 2 or voted[0].text not in first_names():
        return []
    for word in voted[1:]:
        if word.confidence < MIN_FUZZY_SURNAME_CONFIDENCE or not _seen_unambiguous(word.text):
            return []
    return voted


#: Reads that must give a first name alike for one read's sure surname to complete it.
SURE_FIRST_VOTES = 3


def _sure_surname(reads: list[list[Word]]) -> Word | None:
    """The surname one read of a strip gives surely (:data:`MIN_NAME_CONFIDENCE`, a word seen
    in German text) when all three reads give the first name alike (``Bernd``, none surely)
    but not the surname (``Krüdger``, ``Krüger`` at 95, ``Krüdjer``): no other read gives
    another word seen in German text with :data:`MIN_FUZZY_SURNAME_CONFIDENCE`.

    >>> from pipeline.ocr import Word
    >>> def read(text, confidence): return [Word(text, 0, 0, 9, 9, confidence, 1, 1, 1)]
    >>> _sure_surname([read("Krüdger", 42), read("Krüger", 95), read("Krüdjer", 21)]).text
    'Krüger'
    >>> _sure_surname([read("Krüger", 95), read("Köhler", 30)]), _sure_surname([read("Krüger", 70)])
    (None, None)
    """
    words = [read[0] for read in reads if read]
    sure = {
        word.text
        for word in words
        if word.confidence >= MIN_NAME_CONFIDENCE and _seen_unambiguous(word.text)
    }
    if len(sure) != 1:
        return None
    text = sure.pop()
    if any(
        word.text != text
        and word.confidence >= MIN_FUZZY_SURNAME_CONFIDENCE
        and word.text.casefold() in seen_words()
        for word in words
    ):
        return None  # another read gives another name
    return max((word for word in words if word.text == text), key=lambda word: word.confidence)


def _voted_first_name(words: list[Word]) -> Word | None:
    """The common first name the first words of a strip's reads give when no two read it
    alike: each word counts for the common first name it is or is one letter from, umlauts'
    dots set aside (``Srit``, ``Srit``, ``Gril``: Grit; ``Ändreas``, ``Änidreas``: Andreas; a
    stroke through one letter). Of the names two words at least count for, the one read
    exactly most often wins, then the one most words count for; a tie gives none (``Uke``,
    ``Uke``: Ute or Uwe), and so does a word it would mend that is a first name of its own
    (``Catrin``, met in Germany, stays no Katrin). The surest of the words that count, with
    the name's text.

    >>> from pipeline.ocr import Word
    >>> def read(*texts): return [Word(t, 0, 0, 9, 9, c, 1, 1, 1) for t, c in texts]
    >>> _voted_first_name(read(("Srit", 87), ("Srit", 80), ("Gril", 19))).text
    'Grit'
    >>> _voted_first_name(read(("Mattnas", 9), ("Matthias", 53), ("Mattrias", 0))).text
    'Matthias'
    >>> _voted_first_name(read(("Ändreas", 56), ("Änidreas", 36), ("Änäreas", 74))).text
    'Andreas'
    >>> _voted_first_name(read(("Uke", 60), ("Uke", 70))), _voted_first_name(read(("Catrin", 50), ("Katrin", 30)))
    (None, None)
    """
    texts = [_listed_first_name(word.text) for word in words]

    def counted(name: str, text: str) -> bool:
        plain, read = name.translate(UNDOTTED), text.translate(UNDOTTED)
        return plain == read or one_edit_apart(read, plain)

    scores = {
        name: (texts.count(name), sum(counted(name, text) for text in texts))
        for name in first_names()
        if any(counted(name, text) for text in texts)
    }
    if not scores:
        return None
    best = max(scores.values())
    winners = [name for name, score in scores.items() if score == best]
    if best[1] < 2 or len(winners) != 1:
        return None
    name = winners[0]
    mended = [text for text in texts if text != name and counted(name, text)]
    if any(text in known_first_names() for text in mended):
        return None
    surest = max(
        (word for word, text in zip(words, texts, strict=True) if counted(name, text)),
        key=lambda word: word.confidence,
    )
    return replace(surest, text=name)


def _surest_first(reads: list[list[Word]]) -> dict[str, float]:
    """The highest confidence any read of a strip gave each first name (``Andreas`` 83 in one
    read, 36 before ``Dietze`` 94 in the other: the stroke fell differently on the two
    binarisations)."""
    surest: dict[str, float] = {}
    for read in reads:
        if lead := _leading_names(read):
            surest[lead[0].text] = max(surest.get(lead[0].text, 0.0), lead[0].confidence)
    return surest


def _seen_unambiguous(word: str) -> bool:
    """Is ``word`` seen in German text, and not also with an umlaut or an ß (``Kohler``,
    ``Köhler``: a stroke through a name takes umlaut dots off first; ``Weisbach``,
    ``Weißbach``), nor a closed-class word (``Wem``: the start of ``Wendt``)?"""
    folded = word.casefold()  # ß folds to ss, as in the list of seen words
    if folded in function_words() or folded in INTERROGATIVES:
        return False
    umlauted = [
        folded[:k] + UMLAUT_OF[ch] + folded[k + 1 :]
        for k, ch in enumerate(folded)
        if ch in UMLAUT_OF
    ]
    # an ß read as s (Weisbach for Weißbach: weissbach folded)
    umlauted += [folded[:k] + "ss" + folded[k + 1 :] for k, ch in enumerate(folded) if ch == "s"]
    return folded in seen_words() and not any(w in seen_words() for w in umlauted)


#: A line's first word this similar to a role word (difflib's ratio, case and umlauts set
#: aside) is a role a signature's stroke made Tesseract misread (``obsthürgermeisterin``,
#: ``Beigenrdfieter``); a word of another kind is at most about 0.6 alike.
NEAR_ROLE = 0.75
#: ... when it has this many letters at least.
NEAR_ROLE_LETTERS = 8


def near_role_head(text: str) -> bool:
    """Is ``text`` a role word misread by more than one letter (one letter is mended when the
    record is made: :func:`pipeline.extract.signatories.mended_role`)?

    >>> near_role_head("obsthürgermeisterin"), near_role_head("Beigenrdfieter")
    (True, True)
    >>> near_role_head("Oberbürgermeisterin"), near_role_head("Bürgerbeteiligung")
    (False, False)
    """
    from difflib import SequenceMatcher

    from pipeline.extract.signatories import ROLE_HEADS, fold

    word = text.strip(SCRIBBLE_MARKS)
    if len(word) < NEAR_ROLE_LETTERS or ROLE_HEAD.match(word) or not word.isalpha():
        return False
    return any(
        SequenceMatcher(None, fold(word), fold(head)).ratio() >= NEAR_ROLE for head in ROLE_HEADS
    )


def _line_starts(words: list[Word], height: float) -> list[int]:
    """Indexes of the words that start a line or a column of one."""
    return [
        k
        for k, word in enumerate(words)
        if k == 0
        or (words[k - 1].block, words[k - 1].paragraph, words[k - 1].line)
        != (word.block, word.paragraph, word.line)
        or word.left - (words[k - 1].left + words[k - 1].width) > 2 * height
    ]


def name_strips(words: list[Word], image: Image.Image, folder: Path, stem: str) -> list[NameStrip]:
    """Strips above the roles of the page's signature blocks where no name was read surely,
    saved in ``folder`` to be read on their own. A pair of name-shaped words that
    :func:`name_words` would not take (``Eier Böttcher``, ``Matthias Köhier`` at 60: a
    stroke through a letter), or takes with a surname German text never has (``Thomas
    Schül`` at 92: its end under the stroke), is read again; the page's words stay where no
    read is a name with surnames German text has (:attr:`NameStrip.over_name`)."""
    greetings = [word.top for word in words if GREETING.match(word.text)]
    if not greetings or not words:
        return []
    height = statistics.median(word.height for word in words)
    heads = [
        words[k]
        for k in _line_starts(words, height)
        # a stroke's mark glued to the role (``-Oberbürgermeister``) is no other word
        if (ROLE_HEAD.match(words[k].text.strip(SCRIBBLE_MARKS)) or near_role_head(words[k].text))
        and words[k].top > min(greetings)
    ]
    pitch = line_pitch(words) or 1.5 * height
    strips: list[NameStrip] = []
    for k, head in enumerate(heads):
        top = round(head.top - pitch - STRIP_MARGIN * height)
        bottom = round(head.top - STRIP_BELOW * height)
        right = head.left + STRIP_WIDTH * height
        for other in heads:  # the next column's role on the same line
            if other.left > head.left and abs(other.top - head.top) < height:
                right = min(right, other.left - height)
        box = (max(0, round(head.left - 0.3 * height)), max(0, top), round(right), bottom)
        if box[2] - box[0] < 2 * height or box[3] <= box[1]:
            continue
        above = [word for word in words if _center_in(word, box)]
        # a mark glued on (``Brückner“``) leaves the name to be read again: the record
        # takes no name with it
        shaped = [word for word in above if NAME_WORD.match(word.text)]
        sure = name_words(shaped)
        if (sure and all(word.text.casefold() in seen_words() for word in sure[1:])) or any(
            GREETING.match(word.text) for word in above
        ):
            continue  # a name was read surely, or the strip reaches the greeting
        crop = image.crop(box)
        ends = ("", "-dark", "-thin", "-margin")
        paths = tuple(folder / f"{stem}-name{k}{end}.tif" for end in ends)
        crop.save(paths[0], format="TIFF")
        darkest_ink(crop).save(paths[1], format="TIFF")
        without_thin_strokes(crop, height).save(paths[2], format="TIFF")
        margin = max(1, round(NAME_MARGIN * height))
        ImageOps.expand(crop, margin, fill=255).save(paths[MARGIN_READ], format="TIFF")
        shape = len(shaped) >= 2
        strips.append(NameStrip(paths, box, over_name=shape, margin=margin, height=height))
    return strips


def unlined(strip: NameStrip) -> tuple[Path, Path]:
    """The strip as it is and with its darkest ink (its first two images), each without its
    pen lines (:func:`without_pen_lines`), saved beside them to be read after its own reads
    gave no name."""
    paths = []
    for path in strip.paths[:2]:
        with Image.open(path) as image:
            again = path.with_name(f"{path.stem}-unlined.tif")
            without_pen_lines(image, strip.height).save(again, format="TIFF")
        paths.append(again)
    return paths[0], paths[1]


#: A name-like word of a strip's read: a capital and two letters or more (``RerstinMeißner``,
#: ``Kerstin``), marks of scribble taken off.
NAME_LIKE = regex.compile(r"^\p{Lu}\p{L}{2,}")
#: Paper kept right of a name's last letter when its strip is cut after it, a share of the
#: strip's height.
NAME_CUT_PAD = 0.4


def _name_end(read: list[Word]) -> int | None:
    """Where the leading name-like words (:data:`NAME_LIKE`, three at most) of a strip's read
    end, in the strip's pixels; None when the read starts otherwise."""
    end = None
    for word in read[:3]:
        if not NAME_LIKE.match(word.text.strip(SCRIBBLE_MARKS)):
            break
        end = word.left + word.width
    return end


def name_cut(strip: NameStrip, reads: list[list[Word]]) -> NameStrip | None:
    """The strip of a name no read took (:func:`merge_name`), cut off after the words its
    first two reads begin with that look like a name, to be read again as it is and with its
    darkest ink (``paths``, saved beside the strip's own): a signature's loops right of the
    name, in the strip, make Tesseract lose the name's space or its letters (``KerstinMeßneer``
    at 0 read without them as ``Kerstin`` 84 ``Meißner`` 96). None when neither read begins
    so, or the cut would keep the whole strip.

    The cut's two reads vote as a strip's do, and its name is taken only when both begin with
    its surnames (:func:`merge_name` ``alike``); the box is the strip's, so that the page's
    noise beside the name goes when a name is taken."""
    ends = [end for read in reads[:2] if (end := _name_end(read)) is not None]
    if not ends:
        return None
    with Image.open(strip.paths[0]) as image:
        right = max(ends) + round(NAME_CUT_PAD * image.height)
        if right >= image.width:
            return None
        cut = image.crop((0, 0, right, image.height))
    stem = strip.paths[0].stem
    paths = tuple(strip.paths[0].with_name(f"{stem}-cut{end}.tif") for end in ("", "-dark"))
    cut.save(paths[0], format="TIFF")
    darkest_ink(cut).save(paths[1], format="TIFF")
    return NameStrip(paths, strip.box, over_name=strip.over_name)


def _first_name_of_other_read(name: list[Word], reads: list[list[Word]]) -> list[Word]:
    """``name`` with a first name no list holds replaced by the common first name another
    read of the strip gives a letter apart (``Dorotnee`` at 89, ``Dorothee`` at 0: a stroke
    through a letter)."""
    if name[0].text in first_names():
        return name
    others = {
        lead[0].text
        for read in reads
        if (lead := _leading_names(read))
        and lead[0].text in first_names()
        and one_edit_apart(lead[0].text, name[0].text)
    }
    return [replace(name[0], text=others.pop()), *name[1:]] if len(others) == 1 else name


def read_alike(name: list[Word], reads: list[list[Word]]) -> bool:
    """Do all ``reads`` begin with the surnames of ``name``, marks of scribble off (first
    names may differ: ``Srit``, ``Grit``), and is its first name a common one? Two reads of
    different pixels rarely make the same wrong surname, one read sure of a wrong one does
    (``Lehman`` at 60 beside ``Lelinäastm``, ``Schütze`` at 70 beside ``Schftzt``).

    >>> from pipeline.ocr import Word
    >>> def read(*texts): return [Word(t, 0, 0, 9, 9, 90, 1, 1, 1) for t in texts]
    >>> name = read("Grit", "Weißbach")
    >>> read_alike(name, [read("Grit", "Weißbach“"), read("Srit", "Weißbach")])
    True
    >>> read_alike(name, [read("Grit", "Weißbach"), read("Grit", "Weißbaeh")]), read_alike(read("Gnit", "Weißbach"), [name, name])
    (False, False)
    """
    if name[0].text not in first_names():
        return False
    surnames = [word.text for word in name[1:]]
    return all(
        [word.text for word in _leading_names([_capitalised(w) for w in read])[1 : len(name)]]
        == surnames
        for read in reads
    )


def _support(name: list[Word], reads: list[list[Word]]) -> tuple[bool, int, float]:
    """How well the reads of a strip back ``name``: a common first name first, then how many
    reads give the same words (``Kerstin Rothe`` twice beats ``Kerstin Rother`` once, whatever
    their confidence), then its least sure word's confidence."""
    texts = [word.text for word in name]
    alike = sum(
        [word.text for word in _leading_names([_capitalised(word) for word in read])] == texts
        for read in reads
    )
    return name[0].text in first_names(), alike, min(word.confidence for word in name)


def merge_name(
    words: list[Word], strip: NameStrip, reads: list[list[Word]], *, alike: bool = False
) -> list[Word] | None:
    """The page's ``words`` with the name read from ``strip`` (the surest of its ``reads``)
    in place of what stood there, or None when no read is a name. The name joins the line of
    words left of it (the name of the column before, in a two-column block), else it is a
    line of its own before the role. Only the first :data:`VOTING_READS` reads vote; the
    others offer names read surely, those without pen lines only when no other read gives a
    name. ``alike``: the name is taken only when every read
    begins with its surnames and its first name is a common one (:func:`read_alike`)."""
    voting = reads[:VOTING_READS]
    reads = [
        [replace(word, left=word.left - strip.margin, top=word.top - strip.margin) for word in read]
        if k == MARGIN_READ
        else read
        for k, read in enumerate(reads)
    ]
    surest = _surest_first(voting)
    names = [found for read in reads[:UNLINED_READ] if (found := name_words(read, surest))]
    if not names:
        agreed = {
            tuple(word.text for word in found): found
            for pair in itertools.combinations(voting, 2)
            if (found := agreed_name(list(pair)))
        }
        if len(agreed) == 1:
            names = list(agreed.values())
        elif not agreed and (voted := voted_name(voting)):
            names = [voted]
    if not names:
        # the strip without its pen lines is a last resort: its letters lost ink with the
        # lines, and a sure read of it over another read's name was wrong as often as not
        # (``Stefan Werdt`` over ``Stefan Wendt``, ``Heiko Fühler`` over ``Heiko Köhler``)
        names = [found for read in reads[UNLINED_READ:] if (found := name_words(read, surest))]
    if not names:
        return None
    name = max(names, key=lambda found: _support(found, voting))
    if (_support(name, voting)[1] < 2 or strip.over_name) and any(
        word.text.casefold() not in seen_words() for word in name[1:]
    ):
        return None  # one read's surname German text never has (``Bötfcher``): unsure
    name = _first_name_of_other_read(name, voting)
    if alike and not read_alike(name, reads):
        return None
    left, top, _, _ = strip.box
    kept = [word for word in words if not _center_in(word, strip.box)]
    middle = top + (strip.box[3] - top) / 2
    beside = [
        word
        for word in kept
        if word.left + word.width < left + name[0].left
        and word.top <= middle <= word.top + word.height
    ]
    if beside:
        host = beside[-1]
        block, paragraph, line = host.block, host.paragraph, host.line
        after = kept.index(host) + 1
    else:
        block, paragraph, line = max((w.block for w in kept), default=0) + 1, 1, 1
        after = next(
            (i for i, word in enumerate(kept) if word.top > middle and word.left >= left - 1),
            len(kept),
        )
    return kept[:after] + placed(name, strip.box, (block, paragraph, line)) + kept[after:]


#: A column's role is looked for from this many word heights right of a role line's end ...
ROLE_GAP = 2.0
#: ... in a strip at least this many word heights wide, ...
MIN_ROLE_STRIP = 6.0
#: ... reaching this many word heights above and below the role line's top: a signature
#: struck through the role may lift Tesseract's line box.
ROLE_ABOVE, ROLE_BELOW = 0.6, 1.6
#: The strip is read a second time cut to its role line's band, from this many word heights
#: above the line's top to this many below it: the loops of a signature struck through the
#: role, above its letters, make Tesseract read nothing or noise in the whole strip
#: (``Oberbürgermeister`` read as nothing, in its band as ``Oberburgermeister``).
ROLE_BAND_ABOVE, ROLE_BAND_BELOW = 0.15, 1.35
#: ... that holds at least this many square word heights of ink (a role of 15 letters has
#: about 3; speckle far less).
MIN_ROLE_INK = 1.5


@dataclass(frozen=True)
class RoleStrip:
    """The strip beside a signature block's role line where a second column's role stands
    unread: a signature struck through it, and Tesseract read nothing or noise there. Read
    as it is and with its lighter ink taken off, and both again cut to the role line's band
    (``paths``, :data:`STRUCK_READS` of them)."""

    paths: tuple[Path, ...]
    box: Box
    #: The last word of the role line: the role read from the strip goes after it.
    host: Word


def role_of(words: list[Word]) -> list[Word]:
    """The words of ``words`` that make a role (models/src/roles.txt), the longest run from
    the first word that heads a role; a role word with one misread letter counts
    (``Oberbürgerneisterin``). None when no run is a role.

    >>> from pipeline.ocr import Word
    >>> read = [Word(t, 0, 0, 9, 9, 90, 1, 1, 1) for t in ("—", "Erste", "Bürgermeisterin", "x")]
    >>> [w.text for w in role_of(read)], role_of(read[:1] + read[3:])
    (['Erste', 'Bürgermeisterin'], [])
    """
    from pipeline.extract.signatories import is_role, mended_role

    for start, word in enumerate(words):
        if not ROLE_HEAD.match(word.text) and mended_role(word.text) is None:
            continue
        for end in range(len(words), start, -1):
            text = " ".join(w.text for w in words[start:end])
            if is_role(text) or mended_role(text) is not None:
                return words[start:end]
        return []
    return []


def role_strips(words: list[Word], image: Image.Image, folder: Path, stem: str) -> list[RoleStrip]:
    """Strips right of the role lines of the page's signature blocks where ink stands but no
    role was read, saved in ``folder`` to be read on their own."""
    greetings = [word.top for word in words if GREETING.match(word.text)]
    if not greetings or not words:
        return []
    height = statistics.median(word.height for word in words)
    # the type area's right edge: as far from the page's edge as its left one at least (the
    # short lines of a letter's last page may end far left of a second column's role)
    text_right = max(
        max(word.left + word.width for word in words),
        image.width - min(word.left for word in words),
    )
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    strips: list[RoleStrip] = []
    for k, line in enumerate(lines.values()):
        # a signature's stroke may leave a mark before the role (``_ Erste Bürgermeisterin``)
        head = next((word for word in line if regex.search(r"\p{L}", word.text)), line[0])
        if not ROLE_HEAD.match(head.text.strip(SCRIBBLE_MARKS)) or head.top <= min(greetings):
            continue
        # the strip starts after the role, not after noise read on its line (a scribble
        # over the next column's role read as ``erb``)
        last = (role_of(line) or line)[-1]
        left = round(last.left + last.width + ROLE_GAP * height)
        box = (
            left,
            max(0, round(head.top - ROLE_ABOVE * height)),
            min(image.width, round(text_right + height)),
            min(image.height, round(head.top + ROLE_BELOW * height)),
        )
        if box[2] - box[0] < MIN_ROLE_STRIP * height or box[3] <= box[1]:
            continue
        if role_of([word for word in words if _center_in(word, box)]):
            continue
        crop = image.crop(box).convert("L")
        pixels = np.asarray(crop)
        if np.count_nonzero(pixels <= otsu(pixels)) < MIN_ROLE_INK * height * height:
            continue
        band = (
            0,
            max(0, round(head.top - ROLE_BAND_ABOVE * height) - box[1]),
            crop.width,
            min(crop.height, round(head.top + ROLE_BAND_BELOW * height) - box[1]),
        )
        paths = _save_struck(crop, band, folder / f"{stem}-role{k}", height)
        strips.append(RoleStrip(paths, box, last))
    return strips


#: Marks a stroke over a role leaves glued before its first word (``““Oberbürgermeister``).
STROKE_MARKS = "“”„‘’‚'\"`´|\\/—–-_~"


#: Reads of a strip where a role stands struck through (:class:`RoleStrip`,
#: :class:`LabelStrip`).
STRUCK_READS = 6
#: Of which the first this many are of the strip and its band as they are (and with their
#: lighter ink off); the rest of the band without its pen lines (:func:`without_pen_lines`).
STRUCK_OWN_READS = 4
#: A role word read misread in more than one letter (:func:`struck_role`) is taken from a
#: struck role's strip when this many of its reads give it and no read another role.
STRUCK_AGREEING = 1


def _save_struck(crop: Image.Image, band: Box, stem: Path, height: float) -> tuple[Path, ...]:
    """Save a struck role's strip ``crop`` to be read :data:`STRUCK_READS` ways: as it is,
    with its lighter ink taken off, and both cut to the role line's ``band`` (in the crop's
    pixels), and the two cuts without their pen lines (``height``: the word height)."""
    cut = crop.crop(band)
    ends = ("", "-dark", "-band", "-band-dark", "-band-unlined", "-band-dark-unlined")
    paths = tuple(stem.with_name(f"{stem.name}{end}.tif") for end in ends)
    dark = darkest_ink(cut)
    images = [crop, darkest_ink(crop), cut, dark, without_pen_lines(cut, height)]
    images.append(without_pen_lines(dark, height))
    for path, image in zip(paths, images, strict=True):
        image.save(path, format="TIFF")
    return paths


def _whole_then_band(reads: list[list[Word]]) -> tuple[list[list[Word]], list[list[Word]]]:
    """A struck role's strip's reads of the whole strip, then those of its role line's band
    (:func:`_save_struck`): a role read in the whole strip is taken before one read in the
    band, where the loops the band cuts through may leave a role word's end alone
    (``Bürgermeisterin`` of Oberbürgermeisterin)."""
    return reads[:2], reads[2:STRUCK_OWN_READS]


def struck_role_word(reads: list[list[Word]]) -> list[Word]:
    """The role word a struck role's strip gives when none of its ``reads`` is a role
    (:func:`role_of`): a word misread in more than one letter, mended to the long role word it
    is near (:func:`pipeline.extract.signatories.struck_role`) in :data:`STRUCK_AGREEING`
    reads, and no read near another role (:func:`~pipeline.extract.signatories.near_role_word`,
    read right too); the surest such word, mended, or nothing.

    >>> from pipeline.ocr import Word
    >>> def read(*texts):
    ...     return [Word(t, 0, 0, 9, 9, 20, 1, 1, 1) for t in texts]
    >>> [w.text for w in struck_role_word([read("Oberhürgermeistefin"), read("er", "_ObErbörgefmeistefin")])]
    ['Oberbürgermeisterin']
    >>> struck_role_word([read("nichts"), read("er", "rmeisteri")])
    []
    >>> struck_role_word([read("Oberhürgermeistefin"), read("Oberhürgermeistefin"), read("OberDurgermeister")])
    []
    """
    from pipeline.extract.signatories import near_role_word, struck_role

    found: list[Word] = []
    roles: set[str] = set()
    for read in reads:
        roles.update(near[0] for word in read if (near := near_role_word(word.text)))
        struck = [(word, role) for word in read if (role := struck_role(word.text))]
        found += [replace(word, text=role) for word, role in struck[:1]]
    if len(roles) != 1 or len(found) < STRUCK_AGREEING:
        return []
    return [max(found, key=lambda word: word.confidence)]


def without_stroke_marks(read: list[Word]) -> list[Word]:
    """The words of a strip's ``read`` with the marks a stroke left glued before a word set
    aside (``““Oberbürgermeister``); marks after a word stay, for they may be what a stroke
    left of its ending (``Oberbürgermeis!`` of ``Oberbürgermeisterin``).

    >>> from pipeline.ocr import Word
    >>> read = [Word(t, 0, 0, 9, 9, 90, 1, 1, 1) for t in ("““Oberbürgermeister", "—", "x!")]
    >>> [w.text for w in without_stroke_marks(read)]
    ['Oberbürgermeister', '—', 'x!']
    """
    return [
        replace(word, text=word.text.lstrip(STROKE_MARKS))
        if word.text.lstrip(STROKE_MARKS)
        else word
        for word in read
    ]


def merge_role(words: list[Word], strip: RoleStrip, reads: list[list[Word]]) -> list[Word] | None:
    """The page's ``words`` with the role read from ``strip`` (the surest of its ``reads``) in
    place of what stood there, on the line of the role beside it; None when no read is a
    role; a read of the whole strip before one of its band (:func:`_whole_then_band`). Marks
    a stroke left before the role's first word are set aside
    (:func:`without_stroke_marks`); when no read is a role, a long role word misread in more
    than one letter is taken as :func:`struck_role_word` gives it."""
    roles: list[list[Word]] = []
    for some in _whole_then_band(reads):
        roles = roles or [found for read in some if (found := role_of(without_stroke_marks(read)))]
    if not roles and (struck := struck_role_word(reads[:STRUCK_OWN_READS])):
        roles = [struck]
    if not roles:  # the band without its pen lines: a last resort
        unlined = reads[STRUCK_OWN_READS:]
        roles = [found for read in unlined if (found := role_of(without_stroke_marks(read)))]
    if not roles or strip.host not in words:
        return None
    role = max(roles, key=lambda found: min(word.confidence for word in found))
    kept = [word for word in words if not _center_in(word, strip.box) or word is strip.host]
    host = strip.host
    after = kept.index(host) + 1
    line = (host.block, host.paragraph, host.line)
    return kept[:after] + placed(role, strip.box, line) + kept[after:]


#: A misread role line's strip reaches this many word heights above its first word's bottom
#: and this many below (the word's box may have grown up into the signature).
ROLE_LINE_ABOVE, ROLE_LINE_BELOW = 1.3, 0.3
#: The role word read from a role line's strip has this confidence at least.
MIN_ROLE_CONFIDENCE = 70.0


@dataclass(frozen=True)
class RoleLineStrip:
    """A signature block's role line whose role word a signature made Tesseract misread
    (:func:`near_role_head`), cut out to be read on its own as :class:`NameStrip` is, in
    :data:`ROLE_LINE_READS` ways (not in a margin)."""

    paths: tuple[Path, ...]
    box: Box
    #: The words of the line the strip holds: a role read from it replaces them.
    line: tuple[Word, ...]


def role_line_strips(
    words: list[Word], image: Image.Image, folder: Path, stem: str
) -> list[RoleLineStrip]:
    """Strips of the role lines below a letter's closing formula whose first word is a role
    word misread (``obsthürgermeisterin``: a signature's stroke through its top), saved in
    ``folder`` to be read on their own."""
    greetings = [word.top for word in words if GREETING.match(word.text)]
    if not greetings or not words:
        return []
    height = statistics.median(word.height for word in words)
    starts = _line_starts(words, height)
    strips: list[RoleLineStrip] = []
    for n, k in enumerate(starts):
        head = words[k]
        if head.top <= min(greetings) or not near_role_head(head.text):
            continue
        line = words[k : starts[n + 1] if n + 1 < len(starts) else len(words)]
        bottom = head.top + head.height
        box = (
            max(0, round(head.left - 0.3 * height)),
            max(0, round(bottom - ROLE_LINE_ABOVE * height)),
            min(image.width, round(line[-1].left + line[-1].width + height)),
            min(image.height, round(bottom + ROLE_LINE_BELOW * height)),
        )
        crop = image.crop(box).convert("L")
        paths = tuple(folder / f"{stem}-roleline{k}{end}.tif" for end in ("", "-dark", "-thin"))
        crop.save(paths[0], format="TIFF")
        darkest_ink(crop).save(paths[1], format="TIFF")
        without_thin_strokes(crop, height).save(paths[2], format="TIFF")
        strips.append(RoleLineStrip(paths, box, tuple(line)))
    return strips


def merge_role_line(
    words: list[Word], strip: RoleLineStrip, reads: list[list[Word]]
) -> list[Word] | None:
    """The page's ``words`` with the line's misread role word replaced by the first word of
    the role one of ``reads`` gives (the surest, read with :data:`MIN_ROLE_CONFIDENCE`); the
    rest of the line stays as the page read it (``für Ordnung und``, where the strip's read
    gives ``tur Oranung und``). None when no read is such a role."""
    from pipeline.extract.signatories import mended_role

    heads = [
        found[0]
        for read in reads
        if (found := role_of(read))
        and found[0].confidence >= MIN_ROLE_CONFIDENCE
        # the read's first word: a role word further on is another column's
        and found[0] is next(word for word in read if any(ch.isalpha() for ch in word.text))
    ]
    if not heads or strip.line[0] not in words:
        return None
    head = max(heads, key=lambda word: word.confidence)
    start = words.index(strip.line[0])
    text = mended_role(head.text) or head.text  # Oberburgermeisterin: its umlaut lost
    mended = replace(strip.line[0], text=text, confidence=head.confidence)
    return [*words[:start], mended, *words[start + 1 :]]


#: The label of a signature block's column for taking note.
NOTE_LABEL = regex.compile(r"^Kenntnisnahme:?$")
#: Under a :data:`NOTE_LABEL` with no role read under it, the column's role line is looked for
#: in the ink from half a word height below the label to this many word heights below it ...
LABEL_REACH = 9.0
#: ... from two word heights left of the label on, this many word heights wide (a role of
#: ``models/src/roles.txt`` is at most about 30 letters).
LABEL_COLUMN = 16.0
#: A row of that ink counts when it holds this share of the column's width in ink pixels; the
#: lowest band of such rows at least half a word height high is the role line's (the signature
#: above it, or through it, and what it crosses, is as high at most as the line).
LABEL_ROW_INK = 0.02
#: A role read from a label's strip is taken when each of its words has this confidence (the
#: scan set's lone roles read right came with 53-91; the role must be a role of
#: ``models/src/roles.txt`` besides).
MIN_LABEL_ROLE_CONFIDENCE = 50.0
#: The role line's band in a label's strip reaches this many word heights above the line's
#: lowest ink (see :data:`ROLE_BAND_ABOVE`).
LABEL_BAND = 1.1


@dataclass(frozen=True)
class LabelStrip:
    """The role line of a ``Kenntnisnahme`` column under its label where the page read no
    role (a signature struck through the column's only line, ``Oberbürgermeisterin``, and
    Tesseract read nothing or noise there), cut out to be read on its own as it is and with
    its lighter ink taken off."""

    paths: tuple[Path, ...]
    box: Box
    #: The label: the role read from the strip goes on a line of its own after the label's.
    label: Word


def label_strips(
    words: list[Word], image: Image.Image, folder: Path, stem: str
) -> list[LabelStrip]:
    """Strips of the role lines under the page's ``Kenntnisnahme`` labels where no role was
    read below the label, saved in ``folder`` to be read on their own."""
    if not words:
        return []
    height = statistics.median(word.height for word in words)
    strips: list[LabelStrip] = []
    for k, label in enumerate(words):
        if not NOTE_LABEL.match(label.text):
            continue
        bottom = label.top + label.height
        area = (
            max(0, round(label.left - 2 * height)),
            min(image.height, round(bottom + 0.5 * height)),
            min(image.width, round(label.left + LABEL_COLUMN * height)),
            min(image.height, round(bottom + LABEL_REACH * height)),
        )
        if area[3] - area[1] < 2 * height or area[2] <= area[0]:
            continue
        under = (area[0], area[1], image.width, area[3])  # every column under the label
        lines: dict[tuple[int, int, int], list[Word]] = {}
        for word in words:
            if _center_in(word, under):
                lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
        if any(role_of(without_stroke_marks(line)) for line in lines.values()):
            continue  # a role was read: role_strips and role_line_strips see to the rest
        pixels = np.asarray(image.crop(area).convert("L"))
        ink = pixels <= otsu(pixels)
        inked = np.flatnonzero(ink.sum(axis=1) >= LABEL_ROW_INK * ink.shape[1])
        if inked.size == 0:
            continue
        # bands of inked rows, split where rows without ink lie between
        bands = np.split(inked, np.flatnonzero(np.diff(inked) > 1) + 1)
        tall = [band for band in bands if band.size >= 0.5 * height]
        if not tall:
            continue
        line_bottom = area[1] + int(tall[-1][-1])
        box = (
            area[0],
            max(area[1], round(line_bottom - ROLE_LINE_ABOVE * height)),
            area[2],
            min(image.height, round(line_bottom + ROLE_LINE_BELOW * height)),
        )
        crop = image.crop(box).convert("L")
        band = (
            0,
            max(0, round(line_bottom - LABEL_BAND * height) - box[1]),
            crop.width,
            crop.height,
        )
        paths = _save_struck(crop, band, folder / f"{stem}-label{k}", height)
        strips.append(LabelStrip(paths, box, label))
    return strips


def merge_label(words: list[Word], strip: LabelStrip, reads: list[list[Word]]) -> list[Word] | None:
    """The page's ``words`` with the role read from ``strip`` (the surest of its ``reads``
    whose role words each have :data:`MIN_LABEL_ROLE_CONFIDENCE`, or else the role word
    :func:`struck_role_word` gives) in place of what stood there, as a paragraph of its own
    after the label's line; None when no read is such a role."""
    roles: list[list[Word]] = []
    for some in _whole_then_band(reads):
        roles = roles or [
            found
            for read in some
            if (found := role_of(without_stroke_marks(read)))
            and min(word.confidence for word in found) >= MIN_LABEL_ROLE_CONFIDENCE
        ]
    if not roles and (struck := struck_role_word(reads[:STRUCK_OWN_READS])):
        roles = [struck]
    if not roles:  # the band without its pen lines: a last resort
        roles = [
            found
            for read in reads[STRUCK_OWN_READS:]
            if (found := role_of(without_stroke_marks(read)))
            and min(word.confidence for word in found) >= MIN_LABEL_ROLE_CONFIDENCE
        ]
    if not roles or strip.label not in words:
        return None
    role = max(roles, key=lambda found: min(word.confidence for word in found))
    label = strip.label
    kept = [word for word in words if not _center_in(word, strip.box) or word is label]
    key = (label.block, label.paragraph, label.line)
    after = max(k for k, word in enumerate(kept) if (word.block, word.paragraph, word.line) == key)
    # a paragraph of its own: no other word of the page is in it
    paragraph = min(word.paragraph for word in words if word.block == label.block) - 1
    return [
        *kept[: after + 1],
        *placed(role, strip.box, (label.block, paragraph, 1)),
        *kept[after + 1 :],
    ]
