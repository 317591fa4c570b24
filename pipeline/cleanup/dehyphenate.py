"""Dehyphenation of words split at line ends, German style.

Three forms occur in OCR output: ``Vertrete-⏎rin`` (hyphen kept), ``aufneh⏎men`` (hyphen lost)
and ``aufneh⏎⏎men`` (hyphen lost, blank line between). Real hyphens stay: suspended compounds
(``Städte-⏎und Gemeindetag``), hyphenated names (``Save-me-⏎Kampagne``).

A join needs the joined word to be German (lexicon, frequency or compound analysis) *and*
evidence that the two pieces are not two words: a fragment that cannot stand alone with its
case (``men``, ``land``, ``konn``), or a particle before a ``zu``-infinitive or participle
(``auf⏎zunehmen``). Otherwise the text stays as it is and the abstention is logged.
"""

from __future__ import annotations

import regex

from pipeline.cleanup.context import CleanupContext
from pipeline.cleanup.edits import Edit
from pipeline.cleanup.lines import LIST_MARKER, ZU_HEADING, Line, split_lines
from pipeline.cleanup.noise import PARTICIPLE, hyphen_speck_reason
from pipeline.lexicon import UNINFLECTED_MIN_LENGTH, Lexicon

SUSPENDED_FOLLOWERS = frozenset({"und", "oder", "bzw", "sowie", "bis", "als", "wie", "noch"})
SEPARABLE_PARTICLES = frozenset(
    [
        "ab",
        "an",
        "auf",
        "aus",
        "bei",
        "dar",
        "durch",
        "ein",
        "fest",
        "fort",
        "her",
        "heraus",
        "herbei",
        "hin",
        "hinzu",
        "los",
        "mit",
        "nach",
        "um",
        "unter",
        "vor",
        "voran",
        "vorbei",
        "weg",
        "weiter",
        "wieder",
        "zu",
        "zurück",
        "zusammen",
        "über",
    ]
)
#: A hyphen-less join needs the broken line to be this long: words are broken in full lines.
MIN_LINE_LENGTH = 45
#: A lower-case word this frequent (Zipf) is a word of its own after a whole word, though
#: too rare to stand alone everywhere (``quartalsweise`` 2.4; a noun's tail ``planentwurf``
#: 1.7).
RARE_WORD_ZIPF = 2.0
#: A noun in lower case this long after a line-end hyphen is the tail of a broken word.
MIN_NOUN_TAIL = 4
#: Shortest word after which a hyphen before a point's marker is read as a speck.
MIN_SPECK_WORD = 4
#: A verb's form with an inseparable prefix (``übernommen``, ``übernehmen``), which heads no
#: compound's tail after a noun.
PREFIXED_VERB = regex.compile(r"(?:be|ver|er|ent|zer|über|unter)\p{Ll}{3,}(?:en|t)")
_TAIL = regex.compile(r"(?P<word>[\p{L}]+(?:-[\p{L}]+)*)(?P<hyphen>-?)\s*$")
_HEAD = regex.compile(r"^\s*(?P<word>\p{L}+)")


