"""Invariants of structure on arbitrary text (hypothesis)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.model import RawDocument
from extractor.normalise import normalise
from extractor.structure import parse
from extractor.structure.dates import DATE, find_dates

_PIECES = st.sampled_from(
    ["一、", "二、", "（一）", "（二）", "1.", "2.", "3、", "（1）", "①", "②", "第一章", "第一条", "第二条", "附件1",
     "# ", "关于", "的通知", "复函", "签发人：", "〔2024〕", "2号", "2025年5月29日", "二〇二四年五月二十九日",
     "管理委员会", "办公室", "：", "，", "。", "、", "\n", "\n\n", "\f", " ", "各单位", "秦创原", "1.5万", "2024年",
     "送：", "抄送：", "印发", "类别：A", "（2024—2026年）", "《", "》"]
)
_TEXTS = st.lists(_PIECES, max_size=80).map("".join) | st.text(max_size=300)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_any_text_gives_a_consistent_tree(text):
    raw = RawDocument(path="x.txt", format="txt", sha256="0" * 64, pages=tuple(text.split("\f")))
    tree = parse(normalise(raw), raw=raw)
    n = len(tree.text)
    ids = {s.id for s in tree.sections}
    assert len(ids) == len(tree.sections)
    for section in tree.sections:
        assert 0 <= section.span[0] <= section.span[1] <= n
        assert section.parent is None or section.parent in ids
    for task in tree.tasks:
        assert tree.text[task.span[0]:task.span[1]] == task.text
        assert task.section is None or task.section in ids
    if tree.meta.date:
        assert len(tree.meta.date) == 10


_DATE_TEXTS = st.lists(st.sampled_from(list("2024年5月29日二〇一十两○ Ｏ\n，号") + ["2025", "十二", "  "]),
                       max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_DATE_TEXTS | _TEXTS)
def test_find_dates_finds_what_a_scan_of_every_character_finds(text):
    assert [m.span() for m in find_dates(text)] == [m.span() for m in DATE.finditer(text)]
