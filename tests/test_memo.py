"""The memos over short texts: bounded, registered, and emptied together."""
from __future__ import annotations

from extractor import memo
from extractor.extraction.programmes.start import first_word


def test_a_text_memo_remembers_until_the_memos_are_emptied():
    calls = []

    @memo.text_memo(8)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    assert length("牵头单位") == length("牵头单位") == 4 and calls == ["牵头单位"]
    memo.clear_text_memos()
    assert length("牵头单位") == 4 and calls == ["牵头单位", "牵头单位"]


def test_the_finders_memos_are_registered():
    # the benchmark empties them before each pass, so a repeated pass is timed as a first one
    first_word("深入实施科技创新行动")
    assert first_word.cache_info().currsize > 0
    memo.clear_text_memos()
    assert first_word.cache_info().currsize == 0
