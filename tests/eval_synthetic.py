"""Accuracy on generated letters: ``python -m tests.eval_synthetic [--count N --seed S]``.

Without arguments it scores the committed set in samples/synthetic; with --count it generates a
fresh set into a temporary folder first (larger measurements).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from pipeline.evaluate import evaluate_dir, report
from pipeline.run import Settings, process_file

ROOT = Path(__file__).resolve().parent.parent


def run(truth_dir: Path) -> str:
    records = {
        path.name.removesuffix(".ocr.txt"): process_file(path, Settings())
        for path in sorted(truth_dir.glob("*.ocr.txt"))
    }
    scores = evaluate_dir(truth_dir, records)
    details = "\n".join(["", "errors:", *scores.errors, "wrong joins:", *scores.wrong_joins,
                         "missed joins:", *scores.missed_joins])  # fmt: skip
    return report(scores) + details


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.count:
        sys.path.insert(0, str(ROOT / "samples"))
        from generate_letters import generate, write

        with tempfile.TemporaryDirectory() as tmp:
            write(generate(args.count, args.seed), Path(tmp))
            print(run(Path(tmp)))
    else:
        print(run(ROOT / "samples" / "synthetic"))


if __name__ == "__main__":
    main()
