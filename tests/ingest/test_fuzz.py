"""Fuzz ingest: random and mutated real files end in a RawDocument or an IngestError, never else."""
from __future__ import annotations

import io

import docx
import pikepdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import ingest
from extractor.errors import IngestError
from extractor.model import PAGE_BREAK, RawDocument
from tests.conftest import FIXTURES, PDFS, SEEDS


def _pdf_excerpt() -> bytes:
    """Pages 1-2 of the diagnosis plan (text and a ruled table): small enough to fuzz quickly."""
    with pikepdf.open(PDFS / "covid_diagnosis_treatment_plan_ed10_2023.pdf") as source:
        excerpt = pikepdf.Pdf.new()
        excerpt.pages.extend(source.pages[:2])
        out = io.BytesIO()
        excerpt.save(out)
        return out.getvalue()


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("一、总体要求")
    document.add_table(rows=1, cols=2).rows[0].cells[0].text = "牵头单位"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SEEDS_BY_SUFFIX = {
    ".pdf": _pdf_excerpt(),
    ".html": (FIXTURES / "ingest" / "pingtan_task_notice.html").read_bytes(),
    ".txt": (SEEDS / "003_3f674aba3fe25ad0.txt").read_bytes()[:3000],
    ".docx": _docx(),
}
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw, base: bytes) -> bytes:
    """`base` with a few byte flips, cuts, insertions or a truncation, as damaged files arrive."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(("flip", "cut", "insert", "truncate")))
        if op == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[at: at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        else:
            del data[at:]
    return bytes(data)


def _ends_cleanly(tmp_path_factory, suffix: str, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"doc{suffix}"
    path.write_bytes(data)
    try:
        doc = ingest.load(path)
    except IngestError as err:
        assert err.path == str(path) and err.problem
        return
    assert isinstance(doc, RawDocument) and doc.pages
    assert all(PAGE_BREAK not in page and "\r" not in page for page in doc.pages)


@FUZZ
@given(suffix=st.sampled_from(sorted(ingest.SUPPORTED_SUFFIXES)), data=st.binary(max_size=2048))
def test_random_bytes(tmp_path_factory, suffix, data):
    _ends_cleanly(tmp_path_factory, suffix, data)


@FUZZ
@given(st.sampled_from(sorted(SEEDS_BY_SUFFIX)).flatmap(
    lambda suffix: st.tuples(st.just(suffix), mutated(SEEDS_BY_SUFFIX[suffix]))))
def test_mutated_real_files(tmp_path_factory, case):
    suffix, data = case
    _ends_cleanly(tmp_path_factory, suffix, data)
