"""Scans and PDFs through real Tesseract, on small pages rendered by samples/render_scans.py."""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.errors import ExitCode
from pipeline.ingest import OcrSettings, read_input
from pipeline.models import Record
from pipeline.ocr import check_tesseract
from pipeline.run import Settings, process_file
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
from render_scans import render, write_pdf, write_tiff

LETTER = (
    "Landeshauptstadt Dresden\n\nBeschlusskontrolle zu A0404/11 (Sitzungsnummer: SR/033/2011)\n\n"
    "Die Oberbürgermeisterin wird aufgefordert, sich im Städte- und Gemeindetag dafür "
    "einzusetzen, dass größere Maßnahmen für Flüchtlinge ergriffen werden."
)
GARBAGE_LAYER = [["Dlc Sladt h@t ~~ ¦¦ dcn Bcschluss umgcsctzt"] * 8]
DPI = 150


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scans")
    pages = render(LETTER, DPI)
    write_pdf(out / "image-only.pdf", pages)
    write_pdf(out / "born-digital.pdf", pages, image=False, text=True)
    write_pdf(out / "bad-layer.pdf", pages, text=True, layer_text=GARBAGE_LAYER)
    write_tiff(out / "two-pages.tif", pages + pages)
    for angle in (90, 180):
        pages[0].image.rotate(angle, expand=True).save(out / f"rotated-{angle}.png", dpi=(DPI, DPI))
    return out


def _words_read(text: str) -> bool:
    return all(
        word in text for word in ("Beschlusskontrolle", "Oberbürgermeisterin", "Gemeindetag")
    )


def test_born_digital_pdf_is_not_ocred(scans: Path) -> None:
    record = process_file(scans / "born-digital.pdf")
    assert [p.text_source for p in record.source.page_info] == ["text_layer"]
    assert record.source.page_info[0].text_layer_score > 0.9
    assert _words_read(record.text) and "A0404/11" in record.text


def _layer_read(record: Record) -> bool:
    """Did the garbage layer's text reach the cleanup? Its ``h@t`` stands in the text or in
    the ``before`` of a repair (the cleanup reads ``@`` between letters as ``e`` or ``a``)."""
    return "h@t" in record.text or any("h@t" in repair.before for repair in record.repairs)


def test_garbage_layer_is_ocred_in_auto_mode(scans: Path) -> None:
    record = process_file(scans / "bad-layer.pdf")
    page = record.source.page_info[0]
    assert page.text_source == "ocr" and page.text_layer_score < 0.5
    assert _words_read(record.text) and not _layer_read(record)


def test_modes(scans: Path) -> None:
    skip = process_file(scans / "bad-layer.pdf", Settings(ocr=OcrSettings(mode="skip-text")))
    assert skip.source.text_source == "text_layer" and _layer_read(skip)
    force = process_file(scans / "born-digital.pdf", Settings(ocr=OcrSettings(mode="force")))
    assert force.source.text_source == "ocr" and _words_read(force.text)  # rendered and OCRed
    image = process_file(scans / "image-only.pdf", Settings(ocr=OcrSettings(mode="force")))
    assert image.source.text_source == "ocr" and _words_read(image.text)


@pytest.mark.parametrize("angle", [90, 180])
def test_rotated_page_is_read(scans: Path, angle: int) -> None:
    record = process_file(scans / f"rotated-{angle}.png")
    assert _words_read(record.text)


def test_multi_page_tiff(scans: Path) -> None:
    source = read_input(scans / "two-pages.tif", OcrSettings())
    assert len(source.pages) == 2
    assert all("Gemeindetag" in page.text for page in source.pages)
    # The same page twice: what stands at the top and the bottom of both is a running header
    # and footer to the cleanup, which keeps page 1's letterhead only.
    record = process_file(scans / "two-pages.tif")
    assert record.source.pages == 2 and "Landeshauptstadt Dresden" in record.text


