"""Cleanup: an ordered registry of named repairs, each a pure function ``(text, ctx) -> edits``.

:func:`clean` runs the enabled repairs in order and returns the cleaned text with the full
repair log (offsets into the raw text); :func:`pipeline.cleanup.edits.replay` reproduces the
cleaned text from the raw text and the log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.cleanup.context import CleanupContext, OcrWord, input_words
from pipeline.cleanup.dehyphenate import dehyphenate
from pipeline.cleanup.edits import Edit, TextState, replay
from pipeline.cleanup.furniture import page_starts, remove_page_furniture
from pipeline.cleanup.markers import (
    repair_law_abbreviations,
    repair_markers,
    repair_paragraph_signs,
    repair_reflowed_law_abbreviations,
    repair_reflowed_paragraph_signs,
)
from pipeline.cleanup.noise import (
    remove_line_end_marks,
    remove_noise_lines,
    remove_noise_tokens,
    remove_speckle_marks,
    remove_stray_marks,
    remove_unpaired_quotes,
)
from pipeline.cleanup.reflow import reflow
from pipeline.cleanup.stamps import repair_date_stamps
from pipeline.cleanup.unicode import normalize_punctuation, normalize_unicode
from pipeline.cleanup.words import repair_damaged_words, repair_joined_words
from pipeline.lexicon import Lexicon, default_lexicon
from pipeline.models import Repair
from pipeline.patterns import protected_spans

RepairFunction = Callable[[str, "CleanupContext"], list[Edit]]

#: The repairs in the order they run. Names are the ``kind`` of logged repairs and the keys of
#: :attr:`CleanupConfig.enabled`.
REPAIRS: tuple[tuple[str, RepairFunction], ...] = (
    ("normalize_unicode", normalize_unicode),
    ("remove_page_furniture", remove_page_furniture),
    ("repair_date_stamps", repair_date_stamps),
    ("repair_markers", repair_markers),
    ("repair_paragraph_signs", repair_paragraph_signs),
    ("repair_law_abbreviations", repair_law_abbreviations),
    ("repair_damaged_words", repair_damaged_words),
    ("remove_noise_lines", remove_noise_lines),
    ("remove_noise_tokens", remove_noise_tokens),
    ("remove_stray_marks", remove_stray_marks),
    ("remove_speckle_marks", remove_speckle_marks),
    ("remove_unpaired_quotes", remove_unpaired_quotes),
    ("normalize_punctuation", normalize_punctuation),
    ("dehyphenate", dehyphenate),
    ("repair_joined_words", repair_joined_words),
    ("reflow", reflow),
    ("remove_line_end_marks", remove_line_end_marks),
    ("repair_reflowed_law_abbreviations", repair_reflowed_law_abbreviations),
    ("repair_reflowed_paragraph_signs", repair_reflowed_paragraph_signs),
)
REPAIR_NAMES = tuple(name for name, _ in REPAIRS)
#: Repairs run to their fixed point, so that cleaning the cleaned text changes nothing:
#: reflow, and the speck marks, where one mark gone shows the next (``.DIE-DIE``: the stop
#: before the first word goes, then the hyphen reads as a speck's; found by hypothesis).
FIXPOINT_REPAIRS = frozenset({"reflow", "remove_speckle_marks"})
MAX_PASSES = 20


@dataclass(frozen=True)
class CleanupConfig:
    """One switch per repair (all on by default)."""

    disabled: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = set(self.disabled) - set(REPAIR_NAMES)
        if unknown:
            raise ValueError(f"unknown repairs {sorted(unknown)}; known: {', '.join(REPAIR_NAMES)}")

    def enabled(self, name: str) -> bool:
        return name not in self.disabled


@dataclass(frozen=True)
class CleanResult:
    raw: str
    text: str
    repairs: list[Repair]
    page_starts: list[int]
    page_labels: list[str | None]
    #: Maps a cleaned-text offset to a raw offset.
    state: TextState


def _keeps_protected(text: str, edit: Edit, spans: list[tuple[int, int]]) -> bool:
    """True when the edit changes no non-space character of a protected token."""
    if edit.may_touch_protected or not edit.applied:
        return True
    changes_visible = "".join(text[edit.start : edit.end].split()) != "".join(edit.after.split())
    return not changes_visible or not any(
        (start < edit.end and edit.start < end) or start == edit.start == edit.end
        for start, end in spans
    )


def clean(
    raw: str,
    config: CleanupConfig | None = None,
    lexicon: Lexicon | None = None,
    *,
    words: Sequence[OcrWord] | None = None,
) -> CleanResult:
    """Run every enabled repair over ``raw``; return cleaned text and the repair log.

    ``words`` are the OCR words of ``raw`` with their confidences (:func:`input_words`); with
    them, noise repairs also weigh how sure OCR was. None: no OCR evidence (text input).
    """
    config = config or CleanupConfig()
    state = TextState(raw)
    ctx = CleanupContext(
        lexicon or default_lexicon(), config, sorted(words or (), key=lambda w: w.start), state
    )
    starts, labels = page_starts(raw)
    state.page_starts = starts
    for name, repair in REPAIRS:
        if not config.enabled(name):
            continue
        # FIXPOINT_REPAIRS run to their fixed point.
        for _ in range(MAX_PASSES if name in FIXPOINT_REPAIRS else 1):
            spans = protected_spans(state.text)
            edits = [e for e in repair(state.text, ctx) if _keeps_protected(state.text, e, spans)]
            if not any(e.applied for e in state.apply(name, edits)):
                break
    return CleanResult(raw, state.text, state.repairs, starts, labels, state)


def clean_with(
    name: str,
    text: str,
    lexicon: Lexicon | None = None,
    *,
    words: Sequence[OcrWord] | None = None,
) -> str:
    """Run one repair alone (for examples and tests)."""
    state = TextState(text)
    ctx = CleanupContext(
        lexicon or default_lexicon(), None, sorted(words or (), key=lambda w: w.start), state
    )
    state.apply(name, dict(REPAIRS)[name](text, ctx))
    return state.text


__all__ = [
    "REPAIRS",
    "CleanResult",
    "CleanupConfig",
    "OcrWord",
    "clean",
    "clean_with",
    "input_words",
    "replay",
]
