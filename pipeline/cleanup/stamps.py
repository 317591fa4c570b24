"""Garbled date stamps: ``3 1, JAN. ZÜ13`` is 31.01.2013.

Ink stamps come out of OCR with spaces inside numbers, commas for dots and letters for digits.
A stamp is read through OCR confusion classes and German month abbreviations, and replaced by
the date it shows when the result is a valid calendar date.
"""

from __future__ import annotations

import datetime as dt

import regex

from pipeline.cleanup.context import CleanupContext
from pipeline.cleanup.edits import Edit
from pipeline.cleanup.lines import split_lines

#: OCR confusions of digits, letter -> digit.
DIGIT_CONFUSIONS = str.maketrans("OoÖöÜüQDlI|!iZzSsBG", "0000000011111225586")
_D = r"[0-9OoÖöÜüQDlI|!iZzSsBG]"
MONTHS: dict[str, int] = {
    "JAN": 1, "JANUAR": 1, "FEB": 2, "FEBR": 2, "FEBRUAR": 2, "MÄR": 3, "MÄRZ": 3, "MRZ": 3,
    "MAR": 3, "MARZ": 3, "APR": 4, "APRIL": 4, "MAI": 5, "JUN": 6, "JUNI": 6, "JUL": 7,
    "JULI": 7, "AUG": 8, "AUGUST": 8, "SEP": 9, "SEPT": 9, "SEPTEMBER": 9, "OKT": 10,
    "OKTOBER": 10, "NOV": 11, "NOVEMBER": 11, "DEZ": 12, "DEZEMBER": 12,
}  # fmt: skip
_MONTH = r"(?P<month>[A-ZÄa-zä0]{3,9})"
STAMP = regex.compile(
    rf"(?P<day>{_D}\s?{_D}?)\s?[.,:;]?\s{{0,2}}{_MONTH}\s?[.,:;]?\s{{0,2}}"
    rf"(?P<year>{_D}\s?{_D}\s?{_D}\s?{_D})"
)
CLEAN_DATE = regex.compile(r"\d{1,2}\.\s[A-ZÄ][a-zä]+\s\d{4}")
DATE_LABEL = regex.compile(r"^\s*(?:Datum|Dresden|[A-ZÄÖÜ][a-zäöüß]+),?\s*(?:den)?\s*:?\s*$")


#: Earliest year a stamp may show; the latest is next year (stamps are not from the future).
FIRST_YEAR = 1900


def read_stamp(stamp: str, years: tuple[int, int] | None = None) -> tuple[dt.date, int] | None:
    """The date a garbled stamp shows and how many confusions were resolved, or None.

    >>> read_stamp("3 1, JAN. ZÜ13")
    (datetime.date(2013, 1, 31), 2)
    >>> read_stamp("3 1, XYZ. 2013") is None
    True
    """
    match = STAMP.fullmatch(stamp.strip())
    if not match:
        return None
    month = MONTHS.get(match.group("month").upper().replace("0", "O"))
    if month is None:
        return None
    day_raw = regex.sub(r"\s", "", match.group("day"))
    year_raw = regex.sub(r"\s", "", match.group("year"))
    confusions = sum(not ch.isdigit() for ch in day_raw + year_raw)
    confusions += match.group("month").upper() not in MONTHS
    try:
        day = int(day_raw.translate(DIGIT_CONFUSIONS))
        year = int(year_raw.translate(DIGIT_CONFUSIONS))
        date = dt.date(year, month, day)
    except ValueError:
        return None
    first, last = years or (FIRST_YEAR, dt.date.today().year + 1)
    if not first <= year <= last:
        return None
    return date, confusions


def repair_date_stamps(text: str, ctx: CleanupContext | None = None) -> list[Edit]:
    """Replace a garbled date stamp standing on its own line (or after ``Datum:``) by its date.

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("repair_date_stamps", "Datum:\\n\\n3 1, JAN. ZÜ13\\n")
    'Datum:\\n\\n31.01.2013\\n'
    >>> clean_with("repair_date_stamps", "Dresden, 31. Januar 2013\\n")
    'Dresden, 31. Januar 2013\\n'
    """
    edits: list[Edit] = []
    lines = split_lines(text)
    for line in lines:
        body = line.text
        offset = line.start
        label = regex.match(r"^\s*Datum\s*:\s*", body)
        if label:
            body, offset = body[label.end() :], line.start + label.end()
        stripped = body.strip()
        if not stripped or CLEAN_DATE.fullmatch(stripped):
            continue
        reading = read_stamp(stripped)
        if reading is None:
            continue
        date, confusions = reading
        lead = len(body) - len(body.lstrip())
        start = offset + lead
        previous = next((ln for ln in reversed(lines[: line.index]) if not ln.blank), None)
        near_label = bool(label) or (previous is not None and previous.stripped.startswith("Datum"))
        reason = "garbled date stamp read as " + date.strftime("%d.%m.%Y")
        if near_label:
            reason += " (next to Datum:, the document date)"
        confidence = max(0.6, 0.97 - 0.05 * confusions)
        edits.append(
            Edit(
                start,
                start + len(stripped),
                date.strftime("%d.%m.%Y"),
                reason,
                confidence,
                True,
                True,
            )
        )
    return edits
