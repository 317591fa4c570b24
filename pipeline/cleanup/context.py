"""What every repair is given besides the text: the lexicon, the settings and the OCR evidence.

The OCR evidence is the words OCR read, with their confidences and boxes, in offsets of the
*raw* text. Repairs work on the current text, so :meth:`CleanupContext.words_in` maps a span of
the current text back to the raw text through the repair log (:class:`TextState`) and returns
the words under it. Text inputs and text-layer pages have no confidences: every question about
OCR evidence then answers "unknown" (None), and repairs decide on the text alone.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pipeline.lexicon import Lexicon

if TYPE_CHECKING:
    from pipeline.cleanup.edits import TextState
    from pipeline.ingest import Input

#: Below this Tesseract confidence (0..100) a word is OCR's guess at marks it could not read:
#: signature strokes, stamp ink, speckle. Printed words at 150 dpi score 60–96.
LOW_CONFIDENCE = 40.0


@dataclass(frozen=True)
class OcrWord:
    """A word OCR read: ``raw[start:end]`` in the raw text given to the cleanup, its
    confidence (0..100), its box on its page and the (page, block, paragraph, line) it was read
    in."""

    start: int
    end: int
    confidence: float
    box: tuple[int, int, int, int] | None = None
    line: tuple[int, int, int, int] = (1, 1, 1, 1)


def input_words(source: Input) -> list[OcrWord]:
    """The OCR words of every page of ``source`` in offsets of ``source.text`` (pages joined
    by form feeds). Words without a confidence (text layers) are left out.

    >>> from pathlib import Path
    >>> from pipeline.ingest import Input, PageText, PageWord
    >>> pages = [PageText("ab", "ocr", words=(PageWord("ab", 0, 2, (0, 0, 9, 9), 91.0),)),
    ...          PageText("x cd", "ocr", words=(PageWord("cd", 2, 4, (0, 0, 9, 9), 12.5),))]
    >>> [(w.start, w.end, w.confidence) for w in input_words(Input(Path("a"), "", "", pages))]
    [(0, 2, 91.0), (5, 7, 12.5)]
    """
    words: list[OcrWord] = []
    base = 0
    for number, page in enumerate(source.pages, 1):
        for word in page.words:
            if word.confidence is None:
                continue
            words.append(
                OcrWord(
                    base + word.start,
                    base + word.end,
                    float(word.confidence),
                    word.box,
                    (number, word.block, word.paragraph, word.line),
                )
            )
        base += len(page.text) + 1  # the form feed
    return words


@dataclass
class CleanupContext:
    lexicon: Lexicon
    #: The :class:`pipeline.cleanup.CleanupConfig` in force.
    config: Any = field(default=None)
    #: OCR words in raw offsets, sorted by start (empty: no OCR evidence).
    words: Sequence[OcrWord] = ()
    #: The text state the repairs run on (maps current offsets to raw ones).
    state: TextState | None = None
    #: :attr:`words`' starts, and the furthest end of each word and the words before it: the
    #: index :meth:`words_in` searches (a scan of every word took a quarter of the cleanup).
    _starts: list[int] = field(init=False, repr=False, default_factory=list)
    _reach: list[int] = field(init=False, repr=False, default_factory=list)

    def __post_init__(self) -> None:
        self.words = sorted(self.words, key=lambda word: word.start)
        self._starts = [word.start for word in self.words]
        self._reach = list(itertools.accumulate((word.end for word in self.words), max))

    def words_in(self, start: int, end: int) -> list[OcrWord]:
        """OCR words that overlap ``[start, end)`` of the current text.

        >>> words = [OcrWord(10, 12, 50.0), OcrWord(0, 9, 90.0), OcrWord(2, 4, 9.0)]
        >>> ctx = CleanupContext(None, words=words)
        >>> [w.start for w in ctx.words_in(5, 11)], ctx.words_in(9, 10)
        ([0, 10], [])
        """
        if not self.words or end <= start:
            return []
        raw_start, raw_end = start, end
        if self.state is not None:
            raw_start = self.state.raw_offset(start, side="start")
            raw_end = self.state.raw_offset(end, side="end")
        first = bisect.bisect_right(self._reach, raw_start)  # words before end by raw_start
        last = bisect.bisect_left(self._starts, raw_end)  # words from here start at raw_end
        return [w for w in self.words[first:last] if raw_start < w.end]

    def confidence(self, start: int, end: int) -> float | None:
        """The highest confidence of the OCR words under ``[start, end)`` of the current text;
        None where no OCR word is known (text input, text layer, text a repair wrote).

        The highest, not the mean: one well-read word is enough to show that a line is print.
        """
        return max_confidence(self.words_in(start, end))


def max_confidence(words: Iterable[OcrWord]) -> float | None:
    confidences = [w.confidence for w in words]
    return max(confidences) if confidences else None
