"""The frozen data of the pipeline: look-ups over a document's sections."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.model import CleanText, DocMeta, DocTree, Section


def _tree(spans: list[tuple[int, int, int]]) -> DocTree:
    sections = tuple(Section(id=f"s{i}", number=str(i), title="", level=level, parent=None, span=(start, end))
                     for i, (start, end, level) in enumerate(spans))
    return DocTree(doc_id="d", source="d.txt", sha256="0" * 64, format="txt", pages=1,
                   clean=CleanText("文" * 60, tuple(range(61))), meta=DocMeta(), sections=sections)


def _innermost(tree: DocTree, offset: int) -> str | None:
    """The rule section_at keeps: the deepest section containing the offset, the later of equals."""
    best = None
    for section in tree.sections:
        if section.span[0] <= offset < section.span[1] and (best is None or section.level >= best.level):
            best = section
    return best.id if best else None


def test_section_at_nested_headings():
    # 一、 (0-40) holds （一） (5-20) and （二） (20-40), which holds 1. (25-30)
    tree = _tree([(0, 40, 1), (5, 20, 2), (20, 40, 2), (25, 30, 3)])
    assert [tree.section_at(o) for o in (0, 5, 19, 20, 26, 30, 39, 40)] == \
        ["s0", "s1", "s1", "s2", "s3", "s2", "s2", None]


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50), st.integers(1, 4)), max_size=12),
       st.integers(-2, 55))
def test_section_at_follows_the_innermost_rule_for_any_sections(spans, offset):
    tree = _tree(spans)
    assert tree.section_at(offset) == _innermost(tree, offset)
