"""Where tasks run: local worker processes, or a Dask distributed cluster.

Both give the coordinator the same three operations (submit, wait for any, close); tasks are
the plain functions of :mod:`pipeline.batch.tasks`, so results are the same on either.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Protocol

from pipeline.batch.tasks import init_worker
from pipeline.errors import MissingDependencyError, UsageError
from pipeline.launch import WORKER_MODULES


class Executor(Protocol):
    workers: int

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any: ...

    def wait_any(self, futures: Iterable[Any]) -> set[Any]: ...

    def cancel(self, futures: Iterable[Any]) -> None: ...

    def restart(self) -> None: ...

    def close(self) -> None: ...


class InlineExecutor:
    """Tasks run one after the other in this process (no worker start-up): for one short
    document."""

    workers = 1

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # tasks return failures; this is a bug or Ctrl-C
            future.set_exception(exc)
        return future

    def wait_any(self, futures: Iterable[Future[Any]]) -> set[Future[Any]]:
        return set(futures)

    def cancel(self, futures: Iterable[Future[Any]]) -> None:
        pass

    def restart(self) -> None:
        pass

    def close(self) -> None:
        pass


class LocalExecutor:
    """Worker processes on this machine (forkserver: workers start clean, not as copies of a
    coordinator that may hold threads and open files)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        # Workers fork from a server that has imported what reading needs; they load no
        # models (the coordinator cleans and extracts: pipeline.batch.tasks).
        context.set_forkserver_preload(WORKER_MODULES)  # the server may run already (launch)
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=init_worker)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        return self._pool.submit(fn, *args)

    def wait_any(self, futures: Iterable[Future[Any]]) -> set[Future[Any]]:
        done, _ = wait(list(futures), return_when=FIRST_COMPLETED)
        return set(done)

    def cancel(self, futures: Iterable[Future[Any]]) -> None:
        for future in futures:
            future.cancel()

    def restart(self) -> None:
        """A worker died (killed, out of memory, a crash in a C library): its pool's other
        workers are killed too (the runner sends their documents again) and a new pool starts.

        The pool terminates them itself, but not a worker it started while it broke (a task
        sent as the worker died): that one waited for tasks forever, and so did the pool's
        shutdown and this process's exit (1 run in 8 with a worker killed by SIGSEGV, Python
        3.11; tests/test_batch.py)."""
        _kill_workers(self._pool)
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._new_pool()

    def close(self) -> None:
        if getattr(self._pool, "_broken", False):
            _kill_workers(self._pool)
        self._pool.shutdown(wait=True, cancel_futures=True)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Kill every worker process of ``pool`` (CPython keeps them in ``_processes``)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()


class DaskExecutor:
    """Tasks on a Dask distributed cluster: ``scheduler`` (``tcp://host:8786``), else
    ``DASK_SCHEDULER_ADDRESS``, else a LocalCluster of ``workers`` single-threaded processes."""

    def __init__(self, workers: int, scheduler: str | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise MissingDependencyError(
                "--executor dask needs dask[distributed]: pip install 'council-ocr[dask]'"
            ) from exc
        address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS")
        self._cluster = None
        os.environ["OMP_THREAD_LIMIT"] = "1"  # inherited by LocalCluster's worker processes
        try:
            if address:
                self._client = Client(address, timeout="30s")
            else:
                self._cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=40,
                )
                self._client = Client(self._cluster)
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler {address}: {exc}") from exc
        self.workers = workers if self._cluster else max(1, _cluster_threads(self._client))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self._client.submit(fn, *args, pure=False)

    def wait_any(self, futures: Iterable[Any]) -> set[Any]:
        from distributed import wait as dask_wait

        done, _ = dask_wait(list(futures), return_when="FIRST_COMPLETED")
        return set(done)

    def cancel(self, futures: Iterable[Any]) -> None:
        self._client.cancel(list(futures))

    def restart(self) -> None:
        """Dask replaces lost workers itself."""

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _cluster_threads(client: Any) -> int:
    info = client.scheduler_info()
    return sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values())


def make_executor(
    kind: str, workers: int, scheduler: str | None = None, inline: bool = False
) -> Executor:
    """The executor of ``--executor kind``; ``inline``: the local one runs tasks in this
    process (one short document)."""
    if kind == "local":
        return InlineExecutor() if inline else LocalExecutor(workers)
    if kind == "dask":
        return DaskExecutor(workers, scheduler)
    raise UsageError(f"executor must be local or dask, not {kind!r}")
