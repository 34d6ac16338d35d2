"""A rename applied throughout is one finding with its articles, not one change per article."""
from __future__ import annotations

from extractor.diff import diff
from extractor.diff.render import to_html, to_markdown
from tests.diff.conftest import tree_of

# source: 消耗臭氧层物质管理条例 2018 → 2023 (articles 2, 4, 5, 6, excerpts, numbered here 一 to 四)
OLD = ("第一条 《中国受控消耗臭氧层物质清单》由国务院环境保护主管部门会同国务院有关部门制定、调整和公布。\n"
       "第二条 国务院环境保护主管部门统一负责全国消耗臭氧层物质的监督管理工作。\n"
       "第三条 国务院环境保护主管部门会同国务院有关部门拟订《中国逐步淘汰消耗臭氧层物质国家方案》。\n"
       "第四条 国务院环境保护主管部门根据国家方案和消耗臭氧层物质淘汰进展情况，确定并公布限制或者禁止的类别。\n")
NEW = OLD.replace("环境保护主管部门", "生态环境主管部门").replace("统一负责", "负责")


def test_a_term_renamed_throughout_is_one_rename_with_its_articles():
    d = diff(tree_of(OLD, "old.md"), tree_of(NEW, "new.md"))
    assert [(r.old, r.new) for r in d.renames] == [("环境保护主管部门", "生态环境主管部门")]
    assert [o for o, _ in d.renames[0].refs] == ["第一条", "第二条", "第三条", "第四条"]
    assert "名称更改" in to_html(d) and "第一条、第二条、第三条、第四条" in to_markdown(d)


def test_one_rewrite_is_no_rename():
    new = OLD.replace("国务院环境保护主管部门统一负责", "国务院生态环境主管部门统一负责")
    assert diff(tree_of(OLD, "old.md"), tree_of(new, "new.md")).renames == ()
