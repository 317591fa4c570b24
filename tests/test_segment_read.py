"""Pieces of lines read as noise, read again from a strip of their own
(pipeline.segment_read): which pieces are cut out, which reads replace them, and a page read
by the real Tesseract."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

import pipeline.ocr
import pipeline.segment_read
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
    assert all(path.exists() for path in strip.paths)


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


def inked(boxes: list[tuple[int, int, int, int]]) -> Image.Image:
    """A blank page with black boxes where its ink stands."""
    image = Image.new("L", (2000, 400), 255)
    draw = ImageDraw.Draw(image)
    for box in boxes:
        draw.rectangle(box, fill=0)
    return image


def test_a_strip_reaches_along_its_lines_ink(tmp_path: Path) -> None:
    """Tesseract gave a box to a piece of the line (``nana`` for ``Datum: 04.07.2017``): the
    strip takes the line's ink left and right of it, across word gaps, up to a column gap."""
    words = [
        word("Aktenzeichen:", 1400, 150, 1, 91.0),
        word("nana", 1560, 215, 2, 0.0),
        word("Bearbeiter:", 1400, 300, 3),
    ]
    # ink of the lost line: "Datum:" at 1400-1580 and the date at 1600-1850 (the noise's
    # box lies inside); a column of other ink 200 pixels (five heights) right of it
    image = inked([(1400, 210, 1580, 250), (1600, 210, 1850, 250), (1990, 215, 1999, 250)])
    (strip,) = segment_strips(words, image, tmp_path, "p")
    left, top, right, bottom = strip.box
    assert 1370 <= left < 1400 and 1850 < right <= 1880  # not on to the ink at 1990
    assert 190 <= top < 210 and 250 < bottom <= 300


def test_a_noise_box_over_two_lines_gives_a_strip_of_its_top_line(tmp_path: Path) -> None:
    """Regression (tests/eval_scans.py seed 23, scan-004): Tesseract's box of noise (``ee``)
    reached over ``Datum: 18.02.2020`` and the line below, read well; the strip of both lines
    read nothing sure. It ends at the line below, whose ink above its words' boxes (the tops
    of their letters) is set to paper."""
    words = [
        word("GZ:", 1400, 150, 1, 91.0),
        Word("eeee", 1400, 215, 120, 95, 23.0, 1, 1, 2),
        word("Bearbeiterin:", 1400, 280, 3, 58.0),
    ]
    # the lost line's ink, and the next line's from 276 (its boxes' tops at 280)
    image = inked([(1400, 215, 1700, 255), (1400, 276, 1800, 320)])
    (strip,) = segment_strips(words, image, tmp_path, "p")
    _, top, _, bottom = strip.box
    assert 190 <= top < 215 and 255 < bottom <= 280
    with Image.open(strip.paths[1]) as saved:
        rows = [saved.crop((0, y, saved.width, y + 1)).getextrema()[0] for y in range(saved.height)]
    assert min(rows[215 - top : 255 - top]) == 0  # its line's ink is kept
    assert min(rows[256 - top :]) == 255  # the next line's is gone


def test_a_mark_read_surely_bounds_no_strip(tmp_path: Path) -> None:
    """Regression (tests/eval_scans.py seed 137, scan-003 at 200 dpi): a speck in the lost
    line read as ``.`` at 72 ended its strip halfway down the line, which then read nothing
    sure; the date was lost."""
    words = [
        word("GZ:", 1400, 150, 1, 91.0),
        word("Dabum>", 1400, 210, 2, 15.0),
        Word(".", 1500, 230, 4, 4, 72.0, 1, 1, 3),
        word("Bearbeiterin:", 1400, 290, 4),
    ]
    image = inked([(1400, 210, 1700, 250)])
    (strip,) = segment_strips(words, image, tmp_path, "p")
    assert strip.box[3] > 250


