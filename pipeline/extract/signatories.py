"""Signatories: name and role pairs in the closing blocks, in document order.

Two-column blocks (``Kenntnisnahme``) come out of OCR interleaved: where the page's word boxes
show roles side by side, each takes the name printed in its column; without boxes (text
input), a name is paired with the nearest following role whose grammatical gender does not
contradict the first name (``Dirk`` is not ``Oberbürgermeisterin``). A role without a legible name gets the configured
office holder of that role when a signature was removed from the same block.
"""

from __future__ import annotations

import bisect
import csv
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex
from rapidfuzz.distance import Levenshtein

from pipeline.errors import BadInputError, InputFileError
from pipeline.extract.base import Box, Paragraph, Text, no_box
from pipeline.lexicon import (
    MODELS_DIR,
    ROLE_WORDS,
    Lexicon,
    first_names,
    fold,
    mended_role_word,
    one_edit_apart,
    read_words,
)
from pipeline.models import Signatory

ROLES_FILE = MODELS_DIR / "src" / "roles.txt"
CLOSING = regex.compile(
    r"^\s*(?:Mit\s+freundlichen\s+Grüßen|Freundliche\s+Grüße|Hochachtungsvoll)", regex.M
)
BLOCK_SEPARATOR = regex.compile(
    r"^\s*(?:Kenntnisnahme|Gesehen|Zur Kenntnis|Im Auftrag|i\.\s?A\.|gez\.)\s*:?\s*$"
)
NAME = regex.compile(
    r"(?:(?:Dr|Prof)\.\s)*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s(?:von\s|van\s|de\s)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}"
)


#: Words that start a role, never a name ("Erste Bürgermeisteriri" is a damaged role).
ROLE_PREFIXES = frozenset(
    [
        "Erste",
        "Erster",
        "Zweite",
        "Zweiter",
        "Dritte",
        "Dritter",
        "Stellvertretende",
        "Stellvertretender",
        "Amtierende",
        "Amtierender",
        "Kommissarische",
        "Kommissarischer",
        "Leitende",
        "Leitender",
    ]
)


@dataclass(frozen=True)
class Officeholder:
    name: str
    role: str


def read_officeholders(path: Path) -> list[Officeholder]:
    """Office holders from a TSV file: ``name<TAB>role`` per line, ``#`` comments."""
    try:
        with path.open(encoding="utf-8") as handle:
            rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    except OSError as exc:
        raise InputFileError(f"cannot read office holders: {exc.strerror}", path) from exc
    except UnicodeDecodeError as exc:
        raise BadInputError("office holders file is not UTF-8", path) from exc
    holders = []
    for number, row in enumerate(rows, 1):
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            raise BadInputError(f"row {number}: expected 'name<TAB>role'", path)
        holders.append(Officeholder(row[0].strip(), row[1].strip()))
    return holders


@cache
def _role_patterns() -> list[regex.Pattern[str]]:
    return [regex.compile(rf"^(?:{line})$") for line in read_words(ROLES_FILE)]


def is_role(line: str) -> bool:
    """Is this line a signatory's role?

    >>> is_role("Beigeordneter für Soziales"), is_role("Martin Seidel")
    (True, False)
    """
    return any(p.match(line.strip()) for p in _role_patterns())


def _gender_of_role(role: str) -> str | None:
    head = role.split()[-1] if role.split()[0] in ("Erster", "Erste") else role.split()[0]
    if regex.search(r"in$", head):
        return "f"
    if regex.search(r"(?:er|ent|or|rat|eter)$", head):
        return "m"
    return None


def _compatible(name: str, role: str) -> bool:
    first = regex.sub(r"^(?:(?:Dr|Prof)\.\s)+", "", name).split()[0]
    gender = first_names().get(first)
    role_gender = _gender_of_role(role)
    return gender in (None, "?") or role_gender is None or gender == role_gender


