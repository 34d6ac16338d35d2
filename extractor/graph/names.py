"""Names of entities as the graph compares them: normal forms, place prefixes, levels.

Chinese bodies are named ``<place…><core>`` (陕西省 西咸新区 开发建设管理委员会) or with a
bare level character (省科技厅, 市科技局). The graph merges names across documents, so it
needs a key that ignores spelling noise and the level a body sits at, which must never be
blurred (省科技厅 and 市科技局 are different bodies). The lexicon lives in
``extractor/resources/admin_levels.json``.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractor.lexicons import load_json


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return load_json("admin_levels.json")


_SPACE_QUOTES = re.compile(r"[\s\u3000“”‘’\"'「」『』《》〈〉<>•·・]")
_DASHES = re.compile(r"[‐‑‒–—―−－~～]+")
_NUMERALS = re.compile(r"[0-9〇零一二三四五六七八九十百千万两]+")


@dataclass(frozen=True)
class PlaceToken:
    """One place name at the head of a body's name, with its administrative level."""

    text: str
    level: str


@dataclass(frozen=True)
class NameInfo:
    """What a body's name says about where it sits.

    `places` are the leading place names (陕西省, 西咸新区); `level` is the administrative
    level of the innermost one, or of a bare level prefix (省科技厅 → province), or None;
    `core` is the name without its leading places.
    """

    places: tuple[PlaceToken, ...]
    level: str | None
    core: str

    @property
    def place(self) -> str | None:
        """The innermost place name, e.g. 西咸新区 for 陕西省西咸新区开发建设管理委员会."""
        return self.places[-1].text if self.places else None


def normalise(name: str) -> str:
    """Fold a name to the form the graph compares: NFKC, no spaces/quotes, one dash.

    Example:
        >>> normalise("组织人事部（人才办）")
        '组织人事部(人才办)'
        >>> normalise("《三年行动计划（2024—2026年）》") == normalise("三年行动计划(2024-2026年)")
        True
    """
    text = unicodedata.normalize("NFKC", name)
    text = _SPACE_QUOTES.sub("", text)
    return _DASHES.sub("-", text)


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[str, str], ...]:
    # Longest first so 发展改革委 expands before a shorter abbreviation inside it could.
    items = _lexicon()["abbreviations"].items()
    return tuple(sorted(((normalise(k), normalise(v)) for k, v in items), key=lambda kv: -len(kv[0])))


def expand(name: str) -> str:
    """Normalise and spell out standard abbreviations (管委会 → 管理委员会, 科技局 → 科学技术局).

    Example:
        >>> expand("西咸新区管委会")
        '西咸新区管理委员会'
    """
    text = normalise(name)
    for short, full in _abbreviations():
        if short in text and full not in text:
            text = text.replace(short, full)
    return text


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern[str]:
    lex = _lexicon()
    suffixes = sorted((s for s, _ in lex["place_suffixes"]), key=len, reverse=True)
    provinces = sorted(lex["provinces"], key=len, reverse=True)
    # A place stem holds no character that ends a body's name (局, 委, 部 …), so the
    # tokenizer stops at 西安市|公安局 instead of reading 公安局西咸新区 as a place.
    stem = r"(?:(?![局厅委办部会院校司所队站处科组室社协团])[\u4e00-\u9fff])"
    national = "|".join(map(re.escape, sorted(lex["national_prefixes"], key=len, reverse=True)))
    return re.compile(
        rf"(?P<national>{national})"
        rf"|(?P<province>(?:{'|'.join(provinces)})(?:特别行政区|维吾尔自治区|回族自治区|壮族自治区|自治区|省|市)?)"
        rf"|(?P<place>{stem}{{2,6}}?(?:{'|'.join(map(re.escape, suffixes))}))"
    )


@lru_cache(maxsize=1)
def _suffix_levels() -> tuple[tuple[str, str], ...]:
    pairs = _lexicon()["place_suffixes"]
    return tuple(sorted(((s, lvl) for s, lvl in pairs), key=lambda p: -len(p[0])))


