"""Batch runs over folders of documents: a ledger, parallel workers, atomic outputs, resume.

``run_batch`` is the library entry point behind ``council-ocr run``; ``Ledger`` is what
``council-ocr status`` reads. Both are imported on first use, so that a worker process, which
imports only :mod:`pipeline.batch.tasks`, does not load the coordinator's modules.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.batch.ledger import LEDGER_NAME, Entry, Ledger
    from pipeline.batch.runner import BatchOptions, BatchResult, discover, run_batch

_WHERE = {
    "LEDGER_NAME": "ledger",
    "Entry": "ledger",
    "Ledger": "ledger",
    "BatchOptions": "runner",
    "BatchResult": "runner",
    "discover": "runner",
    "run_batch": "runner",
}

__all__ = [
    "LEDGER_NAME",
    "BatchOptions",
    "BatchResult",
    "Entry",
    "Ledger",
    "discover",
    "run_batch",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'pipeline.batch' has no attribute {name!r}")
    return getattr(importlib.import_module(f"pipeline.batch.{_WHERE[name]}"), name)
