"""Dates printed by ink stamps: ``3 1, JAN. ZÜ13`` is 31.01.2013.

Ink stamps come out of OCR with spaces inside numbers, commas for dots and letters for digits.
A stamp is read through OCR confusion classes and German month abbreviations. Light on
purpose: OCR reads stamps cut out of a page with it (:mod:`pipeline.stamp_ink`), cleanup
repairs stamps in the text (:mod:`pipeline.cleanup.stamps`).
"""

from __future__ import annotations

import datetime as dt

import regex

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
