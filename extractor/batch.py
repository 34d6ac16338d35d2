"""Batch extraction over files and directories: parallel, resumable, deterministic.

`run` plans one job per input file, skips inputs whose record is current (same source,
sha256 and extractor version), extracts the rest in worker processes (or on a Dask
cluster), writes each record atomically as it arrives and keeps going past bad files,
which end up in `failures.jsonl`. A record depends only on its input file, so the output
is byte-identical whatever the number of workers or the order of the inputs.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor import __version__, index, parallel
from extractor.atomic import write_atomic
from extractor.discover import Skip, discover
from extractor.errors import ExtractorError
from extractor.ingest import SUPPORTED_SUFFIXES
from extractor.parallel import Counts, Failure, Outcome, count_record

__all__ = ["SUPPORTED_SUFFIXES", "FAILURES_FILE", "DEFAULT_TIMEOUT", "BatchResult", "Failure",
           "Job", "expand_inputs", "plan", "run", "print_summary"]

FAILURES_FILE = "failures.jsonl"
DEFAULT_TIMEOUT = 120.0
"""Seconds one document may take before it is reported as a failure."""


@dataclass(frozen=True)
class Job:
    """One input file and the record file it is extracted into.

    `doc_id` is set only when inputs share a stem: then it is `<stem>-<8 hex of the
    path>` and names both the record file and the record's `document.id`.
    """

    path: Path
    out: Path
    doc_id: str | None = None


@dataclass(frozen=True)
class BatchResult:
    """What a batch did: records written, records already current, and failures.

    `renamed` are the jobs recorded under a tagged name, `passed_over` the collection's
    notes found in folders, `superseded` the records of an earlier run replaced by a
    tagged one (same source file).
    """

    written: tuple[Path, ...] = ()
    failures: tuple[Failure, ...] = ()
    skipped: tuple[Path, ...] = ()
    counts: Counts = Counts()
    renamed: tuple[Job, ...] = field(default=(), repr=False)
    passed_over: tuple[Skip, ...] = ()
    superseded: tuple[Path, ...] = ()

    @property
    def records(self) -> tuple[dict[str, Any], ...]:
        """Every current record of the batch (written or skipped), read from disk."""
        return tuple(json.loads(p.read_text(encoding="utf-8")) for p in (*self.written, *self.skipped))


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and every document file under a named directory (sorted)."""
    yield from discover(inputs).files


def _path_tag(path: Path) -> str:
    # surrogateescape: a name that is not UTF-8 (from a GBK archive) still gets a tag
    return hashlib.sha256(os.path.normpath(str(path)).encode("utf-8", "surrogateescape")).hexdigest()[:8]


def _same_file(source: str, path: Path) -> bool:
    try:
        return os.path.samefile(source, path)
    except OSError:  # the recorded source is gone: compare the names
        return os.path.normcase(os.path.abspath(source)) == os.path.normcase(os.path.abspath(path))


