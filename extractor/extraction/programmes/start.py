"""Where a name starts: the nearest boundary left of a head (punctuation, a number, a
particle, a verb that leaves a name of its own), items joined into one name, and the tagger's
first and last words of a stretch."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from extractor.extraction.programmes.cues import Cues, load_cues
from extractor.extraction.programmes.document import Doc
from extractor.lexicons import cached, load_json
from extractor.memo import text_memo
from extractor.segment import opening_words, tagger, word_flags
from extractor.text import View

_REACH = 20  # the longest modifier a name may have (成都市城市社区嵌入式服务设施建设 is 16)
_BARE_REACH = 15  # the longest one bounded by punctuation alone
_TITLE_MODIFIER = 6  # the shortest generic modifier of a campaign named as a whole
_LINE_MODIFIER = 4  # the shortest one bounded by a line start alone (not 序号 in a table head)
# The tagger's words are runs of Chinese, letters, digits and +#&._ (`extractor.segment`):
# no word holds any other character, and no verb's word reaches over one.
_WORD_SYMBOLS = "_+#&."  # with letters and digits (`\w` is `str.isalnum` or _), what a word holds
_PLACE_TAG = "ns"
_PLACE_REACH = 9  # a place's name with its level is at most this long (内蒙古自治区, 黑龙江省)
CHINESE_RUN = re.compile(r"[\u4e00-\u9fff]+")
# The bracket opens the pattern and the look back follows it: `re` then skips to brackets at once.
_INNER_BRACKETS = re.compile(r"[（(](?<=[\u4e00-\u9fff\w][（(])[^（）()一二三四五六七八九十\d]{1,6}[）)](?=[\u4e00-\u9fff]|$)")


def specific(modifier: str, cues: Cues) -> bool:
    """Whether a modifier says which one: two characters or more, not only generic words
    or words of manner (迅速行动 says how, not which)."""
    # speed: a set look-up of the first character decides most modifiers without the pattern
    return (len(modifier) >= 2 and (modifier[0] not in cues.vague_starts or cues.vague.fullmatch(modifier) is None)
            and modifier.count("“") == modifier.count("”"))


def verbs_in(text: str, cues: Cues, pos: int = 0) -> Iterator[re.Match[str]]:
    """The boundary words in `text` from `pos` on, but for an adverb of one character that
    forms a word with the one character after it at the end (城市更新行动, 资源再生工程)."""
    return (m for m in cues.boundary.finditer(text, pos) if len(m.group()) > 1 or len(text) - m.end() != 1)


def _last(pattern: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """The last match of `pattern` in `text` from `pos` on (matches do not overlap), or None."""
    last = None
    for last in pattern.finditer(text, pos):
        pass
    return last


def _floor(view: View, end: int, cues: Cues) -> tuple[int | None, int | None]:
    """The nearest particle or punctuation left of `end` within reach, and the nearest
    punctuation alone (None when nothing bounds the window and it is not the text start).

    A short bracketed part inside a name (国际创投（基金）小镇) is not a boundary; a section
    marker （二） is. A name longer than _BARE_REACH needs a word on its left (印发, 实施,
    的): punctuation that far away more likely ends a heading run into the next line, so
    the last line start bounds it instead.
    """
    window_start = max(0, end - _REACH)
    window = view.text[window_start:end]
    if "（" in window or "(" in window:
        window = _INNER_BRACKETS.sub(lambda b: _inner(view, window_start + b.start(), b.group()), window)
    hard = _last(cues.hard_boundary, window)
    punctuation = window_start + hard.end() if hard is not None else (0 if window_start == 0 else None)
    # A particle (a Chinese word, never 第) cannot span the character that starts punctuation,
    # so the particles right of it are those a scan from there finds: only they can end past it.
    particle = _last(cues.particle, window, hard.start() if hard is not None else 0)
    floor = punctuation if particle is None else max(window_start + particle.end(), punctuation or 0)
    if floor is not None and floor == punctuation and end - floor > _BARE_REACH:
        line = bisect.bisect_left(view.breaks, end - _LINE_MODIFIER + 1) - 1
        floor = view.breaks[line] if line >= 0 and view.breaks[line] > punctuation else None
    return floor, punctuation


def _outside_words(character: str) -> bool:
    """Whether no word of the tagger holds `character` (，、。): a test of the character, no pattern call."""
    return not character.isalnum() and character not in _WORD_SYMBOLS


def _inner(view: View, start: int, bracketed: str) -> str:
    """A short bracketed part as a name's own characters (国际创投（基金）小镇), unless it opens a
    line: a note of its own ((此件主动公开)⏎承德市…) bounds the name after it."""
    at = bisect.bisect_left(view.breaks, start)
    return bracketed if at < len(view.breaks) and view.breaks[at] == start else "名" * len(bracketed)


def after_cue_verb(text: str, at: int, cues: Cues) -> bool:
    """Whether an implementing verb (实施, 推行) ends right before `at` (the two characters there)."""
    return cues.verb_before.search(text, max(0, at - 2), at) is not None


def bounded_at(before: str, cues: Cues) -> bool:
    """Whether the character `before` a position ends every name there, told without looking
    further left (`name_start` there returns the position): punctuation, a figure or a
    particle, being no joint of items (、 与) and no bracket a short bracketed part may close."""
    if before in cues.name_joints or before in "）)":
        return False
    # a Chinese character alone is no punctuation, figure or article number: only a particle may bound
    return ((not "\u4e00" <= before <= "\u9fff" and cues.hard_boundary.fullmatch(before) is not None)
            or before in cues.particle_characters)


def name_start(view: View, end: int, cues: Cues) -> int | None:
    """Where a name ending at `end` begins, or None when nothing bounds it within reach.

    The nearest boundary on the left wins: punctuation, a number or a particle (的, 等)
    always; a verb (实施, 建设) only when what it leaves is a name of its own, since
    引进 and 培育 in 高成长性企业引进培育工程 sit inside the name. A verb that leaves only
    generic words (参与重大工程) bounds a generic phrase: no name starts further left.
    A verb right before a noun it compounds with (服务设施) is no boundary, and an item
    joined by 、 or 与 (机关、事业单位带头…行动, 农机购置与应用补贴) may belong to the name.
    """
    compact = view.text
    window_start = max(0, end - _REACH)
    floor, punctuation = _floor(view, end, cues)
    lowest = floor if floor is not None else punctuation or 0  # no name starts left of punctuation
    # Punctuation no word holds (，、。) parts the verbs left of it from the name: scan right of it.
    since = punctuation - window_start if (punctuation is not None and punctuation > window_start
                                           and _outside_words(compact[punctuation - 1])) else 0
    window = compact[window_start:end]
    for verb in _nearest_verbs(window, cues, since):
        cut = _verb_end(window, verb)  # lazily: tagging at a verb costs most, and the first cut left of the floor ends the search
        if cut is None:
            continue
        cut += window_start
        if cut < lowest:
            break
        rest = compact[cut:end]
        if specific(rest, cues) or (rest.startswith(cues.anchors) and len(rest) >= 4):
            return cut
        if rest and not cues.boundary.search(rest):
            # The verb's object is a generic head (参与重大工程项目建设): what lies further
            # left is the clause around it, not the start of a name.
            return None
    joined = _joined(view, floor, end, cues) if floor else None
    return floor if joined is None else joined


def titled_start(view: View, end: int, head: str, cues: Cues) -> int | None:
    """Where the title of a campaign that holds verbs starts (发展壮大新兴产业打造新动能行动), or
    None when nothing names it as a whole. The text names it so after an implementing verb
    (深入实施…行动: the name starts after the verb), with a count of time before the head
    (全面振兴新突破三年行动) or as the next item after such a name (…行动、制造业…应用示范行动);
    then the name runs from its floor over the verbs inside it. Clause words at its start
    (聚焦) are cut off afterwards, as for any name."""
    if head not in cues.titled_heads:
        return None
    floor, punctuation = _floor(view, end, cues)
    listed = (punctuation is not None and punctuation < end and view.text[punctuation - 1:punctuation] == "、"
              and view.text.endswith(head, 0, punctuation - 1))
    if listed and punctuation is not None and (floor is None or floor < punctuation):
        floor = punctuation
    if floor is None:
        return None
    stretch = view.text[floor:end]
    verb = _first_cue_verb(stretch, cues)
    start = floor + verb if verb is not None else floor
    if verb is None and not listed and not cues.time_count.search(stretch):
        return None
    return start if titled_modifier(view.text[start:end], cues) else None


def titled_modifier(modifier: str, cues: Cues) -> bool:
    """Whether the modifier of a campaign named as a whole names it: a specific one, or a
    long run of policy words (制造业重点产业链高质量发展行动): a title that long is a name even
    when each of its words is generic; a short one (专项整治行动) is a kind of campaign."""
    return specific(modifier, cues) or (len(modifier) >= _TITLE_MODIFIER and CHINESE_RUN.fullmatch(modifier) is not None)


def _nearest_verbs(window: str, cues: Cues, since: int) -> list[re.Match[str]]:
    """The boundary verbs of `window` from `since` on, nearest first, but a verb right before
    a noun it compounds with (服务设施)."""
    last, nouns = len(window) - 1, cues.noun_after_verb
    # speed: `verbs_in`'s test written out here, no generator between the scan and the list
    verbs = [m for m in cues.boundary.finditer(window, since)
             if (m.end() != last or m.end() - m.start() > 1) and not window.startswith(nouns, m.end())]
    verbs.reverse()  # finditer yields matches left to right: the nearest verb comes last
    return verbs


def _first_cue_verb(stretch: str, cues: Cues) -> int | None:
    """Where the first run of implementing verbs in `stretch` ends (推进实施…), or None: the
    verbs after it (深化 in 国有企业改革深化提升行动) are inside the title."""
    end = None
    for m in cues.cue_verb.finditer(stretch):
        if end is not None and m.start() != end:
            break
        end = m.end()
    return end


def _verb_end(window: str, verb: re.Match[str]) -> int | None:
    """Where a boundary verb ends on a word boundary of the tagger: at the end of a longer
    verb it starts (推广应用中国（上海）自由贸易试验区: the name starts after 应用), never inside a
    noun it starts (服务 in 服务业, 建设 in 建设者: None, no name starts inside a word)."""
    size, rest = len(verb.group()), window[verb.start():]
    if rest[:size + 1] not in tagger().tokenizer.FREQ:
        return verb.end()  # speed: no dictionary word runs past the verb (one look-up, no tagging)
    first = first_fitting(rest, lambda word, _: len(word) > size)
    if first is None:
        return verb.end()
    return None if first[1].startswith("n") else verb.start() + len(first[0])


def _joined(view: View, floor: int, end: int, cues: Cues) -> int | None:
    """Where an item joined to the name at the joint right before `floor` starts (the
    longest item first), or None."""
    if view.text[floor - 1] not in cues.name_joints:
        return None  # speed: most names have no joint right before them
    return (_joined_at(view, floor, end, cues, cues.pair_joints, _rest_names)
            or _joined_at(view, floor, end, cues, cues.modifier_joints, _two_actions))


def aims_joined(view: View, start: int, end: int, cues: Cues) -> int | None:
    """Where a designation named by two aims starts (黄河流域生态保护和高质量发展先行区): the
    aim after 和 names nothing alone (高质量发展), so 和 joins two modifiers of one name and
    the specific aim before it belongs to the name; or None."""
    return _joined_at(view, start, end, cues, cues.aim_joints, _generic_rest) if start > 0 else None


def _joined_at(view: View, floor: int, end: int, cues: Cues, joints: tuple[tuple[str, int], ...],
               fits: Callable[[str, str, Cues], bool]) -> int | None:
    """Where an item joined at one of `joints` right before `floor` starts, the longest item
    first, when the item and the rest up to `end` `fit` one name; or None."""
    before = view.text[floor - 1]
    for joint, longest in joints:
        for size in range(longest, 1, -1) if before == joint else ():
            start = _joined_item(view, floor - 1, end, cues, size, fits)
            if start is not None:
                return start
    return None


def _joined_item(view: View, comma: int, end: int, cues: Cues, size: int,
                 fits: Callable[[str, str, Cues], bool]) -> int | None:
    """Where an item of `size` characters ending at the joint at `comma` starts, when a
    verb, a particle, punctuation or a line start bounds it on its left, it stays on one
    line, it is specific and it `fits` the rest of the name up to `end`.

    Joints that keep one name: 、 after an item too short to be a name of its own, when a
    specific modifier follows (`_rest_names`: 实施机关、事业单位带头安置残疾人就业行动);
    与 between two actions on one object (`_two_actions`: 实施好农机购置与应用补贴政策;
    秦创原总窗口与区域科技创新中心 are two names); 和 before an aim that names nothing alone
    (`_generic_rest`, designations only: see `aims_joined`).
    """
    compact, start = view.text, comma - size
    item, rest = compact[max(0, start):comma], compact[comma + 1:end]
    line = bisect.bisect_right(view.breaks, start)
    if line < len(view.breaks) and view.breaks[line] <= comma:
        return None  # the item runs over a line end: a heading before it (实施流程\n农机购置与…)
    if (start < 0 or not CHINESE_RUN.fullmatch(item) or cues.boundary.search(item) or not specific(item, cues)
            or cues.particle.search(item) or item.startswith(cues.verb_complements)
            or not rest or not fits(item, rest, cues)):
        return None
    at_line_start = line > 0 and view.breaks[line - 1] == start
    return start if at_line_start or _bounded_left(compact[max(0, start - 5):start], cues) else None


def _rest_names(item: str, rest: str, cues: Cues) -> bool:
    return specific(rest, cues)


def _generic_rest(item: str, rest: str, cues: Cues) -> bool:
    return not specific(rest, cues)


def _two_actions(item: str, rest: str, cues: Cues) -> bool:
    """农机购置与应用: the item ends in an action and the rest starts with one, both on the
    item's object; a name before 与 (秦创原总窗口) ends in a noun."""
    last, first = _last_word(item), first_word(rest)
    return last is not None and first is not None and last[1] in cues.action_tags and first[1] in cues.action_tags