def test_page_timeout_gives_empty_page_and_warning(scans: Path) -> None:
    record = process_file(scans / "image-only.pdf", Settings(ocr=OcrSettings(page_timeout=0.01)))
    assert record.source.page_info[0].text_source == "empty"
    assert [w.code for w in record.warnings][:1] == ["page_unread"]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_header(width: int, height: int) -> bytes:
    """A tiny PNG file that claims a huge size (a decompression bomb)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )


def _bad_files(out: Path) -> dict[str, str]:
    pages = render("Kurzer Text.", 100)
    write_pdf(out / "encrypted.pdf", pages, encrypted=True)
    write_pdf(out / "no-pages.pdf", [])
    write_pdf(out / "whole.pdf", pages)
    data = (out / "whole.pdf").read_bytes()
    (out / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (out / "whole.pdf").unlink()
    (out / "bomb.png").write_bytes(_png_header(30_000, 30_000))
    write_tiff(out / "whole.tif", pages)
    data = (out / "whole.tif").read_bytes()
    (out / "truncated.tif").write_bytes(data[: len(data) // 3])
    (out / "whole.tif").unlink()
    return {
        "encrypted.pdf": "encrypted",
        "no-pages.pdf": "no pages",
        "truncated.pdf": "PDF",
        "bomb.png": "too large",
        "truncated.tif": "damaged",
    }


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")  # the truncated TIFF, on purpose
def test_bad_scans_get_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = _bad_files(tmp_path)
    for name, word in expected.items():
        assert main(["run", str(tmp_path / name), "--json", "-"]) == ExitCode.bad_input, name
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and name in err[0] and word in err[0], err


def test_missing_tesseract(scans: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    check_tesseract.cache_clear()
    try:
        assert (
            main(["run", str(scans / "rotated-90.png"), "--json", "-"])
            == ExitCode.missing_dependency
        )
    finally:
        check_tesseract.cache_clear()
    assert "tesseract is not installed" in capsys.readouterr().err


def test_missing_language_data(scans: Path, capsys) -> None:
    code = main(["run", str(scans / "rotated-90.png"), "--json", "-", "--lang", "xyz"])
    assert code == ExitCode.missing_dependency
    assert "tesseract-ocr-xyz" in capsys.readouterr().err


def test_skewed_page_is_straightened_and_read(scans: Path, tmp_path: Path) -> None:
    from PIL import Image

    from pipeline.ocr import ocr_page, skew_angle

    page = Image.open(scans / "rotated-180.png").rotate(180 + 3, expand=True, fillcolor=255)
    assert skew_angle(page) in (-3.0, 177.0) or abs(abs(skew_angle(page)) - 3.0) <= 0.25
    page.save(tmp_path / "skewed.png", dpi=(DPI, DPI))
    record = process_file(tmp_path / "skewed.png")
    assert _words_read(record.text)
    assert abs(ocr_page(Image.open(tmp_path / "skewed.png")).skew + 3.0) <= 0.25


def _scanned(path: Path, dpi: int = 300):  # type: ignore[no-untyped-def]
    import pdfplumber
    import pypdfium2

    from pipeline.ingest import scanned_image

    document = pypdfium2.PdfDocument(path)
    with pdfplumber.open(path) as pdf:
        return scanned_image(pdf.pages[0], document[0], dpi)


def test_a_scanned_page_is_its_stored_image(scans: Path) -> None:
    """Decoded as stored (0.02 s), not rendered (0.1 s): the scanner's pixels."""
    import numpy as np

    page = render(LETTER, DPI)[0].image.convert("L")
    for name in ("image-only.pdf", "bad-layer.pdf"):  # an invisible OCR layer is no drawing
        stored = _scanned(scans / name)
        assert stored is not None and stored.size == page.size
        difference = np.abs(np.asarray(stored, dtype=int) - np.asarray(page, dtype=int))
        assert difference.mean() < 3  # JPEG at quality 80
    assert _scanned(scans / "image-only.pdf", dpi=DPI - 1) is None  # finer than asked: rendered


def test_a_page_that_is_more_than_a_scan_is_rendered(scans: Path, tmp_path: Path) -> None:
    import pypdfium2

    assert _scanned(scans / "born-digital.pdf") is None  # text drawn, no image
    document = pypdfium2.PdfDocument(scans / "image-only.pdf")
    document[0].set_rotation(90)
    document.save(tmp_path / "rotated.pdf")
    assert _scanned(tmp_path / "rotated.pdf") is None
    record = process_file(tmp_path / "rotated.pdf")
    assert _words_read(record.text)