def _token_level(token: str) -> str | None:
    for suffix, level in _suffix_levels():
        if token.endswith(suffix):
            return level
    return None


def _is_place_token(name: str, start: int, end: int) -> bool:
    """Reject tokens that only look like places: 园区, 示范区, 秦创原科技大市|场."""
    lex = _lexicon()
    token = name[start:end]
    if any(token.endswith(word) for word in lex["place_token_exceptions"]):
        return False
    return name[end - 1:end + 1] not in lex["bare_prefix_exceptions"]


@lru_cache(maxsize=4096)
def analyse(name: str) -> NameInfo:
    """Split a body's name into its leading places, their level and the rest.

    Example:
        >>> info = analyse("陕西省西咸新区开发建设管理委员会")
        >>> [p.text for p in info.places], info.level, info.core
        (['陕西省', '西咸新区'], 'county', '开发建设管理委员会')
        >>> analyse("省科技厅").level, analyse("市科技局").level, analyse("市场监管局").level
        ('province', 'city', None)
    """
    lex = _lexicon()
    text = normalise(name)
    pattern = _place_pattern()
    places: list[PlaceToken] = []
    pos = 0
    while pos < len(text):
        match = pattern.match(text, pos)
        if not match or not _is_place_token(text, match.start(), match.end()):
            break
        token = match.group(0)
        if match.group("national"):
            level = "national"
        elif match.group("province"):
            level = "province"
        else:
            level = _token_level(token)
        places.append(PlaceToken(token, level or "county"))
        pos = match.end()
    core = text[pos:]
    if places:
        return NameInfo(tuple(places), places[-1].level, core)
    if text in _national_bodies() or any(text.endswith(s) for s in lex["national_suffixes"]):
        # ministries are named without a place: 科技部, 财政部, 海关总署
        return NameInfo((), "national", core)
    bare = lex["bare_prefixes"].get(text[:1])
    if bare and text[:2] not in lex["bare_prefix_exceptions"] and len(text) >= 2:
        return NameInfo((), bare, core)
    return NameInfo((), None, core)


@lru_cache(maxsize=1)
def _national_bodies() -> frozenset[str]:
    return frozenset(normalise(n) for n in _lexicon()["national_bodies"])


def parent_kinds(place: str) -> tuple[str, ...]:
    """Suffixes of the places that hold `place` by kind: 沣东新城 lies in a …新区."""
    text = normalise(place)
    for suffix, parents in _lexicon()["part_of"].items():
        if not suffix.startswith("_") and text.endswith(suffix):
            return tuple(parents)
    return ()


def is_kind(place: str, suffixes: tuple[str, ...]) -> bool:
    """Whether `place` ends with one of `suffixes` (a 高新区 is a zone, not a 新区)."""
    text = normalise(place)
    return (any(text.endswith(s) for s in suffixes)
            and not any(text.endswith(x) for x in _lexicon()["part_of_exclude"]))


def province(place: str) -> str | None:
    """The province a name is, with or without its suffix: 陕西省 and 陕西 → 陕西."""
    text = normalise(place)
    match = _place_pattern().fullmatch(text)
    if not match or not match.group("province"):
        return None
    return next((p for p in sorted(_lexicon()["provinces"], key=len, reverse=True) if text.startswith(p)), None)


def level_rank(level: str | None) -> int | None:
    """0 for national … 4 for township; None when the level is unknown."""
    levels = _lexicon()["levels"]
    return levels.index(level) if level in levels else None


def is_body(name: str) -> bool:
    """True for a whole government body (人民政府, 管委会, 党工委 …), not one of its departments."""
    text = expand(name)
    return any(text.endswith(expand(s)) for s in _lexicon()["body_suffixes"])


def is_department(name: str) -> bool:
    """True for a department-like name (…局, …厅, …办公室, …中心) that is not a whole body."""
    text = normalise(name)
    text = re.sub(r"\([^)]*\)$", "", text)  # 组织人事部(人才办) is a 部
    return not is_body(text) and any(text.endswith(s) for s in _lexicon()["department_suffixes"])


