"""Accuracy on rendered scans per dpi: ``python -m tests.eval_scans [--count N --seed S]``.

Synthetic letters (samples/generate_letters.py) are rendered as image-only PDFs from their OCR
text lines (so broken words, stamps and noise lines are on the page), with blur, speckle, skew
up to 2° and every third letter's second page upside down, at
300, 200 and 150 dpi; the pipeline OCRs and cleans them and the result is scored against the
letters' truth. Prints raw OCR WER, cleaned WER and field accuracy per dpi.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from pipeline.evaluate import evaluate_dir, summary
from pipeline.ingest import read_input
from pipeline.run import Settings, process_input

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))

from generate_letters import generate, write  # noqa: E402
from render_scans import render, write_pdf  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=6)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dpi", type=int, nargs="+", default=[300, 200, 150])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        truth = Path(tmp) / "truth"
        write(generate(args.count, args.seed), truth)
        for dpi in args.dpi:
            records, raw = {}, {}
            start = time.perf_counter()
            page_count = 0
            for text_file in sorted(truth.glob("*.ocr.txt")):
                doc_id = text_file.name.removesuffix(".ocr.txt")
                scan = Path(tmp) / f"{doc_id}-{dpi}.pdf"
                text = text_file.read_text(encoding="utf-8")
                pages = render(text, dpi, noise=True, keep_lines=True, seed=dpi)
                number = int(doc_id.rsplit("-", 1)[1])
                for k, page in enumerate(pages):
                    # Skew up to 2°; every third letter has its second page upside down.
                    angle = ((number * 7 + k * 3) % 9 - 4) * 0.5
                    angle += 180 if number % 3 == 0 and k == 1 else 0
                    page.image = page.image.rotate(angle, fillcolor=255)
                write_pdf(scan, pages)
                source = read_input(scan, Settings().ocr)
                page_count += len(source.pages)
                raw[doc_id] = source.text
                records[doc_id] = process_input(source, Settings())
            seconds = time.perf_counter() - start
            result = summary(evaluate_dir(truth, records, raw))
            print(
                f"{dpi} dpi: raw OCR WER {result['wer_raw']:.4f}, cleaned WER {result['wer_cleaned']:.4f}, "
                f"fields {result['field_accuracy']:.3f}, status {result['fields']['status']['accuracy']:.3f}, "
                f"wrong joins {result['dehyphenation']['wrong_joins']} (OCR run-ons {result['dehyphenation']['ocr_joins']}), "
                f"{page_count} pages in {seconds:.0f} s"
            )
            for error in result["errors"][:15]:
                print("   ", error[:200])


if __name__ == "__main__":
    main()
