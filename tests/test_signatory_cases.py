"""Signatories on realistic scans: roles printed on two lines, names touched by a signature."""

from __future__ import annotations

import pytest

from pipeline.extract.base import Text
from pipeline.extract.signatories import extract_signatories
from pipeline.lexicon import default_lexicon

CLOSING = "Mit freundlichen Grüßen\n\n"


def _pairs(block: str) -> list[tuple[str | None, str | None]]:
    text = Text(CLOSING + block, lambda offset: 1)
    return [
        (s.name.value if s.name else None, s.role.value if s.role else None)
        for s in extract_signatories(text, [], [], default_lexicon())
    ]


@pytest.mark.parametrize(
    ("block", "role"),
    [
        ("Bernd Rothe\nBeigeordneter für Finanzen und\nLiegenschaften\n",
         "Beigeordneter für Finanzen und Liegenschaften"),
        ("Bernd Rothe\n\nBeigeordneter für Stadtentwicklung\n\nund Verkehr\n",
         "Beigeordneter für Stadtentwicklung und Verkehr"),
        ("Bernd Rothe\nBeigeordneter für Stadtentwicklung\n. und Verkehr\n",
         "Beigeordneter für Stadtentwicklung und Verkehr"),
        ("Bernd Rothe\nBürgermeister für Allgemeine\nVerwaltung\n",
         "Bürgermeister für Allgemeine Verwaltung"),
        ("Bernd Rothe\nBeigeordneter für Soziale\nAngelegenheiten\n",
         "Beigeordneter für Soziale Angelegenheiten"),
        ("Bernd Rothe\nBeigeordneter für Stadtentwicklung\n‘ und Verkehr\n",
         "Beigeordneter für Stadtentwicklung und Verkehr"),
        # seeds 59 at 300 and 83 at 200 dpi: a stroke's end glued to the second line
        ("Bernd Rothe\nBürgermeister für Umwelt und\n\"Kommunalwirtschaft\n",
         "Bürgermeister für Umwelt und Kommunalwirtschaft"),
        ("Bernd Rothe\nBeigeordneter für Finanzen und\n\nLiegenschaften:\n",
         "Beigeordneter für Finanzen und Liegenschaften"),
        # seeds 59 at 200 and 197 at 150 dpi: a space or a column's tab before the mark
        ("Bernd Rothe\nBeigeordneter für Stadtentwicklung\nund Bau ’\n",
         "Beigeordneter für Stadtentwicklung und Bau"),
        ("Bernd Rothe\nBeigeordneter für Stadtentwicklung\nund Bau\t'\n",
         "Beigeordneter für Stadtentwicklung und Bau"),
    ],
)  # fmt: skip
def test_role_on_two_lines_is_joined(block: str, role: str) -> None:
    assert _pairs(block) == [("Bernd Rothe", role)]


@pytest.mark.parametrize(
    ("block", "pairs"),
    [
        # seed 137 scan-000 at 150 dpi: a struck role's strip read with a capital inside
        ("Kenntnisnahme:\n\nUlrike Weißbach\n\nErste Bürgermeisterin\tOberBürgermeisterin\n",
         [("Ulrike Weißbach", "Erste Bürgermeisterin"), (None, "Oberbürgermeisterin")]),
        ("Bernd Rothe\nOberBürgermeister\n", [("Bernd Rothe", "Oberbürgermeister")]),
    ],
)  # fmt: skip
def test_a_role_word_read_with_a_capital_inside_is_mended(
    block: str, pairs: list[tuple[str | None, str | None]]
) -> None:
    assert _pairs(block) == pairs


def test_next_signatory_is_no_role_continuation() -> None:
    block = "Bernd Rothe\nBeigeordneter für Finanzen\n\nKenntnisnahme:\n\nUwe Albrecht\nOberbürgermeister\n"
    assert _pairs(block) == [
        ("Bernd Rothe", "Beigeordneter für Finanzen"),
        ("Uwe Albrecht", "Oberbürgermeister"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "ae Bernd Rothe",
        "Bernd Rothe –",
        "‘ Bernd Rothe",
        "Bernd Rothe en —- L",
        # a stroke read as a list marker, joined to the name by cleanup (eval seed 41,
        # scan-001 at 150 dpi)
        "II) Bernd Rothe",
        "1. Bernd Rothe",
        "Bernd Rothe a)",
    ],
)
def test_name_beside_signature_junk_is_recovered(line: str) -> None:
    assert _pairs(f"{line}\nOberbürgermeister\n") == [("Bernd Rothe", "Oberbürgermeister")]


