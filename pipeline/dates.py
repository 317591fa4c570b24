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
#: A year's round ``0`` is also read as ``C`` (``ZC14``); a day's ``c`` is never a digit.
YEAR_CONFUSIONS = {**DIGIT_CONFUSIONS, ord("C"): ord("0")}
_Y = r"[0-9OoÖöÜüQDlI|!iZzSsBGC]"
#: Between day, month and year: a stop or a comma, doubled or a hyphen where ink ran.
_GAP = r"\s?[.,:;\-]{0,2}\s{0,2}"
STAMP = regex.compile(
    rf"(?P<day>{_D}\s?{_D}?){_GAP}{_MONTH}{_GAP}(?P<year>{_Y}\s?{_Y}\s?{_Y}\s?{_Y})"
)


#: Digits OCR reads for a stamp's round ``0`` (``92.MÄRZ 2016`` for 02.03.2016): in a day's
#: tens place, where no digit over 3 can stand, they are read as 0.
ZERO_ALIKE = "689"
#: Earliest year a stamp may show; the latest is next year (stamps are not from the future).
FIRST_YEAR = 1900


def read_stamp(stamp: str, years: tuple[int, int] | None = None) -> tuple[dt.date, int] | None:
    """The date a garbled stamp shows and how many confusions were resolved, or None.

    >>> read_stamp("3 1, JAN. ZÜ13")
    (datetime.date(2013, 1, 31), 2)
    >>> read_stamp("3 1, XYZ. 2013") is None
    True

    A month's abbreviation with one letter misread is read when no other month is one letter
    from it (``ALG``: AUG; ``JUX`` could be JUN or JUL):

    >>> read_stamp("12.ALG. 2021"), read_stamp("25.MAl 2016"), read_stamp("3.JUX. 2016")
    ((datetime.date(2021, 8, 12), 1), (datetime.date(2016, 5, 25), 1), None)
    >>> read_stamp("22.SEP..2013"), read_stamp("13. APR. ZC14")
    ((datetime.date(2013, 9, 22), 0), (datetime.date(2014, 4, 13), 2))

    A day's tens digit over 3 is a misread 0:

    >>> read_stamp("92.MÄRZ 2016"), read_stamp("45.MÄRZ 2016")
    ((datetime.date(2016, 3, 2), 1), None)
    """
    match = STAMP.fullmatch(stamp.strip())
    if not match:
        return None
    month = _month(match.group("month"))
    if month is None:
        return None
    day_raw = regex.sub(r"\s", "", match.group("day"))
    year_raw = regex.sub(r"\s", "", match.group("year"))
    confusions = sum(not ch.isdigit() for ch in day_raw + year_raw)
    confusions += match.group("month").upper() not in MONTHS
    day_digits = day_raw.translate(DIGIT_CONFUSIONS)
    if len(day_digits) == 2 and day_digits[0] in ZERO_ALIKE and day_digits.isdigit():
        # no day has a tens digit over 3: a 6, 8 or 9 there is a round 0 misread
        day_digits, confusions = "0" + day_digits[1], confusions + 1
    try:
        day = int(day_digits)
        year = int(year_raw.translate(YEAR_CONFUSIONS))
        date = dt.date(year, month, day)
    except ValueError:
        return None
    first, last = years or (FIRST_YEAR, dt.date.today().year + 1)
    if not first <= year <= last:
        return None
    return date, confusions


def _month(read: str) -> int | None:
    """The month a stamp's month word shows: a German month or its abbreviation (an ``l`` or
    ``0`` read for ``I`` or ``O``), or an abbreviation of three letters with one misread when
    exactly one month is that near."""
    name = read.replace("l", "I").upper().replace("0", "O")
    if name in MONTHS:
        return MONTHS[name]
    if len(name) != 3:
        return None
    near = {
        month
        for word, month in MONTHS.items()
        if len(word) == 3 and sum(a != b for a, b in zip(word, name, strict=True)) == 1
    }
    return near.pop() if len(near) == 1 else None
