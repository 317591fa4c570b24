"""Signatories' names read again from a strip of their own (pipeline.signature_read): which
reads are names, where they go, and a page read by the real Tesseract."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

import pipeline.ocr
import pipeline.signature_read
from pipeline.ingest import OcrSettings, read_input
from pipeline.ocr import Word, check_tesseract
from pipeline.run import Settings, process_input
from pipeline.signature_read import (
    ROLE_ABOVE,
    ROLE_BELOW,
    LabelStrip,
    NameStrip,
    RoleLineStrip,
    RoleStrip,
    darkest_ink,
    label_strips,
    line_pitch,
    merge_label,
    merge_name,
    merge_role,
    merge_role_line,
    name_cut,
    name_strips,
    name_words,
    role_line_strips,
    role_of,
    role_strips,
    struck_role_word,
    without_pen_lines,
)
from tests.conftest import scan_page

PAPER = 244


def word(text: str, left: int, top: int, line: int, confidence: float = 92.0) -> Word:
    return Word(text, left, top, 30 * len(text), 40, confidence, 1, 1, line)


@pytest.mark.parametrize(
    ("read", "name"),
    [
        ([("Ulrike", 96), ("Grünwald", 96)], ["Ulrike", "Grünwald"]),
        ([("Hans-Peter", 90), ("Müller", 88), ("Schulz", 85), ("Extra", 90)], ["Hans-Peter", "Müller", "Schulz"]),
        ([("Stefan", 89), ("Werdt>", 76)], []),  # residue glued to the name
        ([("Anfa", 90), ("Nitzsene", 21)], []),  # unsure
        ([("Jana", 95), ("Oberbürgermeisterin", 95)], []),  # a role, not a name
        ([("Ulrike", 96)], []),
        # seeds 11, 79: a stroke through a surname costs it confidence; after a common first
        # name read surely, a surname seen in German text is taken
        ([("Sabine", 92), ("Weißbach", 65)], ["Sabine", "Weißbach"]),
        ([("Michael", 96), ("Brückner“", 71)], ["Michael", "Brückner"]),
        ([("Sabine", 92), ("Weißbäach", 65)], []),  # no word seen
        ([("Sabine", 70), ("Weißbach", 65)], []),  # the first name unsure too
        ([("Xaver", 92), ("Weißbach", 65)], []),  # no common first name
        ([("Sabine", 92), ("Weißbach", 45)], []),  # too unsure
        ([("Ulrike", 80), ("Kohler", 73)], []),  # seen with an umlaut too: Köhler (seed 79)
        ([("Ulrike", 80), ("Köhler", 73)], ["Ulrike", "Köhler"]),
        # seed 211 at 300 dpi (its text): a surname cut to letters without a vowel
        ([("Thomas", 95), ("Sch", 93)], []),
        ([("Jens", 95), ("Ott", 93)], ["Jens", "Ott"]),
    ],
)  # fmt: skip
def test_only_a_surely_read_name_is_taken(read: list[tuple[str, float]], name: list[str]) -> None:
    words = [word(text, 100 * k, 0, 1, confidence) for k, (text, confidence) in enumerate(read)]
    assert [w.text for w in name_words(words)] == name


@pytest.mark.parametrize(
    ("reads", "name"),
    [
        # seed 31, scan-003 at 300 dpi: both reads of the strip give the name, both unsure
        ([[("Frank", 91), ("Seifert", 33)], [("Frank", 84), ("Seifert", 49)]], ["Frank", "Seifert"]),
        ([[("Michael", 0), ("Krüger", 0)], [("Michael", 3), ("Krüger”", 3)]], ["Michael", "Krüger"]),
        ([[("Jörg", 91), ("Wendb", 31)], [("Jörg", 96), ("Wende“", 49)]], []),  # they differ
        ([[("Xaver", 91), ("Seifert", 33)], [("Xaver", 84), ("Seifert", 49)]], []),  # no first name
        ([[("Ulrike", 50), ("Kohler", 30)], [("Ulrike", 40), ("Kohler", 30)]], []),  # Köhler too
        ([[("Frank", 91), ("Seifert", 33)]], []),  # one read agrees with nothing
        # seed 83, scan-002 at 300 dpi: the first name sure in one read, the surname in the other
        ([[("Andreas", 83), ("D", 75), ("zT", 38)], [("Andreas", 36), ("Dietze", 94)]], ["Andreas", "Dietze"]),
        ([[("Andreas", 70), ("D", 75)], [("Andreas", 36), ("Dietze", 94)]], []),  # never sure
        # seed 79, scan-002 at 300 dpi: a first name sure only in the other read makes the
        # surname pass as one (not seen with an umlaut too), however sure its read
        ([[("Ulrike", 85), ("—", 40)], [("Ulrike", 60), ("Kohler", 88)]], []),
        # seeds 31, 79, 103, 109 at 300 dpi: the reads' first names a letter apart or one in
        # lower case, the surname alike and once read with some confidence
        ([[("Birgit", 35), ("Böttcher", 80), ("°", 22)], [("Birgt", 71), ("Böttcher", 38)]], ["Birgit", "Böttcher"]),
        ([[("Susanne", 92), ("Seifert", 54)], [("susanne", 80), ("Seifert", 52)]], ["Susanne", "Seifert"]),
        ([[("jorothee", 58), ("Schulze", 74)], [("Dorothee", 48), ("Schulze", 72)]], ["Dorothee", "Schulze"]),
        ([[("Anja", 70), ("Nische", 0)], [("Ania", 30), ("Nische", 0)]], []),  # never read surely
        ([[("Heike", 70), ("Schulze", 60)], [("Heiko", 70), ("Schulze", 60)]], []),  # two names
        ([[("Birgit", 70), ("Schulze", 60)], [("Brgt", 70), ("Schulze", 60)]], []),  # two letters
        ([[("Jörg", 91), ("Wendb", 31)], [("Jörk", 96), ("Wende", 49)]], []),  # surnames differ
        # seed 101 at 300 dpi: a first name and a surname glued into one word in both reads
        ([[("HeikeLehmann", 32), ("I", 7)], [("HeikeLehmann", 41), ("N", 55)]], ["Heike", "Lehmann"]),
        ([[("NeueLehmann", 32)], [("NeueLehmann", 41)]], []),  # no first name glued
        # seed 71 at 300 dpi: a sure read's first name no list holds, the other read's a letter
        # apart; a first name no other read gives stays
        ([[("Dorothee", 0), ("Pfeiffer", 77)], [("Dorotnee", 89), ("Pfeiffer", 96)]], ["Dorothee", "Pfeiffer"]),
        ([[("Wiebke", 90), ("Pfeiffer", 96)], [("Wiebka", 89), ("Pfeiffer", 96)]], ["Wiebke", "Pfeiffer"]),
        # seed 23 at 200 dpi: a speck of the stroke between first name and surname
        ([[("Bernd.Bräckner", 31)], [("Bernd.Brückner", 92)], [("Bernd.Brückner", 90)]], ["Bernd", "Brückner"]),
        ([[("Bernd&Brückner", 92)]], []),  # no speck: a mark of its own
        ([[("Bernd-Krüger", 83)]], ["Bernd", "Krüger"]),  # seed 71 at 150 dpi
        ([[("Susanne-Weißbach", 77)], [("Susanne", 76), ("Weißbach", 71)]], ["Susanne", "Weißbach"]),
        ([[("Anna-Lena", 90), ("Vogt", 90)]], ["Anna-Lena", "Vogt"]),  # a double first name
        # seed 23 at 300 dpi: the second and the third read agree (the first glued the name)
        ([[("BerndBräckner", 66)], [("Bernd", 49), ("Brückner", 96)], [("Bernd", 78), ("Brückner", 78)]], ["Bernd", "Brückner"]),
        # the fourth read (the strip in a margin of paper) does not vote: two of the three
        # voting reads agree, and the fourth agreeing with the third makes no tie
        ([[("Heike", 50), ("Schulze", 60)], [("Heike", 50), ("Schulze", 60)], [("Heiko", 50), ("Schulze", 60)], [("Heiko", 50), ("Schulze", 60)]], ["Heike", "Schulze"]),
        # ... and it offers a name it reads surely where the voting reads give none
        ([[("Ajavg", 0)], [("nn", 26)], [], [("Katrin", 96), ("Hübner", 77)]], ["Katrin", "Hübner"]),
        ([[("Ajavg", 0)], [("nn", 26)], [], [("Katrin", 96), ("Hübner", 27)]], []),
        # seed 113 at 300 dpi: a closed-class word is no surname (Wem for Wendt)
        ([[("Kerstin", 96), ("Wem”", 0)], [("Kerstin", 91), ("Weınii", 18)], [("Kerstin", 18), ("Wem”", 31)]], []),
        # seeds 149 and 103 at 150 dpi: the name more reads give wins over a surer single read
        ([[("KerstinRother", 71)], [("Kerstin", 96), ("Rothe”", 56)], [("Kerstin", 80), ("Rothe", 71)]], ["Kerstin", "Rothe"]),
        ([[("Kerstin", 96), ("Wendt", 70)], [("Kerstm", 87), ("Wendt", 95)], [("Kerstin", 74), ("Wendt", 96)]], ["Kerstin", "Wendt"]),
        # seeds 83 at 200 and 73 at 300 dpi: a surname German text never has, sure in one read
        # only, the other reads giving other letters: unsure
        ([[("Birgit", 96), ("Bötfcher", 81)], [("Birgit", 93), ("Botfeher", 74)], [("Birgit", 93), ("Boffcher", 71)]], []),
        ([[("Ajavg", 0), ("nn", 26)], [("Anja", 93), ("Vegt", 90)], [("Anja", 94), ("Vorst", 0)]], []),
        ([[("Anja", 93), ("Nowak", 90)], [("Anja", 90), ("Nowak", 85)], [("Anja", 94), ("Vorst", 0)]], ["Anja", "Nowak"]),
        # seed 113 at 300 dpi: a first name of the public list (Grit), the surname alike in
        # two reads, however unsure
        ([[("Grit", 95), ("Vogt", 0)], [("Grit", 96), ("Vogt", 54)], [("1", 55), ("Vor", 47)]], ["Grit", "Vogt"]),
        # seed 79 at 150 dpi: each word read alike by two of three reads
        ([[("abine", 81), ("Dietze", 96)], [("Sabine", 92), ("Dietzen.", 0)], [("Sabine", 46), ("Dietze", 29)]], ["Sabine", "Dietze"]),
        ([[("abine", 81), ("Dietze", 26)], [("Sabine", 92), ("Dietzen.", 0)], [("Sabine", 46), ("Dietze", 29)]], []),  # never read surely
        # seeds 41 at 300 dpi: no two reads give a common first name, but two give the
        # surname and each first name is a letter from one common first name
        ([[("Srit", 87), ("weißbach", 48), ("”", 27)], [("Srit", 80), ("weißbach", 65), ("©", 62)], [("Gril", 19), ("Weißbäch", 27)]], ["Grit", "Weißbach"]),
        ([[("Mattnas", 9), ("Lehmann", 0)], [("Matthias", 53), ("Lehmann", 41)], [("Mattrias", 0), ("Iefinann", 0)]], ["Matthias", "Lehmann"]),
        ([[("Srit", 87), ("Nische", 0)], [("Srit", 80), ("Nische", 20)]], []),  # never read surely
        ([[("Uke", 87), ("Lehmann", 50)], [("Uke", 80), ("Lehmann", 50)]], []),  # Ute or Uwe
        ([[("Srit", 87), ("Lehmann", 50)], [("Gril", 80), ("Wendt", 50)]], []),  # surnames differ
        # seed 71 at 300 dpi: all three reads give the first name, one the surname surely
        ([[("Bernd-Krüdger", 42)], [("Bernd", 72), ("Krüger", 95)], [("Bernd-Krüdjer", 21)]], ["Bernd", "Krüger"]),
        ([[("Bernd", 42)], [("Bernd", 72), ("Krüger", 95)]], []),  # two reads only
        ([[("Bernd", 42), ("Köhler", 40)], [("Bernd", 72), ("Krüger", 95)], [("Bernd", 21)]], []),  # two names
        # a rare first name (Anje, met in Germany) is no misread of a common one (Anja)
        ([[("Anje", 87), ("Lehmann", 50)], [("Anje", 80), ("Lehmann", 50)], [("Amja", 80), ("Lehmann", 50)]], []),
    ],
)  # fmt: skip
def test_a_name_the_reads_agree_on_or_complete_is_taken(
    reads: list[list[tuple[str, float]]], name: list[str]
) -> None:
    strip = NameStrip((Path("a.tif"), Path("b.tif"), Path("c.tif")), (100, 500, 700, 560))
    page = [word("Oberbürgermeister", 100, 600, 2)]
    read = [[word(t, 10 + 200 * k, 10, 1, c) for k, (t, c) in enumerate(r)] for r in reads]
    merged = merge_name(page, strip, read)
    assert ([w.text for w in merged[:-1]] if merged else []) == name


def test_a_role_strip_starts_after_the_role_not_after_noise_on_its_line(tmp_path: Path) -> None:
    """Regression (tests/eval_scans.py seed 11, scan-003 at 300 dpi): a scribble over the
    second column's role was read as ``erb`` on the first column's role line; the strip began
    right of that noise and the struck-through role was never read again."""
    page = [
        word("Mit", 100, 100, 1),
        word("freundlichen", 220, 100, 1),
        word("Grüßen", 600, 100, 1),
    ]
    page += [
        word("Erster", 100, 400, 2),
        word("Bürgermeister", 300, 400, 2),
        word("erb", 1000, 400, 2, 30.0),
    ]
    image = Image.new("L", (2000, 800), PAPER)
    image.paste(0, (900, 395, 1400, 440))  # the second column's role under its scribble
    (strip,) = role_strips(page, image, tmp_path, "p")
    assert strip.host.text == "Bürgermeister" and strip.box[0] < 1000 < strip.box[2]


@pytest.mark.parametrize("mark", [None, "_"])
def test_a_role_strip_reaches_a_column_right_of_a_last_pages_short_lines(
    tmp_path: Path, mark: str | None
) -> None:
    """Regression (tests/eval_scans.py seed 83, scan-000 at 300 dpi): on a letter's last page
    the lines ended far left of the ``Kenntnisnahme`` column's role, struck through and read
    as nothing; the strip ended where the page's words did and missed it. And a mark the
    signature's stroke left before the role line's first word (``_ Erste``) hid the role."""
    page = [
        word("Mit", 100, 100, 1),
        word("freundlichen", 220, 100, 1),
        word("Grüßen", 600, 100, 1),
    ]
    page += [word("Kenntnisnahme:", 100, 250, 2)]
    role = [word("Erste", 100, 400, 3), word("Bürgermeisterin", 280, 400, 3)]
    page += ([Word(mark, 60, 420, 3, 3, 41.0, 1, 1, 3)] if mark else []) + role
    image = Image.new("L", (2000, 800), PAPER)
    image.paste(0, (1300, 395, 1800, 440))  # the second column's role under its scribble
    (strip,) = role_strips(page, image, tmp_path, "p")
    assert strip.host.text == "Bürgermeisterin" and strip.box[0] < 1300 and strip.box[2] > 1800


def test_line_pitch_is_the_distance_of_a_paragraphs_lines() -> None:
    words = [word("Text", 0, 100 + 70 * k, k + 1) for k in range(5)]
    assert line_pitch(words) == 70
    assert line_pitch(words[:1]) is None


def test_line_pitch_leaves_out_a_step_across_a_blank_line() -> None:
    """Seed 31 at 300 dpi: the greeting and the line after the signature's space were one
    paragraph; their step (2.5 word heights) made the name strip reach into the scribble above
    the name, and ``Torsten Grünwald`` was lost."""
    greeting = word("Grüßen", 0, 100, 1)
    assert line_pitch([greeting, word("Bürgermeister", 0, 200, 2)]) is None
    lines = [word("Text", 0, 300 + 60 * k, k + 3) for k in range(3)]
    assert line_pitch([greeting, word("Bürgermeister", 0, 200, 2), *lines]) == 60


def test_darkest_ink_keeps_the_type_and_drops_a_lighter_pen() -> None:
    pixels = np.full((40, 200), PAPER, np.uint8)
    pixels[10:30, 20:60] = 10  # type
    pixels[5:8, 0:200] = 90  # a pen stroke across
    kept = np.asarray(darkest_ink(Image.fromarray(pixels)))
    assert (kept[10:30, 20:60] == 10).all() and (kept[5:8] == 255).all()


def test_a_name_takes_the_place_of_the_noise_before_its_role() -> None:
    words = [
        word("Grüßen", 100, 100, 1),
        word("IL", 100, 240, 2, 20.0),
        word("RE", 180, 240, 2, 15.0),
    ]
    words += [word("Oberbürgermeisterin", 100, 310, 3)]
    strip = NameStrip((Path("a"), Path("b")), (90, 220, 700, 300))
    read = [[word("Ulrike", 10, 20, 1, 96.0), word("Grünwald", 220, 20, 1, 95.0)], []]
    merged = merge_name(words, strip, read)
    assert merged is not None
    assert [w.text for w in merged] == ["Grüßen", "Ulrike", "Grünwald", "Oberbürgermeisterin"]
    assert merged[1].top == 240 and merged[1].left == 100
    assert len({(w.block, w.paragraph, w.line) for w in merged}) == 3


def test_a_name_in_the_second_column_joins_the_first_columns_line() -> None:
    words = [word("Grüßen", 100, 100, 1), word("Jana", 100, 240, 2), word("Wendt", 260, 240, 2)]
    words += [
        word("en", 1300, 240, 2, 20.0),
        word("Erste", 100, 310, 3),
        word("Oberbürgermeister", 1300, 310, 3),
    ]
    strip = NameStrip((Path("a"), Path("b")), (1290, 220, 1900, 300))
    read = [[], [word("Frank", 10, 20, 1, 96.0), word("Krüger", 200, 20, 1, 95.0)]]
    merged = merge_name(words, strip, read)
    assert merged is not None
    texts = [w.text for w in merged]
    assert texts[:5] == ["Grüßen", "Jana", "Wendt", "Frank", "Krüger"]
    assert merged[3].line == merged[1].line and "en" not in texts


def test_a_name_under_a_signature_is_read_from_its_strip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 13): the signature over 'Ulrike Grünwald' made
    the page read ``en`` there; its strip reads the name."""
    check_tesseract()
    signed = scan_page(tmp_path, 13, 6, "scan-005", -1)  # the page with the signature
    source = read_input(signed, OcrSettings())
    record = process_input(source, Settings())
    assert [(s.name and s.name.value) for s in record.signatories] == ["Ulrike Grünwald"]
    monkeypatch.setattr(pipeline.ocr, "READ_NAMES", False)
    plain = process_input(read_input(signed, OcrSettings()), Settings())
    assert [(s.name and s.name.value) for s in plain.signatories] == [None]


