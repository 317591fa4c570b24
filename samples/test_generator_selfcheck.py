"""Self-check of samples/generate_letters.py: its ground truth must agree with its OCR text.

Run: ``.venv/bin/python -m pytest samples/test_generator_selfcheck.py -q``
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).parent
COMMITTED = HERE / "synthetic"
COMMITTED_COUNT, COMMITTED_SEED = 12, 2026
EXTRA_SEEDS = (1, 7, 99)
STATUSES = {"implemented", "partially_implemented", "in_progress", "not_implemented", "obsolete"}
FINAL_WORDS = re.compile(r"Abschlussbericht|abschließend")
INTERIM_WORDS = re.compile(r"Zwischenbericht|Zwischenstand")


def load_generator() -> ModuleType:
    """Import generate_letters.py from this folder (samples/ is not a package)."""
    spec = importlib.util.spec_from_file_location("generate_letters", HERE / "generate_letters.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


GEN = load_generator()
LETTERS = GEN.generate(COMMITTED_COUNT, COMMITTED_SEED) + [
    letter for seed in EXTRA_SEEDS for letter in GEN.generate(6, seed)
]


def all_points(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Top-level points and their children."""
    return [q for p in record["points"] for q in (p, *p["children"])]


def field_values(record: dict[str, Any]) -> list[str]:
    """Every string of the record that must appear verbatim in the clean text."""
    document = record["document"]
    values = [document[k] for k in ("authority", "department", "file_reference", "title")]
    values += document["addressees"]
    values += [r[k] for r in document["resolutions"] for k in ("number", "session") if r[k]]
    for point in all_points(record):
        values += [point[k] for k in ("text", "status_phrase", "report") if point[k]]
    values += [s[k] for s in record["signatories"] for k in ("name", "role") if s[k]]
    return values


def reconstruct(letter: Any) -> str:
    """OCR text minus noise lines, with damaged lines repaired and the recorded breaks joined."""
    lines = [letter.repairs.get(line, line) for line in letter.ocr_text.split("\n")]
    text = "\n".join(line for line in lines if line not in letter.noise_lines)
    cursor = 0
    for brk in letter.breaks:
        hyphen = "-" if brk["form"] == "hyphen" else ""
        gap = "\n\n" if brk["form"] == "lost_blank" else "\n"
        pattern = f"{brk['first']}{hyphen}{gap}{brk['second']}"
        at = text.find(pattern, cursor)
        assert at >= 0, f"{letter.id}: break {brk} not found after offset {cursor}"
        joined = brk["joined"]
        text = text[:at] + joined + text[at + len(pattern) :]
        cursor = at + len(joined)
    return text


def squash(text: str) -> str:
    """Whitespace-insensitive form."""
    return " ".join(text.split())


@pytest.mark.parametrize("letter", LETTERS, ids=lambda letter: letter.id)
def test_breaks_sit_at_line_ends(letter: Any) -> None:
    lines = letter.ocr_text.split("\n")
    ends = {i for i, line in enumerate(lines)}
    for brk in letter.breaks:
        hyphen = "-" if brk["form"] == "hyphen" else ""
        step = 2 if brk["form"] == "lost_blank" else 1
        found = [
            i
            for i in ends
            if i + step < len(lines)
            and lines[i].endswith(brk["first"] + hyphen)
            and lines[i + step].startswith(brk["second"])
            and (step == 1 or lines[i + 1] == "")
        ]
        assert found, f"{letter.id}: {brk}"
        expected = {
            "word": brk["first"] + brk["second"],
            "compound_hyphen": f"{brk['first']}-{brk['second']}",
            "suspended": f"{brk['first']}- {brk['second']}",
        }[brk["kind"]]
        assert brk["joined"] == expected
        assert brk["joined"] in letter.text
        assert brk["form"] in ("hyphen", "lost", "lost_blank")
        assert brk["kind"] == "word" or brk["form"] == "hyphen"


@pytest.mark.parametrize("letter", LETTERS, ids=lambda letter: letter.id)
def test_record_values_are_verbatim_in_text(letter: Any) -> None:
    for value in field_values(letter.record):
        assert value in letter.text, f"{letter.id}: {value!r}"
    day = letter.record["document"]["date"]
    assert ".".join(reversed(day.split("-"))) in letter.text


