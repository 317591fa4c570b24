"""Signatories: name and role pairs in the closing blocks, in document order.

Two-column blocks (``Kenntnisnahme``) come out of OCR interleaved, so a name is paired with the
nearest following role whose grammatical gender does not contradict the first name
(``Dirk`` is not ``Oberbürgermeisterin``). A role without a legible name gets the configured
office holder of that role when a signature was removed from the same block.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from pipeline.errors import BadInputError, InputFileError
from pipeline.extract.base import Paragraph, Text
from pipeline.lexicon import MODELS_DIR, read_words
from pipeline.models import Repair, Signatory

ROLES_FILE = MODELS_DIR / "src" / "roles.txt"
FIRST_NAMES_FILE = MODELS_DIR / "src" / "first_names.tsv"
CLOSING = regex.compile(
    r"^\s*(?:Mit\s+freundlichen\s+Grüßen|Freundliche\s+Grüße|Hochachtungsvoll)", regex.M
)
BLOCK_SEPARATOR = regex.compile(
    r"^\s*(?:Kenntnisnahme|Gesehen|Zur Kenntnis|Im Auftrag|i\.\s?A\.|gez\.)\s*:?\s*$"
)
NAME = regex.compile(
    r"(?:(?:Dr|Prof)\.\s)*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s(?:von\s|van\s|de\s)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}"
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


@cache
def _first_names() -> dict[str, str]:
    pairs = (line.split("\t") for line in read_words(FIRST_NAMES_FILE))
    return {name: gender for name, gender in pairs}


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
    gender = _first_names().get(first)
    role_gender = _gender_of_role(role)
    return gender is None or role_gender is None or gender == role_gender


def _similar(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a.lower().replace(" ", ""), b.lower().replace(" ", "")).ratio()


def extract_signatories(
    text: Text,
    repairs: list[Repair],
    raw_to_clean: dict[int, int] | None = None,
    officeholders: list[Officeholder] | None = None,
) -> list[Signatory]:
    """Name/role pairs after the closing formula, grouped by block (sender, Kenntnisnahme)."""
    closing = CLOSING.search(text.text)
    if not closing:
        return []
    lines = [line for line in text.lines() if line.start >= closing.end()]
    blocks: list[list[Paragraph]] = [[]]
    for line in lines:
        if BLOCK_SEPARATOR.match(line.text):
            blocks.append([])
        else:
            blocks[-1].append(line)
    removed_signatures = [
        r.before.strip()
        for r in repairs
        if r.kind == "remove_noise_lines" and "signature" in r.reason
    ]
    signatories: list[tuple[int, Signatory]] = []
    for block in blocks:
        names = [
            line for line in block if NAME.fullmatch(line.text.strip()) and not is_role(line.text)
        ]
        roles = [line for line in block if is_role(line.text)]
        free_roles = list(roles)
        for name in names:
            following = [r for r in free_roles if r.start > name.start] + [
                r for r in free_roles if r.start < name.start
            ]
            role = next(
                (r for r in following if _compatible(name.text.strip(), r.text.strip())), None
            )
            if role is not None:
                free_roles.remove(role)
            signatories.append(
                (
                    name.start,
                    Signatory(
                        name=text.evidence(name.text.strip(), name.start, name.end, 0.85),
                        officeholder_match=False,
                        role=text.evidence(role.text.strip(), role.start, role.end, 0.8)
                        if role
                        else None,
                    ),
                )
            )
        for role in free_roles:
            holder = _officeholder_for(role.text.strip(), removed_signatures, officeholders or [])
            signatories.append(
                (
                    role.start,
                    Signatory(
                        name=text.evidence(holder.name, role.start, role.end, 0.6)
                        if holder
                        else None,
                        role=text.evidence(role.text.strip(), role.start, role.end, 0.8),
                        officeholder_match=holder is not None,
                    ),
                )
            )
    return [s for _, s in sorted(signatories, key=lambda item: item[0])]


def _officeholder_for(
    role: str, signatures: list[str], holders: list[Officeholder]
) -> Officeholder | None:
    """The office holder of ``role``, when a removed signature resembles the holder's name."""
    candidates = [h for h in holders if h.role == role]
    for holder in candidates:
        if any(_similar(sig, holder.name) >= 0.6 for sig in signatures):
            return holder
    return candidates[0] if len(candidates) == 1 and signatures else None
