"""How much OCR costs: a document's text against an image-only PDF of the same text (prints only).

The text is drawn into page images (as a scanner would deliver the printed document),
wrapped in a PDF without a text layer, extracted through OCR, and both records are scored
against the gold annotations with the evaluation's scorer:

    .venv/bin/python benchmarks/ocr_fidelity.py corpus/seeds/001_361beabd7bf972d8.txt --dpi 200

Needs tesseract with chi_sim, Debian's fonts-wqy-zenhei, and ../shared/eval (score.py, gold).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fixtures.ingest.build_formats import image_pdf, page_images  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text", type=Path, help="a corpus document whose id has gold annotations")
    ap.add_argument("--dpi", type=int, default=200, help="resolution of the page images (default 200)")
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--keep", type=Path, help="copy the scan and both records into this folder")
    args = ap.parse_args()
    doc_id = args.text.stem
    lines = [line.strip() for line in args.text.read_text(encoding="utf-8").splitlines() if line.strip()]
    policykg = str(ROOT / ".venv" / "bin" / "policykg")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        scan = work / "scan" / f"{doc_id}.pdf"
        scan.parent.mkdir()
        images = page_images(lines, dpi=args.dpi)
        scan.write_bytes(image_pdf(images))
        subprocess.run([policykg, "extract", str(args.text), "--out", str(work / "text"), "--quiet"], check=True)
        started = time.perf_counter()
        subprocess.run([policykg, "extract", str(scan), "--out", str(work / "ocr"), "--quiet", "--timeout", "0"],
                       check=True)
        print(f"{len(images)} image-only pages at {args.dpi} dpi, OCR'd and extracted in "
              f"{time.perf_counter() - started:.1f} s")
        if args.keep:
            shutil.copytree(work, args.keep, dirs_exist_ok=True)
        for name in ("text", "ocr"):
            print(f"== {name}")
            subprocess.run([sys.executable, str(args.eval / "score.py"), "--gold", str(args.eval / "gold"),
                            "--pred", str(work / name), "--docs", doc_id], check=True)


if __name__ == "__main__":
    main()
