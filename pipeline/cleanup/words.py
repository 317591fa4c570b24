"""OCR-damaged words repaired against the lexicon, only when the fix is unambiguous.

``Obe/burgermeisterin`` → ``Oberbürgermeisterin``: the ``/`` must be a letter, and one umlaut
lost its dots. Candidates come from OCR confusion classes; a repair is made when exactly one
candidate is a known word (or one is far more frequent than the rest).
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import Counter
from collections.abc import Callable

import regex

from pipeline.cleanup.context import CleanupContext
from pipeline.cleanup.edits import Edit
from pipeline.lexicon import KNOWN_WORD_ZIPF, Lexicon, mended_role_word

#: What an OCR glyph inside a word may really be.
GLYPH_CONFUSIONS: dict[str, tuple[str, ...]] = {
    "/": ("r", "l", "t", "f", "i"),
    "|": ("l", "I", "i"),
    "!": ("l", "i"),
    "0": ("o", "O"),
    "1": ("l", "i", "I"),
    "5": ("s", "S"),
    "8": ("B",),
    "6": ("b", "e"),
    "(": ("c", "t"),
    "{": ("f", "t"),
    "@": ("e", "a"),
}
UMLAUTS = {"u": "ü", "a": "ä", "o": "ö", "U": "Ü", "A": "Ä", "O": "Ö"}
#: A word with OCR glyphs inside, between letters, or at its end (``@`` for an ``e`` after
#: five letters at least: ``Gleichstellungsbeauftragt@``), or a digit glyph as its first
#: letter before at least four lower-case letters (``5owie``, ``0rdnung``).
DAMAGED = regex.compile(
    r"(?<![\p{L}\d])\p{L}+(?:[/|!015816({@]\p{L}+)+(?![\p{L}\d])"
    r"|(?<![\p{L}\d])(?:\p{L}{2,}[/|]|\p{L}{5,}@)(?=\s)"
    r"|(?<![\p{L}\d.,/-])[0158]\p{Ll}{4,}(?![\p{L}\d])"
)
#: A word standing alone: not glued to digits, hyphens or OCR glyphs ("Stadte/itwicklung",
#: "Oberbürgerm@ister": ``ister`` is no word of its own to split).
PLAIN_WORD = regex.compile(
    r"(?<![\p{L}\d\-/|!({@#$%*_=+~\\^<>])\p{L}{3,}(?![\p{L}\d\-/|!({@#$%*_=+~\\^<>])"
)
#: A part of a compound joined by hyphens (``Nordrhein-Westfalen``) or a suspended one's head
#: before ``und``/``oder``/``sowie`` or a comma (``Beratungs- und Abstimmungsprozesse``); a
#: hyphen at a line's end is left to the dehyphenation.
HYPHEN_PART = regex.compile(
    r"(?<=\p{L}-)\p{L}{3,}(?![\p{L}\d])"
    r"|(?<![\p{L}\d\-])\p{L}{3,}(?=-(?:\p{L}|[ \t]+(?:und|oder|sowie|bzw\.)[ \t]|,))"
)
#: ``seit dem`` before a date, run together (``liegt seitdem 09.07.2017 vor``): the adverb
#: ``seitdem`` stands before no date.
SEITDEM_DATE = regex.compile(
    r"(?<![\p{L}\d])(?P<seit>[Ss]eit)(?=dem[ \t]+\d{1,2}\.[ \t]?\d{1,2}\.)"
)
#: A word that may be a misread role word (:func:`pipeline.lexicon.mended_role_word`):
#: letters only, not part of a compound joined by a hyphen or a slash.
ROLE_WORD_SHAPE = regex.compile(r"(?<![\p{L}\d\-/])\p{L}{12,}(?![\p{L}\d\-/])")
#: Frequency gap that makes the most frequent candidate the answer.
CLEAR_WINNER_ZIPF_GAP = 1.5
MAX_GLYPHS = 3
#: Below this Zipf frequency a word counts as never seen: only then is it repaired.
UNSEEN_ZIPF = 1.0
#: A lower-case word no list has, seen less often than this (Zipf), is repaired where its one
#: twin by letter confusions is this much more frequent (``nieht`` 1.0, ``nicht`` 6.9).
RARE_MISREAD_ZIPF, RARE_MISREAD_GAP = 2.0, 4.0
#: An "i" is read back as "ä" only into a word this frequent (Präsenz 4.0).
I_FOR_UMLAUT_ZIPF = 3.0
#: A line this long is body text, whose line-end words may be broken.
BODY_LINE = 45


def _umlaut_variants(word: str) -> list[str]:
    variants = [word]
    for i, ch in enumerate(word):
        if ch in UMLAUTS:
            variants.append(word[:i] + UMLAUTS[ch] + word[i + 1 :])
    return variants


def _glyph_variants(word: str) -> list[str]:
    """``word`` with each OCR glyph read as a letter (no umlauts)."""
    slots = [GLYPH_CONFUSIONS.get(ch, (ch,)) for ch in word]
    if sum(ch in GLYPH_CONFUSIONS for ch in word) > MAX_GLYPHS:
        return []
    return ["".join(combo) for combo in itertools.product(*slots)]


def candidates(word: str) -> set[str]:
    """Words ``word`` may have been before OCR damaged it (at most one umlaut restored).

    >>> "Oberbürgermeisterin" in candidates("Obe/burgermeisterin")
    True
    """
    slots = [GLYPH_CONFUSIONS.get(ch, (ch,)) for ch in word]
    glyphs = sum(ch in GLYPH_CONFUSIONS for ch in word)
    if glyphs > MAX_GLYPHS:
        return set()
    out: set[str] = set()
    for combo in itertools.product(*slots):
        out.update(_umlaut_variants("".join(combo)))
    return out


def choose(options: set[str], lexicon: Lexicon) -> tuple[str | None, list[str]]:
    """The unambiguous known candidate (or None) and all known candidates."""
    # Whole words only: compound analysis would accept "und/oder" as "undröder".
    known = sorted(c for c in options if lexicon.is_form(c) or lexicon.zipf(c) >= 2.0)
    if len(known) == 1:
        return known[0], known
    ranked = sorted(known, key=lexicon.zipf, reverse=True)
    if (
        len(ranked) > 1
        and lexicon.zipf(ranked[0]) - lexicon.zipf(ranked[1]) >= CLEAR_WINNER_ZIPF_GAP
    ):
        return ranked[0], ranked
    return None, ranked


def _lone_signature(text: str, match: regex.Match[str], lexicon: Lexicon) -> bool:
    """Is the token inside a line that holds one signature OCRed as a word (``Heiko5cbulze``)?"""
    from pipeline.cleanup.noise import is_signature_word

    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    return " " not in line and is_signature_word(line, lexicon, in_signature_zone=True)


def _whole_word(word: str, lexicon: Lexicon) -> bool:
    """Known as a word of its own (a form or a function word), not only as a compound."""
    return lexicon.is_form(word) or lexicon.is_function_word(word)


def _council_twin(word: str, lexicon: Lexicon) -> bool:
    """An unseen word that a compound split accepts (Oberburg|ermeisterin) while a council
    vocabulary word differs from it only by OCR confusions (Oberbürgermeisterin)."""
    if lexicon.zipf(word) >= KNOWN_WORD_ZIPF:
        return False
    return any(
        option.capitalize() in lexicon.council_vocab or option in lexicon.council_vocab
        for option in lexicon.confusions.lookup(word)
    )


def _letter_confusion_fix(word: str, lexicon: Lexicon) -> str | None:
    """The one known word that differs from ``word`` only by OCR letter confusions."""
    options = _confusion_options(word, lexicon)
    if not options:  # "ri" for "n" changes the length, so the key cannot fold it
        for i in (i for i in range(len(word) - 1) if word[i : i + 2] == "ri"):
            variant = word[:i] + "n" + word[i + 2 :]
            options += _confusion_options(variant, lexicon)
            options += [variant] if lexicon.known_directly(variant) else []
    if not options:  # an "ä" whose dots merged is read as "i" (Prisenz)
        for i in (i for i, ch in enumerate(word) if ch == "i"):
            variant = word[:i] + "ä" + word[i + 1 :]
            # frequent words only: i/ä is also German ablaut (abhingt, abhängt)
            options += [variant] if lexicon.zipf(variant) >= I_FOR_UMLAUT_ZIPF else []
    if not options:
        options = _compound_tail_fix(word, lexicon)
    if not options:
        options = _compound_head_fix(word, lexicon)
    options = [
        option
        for option in set(options)
        # only the dots differ: "unterfalle" is a rare verb form, not a damaged "unterfälle";
        # a council word no corpus counts is no rare form of another (Beschlüsspunkt)
        if _strip_dots(option) != _strip_dots(word)
        or lexicon.zipf(option) >= KNOWN_WORD_ZIPF
        or option in lexicon.council_vocab
    ]
    options = sorted(options, key=lexicon.zipf, reverse=True)
    if len(options) == 1:
        return options[0]
    if (
        len(options) > 1
        and lexicon.zipf(options[0]) - lexicon.zipf(options[1]) >= CLEAR_WINNER_ZIPF_GAP
    ):
        return options[0]
    return None


#: Letters whose capital differs from the small letter only in size: OCR confuses them.
SIZE_ONLY_CASE = "CKOPSUVWXZ"
#: Capitals OCR confuses at a word's start when a bar is lost or added by speckle.
CAPITAL_CONFUSIONS = {"F": "E", "E": "F"}
INNER_CAPITAL = regex.compile(
    rf"(?:(?<=\p{{Ll}}{{2}})|(?<=^\p{{Lu}}))[{SIZE_ONLY_CASE}](?=\p{{Ll}}{{2}})"
)
#: A letter read twice inside a word, the second time as a capital (``AbstimmMungsprozesse``).
DOUBLED_INNER_CAPITAL = regex.compile(r"(?<=\p{Ll}(\p{Ll}))(?i:\1)(?<=\p{Lu})(?=\p{Ll}{2})")
#: A word with a size-only capital inside that is a compound the lexicon knows once it is
#: lower-cased has this many letters at least (shorter ones must be word forms).
INNER_CAPITAL_COMPOUND = 10
#: A capital read twice at a word's start, once as a look-alike (``ÖOberbürger``,
#: ``OÖberbürger``, ``WVorhabenträger``): the letter, its umlaut, or V and W.
DOUBLED_INITIAL = regex.compile(r"(?P<first>\p{Lu})(?P<word>\p{Lu}\p{Ll}{5,})")
DOUBLED_INITIAL_LOOKALIKES = frozenset(
    {("Ö", "O"), ("Ä", "A"), ("Ü", "U"), ("O", "Ö"), ("A", "Ä"), ("U", "Ü"), ("W", "V"), ("V", "W")}
)


def _doubled_initial_fix(word: str, lexicon: Lexicon) -> str | None:
    """``ÖOberbürgermeisterin`` -> ``Oberbürgermeisterin``, ``WVorhabenträger`` ->
    ``Vorhabenträger``: an unknown word that is a known noun of six letters or more after a
    look-alike of its capital (:data:`DOUBLED_INITIAL_LOOKALIKES`, or the same letter); or
    before one (``OÖberbürgermeister``, seed 229 scan-003): the one of the two readings that
    is a word.

    >>> from pipeline.lexicon import default_lexicon
    >>> words = ("WVorhabenträger", "ÄOK", "VWerk", "OÖberbürgermeister", "ÖOberbürgermeister")
    >>> [_doubled_initial_fix(w, default_lexicon()) for w in words]
    ['Vorhabenträger', None, None, 'Oberbürgermeister', 'Oberbürgermeister']
    """
    match = DOUBLED_INITIAL.fullmatch(word)
    if not match or lexicon.known(word):
        return None
    first, rest = match["first"], match["word"]
    if first != rest[0] and (first, rest[0]) not in DOUBLED_INITIAL_LOOKALIKES:
        return None
    known = {reading for reading in (rest, first + rest[1:]) if lexicon.known(reading)}
    return known.pop() if len(known) == 1 else None


def _letter_case_fix(word: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """(repaired word, reason) for a capital OCR misread inside or at the start of a word:
    ``BeschlusSpunkt``, ``SChreiben`` (a size-only capital inside: the word form with it lower-cased; word
    frequencies ignore case, so the form list judges) and ``Frweiterungsbau`` (F for E: the
    damaged form unseen in every corpus), when exactly one known word explains it. Camel-case
    names (``BahnCard``: ``Bahncard`` is no form), a Binnen-I (``BürgerInnen``) and two words
    run together (``VorSchulen``) stay.
    """
    if lexicon.is_form(word):
        return None
    found: set[tuple[str, str]] = set()
    for match in INNER_CAPITAL.finditer(word):
        variant = word[: match.start()] + match.group().lower() + word[match.end() :]
        if _whole_word(word[: match.start()], lexicon) and _whole_word(
            word[match.start() :], lexicon
        ):
            continue  # "VorSchulen": two words whose space OCR lost, not one damaged word
        # a long compound too (``KlimaSchutzkonzept``, ``UnterstütZungsangebote``)
        if lexicon.is_form(variant) or (
            len(variant) >= INNER_CAPITAL_COMPOUND and lexicon.known(variant)
        ):
            found.add((variant, f"OCR read '{match.group().lower()}' as a capital inside a word"))
    for match in DOUBLED_INNER_CAPITAL.finditer(word):
        variant = word[: match.start()] + word[match.end() :]
        if lexicon.is_form(variant) or (
            len(variant) >= INNER_CAPITAL_COMPOUND and lexicon.known(variant)
        ):
            reason = f"OCR read '{match.group().lower()}' twice, the second time as a capital"
            found.add((variant, reason))
    first = CAPITAL_CONFUSIONS.get(word[:1])
    if first and lexicon.zipf(word) < UNSEEN_ZIPF and not lexicon.known(word):
        variant = first + word[1:]
        if (
            lexicon.is_form(variant)
            or lexicon.zipf(variant) >= KNOWN_WORD_ZIPF
            # a long compound some corpus has seen (``Finwohnerfragestunde``)
            or (len(word) >= SWAP_MIN_LENGTH and lexicon.zipf(variant) >= SWAP_ZIPF)
        ):
            found.add((variant, f"OCR read '{first}' as '{word[0]}' at a word's start"))
    return found.pop() if len(found) == 1 else None


#: Capitals OCR takes a word's small first letter for mid-sentence: umlauts, whose dots make
#: the small letter as tall as a capital (``Öffentlicher`` for ``öffentlicher``; the
#: size-only capitals are left: ``Programm Soziale Stadt`` is a name).
INITIAL_LOOKALIKES = "ÄÖÜ"


#: Articles and conjunctions OCR runs onto the noun before them (``Fraktionendes``).
GLUED_TAILS = ("der", "die", "das", "des", "dem", "den", "und", "oder")
#: The noun before them has this many letters at least (``Landes`` is no ``Lan des``).
GLUED_NOUN_MIN = 5
#: Determiners a function word is run onto (``fürjeden``), where the whole is seen less than
#: ``UNSEEN_GLUED_ZIPF`` (Zipf).
GLUED_DETERMINERS = frozenset(
    stem + ending
    for stem in ("jed", "dies", "jen", "kein", "all", "manch", "welch", "solch")
    for ending in ("e", "en", "em", "er", "es")
)
UNSEEN_GLUED_ZIPF = 1.5
#: Articles run onto the noun after them, its capital read small (``dasjahr``).
GLUED_ARTICLES = frozenset(
    {"der", "die", "das", "den", "dem", "des", "im", "am", "zum", "zur", "vom"}
)


def _glued_words(word: str, lexicon: Lexicon) -> str | None:
    """``word`` as the two words whose space OCR lost, when no corpus has seen it and
    exactly one cut gives a function word and another (``Fürdie``, ``Anallen``) or a
    function word and a capitalised word form (``VorSchulen``), or a noun's form and an
    article or a conjunction after it (``Fraktionendes``). Web text has run-together words
    too (``fürdie`` Zipf 1.7): a word below Zipf 2 counts as unseen here."""
    camel = any(ch.isupper() for ch in word[1:])
    if lexicon.is_form(word) or (
        not camel and (lexicon.zipf(word) >= SPECKLE_UNSEEN_ZIPF or lexicon.known(word))
    ):
        return _noun_and_article(word, lexicon) if not camel else None
    found, weaker = set(), set()
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if not lexicon.is_function_word(head):
            continue
        if (tail.islower() and lexicon.is_function_word(tail)) or (
            tail[0].isupper() and tail[1:].islower() and lexicon.is_form(tail)
        ):
            found.add(f"{head} {tail}")
        elif tail in GLUED_DETERMINERS and lexicon.zipf(word) < UNSEEN_GLUED_ZIPF:
            # "fürjeden": a function word and a determiner ("insehen" is "einsehen" misread,
            # no "in sehen")
            weaker.add(f"{head} {tail}")
        elif (
            not camel
            and head.lower() in GLUED_ARTICLES
            and len(tail) >= GLUED_NOUN_MIN - 1
            and not lexicon.is_form(tail)
            and lexicon.is_form(tail.capitalize())
        ):
            # "dasjahr": an article and a noun whose capital was read small
            weaker.add(f"{head} {tail.capitalize()}")
    if found:
        return found.pop() if len(found) == 1 else None
    if not camel:
        weaker |= {split} if (split := _noun_and_article(word, lexicon)) else set()
    if len(weaker) != 1 or _letter_confusion_fix(word, lexicon):
        return None  # "Umweit" is "Umwelt" misread, not "Um weit"
    return weaker.pop()


def _noun_and_article(word: str, lexicon: Lexicon) -> str | None:
    """``word`` as a noun and the article or conjunction OCR ran onto it (``Fraktionendes``):
    a word no list holds and no corpus has seen but which a compound split may explain
    (Fraktion|Endes), whose head is a capitalised form and no verb's infinitive (``Lernenden``
    is a participle's noun, ``lernen`` a verb).

    >>> from pipeline.lexicon import default_lexicon
    >>> _noun_and_article("Fraktionendes", default_lexicon()), _noun_and_article("Gartenden", default_lexicon())
    ('Fraktionen des', None)
    """
    if not word[:1].isupper() or lexicon.known_directly(word) or lexicon.zipf(word) > 0:
        return None
    found = set()
    for tail in GLUED_TAILS:
        head = word.removesuffix(tail)
        if (
            head != word
            and len(head) >= GLUED_NOUN_MIN
            and lexicon.is_form(head)
            and not lexicon.is_form(head.lower())
        ):
            found.add(f"{head} {tail}")
    return found.pop() if len(found) == 1 else None


#: Articles and contractions after which an adjective may be a noun (``im Übrigen``), unless
#: a noun follows it (``des Öffentlichen Personennahverkehrs``).
NOMINALISING = frozenset(
    {
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "im",
        "am",
        "zum",
        "zur",
        "vom",
        "beim",
        "ins",
        "aufs",
        "fürs",
    }
)
#: Text before a word that puts it mid-sentence: a small letter or a comma, then a space or
#: one line break, or a number and a space (``im November 2010 Öffentlich ausgelegt``); ``\Z``
#: as ``$`` would also match before a blank line's second line end, and a paragraph's first
#: word is no word mid-sentence.
MID_SENTENCE = regex.compile(r"[\p{Ll},][ \t]*(?:\n[ \t]*)?\Z|[\p{Ll}\d,][ \t]+\Z")


#: A capitalised word broken at the line's end: its head, hyphen, the line break, its tail.
BROKEN_WORD = regex.compile(
    r"(?<![\p{L}\d\-/|!({])(?P<head>\p{Lu}\p{Ll}+)-[ \t]*\n[ \t]*(?P<tail>\p{Ll}+)(?![\p{L}\-])"
)


def _initial_case_fix(
    text: str, start: int, word: str, lexicon: Lexicon, end: int | None = None
) -> str | None:
    """``word`` with its first letter small, when OCR took a small letter for a capital of
    the same shape mid-sentence: the capitalised word is no form (no noun), the small one is
    (``in Öffentlicher Sitzung``); else None."""
    if word[0] not in INITIAL_LOOKALIKES or not word[1:].islower() or lexicon.is_form(word):
        return None
    lowered = word[0].lower() + word[1:]
    if not lexicon.is_form(lowered):
        return None
    before = text[max(0, start - 40) : start]
    if not MID_SENTENCE.search(before):
        return None
    previous = regex.search(r"(\p{L}+)\s*$", before)
    end = start + len(word) if end is None else end  # a broken word ends on the next line
    following = regex.match(r"\s*(\p{L})", text[end : end + 8])
    if (
        previous
        and previous.group(1).lower() in NOMINALISING
        and not (following and following.group(1).isupper())
    ):
        return None  # "im Übrigen auch": an adjective made a noun keeps its capital
    return lowered


#: Small letters OCR reads for the capital at a noun's start: a ``J`` whose hook sits on
#: the baseline is read as ``j`` (``im jahr 2019``, ``in jena``).
CAPITAL_LOOKALIKES = {"j": "J"}
#: Endings of inflected adjectives: ``junge`` (of ``jung``) is no form in the list but is
#: a word, and ``Junge`` a noun.
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _initial_capital_fix(text: str, start: int, word: str, lexicon: Lexicon) -> str | None:
    """``word`` with its first letter a capital, when OCR took the capital for a small letter
    of the same shape (:data:`CAPITAL_LOOKALIKES`): the small word is no form and no function
    word, the capitalised one is a form, no stem of an inflected adjective is a form
    (``jüdische``: ``jüdisch``), no capitalised word follows (an adjective before its noun)
    and no hyphen comes before (``Wirtschafts-⏎‚jahr``: a compound's tail broken at a line's
    end, a speck between); else None.

    >>> lex = Lexicon({"Jahr", "Junge", "jung"}, set(), {"ja"})
    >>> texts = ("im jahr", "ja", "junge", "Wirtschafts-jahr")
    >>> [_initial_capital_fix(t, t.rindex("j"), t[t.rindex("j") :], lex) for t in texts]
    ['Jahr', None, None, None]
    """
    capital = CAPITAL_LOOKALIKES.get(word[:1])
    if capital is None or len(word) < 3 or not word[1:].islower() or lexicon.is_form(word):
        return None
    raised = capital + word[1:]
    if lexicon.is_function_word(word) or not lexicon.is_form(raised):
        return None
    if _inflected_adjective(word, lexicon):
        return None
    end = start + len(word)
    if regex.match(r"\s+\p{Lu}", text[end : end + 4]) or regex.search(
        r"-\s*[^\p{L}\p{N}\s]{0,2}$", text[max(0, start - 6) : start]
    ):
        return None
    return raised


#: What a letter next to a speck may have been read as (``Pöllzeiverordnung``: one l for i).
SPECKLE_LETTERS = {"l": "i", "i": "l"}
#: Below this Zipf frequency a word with dots counts as unseen (``vör`` 1.5 is corpus noise).
SPECKLE_UNSEEN_ZIPF = 2.0
#: A short capitalised word whose dotted capital is a speck's becomes a word this frequent.
DOTTED_CAPITAL_ZIPF = 3.0
#: A word seen with its dots (``vör``, Zipf 1.5) is repaired only to a word this frequent.
FREQUENT_TWIN_ZIPF = 5.0


def _speckle_umlaut_fix(word: str, lexicon: Lexicon) -> str | None:
    """The one known word that ``word`` is with a speck read as umlaut dots: ``Nächnutzung``
    (Nachnutzung), ``vör`` (vor), ``Polizeiverördnung``; with the dots also one l read for i
    (``Pöllzeiverordnung``); of two dot pairs, one may be the word's own (``züsätzliche``).
    Only a word that no corpus knows with its dots: ``Bär``, ``schön`` and ``für`` are words.
    Short capitalised words may be names (``Göbel``) and stay, unless only their capital has
    dots and is a frequent word without (``Önline``: names with a dotted capital, ``Özdemir``,
    ``Örtel``, are no words without).

    >>> from pipeline.lexicon import default_lexicon
    >>> _speckle_umlaut_fix("Nächnutzung", default_lexicon()), _speckle_umlaut_fix("schön", default_lexicon())
    ('Nachnutzung', None)
    >>> _speckle_umlaut_fix("Önline", default_lexicon()), _speckle_umlaut_fix("Göbel", default_lexicon())
    ('Online', None)
    """
    if lexicon.known(word) or lexicon.zipf(word) >= SPECKLE_UNSEEN_ZIPF:
        return None
    if word[0].isupper() and len(word) < 8:
        plain = _strip_dots(word[0]) + word[1:]
        if (
            word[0] in "ÄÖÜ"
            and not any(ch in "äöü" for ch in word[1:])
            and lexicon.known_directly(plain)
            and lexicon.zipf(plain) >= DOTTED_CAPITAL_ZIPF
        ):
            return plain
        return None
    variants: list[str] = []
    for i in (i for i, ch in enumerate(word) if ch in "äöüÄÖÜ"):  # one dot pair at a time
        if _dotted_stem(word, i, lexicon):
            continue  # these dots belong to a word part (Förder|richtlinie, zusätz|liche)
        plain = word[:i] + _strip_dots(word[i]) + word[i + 1 :]
        variants.append(plain)
        if not _speckle_known(plain, lexicon):
            variants += [
                plain[:j] + SPECKLE_LETTERS[ch] + plain[j + 1 :]
                for j, ch in enumerate(plain)
                if ch in SPECKLE_LETTERS and 0 < abs(j - i) <= 2  # the speck was by the dots
            ]
    # A compound split alone overrules only a word that no corpus has seen at all.
    whole = lexicon.zipf(word) > 0
    found = {v for v in variants if _speckle_known(v, lexicon, whole=whole)}
    return found.pop() if len(found) == 1 else None


#: A compound joined by hyphens (``Baden-Württemberg``).
HYPHENED = regex.compile(r"\p{L}+(?:-\p{L}+)+")


def _hyphened_umlaut_twin(text: str, match: regex.Match[str], lexicon: Lexicon) -> str | None:
    """The part ``match`` of a compound joined by hyphens without its one pair of dots, when
    the part with them is no word and the compound with them unseen, but the compound without
    them is a known word (``Bäden-Württemberg``: a short capitalised part alone may be a name).

    >>> from pipeline.lexicon import default_lexicon
    >>> def twin(text, part):
    ...     match = regex.search(part, text)
    ...     return _hyphened_umlaut_twin(text, match, default_lexicon())
    >>> twin("in Bäden-Württemberg", "Bäden"), twin("in Bär-Württemberg", "Bär")
    ('Baden', None)
    """
    part = match.group()
    dotted = [i for i, ch in enumerate(part) if ch in "äöüÄÖÜ"]
    if len(dotted) != 1 or lexicon.is_form(part) or lexicon.zipf(part) > 0:
        return None
    whole = next(
        (w for w in HYPHENED.finditer(text, max(0, match.start() - 60), match.end() + 60)
         if w.start() <= match.start() and match.end() <= w.end()),
        None,
    )  # fmt: skip
    if whole is None or lexicon.zipf(whole.group()) > 0:
        return None
    i = dotted[0]
    plain = part[:i] + _strip_dots(part[i]) + part[i + 1 :]
    twin = text[whole.start() : match.start()] + plain + text[match.end() : whole.end()]
    return plain if lexicon.known_directly(twin) else None


#: A word with its dots that a compound split alone explains and no corpus has seen loses
#: them when the word without them is seen at least this often (``Radfährstreifen``: Rad|fähr|
#: streifen; Radfahrstreifen 2.3, Besucherzahlen 3.2, Magdeburg 4.4; ``Fährstraße`` is seen
#: itself, 1.8, and stays).
SEEN_TWIN_ZIPF = 1.8


def _compound_umlaut_twin(word: str, lexicon: Lexicon) -> str | None:
    """``word`` without its one pair of dots when it is known only as a compound, never seen,
    and the word without them is seen (:data:`SEEN_TWIN_ZIPF`)."""
    dotted = [i for i, ch in enumerate(word) if ch in "äöüÄÖÜ"]
    if len(dotted) != 1 or lexicon.known_directly(word) or lexicon.zipf(word) > 0:
        return None
    plain = word[: dotted[0]] + _strip_dots(word[dotted[0]]) + word[dotted[0] + 1 :]
    return plain if lexicon.zipf(plain) >= SEEN_TWIN_ZIPF else None


#: Letters a speck beside a letter adds to a word (``Abstimmiungsprozesse``: an i beside the
#: m; ``Quüerungshilfen``: dots over the u read as a letter of their own).
SPECK_LETTERS = "iüäöı"
#: Only a word this long loses a letter into another known word by chance no more than rarely.
SPECK_LETTER_MIN_LENGTH = 10


def _speck_letter_fix(word: str, lexicon: Lexicon) -> str | None:
    """The one word some corpus has seen that ``word`` is without one letter a speck added
    (``Leistunigsbescheid`` -> Leistungsbescheid), for a long word that no corpus has seen
    and that is no compound of known words; the letter must stand beside a letter it is no
    double of (``ii`` is left to the confusions).

    >>> from pipeline.lexicon import default_lexicon
    >>> _speck_letter_fix("Abstimmiungsprozesse", default_lexicon())
    'Abstimmungsprozesse'
    >>> _speck_letter_fix("Beteiligungsprozesse", default_lexicon()) is None
    True
    """
    if len(word) < SPECK_LETTER_MIN_LENGTH or lexicon.zipf(word) > 0 or lexicon.known(word):
        return None
    found = set()
    for i in range(1, len(word) - 1):  # not the first letter: a capital starts a noun
        if word[i] not in SPECK_LETTERS or word[i] in (word[i - 1], word[i + 1]):
            continue
        variant = word[:i] + word[i + 1 :]
        # seen in a corpus: a compound split alone would take ``Rechtämittel`` for
        # Recht|mittel (Rechtsmittel) and ``Auslegungsregein`` for Auslegungs|regen (court
        # decisions in ../shared/real-scans)
        if lexicon.zipf(variant) >= UNSEEN_ZIPF:
            found.add(variant)
    return found.pop() if len(found) == 1 else None


#: Letters OCR reads for one another on noisy scans, in pairs (either way round).
VISUAL_PAIRS = ("il", "lt", "ft", "fl", "nh", "hb", "un", "ec", "ae", "ao", "aä", "oö", "uü")
SWAPS: dict[str, str] = {
    letter: "".join(pair.replace(letter, "", 1) for pair in VISUAL_PAIRS if letter in pair)
    for letter in set("".join(VISUAL_PAIRS))
}
#: A word repaired by one swapped letter must be this frequent (Förderrichtlinie 1.8).
SWAP_ZIPF = 1.5
SWAP_MIN_LENGTH = 8


def _one_letter_swap_fix(word: str, lexicon: Lexicon) -> str | None:
    """The one word some corpus has seen (or the council vocabulary has) that ``word`` is
    with one letter read for a look-alike (``Einzeimaßnahmen``, ``Bushaltestelien``,
    ``Entwickfung``, ``überhoft``, ``Beschfusspunkt``), for
    a word of 8 letters or more that no corpus has seen and that is no compound of known
    words. The first letter stays (capitals are other confusions).

    >>> from pipeline.lexicon import default_lexicon
    >>> _one_letter_swap_fix("Einzeimaßnahmen", default_lexicon())
    'Einzelmaßnahmen'
    >>> _one_letter_swap_fix("Stadtbaumbestahdes", default_lexicon()) is None  # unseen either way
    True
    """
    if len(word) < SWAP_MIN_LENGTH or lexicon.zipf(word) > 0 or lexicon.known(word):
        return None
    found = {
        variant
        for i in range(1, len(word))
        for other in SWAPS.get(word[i], "")
        if lexicon.zipf(variant := word[:i] + other + word[i + 1 :]) >= SWAP_ZIPF
        or variant in lexicon.council_vocab  # Beschfusspunkt: a council word no corpus counts
    }
    if len(found) != 1:
        return None
    fixed = found.pop()
    if fixed[0].islower() and lexicon.is_form(fixed.capitalize()) and not lexicon.is_form(fixed):
        return None  # a noun in lower case ("ansprüch"): the word is damaged more than once
    return fixed


def _doubled_letter_fix(word: str, lexicon: Lexicon) -> str | None:
    """The one word some corpus has seen (or the council vocabulary has) that ``word`` is with
    one letter of a pair read once (``gegensstandslos``, ``miitteile``: OCR read a letter
    twice), for a word of 8 letters or more that no corpus has seen, no compound of known
    words, with no capital inside.

    >>> from pipeline.lexicon import default_lexicon
    >>> _doubled_letter_fix("gegensstandslos", default_lexicon())
    'gegenstandslos'
    >>> _doubled_letter_fix("Kommunalwahlen", default_lexicon()) is None  # a word
    True
    """
    if (
        len(word) < SWAP_MIN_LENGTH
        or not word[1:].islower()
        or lexicon.zipf(word) > 0
        or lexicon.known(word)
    ):
        return None
    found = {
        variant
        for i in range(1, len(word) - 1)
        if word[i] == word[i + 1]
        and (
            lexicon.zipf(variant := word[:i] + word[i + 1 :]) >= SWAP_ZIPF
            or variant in lexicon.council_vocab
        )
    }
    return found.pop() if len(found) == 1 else None


#: A wide letter OCR reads as two narrow ones (``Zusaminenarbeit``, ``Wohnungsunternehnien``,
#: ``Noturiterkünften``, ``Maßnalimenplanung``).
SPLIT_LETTERS = {"in": "m", "ni": "m", "rn": "m", "ri": "n", "li": "h"}


def _split_letter_fix(word: str, lexicon: Lexicon) -> str | None:
    """The one word some corpus has seen (or the council vocabulary has) that ``word`` is
    with one wide letter read as two narrow ones (:data:`SPLIT_LETTERS`), for a word of 8
    letters or more that no corpus has seen and that is no compound of known words.

    >>> from pipeline.lexicon import default_lexicon
    >>> _split_letter_fix("Zusaminenarbeit", default_lexicon())
    'Zusammenarbeit'
    >>> _split_letter_fix("Kommunalwahlen", default_lexicon()) is None  # a word
    True
    """
    if len(word) < SWAP_MIN_LENGTH or lexicon.zipf(word) > 0 or lexicon.known(word):
        return None
    found = {
        variant
        for i in range(1, len(word) - 1)
        if (wide := SPLIT_LETTERS.get(word[i : i + 2]))
        and (
            lexicon.zipf(variant := word[:i] + wide + word[i + 2 :]) >= SWAP_ZIPF
            or variant in lexicon.council_vocab
        )
    }
    return found.pop() if len(found) == 1 else None


#: Endings that turn a stem inside a compound into a word form (Förder -> fördern, Schul ->
#: Schule); a noun in -er keeps it in compounds (Schülerrat: no Schül|weg from Schüler).
STEM_ENDINGS = ("", "n", "en", "e", "s")
#: A stem with its ending that the form list lacks must be this frequent (``schüle`` 2.5, a
#: rare subjunctive, makes no Schül|wegsicherung).
STEM_ZIPF = 3.0


def _dotted_stem(word: str, i: int, lexicon: Lexicon) -> bool:
    """Is the umlaut at ``i`` inside a piece of ``word`` that is a word's stem with its dots
    (``Förder`` in ``Förderrichtlinie``: fördern)? Compound analysis misses such heads."""
    for start in range(0, i + 1):
        for end in range(max(i + 1, start + 4), len(word) + 1):
            piece = word[start:end]
            for variant in {piece.lower(), piece.capitalize()}:
                if any(
                    lexicon.is_form(variant + ending)
                    # word frequencies ignore case: "Berät" is no noun because "berät" is seen
                    or (ending and lexicon.zipf(variant + ending) >= STEM_ZIPF)
                    for ending in STEM_ENDINGS
                    if ending or variant[0].isupper()  # a verb's own form (berät) heads none
                ):
                    return True
    return False


def _inflected_adjective(word: str, lexicon: Lexicon) -> bool:
    """Is ``word`` an adjective form with an ending, whose stem the lexicon has
    (``zusätzliche``: zusätzlich)? The form list lacks most inflected adjectives."""
    return any(
        word.endswith(ending) and lexicon.is_form(word[: -len(ending)])
        for ending in ADJECTIVE_ENDINGS
    )


def _speckle_known(word: str, lexicon: Lexicon, *, whole: bool = False) -> bool:
    """Known with its case: a lower-case word is no noun (``vor`` yes, ``nachnutzung`` no,
    ``zusätzliche`` yes: an adjective's stem and ending);
    a compound split counts only for long words (``Polizeiverordnung``)."""
    if (
        word[0].islower()
        and lexicon.is_form(word.capitalize())
        and not lexicon.is_form(word)
        and not _inflected_adjective(word, lexicon)
    ):
        return False
    if whole:  # seen with its dots somewhere (vör): only a very frequent word overrules it
        return lexicon.is_function_word(word) or lexicon.zipf(word) >= FREQUENT_TWIN_ZIPF
    if lexicon.known_directly(word) or lexicon.is_function_word(word):
        return True
    return len(word) >= 10 and lexicon.known(word)


def _compound_tail_fix(word: str, lexicon: Lexicon) -> list[str]:
    """``Kommunalwirtscbaft`` -> ``Kommunalwirtschaft``: a known head and a damaged tail."""
    fixes = []
    for cut in range(len(word) - 4, 3, -1):
        head, tail = word[:cut], word[cut:]
        if not lexicon.known_directly(head):
            continue
        tails = {
            o for o in _confusion_options(tail.capitalize(), lexicon) if lexicon.known_directly(o)
        }
        if len(tails) == 1:
            fixes.append(head + tails.pop().lower())
    return fixes[:1]


#: A compound's head shorter than this is not repaired (``Eichbehörde`` is no ``Elchbehörde``).
MIN_DAMAGED_HEAD = 6


def _compound_head_fix(word: str, lexicon: Lexicon) -> list[str]:
    """``Umweitverbundes`` -> ``Umweltverbundes``, ``Stadtentwickiungskonzeptes`` ->
    ``Stadtentwicklungskonzeptes``: a damaged head (or the damaged tail of a head whose own
    head is known, :func:`_compound_tail_fix`; a linking ``s`` kept) before a known tail. Only
    when one repair is found over all the places the word may be cut, and into a head that is
    a noun or begins other words (a court scan's ``Unweltinformationsgesetz`` is no
    ``Unweitinformationsgesetz``: no word begins with the preposition ``unweit``)."""
    fixes = set()
    for cut in range(4, len(word) - 3):
        head, tail = word[:cut], word[cut:]
        if not lexicon.known(tail.capitalize()) or _known_part(head, lexicon):
            continue
        linked = head.endswith("s") and not _known_part(head[:-1], lexicon)
        stems = [(head, "")] + ([(head[:-1], "s")] if linked else [])
        for stem, link in stems:
            if len(stem) < MIN_DAMAGED_HEAD or lexicon.zipf(stem) >= UNSEEN_ZIPF:
                continue  # "Eich|behörde": a short or seen head is a word of its own (Elch)
            heads = {
                o
                for o in _confusion_options(stem.capitalize(), lexicon)
                if lexicon.known_directly(o)
                # a word no noun: only if it heads compounds (Gegen|antrag; never unweit)
                and (lexicon.is_form(o) or lexicon.begins_forms(o))
            }
            heads.update(o.capitalize() for o in _compound_tail_fix(stem, lexicon))
            for option in heads:
                fixed = (option if head[0].isupper() else option.lower()) + link + tail
                if lexicon.known(fixed):
                    fixes.add(fixed)
    return sorted(fixes) if len(fixes) == 1 else []


def _known_part(part: str, lexicon: Lexicon) -> bool:
    return lexicon.known_directly(part) or lexicon.known_directly(part.capitalize())


def _confusion_options(word: str, lexicon: Lexicon) -> list[str]:
    options = []
    for option in lexicon.confusions.lookup(word):
        cased = option.capitalize() if word[0].isupper() else option
        if (
            word[0].islower()
            and lexicon.is_form(option.capitalize())
            and not lexicon.is_form(option)
        ):
            continue  # a noun cannot stand lower case
        if not lexicon.known(cased):  # the repaired word must itself pass, or a rerun flips it
            continue
        options.append(cased)
    return options


def _strip_dots(word: str) -> str:
    return word.translate(str.maketrans("äöüÄÖÜ", "aouAOU"))


def at_line_break(text: str, start: int, end: int) -> bool:
    """Could this token be a piece of a word broken at a line end (left for dehyphenation)?

    The last token of a body-text line followed by a hyphen or by a line that starts lower
    case, and the lower-case first token after a body-text line that does not end a sentence.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[end:line_end].strip(" -") and line_end < len(text):
        following = text[line_end:].lstrip()
        broken = text[end:line_end].strip() == "-" or following[:1].islower()
        return broken and line_end - line_start >= BODY_LINE
    if text[line_start:start].strip() or not text[start:end][:1].islower():
        return False
    previous = text[:line_start].rstrip()
    previous_line = previous[previous.rfind("\n") + 1 :]
    return len(previous_line) >= BODY_LINE and not previous_line.endswith((".", ":", "!", "?"))


#: ``An`` run together with the article after it at the start of an address line (``Analle
#: Fraktionen``, ``Andie Mitglieder``): OCR lost the space.
GLUED_ADDRESS = regex.compile(
    r"^(?P<lead>[^\p{L}\n]{0,3})An(?P<article>alle|die|den|dem|das)(?=\s+\p{Lu}\p{Ll})", regex.M
)


#: A word this long may be another word of its text misread (shorter ones are too often
#: two words of their own: ``Antrag``, ``Anträge``); from this length two letters may differ.
TWIN_MIN_LENGTH, TWIN_TWO_EDITS = 7, 12
#: The twin and the word end alike: a different ending is an inflection, no misread.
TWIN_SAME_END = 2


def _document_words(text: str, lexicon: Lexicon) -> Counter[str]:
    """The words of ``text`` the lexicon knows (forms and compounds of known parts), counted."""
    words = Counter(match.group() for match in PLAIN_WORD.finditer(text))
    return Counter(
        {w: n for w, n in words.items() if len(w) >= TWIN_MIN_LENGTH and lexicon.known(w)}
    )


def _document_twin(word: str, vocabulary: Counter[str], lexicon: Lexicon) -> str | None:
    """The one known word of the same text that the unknown ``word`` is with one letter
    misread, added or lost (two in a long word: ``Oberbürgernieisterin``), starting with the
    same letter and ending with the same two (``Gewährleistungswohnunigen`` for the text's
    ``Gewährleistungswohnungen``, a compound no corpus counts). OCR garbles a word of a letter
    rarely the same way twice; an unknown word that ends otherwise is an inflection
    (``Umweltverbundes`` beside ``Umweltverbund``), and stays.

    >>> from pipeline.lexicon import default_lexicon
    >>> lex = default_lexicon()
    >>> text = "Die Zahl der Gewährleistungswohnungen steigt, der Anteil am Umweltverbund auch."
    >>> _document_twin("Gewährleistungswohnunigen", _document_words(text, lex), lex)
    'Gewährleistungswohnungen'
    >>> _document_twin("Umweltverbundes", _document_words(text, lex), lex) is None
    True
    """
    if len(word) < TWIN_MIN_LENGTH or lexicon.known(word) or not word[1:].islower():
        return None
    most = 2 if len(word) >= TWIN_TWO_EDITS else 1
    found = [
        other
        for other in vocabulary
        if other != word
        and abs(len(other) - len(word)) <= most
        and other[0] == word[0]
        and other[-TWIN_SAME_END:] == word[-TWIN_SAME_END:]
        and regex.fullmatch(f"(?:{regex.escape(other)}){{e<={most}}}", word) is not None
    ]
    return found[0] if len(found) == 1 else None


#: ``zu`` before an infinitive misread in capitals or with a ``y`` (``bedarfsgerecht ZU
#: erhöhen``, ``so Zu überarbeiten``, ``ist zy erhöhen``), after a lower-case word: mid-sentence,
#: where no status heading (``Zu 2.``) stands.
#: The article ``Eine``/``Einer`` with the E read as F (``Fine erste Kostenschätzung``): the
#: English ``fine`` that word lists count stands before no German word.
#: It goes with a lower-case word (an adjective: ``Fine erste``), a noun of a suffix no
#: name has (``Fine Evaluation``; ``Frau Fine Müller`` is a name) or a suspended compound's
#: head, which no name is (``Fine Kosten- und Finanzierungsübersicht``).
MISREAD_EINE = regex.compile(
    r"(?<![\p{L}\d])(?P<word>Fine|Finer)[ \t]+"
    r"(?P<next>\p{Ll}{2,}|\p{Lu}\p{Ll}+(?:ung|heit|keit|tion|schaft|nahme|ierung))(?![\p{L}\d-])"
    r"|(?<![\p{L}\d])(?P<word>Fine|Finer)[ \t]+(?P<next>\p{Lu}\p{Ll}+)(?=-[ \t]+(?:und|oder|sowie)\b)"
)
#: The articles ``den`` and ``dem`` with their e read as a (``mit dan Wohnungsunternehmen``,
#: ``berichtet dam Fachausschuss``): no German word, before a noun.
ARTICLE_E_AS_A = regex.compile(r"(?<=\p{L}[,]?[ \t]+)d(?P<a>a)(?=[nm][ \t]+\p{Lu}\p{Ll})")
#: A ``ß`` read as a hyphen and a capital B inside a word (``veräu-Bert``): taken where the word
#: with its ``ß`` is a form.
SHARP_S_AS_HYPHEN_B = regex.compile(
    r"(?<![\p{L}\-])(?P<head>\p{L}*\p{Ll})-B(?P<tail>\p{Ll}+)(?![\p{L}\-])"
)
#: ``sich`` with its c read as e (``befindet sieh in``, ``ergibt sieh aus``): the imperative
#: ``sieh`` stands at a clause's start, never after a finite verb.
SIEH_FOR_SICH = regex.compile(
    r"(?<=(?<![\p{L}\d])\p{Ll}{2,}(?:t|en)[ \t]+)sieh(?=[ \t]+[\p{L}\d§])"
)
MISREAD_ZU = regex.compile(
    r"(?<=(?<![\p{L}\d])\p{L}{2,}[ \t]+)(?:ZU|Zu|zy)"
    r"(?=[ \t]+(?:\p{Ll}{2,}|\p{Ll}{2,}-[ \t]*\n\s*\p{Ll}*)(?:en|ern|eln)\b)"
)
#: A word with a capital of the same shape as its small letter (or ``I``, ``J``) inside a
#: line, after a lower-case word (``wurde Zuletzt in``, ``sind Künftig mit``, ``konnte Im
#: Rahmen``): a capitalised word after a first name or a title may be a name (``Herr Kurz``).
#: Finite auxiliaries and modal verbs, after which an adverb stands rather than a bare noun.
FINITE_AUXILIARIES = frozenset({
    "ist", "sind", "war", "waren", "wurde", "wurden", "wird", "werden", "hat", "haben", "hatte",
    "hatten", "kann", "können", "konnte", "konnten", "soll", "sollen", "sollte", "sollten",
    "muss", "müssen", "musste", "mussten",
})  # fmt: skip
MID_LINE_CAPITAL = regex.compile(
    r"(?<=(?<![\p{L}\d\-./'’‘„“\"])\p{Ll}{2,}[ \t]+)(?P<word>[CKOPSUVWXZIJ]\p{Ll}+)"
    r"(?=[ \t]+[\p{L}\d])"
)
#: An auxiliary verb whose small first letter OCR read as a capital of its shape after a noun
#: inside a line (``der Maßnahmen Ist nach``): a lower-case word goes on after it, so no
#: sentence starts there, and no name or noun is spelt so (``Waren``, ``Werden``, ``Soll``
#: are).
AUXILIARY_AFTER_NOUN = regex.compile(
    r"(?<=(?<![\p{L}\d\-./'’‘„“\"])\p{Lu}\p{Ll}+[ \t]+)(?P<word>Ist|Sind|Wird|Wurde|Wurden|Kann)"
    r"(?=[ \t]+\p{Ll})"
)
#: Words after which an adjective may be a noun or part of a name (``das Zuständige``, ``im
#: Übrigen``, ``die Soziale Stadt``): a capital after them stays.
DETERMINERS = NOMINALISING | {"ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine"}
#: Articles: inside a line in capitals they open a name (``wählen Die Linke``).
ARTICLE_FORMS = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}
)


