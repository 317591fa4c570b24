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
    r"(?:[\p{Lu}][\p{Ll}]+-\s(?:und|oder)\s)?"  # suspended compound: "Mobilitäts- und Tiefbauamt"
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
    resolution_end = 0
    for k, line in enumerate(lines):
        resolutions = _resolutions(text, line)
        if not resolutions:
            continue
        resolution_line = line
        resolution_end = line.end
        following = lines[k + 1] if k + 1 < len(lines) else None
        if following is not None and resolutions[-1].session is None:
            session = _session_line(text, following)
            if session is not None:  # "(Sitzungsnummer: SR/015/2013)" on the next line
                resolutions[-1] = Resolution(number=resolutions[-1].number, session=session)
                resolution_end = following.end
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
        title = regex.compile(r"\S[^\n]*(?:\n(?!\s*\n)[^\n]+)*").search(
            body, resolution_end, header_end
        )
        if title and not SALUTATION.match(title.group()):
            value = " ".join(title.group().split())
            fields["title"] = text.evidence(value, title.start(), title.end(), 0.8)

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


SESSION_LABEL = regex.compile(
    r"(?:Sitzungs(?:nummer|-Nr\.?)|Sitzung(?:\s+Nr\.)?|SR-Nr\.?)\s*:?\s*$"
)


def _identifiers(line: str) -> list[regex.Match[str]]:
    """Resolution- and session-shaped identifiers of a line, left to right, not overlapping."""
    found = sorted(
        [*RESOLUTION_NUMBER.finditer(line), *SESSION_NUMBER.finditer(line)], key=lambda m: m.start()
    )
    kept: list[regex.Match[str]] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


def _resolutions(text: Text, line: Paragraph) -> list[Resolution]:
    """Resolutions named in a line; an identifier after a session label is the session of the
    resolution before it (``A0404/11 (Sitzungsnummer: SR/033/2011)``). The shape alone does not
    decide: ``OBR Alt/011/2010`` is a resolution number, ``SR/033/2011`` a session."""
    resolutions: list[tuple[regex.Match[str], regex.Match[str] | None]] = []
    for match in _identifiers(line.text):
        before = line.text[: match.start()]
        labelled = SESSION_LABEL.search(before.rstrip("( "))
        if not labelled and resolutions and resolutions[-1][1] is None:
            # "A0412/14 (KA/055/2014)": a session-shaped number in brackets qualifies the one
            # before it; a resolution-shaped one in brackets would be a resolution of its own.
            between = line.text[resolutions[-1][0].end() : match.start()]
            bracketed = regex.fullmatch(r"\s*\(\s*", between) and line.text[
                match.end() :
            ].lstrip().startswith(")")
            labelled = bracketed and SESSION_NUMBER.fullmatch(match.group())
        if labelled and resolutions and resolutions[-1][1] is None:
            resolutions[-1] = (resolutions[-1][0], match)
        elif not labelled:
            resolutions.append((match, None))
    return [
        Resolution(
            number=text.evidence(n.group(), line.start + n.start(), line.start + n.end(), 0.95),
            session=text.evidence(s.group(), line.start + s.start(), line.start + s.end(), 0.9)
            if s
            else None,
        )
        for n, s in resolutions
    ]


def _session_line(text: Text, line: Paragraph) -> Extracted[str] | None:
    """The session of a line that holds only a labelled session number."""
    match = SESSION_NUMBER.search(line.text)
    if not match or not SESSION_LABEL.search(line.text[: match.start()].rstrip("( ")):
        return None
    if regex.sub(
        r"[\s():]|Sitzungs\w*|Sitzung|SR-Nr\.?|Nr\.", "", line.text.replace(match.group(), "")
    ):
        return None
    return text.evidence(match.group(), line.start + match.start(), line.start + match.end(), 0.85)


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
