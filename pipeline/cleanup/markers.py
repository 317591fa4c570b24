"""Structure markers damaged by OCR: lone ``1.`` read as ``Is``, ``Zu 1.`` as ``Zul.``.

Short tokens alone on a line are where OCR fails most, and they carry the document's
structure. A marker is repaired through digit confusion classes only in its context: a lone
number line followed by text, a ``Zu`` heading followed by a line of text.
"""

from __future__ import annotations

import regex

from pipeline.cleanup.context import CleanupContext
from pipeline.cleanup.edits import Edit
from pipeline.cleanup.lines import LIST_MARKER, ZU_HEADING, split_lines
from pipeline.cleanup.stamps import DIGIT_CONFUSIONS

_DIGITISH = r"[0-9lI|!OoSZz]"
DAMAGED_ZU = regex.compile(
    rf"^(?P<lead>\s*)Zu\s*(?P<number>{_DIGITISH}{{1,2}})\s?(?P<sub>[a-h])?\s*(?P<end>[.):,;]?)[\s.,'’]*$"
)
DAMAGED_NUMBER = regex.compile(
    rf"^(?P<lead>\s*)(?P<number>{_DIGITISH}{{1,2}})(?P<tail>\s?(?P<end>[.,:;s])[\s.,'’]*)$"
)
DAMAGED_LETTER = regex.compile(r"^(?P<lead>\s*)(?P<letter>[a-h])\s?[}\]|1l]\s*$")


def _number(token: str) -> int | None:
    decoded = token.translate(DIGIT_CONFUSIONS)
    return int(decoded) if decoded.isdigit() and 0 < int(decoded) < 40 else None


#: "$" where a paragraph sign stands: before a number and Abs./Satz/Nr. or a law's abbreviation.
DOLLAR_AS_PARAGRAPH = regex.compile(
    r"\${1,2}(?=\s?\d{1,4}[a-z]?\s(?:Abs\.|Absatz|Satz|S\.|Nr\.|[A-ZÄÖÜ][\p{L}]*[A-Z][\p{L}]*\b))"
)


def repair_paragraph_signs(text: str, ctx: object = None) -> list[Edit]:
    """OCR reads ``§`` as ``$``; in a legal reference it can only be ``§``.

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("repair_paragraph_signs", "ergibt sich aus $ 28 Abs. 2 SächsGemO, Preis 5 $")
    'ergibt sich aus § 28 Abs. 2 SächsGemO, Preis 5 $'
    """
    return [
        Edit(m.start(), m.end(), "§" * len(m.group()), "paragraph sign read as $", 0.9)
        for m in DOLLAR_AS_PARAGRAPH.finditer(text)
    ]


def repair_markers(text: str, ctx: CleanupContext | None = None) -> list[Edit]:
    """Repair point markers and ``Zu N.`` headings misread by OCR, where the context fits.

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("repair_markers", "Zul.\\nDer Beschlusspunkt wurde umgesetzt.\\nIs\\n\\nDie Stadt prüft.")
    'Zu 1.\\nDer Beschlusspunkt wurde umgesetzt.\\n1.\\n\\nDie Stadt prüft.'
    """
    lines = split_lines(text)
    edits: list[Edit] = []
    for i, line in enumerate(lines):
        if line.blank or ZU_HEADING.match(line.text) or LIST_MARKER.fullmatch(line.stripped):
            continue
        following = next((ln for ln in lines[i + 1 :] if not ln.blank), None)
        if following is None or not following.stripped[:1].isalpha():
            continue
        match = DAMAGED_ZU.match(line.text)
        if match:
            number = _number(match.group("number"))
            if number is not None:
                wanted = f"Zu {number}" + (f"{match.group('sub')})" if match.group("sub") else ".")
                start = line.start + len(match.group("lead"))
                edits.append(Edit(start, line.end, wanted, "status heading misread by OCR", 0.75))
            continue
        match = DAMAGED_NUMBER.match(line.text)
        if (match and not match.group("number").isdigit()) or (match and match.group("end") != "."):
            number = _number(match.group("number"))
            if number is not None and match.group("number").isdigit():
                # The digits are right (and protected): only the mark after them changes.
                start = line.start + match.start("tail")
                edits.append(Edit(start, line.end, ".", "point number's dot misread by OCR", 0.7))
            elif number is not None:
                start = line.start + len(match.group("lead"))
                edits.append(
                    Edit(start, line.end, f"{number}.", "point number misread by OCR", 0.7)
                )
            continue
        match = DAMAGED_LETTER.match(line.text)
        if match:
            start = line.start + len(match.group("lead"))
            edits.append(
                Edit(
                    start, line.end, f"{match.group('letter')})", "point letter misread by OCR", 0.7
                )
            )
    return edits