def _bounded_left(before: str, cues: Cues) -> bool:
    """Whether punctuation, a particle or a verb ends `before`; the verb may carry its
    complement (实施好)."""
    if not before or cues.hard_boundary.fullmatch(before[-1]):
        return True
    if before.endswith(cues.verb_complements):
        before = before[:-1]
    return any(before.endswith(w.group()) for p in (cues.boundary, cues.particle) for w in p.finditer(before))


def names_something(modifier: str, head: str, cues: Cues) -> bool:
    """Whether modifier + head is a name: a specific modifier whose part before any
    verb inside it is specific too (设立基金 and 本市设立科学技术奖 name nothing), or an
    anchored name (国家未来产业先导区, 国家重点研发计划) whose head is not a common noun."""
    if ((head in cues.designation_heads or head not in cues.anchored_heads)
            and modifier.startswith(cues.anchors) and len(modifier) >= 4):
        return True
    if not specific(modifier, cues) or modifier.endswith(cues.head_not_after) or modifier in cues.level_anchors:
        return False  # a level alone (中国改革, 国家战略) says how high, not which one
    verb = next(verbs_in(modifier, cues), None)
    return verb is None or specific(modifier[:verb.start()], cues)


@text_memo(1 << 10)
def words_of(text: str) -> tuple[tuple[str, str], ...]:
    """The tagger's (word, flag) pairs of `text`."""
    return tuple((w.word, w.flag) for w in tagger().cut(text))