def test_a_strip_is_cut_after_the_name_like_words_its_reads_begin_with(tmp_path: Path) -> None:
    strip_image = Image.new("L", (600, 60), PAPER)
    plain, dark = tmp_path / "s-name0.tif", tmp_path / "s-name0-dark.tif"
    strip_image.save(plain)
    strip = NameStrip((plain, dark, plain, plain), (100, 200, 700, 260), over_name=True)
    glued = [word("RerstinMeißner", 5, 10, 1, 0.0), word("—", 480, 5, 1)]  # 14 letters: 420 px
    apart = [word("Kerstin", 5, 10, 1, 0.0), word("Meisner", 250, 10, 1, 0.0)]  # ends at 460
    cut = name_cut(strip, [glued, apart, [], []])
    assert cut is not None and cut.box == strip.box and cut.over_name
    assert [path.name for path in cut.paths] == ["s-name0-cut.tif", "s-name0-cut-dark.tif"]
    with Image.open(cut.paths[0]) as image:
        assert image.size == (460 + 24, 60)  # the farther end, and 0.4 of the strip's height
    assert name_cut(strip, [[word("—", 5, 10, 1), *apart], [], apart, apart]) is None  # 3rd: thin
    assert (
        name_cut(strip, [[word("Kerstin", 5, 10, 1), word("Meißnerlangundlänger", 250, 10, 1)], []])
        is None
    )


