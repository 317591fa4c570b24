"""Where a scanned page's time goes in council-ocr, stage by stage, against bare Tesseract.

``python -m tests.bench_pages [SCAN_DIR] [--json FILE]``: every page of the image-only PDFs in
SCAN_DIR (default: the bench's scan set, generated) goes through the stages of
``pipeline.ingest`` / ``pipeline.ocr`` one at a time in this process (one core), each timed
apart, and through the bare ``tesseract`` CLI on the same pixels. Then each document's cleanup
and extraction is timed, and the start-up of a fresh ``council-ocr`` process.

Stages (CPU seconds per page, mean over the pages):

- ``text layer``: pdfplumber's ``extract_text`` and its score (``--mode auto`` looks first),
- ``render``: ``page_image`` (the stored scan, or the page rendered) turned grey,
- ``ink orientation``: ``ink_orientation``, the turn and skew from the page's ink,
- ``osd``: ``osd_orientation`` (``tesseract --psm 0``; its own process), the fallback when the
  ink does not tell (``ink unsure`` counts those pages),
- ``prepare``: ``prepare_page``, the page turned, deskewed and saved for Tesseract,
- ``read``: ``read_prepared`` of the one page (a Tesseract process, TSV),
- ``ocr_page``: the whole of ``pipeline.ocr.ocr_page`` (orientation, skew, read, re-reads),
- ``ocr_pages, batched``: each document's pages through one ``PageReader`` (one Tesseract
  process per document, as the pipeline reads them), per page,
- ``tesseract txt`` / ``tesseract tsv``: the bare CLI on the page saved as PNG beforehand;

and ``read --psm 1``, an alternative the pipeline does not use, sized: one Tesseract call that
detects the orientation itself (+0.2 s a page).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

os.environ["OMP_THREAD_LIMIT"] = "1"  # as in the workers: one Tesseract thread

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent


def cpu_seconds() -> float:
    """CPU time of this process and of the children it waited for (Tesseract)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    """The result and the CPU seconds it took: unlike the wall clock, not inflated when other
    work shares the cores (every stage here runs on one core, so on an idle machine the two
    agree)."""
    start = cpu_seconds()
    result = fn()
    return result, cpu_seconds() - start


def tesseract_cli(png: Path, output: str) -> float:
    args = ["tesseract", str(png), "-", "-l", "deu"] + ([output] if output != "txt" else [])
    _, seconds = timed(lambda: subprocess.run(args, capture_output=True, check=True))
    return seconds


def page_stages(pdf_path: Path, workdir: Path) -> list[dict[str, Any]]:
    """Timings of every page of one PDF."""
    import pdfplumber
    import pypdfium2
    import pytesseract

    from pipeline.ingest import OcrSettings, page_image, score_text_layer
    from pipeline.lexicon import default_lexicon
    from pipeline.ocr import (
        POOR_CONFIDENCE,
        PageReader,
        ink_orientation,
        ocr_page,
        osd_orientation,
        prepare_page,
        read_prepared,
    )

    settings = OcrSettings()
    lexicon = default_lexicon()
    rows = []
    images = []
    document = pypdfium2.PdfDocument(pdf_path)
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            row: dict[str, Any] = {"document": pdf_path.stem, "page": number}
            layer, row["text layer"] = timed(lambda p=page: p.extract_text() or "")
            if sum(ch.isalpha() for ch in layer) >= settings.min_layer_letters:
                row["text layer"] += timed(lambda t=layer: score_text_layer(t, lexicon))[1]
            image, row["render"] = timed(
                lambda p=page, k=number: page_image(p, document[k - 1], settings.dpi).convert("L")
            )
            found, row["ink orientation"] = timed(lambda im=image: ink_orientation(im))
            rotation, row["osd"] = timed(lambda im=image: osd_orientation(im, 180))
            row["ink unsure"] = found is None
            row["ink agrees with osd"] = found is not None and found[0] == rotation
            target = workdir / f"{pdf_path.stem}-{number}.tif"
            prepared, row["prepare"] = timed(lambda im=image, t=target: prepare_page(im, t))
            read, row["read"] = timed(lambda p=prepared: read_prepared([p], "deu", 180)[0])
            row["re-read"] = getattr(read, "mean_confidence", 0.0) < POOR_CONFIDENCE
            row["read --psm 1"] = timed(
                lambda im=image: pytesseract.image_to_data(im, lang="deu", config="--psm 1")
            )[1]
            full, row["ocr_page"] = timed(lambda im=image: ocr_page(im))
            png = workdir / f"{pdf_path.stem}-{number}.png"
            image.save(png)
            row["tesseract txt"] = tesseract_cli(png, "txt")
            row["tesseract tsv"] = tesseract_cli(png, "tsv")
            row["final rotation"] = full.rotation
            rows.append(row)
            images.append(image)
            page.close()

    def batch() -> None:
        with PageReader() as reader:
            for image in images:
                reader.add(image)
            reader.read()

    batched = timed(batch)[1]
    for row in rows:
        row["ocr_pages, batched"] = batched / len(rows)
    return rows


