"""Extract documents in worker processes that load the heavy resources once.

One job is one file: `extract_job` turns it into the serialised record (or one clean
failure) under a per-document time limit, and never raises, so a bad file never stops a
batch. `imap_unordered` runs jobs on a small pool of processes of its own rather than
`concurrent.futures`, because a document that hangs inside C code must be killed without
breaking the pool: the parent kills that one worker, reports the timeout and starts a
fresh worker.
"""
from __future__ import annotations

import contextlib
import logging
import multiprocessing
import re
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from extractor.errors import DocumentTimeoutError, ExtractorError, IngestError

T = TypeVar("T")

WARM_UP_TEXT = "到2025年，全省高新技术企业数量达到4000家，研发投入增长10%以上。（省科技厅牵头，省财政厅配合）\n"
"""A tiny document in ordinary policy language: enough to make every stage load its lexicons."""

KILL_GRACE = 5.0
"""Seconds past the time limit before the parent kills a worker that did not stop by itself."""

MEMORY_LIMIT = 2 << 30
"""Bytes of address space one document may add to its process (workers ~0.2 GB warm)."""

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")

START_GRACE = 120.0
"""Seconds a new worker may take to import and warm up before it counts as hung."""


@dataclass(frozen=True)
class Counts:
    """What records hold, summed over a batch."""

    documents: int = 0
    pages: int = 0
    sections: int = 0
    tasks: int = 0
    targets: int = 0
    organisations: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple())))

    def as_tuple(self) -> tuple[int, ...]:
        return (self.documents, self.pages, self.sections, self.tasks, self.targets, self.organisations)


def count_record(record: dict[str, Any]) -> Counts:
    """Counts of one record (a record from an older run may lack a list: it counts 0)."""
    return Counts(
        documents=1,
        pages=int(record.get("document", {}).get("pages") or 0),
        sections=len(record.get("sections") or ()),
        tasks=len(record.get("tasks") or ()),
        targets=len(record.get("targets") or ()),
        organisations=len(record.get("organisations") or ()),
    )


@dataclass(frozen=True)
class Failure:
    """One file that could not be extracted, with the error's class and a hint."""

    path: str
    problem: str
    hint: str | None = None
    kind: str = "ExtractorError"


@dataclass(frozen=True)
class Outcome:
    """The result of one job: the serialised record and its counts, or a failure."""

    path: str
    text: str | None = None
    counts: Counts = Counts()
    failure: Failure | None = None


def _timeout_error(path: str, seconds: float) -> DocumentTimeoutError:
    return DocumentTimeoutError(f"took longer than the {seconds:g} s limit", path=path,
                                hint="raise --timeout, or split the document")


def _failed(path: str, err: ExtractorError) -> Outcome:
    return Outcome(path, failure=Failure(path, err.problem, err.hint, type(err).__name__))


class _Deadline(BaseException):
    """The time limit struck: a BaseException, so no reader's `except Exception` swallows it.

    The DOCX, PDF and HTML readers wrap their libraries' failures with `except Exception`;
    an `ExtractorError` raised by the alarm inside them became "cannot read the file" and
    the document ran on. Like KeyboardInterrupt, this passes through to `call_with_timeout`.
    """


def call_with_timeout(fn: Callable[[], T], seconds: float | None, *, path: str) -> T:
    """Call `fn()`, raising `DocumentTimeoutError` when it runs longer than `seconds`.

    In a main thread an interval timer interrupts the work itself (Python code and `re`
    both notice signals). Elsewhere (a Dask worker's thread) the work runs in a daemon
    thread that is abandoned on timeout: the batch goes on, the thread finishes in vain.
    """
    if not seconds or seconds <= 0:
        return fn()
    error = _timeout_error(path, seconds)
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGALRM"):
        def _alarm(signum: int, frame: Any) -> None:
            raise _Deadline

        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            try:
                return fn()
            finally:  # disarmed inside the handler's reach: a late alarm is still a timeout
                signal.setitimer(signal.ITIMER_REAL, 0)
        except _Deadline:
            raise error from None
        finally:
            signal.signal(signal.SIGALRM, previous)
    box: list[Any] = []

    def _target() -> None:
        try:
            box.append((True, fn()))
        except BaseException as err:  # handed to the caller's thread below
            box.append((False, err))

    worker = threading.Thread(target=_target, daemon=True, name=f"policykg:{path}")
    worker.start()
    worker.join(seconds)
    if not box:
        raise error
    ok, value = box[0]
    if ok:
        return value
    raise value


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _extract_text(path: str, doc_id: str | None) -> tuple[str, Counts]:
    from extractor.pipeline import extract_file
    from extractor.record import dumps

    if not _utf8(path):
        # Names from a GBK zip archive decode to lone surrogates: no record could hold them.
        raise IngestError("the file name is not valid UTF-8", path=path,
                          hint="rename it to UTF-8, e.g. convmv -f gbk -t utf-8 --notest")
    record = extract_file(path)
    if doc_id is not None:
        # Same-stem inputs get distinct ids chosen by the batch plan, so records never clash.
        record["document"]["id"] = doc_id
    return dumps(record), count_record(record)


