"""Signature and scribble noise: lines that are not language, signatures OCRed as words,
stray marks glued to words."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import regex

from pipeline.cleanup.context import LOW_CONFIDENCE, CleanupContext
from pipeline.cleanup.edits import Edit
from pipeline.cleanup.lines import LIST_MARKER, ZU_HEADING, Line, line_removal_span, split_lines
from pipeline.lexicon import Lexicon
from pipeline.patterns import protected_spans

#: Glyphs of pen strokes and scribbles; brackets, quotes and slashes are punctuation of text.
NOISE_SYMBOLS = frozenset("■□▪▫●•◆~^|\\{}<>_=*#@¬°`´")
STRAY_MARK = regex.compile(r"(?<=\p{L}{2})[\^`´~|\\'°]+(?=\s|$)|(?<=^|\s)[\^`´~|\\°_]+(?=\p{L}{2})")
SIGNATURE_ZONE_OPENERS = regex.compile(
    r"^\s*(?:Mit\s+freundlichen|Freundliche\s+Grüße|Hochachtungsvoll|Kenntnisnahme|"
    r"Im\s+Auftrag|i\.\s?A\.|gez\.)"
)
#: A lone token that cannot be a word: letters and digits mixed inside (``Helma0fosz``).
MIXED_TOKEN = regex.compile(r"(?=[^\d]*\d)(?=(?:[^\p{Ll}]*\p{Ll}){3})[\p{L}\d|!]{6,}")
#: A two- or three-letter token rarer than this (``ae``, ``nn``, ``Era``) is no German word;
#: short words the form lists lack are more frequent (``nie`` 5.7, ``elf`` 4.5, ``seh`` 4.5).
SHORT_WORD_ZIPF = 4.4
CAMEL_TOKEN = regex.compile(r"\p{Lu}\p{Ll}{2,}\p{Lu}\p{Ll}{2,}")


def _words(text: str) -> list[str]:
    return regex.findall(r"\p{L}+", text)


def is_noise_line(line: str, lexicon: Lexicon) -> bool:
    """A line that is not language: mostly symbols, or symbols and no known word.

    >>> from pipeline.lexicon import default_lexicon
    >>> lex = default_lexicon()
    >>> is_noise_line("i ■ (/", lex), is_noise_line("a)", lex), is_noise_line("(GB 5) 50.01", lex)
    (True, False, False)
    """
    stripped = line.strip()
    if not stripped or LIST_MARKER.fullmatch(stripped) or ZU_HEADING.match(stripped):
        return False
    if protected_spans(stripped):
        return False
    if any(len(word) >= 3 and lexicon.known(word) for word in _words(stripped)):
        return False
    if any(len(word) >= 5 for word in _words(stripped)):
        return False  # five letters in a row are a (maybe damaged) word, not a scribble
    visible = stripped.replace(" ", "")
    letters = sum(ch.isalpha() for ch in visible)
    if letters / len(visible) < 0.5:
        return True
    return any(ch in NOISE_SYMBOLS for ch in visible) and not any(
        len(word) >= 2 and lexicon.known(word) for word in _words(stripped)
    )


def _signature_zone_start(lines: list[Line]) -> int:
    for line in lines:
        if SIGNATURE_ZONE_OPENERS.match(line.text):
            return line.index
    return max(0, len(lines) - 12)


def is_signature_word(token: str, lexicon: Lexicon, *, in_signature_zone: bool) -> bool:
    """A signature OCRed as one word: ``Helma0fosz``; in the signature zone also ``BurkhardJung``.

    >>> from pipeline.lexicon import default_lexicon
    >>> lex = default_lexicon()
    >>> is_signature_word("Helma0fosz", lex, in_signature_zone=False)
    True
    >>> is_signature_word("Seidel", lex, in_signature_zone=True)
    False
    """
    if len(token) < 5 or (protected_spans(token) and not MIXED_TOKEN.fullmatch(token)):
        return False
    if lexicon.known(token):
        return False
    if MIXED_TOKEN.fullmatch(token):
        return True
    return (
        in_signature_zone
        and bool(CAMEL_TOKEN.fullmatch(token))
        and not lexicon.known(regex.sub(r"(?<=\p{Ll})(?=\p{Lu})", "", token).lower())
    )


def is_unsure_line(line: str, lexicon: Lexicon, *, in_signature_zone: bool) -> bool:
    """Could this line, read with low OCR confidence throughout, be ink that is not print?
    Yes when no word in it is a German form in its case (``CHATTEN``, ``nn``, ``Bas``). Outside
    the signature zone a run of five letters is kept as a damaged word (``Cbemnitz``).

    >>> from pipeline.lexicon import default_lexicon
    >>> lex = default_lexicon()
    >>> is_unsure_line("CHATTEN", lex, in_signature_zone=True)
    True
    >>> is_unsure_line("Cbemnitz", lex, in_signature_zone=False)
    False
    >>> is_unsure_line("Verfügung.", lex, in_signature_zone=True)
    False
    """
    stripped = line.strip()
    if not stripped or LIST_MARKER.match(stripped) or ZU_HEADING.match(stripped):
        return False
    if protected_spans(stripped):
        return False
    words = regex.findall(r"\p{L}{2,}", stripped)
    if any(lexicon.is_form(word) or lexicon.is_function_word(word) for word in words):
        return False
    return in_signature_zone or not any(len(word) >= 5 for word in words)


#: The head of a word broken at a line's end (``festzule-``), at the end of the text before.
BROKEN_HEAD = regex.compile(r"(?<![\p{L}-])(\p{L}{2,})-(?:[ \t]*[-–.,:;'’‘·])*\s*$")
BROKEN_TAIL = regex.compile(r"[-–.,:;'’‘·„“”‚\"]*(\p{Ll}+)")
#: How far back a broken word's head is looked for (its line, and blank lines after it).
BROKEN_HEAD_REACH = 200


def broken_tail(before: str, token: str, lexicon: Lexicon) -> bool:
    """Is ``token``, first on its line, the tail of a word broken at the end of ``before``
    (the text up to its line): lower-case letters, behind specks at most, that make a known
    word with the head (``festzule-⏎gen.``, ``Radfahrstrei-⏎„fen``, ``Ortschaftsrä-. .⏎te.``)?
    OCR reads such a short tail unsurely, but it is no noise.

    >>> from pipeline.lexicon import default_lexicon
    >>> lex = default_lexicon()
    >>> broken_tail("Minderung festzule-", "gen.", lex), broken_tail("Minderung -", "gen.", lex)
    (True, False)
    """
    tail = BROKEN_TAIL.match(token)
    if not tail:
        return False
    head = BROKEN_HEAD.search(before[-BROKEN_HEAD_REACH:])  # the line before, blank lines
    return bool(head and lexicon.known(head.group(1) + tail.group(1)))


def remove_noise_lines(text: str, ctx: CleanupContext) -> list[Edit]:
    """Drop lines of scribble (``i ■ (/``) and signatures OCRed as a word (``Helma0fosz``).

    With OCR evidence, also a line that OCR read with low confidence throughout and that holds
    no German word (``CHATTEN`` under a signature, ``nn`` from a stamp).

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("remove_noise_lines", "Dirk Hubert\\ni ■ (/\\nHelma0fosz\\n")
    'Dirk Hubert\\n'
    """
    lexicon: Lexicon = ctx.lexicon
    lines = split_lines(text)
    zone = _signature_zone_start(lines)
    edits: list[Edit] = []
    for line in lines:
        if line.blank:
            continue
        start, end = line_removal_span(text, line)
        tokens = line.stripped.split()
        in_zone = line.index >= zone
        confidence = ctx.confidence(line.start, line.end)
        if tokens and broken_tail(text[: line.start], tokens[0], lexicon):
            continue
        if is_noise_line(line.text, lexicon):
            edits.append(
                Edit(start, end, "", "line is not language (scribble or stamp noise)", 0.85)
            )
        elif len(tokens) == 1 and is_signature_word(tokens[0], lexicon, in_signature_zone=in_zone):
            edits.append(Edit(start, end, "", "signature OCRed as a word", 0.8))
        elif (
            confidence is not None
            and confidence < LOW_CONFIDENCE
            and is_unsure_line(line.text, lexicon, in_signature_zone=in_zone)
        ):
            what = "signature" if in_zone else "stamp or scan noise"
            reason = (
                f"{what} read as text: no German word, OCR confidence at most "
                f"{confidence:.0f} (< {LOW_CONFIDENCE:.0f})"
            )
            edits.append(Edit(start, end, "", reason, 0.8))
    return edits


def is_junk_token(token: str, lexicon: Lexicon) -> bool:
    """A token whose shape is not language: marks alone (``—_``, ``‘``, ``==``), letters mixed
    with digits and scribble glyphs (``eseu=3``), or one to three letters that are no German
    word or abbreviation (``ae``, ``nn``, ``L``; acronyms such as ``GB`` are words). Only a low OCR confidence
    makes it noise.

    >>> from pipeline.lexicon import default_lexicon
    >>> lex = default_lexicon()
    >>> [is_junk_token(t, lex) for t in ("—_", "o7a0a7", "ae", "am", "Nie", "z.", "2.", "__Az.:")]
    [True, True, True, False, False, False, False, False]
    """
    if protected_spans(token) or LIST_MARKER.fullmatch(token):
        return False
    letters = sum(ch.isalpha() for ch in token)
    digits = sum(ch.isdigit() for ch in token)
    if not letters:
        return not digits
    core = regex.sub(r"^[\p{P}\p{S}]+|[\p{P}\p{S}]+$", "", token)
    if digits:
        return any(ch in NOISE_SYMBOLS for ch in token) or bool(MIXED_TOKEN.fullmatch(core))
    if not regex.fullmatch(r"\p{L}{1,3}", core):
        return False
    if core in ABBREVIATIONS and core + "." in token:
        return False  # "Az.:", "z."
    if len(core) == 1:
        return True
    if core.isupper():
        return False  # an acronym: "(GB 5)", "SPD"
    # Short words the form lists lack ("nie", "gar", "hin") are frequent; OCR's guesses are not.
    return lexicon.zipf(core.lower()) < SHORT_WORD_ZIPF and not any(
        lexicon.known(form) or lexicon.is_function_word(form) for form in (core, core.lower())
    )


def remove_noise_tokens(text: str, ctx: CleanupContext) -> list[Edit]:
    """Drop tokens that OCR read with low confidence and whose shape is not language: the ink
    of a signature stroke or a stamp next to printed words (``Michael Krüger -``, ``‘
    Oberbürgermeister``, ``Dorothee Weißbach en —- L``). Needs OCR evidence: without word
    confidences nothing is removed, and a token read with confidence 40 or more stays.

    >>> from pipeline.cleanup import clean_with
    >>> from pipeline.cleanup.context import OcrWord
    >>> words = [OcrWord(0, 7, 96.0), OcrWord(8, 14, 96.0), OcrWord(15, 16, 0.0)]
    >>> clean_with("remove_noise_tokens", "Michael Krüger -\\n", words=words)
    'Michael Krüger\\n'
    >>> clean_with("remove_noise_tokens", "Michael Krüger -\\n")
    'Michael Krüger -\\n'
    """
    if not ctx.words:
        return []
    lexicon: Lexicon = ctx.lexicon
    edits: list[Edit] = []
    for line in split_lines(text):
        tokens = list(regex.finditer(r"\S+", line.text))
        junk = []
        for token in tokens:
            start, end = line.start + token.start(), line.start + token.end()
            words = ctx.words_in(start, end)
            # The token must be one OCR word (not text a repair wrote or joined).
            if len(words) != 1 or text[start:end] != token.group():
                continue
            if token.start() == len(line.text) - len(line.text.lstrip()) and broken_tail(
                text[: line.start], token.group(), lexicon
            ):
                continue
            if words[0].confidence < LOW_CONFIDENCE and is_junk_token(token.group(), lexicon):
                junk.append((token, words[0].confidence))
        if not junk or len(junk) == len(tokens):
            continue  # a line of junk alone is for remove_noise_lines to judge
        for token, confidence in junk:
            start, end = line.start + token.start(), line.start + token.end()
            # Take the space before the token (at the line start: the space after it). A tab
            # is a column gap (pipeline.ocr): it stays unless nothing follows on the line.
            prefix, suffix = line.text[: token.start()], line.text[token.end() :]
            before = len(prefix) - len(prefix.rstrip(" \t"))
            after = len(suffix) - len(suffix.lstrip(" \t"))
            gap_before = prefix[len(prefix) - before :]
            at_line_end = token.end() + after == len(line.text)
            if token.start() - before > 0 and ("\t" not in gap_before or at_line_end):
                start -= before
            else:
                end += after
            reason = (
                f"mark read with OCR confidence {confidence:.0f} (< {LOW_CONFIDENCE:.0f}) "
                "and no word shape (signature or stamp ink)"
            )
            edits.append(Edit(start, end, "", reason, 0.8))
    return _disjoint(edits, text)


def _disjoint(edits: list[Edit], text: str = "") -> list[Edit]:
    """Edits that do not overlap; removals that share a gap (``berücksichtigt.\\tS\\tE``) are
    merged into one, which at a line end also takes the gap before it."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: e.start):
        if kept and edit.start < kept[-1].end:
            last = kept[-1]
            if last.after or edit.after:
                continue
            start, end = last.start, max(last.end, edit.end)
            if text and (end == len(text) or text[end] == "\n"):
                start = len(text[:start].rstrip(" \t"))
            kept[-1] = replace(last, start=start, end=end)
            continue
        kept.append(edit)
    return kept


def remove_stray_marks(text: str, ctx: CleanupContext) -> list[Edit]:
    """Strip marks glued to a word by a pen stroke (``Grüßen^`` → ``Grüßen``).

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("remove_stray_marks", "Mit freundlichen Grüßen^")
    'Mit freundlichen Grüßen'
    """
    lexicon: Lexicon = ctx.lexicon
    edits: list[Edit] = []
    for match in STRAY_MARK.finditer(text):
        word = regex.search(r"\p{L}+$", text[: match.start()]) or regex.match(
            r"\p{L}+", text[match.end() :]
        )
        if word and lexicon.known(word.group()):
            edits.append(Edit(match.start(), match.end(), "", "stray mark next to a word", 0.9))
    return edits


#: A mark right after an indefinite article's inflected form or ``dem``/``des`` before a
#: capitalised word (``einem, Abschluss``, ``eine. Ad-hoc-Arbeitsgruppe``): the article stands
#: before its noun. ``ein`` (a verb's particle may end a sentence: ``reicht ihn ein.``) and
#: ``der``/``die``/``das``/``den`` (pronouns before a comma or a colon) are left out.
ARTICLE_NOUN_MARK = regex.compile(
    r"(?<![\p{L}\d\-])(?P<word>[Ee]ine[mnrs]?|[Dd]em|[Dd]es)(?P<mark>[,:;.])"
    r"(?=[ \t]+(?P<after>\p{Lu}[\p{L}]*(?:-[\p{L}]+)*)(?![\p{L}\d-]))"
)
#: Abbreviations that end with a dot inside a sentence ("bzw. die", "Abs. 2"); never touched.
ABBREVIATIONS = frozenset(
    [
        "bzw",
        "ggf",
        "vgl",
        "inkl",
        "evtl",
        "ca",
        "bspw",
        "usw",
        "etc",
        "Abs",
        "Nr",
        "Str",
        "gem",
        "lt",
        "zzgl",
        "abzgl",
        "Mio",
        "Mrd",
        "Tsd",
        "Dr",
        "Prof",
        "Hr",
        "Fr",
        "St",
        "z",
        "B",
        "d",
        "h",
        "u",
        "a",
        "o",
        "ä",
        "s",
        "S",
        "v",
        "Anl",
        "Az",
        "Bd",
        "Kap",
        "Ziff",
        "Art",
        "Tel",
        "Fax",
    ]
)
SPECKLE = regex.compile(
    r"(?<=(?<![\p{L}.])(?P<before>\p{L}{2,}))"
    r"(?P<mark>\.{1,2}[ \t]?|['’,][ \t]?|['’‘`´]{2}|[‘‚`´]|[ \t][.'’,])(?=(?P<after>\p{L}{2,})\b)"
)
#: A web address: no word of the sentence before it (a court decision's footer follows its
#: last sentence).
WEB_ADDRESS = regex.compile(r"(?:https?://|www\.)")
#: Articles and contractions: a noun or its adjective follows them, never a dash alone.
ARTICLES = frozenset({"der", "die", "den", "dem", "des", "zur", "zum", "im", "am", "beim", "vom", "ins"})  # fmt: skip
#: Words that cannot end a sentence: articles, contractions of a preposition and an article,
#: conjunctions between two parts, prepositions no verb takes as its particle ("das" and "ein"
#: can: "Wir begrüßen das.", "Er reicht ihn ein."; so can "mit", "an", "zu": "Er kommt mit.";
#: "in" is no verb's particle: "hinein" is).
NO_SENTENCE_END = ARTICLES | {
    "und", "oder", "sowie", "eine", "einen", "einem", "als", "von", "für", "in",
}  # fmt: skip
#: Possessive determiners with an ending: a noun follows them, no sentence ends with them.
POSSESSIVES = frozenset(
    f"{stem}{ending}"
    for stem in ("ihr", "sein", "unser", "eur", "mein", "dein")
    for ending in ("e", "en", "em", "er", "es")
)
#: Number words: common words that no lexicon lists as forms (``über.drei Jahre``).
NUMBER_WORDS = frozenset(
    {"zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"}
    | {"zwanzig", "dreißig", "hundert"}
)
#: Words a colon never follows: articles and prepositions no verb takes as its particle
#: (``eine:⏎Zeit``, ``für: Denkmalpflege``; ``führt aus:``, ``teilt mit:`` and ``räumt ein:``
#: introduce what follows), and conjunctions between two parts (``Fraktionen sowie:
#: Stadträtinnen``, seed 227 scan-002). A label's colon follows a noun (``Datum:``).
NO_COLON_AFTER = frozenset({
    "zur", "zum", "im", "am", "beim", "vom", "eine", "einen", "einem", "einer", "eines", "für",
    "von", "seit", "bis", "gegen", "ohne", "zwischen", "in", "diesem", "diesen", "jedem", "jeden",
    "als", "und", "oder", "sowie",
})  # fmt: skip
#: Articles that stand as demonstratives before a colon too (``Die Frage ist die: Wer …``):
#: only a lower-case word that is no function word after the colon makes it a speck
#: (``die:⏎durchschnittliche``).
DEMONSTRATIVE_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})
#: Prepositions: an article after one is no demonstrative, and no colon follows it (``In der:
#: Pflanzperiode``).
ARTICLE_PREPOSITIONS = frozenset({
    "in", "an", "auf", "aus", "mit", "nach", "bei", "unter", "über", "vor", "durch", "für",
    "von", "zu", "zwischen", "gegen", "seit", "bis", "hinter", "neben", "ohne", "um", "wegen",
    "trotz", "während", "gemäß", "laut", "entlang", "innerhalb", "außerhalb",
})  # fmt: skip
#: Words a clause opens with after a demonstrative's colon (``Die Frage ist die: Wer …``).
CLAUSE_OPENERS = frozenset({
    "wer", "was", "wie", "wo", "wann", "warum", "weshalb", "welche", "welcher", "welches", "ob",
    "dass", "wenn", "weil", "er", "sie", "es", "wir", "ihr", "man", "ich", "du",
})  # fmt: skip
#: Prepositions a number follows and no sentence ends with (``über.⏎4,79 Mio.``); ``ab``,
#: ``an``, ``auf`` and ``aus`` end sentences as a verb's particle.
NUMBER_PREPOSITIONS = frozenset(
    {"für", "über", "seit", "von", "vom", "zum", "zur", "im", "am", "beim", "bis", "um"}
)
#: A colon a speck put after a lower-case article or preposition inside a line, before a
#: word (not a list's marker).
FUNCTION_WORD_COLON = regex.compile(
    r"(?<![\p{L}.])(?P<word>\p{Ll}{2,8}):(?=[ \t]+(?![a-z]\)|\d{1,2}[.)][ \t])[\p{L}\d])"
)
#: A mark standing alone between two tokens of a line (``in den . Abendstunden``, ``der -
#: Verwaltung``, ``Verfügung. .``); what follows may be on the next line.
LONE_MARK = regex.compile(
    r"(?<=\S)(?P<gap>[ \t]+)(?P<mark>[.,'’‘‚`´°·*]{1,2}|[-–—])(?=[ \t]*(?:\n|$)|[ \t]+\S)"
)
#: A full stop alone opening a line before a word (``ohne zusätzliche⏎. Mittel``, ``Zu 1.⏎.
#: Der Beschlusspunkt``, ``im öffentlichen⏎⏎. Raum``): print starts no line with one, so it
#: is a speck unless it may be the line above's own stop (``Die Stadt prüft⏎. Der Rat``).
#: A point's label alone on its line (``2a)``, ``Zu 1a)``, ``Zu Punkt b)``).
POINT_LABEL = regex.compile(r"(?:Zu[ \t]+(?:Punkt[ \t]+)?)?\d{0,2}[a-z]?\)")
LINE_OPENING_STOP = regex.compile(
    r"(?<=\S(?P<gap>[ \t]*\n(?:[ \t]*\n)*)[ \t]*)(?P<mark>\.)(?P<space>[ \t]+)(?=[‚'’`]?\p{L})"
)
#: A mark glued between a month or a year's noun and its year (``im Juli.2013``,
#: ``Haushaltsjahr.2021``, ``Schuljahr-2022/2023``): the year belongs to the word (``Ende.2020``
#: may end a sentence before a year and stays, and so does a compound: ``Jahr-2000-Problem``).
MARK_BEFORE_YEAR = regex.compile(
    r"(?<![\p{L}-])(?P<word>Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
    r"|November|Dezember|\p{L}*jahr|Jahr)(?P<mark>[.,:;-]|[ \t][.,:;])(?=(?:19|20)\d\d(?![\d-]|\.\d))"
)
#: A degree sign glued to a year of this century or the last (``Sommer 2018°``): no angle or
#: temperature is that large (``45°`` stays).
YEAR_DEGREE = regex.compile(r"(?<=(?<![\d.,/])(?:19|20)\d\d)°(?![CF\d])")
#: ``Mio.`` or ``Mrd.`` after a number, its stop read as a comma before the currency
#: (``3,78 Mio, EUR``): no list of amounts separates a number from its currency.
UNIT_COMMA = regex.compile(r"(?<=\d[ \t]+(?P<unit>Mio|Mrd|Tsd))(?P<mark>,)(?=[ \t]+(?:EUR|Euro|€))")
#: A dash alone before a paragraph's first word, the paragraph before ending its sentence
#: (``vorgelegt.⏎⏎- Die erforderlichen Maßnahmen``): a list's marker follows a colon or
#: stands before its neighbours too.
PARAGRAPH_DASH = regex.compile(
    r"(?<=(?P<end>[.!?])[ \t]*\n[ \t]*\n)(?P<mark>[ \t]*[-–—][ \t]+)(?=\p{Lu}\p{Ll})"
)
#: A dash alone after a sentence's or a list item's mark at a paragraph's end (``zu
#: errichten; –⏎⏎b)``): it ends nothing.
TRAILING_DASH = regex.compile(r"(?<=\p{L}[.;])[ \t]+[-–—](?=[ \t]*(?:\n[ \t]*\n|\Z))")
#: Two words written apart are one word this frequent joined (bekanntgemacht 2.45).
SPECKLE_JOINED_ZIPF = 2.0
#: A full stop doubled by a speck before the next sentence or the line's end (``vorgelegt..
#: Für``, ``einbezogen..⏎``, ``verzögert..Es``: the space goes back); an ellipsis has three.
DOUBLE_STOP = regex.compile(
    r"(?<=\p{L}{2}\.)\.(?!\.)(?=[ \t]+\p{Lu}|[ \t]*(?:\n|$)|(?P<glued>\p{Lu}\p{Ll}))"
)
#: A word this long is a word when the lexicon knows it, however rare (Modulbauweise).
LONG_WORD = 10
#: A dot, colon or semicolon (or two) glued to the start of a word after a space (``Zustand,
#: .die Auslastung``, ``.Die Verwaltung``, ``berichtet :wurde``, ``Ende ..der``): no word
#: starts with one.
LEADING_MARK = regex.compile(r"(?<=^|\s)(?P<mark>[.:;]{1,2})(?=(?P<word>\p{L}{2,})\b)")
#: A comma or colon after a word that a noun must follow (``des, Landes``, ``zum: Jahr``),
#: or a colon after an article (``mit der: Landespolizei``; a comma may follow a demonstrative:
#: ``die, die kamen``).
AFTER_CONTRACTION = regex.compile(
    r"(?<![\p{L}\-])(?:(?P<word>des|zur|zum|im|am|beim|vom|ins|Des|Zur|Zum|Im|Am|Beim|Vom|Ins)"
    r"(?P<mark>[,:])|(?P<word>der|die|den|dem|Der|Die|Den|Dem)(?P<mark>:))"
    r"(?=[ \t]+(?P<after>\p{L}{2,})\b)"
)
#: A colon or semicolon glued between an article and a capitalised word, no space on either
#: side (``ein:Sicherheitskonzept``, ``der;Stadt``, ``Der:Beschlusspunkt`` opening a sentence):
#: a speck that took the space's place.
GLUED_ARTICLE_MARK = regex.compile(
    r"(?<![\p{L}\-])(?P<word>(?i:d)(?:er|ie|as|en|em|es)|(?i:e)in(?:|e|en|em|er|es))"
    r"(?P<mark>[:;])(?=(?P<after>\p{Lu}\p{Ll}{2,})\b)"
)
#: A full stop after a lower-case word with an adjective's ending before a capitalised word
#: (``die abweichende.⏎Regelung``, ``im zusätzlichen. Stellen``): an inflected adjective
#: stands before its noun and ends no sentence (a predicative one has no ending). The stop
#: may stand apart from the adjective and glued to the noun (``verbindliche .Zwischenziele``).
ADJECTIVE_STOP = regex.compile(
    r"(?<![\p{L}\-])(?P<word>\p{Ll}{3,}(?:e|en|er|es|em))(?:[ \t](?=\.\p{Lu}))?(?P<mark>\.)"
    r"(?=[ \t]*\n?[ \t]*(?P<after>\p{Lu}\p{Ll}{2,})\b)"
)
#: A mark after a word with an adjective's ending between a determiner and a capitalised word
#: (``des bestätigten. Haushaltes``, ``den weiteren. Fortgang``, ``der freien, Szene``), or
#: after a possessive between a preposition and a noun (``in seiner. Sitzung``): the word
#: stands before its noun. A determiner after a comma may be a relative pronoun, its verb
#: ending the clause (``Mittel, die ausreichen. Weitere``), and stays.
DETERMINER_ADJECTIVE_MARK = regex.compile(
    r"(?<![\p{L}\d\-])(?<!,[ \t]*)"
    r"(?:(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]en|[Dd]em|[Dd]es|[Ee]ine[nmrs]?|[Ee]in|[Ii]m|[Aa]m|[Zz]um|[Zz]ur"
    r"|[Vv]om|[Bb]eim|[Dd]iese[nmrs]?|[Jj]ede[nmrs]?|[Kk]eine[nmrs]?)[ \t]+"
    r"(?P<word>\p{Ll}{3,}(?:e|en|er|es|em))"
    r"|(?:in|mit|bei|von|aus|zu|nach|für|auf|an|über|unter|vor)[ \t]+"
    r"(?P<word>(?:ihr|sein|unser)(?:e|en|em|er|es)))"
    r"(?P<mark>[.,:])(?=[ \t]*\n?[ \t]*(?P<after>\p{Lu}\p{Ll}{2,})\b)"
)
#: The same after a sentence's first word, an inflected adjective in capitals
#: (``werden. Vergleichbare. Regelungen``): no sentence is the adjective alone.
OPENING_ADJECTIVE_STOP = regex.compile(
    r"(?<=[.!?][ \t]+)(?P<word>\p{Lu}\p{Ll}{2,}(?:e|en|er|es|em))(?P<mark>\.)"
    r"(?=[ \t]+(?P<after>\p{Lu}\p{Ll}{2,})\b)"
)
#: Quantifiers and ordinals inflected, which open a sentence before their noun and are never
#: a sentence alone (``Weitere. Schritte sind``); mid-sentence they may be pronouns ending
#: one (``Es gibt weitere.``).
OPENING_QUANTIFIERS = frozenset(
    stem + ending
    for stem in ("weiter", "mehrer", "einig", "verschieden", "einzeln", "zahlreich", "sämtlich",
                 "erst", "zweit", "dritt", "letzt", "nächst", "bisherig", "übrig", "folgend")
    for ending in ("e", "en", "er", "es", "em")
)  # fmt: skip
#: A second mark a speck glued after a comma, a semicolon or a colon before a lower-case word
#: (``ausgelobt;. die Jury``, ``vorzulegen,: das``, ``ergeben,.dass``) or at the line's end
#: (``erneuern;,``);
#: after a stop a comma may follow an abbreviation (``usw.,``), so the first mark is no stop.
SECOND_MARK = regex.compile(
    r"(?<=\p{L}[,;:])[.,:;](?=[ \t]+\p{Ll}|[ \t]*(?:\n|\Z))"
    # ... or glued to the lower-case word, the space taken (``ergeben,.dass``)
    r"|(?<=\p{L}[,;:])(?P<glued>[.,:;])(?=\p{Ll}{2,})"
)
#: A hyphen glued between a function word and a past participle (``kann nicht-umgesetzt
#: werden``, ``noch-nicht``: no): the speck took the space. Adjectives stay (``nicht-öffentlich``
#: is a spelling some councils use, ``über-örtlich`` is a word's damage of another kind).
FUNCTION_WORD_HYPHEN = regex.compile(
    r"(?<![\p{L}\d-])(?P<word>\p{Ll}{2,})-(?=(?P<after>(?:\p{Ll}{0,6}ge\p{Ll}{2,}[tn]|\p{Ll}{3,}iert)"
    r"e?)(?![\p{L}\d-]))"
)
#: A hyphen after a function word, a space and a word after it (``ist in- Teilen``, ``über-
#: Abweichungen``): no compound is suspended there unless a conjunction follows (``in- und
#: ausländische``, ``An- oder Abmeldung``), so the hyphen is a speck (the line's end is the
#: dehyphenation's; a word broken there, ``zu- vor``, is left).
SPACED_FUNCTION_WORD_HYPHEN = regex.compile(
    r"(?<![\p{L}\d-])(?P<word>\p{Ll}{2,})(?P<hyphen>-)[ \t]+(?=(?P<after>\p{L}{2,})\b)"
)
#: The conjunctions that may follow a suspended compound's hyphen.
SUSPENSION_CONJUNCTIONS = frozenset({"und", "oder", "sowie", "bzw", "beziehungsweise", "als"})
#: Endings of an adjective's stem (``abweichend``, ``zusätzlich``): with an inflection after
#: them the word is an attributive adjective, not a verb (``bestätigt|en`` may end a sentence).
ADJECTIVE_STEMS = ("lich", "ig", "isch", "end", "bar", "sam", "haft", "los")