#: The polite address, a capital inside any line (``erhalten Sie die``, ``teile ich Ihnen``).
POLITE_PRONOUNS = frozenset({
    "Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres", "Euch", "Euer", "Eure",
})  # fmt: skip
#: Words a bare surname follows (``von Kurz geleitet``, ``Müller und Klein``).
NAME_BEFORE = frozenset({
    "von", "mit", "bei", "durch", "für", "an", "auf", "aus", "nach", "gegen", "ohne", "um",
    "über", "unter", "vor", "neben", "gemäß", "laut", "seitens", "und", "oder", "sowie", "bzw",
})  # fmt: skip


def _mid_line_capital_fix(word: str, previous: str, lexicon: Lexicon) -> str | None:
    """``word`` in lower case when OCR read the small first letter of a function word as a
    capital inside a line (:data:`MID_LINE_CAPITAL`: ``konnte Im Rahmen``, ``wurde Zu``);
    else None. ``previous`` must be no determiner and nothing a bare name follows; the polite
    address and articles (``Die Linke``) stay.

    >>> lex = Lexicon({"Rahmen", "sozial", "soziale", "zuletzt", "Weise"}, set(), {"im", "sie", "die"})
    >>> [_mid_line_capital_fix(w, p, lex) for w, p in
    ...  (("Im", "konnte"), ("Im", "das"), ("Sie", "erhalten"), ("Die", "wählen"), ("Soziale", "die"))]
    ['im', None, None, None, None]
    >>> [_mid_line_capital_fix(w, p, lex) for w, p in
    ...  (("Zuletzt", "wurde"), ("Soziale", "für"), ("Weise", "gleicher"))]
    ['zuletzt', None, None]
    >>> from pipeline.lexicon import default_lexicon
    >>> [_mid_line_capital_fix(w, p, default_lexicon()) for w, p in
    ...  (("Zuletzt", "wurde"), ("Weise", "gleicher"), ("Kosten", "die"))]
    ['zuletzt', None, None]
    """
    lowered = word.lower()
    if previous.lower() in DETERMINERS | NAME_BEFORE or lowered == "zu":
        return None
    if word in POLITE_PRONOUNS or lowered in ARTICLE_FORMS:
        return None  # "erhalten Sie", "wählen Die Linke"
    # Closed-class words: the form list lacks many nouns (Weise, Kosten: in court decisions
    # ``in gleicher Weise`` and ``trägt die Kosten`` were lowered), and word frequencies
    # ignore case.
    if lexicon.is_function_word(lowered):
        return lowered
    # An adverb or an adjective without an ending (``wurde Zuletzt``, ``Euro Jährlich``): a
    # form in lower case only; an adjective made a noun has an ending (``für Soziales``).
    # (Not by frequency: word frequencies ignore case, and the form list lacks nouns and
    # names, ``Versorgung`` and ``Chemnitz`` in a court decision and a letter.)
    # An uninflected adverb the form list lacks counts after a finite auxiliary, when the
    # corpora know it well and the form list no noun so spelt (``wurde Zuletzt``:
    # :meth:`Lexicon.standalone`); elsewhere a noun the list lacks would pass (``festes
    # Kontingent``, ``die provisorische Versorgung``).
    adverb = previous.lower() in FINITE_AUXILIARIES and lexicon.standalone(lowered)
    if (
        (lexicon.is_form(lowered) or adverb)
        and not lexicon.is_form(word)
        and not lowered.endswith(ADJECTIVE_ENDINGS)
    ):
        return lowered
    return None


