"""Acceptance on the real Dresden letter (samples/seed)."""

from __future__ import annotations

import pytest

from pipeline.cleanup.edits import replay
from pipeline.run import Settings, process_file
from tests.conftest import ROOT, SEED

MUST_CONTAIN = [
    "aufnehmen", "aufzunehmen", "Initiativen", "Programm", "Vertreterin/ein Vertreter",
    "Ausländerbeirates", "Patinnen", "konnten", "Deutschland", "Schutzgedanken",
    "Ausländerbeauftragten", "Sächsischen", "Oberbürgermeisterin", "Städte- und Gemeindetag",
    "Migrations(erst-)beratungsstellen", "A0404/11", "SR/033/2011", "(GB 5) 50.01",
    "§ 23 Abs. 2 AufenthG",
]  # fmt: skip
MUST_NOT_CONTAIN = [
    "Seite 1 von 2",
    "i ■ (/",
    "Helma0fosz",
    "Grüßen^",
    "aufneh\n",
    "aufneh men",
    "Obe/burger",
]


@pytest.fixture(scope="module")
def record():
    return process_file(SEED)


@pytest.mark.parametrize("word", MUST_CONTAIN)
def test_cleaned_text_contains(record, word: str) -> None:
    assert word in record.text


@pytest.mark.parametrize("noise", MUST_NOT_CONTAIN)
def test_cleaned_text_lacks(record, noise: str) -> None:
    assert noise not in record.text


def test_replay_gives_cleaned_text(record, seed_text: str) -> None:
    assert replay(seed_text, record.repairs) == record.text


def test_document_fields(record) -> None:
    doc = record.document
    assert doc.date.value == "2013-01-31"
    assert doc.authority.value == "Landeshauptstadt Dresden"
    assert doc.department.value == "Geschäftsbereich Soziales"
    assert doc.file_reference.value == "(GB 5) 50.01"
    assert doc.type.value == "Beschlusskontrolle"
    assert doc.report_kind.value == "final"
    assert [(r.number.value, r.session.value) for r in doc.resolutions] == [
        ("A0404/11", "SR/033/2011")
    ]
    assert doc.title.value.startswith("Flüchtlinge aufnehmen")
    assert doc.addressees[0].value.startswith("An alle Fraktionen")


def test_points_and_statuses(record) -> None:
    assert [p.label for p in record.points] == ["1", "2", "3"]
    assert [c.label for c in record.points[2].children] == ["3a", "3b"]
    assert [p.status.value for p in record.points] == ["implemented"] * 3
    assert record.points[0].status_phrase.value == "Der Beschlusspunkt wurde umgesetzt."
    assert record.points[0].report.value.startswith("Die Landeshauptstadt Dresden hat")
    assert record.points[1].report is None
    assert "Arbeitsgruppe" in record.points[2].report.value
    assert record.points[2].children[1].text.value.startswith("eine Arbeitsgruppe einzuberufen")


def test_evidence_spans_point_into_text(record) -> None:
    doc = record.document
    for field in (doc.date, doc.file_reference, doc.title, doc.authority):
        assert record.text[field.start : field.end] != ""
    assert record.text[doc.file_reference.start : doc.file_reference.end] == "(GB 5) 50.01"
    status = record.points[0].status
    assert record.text[status.start : status.end] == "Der Beschlusspunkt wurde umgesetzt."
    assert status.page == 2 and doc.date.page == 1


def test_signatories(record) -> None:
    pairs = [(s.name.value if s.name else None, s.role.value) for s in record.signatories]
    assert pairs == [
        ("Martin Seidel", "Beigeordneter für Soziales"),
        ("Dirk Hubert", "Erster Bürgermeister"),
        (None, "Oberbürgermeisterin"),
    ]


def test_signature_matched_against_officeholders() -> None:
    settings = Settings(officeholders_file=ROOT / "samples" / "officeholders-dresden.tsv")
    record = process_file(SEED, settings)
    mayor = record.signatories[2]
    assert mayor.name.value == "Helma Orosz" and mayor.officeholder_match
    assert any(r.before.strip() == "Helma0fosz" for r in record.repairs)


def test_page_labels_kept(record) -> None:
    assert [p.label for p in record.source.page_info] == ["Seite 1 von 2", "Seite 2 von 2"]
