"""Throughput of cleanup + extraction on text input (one core): ``make bench``.

Pages per second over the sample letters (seed + synthetic), after a warm-up that loads the
lexicon and the spaCy pipeline once.
"""

from __future__ import annotations

import time
from pathlib import Path

from pipeline.ingest import discover, read_input
from pipeline.run import Settings, process_input

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5


def main() -> None:
    inputs = [read_input(p) for p in discover([ROOT / "samples"])]
    settings = Settings()
    process_input(inputs[0], settings)  # warm-up: lexicon and spaCy pipeline
    pages = 0
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for source in inputs:
            pages += process_input(source, settings).source.pages
    elapsed = time.perf_counter() - start
    print(f"cleanup+extraction: {len(inputs) * ROUNDS} documents, {pages} pages in {elapsed:.2f} s")
    print(
        f"throughput: {pages / elapsed:.1f} pages/s, {len(inputs) * ROUNDS / elapsed:.1f} documents/s (one core)"
    )


if __name__ == "__main__":
    main()