def test_a_cut_strips_name_is_taken_only_when_both_its_reads_give_its_surname() -> None:
    """A cut strip is a second chance: one read sure of a surname the other read does not give
    (``Lehman`` at 60 beside ``Lelinäastm``, seed 139 at 150 dpi, the truth ``Lehmann``) or
    a first name no list holds read alike twice (``Dorotfiee``) is no name."""
    page = [word("Grüßen", 100, 100, 1), word("IL", 100, 250, 2, 20.0)]
    page += [word("Oberbürgermeisterin", 100, 310, 3)]
    strip = NameStrip((Path("a"), Path("b")), (80, 230, 900, 300))
    one = [[word("Birgit", 20, 30, 1, 96.0), word("Lehman", 220, 30, 1, 60.0)]]
    one += [[word("Birgit", 20, 30, 1, 93.0), word("Lelinäastm", 220, 30, 1, 0.0)]]
    assert merge_name(page, strip, one) is not None
    assert merge_name(page, strip, one, alike=True) is None
    unlisted = [[word("Dorotfiee", 20, 30, 1, 86.0), word("Rothe", 320, 30, 1, 94.0)]] * 2
    assert merge_name(page, strip, unlisted, alike=True) is None
    both = [[word("Kerstin", 20, 30, 1, 31.0), word("Meißner", 250, 30, 1, 31.0)]]
    both += [[word("Kerstin", 20, 30, 1, 58.0), word("Meißner“", 250, 30, 1, 91.0)]]
    merged = merge_name(page, strip, both, alike=True)
    assert merged is not None and [w.text for w in merged][1:3] == ["Kerstin", "Meißner"]


