"""Extraction cases beyond the seed: identifier formats, headings, departments, signatories."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.run import process_file

HEADER = "Stadt Leipzig\n\nGZ:\n\n61.21-0815/2014\n\n{department}\n\nDatum:\n\n14.03.2016\n\nAn die Fraktionen\n\n{line}\n\nKleingewässer schützen\n\nSehr geehrte Damen und Herren,\n\n1. Die Stadt prüft.\n"


def _record(tmp_path: Path, text: str):
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    return process_file(path)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Beschlusskontrolle zu A0404/11 (Sitzungsnummer: SR/033/2011)",
            [("A0404/11", "SR/033/2011")],
        ),
        (
            "Sachstandsbericht zu OBR Alt/011/2010 (Sitzungsnummer: SR/019/2012)",
            [("OBR Alt/011/2010", "SR/019/2012")],
        ),
        ("Sachstandsbericht zu A0412/14 (KA/055/2014)", [("A0412/14", "KA/055/2014")]),
        ("Beschlusskontrolle zum Beschluss V-CB0001/09 vom 07.06.2011", [("V-CB0001/09", None)]),
        (
            "Beschlusskontrolle zu V0599/15 (SR/012/2015) und A0178/15",
            [("V0599/15", "SR/012/2015"), ("A0178/15", None)],
        ),
    ],
)
def test_resolution_formats(tmp_path: Path, line: str, expected) -> None:
    record = _record(tmp_path, HEADER.format(department="Amt für Umweltschutz", line=line))
    got = [
        (r.number.value, r.session.value if r.session else None)
        for r in record.document.resolutions
    ]
    assert got == expected
    assert record.document.title.value == "Kleingewässer schützen"


@pytest.mark.parametrize(
    "department",
    [
        "Mobilitäts- und Tiefbauamt",
        "Dezernat Umwelt, Klima und Ordnung",
        "Geschäftsbereich Soziales",
    ],
)
def test_departments(tmp_path: Path, department: str) -> None:
    line = "Beschlusskontrolle zu A0404/11"
    assert (
        _record(tmp_path, HEADER.format(department=department, line=line)).document.department.value
        == department
    )


def test_two_column_signature_block_pairs_by_column(tmp_path: Path) -> None:
    text = HEADER.format(department="Dezernat Kultur", line="Beschlusskontrolle zu A0404/11") + (
        "\nZu 1.\nDer Beschlusspunkt wurde umgesetzt.\n\nMit freundlichen Grüßen\n\nSabine Krüger\n\n"
        "Bürgermeisterin für Kultur\n\nKenntnisnahme:\n\n—l- | (/\nRüdiger Vogt\n\nOberbürgermeister\n\n"
        "Erster Bürgermeister\n"
    )
    pairs = [
        (s.name.value if s.name else None, s.role.value)
        for s in _record(tmp_path, text).signatories
    ]
    assert pairs == [
        ("Sabine Krüger", "Bürgermeisterin für Kultur"),
        ("Rüdiger Vogt", "Erster Bürgermeister"),
        (None, "Oberbürgermeister"),
    ]


def test_two_column_signatories_come_in_the_order_of_their_roles_line(tmp_path: Path) -> None:
    """Regression (seed 139, scan-003 at 300 dpi): the second column's name was read on a
    line before the first column's; the roles' line (with its column gap) gives the order."""
    text = HEADER.format(department="Dezernat Kultur", line="Beschlusskontrolle zu A0404/11") + (
        "\nZu 1.\nDer Beschlusspunkt wurde umgesetzt.\n\nMit freundlichen Grüßen\n\n"
        "Bürgermeisterin für Kultur\n\nKenntnisnahme:\n\nUlrike Krüger\n\nHeiko Hübner\n\n"
        "Erster Bürgermeister\tOberbürgermeisterin\n"
    )
    pairs = [
        (s.name.value if s.name else None, s.role.value)
        for s in _record(tmp_path, text).signatories
    ]
    assert pairs == [
        (None, "Bürgermeisterin für Kultur"),
        ("Heiko Hübner", "Erster Bürgermeister"),
        ("Ulrike Krüger", "Oberbürgermeisterin"),
    ]


def test_point_with_lost_marker_is_inferred(tmp_path: Path) -> None:
    """Regression (rendered scans): OCR dropped the lone '2.' line; 1 and 3 were found."""
    text = HEADER.format(
        department="Amt für Schule", line="Beschlusskontrolle zu A0404/11"
    ).replace(
        "1. Die Stadt prüft.\n",
        "1. Die Stadt prüft den Bedarf.\n\nFür die Grundschule ist ein Erweiterungsbau zu planen.\n"
        "3. Die Schulwege sind zu sichern.\n",
    )
    points = _record(tmp_path, text).points
    assert [p.label for p in points] == ["1", "2", "3"]
    assert points[1].text.value == "Für die Grundschule ist ein Erweiterungsbau zu planen."
    assert points[1].text.confidence < points[0].text.confidence


def test_several_lost_markers_are_inferred_when_paragraphs_fill_the_gap(tmp_path: Path) -> None:
    text = HEADER.format(
        department="Amt für Schule", line="Beschlusskontrolle zu A0404/11"
    ).replace(
        "1. Die Stadt prüft.\n",
        "Die Stadt prüft den Bedarf.\n\nDie Grundschule wird erweitert.\n\n3. Die Schulwege sind zu sichern.\n",
    )
    assert [p.label for p in _record(tmp_path, text).points] == ["1", "2", "3"]


def test_pages_of_a_read_document_follow_its_form_feeds() -> None:
    """Regression: a page label followed by a form feed counted as two page breaks, so page 2
    was recorded as page 3 (and its label lost)."""
    from pipeline.ingest import Input, PageText
    from pipeline.run import Settings, process_input

    page1 = "Stadt Leipzig\n\nBeschlusskontrolle zu A0123/12\n\nSeite 1 von 2\n"
    page2 = "Datum: 12.03.2013\n\n1. Die Verwaltung wird beauftragt.\n\nSeite 2 von 2\n"
    source = Input(
        Path("x.pdf"), "0" * 64, "application/pdf", [PageText(page1, "ocr"), PageText(page2, "ocr")]
    )
    record = process_input(source, Settings())
    assert [p.label for p in record.source.page_info] == ["Seite 1 von 2", "Seite 2 von 2"]
    assert record.document.date is not None and record.document.date.page == 2
