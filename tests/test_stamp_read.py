"""Date stamps read on their own (pipeline.stamp_read, pipeline.ocr.read_prepared): the angle
of a stamp, which reads are used, and pages read by the real Tesseract."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from scipy import ndimage

from pipeline.ingest import OcrSettings, read_input
from pipeline.ocr import Word, check_tesseract
from pipeline.run import Settings, process_input
from pipeline.stamp_read import JOIN_MM, _dilate, _erode, dated, merge_stamp, stamp_angle

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
PAPER = 244


def frame_mask(angle: float) -> np.ndarray:
    """A stamp's ink: a frame around two lines of text, turned by ``angle``."""
    mask = Image.new("L", (560, 240), 0)
    draw = ImageDraw.Draw(mask)
    draw.rectangle((10, 10, 549, 229), outline=255, width=6)
    face = ImageFont.truetype(BOLD, 50)
    draw.text((40, 40), "12. SEP. 2014", font=face, fill=255)
    draw.text((40, 130), "Stadt Leipzig", font=face, fill=255)
    return np.asarray(mask.rotate(angle, Image.Resampling.NEAREST, expand=True)) > 127


@pytest.mark.parametrize("angle", [-25.0, -11.5, 0.0, 8.0, 24.0])
def test_the_angle_of_a_stamp_is_its_frames(angle: float) -> None:
    ink = frame_mask(angle)
    assert abs(stamp_angle(ink) - angle) <= 1.0
    # a printed rule caught in the mask, apart from the stamp, does not turn it
    ruled = np.zeros((ink.shape[0] + 60, ink.shape[1]), dtype=bool)
    ruled[60:] = ink
    ruled[10:13, :] = True
    assert abs(stamp_angle(ruled) - angle) <= 1.0


@pytest.mark.parametrize(
    ("name", "dpi", "angle"),
    [
        ("stamp-ink-seed-53-scan-004-300dpi.png", 300, 6.0),  # was 20.5: read as nothing
        ("stamp-ink-seed-11-scan-002-200dpi.png", 200, -9.6),  # was 30.0
        ("stamp-ink-seed-139-scan-005-200dpi.png", 200, 7.3),  # was -30.0
        ("stamp-ink-seed-23-scan-000-150dpi.png", 150, 24.1),  # a dashed rule above it
    ],
)
def test_the_angle_of_a_stamp_whose_frame_lost_ink(name: str, dpi: int, angle: float) -> None:
    """Regression (tests/eval_scans.py, the seed, letter and dpi in the name; the generator's
    angle): the ink of scanned stamps the angle is measured on (``crop_image``'s strong ink),
    frames broken where ink ran thin. The smallest rectangle around the largest piece lay
    along a broken corner's diagonal, and the stamp was read turned, as nothing."""
    ink = np.asarray(Image.open(DATA / name).convert("L")) < 128
    join = max(1, round(JOIN_MM * dpi / 25.4))
    assert abs(stamp_angle(ink, join) - angle) <= 1.0


def line(*texts: str, confidence: float = 90.0) -> list[Word]:
    return [Word(text, 10 * k, 0, 8, 10, confidence, 1, 1, 1) for k, text in enumerate(texts)]


@pytest.mark.parametrize("seed", range(6))
def test_line_erosion_and_dilation_give_scipys_pixels(seed: int) -> None:
    # the frame search's fast line morphology must not change what Tesseract is given:
    # lines odd and even, longer than the image, at the edges
    rng = np.random.default_rng(seed)
    for _ in range(60):
        mask = rng.random(tuple(rng.integers(1, 50, 2))) < rng.uniform(0.2, 0.95)
        length, axis = int(rng.integers(1, 40)), int(rng.integers(0, 2))
        line = np.ones((1, length) if axis else (length, 1), bool)
        eroded, dilated = _erode(mask, length, axis), _dilate(mask, length, axis)
        assert np.array_equal(eroded, ndimage.binary_erosion(mask, line))
        assert np.array_equal(dilated, ndimage.binary_dilation(mask, line))
        assert np.array_equal(_dilate(eroded, length, axis), ndimage.binary_opening(mask, line))
        closed = _erode(_dilate(mask, length, axis), length, axis)
        assert np.array_equal(closed, ndimage.binary_closing(mask, line))


