"""Organisations: every body that can act, found by name patterns and merged by alias.

A body's name is an optional region prefix (陕西省, 区, 国家 …), a name body and a head
from the suffix lexicon (局 厅 委员会 管委会 大学 有限公司 …, `org_suffixes.tsv`). Finding
a name is the head match plus a left boundary, read off the tokens of policykg's one
segmenter (`extractor.segment.tagger`): the name starts after the last word that cannot
open one (由, 会同, 依托, 设立了 … in `org_boundaries.txt`, prepositions, adverbs,
particles), at punctuation, or where the previous name ended; at its region token when it
has one; at 各 for a collective (各省、自治区、直辖市人民政府). A name reaches across
和/与/及 when the part before is no whole body (住房和城乡建设局, but 省科技厅和省财政厅
are two). Heads common in prose (中心, 公司, 部门 …) need a specific part (a place, a
proper name; not a common noun ending in a level word, 辖区 or 城市, `org_not_regions.txt`).
Tagging reads short windows, cached (`tagged`): the same windows recur. Standard bodies
without a known head come from `org_standard_bodies.tsv`; brand names listed as
examples (隆基、三一等企业) from `org_example_categories.tsv`.

All forms of one body (省科技厅 / 陕西省科学技术厅, 西咸新区管委会 / 陕西省西咸新区开发建设
管理委员会) share a key: the name with its region stripped and standard abbreviations
expanded (`org_abbreviations.tsv`); short forms (资源生态局, 西咸管委会, 陕汽) join the one
body they fit.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from extractor.lexicons import alternation, cached, load_rows
from extractor.model import DocTree, Organisation, Span
from extractor.segment import tagger


def _starts_with_region(text: str, start: int, head: int) -> bool:
    tokens = _tokens(text, start, head)
    return bool(tokens) and _is_region(tokens[0][1], tokens[0][2])


_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
_PAREN = re.compile(r"（[^（）。，；\s]{1,12}）")
_COUNTED = re.compile(r"^[0-9一二两三四五六七八九十百千几多余]+[余多]?[所个家类批项支座大]")  # 四大中心: a count
_MAX_NAME = 30
# digits inside a name stand right before its head or a letter (771所, 航天6院, 3M)
_COUNT_INSIDE = re.compile(r"\d[^\dA-Za-z所院厂]")
_NUMERALS = "一二两三四五六七八九十百千"

# heads that name a unit inside the body written just before them (西安市公安局西咸新区分局)
_SUBUNIT_HEADS = ("分局", "办公室", "研究所", "分公司", "支行", "分行")

@dataclass(frozen=True)
class Lexicon:
    """The data the finder runs on, loaded once from `extractor/resources/`."""

    suffixes: dict[str, tuple[str, int]]  # head -> (type, fewest body characters)
    head_re: re.Pattern[str]  # the longest head at a position (read overlapping with `overlapping`)
    abbreviations: dict[str, str]  # short word -> full word
    abbreviation_re: re.Pattern[str]
    exclusion_re: re.Pattern[str]  # a word holding a head that names no body (read overlapping)
    longest_exclusion: int
    boundaries: frozenset[str]
    region_re: re.Pattern[str]
    standard: dict[str, tuple[str, str]]  # any form -> (name, type)
    standard_re: re.Pattern[str]
    examples_re: re.Pattern[str]  # X、Y等…企业: a list of named examples before a category noun
    examples_tail_re: re.Pattern[str]  # 等…企业 alone: a cheap test before `examples_re`
    example_types: dict[str, str]


@cached
def lexicon() -> Lexicon:
    """Load the organisation lexicons (cached: read once per process)."""
    suffixes = {row[0]: (row[1], int(row[2])) for row in load_rows("org_suffixes.tsv")}
    abbreviations = {row[0]: row[1] for row in load_rows("org_abbreviations.tsv")}
    categories = {row[0]: row[1] for row in load_rows("org_example_categories.tsv")}
    exclusions = [row[0] for row in load_rows("org_exclusions.txt")]
    provinces = [form for row in load_rows("org_regions.tsv") for form in row if form]
    region = (
        rf"(?:{alternation(provinces)}|国家|中共|"
        r"[\u4e00-\u9fff]{1,6}?(?:自治区|自治州|特别行政区|新区|新城|开发区|实验区|试验区|省|市|县|区|州|盟|旗))"
        r"(?![场域])"  # 省|市场监管局, 市|区域…: the level word opens 市场, 区域, not a region
    )
    standard: dict[str, tuple[str, str]] = {}
    for row in load_rows("org_standard_bodies.tsv"):
        name, kind = row[0], row[1]
        aliases = row[2].split("|") if len(row) > 2 and row[2] else []
        for form in [name, *aliases]:
            standard[form] = (name, kind)
    return Lexicon(
        suffixes=suffixes,
        head_re=re.compile(alternation(suffixes)),
        abbreviations=abbreviations,
        abbreviation_re=re.compile(alternation(abbreviations)),
        exclusion_re=re.compile(alternation(exclusions)),
        longest_exclusion=max(map(len, exclusions)),
        boundaries=frozenset(row[0] for row in load_rows("org_boundaries.txt")),
        region_re=re.compile(region),
        standard=standard,
        # 财政部 of 财政部门 names a kind of department, not the ministry
        standard_re=re.compile(f"(?:{alternation(standard)})(?!门)"),
        examples_re=re.compile(
            r"([^，。；：:、“”《》（）\s]{1,12}(?:、[^，。；：:、“”《》（）\s]{1,8})*)等"
            rf"{_EXAMPLES_GAP}({alternation(categories)})"),
        examples_tail_re=re.compile(rf"等{_EXAMPLES_GAP}(?:{alternation(categories)})"),
        example_types=categories,
    )


# What may stand between 等 and the category noun of a list of examples: a short phrase
# (等一批链式企业), or, after a batch word, a description that may list traits with 、
# and closes with 的 (隆基、三一、软通等一批拥有自主品牌、掌握核心技术…的创新型企业).
_EXAMPLES_GAP = (r"(?:[^。；，、]{0,14}?"
                 r"|(?:一批|一大批|一系列|多家|数家|\d+家)[^。；，]{0,40}?的[^。；，、]{0,8}?)")


@dataclass(frozen=True)
class Compact:
    """Text with line breaks removed (PDF lines break inside names) and a map back.

    Whitespace without a line break stays as one space: in web text it separates cells.
    """

    text: str
    index: tuple[int, ...]
    breaks: frozenset[int] = frozenset()  # offsets where a line break was dropped just before

    def to_clean(self, start: int, end: int) -> Span:
        return (self.index[start], self.index[end - 1] + 1)


_WHITESPACE = re.compile(r"\s+")


def compact(text: str) -> Compact:
    """Drop whitespace runs that hold a line or page break; fold others to one space."""
    pieces: list[str] = []
    index: list[int] = []
    breaks: list[int] = []
    pos = size = 0
    for m in _WHITESPACE.finditer(text):
        start, end = m.span()
        pieces.append(text[pos:start])
        index.extend(range(pos, start))
        size += start - pos
        chunk = m.group(0)
        if "\n" in chunk or "\f" in chunk:
            breaks.append(size)
        else:
            pieces.append(" ")
            index.append(start)
            size += 1
        pos = end
    pieces.append(text[pos:])
    index.extend(range(pos, len(text)))
    return Compact("".join(pieces), tuple(index), frozenset(breaks))


@dataclass(frozen=True)
class Mention:
    """One occurrence of an organisation name: its form, type and clean-text span."""

    name: str
    type: str
    span: Span


def overlapping(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) of the longest word of an alternation at every offset it matches, in order.

    A plain search (the regex engine skips ahead on the words' first characters) and a
    match at each offset inside what it found: several times faster than a lookahead
    at every offset, same result.
    """
    for m in pattern.finditer(text):
        yield m.start(), m.group(0)
        for pos in range(m.start() + 1, m.end()):
            inner = pattern.match(text, pos)
            if inner:
                yield pos, inner.group(0)


