"""Where a name begins: the left boundary of a name ending at a head, read off tagged tokens.

The name starts after the last word that cannot open one (由, 会同, 依托 … in
`org_boundaries.txt`, prepositions, adverbs, particles), at its region token when it has one,
at 各 for a collective. A name reaches across 和/与/及 only when the part before it is no
complete body (住房和城乡建设局, 自然资源与生态环境局; but 区科技局和区财政局 are two).
"""
from __future__ import annotations

import re
from pathlib import Path

from extractor.extraction.organisations.keys import split_region
from extractor.extraction.organisations.text import NAME_WORD, tagged
from extractor.extraction.organisations.vocabulary import (
    STOP_POS,
    Lexicon,
    body_end,
    governs,
    is_region,
    lexicon,
    not_regions,
)
from extractor.lexicons import active_rules
from extractor.memo import text_memo

Token = tuple[int, str, str]  # (offset, word, part-of-speech flag)

# verbs, adjectives and set phrases open no name, but names contain them (自然资源与生态环境局)
_SOFT_POS = ("v", "a", "l")
PLACE_PART_POS = ("ns", "nr", "nz", "f", "zg", "j")
_SPECIFIC_POS = ("ns", "nr", "nz", "nt", "j", "eng", "zg")
# A registered company's name runs 行政区划 + 字号 + 行业 + 组织形式 (陕西 晶彩明为 科技
# 有限责任公司): before a legal form the name reaches back to its region, even over a
# trade name the tagger reads as words (为, 未来), but never over a conjunction or a verb.
_NAME_STOPS = ("和", "与", "及", "同", "并", "或", "跟", "向", "对", "在", "由")


def starts_with_region(text: str, start: int, head: int) -> bool:
    """Whether the name text[start:head] opens with a region token (陕西, 西安市)."""
    tokens = tagged_tokens(text, start, head)
    return bool(tokens) and is_region(tokens[0][1], tokens[0][2])


def company_region_start(text: str, lo: int, start: int) -> int | None:
    """The region opening a company name whose trade name begins at `start`, or None."""
    tokens = tagged_tokens(text, lo, start)
    for k in range(len(tokens) - 1, -1, -1):
        offset, word, flag = tokens[k]
        if word in _NAME_STOPS or not NAME_WORD.fullmatch(word) or (len(word) > 1 and flag.startswith("v")):
            return None
        if is_region(word, flag) and len(word) > 1:
            return offset
    return None


_ORDINAL = re.compile(r"第[0-9一二三四五六七八九十百零]+[届次]?")
_INNER_CONJUNCTIONS = ("和", "与", "及")  # 发展和改革委员会, 自然资源与生态环境局
def tagged_tokens(text: str, lo: int, head: int, end: int | None = None) -> list[tuple[int, str, str]]:
    """Tagged tokens of text[lo:head] as (offset, word, flag).

    With `end` (where the head ends) the text is cut together with its head, so a
    word spanning body and head (经发局, 科技厅) keeps its body part whole.
    """
    tokens, pos = [], lo
    for word, flag in tagged(text[lo:end or head]):
        if pos >= head:
            break
        if pos + len(word) <= head:
            # only a name or a place word can be glued, and only a township's 乡 or 镇 glues
            # (a call each per token costs more than these two tests)
            if flag in _GLUED_POS:
                tokens.extend(_unglued(pos, word, flag, lexicon().boundaries))
            else:
                tokens.append((pos, word, flag))
            if word in _TOWNSHIP:
                _glue_township(tokens)
        else:
            # a company or university the dictionary knows whole (华为技术有限公司, 斯坦福大学)
            # keeps its proper part;
            # our own short forms (经发局, 疾控中心) and 党委政府 say nothing of the body
            lex = lexicon()  # here only: most tokens end before the head
            known = (flag == "nt" and word not in lex.abbreviations and word not in lex.standard
                     and lex.suffixes.get(text[head:end or head], ("",))[0] in ("company", "finance", "university"))
            tokens.append((pos, text[pos:head], "nt" if known else _place_part(flag, text[pos:head])))
        pos += len(word)
    return tokens