def decide_lost_hyphen(
    first: str, second: str, lexicon: Lexicon, *, sentence_start: bool = False
) -> tuple[bool, float, str]:
    """Should ``first⏎second`` (hyphen lost) be joined? Returns (join, confidence, reason).

    >>> from pipeline.lexicon import default_lexicon
    >>> lex = default_lexicon()
    >>> decide_lost_hyphen("aufneh", "men", lex)[0], decide_lost_hyphen("Deutsch", "land", lex)[0]
    (True, True)
    >>> decide_lost_hyphen("bei", "der", lex)[0], decide_lost_hyphen("nicht", "umgesetzt", lex)[0]
    (False, False)
    """
    joined = first + second
    if not second[:1].islower():
        return False, 0.0, "next line starts with a capital: a new word"
    if not lexicon.known(joined):
        return False, 0.0, f"'{joined}' is not a known word"
    second_alone = lexicon.standalone(second)
    first_alone = lexicon.standalone(first, sentence_start=sentence_start)
    if first[:1].isupper() and lexicon.is_function_word(first) and not sentence_start:
        first_alone = False  # "An⏎liegen": a capitalised particle mid-sentence is no word
    if lexicon.is_function_word(second) and (first_alone or lexicon.is_function_word(first)):
        return False, 0.3, f"'{second}' is a function word: '{first} {second}' reads as two words"
    if first.lower() in SEPARABLE_PARTICLES and (
        (second.startswith("zu") and lexicon.known(second[2:])) or second.startswith("ge")
    ):
        return True, 0.75, f"particle '{first}' + verb form '{second}' make '{joined}'"
    if lexicon.is_function_word(first) and second_alone:
        return False, 0.3, f"'{first}' is a function word: '{first} {second}' reads as two words"
    if not lexicon.known_directly(joined) and (
        second_alone or lexicon.is_function_word(first) or lexicon.is_function_word(second)
    ):
        # "Leerung⏎erfolgt", "Eine⏎erste": a compound split (Leerung|Erfolgt, Eine|Erste) is
        # no evidence of a broken word when a piece is a word of its own.
        return False, 0.4, f"'{joined}' is known only as a compound of words that stand alone"
    if not lexicon.known_directly(joined) and first_alone and _rare_word(second, lexicon):
        # "Finanzausschuss⏎quartalsweise": a word of its own (an adverb, an adjective) after a
        # whole word; a broken noun's tail (planentwurf) is rarely written on its own.
        return False, 0.4, f"'{first}' and '{second}' are words; '{joined}' only a compound"
    if not second_alone:
        return True, 0.92, f"'{second}' cannot stand alone; '{joined}' is a word"
    if not first_alone:
        return True, 0.88, f"'{first}' cannot stand alone; '{joined}' is a word"
    return False, 0.4, f"'{first}' and '{second}' are both words; '{joined}' too: unsure"


#: Endings of a noun's genitive, which word lists do not always hold (``Verbundes``).
GENITIVE_ENDINGS = ("es", "s")


def _noun_form(word: str, lexicon: Lexicon) -> bool:
    """Is the capitalised ``word`` a noun's form: listed, or the genitive of a listed noun
    that some corpus has seen (``Verbundes``)?

    >>> from pipeline.lexicon import default_lexicon
    >>> _noun_form("Richtlinie", default_lexicon()), _noun_form("Verbundes", default_lexicon())
    (True, True)
    >>> _noun_form("Verbundxes", default_lexicon())
    False
    """
    if word in lexicon.forms:
        return True
    return lexicon.zipf(word) > 0 and any(
        word.endswith(ending) and word.removesuffix(ending) in lexicon.forms
        for ending in GENITIVE_ENDINGS
    )


def _rare_word(word: str, lexicon: Lexicon) -> bool:
    """A lower-case word of its own too rare for :meth:`Lexicon.standalone`
    (``quartalsweise``, Zipf 2.4): seen as a word, not a noun's lower-case spelling."""
    return (
        word.islower()
        and len(word) >= UNINFLECTED_MIN_LENGTH
        and lexicon.zipf(word) >= RARE_WORD_ZIPF
        and word.capitalize() not in lexicon.forms
    )


