"""Atomic writes leave either the old file or the new one, never a part, never a temp file."""
from __future__ import annotations

import pytest

from extractor.atomic import write_atomic


def test_writes_chinese_text_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "records" / "003.json"
    write_atomic(target, "陕西咸函〔2024〕2号\n")
    assert target.read_text(encoding="utf-8") == "陕西咸函〔2024〕2号\n"
    assert [p.name for p in target.parent.iterdir()] == ["003.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "003.json"
    write_atomic(target, "old\n")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "new \udc80 half")  # a lone surrogate cannot be encoded
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["003.json"]
