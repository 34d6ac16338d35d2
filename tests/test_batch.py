"""Batch extraction: bad files reported not fatal, resume and incremental runs, time limits."""
from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import batch, parallel
from extractor.cli import main
from extractor.errors import DocumentTimeoutError
from tests.conftest import DEV, PDFS, ROOT, SEEDS

SMALL = [SEEDS / "003_3f674aba3fe25ad0.txt", DEV / "09_pingtan-allocated-land-transfer-measures-2015.txt",
         DEV / "10_pingtan-allocated-land-transfer-measures-revised-2018.txt"]


def _corpus(folder: Path, paths=SMALL) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        shutil.copy(path, folder / path.name)
    return folder


def _records(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))}


def test_directory_is_extracted_one_record_per_file(tmp_path):
    src = _corpus(tmp_path / "in")
    result = batch.run([src], tmp_path / "out", workers=1)
    assert [p.name for p in result.written] == sorted(f"{p.stem}.json" for p in SMALL)
    assert result.failures == () and result.counts.documents == 3
    assert not (tmp_path / "out" / batch.FAILURES_FILE).exists()
    record = json.loads(result.written[0].read_text(encoding="utf-8"))
    assert record["document"]["source"] == str(src / result.written[0].with_suffix(".txt").name)


def test_bad_files_go_to_failures_jsonl_and_good_ones_are_kept(tmp_path):
    src = _corpus(tmp_path / "in", SMALL[:2])
    (src / "empty.txt").write_bytes(b"")
    (src / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF\x00\xff")
    missing = tmp_path / "nowhere" / "missing.txt"
    result = batch.run([src, missing], tmp_path / "out", workers=2)
    assert len(result.written) == 2
    failed = {Path(f.path).name for f in result.failures}
    assert {"empty.txt", "missing.txt"} <= failed
    lines = (tmp_path / "out" / batch.FAILURES_FILE).read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert [row["file"] for row in rows] == sorted(row["file"] for row in rows)
    assert all(set(row) >= {"file", "error", "hint"} and row["error"] for row in rows)
    assert {Path(row["file"]).name for row in rows} == failed


def test_cli_exits_1_and_prints_one_line_per_failure(tmp_path, capsys):
    src = _corpus(tmp_path / "in", SMALL[:1])
    (src / "empty.txt").write_bytes(b"")
    status = main(["extract", str(src), "--out", str(tmp_path / "out"), "--workers", "1", "--quiet"])
    captured = capsys.readouterr()
    assert status == 1
    ours = [line for line in captured.err.splitlines() if line.startswith("policykg:")]
    assert len(ours) == 1 and ours[0].startswith(f"policykg: {src / 'empty.txt'}:")
    assert "Traceback" not in captured.err
    assert "1 records written" in captured.out and "1 failed" in captured.out


def test_rerun_skips_current_records_and_reextracts_only_what_changed(tmp_path):
    src = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    first = batch.run([src], out, workers=1)
    stamps = {p: p.stat().st_mtime_ns for p in first.written}
    again = batch.run([src], out, workers=1)
    assert again.written == () and len(again.skipped) == 3
    assert again.counts == first.counts
    assert {p: p.stat().st_mtime_ns for p in first.written} == stamps
    edited = src / SMALL[0].name
    edited.write_text(edited.read_text(encoding="utf-8") + "\n到2027年，新增就业岗位1000个。\n", encoding="utf-8")
    third = batch.run([src], out, workers=1)
    assert [p.name for p in third.written] == [f"{SMALL[0].stem}.json"]
    assert json.loads(third.written[0].read_text(encoding="utf-8"))["document"]["sha256"] == batch._sha256(edited)
    forced = batch.run([src], out, workers=1, force=True)
    assert len(forced.written) == 3 and forced.skipped == ()


def test_record_of_an_older_extractor_version_is_redone(tmp_path):
    src = _corpus(tmp_path / "in", SMALL[:1])
    out = tmp_path / "out"
    (written,) = batch.run([src], out, workers=1).written
    record = json.loads(written.read_text(encoding="utf-8"))
    record["document"]["extractor_version"] = "0.0.1"
    written.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert batch.run([src], out, workers=1).written == (written,)


def test_same_stem_inputs_get_distinct_stable_records(tmp_path):
    a = _corpus(tmp_path / "2023", SMALL[:1])
    b = tmp_path / "2024"
    b.mkdir()
    shutil.copy(SMALL[1], b / SMALL[0].name)
    jobs = batch.plan([b, a], tmp_path / "out")
    assert jobs == batch.plan([a, b], tmp_path / "out")
    names = [job.out.name for job in jobs]
    assert len(set(names)) == 2 and all(name.startswith(f"{SMALL[0].stem}-") for name in names)
    result = batch.run([a, b], tmp_path / "out", workers=1)
    assert len(result.renamed) == 2 and len(result.written) == 2
    ids = {json.loads(p.read_text(encoding="utf-8"))["document"]["id"] for p in result.written}
    assert ids == {job.doc_id for job in jobs}


def test_same_file_named_twice_is_one_job(tmp_path):
    src = _corpus(tmp_path / "in", SMALL[:1])
    jobs = batch.plan([src, src / SMALL[0].name, src / "." / SMALL[0].name], tmp_path / "out")
    assert len(jobs) == 1 and jobs[0].doc_id is None


def test_hidden_files_in_directories_are_not_inputs(tmp_path):
    src = _corpus(tmp_path / "in", SMALL[:1])
    (src / ".cache").mkdir()
    shutil.copy(SMALL[1], src / ".cache" / SMALL[1].name)
    shutil.copy(SMALL[2], src / f".{SMALL[2].name}")
    assert [p.name for p in batch.expand_inputs([src])] == [SMALL[0].name]


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes as a name")
def test_a_file_name_that_is_not_utf8_is_one_failure(tmp_path):
    src = _corpus(tmp_path / "in", SMALL[:1])
    gbk = os.path.join(os.fsencode(src), "政策".encode("gbk") + b".txt")  # as unzipped from a GBK archive
    shutil.copy(SMALL[1], gbk)
    result = batch.run([src], tmp_path / "out", workers=1)
    assert [p.name for p in result.written] == [f"{SMALL[0].stem}.json"]
    (failure,) = result.failures
    assert "UTF-8" in failure.problem and "convmv" in failure.hint
    (row,) = [json.loads(line) for line in (tmp_path / "out" / batch.FAILURES_FILE).read_text("utf-8").splitlines()]
    assert os.fsencode(row["file"]) == gbk


def test_a_document_over_the_time_limit_is_a_failure_not_a_hang(tmp_path, monkeypatch):
    src = _corpus(tmp_path / "in", SMALL[:2])
    real = parallel._extract_text

    def slow_on_first(path, doc_id):
        if path.endswith(SMALL[0].name):
            while True:
                time.sleep(0.01)
        return real(path, doc_id)

    monkeypatch.setattr(parallel, "_extract_text", slow_on_first)
    result = batch.run([src], tmp_path / "out", workers=1, timeout=0.3)
    assert [p.name for p in result.written] == [f"{SMALL[1].stem}.json"]
    (failure,) = result.failures
    assert failure.kind == "DocumentTimeoutError" and "0.3 s" in failure.problem and failure.hint


def test_time_limit_holds_off_the_main_thread_too():
    box = []

    def call():
        try:
            parallel.call_with_timeout(lambda: time.sleep(5), 0.2, path="slow.txt")
        except DocumentTimeoutError as err:
            box.append(err)

    thread = threading.Thread(target=call)
    thread.start()
    thread.join(3)
    assert box and box[0].path == "slow.txt"


def test_kill_mid_run_then_resume_equals_a_clean_run(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt"))]
    for i in range(24):
        (src / f"doc{i:03d}.txt").write_text(texts[i % len(texts)] + f"\n（第{i}稿）\n", encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "extractor", "extract", str(src), "--out", str(out), "--workers", "2",
               "--quiet"]
    proc = subprocess.Popen(command, cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and not any(out.glob("*.json")):
        time.sleep(0.002)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = _records(out)
    for name, data in done_before.items():  # whatever was there is a whole record
        assert json.loads(data)["document"]["id"] == Path(name).stem
    resumed = batch.run([src], out, workers=2)
    clean = tmp_path / "clean"
    batch.run([src], clean, workers=1)
    assert len(resumed.skipped) == len(done_before)
    assert _records(out) == _records(clean)
    assert not list(out.glob(".*.tmp"))


PDF_HEAD = next(iter(sorted(PDFS.glob("*.pdf")))).read_bytes()[:40_000]
HTML = ("<html><head><meta charset='utf-8'><title>关于印发任务分工的通知</title></head><body>"
        "<h1>关于印发任务分工的通知</h1><p>各有关单位：</p><table><tr><td>序号</td><td>工作任务</td>"
        "<td>牵头单位</td></tr><tr><td>1</td><td>到2025年，新增高新技术企业50家。</td><td>区科技局</td></tr>"
        "</table></body></html>").encode("utf-8")


def _flip(data: bytes, positions: list[int]) -> bytes:
    out = bytearray(data)
    for pos in positions:
        if out:
            out[pos % len(out)] ^= 0xFF
    return bytes(out)


def _mutated(data: bytes, suffix: str) -> st.SearchStrategy[tuple[str, bytes]]:
    """A truncated copy of a real file with a few bytes flipped: damaged downloads."""
    return st.tuples(st.just(suffix), st.builds(lambda n, flips: _flip(data[:n], flips),
                                                st.integers(0, len(data)), st.lists(st.integers(0, 10**6), max_size=4)))


FUZZ_FILES = st.one_of(
    st.tuples(st.sampled_from(batch.SUPPORTED_SUFFIXES), st.binary(max_size=300)),
    st.tuples(st.sampled_from((".txt", ".md", ".html")), st.text(max_size=200).map(lambda t: t.encode("utf-8", "replace"))),
    _mutated(SMALL[0].read_bytes(), ".txt"),
    _mutated(PDF_HEAD, ".pdf"),
    _mutated(HTML, ".html"),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(FUZZ_FILES, min_size=1, max_size=4))
def test_any_input_ends_in_a_record_or_one_failure(tmp_path_factory, files):
    src = tmp_path_factory.mktemp("fuzz")
    for i, (suffix, data) in enumerate(files):
        (src / f"f{i}{suffix}").write_bytes(data)
    result = batch.run([src], src / "out", workers=1, timeout=20)
    assert len(result.written) + len(result.failures) == len(files)
    assert all(f.problem and f.kind for f in result.failures)


def _worker_pids() -> list[int]:
    return [p.pid for p in multiprocessing.active_children() if p.name == "policykg-worker"]


def _wait_for_reader(fifo: Path) -> int:
    """Block until a worker has opened `fifo` for reading; return our writing end."""
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: nobody reads it yet
            time.sleep(0.01)


def test_pool_reports_a_document_stuck_in_a_system_call_and_goes_on(tmp_path):
    src = _corpus(tmp_path / "in", SMALL[:2])
    stuck = tmp_path / "stuck.txt"
    os.mkfifo(stuck)  # reading it blocks until a writer comes, which never does
    result = batch.run([src, stuck], tmp_path / "out", workers=2, timeout=1)
    assert len(result.written) == 2
    (failure,) = result.failures
    assert failure.path.endswith("stuck.txt") and failure.kind == "DocumentTimeoutError"


def test_pool_survives_a_worker_dying_mid_document(tmp_path):
    src = _corpus(tmp_path / "in", SMALL[:2])
    fifo = tmp_path / "crash.txt"
    os.mkfifo(fifo)

    def reading(pid: int) -> bool:
        return any(os.readlink(f"/proc/{pid}/fd/{n}") == str(fifo) for n in os.listdir(f"/proc/{pid}/fd"))

    def kill_the_reader():
        fd = _wait_for_reader(fifo)
        while not (readers := [pid for pid in _worker_pids() if reading(pid)]):
            time.sleep(0.01)  # the reader's open() returns a moment after ours
        os.kill(readers[0], signal.SIGKILL)
        os.close(fd)

    killer = threading.Thread(target=kill_the_reader, daemon=True)
    killer.start()
    result = batch.run([src, fifo], tmp_path / "out", workers=2, timeout=60)  # 60: no hang if it fails
    killer.join(10)
    assert len(result.written) == 2
    (failure,) = result.failures
    assert failure.path == str(fifo) and failure.kind == "WorkerCrash"


def _endless(*args, **kwargs):
    while True:
        time.sleep(0.01)


@pytest.mark.parametrize("reader", ["docx", "html", "pdf"])
def test_time_limit_is_not_swallowed_inside_a_reader(tmp_path, monkeypatch, reader):
    # The readers wrap their libraries' errors with `except Exception`; the limit must pass through.
    import docx

    from extractor.ingest import docx as docx_reader
    from extractor.ingest import html as html_reader
    from extractor.ingest import pdf as pdf_reader

    path = tmp_path / f"plan.{reader}"
    if reader == "pdf":
        shutil.copy(sorted(PDFS.glob("*.pdf"))[0], path)
        monkeypatch.setattr(pdf_reader, "_text_layer", _endless)
    elif reader == "docx":
        document = docx.Document()
        document.add_paragraph("到2025年，全省高新技术企业数量达到4000家。")
        document.save(path)
        monkeypatch.setattr(docx_reader, "_read", _endless)
    else:
        path.write_text("<p>到2025年，全省高新技术企业数量达到4000家。</p>", encoding="utf-8")
        monkeypatch.setattr(html_reader, "_read", _endless)
    result = batch.run([path], tmp_path / "out", workers=1, timeout=0.3)
    (failure,) = result.failures
    assert failure.kind == "DocumentTimeoutError" and "0.3 s" in failure.problem
    assert not result.written


def test_a_document_past_the_memory_limit_is_one_failure(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "_extract_text", lambda path, doc_id: bytearray(3 << 30))
    result = batch.run([SMALL[0]], tmp_path / "out", workers=1, timeout=30)
    (failure,) = result.failures
    assert failure.kind == "MemoryLimitError" and "2 GB" in failure.problem
    bytearray(3 << 28)  # the limit is lifted once the document is done


def test_an_internal_error_carries_no_memory_address(tmp_path, monkeypatch):
    class Odd:
        pass

    def broken(path, doc_id):
        raise ValueError(f"bad object {Odd()!r}")

    monkeypatch.setattr(parallel, "_extract_text", broken)
    (failure,) = batch.run([SMALL[0]], tmp_path / "out", workers=1).failures
    assert "0x" not in failure.problem and "bad object" in failure.problem