def _attributive(word: str, lexicon: Lexicon) -> bool:
    """Is ``word`` an adjective stem of :data:`ADJECTIVE_STEMS` that the lexicon knows, with an
    inflection (``abweichende``, ``durchschnittliche``, ``zusätzlichen``), or a known word
    with a dative ``-em``, which no verb has (``mit hohem``; ``trotzdem`` and ``extrem`` end
    sentences: an adverb's ``-dem``, no inflection)?"""
    if word.endswith("em") and not word.endswith("dem") and lexicon.is_form(word):
        stem = word[:-2]
        return lexicon.is_form(stem) or lexicon.is_form(stem + "e")
    for ending in ("en", "er", "es", "em", "e"):
        stem = word.removesuffix(ending)
        if stem != word and stem.endswith(ADJECTIVE_STEMS) and lexicon.is_form(stem):
            return lexicon.is_form(word) or lexicon.zipf(word) > 0
    return False


#: A mark after an article or a contraction that a number or a date follows (``seit dem.
#: 16.02.2015``, ``wurde zum,⏎21.10.2017``): none of them ends a sentence or a clause there.
CONTRACTION_BEFORE_NUMBER = regex.compile(
    r"(?<![\p{L}\-])(?P<word>[Dd]em|[Dd]en|[Zz]um|[Zz]ur|[Ii]m|[Aa]m|[Vv]om|[Bb]eim)"
    r"(?P<mark>[.,:;])(?=[ \t]*\n?[ \t]*\d)"
)
#: A comma, colon or semicolon glued between a preposition and a number (``um,25 Prozent``,
#: ``in:20 Prozent``): a mark of the text has a space after it; a verb's particle ending a
#: sentence (``baut um. 2019``) keeps its stop.
PREPOSITION_MARK_NUMBER = regex.compile(
    r"(?<![\p{L}\-])(?P<word>[Uu]m|[Ii]n|[Ss]eit|[Bb]is|[Ff]ür|[Vv]on|[Üü]ber|[Aa]uf|[Mm]it|[Nn]ach)"
    r"(?P<mark>[,:;])(?=\d)"
)
#: Specks at a word broken at the line's end: after its hyphen (``Zwischen-.``, ``Er--``,
#: ``Straßenverkehrs- -``, ``Finanzierungs-:``) or before its tail on the next line
#: (``Ver-⏎. hältnis``, ``Magde-⏎„burg``, also on the next page: ``Abstim-⏎␌. mung``), which
#: goes on in lower case. No mark stands between a hyphen and the rest of its word.
HYPHEN_SPECKS = "-–.,:;'’‘·„“”‚\""
HYPHEN_TAIL_SPECK = regex.compile(
    rf"(?<=\p{{L}}{{2}}-)(?:[ \t]*[{HYPHEN_SPECKS}])+"
    rf"(?=[ \t]*\n(?:[ \t\f]*\n)*[ \t\f]*(?:[{HYPHEN_SPECKS[2:]}][ \t]*)?\p{{Ll}})"
)
#: A speck after a suspended compound's hyphen, before its conjunction, glued or in its space
#: (``Grund-. und Gewerbesteuer``, ``Integrations-.und``).
SUSPENSION_SPECK = regex.compile(
    r"(?<=\p{L}{2}-)(?P<speck>[.,:;'’‘·]{1,2}[ \t]*)(?=(?:und|oder|sowie|bzw\.)[ \t]+\p{L})"
)
#: A quotation opened with a low single mark glued to a word, a few words before the end of
#: the text it is searched in, with no other quotation mark after it (``‚Stadtbaum sucht
#: Pate``): a single mark there closes it. Specks read as quotation marks are many on poor
#: scans, so only this near an opening is one taken for a quotation.
OPEN_QUOTATION = regex.compile(r"(?<![^\s(])‚\p{L}[^'’‘‚\"“”„\n]{0,60}\Z")