def extract_job(path: str, doc_id: str | None = None, timeout: float | None = None) -> Outcome:
    """Extract one file into its serialised record, or one clean failure; never raises.

    Example:
        >>> extract_job("corpus/seeds/003_3f674aba3fe25ad0.txt").failure is None  # doctest: +SKIP
        True
    """
    try:
        text, counts = call_with_timeout(lambda: _extract_text(path, doc_id), timeout, path=path)
    except ExtractorError as err:
        return _failed(path, err)
    except MemoryError:
        return Outcome(path, failure=Failure(
            path, f"needed more than the {MEMORY_LIMIT >> 30} GB memory limit",
            "split the document, or check it is not a decompression bomb", "MemoryLimitError"))
    except Exception as err:  # a bug on one odd file must not lose the rest of the batch
        # Reprs like <PDFObjRef at 0x7f…> differ from run to run: failures.jsonl must not.
        detail = _ADDRESS.sub("", f"{type(err).__name__}: {err}")
        return Outcome(path, failure=Failure(path, f"internal error: {detail}",
                                             "report this file to the policykg maintainers", type(err).__name__))
    return Outcome(path, text=text, counts=counts)


def _address_space() -> int:
    """Bytes of address space this process holds now (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


@contextlib.contextmanager
def memory_limit(limit: int = MEMORY_LIMIT) -> Iterator[None]:
    """Let the block add at most `limit` bytes of address space to this process, then restore.

    An allocation past the cap raises MemoryError inside the document's own work (one
    failure) instead of the machine swapping or the OOM killer choosing a victim. The cap is
    counted from what the process already holds: a host process that loaded libraries
    reserving large address ranges (Arrow, Polars) must not make every document fail.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = _address_space() + limit
    capped = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (capped, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def run_here(jobs: Sequence[tuple[str, str | None]], *, timeout: float | None) -> Iterator[Outcome]:
    """Run `(path, doc_id)` jobs one by one in this process, each under the memory limit."""
    for path, doc_id in jobs:
        with memory_limit():
            outcome = extract_job(path, doc_id, timeout)
        yield outcome


def warm_up() -> None:
    """Load every stage's heavy resources (lexicons, segmenter) by extracting a tiny text."""
    from extractor.model import RawDocument
    from extractor.pipeline import extract_raw
    from extractor.record import to_record

    raw = RawDocument(path="warm-up.txt", format="txt", sha256="0" * 64, pages=(WARM_UP_TEXT,))
    try:
        to_record(extract_raw(raw))
    except Exception:  # noqa: BLE001 - a stage that fails here fails again, reported, on real files
        pass


def _serve(conn: Connection, timeout: float | None) -> None:
    """A worker's loop: warm up, say so, then answer jobs until the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # As in the CLI: pdfminer's recoverable-damage warnings name no file and would
    # interleave across workers; a file that fails is reported once, by name, by the parent.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    warm_up()
    try:
        conn.send(None)
        with memory_limit():
            while (job := conn.recv()) is not None:
                conn.send(extract_job(*job, timeout=timeout))
    except (EOFError, OSError):  # the parent finished or went away: nothing left to do
        return


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: children start clean (no copied threads or locks from a progress bar).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class _Worker:
    """One worker process, the job it holds and when it must answer by."""

    def __init__(self, ctx: multiprocessing.context.BaseContext, timeout: float | None):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, timeout), daemon=True,
                                   name="policykg-worker")
        self.process.start()
        child.close()
        self.ready = False
        self.job: tuple[str, str | None] | None = None
        self.deadline = time.monotonic() + (timeout or 0) + START_GRACE

    def send(self, job: tuple[str, str | None], timeout: float | None) -> None:
        self.job = job
        self.deadline = time.monotonic() + timeout + KILL_GRACE if timeout else float("inf")
        self.conn.send(job)

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.conn.close()
        self.process.join(1 if not kill else None)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def imap_unordered(jobs: Sequence[tuple[str, str | None]], *, workers: int,
                   timeout: float | None) -> Iterator[Outcome]:
    """Run `(path, doc_id)` jobs on `workers` processes; yield outcomes as they finish.

    A job whose worker hangs past the limit, or dies (a crash in C code, the OOM
    killer), yields a failure and the worker is replaced; the other jobs go on.

    Raises:
        ExtractorError: worker processes cannot even start.
    """
    ctx = _context()
    pending = deque(jobs)
    pool = [_Worker(ctx, timeout) for _ in range(max(1, min(workers, len(pending))))]
    try:
        while pending or any(w.job for w in pool):
            for w in pool:
                if w.ready and w.job is None and pending:
                    w.send(pending.popleft(), timeout)
            now = time.monotonic()
            wait_for = max(0.0, min(w.deadline for w in pool) - now)
            for conn in wait([w.conn for w in pool], timeout=min(wait_for, 3600.0)):
                i = next(k for k, w in enumerate(pool) if w.conn is conn)
                w = pool[i]
                try:
                    message = conn.recv()
                except (EOFError, OSError):
                    if not w.ready:
                        raise ExtractorError("a worker process could not start", hint=(
                            "run with --workers 1 to see the error; a script that starts a batch "
                            "must do so under `if __name__ == '__main__':`")) from None
                    w.stop(kill=True)
                    pool[i] = _Worker(ctx, timeout)
                    if w.job is None:  # an idle worker was killed (e.g. by the OOM killer)
                        continue
                    path = w.job[0]
                    yield Outcome(path, failure=Failure(
                        path, f"the worker process died (exit code {w.process.exitcode})",
                        "the file may crash a PDF library; check it opens in a viewer", "WorkerCrash"))
                    continue
                if message is None:
                    w.ready, w.deadline = True, float("inf")
                    continue
                w.job, w.deadline = None, float("inf")
                yield message
            now = time.monotonic()
            for i, w in enumerate(pool):
                if now < w.deadline:
                    continue
                w.stop(kill=True)
                if w.job is None:
                    raise ExtractorError("a worker process did not start in time",
                                         hint="run with --workers 1 to see the error")
                path = w.job[0]
                pool[i] = _Worker(ctx, timeout)
                yield _failed(path, _timeout_error(path, timeout or 0))
    finally:
        for w in pool:
            w.stop(kill=w.job is not None)
