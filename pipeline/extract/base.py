"""Shared pieces of extraction: the cleaned text with page lookup, paragraphs, evidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import regex

from pipeline.models import Extracted

T = TypeVar("T")

#: A word box: left, top, right, bottom in the page image's pixels.
Box = tuple[int, int, int, int]


def no_box(start: int, end: int) -> tuple[int, Box] | None:
    """The :attr:`Text.box_of` of a text without word boxes (plain-text input)."""
    return None


@dataclass(frozen=True)
class Paragraph:
    """A block of the cleaned text (lines kept), with its offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Text:
    """The cleaned text, a function giving the page of an offset in it, and one giving the
    page and word box of a span of it (OCR input; None elsewhere)."""

    text: str
    page_of: Callable[[int], int | None]
    box_of: Callable[[int, int], tuple[int, Box] | None] = no_box

    def evidence(self, value: T, start: int, end: int, confidence: float) -> Extracted[T]:
        """An extracted value with its span and page; spans are trimmed of white space."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Extracted[T](
            value=value,
            start=start,
            end=end,
            page=self.page_of(start),
            confidence=round(confidence, 3),
        )

    def lines(self) -> list[Paragraph]:
        """Non-blank lines with offsets."""
        return [
            Paragraph(m.start(), m.end(), m.group())
            for m in regex.finditer(r"[^\n]+", self.text)
            if m.group().strip()
        ]

    def paragraphs(self) -> list[Paragraph]:
        """Blocks separated by blank lines."""
        return [
            Paragraph(m.start(), m.end(), m.group())
            for m in regex.finditer(r"[^\n](?:.|\n(?!\s*\n))*", self.text)
        ]
