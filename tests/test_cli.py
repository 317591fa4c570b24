"""The CLI, in-process: outputs, exit codes, one-line errors for bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import build_parser, main
from pipeline.errors import ExitCode
from tests.conftest import SEED


def test_every_command_has_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():
        assert command.description or sub._choices_actions, name
        assert all(action.help for action in command._actions), name


def test_run_writes_record_and_jsonl(tmp_path: Path, capsys) -> None:
    assert main(["run", str(SEED), "--out", str(tmp_path)]) == ExitCode.ok
    record = json.loads((tmp_path / "dresden-beschlusskontrolle-A0404-11.ocr.json").read_text())
    assert record["schema_version"] and record["document"]["date"]["value"] == "2013-01-31"
    lines = (tmp_path / "records.jsonl").read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0]) == record
    assert not list(tmp_path.glob(".*.tmp"))


def test_json_to_stdout(capsys) -> None:
    assert main(["run", str(SEED), "--json", "-", "-q"]) == ExitCode.ok
    out, err = capsys.readouterr()
    assert json.loads(out)["points"][0]["label"] == "1"
    assert err == ""


def test_clean_prints_text(capsys) -> None:
    assert main(["clean", str(SEED)]) == ExitCode.ok
    assert "Ausländerbeauftragten" in capsys.readouterr().out


def test_schema_is_json_schema(capsys) -> None:
    assert main(["schema"]) == ExitCode.ok
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "CouncilOcrRecord" and "repairs" in schema["properties"]


def test_records_validate_against_schema(tmp_path: Path, capsys) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    main(["run", str(SEED), "--out", str(tmp_path), "-q"])
    main(["schema"])
    schema = json.loads(capsys.readouterr().out)
    record = json.loads((tmp_path / "records.jsonl").read_text())
    jsonschema.validate(record, schema)


BAD_INPUTS = {
    "empty.txt": (b"", ExitCode.bad_input, "empty"),
    "blank.txt": (b"  \n\n", ExitCode.bad_input, "empty"),
    "garbage.txt": (bytes(range(256)) * 4, ExitCode.bad_input, "binary"),
    "latin.txt": ("Bürgermeister Straße".encode("cp1252"), ExitCode.bad_input, "cp1252"),
    "scan.pdf": (b"%PDF-1.4\n%...", ExitCode.bad_input, "not a readable PDF"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_one_line_error(tmp_path: Path, capsys, name: str) -> None:
    data, code, word = BAD_INPUTS[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    assert main(["run", str(bad), "--out", str(tmp_path / "out")]) == code
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(bad) in err[0] and word in err[0]
    assert "Traceback" not in err[0]


def test_missing_file_and_empty_directory(tmp_path: Path, capsys) -> None:
    assert main(["run", str(tmp_path / "nope.txt"), "--json", "-"]) == ExitCode.input_file
    (tmp_path / "empty").mkdir()
    assert main(["run", str(tmp_path / "empty"), "--json", "-"]) == ExitCode.input_file
    err = capsys.readouterr().err
    assert "no such file" in err and "no usable files" in err


def test_bad_input_does_not_stop_the_batch(tmp_path: Path, capsys) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    (tmp_path / "in" / ".hidden.txt").write_bytes(b"")
    code = main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert code == ExitCode.partial
    assert (tmp_path / "out" / "a.json").exists() and not (tmp_path / "out" / "b.json").exists()
    assert len((tmp_path / "out" / "records.jsonl").read_text().splitlines()) == 1


def test_usage_error_exit_code(capsys) -> None:
    assert main(["run"]) == ExitCode.usage
    assert main(["frobnicate"]) == ExitCode.usage


def test_despeckle_option_sets_the_median_filter_and_the_config() -> None:
    from pipeline.cli import _settings

    plain = _settings(build_parser().parse_args(["run", "x.pdf", "--json", "-"]))
    despeckled = _settings(
        build_parser().parse_args(["run", "x.pdf", "--json", "-", "--despeckle"])
    )
    assert (plain.ocr.median_filter, despeckled.ocr.median_filter) == (0, 3)
    assert plain.config_hash != despeckled.config_hash


def test_the_command_says_everything_before_it_leaves(tmp_path: Path) -> None:
    """``council-ocr`` leaves without tearing the interpreter down (os._exit): what it wrote
    to stdout and stderr must be flushed first, and its exit code kept."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "pipeline.cli", "run", str(SEED), "--json", "-"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == ExitCode.ok
    record = json.loads(done.stdout)
    assert record["document"]["date"]["value"] == "2013-01-31"
    missing = [*command[:4], str(tmp_path / "missing.txt"), "--json", "-"]
    failed = subprocess.run(missing, capture_output=True, text=True, check=False)
    assert failed.returncode == ExitCode.input_file and "missing.txt" in failed.stderr


def test_keep_stamps_option_switches_stamp_removal_off_and_changes_the_config() -> None:
    from pipeline.cli import _settings

    plain = _settings(build_parser().parse_args(["run", "x.pdf", "--json", "-"]))
    kept = _settings(build_parser().parse_args(["run", "x.pdf", "--json", "-", "--keep-stamps"]))
    assert (plain.ocr.drop_stamps, kept.ocr.drop_stamps) == (True, False)
    assert plain.config_hash != kept.config_hash


def test_keep_specks_option_switches_speck_removal_off_and_changes_the_config() -> None:
    from pipeline.cli import _settings

    plain = _settings(build_parser().parse_args(["run", "x.pdf", "--json", "-"]))
    kept = _settings(build_parser().parse_args(["run", "x.pdf", "--json", "-", "--keep-specks"]))
    assert (plain.ocr.drop_specks, kept.ocr.drop_specks) == (True, False)
    assert plain.config_hash != kept.config_hash


def test_the_command_runs_a_batch_with_its_fork_server_started_first(tmp_path: Path) -> None:
    """``council-ocr run`` (pipeline.launch) starts the workers' fork server before it imports
    the rest; the workers then come from that server and read as ever."""
    import subprocess
    import sys

    source = tmp_path / "in"
    source.mkdir()
    for name in ("a.txt", "b.txt"):
        (source / name).write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline.launch", "run", str(source), "--out", str(out)]
    done = subprocess.run(
        [*command, "--jobs", "2", "-q"], capture_output=True, text=True, check=False
    )
    assert done.returncode == ExitCode.ok, done.stderr
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert [r["document"]["date"]["value"] for r in records] == ["2013-01-31"] * 2
