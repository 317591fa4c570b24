"""Build the models directory: the German form lexicon and the council spaCy pipeline.

``python -m pipeline.extract.build --out models/council_de`` (``make models``). The lemma table
comes from ``spacy-lookups-data``, needed only here; the curated sources are in ``models/src``.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from pipeline.lexicon import COUNCIL_VOCAB_FILE, LEXICON_DIR, build_lexicon, read_words


def lemma_table() -> dict[str, str]:
    """German lemma lookup table (form -> lemma) from spacy-lookups-data."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "de_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    return table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("models/council_de"))
    args = parser.parse_args(argv)
    table = lemma_table()
    count = build_lexicon(table, read_words(COUNCIL_VOCAB_FILE), LEXICON_DIR)
    print(f"lexicon: {count} forms -> {LEXICON_DIR}")
    from pipeline.extract.nlp import build_pipeline

    nlp = build_pipeline(table)
    args.out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    print(f"spaCy pipeline {nlp.pipe_names} -> {args.out}")


if __name__ == "__main__":
    main()
