"""Page furniture: page labels (``Seite 1 von 2``) and running headers/footers."""

from __future__ import annotations

import itertools

import regex

from pipeline.cleanup.context import CleanupContext
from pipeline.cleanup.edits import Edit
from pipeline.cleanup.lines import Line, line_removal_span, split_lines

_NUM = r"[\dlIO]{1,3}"
_MARK = r"['‘’‚\"“”„`´°^~*_|•·»«]"
#: Scan speckle OCR reads as marks before or after a page label ("‚Seite 1 von 2", "3 von 3°").
#: A full stop, comma or colon after it only with "von N": "auf\nSeite 12." ends a sentence.
_LEAD = rf"(?:(?:[.,:;]|{_MARK}){{1,2}}[ \t]*)?(?:[-–—][ \t]*)?"
_TRAIL = rf"(?:[ \t]*[-–—])?(?:[ \t]*{_MARK}{{1,2}})?"
_SPECKLE_CHARS = ".,:;'‘’‚\"“”„`´°^~*_|•·»« \t"
#: A speck read as a stop or comma may stand on either side of "von" ("Seite 1 von.3"), a
#: hyphen before it ("Seite I- von 2").
_OF = rf"[\s.,\-]*(?:von|/|\|)[\s.,]*(?P<of>{_NUM})"
#: A page's 1 read as a letter or a bracket, taken only with "von N" ("Seite } von 2"), or as
#: a ``T`` beside an ``I`` ("Seite TI von2", "Seite IT von 3", "Seite 1T von 2").
_ONE = r"(?:[L}\]!i]|T[Il|]|[Il1|]T)"
#: A speck read as a mark between "Seite" and the number ("Seite, 1von2", "Seite.2 von 3") only
#: with "von N".
PAGE_LABEL = regex.compile(
    rf"^\s*{_LEAD}(?:(?:Seite|Blatt)[ \t-]*(?P<page>{_NUM}|{_ONE}(?={_OF}))"
    rf"(?:{_OF}(?:[ \t]*[-–—])?(?:[ \t]*(?:[.,:;]|{_MARK}){{1,2}})?|{_TRAIL})"
    rf"|(?:Seite|Blatt)[ \t]*[.,:;'’‚][ \t]*(?P<page>{_NUM}){_OF}"
    rf"(?:[ \t]*[-–—])?(?:[ \t]*(?:[.,:;]|{_MARK}){{1,2}})?"
    rf"|S\.\s+(?P<page>{_NUM})(?:{_OF})?|[-–—]\s*(?P<page2>{_NUM})\s*[-–—]{_TRAIL})\s*$"
)
#: How many non-blank lines at the top (bottom) of a page can be a running header (footer).
EDGE_LINES = 2
#: A line that reads as a sentence (a capital, three words or more, a word and its full
#: stop at the end) is furniture only when it stands on every page: two points with the same
#: status may end two pages of three with the same sentence (``Die Umsetzung ist erfolgt.``).
SENTENCE = regex.compile(r"^\p{Lu}\p{Ll}*(?:[ \t]+\S+)+[ \t]+\p{L}{2,}[.!?]+$")


def _number(token: str) -> int:
    return int(token.replace("T", "").translate(str.maketrans("lILO}]!i|", "111011111")))


def page_starts(text: str) -> tuple[list[int], list[str | None]]:
    """Start offsets of pages and their printed labels, from form feeds and page labels.

    Form feeds (pages read from a PDF or an image) are the page breaks when there are any;
    labels then only name the page they stand on. Without form feeds, a label ends its page.

    >>> page_starts("Text\\nSeite 1 von 2\\nmehr\\nSeite 2 von 2\\n")
    ([0, 19], ['Seite 1 von 2', 'Seite 2 von 2'])
    >>> page_starts("Text\\nSeite 1 von 2\\n\\fmehr\\nSeite 2 von 2\\n")
    ([0, 20], ['Seite 1 von 2', 'Seite 2 von 2'])
    """
    starts: list[int] = [0]
    labels: list[str | None] = [None]
    paged = "\f" in text
    for line in split_lines(text):
        match = PAGE_LABEL.match(line.text)
        if "\f" in line.text:
            starts.append(line.start + line.text.index("\f") + 1)
            labels.append(None)
        elif match:
            labels[-1] = labels[-1] or line.stripped.strip(_SPECKLE_CHARS)
            if paged:
                continue
            number, total = match.group("page") or match.group("page2"), match.group("of")
            last = total is not None and _number(number) >= _number(total)
            if not last and line.end + 1 < len(text):
                starts.append(line.end + 1)
                labels.append(None)
    return starts, labels


def _pages(lines: list[Line], starts: list[int]) -> list[list[Line]]:
    pages: list[list[Line]] = [[] for _ in starts]
    page = 0
    for line in lines:
        # a page's first line starts with the form feed that opens the page
        begin = line.start + len(line.text) - len(line.text.lstrip("\f"))
        while page + 1 < len(starts) and begin >= starts[page + 1]:
            page += 1
        pages[page].append(line)
    return pages


def _header_span(text: str, line: Line) -> tuple[int, int]:
    """The span that removes a header line and keeps the form feed that opens its page."""
    start, end = line_removal_span(text, line)
    return start + len(line.text) - len(line.text.lstrip("\f")), end