def test_only_date_lines_of_a_stamp_are_taken_without_its_frame() -> None:
    lines = [line("|", "12.SEP.", "2014]"), line("Stadt", "Leipzig"), line("un", "—")]
    assert [[word.text for word in found] for found in dated(lines)] == [["12.SEP.", "2014"]]
    # the frame's left edge read as a 1 before the day
    (found,) = dated([line("122.", "APR.", "2017|")])
    assert [word.text for word in found] == ["22.", "APR.", "2017"]
    assert dated([line("Stadt", "Leipzig")]) == []


def test_a_receipt_stamp_gives_no_date() -> None:
    assert dated([line("EINGEGANGEN"), line("12.", "SEP.", "2014")]) == []
    assert dated([line("M", "SINGEGANGEN"), line("02.", "DEZ.", "2012")]) == []


def letter_page(stamp_lines: tuple[str, ...], at: tuple[int, int], angle: float) -> Image.Image:
    """A letterhead, a file reference, a ``Datum:`` label with no date typed after it, a
    body, and a stamp in grey ink with ``stamp_lines`` centred at ``at``, turned by ``angle``."""
    image = Image.new("L", (2480, 3508), PAPER)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(SERIF, 46)
    draw.text((300, 250), "Stadt Leipzig", font=ImageFont.truetype(SERIF, 70), fill=10)
    draw.text((300, 340), "Amt für Schule", font=face, fill=10)
    draw.text((1300, 560), "Aktenzeichen: 40.12-3345/2014", font=face, fill=10)
    draw.text((1300, 630), "Datum:", font=face, fill=10)
    for k in range(12):
        text = "Der Stadtrat hat in seiner Sitzung den folgenden Beschluss gefasst und"
        draw.text((300, 1100 + 70 * k), text, font=face, fill=10)
    mask = Image.new("L", (560, 50 + 90 * len(stamp_lines)), 0)
    ink = ImageDraw.Draw(mask)
    ink.rectangle((8, 8, mask.width - 9, mask.height - 9), outline=255, width=7)
    for k, text in enumerate(stamp_lines):
        ink.text((40, 25 + 90 * k), text, font=ImageFont.truetype(BOLD, 56), fill=255)
    mask = mask.rotate(angle, Image.Resampling.BICUBIC, expand=True)
    box = (at[0] - mask.width // 2, at[1] - mask.height // 2)
    under = image.crop((*box, box[0] + mask.width, box[1] + mask.height))
    stamped = Image.fromarray(np.minimum(np.asarray(under), 110).astype(np.uint8))
    image.paste(Image.composite(stamped, under, mask), box)
    return image


def read(tmp_path: Path, image: Image.Image, settings: OcrSettings | None = None) -> object:
    path = tmp_path / "letter.png"
    image.save(path, dpi=(300, 300))
    return process_input(read_input(path, settings or OcrSettings()), Settings())


# Regression (tests/eval_scans.py seed 101): at -14, -8 and 8 degrees Tesseract read the
# stamp's frame beside the day as a letter and the date went unread; its frame is now taken off.
@pytest.mark.parametrize("angle", [-14.0, -8.0, 18.0])
def test_a_date_stamp_beside_datum_is_the_letters_date(tmp_path: Path, angle: float) -> None:
    check_tesseract()
    record = read(tmp_path, letter_page(("12. SEP. 2014",), (1850, 700), angle))
    assert str(record.document.date.value) == "2014-09-12"  # type: ignore[attr-defined]
    ((left, top, right, bottom),) = record.source.page_info[0].stamps_read  # type: ignore[attr-defined]
    assert left <= 1850 <= right and top <= 700 <= bottom
    # without stamp handling the stamp is not read on its own
    page = letter_page(("12. SEP. 2014",), (1850, 700), angle)
    kept = read(tmp_path, page, OcrSettings(drop_stamps=False))
    assert kept.source.page_info[0].stamps_read == []  # type: ignore[attr-defined]


def test_a_receipt_stamp_or_a_stamp_away_from_datum_gives_no_date(tmp_path: Path) -> None:
    check_tesseract()
    receipt = read(tmp_path, letter_page(("EINGEGANGEN", "12. SEP. 2014"), (1900, 700), 12.0))
    assert receipt.source.page_info[0].stamps_read == []  # type: ignore[attr-defined]
    assert receipt.document.date is None or str(receipt.document.date.value) != "2014-09-12"  # type: ignore[attr-defined]
    away = read(tmp_path, letter_page(("12. SEP. 2014",), (1200, 2600), 12.0))
    assert away.source.page_info[0].stamps_read == []  # type: ignore[attr-defined]


def test_a_stamp_with_its_year_on_a_line_of_its_own() -> None:
    # regression (tests/eval_scans.py seed 137, 300 dpi): '27.FEB.' over '2014' was no date
    lines = [line("m"), line("27.FEB."), line("2014"), line("Stadt", "Leipzig")]
    assert [[word.text for word in found] for found in dated(lines)] == [["27.FEB.", "2014"]]
    # a year alone is no date, nor day and month with a city under them
    assert dated([line("2014"), line("27.FEB.")]) == []
    assert dated([line("27.FEB."), line("Stadt", "Leipzig")]) == []


def test_a_stamp_beside_a_misread_datum_label_is_the_date(tmp_path: Path) -> None:
    # regression (tests/eval_scans.py seed 127, 300 dpi): 'Datum:' read 'Datınn:' beside a
    # stamp '11.JUNI 2019' read at 91 and 96; the date went unread
    from pipeline.ocr import StampRead, _stamp_dates

    stamp = StampRead(tmp_path / "stamp.tif", (1728, 720, 2184, 960), True)
    read = [
        Word("11.JUNI", 10, 10, 200, 40, 91.0, 1, 1, 1),
        Word("2019", 220, 10, 120, 40, 96.0, 1, 1, 1),
    ]
    for label, taken in [("Datum:", True), ("Datınn:", True), ("Datenschutz", False)]:
        words = [Word(label, 1449, 798, 179, 38, 38.0, 1, 1, 1)]
        lines = _stamp_dates(words, stamp, read)
        assert bool(lines) == taken, label
        if lines:
            assert [[word.text for word in line] for line in lines] == [["11.JUNI", "2019"]]


DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("stamp-unsure-10-apr-2016.png", "2016-04-10"),
        ("stamp-unsure-12-aug-2021.png", "2021-08-12"),
        ("stamp-damaged-11-feb-2018.png", None),
    ],
)
def test_a_stamp_read_unsure_is_read_again(tmp_path: Path, name: str, date: str | None) -> None:
    """Regression (tests/eval_scans.py seeds 127 and 23, 300 dpi): stamp images as
    ``stamp_image`` cut them, whose date Tesseract read right but with confidence 25, so the
    letter had no date. Read again scaled and softened, a sure read agreeing with the first
    gives the date; a day damaged past reading (``11.`` read ``14.`` at 0) stays unread."""
    from pipeline.ocr import MIN_STAMP_CONFIDENCE, _sure

    lines, taken = _read_stamp_twice(tmp_path, name)
    assert lines and not _sure(lines, MIN_STAMP_CONFIDENCE)
    assert taken == ([date] if date else [])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.txt", "stamp.tif"]


