"""Cleanup with OCR evidence: confidences of hand-built words (no Tesseract needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from pipeline.cleanup import CleanResult, clean, input_words, replay
from pipeline.ingest import Input, PageText, PageWord


def _input(*pages: tuple[str, dict[str, float]]) -> Input:
    """Pages whose every token is an OCR word; ``low`` gives the confidence of some tokens
    (by their text), the others are read with 96."""
    built = []
    for text, low in pages:
        words = tuple(
            PageWord(
                m.group(), m.start(), m.end(), (m.start(), 0, m.end(), 10), low.get(m.group(), 96.0)
            )
            for m in regex.finditer(r"\S+", text)
        )
        built.append(PageText(text, "ocr", words=words))
    return Input(Path("scan.png"), "", "image/png", built)


def _clean(source: Input) -> CleanResult:
    result = clean(source.text, words=input_words(source))
    assert replay(source.text, result.repairs) == result.text
    return result


LETTER = "Der Beschlusspunkt wurde umgesetzt.\n\nMit freundlichen Grüßen\n\n"


def test_words_are_in_offsets_of_the_joined_pages() -> None:
    source = _input(("Seite eins", {}), ("zwei drei", {"drei": 12.0}))
    words = input_words(source)
    assert [source.text[w.start : w.end] for w in words] == ["Seite", "eins", "zwei", "drei"]
    assert words[-1].confidence == 12.0


def test_low_confidence_line_without_a_word_is_a_signature() -> None:
    source = _input((LETTER + "CHATTEN\n\nOberbürgermeister\n", {"CHATTEN": 3.0}))
    result = _clean(source)
    assert "CHATTEN" not in result.text and "Oberbürgermeister" in result.text
    (removal,) = [r for r in result.repairs if r.before.strip() == "CHATTEN"]
    assert removal.kind == "remove_noise_lines" and "confidence at most 3" in removal.reason


def test_the_same_line_read_with_confidence_stays() -> None:
    source = _input((LETTER + "CHATTEN\n\nOberbürgermeister\n", {}))
    assert "CHATTEN" in _clean(source).text


def test_without_ocr_evidence_nothing_changes() -> None:
    text = LETTER + "Michael Krüger -\nErster Bürgermeister\n"
    assert clean(text).text == clean(text, words=None).text
    assert "Krüger -" in clean(text).text or "Krüger –" in clean(text).text


def test_low_confidence_marks_beside_a_name_go() -> None:
    source = _input((LETTER + "Michael Krüger -\n‘ Erster Bürgermeister\n", {"-": 0.0, "‘": 0.0}))
    result = _clean(source)
    assert "Michael Krüger\nErster Bürgermeister\n" in result.text
    reasons = [r.reason for r in result.repairs if r.kind == "remove_noise_tokens"]
    assert len(reasons) == 2 and all("confidence 0" in reason for reason in reasons)


def test_low_confidence_real_words_are_never_removed() -> None:
    """OCR is unsure of print too: words stay, however low their confidence."""
    body = "Die Stadt hat es zur Verfügung gestellt und nie geprüft.\n"
    low = {"Die": 0.0, "Verfügung": 0.0, "und": 0.0, "nie": 5.0, "es": 3.0, "zur": 1.0}
    assert _clean(_input((body, low))).text == body


def test_marks_read_with_confidence_stay() -> None:
    body = "Freie Szene stärken - Förderrichtlinie überarbeiten\n"
    assert _clean(_input((body, {}))).text == clean(body).text


def test_protected_tokens_stay_however_unsure() -> None:
    body = "Beschluss A0404/11 vom 31.01.2013 (GB 5) 50.01\n"
    low = {t: 0.0 for t in body.split()}
    assert _clean(_input((body, low))).text == body


def test_stamp_residue_in_a_line_of_print_goes() -> None:
    source = _input(
        (
            "Stadtkämmerei Ros . oo [\nBeschluss zur Umsetzung\n",
            {"Ros": 6.0, ".": 13.0, "oo": 8.0, "[": 5.0},
        )
    )
    assert _clean(source).text.startswith("Stadtkämmerei\nBeschluss zur Umsetzung")


def test_a_line_of_low_confidence_print_outside_the_signature_is_kept() -> None:
    """Five letters in a row are a damaged word, not a scribble, outside the signature zone."""
    source = _input(
        ("Cbemnitz\n\n" + "Der Beschlusspunkt wurde umgesetzt.\n" * 15, {"Cbemnitz": 11.0})
    )
    assert not any(r.kind.startswith("remove_noise") for r in _clean(source).repairs)


def test_a_column_gap_stays_when_junk_beside_it_goes() -> None:
    """Regression: junk removed with the tab before it glued the two columns of a header line
    together (the address ran into the file reference block)."""
    line = "An die Fraktionen\tnn\tGZ: 61.21\nAn die Mitglieder\tnn GZ: 50.01\nAn den Rat\tnn\n"
    result = _clean(_input((line, {"nn": 2.0})))
    assert "An die Fraktionen\tGZ: 61.21" in result.text
    assert "An die Mitglieder\tGZ: 50.01" in result.text
    assert "An den Rat\n" in result.text


@pytest.mark.parametrize(
    ("text", "low", "joined"),
    [
        # eval seed 107 at 200 dpi: the tail line read with confidence 8, taken for noise
        ("Die Stadt hat verbindliche Zwischenziele zur Minderung der Emissionen festzule-\ngen.\n\n",
         {"gen.": 8.0}, "Emissionen festzulegen."),
        # seed 107 at 300 dpi: the tail behind a speck, a token read with confidence 9
        ("Die Verwaltung richtet auf der Bahnhofstraße einen geschützten Radfahrstrei-\n„fen ein.\n",
         {"„fen": 9.0}, "geschützten Radfahrstreifen ein."),
        # seed 107 at 200 dpi: specks after the hyphen, the tail a line of its own
        ("Die Abstimmung erfolgte unter Beteiligung der Stadtbezirksbeiräte und der Ortschaftsrä-. .\nte.\t\"\n\n",
         {"te.": 0.0, '"': 0.0}, "der Ortschaftsräte."),
    ],
)  # fmt: skip
def test_an_unsure_tail_of_a_broken_word_is_no_noise(
    text: str, low: dict[str, float], joined: str
) -> None:
    assert joined in _clean(_input((text, low))).text


def test_an_unsure_line_after_a_dash_is_still_noise() -> None:
    text = "Die Stadt hat verbindliche Zwischenziele zur Minderung der Emissionen -\ngen.\n\n"
    assert "gen." not in _clean(_input((text, {"gen.": 8.0}))).text
