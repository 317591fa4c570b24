"""A batch run: find the documents, decide for each (skip, reuse, process), run the tasks on an
executor, write every finished document's outputs and ledger row, then the corpus files.

Only this coordinating process writes files and the ledger; workers compute. A document's
outputs are written atomically and its ledger row is committed after them, so a run killed at
any moment loses at most the documents in flight, and the next run redoes exactly those.
``records.jsonl`` and ``summary.csv`` are rebuilt from the ledger at the end of every run.
"""

from __future__ import annotations

import hashlib
import os
import signal
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import CancelledError
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

from pipeline import __version__
from pipeline.batch import tasks
from pipeline.batch.executors import make_executor
from pipeline.batch.ledger import LEDGER_NAME, Entry, Ledger, Status
from pipeline.batch.progress import Reporter, Tally
from pipeline.batch.tasks import Done, Failed, Job, PagesRead, Plan, Read
from pipeline.errors import CouncilOcrError, ExitCode, InputFileError, MissingDependencyError
from pipeline.export import record_json, write_corpus, write_document
from pipeline.ingest import DISCOVERED_SUFFIXES, Input, PageText
from pipeline.models import Record
from pipeline.run import Settings

#: A document whose task killed its worker this many times is recorded as failed.
MAX_CRASHES = 2


@dataclass(frozen=True)
class BatchOptions:
    out_dir: Path | None = None
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    force: bool = False
    retry_failed: bool = False
    executor: str = "local"
    scheduler: str | None = None
    alto: bool = False
    hocr: bool = False
    pages_per_task: int = tasks.PAGES_PER_TASK

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ValueError(f"--jobs must be at least 1, not {self.jobs}")
        if self.pages_per_task < 1:
            raise ValueError(f"--pages-per-task must be at least 1, not {self.pages_per_task}")


@dataclass
class Document:
    path: Path
    name: str
    size: int = 0
    mtime_ns: int = 0
    sha256: str = ""
    plan: Plan | None = None
    pages: dict[int, list[PageText]] = field(default_factory=dict)
    seconds: float = 0.0
    waiting: int = 0
    crashes: int = 0
    failed: bool = False

    @property
    def key(self) -> str:
        return str(self.path)


@dataclass
class Failure:
    path: str
    message: str
    exit_code: int


@dataclass
class BatchResult:
    tally: Tally
    failures: list[Failure] = field(default_factory=list)
    failed_earlier: int = 0
    interrupted: bool = False
    #: Compact JSON of every finished record in path order (the lines of records.jsonl).
    records: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> ExitCode:
        """ok: every document found is done; partial: some failed (in this run, or earlier
        and not retried); a failure's own code when none could be processed."""
        if self.interrupted:
            return ExitCode.interrupted
        failed = len(self.failures) + self.failed_earlier
        if not failed:
            return ExitCode.ok
        if self.tally.done > failed:
            return ExitCode.partial
        codes = {f.exit_code for f in self.failures} or {ExitCode.partial}
        return ExitCode(codes.pop()) if len(codes) == 1 else ExitCode.bad_input


def discover(inputs: list[Path], exclude: Path | None = None) -> list[tuple[Path, str]]:
    """Supported files under ``inputs`` with their output names, in path order, each once.

    Folders are searched recursively; hidden files and folders, and the output folder, are
    skipped, and so are the output folders of other runs (they hold a ledger). A named file is
    taken whatever its ending. The name is the path relative to the
    folder it was found in, ``/`` written ``__``, without the last suffix.
    """
    skip = exclude.resolve() if exclude is not None else None
    found: list[tuple[Path, str]] = []
    for root in inputs:
        if not root.is_dir():
            found.append((root, root.name))
            continue
        hits: list[Path] = []
        for folder, dirs, files in os.walk(root):  # does not follow links to folders
            here = Path(folder)
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".")
                and (here / d).resolve() != skip
                and not (here / d / LEDGER_NAME).exists()  # another run's output folder
            )
            hits.extend(
                here / f
                for f in files
                if not f.startswith(".") and Path(f).suffix.lower() in DISCOVERED_SUFFIXES
            )
        if not hits:
            raise InputFileError(
                f"directory has no usable files (looked for {', '.join(DISCOVERED_SUFFIXES)})",
                root,
            )
        found.extend((hit, hit.relative_to(root).as_posix()) for hit in sorted(hits))
    unique: dict[Path, tuple[Path, str]] = {}
    for path, relative in found:
        unique.setdefault(path.resolve(), (path, relative))
    ordered = sorted(unique.values(), key=lambda item: str(item[0]))
    return list(zip([p for p, _ in ordered], _names([r for _, r in ordered]), strict=True))


