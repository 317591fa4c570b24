"""The record: typed models from which the JSON Schema is generated (``council-ocr schema``).

Every extracted value is an :class:`Extracted` with its evidence: the character span in the
cleaned text (``record.text[start:end]``), the page it stands on, its box on that page (PDF and
image inputs) and a confidence.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.3"  # 1.2: page_info.stamps_removed, 1.3: specks_removed, stamps_read

T = TypeVar("T")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Repair(_Model):
    """One logged change (or abstention) of the cleanup, with offsets into the raw text."""

    kind: str = Field(description="Name of the repair in the registry, e.g. 'dehyphenate'.")
    before: str = Field(description="Text the repair replaced (as it stood when it ran).")
    after: str = Field(description="Replacement; for an abstention, the change considered.")
    start: int = Field(ge=0, description="Start offset in the raw text.")
    end: int = Field(ge=0, description="End offset in the raw text.")
    page: int = Field(ge=1, description="Page of the raw start offset (1-based).")
    reason: str
    confidence: float = Field(ge=0, le=1)
    applied: bool = Field(True, description="False: considered and abstained (text unchanged).")


class Extracted(_Model, Generic[T]):
    """An extracted value with its evidence in the cleaned text."""

    value: T
    start: int = Field(ge=0, description="Start offset of the evidence in record.text.")
    end: int = Field(ge=0, description="End offset of the evidence in record.text.")
    page: int | None = Field(None, ge=1)
    confidence: float = Field(ge=0, le=1)
    bbox: tuple[int, int, int, int] | None = Field(
        default=None,
        description=(
            "Box of the evidence on its page: [x0, y0, x1, y1], the words it covers (on the page "
            "it starts on), in pixels from the top-left corner of the page as stored, before any "
            "turning or deskewing: an image's own pixels; a PDF page at the run's --dpi "
            "(default 300; PDF points x dpi / 72). Null for plain-text input or where no word is "
            "known."
        ),
    )


class Status(StrEnum):
    implemented = "implemented"
    partially_implemented = "partially_implemented"
    in_progress = "in_progress"
    not_implemented = "not_implemented"
    obsolete = "obsolete"


DocumentType = Literal[
    "Beschlusskontrolle", "Beschlussvorlage", "Antrag", "Niederschrift", "Beschlussausfertigung"
]
ReportKind = Literal["interim", "final"]


class Resolution(_Model):
    number: Extracted[str] = Field(description="Resolution number, e.g. A0404/11.")
    session: Extracted[str] | None = Field(None, description="Session number, e.g. SR/033/2011.")


class Document(_Model):
    authority: Extracted[str] | None = None
    department: Extracted[str] | None = None
    file_reference: Extracted[str] | None = None
    date: Extracted[str] | None = Field(None, description="ISO date (YYYY-MM-DD).")
    type: Extracted[DocumentType] | None = None
    report_kind: Extracted[ReportKind] | None = None
    title: Extracted[str] | None = None
    addressees: list[Extracted[str]] = Field(default_factory=list)
    resolutions: list[Resolution] = Field(default_factory=list)


class Point(_Model):
    """A numbered point of the resolution, with the status report from its ``Zu N.`` section."""

    label: str = Field(description="'1', '2', '3a' …")
    level: int = Field(ge=1)
    text: Extracted[str]
    status: Extracted[Status] | None = None
    status_phrase: Extracted[str] | None = None
    report: Extracted[str] | None = None
    children: list[Point] = Field(default_factory=list)


class Signatory(_Model):
    name: Extracted[str] | None = None
    role: Extracted[str] | None = None
    officeholder_match: bool = Field(
        False, description="Name taken from the configured office holders (signature matched)."
    )


class PageInfo(_Model):
    page: int = Field(ge=1)
    label: str | None = Field(None, description="Printed page furniture, e.g. 'Seite 1 von 2'.")
    text_source: Literal["text", "text_layer", "ocr", "empty"] = "text"
    text_layer_score: float | None = None
    stamps_removed: list[tuple[int, int, int, int]] = Field(
        default_factory=list,
        description="Regions (left, top, right, bottom, in the pixels of word boxes) whose stamp "
        "ink was set to paper before OCR (--keep-stamps turns this off).",
    )
    specks_removed: int = Field(
        default=0,
        ge=0,
        description="How many small lone specks were set to paper before OCR (--keep-specks "
        "turns this off).",
    )
    stamps_read: list[tuple[int, int, int, int]] = Field(
        default_factory=list,
        description="Date stamps beside a 'Datum' label that were cut out, turned level and "
        "read on their own; their lines are in the text (regions as stamps_removed).",
    )


class Source(_Model):
    path: str
    sha256: str
    media_type: str
    pages: int = Field(ge=0)
    text_source: Literal["text", "text_layer", "ocr", "mixed", "empty"]
    page_info: list[PageInfo] = Field(default_factory=list)


class Warning_(_Model):
    code: str
    message: str
    page: int | None = None


class PipelineInfo(_Model):
    version: str
    config_hash: str


class Record(_Model):
    """One document: where it came from, what it says, and every change made to its text."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="CouncilOcrRecord")

    schema_version: str = SCHEMA_VERSION
    source: Source
    document: Document
    points: list[Point]
    signatories: list[Signatory]
    text: str = Field(description="Cleaned full text; evidence offsets point into it.")
    repairs: list[Repair]
    warnings: list[Warning_]
    pipeline: PipelineInfo


def record_json_schema() -> dict[str, object]:
    """The JSON Schema of :class:`Record` (generated, never hand-written)."""
    return Record.model_json_schema()