def test_role_behind_a_mark_is_read() -> None:
    assert _pairs("‘ Oberbürgermeister\n") == [(None, "Oberbürgermeister")]


def test_two_roles_read_as_one_line_are_two_columns() -> None:
    block = "Dorothee Weißbach\nErste Bürgermeisterin . Oberbürgermeister\n"
    assert _pairs(block) == [
        ("Dorothee Weißbach", "Erste Bürgermeisterin"),
        (None, "Oberbürgermeister"),
    ]


@pytest.mark.parametrize("line", ["Bernd —_", "Sabine ow —e", "die Stadt"])
def test_no_name_is_made_up(line: str) -> None:
    """One name word beside junk is not a name; an ordinary word is no junk."""
    assert _pairs(f"{line}\nOberbürgermeister\n") == [(None, "Oberbürgermeister")]


def test_a_surname_cut_to_letters_without_a_vowel_is_no_name() -> None:
    """Regression (tests/eval_scans.py seed 211, scan-001 at 300 dpi): ``Thomas Schulze``
    under a signature read ``Thomas Sch``: a wrong name, where none is right."""
    assert _pairs("Thomas Sch\nErster Bürgermeister\n") == [(None, "Erster Bürgermeister")]
    assert _pairs("Jens Ott\nErster Bürgermeister\n") == [("Jens Ott", "Erster Bürgermeister")]


def test_columns_split_at_the_gap_and_a_covered_role_read() -> None:
    """The second column's role lost its first letters under a signature."""
    block = "Kenntnisnahme:\n\nMichael Krüger\nErster Bürgermeister\terburgermeisterin\n"
    assert _pairs(block) == [
        ("Michael Krüger", "Erster Bürgermeister"),
        (None, "Oberbürgermeisterin"),
    ]
    text = Text(CLOSING + block, lambda offset: 1)
    covered = extract_signatories(text, [], [], default_lexicon())[-1].role
    assert covered.confidence < 0.8
    assert text.text[covered.start : covered.end] == "erburgermeisterin"


def test_a_scribble_before_the_next_columns_name_pairs_by_gender() -> None:
    """Regression (seed 109, scan-003 at 300 dpi): the first column's signature, removed as a
    scribble line of its own, and the second column's name made a row of two, paired by column
    with the two roles: ``Bernd Böttcher`` became the ``Oberbürgermeisterin``."""
    block = "Kenntnisnahme:\n\nBernd Böttcher\nErster Bürgermeister\tOberbürgermeisterin\n"
    text = Text(CLOSING + block, lambda offset: 1)
    at = text.text.index("Bernd")
    found = extract_signatories(text, [(at, at)], ["Sig"], default_lexicon())
    pairs = [(s.name.value if s.name else None, s.role.value if s.role else None) for s in found]
    assert pairs == [("Bernd Böttcher", "Erster Bürgermeister"), (None, "Oberbürgermeisterin")]
    # a row the genders agree with stays paired by column
    block = "Kenntnisnahme:\n\nSabine Vogt\nOberbürgermeister\tErste Bürgermeisterin\n"
    text = Text(CLOSING + block, lambda offset: 1)
    at = text.text.index("Sabine")
    found = extract_signatories(text, [(at, at)], ["Sig"], default_lexicon())
    pairs = {(s.name.value if s.name else None, s.role.value if s.role else None) for s in found}
    assert pairs == {(None, "Oberbürgermeister"), ("Sabine Vogt", "Erste Bürgermeisterin")}


def test_a_first_name_alone_in_its_column_joins_the_surname() -> None:
    """Regression (seed 109, scan-000 at 300 dpi): a gap inside a name read as a column's."""
    block = "Kenntnisnahme:\n\nDorothee\tSchulze\tAndreas Böttcher\nErste Bürgermeisterin\tOberbürgermeister\n"
    assert _pairs(block) == [
        ("Dorothee Schulze", "Erste Bürgermeisterin"),
        ("Andreas Böttcher", "Oberbürgermeister"),
    ]


def test_a_digit_a_stroke_left_after_a_columns_role_is_junk() -> None:
    """Regression (tests/eval_scans.py seed 83, scan-002 at 300 dpi): ``Oberbürgermeister 2``
    was no role, and the third signatory was lost."""
    block = "Kenntnisnahme:\n\nAndreas Dietze\n\nErster Bürgermeister\tOberbürgermeister 2\n"
    assert _pairs(block) == [
        ("Andreas Dietze", "Erster Bürgermeister"),
        (None, "Oberbürgermeister"),
    ]
    assert _pairs("Andreas Dietze\nBeigeordneter für Kultur 2 3\n") == [("Andreas Dietze", None)]