def _last_word(text: str) -> tuple[str, str] | None:
    """The tagger's last (word, flag) of `text`."""
    words = words_of(text)
    return words[-1] if words else None


@text_memo(1 << 14)
def first_word(text: str) -> tuple[str, str] | None:
    """The tagger's first (word, flag) of `text`. Cached: the same stretches before a head
    recur across a document (a programme named twenty times), and tagging is most of the
    finder's time."""
    first = next(tagger().cut(text), None)
    return (first.word, first.flag) if first else None


@text_memo(1 << 12)
def _opening_words(text: str) -> tuple[tuple[str, str], ...] | None:
    """`segment.opening_words`, memoised: a window is read again by the next filter (a
    name's start, then its clause words)."""
    opening = opening_words(text)
    return tuple(opening) if opening is not None else None


def first_fitting(text: str, fits: Callable[[str, str], bool]) -> tuple[str, str] | None:
    """The tagger's first (word, flag) of `text` when it `fits`, else None.

    Speed: the first word is one of the few dictionary words that open the text
    (`opening_words`); when none of them fits, or only one opens it, a few look-ups decide
    without tagging the window (most windows: a verb no longer word starts, a name's start).
    """
    opening = _opening_words(text)
    if opening is not None:
        if not [pair for pair in opening if fits(*pair)]:
            return None
        if len(opening) == 1:
            return opening[0]
    first = first_word(text)
    return first if first is not None and fits(*first) else None