def _source_of(record: Path) -> str | None:
    """The `document.source` of an existing record file, or None when there is none to read."""
    try:
        source = json.loads(record.read_text(encoding="utf-8"))["document"]["source"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return source if isinstance(source, str) else None


def _job(path: Path, out_dir: Path, *, clash: bool) -> Job:
    """The job for `path`: `<stem>.json`, unless that name is, or was in an earlier run, another file's.

    A tagged name once given stays (a later run alone on the file finds it), and a plain
    name already holding a different file's record is never overwritten.
    """
    doc_id = f"{path.stem}-{_path_tag(path)}"
    tagged = Job(path, out_dir / f"{doc_id}.json", doc_id)
    if clash or tagged.out.exists():
        return tagged
    plain = Job(path, out_dir / f"{path.stem}.json")
    source = _source_of(plain.out)
    return tagged if source is not None and not _same_file(source, path) else plain


def _distinct(paths: Iterable[Path]) -> list[Path]:
    by_file: dict[str, Path] = {}
    for path in paths:
        key = os.path.normcase(os.path.abspath(path))
        if key not in by_file or str(path) < str(by_file[key]):
            by_file[key] = path
    return sorted(by_file.values(), key=str)


def plan(inputs: Iterable[str | Path], out_dir: Path) -> tuple[Job, ...]:
    """One job per distinct input file, sorted by path, record names free of clashes.

    The same file named twice (`a/x.txt`, `./a/x.txt`) is one job. Different files with
    the same stem (`2023/通知.txt`, `2024/通知.pdf`) each get `<stem>-<8 hex of the
    path>.json`, so no record overwrites another and the names never depend on order;
    so does a file whose `<stem>.json` in `out_dir` already holds another file's record.
    """
    return _plan_files(discover(inputs).files, out_dir)


def _plan_files(files: Iterable[Path], out_dir: Path) -> tuple[Job, ...]:
    paths = _distinct(files)
    stems = Counter(path.stem.casefold() for path in paths)
    return tuple(_job(path, out_dir, clash=stems[path.stem.casefold()] > 1) for path in paths)


def _remove_superseded(jobs: Iterable[Job]) -> tuple[Path, ...]:
    """Delete plain-named records an earlier run wrote for a file now recorded under its tagged name."""
    removed = []
    for job in jobs:
        plain = job.out.with_name(f"{job.path.stem}.json")
        source = _source_of(plain) if job.doc_id is not None else None
        if source is not None and _same_file(source, job.path):
            plain.unlink(missing_ok=True)
            removed.append(plain)
    return tuple(removed)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def current_record(job: Job) -> dict[str, Any] | None:
    """The job's existing record when it is current (same source, sha256, version), else None."""
    try:
        record = json.loads(job.out.read_text(encoding="utf-8"))
        document = record["document"]
        current = (document.get("source") == str(job.path)
                   and document.get("extractor_version") == __version__
                   and document.get("sha256") == _sha256(job.path))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return record if current else None


def default_workers() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _remove_stale_temporaries(out_dir: Path) -> None:
    # A run killed inside write_atomic leaves `.<name>.json.<random>.tmp`; never a record.
    for tmp in out_dir.glob(".*.json.*.tmp"):
        tmp.unlink(missing_ok=True)


def _write_failures(out_dir: Path, failures: tuple[Failure, ...]) -> None:
    target = out_dir / FAILURES_FILE
    if not failures:
        target.unlink(missing_ok=True)
        return
    rows = ({"file": f.path, "error": f.problem, "kind": f.kind, "hint": f.hint} for f in failures)
    # A file name that is not UTF-8 stays readable as a \udcxx escape rather than breaking the file.
    lines = (json.dumps(row, ensure_ascii=not parallel._utf8(row["file"])) for row in rows)
    write_atomic(target, "".join(f"{line}\n" for line in lines))


def _unwritable(out_dir: Path, err: OSError) -> ExtractorError:
    return ExtractorError(f"cannot write records to {out_dir}: {err.strerror or err}",
                          hint="check the folder is writable and the disk has space; re-run to resume")


def _outcomes(todo: tuple[Job, ...], *, workers: int, timeout: float | None,
              dask: str | None) -> Iterator[Outcome]:
    specs = [(str(job.path), job.doc_id) for job in todo]
    if dask:
        from extractor import dask_runner

        return dask_runner.imap_unordered(specs, address=dask, workers=workers, timeout=timeout)
    if workers <= 1 or len(specs) <= 1:
        # One process: no pool to start, which keeps `policykg extract one.txt` quick.
        return parallel.run_here(specs, timeout=timeout)
    return parallel.imap_unordered(specs, workers=workers, timeout=timeout)


def run(inputs: Iterable[str | Path], out_dir: Path, *, workers: int | None = None,
        force: bool = False, timeout: float | None = DEFAULT_TIMEOUT, dask: str | None = None,
        progress: bool = False, on_outcome: Callable[[Outcome], None] | None = None) -> BatchResult:
    """Extract every input into `out_dir/<stem>.json`; a bad file never stops the batch.

    Every input ends in a record or a failure: a file found in a folder and not read (a
    type no reader takes, a broken link, a folder that cannot be opened) is a failure
    too, except the collection's own notes (README.md), which are listed as passed over.

    Args:
        inputs: files and directories (directories are searched recursively).
        out_dir: where records and `failures.jsonl` go.
        workers: processes on this machine (default: all cores); 1 runs in this process.
        force: re-extract inputs whose record is already current.
        timeout: seconds per document before it counts as failed (None: no limit).
        dask: a scheduler address (`tcp://host:8786`) or "local" to run on Dask.
        progress: show a progress bar on stderr.
        on_outcome: called with each finished job, e.g. to report progress elsewhere.

    Raises:
        ExtractorError: the output folder is not writable or another run is writing to
            it; the Dask scheduler cannot be reached or workers cannot start.

    Example:
        >>> result = run(["corpus/seeds"], Path("out/records"), workers=2)  # doctest: +SKIP
        >>> len(result.written) + len(result.skipped), result.failures
        (5, ())
    """
    out_dir = Path(out_dir)
    found = discover(inputs)
    with _exclusive(out_dir):
        _remove_stale_temporaries(out_dir)
        jobs = _plan_files(found.files, out_dir)
        skipped, todo, counts = _current(jobs, force=force)
        bar = _ProgressBar(len(todo), len(skipped)) if progress and todo else None
        try:
            written, failures, new_counts = _extract(todo, out_dir, workers=workers or default_workers(),
                                                     timeout=timeout, dask=dask, bar=bar, on_outcome=on_outcome)
        finally:
            if bar is not None:
                bar.close()
        failures += [Failure(str(skip.path), skip.reason, _SKIP_HINT, "SkippedFile")
                     for skip in found.skipped if not skip.notes]
        failures.sort(key=lambda f: f.path)
        _write_failures(out_dir, tuple(failures))
        done = set(written) | set(skipped)
        superseded = _remove_superseded(job for job in jobs if job.out in done)
        index.refresh(out_dir)  # only the records written or removed now are re-read
    return BatchResult(
        written=tuple(job.out for job in todo if job.out in written),
        failures=tuple(failures),
        skipped=tuple(skipped),
        counts=counts + new_counts,
        renamed=tuple(job for job in jobs if job.doc_id is not None and job.out in done),
        passed_over=tuple(skip for skip in found.skipped if skip.notes),
        superseded=superseded,
    )


_SKIP_HINT = "convert it to a type policykg reads, or move it out of the folder"
LOCK_FILE = ".policykg.lock"


@contextlib.contextmanager
def _exclusive(out_dir: Path) -> Iterator[None]:
    """Hold `out_dir` for this run: a second run into it stops at once with one line.

    Without it the second run deletes the first's temporary files as stale and the
    first aborts. The lock is released by the kernel when a run dies, so a kill never
    leaves the folder locked.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle = (out_dir / LOCK_FILE).open("a")
    except OSError as err:
        raise _unwritable(out_dir, err) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise ExtractorError(f"another policykg extract is writing to {out_dir}",
                                 hint="wait for it to finish, or choose another --out") from None
        yield


def _current(jobs: tuple[Job, ...], *, force: bool) -> tuple[list[Path], list[Job], Counts]:
    """Records already current (kept as they are), the jobs still to do, and the kept records' counts."""
    skipped, todo, counts = [], [], Counts()
    for job in jobs:
        record = None if force else current_record(job)
        if record is None:
            todo.append(job)
        else:
            skipped.append(job.out)
            counts += count_record(record)
    return skipped, todo, counts


def _extract(todo: list[Job], out_dir: Path, *, workers: int, timeout: float | None, dask: str | None,
             bar: _ProgressBar | None, on_outcome: Callable[[Outcome], None] | None,
             ) -> tuple[set[Path], list[Failure], Counts]:
    """Run the jobs, writing each record atomically as it arrives."""
    by_path = {str(job.path): job for job in todo}
    written: set[Path] = set()
    failures: list[Failure] = []
    counts = Counts()
    for outcome in _outcomes(tuple(todo), workers=workers, timeout=timeout, dask=dask):
        if outcome.failure is not None:
            failures.append(outcome.failure)
        else:
            job = by_path[outcome.path]
            try:
                write_atomic(job.out, outcome.text)
            except OSError as err:  # disk full, permissions: nothing further can be saved
                raise _unwritable(out_dir, err) from None
            written.add(job.out)
            counts += outcome.counts
        if bar is not None:
            bar.advance(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return written, failures, counts


class _ProgressBar:
    """A rich progress bar on stderr: documents done, documents/s, failures, ETA."""

    def __init__(self, total: int, skipped: int):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.failed = 0
        note = f" ({skipped} current, skipped)" if skipped else ""
        self.progress = Progress(
            TextColumn("[bold]extracting[/]{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[rate]} docs/s"), TextColumn("{task.fields[failed]}"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False)
        self.task = self.progress.add_task(note, total=total, rate="-", failed="")
        self.progress.start()

    def advance(self, outcome: Outcome) -> None:
        if outcome.failure is not None:
            self.failed += 1
        self.progress.advance(self.task)
        speed = self.progress.tasks[0].speed
        self.progress.update(self.task, rate=f"{speed:.1f}" if speed else "-",
                             failed=f"[red]{self.failed} failed[/]" if self.failed else "")

    def close(self) -> None:
        self.progress.stop()


def print_summary(result: BatchResult, out_dir: Path) -> None:
    """Print the batch's totals as a table (plain text when stdout is not a terminal)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"policykg extract → {out_dir}", title_justify="left")
    for name in ("documents", "pages", "sections", "tasks", "targets", "organisations", "failures"):
        table.add_column(name, justify="right")
    table.add_row(*(str(n) for n in result.counts.as_tuple()), str(len(result.failures)))
    console = Console()
    console.print(table)
    console.print(summary_line(result, out_dir), highlight=False)


def summary_line(result: BatchResult, out_dir: Path) -> str:
    """One line of totals: every input is in one of its counts."""
    notes = f", {len(result.passed_over)} passed over (notes, not documents)" if result.passed_over else ""
    see = f"; see {out_dir / FAILURES_FILE}" if result.failures else ""
    return (f"{len(result.written)} records written to {out_dir}, {len(result.skipped)} already current "
            f"(skipped), {len(result.failures)} failed{notes}{see}")
