"""A short, bounded atheris run over ingest and extraction ends without a crash."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT, SEEDS
from tests.fuzz.atheris_ingest import SUFFIXES

pytest.importorskip("atheris")


def _seed_corpus(folder):
    """Real inputs to mutate from: the first byte picks the suffix the harness writes."""
    folder.mkdir()
    seeds = {".txt": (SEEDS / "003_3f674aba3fe25ad0.txt").read_bytes()[:2000],
             ".html": (FIXTURES / "ingest" / "pingtan_task_notice.html").read_bytes()[:2000]}
    for suffix, data in seeds.items():
        (folder / suffix.lstrip(".")).write_bytes(bytes([SUFFIXES.index(suffix)]) + data)
    return folder


def test_bounded_atheris_run_finds_no_crash(tmp_path):
    # A fixed seed and run count keep the run short and repeatable; atheris exits 0 when
    # no input crashed, and otherwise writes the crashing input under artifact_prefix.
    corpus = _seed_corpus(tmp_path / "corpus")
    result = subprocess.run(
        [sys.executable, "-m", "tests.fuzz.atheris_ingest", "-runs=100", "-seed=1", "-max_len=8192",
         "-timeout=60", f"-artifact_prefix={tmp_path}/", str(corpus)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 100 runs" in result.stderr
