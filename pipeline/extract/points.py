"""The resolution's numbered points and, from the ``Zu N.`` sections, their status reports."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.cleanup.lines import ZU_HEADING as ZU
from pipeline.extract.base import Text
from pipeline.models import Point, Status

TOP_MARKER = regex.compile(r"^[ \t]*(?:(\d{1,2})[.)]|Punkt\s+(\d{1,2}):?)[ \t]+(?=\S)", regex.M)
SUB_MARKER = regex.compile(r"^[ \t]*\(?([a-z])\)[ \t]+(?=\S)", regex.M)
CLOSING = regex.compile(
    r"^\s*(?:Mit\s+freundlichen|Freundliche\s+Grüße|Hochachtungsvoll|Kenntnisnahme|Anlagen?\s*(?::|\d|$))",
    regex.M,
)
SALUTATION_END = regex.compile(r"^\s*(?:Sehr geehrte|Liebe )[^\n]*\n", regex.M)


@dataclass
class _Draft:
    label: str
    level: int
    start: int
    text_start: int
    end: int = 0
    children: list[_Draft] = field(default_factory=list)
    #: The marker was not found: the point was inferred from a gap in the numbering.
    inferred: bool = False


def _paragraph_starts(text: str, start: int, end: int) -> list[int]:
    """Starts of the blank-line-separated paragraphs in ``text[start:end]``, the first included."""
    first = start + len(text[start:end]) - len(text[start:end].lstrip())
    breaks = [m.end() for m in regex.finditer(r"\n[ \t]*\n\s*", text, pos=start, endpos=end)]
    return [first] + [b for b in breaks if b < end and text[b:end].strip() and b > first]


def _point_drafts(text: str, start: int, end: int) -> list[_Draft]:
    """Top-level points (1, 2, 3 in sequence) and their lettered children (a, b …)."""
    tops: list[_Draft] = []
    expected = 1
    for match in TOP_MARKER.finditer(text, start, end):
        number = int(match.group(1) or match.group(2))
        if number > expected:
            # OCR lost lone markers ("2." on its own line): when the unmarked paragraphs before
            # this marker are exactly as many as the missing numbers, they are those points.
            missing = number - expected
            region = tops[-1].text_start if tops else start
            starts = _paragraph_starts(text, region, match.start())[1 if tops else 0 :]
            if not tops:
                starts = [
                    b for b in starts if not text[b : text.find("\n", b)].rstrip().endswith(":")
                ]
            if len(starts) == missing:
                for gap in starts:
                    tops.append(_Draft(str(expected), 1, gap, gap, inferred=True))
                    expected += 1
        if number != expected:
            continue
        tops.append(_Draft(str(number), 1, match.start(), match.end()))
        expected += 1
    for k, top in enumerate(tops):
        top.end = tops[k + 1].start if k + 1 < len(tops) else end
        letter = "a"
        for match in SUB_MARKER.finditer(text, top.text_start, top.end):
            if match.group(1) != letter:
                continue
            top.children.append(_Draft(top.label + letter, 2, match.start(), match.end()))
            letter = chr(ord(letter) + 1)
        for j, child in enumerate(top.children):
            child.end = top.children[j + 1].start if j + 1 < len(top.children) else top.end
    return tops


#: A sentence that speaks to the reader belongs to the letter's closing, not to a point's
#: report: first person singular, the formal "Ihnen", or a request for "Kenntnisnahme".
READER_ADDRESS = regex.compile(r"\b(?:ich|mich|mir|Ihnen|Kenntnisnahme)\b|(?<=\S\s+)\bSie\b")


def _without_closing_sentences(doc: Doc, offset: int, start: int, end: int) -> int:
    """End of the last section without its trailing reader-addressing sentences.

    >>> from pipeline.extract.nlp import load_pipeline
    >>> text = "Die Arbeiten sind beendet. Ich bitte um Kenntnisnahme."
    >>> text[: _without_closing_sentences(load_pipeline()(text), 0, 0, len(text))].rstrip()
    'Die Arbeiten sind beendet.'
    """
    cut = end
    for sent in reversed(list(doc.sents)):
        if not sent.text.strip():
            continue
        if offset + sent.start_char < start:
            break
        if not READER_ADDRESS.search(sent.text):
            break
        cut = offset + sent.start_char
    return cut


def _reports(text: Text, nlp: Language, start: int, end: int) -> dict[str, dict[str, object]]:
    """Per label: status, status phrase and report from its ``Zu N.`` section."""
    body = text.text
    headings = list(ZU.finditer(body, start, end))
    reports: dict[str, dict[str, object]] = {}
    for k, heading in enumerate(headings):
        label = heading.group(1) + (heading.group(2) or "")
        section_end = headings[k + 1].start() if k + 1 < len(headings) else end
        closing = CLOSING.search(body, heading.end(), section_end)
        section_end = closing.start() if closing else section_end
        section = body[heading.end() : section_end]
        doc = nlp(section)
        spans = list(doc.spans["status"])
        entry: dict[str, object] = {}
        if spans:
            span = spans[0]
            s, e = heading.end() + span.start_char, heading.end() + span.end_char
            entry["status"] = text.evidence(
                Status(span.label_), s, e, 0.9 if span.start == 0 else 0.7
            )
            entry["status_phrase"] = text.evidence(span.text.strip(), s, e, 0.9)
            rest_start = e
        else:
            rest_start = heading.end()
        if k == len(headings) - 1:
            section_end = _without_closing_sentences(doc, heading.end(), rest_start, section_end)
        rest = body[rest_start:section_end]
        if rest.strip():
            value = " ".join(rest.split())
            entry["report"] = text.evidence(value, rest_start, section_end, 0.85)
        reports[label] = entry
    return reports


def extract_points(text: Text, nlp: Language) -> list[Point]:
    """Points with hierarchy, each with its status report where one is given."""
    body = text.text
    first_zu = ZU.search(body)
    salutation = SALUTATION_END.search(body)
    start = salutation.end() if salutation else 0
    point_end = first_zu.start() if first_zu else len(body)
    closing = CLOSING.search(body, start, point_end)
    point_end = closing.start() if closing else point_end
    drafts = _point_drafts(body, start, point_end)
    report_end = len(body)
    if first_zu:
        closing = CLOSING.search(body, first_zu.start())
        report_end = closing.start() if closing else len(body)
    reports = _reports(text, nlp, first_zu.start(), report_end) if first_zu else {}

    def build(draft: _Draft) -> Point:
        own_end = draft.children[0].start if draft.children else draft.end
        value = " ".join(body[draft.text_start : own_end].split())
        entry = reports.get(draft.label, {})
        return Point(
            label=draft.label,
            level=draft.level,
            text=text.evidence(value, draft.text_start, own_end, 0.5 if draft.inferred else 0.85),
            children=[build(child) for child in draft.children],
            **entry,  # type: ignore[arg-type]
        )

    return [build(draft) for draft in drafts]


def flatten(points: list[Point]) -> list[Point]:
    """Points and their children in document order."""
    out: list[Point] = []
    for point in points:
        out.append(point)
        out.extend(flatten(point.children))
    return out
