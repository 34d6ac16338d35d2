"""Diff time against extraction time of the two prevention-plan PDFs (prints, asserts nothing).

    .venv/bin/python benchmarks/bench_diff.py
    .venv/bin/python benchmarks/bench_diff.py OLD NEW      # any other pair

The issue's goal: diffing two 100+ page editions takes less time than extracting them
(ratio diff / extraction < 1). Both are timed in the same run, after one warm-up extraction
so that loading lexicons and the segmenter is not charged to either.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor import ingest  # noqa: E402
from extractor.diff import diff  # noqa: E402
from extractor.diff.render import to_html  # noqa: E402
from extractor.pipeline import extract_raw  # noqa: E402

PAIR = (ROOT / "corpus/pdf/covid_prevention_control_plan_ed8_2021.pdf",
        ROOT / "corpus/pdf/covid_prevention_control_plan_ed9_2022.pdf")


def bench(old: Path, new: Path) -> dict[str, float]:
    """Seconds to ingest+extract both files, to diff them and to render the HTML report."""
    extract_raw(ingest.load(old))  # warm-up: lexicons, segmenter
    start = time.perf_counter()
    a, b = extract_raw(ingest.load(old)), extract_raw(ingest.load(new))
    extraction = time.perf_counter() - start
    start = time.perf_counter()
    d = diff(a, b)
    diffing = time.perf_counter() - start
    start = time.perf_counter()
    to_html(d)
    rendering = time.perf_counter() - start
    return {"extraction": extraction, "diff": diffing, "html": rendering,
            "clauses": float(len(d.clauses)), "figures": float(len(d.quantities))}


def main(argv: list[str]) -> None:
    old, new = (Path(argv[0]), Path(argv[1])) if len(argv) == 2 else PAIR
    r = bench(old, new)
    print(f"{old.name} → {new.name}")
    print(f"extraction of both  {r['extraction']:7.2f} s")
    print(f"diff                {r['diff']:7.2f} s  ({int(r['clauses'])} clauses, {int(r['figures'])} figure changes)")
    print(f"html report         {r['html']:7.2f} s")
    print(f"ratio diff / extraction = {r['diff'] / r['extraction']:.2f}  (goal < 1)")


if __name__ == "__main__":
    main(sys.argv[1:])
