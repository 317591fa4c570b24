"""Do Tesseract user words and patterns help? ``python -m tests.eval_user_words [--count N]``.

Reads the pages of realistic scans (samples/make_scans.py) twice, with the plain ``deu`` model
and with the council vocabulary (``models/src/council_vocab.txt``) as user words plus
identifier shapes as user patterns (``-c lstm_use_matrix=1``, which the LSTM engine needs to
load them), and compares the raw OCR against the truth: word error rate, and how many of the
truth's identifiers (resolution and session numbers, file references, dates) and vocabulary
words are read exactly.

Measured (seed 11, 6 letters, image-only PDFs; Tesseract 5.3.0, ``deu``):

| dpi | variant                   | raw WER | identifiers exact | vocabulary words exact |
|----:|---------------------------|--------:|------------------:|-----------------------:|
| 300 | deu                       |  0.1741 |             11/18 |                  45/48 |
| 300 | deu + user words/patterns |  0.1724 |             11/18 |                  46/48 |
| 150 | deu                       |  0.2062 |             14/18 |                  47/48 |
| 150 | deu + user words/patterns |  0.2085 |             14/18 |                  47/48 |

No identifier more is read exactly and the WER moves both ways by 0.002 (one or two words):
the LSTM engine barely uses them, so the pipeline does not ship them (``OcrSettings.
tesseract_config`` stays empty by default; it takes such options when wanted).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from pipeline.evaluate import norm, word_errors
from pipeline.ingest import OcrSettings, read_input
from pipeline.lexicon import read_words

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))

from make_scans import make_letters, parse_formats, write_scan  # noqa: E402

#: Identifier shapes as Tesseract user patterns (\d digit, \A capital, \* repeat).
PATTERNS = (
    r"\A\d\d\d\d/\d\d",
    r"\A\A\d\d\d\d/\d\d",
    r"\A-\A\A\d\d\d\d/\d\d",
    r"\A\A/\d\d\d/\d\d\d\d",
    r"\A\A\A/\d\d\d/\d\d\d\d",
    r"\d\d.\d\d.\d\d\d\d",
    r"\d\d.\d\d",
)


def identifiers(record: dict) -> list[str]:
    document = record["document"]
    found = [r["number"] for r in document.get("resolutions", [])]
    found += [r["session"] for r in document.get("resolutions", []) if r.get("session")]
    if document.get("file_reference"):
        found.append(document["file_reference"])
    return [str(x) for x in found if x]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=6)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dpi", type=int, nargs="+", default=[300, 150])
    args = parser.parse_args()
    vocabulary = sorted(read_words(ROOT / "models" / "src" / "council_vocab.txt"))
    letters = make_letters(args.count, args.seed, parse_formats("pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        words_file, patterns_file = (
            Path(tmp) / "council.user-words",
            Path(tmp) / "council.user-patterns",
        )
        words_file.write_text("\n".join(vocabulary) + "\n", encoding="utf-8")
        patterns_file.write_text("\n".join(PATTERNS) + "\n", encoding="utf-8")
        variants = {
            "deu": "",
            "deu + user words/patterns": f"--user-words {words_file} --user-patterns "
            f"{patterns_file} -c lstm_use_matrix=1",
        }
        print("| dpi | variant | raw WER | identifiers exact | vocabulary words exact | s |")
        print("|----:|---------|--------:|------------------:|-----------------------:|--:|")
        for dpi in args.dpi:
            scans = [(letter, write_scan(letter, dpi, Path(tmp) / str(dpi))) for letter in letters]
            for name, config in variants.items():
                settings = OcrSettings(tesseract_config=config)
                start = time.perf_counter()
                errors = total = ids = ids_hit = vocab = vocab_hit = 0
                for letter, scan in scans:
                    text = read_input(scan, settings).text
                    errors += word_errors(letter.text, text)
                    total += len(norm(letter.text).split())
                    for identifier in identifiers(letter.record):
                        ids += 1
                        ids_hit += identifier in text
                    truth_words = set(norm(letter.text).split())
                    for word in vocabulary:
                        if word in truth_words:
                            vocab += 1
                            vocab_hit += word in text
                seconds = time.perf_counter() - start
                print(
                    f"| {dpi} | {name} | {errors / max(1, total):.4f} | {ids_hit}/{ids} | "
                    f"{vocab_hit}/{vocab} | {seconds:.0f} |"
                )


if __name__ == "__main__":
    main()