def _read_stamp_twice(tmp_path: Path, name: str) -> tuple[list[list[Word]], list[str]]:
    """A stamp image of tests/data read by Tesseract, its date lines, and the dates
    ``_stamps_read_again`` takes from it."""
    from pipeline.ocr import StampRead, _read_lines, _stamps_read_again
    from pipeline.stamp_read import dates_of, stamp_lines

    check_tesseract()
    path = tmp_path / "stamp.tif"
    with Image.open(DATA / name) as image:
        image.save(path, format="TIFF")
    (first,) = _read_lines([path], tmp_path / "list.txt", "deu", 60, "", psm=3) or [[]]
    lines = dated(stamp_lines(first))
    taken = _stamps_read_again([(0, StampRead(path, (0, 0, 640, 320), True), lines)], "deu", 60, "")
    return lines, [str(d) for _, _, found in taken for d in dates_of(found)]


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("stamp-misread-18-apr-2013.png", "2013-04-18"),
        ("stamp-misread-18-mai-2018.png", None),
    ],
)
def test_a_stamp_read_sure_but_not_quite_is_checked(
    tmp_path: Path, name: str, date: str | None
) -> None:
    """Regression (tests/eval_scans.py seeds 149 and 139, 300 dpi): ``13.APR. 2013`` read at
    88 for 18.APR., ``18.MAI 2013`` at 62 and 93 for 2018: wrong dates in the record. Read
    again, more sure reads show the right date than the first read's (18.APR.), or as many
    show another date as its own (2013 twice, 2018 twice): no date then."""
    from pipeline.ocr import CHECKED_STAMP_CONFIDENCE, _sure
    from pipeline.stamp_read import dates_of

    lines, taken = _read_stamp_twice(tmp_path, name)
    assert lines and _sure(lines) and not _sure(lines, CHECKED_STAMP_CONFIDENCE)
    assert date is None or [str(d) for d in dates_of(lines)] != [date]  # the first read is wrong
    assert taken == ([date] if date else [])