def test_a_strip_stops_at_a_word_read_surely(tmp_path: Path) -> None:
    words = [
        word("An", 100, 210, 1, 93.0),
        word("nana", 1560, 215, 1, 0.0),
    ]
    # the ink runs on without a gap from "An" to the noise: the strip stays right of "An"
    image = inked([(100, 210, 1700, 250)])
    (strip,) = segment_strips(words, image, tmp_path, "p")
    assert strip.box[0] >= 160 - 20 and strip.box[2] <= 1700 + 21


def test_noise_in_the_reach_of_a_strip_is_covered_by_it(tmp_path: Path) -> None:
    """Noise words whose middle lies in a strip are replaced with its read, and give no
    strip of their own."""
    words = [
        word("nana", 1560, 215, 1, 0.0),
        Word("n", 1420, 212, 30, 36, 12.0, 1, 1, 2),  # too narrow for a strip of its own
        word("a", 1700, 212, 3, 3.0),
    ]
    image = inked([(1400, 210, 1850, 250)])
    (strip,) = segment_strips(words, image, tmp_path, "p")
    assert [w.text for w in strip.covered] == ["nana", "n", "a"]


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
    strip = SegmentStrip((Path("x.tif"),), (80, 150, 210, 255), (words[1],))
    reads = [Word(text, 10 + 60 * k, 40, 50, 40, c, 1, 1, 1) for k, (text, c) in enumerate(read)]
    result = merge_segment(words, strip, [reads])
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


def test_a_date_line_tesseract_gave_only_a_piece_of_is_read_from_its_strip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 191, scan-000): Tesseract joined ``Datum:
    04.07.2017`` to ``Fraktionen sowie Mitglieder`` on its left, gave a box to a piece of it
    (``na``) and lost the rest; the piece's strip, as narrow as ``na``, read nothing sure and
    the letter had no date. Its strip along the line's ink reads it."""
    check_tesseract()
    page = scan_page(tmp_path, 191, 6, "scan-000", 0)
    record = process_input(read_input(page, OcrSettings()), Settings())
    assert record.document.date is not None and record.document.date.value == "2017-07-04"
    monkeypatch.setattr(pipeline.segment_read, "_along_ink", lambda *a: (a[2], a[3]))
    monkeypatch.setattr(pipeline.segment_read, "TALL", 99.0)  # its noise is tall too
    plain = process_input(read_input(page, OcrSettings()), Settings())
    assert plain.document.date is None


def test_a_piece_with_a_tall_word_of_noise_is_read_again_whole(tmp_path: Path) -> None:
    """Tesseract gave one box to two lines (``on`` over ``GZ: …`` and ``Datum: 04.10.2018``)
    and read the lower one as ``on 0 ) 10.2018``: some of its words are sure, but the tall
    noise marks the piece; its strip lies between ``GZ:`` and the next line and covers every
    word of the piece. A piece without tall noise is left."""
    words = [
        word("GZ:", 1400, 150, 1, 93.0),
        word("Bürgerschaft", 300, 220, 2),  # the address beside it
        Word("on", 1400, 160, 60, 100, 13.0, 1, 1, 2),
        Word("0", 1480, 220, 25, 40, 73.0, 1, 1, 2),
        Word("10.2018", 1520, 220, 190, 40, 96.0, 1, 1, 2),
        word("Bearbeiter:", 1400, 330, 3),
    ]
    image = inked([(1400, 150, 1490, 190), (1400, 220, 1710, 260), (1400, 330, 1730, 370)])
    (strip,) = segment_strips(words, image, tmp_path, "p")
    assert [w.text for w in strip.covered] == ["on", "0", "10.2018"]
    _, top, _, bottom = strip.box
    assert 190 <= top < 220 and 260 < bottom <= 330  # below GZ:, above the next line
    short = [*words[:2], replace(words[2], height=40, top=220), *words[3:]]
    assert segment_strips(short, image, tmp_path, "q") == []
    # a line of the body, no column beside it: its unsure words stay as read (regression:
    # seed 173 scan-001, ``beauftragt, gemeinsam`` replaced with ``beauftragt; gemeinsam``)
    alone = [words[0], *words[2:]]
    assert segment_strips(alone, image, tmp_path, "r") == []


