"""One document through the stages: ingest → cleanup → extract → record."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pipeline import __version__
from pipeline.cleanup import CleanupConfig, clean
from pipeline.extract import extract
from pipeline.extract.signatories import Officeholder, read_officeholders
from pipeline.ingest import Input, OcrSettings, read_input
from pipeline.models import PageInfo, PipelineInfo, Record, Source, Warning_


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
                "disabled": sorted(self.cleanup.disabled),
                "officeholders": holders,
            },
            sort_keys=True,
        )
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def process_input(source: Input, settings: Settings) -> Record:
    """Clean and extract one read input."""
    cleaned = clean(source.text, settings.cleanup)
    extraction = extract(cleaned, settings.officeholders)
    warnings = [
        Warning_(code="page_unread", message=page.warning, page=number)
        for number, page in enumerate(source.pages, 1)
        if page.warning
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


def process_file(path: Path, settings: Settings | None = None) -> Record:
    """Read, clean and extract one file (raises :class:`CouncilOcrError` on bad input)."""
    settings = settings or Settings()
    return process_input(read_input(path, settings.ocr), settings)