def _similar(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a.lower().replace(" ", ""), b.lower().replace(" ", "")).ratio()


@dataclass(frozen=True)
class _Item:
    """A line of a signature block: a typed name, a role, or a removed scribble/signature."""

    kind: str  # "name" | "role" | "scribble"
    start: int
    end: int
    text: str = ""
    #: Lower for a role completed from what OCR left of it.
    confidence: float = 0.8


def looks_like_name(line: str, lexicon: Lexicon) -> bool:
    """Two or three capitalised words, not a role, not starting with an ordinary word.

    >>> from pipeline.lexicon import default_lexicon
    >>> lex = default_lexicon()
    >>> looks_like_name("Martin Seidel", lex), looks_like_name("Erste Bürgermeisteriri", lex)
    (True, False)
    >>> looks_like_name("Thomas Zu", lex), looks_like_name("Thomas Schulz Zu", lex)
    (False, False)
    >>> looks_like_name("Thomas Sch", lex), looks_like_name("Jens Ott", lex)
    (False, True)
    """
    line = line.strip()
    if not NAME.fullmatch(line) or is_role(line):
        return False
    words = regex.sub(r"^(?:(?:Dr|Prof)\.\s)+", "", line).split()
    # a capitalised word of two letters, or one without a vowel, is what a signature left of
    # a name ("Thomas Zu", "Thomas Sch" for "Thomas Schulze"); particles (von, de) are lower
    # case
    return (
        words[0] not in ROLE_PREFIXES
        and not lexicon.is_function_word(words[0])
        and all(
            len(word) > 2 and regex.search(r"[aeiouyäöüAEIOUYÄÖÜ]", word)
            for word in words
            if word[:1].isupper()
        )
    )


#: A token shaped like a list marker.
LIST_MARKER = regex.compile(r"\(?(?:[IVX]{1,4}|\d{1,2}|[a-z])[.)]")


def _is_junk(token: str, lexicon: Lexicon) -> bool:
    """A token a signature stroke left beside a typed name or role: marks (``–``, ``‘``), a
    lone letter, a short lower-case group that is no German word (``ae``, ``en``), or what
    looks like a list marker (``II)``, ``1.``: no signature block holds a list; cleanup
    joins such a stroke, read on a line of its own, to the name below it as its marker)."""
    if LIST_MARKER.fullmatch(token):
        return True
    letters = regex.sub(r"[^\p{L}]", "", token)
    if not letters:
        return not any(ch.isdigit() for ch in token)
    if letters != token.strip(".,;:'‘’\"“”„‚"):
        return False
    if len(letters) == 1:
        return "." not in token
    # Beside a name or role, no German word of three letters or fewer stands lower-case.
    return (
        len(letters) <= 3
        and letters.islower()
        and not lexicon.known(letters)
        and not lexicon.is_function_word(letters)
    )


#: Role words whose first letters a signature or stamp may cover in the second column.
ROLE_HEADS = ROLE_WORDS


def _cut_role(cell: str) -> str | None:
    """A role whose first letters (at most three) are lost, read as a lower-case word at the
    start of a column (``erburgermeisterin``): the role when one role word ends in it.

    >>> _cut_role("erburgermeisterin"), _cut_role("eigeordneter für Finanzen")
    ('Oberbürgermeisterin', 'Beigeordneter für Finanzen')
    >>> _cut_role("meister"), _cut_role("ermeisterin"), _cut_role("Oberbürgermeisterin")
    (None, None, None)

    A letter of the rest may be misread too (one edit, ``erbürgermMeisterin``):

    >>> _cut_role("erbürgermMeisterin"), _cut_role("ürgermeisterinnen")
    ('Oberbürgermeisterin', None)
    """
    head, _, rest = cell.strip().partition(" ")
    if len(head) < 8 or not head[0].islower():
        return None
    folded = fold(head)
    heads = [h for h in ROLE_HEADS if any(fold(h)[cut:] == folded for cut in range(1, 4))]
    if not heads and len(head) >= 12:
        heads = [
            h
            for h in ROLE_HEADS
            if any(one_edit_apart(fold(h)[cut:], folded) for cut in range(1, 4))
        ]
    if len(heads) != 1:
        return None
    role = f"{heads[0]} {rest}".strip()
    return role if is_role(role) else None


