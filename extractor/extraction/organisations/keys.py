"""What makes two forms one body: the region prefix, the comparable body key, the type."""
from __future__ import annotations

import re
from pathlib import Path

from extractor.extraction.organisations.vocabulary import lexicon
from extractor.lexicons import active_rules
from extractor.memo import text_memo

# compiled once: split_region, body_key and org_type run for every form of every body
_LEVEL_SEPARATOR = re.compile(r"(?<=[省市区县])、(?=[省市区县])")
_BRACKET_TAIL = re.compile(r"（[^（）]*）$")
_SHORT_GOVERNMENT = re.compile(r"(?<!人民)政府")
_PARTY = re.compile(r"[省市区县]委|党[工组]?委|党中央|党群")
_GOVERNMENT_WORD = re.compile(r"(单位|部门|片区|政府|街道|乡镇)")
_LEVEL_CHARS = "省市区县"
# more levels after a region's level word, single or in brackets: 市县（区）, 各市县, 县（市、区）
_LEVEL_RUN = re.compile(r"(?:[省市区县](?![场域级])|（[省市区县乡镇旗、]+）)*")


def split_region(name: str) -> tuple[str, str]:
    """Split a name into its region prefix and the rest: 陕西省西咸新区管委会 -> (陕西省西咸新区, 管委会)."""
    lex = lexicon()
    name = _LEVEL_SEPARATOR.sub("", name)  # 区、县人民政府 = 区县人民政府
    i = 0
    while True:
        m = lex.region_re.match(name, i)
        if not m or len(name) - m.end() < 2:
            break
        i = m.end()
    if i == 0 and len(name) > 2 and name[0] in "省市区县" and name[1] not in "场域级":
        i = 1
    if i and name[i - 1] in _LEVEL_CHARS:
        run_end = _LEVEL_RUN.match(name, i).end()  # type: ignore[union-attr]  # the run may be empty: it always matches
        i = run_end if len(name) - run_end >= 2 else i
    return name[:i], name[i:]


_SESSION = re.compile(r"第[0-9一二三四五六七八九十百]+届")


def body_key(name: str) -> str:
    """The comparable body of a name: region stripped, standard abbreviations expanded."""
    lex = lexicon()
    # a session (第十三届) names a term of the body, not another body
    rest = split_region(_SESSION.sub("", _BRACKET_TAIL.sub("", name)))[1]
    rest = lex.abbreviation_re.sub(lambda m: _expand(m, lex.abbreviations[m.group(0)]), rest)
    return _SHORT_GOVERNMENT.sub("人民政府", rest)  # 市政府 = 市人民政府


def _expand(m: re.Match[str], full: str) -> str:
    """The full form of an abbreviation, unless the full form is already written around it
    (卫生健康委 of 卫生健康委员会, 人民银行 of 中国人民银行)."""
    lo = max(0, m.start() - len(full))
    at = m.string.find(full, lo, m.end() + len(full))
    return m.group(0) if 0 <= at <= m.start() and at + len(full) >= m.end() else full


def org_type(name: str) -> str:
    """Classify a name by its head (and party / legislature markers)."""
    return _org_type(active_rules(), name)


# memoised: a body's name is typed when it is found and again when its mentions are merged
@text_memo(1 << 12)
def _org_type(rules: Path | None, name: str) -> str:
    if name.startswith(("中共", "中国共产党")) or _PARTY.search(name):
        return "party"
    lex = lexicon()
    bare = _BRACKET_TAIL.sub("", name)
    if bare in lex.standard:
        return lex.standard[bare][1]
    for size in range(min(len(bare), 8), 0, -1):
        head = bare[-size:]
        if head in lex.suffixes:
            return lex.suffixes[head][0]
    return "government" if _GOVERNMENT_WORD.search(bare) else "other"