def test_a_name_a_signatures_loops_beside_it_hid_is_read_from_its_strip_cut_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 107 at 300 dpi): the strip of ``Kerstin Meißner``,
    with the signature's loops right of the name, read ``KerstinMeßneer`` at 0,
    ``RerstinMeißner`` at 0 and at 15; cut after the name it reads ``Kerstin`` 84
    ``Meißner`` 96."""
    check_tesseract()
    signed = scan_page(tmp_path, 107, 6, "scan-002", -1)
    record = process_input(read_input(signed, OcrSettings()), Settings())
    assert "Kerstin Meißner" in [s.name.value for s in record.signatories if s.name]
    monkeypatch.setattr(pipeline.ocr, "READ_NAME_CUTS", False)
    plain = process_input(read_input(signed, OcrSettings()), Settings())
    assert "Kerstin Meißner" not in [s.name.value for s in plain.signatories if s.name]


@pytest.mark.parametrize(
    ("letter", "name"),
    [("scan-004", "Katrin Hübner"), ("scan-005", "Anja Köhler")],
)
def test_a_name_touching_its_strips_top_is_read_in_a_margin_of_paper(
    tmp_path: Path, letter: str, name: str
) -> None:
    """Regression (tests/eval_scans.py seeds 31 and 41 at 300 dpi): the ascenders of a name
    under a signature touched its strip's top edge, and the strip's three reads gave
    ``Hühner`` at 11 and ``Anjaköller`` at 29; in a margin of paper they read surely."""
    check_tesseract()
    seed = {"scan-004": 31, "scan-005": 41}[letter]
    signed = scan_page(tmp_path, seed, 6, letter, -1)
    record = process_input(read_input(signed, OcrSettings()), Settings())
    assert name in [s.name.value for s in record.signatories if s.name]


def test_a_pen_line_along_a_typed_name_goes_and_the_letters_stay() -> None:
    """A signature's long stroke drawn along a typed name (12 pt at 300 dpi) is taken off
    outside the letters; the letters keep nearly all their ink."""
    from PIL import ImageChops, ImageDraw, ImageFont

    face = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 50)
    typed = Image.new("L", (700, 90), 255)
    ImageDraw.Draw(typed).text((20, 10), "Andreas Seifert", font=face, fill=0)
    pen = Image.new("L", typed.size, 255)
    ImageDraw.Draw(pen).line((0, 42, 699, 28), fill=50, width=4)
    signed = np.asarray(without_pen_lines(ImageChops.darker(typed, pen), 50)) < 128
    letters = np.asarray(typed) < 128
    stroke = (np.asarray(pen) < 128) & ~np.asarray(
        Image.fromarray(letters).filter(ImageFilter.MaxFilter(9))
    )
    assert stroke.sum() > 800 and signed[stroke].mean() < 0.02
    assert signed[letters].mean() > 0.85  # a letter's bar the stroke runs along goes too


def test_the_strip_without_pen_lines_gives_a_name_only_where_no_other_read_does() -> None:
    """Regression (tests/eval_scans.py seeds 13 at 300 dpi, 137 at 200 dpi): a sure read of
    the strip without its pen lines (``Stefan Werdt``: the line took ink off the ``n``) won
    over the name another read gave (``Stefan Wendt``). Now it is a last resort, and its
    surnames still need to be words German text has unless two reads back them."""
    page = [word("Grüßen", 100, 100, 1), word("IL", 100, 250, 2, 20.0)]
    page += [word("Bürgermeister", 100, 310, 3)]
    strip = NameStrip(tuple(Path(c) for c in "abcdef"), (80, 230, 900, 300), margin=10)
    wendt = [word("Stefan", 20, 30, 1, 93.0), word("Wendt", 320, 30, 1, 81.0)]
    werdt = [word("Stefan", 20, 30, 1, 96.0), word("Werdt", 320, 30, 1, 95.0)]
    unsure = [word("Stefan", 20, 30, 1, 40.0), word("Werdt", 320, 30, 1, 12.0)]
    noise = [word("Sfefan", 20, 30, 1, 40.0), word("W/ondt", 320, 30, 1, 12.0)]
    merged = merge_name(page, strip, [unsure, unsure, noise, wendt, werdt, werdt])
    assert merged is not None and [w.text for w in merged][1:3] == ["Stefan", "Wendt"]
    merged = merge_name(page, strip, [noise, noise, noise, [], [], wendt])
    assert merged is not None and [w.text for w in merged][1:3] == ["Stefan", "Wendt"]
    assert merge_name(page, strip, [noise, noise, noise, [], werdt, []]) is None


def test_a_name_a_signatures_stroke_runs_along_is_read_without_the_stroke(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 11 at 300 dpi): the signature's long stroke ran
    along ``Andreas Seifert`` through its letters' tops, and the strip's reads gave
    ``Andres$Sefertt`` at 33, ``Andreässäfertt`` at 16, ``Ändreässeifert`` at 44; without
    its pen lines the strip reads ``Andreas`` and ``Seifert`` surely."""
    check_tesseract()
    signed = scan_page(tmp_path, 11, 6, "scan-005", -1)
    record = process_input(read_input(signed, OcrSettings()), Settings())
    assert "Andreas Seifert" in [s.name.value for s in record.signatories if s.name]
    monkeypatch.setattr(pipeline.signature_read, "without_pen_lines", lambda image, _: image)
    plain = process_input(read_input(signed, OcrSettings()), Settings())
    assert "Andreas Seifert" not in [s.name.value for s in plain.signatories if s.name]


