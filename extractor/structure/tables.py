"""Indicator tables: the columns of 指标名称 | 单位 | 2020年基期值 | 2025年目标值 | 责任单位, and
the tables that arrive as whitespace-separated text (a web table flattened into lines or onto
one line), read into `Table`s once, by structure, for every stage after it.

The header words by column role live in ``quantity_cues.json`` (``table_headers``: metric,
unit, target, baseline); owner columns are ``document_meta.json``'s ``owner_headers``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, count
from typing import Any

from extractor.lexicons import alternation, cached, load_json
from extractor.model import CleanText, Table
from extractor.structure.lexicon import lexicon
from extractor.structure.markers import PROSE_CHARS
from extractor.text.patterns import YEAR

COLUMN_YEAR = re.compile(rf"(?:到|至|截至|截止|预计|力争|争取)?(?P<y>{YEAR})年")
"""The year a column is dated by: 2025年目标值, 到2025年."""


@cached
def header_words() -> dict[str, Any]:
    """Header words by the role of their column: metric, unit, target, baseline."""
    return load_json("quantity_cues.json")["table_headers"]


@cached
def cell_value() -> re.Pattern[str]:
    """A cell holding one figure: ≥3.0, 4500, 12万, 5%以上 (compiled on first use: a CJK class
    costs ~1-3 ms to compile and many documents hold no table)."""
    return re.compile(r"^(?P<cmp>[≥≤><]|不少于|不低于|不超过|超过|约|近)?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
                      r"(?P<unit>%|个百分点|[万亿千]*[\u4e00-\u9fff]{0,3})?(?P<after>以上|以下|以内|左右)?$")


def column(header: tuple[str, ...], words: list[str], taken: set[int]) -> list[int]:
    """The columns not yet `taken` whose header holds one of `words`."""
    return [i for i, h in enumerate(header) if i not in taken and any(w in h for w in words)]


def value_columns(header: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """Target and baseline columns: by their names (目标值, 基期值), else by their years
    (2020年 | 2025年: the latest is the goal)."""
    targets = column(header, header_words()["target"], set())
    baselines = column(header, header_words()["baseline"], set(targets))
    if targets or baselines:
        return targets, baselines
    dated = sorted((int(m.group("y")), i) for i, h in enumerate(header) if (m := COLUMN_YEAR.match(h)))
    if len(dated) < 2:
        return [], []
    return [dated[-1][1]], [i for _, i in dated[:-1]]


# A figure's digits (\d+): a cell boundary can only be at their edges. The scan skips in C to
# a character not of `PROSE_CHARS` (a one-bit test, where \d asks the Unicode database about
# each character), which the lookbehind then takes only if it is a digit.
_DIGITS = re.compile(rf"[^{PROSE_CHARS}](?<=\d)\d*")
_EMPTY_CELL = re.compile(r"^[—\-－/／]+$")


@cached
def _header_cell() -> re.Pattern[str]:
    """A cell of an indicator table's header row (序号, 指标名称, 2025年目标值, 责任单位 …)."""
    words = [*(w for ws in header_words().values() for w in ws), *lexicon().owner_headers]
    return re.compile("^(?:序号|%s|(?:19|20)\\d{2}年.{0,6}|属性|指标属性|类型|备注)$" % alternation(words))


def _cells(clean: CleanText) -> list[tuple[str, int]]:
    """(cell, clean offset) of every whitespace-separated cell as the source wrote it: where
    normalise closed a space between a name and a figure (单位 2020年 → 单位2020年, 1 地区生产
    总值 → 1地区生产总值), the gap in the offset map still parts two cells. A gap between two
    characters of one kind is a joined line, not a cell boundary."""
    text, offsets = clean.text, clean.offsets
    cells = []
    end = 0
    # the whitespace-separated words, cut by str.split in C and found again in place: quicker
    # than a regex scan for \S+ (only whitespace lies between: the first hit is the word)
    for word in text.split():
        start = text.find(word, end)
        end = start + len(word)
        if offsets[end - 1] - offsets[start] == end - 1 - start:
            cells.append((word, start))  # nothing taken out inside: one cell
            continue
        edges = (i for k in _DIGITS.finditer(text, start, end) for i in k.span())
        cuts = [i for i in edges if start < i < end and offsets[i] != offsets[i - 1] + 1]
        cells += [(text[a:b], a) for a, b in zip([start, *cuts], [*cuts, end])]
    return cells


