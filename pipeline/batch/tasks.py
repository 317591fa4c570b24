"""What a worker computes: plain functions of picklable arguments, the same for every executor.

Workers read pages (render or decode, OCR, text layers); the coordinator cleans and extracts
(``finish``): it loads the lexicon and the spaCy pipeline once, while the workers read, where
each worker loading them cost about 2 s of CPU before its first page.

A document is read in one task (``start``) when it is short. A long PDF or TIFF comes back as
a :class:`Plan`; its pages are then read in page tasks (``read_pages``) spread over the
workers. Workers never write outputs or the ledger: they return results, and errors as
:class:`Failed`, never as exceptions (an exception object may not survive pickling, and one
document's error must not stop the run).
"""

from __future__ import annotations

import gc
import os
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import CouncilOcrError, ExitCode
from pipeline.ingest import Input, OcrSettings, PageText, read_input, sniff

if TYPE_CHECKING:
    from pipeline.run import Settings

#: Documents with more pages than this are split into page tasks of this many pages.
PAGES_PER_TASK = 8


@dataclass(frozen=True)
class Job:
    """A document to read: what a worker needs (not the cleanup settings, whose module it then
    would import)."""

    path: Path
    sha256: str
    ocr: OcrSettings
    alto: bool = False
    hocr: bool = False


@dataclass(frozen=True)
class Plan:
    """A long document: read it in page tasks."""

    media_type: str
    pages: int


@dataclass(frozen=True)
class Done:
    record_json: str
    #: Output suffix -> content, for the optional layout files (ALTO, hOCR).
    layouts: dict[str, str]
    pages: int
    seconds: float


@dataclass(frozen=True)
class Failed:
    error_class: str
    message: str
    exit_code: int
    seconds: float = 0.0


@dataclass(frozen=True)
class Read:
    """A short document, read whole (to be finished by the coordinator)."""

    source: Input
    seconds: float


@dataclass(frozen=True)
class PagesRead:
    first: int
    pages: list[PageText]
    seconds: float


def init_worker() -> None:
    """Worker process set-up: one Tesseract thread, read by its library in this process
    (:mod:`pipeline.engine`), and Ctrl-C is the coordinator's business (it lets documents in
    flight finish instead of killing them)."""
    import signal
    import warnings

    from pipeline.engine import read_in_this_process

    os.environ["OMP_THREAD_LIMIT"] = "1"
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    read_in_this_process()  # a crash of Tesseract's library costs this worker, not the run
    # Pillow's notes on damaged files (the document's error says it) would garble the bar.
    warnings.filterwarnings("ignore", module="PIL")


def start(job: Job, pages_per_task: int = PAGES_PER_TASK) -> Read | Plan | Failed:
    """Read a short document whole; a long one becomes a :class:`Plan`."""
    began = time.perf_counter()
    try:
        media_type, count = page_count(job.path)
        if count > pages_per_task:
            return Plan(media_type, count)
        return Read(read_input(job.path, job.ocr), _since(began))
    except Exception as exc:  # one document's failure is a result, not a crash
        return _failed(exc, began)


def read_pages(job: Job, pages: range) -> PagesRead | Failed:
    """Read (render and OCR, or take the text layer of) some pages of a long document."""
    began = time.perf_counter()
    try:
        source = read_input(job.path, job.ocr, pages)
    except Exception as exc:
        return _failed(exc, began)
    return PagesRead(pages.start, source.pages, time.perf_counter() - began)


def finish(job: Job, settings: Settings, source: Input, seconds: float) -> Done | Failed:
    """Clean and extract a read document (in the coordinator); ``seconds``: reading took."""
    began = time.perf_counter() - seconds
    try:
        from pipeline.run import process_input

        record = process_input(source, settings)
        layouts: dict[str, str] = {}
        if job.alto or job.hocr:
            from pipeline.layout import layout_outputs

            layouts = layout_outputs(source, alto=job.alto, hocr=job.hocr)
        return Done(record.model_dump_json(indent=2), layouts, len(source.pages), _since(began))
    except Exception as exc:
        return _failed(exc, began)


def warm() -> None:
    """Load what ``finish`` needs (spaCy and its pipeline; the lexicon's files, which are
    mapped, not read), in a thread of the coordinator while the first pages are read; a
    missing piece is reported by the document that needs it.

    The cyclic garbage collector pauses meanwhile, and what was loaded is then frozen out of
    its passes (``gc.freeze``): it lives as long as the process, and the collections that
    finishing documents sets off need not walk it again."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from pipeline.extract.nlp import load_pipeline
        from pipeline.lexicon import default_lexicon

        default_lexicon().zipf("Beschluss")
        load_pipeline()
    except Exception:
        return
    finally:
        gc.freeze()
        # as found (srsly, loading the spaCy pipeline, switches it on whatever it was)
        (gc.enable if collecting else gc.disable)()


def page_count(path: Path) -> tuple[str, int]:
    """Media type and page count, cheaply; 1 when it cannot tell (the full read then reports
    the problem with a proper message)."""
    with path.open("rb") as handle:
        media_type = sniff(handle.read(16))
    try:
        if media_type == "application/pdf":
            import pypdfium2

            document = pypdfium2.PdfDocument(str(path))
            try:
                return media_type, len(document)
            finally:
                document.close()
        if media_type == "image/tiff":
            from PIL import Image

            with Image.open(path) as image:
                return media_type, int(getattr(image, "n_frames", 1))
    except Exception:
        return media_type, 1
    return media_type, 1


def _failed(exc: BaseException, began: float) -> Failed:
    if isinstance(exc, CouncilOcrError):
        return Failed(type(exc).__name__, exc.message, int(exc.exit_code), _since(began))
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    place = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    return Failed(
        type(exc).__name__,
        f"internal error{place}: {exc} (please report this with the input)",
        int(ExitCode.internal_error),
        _since(began),
    )


def _since(began: float) -> float:
    return round(time.perf_counter() - began, 3)
