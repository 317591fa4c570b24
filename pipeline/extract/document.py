"""Document-level fields: authority, department, file reference, date, type, title, addressees,
resolutions."""

from __future__ import annotations

import datetime as dt

import regex

from pipeline.extract.base import Paragraph, Text
from pipeline.models import Document, Extracted, Resolution
from pipeline.patterns import RESOLUTION_NUMBER, SESSION_NUMBER

AUTHORITY = regex.compile(
    r"^(?:Freie und Hansestadt|Landeshauptstadt|Universitätsstadt|Große Kreisstadt|Kreisstadt|"
    r"Hansestadt|Bundesstadt|Stadt|Gemeinde|Markt|Landkreis|Kreis|Bezirksamt)\s+"
    r"[\p{Lu}][\p{L}.\-]*(?:\s(?:\([\p{L} ]+\)|an der [\p{L}]+|am [\p{L}]+|[\p{Lu}][\p{L}.\-]*))*"
)
DEPARTMENT = regex.compile(
    r"(?:Geschäftsbereich|Dezernat|Fachbereich|Amt für|Referat|Bürgermeisteramt|Eigenbetrieb|"
    r"Büro (?:der|des)|Stadtkämmerei|Ordnungsamt|Sozialamt|Stadtplanungsamt|[\p{Lu}][\p{Ll}]+amt\b)"
    r"[^\n]*"
)
FILE_LABEL = regex.compile(
    r"^\s*(?:GZ|Gz\.?|Az\.?|Aktenzeichen|Geschäftszeichen|Unser Zeichen)\s*:?\s*"
)
DATE_LABEL = regex.compile(r"^\s*Datum\s*:?\s*")
NUMERIC_DATE = regex.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
WORD_DATE = regex.compile(
    r"\b(\d{1,2})\.\s?(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
    r"November|Dezember)\s(\d{4})\b"
)
MONTH_NAMES = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
DOCUMENT_TYPES = {
    "Beschlusskontrolle": "Beschlusskontrolle",
    "Sachstandsbericht": "Beschlusskontrolle",
    "Beschlussvorlage": "Beschlussvorlage",
    "Beschlussausfertigung": "Beschlussausfertigung",
    "Niederschrift": "Niederschrift",
    "Antrag": "Antrag",
}
TYPE_WORD = regex.compile(r"\b(" + "|".join(DOCUMENT_TYPES) + r")\b")
SALUTATION = regex.compile(r"^\s*(?:Sehr geehrte|Liebe |Guten Tag)", regex.M)
INTERIM = regex.compile(
    r"\b(?:Zwischenbericht|Zwischenstand|Zwischeninformation|Zwischenmitteilung)"
)
FINAL = regex.compile(
    r"\b(?:Abschlussbericht|Schlussbericht|abschließende[nr]? (?:Bericht|Information|Sachstand)|abschließend)"
)


