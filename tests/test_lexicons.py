"""Rule files: a folder given by the caller is laid over the packaged rules, for that call only."""
import json

import pytest

from extractor import lexicons
from extractor.errors import ExtractorError
from extractor.extraction import extract
from extractor.extraction.citations import is_policy_title
from extractor.model import RawDocument
from extractor.pipeline import parse_raw

_TEXT = "各区要对照《人民日报》评论员文章和《关于加快发展新质生产力的实施意见》抓好落实。"


def _tree():
    return parse_raw(RawDocument(path="notice.txt", format="txt", sha256="0", pages=(_TEXT,)))


def _with_newspapers_as_policy(tmp_path):
    genres = lexicons.load_json("citation_genres.json")
    genres["policy_genres"].append("日报")
    (tmp_path / "citation_genres.json").write_text(json.dumps(genres, ensure_ascii=False), "utf-8")
    return tmp_path


def test_a_rules_folder_changes_one_call_and_leaves_the_next_alone(tmp_path):
    rules = _with_newspapers_as_policy(tmp_path)
    varied = {c.title for c in extract(_tree(), rules=rules).citations}
    packaged = {c.title for c in extract(_tree()).citations}
    assert "人民日报" in varied
    assert "人民日报" not in packaged
    assert "关于加快发展新质生产力的实施意见" in varied & packaged


def test_memoised_tables_are_kept_per_rules_folder(tmp_path):
    rules = _with_newspapers_as_policy(tmp_path)
    assert not is_policy_title("人民日报")
    with lexicons.using(rules):
        assert is_policy_title("人民日报")
    assert not is_policy_title("人民日报")


def test_a_missing_rules_folder_is_one_clear_error(tmp_path):
    with pytest.raises(ExtractorError, match="rules directory not found"):
        with lexicons.using(tmp_path / "nowhere"):
            pass