def _closes_quotation(text: str, at: int, before: str, lexicon: Lexicon) -> bool:
    """Does a single mark at ``at`` after the word ``before`` close a quotation opened just
    before (:data:`OPEN_QUOTATION`)? Not after a function word: no quotation ends in one
    (``‚Beklagte könnte den’ entsprechenden``)."""
    return bool(OPEN_QUOTATION.search(text[:at])) and not lexicon.is_function_word(before)


#: A speck's hyphen glued after a sentence's stop before the next sentence's capital
#: (``begleitet.-Die Abstimmung``); an abbreviation's compound keeps it (``Dipl.-Ing.``).
STOP_HYPHEN = regex.compile(r"(?<=(?<!\p{L})(?P<before>\p{Ll}{4,})[.;:])-(?=\p{Lu}\p{Ll}+\b)")
#: A hyphen glued after a semicolon or a comma before a lower-case word (``umzusetzen;-über
#: Abweichungen``): no word starts with a hyphen, and no compound's part ends in a mark.
MARK_HYPHEN = regex.compile(r"(?<=\p{Ll}{2}[;,])-(?=\p{Ll}{2,})")
#: A speck's hyphen glued to a word before an article, an auxiliary verb or a preposition,
#: which no suspended compound stands before (``Kostenschätzung- wurde``, ``Verfahren- für``;
#: ``Grund- und``, ``Vor- wie Nachteile``, ``Montag- bis Freitag`` are suspended compounds).
SPACED_HYPHEN_TAIL = regex.compile(
    r"(?<=\p{L}{3})-(?=[ \t]+(?:der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines|ist|"
    r"sind|wird|werden|wurde|wurden|hat|haben|hatte|war|waren|für|von|vom|mit|nach|aus|bei|zum|"
    r"zur|im|am|in|an|auf|über|unter|durch|gegen|ohne|seit)\b)"
)
#: A speck's stop after ``unter`` before a noun and its genitive or dative article (``unter.
#: Leitung des Fachbereiches``, ``unter. Beteiligung der``): ``unter`` ends a sentence only as
#: a verb's particle (``bringt sie unter.``), and no sentence opens with a noun that has no
#: article before it and one after it.
UNTER_STOP = regex.compile(
    r"(?<=(?<![\p{L}.])[Uu]nter)[ \t]?\.(?=[ \t]+\p{Lu}\p{Ll}{3,}[ \t]+(?:des|der|dem|den)\b)"
)
#: ``und`` misread after a suspended compound's hyphen (``Zeit- ind Maßnahmenplanung``): no
#: other word stands there so spelt.
SUSPENSION_UND = regex.compile(r"(?<=\p{L}{2}-[ \t]+)(?:ind|umd|urid|uncl)(?=[ \t]+\p{Lu}\p{Ll})")
#: A speck read as a mark glued before a slash number (``Drucksache .17/2390``) or as a stop
#: glued between a year and a small word (``April 2017.im Wege``): no sentence goes on in
#: lower case after a year's stop.
NUMBER_SPECK = regex.compile(
    r"(?<=\s)[.,:;](?=\d{1,4}/\d{2,6}\b)"
    r"|(?<=(?<![\d.,/])(?:19|20)\d\d)\.(?=(?:im|in|am|an|auf|zu|zur|zum|der|die|das|den|dem|"
    r"des|und|oder|ein|eine|einen|einem|einer|wurde|wurden|ist|sind)\b)"
)
#: A speck's stop or comma between a word and a paper's number (``Drucksache. 14/6168``,
#: ``Drucksache . 8/4976``): no sentence opens with such a number (a year range may:
#: ``2014/2015 wurden``, so it has one or two digits before its slash).
STOP_BEFORE_PAPER = regex.compile(
    r"(?<=(?<![\p{L}.])(?P<before>\p{L}{4,}))[ \t]?[.,](?=[ \t]+\d{1,2}/\d{3,5}\b)"
)
#: A speck read as a tick between a number and a word glued to it (``7'zusätzliche``).
NUMBER_TICK = regex.compile(r"(?<=(?<![\p{L}\d])\d+)['’‘`´](?=(?P<word>\p{L}\p{Ll}{3,})\b)")
#: A suspended compound's hyphen read twice (``Integrations-- und``): one hyphen.
DOUBLED_SUSPENSION_HYPHEN = regex.compile(
    r"(?<=\p{L})-(?=-[ \t]+(?:und|oder|sowie|bis|bzw\.)[ \t])"
)
#: A stop glued between a document's number and a lower-case word (``Drucksache
#: 22/7383.dargestellt``): no sentence ends without a space, none starts in lower case.
SLASH_NUMBER_GLUED_STOP = regex.compile(r"(?<=(?<![\d./])\d{1,4}/\d{2,5})\.(?=\p{Ll}{3,})")
#: A speck read as a bracket or a bar glued before a session's number after its label
#: (``(Sitzungsnummer: ]JSA/066/2017)``).
SESSION_SPECK = regex.compile(
    r"(?<=Sitzungs(?:nummer|-Nr\.?)[ \t]*:[ \t]*)[\[\]|](?=\p{Lu}{1,5}/\d{2,4}/\d{2,4}\b)"
)
#: A space read after the slash of a resolution number (``V-DS 1808/ 18``): the year's digits
#: follow it at once.
SLASH_SPACE = regex.compile(
    r"(?<=(?<![\p{L}\d])[A-Z]{1,4}(?:-[A-Z]{1,4}){0,2}-?[ ]?\d{3,6}/)[ ](?=\d{2}(?:\d{2})?\b(?!/))"
)
HYPHEN_HEAD_SPECK = regex.compile(
    rf"(?<=\p{{L}}{{2}}-[ \t]*\n(?:[ \t\f]*\n)*[ \t\f]*)[ \t]*[{HYPHEN_SPECKS[2:]}][ \t]*(?=\p{{Ll}}{{2}})"
    # the line's hyphen read again, glued to the tail (``Abstim-⏎-mung``, ``Ad-hoc-⏎
    # -Arbeitsgruppe``); a list's dash stands apart from its item (``- die Bedarfe``)
    r"|(?<=\p{L}{2}-[ \t]*\n(?:[ \t\f]*\n)*[ \t\f]*)[-–](?=\p{L}{2})"
)
#: A full stop at a line's end before a line that goes on in lower case: doubled (``und
#: ermöglicht..⏎erstmals``) or after a word that ends no sentence (``mit der.⏎neuen``). A single
#: stop after another word stays: the next line's capital may be what OCR misread.
LINE_END_STOP = regex.compile(
    r"(?<=(?<![\p{L}.])(?P<before>\p{L}{2,}))(?P<stops>\.\.?|:)"
    r"(?=[ \t]*\n[ \t]*(?P<after>\p{L}{2,}\b(?![:/@])|\d))"
)
#: A dot glued between a preposition and a number (``auf.30 km/h``, ``bis.2020``): no
#: preposition ends a sentence or is abbreviated.
STOP_AFTER_PREPOSITION = regex.compile(
    r"(?<![\p{L}.])(?P<word>[Aa]uf|[Bb]is|[Aa]b|[Aa]m|[Uu]m|[Vv]on|[Vv]om|[Zz]um|[Mm]it|[Nn]ach|"
    r"[Ss]eit|[Ff]ür|[Üü]ber|[Uu]nter|[Bb]ei|[Ii]m)\.(?=\d)"
)
#: A hyphen glued to the start of a line's first word when that word is an article or a
#: date (``-Die Zuständigkeit``, ``am⏎-22.12.2017``) or a session's bracket of a wrapped
#: heading (``-(Sitzungsnummer: SR/002/2011)``): a dash bullet has a space after it, and a
#: suspended compound's tail (``und⏎-unterhaltung``) is neither.
LINE_START_HYPHEN = regex.compile(
    r"(?<=^[ \t]*)-(?=(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|Einen|Einem|Eines)\b|\d{1,2}\.\d{1,2}\.\d{4}\b"
    r"|\((?:Sitzung|Drucksache|Vorlage|Beschluss|SR|BS)\w*)",
    regex.M,
)
#: A mark alone at a line's start before a word or a date (``im⏎. Monat``, ``Anlage⏎:
#: beigefügt``, ``des Rad- und⏎- Fußverkehrs``, ``am⏎- 29.10.2010``), the line before ending in
#: a word; a stop or a colon also after a blank line that OCR put inside the sentence (``als
#: Anlage⏎⏎: beigefügt``).
LINE_START_MARK = regex.compile(
    r"(?<=\p{L}[ \t]*\n(?P<blank>[ \t]*\n)?)[ \t]*(?P<mark>[.:;,]|[-–])[ \t]+"
    r"(?=(?P<after>\p{L}+|\d{1,2}\.\d{1,2}\.\d{4}\b))"
)
#: A line-break hyphen read twice, at the line's end and as a dash opening the next line
#: before the word's lower-case tail (``Kreisheimat-⏎- vereins``, ``erfor-⏎- derlich``): no
#: list item follows a broken word. The two must make a known word, the tail no function
#: word (``Rad-⏎- die Bedarfe`` is a suspended compound's head before a list's item).
DOUBLED_BREAK_HYPHEN = regex.compile(
    r"(?<=(?P<head>\p{L}+)-[ \t]*\n)[ \t]*[-–—][ \t]+(?=(?P<tail>\p{Ll}+))"
)
#: Marks a speck left before a letter's closing formula at a line's start (``– Mit
#: freundlichen Grüßen``, ``. Mit freundlichen Grüßen``; after the form feed of a page that
#: the formula opens): a line that is only the formula is no list item or sentence part, so
#: the marks cannot be text.
CLOSING_SPECK = regex.compile(
    r"(?<=^[ \t\f]*)[-–—.,:;'‘’‚\"“”„•·]+[ \t]*(?=(?:Mit\s+freundlichen\s+Grüßen|Freundliche\s+Grüße"
    r"|Hochachtungsvoll|Ich\s+bitte\s+um\s+Kenntnisnahme)[.,!]?[ \t]*$)",
    regex.M,
)
#: Marks a speck put after the letter's closing formula at its line's end (``Mit
#: freundlichen Grüßen-``, ``Grüßen:``, ``Grüßen.``): German sets no mark after it, and a
#: hyphen there would join the formula to the signatory below it.
CLOSING_TAIL_SPECK = regex.compile(
    r"(?<=^[ \t\f]*(?:Mit\s+freundlichen\s+Grüßen|Freundliche\s+Grüße|Hochachtungsvoll))"
    r"[-–—.,:;'‘’‚\"“”„•·^_]+(?=[ \t]*$)",
    regex.M,
)
#: A year or a number with a slash (``2014/2015``, ``13/2732``): never an ordinal, whose stop
#: a speck could have set apart.
YEAR_OR_SLASH_NUMBER = regex.compile(r"(?:19|20)\d\d|\d{1,4}/\d{1,6}")
#: Words after which a sentence goes on: a dash at the next line's start is no list bullet.
NO_BULLET_AFTER = NO_SENTENCE_END | {"eine", "einer", "einem", "einen", "eines"}
#: A lone letter after a sentence's end (``Verfügung.\tj``): no sentence starts lower case,
#: and no abbreviation goes without its dot. Point letters (a–h) are left to the markers.
LONE_LETTER = regex.compile(
    r"(?<=\p{L}{2}[.!?])(?P<gap>[ \t]+)(?P<letter>[i-z])(?=[ \t]*(?:\n|$)|[ \t]+\S)"
)