def test_a_margin_reads_name_is_placed_in_the_strip_and_backs_no_other_read() -> None:
    """The margin read's words are moved back into the strip; agreeing with the first read
    (the same pixels) it does not make a surname German text never has sure."""
    page = [word("Grüßen", 100, 100, 1), word("IL", 100, 250, 2, 20.0)]
    page += [word("Oberbürgermeister", 100, 310, 3)]
    strip = NameStrip(tuple(Path(c) for c in "abcd"), (80, 230, 900, 300), margin=10)
    sure = [word("Katrin", 20, 30, 1, 96.0), word("Hübner", 320, 30, 1, 77.0)]
    merged = merge_name(page, strip, [[], [], [], sure])
    assert merged is not None and [w.text for w in merged][1:3] == ["Katrin", "Hübner"]
    assert (merged[1].left, merged[1].top) == (90, 250)
    unseen = [word("Matthias", 20, 30, 1, 93.0), word("Köhier", 320, 30, 1, 92.0)]
    assert merge_name(page, strip, [unseen, [], [], unseen]) is None


@pytest.mark.parametrize(
    ("name", "over_name"),
    [
        # seed 31, scan-000 at 200 dpi: a signature made the first name ``Eier`` (at 7)
        ([("Eier", 7.0), ("Böttcher", 96.0)], [True]),
        ([("Matthias", 93.0), ("Köhier", 60.0)], [True]),  # seed 31, scan-001: no word seen
        ([("Birgit", 96.0), ("Böttcher", 96.0)], []),  # read surely
        # seed 43, scan-000 at 150 dpi: the surname's end under the stroke, the rest read surely
        ([("Thomas", 93.0), ("Schül", 92.0)], [True]),
        ([("Sabine", 92.0), ("Weißbach", 65.0)], []),  # a first name and a seen surname
        # seed 79, scan-000 at 300 dpi: a mark glued on, which the record takes no name with
        ([("Michael", 96.0), ("Brückner“", 96.0)], [False]),
    ],
)
def test_a_name_shaped_pair_read_unsurely_is_read_again(
    tmp_path: Path, name: list[tuple[str, float]], over_name: list[bool]
) -> None:
    words = [word("Grüßen", 100, 100, 1)]
    words += [
        word(text, 100 + 300 * k, 250, 2, confidence) for k, (text, confidence) in enumerate(name)
    ]
    words += [word("Oberbürgermeister", 100, 310, 3)]
    image = Image.new("L", (2000, 800), PAPER)
    image.paste(0, (100, 250, 600, 290))  # the name under its signature
    strips = name_strips(words, image, tmp_path, "p")
    assert [strip.over_name for strip in strips] == over_name


