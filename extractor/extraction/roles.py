"""The role vocabulary of owner expressions, read from `resources/owner_roles.json`.

Every word that says who leads or supports a task (牵头, 主办, 指导 / 配合, 协办, 协助), the
unit words of labels (单位, 部门), the division labels (职责分工), the statements that make
the first listed body the lead (列第一位者为牵头单位) and the blanket statements
(以下均需…落实，不再列出) live in that one file; this module compiles them into the patterns
`owners` reads, so a new role word is a one-file change.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from extractor.lexicons import alternation, cached, load_json

_BREAK = r"(?=。|$|\d{{1,2}}[.．、](?!\d)|[（(][一二三四五六七八九十]{{1,3}}[）)]|[一二三四五六七八九十]{{1,3}}、|(?:{fields})[：:])"
"""Where a label list written outside brackets ends: its sentence, the next numbered item
or the next field label of a form (承办单位：市科技局 代表反馈：…)."""


@dataclass(frozen=True)
class Roles:
    """Compiled role patterns (see the module docstring for what each reads)."""

    lead_words: tuple[str, ...]
    support_words: tuple[str, ...]
    role_words: tuple[str, ...]  # both: every role tail ends with one
    label_roles: dict[str, str]  # 牵头 -> lead, 协办 -> support (the word before 单位/部门)
    owner_word: re.Pattern[str]  # a bracket holding one of these is an owner note
    label: re.Pattern[str]  # 牵头单位：, 协同责任单位：
    label_line: re.Pattern[str]  # a label list outside brackets
    division_line: re.Pattern[str]  # 职责分工：省发展改革委牵头，…
    label_cues: tuple[str, ...]  # 单位：, 部门: : a text holding none has no `label_line`
    division_cues: tuple[str, ...]  # 职责分工：: a text holding none has no `division_line`
    lead_mark: re.Pattern[str]  # （牵头） after an item of a list
    first_leads: re.Pattern[str]  # 列第一位者为牵头单位
    first_leads_note: re.Pattern[str]  # the same statement as a bracket closing an item
    role_tail: re.Pattern[str]  # the role words closing a list item: 平潭海关等按职责分工负责
    role_segment: re.Pattern[str]  # one role segment of an inline note: 区经发局…配合
    tail_starts: frozenset[str]  # the first characters of a `role_tail`
    blanket: tuple[re.Pattern[str], ...]  # 以下均需试点城市政府落实，不再列出
    by: re.Pattern[str]  # 由A负责, 经B批准, 报C审批: group 2 the body, group 3 the verb
    subject: re.Pattern[str]  # a regulation's subject at a clause start: 市科学技术行政部门负责…
    clause_subject: re.Pattern[str]  # …，省教育厅负责梳理…: a subject after a comma
    clause_support: re.Pattern[str]  # …，省财政厅配合: a clause's subject that only supports
    guidance: re.Pattern[str]  # 在京津冀协同发展领导小组统筹指导下: the body guiding the work leads
    guidance_cues: tuple[str, ...]  # 指导下: `guidance` is tried only in a text holding one
    clause_verb: re.Pattern[str]  # any verb of `clause_subject`: it is tried only near one
    clause_reach: int  # how far after its comma a `clause_subject` match can end
    support_word: re.Pattern[str]  # any support word: `clause_support` is tried only near one
    support_reach: int  # how far after its comma a `clause_support` match can end
    partners: re.Pattern[str]  # 会同省教育厅负责…: the partners named after 会同
    vague: re.Pattern[str]  # collectives that name no one: 有关部门, 各地
    subject_words: frozenset[str]  # the single verbs after a subject (应当, 要), read as words
    clause_words: frozenset[str]  # the verbs after a subject written after a comma (应当, 负责)
    filing_verbs: frozenset[str]  # 报X备案: X receives a filing and owns nothing
    receiver_prepositions: tuple[str, ...]  # 经向X备案: X after 向 receives, owns nothing
    addressee_pronouns: frozenset[str]  # 由你省自行解决: the body a reply is addressed to (主送)
    addressee_start: re.Pattern[str]  # their first characters: a text holding none is read no further
    place_verbs: tuple[str, ...]  # 区人民政府驻沙湾路: where a body sits or what it spans, no duty
    subject_prepositions: frozenset[str]  # 省财政厅按照…: a preposition after a clause's subject
    duty_list: re.Pattern[str]  # 履行下列职责：: the enumerated items after it are the subject's
    office_short_heads: tuple[str, ...]  # 市金融办: an office's short head, a department in a list
    collective_prefixes: tuple[str, ...]  # 各级农业农村部门: every level's body, still a subject
    place_collective: re.Pattern[str]  # 各街道, 各镇（街道）: every local government of a kind
    heading_owner: re.Pattern[str]  # 县示范区管委会牵头工作(8项): a heading naming the lead of its items

    def role_of(self, words: str) -> str:
        """`support` when the role words are a support phrase (配合落实), else `lead`."""
        # (one regex call: `any` over the words was a generator step per word)
        return "support" if self.support_word.search(words) else "lead"


@cached
def roles() -> Roles:
    """The role vocabulary, compiled once per rules folder."""
    data = load_json("owner_roles.json")
    lead, support = tuple(data["lead_words"]), tuple(data["support_words"])
    units = alternation(data["unit_words"])
    label_words = rf"(?:{alternation(data['label_roles'])})(?:责任)?(?:{units})"
    lead_labels = [w for w, r in data["label_roles"].items() if r == "lead" and w != "责任"]
    lead_mark = rf"[（(](?:{alternation(lead_labels)})[）)]"
    level_bracket = r"[（(][^。（）()]{1,8}[）)]"  # 有关市(州)人民政府, 各县（市、区）: part of a name
    phrases = alternation(lead + support)
    duty = alternation(data["duty_qualifiers"])
    first = "|".join(f"(?:{p})" for p in data["first_leads"])
    stop = _BREAK.format(fields=alternation(data["field_labels"]))
    return Roles(
        lead_words=lead, support_words=support, role_words=lead + support, label_roles=dict(data["label_roles"]),
        owner_word=re.compile(rf"{phrases}|(?:{units})[：:]"),
        support_word=re.compile(alternation(support)),
        label=re.compile(rf"({label_words})[：:]"),
        label_line=re.compile(rf"{label_words}[：:](?:[^。（）()]|{lead_mark}|{level_bracket}){{2,160}}?{stop}"),
        label_cues=_colons(data["unit_words"]),
        division_cues=_colons(data["division_labels"]),
        division_line=re.compile(
            rf"(?:{alternation(data['division_labels'])})[：:]((?:[^。（）()]|{level_bracket}){{2,160}}?){stop}"),
        lead_mark=re.compile(lead_mark),
        first_leads=re.compile(first),
        first_leads_note=re.compile(rf"[（(](?:{first})[）)]$"),
        # 各部门 / 有关单位 / 部门和单位 keep their unit word: it is the name of the collective
        role_tail=re.compile(rf"(?:等)?(?:(?<!各)(?<!有关)(?<!相关)(?<![和及与])(?:{units}))?(?:{duty})?(?:{phrases})$"),
        role_segment=re.compile(rf"[^；;]*?(?:{duty})?(?:{phrases})"),
        tail_starts=frozenset(w[0] for w in ("等", *data["unit_words"], *data["duty_qualifiers"], *lead, *support)),
        blanket=tuple(re.compile(p) for p in data["blanket"]),
        **_sentence_patterns(data, duty),
        vague=re.compile("|".join(f"(?:{p})" for p in data["vague"])),
        subject_words=frozenset(data["subject_verbs"] + data["clause_verbs"]),
        clause_words=frozenset(data["clause_verbs"]),
        filing_verbs=frozenset(data["filing_verbs"]),
        receiver_prepositions=tuple(data["receiver_prepositions"]),
        addressee_pronouns=frozenset(data["addressee_pronouns"]),
        addressee_start=re.compile("[" + "".join(sorted({re.escape(w[0]) for w in data["addressee_pronouns"]})) + "]"),
        place_verbs=tuple(data["place_verbs"]),
        subject_prepositions=frozenset(data["subject_prepositions"]),
        duty_list=re.compile(rf"下列[^。；;：:]{{0,12}}(?:{alternation(data['duty_list_nouns'])})[：:]"),
        office_short_heads=tuple(data["office_short_heads"]),
        collective_prefixes=tuple(data["collective_prefixes"]),
        # a heading that is only a body, a lead word and a noun of work (a count may follow)
        heading_owner=re.compile(rf"^(?:由)?[^，。；,;]{{2,30}}?(?:{alternation(lead)})的?"
                                 rf"(?:{alternation(data['duty_list_nouns'])})?(?:[（(][^（）()]{{1,8}}[）)])?$"),
        place_collective=re.compile(rf"各(?:{alternation(data['place_collectives'])}|[省市区县州盟旗、（）()])+"),
    )


def _sentence_patterns(data: dict, duty: str) -> dict[str, Any]:
    """Patterns of responsibility written in prose (由…负责, a subject's 应当, 会同 partners)."""
    # 省政府会同: a partner word; 会同意 is 管委会 agreeing (管委会同意), no partner
    partner = "|".join(rf"{re.escape(w)}(?!意)" for w in data["partner_words"])
    verbs = alternation(w for w in data["handover_verbs"] if w not in data["partner_words"])
    subject = alternation(w for w in data["subject_verbs"] if w not in data["partner_words"])
    clause = alternation(w for w in data["clause_verbs"] if w not in data["partner_words"])
    support = alternation(data["support_words"])
    longest = 30  # characters of a clause's subject after a comma
    name = rf"(?:[\u4e00-\u9fffA-Za-z0-9、]){{2,{longest}}}?"
    grounds = "|".join(_GROUNDS)
    # a subject's name can end only where what follows it can start: one character-set test
    # per character of the lazy name instead of every branch of the tail (most of its cost)
    subject_tail = _starts("：:，,是在", data["by_adverbs"], data["subject_verbs"], data["partner_words"],
                           data["duty_qualifiers"], data["subject_prepositions"], _GROUNDS)
    by_tail = _starts(_GROUNDS, data["by_adverbs"], "予", data["handover_verbs"], data["partner_words"])
    return dict(
        # 由市人民政府按照…的原则确定: the grounds (根据/按照 … up to the verb) may come first
        by=re.compile(rf"(由|经|上报|报请|报)((?:[\u4e00-\u9fffA-Za-z0-9·（）()、]){{2,30}}?){by_tail}"
                      rf"(?:(?:{grounds})[^，。；,;：:]{{1,30}}?)?(?:{alternation(data['by_adverbs'])})?(?:予以)?"
                      rf"({verbs}|{partner})"),
        subject=re.compile(
            # 区住房保障局：负责…: a duty-division list writes a colon after the body
            rf"((?:[\u4e00-\u9fffA-Za-z0-9、（）()]){{2,60}}?){subject_tail}[：:]?"
            # 管理委员会是市人民政府的派出机构，负责…: what a body is, then what it does
            r"(?:是[^。；;，,：:]{1,40}[，,](?:并)?|[，,])?"
            # 自治州人民政府统一领导…, 市人民政府依法监督…: an adverb of the by-clauses first
            rf"(?:{alternation(data['by_adverbs'])})?"
            # 规划、公安等部门依据各自职责，协同做好…: the role word after the duty decides the role
            rf"((?:{subject})(?!{alternation(data['name_continuations'])})|{partner}"
            rf"|(?:在|{grounds})各自(?:的)?职责(?:范围内)?(?:[，,]?(?:{support}))?|{duty}"
            # 区不动产登记中心根据…批复文件具体办理…: the subject acts on a decision
            rf"|(?:{grounds})[^。；;，,]{{1,30}}?(?:负责|办理|审核|审批|组织实施|制定)"
            # 省财政厅按照《…》履行…, 财政部门于15个工作日内…: a body opening a clause with a
            # preposition is the clause's subject (when the organisation finder reads it so)
            rf"|{alternation(data['subject_prepositions'])})"),
        clause_subject=re.compile(rf"(?<=[，,])({name}){_starts(data['clause_verbs'], data['partner_words'])}"
                                  rf"({clause}|{partner})"),
        clause_support=re.compile(rf"(?<=[，,])({name}){_starts('等', data['duty_qualifiers'], data['support_words'])}"
                                  rf"(?:等(?:部门|单位))?(?:{duty})?(?:{support})"),
        # (领导下 is not one: the body leading another's work owns nothing in its sentence)
        guidance=re.compile(rf"在({name})(?:的)?(?:{alternation(data['guidance_words'])})下"),
        guidance_cues=tuple(f"{w}下" for w in data["guidance_words"]),
        clause_verb=re.compile(alternation(data["clause_verbs"] + data["partner_words"])),
        clause_reach=longest + max(map(len, data["clause_verbs"] + data["partner_words"])),
        support_reach=(longest + len("等部门") + max(map(len, data["duty_qualifiers"]))
                       + max(map(len, data["support_words"]))),
        partners=re.compile(rf"(?:{partner})((?:[\u4e00-\u9fffA-Za-z0-9（）、]){{2,160}}?)"
                            rf"(?=(?:{alternation(data['partner_work'])})|[，。；,;])"),
    )


_GROUNDS = ("根据", "按照", "依照", "依据")
"""The words of a subject acting on its grounds (按照各自职责, 根据…批复文件具体办理)."""


def _colons(words: Iterable[str]) -> tuple[str, ...]:
    """Each word followed by a colon, full-width or not: `str.find` looks for them in a
    document faster than a pattern opening with a class of first characters scans it."""
    return tuple(w + colon for w in words for colon in "：:")


def _starts(*words: Iterable[str]) -> str:
    """A look-ahead for the first characters of `words` (each an iterable of words)."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for group in words for w in group})) + "])"