def test_a_tall_noise_box_from_a_line_read_well_gives_a_strip_below_it(tmp_path: Path) -> None:
    """Regression (tests/eval_scans.py seed 31, scan-002): the box of noise (``en``) began at
    the top of ``GZ: (GB 4) 21.29``, read well, and reached over ``Datum:`` below it; the
    strip of both lines was no sure read of one. It now begins below ``GZ:``."""
    words = [
        word("GZ:", 1400, 150, 1, 93.0),
        word("21.29", 1500, 150, 1, 96.0),
        Word("en", 1400, 150, 140, 85, 20.0, 1, 1, 2),
        word("Bearbeiter:", 1400, 285, 3),
    ]
    image = inked([(1400, 150, 1650, 190), (1400, 200, 1560, 235), (1400, 285, 1730, 325)])
    (strip,) = segment_strips(words, image, tmp_path, "p")
    _, top, _, bottom = strip.box
    assert 190 <= top < 200 and 235 < bottom <= 285


def test_a_date_line_under_a_tall_box_of_noise_is_read_from_its_strip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 31, scan-005): ``Datum: 04.10.2018`` read
    ``on 0 ) 10.2018`` (``on`` a box over two lines, ``10.2018`` sure); the letter had no date."""
    check_tesseract()
    page = scan_page(tmp_path, 31, 6, "scan-005", 0)
    record = process_input(read_input(page, OcrSettings(drop_stamps=True)), Settings())
    assert record.document.date is not None and record.document.date.value == "2018-10-04"
    monkeypatch.setattr(pipeline.segment_read, "TALL", 99.0)
    plain = process_input(read_input(page, OcrSettings(drop_stamps=True)), Settings())
    assert plain.document.date is None


def test_a_strip_over_two_lines_is_read_as_a_block_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 73, scan-000 at 300 dpi): ``An alle`` and
    ``Fraktionen sowie Mitglieder`` read as one line of noise (``= 2 en en``, boxes over both
    lines); their strip read as one line gave nothing sure, and the addressee was lost. A
    strip that tall is read as a block when one line gives nothing; a strip of one line is not."""
    words = [
        Word("=", 353, 150, 69, 92, 0.0, 1, 1, 1),
        Word("2", 430, 149, 43, 92, 0.0, 1, 1, 1),
        Word("en", 536, 148, 67, 94, 59.6, 1, 1, 1),
        Word("en", 624, 203, 389, 47, 26.7, 1, 1, 1),
        word("Aktenzeichen:", 1500, 160, 1),  # the column beside it
        word("der", 350, 265, 2),
        *(word("Bürgerschaft", 500 + 400 * k, 265, 2) for k in range(3)),
    ]
    image = inked([(350, 150, 600, 190), (350, 205, 1010, 245), (350, 265, 500, 305)])
    (strip,) = segment_strips(words, image, tmp_path, "p")
    assert strip.lines == 2
    (single,) = segment_strips(page_words(), Image.new("L", (2000, 400), 255), tmp_path, "q")
    assert single.lines == 1
    check_tesseract()
    page = scan_page(tmp_path, 73, 6, "scan-000", 0)
    record = process_input(read_input(page, OcrSettings(drop_stamps=True)), Settings())
    assert [a.value for a in record.document.addressees] == [
        "An alle Fraktionen sowie Mitglieder der Bürgerschaft der Hansestadt Stralsund"
    ]
    monkeypatch.setattr(pipeline.segment_read, "TWO_LINES", 99.0)  # every strip one line's
    plain = process_input(read_input(page, OcrSettings(drop_stamps=True)), Settings())
    assert plain.document.addressees == []