def test_covered_role_with_a_misread_letter() -> None:
    """Regression (tests/eval_scans.py seed 23 at 300 dpi): the covered role also had a letter
    misread (``erbürgermMeisterin``) and the third signatory was lost."""
    block = "Kenntnisnahme:\n\nJana Krüger\tCLELFLI\nErste Bürgermeisterin\terbürgermMeisterin\n"
    assert _pairs(block) == [
        ("Jana Krüger", "Erste Bürgermeisterin"),
        (None, "Oberbürgermeisterin"),
    ]


@pytest.mark.parametrize(
    ("line", "pairs"),
    [
        # too little left to tell the role, or no role word ends so
        ("Michael Krüger\nErster Bürgermeister\tmeistereinnen\n", [("Michael Krüger", "Erster Bürgermeister")]),
        ("Michael Krüger\nErster Bürgermeister\tmeisterin\n", [("Michael Krüger", "Erster Bürgermeister")]),
        ("Michael Krüger\nErster Bürgermeister\tverwaltung\n", [("Michael Krüger", "Erster Bürgermeister")]),
        # a lone column is read as before
        ("Michael Krüger\nErster Bürgermeister\n", [("Michael Krüger", "Erster Bürgermeister")]),
        ("Michael Krüger\terburgermeisterin\n", [("Michael Krüger", None)]),
    ],
)  # fmt: skip
def test_no_role_is_made_up_from_a_column_fragment(line: str, pairs) -> None:
    assert _pairs(line) == pairs


@pytest.mark.parametrize("line", [". Uwe Albrecht", "– Kenntnisnahme:", ". ."])
def test_speck_before_a_line_joins_no_name_to_a_role(line: str) -> None:
    pairs = _pairs(f"Bernd Rothe\nBeigeordneter für Finanzen\n{line}\nOberbürgermeister\n")
    assert pairs[0] == ("Bernd Rothe", "Beigeordneter für Finanzen")


@pytest.mark.parametrize(
    "role", ["Oberbürgermeisterin,", "Oberbürgermeisterin.", "Oberbürgermeisterin;"]
)
def test_role_with_a_glued_speck(role: str) -> None:
    assert _pairs(f"Kenntnisnahme:\n\n– Dorothee Schulze\n{role}\n") == [
        ("Dorothee Schulze", "Oberbürgermeisterin")
    ]


@pytest.mark.parametrize("line", ["Anlage", "Verteiler", "Uwe Albrecht"])
def test_word_below_a_complete_role_is_no_continuation(line: str) -> None:
    pairs = _pairs(f"Heike Köhler\nBeigeordnete für Schule\n{line}\n")
    assert pairs[0] == ("Heike Köhler", "Beigeordnete für Schule")


@pytest.mark.parametrize("line", ["Thomas Zu -", "Thomas Schulz Zu"])
def test_a_name_a_signature_cut_short_is_none(line: str) -> None:
    """Regression (tests/eval_scans.py seed 43): ``Thomas Zu`` was given as the name of
    Thomas Schulze, whose surname a signature covered."""
    assert _pairs(f"{line}\nOberbürgermeister\n") == [(None, "Oberbürgermeister")]


def test_role_cut_after_fuer_is_joined() -> None:
    """``für`` ends the line: on its own the line is no role (seed 41, scan-000)."""
    block = "Bürgermeisterin für\nStadtentwicklung und Bau\n\nEn S\n"
    assert _pairs(block) == [(None, "Bürgermeisterin für Stadtentwicklung und Bau")]


def test_line_ending_in_fuer_without_a_role_is_no_role() -> None:
    assert _pairs("Bernd Rothe\nHinweise für\nStadtentwicklung und Bau\n") == [
        ("Bernd Rothe", None)
    ]


@pytest.mark.parametrize(
    ("line", "roles"),
    [
        ("Erster Bürgermeister\tOberbürgerneisterin",
         ["Erster Bürgermeister", "Oberbürgermeisterin"]),
        ("Obe/burgermeisterin", ["Oberbürgermeisterin"]),
        ("Beigeordneter für Sozales", ["Beigeordneter für Sozales"]),
    ],
)  # fmt: skip
def test_role_word_with_one_misread_letter_is_mended(line: str, roles: list[str]) -> None:
    """``Oberbürgerneisterin`` (seed 41, scan-002 at 300 dpi); a complement is never mended."""
    assert [role for _, role in _pairs(f"Kenntnisnahme:\n\n{line}\n")] == roles