def _place_part(flag: str, part: str) -> str:
    """The flag of the body part of a place word spanning body and head (上海 of 上海海关/ns):
    a place when the part alone is one, else a plain noun."""
    if flag == "ns":
        alone = tagged(part)
        if len(alone) == 1 and alone[0][1] == "ns":
            return "ns"
    return "n"


# characters that never open a township's name: prepositions, conjunctions, particles, pronouns,
# numerals, measure words, punctuation (在镇卫生院, 该镇, 各乡)
_NOT_IN_TOWNSHIP = ("p", "c", "u", "r", "m", "q", "x", "w")


_TOWNSHIP = ("乡", "镇")
_GLUED_POS = ("nr", "ns")  # the flags `_unglued` splits


def _glue_township(tokens: list[Token]) -> None:
    """An unknown township the tagger cut into characters (大/均/乡 of 大均乡卫生院) is one
    place word: two lone characters and 乡 or 镇 (a known one is a place word already: 城关镇)."""
    if len(tokens) >= 3 and tokens[-1][1] in _TOWNSHIP and all(
            len(w) == 1 and not f.startswith(_NOT_IN_TOWNSHIP) for _, w, f in tokens[-3:-1]):
        tokens[-3:] = [(tokens[-3][0], "".join(w for _, w, _ in tokens[-3:]), "ns")]


def _unglued(pos: int, word: str, flag: str, boundaries: frozenset[str]) -> list[Token]:
    """A preposition the tagger glued to a transliterated name (由约翰 of 由约翰·霍普金斯大学)
    or a conjunction glued to a level word (和县) is a word of its own."""
    if flag == "nr" and len(word) >= 3 and word[0] in boundaries:
        return [(pos, word[0], "p"), (pos + 1, word[1:], "nr")]
    # 和县 of 市人大常委会和县人大: a conjunction glued to a level word
    if flag == "ns" and len(word) == 2 and word[0] in _INNER_CONJUNCTIONS and word[1] in "省市区县":
        return [(pos, word[0], "c"), (pos + 1, word[1], "n")]
    return [(pos, word, flag)]


# single characters the tagger cuts out of an unknown proper name (秦/创/原, 清/控) keep
# going; single function words stop
_SINGLE_STOP_POS = ("d", "p", "c", "u", "r", "a", "y", "e", "o", "x", "w", "m")
VAGUE_BODY = frozenset(("相关", "有关", "其他", "各", "各级", "上级", "下级"))
_EACH = ("各", "各级")  # open a name of every body of a kind or level (各片区管理局, 各级农业农村部门)


_COMPLEMENTS = "好实强优"  # 建好, 用好, 做实, 做强: results completing a verb


# what a token's word and flag alone say of it inside a name: kept, a stop, a boundary word
# (a stop except as a verb just before the head), a lone function character (a stop outside a
# run of lone characters)
_KEEP, _STOP, _BOUNDARY, _SINGLE = range(4)


def _is_stop(tokens: list[Token], k: int, kind: int, verb_before_head: bool) -> bool:
    """Whether token `k`, of the kind `_word_kind` gives it (`_BOUNDARY` or `_SINGLE`: the two
    that need context), cannot sit inside a name. A lone character inside a run of lone
    characters is a piece of an unknown proper name (陕西埃恩束能碳基…, 晶彩明为)."""
    _, word, flag = tokens[k]
    if kind == _BOUNDARY:
        # just before the head a verb names the body's work (培育中心, 促进中心); no other
        # boundary word does (全省 of 全省政府工作)
        return k + 1 < len(tokens) or len(word) == 1 or not verb_before_head or not flag.startswith("v")
    # 建好、用好: an adjective completing a one-character verb is no piece of a name
    complement = word in _COMPLEMENTS and k > 0 and len(tokens[k - 1][1]) == 1 \
        and tokens[k - 1][2].startswith(("v", "p"))
    return complement or not _in_single_run(tokens, k)


