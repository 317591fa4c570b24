"""Synthetic letters with ground truth, round-tripped through the CLI (JSON on disk)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pipeline.cleanup.edits import replay
from pipeline.cli import main
from pipeline.errors import ExitCode
from pipeline.evaluate import Scores, evaluate_dir
from pipeline.models import Record
from tests.conftest import ROOT, SYNTHETIC

#: Floors well below what we measure (see README), so that a regression fails the build.
MIN_FIELD_ACCURACY = 0.95
MIN_STATUS_ACCURACY = 0.98
MIN_REJOINED = 0.90


def _round_trip(truth_dir: Path, out: Path) -> tuple[Scores, dict[str, Record]]:
    assert main(["run", str(truth_dir), "--out", str(out), "-q"]) == ExitCode.ok
    records = {
        path.name.removesuffix(".ocr.json"): Record.model_validate_json(
            path.read_text(encoding="utf-8")
        )
        for path in out.glob("*.ocr.json")
    }
    return evaluate_dir(truth_dir, records), records


def _check(scores: Scores) -> None:
    assert scores.accuracy() >= MIN_FIELD_ACCURACY, "\n".join(scores.errors)
    assert scores.accuracy("status") >= MIN_STATUS_ACCURACY, "\n".join(scores.errors)
    assert scores.wrong_joins == [], scores.wrong_joins
    assert 1 - len(scores.missed_joins) / scores.breaks >= MIN_REJOINED, scores.missed_joins


def test_committed_synthetic_letters(tmp_path: Path) -> None:
    scores, records = _round_trip(SYNTHETIC, tmp_path)
    assert len(records) == len(list(SYNTHETIC.glob("*.truth.json"))) >= 12
    _check(scores)
    for record in records.values():
        raw = Path(record.source.path).read_text(encoding="utf-8")
        assert replay(raw, list(record.repairs)) == record.text


@pytest.mark.slow
def test_fresh_synthetic_letters(tmp_path: Path) -> None:
    """100 letters from another seed: rules must generalise beyond the committed set."""
    sys.path.insert(0, str(ROOT / "samples"))
    from generate_letters import generate, write

    write(generate(100, 7), tmp_path / "truth")
    scores, _ = _round_trip(tmp_path / "truth", tmp_path / "out")
    _check(scores)


def test_eval_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["run", str(SYNTHETIC), "--out", str(tmp_path), "-q"]) == ExitCode.ok
    assert (
        main(["eval", "--truth", str(SYNTHETIC), "--pred", str(tmp_path), "--json"]) == ExitCode.ok
    )
    result = json.loads(capsys.readouterr().out)
    assert result["field_accuracy"] >= MIN_FIELD_ACCURACY
    assert result["dehyphenation"]["wrong_joins"] == 0
    assert result["wer_raw"] > 5 * result["wer_cleaned"]  # cleanup must clearly help
    assert (
        main(["eval", "--truth", str(SYNTHETIC), "--pred", str(tmp_path / "nope")])
        == ExitCode.input_file
    )