def document_stages(pdfs: list[Path]) -> list[float]:
    """Cleanup + extraction seconds per document (after a warm-up), on already-read pages."""
    from pipeline.ingest import read_input
    from pipeline.run import Settings, process_input

    settings = Settings()
    inputs = [read_input(path, settings.ocr) for path in pdfs]
    process_input(inputs[0], settings)  # warm-up: lexicon and spaCy pipeline
    return [timed(lambda s=source: process_input(s, settings))[1] for source in inputs]


def startup_seconds() -> float:
    """CPU seconds of a fresh ``council-ocr run`` on one small text letter: imports, models,
    one document."""
    seed = next((ROOT / "samples" / "seed").glob("*.txt"))
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "pipeline.cli", "run", str(seed), "--out", out, "-q"]
        return timed(lambda: subprocess.run(command, check=True, cwd=ROOT))[1]


STAGES = (
    "text layer",
    "render",
    "ink orientation",
    "osd",
    "prepare",
    "read",
    "ocr_page",
    "ocr_pages, batched",
    "tesseract txt",
    "tesseract tsv",
    "read --psm 1",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("scans", nargs="?", type=Path, help="folder of image-only PDFs")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        work = Path(tmp)
        if args.scans is None:
            from tests.bench import make_scan_set

            args.scans = make_scan_set(work / "scans")
        pdfs = sorted(args.scans.glob("*.pdf"))
        rows = [row for pdf in pdfs for row in page_stages(pdf, work)]
        per_document = document_stages(pdfs)
    startup = startup_seconds()
    means = {stage: statistics.fmean(row[stage] for row in rows) for stage in STAGES}
    re_reads = sum(row["re-read"] for row in rows)
    print(f"{len(rows)} pages of {len(pdfs)} documents; CPU seconds per page (mean), one core:")
    floor = means["tesseract txt"]
    for stage in STAGES:
        print(f"  {stage:<26} {means[stage]:6.2f} s  {means[stage] / floor:5.2f}× bare txt")
    print(f"  pages read again turned (confidence < 55): {re_reads} of {len(rows)}")
    unsure = sum(row["ink unsure"] for row in rows)
    agree = sum(row["ink agrees with osd"] for row in rows)
    print(f"  the ink finds OSD's turn on {agree} of {len(rows)} pages, is unsure on {unsure}")
    turned = sum(1 for row in rows if row["final rotation"])
    print(f"  pages turned (ink, OSD or a re-read): {turned} of {len(rows)}")
    cleanup = statistics.fmean(per_document)
    print(
        f"cleanup + extraction: {cleanup:.2f} s per document, {sum(per_document) / len(rows):.2f} s per page"
    )
    print(f"start-up of a fresh council-ocr run (one text letter): {startup:.2f} s")
    if args.json:
        report = {
            "pages": rows,
            "mean_seconds": means,
            "re_reads": re_reads,
            "cleanup_seconds": per_document,
            "startup_seconds": startup,
            "load": os.getloadavg(),
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
