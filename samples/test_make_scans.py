"""Self-check of samples/make_scans.py: the truth of a scan must be what its pages show.

Run: ``.venv/bin/python -m pytest samples/test_make_scans.py -q`` (one page goes through
Tesseract; the rest are layout checks and renders at low resolution).
"""

from __future__ import annotations

import importlib.util
import itertools
import random
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).parent
SEEDS = ((8, 3), (5, 17))  # (count, seed): every layout, format, stamp kind and signature block
NOT_IN_TEXT = frozenset(("date", "type", "report_kind", "status", "label", "session"))


def load(name: str) -> ModuleType:
    """Import a module of this folder by file (samples/ is not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


SCANS = load("make_scans")
LETTERS = [letter for count, seed in SEEDS for letter in SCANS.make_letters(count, seed)]


def strings(value: Any, key: str = "") -> list[str]:
    """Every string of a record that the clean text must hold verbatim."""
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in NOT_IN_TEXT for s in strings(v, k)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item, key)]
    return [value] if isinstance(value, str) else []


def read_page(letter: Any) -> str:
    """What a perfect reader takes from the sheets: printed lines minus furniture, a stamped
    date as typed, and the recorded breaks joined."""
    parts = []
    for sheet in letter.sheets:
        for item in sheet.items:
            if isinstance(item, SCANS.Run) and not item.noise:
                parts.append(item.text)
            elif isinstance(item, SCANS.Stamp) and item.dated:
                parts.append(item.day.strftime("%d.%m.%Y"))
    text, cursor = "\n".join(parts), 0
    for brk in letter.breaks:
        pattern = f"{brk['first']}-\n{brk['second']}"
        at = text.find(pattern, cursor)
        assert at >= 0, f"{letter.id}: break {brk} not found after offset {cursor}"
        text = text[:at] + brk["joined"] + text[at + len(pattern) :]
        cursor = at + len(brk["joined"])
    return text


@pytest.mark.parametrize("letter", LETTERS, ids=lambda letter: letter.id)
def test_reading_the_pages_gives_the_text(letter: Any) -> None:
    assert " ".join(read_page(letter).split()) == " ".join(letter.text.split())
    assert set(letter.truth()) == {"id", "text", "record", "breaks"}


@pytest.mark.parametrize("letter", LETTERS, ids=lambda letter: letter.id)
def test_breaks_sit_at_line_ends(letter: Any) -> None:
    lines = letter.flow
    for brk in letter.breaks:
        assert any(
            lines[i].endswith(brk["first"] + "-") and lines[i + 1].startswith(brk["second"])
            for i in range(len(lines) - 1)
        ), brk
        assert brk["form"] == "hyphen" and brk["joined"] in letter.text
        if brk["kind"] == "word":
            assert brk["joined"] == brk["first"] + brk["second"]
            assert re.fullmatch(r"[A-ZÄÖÜa-zäöüß][a-zäöüß]+", brk["joined"]), brk  # no ids
        else:
            assert brk["kind"] == "suspended" and brk["second"] in SCANS.CONJUNCTIONS
            assert brk["joined"] == f"{brk['first']}- {brk['second']}"
    # every line ending in a hyphen is a recorded break or a real hyphen kept as printed
    for line, following in itertools.pairwise(lines):
        if line.endswith("-"):
            word = line.rsplit(" ", 1)[-1]
            recorded = any(line.endswith(b["first"] + "-") for b in letter.breaks)
            assert recorded or f"{word} {following.split(' ')[0]}" in letter.text, line


@pytest.mark.parametrize("letter", LETTERS, ids=lambda letter: letter.id)
def test_record_values_are_verbatim_in_text(letter: Any) -> None:
    for value in strings(letter.record):
        assert value in letter.text, value
    day = letter.record["document"]["date"]
    assert ".".join(reversed(day.split("-"))) in letter.text


@pytest.mark.parametrize("letter", LETTERS, ids=lambda letter: letter.id)
def test_stamps_show_the_letter_date_and_are_not_text(letter: Any) -> None:
    months = SCANS.gen.WORDS["stamp_month"]
    stamps = [stamp for sheet in letter.sheets for stamp in sheet.stamps]
    day = letter.record["document"]["date"]
    for stamp in stamps:
        assert 5 <= abs(stamp.angle) <= 25
        shown = next(line for line in stamp.lines if re.match(r"\d\d\. ?\S+ \d{4}$", line))
        number, month, year = re.match(r"(\d\d)\. ?(\S+) (\d{4})", shown).groups()
        assert f"{year}-{months.index(month) + 1:02d}-{number}" == day
        assert shown not in letter.text and "EINGEGANGEN" not in letter.text
    assert [s.dated for s in stamps].count(True) == letter.style.date_stamp
    if letter.format == "layer-pdf":
        assert not stamps
    for sheet in letter.sheets:
        assert abs(sheet.damage.skew) <= 2 and sheet.damage.turn in (0, 90, 180, 270)
        for run in sheet.runs:
            assert not run.noise or run.text not in letter.text.split("\n\n")


def test_set_covers_layouts_formats_and_blocks() -> None:
    assert {letter.style.layout for letter in LETTERS} == set(SCANS.LAYOUTS)
    assert {letter.format for letter in LETTERS} == set(SCANS.FORMATS)
    assert any(letter.style.date_stamp for letter in LETTERS)
    assert any(letter.style.received_stamp for letter in LETTERS)
    assert any(len(letter.record["signatories"]) == 3 for letter in LETTERS)
    assert any(sheet.damage.turn for letter in LETTERS for sheet in letter.sheets)
    kinds = {brk["kind"] for letter in LETTERS for brk in letter.breaks}
    assert kinds == {"word", "suspended"}


def test_deterministic(tmp_path: Path) -> None:
    first, second = SCANS.make_letters(2, 5), SCANS.make_letters(2, 5)
    assert [a.truth() for a in first] == [b.truth() for b in second]
    for letter, out in ((first[1], tmp_path / "a"), (second[1], tmp_path / "b")):
        SCANS.write_scan(letter, 40, out)
    assert [p.read_bytes() for p in sorted((tmp_path / "a").iterdir())] == [
        p.read_bytes() for p in sorted((tmp_path / "b").iterdir())
    ]
    assert SCANS.make_letters(1, 6)[0].text != first[0].text


def test_formats_are_readable(tmp_path: Path) -> None:
    import pdfplumber
    from PIL import Image

    by_format = {letter.format: letter for letter in LETTERS}
    for fmt, letter in by_format.items():
        path = SCANS.write_scan(letter, 40, tmp_path)
        if path.suffix == ".pdf":
            with pdfplumber.open(path) as pdf:
                assert len(pdf.pages) == len(letter.sheets)
                layer = pdf.pages[0].extract_text() or ""
            authority = letter.record["document"]["authority"]
            assert (authority in layer) == (fmt == "layer-pdf"), fmt
            assert (len(layer) > 100) == (fmt != "pdf"), fmt
        else:
            with Image.open(path) as image:
                assert getattr(image, "n_frames", 1) == len(letter.sheets)
    assert (tmp_path / f"{letter.id}.truth.json").exists()


def test_cli(tmp_path: Path) -> None:
    argv = ["--out", str(tmp_path), "--count", "1", "--dpi", "40", "--formats", "png,tiff"]
    assert SCANS.main(argv) == 0
    assert sorted(p.name.split(".", 1)[1] for p in (tmp_path / "40dpi").iterdir()) == [
        "layout.json",
        "tif",
        "truth.json",
    ]  # fmt: skip  (a two-page letter cannot be a PNG)
    with pytest.raises(SystemExit):
        SCANS.main(["--out", str(tmp_path), "--formats", "gif"])


def test_one_page_reads_back_with_tesseract() -> None:
    """The page is legible: Tesseract finds the letterhead and the title on a scanned page 1."""
    pytest.importorskip("pytesseract")
    from pipeline.ocr import check_tesseract, ocr_page

    check_tesseract("deu")
    letter = next(letter for letter in LETTERS if letter.format == "pdf")
    sheet = letter.sheets[0]
    sheet_upright = SCANS.Sheet(sheet.items, sheet.rules, SCANS.Damage(skew=1.0, blur=0.8))
    page = SCANS.render_sheet(sheet_upright, 150, random.Random(0))
    text = " ".join(ocr_page(page.image).text.split())
    document = letter.record["document"]
    for value in (document["authority"], document["title"]):
        assert value in text