def dehyphenate(text: str, ctx: CleanupContext) -> list[Edit]:
    """Join words broken at line ends; keep real hyphens; abstain when unsure.

    >>> from pipeline.cleanup import clean_with
    >>> body = "Die Stadt wird die Kampagne unterstützen und bereit sein, Flüchtlinge aufneh"
    >>> clean_with("dehyphenate", body + "\\n\\nmen zu wollen.")[-32:]
    'Flüchtlinge aufnehmen zu wollen.'
    >>> clean_with("dehyphenate", body + " im Städte-\\nund Gemeindetag")[-27:]
    ' im Städte-\\nund Gemeindetag'
    """
    lexicon: Lexicon = ctx.lexicon
    lines = split_lines(text)
    edits: list[Edit] = []
    for i, line in enumerate(lines):
        if line.blank:
            continue
        j = next((k for k in range(i + 1, len(lines)) if not lines[k].blank), None)
        if j is None:
            break
        nxt = lines[j]
        if LIST_MARKER.match(nxt.text) or ZU_HEADING.match(nxt.text):
            if edit := _hyphen_before_marker(line, lexicon):
                edits.append(edit)
            continue
        tail, head = _TAIL.search(line.text), _HEAD.match(nxt.text)
        if not tail or not head:
            continue
        cut_start = line.start + tail.end("word")
        cut_end = nxt.start + head.start("word")
        first_full, second = tail.group("word"), head.group("word")
        first = first_full.rsplit("-", 1)[-1]
        gap = text[cut_start:cut_end]
        before_first = line.text[: tail.start("word")].rstrip()
        sentence_start = not before_first or before_first.endswith((".", "!", "?", ":"))
        if tail.group("hyphen"):
            edit = _hyphen_kept(first_full, first, second, cut_start, cut_end, lexicon)
        else:
            if len(line.stripped) < MIN_LINE_LENGTH or len(first) < 2:
                continue
            join, confidence, reason = decide_lost_hyphen(
                first, second, lexicon, sentence_start=sentence_start
            )
            if join:
                edit = Edit(
                    cut_start, cut_end, "", f"broken word, hyphen lost: {reason}", confidence
                )
            elif confidence > 0:
                edit = Edit(
                    cut_start, cut_end, "", f"not joined: {reason}", confidence, applied=False
                )
            else:
                continue
        if edit is not None and gap.count("\n") >= 1:
            edits.append(edit)
    return edits


def _hyphen_before_marker(line: Line, lexicon: Lexicon) -> Edit | None:
    """A hyphen after a whole word at the end of a line before a point's marker or heading: no
    word goes on after a marker, so the hyphen is a speck (``zum Schutz des
    Stadtbaumbestandes-⏎⏎a) die Baumschutzsatzung``).

    >>> from pipeline.cleanup import clean_with
    >>> clean_with("dehyphenate", "zum Schutz des Stadtbaumbestandes-\\n\\na) die Satzung")
    'zum Schutz des Stadtbaumbestandes\\n\\na) die Satzung'
    >>> clean_with("dehyphenate", "die Stadtbaumbestan-\\n\\na) die Satzung")  # no whole word
    'die Stadtbaumbestan-\\n\\na) die Satzung'
    """
    tail = _TAIL.search(line.text)
    if not tail or not tail.group("hyphen") or "-" in tail.group("word"):
        return None
    word = tail.group("word")
    if len(word) < MIN_SPECK_WORD or not lexicon.known(word):
        return None
    at = line.start + tail.end("word")
    reason = f"speck read as a hyphen: '{word}' is a whole word and a point's marker follows"
    return Edit(at, at + 1, "", reason, 0.75)