def _excluded_spans(text: str) -> list[Span]:
    """Spans of the words that end in a head but name no body (布局, 干部), sorted."""
    return [(pos, pos + len(word)) for pos, word in overlapping(lexicon().exclusion_re, text)]


def _excluded(spans: list[Span], start: int, end: int) -> bool:
    """True when the head at [start, end) sits inside one of the excluded words."""
    longest = lexicon().longest_exclusion
    lo = bisect.bisect_left(spans, (start - longest, 0))
    hi = bisect.bisect_right(spans, (start, end + longest))
    return any(a <= start and end <= b for a, b in spans[lo:hi])


_TITLES = ("局长", "厅长", "部长", "处长", "院长", "校长", "行长", "会长", "所长", "站长", "社长")


@lru_cache(maxsize=1 << 14)
def tagged(segment: str) -> tuple[tuple[str, str], ...]:
    """The tagger's (word, flag) pairs for a short stretch of text. Cached: the same
    windows recur (a department named twenty times, 牵头单位 lists), and tagging is
    most of the finder's time."""
    return tuple(tagger().cut(segment))


# characters the tagger keeps inside one block (jieba's re_han), and a space (委 员)
_WORD_CHAR = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._ ]")


def _ends_word(text: str, end: int) -> bool:
    """Whether a word ends at `end` (管理处 of 治安管理处罚 does not; 科技局 of 科技局局长 does)."""
    if text.startswith(_TITLES, end + (text[end:end + 1] == "副")):  # 教育部副部长
        return True
    if not _WORD_CHAR.match(text, end):  # the tagger cuts words at punctuation anyway
        return True
    lo = max(0, end - 3)
    pos = lo
    after = text[end:end + 3]
    if after.startswith(" "):  # 委 员: a space set inside a word to align a column
        after = after[1:]
    for word, _ in tagged(text[lo:end] + after):
        pos += len(word)
        if pos >= end:
            return pos == end
    return True