def _to_iso(day: int, month: int, year: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _date_in(text: str) -> tuple[str, int, int] | None:
    for pattern in (NUMERIC_DATE, WORD_DATE):
        match = pattern.search(text)
        if match:
            month = match.group(2)
            number = int(month) if month.isdigit() else MONTH_NAMES.index(month) + 1
            iso = _to_iso(int(match.group(1)), number, int(match.group(3)))
            if iso:
                return iso, match.start(), match.end()
    return None


def _labelled_value(
    lines: list[Paragraph], label: regex.Pattern[str]
) -> tuple[Paragraph, int] | None:
    """The value after a label: on the label's line, or the next non-blank line."""
    for i, line in enumerate(lines):
        match = label.match(line.text)
        if not match:
            continue
        rest = line.text[match.end() :].strip()
        if rest:
            return line, match.end()
        if i + 1 < len(lines):
            return lines[i + 1], 0
    return None


def extract_document(text: Text, status_values: list[str | None]) -> Document:
    """Header fields from the part of the letter before the salutation."""
    body = text.text
    salutation = SALUTATION.search(body)
    header_end = salutation.start() if salutation else min(len(body), 1500)
    lines = [line for line in text.lines() if line.start < header_end]
    fields: dict[str, object] = {}

    for line in lines[:6]:
        match = AUTHORITY.match(line.text.strip())
        if match:
            offset = line.start + len(line.text) - len(line.text.lstrip())
            value = regex.split(r"\s[–-]\s", match.group())[0].strip()
            fields["authority"] = text.evidence(value, offset, offset + len(value), 0.9)
            break
    for line in lines[:12]:
        match = DEPARTMENT.search(line.text)
        if match and not FILE_LABEL.match(line.text):
            value = match.group().strip()
            start = line.start + match.start()
            fields["department"] = text.evidence(value, start, start + len(value), 0.85)
            break
    found = _labelled_value(lines, FILE_LABEL)
    if found:
        line, at = found
        value = line.text[at:].strip()
        start = line.start + line.text.index(value, at)
        fields["file_reference"] = text.evidence(value, start, start + len(value), 0.9)
    found = _labelled_value(lines, DATE_LABEL)
    date = _date_in(found[0].text[found[1] :]) if found else None
    if found and date:
        line, at = found
        fields["date"] = text.evidence(
            date[0], line.start + at + date[1], line.start + at + date[2], 0.9
        )
    else:
        for line in lines:
            date = _date_in(line.text)
            if date and not RESOLUTION_NUMBER.search(line.text):
                fields["date"] = text.evidence(
                    date[0], line.start + date[1], line.start + date[2], 0.6
                )
                break

    resolution_line = None
    for line in lines:
        numbers = list(RESOLUTION_NUMBER.finditer(line.text))
        if not numbers:
            continue
        resolution_line = line
        sessions = list(SESSION_NUMBER.finditer(line.text))
        resolutions = []
        for k, number in enumerate(numbers):
            limit = numbers[k + 1].start() if k + 1 < len(numbers) else len(line.text)
            session = next((s for s in sessions if number.end() <= s.start() < limit), None)
            resolutions.append(
                Resolution(
                    number=text.evidence(
                        number.group(), line.start + number.start(), line.start + number.end(), 0.95
                    ),
                    session=text.evidence(
                        session.group(),
                        line.start + session.start(),
                        line.start + session.end(),
                        0.9,
                    )
                    if session
                    else None,
                )
            )
        fields["resolutions"] = resolutions
        break

    type_source = [resolution_line] if resolution_line else []
    for line in type_source + lines:
        match = TYPE_WORD.search(line.text)
        if match:
            kind = DOCUMENT_TYPES[match.group(1)]
            fields["type"] = text.evidence(
                kind, line.start + match.start(), line.start + match.end(), 0.9
            )
            break

    if resolution_line is not None:
        following = [p for p in text.paragraphs() if resolution_line.end <= p.start < header_end]
        if following:
            title = following[0]
            value = " ".join(title.text.split())
            fields["title"] = text.evidence(value, title.start, title.end, 0.8)

    addressees = []
    end_of_address = resolution_line.start if resolution_line else header_end
    for para in text.paragraphs():
        if para.start >= end_of_address:
            break
        if regex.match(r"\s*An\s", para.text):
            addressees.append([para])
        elif addressees and not DATE_LABEL.match(para.text) and not FILE_LABEL.match(para.text):
            addressees[-1].append(para)
    fields["addressees"] = [
        text.evidence(
            " ".join(" ".join(p.text for p in block).split()), block[0].start, block[-1].end, 0.8
        )
        for block in addressees
    ]

    report_kind = _report_kind(text, header_end, status_values)
    if report_kind:
        fields["report_kind"] = report_kind
    return Document(**fields)  # type: ignore[arg-type]


def _report_kind(text: Text, header_end: int, statuses: list[str | None]) -> Extracted[str] | None:
    for pattern, kind in ((INTERIM, "interim"), (FINAL, "final")):
        match = pattern.search(text.text)
        if match:
            return text.evidence(kind, match.start(), match.end(), 0.9)
    reported = [s for s in statuses if s]
    if not reported:
        return None
    open_ = {"in_progress", "partially_implemented"}
    if any(s in open_ for s in reported):
        return text.evidence("interim", 0, 0, 0.6)
    if len(reported) == len(statuses):
        return text.evidence("final", 0, 0, 0.6)
    return None