#: A lone capital after a sentence's end, before the line's end or the next sentence
#: (``berücksichtigt.\tE``, ``eingerichtet. B⏎``): speck when OCR was unsure of it.
LONE_CAPITAL = regex.compile(
    r"(?<=\p{L}{2}[.!?])(?P<gap>[ \t]+)(?P<letter>\p{Lu})(?=[ \t]*(?:\n|$)|[ \t]+\p{Lu}\p{Ll})"
)
#: Printed words score 60-96 even at 150 dpi; a lone capital read below this is a guess.
LONE_CAPITAL_CONFIDENCE = 60.0


def _valid_date(match: regex.Match[str]) -> bool:
    import datetime as dt

    try:
        dt.date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return False
    return True


def _speck_between_words(
    before: str, mark: str, after: str, lexicon: Lexicon, *, line_start: bool = False
) -> bool:
    """Is ``mark`` between two words a speck (``An.allen``, ``Beschluss.ist``, ``Zur.
    Koordinierung``) rather than punctuation (``bzw. die``, ``Ende. Danach``)? ``line_start``:
    ``before`` opens its line, so it may be the tail of a broken word (``wer⏎den. Die``)."""
    if before in ABBREVIATIONS or before.lower() in ABBREVIATIONS or mark.strip() == ",":
        return False

    def common(word: str) -> bool:
        known = lexicon.known_directly(word) or lexicon.is_function_word(word)
        return (known and lexicon.zipf(word) >= 3.0) or word.lower() in NUMBER_WORDS

    dot = mark.strip()[:1] == "."
    if (
        dot
        and (before in ARTICLES or (before[:1].isupper() and before.lower() in ARTICLES))
        and not line_start
        and after[0].isupper()
        and after[1:].islower()
        and len(after) >= 4
    ):
        # "und die. Migrations(erst-)beratungsstellen": a small article ends no sentence and
        # its noun follows, however rare the noun
        return True

    if (
        dot
        and mark == "."
        and after[0].islower()
        and (lexicon.is_function_word(after) or lexicon.standalone(after))
    ):
        from pipeline.cleanup.markers import laws

        if before in laws():
            return True  # "Abs. 9 StVO.eine": a law's name with a stop glued to a small word
    # A long word is rare in any corpus however plain it is (Oberbürgermeisterin 2.4,
    # Modulbauweise a compound): known, it is a word
    long_before = len(before) >= LONG_WORD and lexicon.known(before)
    long_after = len(after) >= LONG_WORD and lexicon.known(after)
    # no sentence starts with a small letter that no capital looks like: after it, any known
    # word of four letters or more goes, however rare (Abbrennen. von, Zuständigkeit. hierfür)
    plain_after = (
        after[0].islower()
        and after[0] not in SIZE_ONLY_SMALL
        and (lexicon.standalone(after) or lexicon.is_function_word(after))
    )
    known_before = (
        (plain_after or lexicon.is_function_word(after))
        and len(before) >= 4
        and lexicon.known(before)
    )
    if not (common(before) or long_before or known_before) or not (
        common(after) or long_after or plain_after
    ):
        return False
    if (
        dot
        and (
            before.lower() in NO_SENTENCE_END
            # "bündeln ihre. Angebote": a possessive before a noun (not a pronoun ending its
            # sentence, "ist ihre. Die Stadt")
            or (
                before in POSSESSIVES
                and after[0].isupper()
                and not lexicon.is_function_word(after)
                and not lexicon.is_function_word(after.lower())
            )
        )
        and (not line_start or before[0].isupper())
    ):
        # "Die. Oberbürgermeisterin": an article ends no sentence; opening a line with a
        # capital ("Der.Beschluss"), it is no broken word's tail either
        return True
    if after[0].isupper():
        if mark.count(".") == 2:
            return False  # "verzögert..Es": a sentence's stop and a speck, see DOUBLE_STOP
        # before a capital only a dot glued to both lower-case words ("im.Rahmen") or a tick
        # glued to both words ("Freie’Szene") is a speck
        return mark.strip() == mark and (before.islower() or not dot)
    if dot and before[0].isupper() and len(before) > 3 and mark.endswith(" "):
        # a function word cannot start a sentence in lower case ("Maßnahmen. sind"), nor a
        # word whose first letter no capital looks like, a form or an uninflected word the
        # corpora know ("Stadtbezirksbeiräten. abgestimmt", "Zuständigkeit. hierfür", "Ende.
        # danach": "Danach" read with a small d is no OCR error; "Fachamt. vorgelegt" stays:
        # "Vorgelegt" may open a sentence, its V read small)
        return lexicon.is_function_word(after) or plain_after
    return True


#: A word that ends its sentence (its stop, then a space or the text's end).
SENTENCE_END_AFTER = regex.compile(r"[.!?](?:\s|$)")


def _stop_before_lone_word(text: str, match: regex.Match[str], lexicon: Lexicon) -> bool:
    """Is the stop of a :data:`SPECKLE` match a speck's because the small word after it ends
    its sentence at once (``durch das zuständige Fachamt. vorgelegt. Die``, ``zur
    Beschlussfassung. vorzulegen.``)? A sentence of one lower-case word is none, even if its
    first letter is a capital read small (``Vorgelegt.``), so the stop is no sentence's end.
    ``before`` is a known word of four letters or more, no abbreviation (``Abs. vorgelegt.``
    stays), ``after`` a known lower-case form of four letters or more.

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("remove_speckle_marks", "durch das Fachamt. vorgelegt. Die Mittel")
    'durch das Fachamt vorgelegt. Die Mittel'
    >>> clean_with("remove_speckle_marks", "im Fachamt. vorgelegt wurde, Abs. vorgelegt.")
    'im Fachamt. vorgelegt wurde, Abs. vorgelegt.'
    """
    before, after, mark = match.group("before"), match.group("after"), match.group("mark")
    if mark != ". " or not after.islower() or len(after) < 4 or len(before) < 4:
        return False
    if not SENTENCE_END_AFTER.match(text, match.end("after")):
        return False
    if before in ABBREVIATIONS or before.lower() in ABBREVIATIONS or not lexicon.known(before):
        return False
    return lexicon.is_form(after) or lexicon.standalone(after)


#: Small letters whose capital differs only in size: a line starting with one may be a
#: sentence's capital misread.
SIZE_ONLY_SMALL = "ckopsuvwxz"


def _goes_on_lower(before: str, after: str, lexicon: Lexicon) -> bool:
    """Does a line that starts with ``after`` go on the sentence of the word ``before`` at the
    previous line's end: ``after`` a known lower-case word whose first letter no capital looks
    like (``bereitgestellt``, ``der``; not ``sind``, whose S may be a capital misread) and
    ``before`` a known word of four letters or more, no abbreviation (``Abs.⏎der``)?"""
    if not after[0].islower() or after[0] in SIZE_ONLY_SMALL:
        return False
    if not (lexicon.is_form(after) or lexicon.is_function_word(after)):
        return False
    if len(before) < 4 or before in ABBREVIATIONS or before.lower() in ABBREVIATIONS:
        return False
    return lexicon.known(before)


def _one_word_apart(previous: str, after: str, lexicon: Lexicon) -> bool:
    """Are two lower-case words one known word written apart (``bekannt gemacht``,
    ``zurück gegeben``)? Short words are left out: ``so – wie`` may be a dash."""
    if not (previous.isalpha() and after.isalpha() and previous.islower() and after.islower()):
        return False
    joined = previous + after
    if min(len(previous), len(after)) < 4 or lexicon.is_function_word(joined):
        return False
    return lexicon.is_form(joined) or lexicon.zipf(joined) >= SPECKLE_JOINED_ZIPF


#: Marks that open the items of a list.
LIST_DASHES = "-–—•"
#: Marks no text sets alone between two words: ticks, a degree sign, a dot in the middle, a
#: star (a footnote's is glued to its word).
TICKS = frozenset("'`´°·*")


def _dash_listed(text: str, start: int) -> bool:
    """Does the paragraph before or after the one at ``start`` open with a dash too (a
    list)?"""
    previous = text[:start].rstrip().rsplit("\n\n", 1)[-1].lstrip()
    rest = text[start:].split("\n\n", 2)
    following = rest[1].lstrip() if len(rest) > 1 else ""
    return any(paragraph[:1] in LIST_DASHES for paragraph in (previous, following) if paragraph)


def _lone_mark_is_speck(text: str, match: regex.Match[str], lexicon: Lexicon) -> bool:
    previous = text[: match.start("gap")].split()[-1]
    # the first token of its line may be the tail of a broken word ("wer⏎den .")
    line_start = "\n" in text[: match.start("gap")][-len(previous) - 1 :] or len(
        text[: match.start("gap")]
    ) == len(previous)
    following = regex.match(r"[ \t]*\n?[ \t]*(\S*)", text[match.end() :])
    after = following.group(1) if following else ""
    mark = match.group("mark")
    word = previous.strip(".,;:!?\"„“”'’‘‚()").lower()
    if mark in "-–—":
        # "der – wie erwartet – hohe Bedarf" is an aside: a second dash in the sentence
        rest = regex.split(r"[.!?](?:\s|$)|\n\s*\n", text[match.end() :], maxsplit=1)[0]
        # "bekannt - gemacht": one word written apart is never split by a dash
        apart = mark != "—" and _one_word_apart(previous, after.rstrip(".,;:!?"), lexicon)
        # "ohne zusätzliche – Mittel": no dash stands between an inflected adjective and its
        # noun (an aside has its second dash)
        adjective = previous.islower() and after[:1].isupper() and _attributive(previous, lexicon)
        # "oder -verletzung": a suspended compound's tail (a noun's, no lower-case form)
        tail = (
            word in SUSPENSION_CONJUNCTIONS
            and after[:1].islower()
            and not (lexicon.is_form(after.rstrip(".,;:!?")) or lexicon.is_function_word(after))
        )
        return (
            # "und – prüft": no conjunction, article or preposition ends a sentence, nor
            # stands before an aside's only dash
            (word in NO_SENTENCE_END or apart or adjective)
            and not tail
            and not line_start
            and previous[-1:].isalpha()
            and (after[:1].isalpha() or (word in ARTICLES and after[:1].isdigit()))  # am – 09.01.
            and not regex.search(r"(?<=\s)[-–—](?=\s)", rest)
        )
    if not any(ch.isalnum() for ch in previous) or (after and after[0] in ".·"):
        return False  # a spaced ellipsis ". . ."
    if previous[-1] in ".,;:!?":
        return True  # "Verfügung. .", "Herren, . hiermit": the sentence has its mark
    if (
        TICKS.issuperset(mark)
        and previous[-1].isalpha()
        and after[:1].isalpha()
        and not line_start
        and not regex.search(r"[‚‘]", text[: match.start()].rsplit("\n\n", 1)[-1])
    ):
        return True  # "das ' Sozialamt", "ihrer * Zweigstellen": no such mark stands alone
        # between two words (but a single quote closing one opened: "‚Pate ' koordiniert")
    if (
        mark == "."
        and YEAR_OR_SLASH_NUMBER.fullmatch(previous)
        and not line_start
        and after[:1].islower()
        and (lexicon.is_function_word(after) or lexicon.standalone(after))
    ):
        return True  # "bis zum Schuljahr 2021/2022 . einen": no ordinal, and no sentence
        # starts in lower case
    if "," in mark or not previous[-1].isalpha():
        return False  # "Stadt , die": a comma set apart is still a comma
    if word in ABBREVIATIONS or previous in ABBREVIATIONS:
        return False  # "bzw . die": the dot is the abbreviation's
    if word in NO_SENTENCE_END and after[:1].isalnum() and not line_start:
        return True  # "in den . Abendstunden", "am .\n21.06.2014"
    if (
        mark == "."
        and after[:1].isupper()
        and not line_start
        and (word in POSSESSIVES or (previous.islower() and _attributive(previous, lexicon)))
    ):
        return True  # "ohne zusätzliche . Mittel", "ihrer . Zweigstellen": a noun follows
    return after[:1].islower()  # "Stadtbibliothek .\nund": no sentence starts lower case


def _line_opening_stop_is_speck(text: str, match: regex.Match[str], lexicon: Lexicon) -> bool:
    """Is the full stop alone opening a line (:data:`LINE_OPENING_STOP`) a speck? What
    :data:`LINE_START_MARK` removes (a lower-case word after it, or a word before it that
    ends no sentence) is left to it."""
    paragraph = match.group("gap").count("\n") > 1
    line = text[: match.start("gap")].rsplit("\n", 1)[-1].split()
    previous = line[-1]
    quote, after = regex.match(r"([‚'’`]?)(\S*)", text[match.end() :]).groups()
    if previous[-1].isalpha():
        word = previous.lower()
        if after[:1].islower():
            return bool(quote)  # "Photovoltaikanlagen⏎. ‚auszustatten": a speck's quote too
        if word in NO_SENTENCE_END or word in ABBREVIATIONS:
            return False
        # "im öffentlichen⏎⏎. Raum": the paragraph above ends on its own line; "ohne
        # zusätzliche⏎. Mittel": a noun follows (the line's only word may be a broken word's
        # tail, and "Die Stadt prüft⏎. Der Rat" may be the line's own stop)
        return paragraph or (
            len(line) > 1
            and (word in POSSESSIVES or (previous.islower() and _attributive(previous, lexicon)))
        )
    # "Zu 1.⏎. Der", "zu rechnen.⏎. Es": the line above has its mark; "Zu 1a)⏎. Der": a label
    return paragraph or previous[-1] in ".:;!?" or bool(POINT_LABEL.fullmatch(" ".join(line)))


