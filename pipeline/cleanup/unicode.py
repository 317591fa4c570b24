"""Unicode repairs: line ends, NFC, invisible characters, spaces, quote pairs and dashes."""

from __future__ import annotations

import unicodedata

import regex

from pipeline.cleanup.context import CleanupContext
from pipeline.cleanup.edits import Edit

_NOT_NFC = regex.compile(r"\P{M}\p{M}+")
_INVISIBLE = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]|\u00ad(?!\n)")
_ODD_SPACE = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_DOUBLE_QUOTE = regex.compile(r"[\"“”„]")
_DASH = regex.compile(r"(?<=\s|^)(?:-|[\u2012\u2014\u2015\u2212])(?=\s|$)|[\u2012\u2015\u2212]")


def normalize_unicode(text: str, ctx: CleanupContext | None = None) -> list[Edit]:
    """Carriage returns, NFC, invisible characters, odd spaces, soft hyphens at line ends.

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("normalize_unicode", "Ma\\u0308rz\\r\\nStadt\\u00a0Dresden Vertrete\\u00ad\\nrin")
    'März\\nStadt Dresden Vertrete-\\nrin'
    """
    edits: list[Edit] = []
    for match in regex.finditer(r"\r\n?", text):
        edits.append(Edit(match.start(), match.end(), "\n", "line end normalised to \\n"))
    for match in _NOT_NFC.finditer(text):
        composed = unicodedata.normalize("NFC", match.group())
        if composed != match.group():
            edits.append(Edit(match.start(), match.end(), composed, "Unicode NFC composition"))
    for match in _INVISIBLE.finditer(text):
        edits.append(Edit(match.start(), match.end(), "", "invisible control character removed"))
    for match in regex.finditer("\u00ad(?=\n)", text):
        edits.append(Edit(match.start(), match.end(), "-", "soft hyphen at line end made visible"))
    for match in _ODD_SPACE.finditer(text):
        edits.append(Edit(match.start(), match.end(), " ", "special space made a plain space"))
    return edits


def normalize_punctuation(text: str, ctx: CleanupContext | None = None) -> list[Edit]:
    """German quote pairs „…“ and the dash – between spaces; ``§`` and hyphens stay.

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("normalize_punctuation", 'Flüchtlinge aufnehmen - Kampagne "Eine Stadt sagt JA"')
    'Flüchtlinge aufnehmen – Kampagne „Eine Stadt sagt JA“'
    """
    edits: list[Edit] = []
    for match in _DOUBLE_QUOTE.finditer(text):
        start = match.start()
        before = text[start - 1] if start else " "
        after = text[start + 1] if start + 1 < len(text) else " "
        if before.isspace() or (before in "([{–-/" and not after.isspace()):
            wanted = "„" if not after.isspace() else match.group()
        elif not before.isspace():
            wanted = "“"
        else:
            wanted = match.group()
        if wanted != match.group():
            edits.append(Edit(start, match.end(), wanted, "German quotation marks „…“"))
    for match in _DASH.finditer(text):
        if match.group() != "–":
            edits.append(Edit(match.start(), match.end(), "–", "dash between words as en dash"))
    return edits
