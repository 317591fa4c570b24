"""Reflow: join the lines of a paragraph; keep paragraph breaks, list items and headings."""

from __future__ import annotations

import itertools

import regex

from pipeline.cleanup.context import CleanupContext
from pipeline.cleanup.edits import Edit
from pipeline.cleanup.lines import (
    LIST_MARKER,
    SENTENCE_END,
    ZU_HEADING,
    Line,
    split_lines,
)
from pipeline.lexicon import Lexicon
from pipeline.patterns import RESOLUTION_NUMBER, SESSION_NUMBER

BLOCK_OPENERS = regex.compile(
    r"^\s*(?:Sehr\s+geehrte|Liebe\s|Mit\s+freundlichen|Freundliche\s+Grüße|Kenntnisnahme|"
    r"Anlagen?\s*(?::|\d|$)|Verteiler\s*:|Datum\s*:|GZ\s*:|Az\.|AZ\.|AZ\s*:|Aktenzeichen\s*:|Beschlusskontrolle\s+zu|Betreff\s*:|Betr\.)"
)
#: A heading naming the document type and its resolution stands alone ("Beschlusskontrolle zum
#: Beschluss V0599/15 vom 12.03.2015"); the title on the next line is its own paragraph.
HEADING = regex.compile(
    r"^\s*(?:Abschlussbericht|Zwischenbericht|Sachstandsbericht|Beschlusskontrolle|"
    r"Beschlussvorlage|Beschlussausfertigung|Niederschrift|Betreff\s*:|Betr\.)"
)
#: Nouns after which a heading goes on with a number ("… und zum Änderungsantrag⏎A0178/15").
CONNECTING_NOUNS = frozenset({"Beschluss", "Antrag", "Änderungsantrag", "Vorlage", "Beschlüsse"})
#: A line of at least this many characters is body text that may continue on the next line.
#: Absolute on purpose: the decision must be the same on the cleaned text (idempotence), whose
#: width says nothing about the page. Typed letters have 75-100 characters a line.
LONG_LINE = 55
#: ... and at least this many when the next line starts lower case.
CONTINUED_LINE = 40
#: A full line before a blank line continues only if it reads as a sentence (not a letterhead).
SENTENCE_WORDS = 10
#: Longer lines are already paragraphs (no page is this wide): never joined by length.
LOGICAL_LINE = 130


def _ends_sentence(line: Line) -> bool:
    return line.text.rstrip().endswith(SENTENCE_END)


def _closed_heading(text: str, following: str, lexicon: Lexicon) -> bool:
    """A resolution heading that is complete: it names an identifier, does not end on a
    connecting word, and the next line does not start with another identifier."""
    if not HEADING.match(text) or text.endswith(SENTENCE_END):
        return False
    if not (RESOLUTION_NUMBER.search(text) or SESSION_NUMBER.search(text)):
        return False
    if RESOLUTION_NUMBER.match(following) or SESSION_NUMBER.match(following):
        return False
    last = text.split()[-1]
    return not lexicon.is_function_word(last) and last not in CONNECTING_NOUNS


def _join_reason(line: Line, nxt: Line, blanks: int, lexicon: Lexicon) -> str | None:
    """Why ``line`` continues in ``nxt`` (None: it does not)."""
    text, following = line.text.rstrip(), nxt.text.lstrip()
    if LIST_MARKER.fullmatch(text.strip()):
        return "list marker joined to its text"
    if LIST_MARKER.match(following) or ZU_HEADING.match(following) or ZU_HEADING.match(text):
        return None
    if BLOCK_OPENERS.match(following):
        return None
    if "\t" in text:
        return None  # a row of a two-column block (OCR marks a column gap with a tab)
    length = len(text.strip())
    if length > LOGICAL_LINE or _closed_heading(text, following, lexicon):
        return None
    lower_next = following[:1].islower()
    if text.endswith("-") and not text.endswith(" -"):
        return "line ends with a hyphen word" if length >= CONTINUED_LINE else None
    if blanks == 0:
        if length >= LONG_LINE:
            return "line of a paragraph"
        if lower_next and not _ends_sentence(line) and length >= CONTINUED_LINE:
            return "line of a paragraph (continues lower case)"
        return None
    if _ends_sentence(line) or length < CONTINUED_LINE:
        return None
    last_word = regex.search(r"\p{L}+$", text)
    if lower_next:
        return "spurious blank line inside a sentence"
    if last_word and lexicon.is_function_word(last_word.group()) and last_word.group().islower():
        return "spurious blank line after a function word"
    sentence_like = len(text.split()) >= SENTENCE_WORDS and "|" not in text
    if length >= LONG_LINE and sentence_like and (text[-1:].islower() or text.endswith(",")):
        return "spurious blank line after a full line"
    return None


def reflow(text: str, ctx: CleanupContext) -> list[Edit]:
    """Join paragraph lines with a space; one blank line between paragraphs.

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("reflow", "1.\\n\\nDie Stadt hat die Kampagne in vollem Umfang unterstützt und\\n"
    ...            "die Mittel bereitgestellt.\\n\\n\\nZu 1.\\nUmgesetzt.")
    '1. Die Stadt hat die Kampagne in vollem Umfang unterstützt und die Mittel bereitgestellt.\\n\\nZu 1.\\nUmgesetzt.\\n'
    """
    lexicon: Lexicon = ctx.lexicon
    lines = split_lines(text)
    content = [line for line in lines if not line.blank]
    edits: list[Edit] = []
    if content and content[0].start > 0:
        edits.append(Edit(0, content[0].start, "", "leading blank lines", 1.0))
    for line, nxt in itertools.pairwise(content):
        end = line.start + len(line.text.rstrip())
        start = nxt.start + len(nxt.text) - len(nxt.text.lstrip())
        gap = text[end:start]
        blanks = gap.count("\n") - 1
        reason = _join_reason(line, nxt, blanks, lexicon)
        wanted = " " if reason else ("\n" if blanks == 0 else "\n\n")
        if gap != wanted:
            confidence = 0.9 if blanks == 0 or reason is None else 0.7
            edits.append(
                Edit(end, start, wanted, reason or "blank lines between paragraphs", confidence)
            )
    if content:
        last = content[-1]
        end = last.start + len(last.text.rstrip())
        if text[end:] != "\n":
            edits.append(Edit(end, len(text), "\n", "text ends with one line end", 1.0))
    return edits