#: A hyphen between two words that are no hyphenated compound: neither word is glued to
#: another hyphen, a slash or a digit (``Ad-hoc-Arbeitsgruppe``, ``Fritz-Reuter-Straße``).
GLUED_HYPHEN = regex.compile(
    r"(?<![\p{L}\d\-/.])(?P<first>\p{L}{2,})-(?P<second>\p{L}{2,})(?![\p{L}\d\-/])"
)
#: A hyphen glued to a capitalised word and a space after it inside a line, before another
#: capitalised word (``Online- Beteiligung``, ``Die- Hinweise``); ``suspended``: the words go on
#: as a suspended compound whose comma OCR lost (``Kinder- Jugend- und Familienhilfe``). A
#: tab is a column gap: the words stand in two columns (``Erster Bürgermeister-⇥Oberbürger…``).
SPACED_HYPHEN = regex.compile(
    r"(?<![\p{L}\d\-/.])(?P<first>\p{Lu}\p{Ll}+)(?P<hyphen>-)(?P<gap> {1,2})(?=\p{Lu}\p{Ll}+"
    r"(?P<suspended>(?:-\p{Lu}?\p{Ll}+)*-[ \t]+(?:und|oder|sowie|bzw\.|bis)\b)?)"
)
#: Words that are never the first part of a hyphenated compound (``Die-Einzelheiten``);
#: prepositions are (``Vor-Ort``, ``Mit-Arbeiter``), so they are not here.
NO_COMPOUND_HEAD = ARTICLES | {
    "das", "ein", "eine", "einer", "einem", "einen", "eines", "und", "oder", "sowie", "dass",
    "ist", "sind", "wird", "werden", "wurde", "wurden", "hat", "haben", "zu",
}  # fmt: skip
#: Pronominal adverbs, which head no compound in lower case (``hierfür-ergibt``; ``die
#: Dafür-Stimmen`` is a noun's).
PRONOMINAL_ADVERBS = frozenset({
    "hierfür", "hierzu", "hierbei", "hiervon", "hierüber", "hierdurch", "dafür", "dazu", "dabei",
    "davon", "darüber", "dadurch", "damit", "daher",
})  # fmt: skip


#: Words after a speck's hyphen that no compound ends in: articles, auxiliaries, conjunctions
#: (``Abschluss-der Arbeiten``, ``tätig-sind``, ``Hinweise-aus der``, ``Quartier-an der``); a
#: hyphenated chain that holds one goes on after it (``Tag-der-offenen-Tür-Aktion``,
#: ``Kopf-an-Kopf``). ``in`` is not here (``Drive-in``), nor ``um`` (``Rund-um``).
NO_COMPOUND_TAIL = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen",
    "eines", "ist", "sind", "wird", "werden", "wurde", "wurden", "hat", "haben", "war", "waren",
    "aus", "für", "im", "von", "vom", "zum", "zur", "mit", "nach", "bei", "am", "an", "auf",
    "über", "unter", "vor", "bis", "durch", "gegen", "ohne", "seit", "zwischen",
})  # fmt: skip
#: ... of them the articles, which no compound ends in after a function word either
#: (``für-das Amt``; a preposition may head one: ``Vor-Ort``).
ARTICLE_TAILS = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "eines"})  # fmt: skip
#: A hyphen a speck glued to the start of a word inside a line (``beauftragt, -werden``,
#: ``die -Mittel``); after ``und``, ``oder``, ``sowie``, ``bzw.`` it opens a suspended
#: compound's tail (``Haushaltsplan und -entwurf``) and stays.
GLUED_LEADING_HYPHEN = regex.compile(r"(?<=(?P<before>[\p{L}.,;]+)[ \t]+)-(?=\p{L}{2,})")
#: A colon a speck glued between two words (``Finanzierungsübersicht:ist``); ``Bürger:innen``
#: is a gender form and stays, where the feminine is a word (``Bürgerinnen``; not
#: ``Fachausschuss:in seiner Sitzung``).
GLUED_COLON = regex.compile(r"(?<=(?<!\p{L})(?P<word>\p{L}{2,})):(?=(?P<after>\p{Ll}{2,})\b)")
#: Party names an article in capitals opens inside a sentence (``CDU, Die Linke``).
PARTY_AFTER_ARTICLE = r"Linke\b|Grünen\b|PARTEI\b|Partei\b|Republikaner\b"
#: A comma OCR read for a full stop before a sentence's first word: an article or a pronoun
#: no comma puts in capitals, on the line or the next (``einbezogen, Eine erste``,
#: ``einbezogen,⏎⏎Die Abstimmung``) after a lower-case word (a name's comma may go before
#: a title: ``vgl. Kremer, Das Umweltinformationsgesetz``); a party's name
#: stays (``CDU, Die Linke``).
COMMA_FOR_STOP = regex.compile(
    r"(?<=(?<![\p{L}\-])\p{Ll}{3,}|\p{Lu}-\p{Lu}),(?=\s+(?:Die|Der|Das|Eine|Ein|Es|Dies|Diese|Dieser)"
    rf"[ \t]+(?!{PARTY_AFTER_ARTICLE})\p{{L}})"
)
#: A colon OCR read for the full stop after a passive or perfect sentence's participle, before
#: the next sentence's first word, on its line or opening the next paragraph (``ist nach
#: Ablauf von zwei Jahren vorgesehen: Über den Stand``, ``hat sich die Bearbeitung
#: verzögert:⏎⏎Die Abstimmung``), or before the next point's status heading (``durch das
#: Fachamt vorgelegt:⏎⏎Zu 4.``).
COLON_FOR_STOP = regex.compile(
    r"(?<=(?<![\p{L}\-])(?P<word>\p{Ll}{5,})):(?=\s+(?:Der|Die|Das|Eine|Ein|Es|Mit|Über|Für"
    r"|Im|In|Zur|Zum|Aufgrund|Weitere|Dies|Diese|Dabei|Hierzu|Hierfür|Bislang|Derzeit)[ \t]"
    r"|[ \t]*\n\s*\n[ \t]*Zu[ \t]*\d)"
)
#: A comma OCR read as a semicolon after the participle of a verb whose object is an
#: infinitive clause (``Die Oberbürgermeisterin wird beauftragt; die Schulnetzplanung …
#: fortzuschreiben``): the clause after it needs a comma, never a semicolon.
ASSIGNING_SEMICOLON = regex.compile(
    r"(?<=(?<![\p{L}\-])(?:beauftragt|aufgefordert|gebeten|ermächtigt|verpflichtet|angewiesen))"
    r";(?=[ \t]+\p{Ll})"
)
#: A zu-infinitive: ``zu erarbeiten``, ``fortzuschreiben``.
ZU_INFINITIVE = regex.compile(
    r"\bzu[ \t\n]+\p{Ll}{2,}(?:en|ern|eln)\b|\p{Ll}{2,}zu\p{Ll}{2,}(?:en|ern|eln)\b"
)
#: A participle: ``ge-`` after at most a particle and ``-t``/``-en``, or an inseparable prefix
#: and ``-t`` (with ``-en`` it may be an infinitive after ``wird``: ``entfalten``).
PARTICIPLE = regex.compile(
    r"\p{Ll}{0,6}ge\p{Ll}{2,}(?:t|en)|(?:be|ver|er|ent|zer|über|unter)\p{Ll}{2,}t"
)
#: The finite auxiliary of a passive or perfect clause.
AUXILIARY = regex.compile(
    r"(?<!\p{L})(?:ist|sind|war|waren|wurde|wurden|wird|werden|hat|haben|hatte|hatten)(?!\p{L})"
)
#: Words that announce what follows a colon (``wie folgt:``, ``Folgendes``), and participles
#: of verbs that report, find or decide, after which a colon may open a sentence (``Es wurde
#: festgestellt: Die Mittel reichen nicht.``).
ANNOUNCING_WORD = regex.compile(
    r"(?i)(?<!\p{L})(?:folgt|folgende\w*|nachstehend\w*|nachfolgend\w*)(?!\p{L})"
)
REPORTING_PARTICIPLES = frozenset({
    "festgestellt", "mitgeteilt", "erklärt", "betont", "ausgeführt", "dargelegt", "ergeben",
    "entschieden", "beschlossen", "festgelegt", "vereinbart", "bestimmt", "geregelt",
    "gefordert", "empfohlen", "vorgeschlagen", "angekündigt", "klargestellt", "hervorgehoben",
    "angemerkt", "gefragt", "geantwortet", "gesagt", "erläutert", "bekräftigt", "bestätigt",
    "berichtet", "gezeigt", "verfügt", "angeordnet", "entgegnet", "eingewandt", "gerügt",
    "gelernt", "erkannt", "gesehen", "gehört", "gelesen", "bemerkt", "beobachtet", "gefunden",
    "geprüft", "untersucht", "ermittelt", "gewusst", "gedacht", "gemeint", "vermutet",
    "geschrieben", "formuliert", "zusammengefasst", "hingewiesen", "aufgezeigt", "geklärt",
})  # fmt: skip
#: A colon a speck put after a noun inside a sentence, before a conjunction, an auxiliary or a
#: preposition that more of the sentence follows (``stehen im Einklang: mit den Zielen``,
#: ``beantragt hierfür Mittel: aus der``); a lower-case word before the noun, on its line or
#: ending the line before, shows the sentence (``für jeden⏎Standort: durch``; a label opens
#: its line after a heading or a sentence's end: ``Ort: im Rathaus``).
NOUN_COLON = regex.compile(
    r"(?<=(?<![\p{L}\d.])\p{Ll}{2,}(?:[ \t]+|[ \t]*\n[ \t]*))(?P<word>\p{Lu}\p{Ll}{2,}):"
    r"(?=[ \t]+(?P<after>und|oder|sowie|ist|sind|wird|werden|wurde|wurden|hat|haben|mit|aus|von"
    r"|durch|bei|für|über|unter|gegen|ohne)(?:[ \t]+|[ \t]*\n[ \t]*)\p{L})"
)
#: A date in the text with one of its stops read as a colon (``05.07:2018``, ``30:06.2017``):
#: no time of day runs on into a year.
DATE_COLON = regex.compile(
    r"(?<![\d.:,/])(?P<day>\d{2})(?P<first>[.:])(?P<month>\d{2})(?P<second>[.:])"
    r"(?P<year>(?:19|20)\d{2})(?![\d:])"
)
#: A date in the text with a space read after the month's stop (``am 18.08. 2015``), or also an
#: ``i``/``l`` read for a 1 of the year (``06.09. 20i1``): one date, written without a space.
YEAR_SPACE = regex.compile(
    r"(?<![\d.:,/])(?P<day>\d{2})\.(?P<month>\d{2})\.(?P<space>[ \t])(?P<year>(?:19|20)[\dil]{2})(?![\d\p{L}])"
)
#: A stop read twice after an abbreviation before its number (``Abs..2``): one stop and a space.
DOUBLE_STOP_BEFORE_NUMBER = regex.compile(r"(?<=\b(?:Abs|Nr|Art|Ziff|Satz|Nrn)\.)\.(?=\d)")
#: ... and after a sentence's first noun before its auxiliary (``Der Beschluss: ist``), also
#: after a point's marker (``Punkt 1: Die Oberbürgermeisterin: wird``, ``2) Die``): a label's
#: value is no auxiliary (``Die Ziele: und Maßnahmen`` may be a label and stays).
OPENING_NOUN_COLON = regex.compile(
    r"(?<=(?:^|[.!?][ \t]+|\n)[ \t]*(?:(?:Punkt[ \t]+\d{1,2}:|\d{1,2}\)|[a-z]\))[ \t]+)?"
    r"(?:Der|Die|Das|Ein|Eine)[ \t]+)(?P<word>\p{Lu}\p{Ll}{2,}):"
    r"(?=[ \t]+(?P<after>ist|sind|wird|werden|wurde|wurden|hat|haben|hatte|hatten)[ \t]+\p{L})"
)
#: A colon or a stop a speck put after a passive or perfect clause's auxiliary, before its
#: participle (``Der Oberbürgermeister wird: beauftragt``): neither ends a clause there.
AUXILIARY_MARK = regex.compile(
    r"(?<=(?<![\p{L}\-])(?P<word>wird|wurde|wurden|werden|ist|sind|war|waren|hat|haben|hatte"
    r"|hatten))[:.](?=[ \t]+(?P<after>\p{Ll}{4,})(?![\p{L}\-]))"
)
#: A colon standing alone between two words, a lower-case word following on the line or the
#: next (``als Anlage : beigefügt``, ``Abstimmung :⏎erfolgte``): German sets a colon after its
#: word; a ratio's (``1 : 2``) has digits.
LONE_COLON = regex.compile(
    r"(?<=\p{L}{2})[ \t]+:(?=[ \t]+\p{Ll}{2,}|[ \t]*\n[ \t]*\p{Ll}{2,})"
    # or after an article or a possessive, its noun following (``ihre : Angebote``)
    r"|(?<=(?<![\p{L}\d])(?:der|die|das|den|dem|des|eine|einer|einem|eines|ihre|ihrer|ihren"
    r"|seine|seiner|seinen|unsere|unserer))[ \t]+:(?=[ \t]+\p{Lu}\p{Ll}{2,})"
)
#: A colon a speck put after a preposition that follows a noun, before a lower-case article
#: (``Die Hinweise aus: der Einwohnerfragestunde``): after a verb the word is the verb's
#: particle and may introduce what follows (``führt aus:``), after a noun it is none, nor
#: after a conjunction or the adverb a ``mit`` completes (``sowie auf: der Internetseite``,
#: ``gemeinsam mit: der Polizei``): a particle follows its verb or the verb's object.
PREPOSITION_COLON = regex.compile(
    r"(?<=(?<![\p{L}\d])(?:(?P<noun>\p{Lu}\p{Ll}{2,})|und|oder|sowie|bzw\.|gemeinsam|zusammen)"
    r"[ \t]+)"
    r"(?:(?P<word>aus|mit|an|auf|vor|nach|bei|zu|um|ab):"
    r"(?=[ \t]+(?:der|die|das|dem|den|des|einer|einem|eines|ein|eine)[ \t]+\p{L})"
    # a genitive's article after a noun, before the noun it goes with (``Verbesserung der:
    # Unterbringungssituation``); ``Die Frage ist die: Wer …`` has a verb before the article
    r"|(?P<word>der|des):(?=[ \t]+\p{Lu}\p{Ll}{2,}))"
)
#: A colon a speck put after an article before its inflected adjective (``durch das:
#: zuständige Fachamt``), or after a preposition opening a sentence before an article (``…
#: verzögert. Mit: einem Abschluss``): an article ends no clause, and a sentence's first
#: preposition introduces nothing.
ARTICLE_COLON = regex.compile(
    r"(?<![\p{L}\d])(?P<word>der|die|das|den|dem|des):"
    r"(?=[ \t]+(?P<after>\p{Ll}{3,}(?:e|en|er|es|em))[ \t]+\p{Lu}\p{Ll})"
    r"|(?:(?<=[.!?][ \t]+)|(?<=^[ \t]*))(?P<word>Mit|Nach|Bei|Aus|Von|Für|Seit|Durch):"
    r"(?=[ \t]+(?:der|die|das|dem|den|des|einer|einem|eines|ein|eine)[ \t]+\p{L})"
    # a sentence's first article before its noun (``Der: Landesgesetzgeber hat``)
    r"|(?:(?<=[.!?][ \t]+)|(?<=^[ \t]*))(?P<word>Der|Die|Das|Ein|Eine):"
    r"(?=[ \t]+(?P<noun>\p{Lu}\p{Ll}{3,})[ \t]+\p{Ll})",
    regex.M,
)
#: Determiners a clause may open with after a demonstrative's colon (``das: jeder Bürger``).
DETERMINER_STEM = regex.compile(
    r"(?:jed|kein|all|manch|solch|welch|dies|jen|ander|einig|viel|wenig|mehrer|beid|sämtlich)"
)
#: A colon a speck put between a verb and its separable particle at the sentence's end (``Die
#: Prüfung dauert: an.``, ``liegt: vor.``, ``findet: statt.``): a colon opens what follows,
#: and no sentence ends in a particle alone after one.
PARTICLE_COLON = regex.compile(
    r"(?<=(?<!\p{L})\p{Ll}{3,})(?P<mark>:)(?=[ \t]+(?P<particle>an|ab|auf|aus|bei|ein|fest|fort|"
    r"her|hin|mit|nach|vor|weg|zu|zurück|zusammen|dar|statt|teil|fertig|bereit)[.!?](?:\s|$))"
)
#: Nouns made of adjectives that a particle verb's object may be (``gibt Folgendes an:``).
PARTICLE_OBJECTS = frozenset(
    {"Folgendes", "Folgende", "Nachstehendes", "Nachfolgendes", "Weiteres"}
)
#: A stop a speck put after a year or a date before a lower-case word (``am 22.11.2020.
#: informiert``, ``im Dezember 2015. durch``): a sentence after it would start with a capital;
#: an abbreviation keeps its stop (``2015. bzw.``).
YEAR_STOP = regex.compile(
    r"(?<![\d.,/])(?:\d{1,2}\.\d{1,2}\.|(?:19|20)\d\d/)?(?:19|20)\d\d(?P<mark>\.)"
    r"(?=[ \t]+(?:\p{Ll}{5,}|\p{Ll}{3,4}(?![.\p{L}]))(?![\p{L}\-]))"
)
#: A stop a speck put after a number with a slash (a printed matter's, a file's) before a
#: lower-case word (``Drucksache 13/2732. dargestellt``): no ordinal has a slash.
SLASH_NUMBER_STOP = regex.compile(
    r"(?<![\d.,/])\d{1,4}/\d{1,6}(?P<mark>\.)(?=[ \t]+(?P<after>\p{Ll}{4,})(?![\p{L}\-]))"
)
#: A colon or a comma a speck put after a sentence's full stop (or after its stop doubled:
#: ``berichtet.., Zu 2.``), before the next sentence, a point's marker or the line's end
#: (``zu rechnen.: Aufgrund``, ``Nordrhein-Westfalen.: Die``, ``Hochwasserschutz., 2. Alle``,
#: ``Die Umsetzung ist erfolgt.,``); an abbreviation's stop may take a label's colon
#: (``Tel.:``, ``Abt.: Bau``, ``Bearb.: Frau``), so the word before is a lower-case word of
#: three letters or more, or a capitalised one of four or more that is a word of its own.
STOP_THEN_MARK = regex.compile(
    r"(?<=(?<![\p{L}.])(?P<word>\p{Ll}{3,}|\p{Lu}\p{Ll}{3,})\.)(?P<mark>\.?[:,;])"
    r"(?=[ \t]+\p{Lu}\p{Ll}|[ \t]+\d{1,2}[.)][ \t]|[ \t]*(?:\n|$))"
)
#: A full stop OCR lost between a sentence's last word, lower case, and the next sentence's
#: first word, an article or ``Es`` (``Bearbeitung verzögert Es ist``, ``eingerichtet Die
#: Zuständigkeit``): inside a sentence these stand in capitals only in names (``Die Linke``).
LOST_STOP = regex.compile(
    r"(?<=(?<![\p{L}\-])(?P<word>\p{Ll}{4,}))(?=[ \t]+(?:(?:Die|Der|Das|Eine|Ein)[ \t]+"
    rf"(?!{PARTY_AFTER_ARTICLE})\p{{Lu}}\p{{Ll}}{{2,}}|Es[ \t]+\p{{Ll}}{{2,}}))"
)
#: A colon glued to a word three words or more into a sentence, before its last word, lower
#: case, and the sentence's stop: when that word is a participle and the sentence has its
#: auxiliary before the colon (``Die Ergebnisse wurden … der Stadt Jena: veröffentlicht.``,
#: ``Die Einzelheiten sind in der Drucksache 16/2001: dargestellt.``), the colon splits a
#: passive or perfect clause; a label's colon has no auxiliary before it (``Der Stand der
#: Dinge: umgesetzt.``).
COLON_BEFORE_LAST_WORD = regex.compile(
    r"(?<=(?:^|[.!?:]\s|\n)[^.!?:\n]*(?:\S+\s+){3,}[^\s:]*[\p{L}\d])(?P<mark>:)"
    r"(?=[ \t]+(?P<last>\p{Ll}{3,})[.!?](?:\s|$))"
)
#: A stop a speck glued between a year and a word (``2013.eine``).
YEAR_GLUED_STOP = regex.compile(r"(?<![\d.])(?:19|20)\d\d\.(?=\p{Ll}{3,})")
#: A hyphen a speck glued to a capitalised word that opens a line after a word no sentence
#: ends in (``Energie- und⏎-Klimaschutzkonzept``).
LINE_START_GLUED_HYPHEN = regex.compile(r"(?<=(?P<last>\p{L}+)[ \t]*\n[ \t]*)-(?=\p{Lu}\p{Ll}{2,})")
#: A hyphen a speck put after a point's closing mark (``abzustimmen;-``).
HYPHEN_AFTER_STOP = regex.compile(r"(?<=\p{L}{2}[;,.:])-(?=[ \t]*(?:\n|$))", regex.M)
#: A tick a speck put between a word and a number (``insgesamt'41``, ``dem’11.10.2017``), or
#: a hyphen before a paragraph sign (``nach-§ 28``).
#: A tick before a year or a date after a word and a space (``im Jahr '2019``): an elision
#: has two digits (``die ’90er``).
TICK_BEFORE_YEAR = regex.compile(r"(?<=\p{L}[ \t])['’‘`´](?=(?:19|20)\d\d\b|\d{1,2}\.\d{1,2}\.\d)")
TICK_BEFORE_NUMBER = regex.compile(r"(?<=\p{Ll}{2})(?P<mark>['’‘`´]|-(?=[ \t]?§))(?=\d|[ \t]?§)")
#: A mark a speck glued between a date and the word after it (``21.10.2017.eingestellt``,
#: ``11.01.2014’informiert``).
DATE_GLUED_MARK = regex.compile(
    r"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d(?P<mark>[.,'’‘`])(?=\p{Ll}{3,})"
)
#: A space a speck put inside a date of two-digit day and month (``01. 01.2015``).
DATE_SPACE = regex.compile(
    r"(?<![\d.])(?:0[1-9]|[12]\d|3[01])\.(?P<space> )(?:0[1-9]|1[0-2])\.(?:19|20)\d\d(?![\d])"
)
#: A suspended compound's hyphen read as a colon or a semicolon (``Zeit: und
#: Maßnahmenplanung``): the word and the last part of the noun after the conjunction make a
#: word (Zeitplanung).
SUSPENDED_MARK = regex.compile(
    r"(?<![\p{L}\d])(?P<first>\p{Lu}\p{Ll}{2,})(?P<mark>[:;])"
    r"(?=[ \t]+(?:und|oder|bzw\.?|sowie)[ \t]+(?P<second>\p{Lu}\p{Ll}{4,})\b)"
)


