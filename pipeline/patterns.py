"""Identifier shapes shared by cleanup (protection) and extraction.

One place for the regexes so that what cleanup protects is what extraction reads.

>>> bool(RESOLUTION_NUMBER.fullmatch("A0404/11")), bool(RESOLUTION_NUMBER.fullmatch("V-CB0001/09"))
(True, True)
>>> bool(SESSION_NUMBER.fullmatch("SR/033/2011")), bool(SESSION_NUMBER.fullmatch("OBR Alt/011/2010"))
(True, True)
>>> LEGAL_REFERENCE.search("nach § 23 Abs. 2 AufenthG erhalten").group()
'§ 23 Abs. 2 AufenthG'
"""

from __future__ import annotations

import regex

#: Resolution / proposal numbers: A0404/11, V0599/15, V-CB0001/09, VII-DS-01234/20.
RESOLUTION_NUMBER = regex.compile(r"\b[A-Z]{1,4}(?:-[A-Z]{1,4}){0,2}-?\d{2,6}/\d{2,4}\b")
#: Session numbers: SR/033/2011, BA/004/2016, OBR Alt/011/2010, SR/2011/033.
SESSION_NUMBER = regex.compile(
    r"\b[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,5}(?:[ -][A-ZÄÖÜ][a-zäöü]{1,8})?/\d{2,4}/\d{2,4}\b"
)
#: File references after GZ:/Az.: — "(GB 5) 50.01", "61.21-0815/2014", "III/32 102".
FILE_REFERENCE = regex.compile(
    r"(?:\([A-ZÄÖÜ]{1,4}\s?\d{1,3}\)\s?)?"
    r"(?:[IVX]{1,4}/)?\d{1,4}(?:[.\-/ ]\d{1,5})*(?:-[A-Z0-9]+)?"
)
#: Legal references: § 23 Abs. 2 AufenthG, §§ 4, 5 SächsGemO, Art. 28 Abs. 2 GG.
LEGAL_REFERENCE = regex.compile(
    r"(?:§§?|Art\.)\s?\d+[a-z]?(?:(?:,|\s(?:und|bis))\s?\d+[a-z]?)*"
    r"(?:\s(?:Abs\.|Absatz)\s?\d+)?(?:\s(?:S\.|Satz)\s?\d+)?(?:\s(?:Nr\.|Ziff\.)\s?\d+)?"
    r"(?:\s[A-ZÄÖÜ][\p{L}]*[A-Z][\p{L}]*)?"
)
#: Court file numbers (Aktenzeichen): 2 A 72.04, 20 A 1518/93, 10 A 11064/13.OVG.
COURT_FILE_NUMBER = regex.compile(r"\b\d{1,3}\s[A-Z]{1,3}\s\d{1,5}[./]\d{2}\b")
#: Numeric dates: 31.01.2013, 1. 2. 13.
NUMERIC_DATE = regex.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\b")
#: Any number with separators: 50.01, 2013, 1.234,56, 21/1234.
NUMBER = regex.compile(r"(?<!\p{L})\d+(?:[.,/:]\d+)*(?!\p{L})")

PROTECTED_PATTERNS: tuple[regex.Pattern[str], ...] = (
    LEGAL_REFERENCE,
    SESSION_NUMBER,
    RESOLUTION_NUMBER,
    COURT_FILE_NUMBER,
    NUMERIC_DATE,
    NUMBER,
)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans of tokens no repair may change (identifiers, legal references, dates, numbers).

    >>> text = "Beschluss A0404/11 nach § 23 Abs. 2 AufenthG"
    >>> [text[s:e] for s, e in protected_spans(text)]
    ['A0404/11', '§ 23 Abs. 2 AufenthG']
    """
    spans: list[tuple[int, int]] = []
    for pattern in PROTECTED_PATTERNS:
        spans.extend(m.span() for m in pattern.finditer(text))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
