"""Document-level fields: authority, department, file reference, date, type, title, addressees,
resolutions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import regex

from pipeline.dates import FIRST_YEAR
from pipeline.extract.base import Paragraph, Text
from pipeline.lexicon import one_edit_apart
from pipeline.models import Document, Extracted, Resolution
from pipeline.patterns import RESOLUTION_NUMBER, SESSION_NUMBER

AUTHORITY = regex.compile(
    r"^(?:Freie und Hansestadt|Landeshauptstadt|Universitätsstadt|Große Kreisstadt|Kreisstadt|"
    r"Hansestadt|Bundesstadt|Stadt|Gemeinde|Markt|Landkreis|Kreis|Bezirksamt)\s+"
    r"[\p{Lu}][\p{L}.\-]*(?: (?:\([\p{L} ]+\)|an der [\p{L}]+|am [\p{L}]+|[\p{Lu}][\p{L}.\-]*))*"
)
#: Umlauts without their dots.
UMLAUT_DOTS = str.maketrans("äöüÄÖÜ", "aouAOU")
#: Marks and spaces before a line's first letter.
LEADING_RESIDUE = regex.compile(r"[\p{P}\p{S}\s]*")
DEPARTMENT = regex.compile(
    r"(?:[\p{Lu}][\p{Ll}]+-\s(?:und|oder)\s)?"  # suspended compound: "Mobilitäts- und Tiefbauamt"
    r"(?:Geschäftsbereich|Dezernat|Fachbereich|Amt für|Referat|Bürgermeisteramt|Eigenbetrieb|"
    r"Büro (?:der|des)|Stadtkämmerei|Ordnungsamt|Sozialamt|Stadtplanungsamt|[\p{Lu}][\p{Ll}]+amt\b)"
    r"[^\n]*"
)
#: ``AZ`` in capitals, as some offices write it, with its period or colon (``AZ.:``, ``AZ:``;
#: ``AZ`` alone may be a newspaper's name).
UPPER_AZ = r"AZ(?=\.|\s*:)\.?"
FILE_LABEL = regex.compile(
    r"^\s*(?:GZ|Gz\.?|Az\.?|" + UPPER_AZ + r"|Aktenzeichen|Geschäftszeichen|Unser Zeichen)\s*:?\s*"
)
DATE_LABEL = regex.compile(r"^\s*Datum\s*:?\s*")
#: Labels of the file reference and the date in a header cell: at the cell's start after at
#: most a few marks of stamp or scan residue (``—__Az.: VI/21 558``, ``0GZ: 39.35-5373/2017``),
#: or inside it with a colon when OCR read the address and the block beside it as one line
#: (``… Stadträte Datum: 02.12.2012``).
FILE_LABEL_WORDS = (
    r"(?:GZ\.?|Gz\.?|Az\.?|" + UPPER_AZ + r"|Aktenzeichen|Geschäftszeichen|Unser Zeichen)"
)
#: After the label its colon, or a semicolon, question or exclamation mark OCR read for it
#: (``Aktenzeichen; 45.02-…``, ``Aktenzeichen? 36.06-…``, ``AZ.! (GB 4) 54.15``).
FILE_LABEL_AT_START = regex.compile(
    r"^\s*[^\p{L}\s]{0,4}\s?" + FILE_LABEL_WORDS + r"(?!\p{L})\s*[:;?!]?\s*"
)
FILE_LABEL_INSIDE = regex.compile(r"(?<=\s)" + FILE_LABEL_WORDS + r"(?!\p{L})\s*:\s*")
DATE_LABEL_AT_START = regex.compile(r"^\s*[^\p{L}\s]{0,4}\s?Datum\s*:?\s*")
DATE_LABEL_INSIDE = regex.compile(r"(?<=\s)Datum\s*:\s*")
#: One token of a file reference: an office abbreviation before the number (``(GB``,
#: ``Dez.``, ``FB``), or a number with separators (``5)``, ``50.01``, ``61.21-0815/2014``,
#: ``III/32``, ``61/Mü``, ``32-Ri/2014``).
REFERENCE_PREFIX_TOKEN = regex.compile(r"\(?(?:[A-ZÄÖÜ]{1,5}|[A-ZÄÖÜ][a-zäöü]{1,4}\.(?:-Nr\.)?)\)?")
REFERENCE_NUMBER_TOKEN = regex.compile(
    r"\(?(?:[IVX]{1,4}/)?\d[\d.\-/]*(?<=\d)(?:[-/][A-Za-zÄÖÜäöü]{1,4}\.?(?:[-/]\d+)?)?\)?[,;.]?"
)
#: Abbreviations of an office in brackets before a file reference's number (``(Dez. 4)``); a
#: word a letter off one of them is that one misread (``(Dex. 4)``); one a letter off two of
#: them is unsure (``(Der. 7)``), and another abbreviation stays as read.
REFERENCE_PREFIXES = ("Dez", "Ref", "Abt", "Amt", "Dir")
#: A roman numeral misread with 1, l or i (``V1/21 558``, ``Vi/21 558`` for ``VI/21 558``).
MISREAD_ROMAN = regex.compile(r"^([IVX1li]{1,4})(?=/)")
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
#: A resolution heading whose number OCR damaged beyond reading: a report's name, ``zu`` and
#: what is left of the number, digits among it, on a line of its own.
DAMAGED_HEADING = regex.compile(
    r"^[^\n]{0,40}\b(?:Beschlusskontrolle|Sachstandsbericht)[ \t]+zu[mr]?[ \t]+"
    r"(?:Beschluss[ \t]+)?[^\n]*\d[^\n]*$"
)
SALUTATION = regex.compile(r"^[^\p{L}\n]{0,3}(?:Sehr geehrte|Liebe |Guten Tag)", regex.M)
#: A salutation OCR ran onto the line before it (``… fortschreiben “ Sehr geehrte …``).
SALUTATION_IN_LINE = regex.compile(r"(?<=[^\p{L}])(?:Sehr geehrte|Liebe |Guten Tag)")
#: A date that refers to something else than the letter (``Beschluss … vom 21.05.2013``).
REFERRED_DATE = regex.compile(
    r"\b(?:vom|am|bis|seit|ab|zum|Sitzung\w*|Beschluss\w*|Antrag\w*|Vorlage\w*)\b", regex.I
)
#: What may stand before an unlabelled letter date on its line: nothing, a place and comma
#: (``Leipzig, 05.05.2021``), ``den``, or the residue of a label OCR could not read (``3fum:-``,
#: ``Baum;``: a colon is often read as a semicolon).
DATE_LEAD = regex.compile(r"(?:^\s*|[:;,\-–—]\s*|\bden\s+)$")
#: A token with neither letters nor digits: stamp, scribble or speckle residue.
RESIDUE = regex.compile(r"[^\p{L}\p{N}]+")
INTERIM = regex.compile(
    r"\b(?:Zwischenbericht|Zwischenstand|Zwischeninformation|Zwischenmitteilung)"
)
FINAL = regex.compile(
    r"\b(?:Abschlussbericht|Schlussbericht|abschließende[nr]? (?:Bericht|Information|Sachstand)|abschließend)"
)


def _to_iso(day: int, month: int, year: int) -> str | None:
    """The date in ISO form; None for no date, or a year no letter has (``3017``: a ``2``
    misread).

    >>> _to_iso(6, 2, 2017), _to_iso(6, 2, 3017), _to_iso(30, 2, 2017)
    ('2017-02-06', None, None)
    """
    if not FIRST_YEAR <= year <= dt.date.today().year + 1:
        return None
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


def _cells(line: Paragraph) -> list[Paragraph]:
    """The parts of a line between tabs: OCR joins words across a column gap with a tab
    (address | file reference block), see :class:`pipeline.ocr.OcrPage`."""
    cells, start = [], line.start
    for part in line.text.split("\t"):
        cells.append(Paragraph(start, start + len(part), part))
        start += len(part) + 1
    return cells


def _labelled_value(
    lines: list[Paragraph], at_start: regex.Pattern[str], inside: regex.Pattern[str]
) -> Paragraph | None:
    """The text after a label (as a span): the rest of its cell, else the next cell of its
    line, else the cell below it on the next line."""
    for i, line in enumerate(lines):
        cells = _cells(line)
        for j, cell in enumerate(cells):
            match = at_start.match(cell.text) or inside.search(cell.text)
            if not match:
                continue
            rest = cell.text[match.end() :]
            if rest.strip():
                return Paragraph(cell.start + match.end(), cell.end, rest)
            if j + 1 < len(cells):
                return cells[j + 1]
            if i + 1 < len(lines):
                below = _cells(lines[i + 1])
                return below[min(j, len(below) - 1)]
            return None
    return None


def _file_reference(value: Paragraph) -> tuple[str, int, int, float] | None:
    """The file reference at the start of a labelled value: (value, start, end, confidence).

    It ends at a word (the address OCR read on the same line) or at residue; anything else
    right after the label or inside the reference means OCR damaged it, and a wrong reference
    is worse than none. A roman numeral read with ``1``/``l``/``i`` is read as roman.

    >>> def ref(text): return (_file_reference(Paragraph(0, len(text), text)) or [None])[0]
    >>> ref("(GB 5) 50.01"), ref("VI/21 558 der Stadt Leipzig"), ref("V1/43 318 —")
    ('(GB 5) 50.01', 'VI/21 558', 'VI/43 318')
    >>> ref("(GB 5) freno, >"), ref(", 22. 35-5373/2017"), ref("(GB5) A40C Noy")
    (None, None, None)
    >>> ref("‚(GB 4) 55.26"), ref("VI/40 215°")  # a speck before the bracket, after the number
    ('(GB 4) 55.26', 'VI/40 215')
    >>> ref("55.21-7066/2013."), ref("(GB 7)45.30")  # a speck as a stop; a space lost
    ('55.21-7066/2013', '(GB 7) 45.30')
    >>> ref("(Dex. 4) 63.35"), ref("(Der. 7) 42.07"), ref("(Stv. 4) 63.35")  # a letter off
    ('(Dez. 4) 63.35', None, '(Stv. 4) 63.35')
    >>> ref("Dez. 7) 62.02"), ref("GB 5) 50.01"), ref("Dez. 7 62.02")  # its "(" lost
    ('(Dez. 7) 62.02', '(GB 5) 50.01', 'Dez. 7 62.02')

    Seeds 11, 83, 89, 97, 113, 139 at 200/300 dpi: a stop read as a comma, the bracket's space
    read as a stop or a hyphen, the bracket read as a brace, residue glued after the number:

    >>> ref("66,37-4691/2017"), ref("(GB 1).10.37"), ref("(GB-4) 64.15"), ref("{Dez. 7) 62.02")
    ('66.37-4691/2017', '(GB 1) 10.37', '(GB 4) 64.15', '(Dez. 7) 62.02')
    >>> ref("(GB,8) 25.30"), ref("(GB,8)")  # seed 227: a comma for the space
    ('(GB 8) 25.30', None)
    >>> ref("(Dez. 4) 17.39__— |"), ref("(GB 7)45.30: „“,,"), ref("1,5-2"), ref("12,5 Mio")
    ('(Dez. 4) 17.39', '(GB 7) 45.30', None, None)

    Seed 223 scan-002: the space inside the bracket lost (``(GB5)``):

    >>> ref("(GB5) 35.15"), ref("(GB5)35.15 der"), ref("(GB5) A40C Noy")
    ('(GB 5) 35.15', '(GB 5) 35.15', None)

    """
    glued = regex.match(r"\s*\([^()\s]{1,6}\s?\d{1,3}\)(?P<speck>[.,]?)(?=\d)", value.text)
    if glued:  # the space after the bracket lost (or read as a speck's mark): read with it
        cut = glued.end() - len(glued.group("speck"))
        spaced = f"{value.text[:cut]} {value.text[glued.end() :]}"
        shift = 1 - len(glued.group("speck"))
        found = _file_reference(Paragraph(value.start, value.end + shift, spaced))
        if found is None:
            return None
        text, start, end, confidence = found
        return text, start, end - shift, min(confidence, 0.8)
    bracket = regex.match(r"\s*[{\[](?=[^()\s]{1,6}\s?\d{1,3}\))", value.text)
    if bracket:  # "{Dez. 7)": the opening bracket misread
        mended = f"{value.text[: bracket.end() - 1]}({value.text[bracket.end() :]}"
        found = _file_reference(Paragraph(value.start, value.end, mended))
        return None if found is None else (*found[:3], min(found[3], 0.7))
    spaceless = regex.match(r"\s*\(\p{Lu}{1,4}(?=\d{1,3}\)\s?\d)", value.text)
    if spaceless:  # "(GB5) 35.15": the space inside the bracket lost
        cut = spaceless.end()
        spaced = f"{value.text[:cut]} {value.text[cut:]}"
        found = _file_reference(Paragraph(value.start, value.end + 1, spaced))
        if found is None:
            return None
        text, start, end, confidence = found
        return text, start, end - 1, min(confidence, 0.7)
    hyphened = regex.match(r"\s*\(\p{Lu}{1,4}(?P<hyphen>[-,])\d{1,3}\)", value.text)
    if hyphened:  # "(GB-4)", "(GB,8)": the space read as a hyphen or a comma
        at = hyphened.start("hyphen")
        mended = f"{value.text[:at]} {value.text[at + 1 :]}"
        found = _file_reference(Paragraph(value.start, value.end, mended))
        return None if found is None else (*found[:3], min(found[3], 0.7))
    speck = regex.match(r"\s*[‚,.'’‘`]\s?(?=\()", value.text)
    if speck:  # a speck before the bracket: the value starts after it
        value = Paragraph(value.start + speck.end(), value.end, value.text[speck.end() :])
    if not regex.match(r"\s*[\p{L}\p{N}(]", value.text):
        return None  # residue between the label and the value
    comma = regex.match(r"\s*\d{2,4}(?P<comma>,)\d{2}[\-/]\d{3}", value.text)
    if comma:  # "66,37-4691/2017": a stop read as a comma inside the number
        at = comma.start("comma")
        mended = f"{value.text[:at]}.{value.text[at + 1 :]}"
        found = _file_reference(Paragraph(value.start, value.end, mended))
        return None if found is None else (*found[:3], min(found[3], 0.7))
    kept: list[regex.Match[str]] = []
    repaired = False
    number_seen = False
    # a speck read as a degree sign, an underscore, a rule or a colon after the last number is
    # residue (``VI/40 215°``, ``17.39__—``, ``45.30:``)
    for token in regex.finditer(r"\S+?(?=[°_—:]*(?:\s|$))", value.text):
        word = token.group()
        roman = MISREAD_ROMAN.match(word)
        if not number_seen and roman and regex.search(r"[IVX]", roman.group()):
            word = roman.group().translate(str.maketrans("1li", "III")) + word[roman.end() :]
            repaired = word != token.group()
        if REFERENCE_NUMBER_TOKEN.fullmatch(word):
            kept.append(token)
            number_seen = True
            continue
        if not number_seen and REFERENCE_PREFIX_TOKEN.fullmatch(word):
            kept.append(token)
            continue
        if word in CONNECTING_MARKS:
            return None  # the reference may go on after the dash: unsure
        if RESIDUE.fullmatch(word) or regex.fullmatch(r"\p{L}{2,}[,.;:]?", word):
            break
        return None
    if not number_seen or kept[-1].group().endswith(")"):
        return None
    text = value.text[kept[0].start() : kept[-1].end()].rstrip(",;.")
    start = value.start + kept[0].start()
    end = start + len(text)
    if repaired:
        roman = MISREAD_ROMAN.match(text)
        assert roman is not None
        text = roman.group().translate(str.maketrans("1li", "III")) + text[roman.end() :]
    prefix = regex.match(r"\((\p{Lu}\p{Ll}{1,4})\.", text)
    fits = (
        [known for known in REFERENCE_PREFIXES if one_edit_apart(prefix.group(1), known)]
        if prefix and prefix.group(1) not in REFERENCE_PREFIXES
        else []
    )
    if len(fits) > 1:
        return None  # ``(Der. 7)``: Dez. or Dir.
    if prefix and fits:
        text = f"({fits[0]}{text[prefix.end(1) :]}"
        repaired = True
    if regex.match(r"(?:\p{Lu}{1,5}|\p{Lu}\p{Ll}{1,4}\.) \d{1,3}\) ", text) and "(" not in text:
        text = f"({text}"  # the opening bracket lost (``Dez. 7) 62.02``)
        repaired = True
    return text, start, end, 0.7 if repaired else 0.9


def _labelled_date(value: Paragraph) -> tuple[str, int, int] | None:
    """A date right after its label (only residue between them)."""
    date = _date_in(value.text)
    if date is None or not RESIDUE.fullmatch(value.text[: date[1]] or "-"):
        return None
    return date[0], value.start + date[1], value.start + date[2]


def _unlabelled_date(lines: list[Paragraph]) -> tuple[str, int, int] | None:
    """The letter date when its label is lost: alone on its line, after a place and comma or a
    damaged label, never a date that refers to a resolution or a session (``… vom
    21.05.2013``): that would be a wrong date, worse than none."""
    for k, line in enumerate(lines):
        if RESOLUTION_NUMBER.search(line.text) or TYPE_WORD.search(line.text):
            continue
        if k and _referred_date_below(lines[k - 1].text, line.text):
            continue
        for cell in _cells(line):
            date = _date_in(cell.text)
            if date is None:
                continue
            before = cell.text[: date[1]]
            if REFERRED_DATE.search(before) or not DATE_LEAD.search(before):
                continue
            return date[0], cell.start + date[1], cell.start + date[2]
    return None


#: A speck's stop inside an address, after a word of five letters or more that ends in two
#: small ones, before a capital (``der Hansestadt.Rostock``, ``der Stadt. Leipzig``): an
#: address is one phrase, and abbreviations are shorter (``Abt. Jugend``, ``Dr. Müller``); so
#: is one after a determiner (``An alle. Fraktionen``).
ADDRESS_STOP = regex.compile(
    r"(?<=\p{L}{3}\p{Ll}{2}|(?<!\p{L})(?:alle|die|der|den|dem|des))\.(?P<space>\s?)(?=\p{Lu})"
)
#: A speck's hyphen after a word before a small one that is no conjunction (``Stadträte-
#: des``; ``Bau- und`` is a suspended compound).
ADDRESS_HYPHEN = regex.compile(r"(?<=\p{Ll})-(?=\s(?!(?:und|oder|sowie|bzw)\b)\p{Ll})")


def _without_inner_specks(address: str) -> str:
    """An address without the specks OCR read as marks inside it.

    >>> _without_inner_specks("An alle Fraktionen der Hansestadt.Rostock")
    'An alle Fraktionen der Hansestadt Rostock'
    >>> _without_inner_specks("An alle. Fraktionen sowie Stadträtinnen/Stadträte")
    'An alle Fraktionen sowie Stadträtinnen/Stadträte'
    >>> _without_inner_specks("An die Stadträte- des Stadtrates der Stadt. Leipzig")
    'An die Stadträte des Stadtrates der Stadt Leipzig'
    >>> _without_inner_specks("An die Bau- und Vergabeabteilung, Abt. Jugend, z. Hd. Dr. Meier")
    'An die Bau- und Vergabeabteilung, Abt. Jugend, z. Hd. Dr. Meier'
    """
    address = ADDRESS_STOP.sub(lambda m: m["space"] or " ", address)
    return ADDRESS_HYPHEN.sub("", address)


def extract_document(
    text: Text, status_values: list[str | None], sub_statuses: Sequence[str | None] = ()
) -> Document:
    """Header fields from the part of the letter before the salutation; ``status_values`` are
    the points' statuses, ``sub_statuses`` their sub-points' (for the report's kind)."""
    body = text.text
    salutation = SALUTATION.search(body)
    header_end = salutation.start() if salutation else min(len(body), 1500)
    lines = [line for line in text.lines() if line.start < header_end]
    fields: dict[str, object] = {}

    for line in lines[:6]:
        # specks read as marks before the name (``. Hansestadt Stralsund``, ``„Hansestadt``)
        residue = LEADING_RESIDUE.match(line.text).group()
        name = line.text[len(residue) :].rstrip()
        kind = name.split(" ", 1)[0]
        plain = kind.translate(UMLAUT_DOTS)
        if plain != kind and AUTHORITY.match(f"{plain} X"):
            # a speck's dots on the kind of authority (``Städt Chemnitz``; no kind has any)
            name = plain + name[len(kind) :]
        match = AUTHORITY.match(name)
        if match:
            offset = line.start + len(residue)
            value = regex.split(r"\s[–-]\s", match.group())[0].strip()
            # a speck read as a full stop after the name ("Hansestadt Rostock."); an
            # abbreviation keeps its dots ("Frankfurt a.M.")
            value = regex.sub(r"(?<=\s\p{L}{4,})\.$", "", value)
            fields["authority"] = text.evidence(value, offset, offset + len(value), 0.9)
            break
    for line in lines[:12]:
        cell = _cells(line)[0]
        match = DEPARTMENT.search(cell.text)
        if match and not FILE_LABEL_AT_START.match(cell.text):
            value = _without_trailing_junk(
                _without_stamp_fragment(_without_residue(match.group().strip()))
            )
            # a speck read as a full stop after the last word (``Sozialamt.``); a short
            # abbreviation keeps its dot (``Amt f. Soz.``)
            value = regex.sub(r"(?<=(?:^|\s)\p{L}{5,})\.$", "", value)
            start = cell.start + match.start() + len(match.group()) - len(match.group().lstrip())
            fields["department"] = text.evidence(value, start, start + len(value), 0.85)
            break
    found = _labelled_value(lines, FILE_LABEL_AT_START, FILE_LABEL_INSIDE)
    reference = _file_reference(found) if found else None
    if reference:
        fields["file_reference"] = text.evidence(*reference)
    found = _labelled_value(lines, DATE_LABEL_AT_START, DATE_LABEL_INSIDE)
    date = _labelled_date(found) if found else None
    if date:
        fields["date"] = text.evidence(*date, 0.9)
    elif found is None or not regex.search(r"\d", found.text):
        # A labelled date OCR destroyed ("Datum: jB: o7a0a7") is not looked for elsewhere.
        date = _unlabelled_date(lines)
        if date:
            fields["date"] = text.evidence(*date, 0.6)

    resolution_line = None
    resolution_end = resolution_last = 0
    for k, line in enumerate(lines):
        resolutions = _resolutions(text, line)
        if not resolutions:
            continue
        resolution_line = line
        resolution_end = line.end
        resolution_last = line.start + _identifiers(line.text)[-1].end()
        following = lines[k + 1] if k + 1 < len(lines) else None
        lead = LEADING_SESSION.match(following.text) if following is not None else None
        if following is not None and lead and resolutions[-1].session is None:
            # "… zu V-DS1282/09⏎(Sitzungsnummer: SR/087/2009) und V-DS1951/09": the session
            # of the last number opens the next line, and the heading may go on after it
            at = following.start + lead.start("session")
            opening = text.evidence(lead.group("session"), at, at + len(lead["session"]), 0.9)
            resolutions[-1] = Resolution(number=resolutions[-1].number, session=opening)
            resolution_end = following.end
            resolution_last = at + len(lead["session"])
            rest = following.text[lead.end() :]
            if rest.strip() and _continues_reference("", rest):
                following = Paragraph(following.start + lead.end(), following.end, rest)
            else:
                following = lines[k + 2] if k + 2 < len(lines) else None
        if following is not None and _continues_reference(line.text, following.text):
            more = _resolutions(text, following)
            below = _line_after(lines, following)
            if (
                not more
                and below is not None
                and regex.search(CONTINUING_END, following.text)
                and (
                    RESOLUTION_NUMBER.match(below.text.lstrip(WRAPPED_NUMBER_LEAD))
                    or DISTRICT_NUMBER.match(below.text.lstrip(WRAPPED_NUMBER_LEAD))
                )
            ):
                # "… (SVV/030/2016) und zum Änderungsantrag⏎V0796/16": the number wrapped
                # (a district's too: "⏎OBR Nord/060/2013")
                following, more = below, _resolutions(text, below)
            if more:  # "… (BS/043/2010)⏎und zum Änderungsantrag V-CB1124/10"
                resolutions += more
                resolution_end = following.end
                resolution_last = following.start + _identifiers(following.text)[-1].end()
                following = _line_after(lines, following)
        if following is not None and _referred_date_below(body[:resolution_end], following.text):
            resolution_end = following.end  # "… OBR Nord/016/2015 vom⏎24.05.2015"
            following = lines[k + 2] if k + 2 < len(lines) else None
        if following is not None and resolutions[-1].session is None:
            session = _session_line(text, following)
            if session is not None:  # "(Sitzungsnummer: SR/015/2013)" on the next line
                resolutions[-1] = Resolution(number=resolutions[-1].number, session=session)
                resolution_end = following.end
            elif DAMAGED_SESSION_LINE.fullmatch(following.text):
                # "(Sitzungsnummer: SGA/O010/2011)": the heading's, no title; no session
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

    if resolution_line is None:
        # the heading whose number OCR damaged beyond reading ("… zu V-EB136 111
        # (SR/032/2011)"): it still heads the title
        damaged = next((line for line in lines if DAMAGED_HEADING.search(line.text)), None)
        if damaged is not None:
            resolution_line, resolution_end = damaged, damaged.end
            resolution_last = damaged.end
    if resolution_line is not None:
        title = regex.compile(r"\S[^\n]*(?:\n(?!\s*\n)[^\n]+)*").search(
            body, resolution_end, header_end
        )
        if title and SESSION_ONLY.fullmatch(title.group()):
            # the heading's last session, after a line whose session OCR damaged ("OBR
            # 0Ost/056/2013"): no title; the title is the paragraph after it
            title = regex.compile(r"\S[^\n]*(?:\n(?!\s*\n)[^\n]+)*").search(
                body, title.end(), header_end
            )
        if title and not SALUTATION.match(title.group()):
            span = title.group()
            ran_on = SALUTATION_IN_LINE.search(span)
            if ran_on:  # OCR lost the blank line before the salutation
                span = span[: ran_on.start()]
            else:
                tail = TITLE_TAIL.fullmatch(body, title.end(), header_end)
                if tail:  # "… in Halle⏎⏎(Saale) einführen": a blank line OCR put inside it
                    span = body[title.start() : tail.end("tail")]
            # a subject line has no full stop of its own (DIN 5008): one after a word of five
            # or more letters is a speck's (an abbreviation keeps its dot: "… e. V."), at its
            # end or before the dash between its parts ("Szene stärken. – Förderrichtlinie")
            value = regex.sub(
                r"(?<=(?:^|\s)[\p{L}\-]{5,})\.(?=$| [–-] )",
                "",
                _without_residue(" ".join(span.split())),
            )
            if value:
                fields["title"] = text.evidence(
                    value, title.start(), title.start() + len(span), 0.8
                )
        else:  # OCR lost the line break after the heading
            ran_on = RUN_ON_TITLE.search(body, resolution_last, resolution_end)
            if ran_on:
                start, end = ran_on.span("title")
                fields["title"] = text.evidence(ran_on.group("title"), start, end, 0.6)

    end_of_address = resolution_line.start if resolution_line else header_end
    addresses = [
        (
            # the marks ADDRESS_START lets stand before "An" are speckle ('"An die Fraktionen');
            # a speck's stop after the last word: no address ends in a sentence's stop
            _without_inner_specks(
                regex.sub(
                    r"^[^\p{L}]+|(?<=\p{L}{4})\.$", "",
                    _without_stamp_tail(" ".join(_without_residue(c.text) for c in block).strip()),
                )
            ),
            block,
        )
        for block in _address_blocks(text, end_of_address)
    ]  # fmt: skip
    fields["addressees"] = [
        text.evidence(value, block[0].start, block[-1].end, 0.8)
        for value, block in addresses
        # an address cut short where a stamp covered its last line (``An die Mitglieder des``,
        # ``An alle``) would be a wrong value
        if (value.split() or [""])[-1] not in UNFINISHED_ADDRESS
    ]

    report_kind = _report_kind(text, header_end, status_values, sub_statuses)
    if report_kind:
        fields["report_kind"] = report_kind
    return Document(**fields)  # type: ignore[arg-type]


#: Words no address ends with: the rest of it is lost.
UNFINISHED_ADDRESS = frozenset({
    "An", "alle", "des", "der", "die", "den", "dem", "und", "sowie", "für", "zu", "zur", "zum",
})  # fmt: skip
#: A word a town's name follows (``Landeshauptstadt``, ``Hansestadt``, ``Stadt``).
TOWN = regex.compile(r"(?:^|\p{Ll})[Ss]tadt$")
#: The words an address line starts with (``An die Mitglieder …``, ``An alle Fraktionen``).
ADDRESS_START = regex.compile(r"^[^\p{L}\n]{0,3}An\s+\S")
#: Lines that end an address: a label, a heading or a subject line, or any word with a colon
#: and a number after it (a label OCR misread: ``Telefgn: 0381 639-4294``).
ADDRESS_END = regex.compile(
    r"^[^\p{L}\n]{0,4}(?:(?:GZ|Gz|Az|"
    + UPPER_AZ
    + r"|Aktenzeichen|Geschäftszeichen|Unser Zeichen|Datum|Bearbeiter"
    r"\w*|Telefon|Tel|Fax|E-Mail|Zimmer|Betreff|Betr)\b|Abschlussbericht|Zwischenbericht|"
    r"Sachstandsbericht|Beschlusskontrolle|Beschlussvorlage|Beschlussausfertigung|Niederschrift"
    r"|\p{Lu}[\p{L}\-.]*:[ \t]*[+(]?\d)"
)


#: The labels of the block beside an address (file reference, date, contact), which OCR may
#: read between the address's first line and the rest.
SIDE_LABEL = regex.compile(
    r"^[^\p{L}\n]{0,4}(?:GZ|Gz|Az|"
    + UPPER_AZ
    + r"|Aktenzeichen|Geschäftszeichen|Unser Zeichen|Datum|Bearbeiter"
    r"\w*|Telefon|Tel|Fax|E-Mail|Zimmer)\b"
)


def _address_blocks(text: Text, end: int) -> list[list[Paragraph]]:
    """Addresses before ``end``: each starts with a line ``An …`` and runs on to a label, a
    heading or the next ``An …``; blank lines do not end it (OCR puts them inside addresses,
    born-digital text has none between them). An address whose line before the labels ends
    unfinished (``An alle``) goes on after them (OCR read the block beside it between its
    lines: :data:`SIDE_LABEL`). Only the first
    cell of a line is the address. A block is dropped when a cell beside one of its lines holds
    words that join an address (``Datum: 02.12.2012 des Stadtrates der Stadt Leipzig``; stamp
    residue beside it, ``watt``, is no sign, nor are lines of residue) or a label follows the address
    without a gap: OCR read the address and the block beside it as one line, and after the lines
    were joined part of the address may sit among the other column's words. A partial address
    would be a wrong value."""
    blocks: list[list[Paragraph]] = []
    open_block = False
    cut = False  # an address cut short by the labels beside it, read between its lines
    paused = False  # an address followed by those labels: a line of its genitive may go on it
    residue = False  # stamp residue read since the block's last line
    damaged: set[int] = set()
    lines = text.lines()
    for number, line in enumerate(lines):
        if line.start >= end:
            break
        cells = _cells(line)
        first = cells[0]
        label = FILE_LABEL_INSIDE.search(first.text) or DATE_LABEL_INSIDE.search(first.text)
        if label:  # the column gap was lost: the block beside the address starts here
            first = Paragraph(first.start, first.start + label.start(), first.text[: label.start()])
        if ADDRESS_START.match(first.text) and _address_line(first.text.split(None, 1)[1], False):
            blocks.append([first])
            open_block, cut, residue = True, False, False
        elif open_block and not ADDRESS_END.match(first.text):
            if not _address_line(first.text) or _above_phone(lines, number):
                residue = True
                # stamp residue (``02° grtut® _``, ``or N``), and beside it the same; a
                # contact's name over its phone number, the block beside read after its labels
                continue
            opening = next(w for w in first.text.split() if regex.search(r"\p{L}", w))
            last = blocks[-1][-1].text.split()[-1]
            if residue and not (
                last in UNFINISHED_ADDRESS
                or TOWN.search(last)  # "der Landeshauptstadt", residue, "Magdeburg"
                or opening.strip(AROUND_TOKEN) in UNFINISHED_ADDRESS
            ):
                open_block = False  # after residue only a line the address needs goes on it
                continue
            if residue and last.islower() and opening.islower():
                # "An alle", residue, "der Bürgerschaft …": the residue was the line of the
                # noun "alle" needs (``Fraktionen sowie Mitglieder``); a partial address
                damaged.add(len(blocks) - 1)
            blocks[-1].append(first)
            residue = False
        elif (
            (cut or (paused and first.text.split()[0] in CONTINUING_ADDRESS))
            and not ADDRESS_END.match(first.text)
            and _address_line(first.text)
        ):
            # ``An alle``, the labels, ``Fraktionen sowie …``; ``An die Fraktionen``, the
            # labels, ``des Stadtrates der Stadt Leipzig``
            blocks[-1].append(first)
            open_block, cut, paused = True, False, False
        else:
            if open_block and SIDE_LABEL.match(first.text):
                cut = blocks[-1][-1].text.split()[-1] in UNFINISHED_ADDRESS
                paused = True
            elif not (cut and SIDE_LABEL.match(first.text)):
                cut = False
                paused = paused and bool(SIDE_LABEL.match(first.text))
            open_block = False
            continue
        if label or any(ADDRESS_JOINER.search(c.text) for c in cells[1:]):
            damaged.add(len(blocks) - 1)
    # an address names someone in two words at least after "An" (``An die Mitglieder``, ``An
    # Herrn Müller``); one word is a stamp's (``An Verkündungs statt zugestellt``, its rest
    # read as residue)
    return [
        block
        for k, block in enumerate(blocks)
        if k not in damaged and len(" ".join(line.text for line in block).split()) >= 3
    ]


#: A phone number alone in a line's first cell (``0331 787-2642``, ``(0351) 488 2100``).
PHONE = regex.compile(r"^[^\p{L}\d\n]{0,3}\(?0\d{2,5}\)?[ /-]?\d[\d \-]{2,}\d\s*$")


def _above_phone(lines: list[Paragraph], number: int) -> bool:
    """Is the first cell of the line after ``lines[number]`` a phone number alone (the line a
    contact's name, ``Frau Zschoche`` over ``0331 787-2642``, read apart from its labels)?

    >>> lines = [Paragraph(0, 1, t) for t in ("Frau Zschoche", "0331 787-2642", "der Stadt")]
    >>> _above_phone(lines, 0), _above_phone(lines, 1)
    (True, False)
    """
    following = lines[number + 1].text.split("\t", 1)[0] if number + 1 < len(lines) else ""
    return PHONE.match(following) is not None


#: Words that open an address's next line (``des Stadtrates …``): after the labels beside the
#: address, such a line goes on it even when the line before looked complete.
CONTINUING_ADDRESS = frozenset({"des", "der", "und", "sowie"})
#: A word of an address line standing on its own (marks around it aside): a capitalised word,
#: parts of a name joined by a hyphen or a slash (``Stadträtinnen/Stadträte``), or a word
#: that joins an address's parts.
ADDRESS_TOKEN = regex.compile(
    r"^(?:\p{Lu}\p{Ll}{2,}(?:[-/]\p{Lu}?\p{Ll}+)*|des|der|die|den|dem|und|sowie|für|zu|alle)$"
)
#: A word that joins an address's parts, in a cell beside the address: OCR read the address
#: and the block beside it as one line (``Datum: 02.12.2012 des Stadtrates``). Lower-case
#: stamp residue there (``watt``, ``aneto``) is no sign of it.
ADDRESS_JOINER = regex.compile(r"(?<!\S)(?:des|der|die|den|dem|und|sowie|für|alle)\b")
#: Marks around a word of an address line.
AROUND_TOKEN = "()[]{},.;:\"'„“”‚‘’"


def _address_line(cell: str, capital: bool = True) -> bool:
    """Does ``cell`` go on an address: half of its words or more (tokens with no letter aside)
    words of an address, one of them capitalised (``capital``)? Stamp residue beside an
    address has capitals inside words (``anGenN|``, ``en ISto,``). The rest of an address's
    first line after ``An`` needs no capital (``alle``), but garbage fails (``an nsmilspilailene``).

    >>> _address_line("der Bürgerschaft der Hansestadt Rostock"), _address_line("z. Hd. Frau Vogt")
    (True, True)
    >>> _address_line("—— anGenN|"), _address_line("en ISto,"), _address_line("LinGEb? = 12")
    (False, False, False)
    >>> _address_line("alle", False), _address_line("an nsmilspilailene", False)
    (True, False)
    """
    words = [token.strip(AROUND_TOKEN) for token in cell.split() if regex.search(r"\p{L}", token)]
    fitting = [word for word in words if ADDRESS_TOKEN.match(word)]
    return 2 * len(fitting) >= len(words) > 0 and (
        not capital or any(word[:1].isupper() for word in fitting)
    )


#: Marks that join words in a title or an address (``Szene stärken – Förderrichtlinie``).
CONNECTING_MARKS = frozenset({"–", "-", "&", "+", "/"})


def _without_residue(value: str) -> str:
    """A header value without tokens that have neither letters nor digits (stamp, speckle and
    scribble residue).

    >>> _without_residue("An die Fraktionen | des Stadtrates _"), _without_residue("Kultur – Jugend .")
    ('An die Fraktionen des Stadtrates', 'Kultur – Jugend')
    >>> _without_residue("– der Bürgerschaft – |")
    'der Bürgerschaft'
    """
    tokens = value.split()
    keep = [not RESIDUE.fullmatch(t) or t in CONNECTING_MARKS for t in tokens]
    for order in (range(len(tokens)), reversed(range(len(tokens)))):
        for k in order:  # a dash at either end connects nothing
            if keep[k] and tokens[k] not in CONNECTING_MARKS:
                break
            keep[k] = False
    return " ".join(t for t, k in zip(tokens, keep, strict=False) if k)


#: A token no address has: a bracket or mark no address writes (``SEN]``, ``MÄRz>``,
#: ``EINGErA»,``) or a letter German does not write (``Nayıa``). Mixed case is no sign:
#: ``GmbH``, ``KfW``, ``BAföG``, ``StadträtInnen``.
STAMP_TOKEN = regex.compile(r"[<>\[\]{}|\\^~_=«»]|[^\p{Script=Latin}\P{L}]|[ıſ]")
#: Letters of a word at the end of an address too short to be one (``nn``, ``rt``).
STRAY_LETTERS = regex.compile(r"\p{Ll}{1,2}[,.]?")


def _without_stamp_tail(value: str) -> str:
    """An address without what a stamp beside it left after it: from the first token no address
    has (:data:`STAMP_TOKEN`) after the address's third word on, and stray letters at the end.
    ``Halle (Saale)``, ``Stadträtinnen/Stadträte``, ``z. Hd.`` and ``IT`` stay.

    >>> _without_stamp_tail("An den Vorsitzenden des Ausschusses für Bau MÄRz> SEN]")
    'An den Vorsitzenden des Ausschusses für Bau'
    >>> _without_stamp_tail("An die Fraktionen der Stadt Halle (Saale) nn - Nayıa,")
    'An die Fraktionen der Stadt Halle (Saale)'
    >>> _without_stamp_tail("An alle Stadträtinnen/Stadträte der Stadt Jena, z. Hd. Frau Ulm")
    'An alle Stadträtinnen/Stadträte der Stadt Jena, z. Hd. Frau Ulm'
    """
    tokens = value.split()
    for k in range(3, len(tokens)):
        if STAMP_TOKEN.search(tokens[k]):
            tokens = tokens[:k]
            break
    while len(tokens) > 3 and (
        STRAY_LETTERS.fullmatch(tokens[-1]) or tokens[-1] in CONNECTING_MARKS
    ):
        tokens.pop()
    return " ".join(tokens)


def _without_trailing_junk(value: str) -> str:
    """A department without what speckle or a stamp left after its last word: a colon (with a
    letter after it), or a word of one or two letters not all capitals nor a Roman numeral
    (``Sozialamt er``, ``… und Sport Me``). ``Amt für IT``, ``Dezernat II`` and ``Dezernat
    Ia`` stay.

    >>> _without_trailing_junk("Sozialamt er"), _without_trailing_junk("Dezernat Ordnung: I")
    ('Sozialamt', 'Dezernat Ordnung')
    >>> _without_trailing_junk("Amt für IT"), _without_trailing_junk("Dezernat Ia")
    ('Amt für IT', 'Dezernat Ia')
    """
    value = regex.sub(r"(?<=\p{L}{4}):(?:\s?\p{L})?$", "", value)
    last = value.rsplit(" ", 1)
    junk = (
        len(last) == 2
        and regex.fullmatch(r"\p{L}{1,2}", last[1])
        and not last[1].isupper()
        and not regex.fullmatch(r"[IVX]+\p{Ll}?", last[1])
    )
    return last[0] if junk else value


def _without_stamp_fragment(value: str) -> str:
    """A department without the letters of a stamp at its end (``Stadtkämmerei 08 GANG nF``,
    residue of EINGEGANGEN): the fragment ends in a piece with capitals inside lower case
    (``nF``); capital runs and numbers before it go with it. ``Amt 61`` and ``Eigenbetrieb
    KITA`` stay.

    >>> _without_stamp_fragment("Stadtkämmerei 08 GANG nF"), _without_stamp_fragment("Amt 61")
    ('Stadtkämmerei', 'Amt 61')
    """
    tokens = value.split()
    cut = len(tokens)
    if cut < 2 or not regex.fullmatch(r"\p{Ll}+\p{Lu}\p{L}*", tokens[-1].strip(".,;:")):
        return value
    cut -= 1
    while cut > 1 and regex.fullmatch(
        r"\p{Lu}{2,}|\d{1,3}|\p{Ll}+\p{Lu}\p{L}*|\p{L}", tokens[cut - 1]
    ):
        cut -= 1
    return " ".join(tokens[:cut])


#: The end of a heading's line that a resolution number follows on the next line.
CONTINUING_END = r"\b(?:und|sowie|zum|zur|zu|\p{L}*[Aa]ntrag|Beschluss)\s*$"


def _line_after(lines: list[Paragraph], line: Paragraph) -> Paragraph | None:
    """The line after the one ``line`` is (or is the end of)."""
    return next(
        (other for other in lines if other.start > line.start and other.start >= line.end), None
    )


def _continues_reference(line: str, following: str) -> bool:
    """Whether a resolution heading goes on in the next line (``… (BS/043/2010)⏎und zum
    Änderungsantrag V-CB1124/10``), also when OCR damaged the word between them and the next
    line starts with the number (``… (SR/083/2013) ve⏎V1709/13 (SR/011/2013)``)."""
    return bool(
        regex.match(r"\s*(?:und|sowie|bzw\.|,)\s", following)
        or regex.search(r"\b(?:und|sowie|zum|zur|zu|Änderungsantrag|Antrag|Beschluss)\s*$", line)
        or RESOLUTION_NUMBER.match(following.lstrip())
    )


def _referred_date_below(before: str, line: str) -> bool:
    """Whether ``line`` is only the date that the text before it refers to (``… vom⏎24.05.2015``).

    >>> _referred_date_below("zum Beschluss A0404/11 vom", "24.05.2015"), _referred_date_below("Leipzig", "24.05.2015")
    (True, False)
    """
    return bool(
        REFERRED_DATE.search(before.rsplit(None, 1)[-1] if before.split() else "")
        and regex.fullmatch(
            r"\s*" + NUMERIC_DATE.pattern + r"[\s.,]*|\s*" + WORD_DATE.pattern + r"[\s.,]*", line
        )
    )


#: A title OCR ran onto the end of the resolution heading, after the last number and what
#: qualifies it (a session in brackets, ``vom`` and a date, a speck's stop after it):
#: capitalised words to the line's end, numbers among them (``… V-EB 1706/13 vom 21.05.2013
#: Schulsozialarbeit an allen Oberschulen verstetigen``, ``… vom 26.10.2015. Tempo 30 vor
#: Schulen``).
RUN_ON_TITLE = regex.compile(
    r"\G\)?(?:\s*\([^()\n]{1,30}\))?(?:\s+vom\s+\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\.?)?[ \t]+"
    r"(?P<title>\p{Lu}\p{Ll}+(?:[ \t]+[\p{L}\d\-–„“]+){2,}[.!?“]?)[ \t]*$",
    regex.M,
)
#: A session in brackets opening a line, after the number it qualifies ended the line above
#: (``(Sitzungsnummer: SR/087/2009) und V-DS1951/09``).
#: A line of a labelled session in brackets whose number OCR damaged (``SGA/O010/2011``).
#: A paragraph that is only a session in brackets (``(Sitzungsnummer: SR/038/2013)``).
SESSION_ONLY = regex.compile(r"\s*\(\s*Sitzungs(?:nummer|-Nr\.?)\s*:[^()\n]*\)[.,]?\s*")
DAMAGED_SESSION_LINE = regex.compile(
    r"\s*\(\s*Sitzungs(?:nummer|-Nr\.?)\s*:\s*[\p{Lu}\d][\p{L}\d]*(?:/[\p{L}\d]+){1,3}\s*\)\s*"
)
LEADING_SESSION = regex.compile(
    r"\s*(?:[.,'’‘`]\s*)?\(\s*(?:[\p{L}][\p{L}.\-]{2,20}\s?:\s*)?(?P<session>"
    + SESSION_NUMBER.pattern
    + r")\s*\)"
)
SESSION_LABEL = regex.compile(
    r"(?:Sitzungs(?:nummer|-Nr\.?)|Sitzung(?:\s+Nr\.)?|SR-Nr\.?)\s*[:;]?\s*$"
)
#: A bracket opened after a resolution number, with at most one label word OCR may have damaged
#: (``(Sitzungsnunmer:``, ``(Sitzungs-Nr.:``): a session-shaped number in it is that resolution's
#: session.
BRACKET_LABEL = regex.compile(r"\s*\(\s*(?:[\p{L}][\p{L}.\-]{2,20}\s?[:;]\s*)?")
#: The end of a title after a blank line OCR put inside it, alone before the salutation: a
#: short line that opens in lower case or with a bracket (``(Saale) einführen``), which no
#: paragraph of its own does.
TITLE_TAIL = regex.compile(r"[ \t]*\n[ \t]*\n\s*(?P<tail>[\p{Ll}(][^\n]{0,40}?)\s*")
#: What a wrapped resolution number may have before it on its line: space, or a speck's mark
#: (``.OBR Nord/060/2013``).
WRAPPED_NUMBER_LEAD = " \t.,:;'’‘`·-–"
#: A resolution number whose letter prefix OCR split from its digits (``V-EB 1706/13``): only a
#: hyphenated prefix, which no other identifier or word has.
SPLIT_RESOLUTION_NUMBER = regex.compile(
    r"\b(?P<prefix>[A-Z]{1,4}(?:-[A-Z]{1,4}){1,2}-?) (?P<digits>\d{2,6}/\d{2,4})\b"
)
#: A resolution number with a speck OCR read as a lower-case letter glued before it
#: (``vV1674/13``): the number without the letter.
GLUED_RESOLUTION_NUMBER = regex.compile(
    r"(?<=(?<!\S)\p{Ll})[A-Z]{1,4}(?:-[A-Z]{1,4}){0,2}-?\d{2,6}/\d{2,4}\b"
)
#: A resolution number with a glyph OCR misread among its digits: a zero read twice, the
#: second time as an ``O`` (``A0O842/13``), or a one read as a small ``l`` or a bar
#: (``Al151/16``). No letter stands among a number's digits.
MISREAD_DIGITS_NUMBER = regex.compile(
    r"\b(?P<prefix>[A-Z]{1,4}(?:-[A-Z]{1,4}){0,2}-?)"
    r"(?P<digits>(?=[^/]*\d[^/]*\d)(?=\d*(?:0O|[l|]))(?:\d|0O|[l|])+)(?P<year>/\d{2,4})\b"
)
#: A district's number whose ``l`` OCR read as a capital ``I`` (``OBR AIt/010/2014`` for
#: ``OBR Alt/010/2014``): a capital I right after a district name's capital, lower case after.
MISREAD_DISTRICT_NUMBER = regex.compile(r"\b[A-ZÄÖÜ]{2,5} [A-ZÄÖÜ]I[a-zäöü]{1,7}/\d{2,4}/\d{2,4}\b")
#: A session number whose first letter ``O`` OCR read as a zero (``0A/079/2013`` for
#: ``OA/079/2013``), or with a zero glued before it (``0OA/073/2013``): a letter, not a digit,
#: starts every session number.
ZERO_SESSION_NUMBER = regex.compile(r"(?<![\w/])0O?[A-Z]{1,5}/\d{2,4}/\d{2,4}\b")
#: A district's number whose name's ``O`` OCR read as a zero (``OBR 0st/038/2019``).
ZERO_DISTRICT_NUMBER = regex.compile(r"\b[A-ZÄÖÜ]{2,5} 0\p{Ll}{1,12}/\d{2,4}/\d{2,4}\b")
#: A district's resolution number: the body's letters, the district's name, number and year.
DISTRICT_NUMBER = regex.compile(
    r"(?P<body>[A-ZÄÖÜ]{2,5}) (?P<district>[A-ZÄÖÜ]\p{Ll}{1,12})(?P<rest>/\d{2,4}/\d{2,4})"
)
#: The digits of a resolution number as most councils write them: four before the year.
USUAL_NUMBER_DIGITS = 4


def _identifiers(line: str) -> list[regex.Match[str]]:
    """Resolution- and session-shaped identifiers of a line, left to right, not overlapping."""
    found = sorted(
        [
            *SPLIT_RESOLUTION_NUMBER.finditer(line),
            *RESOLUTION_NUMBER.finditer(line),
            *GLUED_RESOLUTION_NUMBER.finditer(line),
            *MISREAD_DIGITS_NUMBER.finditer(line),
            *SESSION_NUMBER.finditer(line),
            *ZERO_SESSION_NUMBER.finditer(line),
            *MISREAD_DISTRICT_NUMBER.finditer(line),
            *ZERO_DISTRICT_NUMBER.finditer(line),
        ],
        key=lambda m: (m.start(), -m.end()),
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
        # a session whose O was read as a zero is never a resolution of its own
        zero_session = ZERO_SESSION_NUMBER.fullmatch(match.group()) is not None
        labelled = SESSION_LABEL.search(before.rstrip("( "))
        if not labelled and resolutions and resolutions[-1][1] is None:
            # "A0412/14 (KA/055/2014)": a session-shaped number in brackets qualifies the one
            # before it; a resolution-shaped one in brackets would be a resolution of its own.
            between = line.text[resolutions[-1][0].end() : match.start()]
            bracketed = BRACKET_LABEL.fullmatch(between) and line.text[
                match.end() :
            ].lstrip().startswith(")")
            labelled = bracketed and _session_shaped(match.group())
        if labelled and resolutions and resolutions[-1][1] is None:
            resolutions[-1] = (resolutions[-1][0], match)
        elif not labelled and not _orphan_session(line.text, match) and not zero_session:
            resolutions.append((match, None))
    shapes = [_digit_count(n.group()) for n, _ in resolutions if _digit_count(n.group())]
    numbers = [_resolution_number(n.group(), shapes) for n, _ in resolutions]
    return [
        Resolution(
            number=text.evidence(value, line.start + n.start(), line.start + n.end(), confidence),
            session=text.evidence(
                session[0], line.start + s.start(), line.start + s.end(), session[1]
            )
            if s and (session := _session_number(s.group()))
            else None,
        )
        for (n, s), (value, confidence) in zip(resolutions, numbers, strict=True)
    ]


def _orphan_session(line: str, match: regex.Match[str]) -> bool:
    """A session-shaped number in brackets that qualifies no resolution number read before it:
    it belongs to a number OCR could not read (``vV1674/l3 (SR/083/2013)``) and is no
    resolution of its own.

    >>> line = "zu vV1674/l3 (SR/083/2013)"
    >>> _orphan_session(line, SESSION_NUMBER.search(line))
    True
    """
    return (
        _session_shaped(match.group())
        and line[: match.start()].rstrip().endswith("(")
        and line[match.end() :].lstrip().startswith(")")
    )


def _session_shaped(number: str) -> bool:
    """Is ``number`` a session number, maybe with its ``O`` read as a zero?"""
    return bool(SESSION_NUMBER.fullmatch(number) or ZERO_SESSION_NUMBER.fullmatch(number))


def _session_number(number: str) -> tuple[str, float]:
    """A session number as read, or with the zero OCR read for its first letter ``O`` (or
    glued before it) put right, and the value's confidence.

    >>> _session_number("SR/033/2011"), _session_number("0A/079/2013"), _session_number("0OA/073/2013")
    (('SR/033/2011', 0.9), ('OA/079/2013', 0.6), ('OA/073/2013', 0.6))
    """
    if not ZERO_SESSION_NUMBER.fullmatch(number):
        return number, 0.9
    return ("O" + number[1:] if number[1] != "O" else number[1:]), 0.6


def _digit_count(number: str) -> int:
    """Digits before the year of a resolution number (``A0404/11``: 4; 0 for other shapes)."""
    match = regex.fullmatch(r"[A-Z][A-Z-]* ?(\d+)/\d+", number)
    return len(match.group(1)) if match else 0


def _district_misread(district: str) -> str | None:
    """The district name ``district`` is when it is no word German text has and exactly one
    ``i`` read for an ``l``, or one ``ll`` read for an ``l``, makes it one (``Ait``, ``Allt``:
    Alt); None otherwise (``Mitte`` is a word, ``Gohlis`` has no such reading)."""
    from pipeline.lexicon import default_lexicon

    lexicon = default_lexicon()
    if lexicon.known(district):
        return None
    spots = [k for k, ch in enumerate(district) if k and ch == "i"]
    readings = {district[:k] + "l" + district[k + 1 :] for k in spots}
    readings |= {
        district[:k] + district[k + 1 :]
        for k in range(1, len(district) - 1)
        if district[k : k + 2] == "ll"
    }
    known = [reading for reading in readings if lexicon.known_directly(reading)]
    return known[0] if len(known) == 1 else None


def _resolution_number(number: str, shapes: list[int]) -> tuple[str, float]:
    """A resolution number as read, or repaired, with its confidence.

    A prefix split from its digits is joined (``V-EB 1706/13``). An ``O`` or a ``D`` that ends
    the prefix right before the digits was a ``0`` when the digits are then one short of the
    length the other resolution numbers of the line have, or without others of the usual four
    (``AO143/16`` is ``A0143/16``, ``AD409/14`` is ``A0409/14``: a bold 0 read as D at 300
    dpi). Prefixes that end in O before complete digits stay (``VO0123/14``, ``BO1234/15``), and
    so does a number whose line has others of its own length, or whose prefix ends in two
    such letters (``AOD549/10``: which of them is the 0 is not known).

    >>> _resolution_number("AO143/16", [3]), _resolution_number("V-EB 1706/13", [4])
    (('A0143/16', 0.6), ('V-EB1706/13', 0.7))
    >>> _resolution_number("BO1234/15", [4]), _resolution_number("AO143/16", [3, 3])
    (('BO1234/15', 0.95), ('AO143/16', 0.95))
    >>> _resolution_number("AD409/14", [3, 4]), _resolution_number("AOD549/10", [3])
    (('A0409/14', 0.6), ('AOD549/10', 0.95))

    A zero read twice, once as an ``O``, among the digits, or a one read as ``l``, is put
    right when one reading has as many digits as one of the line's other numbers (or four);
    at least two digits must be read as digits (``Hl/19`` is no number):

    >>> _resolution_number("A0O842/13", []), _resolution_number("Al151/16", [])
    (('A0842/13', 0.6), ('A1151/16', 0.6))
    >>> _resolution_number("A0O8/13", [4]), _resolution_number("A0O984/09", [3])
    (('A0O8/13', 0.3), ('A0984/09', 0.6))
    >>> MISREAD_DIGITS_NUMBER.search("Datum: Hl/19") is None
    True

    A district's ``l`` read as ``I`` is put back (``OBR AIt/010/2014``), and a district name
    no German text has that is one when an ``i`` or a doubled ``l`` is read as one ``l``:

    >>> _resolution_number("OBR AIt/010/2014", []), _resolution_number("OBR AIlt/010/2014", [])
    (('OBR Alt/010/2014', 0.6), ('OBR Alt/010/2014', 0.6))
    >>> _resolution_number("OBR Allt/044/2018", []), _resolution_number("OBR Ait/058/2014", [])
    (('OBR Alt/044/2018', 0.6), ('OBR Alt/058/2014', 0.6))
    >>> _resolution_number("OBR Mitte/012/2014", []), _resolution_number("OBR Gohlis/012/2014", [])
    (('OBR Mitte/012/2014', 0.95), ('OBR Gohlis/012/2014', 0.95))

    A district name's ``O`` read as a zero is put back where that makes a word:

    >>> _resolution_number("OBR 0st/038/2019", []), _resolution_number("OBR 0xq/038/2019", [])
    (('OBR Ost/038/2019', 0.6), ('OBR 0xq/038/2019', 0.3))
    """
    if SPLIT_RESOLUTION_NUMBER.fullmatch(number):
        return number.replace(" ", ""), 0.7
    if misread := MISREAD_DIGITS_NUMBER.fullmatch(number):
        lengths = {*shapes, USUAL_NUMBER_DIGITS}
        digits = misread["digits"].replace("l", "1").replace("|", "1")
        readings = {digits.replace("0O", "0"), digits.replace("0O", "00")}
        fitting = [reading for reading in readings if len(reading) in lengths]
        if len(fitting) == 1 and fitting[0].isdigit():
            return misread["prefix"] + fitting[0] + misread["year"], 0.6
        return number, 0.3
    if MISREAD_DISTRICT_NUMBER.fullmatch(number):
        body, rest = number.split(" ", 1)
        district, rest = rest.split("/", 1)
        district = f"{district[0]}l{district[2:]}"
        return f"{body} {_district_misread(district) or district}/{rest}", 0.6
    if ZERO_DISTRICT_NUMBER.fullmatch(number):
        body, rest = number.split(" ", 1)
        district, rest = rest.split("/", 1)
        from pipeline.lexicon import default_lexicon

        if default_lexicon().known_directly("O" + district[1:]):
            return f"{body} O{district[1:]}/{rest}", 0.6
        return number, 0.3
    if (named := DISTRICT_NUMBER.fullmatch(number)) and (
        reading := _district_misread(named["district"])
    ):
        return f"{named['body']} {reading}{named['rest']}", 0.6
    match = regex.fullmatch(
        r"(?P<prefix>[A-Z-]*[A-Z])(?<![OD])[OD](?P<digits>\d+)(?P<year>/\d{2,4})", number
    )
    if match:
        digits = len(match.group("digits"))
        others = list(shapes)
        if digits in others:
            others.remove(digits)
        wanted = max(others, key=others.count) if others else USUAL_NUMBER_DIGITS
        if digits + 1 == wanted:
            return match.group("prefix") + "0" + match.group("digits") + match.group("year"), 0.6
    return number, 0.95


def _session_line(text: Text, line: Paragraph) -> Extracted[str] | None:
    """The session of a line that holds only a labelled session number."""
    match = SESSION_NUMBER.search(line.text)
    if not match or not SESSION_LABEL.search(line.text[: match.start()].rstrip("( ")):
        return None
    if regex.sub(
        r"[\s():]|Sitzungs\w*|Sitzung|SR-Nr\.?|Nr\.|^[\s.,'’‘`]+",  # a speck before it
        "",
        line.text.replace(match.group(), ""),
    ):
        return None
    return text.evidence(match.group(), line.start + match.start(), line.start + match.end(), 0.85)


def _report_kind(
    text: Text, header_end: int, statuses: list[str | None], sub_statuses: Sequence[str | None] = ()
) -> Extracted[str] | None:
    """``interim`` or ``final``: as the letter says, else ``interim`` when a point or sub-point
    is still open, ``final`` when every point has a status and none is open."""
    for pattern, kind in ((INTERIM, "interim"), (FINAL, "final")):
        match = pattern.search(text.text)
        if match:
            return text.evidence(kind, match.start(), match.end(), 0.9)
    reported = [s for s in statuses if s]
    open_ = {"in_progress", "partially_implemented"}
    if any(s in open_ for s in sub_statuses):
        return text.evidence("interim", 0, 0, 0.6)  # "Zu 1b) Die Prüfung dauert an."
    if not reported:
        return None
    if any(s in open_ for s in reported):
        return text.evidence("interim", 0, 0, 0.6)
    if len(reported) == len(statuses):
        return text.evidence("final", 0, 0, 0.6)
    return None
