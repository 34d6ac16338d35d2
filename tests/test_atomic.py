"""Atomic writes leave either the old file or the new one, never a part, never a temp file."""
from __future__ import annotations

import os
import stat

import pytest

from extractor.atomic import current_umask, write_atomic


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


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_written_file_has_the_permissions_the_umask_gives(tmp_path, mask, mode):
    old = os.umask(mask)
    try:
        write_atomic(tmp_path / "graph.graphml", "<graphml/>\n")
        write_atomic(tmp_path / "graph.parquet", b"PAR1")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "graph.graphml").stat().st_mode) == mode
    assert stat.S_IMODE((tmp_path / "graph.parquet").stat().st_mode) == mode
    assert (tmp_path / "graph.parquet").read_bytes() == b"PAR1"


def test_the_umask_is_read_without_being_changed():
    old = os.umask(0o027)
    try:
        assert current_umask() == 0o027 and current_umask() == 0o027
    finally:
        os.umask(old)