def test_type_in_a_corner_of_a_stamps_box_stays() -> None:
    """Regression (tests/eval_scans.py seed 181 at 300 dpi): ``529`` of ``GZ: VI/53 529`` lay
    in the top left corner of a slanted stamp's box, beside its frame, and went with the
    stamp's ink read in place (``ara``, ``inzid``); the file reference was cut to ``VI/53``."""
    box = (1000, 300, 1400, 500)
    pigment = np.zeros((200, 400), bool)
    pigment[60:200, 80:400] = True  # the slanted stamp fills all but the box's top left
    words = [
        Word("GZ:", 700, 310, 60, 30, 96.0, 1, 1, 1),
        Word("529", 1010, 310, 60, 30, 96.0, 1, 1, 1),  # type in the corner
        Word("inzid", 1200, 400, 80, 30, 62.0, 2, 1, 1),  # the stamp's ink read in place
    ]
    date = [[Word("21.JAN.", 0, 0, 9, 9, 95.0, 1, 1, 1), Word("2012", 0, 0, 9, 9, 95.0, 1, 1, 1)]]
    texts = [w.text for w in merge_stamp(words, date, box, False, pigment)]
    assert "529" in texts and "inzid" not in texts and "21.JAN." in texts
    assert "529" not in [w.text for w in merge_stamp(words, date, box, False)]  # mask unknown


# Regression (tests/eval_scans.py: 30 of 192 letters at 300 dpi without their date, most of
# them a stamp whose day lay over type): ink within 0.4 mm of type is left out of a stamp's
# image, and with it the day's strokes where they cross type ('1_.NOV. 2013', '37. NOV.
# 2012'), or all of it at 150 dpi. Read again with only type's own pixels left out, the day is
# whole.
# The same at 10° (x 2300) now reads from the first image: its smallest rectangle lies at
# -3.5°, and the sharpness of its rows (stamp_angle) gives its 10°.
@pytest.mark.parametrize(("x", "angle", "near"), [(2250, -12.0, True), (2300, 10.0, False)])
def test_a_stamps_day_over_type_is_read_again_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, x: int, angle: float, near: bool
) -> None:
    import pipeline.ocr

    check_tesseract()
    page = letter_page(("12. SEP. 2014",), (x, 610), angle)  # the day over the file number
    record = read(tmp_path, page)
    assert str(record.document.date.value) == "2014-09-12"  # type: ignore[attr-defined]
    monkeypatch.setattr(pipeline.ocr, "NEAR_AGREEING", 99)  # the near image never counts
    date = read(tmp_path, page).document.date
    assert (date is None) if near else str(date.value) == "2014-09-12"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("stamp-near-day-over-type-11-nov-2013.png", "2013-11-11"),
        ("stamp-near-day-over-type-27-nov-2012.png", "2012-11-27"),
        ("stamp-near-150dpi-22-apr-2017.png", "2017-04-22"),
        ("stamp-near-misread-year-01-mar-2013.png", None),
        ("stamp-near-misread-day-20-sep-2016.png", None),
    ],
)
def test_a_stamp_read_without_a_date_is_read_again_beside_type(
    tmp_path: Path, name: str, date: str | None
) -> None:
    """Regression (tests/eval_scans.py seeds 11 and 191 at 300 dpi, 13 at 150): near images
    of stamps beside ``Datum`` whose first read showed no date. Two reads that count and agree
    give the date; one sure read alone (``2012`` at 80 for 2013, the others ``201:``; ``30.``
    at 64 for 20, read ``20.`` below 50) gives none."""
    from pipeline.ocr import StampRead, _read_lines, _stamps_read_again
    from pipeline.stamp_read import dates_of, stamp_lines

    check_tesseract()
    with Image.open(DATA / name) as image:
        image.load()
    stamp = StampRead(tmp_path / "stamp.tif", (0, 0, 640, 320), True, near=lambda: image)
    taken = _stamps_read_again([], "deu", 60, "", [(0, stamp, [])])
    assert [str(d) for _, _, found in taken for d in dates_of(found)] == ([date] if date else [])
    assert list(tmp_path.iterdir()) == []  # its reads' files are gone
    if name.endswith("11-nov-2013.png"):  # its first image: the day cut where type was
        first = tmp_path / "first.tif"
        with Image.open(DATA / "stamp-day-over-type-11-nov-2013.png") as image:
            image.save(first, format="TIFF")
        (words,) = _read_lines([first], tmp_path / "list.txt", "deu", 60, "", psm=3) or [[]]
        assert not dated(stamp_lines(words))