def _names(relatives: list[str]) -> list[str]:
    """Output names: ``a/b.pdf`` -> ``a__b``; kept distinct when two inputs would share one.

    >>> _names(["x.pdf", "x.tif", "sub/y.txt"])
    ['x.pdf', 'x.tif', 'sub__y']
    """
    plain = [Path(r).with_suffix("").as_posix().replace("/", "__") for r in relatives]
    names = [
        n if plain.count(n) == 1 else r.replace("/", "__")
        for n, r in zip(plain, relatives, strict=True)
    ]
    return [
        n if names.count(n) == 1 else f"{n}-{hashlib.sha256(r.encode()).hexdigest()[:8]}"
        for n, r in zip(names, relatives, strict=True)
    ]


def run_batch(
    inputs: list[Path],
    settings: Settings,
    options: BatchOptions,
    *,
    quiet: bool = False,
    command: str = "run",
) -> BatchResult:
    """Process ``inputs`` into ``options.out_dir`` (or only into the result, without one)."""
    documents = [Document(path, name) for path, name in discover(inputs, options.out_dir)]
    ledger = Ledger.open(options.out_dir)
    tally = Tally(total=len(documents))
    result = BatchResult(tally)
    reporter = Reporter(tally, quiet=quiet)
    run = _Run(settings, options, ledger, reporter, result)
    run_id = ledger.start_run(_now(), command)
    completed = False
    try:
        run.execute(documents)
        result.records = run.write_corpus()
        completed = True
    finally:
        if result.failed_earlier and options.out_dir is not None:
            reporter.note(
                f"{result.failed_earlier} documents failed in an earlier run and were not "
                "retried (--retry-failed retries them)"
            )
        reporter.close(summary=len(documents) > 1)
        ledger.finish_run(
            run_id,
            _now(),
            processed=tally.processed,
            skipped=tally.skipped + tally.moved,
            failed=tally.failed,
            pages=tally.pages,
            interrupted=int(result.interrupted or not completed),
        )
        ledger.close()
    if run.fatal is not None:
        raise run.fatal
    return result