#: The shared part of a suspended compound is a common noun (Planung 4.5).
SUSPENDED_TAIL_ZIPF = 3.5


def _suspended_tail(first: str, second: str, lexicon: Lexicon) -> str | None:
    """The tail of ``second`` that ``first`` shares as a suspended compound's head (``Zeit``,
    ``Maßnahmenplanung``: ``planung``), or None."""
    for cut in range(3, len(second) - 4):
        tail = second[cut:]
        if (
            lexicon.is_form(tail.capitalize())
            and lexicon.zipf(tail) >= SUSPENDED_TAIL_ZIPF
            and lexicon.known(first + tail)
        ):
            return tail
    return None


def hyphen_speck_reason(first: str, second: str, lexicon: Lexicon) -> str | None:
    """Why the hyphen in ``first-second`` is a speck between two words, or None for a
    hyphenated compound: after a word that heads no compound (``Die-Einzelheiten``), or
    between a capitalised word and a lower-case word form that no corpus knows joined to it
    and that ends no compound (``Erfurt-veröffentlicht``; not ``Corona-bedingt``,
    ``Stadt-weit``, ``Ad-hoc``)."""
    if (
        second in NO_COMPOUND_TAIL
        and len(first) >= 2
        and lexicon.known(first)
        and (not lexicon.is_function_word(first) or second in ARTICLE_TAILS)
        and not lexicon.known_directly(first + second)
    ):
        return f"no compound ends in '{second}'"
    if (
        first.islower()
        and len(first) >= 4
        and lexicon.is_form(first)
        and second[0].isupper()
        and second[1:].islower()
        and lexicon.known(second)
    ):
        return "a lower-case word heads no compound with a noun (erforderlichen-Maßnahmen)"
    if first.lower() in NO_COMPOUND_HEAD or first in PRONOMINAL_ADVERBS:
        if lexicon.known(second) and (
            second[0].isupper() or lexicon.is_form(second) or lexicon.standalone(second)
        ):
            return f"'{first}' heads no hyphenated compound"
        return None
    if not (first[0].isupper() and first[1:].islower() and len(first) >= 3):
        return None  # acronyms head compounds with a lower-case tail (EU-weit, CO-neutral)
    if not (second.islower() and len(second) >= 4 and lexicon.is_form(second)):
        return None
    if second.endswith(("e", "en", "em", "er", "es")):
        return None  # an inflected adjective after a noun is a compound (Computer-basierte)
    if not (lexicon.known_directly(first) or lexicon.is_form(first)):
        return None
    joined = first + second
    if lexicon.zipf(joined) > 0 or lexicon.is_form(joined) or lexicon.is_compound_tail(second):
        return None  # a compound some corpus spells joined (bürgernah), or a compound's tail
    return "a lower-case word form that no compound ends in after a capitalised word"


