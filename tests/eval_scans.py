"""Accuracy on realistic rendered scans per dpi: ``python -m tests.eval_scans [--count N --seed S]``.

The letters of samples/generate_letters.py are laid out from their clean truth and scanned by
samples/make_scans.py: letterhead, GZ/Datum block, address, body wrapped with German
hyphenation, hanging point markers, ink date stamps (rotated 5–25°), signature scribbles,
two-column Kenntnisnahme blocks; skew up to 2°, blur, speckle, JPEG artefacts, some pages turned
by 90° or 180°. Formats take turns (image-only PDF, multi-page TIFF, PNG for one-page letters,
PDF with a garbage text layer; ``--formats`` adds ``layer-pdf``, born digital), at 300, 200 and
150 dpi. The pipeline reads and cleans them and the result is scored against the truth.

Prints per dpi raw OCR WER, cleaned WER, field accuracy, status accuracy, wrong joins, then
WER per format, the worst letters and the field errors (at most two per field), and a table.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from pipeline.evaluate import evaluate_dir, norm, summary, word_errors
from pipeline.ingest import Input, OcrSettings, read_input
from pipeline.run import Settings, process_input

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))

from make_scans import ScanLetter, make_letters, parse_formats, write_scan  # noqa: E402

SCANNED = "pdf,tiff,png,bad-layer-pdf"


def wer(truth: str, text: str) -> float:
    return word_errors(truth, text) / max(1, len(norm(truth).split()))


#: Read scans are kept here between runs (``--cache``), so that tuning the cleanup or the
#: extraction does not OCR the same pages again. The key covers the scan's bytes, the OCR
#: settings and the code of ingest and OCR: changing either reads the pages again.
CACHE = ROOT / ".cache" / "eval_scans"
#: The code that reads a scan (its text changes what is cached).
READ_CODE = (
    "ingest.py", "ocr.py", "engine.py", "stamp_ink.py", "specks.py", "stamp_read.py",
    "dates.py", "signature_read.py", "roman_read.py", "marker_read.py", "segment_read.py",
    "extract/signatories.py",  # its role words mend the roles read from strips
)  # fmt: skip


def read_cached(path: Path, cache: Path | None, ocr: OcrSettings | None = None) -> Input:
    ocr = ocr or Settings().ocr
    if cache is None:
        return read_input(path, ocr)
    code = b"".join((ROOT / "pipeline" / name).read_bytes() for name in READ_CODE)
    key = hashlib.sha256(path.read_bytes() + repr(ocr).encode() + code).hexdigest()
    hit = cache / f"{key}.pickle"
    if hit.exists():
        source: Input = pickle.loads(hit.read_bytes())
        return dataclasses.replace(source, path=path)
    source = read_input(path, ocr)
    cache.mkdir(parents=True, exist_ok=True)
    partial = hit.with_suffix(f".{os.getpid()}.tmp")  # parallel runs may share the cache
    partial.write_bytes(pickle.dumps(source))
    partial.replace(hit)
    return source


def run_dpi(
    letters: list[ScanLetter],
    dpi: int,
    folder: Path,
    cache: Path | None = CACHE,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """Scan every letter at ``dpi`` into ``folder``, run the pipeline, score; print details."""
    settings = settings or Settings()
    records, raw = {}, {}
    start, pages = time.perf_counter(), 0
    for letter in letters:
        source = read_cached(write_scan(letter, dpi, folder), cache, settings.ocr)
        pages += len(source.pages)
        raw[letter.id] = source.text
        records[letter.id] = process_input(source, settings)
    seconds = time.perf_counter() - start
    result = summary(evaluate_dir(folder, records, raw))
    dehyphenation = result["dehyphenation"]
    print(
        f"{dpi} dpi: raw OCR WER {result['wer_raw']:.4f}, cleaned WER {result['wer_cleaned']:.4f}, "
        f"fields {result['field_accuracy']:.3f}, status {result['fields']['status']['accuracy']:.3f}, "
        f"wrong joins {dehyphenation['wrong_joins']} (OCR run-ons {dehyphenation['ocr_joins']}), "
        f"rejoined {dehyphenation['rejoined']:.3f} of {dehyphenation['broken_words']} broken words, "
        f"{pages} pages in {seconds:.0f} s"
    )
    by_format: dict[str, list[tuple[float, float]]] = defaultdict(list)
    worst = []
    for letter in letters:
        scores = (wer(letter.text, raw[letter.id]), wer(letter.text, records[letter.id].text))
        by_format[letter.format].append(scores)
        worst.append((scores[1], letter))
    for fmt, scores in sorted(by_format.items()):
        raw_wer, clean_wer = (sum(s[k] for s in scores) / len(scores) for k in (0, 1))
        print(
            f"    {fmt:<14} {len(scores)} letters: raw WER {raw_wer:.3f}, cleaned {clean_wer:.3f}"
        )
    for score, letter in sorted(worst, key=lambda w: -w[0])[:3]:
        turns = [sheet.damage.turn for sheet in letter.sheets]
        print(f"    worst: {letter.id} cleaned WER {score:.3f} ({letter.format}, "
              f"{letter.style.layout} layout, turns {turns})")  # fmt: skip
    shown: dict[str, int] = defaultdict(int)
    for error in result["errors"]:
        field = error.split(": want", 1)[0].rsplit(" ", 1)[-1]
        shown[field] += 1
        if shown[field] <= 2:
            print("   ", error[:220])
    for join in result["wrong_joins"][:8]:
        print("    wrong join:", join)
    return result


def main() -> None:
    from pipeline.engine import read_in_this_process

    read_in_this_process()  # as a batch's workers read (the same words, 17 min for 21)
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=6)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dpi", type=int, nargs="+", default=[300, 200, 150])
    parser.add_argument(
        "--formats",
        type=parse_formats,
        default=parse_formats(SCANNED),
        help=f"formats taken in turn (default {SCANNED})",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help=f"OCR every scan again (cache: {CACHE})"
    )
    parser.add_argument(
        "--keep-stamps", action="store_true", help="read the scans with their stamps' ink"
    )
    args = parser.parse_args()
    letters = make_letters(args.count, args.seed, args.formats)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for dpi in args.dpi:
            cache = None if args.no_cache else CACHE
            settings = Settings(ocr=OcrSettings(drop_stamps=not args.keep_stamps))
            rows.append((dpi, run_dpi(letters, dpi, Path(tmp) / f"{dpi}dpi", cache, settings)))
    print("\n| dpi | raw WER | cleaned WER | fields | status | wrong joins | rejoined |")
    print("|----:|--------:|------------:|-------:|-------:|------------:|---------:|")
    for dpi, r in rows:
        d = r["dehyphenation"]
        print(
            f"| {dpi} | {r['wer_raw']:.4f} | {r['wer_cleaned']:.4f} | {r['field_accuracy']:.3f} | "
            f"{r['fields']['status']['accuracy']:.3f} | {d['wrong_joins']} | {d['rejoined']:.3f} |"
        )
    print("\n| field | " + " | ".join(f"{dpi} dpi" for dpi, _ in rows) + " | n |")
    print("|:--|" + "--:|" * (len(rows) + 1))
    for name, info in rows[0][1]["fields"].items():
        accuracies = " | ".join(f"{r['fields'][name]['accuracy']:.3f}" for _, r in rows)
        print(f"| {name} | {accuracies} | {info['n']} |")


if __name__ == "__main__":
    main()