def _hyphen_kept(
    first_full: str, first: str, second: str, cut_start: int, cut_end: int, lexicon: Lexicon
) -> Edit | None:
    """``Vertrete-⏎rin`` → join; ``Save-me-⏎Kampagne`` → keep the hyphen; ``Städte-⏎und`` → leave."""
    hyphen_at = cut_start  # the hyphen sits at cut_start .. cut_start + 1
    if second.lower() in SUSPENDED_FOLLOWERS:
        if (
            first_full.islower()
            and lexicon.is_function_word(first)
            and lexicon.known_directly(first + second)
        ):
            # "so-⏎wie": a function word heads no suspended compound ("Städte- und")
            return Edit(hyphen_at, cut_end, "", f"hyphenated line break in '{first + second}'", 0.9)
        return None  # suspended compound: reflow turns the line end into a space
    # a speck read as a hyphen at the line's end, between words that make no compound
    # ("tätig-⏎sind", "und-⏎Maßnahmenplanung", "verbindliche-⏎Zwischenziele")
    speck = hyphen_speck_reason(first_full, second, lexicon) if first == first_full else None
    sharp = first + "ß" + second[1:]
    if second[:1] == "B" and first.islower() and second[1:].islower() and lexicon.is_form(sharp):
        # "abzuschlie-⏎Ben": the tail's ß read as B, a capital no word goes on with
        reason = f"hyphenated line break in '{sharp}', its ß read as B"
        return Edit(hyphen_at, cut_end + 1, "ß", reason, 0.8)
    if (
        first == first_full
        and first[:1].isupper()
        and len(first) >= MIN_SPECK_WORD
        and (lexicon.known_directly(first) or (lexicon.known(first) and first[-1] != "s"))
        and (PARTICIPLE.fullmatch(second) or PREFIXED_VERB.fullmatch(second))
        and lexicon.is_form(second)
        and not lexicon.is_compound_tail(second)
        and not lexicon.known_directly(first + second)
        and lexicon.zipf(first + second) == 0
    ):
        # "Verwaltungshandeln-⏎übergegangen": a participle after a whole noun is no compound's
        # tail that no corpus has seen joined; the compound analysis alone would join them
        reason = "speck read as a hyphen: a participle after a whole noun"
        return Edit(hyphen_at, cut_end, " ", reason, 0.7)
    if second[:1].isupper():
        if speck:
            return Edit(hyphen_at, cut_end, " ", f"speck read as a hyphen: {speck}", 0.7)
        return Edit(hyphen_at + 1, cut_end, "", "line break after a real hyphen (compound)", 0.9)
    if lexicon.known(first + second) or lexicon.known(first_full.replace("-", "") + second):
        return Edit(hyphen_at, cut_end, "", f"hyphenated line break in '{first + second}'", 0.95)
    if speck:
        return Edit(hyphen_at, cut_end, " ", f"speck read as a hyphen: {speck}", 0.7)
    if not lexicon.standalone(second) and not lexicon.known(first) and len(first) >= 3:
        # "Konsoli-⏎dierungsvolumen": neither piece is a word, so the hyphen only breaks a word.
        return Edit(hyphen_at, cut_end, "", "hyphenated line break between two non-words", 0.7)
    if lexicon.known(first) and lexicon.standalone(second) and len(second) >= 2:
        return Edit(hyphen_at + 1, cut_end, "", "line break after a real hyphen", 0.6)
    if (
        first[:1].isupper()
        and len(second) >= MIN_NOUN_TAIL
        and second.islower()
        and _noun_form(second.capitalize(), lexicon)
        and not lexicon.standalone(second)
    ):
        # "Förder-⏎richtlinie": a noun in lower case is no word of its own, and a hyphenated
        # compound writes its noun with a capital (Förder-Richtlinie): the tail of a word
        reason = f"hyphenated line break in '{first + second}': '{second}' is a noun's tail"
        return Edit(hyphen_at, cut_end, "", reason, 0.85)
    from pipeline.cleanup.words import _one_letter_swap_fix, _speckle_umlaut_fix

    mended = _speckle_umlaut_fix(second, lexicon) or _one_letter_swap_fix(second, lexicon)
    if (
        mended
        and first[:1].isupper()
        and second.islower()
        and mended.islower()
        and lexicon.known(first + mended)
        and not lexicon.standalone(second)
    ):
        # "Grund-⏎schülstandorte": the tail misread in one letter, which the word repairs
        # leave at a line's break; mended, it makes a word with the head
        reason = f"hyphenated line break in '{first + mended}', its tail '{second}' misread"
        return Edit(hyphen_at, cut_end + len(second), mended, reason, 0.75)
    return Edit(
        hyphen_at, cut_end, "", f"'{first + second}' unknown: not joined", 0.4, applied=False
    )