def window_start(text: str, start: int, floor: int) -> int:
    """Leftmost offset a name ending at `start` can reach: name characters, paired brackets."""
    i = start
    while i > floor and start - i < _MAX_NAME:
        ch = text[i - 1]
        if ch == "）":
            open_at = text.rfind("（", max(floor, i - 14), i - 1)
            if open_at < 0:
                break
            i = open_at
            continue
        if not _NAME_CHAR.match(ch):
            break
        i -= 1
    return i


# parts of speech that never sit inside a name: prepositions, conjunctions, adverbs,
# pronouns, time words, particles, measure words, idioms
_STOP_POS = ("p", "c", "d", "r", "t", "u", "y", "e", "o", "q", "i", "ad", "m", "k", "x")
# verbs, adjectives and set phrases open no name, but names contain them (自然资源与生态环境局)
_SOFT_POS = ("v", "a", "l")
_REGION_TOKEN = re.compile(r"(省|市|区|县|州|新区|新城|自治区|实验区|试验区|开发区)$")


@cached
def _not_regions() -> frozenset[str]:
    """Words that name no place though they end in a level word or read as one (城市, 辖区,
    福利), `org_not_regions.txt`."""
    return frozenset(row[0] for row in load_rows("org_not_regions.txt"))


def _is_region(word: str, flag: str) -> bool:
    """A token that names a place or a level: 陕西省, 平潭综合实验区, 区, 国家 (not 城市, 辖区)."""
    if word in _not_regions():
        return False
    return flag == "ns" or word in ("国家", "中共") or bool(_REGION_TOKEN.search(word)) and len(word) <= 8


# heads so common in prose that a name needs a specific part before them (a place,
# a proper name) to count: 科技中介服务中心 names no body, 秦创原场景创新服务中心 does
_GENERIC_HEADS = frozenset(("公司", "集团", "银行", "中心", "服务中心", "研究院", "研究中心", "联盟",
                            "共同体", "协会", "学院", "工作站", "服务站", "部门", "机关", "委员会",
                            "交易中心", "促进中心", "登记中心", "政府", "学校", "海关",
                            "有限公司", "有限责任公司", "股份有限公司", "医院", "卫生院", "指挥部", "事务所",
                            # people's organisations exist at every level: 省妇联, not 领域妇联
                            "妇联", "残联", "工商联", "侨联", "文联", "总工会", "科协"))
PLACE_PART_POS = ("ns", "nr", "nz", "f", "zg", "j")
_SPECIFIC_POS = ("ns", "nr", "nz", "nt", "j", "eng", "zg")
# A registered company's name runs 行政区划 + 字号 + 行业 + 组织形式 (陕西 晶彩明为 科技
# 有限责任公司): before a legal form the name reaches back to its region, even over a
# trade name the tagger reads as words (为, 未来), but never over a conjunction or a verb.
_LEGAL_FORMS = ("有限责任公司", "股份有限公司", "有限公司")
_NAME_STOPS = ("和", "与", "及", "同", "并", "或", "跟", "向", "对", "在", "由")


def _company_region_start(text: str, lo: int, start: int) -> int | None:
    """The region opening a company name whose trade name begins at `start`, or None."""
    tokens = _tokens(text, lo, start)
    for k in range(len(tokens) - 1, -1, -1):
        offset, word, flag = tokens[k]
        if word in _NAME_STOPS or not _NAME_CHAR.fullmatch(word) or (len(word) > 1 and flag.startswith("v")):
            return None
        if _is_region(word, flag) and len(word) > 1:
            return offset
    return None


_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")

_INNER_CONJUNCTIONS = ("和", "与", "及")  # 发展和改革委员会, 自然资源与生态环境局
# after one of these a 和 joins two bodies, not two words of one name
_HEAD_END = re.compile(r"(局|厅|委|办|室|站|中心|机构|所|院|校|司|团|行|会|盟)$")


