"""A Dask run writes exactly the records a local run writes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor import batch
from extractor.errors import ExtractorError
from tests.conftest import DEV, SEEDS

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

TEXTS = sorted(SEEDS.glob("*.txt"))[:2] + sorted(DEV.glob("*.txt"))[:2]


def _records(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))}


def test_dask_cluster_run_equals_local_run(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for path in TEXTS:
        shutil.copy(path, src / path.name)
    (src / "empty.txt").write_bytes(b"")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        on_dask = batch.run([src], tmp_path / "dask", dask=cluster.scheduler_address, timeout=60)
    local = batch.run([src], tmp_path / "local", workers=1, timeout=60)
    assert len(on_dask.written) == len(TEXTS)
    assert _records(tmp_path / "dask") == _records(tmp_path / "local")
    assert on_dask.failures == local.failures and len(local.failures) == 1
    assert (tmp_path / "dask" / batch.FAILURES_FILE).read_bytes() == \
        (tmp_path / "local" / batch.FAILURES_FILE).read_bytes()


def test_unreachable_scheduler_is_one_clean_error(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(TEXTS[0], src / TEXTS[0].name)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), \
            pytest.raises(ExtractorError, match="Dask scheduler"):
        batch.run([src], tmp_path / "out", dask="tcp://127.0.0.1:9")


def test_every_input_is_extracted_when_jobs_outnumber_the_slots(tmp_path, monkeypatch):
    # One worker thread and one job in flight: the first batch is one job, the rest follow.
    monkeypatch.setattr("extractor.dask_runner.IN_FLIGHT_PER_WORKER", 1)
    src = tmp_path / "in"
    src.mkdir()
    for path in TEXTS[:3]:
        shutil.copy(path, src / path.name)
    result = batch.run([src], tmp_path / "out", dask="local", workers=1, timeout=60)
    assert len(result.written) == 3 and not result.failures


def test_malformed_scheduler_address_is_one_clean_error(tmp_path):
    with pytest.raises(ExtractorError, match="Dask scheduler at foo"):
        batch.run([TEXTS[0]], tmp_path / "out", dask="foo")
