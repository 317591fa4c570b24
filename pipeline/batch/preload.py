"""Imported once by the worker processes' fork server: the lexicon, its confusion index and the
spaCy pipeline are loaded there, so every worker starts with them (about 3.4 s of CPU each
otherwise, measured by tests/bench_pages.py) and shares their memory until it writes to it."""

from __future__ import annotations


def _warm() -> None:
    try:
        from pipeline.extract.nlp import load_pipeline
        from pipeline.lexicon import default_lexicon

        lexicon = default_lexicon()
        _ = lexicon.confusions
        lexicon.zipf("Beschluss")  # loads wordfreq's German frequencies
        load_pipeline()
    except Exception:  # a worker that finds nothing loaded here reports the problem itself
        return


_warm()