#: A word whose dots a speck made is this frequent without them (Stadt 5.6) ...
ABBREVIATION_TWIN_ZIPF = 4.0
#: ... and this much more frequent than with them; with them it is rarer than this (städt.
#: 2.7; Förderung, 4.6, is a word the form list lacks).
ABBREVIATION_TWIN_GAP = 2.5
ABBREVIATION_ZIPF = 3.0


def _abbreviation_umlaut_twin(text: str, end: int, word: str, lexicon: Lexicon) -> str | None:
    """``word`` without the umlaut dots a speck put on it, when the corpora know it only as an
    abbreviation's spelling (``der Städt Erfurt``: ``städt.`` is counted, no form is ``Städt``)
    and the word without them is a frequent form; an abbreviation keeps its stop and its dots
    (``Städt. Klinikum``), and a form stays in either case (``Wäre``: ``wäre`` is one).

    >>> from pipeline.lexicon import default_lexicon
    >>> [_abbreviation_umlaut_twin(t, len(w), w, default_lexicon()) for t, w in
    ...  (("Städt", "Städt"), ("Städt.", "Städt"), ("Wäre", "Wäre"), ("Förderung", "Förderung"))]
    ['Stadt', None, None, None]
    """
    dotted = [i for i, ch in enumerate(word) if ch in "äöüÄÖÜ"]
    if len(dotted) != 1 or not word[0].isupper() or text[end : end + 1] == ".":
        return None
    if lexicon.is_form(word) or lexicon.is_form(word.lower()):
        return None
    if not 0 < lexicon.zipf(word) < ABBREVIATION_ZIPF:
        return None  # unseen: the other umlaut rules'; frequent: a word (Förderung 4.6)
    plain = word[: dotted[0]] + _strip_dots(word[dotted[0]]) + word[dotted[0] + 1 :]
    if (
        lexicon.is_form(plain)
        and lexicon.zipf(plain) >= ABBREVIATION_TWIN_ZIPF
        and lexicon.zipf(plain) - lexicon.zipf(word) >= ABBREVIATION_TWIN_GAP
    ):
        return plain
    return None


