"""Batch runs: ledger, skip and re-process, bad files, SIGKILL and resume, Dask, summary.csv.

The corpus is generated: 40 synthetic letters (text), a one-page PNG scan and a three-page
image PDF (real Tesseract; read in page tasks of two pages), and five bad files.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.errors import ExitCode
from pipeline.export import record_json
from pipeline.run import process_file
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
from generate_letters import generate, write
from render_scans import render, write_pdf, write_tiff

LETTERS = 40
BAD = {
    "bad/corrupt.pdf": "not a readable PDF",
    "bad/encrypted.pdf": "encrypted",
    "bad/zero.txt": "empty",
    "bad/garbage.pdf": "binary",
    "bad/truncated.tif": "damaged",
}
RUN = ["--jobs", "2", "--pages-per-task", "2", "-q"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    letters = generate(LETTERS, seed=404)
    write(letters, root / "letters")
    for truth in (root / "letters").glob("*.truth.json"):
        truth.unlink()
    scan = render(letters[0].truth()["text"], 150)
    (root / "scans").mkdir()
    scan[0].image.save(root / "scans" / "m-one-page.png", dpi=(150, 150))
    pages = [render(letter.truth()["text"], 150)[0] for letter in letters[1:4]]
    write_pdf(root / "scans" / "m-three-pages.pdf", pages)
    bad = root / "bad"
    bad.mkdir()
    write_pdf(bad / "encrypted.pdf", scan[:1], encrypted=True)
    (bad / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n" + bytes(300))
    (bad / "zero.txt").write_bytes(b"")
    (bad / "garbage.pdf").write_bytes(bytes(range(256)) * 8)
    write_tiff(bad / "whole.tif", scan[:1])
    data = (bad / "whole.tif").read_bytes()
    (bad / "truncated.tif").write_bytes(data[: len(data) // 3])
    (bad / "whole.tif").unlink()
    (root / ".hidden").mkdir()
    (root / ".hidden" / "ignored.txt").write_text("ignored")
    return root


@pytest.fixture(scope="module")
def baseline(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An uninterrupted run of the corpus (the output folder inside it must be ignored)."""
    out = corpus / "out"
    assert main(["run", str(corpus), "--out", str(out), *RUN]) == ExitCode.partial
    return out


def _ledger(out: Path) -> dict[str, sqlite3.Row]:
    db = sqlite3.connect(out / "ledger.sqlite")
    db.row_factory = sqlite3.Row
    rows = {row["path"]: row for row in db.execute("SELECT * FROM documents")}
    db.close()
    return rows


def _last_run(out: Path) -> sqlite3.Row:
    db = sqlite3.connect(out / "ledger.sqlite")
    db.row_factory = sqlite3.Row
    row = db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    db.close()
    return row


def test_bad_files_are_recorded_and_the_run_goes_on(corpus: Path, baseline: Path) -> None:
    rows = _ledger(baseline)
    good = [r for r in rows.values() if r["status"] == "ok"]
    assert len(good) == LETTERS + 2
    for name, word in BAD.items():
        row = rows[str(corpus / name)]
        assert row["status"] == "failed" and word.lower() in row["error_message"].lower(), dict(row)
        assert row["error_class"] and row["exit_code"] == ExitCode.bad_input
    lines = (baseline / "records.jsonl").read_text().splitlines()
    paths = [json.loads(line)["source"]["path"] for line in lines]
    assert paths == sorted(str(corpus / p) for p in rows if rows[p]["status"] == "ok")
    assert not any("out" in Path(p).relative_to(corpus).parts[:1] for p in paths)
    assert not list(baseline.rglob("*.tmp"))


def test_long_pdf_is_read_in_page_tasks_in_order(corpus: Path, baseline: Path) -> None:
    path = corpus / "scans" / "m-three-pages.pdf"
    written = (baseline / "scans__m-three-pages.json").read_text()
    record = json.loads(written)
    assert record["source"]["pages"] == 3
    assert [p["text_source"] for p in record["source"]["page_info"]] == ["ocr"] * 3
    assert written == record_json(process_file(path))  # the same as reading it in one go