def test_only_a_stamp_beside_datum_without_a_date_or_receipt_is_read_near(tmp_path: Path) -> None:
    from pipeline.ocr import StampRead, _undated

    box = (1728, 720, 2184, 960)
    near = StampRead(tmp_path / "s.tif", box, True, near=lambda: Image.new("L", (9, 9)))
    label = [Word("Datum:", 1449, 798, 179, 38, 90.0, 1, 1, 1)]
    smudge = [Word("'1_.NOV.", 10, 10, 200, 40, 32.0, 1, 1, 1)]
    assert _undated(label, near, smudge)
    assert not _undated(label, near, [*smudge, Word("EINGEGANGEN", 10, 60, 300, 40, 90.0, 1, 2, 1)])
    assert not _undated([Word("Betreff:", 1449, 798, 179, 38, 90.0, 1, 1, 1)], near, smudge)
    assert not _undated(label, StampRead(tmp_path / "s.tif", box, True), smudge)


@pytest.mark.parametrize(
    ("first", "date", "contradicts"),
    [
        # regression (tests/eval_scans.py seed 199 at 200 dpi): the year's last digit over type,
        # read 2012 by all near reads, 2u1i by the first: no date rather than a wrong one
        (("01.MÄRZ", "2u1i."), (2012, 3, 1), True),
        # regression (seed 193 at 200 dpi): '>9,' first, the 29th by two near reads, the 30th
        (("-;", ">9,", "OKT.", "2017"), (2017, 10, 30), True),
        ((">9,", "OKT.", "2017"), (2017, 10, 29), False),
        # regression (seed 191 at 300 dpi): '37.' first, no day, the 27th by all four near
        # reads: its tens digit tells nothing, its 7 fits; a 1 would not
        (("37.", "NOV.", "2012"), (2012, 11, 27), False),
        (("37.", "OKT.", "2012"), (2012, 10, 31), True),
        (("'1_.NOV.", "2013", "Stadt"), (2013, 11, 11), False),
        (("vo.", "OKT.", "2018"), (2018, 10, 5), False),  # a day's look-alikes do not count
        (("'3.", "OKT.", "2018"), (2018, 10, 15), True),
        (("Stadt", "Leipzig"), (2018, 10, 5), False),  # nothing shown, nothing against
    ],
)
def test_a_near_read_of_a_stamp_must_fit_the_digits_its_first_read_showed(
    first: tuple[str, ...], date: tuple[int, int, int], contradicts: bool
) -> None:
    import datetime

    from pipeline.ocr import _contradicts

    words = [Word(text, 10 * k, 0, 8, 10, 40.0, 1, 1, 1) for k, text in enumerate(first)]
    assert _contradicts(words, datetime.date(*date)) is contradicts


def test_a_stamp_is_read_beside_a_datum_label_its_strip_gave_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 241, scan-003 at 300 dpi): the page read gave
    ``Datum:`` as ``ae`` at 12, so its stamp ``26. FEB. 2021``, read surely, lay beside no
    label and was dropped; the label's strip read it back only later. The stamps beside no
    label are looked at again after the strip reads."""
    import pipeline.ocr

    check_tesseract()
    scan = tmp_path / "scan"
    scan.mkdir()
    from tests.conftest import scan_page

    page = scan_page(scan, 241, 6, "scan-003", 0)
    record = process_input(read_input(page, OcrSettings(drop_stamps=True)), Settings())
    assert record.document.date is not None and record.document.date.value == "2021-02-26"
    real = pipeline.ocr._merge_stamp_dates
    calls: list[int] = []

    def first_pass_only(stamps: list[object], *rest: object) -> list[object]:
        calls.append(len(stamps))
        return real(stamps, *rest) if len(calls) == 1 else []  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline.ocr, "_merge_stamp_dates", first_pass_only)
    plain = process_input(read_input(page, OcrSettings(drop_stamps=True)), Settings())
    assert calls == [1, 1] and plain.document.date is None