def numerals(name: str) -> tuple[str, ...]:
    """The numbers written in a name: 第一中学 and 第二中学 differ only in them."""
    return tuple(_NUMERALS.findall(normalise(name)))


def _same_place_bodies(short: str, full: str) -> bool:
    # a place has one government body: 西咸新区管理委员会 ← 西咸新区开发建设管理委员会
    return bool(is_body(short) and is_body(full) and analyse(short).place
                and analyse(short).place == analyse(full).place)


def _departments(short: str, full: str) -> bool:
    # government departments are shortened by keeping one character of each word
    # (区经发局 ← 区经济发展局); the caller only compares names of one jurisdiction
    suffixes = tuple(_lexicon()["abbreviated_department_suffixes"])
    return short.endswith(suffixes) and full.endswith(suffixes) and is_department(short) and is_department(full)


def is_abbreviation(short: str, full: str) -> bool:
    """Whether `short` abbreviates `full` the way Chinese names are shortened.

    The short form keeps characters of the full form in order (西安交大 ← 西安交通大学),
    starts with the same character, ends on the full form's last word, and keeps at
    least 60% of it. When both end in the same character the short form is a complete
    name in its own right (西北大学 is not 西北工业大学), except for the government body
    of one place (西咸新区管理委员会 ← 西咸新区开发建设管理委员会) and a government
    department (区财金局 ← 区财政金融局). A prefix is not an abbreviation: 西安市公安局
    is the body 西安市公安局西咸新区分局 belongs to.

    Example:
        >>> is_abbreviation("西安交大", "西安交通大学"), is_abbreviation("西北大学", "西北工业大学")
        (True, False)
        >>> is_abbreviation("区经发局", "区经济发展局")
        True
    """
    if len(short) >= len(full) or not short or short[0] != full[0] or full.startswith(short):
        return False
    if len(short) < 0.6 * len(full):
        return False
    if short[-1] == full[-1] and not (_same_place_bodies(short, full) or _departments(short, full)):
        return False
    pos = -1
    for char in short:
        pos = full.find(char, pos + 1)
        if pos < 0:
            return False
    return pos >= len(full) - 2


def resolve(form: str, places: Sequence[str]) -> str | None:
    """The full name of a body named by a bare level (省科技厅) in a document of `places`.

    `places` are the document's places, outermost first (陕西省, 西咸新区). The bare level
    character is read as the place of that kind: 省 as the province, 区 as a place ending
    in 区, 市 as a city or a municipality; a leading kind of place (新区党工委) as the
    document's place of that kind. None when the form names its place already, has no
    bare level, or the document has no place of that kind.

    Example:
        >>> resolve("省科技厅", ["陕西省", "西咸新区"]), resolve("区党工委", ["陕西省", "西咸新区"])
        ('陕西省科技厅', '西咸新区党工委')
        >>> resolve("市政府研究室", ["陕西省", "西咸新区"]) is None
        True
    """
    text = normalise(form)
    info = analyse(text)
    if info.places:
        return None
    kind = next((s for s, _ in _suffix_levels() if len(s) > 1 and text.startswith(s)), None)
    if kind:  # 新区党工委: the 新区 of the document
        place = next((p for p in reversed([normalise(p) for p in places]) if p.endswith(kind)), None)
        return place + text[len(kind):] if place else None
    level = _lexicon()["bare_prefixes"].get(text[:1])
    if level is None or info.level != level:
        return None
    for place in reversed([normalise(p) for p in places]):
        stem = province(place)
        if level == "province":
            if stem:
                return stem + text  # 陕西 + 省委, whether the document wrote 陕西 or 陕西省
        elif place.endswith(text[0]) and not (stem and text[0] != "市"):
            return place + text[1:]  # 市 of a municipality (上海市) is its own 市
    return None
