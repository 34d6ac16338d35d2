"""The programme cues: the word lists of ``resources/programme_cues.json`` compiled into
patterns once per rules folder, and the organisation heads that end a body, not a programme.

Patterns that run over every name's left context are built so `re` skips ahead: word lists
grouped by first character, a look-ahead of first characters before a look-ahead test.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.extraction.organisations.vocabulary import heads
from extractor.lexicons import alternation, cached, load_json

CHINESE_NUMERAL = "一二三四五六七八九十两双百千万多"
ITEM = r"[\u4e00-\u9fff]{4,12}"  # one item of an unquoted list of schemes


@dataclass(frozen=True)
class Cues:
    """Every programme cue, compiled: patterns where a cue is found in text, sets where a word
    is looked up (see `_about` in the cue file for what each list means)."""

    scheme_after: re.Pattern[str]
    scheme_noun: re.Pattern[str]
    description_after: re.Pattern[str]
    category_before: re.Pattern[str]
    list_after: re.Pattern[str]
    verb_before: re.Pattern[str]
    slogan_before: re.Pattern[str]
    enumeration: re.Pattern[str]
    enumeration_ends: tuple[str, ...]
    support_list: re.Pattern[str]
    list_heads: tuple[str, ...]
    kind_words: tuple[str, ...]
    kind_endings: tuple[str, ...]
    word_tails: tuple[str, ...]
    class_before: re.Pattern[str]
    count_start: re.Pattern[str]
    scheme_suffix: tuple[str, ...]
    heads: re.Pattern[str]
    generic: re.Pattern[str]
    boundary: re.Pattern[str]
    noun_after_verb: tuple[str, ...]
    particle: re.Pattern[str]
    particle_characters: frozenset[str]
    head_not_before: re.Pattern[str]
    head_not_after: tuple[str, ...]
    department_stems: tuple[str, ...]
    anchors: tuple[str, ...]
    level_anchors: frozenset[str]
    anchored_heads: frozenset[str]
    designation_heads: frozenset[str]
    last_head: re.Pattern[str]
    head_words: frozenset[str]
    metaphor: re.Pattern[str]
    campaign: re.Pattern[str]
    standard: frozenset[str]
    standard_re: re.Pattern[str]
    hard_boundary: re.Pattern[str]
    count_after: re.Pattern[str]
    schedule: re.Pattern[str]
    itself: re.Pattern[str]
    leading_tags: tuple[str, ...]
    object_heads: frozenset[str]
    system_heads: frozenset[str]
    campaign_words: frozenset[str]
    campaign_prefixes: tuple[str, ...]
    pair_joints: tuple[tuple[str, int], ...]
    modifier_joints: tuple[tuple[str, int], ...]
    aim_joints: tuple[tuple[str, int], ...]
    name_joints: frozenset[str]
    action_tags: frozenset[str]
    actor_nouns: tuple[str, ...]
    formula: re.Pattern[str]
    verb_complements: tuple[str, ...]
    system_function: re.Pattern[str]
    function_run: re.Pattern[str]
    boundary_before: re.Pattern[str]
    nominal_verbs: frozenset[str]
    negations: frozenset[str]
    vague: re.Pattern[str]
    vague_starts: frozenset[str]
    manner_before: re.Pattern[str]
    manner_ends: frozenset[str]
    class_ends: frozenset[str]
    itself_ends: frozenset[str]
    titled_heads: frozenset[str]
    cue_verb: re.Pattern[str]
    time_count: re.Pattern[str]
    modals: frozenset[str]
    modal: re.Pattern[str]


def starting(words: list[str]) -> str:
    """A lookahead that admits only the positions where one of `words` can start.

    `re` skips ahead by a pattern's first characters only when the pattern opens with them;
    one that opens with a group or a lookahead (a particle that is not 对标) tries every
    word at every character instead, and these patterns run over every name's left context.
    """
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


def by_first_character(words: list[str]) -> str:
    """`alternation(words)` grouped by first character (建(?:设|好|立)|…): the same matches,
    but `re` tries only the words that start with the character it is at, not each of them
    in turn (the boundary words are 160 and run over every name's left context)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):  # alternation's order: longest first
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(re.escape(first) + (f"(?:{'|'.join(rests)})" if rests != [""] else "")
                    for first, rests in groups.items()) or "(?!)"


def last_characters(words: list[str]) -> frozenset[str]:
    """The characters a match of `(?:words)$` can end a window with: a word's last one, or the
    line break `$` passes over. A window ending otherwise has no match: no pattern call needed."""
    return frozenset(word[-1] for word in words) | {"\n"}


def _hard_boundary(data: dict) -> re.Pattern[str]:
    """What may stand left of an unquoted name: punctuation (an open bracket too), a number
    with its measure word, a dash pair, an article number. All but 第 are no Chinese
    character: the lookahead passes over runs of text at once."""
    measures = "".join(data["measure_words"])
    # speed: the pattern opens with the one character class every boundary starts with (no
    # Chinese character but 第, U+7B2C) and reads the kind of boundary behind it: `re` then
    # skips over runs of Chinese at once instead of trying the pattern at each character.
    return re.compile(
        r"[^\u4e00-\u7b2b\u7b2d-\u9fff](?:(?<=[^\u4e00-\u9fff\w“”·—])|(?<=[①-⑳])|(?<=—)—"
        rf"|(?<=第)[一二三四五六七八九十百零〇\d]+[条章节款项]|(?<=\d)\d*(?:\.\d+)?[万亿千百]*[{measures}]?)")


def _particles(data: dict) -> str:
    """The particles, grouped by first character as `by_first_character` does, each group
    refused where a longer word that is no particle starts (对 but not 对标, 在 but not 在线).

    Speed: the words that are none are read right after the first character, so the pattern
    opens with its first characters and `re` skips ahead to them; a lookahead before the
    words made it try the pattern at every character of every name's left context.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(set(data["particles"]), key=lambda w: (-len(w), w)):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    others: dict[str, list[str]] = {}
    for word in data["not_particles"]:
        others.setdefault(word[0], []).append(re.escape(word[1:]))
    parts = [re.escape(first) + (f"(?!{'|'.join(others[first])})" if first in others else "")
             + (f"(?:{'|'.join(rests)})" if rests != [""] else "")
             for first, rests in groups.items() if "" not in others.get(first, ())]
    return "|".join(parts) or "(?!)"


def _formula(data: dict) -> re.Pattern[str]:
    """A four-character policy formula (优机优补, 以奖代补) right after an implementing verb."""
    pairs = "|".join(rf"{re.escape(a)}[\u4e00-\u9fff]{re.escape(b)}[\u4e00-\u9fff]" for a, b in data["formula_pairs"])
    return re.compile(rf"(?:{by_first_character(data['cue_verbs'])})({pairs})(?![\u4e00-\u9fff])")


def _support_list(data: dict) -> re.Pattern[str]:
    """稳定实施耕地地力保护补贴、玉米大豆生产者补贴和稻谷补贴政策: after an implementing verb,
    a list whose every item ends in a head of support (补贴, 补助), each item one scheme."""
    item = rf"[^\W\d、和及与的]{{2,16}}?(?:{by_first_character(data['list_heads'])})"
    return re.compile(rf"(?:{by_first_character(data['cue_verbs'])})((?:{item}[、和及])+{item})(?=政策|等|[^\u4e00-\u9fff])")


def _system_cues(data: dict) -> dict:
    """Platform and system heads, and the function words before them (信息服务管理平台)."""
    functions = by_first_character(data["system_functions"])
    return {"system_heads": frozenset(data["system_heads"]),
            "system_function": re.compile(rf"(?:{functions}){{2,}}$"),
            "function_run": re.compile(rf"(?:{functions})+$")}


def _head_cues(data: dict) -> dict:
    """Programme heads, what may join them, and what a head runs on into or follows."""
    head = rf"(?:{by_first_character(data['named_heads'])})"
    return {"heads": re.compile(rf"{head}(?:(?:{by_first_character(data['head_glue'])})?{head})*"),
            "last_head": re.compile(rf"{head}$"),
            "head_words": frozenset(data["named_heads"]),
            "head_not_before": re.compile(by_first_character(data["head_not_before"])),
            "head_not_after": tuple(data["head_not_after"]),
            "anchored_heads": frozenset(data["anchored_heads"]),
            "designation_heads": frozenset(data["designation_heads"]),
            "object_heads": frozenset(data["object_heads"])}


def _quote_cues(data: dict) -> dict:
    """What around a quoted term makes it a scheme, a slogan or a schedule."""
    modifier = rf"[^\W\d的a-zA-Z]{{0,{int(data['max_modifier'])}}}?"
    return {"scheme_after": re.compile(rf"{modifier}(?:{by_first_character(data['scheme_nouns'])})"),
            "scheme_noun": re.compile(by_first_character(data["scheme_nouns"])),
            "description_after": re.compile(rf"的{modifier}(?:{by_first_character(data['description_nouns'])})"),
            "category_before": re.compile(
                rf"(?P<label>{by_first_character(data['category_labels'])})\s*[\]】］]?\s*[|｜:：]\s*$"),
            "list_after": re.compile(rf"等[^，。；“”]{{0,6}}?(?:“|{by_first_character(data['list_nouns'])})"),
            "slogan_before": re.compile(rf"(?:{by_first_character(data['slogan_verbs'])})$"),
            "scheme_suffix": tuple(data["scheme_suffixes"]),
            "metaphor": re.compile(by_first_character(data["metaphors"] + data["slogans"])),
            "count_after": re.compile(by_first_character(data["count_nouns"])),
            "schedule": re.compile(rf"(?:^|\+)\d+(?:{by_first_character(data['schedule_units'])})\w*\+")}


def _boundary_cues(data: dict) -> dict:
    """What ends a name on its left: particles, verbs, punctuation, counts, clause words."""
    return {"boundary": re.compile(by_first_character(data["boundary_words"])),
            "boundary_before": re.compile(rf"(?:{by_first_character(data['boundary_words'])})$"),
            "verb_before": re.compile(rf"(?:{by_first_character(data['cue_verbs'])})$"),
            "particle": re.compile(_particles(data)),
            # the particles of one character, which no longer word that is none equals: one
            # character before a place is a particle when it is one of them (a set look-up)
            "particle_characters": frozenset(w for w in data["particles"] if len(w) == 1) - frozenset(data["not_particles"]),
            "noun_after_verb": tuple(data["noun_after_verb"]),
            "hard_boundary": _hard_boundary(data),
            "class_before": re.compile(rf"(?:{by_first_character(data['class_words'])})$"),
            "class_ends": last_characters(data["class_words"]),
            "itself_ends": last_characters(data["self_words"]),
            "count_start": re.compile(rf"[{CHINESE_NUMERAL}]+(?:{by_first_character(data['count_measures'])})"),
            "itself": re.compile(rf"(?<!{alternation(data['self_word_compounds'])})"
                                 rf"(?:{by_first_character(data['self_words'])})$"),
            "leading_tags": tuple(data["leading_tags"]),
            "negations": frozenset(data["negations"] + data["clause_adverbs"]),
            "verb_complements": tuple(data["verb_complements"]),
            "nominal_verbs": frozenset(data["nominal_verbs"]),
            "pair_joints": tuple((joint, int(size)) for joint, size in data["pair_joints"].items()),
            "modifier_joints": tuple((joint, int(size)) for joint, size in data["modifier_joints"].items()),
            "aim_joints": tuple((joint, int(size)) for joint, size in data["aim_joints"].items()),
            "name_joints": frozenset(data["pair_joints"]) | frozenset(data["modifier_joints"]),
            "action_tags": frozenset(data["action_tags"])}


def _way_cues(data: dict) -> dict:
    """The patterns of the other ways: nationwide names, lists, formulas, campaigns."""
    campaign_verbs = by_first_character(data["campaign_verbs"])
    return {"standard": frozenset(data["standard_programmes"]),
            "standard_re": re.compile(by_first_character(data["standard_programmes"])),
            "enumeration": re.compile(rf"(?:{by_first_character(data['cue_verbs'])})((?:{ITEM}、)+{ITEM})"
                                      rf"等(?:{by_first_character(data['enumeration_nouns'])})"),
            "support_list": _support_list(data),
            # words each list holds (等机制, 补贴): `in` finds them at once, so most documents skip the scans
            "enumeration_ends": tuple("等" + noun for noun in data["enumeration_nouns"]),
            "list_heads": tuple(data["list_heads"]),
            "formula": _formula(data),
            "campaign": re.compile(rf"{starting(data['campaign_verbs'] + data['campaign_prefixes'])}"
                                   rf"((?:{campaign_verbs})?)({by_first_character(data['campaign_prefixes'])})"
                                   rf"([\u4e00-\u9fff]{{2}})((?:{campaign_verbs})?)"),
            "campaign_words": frozenset(data["campaign_verbs"]),
            "campaign_prefixes": tuple(data["campaign_prefixes"])}


@cached
def load_cues() -> Cues:
    """The cue lists of ``resources/programme_cues.json``, compiled once per rules folder."""
    data = load_json("programme_cues.json")
    return Cues(**_head_cues(data), **_quote_cues(data), **_boundary_cues(data), **_way_cues(data),
                **_system_cues(data),
                kind_words=tuple(data["kind_words"]),
                kind_endings=tuple(data["kind_endings"]),
                word_tails=tuple(data["word_tails"]),
                # only ever fullmatched: grouping by first character keeps the same answers
                generic=re.compile(rf"(?:{by_first_character(data['generic_words'])})*"),
                vague=re.compile(rf"(?:{by_first_character(data['generic_words'] + data['manner_words'])})*"),
                # the first characters of those words: a modifier starting otherwise is no run of them
                vague_starts=frozenset(word[0] for word in data["generic_words"] + data["manner_words"]),
                modals=frozenset(data["modals"]),
                modal=re.compile(by_first_character(data["modals"])),
                manner_before=re.compile(rf"(?:{by_first_character(data['manner_words'])})$"),
                manner_ends=last_characters(data["manner_words"]),
                titled_heads=frozenset(data["titled_heads"]),
                cue_verb=re.compile(by_first_character(data["cue_verbs"])),
                time_count=re.compile(rf"[{CHINESE_NUMERAL}\d]+[年天日月]$"),
                department_stems=tuple(data["department_stems"]),
                anchors=tuple(data["anchors"]),
                level_anchors=frozenset(data["level_anchors"]),
                actor_nouns=tuple(data["actor_nouns"]))


@cached
def body_heads() -> tuple[str, ...]:
    """Heads that end the name of a body (局, 委员会, 公司 …), from the organisation head table,
    without the heads that also end designations (``shared_heads``: 中心)."""
    shared = set(load_json("programme_cues.json")["shared_heads"])
    return tuple(head for head in heads() if head not in shared)