def _plain_word_edit(
    text: str, match: regex.Match[str], lexicon: Lexicon, vocabulary: Callable[[], Counter[str]]
) -> Edit | None:
    """The repair of one plain word of ``text`` (:data:`PLAIN_WORD`), or None; ``vocabulary``
    gives the text's known words, counted (:func:`_document_words`) when first needed."""
    word = match.group()
    start, end = match.start(), match.end()
    misread = lexicon.misreads.get(word) or lexicon.misreads.get(word.lower())
    if misread:
        cased = misread.capitalize() if word[0].isupper() else misread
        return Edit(start, end, cased, "frequent OCR misread", 0.85)
    case_fix = _letter_case_fix(word, lexicon)
    if case_fix:
        return Edit(start, end, *case_fix, 0.75)
    single = _doubled_initial_fix(word, lexicon)
    if single:
        return Edit(start, end, single, f"OCR read the capital '{single[0]}' twice", 0.75)
    split = _glued_words(word, lexicon)
    if split:
        return Edit(start, end, split, "space lost between words", 0.7)
    lowered = _initial_case_fix(text, start, word, lexicon)
    if lowered:
        reason = "OCR read a small letter as a capital at the start of a word mid-sentence"
        return Edit(start, end, lowered, reason, 0.7)
    raised = _initial_capital_fix(text, start, word, lexicon)
    if raised:
        reason = f"OCR read '{raised[0]}' as '{word[0]}' at the start of a noun"
        return Edit(start, end, raised, reason, 0.7)
    if (plain := _abbreviation_umlaut_twin(text, end, word, lexicon)) is not None:
        reason = "speck read as umlaut dots (the word with them is only an abbreviation's)"
        return Edit(start, end, plain, reason, 0.75)
    if lexicon.known(word) and not _council_twin(word, lexicon):
        twin = _compound_umlaut_twin(word, lexicon)
        if twin:
            reason = "speck read as umlaut dots (unseen with them, known only as a compound)"
            return Edit(start, end, twin, reason, 0.7)
        return None
    # A word some corpus has seen (hin, Bln, Vorwegnahme) is not damaged, unless it is the
    # rare twin of a council word (Burgermeister).
    seen = lexicon.zipf(word) >= UNSEEN_ZIPF and not _council_twin(word, lexicon)
    best = None if seen else _letter_confusion_fix(word, lexicon)
    broken = regex.search(r"-[ \t]*\n[ \t]*\Z", text[max(0, start - 8) : start]) or regex.match(
        r"-[ \t]*\n", text[end : end + 8]
    )
    if seen and word.islower() and lexicon.zipf(word) < RARE_MISREAD_ZIPF and not broken:
        # a misread that OCRed corpora hold too ("nieht", 1.0): a lower-case word (no name)
        # no list has, whose one twin is a word very much more frequent ("nicht", 6.9); not
        # a piece of a word broken at a line's hyphen ("bün-⏎deln" is no "dein")
        twin = _letter_confusion_fix(word, lexicon)
        if twin and lexicon.zipf(twin) - lexicon.zipf(word) >= RARE_MISREAD_GAP:
            best = twin
    if best:
        return Edit(start, end, best, "OCR letter confusion", 0.75)
    speckled = _speckle_umlaut_fix(word, lexicon)
    if speckled:
        reason = "speck read as umlaut dots (the word is unseen with them)"
        return Edit(start, end, speckled, reason, 0.75)
    swapped = _one_letter_swap_fix(word, lexicon)
    if swapped:
        at = next(i for i, (a, b) in enumerate(zip(word, swapped, strict=True)) if a != b)
        reason = f"OCR read '{swapped[at]}' as '{word[at]}' (the word is unseen, so read known)"
        return Edit(start, end, swapped, reason, 0.7)
    split = _split_letter_fix(word, lexicon)
    if split:
        at = next(i for i, (a, b) in enumerate(zip(word, split, strict=False)) if a != b)
        reason = (
            f"OCR read '{split[at]}' as '{word[at : at + 2]}' (the word is unseen, so read known)"
        )
        return Edit(start, end, split, reason, 0.7)
    extra = _speck_letter_fix(word, lexicon)
    if extra:
        added = next(a for a, b in zip(word, extra + " ", strict=True) if a != b)
        reason = f"speck read as an extra '{added}' (the word is unseen, without it known)"
        return Edit(start, end, extra, reason, 0.7)
    single = _doubled_letter_fix(word, lexicon)
    if single:
        at = next(i for i, (a, b) in enumerate(zip(word, single + " ", strict=True)) if a != b)
        reason = f"OCR read '{word[at]}' twice (the word is unseen, with it once known)"
        return Edit(start, end, single, reason, 0.7)
    twin = _document_twin(word, vocabulary(), lexicon)
    if twin:
        reason = (
            f"OCR misread '{twin}', which the text has {vocabulary()[twin]} time(s) (the word "
            "is unknown, the twin a known word)"
        )
        return Edit(start, end, twin, reason, 0.7)
    if not any(ch in UMLAUTS for ch in word):
        return None
    if word[0].isupper() and len(word) < 8:  # short capitalised words may be names (Muller)
        return None
    options = [v for v in _umlaut_variants(word)[1:] if lexicon.is_form(v)]
    if seen and lexicon.zipf(word) >= 2.0:
        return None
    if (
        len(options) == 1
        and lexicon.zipf(options[0]) >= KNOWN_WORD_ZIPF
        and lexicon.zipf(options[0]) - lexicon.zipf(word) >= 2.0
    ):
        return Edit(start, end, options[0], "umlaut dots lost in OCR", 0.8)
    return None