def _tokens(text: str, lo: int, head: int, end: int | None = None) -> list[tuple[int, str, str]]:
    """Tagged tokens of text[lo:head] as (offset, word, flag).

    With `end` (where the head ends) the text is cut together with its head, so a
    word spanning body and head (经发局, 科技厅) keeps its body part whole.
    """
    tokens, pos = [], lo
    lex = lexicon()
    for word, flag in tagged(text[lo:end or head]):
        if pos >= head:
            break
        if pos + len(word) <= head:
            tokens.append((pos, word, flag))
        else:
            # a company the dictionary knows whole (华为技术有限公司) keeps its proper part;
            # our own short forms (经发局, 疾控中心) and 党委政府 say nothing of the body
            known = (flag == "nt" and word not in lex.abbreviations and word not in lex.standard
                     and lex.suffixes.get(text[head:end or head], ("",))[0] in ("company", "finance"))
            tokens.append((pos, text[pos:head], "nt" if known else "n"))
        pos += len(word)
    return tokens


# single characters the tagger cuts out of an unknown proper name (秦/创/原, 清/控) keep
# going; single function words stop
_SINGLE_STOP_POS = ("d", "p", "c", "u", "r", "a", "y", "e", "o", "x", "w", "m")
_VAGUE_BODY = frozenset(("相关", "有关", "其他", "各", "各级", "上级", "下级"))


_COMPLEMENTS = "好实强优"  # 建好, 用好, 做实, 做强: results completing a verb


def _is_stop(tokens: list[tuple[int, str, str]], k: int, boundaries: frozenset[str], verb_before_head: bool) -> bool:
    """Whether token `k` cannot sit inside a name. A lone character inside a run of lone
    characters is a piece of an unknown proper name (陕西埃恩束能碳基…, 晶彩明为)."""
    _, word, flag = tokens[k]
    in_single_run = len(word) == 1 and any(
        0 <= j < len(tokens) and len(tokens[j][1]) == 1 and not tokens[j][2].startswith(_SINGLE_STOP_POS)
        for j in (k - 1, k + 1))
    if word in "（）" or word == "各":  # 各片区管理局 names every district office at once
        return False
    if word in boundaries:
        # just before the head a verb names the body's work (培育中心, 促进中心)
        return k + 1 < len(tokens) or len(word) == 1 or not verb_before_head
    if word.isdigit() or _is_region(word, flag):
        return False
    if len(word) == 1:
        # 建好、用好: an adjective completing a one-character verb is no piece of a name
        complement = word in _COMPLEMENTS and k > 0 and len(tokens[k - 1][1]) == 1 \
            and tokens[k - 1][2].startswith(("v", "p"))
        return flag.startswith(_SINGLE_STOP_POS) and (not in_single_run or complement or flag.startswith(("c", "p", "u")))
    return flag.startswith(_STOP_POS)


@cached
def _starts_with_place(word: str) -> bool:
    """西安理工 (one token to the tagger) starts with a place name."""
    return len(word) > 2 and any(flag == "ns" for _, flag in tagged(word[:2]))


_NOT_NAME_PIECE_POS = ("m", "q", "t", "f")


def _specific(run: list[tuple[int, str, str]]) -> bool:
    """A proper part: a place, a tagged name, an unknown name cut into single characters."""
    for k, (_, word, flag) in enumerate(run):
        if word == "国家" or word in _not_regions():  # 口岸城市, 辖区: common nouns the tagger reads as places
            continue
        if _is_region(word, flag) or flag.startswith(_SPECIFIC_POS) or not word.isalpha() \
                or _starts_with_place(word):
            return True
        # two lone characters of an unknown name (晶/彩), not a numeral's (月/子 of 月子中心)
        if len(word) == 1 and k + 1 < len(run) and len(run[k + 1][1]) == 1 \
                and not flag.startswith(_NOT_NAME_PIECE_POS) and not run[k + 1][2].startswith(_NOT_NAME_PIECE_POS):
            return True
    return False


