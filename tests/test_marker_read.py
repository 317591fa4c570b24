"""Hanging point markers that Tesseract did not read, read from strips (pipeline.marker_read):
which reads are taken, where they go, and a page read by the real Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.ocr
from pipeline.ingest import OcrSettings, read_input
from pipeline.marker_read import (
    INFERRED_MARKER_CONFIDENCE,
    HeadingStrip,
    MarkerStrip,
    marker_strips,
    merge_heading,
    merge_marker,
)
from pipeline.ocr import Word, check_tesseract
from pipeline.run import Settings, process_input
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
        # regression (eval_scans seed 53, scan-000 at 200 dpi): the stop read as a comma
        ([("2,", 95), ("Der", 96)], 1, True),
        ([("3,", 95), ("Der", 96)], 1, False),  # out of sequence all the same
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


@pytest.mark.parametrize(
    ("read", "last", "taken"),
    [
        ([("2.", 3), ("Der", 96)], 1, True),  # unsure, but the next strip reads a sure 3.
        ([("2.", 3), ("Der", 96)], None, True),  # the first strip of the page
        ([("4.", 3), ("Der", 96)], 1, False),  # out of sequence all the same
        ([("ie", 3), ("Der", 96)], 1, False),  # no marker all the same
    ],
)
def test_an_unsure_marker_confirmed_by_the_next_is_taken(
    read: list[tuple[str, float]], last: int | None, taken: bool
) -> None:
    words = [Word(t, 10 + 60 * k, 10, 40, 40, c, 1, 1, 1) for k, (t, c) in enumerate(read)]
    assert (merge_marker(PAGE, STRIP, words, last, confirmed=True) is not None) == taken
    assert merge_marker(PAGE, STRIP, words, last) is None


def test_an_unsure_marker_is_confirmed_only_by_the_next_number() -> None:
    """Regression (tests/eval_scans.py seed 31, scan-004 at 300 dpi): ``2.`` was read from its
    strip with confidence 3, so ``3.`` to ``5.`` (95) had no marker above them either and all
    four points ran into the first."""
    lines = [(10 + k, 1, 1) for k in range(4)]
    page = [word(first, 360, 300 + 150 * k, lines[k]) for k, first in enumerate("ABCD")]
    strips = [
        (0, MarkerStrip(Path(f"{k}.tif"), (250, 280 + 150 * k, 470, 350 + 150 * k), lines[k], c))
        for k, c in enumerate("ABCD")
    ]

    def reads(*markers: tuple[str, float]) -> list[list[Word]]:
        return [
            [Word(m, 10, 10, 40, 40, c, 1, 1, 1), Word(f, 110, 10, 40, 40, 96.0, 1, 1, 1)]
            for (m, c), f in zip(markers, "ABCD", strict=True)
        ]

    def markers(found: list[list[Word]]) -> list[str]:
        return [w.text for w in found[0] if w.text[0].isdigit()]

    found = [list(page)]
    pipeline.ocr._merge_markers(found, strips, reads(("2.", 3), ("3.", 95), ("4.", 96), ("5.", 95)))
    assert markers(found) == ["2.", "3.", "4.", "5."]
    found = [list(page)]  # the next read is no sure marker: the unsure one is not taken
    pipeline.ocr._merge_markers(found, strips, reads(("2.", 3), ("3.", 20), ("4.", 96), ("5.", 95)))
    assert markers(found) == []
    found = [list(page)]  # the next read's number does not follow
    pipeline.ocr._merge_markers(found, strips, reads(("2.", 3), ("4.", 95), ("5.", 96), ("6.", 95)))
    assert markers(found) == []


@pytest.mark.parametrize(
    ("reads", "wanted"),
    [
        # regression (eval_scans seed 101, scan-001 at 300 dpi): ``3. Für`` read as SssEUr
        ([("2.", 95), ("SssEUr", 0), ("4.", 96), ("5.", 95)], ["2.", "3.", "4.", "5."]),
        ([("2)", 95), ("SssEUr", 0), ("4)", 96), ("5)", 95)], ["2)", "3)", "4)", "5)"]),
        # the number after the gap must be two on: ink between 2. and 5. is not told
        ([("2.", 95), ("SssEUr", 0), ("5.", 96), ("6.", 95)], ["2."]),
        ([("2.", 95), ("SssEUr", 0), ("4.", 30), ("5.", 95)], ["2."]),  # 4. unsure
        ([("2.", 95), ("3.", 96), ("4.", 95), ("SssEUr", 0)], ["2.", "3.", "4."]),  # none after
    ],
)
def test_a_marker_between_two_in_sequence_is_inferred(
    reads: list[tuple[str, float]], wanted: list[str]
) -> None:
    lines = [(10 + k, 1, 1) for k in range(4)]
    page = [word("1.", 250, 150, (9, 1, 1)), word("Text", 360, 150, (9, 1, 1))]
    page += [word(first, 360, 300 + 150 * k, lines[k]) for k, first in enumerate("ABCD")]
    strips = [
        (0, MarkerStrip(Path(f"{k}.tif"), (250, 280 + 150 * k, 470, 350 + 150 * k), lines[k], c))
        for k, c in enumerate("ABCD")
    ]
    read = [
        [Word(m, 10, 10, 40, 40, c, 1, 1, 1), Word(f, 110, 10, 40, 40, 96.0, 1, 1, 1)]
        if c
        else [Word(m, 10, 10, 120, 40, c, 1, 1, 1)]
        for (m, c), f in zip(reads, "ABCD", strict=True)
    ]
    found = [list(page)]
    pipeline.ocr._merge_markers(found, strips, read)
    assert [w.text for w in found[0][2:] if w.text[0].isdigit()] == wanted
    inferred = [w for w in found[0] if w.confidence == INFERRED_MARKER_CONFIDENCE]
    assert len(inferred) == (1 if reads[1][1] == 0 and len(wanted) == 4 else 0)
    for marker in inferred:  # before its line's first word, on its line
        at = found[0].index(marker)
        assert found[0][at + 1].text == "B" and marker.line == lines[1][2]
        assert (marker.block, marker.left) == (lines[1][0], 270)


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


LOST = word("Zu.", 300, 500, (12, 1, 1), 26.0)
HEADING = HeadingStrip(Path("heading.tif"), (285, 490, 500, 550), LOST)


@pytest.mark.parametrize(
    ("read", "taken"),
    [
        ([("Zu5.", 33)], ["Zu5."]),
        ([("Zu", 90), ("5.", 80)], ["Zu", "5."]),
        ([("Zul.", 68)], ["Zul."]),  # a digit as a look-alike: cleanup reads it in sequence
        ([("Zu", 90), ("2", 80), ("a)", 70)], ["Zu", "2", "a)"]),
        ([("Zu", 90), ("5.", 80), (".", 10)], ["Zu", "5."]),  # a speck aside
        ([("ZU:", 80)], None),  # still no number
        ([("Zu5.", 20)], None),  # unsure
        ([("Zu", 90), ("5.", 80), ("Der", 90)], None),  # more than a heading
        ([("Zur", 90)], None),
    ],
)
def test_only_a_heading_with_its_number_is_taken(
    read: list[tuple[str, float]], taken: list[str] | None
) -> None:
    words = [Word(t, 15 + 60 * k, 10, 40, 40, c, 1, 1, 1) for k, (t, c) in enumerate(read)]
    page = [*PAGE, LOST, word("Der", 300, 560, (12, 1, 2))]
    merged = merge_heading(page, HEADING, words)
    if taken is None:
        assert merged is None
        return
    assert merged is not None and [w.text for w in merged[5:]] == [*taken, "Der"]
    assert (merged[5].left, merged[5].top, merged[5].line) == (300, 500, 1)


def test_a_heading_read_without_its_number_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 11, scan-002 at 300 dpi): the letter's only
    status heading, ``Zu 5.``, was read as one word ``Zu.``, and point 5 lost its report."""
    check_tesseract()
    page = scan_page(tmp_path, 11, 6, "scan-002", 0)
    record = process_input(read_input(page, OcrSettings()), Settings())
    fifth = next(p for p in record.points if p.label == "5")
    assert fifth.status_phrase is not None
    assert fifth.status_phrase.value == "Der Beschlusspunkt kann nicht umgesetzt werden."
    # without the re-reads point 5 has no status (since stamps joined by a skewed rule are
    # found, the page reads without its hanging markers 3 to 5 then: no point 5 at all)
    monkeypatch.setattr(pipeline.ocr, "READ_MARKERS", False)
    plain = process_input(read_input(page, OcrSettings()), Settings())
    assert not [p for p in plain.points if p.label == "5" and p.status_phrase is not None]


