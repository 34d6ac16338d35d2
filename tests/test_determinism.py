"""Records are byte-identical whatever the number of workers or the order of the inputs."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from extractor import batch
from tests.conftest import DEV, SEEDS

TEXTS = sorted(SEEDS.glob("*.txt"))[:3] + sorted(DEV.glob("*.txt"))[:3]


def _records(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))}


def test_one_worker_two_workers_and_shuffled_order_write_the_same_bytes(tmp_path):
    src = tmp_path / "in"
    (src / "b").mkdir(parents=True)
    for path in TEXTS:
        shutil.copy(path, src / path.name)
    # a same-stem pair, so the disambiguated names are covered too
    shutil.copy(TEXTS[1], src / "b" / TEXTS[0].name)
    files = sorted(str(p) for p in src.rglob("*.txt"))
    shuffled = files[:]
    random.Random(7).shuffle(shuffled)
    one = batch.run(files, tmp_path / "one", workers=1)
    two = batch.run(shuffled, tmp_path / "two", workers=2)
    reverse = batch.run(list(reversed(files)), tmp_path / "reverse", workers=1)
    assert one.failures == two.failures == reverse.failures == ()
    assert len(_records(tmp_path / "one")) == len(files)
    assert _records(tmp_path / "one") == _records(tmp_path / "two") == _records(tmp_path / "reverse")
    assert one.counts == two.counts == reverse.counts


@given(st.permutations(["a/通知.txt", "b/通知.txt", "b/通知.pdf", "c/方案.txt", "./c/方案.txt", "d/方案.html"]))
def test_plan_does_not_depend_on_input_order(order):
    base = ["a/通知.txt", "b/通知.txt", "b/通知.pdf", "c/方案.txt", "./c/方案.txt", "d/方案.html"]
    assert batch.plan(order, Path("out")) == batch.plan(base, Path("out"))
    names = [job.out.name for job in batch.plan(order, Path("out"))]
    assert len(names) == len(set(names)) == 5
