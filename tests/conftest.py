from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "seed" / "dresden-beschlusskontrolle-A0404-11.ocr.txt"
SYNTHETIC = ROOT / "samples" / "synthetic"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def scan_page(folder: Path, seed: int, count: int, letter_id: str, page: int) -> Path:
    """One page (-1: the last) of a letter of samples/make_scans.py scanned at 300 dpi, as a
    PNG in ``folder`` (of a PDF: the scan it stores)."""
    import sys

    from PIL import Image

    sys.path.insert(0, str(ROOT / "samples"))
    from make_scans import make_letters, parse_formats, write_scan

    letters = make_letters(count, seed, parse_formats("pdf,tiff,png,bad-layer-pdf"))
    (letter,) = [x for x in letters if x.id == letter_id]
    scan = write_scan(letter, 300, folder)
    if scan.suffix == ".pdf":  # the scan stored in the PDF, as the pipeline takes it
        import pdfplumber
        import pypdfium2

        from pipeline.ingest import page_image

        document = pypdfium2.PdfDocument(scan)
        with pdfplumber.open(scan) as pdf:
            number = len(pdf.pages) - 1 if page < 0 else page
            image = page_image(pdf.pages[number], document[number], 300)
            image.convert("L").save(folder / "page.png", dpi=(300, 300))
        document.close()
        return folder / "page.png"
    with Image.open(scan) as image:
        image.seek(image.n_frames - 1 if page < 0 else page)
        image.convert("L").save(folder / "page.png", dpi=(300, 300))
    return folder / "page.png"
