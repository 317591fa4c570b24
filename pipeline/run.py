"""One document through the stages: ingest → cleanup → extract → record.

For PDF and image inputs every extracted value's evidence also gets its box on the page: the
evidence span in the cleaned text is mapped back to the raw text through the repair log, and
the boxes of the words it covers there are joined (:func:`evidence_boxes`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path
from typing import TypeVar

import regex
from pydantic import BaseModel

from pipeline import __version__
from pipeline.cleanup import CleanResult, CleanupConfig, clean, input_words
from pipeline.cleanup.context import OcrWord
from pipeline.extract import Extraction, extract
from pipeline.extract.base import Box, no_box
from pipeline.extract.signatories import Officeholder, read_officeholders
from pipeline.ingest import Input, OcrSettings, read_input
from pipeline.lexicon import first_names, seen_words
from pipeline.models import (
    Extracted,
    PageInfo,
    PipelineInfo,
    Record,
    Signatory,
    Source,
    Warning_,
)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Settings:
    """Everything that changes a record; hashed into ``pipeline.config_hash``."""

    cleanup: CleanupConfig = field(default_factory=CleanupConfig)
    officeholders_file: Path | None = None
    ocr: OcrSettings = field(default_factory=OcrSettings)

    @cached_property
    def officeholders(self) -> list[Officeholder]:
        """The office holders, read once per run (not per document)."""
        return read_officeholders(self.officeholders_file) if self.officeholders_file else []

    @cached_property
    def config_hash(self) -> str:
        holders = [(h.name, h.role) for h in self.officeholders]
        blob = json.dumps(
            {
                "version": __version__,
                "code": code_fingerprint(),
                "disabled": sorted(self.cleanup.disabled),
                "officeholders": holders,
                "ocr": dataclasses.asdict(self.ocr),  # mode, dpi, language, filters ...
            },
            sort_keys=True,
        )
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


#: What a record comes from besides the settings: the package's code, the curated resources the
#: models are built from, and the libraries that read and tag the text.
CODE_ROOT = Path(__file__).resolve().parent
MODEL_SOURCES = CODE_ROOT.parent / "models" / "src"
SHAPING_LIBRARIES = ("pytesseract", "pdfplumber", "pypdfium2", "spacy", "spacy-lookups-data",
                     "wordfreq", "regex", "pillow", "numpy")  # fmt: skip


@cache
def code_fingerprint() -> str:
    """A hash of the code and resources that make a record (:func:`fingerprint` of this
    package), so that a run with changed code (an upgrade, a fix: the version number is not
    raised for every one) processes the documents again instead of keeping their old records.
    Tesseract's own version is not in it: reading it costs a process start, and its language
    data changes rarely."""
    return fingerprint(CODE_ROOT, MODEL_SOURCES)


def fingerprint(code: Path, model_sources: Path) -> str:
    """Hash of the ``*.py`` files under ``code``, the files in ``model_sources`` (paths
    relative to ``code``'s parent, and contents) and the versions of
    :data:`SHAPING_LIBRARIES`."""
    digest = hashlib.sha256()
    files = sorted(code.rglob("*.py")) + sorted(model_sources.glob("*"))
    for path in files:
        if path.is_file():
            name = path.relative_to(code.parent) if path.is_relative_to(code.parent) else path
            digest.update(name.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for library in SHAPING_LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library}={version}\0".encode())
    return digest.hexdigest()[:16]


#: A signatory's name whose first name no list of first names holds, or with a surname German
#: text never has, is dropped when OCR read a word of it below this confidence: on the scan
#: set such names were all noise (``Eier Böttcher`` at 7, ``Birgfk Krüger`` at 30, ``Hei Wer``
#: at 49, ``Grit Brückh`` for Brückner under a signature), while names read right with an
#: unlisted first name scored 60 and more.
UNSURE_NAME_CONFIDENCE = 50.0


def process_input(source: Input, settings: Settings) -> Record:
    """Clean and extract one read input."""
    words = input_words(source)
    cleaned = clean(source.text, settings.cleanup, words=words)
    extraction = extract(cleaned, settings.officeholders, upright_box_finder(cleaned, source))
    extraction = evidence_boxes(extraction, cleaned, source)
    warnings = [
        Warning_(code="page_unread", message=page.warning, page=number)
        for number, page in enumerate(source.pages, 1)
        if page.warning
    ]
    extraction, dropped = without_unsure_names(extraction, cleaned, words)
    warnings += [
        Warning_(
            code="name_unsure",
            message=f"signatory name '{name}' left out: no known first name or an unknown "
            f"surname, OCR confidence {confidence:.0f} < {UNSURE_NAME_CONFIDENCE:.0f}",
            page=page,
        )
        for name, confidence, page in dropped
    ]
    if not extraction.points:
        warnings.append(Warning_(code="no_points", message="no numbered resolution points found"))
    if extraction.document.date is None:
        warnings.append(Warning_(code="no_date", message="no document date found"))
    labels = cleaned.page_labels
    pages = [
        PageInfo(
            page=number,
            label=labels[number - 1] if number - 1 < len(labels) else None,
            text_source=page.source,
            text_layer_score=page.text_layer_score,
            stamps_removed=list(page.stamps),
            specks_removed=page.specks,
            stamps_read=list(page.stamps_read),
        )
        for number, page in enumerate(source.pages, 1)
    ]
    if source.media_type == "text/plain":  # plain text: pages come from its page labels
        pages = [
            PageInfo(page=i + 1, label=label, text_source="text") for i, label in enumerate(labels)
        ]
    sources = {page.text_source for page in pages}
    text_source = sources.pop() if len(sources) == 1 else ("mixed" if sources else "empty")
    return Record(
        source=Source(
            path=str(source.path),
            sha256=source.sha256,
            media_type=source.media_type,
            pages=len(pages),
            text_source=text_source,
            page_info=pages,
        ),
        document=extraction.document,
        points=extraction.points,
        signatories=extraction.signatories,
        text=cleaned.text,
        repairs=cleaned.repairs,
        warnings=warnings,
        pipeline=PipelineInfo(version=__version__, config_hash=settings.config_hash),
    )


def without_unsure_names(
    extraction: Extraction, cleaned: CleanResult, words: list[OcrWord]
) -> tuple[Extraction, list[tuple[str, float, int | None]]]:
    """``extraction`` without the signatories' names that are likely noise: the first name is
    in no list of first names or a surname is no word seen in German text, and OCR read a word
    of the name below :data:`UNSURE_NAME_CONFIDENCE` (a wrong name is worse than none); and
    the names dropped,
    with that confidence and their page. Text input has no confidences: nothing is dropped."""
    if not words:
        return extraction, []
    signatories: list[Signatory] = []
    dropped: list[tuple[str, float, int | None]] = []
    for signatory in extraction.signatories:
        name = signatory.name
        if name is not None and not signatory.officeholder_match:
            start = cleaned.state.raw_offset(name.start, side="start")
            end = cleaned.state.raw_offset(name.end, side="end")
            confidences = [w.confidence for w in words if w.start < end and start < w.end]
            parts = regex.sub(r"^(?:(?:Dr|Prof)\.\s)+", "", name.value).split()
            if (
                confidences
                and min(confidences) < UNSURE_NAME_CONFIDENCE
                and (
                    not parts
                    or parts[0] not in first_names()
                    or any(part.casefold() not in seen_words() for part in parts[1:])
                )
            ):
                dropped.append((name.value, min(confidences), name.page))
                signatory = signatory.model_copy(update={"name": None})
        signatories.append(signatory)
    return Extraction(extraction.document, extraction.points, signatories), dropped


def box_finder(cleaned: CleanResult, source: Input) -> Callable[[int, int], tuple[int, Box] | None]:
    """Page and word box of a span of the cleaned text (none for input without words)."""
    if not any(page.words for page in source.pages):
        return no_box
    state = cleaned.state

    def box_of(start: int, end: int) -> tuple[int, Box] | None:
        raw_start = state.raw_offset(start, side="start")
        raw_end = state.raw_offset(end, side="end") if end > start else raw_start
        return source.box(raw_start, raw_end)

    return box_of


def upright_box_finder(
    cleaned: CleanResult, source: Input
) -> Callable[[int, int], tuple[int, Box] | None]:
    """:func:`box_finder` with the boxes in their pages turned upright (as a reader sees
    them; the record's boxes are in the page as given)."""
    box_of = box_finder(cleaned, source)

    def upright(start: int, end: int) -> tuple[int, Box] | None:
        found = box_of(start, end)
        return None if found is None else (found[0], source.pages[found[0] - 1].upright(found[1]))

    return upright


def evidence_boxes(extraction: Extraction, cleaned: CleanResult, source: Input) -> Extraction:
    """Every extracted value with the box of its evidence (``bbox``) where the input has words.

    A box is given only on the page the value names (``Extracted.page``), so that ``page`` and
    ``bbox`` always belong together; plain-text input gets none.
    """
    if not any(page.words for page in source.pages):
        return extraction
    box_of = box_finder(cleaned, source)

    def boxed(value: Extracted[object]) -> Extracted[object]:
        found = box_of(value.start, value.end)
        if found is None or found[0] != value.page:
            return value
        return value.model_copy(update={"bbox": found[1]})

    return Extraction(
        _map_extracted(extraction.document, boxed),
        [_map_extracted(point, boxed) for point in extraction.points],
        [_map_extracted(signatory, boxed) for signatory in extraction.signatories],
    )


def _map_extracted(model: M, change: Callable[[Extracted[object]], Extracted[object]]) -> M:
    """``model`` with ``change`` applied to every :class:`Extracted` in it, at any depth."""

    def visit(value: object) -> object:
        if isinstance(value, Extracted):
            return change(value)
        if isinstance(value, BaseModel):
            return _map_extracted(value, change)
        if isinstance(value, list):
            return [visit(item) for item in value]
        return value

    update = {name: visit(getattr(model, name)) for name in type(model).model_fields}
    return model.model_copy(update=update)


def process_file(path: Path, settings: Settings | None = None) -> Record:
    """Read, clean and extract one file (raises :class:`CouncilOcrError` on bad input)."""
    settings = settings or Settings()
    return process_input(read_input(path, settings.ocr), settings)
