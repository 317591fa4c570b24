"""Batch runs over folders of documents: a ledger, parallel workers, atomic outputs, resume.

``run_batch`` is the library entry point behind ``council-ocr run``; ``Ledger`` is what
``council-ocr status`` reads.
"""

from pipeline.batch.ledger import LEDGER_NAME, Entry, Ledger
from pipeline.batch.runner import BatchOptions, BatchResult, discover, run_batch

__all__ = [
    "LEDGER_NAME",
    "BatchOptions",
    "BatchResult",
    "Entry",
    "Ledger",
    "discover",
    "run_batch",
]