class _Run:
    def __init__(
        self,
        settings: Settings,
        options: BatchOptions,
        ledger: Ledger,
        reporter: Reporter,
        result: BatchResult,
    ) -> None:
        self.settings = settings
        self.options = options
        self.ledger = ledger
        self.reporter = reporter
        self.result = result
        self.tally = result.tally
        self.stopping = False
        self.fatal: CouncilOcrError | None = None
        #: Finished records when there is no output folder (``--json`` only).
        self.memory: list[Record] = []
        #: Loads the models while the first pages are read (see :meth:`schedule`).
        self.warming: threading.Thread | None = None

    # -- deciding -------------------------------------------------------------------------

    def execute(self, documents: list[Document]) -> None:
        todo = []
        for document in documents:
            if self.stopping:
                break
            try:
                if not self.decide(document):
                    todo.append(document)
            except CouncilOcrError as exc:
                self.fail(document, Failed(type(exc).__name__, exc.message, int(exc.exit_code)))
            self.reporter.update()
        if todo and not self.stopping:
            with _stop_on_signals(self.stop):
                self.schedule(todo)
        if self.stopping:
            self.result.interrupted = self.fatal is None
            self.mark_unprocessed(todo)

    def decide(self, document: Document) -> bool:
        """Skip or reuse the document if possible (True); False: it must be processed."""
        try:
            stat = document.path.stat()
        except FileNotFoundError as exc:
            raise InputFileError("no such file", document.path) from exc
        except OSError as exc:
            raise InputFileError(f"cannot read: {exc.strerror}", document.path) from exc
        if document.path.is_dir():
            raise InputFileError("is a directory", document.path)
        document.size, document.mtime_ns = stat.st_size, stat.st_mtime_ns
        entry = self.ledger.get(document.key)
        if entry and (entry.size, entry.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            document.sha256 = entry.sha256  # unchanged size and time: trust the stored hash
        else:
            document.sha256 = _sha256(document.path)
        if self.options.force or self.options.out_dir is None:
            return False
        config = self.settings.config_hash
        if entry and entry.sha256 == document.sha256 and entry.config_hash == config:
            if entry.status == "ok" and self._outputs_exist(entry) and self._has_layouts(entry):
                if entry.mtime_ns != document.mtime_ns:
                    self.ledger.put(_replace(entry, mtime_ns=document.mtime_ns))
                self.tally.skipped += 1
                return True
            if entry.status == "failed" and not self.options.retry_failed:
                self.result.failed_earlier += 1
                self.tally.skipped += 1
                return True
            return False
        return self.reuse(document)

    def reuse(self, document: Document) -> bool:
        """A file with the same content (renamed, moved or copied) was done before: reuse its
        record under the new path instead of reading the pages again."""
        for twin in self.ledger.by_content(document.sha256, self.settings.config_hash):
            if twin.path == document.key or not self._outputs_exist(twin):
                continue
            old = self._load(twin)
            source = old.source.model_copy(update={"path": document.key})
            record = old.model_copy(update={"source": source})
            moved = not Path(twin.path).exists()
            done = Done(record_json(record), {}, old.source.pages, 0.0)
            self.finished(document, done, record, replaces=twin if moved else None)
            if moved:
                self.reporter.note(f"moved: {twin.path} -> {document.key} (record reused)")
            self.tally.moved += 1
            return True
        return False

    # -- running --------------------------------------------------------------------------

    def schedule(self, documents: list[Document]) -> None:
        workers = self.options.jobs
        inline = False
        if len(documents) == 1 and self.options.executor == "local":
            # One short document: starting a worker process would only cost time.
            _, pages = tasks.page_count(documents[0].path)
            inline = pages <= self.options.pages_per_task
        # Otherwise pages are read in worker processes, one at --jobs 1 too: this process
        # loads the models and cleans beside it (in a thread of the reading process, the
        # loading held the interpreter's lock from the pages: 56.5 s against 46.1 s for the
        # bench's 28 pages at --jobs 1).
        if inline:
            # Pages are read in this process: their modules are imported before the models'
            # thread starts, so that no module is imported by two threads at once.
            import pdfplumber  # noqa: F401
            import pypdfium2  # noqa: F401

            import pipeline.ocr  # noqa: F401
        # The models load while the first pages are read (tasks.warm); finishing waits for them.
        self.warming = threading.Thread(target=tasks.warm, name="warm", daemon=True)
        self.warming.start()
        executor = make_executor(self.options.executor, workers, self.options.scheduler, inline)
        # Largest files first (a file's size stands for its pages): the workers then run out of
        # work together, instead of one reading a long document while the others idle.
        queue: deque[tuple[Callable[..., Any], Document, Any]] = deque(
            (tasks.start, d, None) for d in sorted(documents, key=lambda d: -d.size)
        )
        running: dict[Any, tuple[Callable[..., Any], Document, Any]] = {}
        # A task waits behind each running one, so that a worker goes on to it at once while
        # this process cleans and writes what came back (or waits for the models to load).
        in_flight = 1 if inline else executor.workers * 2
        isolated: set[int] = set()  # documents retried alone after a worker crash
        try:
            while running or (queue and not self.stopping):
                while queue and not self.stopping and len(running) < in_flight:
                    fn, document, arg = queue[0]
                    if id(document) in isolated and running:
                        break  # a suspect runs alone
                    queue.popleft()
                    if document.failed:
                        continue  # a page task of it failed: the rest is not needed
                    try:
                        future = executor.submit(fn, *self._arguments(fn, document, arg))
                    except BrokenProcessPool:
                        # A worker died before its task's future said so (it will, below);
                        # a pool broken with nothing running is started again now.
                        queue.appendleft((fn, document, arg))
                        if not running:
                            executor.restart()
                            continue
                        break
                    running[future] = (fn, document, arg)
                    if id(document) in isolated:
                        break
                crashed = []
                for future in sorted(
                    executor.wait_any(running), key=lambda f: str(running[f][1].path)
                ):
                    fn, document, arg = running.pop(future)
                    try:
                        outcome = future.result()
                    except CancelledError:
                        continue
                    except BrokenProcessPool:
                        crashed.append((fn, document, arg))
                        continue
                    except Exception as exc:  # a worker lost on a cluster, a pickling error
                        outcome = Failed(type(exc).__name__, f"worker failed: {exc}", 15)
                    self.handle(fn, document, outcome, queue)
                    self.reporter.update()
                if crashed:
                    executor.restart()
                    for fn, document, arg in crashed + [running.pop(f) for f in list(running)]:
                        document.crashes += 1
                        if document.crashes >= MAX_CRASHES:
                            message = "the worker process died reading it (crash or out of memory)"
                            self.fail(document, Failed("WorkerCrash", message, 15))
                        else:
                            isolated.add(id(document))
                            queue.appendleft((fn, document, arg))
        finally:
            if self.stopping:
                executor.cancel(running)
            executor.close()

    def _job(self, document: Document) -> Job:
        return Job(
            document.path, document.sha256, self.settings.ocr, self.options.alto, self.options.hocr
        )

    def _arguments(self, fn: Callable[..., Any], document: Document, arg: Any) -> tuple[Any, ...]:
        if fn is tasks.start:
            return (self._job(document), self.options.pages_per_task)
        return (self._job(document), arg)

    def _finish(self, document: Document, source: Input, seconds: float) -> Done | Failed:
        """Clean and extract here, once the models are loaded."""
        if self.warming is not None:
            self.warming.join()
            self.warming = None
        return tasks.finish(self._job(document), self.settings, source, seconds)

    def handle(
        self,
        fn: Callable[..., Any],
        document: Document,
        outcome: Any,
        queue: deque[tuple[Callable[..., Any], Document, Any]],
    ) -> None:
        if document.failed:
            return  # another page task of it failed already
        if isinstance(outcome, Failed):
            self.fail(document, outcome)
        elif isinstance(outcome, Plan):
            document.plan = outcome
            size = self.options.pages_per_task
            chunks = [
                range(a, min(a + size, outcome.pages + 1))
                for a in range(1, outcome.pages + 1, size)
            ]
            document.waiting = len(chunks)
            for chunk in reversed(chunks):  # to the front: a started document finishes first
                queue.appendleft((tasks.read_pages, document, chunk))
        elif isinstance(outcome, Read):
            self.handle(
                fn, document, self._finish(document, outcome.source, outcome.seconds), queue
            )
        elif isinstance(outcome, PagesRead):
            document.pages[outcome.first] = outcome.pages
            document.seconds += outcome.seconds
            document.waiting -= 1
            if document.waiting == 0:
                assert document.plan is not None
                pages = [page for first in sorted(document.pages) for page in document.pages[first]]
                source = Input(document.path, document.sha256, document.plan.media_type, pages)
                self.handle(fn, document, self._finish(document, source, document.seconds), queue)
        elif isinstance(outcome, Done):
            self.finished(document, outcome, Record.model_validate_json(outcome.record_json))
            self.tally.processed += 1
            self.tally.pages += outcome.pages

    def stop(self) -> None:
        if not self.stopping:
            self.stopping = True
            self.reporter.say("stopping after the documents in flight (signal again to abort)")
        else:
            raise KeyboardInterrupt

    # -- recording ------------------------------------------------------------------------

    def finished(
        self, document: Document, done: Done, record: Record, replaces: Entry | None = None
    ) -> None:
        """Write the document's outputs, then commit its ledger row (and drop the row of the
        path it moved from, in the same transaction)."""
        if self.options.out_dir is None:
            self.memory.append(record)
            return
        outputs = write_document(
            self.options.out_dir, document.name, done.record_json, record.text, done.layouts
        )
        previous = replaces or self.ledger.get(document.key)
        entry = self._entry(
            document, "ok", pages=done.pages, seconds=done.seconds, outputs=tuple(outputs)
        )
        self.ledger.put(entry, replaces=replaces.path if replaces else None)
        if previous is not None:
            self._remove_outputs(previous, keep=entry)

    def fail(self, document: Document, failed: Failed) -> None:
        document.failed = True
        if failed.exit_code == ExitCode.missing_dependency:
            # Not the document's fault: stop the run, record nothing against the document.
            if self.fatal is None:
                self.fatal = MissingDependencyError(failed.message)
                self.stopping = True
            return
        self.result.failures.append(Failure(document.key, failed.message, failed.exit_code))
        self.tally.failed += 1
        self.reporter.say(f"error: {document.key}: {failed.message}")
        if document.sha256:  # a file that could not even be read has no ledger row
            entry = self._entry(
                document,
                "failed",
                seconds=failed.seconds,
                error_class=failed.error_class,
                error_message=failed.message,
                exit_code=failed.exit_code,
            )
            self.ledger.put(entry)

    def mark_unprocessed(self, documents: list[Document]) -> None:
        """Documents a stopped run did not reach: ``skipped`` in the ledger (done next run)."""
        for document in documents:
            if document.sha256 and self.ledger.get(document.key) is None:
                self.ledger.put(self._entry(document, "skipped"))

    def _entry(self, document: Document, status: Status, **values: Any) -> Entry:
        return Entry(
            path=document.key,
            sha256=document.sha256,
            size=document.size,
            mtime_ns=document.mtime_ns,
            version=__version__,
            config_hash=self.settings.config_hash,
            status=status,
            finished_at=_now(),
            **values,
        )

    def _outputs_exist(self, entry: Entry) -> bool:
        out = self.options.out_dir
        return (
            out is not None
            and bool(entry.outputs)
            and all((out / o).exists() for o in entry.outputs)
        )

    def _has_layouts(self, entry: Entry) -> bool:
        """False when ``--alto``/``--hocr`` ask for layout files an earlier run did not write
        (plain-text documents have none to write)."""
        wanted = [
            s for s, on in ((".alto.xml", self.options.alto), (".hocr", self.options.hocr)) if on
        ]
        if all(any(o.endswith(suffix) for o in entry.outputs) for suffix in wanted):
            return True
        return self._load(entry).source.media_type == "text/plain"

    def _load(self, entry: Entry) -> Record:
        assert self.options.out_dir is not None
        path = self.options.out_dir / entry.outputs[0]
        return Record.model_validate_json(path.read_text(encoding="utf-8"))

    def _remove_outputs(self, old: Entry, keep: Entry | None) -> None:
        if self.options.out_dir is None:
            return
        for output in set(old.outputs) - set(keep.outputs if keep else ()):
            (self.options.out_dir / output).unlink(missing_ok=True)

    def write_corpus(self) -> list[str]:
        """records.jsonl and summary.csv from every finished document of the ledger (or, with
        no output folder, of this run), in path order."""
        out = self.options.out_dir
        if out is None:
            records = sorted(self.memory, key=lambda r: r.source.path)
        else:
            records = [self._load(e) for e in self.ledger.entries("ok") if self._outputs_exist(e)]
            write_corpus(records, out)
        return [record_json(r, indent=None) for r in records]


def _replace(entry: Entry, **changes: Any) -> Entry:
    return Entry(**{**entry.__dict__, **changes})


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise InputFileError(f"cannot read: {exc.strerror}", path) from exc
    return digest.hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class _stop_on_signals:
    """SIGINT and SIGTERM ask the run to stop after the documents in flight."""

    def __init__(self, stop: Callable[[], None]) -> None:
        self.stop = stop
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> None:
        def handler(signum: int, frame: FrameType | None) -> None:
            self.stop()

        try:
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.previous[sig] = signal.signal(sig, handler)
        except ValueError:  # not the main thread: no signal handling
            self.previous.clear()

    def __exit__(self, *_: object) -> None:
        for sig, previous in self.previous.items():
            signal.signal(sig, previous)