# memoised: the same words recur in every window (a call and a look-up cost less than the tests)
@text_memo(1 << 13)
def _word_kind(rules: Path | None, word: str, flag: str) -> int:
    """`_is_stop`'s answer from the word and its flag alone, or what context it needs."""
    lex = lexicon()
    # 各片区管理局 names every district office at once; · joins a foreign name (约翰·霍普金斯)
    if word in "（）()·" or word == "各":
        return _KEEP
    if governs(word, lex):
        return _STOP
    if _ORDINAL.fullmatch(word) or word in lex.name_words:  # 第一中学, 第九届人民代表大会, 青年之家
        return _KEEP
    if word in lex.boundaries:
        return _BOUNDARY
    if word.isdigit() or is_region(word, flag):
        return _KEEP
    if len(word) == 1:
        if not flag.startswith(_SINGLE_STOP_POS):
            return _KEEP
        return _STOP if flag.startswith(("c", "p", "u")) else _SINGLE
    # eng: a Latin word (H1N1, TCL), not an interjection
    return _STOP if flag.startswith(STOP_POS) and flag != "eng" else _KEEP


def _in_single_run(tokens: list[Token], k: int) -> bool:
    """Whether a lone character has a lone character that is no function word beside it
    (checked last in `_is_stop`: only a lone function word needs it)."""
    return any(0 <= j < len(tokens) and len(tokens[j][1]) == 1 and not tokens[j][2].startswith(_SINGLE_STOP_POS)
               for j in (k - 1, k + 1))


def _starts_with_place(word: str) -> bool:
    """西安理工 (one token to the tagger) starts with a place name."""
    return len(word) > 2 and any(flag == "ns" for _, flag in tagged(word[:2]))


_NOT_NAME_PIECE_POS = ("m", "q", "t", "f")


def _specific(run: list[tuple[int, str, str]]) -> bool:
    """A proper part: a place, a tagged name, an unknown name cut into single characters."""
    common = not_regions()  # read once, not for every token
    for k, (_, word, flag) in enumerate(run):
        if word == "国家" or word in common:  # 口岸城市, 辖区: common nouns the tagger reads as places
            continue
        if is_region(word, flag) or flag.startswith(_SPECIFIC_POS) or not word.isalpha() \
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


def _joins_across(text: str, run: list[Token], token: Token) -> bool:
    """Whether 和/与/及 joins two parts of one name: the part before it is no complete body
    (住房和城乡建设局, 自然资源与生态环境局; but 区科技局和区财政局, 省发展改革委与省财政厅 are
    two bodies), no place (西安市与…) and no lone function word."""
    if token[1] not in _INNER_CONJUNCTIONS or not run:
        return False
    _, word, flag = run[-1]
    if body_end().search(text, run[0][0], token[0]) or is_region(word, flag):
        return False
    # a lone function word or localizer ends a phrase (试验区中与海关), never half a name
    return not (len(word) == 1 and flag.startswith(("v", "d", "p", "c", "r", "u", "f")))


def _opening_region(run: list[Token], regions: list[int]) -> int:
    """The region token a name opens with: the first, unless a verb of the sentence stands
    between it and a later one (新区重大发展事项需要省人民政府: the name opens at 省)."""
    verbs = [k for k, (_, word, flag) in enumerate(run) if flag == "v" and len(word) > 1]
    later = [r for r in regions if verbs and r > verbs[-1]]
    return later[0] if later else regions[0]


def name_start(text: str, lo: int, head: int, generic: bool, verb_before_head: bool = True,
                end: int | None = None) -> int | None:
    """Where the name ending at `head` begins inside [lo, head), or None for no name.

    After the last boundary or function word; at the first region token of what is
    left (平潭综合实验区, 陕西省, 区) when there is one, else after leading verbs and
    adjectives. A generic head needs a specific part before it.
    """
    if lo >= head:
        return head
    window = text[lo:end or head]
    start = _window_name_start(active_rules(), window, head - lo, generic, verb_before_head, end is not None)
    return None if start is None else lo + start


