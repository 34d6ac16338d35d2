"""Run the same per-document jobs on a `dask.distributed` cluster.

Workers run `extractor.parallel.extract_job` on paths (so they must see the same files,
e.g. a shared file system, and have policykg installed); the driver receives the
serialised records and writes them, so a Dask run writes exactly what a local run does.
"""
from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator, Sequence

from extractor.errors import ExtractorError
from extractor.parallel import Failure, Outcome, extract_job, warm_up

IN_FLIGHT_PER_WORKER = 4
"""Jobs queued per worker thread: enough to keep workers busy, few enough to bound memory."""


def _connect(stack: contextlib.ExitStack, address: str, workers: int):  # noqa: ANN202 - lazy import
    from distributed import Client, LocalCluster

    if address == "local":
        cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1,
                                                   processes=True, dashboard_address=None))
        return stack.enter_context(Client(cluster))
    try:
        # The connect timeout comes from Dask's config (distributed.comm.timeouts.connect).
        return stack.enter_context(Client(address))
    except (OSError, TimeoutError, ValueError) as err:  # ValueError: an address without a port
        raise ExtractorError(f"cannot reach the Dask scheduler at {address}: {err}",
                             hint="check the address, or use --dask local") from None


def imap_unordered(jobs: Sequence[tuple[str, str | None]], *, address: str, workers: int,
                   timeout: float | None) -> Iterator[Outcome]:
    """Run `(path, doc_id)` jobs on the cluster at `address` ("local" starts one here).

    Raises:
        ExtractorError: the scheduler cannot be reached.
    """
    from distributed import as_completed

    with contextlib.ExitStack() as stack:
        client = _connect(stack, address, workers)
        client.run(warm_up)
        threads = max(1, sum(client.nthreads().values()))
        todo = iter(jobs)
        paths = {}

        def submit(job: tuple[str, str | None]):  # noqa: ANN202
            # pure=False: a fresh key each run, so an edited file is never served a cached result.
            future = client.submit(extract_job, job[0], job[1], timeout, pure=False)
            paths[future.key] = job[0]
            return future

        # islice, not zip(todo, range(n)): zip pulls one job past the n-th and drops it.
        first = [submit(job) for job in itertools.islice(todo, threads * IN_FLIGHT_PER_WORKER)]
        running = as_completed(first)
        for future in running:
            try:
                outcome = future.result()
            except Exception as err:  # noqa: BLE001 - e.g. KilledWorker: one failure, the batch goes on
                path = paths[future.key]
                outcome = Outcome(path, failure=Failure(path, f"the Dask task failed: {type(err).__name__}: {err}",
                                                        "see the worker's log", type(err).__name__))
            paths.pop(future.key, None)
            future.release()
            yield outcome
            nxt = next(todo, None)
            if nxt is not None:
                running.add(submit(nxt))
