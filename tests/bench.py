"""Throughput benchmarks: ``make bench`` (``python -m tests.bench [--json FILE]``).

**Scan batch.** A fixed scan set (``samples/make_scans.py``, seed 11, 12 letters, image-only
PDFs at 300 dpi, 28 pages with today's generator) is read by each tool at ``--jobs 1`` and
``--jobs 2``, in three rounds (``--rounds``; each figure is from the run of median time):

- ``council-ocr``: the real CLI, ``council-ocr run SET --out FRESH --jobs N -q --force``;
- ``tesseract``, the floor: every page taken beforehand as the pipeline takes it
  (``page_image``: the scan as stored in the PDF, grey; this is not timed), then
  ``tesseract page.png - -l deu`` over all pages, N processes at a time;
- ``ocrmypdf``, the peer: ``ocrmypdf -l deu --output-type none --sidecar TXT --jobs 1 IN -``,
  N files at a time, as OCRmyPDF's batch documentation suggests (GNU parallel ``-j N``): the
  same shape of parallelism as council-ocr, a worker per document with one core each
  (``--jobs N`` per file with files in turn idles on these 1–3 page letters);
- ``tesseract -c``: the floor with the Tesseract options council-ocr reads every page with
  (``pipeline.ocr.READ_OPTIONS``: no inverted second reads), in the first
  round, for reference: the floor itself stays the bare CLI with its defaults;
- ``ocrmypdf -r``: the same with ``--rotate-pages``, at 1 job, for reference: OCRmyPDF does
  not look for turned pages unless asked (a quarter of these pages are turned, and it reads
  them as garbage), council-ocr always does.

Every Tesseract runs with one thread (``OMP_THREAD_LIMIT=1``; OCRmyPDF honours it too). The
table gives documents/min and pages/min (wall clock), CPU seconds per page (user + system of
all processes of the run: less sensitive to other load on the machine), and the peak resident
memory (``VmHWM``) of the processes, sampled every 0.1 s: *worker* is a process that reads
pages (council-ocr: each pool worker; OCRmyPDF: each ``ocrmypdf`` process), *tesseract* the
largest Tesseract child, *main* the coordinating council-ocr process. The goals of the batch
runner: total time within 1.15× of the floor, faster than OCRmyPDF, and at least 1.8× faster
with 2 jobs than 1.

**Text.** Cleanup + extraction on the text samples (seed + synthetic) in this process, one
core, after a warm-up that loads the lexicon and the spaCy pipeline once.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ROUNDS = 5
#: Rounds of the scan batch; figures are of the median run (``--rounds``).
SCAN_ROUNDS = 3

SCAN_SEED = 11
SCAN_COUNT = 12
#: The pipeline's default --dpi, and what archives scan at.
SCAN_DPI = 300
JOBS = (1, 2)
#: Goals of the batch runner (the project issue).
FLOOR_RATIO_GOAL = 1.15
SPEEDUP_GOAL = 1.8
#: The peer's invocation: text only, one core per file (files run ``jobs`` at a time).
OCRMYPDF = ("-q", "-l", "deu", "--output-type", "none", "--jobs", "1")
#: The peer with orientation detection, the work council-ocr does on every page.
OCRMYPDF_ROTATE = "ocrmypdf -r"
#: The floor with council-ocr's Tesseract options (pipeline.ocr.READ_OPTIONS), for reference.
TUNED_FLOOR = "tesseract -c"
#: How often the process tree's memory is sampled (seconds).
SAMPLE_EVERY = 0.1


# ------------------------------------------------------------------------------ scan set
def make_scan_set(out: Path, count: int = SCAN_COUNT, seed: int = SCAN_SEED) -> Path:
    """The fixed scan set: ``out/set/*.pdf`` (image-only PDFs at :data:`SCAN_DPI`)."""
    generated = out / "generated"
    command = [sys.executable, str(ROOT / "samples" / "make_scans.py"), "--out", str(generated)]
    command += ["--count", str(count), "--seed", str(seed), "--dpi", str(SCAN_DPI)]
    subprocess.run([*command, "--formats", "pdf"], check=True, stderr=subprocess.DEVNULL)
    scans = out / "set"
    scans.mkdir(parents=True)
    for pdf in sorted((generated / f"{SCAN_DPI}dpi").glob("*.pdf")):
        shutil.move(pdf, scans / pdf.name)
    shutil.rmtree(generated)
    return scans


def render_pages(pdfs: list[Path], out: Path) -> list[Path]:
    """Every page as the pipeline takes it for OCR (``page_image``: the stored scan of a
    scanned page, grey), saved as PNG."""
    import pdfplumber
    import pypdfium2

    from pipeline.ingest import page_image

    out.mkdir(parents=True)
    pages = []
    for pdf_path in pdfs:
        document = pypdfium2.PdfDocument(pdf_path)
        with pdfplumber.open(pdf_path) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                image = page_image(page, document[number - 1], SCAN_DPI)
                pages.append(out / f"{pdf_path.stem}-{number:03d}.png")
                image.convert("L").save(pages[-1])
        document.close()
    return pages


def page_count(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


# ------------------------------------------------------------------------------ measuring
class ProcessTree:
    """Peak resident memory (``VmHWM``) of every process below ``root``, sampled in a thread."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.peaks: dict[int, tuple[str, int]] = {}  # pid -> (kind, kB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> ProcessTree:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(SAMPLE_EVERY):
            for pid, parent in self._below(self.root):
                peak = _peak_kb(pid)
                if peak:
                    known, before = self.peaks.get(pid, ("", 0))
                    kind = known or _kind(pid, parent == self.root)
                    self.peaks[pid] = (kind, max(peak, before))

    @staticmethod
    def _below(root: int) -> list[tuple[int, int]]:
        """(pid, parent pid) of every process below ``root``."""
        found: list[tuple[int, int]] = []
        todo = [root]
        while todo:
            parent = todo.pop()
            try:
                tasks = os.listdir(f"/proc/{parent}/task")
            except OSError:
                continue
            for task in tasks:
                try:
                    children = Path(f"/proc/{parent}/task/{task}/children").read_text().split()
                except OSError:
                    continue
                found += [(int(child), parent) for child in children]
                todo += map(int, children)
        return found

    def peak_mib(self, kind: str) -> float | None:
        """The largest peak among the processes of one kind, in MiB."""
        peaks = [kb for k, kb in self.peaks.values() if k == kind]
        return round(max(peaks) / 1024, 1) if peaks else None


def _peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _kind(pid: int, top: bool) -> str:
    """``tesseract``, ``helper`` (multiprocessing's fork server and resource tracker, children
    of the root), or ``worker`` (any other process: a pool worker, an ``ocrmypdf``). Pool
    workers are forked by the fork server and keep its command line: they sit one level lower.
    """
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
    if not command:
        return ""
    if Path(command.split()[0]).name == "tesseract":
        return "tesseract"
    if top and ("forkserver" in command or "resource_tracker" in command):
        return "helper"
    return "worker"


@dataclass
class Result:
    tool: str
    jobs: int
    documents: int
    pages: int
    seconds: float
    cpu_seconds: float
    worker_mib: float | None
    tesseract_mib: float | None
    main_mib: float | None = None
    #: Wall-clock seconds of every round (the figures are of the median one).
    times: list[float] = field(default_factory=list)

    @property
    def documents_per_min(self) -> float:
        return self.documents * 60 / self.seconds

    @property
    def pages_per_min(self) -> float:
        return self.pages * 60 / self.seconds


def adopt_orphans() -> None:
    """Make this process the reaper of its orphaned descendants (Linux ``prctl``).

    council-ocr's pool workers are forked by multiprocessing's fork server, which the CLI does
    not wait for: without this, their CPU time would never reach this process's
    ``RUSAGE_CHILDREN``. With it, :func:`reap_orphans` collects them after each run.
    """
    import ctypes

    pr_set_child_subreaper = 36
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_child_subreaper, 1, 0, 0, 0)


def reap_orphans() -> None:
    """Wait for every process left below this one (each tool runs alone, so all are its)."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def _children_cpu() -> float:
    import resource

    reap_orphans()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _environment() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def run_council(scans: Path, out: Path, jobs: int, documents: int, pages: int) -> Result:
    """The real CLI on the scan set, in a fresh output folder."""
    cli = BIN / "council-ocr"
    command = [str(cli)] if cli.exists() else [sys.executable, "-m", "pipeline.cli"]
    command += ["run", str(scans), "--out", str(out), "--jobs", str(jobs), "-q", "--force"]
    cpu = _children_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(command, env=_environment())
    with ProcessTree(process.pid) as tree:
        main_peak = 0
        while process.poll() is None:
            main_peak = max(main_peak, _peak_kb(process.pid))
            time.sleep(SAMPLE_EVERY)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(
            f"council-ocr run --jobs {jobs} failed with exit code {process.returncode}"
        )
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    read = sum(r["source"]["pages"] for r in records if r["source"]["text_source"] == "ocr")
    if len(records) != documents or read != pages:
        raise SystemExit(f"council-ocr read {len(records)} documents, {read} pages by OCR")
    main_mib = round(main_peak / 1024, 1)
    return Result(
        "council-ocr",
        jobs,
        documents,
        pages,
        seconds,
        _children_cpu() - cpu,
        tree.peak_mib("worker") or main_mib,  # no pool: the CLI read the pages itself
        tree.peak_mib("tesseract"),
        main_mib,
    )


def run_pool(tool: str, commands: list[list[str]], jobs: int, documents: int, pages: int) -> Result:
    """Run the commands ``jobs`` at a time (threads that wait for processes) and time them."""

    def call(command: list[str]) -> None:
        subprocess.run(command, check=True, capture_output=True, env=_environment())

    cpu = _children_cpu()
    start = time.perf_counter()
    with ProcessTree(os.getpid()) as tree, ThreadPoolExecutor(jobs) as pool:
        list(pool.map(call, commands))
    seconds = time.perf_counter() - start
    worker = tree.peak_mib("tesseract") if tool == "tesseract" else tree.peak_mib("worker")
    return Result(
        tool,
        jobs,
        documents,
        pages,
        seconds,
        _children_cpu() - cpu,
        worker,
        tree.peak_mib("tesseract"),
    )


def _median(runs: list[Result]) -> Result:
    """The run of median time (its CPU time with it); memory: the largest peak of all runs."""
    middle = sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]
    peaks = {
        kind: max((v for r in runs if (v := getattr(r, kind)) is not None), default=None)
        for kind in ("worker_mib", "tesseract_mib", "main_mib")
    }
    return Result(**{**asdict(middle), **peaks, "times": [round(r.seconds, 2) for r in runs]})


def scan_batch(count: int, rounds: int = SCAN_ROUNDS) -> dict[str, object]:
    """The scan-batch section: every tool at every number of jobs, interleaved (the tools at 1
    job, then at 2) so that a change in the machine's load hits all alike, ``rounds`` times;
    each figure is the run of median time (a shared 2-core machine varies by 10 % and more
    from one run to the next)."""
    ocrmypdf = shutil.which("ocrmypdf", path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if ocrmypdf is None:
        raise SystemExit("ocrmypdf is missing: pip install -e '.[bench]' (make bench does)")
    load_before = os.getloadavg()  # before anything of ours runs
    with tempfile.TemporaryDirectory(prefix="council-bench-") as tmp:
        work = Path(tmp)
        scans = make_scan_set(work, count)
        pdfs = sorted(scans.glob("*.pdf"))
        documents, pages = len(pdfs), sum(page_count(pdf) for pdf in pdfs)
        images = render_pages(pdfs, work / "pages")
        floor = [["tesseract", str(png), "-", "-l", "deu"] for png in images]
        # For reference (the floor stays the bare CLI): Tesseract with the options council-ocr
        # reads every page with, so that the table tells the pipeline's own cost from theirs.
        from pipeline.ocr import READ_OPTIONS

        tuned = [[*command, *READ_OPTIONS.split()] for command in floor]
        subprocess.run(floor[0], check=True, capture_output=True)  # warm the disk cache
        sidecars = work / "sidecars"
        sidecars.mkdir()
        peers = {
            name: [
                [ocrmypdf, *OCRMYPDF, *extra, "--sidecar", str(sidecars / pdf.stem), str(pdf), "-"]
                for pdf in pdfs
            ]
            for name, extra in (("ocrmypdf", ()), (OCRMYPDF_ROTATE, ("--rotate-pages",)))
        }
        adopt_orphans()
        runs: dict[tuple[str, int], list[Result]] = {}
        for round_ in range(rounds):
            for jobs in JOBS:
                done = [run_pool("tesseract", floor, jobs, documents, pages)]
                if round_ == 0:
                    done.append(run_pool(TUNED_FLOOR, tuned, jobs, documents, pages))
                done.append(run_council(scans, work / f"out-{jobs}", jobs, documents, pages))
                for name, commands in peers.items():
                    if name == "ocrmypdf" or (jobs == 1 and round_ == 0):  # -r: reference only
                        done.append(run_pool(name, commands, jobs, documents, pages))
                for result in done:
                    runs.setdefault((result.tool, result.jobs), []).append(result)
        load_after = os.getloadavg()
    results = [_median(found) for found in runs.values()]
    by = {(r.tool, r.jobs): r for r in results}
    #: council-ocr's time over each tool's time at the same jobs, and the same for CPU time.
    ratios = {
        (r.tool, r.jobs): by["council-ocr", r.jobs].seconds / r.seconds
        for r in results
        if r.tool != "council-ocr"
    }
    cpu_ratios = {
        (r.tool, r.jobs): by["council-ocr", r.jobs].cpu_seconds / r.cpu_seconds
        for r in results
        if r.tool != "council-ocr"
    }
    tools = list(dict.fromkeys(r.tool for r in results))
    speedups = {
        tool: by[tool, 1].seconds / by[tool, 2].seconds for tool in tools if (tool, 2) in by
    }
    goals = {
        f"total time within {FLOOR_RATIO_GOAL}x of the bare-Tesseract floor": all(
            ratios["tesseract", jobs] <= FLOOR_RATIO_GOAL for jobs in JOBS
        ),
        "faster than OCRmyPDF": all(ratios["ocrmypdf", jobs] < 1 for jobs in JOBS),
        f"speed-up from 1 to 2 jobs >= {SPEEDUP_GOAL}x": speedups["council-ocr"] >= SPEEDUP_GOAL,
    }
    # Our own runs leave a load of up to 2 behind them; more means other work shared the cores.
    busy = load_before[0] > 0.5 or load_after[0] > 3
    print(
        f"scan batch: {documents} image-only PDFs, {pages} pages at {SCAN_DPI} dpi "
        f"(make_scans seed {SCAN_SEED}); {os.cpu_count()} cores, load (1 min) "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after"
        + (": the machine was busy, times are noisy (CPU s/page is not)" if busy else "")
        + f"; {rounds} rounds, each figure from the run of median time"
    )
    print_scan_table(results, ratios, cpu_ratios, speedups, goals)
    return {
        "scan_set": {
            "generator": "samples/make_scans.py",
            "seed": SCAN_SEED,
            "count": count,
            "dpi": SCAN_DPI,
            "format": "pdf",
            "documents": documents,
            "pages": pages,
        },
        "cpus": os.cpu_count(),
        "load_before": load_before,
        "load_after": load_after,
        "runs": [
            {
                **asdict(r),
                "documents_per_min": r.documents_per_min,
                "pages_per_min": r.pages_per_min,
                "cpu_seconds_per_page": r.cpu_seconds / r.pages,
                "council_over_this": ratios.get((r.tool, r.jobs)),
                "council_over_this_cpu": cpu_ratios.get((r.tool, r.jobs)),
            }
            for r in results
        ],
        "speedup_1_to_2_jobs": speedups,
        "goals": goals,
    }


def print_scan_table(
    results: list[Result],
    ratios: dict[tuple[str, int], float],
    cpu_ratios: dict[tuple[str, int], float],
    speedups: dict[str, float],
    goals: dict[str, bool],
) -> None:
    def mib(value: float | None) -> str:
        return f"{value:.0f}" if value is not None else "-"

    header = (
        f"{'tool':<16} {'jobs':>4} {'time s':>7} {'docs/min':>8} {'pages/min':>9} "
        f"{'CPU s/page':>10} {'1->2 jobs':>9} {'council/this':>12} {'(CPU)':>5} "
        f"{'worker MiB':>10} {'tesseract MiB':>13} {'main MiB':>8}  rounds s"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        speedup = f"{speedups[r.tool]:.2f}x" if r.jobs == 2 and r.tool in speedups else ""
        key = (r.tool, r.jobs)
        ratio = f"{ratios[key]:.2f}" if key in ratios else ""
        cpu = f"{cpu_ratios[key]:.2f}" if key in cpu_ratios else ""
        print(
            f"{r.tool:<16} {r.jobs:>4} {r.seconds:>7.1f} {r.documents_per_min:>8.1f} "
            f"{r.pages_per_min:>9.1f} {r.cpu_seconds / r.pages:>10.2f} {speedup:>9} {ratio:>12} {cpu:>5} "
            f"{mib(r.worker_mib):>10} {mib(r.tesseract_mib):>13} {mib(r.main_mib):>8}  "
            + " ".join(f"{t:.1f}" for t in r.times)
        )
    print(
        "tesseract: the floor (pages taken from the PDFs beforehand); ocrmypdf: -l deu --output-type none "
        f"--sidecar, files N at a time with --jobs 1; {OCRMYPDF_ROTATE}: the same with "
        "--rotate-pages (turned pages found, as council-ocr does); "
        f"{TUNED_FLOOR}: the floor with council-ocr's Tesseract options (pipeline.ocr.READ_OPTIONS), "
        "one round, for reference"
    )
    for goal, met in goals.items():
        print(f"goal {goal}: {'met' if met else 'NOT met'}")


# ------------------------------------------------------------------------------ text
def text_throughput() -> dict[str, object]:
    """Cleanup + extraction on the text samples, one core, after a warm-up."""
    from pipeline.ingest import discover, read_input
    from pipeline.run import Settings, process_input

    inputs = [read_input(p) for p in discover([ROOT / "samples"])]
    settings = Settings()
    process_input(inputs[0], settings)  # warm-up: lexicon and spaCy pipeline
    pages = 0
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for source in inputs:
            pages += process_input(source, settings).source.pages
    elapsed = time.perf_counter() - start
    documents = len(inputs) * ROUNDS
    print(f"cleanup+extraction: {documents} documents, {pages} pages in {elapsed:.2f} s")
    print(
        f"throughput: {pages / elapsed:.1f} pages/s, {documents / elapsed:.1f} documents/s (one core)"
    )
    return {
        "documents": documents,
        "pages": pages,
        "seconds": elapsed,
        "pages_per_second": pages / elapsed,
        "documents_per_second": documents / elapsed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to FILE")
    parser.add_argument("--count", type=int, default=SCAN_COUNT, help="letters in the scan set")
    parser.add_argument("--only", choices=("scans", "text"), help="run one section only")
    parser.add_argument(
        "--rounds", type=int, default=SCAN_ROUNDS, help="scan-batch rounds (median is shown)"
    )
    args = parser.parse_args(argv)
    report: dict[str, object] = {}
    if args.only in (None, "scans"):
        report["scan_batch"] = scan_batch(args.count, args.rounds)
        print()
    if args.only in (None, "text"):
        report["text"] = text_throughput()
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