def text_tables(clean: CleanText) -> tuple[Table, ...]:
    """Indicator tables that arrive as whitespace-separated text (a web table flattened
    into lines or one line): a header of known column names, then rows of as many cells.

    Example:
        >>> text = "序号 指标 单位 2020年 2025年\\n1 地区生产总值 亿元 3000 4500\\n开展专项行动。"
        >>> text_tables(CleanText(text, tuple(range(len(text) + 1))))[0].rows[1]
        ('1', '地区生产总值', '亿元', '3000', '4500')
    """
    tokens = _cells(clean)
    header_cell, value = _header_cell(), cell_value()
    # the header cells found by one `map` in C: a Python step per cell cost most of the stage
    heads = set(compress(count(), map(header_cell.match, [cell for cell, _ in tokens])))
    tables, i = [], 0
    for start in sorted(heads):
        if start < i:
            continue  # inside a header or the rows of a table read already
        j = start
        while j in heads:
            j += 1
        i = j
        if j - start < 3:  # a header has three cells or more
            continue
        header = tuple(t for t, _ in tokens[start:j])
        targets, baselines = value_columns(header)
        metrics = column(header, header_words()["metric"], set(targets) | set(baselines))
        if not targets or not metrics:
            continue
        rows, k = [], j
        while k + len(header) <= len(tokens):
            row = tuple(t for t, _ in tokens[k:k + len(header)])
            if value.match(row[metrics[0]]) or not all(
                    value.match(row[c]) or _EMPTY_CELL.match(row[c]) for c in targets + baselines):
                break
            rows.append(row)
            k += len(header)
        if rows:
            tables.append(Table(page=clean.page_at(tokens[start][1]), rows=(header, *rows)))
        i = k
    return tuple(tables)


_PIPE = "|｜"
_RULE = re.compile(r"^[\s|｜:：\-—–]+$")  # a Markdown table's rule under its header: |---|:--:|


def pipe_tables(clean: CleanText) -> tuple[Table, ...]:
    """Tables written with | between cells: Markdown rows (| 序号 | 重点任务 | 责任单位 |, a
    |---| rule under the header) or a web table printed one cell per line, each cell closed
    by | (序号 |\\n重点工作 |\\n责任单位 |\\n1 |\\n…). The header names three known columns or
    more (序号, 责任单位, 完成时限 …): a site's menu (首页 | 新闻中心 |) is no table.

    Example:
        >>> text = "| 序号 | 重点任务 | 责任单位 |\\n|---|---|---|\\n| 1 | 盘活存量土地400亩 | 改革办 |\\n"
        >>> pipe_tables(CleanText(text, tuple(range(len(text) + 1))))[0].rows[1]
        ('1', '盘活存量土地400亩', '改革办')
    """
    text = clean.text
    if "|" not in text and "｜" not in text:
        return ()
    words = lexicon()
    task_words = frozenset(words.task_headers) | frozenset(words.owner_headers) | words.other_task_headers
    header_cell = _header_cell()
    tables = []
    for start, cells in _pipe_runs(text):
        heads = [c in task_words or header_cell.match(c) is not None for c in cells]
        # the header: the first three known column names in a row (a menu line may come first)
        first = next((i for i in range(len(cells) - 2) if all(heads[i:i + 3])), None)
        if first is None:
            continue
        width = 3
        while first + width < len(cells) and heads[first + width]:
            width += 1
        body = cells[first + width:]
        rows = [tuple(body[k:k + width]) for k in range(0, len(body) - width + 1, width)]
        if rows:
            tables.append(Table(page=clean.page_at(start), rows=(tuple(cells[first:first + width]), *rows)))
    return tuple(tables)


def _pipe_runs(text: str) -> Iterator[tuple[int, list[str]]]:
    """(offset, cells) of each run of lines that hold | -separated cells, in order: the cells of
    a Markdown row line by line, a cell-per-line run as one row of cells to be cut by the header."""
    cells: list[str] = []
    start = pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and stripped[-1] in _PIPE and not _RULE.match(stripped):
            if not cells:
                start = pos
            inner = stripped.strip(_PIPE)
            cells += [c.strip() for c in re.split("[|｜]", inner)] if inner else []
        elif not (stripped and _RULE.match(stripped)):  # a rule row goes on a table; any other line ends it
            if cells:
                yield start, cells
            cells = []
        pos += len(line) + 1
    if cells:
        yield start, cells
