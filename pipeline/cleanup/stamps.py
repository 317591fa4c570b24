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
from pipeline.dates import DIGIT_CONFUSIONS, FIRST_YEAR, read_stamp

__all__ = ["DIGIT_CONFUSIONS", "read_stamp", "repair_date_stamps"]

CLEAN_DATE = regex.compile(r"\d{1,2}\.\s[A-ZÄ][a-zä]+\s\d{4}")
#: A typed date after ``Datum:`` whose stops OCR read as a space, a colon or a comma, or lost
#: between month and year (``06 02.2017``, ``05:07.2019``, ``25.11 2013``, ``11.102016``).
DAMAGED_NUMERIC_DATE = regex.compile(
    r"(?P<day>\d{1,2})(?:[.:,]\s?|\s)(?P<month>\d{1,2})(?:[.:,]\s?|\s|(?=\d{4}$))(?P<year>\d{4})"
)
#: Marks a stamp's frame or a speck leaves around a date on its line (``\ 18.MAl 2018 |``).
FRAME_MARKS = "\\|/_—–-~'\"“”„‚‘’ \t"
#: ``Datum:`` opening a line or a cell of it (after a column's gap: ``des Stadtrates der Stadt
#: Halle (Saale)⇥Datum: 11.102016``, where OCR read the address and the date block as one line).
DATUM_CELL = regex.compile(r"(?:^|\t)[ \t]*Datum[ \t]*:[ \t]*")
DATE_LABEL = regex.compile(r"^\s*(?:Datum|Dresden|[A-ZÄÖÜ][a-zäöüß]+),?\s*(?:den)?\s*:?\s*$")


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
        label = DATUM_CELL.search(body)
        if label:  # the date's cell: up to the next column's gap
            body, offset = body[label.end() :].split("\t", 1)[0], line.start + label.end()
        stripped = body.strip()
        if not stripped or CLEAN_DATE.fullmatch(stripped):
            continue
        if label:  # a frame's marks around the date beside its label
            stripped = stripped.strip(FRAME_MARKS)
        reading = read_stamp(stripped) or (_damaged_typed_date(stripped) if label else None)
        if reading is None:
            continue
        date, confusions = reading
        lead = body.index(stripped)
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


def _damaged_typed_date(value: str) -> tuple[dt.date, int] | None:
    """The date of :data:`DAMAGED_NUMERIC_DATE` if ``value`` is one and the date is valid (a
    year no letter has, ``3017``, is none), with one confusion resolved."""
    match = DAMAGED_NUMERIC_DATE.fullmatch(value)
    if not match or not regex.search(r"[.:,]", value):
        return None  # "1 2 2013": no stop is left to show a date
    if regex.fullmatch(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{4}", value):
        return None  # a date as typed (``5.5.2021``, ``05. 05. 2021``) is no damage
    year = int(match["year"])
    if not FIRST_YEAR <= year <= dt.date.today().year + 1:
        return None
    try:
        return dt.date(year, int(match["month"]), int(match["day"])), 1
    except ValueError:
        return None