@pytest.mark.parametrize("role", ["Oberbürgermeister", "-Oberbürgermeister", "“Oberbürgermeister"])
def test_a_name_strip_is_cut_above_a_role_a_stroke_left_a_mark_on(
    tmp_path: Path, role: str
) -> None:
    """Regression (seed 71, scan-004 at 150 dpi): the stroke through the name left ``-`` glued
    to the role below it (``-Oberbürgermeister``), and no strip was cut for the name."""
    words = [
        word("Grüßen", 100, 100, 1),
        word("Be", 100, 250, 2, 96.0),
        word("er", 200, 250, 2, 96.0),
    ]
    words += [word(role, 100, 310, 3)]
    image = Image.new("L", (2000, 800), PAPER)
    image.paste(0, (100, 250, 600, 290))  # the name under its signature
    (strip,) = name_strips(words, image, tmp_path, "p")
    assert strip.box[1] < 250 < strip.box[3] <= 310


def test_a_name_read_again_over_a_misread_one_needs_seen_surnames() -> None:
    """Regression (seed 31, scan-001 at 200 dpi): the page read ``Matthias Köhier`` at 60 and
    the strip's reads ``Köhier`` at 92 twice: no better than the page's misread."""
    page = [word("Grüßen", 100, 100, 1), word("Matthias", 100, 250, 2, 93.0)]
    page += [word("Köhier", 400, 250, 2, 60.0), word("Oberbürgermeister", 100, 310, 3)]
    strip = NameStrip((Path("a"), Path("b"), Path("c")), (80, 230, 900, 300), over_name=True)
    sure = [word("Matthias", 10, 20, 1, 93.0), word("Köhier", 300, 20, 1, 92.0)]
    assert merge_name(page, strip, [sure, sure, []]) is None
    seen = [word("Matthias", 10, 20, 1, 93.0), word("Köhler", 300, 20, 1, 92.0)]
    merged = merge_name(page, strip, [seen, seen, []])
    assert merged is not None and [w.text for w in merged][1:3] == ["Matthias", "Köhler"]


@pytest.mark.parametrize(
    ("read", "role"),
    [
        (["Oberbürgermeisterin"], ["Oberbürgermeisterin"]),
        (["—", "Erste", "Bürgermeisterin", "x"], ["Erste", "Bürgermeisterin"]),
        (["—Oberbürgermeisterin"], ["—Oberbürgermeisterin"]),  # one edit: a stroke glued on
        (["Beigeordneter", "für", "Soziales"], ["Beigeordneter", "für", "Soziales"]),
        (["eisterin"], []),
        (["Eperbürgermeisterin"], []),  # two letters off
        (["Matthias", "Lehmann"], []),
    ],
)  # fmt: skip
def test_only_a_role_is_taken_from_a_role_strip(read: list[str], role: list[str]) -> None:
    words = [word(text, 100 * k, 0, 1) for k, text in enumerate(read)]
    assert [w.text for w in role_of(words)] == role


def test_a_role_read_from_its_strip_joins_the_role_line_beside_it() -> None:
    host = word("Bürgermeister", 260, 310, 3)
    words = [word("Grüßen", 100, 100, 1), word("Erster", 100, 310, 3), host]
    words += [word("Seite", 800, 600, 4)]
    junk = word("~~", 1300, 300, 3, 12.0)
    strip = RoleStrip((Path("a"), Path("b")), (1000, 280, 2000, 370), host)
    read = [[word("eisterin", 10, 20, 1, 80.0)], [word("Oberbürgermeisterin", 300, 20, 1, 70.0)]]
    merged = merge_role([*words[:3], junk, words[3]], strip, read)
    assert merged is not None
    assert [w.text for w in merged] == [
        "Grüßen",
        "Erster",
        "Bürgermeister",
        "Oberbürgermeisterin",
        "Seite",
    ]
    assert (merged[3].left, merged[3].line) == (1300, 3)
    assert merge_role(words, strip, [read[0], []]) is None


@pytest.mark.parametrize(
    ("reads", "role"),
    [
        # seed 13 scan-004 at 300 dpi: a stroke's marks glued before the role in one read,
        # the other read split
        ([["““Oberbürgermeister"], ["“", "Oberbü", "rgermeister"]], "Oberbürgermeister"),
        ([["\\Oberbürgermeisterin"], ["er", "ermeisteri"]], "Oberbürgermeisterin"),
        # marks after a word may be what a stroke left of its ending: no role; nor a word one
        # letter longer than the masculine role (seed 79 scan-002 at 200 dpi: the 'm' was 'in')
        ([["““Oberbürgermeis!"], ["Oberbürgermeist"]], None),
        ([["er]", "ermeiste"], ["\\oberbürgermeisterm"]], None),
        ([["““"], ["—"]], None),
    ],
)  # fmt: skip
def test_marks_a_stroke_glued_before_a_role_are_set_aside(
    reads: list[list[str]], role: str | None
) -> None:
    assert _role_merged(_reads(reads, 80.0)) == role