def _gapped_role(text: str) -> str | None:
    r"""A role word whose middle a signature's stroke took, read as its head and its end with a
    column gap between (``Oberbürge⇥erin``): the role word when exactly one begins with the
    head and ends with the end, longer than both (the end tells the gender that
    ``Oberbürgermei`` alone does not).

    >>> _gapped_role("Oberbürge\terin"), _gapped_role("Beigeor\tneter")
    ('Oberbürgermeisterin', 'Beigeordneter')
    >>> _gapped_role("Bürgerme\tter"), _gapped_role("Oberbürge\tUmwelt"), _gapped_role("Haushalt\tung")
    ('Bürgermeister', None, None)
    """
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    if len(cells) != 2 or "\t" not in text:
        return None
    head, end = cells
    if not regex.fullmatch(r"\p{Lu}\p{Ll}{4,}", head) or not regex.fullmatch(r"\p{Ll}{3,}", end):
        return None
    fits = [
        role
        for role in ROLE_HEADS
        if fold(role).startswith(fold(head))
        and fold(role).endswith(fold(end))
        and len(role) > len(head) + len(end)
    ]
    return fits[0] if len(fits) == 1 else None


def mended_role(text: str) -> str | None:
    """``text`` as a role when one of its words is a role word (:data:`ROLE_HEADS`) with one
    letter misread, extra or missing (``Oberbürgerneisterin``, ``Obe/burgermeisterin``; umlauts
    are not counted). Only a word that is one edit from exactly one role word is mended:
    ``Beigeordnetr`` could be ``Beigeordnete`` or ``Beigeordneter``.

    >>> mended_role("Oberbürgerneisterin"), mended_role("Erster Bürgermeistr")
    ('Oberbürgermeisterin', 'Erster Bürgermeister')
    >>> mended_role("Beigeordnetr für Soziales"), mended_role("Oberbürgermeisterin")
    (None, None)
    >>> mended_role("Oberburgermeisterin")  # its umlaut lost under a stroke
    'Oberbürgermeisterin'

    A word longer than a masculine role word whose feminine form is a role word too is not
    mended into the masculine one: its extra letter may be what OCR made of ``in``
    (``oberbürgermeisterm`` read under a stroke for Oberbürgermeisterin).

    >>> mended_role("Oberbürgermeisterm"), mended_role("—Oberbürgermeister")
    (None, 'Oberbürgermeister')
    """
    words = text.split()
    for index, word in enumerate(words):
        if role_word := mended_role_word(word):
            role = " ".join([*words[:index], role_word, *words[index + 1 :]])
            return role if is_role(role) else None
    return None


#: A word read from a strip where a role stands struck through is matched to the role words
#: of at least this many letters (``Oberbürgermeister``, ``Oberbürgermeisterin``: a role on
#: their own, and far from every other word) with more letters misread than one ...
STRUCK_ROLE_WORD = 16
#: ... at most one edit in this many letters of the role word ...
STRUCK_ROLE_LETTERS = 6
#: ... and at least this many edits nearer to it than to any other role word (the two
#: differ in ``in``: a word between them is neither).
STRUCK_ROLE_MARGIN = 2


def edits(a: str, b: str) -> int:
    """The Levenshtein distance between ``a`` and ``b``.

    >>> edits("Oberhürgermeistefin", "Oberbürgermeisterin"), edits("", "ab"), edits("ab", "ab")
    (2, 2, 0)
    """
    return int(Levenshtein.distance(a, b))  # regex's fuzzy best match: 12 ms a pair


