"""The council spaCy pipeline: built from a blank German model, round-tripped through disk."""

from __future__ import annotations

from pathlib import Path

import spacy

from pipeline.extract.nlp import build_pipeline, load_pipeline


def test_build_and_round_trip(tmp_path: Path) -> None:
    nlp = build_pipeline({"umgesetzt": "umsetzen", "wurde": "werden"})
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    doc = loaded(
        "Beschlusskontrolle zu A0404/11 (SR/033/2011). Der Beschlusspunkt wurde umgesetzt."
    )
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Beschlusskontrolle", "DOCTYPE"), ("A0404/11", "RESOLUTION"), ("SR/033/2011", "SESSION"),
    ]  # fmt: skip
    assert [t.lemma_ for t in doc if t.text == "umgesetzt"] == ["umsetzen"]
    assert [s.label_ for s in doc.spans["status"]] == ["implemented"]


def test_built_model_has_patterns_after_loading() -> None:
    nlp = load_pipeline()
    doc = nlp("Beschluss V-CB0001/09 und OBR Alt/011/2010 nach § 4 Abs. 1 SächsGemO.")
    labels = {e.label_ for e in doc.ents}
    assert {"RESOLUTION", "LAW"} <= labels


def test_pruned_lemma_table_answers_report_lemmas_as_the_whole_table() -> None:
    from pipeline.extract.build import lemma_table
    from pipeline.extract.nlp import REPORT_LEMMAS, used_lemmas

    table = lemma_table()
    part = used_lemmas(table)
    assert len(part) < len(table) // 100
    for form in list(table)[::50] + sorted(REPORT_LEMMAS):
        whole = table.get(form, form) in REPORT_LEMMAS
        assert (part.get(form, form) in REPORT_LEMMAS) == whole, form