def remove_speckle_marks(text: str, ctx: CleanupContext) -> list[Edit]:
    """Dots, ticks, dashes and glued hyphens that scan speckle put between two words of one
    sentence.

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("remove_speckle_marks", "An.allen Schulen ist. erfolgt, der Stand .wurde und dauert'an")
    'An allen Schulen ist erfolgt, der Stand wurde und dauert an'
    >>> clean_with("remove_speckle_marks", "bzw. die Stadt, z.B. die Kita, Abs. die, Ende. danach")
    'bzw. die Stadt, z.B. die Kita, Abs. die, Ende danach'
    >>> clean_with("remove_speckle_marks", "Der Beschluss.ist in den . Abendstunden der - Verwaltung")
    'Der Beschluss ist in den Abendstunden der Verwaltung'
    >>> clean_with("remove_speckle_marks", "zur Verfügung. .\\nMit Grüßen. j\\nEs wurde vorgelegt.. Für")
    'zur Verfügung.\\nMit Grüßen.\\nEs wurde vorgelegt. Für'
    >>> clean_with("remove_speckle_marks", "und ermöglicht..\\nerstmals. Rede sein..\\nhttps://www.justiz.de")
    'und ermöglicht\\nerstmals. Rede sein.\\nhttps://www.justiz.de'
    >>> clean_with("remove_speckle_marks", "auf.30 km/h bis.2020, Nr.30, Ende.2020")
    'auf 30 km/h bis 2020, Nr.30, Ende.2020'
    >>> clean_with("remove_speckle_marks", "Die-Einzelheiten, Stadt Erfurt-veröffentlicht, Ad-hoc")
    'Die Einzelheiten, Stadt Erfurt veröffentlicht, Ad-hoc'
    """
    lexicon: Lexicon = ctx.lexicon
    edits: list[Edit] = []
    for match in SPECKLE.finditer(text):
        before, after, mark = match.group("before"), match.group("after"), match.group("mark")
        if WEB_ADDRESS.match(text, match.start("after")):
            continue  # "Rede sein. https://www.justiz.nrw.de": a sentence ends before it
        line_start = text[: match.start("before")].endswith("\n") or not match.start("before")
        if mark.strip() in "'’" and _closes_quotation(text, match.start("mark"), before, lexicon):
            continue  # "‚Stadtbaum sucht Pate’ läuft": it closes a quotation
        if _speck_between_words(
            before, mark, after, lexicon, line_start=line_start
        ) or _stop_before_lone_word(text, match, lexicon):
            edits.append(
                Edit(match.start("mark"), match.end("mark"), " ", "speck read as punctuation", 0.7)
            )
    for match in MARK_BEFORE_YEAR.finditer(text):
        reason = (
            f"speck read as '{match.group('mark')}' between '{match.group('word')}' and its year"
        )
        edits.append(Edit(match.start("mark"), match.end("mark"), " ", reason, 0.75))
    for match in YEAR_DEGREE.finditer(text):
        reason = "speck read as a degree sign after a year"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.75))
    for match in UNIT_COMMA.finditer(text):
        reason = f"'{match.group('unit')}.' with its stop misread as a comma before a currency"
        edits.append(Edit(match.start("mark"), match.end("mark"), ".", reason, 0.75))
    for match in PARAGRAPH_DASH.finditer(text):
        if not _dash_listed(text, match.start("mark")):
            reason = "speck read as a dash before a paragraph after a sentence's end"
            edits.append(Edit(match.start("mark"), match.end("mark"), "", reason, 0.7))
    for match in TRAILING_DASH.finditer(text):
        reason = "speck read as a dash after the mark ending a paragraph"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
    for match in LONE_MARK.finditer(text):
        if _lone_mark_is_speck(text, match, lexicon):
            reason = f"speck read as '{match.group('mark')}' alone between words"
            edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
    for match in LINE_OPENING_STOP.finditer(text):
        if _line_opening_stop_is_speck(text, match, lexicon):
            reason = "speck read as a full stop alone opening a line"
            edits.append(Edit(match.start("mark"), match.end("space"), "", reason, 0.7))
    for match in GLUED_HYPHEN.finditer(text):
        if match.group("second") in SUSPENSION_CONJUNCTIONS:
            if regex.match(r"[ \t]+\p{Lu}\p{Ll}", text[match.end() : match.end() + 3]):
                # "Rad-und Fußverkehr": a suspended compound whose space OCR lost
                at = match.end("first") + 1
                reason = "space lost after a suspended compound's hyphen"
                edits.append(Edit(at, at, " ", reason, 0.75))
            continue
        why = hyphen_speck_reason(match.group("first"), match.group("second"), lexicon)
        if why:
            reason = f"speck read as a hyphen between two words: {why}"
            edits.append(Edit(match.end("first"), match.start("second"), " ", reason, 0.7))
    for match in SPACED_HYPHEN.finditer(text):
        first = match.group("first")
        if first.lower() in NO_COMPOUND_HEAD:
            # "Die- Hinweise": no compound starts with an article
            reason = f"speck read as a hyphen after '{first}', which heads no compound"
            edits.append(Edit(match.start("hyphen"), match.end("gap"), " ", reason, 0.7))
        elif not match.group("suspended") and not lexicon.is_function_word(first):
            # "Online- Beteiligung": no suspended compound goes on without "und" or "oder"
            reason = "space read after a compound's hyphen"
            edits.append(Edit(match.start("gap"), match.end("gap"), "", reason, 0.7))
    for match in LEADING_MARK.finditer(text):
        word = match.group("word")
        broken = regex.match(r"-[ \t]*\n[ \t]*(\p{Ll}+)", text[match.end("word") :])
        if broken:  # ".bün-⏎deln": the word goes on after the line's end
            word += broken.group(1)
        if lexicon.known_directly(word) or lexicon.is_function_word(word):
            reason = (
                f"speck read as '{match.group('mark')}' before a word (no word starts with one)"
            )
            edits.append(Edit(match.start(), match.end(), "", reason, 0.75))
    for match in (*ADJECTIVE_STOP.finditer(text), *OPENING_ADJECTIVE_STOP.finditer(text)):
        word = match.group("word").lower()
        quantifier = match.re is OPENING_ADJECTIVE_STOP and word in OPENING_QUANTIFIERS
        if (_attributive(word, lexicon) or quantifier) and not (
            lexicon.is_function_word(match.group("after"))
            or lexicon.is_function_word(match.group("after").lower())
        ):
            reason = (
                f"speck read as a full stop after '{match.group('word')}', an inflected "
                "adjective that a noun follows"
            )
            edits.append(Edit(match.start("mark"), match.end("mark"), "", reason, 0.7))
    for match in SECOND_MARK.finditer(text):
        reason = f"speck read as '{match.group()}' after another mark"
        space = " " if match.group("glued") else ""
        edits.append(Edit(match.start(), match.end(), space, reason, 0.75))
    for match in DETERMINER_ADJECTIVE_MARK.finditer(text):
        word, after = match.group("word"), match.group("after")
        if lexicon.is_function_word(after) or not lexicon.known(after):
            continue  # "der anderen. Die": a sentence may start after a pronoun
        if not (word in POSSESSIVES or lexicon.known(word)):
            continue
        reason = (
            f"speck read as '{match.group('mark')}' after '{word}', which stands between its "
            "determiner and its noun"
        )
        edits.append(Edit(match.start("mark"), match.end("mark"), "", reason, 0.7))
    for match in ARTICLE_NOUN_MARK.finditer(text):
        word, after = match.group("word"), match.group("after")
        noun = after.rsplit("-", 1)[-1]  # "Ad-hoc-Arbeitsgruppe": its last part
        if lexicon.is_function_word(after) or not (noun[:1].isupper() and lexicon.known(noun)):
            continue
        reason = (
            f"speck read as '{match.group('mark')}' after '{word}', an article its noun follows"
        )
        edits.append(Edit(match.start("mark"), match.end("mark"), "", reason, 0.7))
    for match in PREPOSITION_MARK_NUMBER.finditer(text):
        reason = f"speck read as '{match.group('mark')}' glued between '{match.group('word')}' and a number"
        edits.append(Edit(match.start("mark"), match.end("mark"), " ", reason, 0.7))
    for match in CONTRACTION_BEFORE_NUMBER.finditer(text):
        reason = f"speck read as '{match.group('mark')}' after '{match.group('word')}', which a number or date follows"
        glued = text[match.end("mark") : match.end("mark") + 1].isdigit()  # "vom.1. März"
        edits.append(
            Edit(match.start("mark"), match.end("mark"), " " if glued else "", reason, 0.7)
        )
    for match in AFTER_CONTRACTION.finditer(text):
        after = match.group("after")
        demonstrative = (
            match.group("mark") == ":" and match.group("word").lower() in DEMONSTRATIVE_ARTICLES
        )
        if demonstrative and (
            after.lower() in CLAUSE_OPENERS or lexicon.is_function_word(after.lower())
        ):
            continue  # "Die Frage ist die: Wer zahlt?": a demonstrative's colon before a clause
        if lexicon.known_directly(after) or lexicon.is_function_word(after):
            reason = f"speck read as '{match.group('mark')}' after '{match.group('word')}', which a noun follows"
            edits.append(Edit(match.start("mark"), match.end("mark"), "", reason, 0.7))
    for match in FUNCTION_WORD_HYPHEN.finditer(text):
        word, after = match.group("word"), match.group("after")
        if (
            lexicon.is_function_word(word)
            and not lexicon.is_function_word(after)
            and lexicon.known_directly(after)
        ):
            reason = f"speck read as a hyphen after '{word}', a function word, before '{after}'"
            edits.append(Edit(match.end("word"), match.end("word") + 1, " ", reason, 0.7))
    for match in SPACED_FUNCTION_WORD_HYPHEN.finditer(text):
        word, after = match.group("word"), match.group("after")
        if (
            lexicon.is_function_word(word)
            and after.lower() not in SUSPENSION_CONJUNCTIONS
            and lexicon.known(after)
            and not lexicon.known_directly(word + after.lower())  # "zu- vor": zuvor broken
        ):
            reason = f"speck read as a hyphen after '{word}', a function word, before '{after}'"
            edits.append(Edit(match.start("hyphen"), match.end("hyphen"), "", reason, 0.7))
    for match in GLUED_ARTICLE_MARK.finditer(text):
        if lexicon.known(match.group("after")):
            reason = f"speck read as '{match.group('mark')}' between an article and its noun"
            edits.append(Edit(match.start("mark"), match.end("mark"), " ", reason, 0.7))
    for match in HYPHEN_TAIL_SPECK.finditer(text):
        reason = "speck read as a mark after the hyphen of a word broken at the line's end"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.8))
    for match in HYPHEN_HEAD_SPECK.finditer(text):
        reason = "speck read as a mark before the tail of a word broken at the line's end"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.8))
    for match in SUSPENSION_SPECK.finditer(text):
        reason = "speck read as a mark after a suspended compound's hyphen"
        edits.append(Edit(match.start(), match.end(), " ", reason, 0.75))
    for match in SESSION_SPECK.finditer(text):
        reason = "speck read as a bracket before a session's number"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.8))
    for match in SLASH_SPACE.finditer(text):
        reason = "space read after the slash of a resolution number"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.75))
    for match in STOP_HYPHEN.finditer(text):
        before = match.group("before")
        if before not in ABBREVIATIONS and lexicon.known(before):
            reason = "speck read as a hyphen after a sentence's stop"
            edits.append(Edit(match.start(), match.end(), " ", reason, 0.75))
    for match in DOUBLED_SUSPENSION_HYPHEN.finditer(text):
        reason = "a suspended compound's hyphen read twice"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.8))
    for match in SLASH_NUMBER_GLUED_STOP.finditer(text):
        reason = "speck read as a stop glued between a number and a lower-case word"
        edits.append(Edit(match.start(), match.end(), " ", reason, 0.75))
    for match in MARK_HYPHEN.finditer(text):
        reason = "speck read as a hyphen after a semicolon or a comma"
        edits.append(Edit(match.start(), match.end(), " ", reason, 0.75))
    for match in NUMBER_SPECK.finditer(text):
        glued = text[match.end() : match.end() + 1].isalpha()
        reason = "speck read as a mark " + ("after a year" if glued else "before a number")
        edits.append(Edit(match.start(), match.end(), " " if glued else "", reason, 0.75))
    for match in STOP_BEFORE_PAPER.finditer(text):
        before = match.group("before")
        if before not in ABBREVIATIONS and before.lower() not in ABBREVIATIONS:
            reason = "speck read as a stop between a word and a paper's number"
            edits.append(Edit(match.start(), match.end(), "", reason, 0.75))
    for match in SUSPENSION_UND.finditer(text):
        reason = "'und' misread after a suspended compound's hyphen"
        edits.append(Edit(match.start(), match.end(), "und", reason, 0.75))
    for match in UNTER_STOP.finditer(text):
        reason = "speck read as a stop after the preposition 'unter' before its noun"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
    for match in NUMBER_TICK.finditer(text):
        if lexicon.known(match.group("word")):
            reason = "speck read as a tick between a number and a word"
            edits.append(Edit(match.start(), match.end(), " ", reason, 0.75))
    for match in SPACED_HYPHEN_TAIL.finditer(text):
        reason = "speck read as a hyphen after a word, before an article or an auxiliary"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.75))
    for match in LINE_END_STOP.finditer(text):
        before, after, stops = match.group("before"), match.group("after"), match.group("stops")
        line_start = regex.search(r"(?:^|\n)[ \t]*$", text[: match.start("before")]) is not None
        next_line = text[match.end() :].lstrip(" \t\n").split("\n", 1)[0]
        if regex.match(r"(?i)zu\b|[a-z][.)]|\d{1,2}[.)][ \t]", next_line):
            continue  # "zu 2." heads a point's report, "b)" and "2." a point
        if stops == ":" or after[0].isdigit():
            # no colon after an article or a preposition, no stop between a preposition and
            # its number ("die:⏎durchschnittliche", "über.⏎4,79 Mio. EUR")
            allowed = NO_COLON_AFTER if stops == ":" else NUMBER_PREPOSITIONS
            demonstrative = (
                stops == ":"
                and before in DEMONSTRATIVE_ARTICLES
                and after[0].islower()
                and not lexicon.is_function_word(after)
            )
            if before.islower() and (before in allowed or demonstrative) and stops in ":.":
                reason = f"speck read as '{stops}' at the line's end after '{before}'"
                edits.append(Edit(match.start("stops"), match.end("stops"), "", reason, 0.7))
            continue
        if len(stops) == 1 and before.lower() not in NO_SENTENCE_END:
            # "umgesetzt.⏎hat": the next line's capital may be misread, unless its first
            # letter is no capital's look-alike ("Haushaltes.⏎bereitgestellt")
            if _goes_on_lower(before, after, lexicon):
                reason = (
                    "speck read as a full stop at the line's end: the next line goes on in a "
                    "lower-case letter no capital looks like"
                )
                edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
            continue
        if after[0].isupper() and before.lower() not in ARTICLES | {"eine", "einen", "einem"}:
            continue  # "und.⏎Die": the stop may end a sentence whose last word OCR misread
        if _speck_between_words(before, ". ", after, lexicon, line_start=line_start):
            reason = (
                "speck read as a full stop at the line's end: the next line goes on in lower case"
            )
            edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
    for match in LINE_START_MARK.finditer(text):
        previous = regex.search(r"(\p{L}+)[ \t]*\n[ \t]*$", text[: match.start("mark")])
        last = previous.group(1).lower() if previous else ""
        mark, after = match.group("mark"), match.group("after")
        if match.group("blank") and mark in "-–":
            continue  # a dash after a blank line may open a list's item
        # no line starts with a stop or a colon, and no sentence with a lower-case word; a
        # dash may be a list's bullet, unless the sentence before cannot end
        if (
            last in NO_BULLET_AFTER
            if mark in "-–"
            else (after[0].islower() or last in NO_SENTENCE_END)
        ):
            reason = f"speck read as '{mark}' alone at the start of a line the sentence goes on in"
            edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
    for match in DOUBLED_BREAK_HYPHEN.finditer(text):
        head, tail = match.group("head"), match.group("tail")
        if lexicon.is_function_word(tail) or not lexicon.known(head + tail):
            continue
        reason = "a line-break hyphen read again as a dash opening the next line"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.75))
    for match in CLOSING_SPECK.finditer(text):
        reason = "speck read as a mark before the letter's closing formula"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.8))
    for match in CLOSING_TAIL_SPECK.finditer(text):
        reason = "speck read as a mark after the letter's closing formula"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.8))
    for match in LINE_START_HYPHEN.finditer(text):
        reason = "speck read as a hyphen glued to the line's first word (an article or a date)"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.75))
    for match in GLUED_LEADING_HYPHEN.finditer(text):
        before = match.group("before").rstrip(".").lower()
        if before in SUSPENSION_CONJUNCTIONS | {"wie"} and text[match.end()].islower():
            continue  # "und -entwurf": a suspended compound's tail (in lower case: no tail is
            # capitalised, "Energie- und -Klimaschutzkonzept" is a speck's)
        reason = "speck read as a hyphen glued to the start of a word inside a line"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
    for match in GLUED_COLON.finditer(text):
        if match.group("after") in ("in", "innen") and lexicon.known(
            match.group("word") + match.group("after")
        ):
            continue  # "Bürger:innen": a gender form
        reason = "speck read as a colon glued between two words"
        edits.append(Edit(match.start(), match.end(), " ", reason, 0.7))
    for match in COMMA_FOR_STOP.finditer(text):
        reason = "full stop read as a comma before a sentence's capitalised first word"
        edits.append(Edit(match.start(), match.end(), ".", reason, 0.7))
    for match in COLON_FOR_STOP.finditer(text):
        word = match.group("word")
        if not PARTICIPLE.fullmatch(word) or word in REPORTING_PARTICIPLES:
            continue
        if not lexicon.is_form(word):
            continue
        opening = max(
            text.rfind(mark, 0, match.start()) for mark in (". ", ".\n", "!", "?", ";", "\n\n")
        )
        sentence = text[opening + 1 : match.start()]
        if AUXILIARY.search(sentence) and not ANNOUNCING_WORD.search(sentence):
            reason = f"full stop read as a colon after '{word}', which ends its sentence"
            edits.append(Edit(match.start(), match.end(), ".", reason, 0.7))
    for match in ASSIGNING_SEMICOLON.finditer(text):
        clause = regex.split(r"[.;!?](?:\s|$)", text[match.end() :], maxsplit=1)[0]
        if not ZU_INFINITIVE.search(clause):
            continue  # "wurde beauftragt; sie beginnt im Mai": a clause of its own
        reason = "comma read as a semicolon before the infinitive clause of an assignment"
        edits.append(Edit(match.start(), match.end(), ",", reason, 0.7))
    for match in NOUN_COLON.finditer(text):
        suspended = SUSPENDED_MARK.match(text, match.start("word"))
        if suspended and _suspended_tail(suspended["first"], suspended["second"], lexicon):
            continue  # "Zeit: und Maßnahmenplanung": a suspended compound's hyphen, below
        reason = (
            f"speck read as a colon after '{match.group('word')}' inside a sentence, before "
            f"'{match.group('after')}'"
        )
        edits.append(Edit(match.end("word"), match.end(), "", reason, 0.7))
    for match in DATE_COLON.finditer(text):
        marks = [name for name in ("first", "second") if match.group(name) == ":"]
        if len(marks) != 1 or not _valid_date(match):  # one stop stays: a date's shape
            continue
        for name in marks:
            reason = f"a date's stop read as a colon ({match.group()})"
            edits.append(Edit(match.start(name), match.end(name), ".", reason, 0.75, True, True))
    for match in YEAR_SPACE.finditer(text):
        year = match.group("year").replace("i", "1").replace("l", "1")
        try:
            dt.date(int(year), int(match.group("month")), int(match.group("day")))
        except ValueError:
            continue
        reason = f"a space read inside a date ({match.group()})"
        edits.append(Edit(match.start("space"), match.end("year"), year, reason, 0.75, True, True))
    for match in DOUBLE_STOP_BEFORE_NUMBER.finditer(text):
        reason = "a stop read twice after an abbreviation before its number"
        edits.append(Edit(match.start(), match.end(), " ", reason, 0.8))
    for match in OPENING_NOUN_COLON.finditer(text):
        reason = (
            f"speck read as a colon after '{match.group('word')}', a sentence's first noun, "
            f"before '{match.group('after')}'"
        )
        edits.append(Edit(match.end("word"), match.end(), "", reason, 0.7))
    for match in AUXILIARY_MARK.finditer(text):
        if PARTICIPLE.fullmatch(match.group("after")) and lexicon.is_form(match.group("after")):
            reason = (
                f"speck read as '{match.group()}' between the auxiliary '{match.group('word')}' "
                f"and its participle '{match.group('after')}'"
            )
            edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
    for match in LONE_COLON.finditer(text):
        reason = "speck read as a colon standing alone before a lower-case word"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
    for match in PREPOSITION_COLON.finditer(text):
        if match.group("noun") in PARTICLE_OBJECTS:
            continue
        reason = f"speck read as a colon after the preposition '{match.group('word')}'"
        edits.append(Edit(match.end("word"), match.end(), "", reason, 0.7))
    for match in ARTICLE_COLON.finditer(text):
        after = match.group("after")
        if after and (
            lexicon.is_function_word(after)
            or DETERMINER_STEM.match(after)
            or not lexicon.known(after)
        ):
            continue  # "das: jeder Bürger zahlt": a demonstrative before a clause
        if match.group("noun") and not lexicon.known(match.group("noun")):
            continue
        reason = f"speck read as a colon after '{match.group('word')}', inside a sentence"
        edits.append(Edit(match.end("word"), match.end(), "", reason, 0.7))
    for match in PARTICLE_COLON.finditer(text):
        reason = f"speck read as a colon before the particle '{match.group('particle')}'"
        edits.append(Edit(match.start("mark"), match.end("mark"), "", reason, 0.7))
    for match in YEAR_STOP.finditer(text):
        reason = "speck read as a full stop after a year or a date, a lower-case word following"
        edits.append(Edit(match.start("mark"), match.end("mark"), "", reason, 0.7))
    for match in STOP_THEN_MARK.finditer(text):
        word = match.group("word")
        if word.lower() not in ABBREVIATIONS and (
            lexicon.known(word) if word.islower() else lexicon.standalone(word)
        ):
            reason = f"speck read as '{match.group('mark')}' after a sentence's full stop"
            edits.append(Edit(match.start("mark"), match.end("mark"), "", reason, 0.7))
    for match in LOST_STOP.finditer(text):
        word = match.group("word")
        if lexicon.is_function_word(word) or not lexicon.is_form(word):
            continue  # "für Die Linke", "über Die Zeit" (a title); an unknown word may be damaged
        reason = "full stop lost between a sentence's last word and the next sentence's article"
        edits.append(Edit(match.end(), match.end(), ".", reason, 0.65))
    for match in SLASH_NUMBER_STOP.finditer(text):
        if lexicon.standalone(match.group("after")):
            reason = (
                "speck read as a full stop after a number with a slash, a lower-case word following"
            )
            edits.append(Edit(match.start("mark"), match.end("mark"), "", reason, 0.7))
    for match in COLON_BEFORE_LAST_WORD.finditer(text):
        last = match.group("last")
        before = regex.split(r"[.!?:](?:\s|$)|\n\s*\n", text[: match.start("mark")])[-1]
        if (
            AUXILIARY.search(before)
            and (PARTICIPLE.fullmatch(last) or last.endswith("iert"))
            and lexicon.is_form(last)
        ):
            reason = (
                f"speck read as a colon between the auxiliary and '{last}', the participle "
                "that ends the sentence"
            )
            edits.append(Edit(match.start("mark"), match.end("mark"), "", reason, 0.7))
    for match in YEAR_GLUED_STOP.finditer(text):
        reason = "speck read as a stop glued between a year and a word"
        edits.append(Edit(match.end() - 1, match.end(), " ", reason, 0.7))
    for match in LINE_START_GLUED_HYPHEN.finditer(text):
        if match.group("last").lower() not in NO_BULLET_AFTER:
            continue  # after a sentence that may end, a dash may open a list's item
        reason = "speck read as a hyphen glued to a line's first word, the sentence going on"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
    for match in HYPHEN_AFTER_STOP.finditer(text):
        reason = "speck read as a hyphen after a closing mark"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.75))
    for match in TICK_BEFORE_NUMBER.finditer(text):
        reason = "speck read as a mark between a word and a number or a paragraph sign"
        edits.append(Edit(match.start("mark"), match.end("mark"), " ", reason, 0.75))
    for match in TICK_BEFORE_YEAR.finditer(text):
        reason = "speck read as a mark before a year or a date (no elision: ’90er stays)"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.75))
    for match in DATE_GLUED_MARK.finditer(text):
        reason = "speck read as a mark between a date and the next word"
        edits.append(Edit(match.start("mark"), match.end("mark"), " ", reason, 0.75))
    for match in DATE_SPACE.finditer(text):
        reason = "speck read as a space inside a date"
        edits.append(Edit(match.start("space"), match.end("space"), "", reason, 0.7))
    for match in SUSPENDED_MARK.finditer(text):
        tail = _suspended_tail(match.group("first"), match.group("second"), lexicon)
        if tail:
            reason = (
                f"a suspended compound's hyphen read as '{match.group('mark')}' "
                f"('{match.group('first')}{tail}')"
            )
            edits.append(Edit(match.start("mark"), match.end("mark"), "-", reason, 0.7))
    for match in FUNCTION_WORD_COLON.finditer(text):
        word = match.group("word")
        previous = regex.search(
            r"(\p{L}+)[ \t]+$", text[max(0, match.start() - 30) : match.start()]
        )
        governed = (
            word in DEMONSTRATIVE_ARTICLES
            and previous is not None
            and previous.group(1).lower() in ARTICLE_PREPOSITIONS
        )
        if word in NO_COLON_AFTER or governed:
            reason = f"speck read as a colon after '{word}'" + (
                f" (an article after '{previous.group(1)}')" if governed and previous else ""
            )
            edits.append(Edit(match.end("word"), match.end(), "", reason, 0.7))
    for match in STOP_AFTER_PREPOSITION.finditer(text):
        reason = f"speck read as a dot between '{match.group('word')}' and a number"
        edits.append(Edit(match.end() - 1, match.end(), " ", reason, 0.75))
    for match in DOUBLE_STOP.finditer(text):
        space = " " if match.group("glued") else ""
        edits.append(Edit(match.start(), match.end(), space, "full stop doubled by a speck", 0.8))
    for match in LONE_CAPITAL.finditer(text):
        words = ctx.words_in(match.start("letter"), match.end("letter"))
        if len(words) != 1 or words[0].confidence >= LONE_CAPITAL_CONFIDENCE:
            continue  # only with OCR evidence: "Plan B. Die" is print
        reason = (
            f"speck read as a capital after the end of a sentence (OCR confidence "
            f"{words[0].confidence:.0f} < {LONE_CAPITAL_CONFIDENCE:.0f})"
        )
        edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
    for match in LONE_LETTER.finditer(text):
        reason = "speck read as a letter after the end of a sentence"
        edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
    return _disjoint(edits, text)


