"""Orientation from the page's ink, and pages read in batches by one Tesseract process.

Pages are synthetic letters printed and scanned by samples/make_scans.py (full letter pages:
the ink needs a few text lines to tell), read by the real Tesseract.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from PIL import Image, ImageDraw

from pipeline.ocr import (
    RUN_GAP,
    OcrPage,
    PageReader,
    _mean_run,
    check_tesseract,
    ink_orientation,
    ocr_page,
    prepare_page,
    read_prepared,
    upright,
)
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
import make_scans as scans

DPI = 150
#: PIL's transposes turn counter-clockwise; the page then needs that many degrees clockwise.
TURNS = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
         270: Image.Transpose.ROTATE_270}  # fmt: skip


@pytest.fixture(scope="module")
def letter_pages() -> list[Image.Image]:
    """Page 1 of two letters (different layouts and faces), scanned upright with 1.5° skew."""
    letters = scans.make_letters(4, 5, ("pdf",))
    pages = []
    for letter in letters[:2]:
        sheet = letter.sheets[0]
        damage = scans.Damage(skew=1.5, blur=0.6, speckle=0.3, jpeg=60)
        page = scans.render_sheet(
            scans.Sheet(sheet.items, sheet.rules, damage), DPI, random.Random(1)
        )
        pages.append(page.image.convert("L"))
    return pages


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_ink_finds_the_turn_and_the_skew(letter_pages: list[Image.Image], turn: int) -> None:
    for page in letter_pages:
        turned = page.transpose(TURNS[turn]) if turn else page
        found = ink_orientation(turned)
        assert found is not None
        rotation, skew = found
        assert rotation == turn
        assert abs(abs(skew) - 1.5) <= 0.5


def _closed_by_shifts(ink: np.ndarray) -> np.ndarray:
    """Each row closed by ``RUN_GAP`` either way the plain way: dilated by shifting the mask,
    then eroded by shifting it back (nothing beyond a row's ends erodes it)."""
    grown = ink.copy()
    for shift in range(1, RUN_GAP + 1):
        grown[:, shift:] |= ink[:, :-shift]
        grown[:, :-shift] |= ink[:, shift:]
    closed = grown.copy()
    for shift in range(1, RUN_GAP + 1):
        closed[:, shift:] &= grown[:, :-shift]
        closed[:, :-shift] &= grown[:, shift:]
    return closed


def _mean_closed_run(ink: np.ndarray) -> float:
    closed = _closed_by_shifts(ink)
    runs = int(closed[:, 0].sum()) + int((closed[:, 1:] & ~closed[:, :-1]).sum())
    return float(closed.sum()) / max(1, runs)


def test_mean_run_is_that_of_the_row_closed_for_every_row_of_eleven() -> None:
    for bits in range(2**11):
        row = np.array([[bits >> k & 1 for k in range(11)]], dtype=bool)
        assert _mean_run(row) == pytest.approx(_mean_closed_run(row)), row


@given(arrays(bool, st.tuples(st.integers(1, 8), st.integers(1, 30))))
def test_mean_run_is_that_of_the_rows_closed(ink: np.ndarray) -> None:
    assert _mean_run(ink) == pytest.approx(_mean_closed_run(ink))


def test_ink_is_unsure_on_a_blank_page_or_a_few_words() -> None:
    assert ink_orientation(Image.new("L", (1240, 1754), 255)) is None
    sparse = Image.new("L", (1240, 1754), 255)
    ImageDraw.Draw(sparse).text((200, 300), "Seite 2", fill=0)
    assert ink_orientation(sparse) is None


def test_upright_asks_osd_when_the_ink_is_unsure(letter_pages: list[Image.Image]) -> None:
    """A page of three short lines at the top: too few lines for the ink, OSD decides."""
    check_tesseract("deu")
    page = letter_pages[0]
    top = page.crop((0, 0, page.width, page.height // 5)).transpose(TURNS[180])
    assert ink_orientation(top) is None or ink_orientation(top)[0] == 180  # type: ignore[index]
    assert upright(top, 60)[0] in (0, 180)  # OSD may be unsure too: then it leaves the page


def test_a_batch_reads_as_pages_alone(letter_pages: list[Image.Image], tmp_path: Path) -> None:
    check_tesseract("deu")
    with PageReader() as reader:
        for page in letter_pages:
            reader.add(page.transpose(TURNS[180]))
        batch = reader.read()
        assert len(reader) == 0 and reader.read() == []
    alone = [read_prepared([prepare_page(p, tmp_path / f"{k}.tif")], "deu", 60)[0]
             for k, p in enumerate(letter_pages)]  # fmt: skip
    assert all(isinstance(page, OcrPage) for page in batch + alone)
    assert [p.text for p in batch] == [p.text for p in alone]  # type: ignore[union-attr]
    assert [p.rotation for p in batch] == [180, 180]  # type: ignore[union-attr]


def test_a_page_tesseract_cannot_read_costs_only_itself(
    letter_pages: list[Image.Image], tmp_path: Path
) -> None:
    check_tesseract("deu")
    good = prepare_page(letter_pages[0], tmp_path / "good.tif")
    broken = prepare_page(letter_pages[1], tmp_path / "broken.tif")
    broken.path.write_bytes(b"II*\x00 not really a TIFF")
    pages = read_prepared([good, broken, good], "deu", 60)
    assert isinstance(pages[0], OcrPage) and isinstance(pages[2], OcrPage)
    assert isinstance(pages[1], Exception)
    assert pages[0].text == pages[2].text and "Sehr geehrte" in pages[0].text


def test_a_page_turned_wrong_is_read_again_at_its_turn(
    letter_pages: list[Image.Image], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The safety net: a page the ink turned the wrong way reads poorly and is read again at
    the other turns, from the page as given (kept by the reader; the caller has closed it)."""
    import pipeline.ocr as ocr

    check_tesseract("deu")
    monkeypatch.setattr(ocr, "ink_orientation", lambda image: (180, 0.0))
    page = letter_pages[0].copy()
    with PageReader() as reader:
        reader.add(page)
        page.close()
        read = reader.read()[0]
    assert isinstance(read, OcrPage)
    assert read.rotation == 0
    assert read.mean_confidence >= ocr.POOR_CONFIDENCE
    upright_read = ocr_page(letter_pages[0])
    assert read.text.split()[:5] == upright_read.text.split()[:5]


def test_pages_reach_tesseract_as_uncompressed_tiff(
    letter_pages: list[Image.Image], tmp_path: Path
) -> None:
    """Regression: pages were handed to Tesseract as PGM, whose Leptonica reader cost 0.1 s of
    CPU a page more than an uncompressed TIFF of the same pixels (12% of a page's read)."""
    page = letter_pages[0]
    prepared = prepare_page(page, tmp_path / "page.tif")
    with Image.open(prepared.path) as saved:
        assert saved.format == "TIFF"
        assert saved.info.get("compression") == "raw"
        assert saved.size == (prepared.width, prepared.height)
    with PageReader() as reader:
        reader.add(page)
        folder = Path(reader._folder.name)
        written = sorted(folder.iterdir())
    assert written and {path.suffix for path in written} == {".tif"}


@pytest.mark.parametrize("turn", [90, 270])
def test_word_boxes_turned_upright_read_as_the_page(
    letter_pages: list[Image.Image], tmp_path: Path, turn: int
) -> None:
    """Word boxes are in the page as given; turned upright (``PageText.upright``) a line's
    words run left to right and the page's lines top to bottom, as on the upright page (the
    signature block's columns are told by them)."""
    from pipeline.ingest import OcrSettings, read_input

    check_tesseract("deu")
    path = tmp_path / "turned.png"
    letter_pages[0].transpose(TURNS[turn]).save(path)
    page = read_input(path, OcrSettings(dpi=DPI)).pages[0]
    assert page.rotation == turn
    lines: dict[tuple[int, int, int], list[tuple[int, int, int, int]]] = {}
    for word in page.words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(page.upright(word.box))
    long_lines = [boxes for boxes in lines.values() if len(boxes) >= 4]
    assert len(long_lines) >= 5
    for boxes in long_lines:
        assert [box[0] for box in boxes] == sorted(box[0] for box in boxes)
    middles = [sum(box[1] + box[3] for box in boxes) / (2 * len(boxes)) for boxes in long_lines]
    assert middles == sorted(middles)