def repair_damaged_words(text: str, ctx: CleanupContext) -> list[Edit]:
    """Repair words with OCR glyphs inside, and lost umlauts, against the lexicon.

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("repair_damaged_words", "Obe/burgermeisterin, Beigeordneter fur Soziales")
    'Oberbürgermeisterin, Beigeordneter für Soziales'
    """
    lexicon: Lexicon = ctx.lexicon
    edits: list[Edit] = []
    mended = set()
    for match in ROLE_WORD_SHAPE.finditer(text):
        # before the signature lines go: a role word under a stroke is no signature
        word = match.group()
        role = mended_role_word(word)
        if role and not word.isupper() and not lexicon.is_form(word):
            reason = "role word misread in one letter, its case or its umlauts"
            edits.append(Edit(match.start(), match.end(), role, reason, 0.8))
            mended.add(match.start())
    for match in GLUED_ADDRESS.finditer(text):
        at = match.start("article")
        reason = "space lost between 'An' and the article of an address"
        edits.append(Edit(at, at, " ", reason, 0.8))
    for match in MISREAD_ZU.finditer(text):
        reason = f"'zu' before an infinitive misread as '{match.group()}'"
        edits.append(Edit(match.start(), match.end(), "zu", reason, 0.75))
    for match in SHARP_S_AS_HYPHEN_B.finditer(text):
        word = f"{match['head']}ß{match['tail']}"
        if lexicon.is_form(word) and not lexicon.is_form(match["tail"].capitalize()):
            reason = f"'ß' read as '-B' inside '{word}'"
            edits.append(Edit(match.end("head"), match.start("tail"), "ß", reason, 0.8))
    for match in SEITDEM_DATE.finditer(text):
        reason = "space lost between 'seit' and 'dem' before a date"
        edits.append(Edit(match.end(), match.end(), " ", reason, 0.8))
    for match in ARTICLE_E_AS_A.finditer(text):
        reason = "an article's 'e' misread as 'a' before a noun"
        edits.append(Edit(match.start("a"), match.end("a"), "e", reason, 0.75))
    for match in SIEH_FOR_SICH.finditer(text):
        reason = "'sich' misread as 'sieh' after a verb"
        edits.append(Edit(match.start(), match.end(), "sich", reason, 0.75))
    for match in MISREAD_EINE.finditer(text):
        after = match.group("next")
        if after[0].islower() and not (
            lexicon.is_form(after) or _inflected_adjective(after, lexicon)
        ):
            continue  # "Fine and dandy"
        reason = f"'E' read as 'F' in '{match.group('word')}' before a German word"
        edits.append(Edit(match.start("word"), match.start("word") + 1, "E", reason, 0.75))
    for match in MID_LINE_CAPITAL.finditer(text):
        previous = text[: match.start()].split()[-1]
        lowered = _mid_line_capital_fix(match.group("word"), previous, lexicon)
        if lowered:
            reason = "OCR read a small letter as a capital of its shape inside a line"
            edits.append(Edit(match.start(), match.end(), lowered, reason, 0.7))
    for match in AUXILIARY_AFTER_NOUN.finditer(text):
        reason = "OCR read an auxiliary verb's small letter as a capital of its shape after a noun"
        edits.append(Edit(match.start(), match.end(), match.group().lower(), reason, 0.7))
    for match in DAMAGED.finditer(text):
        word = match.group()
        if match.start() in mended or _lone_signature(text, match, lexicon):
            continue
        if "@" in word and regex.match(r"\.\p{L}{2,}", text[match.end() :]):
            continue  # an e-mail address (``post@stadt.de``)  # left whole for remove_noise_lines, which logs it as a signature
        parts = [part for part in regex.split(r"[/|]", word) if part]
        if len(parts) > 1 and all(_whole_word(part, lexicon) for part in parts):
            continue  # a real slash between words: "und/oder", "Stadträtinnen/Stadträte"
        best, known = choose(candidates(word) - {word}, lexicon)
        if word[0].isdigit() and best is None and len({k.lower() for k in known}) == 1:
            # A first letter read as a digit (5owie, 0rdnung): its case is the word form's
            # (wordfreq knows words in lower case only), and mid-sentence a word that is a
            # form in both cases is the lower-case one (sowie, not Sowie).
            forms = [k for k in known if lexicon.is_form(k)]
            mid_sentence = regex.search(r"[\p{L},;][ \t]*$", text[: match.start()]) is not None
            if len(forms) > 1 and mid_sentence:
                forms = [k for k in forms if k[:1].islower()]
            best = forms[0] if len(forms) == 1 else None
        if best is None and not known:  # glyph and letter damage together: "Belgeo/dnete"
            fixed = {_letter_confusion_fix(c, lexicon) for c in _glyph_variants(word)} - {None}
            best = fixed.pop() if len(fixed) == 1 else None
        if best:
            edits.append(Edit(match.start(), match.end(), best, "OCR glyph inside a word", 0.85))
        elif known:
            edits.append(
                Edit(
                    match.start(),
                    match.end(),
                    known[0],
                    f"ambiguous: {', '.join(known[:4])}",
                    0.3,
                    applied=False,
                )
            )
    for match in BROKEN_WORD.finditer(text):
        # a capital misread at the start of a word broken at the line's end ("Öffentli-⏎cher
        # Belange"): the whole word decides; only its first letter changes
        whole = match.group("head") + match.group("tail")
        lowered = _initial_case_fix(text, match.start(), whole, lexicon, match.end())
        if lowered:
            reason = "OCR read a small letter as a capital at the start of a word mid-sentence"
            edits.append(Edit(match.start(), match.start() + 1, lowered[0], reason, 0.7))
    for match in HYPHEN_PART.finditer(text):
        # parts of a hyphenated or suspended compound, which PLAIN_WORD leaves to the whole:
        # only a speck's umlaut dots (``Berätungs- und``, ``Nordrhein-Westfälen``)
        if not any(ch in "äöüÄÖÜ" for ch in match.group()):
            continue
        speckled = _speckle_umlaut_fix(match.group(), lexicon) or _hyphened_umlaut_twin(
            text, match, lexicon
        )
        if speckled:
            reason = "speck read as umlaut dots on a part of a compound (unseen with them)"
            edits.append(Edit(match.start(), match.end(), speckled, reason, 0.75))
    vocabulary = functools.cache(lambda: _document_words(text, lexicon))
    for match in PLAIN_WORD.finditer(text):
        if match.start() in mended or at_line_break(text, match.start(), match.end()):
            continue
        if _lone_signature(text, match, lexicon):
            continue
        if edit := _plain_word_edit(text, match, lexicon, vocabulary):
            edits.append(edit)
    return edits