#: Quotation marks by family: German „…“ and ‚…‘, typewriter "…" and '…', English “…” ‘…’.
DOUBLE_QUOTES = '"„“”»«'
SINGLE_QUOTES = "'‚‘’`´"
#: A quotation mark glued to the start of a word (it opens) or to the end of one (it closes).
QUOTE_MARK = regex.compile(
    rf"(?<![^\s(\[/–-])(?P<open>[{DOUBLE_QUOTES}{SINGLE_QUOTES}]{{1,2}})(?=\p{{L}}|\d)"
    rf"|(?<=[\p{{L}}\d.,;:!?)])(?P<close>[{DOUBLE_QUOTES}{SINGLE_QUOTES}]{{1,2}})(?=[\s.,;:!?)\]–-]|$)"
)
#: An unpaired double mark opening a word OCR read below this confidence is a speck
#: (scan set: specks 23-73, quotations 86-96).
QUOTE_SPECK_CONFIDENCE = 75.0
#: Words after a suspended compound's hyphen (``Rad- und Fußverkehr``).
SUSPENSION_CONJUNCTIONS = frozenset({"und", "oder", "bzw", "sowie"})
#: A mark after these letters is the apostrophe of a genitive (``Hans’``, ``Marx’``).
APOSTROPHE_AFTER = "sßxzSXZ"


def _in_suspension_space(text: str, match: regex.Match[str]) -> bool:
    """Does the opening mark ``match`` stand in the space after a suspended compound's hyphen
    (``Rad-'und Fußverkehr``, ``Personal-"und Sachkosten``)? Its speck's space goes back."""
    after = regex.match(r"\p{L}+", text[match.end() : match.end() + 8])
    return bool(
        match.group("open")
        and text[match.start() - 1 : match.start()] == "-"
        and after
        and after.group() in SUSPENSION_CONJUNCTIONS
    )


def _family(mark: str) -> str:
    return "double" if mark[0] in DOUBLE_QUOTES else "single"


def remove_unpaired_quotes(text: str, ctx: CleanupContext) -> list[Edit]:
    """Single quotation marks glued to a word that no mark of their family closes (or opens) in
    the paragraph: scan speckle (``‘verstärkt``, ``Programm’``, ``‚Vorbereitung``). Marks are
    paired in order within a paragraph, innermost first, so a real quotation keeps both of its
    marks even where a speck stands before it (``„Für … Programm "Investitionen"``).

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("remove_unpaired_quotes", 'Stellen ‘verstärkt; „Für die Kampagne "Eine Stadt sagt JA"')
    'Stellen verstärkt; „Für die Kampagne "Eine Stadt sagt JA"'
    >>> clean_with("remove_unpaired_quotes", "Die Stadt ‚Leipzig‘ und Hans’ Antrag, geht’s")
    'Die Stadt ‚Leipzig‘ und Hans’ Antrag, geht’s'
    >>> clean_with("remove_unpaired_quotes", "die Belange des Rad-'und Fußverkehrs")
    'die Belange des Rad- und Fußverkehrs'
    """
    edits: list[Edit] = []
    for paragraph in regex.finditer(r"(?:[^\n\f]|\n(?![ \t]*\n))+", text):
        stacks: dict[str, list[regex.Match[str]]] = {"double": [], "single": []}
        unpaired: list[regex.Match[str]] = []
        for match in QUOTE_MARK.finditer(text, paragraph.start(), paragraph.end()):
            mark = match.group("open") or match.group("close")
            if match.group("open"):
                stacks[_family(mark)].append(match)
                continue
            if _family(mark) == "single" and text[match.start() - 1] in APOSTROPHE_AFTER:
                word = regex.search(r"\p{L}+$", text[: match.start()])
                if word is None or not word.group().islower():
                    continue  # a name's genitive apostrophe (``Hans’``), not a closing mark
                # a lower-case word has none (``mindestens’ 25``, ``des’ Vertrages``): a
                # speck's, unless it closes a quotation just opened
                if not _closes_quotation(text, match.start(), word.group(), ctx.lexicon):
                    unpaired.append(match)
                    continue
            stack = stacks[_family(mark)]
            if stack:
                stack.pop()
            else:
                unpaired.append(match)
        unpaired += stacks["double"] + stacks["single"]
        doubles = [m for m in unpaired if _family(m.group("open") or m.group("close")) == "double"]
        for match in unpaired:
            if match in doubles:
                # Double marks are quotations far more often than specks, and OCR loses or
                # swaps their partners across lines and paragraphs (court decisions in
                # ../shared/real-scans): a lost partner does not make a speck, unless OCR
                # was unsure of the word the mark opens (a quotation reads at 86-96).
                if match.group("open") and text[match.end() : match.end() + 1].isalpha():
                    words = ctx.words_in(match.start(), match.end() + 1)
                    if len(words) == 1 and words[0].confidence < QUOTE_SPECK_CONFIDENCE:
                        reason = (
                            f"opening quotation mark that nothing pairs in the paragraph, on a "
                            f"word OCR was unsure of ({words[0].confidence:.0f} < "
                            f"{QUOTE_SPECK_CONFIDENCE:.0f}): speck"
                        )
                        if _in_suspension_space(text, match):
                            edits.append(
                                Edit(match.start(), match.end(), " ", reason + " in a space", 0.65)
                            )
                        else:
                            edits.append(Edit(match.start(), match.end(), "", reason, 0.65))
                continue
            if any(
                (m.group("close") and m.start() > match.start() and match.group("open"))
                or (m.group("open") and m.start() < match.start() and match.group("close"))
                for m in doubles
            ):
                continue  # a double mark OCR read as a single one (‚gläserne Verwaltung")
            mark = match.group("open") or match.group("close")
            glued = text[match.end()] if match.group("open") else text[match.start() - 1]
            if match.group("close") and glued in ".,;:!?" and match.start() >= 2:
                glued = text[match.start() - 2]  # after a word's punctuation ("berücksichtigt.‘")
            # before a number only a low or turned mark (‚2014/2015); ’90er is an apostrophe
            word = glued.isalpha() or (glued.isdigit() and mark[0] in "‚‘")
            if not word:
                continue  # only marks glued to a word are taken for speckle
            side = "opening" if match.group("open") else "closing"
            reason = f"{side} quotation mark that nothing pairs in the paragraph (speck)"
            if _in_suspension_space(text, match):
                edits.append(Edit(match.start(), match.end(), " ", reason + " in a space", 0.7))
                continue
            edits.append(Edit(match.start(), match.end(), "", reason, 0.7))
    return edits


def remove_line_end_marks(text: str, ctx: CleanupContext) -> list[Edit]:
    """Speck marks judged again by :func:`remove_speckle_marks` once the dehyphenation, the
    word repairs and the reflow have given them their context: a mark that stood at a line's
    end sees the next word only now (``Landespolizei:⏎und der Bahn``, ``Abbrennen.⏎von
    Pyrotechnik``), and one after a word broken at a line's end sees the whole word only now
    (``Stadtbezirks-⏎beiräten. abgestimmt``: ``beiräten`` is no word, ``Stadtbezirksbeiräten``
    is).

    >>> from pipeline.cleanup import clean
    >>> text = "Die Verwaltung wird beauftragt, gemeinsam mit der Landespolizei:\\nund der Bahn "
    >>> clean(text + "ein Konzept zu erarbeiten. Das Abbrennen von Pyrotechnik ist untersagt.").text
    'Die Verwaltung wird beauftragt, gemeinsam mit der Landespolizei und der Bahn ein Konzept zu erarbeiten. Das Abbrennen von Pyrotechnik ist untersagt.\\n'
    """
    state = ctx.state
    if state is None:
        return []
    edits = []
    for edit in remove_speckle_marks(text, ctx):
        start = state.raw_offset(edit.start, side="start")
        end = state.raw_offset(edit.end, side="end") if edit.end > edit.start else start
        if "\n" in state.raw[start:end] or state.raw[end:].lstrip(" \t")[:1] == "\n":
            edits.append(replace(edit, reason=f"{edit.reason} (at a line's end)"))
        else:
            edits.append(replace(edit, reason=f"{edit.reason} (after the reflow)"))
    return edits
