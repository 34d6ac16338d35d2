"""Render a `PolicyDiff`: a terminal summary, JSON (schemas/diff.schema.json), Markdown and
a self-contained HTML 新旧对照表 (inline CSS, no script, no network).
"""
from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import dataclass
from typing import Any, Iterable

from extractor import __version__
from extractor.diff.articles import ArticleChange, article_of, roll_up
from extractor.diff.model import (
    Chunk,
    ClauseChange,
    PolicyDiff,
    QuantityChange,
    QuantityState,
    Rename,
)
from extractor.export.cells import neutralise

SCHEMA_VERSION = "1.0"
STATUSES = ("modified", "added", "removed", "moved", "unchanged")
META_ZH = {"title": "标题", "doc_number": "文号", "issuer": "发文机关", "signer": "签发人", "date": "日期",
           "recipients": "主送", "cc": "抄送", "printer": "印发机关", "print_date": "印发日期",
           "category": "类别", "period": "规划期", "revisions": "修订记录"}
"""Metadata field names as a Chinese reader knows them (the JSON keeps the field names)."""
_RELATION_ZH = {"split": "（拆分）", "merged": "（合并）"}
STATUS_ZH = {"modified": "修改", "added": "新增", "removed": "删除", "moved": "移动", "unchanged": "未变"}
CHANGE_ZH = {"changed": "变化", "added": "新增", "removed": "删除"}
COMPARATOR_SIGN = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "", "~": "约"}
TEXT_LIMIT = 20
"""Rows of each list the terminal summary shows before "… and N more"."""


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def figure(state: QuantityState | None) -> str:
    """A figure as a reader writes it: ≥100亿元, 1～14天, 2026年 as its year.

    Example:
        >>> figure(QuantityState(value=14, unit="天"))
        '14天'
    """
    if state is None:
        return "—"
    value = _number(state.value)
    if state.value_max is not None:
        value += "～" + _number(state.value_max)
    year = f"（{state.year}年）" if state.year else ""
    return f"{COMPARATOR_SIGN.get(state.comparator, state.comparator)}{value}{state.unit}{year}"


def summary(d: PolicyDiff) -> dict[str, int]:
    """Counts of clauses by status and of each kind of fact that changed."""
    counts = {status: d.count(status) for status in STATUSES}
    counts.update(quantity_changes=len(d.quantities), owner_changes=len(d.owners),
                  meta_changes=len(d.meta))
    return counts