def near_role_word(word: str) -> tuple[str, int] | None:
    """The long role word ``word`` may be read for, and its edits from it: the role word
    (:data:`STRUCK_ROLE_WORD` letters at least) ``word`` is :data:`STRUCK_ROLE_LETTERS` times
    nearer than it is long, and :data:`STRUCK_ROLE_MARGIN` edits nearer than to any other role
    word (marks and umlauts not counted); None when there is none.

    >>> near_role_word("Oberhürgermeistefin"), near_role_word("—Oberbürgermeister")
    (('Oberbürgermeisterin', 2), ('Oberbürgermeister', 0))
    >>> near_role_word("Oberbürgermeisteri"), near_role_word("JerDürgerMeister")  # -in or not; too far
    (None, None)
    >>> near_role_word("Bürgermeisterin"), near_role_word("Oberbürgerbeschluss")
    (None, None)
    """
    letters = fold(regex.sub(r"\P{L}", "", word))
    if len(letters) < STRUCK_ROLE_WORD:
        return None
    near = sorted((edits(letters, fold(head)), head) for head in ROLE_HEADS)
    (best, head), (second, _) = near[0], near[1]
    if (
        len(head) < STRUCK_ROLE_WORD
        or best * STRUCK_ROLE_LETTERS > len(head)
        or second - best < STRUCK_ROLE_MARGIN
    ):
        return None
    return head, best


def struck_role(word: str) -> str | None:
    """The long role word a signature's stroke made Tesseract misread in more than one letter
    (``Oberhürgermeistefin``, ``_ObErbörgefmeistefin‘``): :func:`near_role_word`'s, two edits
    from it or more (one edit is :func:`mended_role`'s). Only for a word read where a role is
    known to stand (a strip of a signature block's role line).

    >>> struck_role("Oberhürgermeistefin"), struck_role("_ObErbörgefmeistefin‘")
    ('Oberbürgermeisterin', 'Oberbürgermeisterin')
    >>> struck_role("Oberbürgermeisterin"), struck_role("Oberburgermeistern")
    (None, None)
    """
    near = near_role_word(word)
    return near[0] if near and near[1] >= 2 else None


def _parts(line: Paragraph, lexicon: Lexicon) -> list[_Item]:
    """The name or role(s) a signature-block line holds, once junk at its ends is set aside:
    ``ae Bernd Rothe`` is a name, ``‘ Oberbürgermeister`` a role, and
    ``Erste Bürgermeisterin . Oberbürgermeister`` the roles of two columns read as one line.
    A column gap (tab) splits the columns; a column's role whose first letters a signature
    covers is read when only one role fits (``Erster Bürgermeister⇥erburgermeisterin``)."""
    gapped = _gapped_role(line.text)
    if gapped is not None:
        begin = line.start + len(line.text) - len(line.text.lstrip())
        return [_Item("role", begin, line.start + len(line.text.rstrip()), gapped, 0.5)]
    if "\t" in line.text:
        parts: list[_Item] = []
        start = line.start
        for cell in _name_cells(line.text.split("\t"), lexicon):
            found = _parts(Paragraph(start, start + len(cell), cell), lexicon)
            beside_role = bool(parts) and parts[-1].kind == "role"
            role = _cut_role(cell) if not found and beside_role else None
            if role is not None:
                begin = start + len(cell) - len(cell.lstrip())
                found = [_Item("role", begin, start + len(cell.rstrip()), role, 0.5)]
            parts += found
            start += len(cell) + 1
        return parts
    tokens = list(regex.finditer(r"\S+", line.text))
    while tokens and _is_junk(tokens[0].group(), lexicon):
        tokens.pop(0)
    while tokens and _is_junk(tokens[-1].group(), lexicon):
        tokens.pop()
    if not tokens:
        return []

    def item(kind: str, first: int, last: int) -> _Item:
        start, end = line.start + tokens[first].start(), line.start + tokens[last].end()
        return _Item(kind, start, end, " ".join(t.group() for t in tokens[first : last + 1]))

    core = item("role", 0, len(tokens) - 1)
    if is_role(core.text):
        return [core]
    stripped = core.text.rstrip(",.;:")
    if stripped != core.text and is_role(stripped):  # a speck glued on: "Oberbürgermeisterin,"
        return [_Item("role", core.start, core.start + len(stripped), stripped)]
    if len(tokens) > 1 and regex.fullmatch(r"\d", tokens[-1].group()):
        shorter = item("role", 0, len(tokens) - 2)
        if is_role(shorter.text):  # a scribble's stroke read as a digit: "Oberbürgermeister 2"
            return [shorter]
    if looks_like_name(core.text, lexicon):
        return [item("name", 0, len(tokens) - 1)]
    mended = mended_role(core.text)
    if mended is not None:
        return [_Item("role", core.start, core.end, mended, 0.5)]
    for cut in range(1, len(tokens)):
        after = cut
        while after < len(tokens) and _is_junk(tokens[after].group(), lexicon):
            after += 1
        if after == len(tokens):
            break
        left, right = item("role", 0, cut - 1), item("role", after, len(tokens) - 1)
        if is_role(left.text) and is_role(right.text):
            return [left, right]
    return []


