"""Stamp ink taken off grey pages (pipeline.stamp_ink), and hanging markers put back on their
lines (pipeline.ocr.attach_markers); one page is read by the real Tesseract."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.ingest import OcrSettings, read_input
from pipeline.ocr import Word, attach_markers, check_tesseract, ocr_page
from pipeline.run import Settings, process_input
from pipeline.stamp_ink import drop_stamp_ink

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
DPI = 300
PAPER = 244


def font(path: str, points: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, round(points * DPI / 72))


def page(text_ink: int = 0) -> Image.Image:
    """An A4 page at 300 dpi: a header block with a date and ten lines of body text."""
    image = Image.new("L", (2480, 3508), PAPER)
    draw = ImageDraw.Draw(image)
    face = font(FONT, 11)
    draw.text((1300, 500), "Aktenzeichen: VI/43 318", font=face, fill=text_ink)
    draw.text((1300, 560), "Datum: 05.10.2017", font=face, fill=text_ink)
    for k in range(10):
        line = "Der Stadtrat hat in seiner Sitzung den folgenden Beschluss gefasst und"
        draw.text((300, 900 + 60 * k), line, font=face, fill=text_ink)
    return image


def stamp(image: Image.Image, x: int, y: int, ink: int, angle: float = 15) -> None:
    """A boxed two-line receipt stamp in grey ink, rotated, its centre at ``x``, ``y``; ink
    only darkens (the text under it stays black)."""
    face = font(BOLD, 12)
    mask = Image.new("L", (620, 260), 0)
    draw = ImageDraw.Draw(mask)
    draw.rectangle((8, 8, 611, 251), outline=255, width=8)
    draw.text((40, 40), "EINGEGANGEN", font=face, fill=255)
    draw.text((40, 140), "05. OKT. 2017", font=face, fill=255)
    mask = mask.rotate(angle, Image.Resampling.BICUBIC, expand=True)
    shade = Image.new("L", mask.size, ink)
    box = (x - mask.width // 2, y - mask.height // 2)
    under = image.crop((box[0], box[1], box[0] + mask.width, box[1] + mask.height))
    image.paste(Image.composite(Image.fromarray(np.minimum(np.asarray(under),
                np.asarray(shade))), under, mask), box)  # fmt: skip


def test_stamp_ink_over_text_is_taken_off_and_the_text_stays() -> None:
    clean = page()
    stamped = clean.copy()
    stamp(stamped, 1700, 560, ink=110)
    dropped, regions = drop_stamp_ink(stamped)
    assert len(regions) == 1
    left, top, right, bottom = regions[0].box
    assert left <= 1700 <= right and top <= 560 <= bottom
    before, after, typed = (np.asarray(i).astype(int) for i in (stamped, dropped, clean))
    text = typed < 60
    assert (after[text] == before[text]).all(), "typed text must not change"
    stamp_only = (typed == PAPER) & (before < PAPER)
    # Most of the stamp's own ink is gone: what is left touches the typed letters.
    assert (after[stamp_only] > 200).mean() > 0.8
    elsewhere = np.ones_like(text)
    elsewhere[top:bottom, left:right] = False
    assert (after[elsewhere] == before[elsewhere]).all(), "nothing beyond the stamp changes"


@pytest.mark.parametrize(
    ("slope", "width", "scale"), [(0, 3, 1), (60, 3, 1), (90, 1, 1), (60, 2, 2)]
)
def test_a_stamp_over_a_printed_rule_a_little_off_level_is_found(
    slope: int, width: int, scale: int
) -> None:
    """Regression (tests/eval_scans.py seed 101, scan-001 at 300 dpi): the letterhead's thin
    rule, blurred to grey and a little off level, ran through the stamp; its broken runs beside
    the full ones kept the cells along it inked, and stamp and rule made one group too long
    for a stamp: the file reference and the date under the stamp were lost. Seeds 61, 67, 73,
    101 at 150 dpi and 31, 41, 59, 71, 79 at 300 dpi: a thinner rule, more skewed, breaks into
    runs too short for a rule; the stamp is the part of the group that is more than a rule."""
    clean = page()
    draw = ImageDraw.Draw(clean)
    draw.line((250, 420, 2300, 420 + slope), fill=100, width=width)  # the rule, across the page
    clean = clean.filter(ImageFilter.GaussianBlur(0.6))
    stamped = clean.copy()
    stamp(stamped, 1700, 500, ink=110)
    if scale > 1:  # a 150-dpi scan
        size = (clean.width // scale, clean.height // scale)
        clean, stamped = (i.resize(size, Image.Resampling.LANCZOS) for i in (clean, stamped))
    regions = drop_stamp_ink(stamped)[1]
    assert len(regions) == 1
    left, top, right, bottom = (v * scale for v in regions[0].box)
    assert left <= 1700 <= right and top <= 500 <= bottom and right - left < 1000
    assert drop_stamp_ink(clean)[1] == []  # the rule alone is no stamp


def test_pages_without_stamp_ink_are_left_alone() -> None:
    for image in (
        page(),  # black text only
        page(text_ink=120),  # faded text: mid-grey lines, but paragraph-wide, not stamp-sized
        page().point(lambda v: 0 if v < 128 else 255),  # bilevel
    ):
        dropped, regions = drop_stamp_ink(image)
        assert regions == []
        assert dropped is image


def test_small_grey_marks_are_not_stamps() -> None:
    image = page()
    draw = ImageDraw.Draw(image)
    for k in range(40):  # grey specks and a short grey underline
        draw.ellipse((200 + 50 * k, 3000, 206 + 50 * k, 3006), fill=120)
    draw.line((300, 1560, 700, 1560), fill=120, width=4)
    assert drop_stamp_ink(image)[1] == []


def test_a_stamped_date_is_read_once_the_stamp_ink_is_off() -> None:
    check_tesseract()
    stamped = page()
    stamp(stamped, 1650, 560, ink=100, angle=-12)
    dropped, _ = drop_stamp_ink(stamped)
    header = dropped.crop((1200, 400, 2480, 700))
    text = ocr_page(header, detect_orientation=False).text
    assert "05.10.2017" in text
    assert "/43 318" in text  # a speck of the stamp may stay on a letter it touches


def word(text: str, left: int, top: int, block: int, line: int = 1) -> Word:
    return Word(text, left, top, 10 * len(text), 30, 95.0, block, 1, line)


def _attached_lines(words: list[Word]) -> list[str]:
    """The lines of ``words`` once :func:`attach_markers` has moved the markers."""
    lines: dict[tuple[int, int], list[str]] = {}
    for w in attach_markers(words):
        lines.setdefault((w.block, w.line), []).append(w.text)
    return [" ".join(line) for line in lines.values()]


def test_a_marker_column_goes_back_onto_its_lines() -> None:
    words = [
        word("1.", 100, 100, 1),
        word("2.", 100, 200, 2),
        word("Erstens", 160, 101, 3),
        word("weiter", 160, 141, 3, line=2),
        word("Zweitens", 160, 199, 4),
    ]
    text = [(w.text, w.block) for w in attach_markers(words)]
    assert text == [("1.", 3), ("Erstens", 3), ("weiter", 3), ("2.", 4), ("Zweitens", 4)]


def test_a_column_of_point_labels_goes_back_and_a_heading_below_to_its_place() -> None:
    """Regression (tests/eval_scans.py seed 53, scan-003 at 300 and 200 dpi): ``Punkt 1:`` to
    ``Punkt 3:`` were read as blocks of their own, then ``Zu Punkt 1:`` (below the items, in
    the labels' column), then the items: the letter had one point, whose text was all five."""
    words = [
        word("miert:", 100, 40, 1),
        word("Punkt", 120, 100, 2), word("1:", 180, 100, 2),
        word("Punkt", 120, 200, 3), word("2:", 180, 200, 3),
        word("Punkt", 120, 300, 4), word("3:", 180, 300, 4),
        word("Zu", 100, 400, 5), word("Punkt", 130, 400, 5), word("1:", 190, 400, 5),
        word("Erstens", 260, 101, 6), word("weiter", 260, 141, 6, line=2),
        word("Zweitens", 260, 199, 7),
        word("Drittens", 260, 300, 8),
        word("Umgesetzt.", 100, 460, 9),
    ]  # fmt: skip
    assert _attached_lines(words) == [
        "miert:", "Punkt 1: Erstens", "weiter", "Punkt 2: Zweitens", "Punkt 3: Drittens",
        "Zu Punkt 1:", "Umgesetzt.",
    ]  # fmt: skip


def test_a_label_whose_colon_was_read_as_a_semicolon_goes_back_too() -> None:
    """Regression (tests/eval_scans.py seed 53, scan-003 at 150 dpi: ``Punkt 2;``)."""
    words = [word("Punkt", 120, 200, 3), word("2;", 180, 200, 3), word("Zweitens", 260, 199, 7)]
    assert [(w.text, w.block) for w in attach_markers(words)] == [
        ("Punkt", 7), ("2;", 7), ("Zweitens", 7),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("label", "number"),
    [('"Punkt', "5:"), ("‚Punkt", "1:"), ("Punkt", ">:"), ("Punkt", "5:.")],
)
def test_a_label_with_a_speck_before_it_or_a_sign_for_its_number_goes_back_too(
    label: str, number: str
) -> None:
    """Regression (tests/eval_scans.py seed 223, scan-003, and seed 181, scan-004, at 300
    dpi): ``"Punkt 5:`` (a speck's quote before it) and ``Punkt >:`` (the 5 read as a sign)
    stayed blocks of their own, read before their items and with the status heading below
    them: point 5's text then followed ``Zu Punkt 1:``. Seed 83, scan-000 at 200 dpi: a
    speck's stop after it (``Punkt 3:.``)."""
    words = [
        word("Punkt", 120, 100, 1), word("4:", 180, 100, 1),
        word(label, 120, 200, 2), word(number, 180, 200, 2),
        word("Zu", 100, 300, 3), word("Punkt", 130, 300, 3), word("1:", 190, 300, 3),
        word("Viertens", 260, 100, 4),
        word("Fünftens", 260, 200, 5),
        word("Umgesetzt.", 100, 360, 6),
    ]  # fmt: skip
    assert _attached_lines(words) == [
        "Punkt 4: Viertens", f"{label} {number} Fünftens", "Zu Punkt 1:", "Umgesetzt.",
    ]  # fmt: skip


def test_an_items_c_read_as_a_copyright_sign_goes_back_too() -> None:
    """Regression (tests/eval_scans.py seed 59, scan-004 at 150 dpi): ``©)`` for ``c)``."""
    words = [
        word("b)", 120, 100, 1), word("©)", 120, 200, 2),
        word("Zweitens", 260, 100, 3), word("Drittens", 260, 200, 4),
    ]  # fmt: skip
    assert _attached_lines(words) == ["b) Zweitens", "©) Drittens"]


def test_a_marker_with_nothing_beside_it_stays() -> None:
    words = [word("1.", 100, 100, 1), word("Text", 160, 300, 2), word("fern", 900, 100, 3)]
    assert attach_markers(words) == words


def test_markers_inside_text_are_not_moved() -> None:
    words = [word("Zu", 100, 100, 1), word("1.", 150, 100, 1), word("Text", 400, 100, 2)]
    assert attach_markers(words) == words


@pytest.mark.parametrize("mode", ["RGB", "1"])
def test_only_grey_pages_are_taken(mode: str) -> None:
    with pytest.raises(ValueError, match="grey"):
        drop_stamp_ink(page().convert(mode))


def test_the_record_lists_where_stamp_ink_was_taken_off(tmp_path: Path) -> None:
    check_tesseract()
    scan = page()
    stamp(scan, 1700, 560, ink=110)
    path = tmp_path / "letter.png"
    scan.save(path, dpi=(DPI, DPI))
    dropped = process_input(read_input(path, OcrSettings()), Settings())
    ((left, top, right, bottom),) = dropped.source.page_info[0].stamps_removed
    assert left <= 1700 <= right and top <= 560 <= bottom
    assert "05.10.2017" in dropped.text
    kept = read_input(path, OcrSettings(drop_stamps=False))
    assert process_input(kept, Settings()).source.page_info[0].stamps_removed == []


def test_a_stamp_over_blank_paper_and_a_grey_printed_block_stay() -> None:
    """Nothing is under them to uncover: a stamp's own text may be the letter's date, and a
    letterhead may print its contact column in grey."""
    image = page()
    stamp(image, 1700, 1800, ink=110)  # below the body text, on blank paper
    draw = ImageDraw.Draw(image)
    face = font(FONT, 9)
    for k, line in enumerate(["Dienstgebäude", "Rathausplatz 1", "Telefon 0351 488-0",
                              "Sprechzeiten", "Mo-Fr 9-12 Uhr"]):  # fmt: skip
        draw.text((1900, 2300 + 45 * k), line, font=face, fill=120)
    dropped, regions = drop_stamp_ink(image)
    assert regions == []
    assert dropped is image