# The answer reads nothing outside the window text[lo:end], so it is memoised on the window:
# a body is named again and again in one document (owner lists, tables), and each time the
# same window is tagged and walked. Keyed by the rules folder too (the boundary words are rules).
@text_memo(1 << 13)
def _window_name_start(rules: Path | None, window: str, head: int, generic: bool, verb_before_head: bool,
                       with_head: bool) -> int | None:
    return _name_start(rules, window, head, generic, verb_before_head, len(window) if with_head else None)


def _name_start(rules: Path | None, text: str, head: int, generic: bool, verb_before_head: bool,
                end: int | None) -> int | None:
    """`name_start` over a window that begins at 0."""
    run: list[tuple[int, str, str]] = []
    tokens = tagged_tokens(text, 0, head, end)
    joined = False  # inside the second half of a name joined by 和/与/及
    for k, token in enumerate(tokens):
        word = token[1]
        kind = _word_kind(rules, word, token[2])
        # most tokens are told by their word and flag alone: no call for the context
        stop = kind == _STOP if kind < _BOUNDARY else _is_stop(tokens, k, kind, verb_before_head)
        if run and word in _INNER_CONJUNCTIONS and _joins_across(text, run, token):
            stop, joined = False, True
        elif joined and word in VAGUE_BODY:
            stop, joined = True, False  # 服务及相关行业主管部门: a collective follows the conjunction
        elif joined and stop and len(word) == 1 and token[2].startswith(_SOFT_POS) and word not in lexicon().boundaries:
            stop = False  # 新 of 和新经济局 opens the second half, not a new name
        elif stop:
            joined = False
        if stop or word in _EACH:  # 各 opens a collective name: 各片区管理局
            run = [token] if word in _EACH else []
        else:
            run.append(token)
    if "中国" in text:  # most windows name no campaign: no walk over the run
        run = _join_national_campaigns(run)
    while run and (run[0][1] in _INNER_CONJUNCTIONS or (run[0][2] in _SOFT_POS and len(run[0][1]) > 1)
                   or (run[0][2] == "vn" and _specific(run[1:]))):
        run.pop(0)
    if not run:
        return head
    # a place in brackets (启承悬浮科技（西安）有限公司) is not the name's region prefix
    regions = [k for k, (_, word, flag) in enumerate(run)
               if is_region(word, flag) and not (k > 0 and run[k - 1][1] == "（")]
    if regions and run[0][1] != "各":  # 各经济开发区管委会: the collective keeps its 各
        k = _opening_region(run, regions)
        # a place name the tagger split (西/f 咸/ns 新区) joins its region token
        while k > 0 and (run[k - 1][2].startswith(PLACE_PART_POS) or run[k - 1][1] == "各"):
            k -= 1
        run = run[k:]
    if generic and not _specific(run) and not (run[0][1] == "各级" and len(run) > 1):
        return None  # 各级农业农村部门: every level's department of a field
    if generic and split_region(text[run[0][0]:head] + "中心")[1][:-2] in VAGUE_BODY:
        return None
    return run[0][0]




_LEVELS = "省市区县"


# every body of some levels at once (各省、自治区、直辖市人民政府, 各县（市、区）人民政府,
# 各地级以上市人民政府): 各, then level words with their separators and brackets
_COLLECTIVE_LEVELS = re.compile(
    r"(?:地级以上市|县级市|自治区|自治州|直辖市|特区|乡镇|街道|[省市区县旗州盟乡镇]|[、（）()])+")
_COLLECTIVE_REACH = 16
LEVELS_ONLY = re.compile(r"(?:[省市区县乡镇]级?|、)*")  # 省、市, 省级, 县级
# collectives: every body of a level or kind (各新城管委会, 地方各级人民政府), or a body's departments at large
# (市政府有关部门, 省直相关部门)
COLLECTIVE_NAME = re.compile(r"^各|各级|(?:各|有关|相关)(?:部门|单位|机构)$")


def level_coordination(text: str, start: int, floor: int) -> int:
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