@cached
def _clause_openings() -> frozenset[str]:
    """The first two characters of every dictionary word the tagger flags as a clause word
    (verbs, adverbs … of ``leading_tags``): a clause word of two characters or more starts so."""
    leading = frozenset(load_cues().leading_tags)
    return frozenset(word[:2] for word, flag in word_flags().items() if flag in leading and len(word) >= 2)


def clause_word(doc: Doc, text: str) -> str | None:
    """The first word of `text` when it is a verb, adverb, pronoun or conjunction that
    starts a clause: a word of two characters or more (one-character words are the
    tagger's guesses inside unknown names: 临空, 自贸) but for a negation (不重复享受…) or a
    one-character clause adverb (也不得擅自设立…), and
    not a generic word, which starts names as a noun (创新人才攀登计划)."""
    cues = doc.cues
    if text[:2] not in _clause_openings() and text[:1] not in cues.negations:
        return None  # speed: no clause word starts so (a set look-up, most names: no window's words read)
    first = first_fitting(text, lambda word, flag: (flag in cues.leading_tags and not cues.generic.fullmatch(word)
                                                    and (len(word) >= 2 or word in cues.negations)))
    return first[0] if first is not None else None


@cached
def _place_levels() -> tuple[tuple[str, ...], frozenset[str], re.Pattern[str]]:
    """The endings of a place's level (省, 市, 新区 …), the words that end so but name no
    place (城市, 示范区), from ``admin_levels.json``, and a pattern of the endings' last characters."""
    data = load_json("admin_levels.json")
    levels = tuple(suffix for suffix, _ in data["place_suffixes"])
    return levels, frozenset(data["place_token_exceptions"]), re.compile(f"[{''.join(sorted({s[-1] for s in levels}))}]")


def leading_place(text: str) -> str:
    """The place and its level `text` opens with (成都市 of 成都市城市社区…工程), as the tagger
    reads it, or ''."""
    levels, not_places, level_end = _place_levels()
    if not level_end.search(text, 2, _PLACE_REACH):
        return ""  # no level ends a word of three characters or more: no tagging needed
    first = first_fitting(text, lambda word, flag: flag == _PLACE_TAG and len(word) >= 3)
    if first is None:
        return ""
    return first[0] if first[0].endswith(levels) and first[0] not in not_places else ""