def _key(line: Line) -> str:
    return regex.sub(r"\W+", "", line.text.lower())


def _letterhead_elsewhere(header: Line, first_page: list[Line]) -> bool:
    """Does page 1 name the sender on a line of its own, which the running header repeats
    ("Stadt Jena | Geschäftsbereich Soziales" above "Stadt Jena")?"""
    key = _key(header)
    return any(
        other is not header and len(_key(other)) >= 5 and key.startswith(_key(other))
        for other in first_page
    )


#: How many non-blank lines at the top of the first page can hold the letterhead.
LETTERHEAD_LINES = 8


def _letterhead_keys(first_page: list[Line]) -> set[str]:
    """Keys of the first page's top lines, alone and two in order: a running header repeats
    the letterhead on one line ("Hansestadt Rostock - Dezernat Stadtentwicklung und Verkehr"
    over the letterhead's "Hansestadt Rostock" / "Dezernat Stadtentwicklung und Verkehr").
    A line's first column counts on its own too: the letterhead's right column (the file
    reference block, a stamp's noise) shares its lines ("Dezernat Umwelt⇥\\ apta|")."""
    top: list[set[str]] = []
    for line in first_page[:LETTERHEAD_LINES]:
        first_column = regex.sub(r"\W+", "", line.text.split("\t", 1)[0].lower())
        top.append({_key(line), first_column} - {""})
    pairs = {
        a + b for i, j in itertools.combinations(range(len(top)), 2) for a in top[i] for b in top[j]
    }
    return set().union(*top, pairs)


#: A running header OCR misread (``Umwelt urid Kommunalwirtschaft``) still repeats the
#: letterhead: this many of its letters and digits may differ, per this many of them.
HEADER_EDITS, HEADER_EDIT_PER = 1, 20


def _repeats(key: str, letterhead: set[str]) -> bool:
    """Is ``key`` (a line's letters and digits) one of the ``letterhead``'s keys, or that key
    with a few letters misread (one in :data:`HEADER_EDIT_PER`)?

    >>> keys = {"landeshauptstadtpotsdamgeschäftsbereichumweltundkommunalwirtschaft"}
    >>> _repeats("landeshauptstadtpotsdamgeschäftsbereichumwelturidkommunalwirtschaft", keys)
    True
    >>> _repeats("landeshauptstadtpotsdamgeschäftsbereichsozialesundgesundheit", keys)
    False
    """
    if key in letterhead:
        return True
    edits = HEADER_EDITS * len(key) // HEADER_EDIT_PER
    return edits > 0 and any(
        abs(len(other) - len(key)) <= edits
        and regex.fullmatch(f"(?:{regex.escape(other)}){{e<={edits}}}", key) is not None
        for other in letterhead
    )


def remove_page_furniture(text: str, ctx: CleanupContext | None = None) -> list[Edit]:
    """Remove page labels and headers/footers repeated on several pages.

    The first page's copy of a running header is kept: there it is the letterhead.

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("remove_page_furniture", "Stadt Halle\\nText\\nSeite 1 von 2\\nStadt Halle\\nmehr\\n")
    'Stadt Halle\\nText\\nmehr\\n'

    A sentence repeated at the edges of some pages, not all, is body text
    (:data:`SENTENCE`).
    """
    lines = split_lines(text)
    starts, _ = page_starts(text)
    edits: list[Edit] = []
    for line in lines:
        if PAGE_LABEL.match(line.text):
            start, end = line_removal_span(text, line)
            edits.append(Edit(start, end, "", f"page label '{line.stripped}'", 0.98, True, True))
    if len(starts) < 2:
        return edits
    pages = [
        [ln for ln in page if not ln.blank and not PAGE_LABEL.match(ln.text)]
        for page in _pages(lines, starts)
    ]
    letterhead = _letterhead_keys(pages[0])
    taken: set[int] = set()
    for page in pages[1:]:
        for line in page[:EDGE_LINES]:
            if len(_key(line)) >= 12 and _repeats(_key(line), letterhead):
                start, end = _header_span(text, line)
                reason = "running header repeating the letterhead of page 1"
                edits.append(Edit(start, end, "", reason, 0.9))
                taken.add(line.start)
    for name in ("header", "footer"):
        seen: dict[str, list[tuple[int, Line]]] = {}
        for number, page in enumerate(pages):
            # A footer line is never also one of the page's header lines (short pages).
            edge = page[:EDGE_LINES] if name == "header" else page[EDGE_LINES:][-EDGE_LINES:]
            for line in edge:
                if len(_key(line)) >= 8:
                    seen.setdefault(_key(line), []).append((number, line))
        for places in seen.values():
            on = {number for number, _ in places}
            if len(on) < 2:
                continue
            if len(on) < len(pages) and any(SENTENCE.match(line.stripped) for _, line in places):
                continue  # body text that happens to repeat at two pages' edges
            for number, line in places:
                if line.start in taken:
                    continue
                if name == "header" and number == 0 and not _letterhead_elsewhere(line, pages[0]):
                    continue  # the first page's copy is the letterhead
                start, end = _header_span(text, line)
                edits.append(
                    Edit(start, end, "", f"running {name} repeated on {len(places)} pages", 0.9)
                )
    return edits
