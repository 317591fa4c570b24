"""Hanging point markers that Tesseract did not read, read from strips (pipeline.marker_read):
which reads are taken, where they go, and a page read by the real Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.ocr
from pipeline.ingest import OcrSettings, read_input
from pipeline.marker_read import MarkerStrip, merge_marker
from pipeline.ocr import Word, check_tesseract
from tests.conftest import scan_page


def word(
    text: str, left: int, top: int, line: tuple[int, int, int], confidence: float = 92.0
) -> Word:
    return Word(text, left, top, 30 * len(text), 40, confidence, *line)


PAGE = [
    word("Die", 360, 100, (9, 1, 1)),
    word("Stadt", 470, 100, (9, 1, 1)),
    word("prüft.", 360, 160, (9, 1, 2)),
    word("Der", 360, 300, (10, 1, 1)),
    word("Rat", 470, 300, (10, 1, 1)),
]
STRIP = MarkerStrip(Path("strip.tif"), (250, 280, 470, 350), (10, 1, 1), "Der")


@pytest.mark.parametrize(
    ("read", "last", "taken"),
    [
        ([("2.", 95), ("Der", 96)], 1, True),
        ([("2.", 95), (".", 80), ("Der", 96)], 1, True),  # a speck's dot between
        ([("1.", 49), ("Der", 96)], None, True),  # the first marker, read unsure
        ([("3.", 95), ("Der", 96)], 1, False),  # out of sequence ("3:" for "5.")
        ([("3.", 95), ("Der", 96)], None, False),  # nothing above: only 1 or 2
        ([("2.", 30), ("Der", 96)], 1, False),  # unsure
        ([("2.", 95), ("Das", 96)], 1, False),  # not the line's first word
        ([("ie", 32), ("Der", 96)], 1, False),  # no marker
        ([("b)", 90), ("Der", 96)], 1, True),  # a letter has no number to check
    ],
)
def test_only_a_sure_marker_in_sequence_is_taken(
    read: list[tuple[str, float]], last: int | None, taken: bool
) -> None:
    words = [Word(t, 10 + 60 * k, 10, 40, 40, c, 1, 1, 1) for k, (t, c) in enumerate(read)]
    merged = merge_marker(PAGE, STRIP, words, last)
    assert (merged is not None) == taken
    if merged is not None:
        assert merged[3].text == read[0][0] and (merged[3].block, merged[3].line) == (10, 1)
        assert merged[3].left == 260 and [w.text for w in merged[4:]] == ["Der", "Rat"]


def test_junk_read_where_the_marker_stands_gives_way() -> None:
    junk = word("ie", 270, 300, (8, 1, 1), 32.0)
    page = [*PAGE[:3], junk, *PAGE[3:]]
    strip = MarkerStrip(STRIP.path, STRIP.box, STRIP.line, "Der", (junk,))
    read = [Word("1.", 10, 10, 40, 40, 49.0, 1, 1, 1), Word("Der", 110, 10, 40, 40, 96.0, 1, 1, 1)]
    merged = merge_marker(page, strip, read, None)
    assert merged is not None and "ie" not in [w.text for w in merged]


def test_hanging_markers_tesseract_dropped_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 41): the hanging markers ``1.`` to ``6.`` of a
    justified letter were not read at all, so the six points ran together."""
    check_tesseract()
    page = scan_page(tmp_path, 41, 12, "scan-005", 0)
    text = read_input(page, OcrSettings()).text
    starts = [line.split()[0] for line in text.splitlines() if line.split()]
    assert [s for s in starts if s in {"1.", "2.", "3.", "4.", "5.", "6."}] == [
        "1.", "2.", "3.", "4.", "5.", "6.",
    ]  # fmt: skip
    monkeypatch.setattr(pipeline.ocr, "READ_MARKERS", False)
    plain = read_input(page, OcrSettings()).text
    assert "\n2. Die" not in plain