@pytest.mark.parametrize("line", ["Beigeordnetr für Soziales", "Oberbürgermeistern"])
def test_role_word_two_roles_away_is_not_mended(line: str) -> None:
    assert _pairs(f"Kenntnisnahme:\n\n{line}\n") == []


def _read_letter(
    name_confidence: float, name: str
) -> tuple[list[tuple[str | None, str | None]], list[str]]:
    """A letter read by OCR, every word at confidence 92 but the signatory's name's: its
    (name, role) pairs and its warnings' codes."""
    from pathlib import Path

    import regex

    from pipeline.ingest import Input, PageText, PageWord
    from pipeline.run import Settings, process_input

    text = (
        "Stadt Leipzig\nDatum: 02.12.2012\n\nBeschlusskontrolle zu V1407/09 (SR/088/2009)\n\n"
        "1. Die Stadt prüft.\n\nZu 1.\nDer Beschlusspunkt wurde umgesetzt.\n\n"
        f"Mit freundlichen Grüßen\n\n{name}\nOberbürgermeisterin\n"
    )
    at = text.index(name)
    words = tuple(
        PageWord(
            m.group(), m.start(), m.end(), (0, 0, 9, 9),
            name_confidence if at <= m.start() < at + len(name) else 92.0,
        )
        for m in regex.finditer(r"\S+", text)
    )  # fmt: skip
    source = Input(Path("scan.png"), "0" * 64, "image/png", [PageText(text, "ocr", words=words)])
    record = process_input(source, Settings())
    return [
        (s.name.value if s.name else None, s.role.value if s.role else None)
        for s in record.signatories
    ], [w.code for w in record.warnings]


def test_a_name_read_unsurely_without_a_known_first_name_is_left_out() -> None:
    """Regression (tests/eval_scans.py seeds 31, 53, 73): ``Eier Böttcher`` (7), ``Birgfk
    Krüger`` (30), signature noise read as a name; a wrong name is worse than none."""
    pairs, warnings = _read_letter(7.0, "Eier Böttcher")
    assert pairs == [(None, "Oberbürgermeisterin")] and "name_unsure" in warnings
    # a known first name, or a sure read, keeps the name
    assert _read_letter(7.0, "Birgit Böttcher")[0] == [("Birgit Böttcher", "Oberbürgermeisterin")]
    assert _read_letter(91.0, "Eier Böttcher")[0] == [("Eier Böttcher", "Oberbürgermeisterin")]


def test_a_name_read_unsurely_with_a_surname_german_text_never_has_is_left_out() -> None:
    """Regression (tests/eval_scans.py seed 61, scan-003 at 200 dpi): ``Grit Brückh`` for
    Grit Brückner under a signature, kept once ``Grit`` became a listed first name; the same
    name read surely, or an unsure name with a surname seen in German text, stays."""
    pairs, warnings = _read_letter(45.0, "Grit Brückh")
    assert pairs == [(None, "Oberbürgermeisterin")] and "name_unsure" in warnings
    assert _read_letter(91.0, "Grit Brückh")[0] == [("Grit Brückh", "Oberbürgermeisterin")]
    assert _read_letter(45.0, "Grit Brückner")[0] == [("Grit Brückner", "Oberbürgermeisterin")]
    assert _read_letter(45.0, "Dr. Grit Brückner")[0] == [
        ("Dr. Grit Brückner", "Oberbürgermeisterin")
    ]


def test_a_role_word_with_its_middle_under_a_stroke() -> None:
    """Regression (tests/eval_scans.py seed 103, 300 dpi): ``Oberbürge⇥erin``, the role's
    middle covered by a signature, gave no signatory."""
    block = "Bürgermeister für Kultur und\nTourismus\n\nKenntnisnahme:\n\nOberbürge\terin\n"
    assert _pairs(block) == [
        (None, "Bürgermeister für Kultur und Tourismus"),
        (None, "Oberbürgermeisterin"),
    ]
    # two columns, the second's role cut off at its end: its gender is unknown, no role
    assert _pairs("Erste Bürgermeisterin\tOberbürgermei\n") == [(None, "Erste Bürgermeisterin")]


def _placed(block: str, places: dict[str, tuple[int, int, int, int]]) -> Text:
    """The block after the closing formula, each of ``places``' strings at its box (page 1;
    the closing formula above them): the word boxes OCR gives."""
    text = CLOSING + block
    spans = [(text.index(s), text.index(s) + len(s), box) for s, box in places.items()]
    spans.append((0, len(CLOSING.strip()), (100, 100, 700, 140)))

    def box_of(start: int, end: int) -> tuple[int, tuple[int, int, int, int]] | None:
        boxes = [box for s, e, box in spans if s < end and start < e]
        if not boxes:
            return None
        return 1, (
            min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes),
        )  # fmt: skip

    return Text(text, lambda offset: 1, box_of)