def _join_national_campaigns(run: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """健康中国, 美丽中国, 数字中国: a word and 中国 name a national campaign (健康中国行动推进
    委员会), so 中国 is no region prefix there."""
    for k in range(len(run) - 1, 0, -1):
        if run[k][1] == "中国" and len(run[k - 1][1]) == 2 and run[k - 1][2].startswith(("a", "n")):
            run = run[:k - 1] + [(run[k - 1][0], run[k - 1][1] + "中国", "nz")] + run[k + 1:]
    return run


def _name_start(text: str, lo: int, head: int, generic: bool, verb_before_head: bool = True,
                end: int | None = None) -> int | None:
    """Where the name ending at `head` begins inside [lo, head), or None for no name.

    After the last boundary or function word; at the first region token of what is
    left (平潭综合实验区, 陕西省, 区) when there is one, else after leading verbs and
    adjectives. A generic head needs a specific part before it.
    """
    if lo >= head:
        return head
    boundaries = lexicon().boundaries
    run: list[tuple[int, str, str]] = []
    tokens = _tokens(text, lo, head, end)
    joined = False  # inside the second half of a name joined by 和/与/及
    for k, token in enumerate(tokens):
        word = token[1]
        stop = _is_stop(tokens, k, boundaries, verb_before_head)
        # 住房和城乡建设局, 科技创新和新经济局: the part before the conjunction is no whole
        # body (省科技厅和省财政厅 are two), so the name reaches across it
        if word in _INNER_CONJUNCTIONS and run and not _HEAD_END.search(run[-1][1]) \
                and not _is_region(run[-1][1], run[-1][2]) \
                and not (len(run[-1][1]) == 1 and run[-1][2].startswith(("v", "d", "p", "c", "r", "u"))):
            stop, joined = False, True
        elif joined and word in _VAGUE_BODY:
            stop, joined = True, False  # 服务及相关行业主管部门: a collective follows the conjunction
        elif joined and stop and len(word) == 1 and token[2].startswith(_SOFT_POS) and word not in boundaries:
            stop = False  # 新 of 和新经济局 opens the second half, not a new name
        elif stop:
            joined = False
        if stop or word == "各":  # 各 opens a collective name: 各片区管理局
            run = [token] if word == "各" else []
        else:
            run.append(token)
    run = _join_national_campaigns(run)
    while run and (run[0][1] in _INNER_CONJUNCTIONS or (run[0][2] in _SOFT_POS and len(run[0][1]) > 1)
                   or (run[0][2] == "vn" and _specific(run[1:]))):
        run.pop(0)
    if not run:
        return head
    # a place in brackets (启承悬浮科技（西安）有限公司) is not the name's region prefix
    regions = [k for k, (_, word, flag) in enumerate(run)
               if _is_region(word, flag) and not (k > 0 and run[k - 1][1] == "（")]
    if regions and run[0][1] != "各":  # 各经济开发区管委会: the collective keeps its 各
        k = regions[0]
        # a place name the tagger split (西/f 咸/ns 新区) joins its region token
        while k > 0 and (run[k - 1][2].startswith(PLACE_PART_POS) or run[k - 1][1] == "各"):
            k -= 1
        run = run[k:]
    if generic and not _specific(run):
        return None
    if generic and split_region(text[run[0][0]:head] + "中心")[1][:-2] in _VAGUE_BODY:
        return None
    return run[0][0]


_LEVELS = "省市区县"


# every body of some levels at once (各省、自治区、直辖市人民政府, 各县（市、区）人民政府,
# 各地级以上市人民政府): 各, then level words with their separators and brackets
_COLLECTIVE_LEVELS = re.compile(
    r"(?:地级以上市|县级市|自治区|自治州|直辖市|特区|乡镇|街道|[省市区县旗州盟乡镇]|[、（）()])+")
_COLLECTIVE_REACH = 16
_LEVELS_ONLY = re.compile(r"[省市区县乡镇、]*")
# collectives: every body of a level or kind (各新城管委会), or a body's departments at large
# (市政府有关部门, 省直相关部门)
_COLLECTIVE_NAME = re.compile(r"^各|(?:各|有关|相关)(?:部门|单位|机构)$")


def _level_coordination(text: str, start: int, floor: int) -> int:
    """Take in coordinated level words before a name: 区、县人民政府, 各市、特区、区人民政府
    (not 市和 of 市和区县…, which names two bodies)."""
    if start - 2 >= floor and text[start - 1] == "、" and text[start - 2] in _LEVELS and text[start] in _LEVELS:
        start -= 2
    if text[start:start + 1] in ("市", "省") and text[start + 1:start + 2] == "和" and text[start + 2:start + 3] in _LEVELS:
        start += 2
    each = text.rfind("各", max(floor, start - _COLLECTIVE_REACH), start)
    if each >= 0:
        levels = _COLLECTIVE_LEVELS.match(text, each + 1)
        if levels and levels.end() >= start:
            start = each
    return start


def split_region(name: str) -> tuple[str, str]:
    """Split a name into its region prefix and the rest: 陕西省西咸新区管委会 -> (陕西省西咸新区, 管委会)."""
    lex = lexicon()
    name = re.sub(r"(?<=[省市区县])、(?=[省市区县])", "", name)  # 区、县人民政府 = 区县人民政府
    i = 0
    while True:
        m = lex.region_re.match(name, i)
        if not m or len(name) - m.end() < 2:
            break
        i = m.end()
    if i == 0 and len(name) > 2 and name[0] in "省市区县" and name[1] not in "场域级":
        i = 1
    return name[:i], name[i:]


def body_key(name: str) -> str:
    """The comparable body of a name: region stripped, standard abbreviations expanded."""
    lex = lexicon()
    rest = split_region(re.sub(r"（[^（）]*）$", "", name))[1]
    rest = lex.abbreviation_re.sub(lambda m: _expand(m, lex.abbreviations[m.group(0)]), rest)
    return re.sub(r"(?<!人民)政府", "人民政府", rest)  # 市政府 = 市人民政府


def _expand(m: re.Match[str], full: str) -> str:
    """The full form of an abbreviation, unless the full form is already written around it
    (卫生健康委 of 卫生健康委员会, 人民银行 of 中国人民银行)."""
    lo = max(0, m.start() - len(full))
    at = m.string.find(full, lo, m.end() + len(full))
    return m.group(0) if 0 <= at <= m.start() and at + len(full) >= m.end() else full


def org_type(name: str) -> str:
    """Classify a name by its head (and party / legislature markers)."""
    if name.startswith(("中共", "中国共产党")) or re.search(r"[省市区县]委|党[工组]?委|党中央|党群", name):
        return "party"
    lex = lexicon()
    bare = re.sub(r"（[^（）]*）$", "", name)
    if bare in lex.standard:
        return lex.standard[bare][1]
    for size in range(min(len(bare), 8), 0, -1):
        head = bare[-size:]
        if head in lex.suffixes:
            return lex.suffixes[head][0]
    return "government" if re.search(r"(单位|部门|片区|政府|街道|乡镇)", bare) else "other"


# a body's meeting right after its name: 省委经济工作会议, 市委十四届十次全会
_MEETING = re.compile(r"(?:[^，。；、“”（）\s]{0,2}|[一二三四五六七八九十百\d]+届[一二三四五六七八九十百\d]+次)"
                      r"(?:工作会议|全会|全体会议|常务会议|常委会会议)")


def _cell_start(text: str, lines: list[int], lo: int, head: int) -> int:
    """Where a name window starting at `lo` may begin: after the last line break before
    `head` whose line ends in a body's head (…服务机构⏎精神专科医院: a table's cells)."""
    k = bisect.bisect_right(lines, head)
    while k > 0 and lines[k - 1] > lo:
        k -= 1
        if _HEAD_END.search(text, max(0, lines[k] - 2), lines[k]):
            return lines[k]
    return lo


def _head_mentions(text: str, breaks: frozenset[int] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, type) of every name found by its head, left to right, compact offsets.

    `breaks` are the offsets where a line break was dropped: a table's cells arrive one
    per line, so a name on the next line joins the one before only as its unit (分局),
    and never reaches back over a line ending in a body's head.
    """
    lex = lexicon()
    found: list[tuple[int, int, str]] = []
    floor = 0
    excluded = _excluded_spans(text)
    lines = sorted(breaks)
    # every position a head starts at, overlapping: 理工大 rejected leaves 大学 of 西安理工大学
    for s, head in overlapping(lex.head_re, text):
        e = s + len(head)
        if s < floor or _excluded(excluded, s, e) or not _ends_word(text, e):
            continue
        if head.endswith("大") and text.startswith("学", e):
            continue
        if _MEETING.match(text, e):  # 省委经济工作会议提出: the meeting speaks, an event's name
            continue
        kind, min_body = lex.suffixes[head]
        paren = _PAREN.match(text, e)
        if paren and paren.group(0)[-2] in "办社处室局委会心":
            e = paren.end()
        prev_end = found[-1][1] if found else 0
        lo = window_start(text, s, prev_end)
        lo = _cell_start(text, lines, lo, s)
        start = _name_start(text, lo, s, head in _GENERIC_HEADS, verb_before_head=min_body > 0, end=e)
        if start is None and found and lo == prev_end:
            # right after another name (省委科技委员会) a generic head names a unit of it
            start = _name_start(text, lo, s, False, verb_before_head=min_body > 0, end=e)
            start = start if start == lo else None
        if head.endswith(_LEGAL_FORMS) and (start is None or not _starts_with_region(text, start, s)):
            region = _company_region_start(text, lo, s if start is None else start)
            start = start if region is None else region
        if start is None:
            continue
        start = _level_coordination(text, start, prev_end)
        # a unit of the body named just before it: 西安市社会科学院经济研究所, 省委科技委员会;
        # across a line break only a unit head joins (a table's next cell is a body of its own)
        if found and prev_end == lo == start and text[start] != "各" and (
                head in _SUBUNIT_HEADS
                or (start not in breaks
                    and (s == start or not any(_is_region(w, f) for _, w, f in _tokens(text, start, s))))):
            p_start, _, p_kind = found.pop()
            found.append((p_start, e, kind if kind != "government" else p_kind))
            floor = e
            continue
        body = text[start:s]
        if head in ("部门", "机关") and _LEVELS_ONLY.fullmatch(body):  # 省、市部门 names no one body
            continue
        if len(body) < min_body or body in _VAGUE_BODY or _COUNTED.match(body) or body.startswith(("该", "本", "此", "这")):
            continue
        if start > 0 and text[start - 1] in _NUMERALS:  # 一区一中心 is a numeric abbreviation
            continue
        if _COUNT_INSIDE.search(text[start:e]):  # 指14天内在学校: a count, not a name
            continue
        if min_body == 0 and body == "" and head in ("市委", "省委", "区委", "县委") and s > 0 and text[s - 1] in "本全":
            continue
        found.append((start, e, kind))
        floor = e
    return found


_NAME_PIECE_POS = ("nr", "nz", "ns", "j", "eng", "m", "g")
_OOV_POS = ("nr", "nz", "j", "eng")


def _example_name(item: str, whole: bool) -> tuple[int, str] | None:
    """The proper name at the end of a listed example, or None for a common noun.

    对接下游极氪 -> 极氪, 竞争3M -> 3M; 新能源汽车 is an industry, not a body.
    """
    boundaries = lexicon().boundaries
    tokens = tagged(item)
    keep = 0
    for word, flag in reversed(tokens):
        ok = word not in boundaries and (
            (len(word) == 1 and not flag.startswith(("p", "c", "u", "y", "e", "o", "x")))
            or flag.startswith(_NAME_PIECE_POS) or (len(word) == 2 and flag == "n"))
        if not ok:
            break
        keep += 1
    if keep == 0 or (whole and keep < len(tokens)):
        return None
    kept = tokens[len(tokens) - keep:]
    singles = sum(1 for w, _ in kept if len(w) == 1)
    if singles < 2 and not any(f.startswith(_OOV_POS) or (f == "m" and not w.isdigit()) for w, f in kept):
        return None
    name = "".join(w for w, _ in kept)
    lex = lexicon()
    if any(name.endswith(c) and c not in lex.suffixes for c in lex.example_types):
        return None  # 规上企业、上市企业等…企业: kinds of companies, not their names
    return (len(item) - len(name), name) if 2 <= len(name) <= 8 else None


_CLAUSE_CHUNK = re.compile(r"[^。；，]+")


def _examples_in(text: str, offset: int, lex: Lexicon) -> list[tuple[int, int, str]]:
    """The named examples of one stretch of text, at `offset`."""
    found = []
    for m in lex.examples_re.finditer(text):
        kind = lex.example_types[m.group(2)]
        pos = offset + m.start(1)
        for k, item in enumerate(m.group(1).split("、")):
            got = _example_name(item, whole=k > 0)
            if got:
                found.append((pos + got[0], pos + len(item), kind))
            pos += len(item) + 1
    return found


def _example_mentions(text: str) -> list[tuple[int, int, str]]:
    """Bodies named as examples: 吸引上海协氢、盛世盈创等一批链式企业入驻."""
    lex = lexicon()
    found = []
    # no list of examples crosses 。；，: only the stretches between them holding 等 can hold one
    for chunk in _CLAUSE_CHUNK.finditer(text):
        if "等" in chunk.group(0) and lex.examples_tail_re.search(chunk.group(0)):
            found += _examples_in(chunk.group(0), chunk.start(), lex)
    return found


def find_mentions(clean_text: str) -> list[Mention]:
    """Every organisation name in a text, with clean-text spans, in text order."""
    c = compact(clean_text)
    text = c.text
    lex = lexicon()
    standard = [(m.start(), m.end(), lex.standard[m.group(0)][1]) for m in lex.standard_re.finditer(text)]
    spans: list[tuple[int, int, str]] = []
    for s, e, kind in _head_mentions(text, c.breaks):
        if any(a <= s and e <= b for a, b, _ in standard):
            continue
        # a standard body written inside or just before a longer name (组织人事部（人才办）,
        # 深交所科交中心) is part of it
        joined = [t for t in standard if t[0] < e and s <= t[1]]
        standard = [t for t in standard if t not in joined]
        spans.append((min([s] + [t[0] for t in joined]), e, kind))
    spans += standard
    for s, e, kind in _example_mentions(text):
        if not any(a < e and s < b for a, b, _ in spans):
            spans.append((s, e, kind))
    spans.sort()
    mentions = []
    collective_end = -1
    for s, e, kind in spans:
        name = text[s:e].strip()
        # a collective (各省、自治区、直辖市人民政府, 市政府有关部门) is no one body: found whole
        # so no piece of it passes for a body, and left to owner lists that assign it work;
        # so is the alternative in brackets after it (各县区人民政府（管委会）)
        if _COLLECTIVE_NAME.search(name) or text[collective_end:s].strip() in ("(", "（"):
            collective_end = e
            continue
        if not name or " " in name:
            continue
        typed = org_type(name)
        mentions.append(Mention(name, typed if typed != "other" else kind, c.to_clean(s, e)))
    return mentions


def regions_compatible(a: str, b: str) -> bool:
    """Whether two region prefixes can name the same place: 区 / 平潭综合实验区, 西咸新区 / 陕西省西咸新区."""
    if a == b or not a or not b:
        return True
    short, long_ = sorted((a, b), key=len)
    return long_.endswith(short) or (len(short) > 1 and long_.startswith(short))


def _is_abbreviation(short: str, long_: str) -> bool:
    """A short form as a character subsequence of the full body, same head: 资源生态局 /
    自然资源与生态环境局. An abbreviation drops characters in more than one place: one
    stretch left out names another body (中国银行 / 中国工商银行)."""
    if len(short) < 4 or len(short) >= len(long_) or short[-1] != long_[-1] or long_.endswith(short):
        return False
    gaps, at = 0, 0
    for ch in short:
        found = long_.find(ch, at)
        if found < 0:
            return False
        gaps += found > at
        at = found + 1
    return gaps >= 2


_COMPANY_HEADS = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团|公司)$")


def _brand(key: str, other: str) -> bool:
    """陕汽 / 陕汽集团: a company's name without its head, or with a shorter one
    (秦创原发展公司 / 秦创原发展股份有限公司)."""
    short, long_ = sorted((key, other), key=len)
    stem = _COMPANY_HEADS.sub("", long_)
    return len(short) >= 2 and stem in (short, _COMPANY_HEADS.sub("", short))


def _short_region(key: str, other: str, regions: set[str]) -> bool:
    """西咸管委会 / 西咸新区管委会: the region written without its level word."""
    if len(key) <= len(other) or not key.endswith(other):
        return False
    lead = key[: len(key) - len(other)]
    return len(lead) >= 2 and any(r.startswith(lead) and len(r) > len(lead) for r in regions)


@cached
def _parts(name: str) -> tuple[str, str]:
    return split_region(name)[0], body_key(name)


def best_match(name: str, bodies: list[tuple[str, ...]]) -> int | None:
    """Index of the body (given by its forms) that `name` denotes, or None for a new body.

    Same key with compatible regions first (省科技厅 / 陕西省科学技术厅); a bare form
    with several candidates is the body named first; then, when exactly one body fits,
    a standard short form (资源生态局, 西咸管委会, 陕汽).
    """
    region, key = _parts(name)
    fitting = []
    for k, forms in enumerate(bodies):
        regions = {_parts(f)[0] for f in forms} - {""}
        if all(regions_compatible(region, r) for r in regions):
            fitting.append((k, {_parts(f)[1] for f in forms}, regions))
    same = [(k, regions) for k, keys, regions in fitting if key in keys]
    if len(same) == 1:
        return same[0][0]
    if same:
        exact = [k for k, regions in same if region in regions] if region else [same[0][0]]
        return exact[0] if len(exact) == 1 else None
    near = [k for k, keys, regions in fitting
            if any(_is_abbreviation(key, o) or _is_abbreviation(o, key) or _short_region(key, o, regions)
                   or _brand(key, o) for o in keys)]
    return near[0] if len(near) == 1 else None


def merge(mentions: list[Mention]) -> list[Organisation]:
    """Group mentions of one body into one `Organisation` (name = fullest form, others aliases)."""
    forms: list[list[str]] = []
    spans: list[list[Span]] = []
    kinds: list[str] = []
    for mention in mentions:
        k = best_match(mention.name, [tuple(f) for f in forms])
        if k is None:
            forms.append([])
            spans.append([])
            kinds.append(mention.type)
            k = len(forms) - 1
        if mention.name not in forms[k]:
            forms[k].append(mention.name)
        spans[k].append(mention.span)
    organisations = []
    for n, (group, kind) in enumerate(zip(forms, kinds), 1):
        name = max(group, key=lambda f: (len(f), -group.index(f)))
        aliases = [f for f in group if f != name]
        bare = re.sub(r"（[^（）]*）$", "", name)
        if bare != name and bare not in aliases:
            aliases.append(bare)
        typed = org_type(name)
        organisations.append(Organisation(
            id=f"o{n}", name=name, type=typed if typed != "other" else kind, aliases=tuple(aliases),
            mentions=tuple(sorted(set(spans[n - 1]))),
        ))
    return organisations


def find_organisations(tree: DocTree) -> tuple[Organisation, ...]:
    """Every body named in a document, one `Organisation` per body with its aliases.

    Example:
        >>> [o.name for o in find_organisations(tree)]  # doctest: +SKIP
        ['陕西省西咸新区开发建设管理委员会', '陕西省人大', '省科技厅', ...]
    """
    return tuple(merge(find_mentions(tree.text)))