def _name_cells(cells: list[str], lexicon: Lexicon) -> list[str]:
    """A line's column cells with a common first name alone in its cell joined to the surname
    in the next (``Dorothee⇥Schulze⇥Andreas Böttcher``: a gap read as a column's): no column
    holds a first name alone. The tab becomes a space, the offsets stay."""
    joined: list[str] = []
    for cell in cells:
        if (
            joined
            and joined[-1].strip() in first_names()
            and looks_like_name(
                f"{joined[-1].strip()} {cell.split()[0]}" if cell.split() else "", lexicon
            )
        ):
            joined[-1] = f"{joined[-1]} {cell}"
            continue
        joined.append(cell)
    return joined


#: Words that end a role line the next line continues (``Beigeordnete für Ordnung und``).
CONTINUED = regex.compile(r"(?:\s(?:und|sowie|für|der|des)|[,-])$")
#: A role that ends with an adjective of its complement (``Bürgermeisterin für Allgemeine``):
#: the noun it qualifies is on the next line (``Verwaltung``).
ADJECTIVE_END = regex.compile(
    r"\sfür(?:\s\p{Lu}\p{Ll}+)*\s\p{Lu}\p{Ll}+(?:ische|liche|meine|ale|ere|ige)$"
)


#: Marks a signature's stroke leaves at the ends of a role's second line (``Liegenschaften:``).
EDGE_MARKS = "\"'„“”‘’‚,.:;"


def _continuation(role: _Item, following: list[Paragraph], lexicon: Lexicon) -> _Item | None:
    """``role`` with the next line joined when a role printed on two lines was cut: the role
    ends with ``und``/``für``/a comma, or the next line starts with a lower-case word (``und
    Verkehr``, also behind a speck: ``. und Verkehr``); the joined text must still be a role
    and the next line no name or role."""
    if not following:
        return None
    line = following[0]
    rest = line.text.strip()
    while rest.split() and len(rest.split()) > 1 and _is_junk(rest.split()[0], lexicon):
        rest = rest.split(None, 1)[1]  # a speck before the line (". und Verkehr")
    rest = rest.strip(EDGE_MARKS).strip()  # a stroke's end glued on (``"Kommunalwirtschaft``)
    if not rest or BLOCK_SEPARATOR.match(rest) or is_role(rest) or looks_like_name(rest, lexicon):
        return None
    noun = len(rest.split()) == 1 and ADJECTIVE_END.search(role.text) is not None
    if len(rest.split()) > 4 or not (CONTINUED.search(role.text) or rest[0].islower() or noun):
        return None
    joined = f"{role.text} {rest}"
    if not is_role(joined):
        return None
    end = line.start + len(line.text.rstrip())
    return _Item("role", role.start, end, joined)


