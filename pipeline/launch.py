"""The ``council-ocr`` command: start the workers' fork server, then everything else.

A local batch run (``council-ocr run``) reads with worker processes forked from a server that
has imported what reading needs (:data:`WORKER_MODULES`, about 0.3 s). Started before the
command imports cleanup and extraction (another 0.35 s), the server imports on the second
core while this process does; the first page is read that much sooner. This module imports
nothing of council-ocr's own before it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

#: What a worker needs, imported once by the fork server (pipeline.batch.executors).
WORKER_MODULES = ["pipeline.batch.tasks", "pipeline.ocr"]


def runs_local_batch(args: Sequence[str]) -> bool:
    """Will these arguments run a batch with local worker processes (not on Dask)?

    >>> runs_local_batch(["run", "scans/", "--out", "out/"]), runs_local_batch(["status", "out/"])
    (True, False)
    >>> runs_local_batch(["run", "scans/", "--out", "out/", "--executor=dask"])
    False
    """
    return bool(args) and args[0] == "run" and not any("dask" in arg for arg in args)


def start_fork_server() -> None:
    """Start the fork server the local executor's workers come from (it imports
    :data:`WORKER_MODULES` in its own process; this call does not wait for it)."""
    import multiprocessing
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(WORKER_MODULES)
    forkserver.ensure_running()


def entry() -> None:
    if runs_local_batch(sys.argv[1:]):
        start_fork_server()
    from pipeline.cli import entry as command

    command()


if __name__ == "__main__":
    entry()
