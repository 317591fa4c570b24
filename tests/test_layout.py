"""Word boxes, evidence boxes and layout files (ALTO, hOCR), on small pages rendered by
samples/render_scans.py and read by the real Tesseract."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw
from pydantic import BaseModel

from pipeline.ingest import Input, PageText, PageWord, read_input
from pipeline.layout import alto_xml, hocr_html, layout_outputs
from pipeline.models import Extracted, Record
from pipeline.ocr import OcrPage, Word
from pipeline.run import Settings, process_input
from tests.conftest import ROOT, SEED

sys.path.insert(0, str(ROOT / "samples"))
from render_scans import Page, font, render, write_pdf

DPI = 150
#: Coordinates of PDF pages are pixels at --dpi (default 300): twice the render's.
PDF_SCALE = 300 / DPI
LETTER = (
    "Landeshauptstadt Dresden\n\nDresden, 31. Januar 2013\n\n"
    "Beschlusskontrolle zu A0404/11 (Sitzungsnummer: SR/033/2011)\n\n"
    "Die Oberbürgermeisterin wird aufgefordert, sich im Städte- und Gemeindetag dafür "
    "einzusetzen, dass größere Maßnahmen für Flüchtlinge ergriffen werden."
)
ALTO = "{http://www.loc.gov/standards/alto/ns-v4#}"
XHTML = "{http://www.w3.org/1999/xhtml}"
Box = tuple[float, float, float, float]


@pytest.fixture(scope="module")
def page() -> Page:
    return render(LETTER, DPI)[0]


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory, page: Page) -> Path:
    out = tmp_path_factory.mktemp("layout")
    write_pdf(out / "image-only.pdf", [page])
    write_pdf(out / "born-digital.pdf", [page], image=False, text=True)
    # Only the top of the page (where the fields are), turned upside down: less to OCR.
    page.image.crop((0, 0, page.image.width, 480)).rotate(180).save(
        out / "upside-down.png", dpi=(DPI, DPI)
    )
    return out


@pytest.fixture(scope="module")
def image_pdf(scans: Path) -> tuple[Input, Record]:
    source = read_input(scans / "image-only.pdf")
    return source, process_input(source, Settings())


def _ink(page: Page, word: str) -> Box:
    """The box of the dark pixels where the renderer drew ``word`` (its first occurrence)."""
    x, y, line = next(placed for placed in page.lines if word in placed[2])
    face = font(page.dpi)
    draw = ImageDraw.Draw(page.image)
    left = x + draw.textlength(line[: line.index(word)], font=face)
    x0, y0, x1, y1 = (round(v) for v in draw.textbbox((left, y), word, font=face))
    ys, xs = np.nonzero(np.asarray(page.image.crop((x0, y0, x1, y1))) < 128)
    return x0 + xs.min(), y0 + ys.min(), x0 + xs.max() + 1, y0 + ys.max() + 1


def _fits(box: Box | None, ink: Box, slack: float) -> bool:
    """``box`` covers ``ink`` and is at most ``slack`` pixels larger on each side."""
    assert box is not None
    inside = [ink[0] - box[0], ink[1] - box[1], box[2] - ink[2], box[3] - ink[3]]
    return all(-1 <= gap <= slack for gap in inside)


def _scaled(box: Box, scale: float) -> Box:
    x0, y0, x1, y1 = box
    return x0 * scale, y0 * scale, x1 * scale, y1 * scale


def _extracted(record: Record) -> list[Extracted[object]]:
    found: list[Extracted[object]] = []

    def visit(value: object) -> None:
        if isinstance(value, Extracted):
            found.append(value)
        elif isinstance(value, list):
            for item in value:
                visit(item)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                visit(getattr(value, name))

    visit([record.document, record.points, record.signatories])
    return found


def test_evidence_boxes_cover_the_drawn_words(image_pdf: tuple[Input, Record], page: Page) -> None:
    _, record = image_pdf
    resolution = record.document.resolutions[0]
    assert resolution.number.value == "A0404/11" and resolution.number.page == 1
    assert _fits(resolution.number.bbox, _scaled(_ink(page, "A0404/11"), PDF_SCALE), 6)
    date = record.document.date
    assert date is not None and date.value == "2013-01-31"
    assert _fits(date.bbox, _scaled(_ink(page, "31. Januar 2013"), PDF_SCALE), 6)


def test_word_offsets_and_page_size(image_pdf: tuple[Input, Record]) -> None:
    source, _ = image_pdf
    page = source.pages[0]
    assert (page.width, page.height, page.dpi) == (2479, 3508, 300)  # A4 at --dpi
    assert page.words and all(page.text[w.start : w.end] == w.text for w in page.words)
    assert all(0 <= w.confidence <= 100 for w in page.words if w.confidence is not None)


def test_upside_down_scan_is_boxed_as_stored(scans: Path, page: Page) -> None:
    source = read_input(scans / "upside-down.png")
    record = process_input(source, Settings())
    assert source.pages[0].rotation == 180
    x0, y0, x1, y1 = _ink(page, "A0404/11")
    width, height = page.image.width, 480  # the crop, turned about its centre
    turned = (width - x1, height - y1, width - x0, height - y0)
    assert _fits(record.document.resolutions[0].number.bbox, turned, 3)


def test_text_layer_words_are_boxed(scans: Path, page: Page) -> None:
    source = read_input(scans / "born-digital.pdf")
    layer = source.pages[0]
    assert layer.source == "text_layer" and layer.words
    assert all(layer.text[w.start : w.end] == w.text for w in layer.words)
    assert [w.text for w in layer.words] == layer.text.split()
    box = process_input(source, Settings()).document.resolutions[0].number.bbox
    assert box is not None
    # The layer is Helvetica, not the image's font: its line must match, its width need not.
    _, top, _, bottom = _scaled(_ink(page, "A0404/11"), PDF_SCALE)
    assert box[1] <= (top + bottom) / 2 <= box[3]
    assert _scaled(_ink(page, "Beschlusskontrolle"), PDF_SCALE)[0] < box[0]


def test_layout_files_parse_and_hold_the_words(image_pdf: tuple[Input, Record]) -> None:
    source, _ = image_pdf
    words = [w.text for w in source.pages[0].words]
    outputs = layout_outputs(source, alto=True, hocr=True)
    assert sorted(outputs) == [".alto.xml", ".hocr"]

    alto = ET.fromstring(outputs[".alto.xml"])
    assert alto.tag == f"{ALTO}alto" and alto.findtext(f".//{ALTO}MeasurementUnit") == "pixel"
    (alto_page,) = alto.iter(f"{ALTO}Page")
    assert alto_page.get("WIDTH") == "2479" and alto_page.get("PHYSICAL_IMG_NR") == "1"
    strings = list(alto_page.iter(f"{ALTO}String"))
    assert [s.get("CONTENT") for s in strings] == words
    for element in alto_page.iter():
        if element.tag.endswith(("TextBlock", "TextLine", "String")):
            assert all(int(element.get(a, "-1")) >= 0 for a in ("HPOS", "VPOS", "WIDTH", "HEIGHT"))
    assert all(0 <= float(s.get("WC", "-1")) <= 1 for s in strings)
    assert all(line.find(f"{ALTO}String") is not None for line in alto_page.iter(f"{ALTO}TextLine"))

    hocr = ET.fromstring(outputs[".hocr"].split("\n", 2)[2])  # after the declaration, doctype
    classes = [e.get("class") for e in hocr.iter() if e.get("class")]
    assert classes[:5] == ["ocr_page", "ocr_carea", "ocr_par", "ocr_line", "ocrx_word"]
    spans = [e for e in hocr.iter(f"{XHTML}span") if e.get("class") == "ocrx_word"]
    assert [s.text for s in spans] == words
    assert all(
        s.get("title", "").startswith("bbox ") and "x_wconf" in s.get("title", "") for s in spans
    )


def test_text_input_has_no_boxes_and_no_layout() -> None:
    source = read_input(SEED)
    record = process_input(source, Settings())
    values = _extracted(record)
    assert values and all(value.bbox is None for value in values)
    assert '"bbox":null' in record.model_dump_json()
    assert layout_outputs(source, alto=True, hocr=True) == {}
    with pytest.raises(ValueError, match="no page layout"):
        alto_xml(source)
    with pytest.raises(ValueError, match="no page layout"):
        hocr_html(source)


def test_span_running_onto_the_next_page_is_boxed_on_its_first() -> None:
    first = PageText("Zu 1.\n", "ocr", width=99, height=99, words=(
        PageWord("Zu", 0, 2, (10, 5, 30, 20)), PageWord("1.", 3, 5, (36, 6, 48, 20))))  # fmt: skip
    second = PageText("Text\n", "ocr", width=99, height=99, words=(
        PageWord("Text", 0, 4, (1, 1, 9, 9)),))  # fmt: skip
    source = Input(Path("two.tif"), "0" * 64, "image/tiff", [first, second])
    assert source.text == "Zu 1.\n\fText\n"
    assert source.box(3, 11) == (1, (36, 6, 48, 20))
    assert source.box(7, 11) == (2, (1, 1, 9, 9))
    assert source.box(5, 6) is None  # the line break: no word


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("skew", [0.0, 2.5, -3.0])
def test_boxes_are_turned_back_to_the_image_as_given(rotation: int, skew: float) -> None:
    """The turns and deskew of ocr_page, undone on a drawn rectangle (no Tesseract)."""
    image = Image.new("L", (400, 300), 255)
    image.paste(0, (50, 60, 120, 80))
    turned = image.rotate(-rotation, expand=True) if rotation else image
    if skew:
        turned = turned.rotate(skew, expand=True, fillcolor=255)
    ys, xs = np.nonzero(np.asarray(turned) < 128)
    word = Word(
        "x", int(xs.min()), int(ys.min()), int(np.ptp(xs)) + 1, int(np.ptp(ys)) + 1, 90, 1, 1, 1
    )
    ocr = OcrPage([word], rotation, skew, turned.width, turned.height, 400, 300)
    x0, y0, x1, y1 = ocr.source_box(word)
    slack = 1 if not skew else 5  # a deskewed box comes back a little larger
    assert 50 - slack <= x0 <= 50 and 60 - slack <= y0 <= 60
    assert 120 <= x1 <= 120 + slack and 80 <= y1 <= 80 + slack