def _blocks(text: Text, scribbles: list[tuple[int, int]], lexicon: Lexicon) -> list[list[_Item]]:
    """Signature blocks after the closing formula, split at ``Kenntnisnahme:`` and the like."""
    closing = CLOSING.search(text.text)
    if not closing:
        return []
    items: list[_Item] = []
    separators: list[int] = []
    lines = [line for line in text.lines() if line.start >= closing.end()]
    continued = -1
    for index, line in enumerate(lines):
        if index == continued:
            continue
        if BLOCK_SEPARATOR.match(line.text):
            separators.append(line.start)
            continue
        parts = _parts(line, lexicon)
        head = line.text.strip()
        if not parts and head and CONTINUED.search(head):
            # a role cut right after "für" is no role on its own (``Bürgermeisterin für``)
            begin = line.start + line.text.index(head)
            parts = [_Item("role", begin, begin + len(head), head)]
            joined = _continuation(parts[0], lines[index + 1 : index + 2], lexicon)
            parts, continued = ([joined], index + 1) if joined is not None else ([], continued)
        elif len(parts) == 1 and parts[0].kind == "role":
            joined = _continuation(parts[0], lines[index + 1 : index + 2], lexicon)
            if joined is not None:
                parts, continued = [joined], index + 1
        items += parts
    items += [_Item("scribble", s, e) for s, e in scribbles if s >= closing.end()]
    # A scribble removed at a line boundary sits where the next line starts: it goes first.
    items.sort(key=lambda item: (item.start, item.kind != "scribble"))
    blocks: list[list[_Item]] = [[] for _ in range(len(separators) + 1)]
    for item in items:
        blocks[sum(1 for sep in separators if sep <= item.start)].append(item)
    return blocks


def _by_column(
    row: list[_Item], roles: list[_Item], box_of: Callable[[int, int], tuple[int, Box] | None]
) -> list[tuple[_Item | None, _Item | None, _Item | None]] | None:
    """(name, role, None) for each of ``roles`` side by side in columns, each with the name
    printed in its column (its middle between the column's neighbours' edges), where the
    page's word boxes tell: OCR reads a two-column block line by line, and a name or a
    signature on a line of its own comes out in any order. None when the roles do not stand
    side by side, a name is not boxed on their page or stands below a role, two names share a
    column or a name's gender contradicts its column's role."""
    names = [item for item in row if item.kind == "name"]
    if len(roles) < 2 or not names:
        return None
    role_boxes = [box_of(role.start, role.end) for role in roles]
    name_boxes = [box_of(name.start, name.end) for name in names]
    if any(found is None for found in role_boxes + name_boxes):
        return None
    located = [found for found in role_boxes + name_boxes if found is not None]
    if len({page for page, _ in located}) != 1:
        return None
    columns = [box for _, box in located[: len(roles)]]
    if any(left[2] >= right[0] for left, right in itertools.pairwise(columns)):
        return None  # not side by side, left to right
    edges = [(left[2] + right[0]) / 2 for left, right in itertools.pairwise(columns)]
    named: dict[int, _Item] = {}
    for name, (_, box) in zip(names, located[len(roles) :], strict=True):
        if (box[1] + box[3]) / 2 > min(column[1] + column[3] for column in columns) / 2:
            return None  # a name below a role: not theirs
        column = bisect.bisect(edges, (box[0] + box[2]) / 2)
        if column in named or not _compatible(name.text, roles[column].text):
            return None
        named[column] = name
    return [(named.get(k), role, None) for k, role in enumerate(roles)]


