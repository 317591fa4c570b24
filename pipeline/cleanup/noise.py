"""Signature and scribble noise: lines that are not language, signatures OCRed as words,
stray marks glued to words."""

from __future__ import annotations

import regex

from pipeline.cleanup.context import LOW_CONFIDENCE, CleanupContext
from pipeline.cleanup.edits import Edit
from pipeline.cleanup.lines import LIST_MARKER, ZU_HEADING, Line, line_removal_span, split_lines
from pipeline.lexicon import Lexicon
from pipeline.patterns import protected_spans

#: Glyphs of pen strokes and scribbles; brackets, quotes and slashes are punctuation of text.
NOISE_SYMBOLS = frozenset("■□▪▫●•◆~^|\\{}<>_=*#@¬°`´")
STRAY_MARK = regex.compile(r"(?<=\p{L}{2})[\^`´~|\\'°]+(?=\s|$)|(?<=^|\s)[\^`´~|\\°]+(?=\p{L}{2})")
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
    return _disjoint(edits)


def _disjoint(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: e.start):
        if kept and edit.start < kept[-1].end:
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
    r"(?<=(?<![\p{L}.])(?P<before>\p{L}{2,}))(?P<mark>[.'’,][ \t]?|[ \t][.'’,])(?=(?P<after>\p{L}{2,})\b)"
)


def remove_speckle_marks(text: str, ctx: CleanupContext) -> list[Edit]:
    """Dots and ticks that scan speckle put between two words of one sentence.

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("remove_speckle_marks", "An.allen Schulen ist. erfolgt, der Stand .wurde und dauert'an")
    'An allen Schulen ist erfolgt, der Stand wurde und dauert an'
    >>> clean_with("remove_speckle_marks", "bzw. die Stadt, z.B. die Kita, Abs. die, Ende. danach")
    'bzw. die Stadt, z.B. die Kita, Abs. die, Ende. danach'
    """
    lexicon: Lexicon = ctx.lexicon
    edits: list[Edit] = []
    for match in SPECKLE.finditer(text):
        before, after, mark = match.group("before"), match.group("after"), match.group("mark")
        if before in ABBREVIATIONS or before.lower() in ABBREVIATIONS or mark.strip() == ",":
            continue
        common = all(lexicon.is_form(w) or lexicon.is_function_word(w) for w in (before, after))
        if not common or lexicon.zipf(before) < 3.0 or lexicon.zipf(after) < 3.0:
            continue
        if mark.strip() == "." and before[0].isupper() and len(before) > 3 and mark.endswith(" "):
            continue  # "Ende. danach": a capitalised noun may end a sentence before a lower-case word
        if not after[0].islower() and (mark.strip() != mark or not before.islower()):
            continue  # before a capital only a dot glued to both words ("im.Rahmen") is a speck
        edits.append(
            Edit(match.start("mark"), match.end("mark"), " ", "speck read as punctuation", 0.7)
        )
    return edits