def _found(
    text: Text, scribbles: list[tuple[int, int]] | None = None
) -> list[tuple[str | None, str | None]]:
    found = extract_signatories(
        text, scribbles or [], ["Sig"] if scribbles else [], default_lexicon()
    )
    return [(s.name.value if s.name else None, s.role.value if s.role else None) for s in found]


LEFT_ROLE, RIGHT_ROLE = (100, 900, 560, 940), (1300, 890, 1720, 930)


def test_names_pair_with_the_roles_of_their_columns() -> None:
    """Regression (eval seed 31, scan-003 at 200 dpi): the second column's name, read on the
    first line with its signature's junk, and the first column's on the next were paired in
    text order; their boxes put each above its role."""
    block = "Kenntnisnahme:\n\nee tt Michael Krüger\nFrank Seifert\nErster Bürgermeister\tOberbürgermeister\n"
    text = _placed(block, {
        "Michael Krüger": (1310, 780, 1650, 830), "Frank Seifert": (110, 840, 400, 885),
        "Erster Bürgermeister": LEFT_ROLE, "Oberbürgermeister": RIGHT_ROLE,
    })  # fmt: skip
    assert _found(text) == [
        ("Frank Seifert", "Erster Bürgermeister"),
        ("Michael Krüger", "Oberbürgermeister"),
    ]
    # without boxes (text input) the old order stands
    assert _found(Text(text.text, lambda offset: 1)) == [
        ("Michael Krüger", "Erster Bürgermeister"),
        ("Frank Seifert", "Oberbürgermeister"),
    ]


def test_a_scribble_and_a_name_pair_by_the_names_column() -> None:
    """Regression (eval seed 23, scan-005 at 300 dpi; seed 71, scan-002): the second column's
    signature, removed as a line of its own before the first column's name, made a row of two
    paired with the two roles in order: the name went to the second column's role."""
    block = "Kenntnisnahme:\n\nBernd Brückner\nErster Bürgermeister\tOberbürgermeister\n"
    text = _placed(block, {
        "Bernd Brückner": (105, 840, 420, 900), "Erster Bürgermeister": LEFT_ROLE,
        "Oberbürgermeister": RIGHT_ROLE,
    })  # fmt: skip
    at = text.text.index("Bernd")
    assert _found(text, [(at, at)]) == [
        ("Bernd Brückner", "Erster Bürgermeister"),
        (None, "Oberbürgermeister"),
    ]


def test_columns_do_not_override_gender_or_a_name_below() -> None:
    # the name's gender contradicts its column's role: the text's rules decide
    block = "Kenntnisnahme:\n\nSabine Vogt\nErste Bürgermeisterin\tOberbürgermeister\n"
    text = _placed(block, {
        "Sabine Vogt": (1310, 840, 1600, 885), "Erste Bürgermeisterin": LEFT_ROLE,
        "Oberbürgermeister": RIGHT_ROLE,
    })  # fmt: skip
    assert _found(text) == [("Sabine Vogt", "Erste Bürgermeisterin"), (None, "Oberbürgermeister")]
    # a name below the roles is not theirs (in the second column here, its role would differ)
    block = "Kenntnisnahme:\n\nBernd Vogt\nOberbürgermeister\tErster Bürgermeister\n"
    text = _placed(block, {
        "Bernd Vogt": (1310, 960, 1600, 1000), "Oberbürgermeister": LEFT_ROLE,
        "Erster Bürgermeister": RIGHT_ROLE,
    })  # fmt: skip
    assert _found(text) == [("Bernd Vogt", "Oberbürgermeister"), (None, "Erster Bürgermeister")]


def test_a_unisex_first_name_pairs_with_a_role_of_either_gender() -> None:
    """A first name the list marks unisex (``?``) vetoes no role: ``Christel Wendt`` stays
    with the second column's ``Oberbürgermeister`` as with an ``-in``."""
    from pipeline.extract.signatories import _compatible

    assert _compatible("Christel Wendt", "Oberbürgermeister")
    assert _compatible("Christel Wendt", "Oberbürgermeisterin")
    assert not _compatible("Grit Vogt", "Oberbürgermeister")  # a listed woman's name
    assert _compatible("Grit Vogt", "Erste Bürgermeisterin")
