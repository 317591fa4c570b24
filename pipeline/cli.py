"""Command line: ``council-ocr run|status|clean|eval|schema``. Data to stdout or files, messages to stderr."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pipeline import __version__
from pipeline.cleanup import REPAIR_NAMES, CleanupConfig, clean
from pipeline.errors import CouncilOcrError, ExitCode, InputFileError, UsageError
from pipeline.export import write_atomic
from pipeline.ingest import OcrSettings, read_input
from pipeline.models import record_json_schema
from pipeline.run import Settings


def _say(message: str) -> None:
    print(f"council-ocr: {message}", file=sys.stderr)


def _settings(args: argparse.Namespace) -> Settings:
    try:
        ocr = OcrSettings(
            mode=args.mode,
            lang=args.lang,
            dpi=args.dpi,
            page_timeout=args.page_timeout,
            median_filter=3 if args.despeckle else 0,
            drop_stamps=not args.keep_stamps,
            drop_specks=not args.keep_specks,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    return Settings(
        cleanup=CleanupConfig(disabled=frozenset(args.disable or ())),
        officeholders_file=args.officeholders,
        ocr=ocr,
    )


def cmd_run(args: argparse.Namespace) -> ExitCode:
    from pipeline.batch import BatchOptions, run_batch

    if args.out is None and args.json is None:
        raise UsageError("give --out DIR or --json - (or a file)")
    settings = _settings(args)
    _ = settings.officeholders  # a bad office holders file stops the run before any document
    try:
        options = BatchOptions(
            out_dir=args.out,
            jobs=args.jobs,
            force=args.force,
            retry_failed=args.retry_failed,
            executor=args.executor,
            scheduler=args.scheduler,
            alto=args.alto,
            hocr=args.hocr,
            pages_per_task=args.pages_per_task,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    result = run_batch(args.inputs, settings, options, quiet=args.quiet)
    if args.json is not None:
        body = "".join(line + "\n" for line in result.records)
        if str(args.json) == "-":
            sys.stdout.write(body)
        else:
            write_atomic(args.json, body)
    return result.exit_code


def cmd_status(args: argparse.Namespace) -> ExitCode:
    from pipeline.batch import LEDGER_NAME, Ledger

    path = args.out / LEDGER_NAME
    if not path.is_file():
        raise InputFileError(
            f"no ledger ({LEDGER_NAME}): not an output folder of council-ocr run", args.out
        )
    ledger = Ledger(path)
    entries = list(ledger.entries())
    counts = ledger.counts()
    runs = ledger.last_runs()
    ledger.close()
    failures = [e for e in entries if e.status == "failed"]
    if args.json:
        report = {
            "ledger": str(path),
            "documents": len(entries),
            "counts": counts,
            "pages": sum(e.pages or 0 for e in entries if e.status == "ok"),
            "failures": [
                {
                    "path": e.path,
                    "error_class": e.error_class,
                    "message": e.error_message,
                    "exit_code": e.exit_code,
                }
                for e in failures
            ],
            "runs": runs,
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return ExitCode.ok
    print(f"{path}: {len(entries)} documents")
    for status in ("ok", "failed", "skipped"):
        print(f"  {status:8} {counts.get(status, 0)}")
    if failures:
        print("failed:")
        for entry in failures:
            print(f"  {entry.path}: {entry.error_class}: {entry.error_message}")
    if runs:
        last = runs[0]
        print(
            f"last run: {last['started_at']} to {last['finished_at'] or '(did not finish)'}, "
            f"{last['processed'] or 0} processed, {last['skipped'] or 0} skipped, "
            f"{last['failed'] or 0} failed, {last['pages'] or 0} pages"
            + (" (interrupted)" if last["interrupted"] else "")
        )
    return ExitCode.ok


def cmd_clean(args: argparse.Namespace) -> ExitCode:
    source = read_input(args.input, _settings(args).ocr)
    result = clean(source.text, _settings(args).cleanup)
    sys.stdout.write(result.text)
    if args.log:
        for repair in result.repairs:
            print(json.dumps(repair.model_dump(), ensure_ascii=False), file=sys.stderr)
    return ExitCode.ok


def cmd_eval(args: argparse.Namespace) -> ExitCode:
    from pipeline.evaluate import evaluate_dir, load_records, report, summary

    for folder in (args.truth, args.pred):
        if not folder.is_dir():
            raise InputFileError("not a folder", folder)
    records = load_records(args.pred)
    if not records:
        raise InputFileError("no records (*.json) in the folder", args.pred)
    raw = {}
    for doc_id, record in records.items():  # the raw text of text inputs, for the raw WER
        source = Path(record.source.path)
        if record.source.media_type == "text/plain" and source.exists():
            raw[doc_id] = source.read_text(encoding="utf-8")
    scores = evaluate_dir(args.truth, records, raw)
    if args.json:
        print(json.dumps(summary(scores), ensure_ascii=False, indent=2))
    else:
        print(report(scores))
    return ExitCode.ok


def cmd_schema(args: argparse.Namespace) -> ExitCode:
    print(json.dumps(record_json_schema(), indent=2, ensure_ascii=False))
    return ExitCode.ok


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="council-ocr",
        description="Clean OCR text of German council documents and extract audited records.",
    )
    parser.add_argument("--version", action="version", version=f"council-ocr {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--disable",
            action="append",
            choices=REPAIR_NAMES,
            metavar="REPAIR",
            help=f"switch a repair off (repeatable): {', '.join(REPAIR_NAMES)}",
        )
        p.add_argument(
            "--mode",
            choices=("auto", "skip-text", "force"),
            default="auto",
            help="PDF pages: auto (OCR a page unless its text layer reads well), "
            "skip-text (never OCR a page with text), force (OCR every page)",
        )
        p.add_argument("--lang", default="deu", help="Tesseract language(s), e.g. deu or deu+eng")
        p.add_argument("--dpi", type=int, default=300, help="resolution for rendering PDF pages")
        p.add_argument(
            "--page-timeout",
            type=float,
            default=180.0,
            metavar="SECONDS",
            help="OCR time limit per page; a page over it is left empty with a warning",
        )
        p.add_argument(
            "--despeckle",
            action="store_true",
            help="3x3 median filter on scanned pages before OCR: better on speckled or "
            "JPEG-damaged scans, can misread identifiers on clean ones",
        )
        p.add_argument(
            "--keep-stamps",
            action="store_true",
            help="read grey pages with their stamps (by default mid-grey stamp ink is set to "
            "paper before OCR; the regions are listed per page in the record)",
        )
        p.add_argument(
            "--keep-specks",
            action="store_true",
            help="read pages with their specks (by default small dots with no other ink near "
            "them are set to paper before OCR; the record counts them per page)",
        )
        p.add_argument(
            "--officeholders",
            type=Path,
            metavar="TSV",
            help="file of 'name<TAB>role' lines; signatures are matched against it",
        )

    run = sub.add_parser("run", help="process files or folders into JSON records")
    run.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or folders")
    run.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="write DIR/<name>.json, DIR/text/<name>.txt, DIR/records.jsonl, DIR/summary.csv "
        "and the ledger DIR/ledger.sqlite (documents done before are skipped)",
    )
    run.add_argument(
        "--json", type=Path, metavar="FILE", help="write the records as JSONL to FILE ('-': stdout)"
    )
    run.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr")
    run.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: the number of cores; 1 runs in this process)",
    )
    run.add_argument(
        "--force", action="store_true", help="process every document again, even if unchanged"
    )
    run.add_argument(
        "--retry-failed",
        action="store_true",
        help="process documents that failed in an earlier run again (otherwise they are skipped)",
    )
    run.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="local worker processes, or a Dask distributed cluster",
    )
    run.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler, e.g. tcp://host:8786 (default: $DASK_SCHEDULER_ADDRESS, "
        "else a local cluster of --jobs workers)",
    )
    run.add_argument(
        "--pages-per-task",
        type=int,
        default=8,
        metavar="N",
        help="documents longer than N pages are read in tasks of N pages spread over the workers",
    )
    run.add_argument(
        "--alto", action="store_true", help="also write <name>.alto.xml (ALTO XML word boxes)"
    )
    run.add_argument("--hocr", action="store_true", help="also write <name>.hocr (hOCR)")
    common(run)
    run.set_defaults(func=cmd_run)

    cleaner = sub.add_parser("clean", help="print the cleaned text of one file")
    cleaner.add_argument("input", type=Path, metavar="FILE", help="OCR text file")
    cleaner.add_argument(
        "--log", action="store_true", help="print the repair log (JSON lines) to stderr"
    )
    common(cleaner)
    cleaner.set_defaults(func=cmd_clean)

    evaluate = sub.add_parser("eval", help="score records against ground truth (*.truth.json)")
    evaluate.add_argument(
        "--truth", type=Path, required=True, metavar="DIR", help="folder of <id>.truth.json"
    )
    evaluate.add_argument(
        "--pred", type=Path, required=True, metavar="DIR", help="folder of records (run --out)"
    )
    evaluate.add_argument("--json", action="store_true", help="JSON instead of a table")
    evaluate.set_defaults(func=cmd_eval)

    status = sub.add_parser("status", help="show the ledger of an output folder")
    status.add_argument("out", type=Path, metavar="OUT_DIR", help="output folder of a run")
    status.add_argument("--json", action="store_true", help="JSON instead of text")
    status.set_defaults(func=cmd_status)

    schema = sub.add_parser("schema", help="print the JSON Schema of the record")
    schema.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help exits 0, usage errors 2
        return int(exc.code or 0)
    try:
        return int(args.func(args))
    except CouncilOcrError as exc:
        _say(f"error: {exc}")
        return int(exc.exit_code)
    except KeyboardInterrupt:
        _say("interrupted")
        return int(ExitCode.interrupted)
    except Exception as exc:  # the one place that turns a bug into a message and a code
        _say(f"internal error: {type(exc).__name__}: {exc} (please report this with the input)")
        return int(ExitCode.internal_error)


def entry() -> None:
    """The ``council-ocr`` command: :func:`main`, then leave at once. By then every output is
    written, synced and closed and the worker processes are gone; tearing the interpreter
    down would only free the lexicon and the spaCy pipeline object by object (0.4 s)."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:  # a closed pipe (| head): nothing more can be said there
            code = code or int(ExitCode.output_error)
    os._exit(code)


if __name__ == "__main__":
    entry()