def repair_joined_words(text: str, ctx: CleanupContext) -> list[Edit]:
    """Repair the words the dehyphenation joined across a line break, and the pieces at a line
    break it left apart (words of their own), as :func:`repair_damaged_words` repairs a word
    inside a line (it leaves the pieces at a line's end to the dehyphenation): ``Finän-⏎zierung``
    -> Finanzierung, ``liegt vör⏎und`` -> vor.

    >>> from pipeline.cleanup import clean
    >>> clean("Die Förderung der Schulsozialarbeit erfolgt anteilig, die Finän-\\nzierung "
    ...       "über eine Richtlinie.").text.split()[7]
    'Finanzierung'
    """
    state = ctx.state
    if state is None:
        return []
    joins = sorted(
        state.cleaned_span(repair.start, repair.end)[0]
        for repair in state.repairs
        if repair.kind == "dehyphenate" and repair.applied
    )
    lexicon: Lexicon = ctx.lexicon
    vocabulary = functools.cache(lambda: _document_words(text, lexicon))
    edits = []
    for match in PLAIN_WORD.finditer(text):
        at = bisect.bisect_right(joins, match.start())
        joined = at < len(joins) and joins[at] < match.end()
        # a piece at a line break the dehyphenation left apart is a word of its own now
        left = at_line_break(text, match.start(), match.end())
        if not (joined or left) or _lone_signature(text, match, lexicon):
            continue
        if edit := _plain_word_edit(text, match, lexicon, vocabulary):
            edits.append(edit)
    return edits
