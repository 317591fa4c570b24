"""The resolution's numbered points and, from the ``Zu N.`` sections, their status reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from pipeline.cleanup.lines import ZU_HEADING as ZU
from pipeline.cleanup.markers import RUNS_ON, SPECKLE
from pipeline.extract.base import Text
from pipeline.models import Point, Status

if TYPE_CHECKING:  # spaCy is imported where the pipeline is loaded (1.3 s)
    from spacy.language import Language
    from spacy.tokens import Doc

#: ``1.``, ``2)``, ``Punkt 3:``; a stop read as ``»`` before a capitalised word (``2» Die …``).
TOP_MARKER = regex.compile(
    r"^[ \t]*(?:(\d{1,2})(?:[.)]|»(?=[ \t]+\p{Lu}))|Punkt\s+(\d{1,2}):?)[ \t]+(?=\S)", regex.M
)
#: ``a)``, ``(b)``; OCR reads the bracket as ``}``, ``]``, ``|``, ``1`` or ``l``, or as two of them
#: (``b1)``), or loses it, or reads it as a stop or comma, before the lower-case word a sub-point
#: starts with (``b ein Programm``, ``b. ein Programm``: ``loose``). Only the letter the sequence
#: expects next is taken, and loose markers only beside a bracketed one.
SUB_MARKER = regex.compile(
    r"^[ \t]*(?:[.,'‘’‚]{1,2}[ \t]*)?\(?([a-z])"
    r"(?:[)}\]|1l]{1,2}|(?P<loose>[.,]?)(?=[ \t]+\p{Ll}{2,}\b))"
    r"[ \t]+(?=\S)",
    regex.M,
)
CLOSING = regex.compile(
    r"^\s*(?:Mit\s+freundlichen|Freundliche\s+Grüße|Hochachtungsvoll|Kenntnisnahme|Anlagen?\s*(?::|\d|$))",
    regex.M,
)
SALUTATION_END = regex.compile(r"^\s*(?:Sehr geehrte|Liebe )[^\n]*\n", regex.M)
#: A ``Zu N.`` heading as the cleanup may leave it: speckle around it, ``zu``, the number lost
#: (``Zu.``) or misread beyond repair (``zu 9.``), a speck read as a digit after it (``Zu 5. 5``),
#: a sub-point's letter read as a digit before its bracket (``Zu 2 6)`` for ``Zu 2 b)``).
LOOSE_ZU = regex.compile(
    rf"^[ \t]*(?:{SPECKLE}{{1,2}}[ \t]*)?(?:[Zz]u|ZU)[ \t]*(?:Punkt[ \t]+)?(?P<number>\d{{1,2}})?"
    rf"(?:[ \t]?(?P<sub>[a-z])|(?<=\d)[ \t](?P<lost>\d)[)}}\]|]|(?<=\d)[A-Z](?=[.:]))?"
    rf"[ \t]*[.):,;]?(?:[ \t]*{SPECKLE}|[ \t]+\d)*[ \t]*$",
    regex.M,
)
TEXT_LINE = regex.compile(rf"\s*{SPECKLE}{{0,2}}\s?\p{{L}}")
#: Tokens of speckle at the end of a value: punctuation alone (``Raum "``), or after a sentence
#: end, letters and digits of one or two characters (``erhöhen; 8 2``, ``vorgelegt. j``).
PUNCTUATION_RESIDUE = regex.compile(r"(?:\s+[^\w\s]+)+\s*$")
SHORT_RESIDUE = regex.compile(r"(?<=\p{Ll}{4}[.;!?])(?:\s+\w{1,2})+\s*$")
#: Marks glued to a sentence's full stop at the end of a value (``Umsetzung ab.-``,
#: ``vorsieht.:``): no sentence goes on after its stop with a dash or colon.
GLUED_RESIDUE = regex.compile(r"(?<=\p{Ll}{2}[.!?])[-–—:;,_]+\s*$")
#: A speck OCR read before the first word of a paragraph (``. Mit dem Beschluss …``).
#: A mark OCR read for a lost point marker before the point's text (``– Die``, ``" Die``).
LOST_MARKER_RESIDUE = regex.compile(r"[–\-\"'„“‚‘’•·.,:;]{1,2}[ \t]*(?=\p{Lu})")
LEADING_RESIDUE = regex.compile(r"^\s*[.,;:_'‘’·]{1,2}[ \t]+(?=\p{Lu})")
CLOSERS = {")": "(", "]": "[", "“": "„", '"': '"', "»": "«", "«": "»", "”": "“"}


@dataclass
class _Draft:
    label: str
    level: int
    start: int
    text_start: int
    end: int = 0
    children: list[_Draft] = field(default_factory=list)
    #: The marker was not found: the point was inferred from a gap in the numbering.
    inferred: bool = False


@dataclass(frozen=True)
class _Heading:
    """A ``Zu N.`` heading: its span and the label it reports on (None: not known)."""

    start: int
    end: int
    label: str | None
    #: The label was not read but taken from the gap in the sequence of headings.
    inferred: bool = False
    #: The point whose sub-point the heading reports on, when the letter was misread
    #: (``Zu 2 6)``: one of 2a, 2b …).
    parent: str | None = None


def _headings(text: str, start: int, end: int) -> list[_Heading]:
    """``Zu N.`` headings with their labels as read (loose ones only before a line of text)."""
    found = []
    for match in LOOSE_ZU.finditer(text, start, end):
        strict = ZU.match(text, match.start(), match.end())
        previous = text[max(start, match.start() - 200) : match.start()].split("\n")[-2:]
        runs_on = len(previous) == 2 and RUNS_ON.search(previous[0].rstrip()) is not None
        if not strict and (not TEXT_LINE.match(text, match.end()) or runs_on):
            continue  # a wrapped sentence's "zu" (die Kosten / zu / tragen)
        if not strict and not match.group("number") and not regex.search("Zu|ZU", match.group()):
            continue
        parent = None
        if strict:
            label: str | None = strict.group(1) + (strict.group(2) or "")
        elif match.group("lost"):
            label, parent = None, match.group("number")
        elif match.group("number"):
            label = match.group("number") + (match.group("sub") or "")
        else:
            label = None
        found.append(_Heading(match.start(), match.end(), label, parent=parent))
    return found


def _label_headings(headings: list[_Heading], labels: list[str]) -> list[_Heading]:
    """Headings labelled by the points: a label that is no point or breaks the order is
    replaced by the one the gap between its neighbours leaves, else dropped (the heading
    still ends the section before it).

    >>> read = [_Heading(0, 1, "1"), _Heading(2, 3, "2"), _Heading(4, 5, "9")]
    >>> [(h.label, h.inferred) for h in _label_headings(read, ["1", "2", "3"])]
    [('1', False), ('2', False), ('3', True)]
    >>> [h.label for h in _label_headings([_Heading(0, 1, None)], ["1", "2", "3"])]
    [None]
    >>> read = [_Heading(0, 1, "1"), _Heading(2, 3, None, parent="2"), _Heading(4, 5, "2b")]
    >>> [h.label for h in _label_headings(read, ["1", "2", "2a", "2b"])]
    ['1', '2a', '2b']

    A number read again for the next (``Zu 2.`` twice), before point 3's lettered items:
    >>> read = [_Heading(0, 1, "1"), _Heading(2, 3, "2"), _Heading(4, 5, "2"), _Heading(6, 7, "4")]
    >>> [h.label for h in _label_headings(read, ["1", "2", "3", "3a", "3b", "4"])]
    ['1', '2', '3', '4']
    """
    if not labels:
        return headings
    position = {label: k for k, label in enumerate(labels)}
    out: list[_Heading] = []
    last = -1
    for k, heading in enumerate(headings):
        read = position.get(heading.label or "", -1)
        if read > last:
            out.append(heading)
            last = read
            continue
        later = [
            position[h.label]
            for h in headings[k + 1 :]
            if h.label in position and position[h.label] > last
        ]
        bound = later[0] if later else len(labels)
        unknown = next(
            (j for j, h in enumerate(headings[k:]) if position.get(h.label or "", -1) == bound),
            len(headings) - k,
        )
        children = [
            j
            for j in range(last + 1, bound)
            if heading.parent and regex.fullmatch(rf"{heading.parent}[a-z]", labels[j])
        ]
        tops = [j for j in range(last + 1, bound) if labels[j].isdigit()]
        read_twice = regex.fullmatch(r"(\d)\1", heading.label or "")
        doubled = read_twice.group(1) if read_twice else None
        if len(children) == 1:  # the one sub-point of that number the gap leaves
            last = children[0]
            out.append(_Heading(heading.start, heading.end, labels[last], inferred=True))
        elif bound - last - 1 == unknown:
            last += 1
            out.append(_Heading(heading.start, heading.end, labels[last], inferred=True))
        elif (
            len(tops) == unknown
            and regex.fullmatch(r"\d?", heading.label or "")
            and not heading.parent
            and not (bound < len(labels) and labels[bound].startswith(labels[tops[0]]))
        ):
            # a digit read for another ("Zu 2." again for "Zu 3."), where the gap leaves as
            # many points as headings and the next heading is on none of their lettered
            # items: they report on the points ("Zu 28)" before "Zu 2b)" is on 2a)
            last = tops[0]
            out.append(_Heading(heading.start, heading.end, labels[last], inferred=True))
        elif doubled and position.get(doubled, -1) in tops and unknown == 1:
            # a digit read twice ("Zu Punkt 55:" for 5), a point the gap leaves
            last = position[doubled]
            out.append(_Heading(heading.start, heading.end, labels[last], inferred=True))
        else:
            out.append(_Heading(heading.start, heading.end, None))
    return out


def _trim_residue(text: str, start: int, end: int) -> int:
    """End of ``text[start:end]`` without the scan speckle OCR left after its last word.

    >>> [t[: _trim_residue(t, 0, len(t))] for t in ('im Raum "', 'ist zu erhöhen; 8 2', '(neu) )')]
    ['im Raum', 'ist zu erhöhen;', '(neu) )']
    >>> [t[: _trim_residue(t, 0, len(t))] for t in ('Umsetzung ab.-', 'wird beauftragt:')]
    ['Umsetzung ab.', 'wird beauftragt:']
    """
    while True:
        piece = text[start:end]
        match = (
            PUNCTUATION_RESIDUE.search(piece)
            or SHORT_RESIDUE.search(piece)
            or GLUED_RESIDUE.search(piece)
        )
        if not match or not piece[: match.start()].strip():
            return end
        tokens = match.group().split()
        if all(t[-1] in CLOSERS and CLOSERS[t[-1]] in piece[: match.start()] for t in tokens):
            return end  # a closing bracket or quote that was opened
        end = start + match.start()


def _phrase(sentence: str) -> str:
    """A status sentence without speckle before it and a doubled or tripled stop, or a quote
    that opens nothing, after it; a comma a speck made of its stop at the paragraph's end is
    the stop.

    >>> _phrase("„Die Umsetzung ist erfolgt..")
    'Die Umsetzung ist erfolgt.'
    >>> _phrase("Der Beschlusspunkt kann nicht umgesetzt werden. –")
    'Der Beschlusspunkt kann nicht umgesetzt werden.'
    >>> [_phrase(s) for s in ("Sie ist erfolgt...", "Sie dauert an.“", "Sie ist erfolgt,")]
    ['Sie ist erfolgt.', 'Sie dauert an.', 'Sie ist erfolgt.']
    >>> _phrase("Sie dauert an.’")
    'Sie dauert an.'
    >>> _phrase("„Sie ist erfolgt.“")
    '„Sie ist erfolgt.“'
    """
    phrase = " ".join(sentence.split())
    opened = regex.match(rf"{SPECKLE}+\s?(?=\p{{L}})", phrase)
    if opened and not any(CLOSERS.get(c) == opened.group().strip()[-1:] for c in phrase):
        phrase = phrase[opened.end() :]
    phrase = regex.sub(rf"(?<=\p{{L}}[.!?])(?:\s+{SPECKLE}+)+$", "", phrase)
    closed = regex.search(r"(?<=\p{L}[.!?])[“”\"'’‘]$", phrase)
    if closed and CLOSERS.get(closed.group(), "\0") not in phrase[: closed.start()]:
        phrase = phrase[: closed.start()]
    return regex.sub(r"(?<=\p{L})(?:\.{2,3}|,)$", ".", phrase)


def _value(text: str, start: int, end: int) -> str:
    """``text[start:end]`` in one line, without the speckle OCR left at its paragraphs' ends.

    >>> _value("Die Mittel sind bereitgestellt. 2\\n\\nDie Prüfung dauert an. j", 0, 57)
    'Die Mittel sind bereitgestellt. Die Prüfung dauert an.'
    """
    pieces = []
    for paragraph in regex.splititer(r"\n[ \t]*\n", text[start:end]):
        paragraph = LEADING_RESIDUE.sub("", paragraph)
        pieces.append(paragraph[: _trim_residue(paragraph, 0, len(paragraph))])
    return " ".join(" ".join(pieces).split())


def _paragraph_starts(text: str, start: int, end: int) -> list[int]:
    """Starts of the blank-line-separated paragraphs in ``text[start:end]``, the first included."""
    first = start + len(text[start:end]) - len(text[start:end].lstrip())
    breaks = [m.end() for m in regex.finditer(r"\n[ \t]*\n\s*", text, pos=start, endpos=end)]
    return [first] + [b for b in breaks if b < end and text[b:end].strip() and b > first]


def _point_drafts(
    text: str, start: int, end: int, reported: frozenset[int] = frozenset()
) -> list[_Draft]:
    """Top-level points (1, 2, 3 in sequence) and their lettered children (a, b …);
    ``reported``: the numbers the status headings read."""
    tops: list[_Draft] = []
    expected = 1
    markers = list(TOP_MARKER.finditer(text, start, end))
    numbers = [int(m.group(1) or m.group(2)) for m in markers]
    for k, match in enumerate(markers):
        number = numbers[k]
        if number > expected:
            # OCR lost lone markers ("2." on its own line): when the unmarked paragraphs before
            # this marker are exactly as many as the missing numbers, they are those points.
            missing = number - expected
            region = tops[-1].text_start if tops else start
            starts = _paragraph_starts(text, region, match.start())[1 if tops else 0 :]
            if not tops:
                starts = [
                    b for b in starts if not text[b : text.find("\n", b)].rstrip().endswith(":")
                ]
            if len(starts) == missing:
                for gap in starts:
                    tops.append(_Draft(str(expected), 1, gap, gap, inferred=True))
                    expected += 1
        if number > expected and numbers[k + 1 : k + 2] == [number + 1]:
            # Markers lost beyond repair (merged into another line): the run that goes on
            # from here is still the points; the lost ones stay missing.
            expected = number
        if number != expected:
            continue
        tops.append(_Draft(str(number), 1, match.start(), match.end()))
        expected += 1
    last = max(reported, default=0)
    if tops and last >= expected:
        # OCR lost the markers after the last one it read ("2." to "6." after "1."), and a
        # heading reports on point 6: when the paragraphs after the last point, not counting
        # its lettered sub-points, are exactly as many as the points missing, they are those.
        starts = [
            b
            for b in _paragraph_starts(text, tops[-1].text_start, end)[1:]
            if not SUB_MARKER.match(text, b)
        ]
        if len(starts) == last - expected + 1:
            for gap in starts:
                # what is left of the marker: a mark before the text ("– Die Hebesätze")
                residue = LOST_MARKER_RESIDUE.match(text, gap)
                text_start = residue.end() if residue else gap
                tops.append(_Draft(str(expected), 1, gap, text_start, inferred=True))
                expected += 1
    for k, top in enumerate(tops):
        top.end = tops[k + 1].start if k + 1 < len(tops) else end
        letter = "a"
        bracketed = False
        for match in SUB_MARKER.finditer(text, top.text_start, top.end):
            if match.group(1) != letter:
                continue
            bracketed = bracketed or match.group("loose") is None
            top.children.append(_Draft(top.label + letter, 2, match.start(), match.end()))
            letter = chr(ord(letter) + 1)
        if not bracketed:  # "a die …" alone is a wrapped line more likely than a sub-point
            top.children = []
        for j, child in enumerate(top.children):
            child.end = top.children[j + 1].start if j + 1 < len(top.children) else top.end
    return tops


#: A sentence that speaks to the reader belongs to the letter's closing, not to a point's
#: report: first person singular, the formal "Ihnen", or a request for "Kenntnisnahme".
READER_ADDRESS = regex.compile(r"\b(?:ich|mich|mir|Ihnen|Kenntnisnahme)\b|(?<=\S\s+)\bSie\b")


def _without_closing_sentences(doc: Doc, offset: int, start: int, end: int) -> int:
    """End of the last section without its trailing reader-addressing sentences.

    >>> from pipeline.extract.nlp import load_pipeline
    >>> text = "Die Arbeiten sind beendet. Ich bitte um Kenntnisnahme."
    >>> text[: _without_closing_sentences(load_pipeline()(text), 0, 0, len(text))].rstrip()
    'Die Arbeiten sind beendet.'
    >>> text = "Die Arbeiten sind beendet. Für Rückfragen stehen wir Ihnen gern. zur Verfügung."
    >>> text[: _without_closing_sentences(load_pipeline()(text), 0, 0, len(text))].rstrip()
    'Die Arbeiten sind beendet.'
    >>> text = "Die Arbeiten sind beendet. Für Rückfragen stehen wir Ihnen gern zur Verfügung.\t2"
    >>> text[: _without_closing_sentences(load_pipeline()(text), 0, 0, len(text))].rstrip()
    'Die Arbeiten sind beendet.'
    >>> text = "Die Arbeiten sind beendet. Ich danke Ihnen. Sie sind fertig. wie geplant."
    >>> text[: _without_closing_sentences(load_pipeline()(text), 0, 0, len(text))].rstrip()
    'Die Arbeiten sind beendet. Ich danke Ihnen. Sie sind fertig. wie geplant.'
    """
    cut = end
    from pipeline.extract.nlp import clauses

    for sent in reversed(list(clauses(doc))):
        if not sent.text.strip():
            continue
        if offset + sent.start_char < start:
            break
        if not READER_ADDRESS.search(sent.text):
            short = len(sent.text.split()) <= FRAGMENT_WORDS
            if sent.text.strip()[:1].islower() and short:
                continue  # "… des Fachbereiches gern. zur Verfügung.": a speck's stop cut it off
            if short and not regex.search(r"\p{L}{2}", sent.text):
                continue  # "… zur Verfügung.⇥2": speckle after the sentence, no words
            break
        cut = offset + sent.start_char
    return cut


#: A clause of this many words at most that opens in lower case is the tail a speck's stop cut
#: off the sentence before it (``zur Verfügung.``).
FRAGMENT_WORDS = 3


def _reports(
    text: Text, nlp: Language, headings: list[_Heading], end: int
) -> dict[str, dict[str, object]]:
    """Per label: status, status phrase and report from its ``Zu N.`` section."""
    body = text.text
    reports: dict[str, dict[str, object]] = {}
    for k, heading in enumerate(headings):
        section_end = headings[k + 1].start if k + 1 < len(headings) else end
        if heading.label is None or heading.label in reports:
            continue
        closing = CLOSING.search(body, heading.end, section_end)
        section_end = closing.start() if closing else section_end
        section = body[heading.end : section_end]
        doc = nlp(section)
        spans = list(doc.spans["status"])
        entry: dict[str, object] = {}
        if spans:
            span = spans[0]
            s, e = heading.end + span.start_char, heading.end + span.end_char
            confidence = 0.9 if span.start == 0 else 0.7
            entry["status"] = text.evidence(
                Status(span.label_), s, e, confidence - (0.2 if heading.inferred else 0.0)
            )
            entry["status_phrase"] = text.evidence(_phrase(span.text), s, e, 0.9)
            rest_start = e
        else:
            rest_start = heading.end
        if k == len(headings) - 1:
            section_end = _without_closing_sentences(doc, heading.end, rest_start, section_end)
        section_end = _trim_residue(body, rest_start, section_end)
        value = _value(body, rest_start, section_end)
        if value:
            entry["report"] = text.evidence(value, rest_start, section_end, 0.85)
        reports[heading.label] = entry
    return reports


#: A line that may open a point's report: a capital first, no marker.
REPORT_OPENING = regex.compile(r"^[\f \t]*(?=\p{Lu}\p{Ll})", regex.M)


def _lost_first_heading(
    body: str, nlp: Language, headings: list[_Heading], drafts: list[_Draft], end: int
) -> _Heading | None:
    """The heading OCR lost before the first report (a bold ``Zu 1.`` Tesseract's layout left
    out): after the list's last marker, before the first heading read (``Zu 2.``), a line
    opening with a status sentence (``Die Umsetzung ist erfolgt.``) starts the report on a
    point no heading names. It is the one such point before the first heading's, or the one
    whose own words the report names (:func:`pipeline.cleanup.markers.point_by_content`);
    else none (a letter may report on some points only: seed 127 begins at ``Zu 3.``)."""
    if not headings or not drafts or headings[0].label is None:
        return None
    first = regex.match(r"\d+", headings[0].label)
    if first is None:
        return None
    named = {int(n.group()) for h in headings if h.label and (n := regex.match(r"\d+", h.label))}
    candidates = [
        int(d.label)
        for d in drafts
        if d.label.isdigit() and int(d.label) < int(first.group()) and int(d.label) not in named
    ]
    if not candidates:
        return None
    last_marker = max(
        [d.text_start for d in drafts] + [c.text_start for d in drafts for c in d.children]
    )
    line_end = body.find("\n", last_marker)
    for opening in REPORT_OPENING.finditer(body, line_end + 1 if line_end >= 0 else end, end):
        line = body[opening.end() : body.find("\n", opening.end()) % (len(body) + 1)]
        doc = nlp(line)
        spans = list(doc.spans["status"])
        if not spans or spans[0].start_char != 0:
            continue
        if len(candidates) == 1:
            label = candidates[0]
        else:
            from pipeline.cleanup.lines import split_lines
            from pipeline.cleanup.markers import point_by_content

            section = body[opening.end() : headings[0].start]
            found = point_by_content(split_lines(body), opening.end(), section, candidates)
            if found is None:
                return None
            label = found[0]
        return _Heading(opening.end(), opening.end(), str(label), inferred=True)
    return None


def _labels(drafts: list[_Draft]) -> list[str]:
    return [label for d in drafts for label in [d.label, *_labels(d.children)]]


def extract_points(text: Text, nlp: Language) -> list[Point]:
    """Points with hierarchy, each with its status report where one is given."""
    body = text.text
    salutation = SALUTATION_END.search(body)
    start = salutation.end() if salutation else 0
    headings = _headings(body, start, len(body))
    point_end = headings[0].start if headings else len(body)
    closing = CLOSING.search(body, start, point_end)
    point_end = closing.start() if closing else point_end
    reported = frozenset(
        int(number.group())
        for heading in headings
        if heading.label and (number := regex.match(r"\d+", heading.label))
    )
    drafts = _point_drafts(body, start, point_end, reported)
    lost = _lost_first_heading(body, nlp, headings, drafts, point_end)
    if lost is not None:
        headings.insert(0, lost)
        drafts = _point_drafts(body, start, lost.start, reported)
    reports: dict[str, dict[str, object]] = {}
    if headings:
        closing = CLOSING.search(body, headings[0].start)
        report_end = closing.start() if closing else len(body)
        labelled = _label_headings(headings, _labels(drafts))
        reports = _reports(text, nlp, labelled, report_end)

    def build(draft: _Draft) -> Point:
        own_end = draft.children[0].start if draft.children else draft.end
        own_end = _trim_residue(body, draft.text_start, own_end)
        value = _value(body, draft.text_start, own_end)
        entry = reports.get(draft.label, {})
        return Point(
            label=draft.label,
            level=draft.level,
            text=text.evidence(value, draft.text_start, own_end, 0.5 if draft.inferred else 0.85),
            children=[build(child) for child in draft.children],
            **entry,  # type: ignore[arg-type]
        )

    return [build(draft) for draft in drafts]


def flatten(points: list[Point]) -> list[Point]:
    """Points and their children in document order."""
    out: list[Point] = []
    for point in points:
        out.append(point)
        out.extend(flatten(point.children))
    return out