def test_outputs_per_document(baseline: Path) -> None:
    record = json.loads((baseline / "letters__synth-000.ocr.json").read_text())
    text = (baseline / "text" / "letters__synth-000.ocr.txt").read_text()
    assert text == record["text"]
    with (baseline / "summary.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    mine = [r for r in rows if r["path"] == record["source"]["path"]]
    labels = []

    def walk(points: list[dict]) -> None:
        for point in points:
            labels.append(point["label"])
            walk(point["children"])

    walk(record["points"])
    assert [r["point"] for r in mine] == labels and labels
    assert {r["date"] for r in mine} == {record["document"]["date"]["value"]}


def test_rerun_processes_nothing(corpus: Path, baseline: Path, capsys) -> None:
    before = (baseline / "records.jsonl").read_bytes()
    # partial: the bad files failed before and are not retried, and the code says so
    assert main(["run", str(corpus), "--out", str(baseline), *RUN]) == ExitCode.partial
    run = _last_run(baseline)
    assert run["processed"] == 0 and run["failed"] == 0 and run["skipped"] == LETTERS + 2 + 5
    assert (baseline / "records.jsonl").read_bytes() == before
    # failed documents are retried on request only (and fail again)
    assert main(["run", str(corpus), "--out", str(baseline), "--retry-failed", *RUN]) == 1
    assert _last_run(baseline)["failed"] == 5


def test_status_command(baseline: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["status", str(baseline), "--json"]) == ExitCode.ok
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {"ok": LETTERS + 2, "failed": 5, "skipped": 0}
    assert {Path(f["path"]).name for f in report["failures"]} == {Path(b).name for b in BAD}
    assert main(["status", str(baseline)]) == ExitCode.ok
    assert "encrypted" in capsys.readouterr().out
    assert main(["status", str(baseline.parent / "letters")]) == ExitCode.input_file


def test_changed_and_renamed_files(tmp_path: Path) -> None:
    RUN = ["--jobs", "1", "-q"]  # in process: the same decisions, faster
    src, out = tmp_path / "in", tmp_path / "out"
    write(generate(6, seed=5), src)
    assert main(["run", str(src), "--out", str(out), *RUN]) == ExitCode.ok
    changed = src / "synth-002.ocr.txt"
    changed.write_text(changed.read_text() + "\nNachtrag.\n")
    assert main(["run", str(src), "--out", str(out), *RUN]) == ExitCode.ok
    assert (_last_run(out)["processed"], _last_run(out)["skipped"]) == (1, 5)
    assert "Nachtrag" in (out / "synth-002.ocr.json").read_text()
    # a renamed file is recognised by its content: its record is reused under the new path
    (src / "sub").mkdir()
    (src / "synth-003.ocr.txt").rename(src / "sub" / "renamed.txt")
    assert main(["run", str(src), "--out", str(out), *RUN]) == ExitCode.ok
    assert _last_run(out)["processed"] == 0
    paths = [
        json.loads(x)["source"]["path"] for x in (out / "records.jsonl").read_text().splitlines()
    ]
    assert str(src / "sub" / "renamed.txt") in paths and len(paths) == 6
    assert not (out / "synth-003.ocr.json").exists() and (out / "sub__renamed.json").exists()
    fresh = tmp_path / "fresh"
    assert main(["run", str(src), "--out", str(fresh), *RUN]) == ExitCode.ok
    assert (fresh / "records.jsonl").read_bytes() == (out / "records.jsonl").read_bytes()
    # --force processes everything again
    assert main(["run", str(src), "--out", str(out), "--force", *RUN]) == ExitCode.ok
    assert _last_run(out)["processed"] == 6
    # so does any setting that changes records (regression: OCR settings were not in the
    # config hash, so a run at another --dpi or --mode skipped every document)
    for changed in (["--dpi", "200"], ["--mode", "force"], ["--disable", "reflow"]):
        assert main(["run", str(src), "--out", str(out), *changed, *RUN]) == ExitCode.ok
        assert _last_run(out)["processed"] == 6, changed


def test_sigkill_and_resume_give_the_same_records(
    corpus: Path, baseline: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out", str(out), *RUN]
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if (out / "ledger.sqlite").exists() and len(_ok_rows(out)) >= 10:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert not (out / "records.jsonl").exists()  # killed in the middle
    assert 10 <= len(_ok_rows(out)) < LETTERS + 2
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == ExitCode.partial, result.stderr
    assert (out / "records.jsonl").read_bytes() == (baseline / "records.jsonl").read_bytes()
    assert (out / "summary.csv").read_bytes() == (baseline / "summary.csv").read_bytes()
    assert not list(out.rglob("*.tmp"))  # what the killed run was writing is cleared


def _ok_rows(out: Path) -> list[str]:
    try:
        return [p for p, row in _ledger(out).items() if row["status"] == "ok"]
    except sqlite3.Error:  # the ledger being created
        return []


def test_dask_executor_gives_the_same_records(corpus: Path, baseline: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    out = tmp_path / "out"
    code = main(["run", str(corpus), "--out", str(out), "--executor", "dask", *RUN])
    assert code == ExitCode.partial
    assert (out / "records.jsonl").read_bytes() == (baseline / "records.jsonl").read_bytes()
    failed = {p for p, row in _ledger(out).items() if row["status"] == "failed"}
    assert failed == {str(corpus / b) for b in BAD}


def test_sigterm_stops_after_documents_in_flight(corpus: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(corpus / "letters", src)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "pipeline.cli",
        "run",
        str(src),
        "--out",
        str(out),
        "--jobs",
        "2",
    ]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    while process.poll() is None and len(_ok_rows(out)) < 3:
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    rows = _ledger(out)
    if process.returncode == ExitCode.ok:  # finished before the signal arrived
        pytest.skip("the run finished before SIGTERM")
    assert process.returncode == ExitCode.interrupted, err
    assert "stopping after the documents in flight" in err
    done = [p for p, r in rows.items() if r["status"] == "ok"]
    lines = (out / "records.jsonl").read_text().splitlines()
    assert len(lines) == len(done) and {r["status"] for r in rows.values()} <= {"ok", "skipped"}
    assert main(["run", str(src), "--out", str(out), "-q"]) == ExitCode.ok
    assert len((out / "records.jsonl").read_text().splitlines()) == LETTERS


def test_one_run_at_a_time_per_output_folder(tmp_path: Path, capsys) -> None:
    from pipeline.batch import Ledger

    holder = Ledger.open(tmp_path)
    try:
        code = main(["run", str(ROOT / "samples" / "seed"), "--out", str(tmp_path)])
        assert code == ExitCode.output_error
        assert "another council-ocr run is writing this folder" in capsys.readouterr().err
    finally:
        holder.close()
    assert main(["run", str(ROOT / "samples" / "seed"), "--out", str(tmp_path), "-q"]) == 0


def test_layout_files_written_and_asked_for_later(corpus: Path, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(corpus / "scans" / "m-one-page.png", src / "page.png")
    shutil.copy(corpus / "letters" / "synth-000.ocr.txt", src / "letter.txt")
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "--jobs", "1", "-q"]) == ExitCode.ok
    assert not (out / "page.alto.xml").exists()
    # asked for later: the scan is read again for its layout; the text has none to give
    assert main(["run", str(src), "--out", str(out), "--jobs", "1", "-q", "--alto", "--hocr"]) == 0
    assert (_last_run(out)["processed"], _last_run(out)["skipped"]) == (1, 1)
    alto = ET.parse(out / "page.alto.xml").getroot()
    words = [
        s.get("CONTENT") for s in alto.iter("{http://www.loc.gov/standards/alto/ns-v4#}String")
    ]
    assert len(words) > 20 and all(words)
    assert "ocrx_word" in (out / "page.hocr").read_text()
    assert not (out / "letter.alto.xml").exists()
    assert main(["run", str(src), "--out", str(out), "--jobs", "1", "-q", "--alto", "--hocr"]) == 0
    assert _last_run(out)["processed"] == 0


def test_largest_files_are_started_first(tmp_path: Path) -> None:
    """So that workers run out of work together (a file's size stands for its pages)."""
    letters = generate(3, seed=405)
    write(letters, tmp_path / "in")
    for truth in (tmp_path / "in").glob("*.truth.json"):
        truth.unlink()
    files = sorted((tmp_path / "in").glob("*.txt"))
    largest = max(path.stat().st_size for path in files)
    for k, path in enumerate(files):  # the last in path order is the largest
        text = path.read_text(encoding="utf-8")
        pad = largest + 500 * k - len(text.encode())
        path.write_text(text + "\n\n" + "Nachtrag. " * (pad // 10), "utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--jobs", "1", "-q"]) == 0
    db = sqlite3.connect(out / "ledger.sqlite")
    done = [Path(p).name for (p,) in db.execute("SELECT path FROM documents ORDER BY rowid")]
    # Regression (flaky): at --jobs 1 two tasks are in flight and results that are back
    # together are handled in path order, so only the first two as a pair are certain.
    assert set(done[:2]) == {files[2].name, files[1].name} and done[2] == files[0].name


def test_one_short_document_is_read_in_this_process(tmp_path: Path, monkeypatch) -> None:
    """Only then: at --jobs 1 more documents go to a worker process, so that loading the models
    here does not hold up the reading (regression: inline reading was 20 % slower)."""
    from pipeline.batch import runner

    chosen: list[bool] = []

    def recording(kind: str, workers: int, scheduler: str | None = None, inline: bool = False):
        chosen.append(inline)
        return make_executor(kind, workers, scheduler, inline)

    make_executor = runner.make_executor
    monkeypatch.setattr(runner, "make_executor", recording)
    write(generate(2, seed=406), tmp_path / "in")
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(sorted((tmp_path / "in").glob("*.txt"))[0], one)
    for source in (one, tmp_path / "in"):
        out = tmp_path / f"out-{source.name}"
        assert main(["run", str(source), "--out", str(out), "--jobs", "1", "-q"]) == 0
    assert chosen == [True, False]


@pytest.mark.parametrize("collecting", [True, False])
def test_warming_the_models_leaves_the_collector_as_it_found_it(collecting: bool) -> None:
    """The coordinator loads the models with the cyclic collector paused and freezes them
    out of its passes; the collector is running again afterwards unless it was off before
    (in a process of its own: the freeze lasts a process's life)."""
    script = (
        "import gc\n"
        f"{'' if collecting else 'gc.disable()'}\n"
        "from pipeline.batch.tasks import warm\n"
        "warm()\n"
        "from pipeline.lexicon import default_lexicon\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0, default_lexicon.cache_info().currsize)"
    )
    found = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert found.stdout.split() == [str(collecting), "True", "1"]


def test_changed_code_processes_the_documents_again(tmp_path: Path, monkeypatch) -> None:
    """Regression: the config hash held the version number, never raised, and not the code, so
    a run after an upgrade or a fix skipped every document and kept its old record."""
    from pipeline import run

    code, sources = tmp_path / "code" / "pipeline", tmp_path / "code" / "models" / "src"
    shutil.copytree(run.CODE_ROOT, code, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(run.MODEL_SOURCES, sources)
    assert run.fingerprint(code, sources) == run.fingerprint(run.CODE_ROOT, run.MODEL_SOURCES)
    src, out = tmp_path / "in", tmp_path / "out"
    write(generate(2, seed=17), src)
    monkeypatch.setattr(run, "code_fingerprint", lambda: run.fingerprint(code, sources))
    assert main(["run", str(src), "--out", str(out), "--jobs", "1", "-q"]) == ExitCode.ok
    assert main(["run", str(src), "--out", str(out), "--jobs", "1", "-q"]) == ExitCode.ok
    assert _last_run(out)["processed"] == 0
    for changed in (code / "cleanup" / "words.py", sources / "roles.txt"):
        changed.write_text(changed.read_text() + "\n")
        assert main(["run", str(src), "--out", str(out), "--jobs", "1", "-q"]) == ExitCode.ok
        assert _last_run(out)["processed"] == 2, changed


#: Loaded by every Python process of a run (``sitecustomize``, by ``PYTHONPATH``): a document
#: whose name holds ``crash`` kills the worker process reading it, as a crash of the Tesseract
#: library inside a worker would.
CRASH_HOOK = """
import os, signal
import pipeline.batch.tasks as tasks

_start = tasks.start

def start(job, *args):
    if "crash" in job.path.name:
        os.kill(os.getpid(), signal.SIGSEGV)
    return _start(job, *args)

start.__module__, start.__qualname__ = tasks.__name__, "start"
tasks.start = start
"""


def test_a_worker_that_dies_costs_only_its_document(corpus: Path, tmp_path: Path) -> None:
    """Regression: a run whose worker died hung 1 time in 8, waiting for a worker the broken
    pool had started and never stopped; and a task sent to the pool as it broke ended the run
    with an internal error. Two documents crash their workers, in runs repeated."""
    src = tmp_path / "in"
    src.mkdir()
    letters = sorted((corpus / "letters").glob("*.txt"))[:6]
    for letter in letters[:4]:
        shutil.copy(letter, src / letter.name)
    shutil.copy(letters[4], src / "crash-a.txt")
    shutil.copy(letters[5], src / "crash-b.txt")
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(CRASH_HOOK, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{hook}{os.pathsep}{ROOT}"}  # this checkout's code
    for run in range(3):
        out = tmp_path / f"out{run}"
        command = [sys.executable, "-m", "pipeline.launch", "run", str(src), "--out", str(out)]
        result = subprocess.run(
            [*command, "--jobs", "2", "-q"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == ExitCode.partial, result.stderr
        rows = _ledger(out)
        for name in ("crash-a.txt", "crash-b.txt"):
            crashed = rows[str(src / name)]
            assert crashed["status"] == "failed" and crashed["error_class"] == "WorkerCrash"
        assert sorted(p for p, row in rows.items() if row["status"] == "ok") == sorted(
            str(src / letter.name) for letter in letters[:4]
        )
        records = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(records) == 4 and "crash-" not in "".join(records)