def _state_dict(state: QuantityState | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {"value": state.value, "value_max": state.value_max, "unit": state.unit,
            "comparator": state.comparator, "year": state.year, "text": state.text,
            "evidence": state.evidence, "ref": state.ref}


def _clause_dict(c: ClauseChange) -> dict[str, Any]:
    return {
        "status": c.status, "moved": c.moved, "relation": c.relation,
        "similarity": round(c.similarity, 1),
        "old_ref": c.old.ref if c.old else None, "new_ref": c.new.ref if c.new else None,
        "old_text": c.old.text if c.old else None, "new_text": c.new.text if c.new else None,
        "old_span": list(c.old.span) if c.old else None,
        "new_span": list(c.new.span) if c.new else None,
        "chunks": [{"op": k.op, "old": k.old, "new": k.new} for k in c.chunks],
    }


def _meta_value(value: str | tuple[str, ...] | None) -> str | list[str] | None:
    return list(value) if isinstance(value, tuple) else value


def to_dict(d: PolicyDiff) -> dict[str, Any]:
    """The diff as the JSON object `schemas/diff.schema.json` describes."""
    return {
        "schema_version": SCHEMA_VERSION,
        "extractor_version": __version__,
        "old": {"id": d.old_id, "source": d.old_source},
        "new": {"id": d.new_id, "source": d.new_source},
        "summary": summary(d),
        "meta": [{"field": m.field, "old": _meta_value(m.old), "new": _meta_value(m.new)}
                 for m in d.meta],
        "quantities": [{"change": q.change, "metric": q.metric, "source": q.source,
                        "old": _state_dict(q.old), "new": _state_dict(q.new)} for q in d.quantities],
        "renames": [{"old": r.old, "new": r.new, "refs": [list(ref) for ref in r.refs]} for r in d.renames],
        "owners": [{"subject": o.subject, "role": o.role, "old_ref": o.old_ref, "new_ref": o.new_ref,
                    "old_owners": list(o.old_owners), "new_owners": list(o.new_owners)}
                   for o in d.owners],
        "clauses": [_clause_dict(c) for c in d.clauses],
    }


def to_json(d: PolicyDiff) -> str:
    """The diff as indented UTF-8 JSON (Chinese kept as written)."""
    return json.dumps(to_dict(d), ensure_ascii=False, indent=1)


def _ordered_quantities(d: PolicyDiff) -> list[QuantityChange]:
    """Changed figures first (what a reader looks for), then added, then removed."""
    rank = {"changed": 0, "added": 1, "removed": 2}
    return sorted(d.quantities, key=lambda q: rank[q.change])


def _ref(c: ClauseChange) -> str:
    old = c.old.ref if c.old else ""
    new = c.new.ref if c.new else ""
    return old if old == new else f"{old or '—'} → {new or '—'}"


def _meta_text(value: str | tuple[str, ...] | None) -> str:
    if value is None:
        return "—"
    return "、".join(value) if isinstance(value, tuple) else value


def _inline(chunks: Iterable[Chunk]) -> str:
    """A one-line diff for the terminal: [-deleted-]{+inserted+}."""
    parts = []
    for k in chunks:
        if k.op == "equal":
            parts.append(k.new)
        else:
            parts.append((f"[-{k.old}-]" if k.old else "") + (f"{{+{k.new}+}}" if k.new else ""))
    return "".join(parts)


def _evidence(q: QuantityChange, limit: int = 40) -> str:
    """The sentence a figure stands in (the new one when there is one), shortened."""
    text = (q.new or q.old).evidence or q.metric
    return text if len(text) <= limit else text[:limit] + "…"


def _more(rows: list[str], total: int) -> list[str]:
    return rows + ([f"  … and {total - len(rows)} more"] if total > len(rows) else [])


def to_text(d: PolicyDiff, *, limit: int = TEXT_LIMIT) -> str:
    """A terminal summary: counts, metadata, figures, owners and the first changed clauses."""
    s = summary(d)
    lines = [f"{d.old_id} → {d.new_id}",
             "clauses: " + ", ".join(f"{s[k]} {k}" for k in STATUSES)]
    if d.meta:
        lines.append("metadata:")
        lines += [f"  {m.field}: {_meta_text(m.old)} → {_meta_text(m.new)}" for m in d.meta]
    if d.quantities:
        lines.append(f"figures ({len(d.quantities)}):")
        rows = [f"  {q.change:8} {figure(q.old)} → {figure(q.new)}  {_evidence(q)}  "
                f"[{(q.new or q.old).ref}]" for q in _ordered_quantities(d)[:limit]]
        lines += _more(rows, len(d.quantities))
    if d.renames:
        lines.append(f"renamed throughout ({len(d.renames)}):")
        lines += [f"  {r.old} → {r.new}  ({len(r.refs)} clauses)" for r in d.renames]
    if d.owners:
        lines.append(f"owners ({len(d.owners)}):")
        rows = [f"  {'、'.join(o.old_owners) or '—'} → {'、'.join(o.new_owners) or '—'}  "
                f"[{o.new_ref}] {o.subject}" for o in d.owners[:limit]]
        lines += _more(rows, len(d.owners))
    changed = d.changed()
    if changed:
        lines.append(f"changed clauses ({len(changed)}):")
        rows = []
        for c in changed[:limit]:
            body = _inline(c.chunks) if c.chunks else (c.new or c.old).text
            rows.append(f"  {c.status:8} {_ref(c)}: {body[:160]}")
        lines += _more(rows, len(changed))
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text for a Markdown table cell: a document's own HTML (<script>) shown, never run."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def _marked(chunks: Iterable[Chunk], side: str, escape, deleted: str, inserted: str) -> str:
    """One side of a character diff: equal text escaped, the side's own changes wrapped in
    `deleted` (old side) or `inserted` (new side), a format string with one ``{}``."""
    out = []
    for k in chunks:
        if k.op == "equal":
            out.append(escape(k.old if side == "old" else k.new))
        elif side == "old" and k.old:
            out.append(deleted.format(escape(k.old)))
        elif side == "new" and k.new:
            out.append(inserted.format(escape(k.new)))
    return "".join(out)


def _md_chunks(chunks: Iterable[Chunk], side: str) -> str:
    return _marked(chunks, side, _md, "~~{}~~", "**{}**")


def _side(c: ClauseChange, side: str, chunks_fn, plain_fn) -> str:
    clause = c.old if side == "old" else c.new
    if clause is None:
        return ""
    return chunks_fn(c.chunks, side) if c.chunks else plain_fn(clause.text)


def _rename_refs(r: Rename) -> str:
    """The articles a rename touches, each once: 第二条、第四条、第三十一条 → 第三十条 …"""
    refs = dict.fromkeys(_ref_pair(article_of(o) or o, article_of(n) or n) for o, n in r.refs)
    return "、".join(refs)


def _ref_pair(old: str, new: str) -> str:
    return old if old == new else f"{old} → {new}"


def to_markdown(d: PolicyDiff) -> str:
    """A Markdown report: counts of articles (or of clauses outside articles), figures,
    renames, owners, metadata and the 新旧对照表 of the changed articles."""
    rows = roll_up(d.clauses)
    out = [f"# 新旧对照：{_md(d.old_id)} → {_md(d.new_id)}", "",
           "| " + " | ".join(STATUS_ZH[k] for k in STATUSES) + " |", "|---|---|---|---|---|",
           "| " + " | ".join(str(sum(r.status == k for r in rows)) for k in STATUSES) + " |", ""]
    if d.quantities:
        out += ["## 数量变化", "", "| 变化 | 指标 | 原 | 新 | 条款 |", "|---|---|---|---|---|"]
        out += [f"| {CHANGE_ZH[q.change]} | {_md(q.metric)} | {_md(figure(q.old))} | "
                f"{_md(figure(q.new))} | {_md((q.new or q.old).ref)} |" for q in _ordered_quantities(d)]
        out.append("")
    if d.renames:
        out += ["## 名称更改", "", "| 原 | 新 | 条款 |", "|---|---|---|"]
        out += [f"| {_md(r.old)} | {_md(r.new)} | {_md(_rename_refs(r))} |" for r in d.renames]
        out.append("")
    if d.owners:
        out += ["## 责任单位变化", "", "| 条款 | 原 | 新 | 内容 |", "|---|---|---|---|"]
        out += [f"| {_md(o.new_ref)} | {_md('、'.join(o.old_owners) or '—')} | "
                f"{_md('、'.join(o.new_owners) or '—')} | {_md(o.subject)} |" for o in d.owners]
        out.append("")
    if d.meta:
        out += ["## 文件信息变化", "", "| 项目 | 原 | 新 |", "|---|---|---|"]
        out += [f"| {META_ZH.get(m.field, m.field)} | {_md(_meta_text(m.old))} | {_md(_meta_text(m.new))} |"
                for m in d.meta]
        out.append("")
    out += ["## 新旧对照表", "", "| 条款 | 状态 | 原文 | 修订后 |", "|---|---|---|---|"]
    for row in rows:
        if row.status != "unchanged":
            cells = [_cell(row, side, _md_chunks, _md, "~~{}~~", "**{}**") for side in ("old", "new")]
            out.append(f"| {_md(_row_ref(row))} | {STATUS_ZH[row.status]} | {cells[0]} | {cells[1]} |")
    return "\n".join(out) + "\n"


_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",
"DejaVu Sans",sans-serif;margin:1.5em auto;max-width:1200px;color:#222;line-height:1.6;padding:0 1em}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.ref{white-space:nowrap;color:#555;font-size:.9em}td.n{text-align:right;width:4.5em}
td.kind{white-space:nowrap}
table.counts{width:auto}table.counts td{text-align:center;min-width:4.5em;font-size:1.1em}
table.compare td.old,table.compare td.new{width:43%}
del{background:#fdd;color:#900;text-decoration:line-through}
ins{background:#dfd;color:#060;text-decoration:none;font-weight:bold}
tr.added td.new{background:#eefaee}tr.removed td.old{background:#fbeeee}
tr.unchanged td{color:#777}.value{white-space:nowrap;font-weight:bold}
.old-value{color:#900}.new-value{color:#060}details summary{cursor:pointer;color:#555}
tr.section td{background:#eef3fa;font-weight:bold}a{color:#245}td.zero{color:#bbb}
"""
SECTION_LIMIT = 40
"""Characters of a section heading shown in the table of contents."""
_TOP_MARKER = re.compile(r"附件[\w\-－]*|第[一二三四五六七八九十百零〇\d]+[编章节]|[一二三四五六七八九十百]+、")


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_chunks(chunks: Iterable[Chunk], side: str) -> str:
    return _marked(chunks, side, _h, "<del>{}</del>", "<ins>{}</ins>")


def top_section(ref: str) -> str:
    """The top-level part a clause reference belongs to: its annex, else its first
    chapter or 一、 heading; "" for text before any (a notice's preamble).

    Example:
        >>> top_section("附件4 二、（一）1."), top_section("三、（二）1."), top_section("¶2")
        ('附件4', '三、', '')
    """
    m = _TOP_MARKER.match(ref)
    return m.group(0) if m else ""


def _anchor(key: tuple[str, str]) -> str:
    return "s-" + key[0] + "-" + (key[1] or "0").encode("utf-8").hex()


def _row_id(row: ArticleChange) -> str:
    return f"n{row.new.index}" if row.new else f"o{row.old.index}"


def _row_ref(row: ArticleChange) -> str:
    """第三十一条 → 第三十条 for a renumbered article, the one reference otherwise."""
    old, new = row.old_ref or "", row.new_ref or ""
    return old if old == new else f"{old or '—'} → {new or '—'}"


def _cell(row: ArticleChange, side: str, chunks_fn, plain_fn, deleted: str, inserted: str) -> str:
    """One side of an article: its clauses one a line, a clause the other side lacks struck
    (old) or marked inserted (new), a rewritten one with its character diff."""
    parts = []
    for c in row.clauses:
        text = _side(c, side, chunks_fn, plain_fn)
        if text and (c.old is None or c.new is None):
            text = (deleted if side == "old" else inserted).format(text)
        if text:
            parts.append(text)
    return "<br>".join(parts)


def _html_cell(row: ArticleChange, side: str) -> str:
    return _cell(row, side, _html_chunks, _h, "<del>{}</del>", "<ins>{}</ins>")


def _html_row(row: ArticleChange) -> str:
    moved = any(c.moved for c in row.clauses) and row.status != "moved"
    note = STATUS_ZH[row.status] + ("（移动）" if moved else "")
    note += "".join(sorted({_RELATION_ZH.get(c.relation, "") for c in row.clauses}))
    return (f'<tr class="{row.status}" id="{_row_id(row)}"><td class="ref">{_h(_row_ref(row))}<br>{note}</td>'
            f'<td class="old">{_html_cell(row, "old")}</td><td class="new">{_html_cell(row, "new")}</td></tr>')


@dataclass
class _Section:
    """One top-level part of the documents as the report lists it."""

    key: tuple[str, str]
    title: str
    changes: list[ArticleChange]

    def count(self, status: str) -> int:
        return sum(1 for c in self.changes if c.status == status)


def _section_keys(rows: tuple[ArticleChange, ...]) -> list[tuple[str, str]]:
    """The top-level part each clause row belongs to, as (side, part).

    A row with a new clause belongs to its part of the new version. A removed clause joins
    the part of the row before it when both came from the same old part (a sentence cut
    from 二、); a run of removals from another old part (an annex dropped whole) forms a
    part of its own, named by the old numbering.
    """
    keys: list[tuple[str, str]] = []
    last_old = None
    for c in rows:
        old_part = top_section(c.old.ref) if c.old else None
        if c.new is not None:
            keys.append(("new", top_section(c.new.ref)))
        elif keys and old_part == last_old:
            keys.append(keys[-1])
        else:
            keys.append(("old", old_part or ""))
        last_old = old_part if old_part is not None else last_old
    return keys


def _sections(rows: tuple[ArticleChange, ...], keys: list[tuple[str, str]]) -> list[_Section]:
    """The clauses grouped by top-level part, in the order the report first shows them."""
    by_key: dict[tuple[str, str], _Section] = {}
    for c, key in zip(rows, keys):
        section = by_key.get(key)
        if section is None:
            section = by_key[key] = _Section(key, "", [])
        section.changes.append(c)
        clause = c.new if key[0] == "new" else c.old
        if not section.title and clause is not None and clause.ref.strip() == key[1]:
            section.title = clause.text
    for section in by_key.values():
        title = section.title or section.key[1] or "正文"
        title = title if len(title) <= SECTION_LIMIT else title[:SECTION_LIMIT] + "…"
        section.title = ("原" if section.key[0] == "old" else "") + title
    return list(by_key.values())


def _compare_rows(articles: tuple[ArticleChange, ...], sections: list[_Section]) -> list[str]:
    """Rows of the 对照表 with a heading row per top-level part; runs of unchanged clauses
    fold into one <details> row so a 100-page edition shows its changes, not its text."""
    rows: list[str] = []
    run: list[ArticleChange] = []

    def flush() -> None:
        if run:
            inner = "".join(f"<p><b>{_h(_row_ref(a))}</b> " + "<br>".join(_h(c.new.text) for c in a.clauses if c.new)
                            + "</p>" for a in run if a.new)
            rows.append(f'<tr class="unchanged"><td colspan="3"><details><summary>{len(run)} 条未变'
                        f"</summary>{inner}</details></td></tr>")
            run.clear()

    first = {id(s.changes[0]): s for s in sections}
    for c in articles:
        section = first.get(id(c))
        if section is not None:
            flush()
            rows.append(f'<tr class="section" id="{_anchor(section.key)}"><td colspan="3">'
                        f"{_h(section.title)}</td></tr>")
        if c.status == "unchanged":
            run.append(c)
            continue
        flush()
        rows.append(_html_row(c))
    flush()
    return rows


def _counts_table(d: PolicyDiff, rows: tuple[ArticleChange, ...]) -> str:
    """The summary at the top: articles (or clauses outside articles) by status, pieces of
    splits and merges, facts."""
    by_change = {k: sum(1 for q in d.quantities if q.change == k) for k in CHANGE_ZH}
    cells = [(STATUS_ZH[k], sum(r.status == k for r in rows)) for k in STATUSES]
    cells += [("拆分", sum(c.relation == "split" for c in d.clauses)),
              ("合并", sum(c.relation == "merged" for c in d.clauses)),
              ("数值变化", by_change["changed"]), ("新增数值", by_change["added"]),
              ("删除数值", by_change["removed"]), ("责任单位变化", len(d.owners)), ("文件信息变化", len(d.meta))]
    head = "".join(f"<th>{name}</th>" for name, _ in cells)
    body = "".join(f"<td>{n}</td>" for _, n in cells)
    return f'<table class="counts"><tr>{head}</tr><tr>{body}</tr></table>'


def _quantity_rows(quantities: Iterable[QuantityChange]) -> str:
    rows = ['<table class="quantities"><tr><th>变化</th><th>指标</th><th>原</th><th>新</th>'
            "<th>条款</th><th>依据</th></tr>"]
    for q in quantities:
        evidence = " → ".join(_h(st.evidence) for st in (q.old, q.new) if st is not None)
        ref = _h(_figure_ref(q))
        rows.append(f'<tr><td class="kind">{CHANGE_ZH[q.change]}</td><td>{_h(q.metric)}</td>'
                    f'<td class="value old-value">{_h(figure(q.old))}</td>'
                    f'<td class="value new-value">{_h(figure(q.new))}</td>'
                    f'<td class="ref">{ref}</td><td>{evidence}</td></tr>')
    rows.append("</table>")
    return "".join(rows)


def _figure_ref(q: QuantityChange) -> str:
    old, new = (q.old.ref if q.old else ""), (q.new.ref if q.new else "")
    return old or new if not (old and new) or old == new else f"{old} → {new}"


def _toc(sections: list[_Section], keys: list[tuple[str, str]], rows: tuple[ArticleChange, ...],
         d: PolicyDiff) -> str:
    """A table of contents by top-level part with its change counts (zeros greyed)."""
    where: dict[tuple[str, str], tuple[str, str]] = {}
    for row, key in zip(rows, keys):
        for c in row.clauses:
            if c.old is not None:
                where.setdefault(("old", c.old.ref), key)
            if c.new is not None:
                where.setdefault(("new", c.new.ref), key)
    figures: dict[tuple[str, str], int] = {}
    for q in d.quantities:
        key = where.get(("new", q.new.ref) if q.new else ("old", q.old.ref))
        figures[key] = figures.get(key, 0) + 1
    rows = ['<table class="toc"><tr><th>部分</th>'
            + "".join(f"<th>{STATUS_ZH[k]}</th>" for k in STATUSES if k != "unchanged")
            + "<th>数量变化</th></tr>"]
    for s in sections:
        counts = [s.count(k) for k in STATUSES if k != "unchanged"] + [figures.get(s.key, 0)]
        cells = "".join(f'<td class="n{" zero" if not n else ""}">{n}</td>' for n in counts)
        rows.append(f'<tr><td><a href="#{_anchor(s.key)}">{_h(s.title)}</a></td>{cells}</tr>')
    rows.append("</table>")
    return "".join(rows)


def to_html(d: PolicyDiff) -> str:
    """A self-contained HTML 新旧对照表 (inline CSS, no script, no network).

    From the top: the counts, the figures that changed (added and dropped ones folded),
    owners and metadata, a table of contents by top-level part with its change counts,
    then the old | new columns with unchanged runs folded.
    """
    rows = roll_up(d.clauses)
    keys = _section_keys(rows)
    sections = _sections(rows, keys)
    quantities = _ordered_quantities(d)
    changed = [q for q in quantities if q.change == "changed"]
    removed = [q for q in quantities if q.change == "removed"]
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>新旧对照表：{_h(d.new_id)}</title><style>{_CSS}</style></head><body>",
             f"<h1>新旧对照表</h1><p>原：{_h(d.old_id)}<br>新：{_h(d.new_id)}</p>", _counts_table(d, rows)]
    parts.append(f"<h2>数量变化（变化 {len(changed)} · 新增 {len(quantities) - len(changed) - len(removed)}"
                 f" · 删除 {len(removed)}）</h2>")
    parts.append(_quantity_rows(changed) if changed else "<p>无数值变化</p>")
    for kind in ("added", "removed"):
        rest = [q for q in quantities if q.change == kind]
        if rest:
            parts.append(f"<details><summary>{CHANGE_ZH[kind]}的数值（{len(rest)}）</summary>"
                         f"{_quantity_rows(rest)}</details>")
    if d.renames:
        parts.append(f"<h2>名称更改（{len(d.renames)}）</h2><table><tr><th>原</th><th>新</th><th>条款</th></tr>")
        parts += [f"<tr><td><del>{_h(r.old)}</del></td><td><ins>{_h(r.new)}</ins></td>"
                  f'<td class="ref">{_h(_rename_refs(r))}</td></tr>' for r in d.renames]
        parts.append("</table>")
    if d.owners:
        parts.append(f"<h2>责任单位变化（{len(d.owners)}）</h2><table><tr><th>条款</th><th>原</th>"
                     "<th>新</th><th>内容</th></tr>")
        parts += [f'<tr><td class="ref">{_h(o.new_ref)}</td><td><del>{_h("、".join(o.old_owners))}</del></td>'
                  f'<td><ins>{_h("、".join(o.new_owners))}</ins></td><td>{_h(o.subject)}</td></tr>'
                  for o in d.owners]
        parts.append("</table>")
    if d.meta:
        parts.append("<h2>文件信息变化</h2><table><tr><th>项目</th><th>原</th><th>新</th></tr>")
        parts += [f"<tr><td>{_h(META_ZH.get(m.field, m.field))}</td><td>{_h(_meta_text(m.old))}</td>"
                  f"<td>{_h(_meta_text(m.new))}</td></tr>" for m in d.meta]
        parts.append("</table>")
    parts.append(f"<h2>目录（{len(sections)} 部分）</h2>{_toc(sections, keys, rows, d)}")
    parts.append('<h2>条文对照</h2><table class="compare"><tr><th>条款</th><th>原文</th>'
                 "<th>修订后</th></tr>")
    parts += _compare_rows(rows, sections)
    parts.append("</table></body></html>")
    return "\n".join(parts) + "\n"


CSV_COLUMNS = ("status", "moved", "relation", "similarity", "old_ref", "new_ref", "old_text", "new_text")


def to_csv(d: PolicyDiff) -> str:
    """The 新旧对照表 as CSV, one row per clause of either version (a spreadsheet opens it:
    UTF-8 with a byte-order mark)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for c in d.clauses:
        row = _clause_dict(c)
        # clause text may open with = + - @: shown as text, never run as a formula (OWASP)
        writer.writerow([neutralise(v) if isinstance(v, str) else v for v in (row[k] for k in CSV_COLUMNS)])
    return "\ufeff" + buffer.getvalue()


RENDERERS = {"text": to_text, "json": to_json, "md": to_markdown, "html": to_html, "csv": to_csv}
"""Output format name -> renderer, as the CLI's --format names them."""