@pytest.mark.parametrize(("misread", "confidence"), [("1-", 63.0), ("1:", 90.0), ("de", 70.0)])
def test_a_marker_misread_in_a_block_of_its_own_is_read_again(
    tmp_path: Path, misread: str, confidence: float
) -> None:
    """Regression (tests/eval_scans.py seed 31, scan-004, and seed 53, scan-000, at 300 dpi
    with the Tesseract options of that day): the page read ``1-`` or ``de`` in a block of its
    own for the hanging ``1.``; it was taken for a line of text, so no strip was cut for the
    point's line and point 1 had no label."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (1200, 800), 255)
    ImageDraw.Draw(image).rectangle((262, 505, 282, 535), fill=0)  # the marker's ink
    body = [word("Die", 250, 100 + 60 * k, (1, 1, k + 1)) for k in range(4)]
    body += [
        word("Stadt prüft den Antrag gründlich", 360, 100 + 60 * k, (1, 1, k + 1)) for k in range(4)
    ]
    lone = word(misread, 262, 500, (2, 1, 1), confidence)
    line = [word("Der", 360, 500, (3, 1, 1)), word("Rat", 470, 500, (3, 1, 1))]
    strips = marker_strips([*body, lone, *line], image, tmp_path, "page")
    assert [(s.first, s.line, [w.text for w in s.covered]) for s in strips] == [
        ("Der", (3, 1, 1), [misread])
    ]
    read = [Word("1.", 10, 10, 40, 40, 90.0, 1, 1, 1), Word("Der", 110, 10, 40, 40, 96.0, 1, 1, 1)]
    merged = merge_marker([*body, lone, *line], strips[0], read, None)
    assert merged is not None
    assert [w.text for w in merged if w.line == 1 and w.block == 3] == ["1.", "Der", "Rat"]
    assert misread not in [w.text for w in merged]