def _reads(texts: list[list[str]], confidence: float) -> list[list[Word]]:
    """Reads of a strip, each a list of words read with ``confidence``."""
    return [[word(t, 10 + 200 * k, 20, 1, confidence) for k, t in enumerate(r)] for r in texts]


def _role_merged(reads: list[list[Word]]) -> str | None:
    """The role :func:`merge_role` puts beside ``Erste Bürgermeisterin`` from a role strip's
    ``reads``, or None."""
    host = word("Bürgermeisterin", 260, 310, 3)
    words = [word("Grüßen", 100, 100, 1), word("Erste", 100, 310, 3), host]
    strip = RoleStrip((Path("a"), Path("b")), (1000, 280, 2000, 370), host)
    merged = merge_role(words, strip, reads)
    return merged[3].text if merged else None


def test_a_role_a_signature_struck_through_is_read_from_its_strip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 41, scan-001): a signature struck through the
    second column's ``Oberbürgermeisterin``, and the page read nothing there."""
    check_tesseract()
    signed = scan_page(tmp_path, 41, 6, "scan-001", -1)
    record = process_input(read_input(signed, OcrSettings()), Settings())
    roles = [s.role and s.role.value for s in record.signatories]
    assert roles[-2:] == ["Erster Bürgermeister", "Oberbürgermeisterin"]
    monkeypatch.setattr(pipeline.ocr, "READ_NAMES", False)
    plain = process_input(read_input(signed, OcrSettings()), Settings())
    assert "Oberbürgermeisterin" not in [s.role and s.role.value for s in plain.signatories]


@pytest.mark.parametrize(
    ("reads", "role"),
    [
        # seed 113 scan-000 at 300 dpi: the whole strip read as nothing, its band misread in
        # three letters and in more
        ([[], [], ["Oberkhürgermeistetin”—"], ["Oberhurgernteistehin——"]], "Oberbürgermeisterin"),
        ([[], ["JerDürgerMeister"]], None),  # three letters off a word of 17: too far
        ([["Oberbürgermeisteri"], ["Oberbürgermeisterm"]], None),  # as near to both genders
        # reads near two role words: neither
        ([["Oberhürgermeistefin"], ["Oberhürgermeistar"]], None),
    ],
)  # fmt: skip
def test_a_struck_roles_word_misread_in_letters_is_taken_when_no_read_is_nearer_another(
    reads: list[list[str]], role: str | None
) -> None:
    assert _role_merged(_reads(reads, 0.0)) == role
    assert [w.text for w in struck_role_word(_reads(reads, 0.0))] == ([role] if role else [])


@pytest.mark.parametrize(
    ("reads", "role"),
    [
        ([[], [], ["IL"], [], ["Oberbürgermeister"], []], "Oberbürgermeister"),
        ([[], [], ["Bürgermeister"], [], ["Oberbürgermeister"], []], "Bürgermeister"),
        ([["Oberhürgermeistefin"], [], [], [], ["Bürgermeister"], []], "Oberbürgermeisterin"),
        ([[], [], [], [], ["Oberhürgermeistefin"], []], None),
    ],
)  # fmt: skip
def test_a_role_read_in_the_band_without_pen_lines_is_a_last_resort(
    reads: list[list[str]], role: str | None
) -> None:
    """The reads of a struck role's band without its pen lines (the last two) give a role only
    when no other read gives one, nor a misread role word (:func:`struck_role_word`), and
    are not mended themselves."""
    assert _role_merged(_reads(reads, 90.0)) == role


def test_a_struck_role_is_read_in_its_lines_band_below_the_signatures_loops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 149, scan-000 at 300 dpi): a signature's loops
    above the second column's ``Oberbürgermeister`` struck through; the whole strip read as
    nothing, its role line's band as the role."""
    check_tesseract()
    signed = scan_page(tmp_path, 149, 6, "scan-000", -1)
    record = process_input(read_input(signed, OcrSettings()), Settings())
    roles = [s.role and s.role.value for s in record.signatories]
    assert roles[-2:] == ["Erster Bürgermeister", "Oberbürgermeister"]
    # the band as high as the strip: its reads are the strip's
    monkeypatch.setattr(pipeline.signature_read, "ROLE_BAND_ABOVE", ROLE_ABOVE)
    monkeypatch.setattr(pipeline.signature_read, "ROLE_BAND_BELOW", ROLE_BELOW)
    # (without its pen lines the strip as high reads the role too)
    monkeypatch.setattr(pipeline.signature_read, "without_pen_lines", lambda image, _: image)
    whole = process_input(read_input(signed, OcrSettings()), Settings())
    assert "Oberbürgermeister" not in [s.role and s.role.value for s in whole.signatories]


def test_a_misread_role_line_below_the_greeting_is_cut_out_with_the_name_above(
    tmp_path: Path,
) -> None:
    words = [word("Grüßen", 100, 100, 1), word("Beigenrdfieter", 100, 310, 3)]
    words += [word("für", 560, 310, 3), word("Soziales", 680, 310, 3)]
    words += [word("Obsthürgermeisterin", 100, 20, 0)]  # above the greeting: body text
    image = Image.new("L", (2000, 800), PAPER)
    image.paste(0, (100, 230, 500, 270))  # the name under its signature
    (strip,) = role_line_strips(words, image, tmp_path, "p")
    assert [w.text for w in strip.line] == ["Beigenrdfieter", "für", "Soziales"]
    assert strip.box[1] < 310 < 350 < strip.box[3] and len(strip.paths) == 3
    assert all(path.exists() for path in strip.paths)
    (name,) = name_strips(words, image, tmp_path, "p")  # the name above a misread role too
    assert name.box[3] <= 310