def _pair_block(
    block: list[_Item], box_of: Callable[[int, int], tuple[int, Box] | None] = no_box
) -> list[tuple[_Item | None, _Item | None, _Item | None]]:
    """(name, role, scribble) triples. Roles side by side with their names above them pair by
    the columns the word boxes show (:func:`_by_column`). Without boxes, a row of
    names/scribbles followed by a row of as many roles is a two-column layout read row by row:
    pair in order, unless a name's gender then contradicts its role's (a signature's scribble
    on a line of its own before the next column's name: ``Bernd Böttcher`` is not the
    ``Oberbürgermeisterin`` beside him). Otherwise each name takes the next role whose
    grammatical gender does not contradict the first name."""
    pairs: list[tuple[_Item | None, _Item | None, _Item | None]] = []
    i = 0
    while i < len(block):
        row = []
        while i < len(block) and block[i].kind != "role":
            row.append(block[i])
            i += 1
        roles = []
        while i < len(block) and block[i].kind == "role":
            roles.append(block[i])
            i += 1
        if (columns := _by_column(row, roles, box_of)) is not None:
            pairs += columns
            continue
        if (
            len(roles) >= 2
            and len(row) == len(roles)
            and all(
                _compatible(person.text, role.text)
                for person, role in zip(row, roles, strict=True)
                if person.kind == "name"
            )
        ):
            for person, role in zip(row, roles, strict=True):
                named = person if person.kind == "name" else None
                pairs.append((named, role, person if named is None else None))
            continue
        free = list(roles)
        scribble = next((item for item in row if item.kind == "scribble"), None)
        for name in (item for item in row if item.kind == "name"):
            match = next((r for r in free if _compatible(name.text, r.text)), None)
            if match is not None:
                free.remove(match)
            pairs.append((name, match, None))
        pairs += [(None, unnamed, scribble) for unnamed in free]
    return pairs


def extract_signatories(
    text: Text,
    scribbles: list[tuple[int, int]],
    removed_signatures: list[str],
    lexicon: Lexicon,
    officeholders: list[Officeholder] | None = None,
) -> list[Signatory]:
    """Name/role pairs after the closing formula, in document order.

    ``scribbles`` are the cleaned-text positions of removed noise lines (signature strokes and
    signatures OCRed as words), which hold a column in two-column blocks.
    """
    signatories: list[tuple[int, Signatory]] = []
    for block in _blocks(text, scribbles, lexicon):
        for name, role, _ in _pair_block(block, text.box_of):
            holder = None
            if name is None and role is not None:
                holder = _officeholder_for(role.text, removed_signatures, officeholders or [])
            # in document order, by role when the role shares its line with the next
            # column's (``Erster Bürgermeister⇥Oberbürgermeisterin``): the roles stand in
            # column order there, the names may be read on lines of their own in any order
            anchor = role if role is not None and _on_column_line(text.text, role.start) else None
            anchor = anchor or name or role
            assert anchor is not None
            signatories.append((
                anchor.start,
                Signatory(
                    name=text.evidence(name.text, name.start, name.end, 0.85) if name
                    else text.evidence(holder.name, role.start, role.end, 0.6) if holder and role
                    else None,
                    role=text.evidence(role.text, role.start, role.end, role.confidence) if role else None,
                    officeholder_match=holder is not None,
                ),
            ))  # fmt: skip
    return [s for _, s in sorted(signatories, key=lambda item: item[0])]


def _on_column_line(text: str, offset: int) -> bool:
    """Does the line holding ``offset`` hold a column gap (a tab)?"""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return "\t" in text[start : end if end >= 0 else len(text)]


def _officeholder_for(
    role: str, signatures: list[str], holders: list[Officeholder]
) -> Officeholder | None:
    """The office holder of ``role``, when a removed signature resembles the holder's name."""
    candidates = [h for h in holders if h.role == role]
    for holder in candidates:
        if any(_similar(sig, holder.name) >= 0.6 for sig in signatures):
            return holder
    return candidates[0] if len(candidates) == 1 and signatures else None
