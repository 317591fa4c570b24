"""Extraction: document fields, points with status reports, signatories, from cleaned text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.cleanup import CleanResult
from pipeline.extract.base import Box, Text, no_box
from pipeline.extract.document import extract_document
from pipeline.extract.points import extract_points, flatten
from pipeline.extract.signatories import Officeholder, extract_signatories
from pipeline.lexicon import default_lexicon
from pipeline.models import Document, Point, Signatory


@dataclass(frozen=True)
class Extraction:
    document: Document
    points: list[Point]
    signatories: list[Signatory]


def extract(
    cleaned: CleanResult,
    officeholders: list[Officeholder] | None = None,
    box_of: Callable[[int, int], tuple[int, Box] | None] = no_box,
) -> Extraction:
    """Read the structure of a cleaned document; ``box_of``: page and word box of a span of
    the cleaned text (where the input has words)."""
    state = cleaned.state

    def page_of(offset: int) -> int | None:
        return state.page_of_raw(state.raw_offset(offset))

    from pipeline.extract.nlp import load_pipeline  # spaCy: imported when first needed (1.3 s)

    text = Text(cleaned.text, page_of, box_of)
    nlp = load_pipeline()
    points = extract_points(text, nlp)
    statuses = [p.status.value.value if p.status else None for p in points]
    sub_statuses = [c.status.value.value if c.status else None for p in points for c in p.children]
    document = extract_document(text, statuses, sub_statuses)
    removed = [r for r in cleaned.repairs if r.kind == "remove_noise_lines" and r.applied]
    scribbles = [state.cleaned_span(r.start, r.end) for r in removed]
    signatures = [r.before.strip() for r in removed if "signature" in r.reason]
    signatories = extract_signatories(
        text, scribbles, signatures, default_lexicon(), officeholders=officeholders
    )
    return Extraction(document, points, signatories)


__all__ = ["Extraction", "extract", "flatten"]
