"""Pieces of lines read as noise, read again from a strip of their own
(pipeline.segment_read): which pieces are cut out, which reads replace them, and a page read
by the real Tesseract."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

import pipeline.ocr
from pipeline.ingest import OcrSettings, read_input
from pipeline.ocr import Word, check_tesseract
from pipeline.run import Settings, process_input
from pipeline.segment_read import SegmentStrip, merge_segment, segment_strips
from tests.conftest import scan_page


def word(text: str, left: int, top: int, line: int, confidence: float = 92.0) -> Word:
    return Word(text, left, top, 30 * len(text), 40, confidence, 1, 1, line)


def page_words() -> list[Word]:
    """A two-column header: the left piece of line 1 read as noise, the right one well."""
    return [
        word("Stadt", 100, 100, 1),
        word("au,", 100, 200, 2, 29.0),
        Word("ug:", 400, 205, 45, 12, 12.0, 1, 1, 2),  # a speck's noise: too narrow to read
        word("Aktenzeichen:", 1400, 210, 2, 91.0),
        word("Fraktionen", 100, 260, 3),
        word("Datum:", 1400, 265, 3),
    ]


def test_a_noise_piece_is_cut_out_between_the_lines_of_its_column(tmp_path: Path) -> None:
    image = Image.new("L", (2000, 400), 255)
    strips = segment_strips(page_words(), image, tmp_path, "p")
    assert len(strips) == 1
    (strip,) = strips
    assert [w.text for w in strip.covered] == ["au,"]
    left, top, right, bottom = strip.box
    assert left < 100 < 190 < right < 400
    assert 140 <= top < 200 and 240 < bottom <= 260  # not into "Stadt" nor "Fraktionen"
    assert strip.path.exists()


def test_a_piece_read_surely_is_not_cut_out(tmp_path: Path) -> None:
    words = [w if w.text != "au," else word("An", 100, 200, 2, 64.0) for w in page_words()]
    assert segment_strips(words, Image.new("L", (2000, 400), 255), tmp_path, "p") == []


def test_pieces_below_the_closing_are_left(tmp_path: Path) -> None:
    """Regression (seed 53, scan-002 at 200 dpi): ``Hoffmann`` under a signature, read
    unsurely but right, was read again from its strip as ``loffmann``."""
    image = Image.new("L", (2000, 900), 255)
    assert len(segment_strips(page_words(), image, tmp_path, "p")) == 1
    signed = [word("Grüßen", 100, 20, 1), *[replace(w, top=w.top + 300) for w in page_words()]]
    assert segment_strips(signed, image, tmp_path, "p") == []


@pytest.mark.parametrize(
    ("read", "merged"),
    [
        ([("An", 95), ("alle", 93)], ["An", "alle", "ug:", "Aktenzeichen:"]),
        ([("An", 95), ("alle", 60)], None),  # unsure
        ([("‚", 95), ("7", 96)], None),  # no letters
        ([], None),
    ],
)  # fmt: skip
def test_only_a_sure_read_with_letters_replaces_the_noise(
    read: list[tuple[str, float]], merged: list[str] | None
) -> None:
    words = page_words()
    strip = SegmentStrip(Path("x.tif"), (80, 150, 210, 255), (words[1],))
    reads = [Word(text, 10 + 60 * k, 40, 50, 40, c, 1, 1, 1) for k, (text, c) in enumerate(read)]
    result = merge_segment(words, strip, reads)
    if merged is None:
        assert result is None
        return
    assert result is not None
    line = [w for w in result if w.line == 2]
    assert [w.text for w in line] == merged
    assert (line[0].left, line[0].top) == (90, 190)  # in the page's pixels


def test_an_address_line_read_as_noise_is_read_from_its_strip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 11, scan-005): on the skewed page Tesseract
    joined ``An alle`` to ``Aktenzeichen: VI/28 404`` on its right and read it ``au,``; the
    addressee was lost. Its strip reads it."""
    check_tesseract()
    page = scan_page(tmp_path, 11, 6, "scan-005", 0)
    record = process_input(read_input(page, OcrSettings(drop_stamps=True)), Settings())
    assert [a.value for a in record.document.addressees] == [
        "An alle Fraktionen sowie Stadträtinnen/Stadträte des Stadtrates der Stadt Leipzig"
    ]
    monkeypatch.setattr(pipeline.ocr, "READ_PIECES", False)
    plain = process_input(read_input(page, OcrSettings(drop_stamps=True)), Settings())
    assert plain.document.addressees == []