@pytest.mark.parametrize("letter", LETTERS, ids=lambda letter: letter.id)
def test_text_has_no_noise(letter: Any) -> None:
    assert letter.noise_lines, "every letter has page furniture at least"
    paragraphs = set(letter.text.split("\n\n"))
    for noise in [*letter.noise_lines, *letter.repairs]:
        assert noise not in paragraphs, f"{letter.id}: {noise!r}"
        if len(noise) > 4:
            assert noise not in letter.text, f"{letter.id}: {noise!r}"
    assert not re.search(r"Seite \d+ von \d+|[■~^|\\]|Grüßen\S", letter.text)
    assert "\n\n\n" not in letter.text and "  " not in letter.text
    assert all(line == line.strip() and line for line in letter.text.split("\n\n"))


@pytest.mark.parametrize("letter", LETTERS, ids=lambda letter: letter.id)
def test_ocr_minus_noise_is_the_text(letter: Any) -> None:
    assert squash(reconstruct(letter)) == squash(letter.text)


@pytest.mark.parametrize("letter", LETTERS, ids=lambda letter: letter.id)
def test_statuses_and_report_kind(letter: Any) -> None:
    record = letter.record
    for point in all_points(record):
        assert point["status"] in STATUSES | {None}
        assert (point["status"] is None) == (point["status_phrase"] is None)
    for point in record["points"]:
        assert [c["label"] for c in point["children"]] == [
            point["label"] + c for c in "abc"[: len(point["children"])]
        ]
    statuses = [p["status"] for p in all_points(record)]
    if FINAL_WORDS.search(letter.text):
        expected = "final"
    elif INTERIM_WORDS.search(letter.text) or {"in_progress", "partially_implemented"} & set(
        statuses
    ):
        expected = "interim"
    elif all(p["status"] for p in record["points"]):
        expected = "final"
    else:
        expected = None
    assert record["document"]["report_kind"] == expected


def test_deterministic() -> None:
    first, second = GEN.generate(3, 5), GEN.generate(3, 5)
    assert [a.truth() for a in first] == [b.truth() for b in second]
    assert [a.ocr_text for a in first] == [b.ocr_text for b in second]
    assert GEN.generate(3, 6)[0].ocr_text != first[0].ocr_text


def test_committed_set_is_current() -> None:
    for letter in LETTERS[:COMMITTED_COUNT]:
        ocr = (COMMITTED / f"{letter.id}.ocr.txt").read_text(encoding="utf-8")
        truth = json.loads((COMMITTED / f"{letter.id}.truth.json").read_text(encoding="utf-8"))
        assert ocr == letter.ocr_text, f"regenerate {letter.id}: see samples/README.md"
        assert truth == letter.truth(), f"regenerate {letter.id}: see samples/README.md"
    assert len(list(COMMITTED.glob("*.ocr.txt"))) == COMMITTED_COUNT


def test_committed_set_covers_every_feature() -> None:
    letters = LETTERS[:COMMITTED_COUNT]
    breaks = Counter((b["form"], b["kind"]) for letter in letters for b in letter.breaks)
    for key in (("hyphen", "word"), ("lost", "word"), ("lost_blank", "word")):
        assert breaks[key] >= 3, breaks
    assert breaks["hyphen", "compound_hyphen"] and breaks["hyphen", "suspended"], breaks
    ocr = "\n".join(letter.ocr_text for letter in letters)
    for feature in (r"\d ?[.,] ?(JAN|FEB|MÄRZ|APR|MAI|JUNI|JULI|AUG|SEPT?|OKT|NOV|DEZ)", r"^Seite 1 von",
                    r"^Zu \d", r"^a\)$", r"Grüßen\S", r"^Kenntnisnahme:", r"\w\d\w", r"^Datum: \d"):  # fmt: skip
        assert re.search(feature, ocr, re.M), feature
    records = [letter.record for letter in letters]
    assert {p["status"] for r in records for p in all_points(r)} == STATUSES | {None}
    assert {r["document"]["report_kind"] for r in records} == {"final", "interim", None}
    assert any(len(r["document"]["resolutions"]) == 2 for r in records)
    assert any(s["name"] is None for r in records for s in r["signatories"])
    assert any(c["status"] for r in records for p in r["points"] for c in p["children"])
    assert any(letter.repairs for letter in letters)