@pytest.mark.parametrize(
    ("reads", "line"),
    [
        # seed 101, scan-001 at 300 dpi: the role word read right, the rest worse than the page
        ([[("Beigeordneter", 87), ("tur", 91)], [("Beigeordneter", 51), ("fur", 89)]], ["Beigeordneter", "für", "Soziales"]),
        # seed 71, scan-003 at 300 dpi: the umlaut lost in every read
        ([[("Oberburgermeisterin", 37)], [("Oberburgermeisterin", 86)]], ["Oberbürgermeisterin", "für", "Soziales"]),
        ([[("Beigeordneter", 60)], [("Beigeordneter", 55)]], None),  # unsure
        ([[("tur", 90), ("Oberbürgermeister", 90)]], None),  # another column's role
        ([[("Beigeordnung", 95)]], None),  # no role
    ],
)  # fmt: skip
def test_a_misread_role_word_is_replaced_by_its_strips_read(
    reads: list[list[tuple[str, float]]], line: list[str] | None
) -> None:
    words = [word("Grüßen", 100, 100, 1), word("Beigenrdfieter", 100, 310, 3)]
    words += [word("für", 560, 310, 3), word("Soziales", 680, 310, 3), word("Seite", 100, 700, 4)]
    strip = RoleLineStrip((Path("a"), Path("b")), (70, 280, 1000, 370), tuple(words[1:4]))
    read = [[word(t, 10 + 300 * k, 10, 1, c) for k, (t, c) in enumerate(r)] for r in reads]
    merged = merge_role_line(words, strip, read)
    if line is None:
        assert merged is None
        return
    assert merged is not None
    assert [w.text for w in merged] == ["Grüßen", *line, "Seite"]
    assert (merged[1].left, merged[1].line) == (100, 3)


def test_a_role_word_a_signature_made_tesseract_misread_is_read_from_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 71, scan-003 at 300 dpi): a signature's stroke
    over ``Oberbürgermeisterin`` made the page read ``obsthürgermeisterin``, and the record
    lost the signatory."""
    check_tesseract()
    signed = scan_page(tmp_path, 71, 6, "scan-003", -1)
    record = process_input(read_input(signed, OcrSettings()), Settings())
    roles = [s.role and s.role.value for s in record.signatories]
    assert roles[-1] == "Oberbürgermeisterin"
    monkeypatch.setattr(pipeline.ocr, "READ_NAMES", False)
    plain = process_input(read_input(signed, OcrSettings()), Settings())
    assert "Oberbürgermeisterin" not in [s.role and s.role.value for s in plain.signatories]


def note_block(role: str | None) -> tuple[list[Word], Image.Image]:
    """A ``Kenntnisnahme`` column's page: the label, a signature's loops (sparse ink) and,
    below them, its one role line struck through (dense ink) that the page read as ``role``
    (None: as nothing)."""
    words = [word("Mit", 100, 100, 1), word("Grüßen", 220, 100, 1)]
    words += [word("Kenntnisnahme:", 100, 300, 2)]
    words += [word(role, 90, 520, 3, 12.0)] if role else []
    image = Image.new("L", (2000, 900), PAPER)
    for x in range(80, 700, 60):  # the signature's loops: a pen's width, far apart
        image.paste(0, (x, 420, x + 4, 470))
    image.paste(0, (100, 515, 700, 560))  # the role line
    return words, image


def test_a_lone_role_under_its_label_is_cut_out_below_the_signature(tmp_path: Path) -> None:
    """Regression (tests/eval_scans.py seeds 71, scan-005, and 131, scan-004, at 300 dpi): a
    ``Kenntnisnahme`` column with one line, its role, a signature struck through it, and the
    page read noise there (or nothing: seed 97, scan-000); no role line to cut a strip beside
    or from was read, and the column's signatory was lost."""
    for role in (None, "Soperdüigersättä"):
        words, image = note_block(role)
        (strip,) = label_strips(words, image, tmp_path, "p")
        assert strip.label.text == "Kenntnisnahme:"
        assert strip.box[1] < 515 and strip.box[3] > 560 and strip.box[1] > 470 - 40
        assert strip.box[0] <= 100 and strip.box[2] >= 700
    words, image = note_block("Oberbürgermeisterin")  # a role read: no strip
    assert label_strips(words, image, tmp_path, "p") == []
    words, image = note_block(None)
    words = words[:2] + words[3:]  # no label
    assert label_strips(words, image, tmp_path, "p") == []


def test_a_role_read_from_a_labels_strip_is_a_paragraph_after_the_label() -> None:
    label = word("Kenntnisnahme:", 100, 300, 2)
    noise = word("Soperdüigersättä", 90, 520, 3, 0.0)
    words = [word("Grüßen", 100, 100, 1), label, noise, word("Seite", 800, 800, 4)]
    strip = LabelStrip((Path("a"), Path("b")), (40, 490, 800, 580), label)
    unsure = [[word("Oberbürgermeisterin", 10, 20, 1, 40.0)], [word("Obst", 10, 20, 1, 90.0)]]
    assert merge_label(words, strip, unsure) is None
    read = [unsure[0], [word("Oberbürgermeisterin", 12, 25, 1, 61.0)]]
    merged = merge_label(words, strip, read)
    assert merged is not None
    assert [w.text for w in merged] == ["Grüßen", "Kenntnisnahme:", "Oberbürgermeisterin", "Seite"]
    role = merged[2]
    assert (role.left, role.top) == (52, 515)
    assert role.paragraph not in {w.paragraph for w in words}


def test_a_lone_role_a_signature_struck_through_is_read_under_its_label(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (tests/eval_scans.py seed 131, scan-004): a signature struck through the
    ``Kenntnisnahme`` column's only line, ``Oberbürgermeisterin``, and the page read noise."""
    check_tesseract()
    signed = scan_page(tmp_path, 131, 6, "scan-004", -1)
    record = process_input(read_input(signed, OcrSettings()), Settings())
    assert [s.role and s.role.value for s in record.signatories][-1] == "Oberbürgermeisterin"
    monkeypatch.setattr(pipeline.ocr, "READ_NAMES", False)
    plain = process_input(read_input(signed, OcrSettings()), Settings())
    assert "Oberbürgermeisterin" not in [s.role and s.role.value for s in plain.signatories]
