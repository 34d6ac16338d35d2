"""Render a `PolicyDiff`: a terminal summary, JSON (schemas/diff.schema.json), Markdown and
a self-contained HTML 新旧对照表 (inline CSS, no script, no network).
"""
from __future__ import annotations

import html
import json
from typing import Any, Iterable

from extractor import __version__
from extractor.diff.model import Chunk, ClauseChange, PolicyDiff, QuantityChange, QuantityState

SCHEMA_VERSION = "1.0"
STATUSES = ("modified", "added", "removed", "moved", "unchanged")
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
    return text.replace("|", "\\|").replace("\n", " ")


def _md_chunks(chunks: Iterable[Chunk], side: str) -> str:
    out = []
    for k in chunks:
        if k.op == "equal":
            out.append(_md(k.old if side == "old" else k.new))
        elif side == "old" and k.old:
            out.append(f"~~{_md(k.old)}~~")
        elif side == "new" and k.new:
            out.append(f"**{_md(k.new)}**")
    return "".join(out)


def _side(c: ClauseChange, side: str, chunks_fn, plain_fn) -> str:
    clause = c.old if side == "old" else c.new
    if clause is None:
        return ""
    return chunks_fn(c.chunks, side) if c.chunks else plain_fn(clause.text)


def to_markdown(d: PolicyDiff) -> str:
    """A Markdown report: summary, figures, owners, metadata and the 新旧对照表 of changes."""
    s = summary(d)
    out = [f"# 新旧对照：{d.old_id} → {d.new_id}", "",
           "| 修改 | 新增 | 删除 | 移动 | 未变 |", "|---|---|---|---|---|",
           f"| {s['modified']} | {s['added']} | {s['removed']} | {s['moved']} | {s['unchanged']} |", ""]
    if d.quantities:
        out += ["## 数量变化", "", "| 变化 | 指标 | 原 | 新 | 条款 |", "|---|---|---|---|---|"]
        out += [f"| {CHANGE_ZH[q.change]} | {_md(q.metric)} | {_md(figure(q.old))} | "
                f"{_md(figure(q.new))} | {_md((q.new or q.old).ref)} |" for q in _ordered_quantities(d)]
        out.append("")
    if d.owners:
        out += ["## 责任单位变化", "", "| 条款 | 原 | 新 | 内容 |", "|---|---|---|---|"]
        out += [f"| {_md(o.new_ref)} | {_md('、'.join(o.old_owners) or '—')} | "
                f"{_md('、'.join(o.new_owners) or '—')} | {_md(o.subject)} |" for o in d.owners]
        out.append("")
    if d.meta:
        out += ["## 文件信息变化", "", "| 项目 | 原 | 新 |", "|---|---|---|"]
        out += [f"| {m.field} | {_md(_meta_text(m.old))} | {_md(_meta_text(m.new))} |" for m in d.meta]
        out.append("")
    out += ["## 新旧对照表", "", "| 条款 | 状态 | 原文 | 修订后 |", "|---|---|---|---|"]
    for c in d.changed():
        out.append(f"| {_md(_ref(c))} | {STATUS_ZH[c.status]} | {_side(c, 'old', _md_chunks, _md)} | "
                   f"{_side(c, 'new', _md_chunks, _md)} |")
    return "\n".join(out) + "\n"


_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:1.5em auto;max-width:1200px;color:#222;line-height:1.6;padding:0 1em}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.ref{white-space:nowrap;color:#555;font-size:.9em}
table.compare td.old,table.compare td.new{width:43%}
del{background:#fdd;color:#900;text-decoration:line-through}
ins{background:#dfd;color:#060;text-decoration:none;font-weight:bold}
tr.added td.new{background:#eefaee}tr.removed td.old{background:#fbeeee}
tr.unchanged td{color:#777}.chip{display:inline-block;padding:.1em .6em;margin-right:.4em;
border-radius:1em;background:#eee}.value{white-space:nowrap;font-weight:bold}
.old-value{color:#900}.new-value{color:#060}details summary{cursor:pointer;color:#555}
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_chunks(chunks: Iterable[Chunk], side: str) -> str:
    out = []
    for k in chunks:
        if k.op == "equal":
            out.append(_h(k.old if side == "old" else k.new))
        elif side == "old" and k.old:
            out.append(f"<del>{_h(k.old)}</del>")
        elif side == "new" and k.new:
            out.append(f"<ins>{_h(k.new)}</ins>")
    return "".join(out)


def _html_row(c: ClauseChange) -> str:
    old = _side(c, "old", _html_chunks, _h)
    new = _side(c, "new", _html_chunks, _h)
    if c.status == "removed":
        old = f"<del>{old}</del>"
    elif c.status == "added":
        new = f"<ins>{new}</ins>"
    note = STATUS_ZH[c.status] + ("（移动）" if c.moved and c.status != "moved" else "")
    note += {"split": "（拆分）", "merged": "（合并）"}.get(c.relation, "")
    return (f'<tr class="{c.status}"><td class="ref">{_h(_ref(c))}<br>{note}</td>'
            f'<td class="old">{old}</td><td class="new">{new}</td></tr>')


def _compare_rows(d: PolicyDiff) -> list[str]:
    """Rows of the 对照表; runs of unchanged clauses fold into one <details> row."""
    rows: list[str] = []
    run: list[ClauseChange] = []

    def flush() -> None:
        if run:
            inner = "".join(f"<p><b>{_h(c.new.ref)}</b> {_h(c.new.text)}</p>" for c in run if c.new)
            rows.append(f'<tr class="unchanged"><td colspan="3"><details><summary>{len(run)} 条未变'
                        f"</summary>{inner}</details></td></tr>")
            run.clear()

    for c in d.clauses:
        if c.status == "unchanged":
            run.append(c)
            continue
        flush()
        rows.append(_html_row(c))
    flush()
    return rows


def to_html(d: PolicyDiff) -> str:
    """A self-contained HTML 新旧对照表: summary of figures at the top, then old | new columns."""
    s = summary(d)
    chips = "".join(f'<span class="chip">{STATUS_ZH[k]} {s[k]}</span>' for k in STATUSES)
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>新旧对照表：{_h(d.new_id)}</title><style>{_CSS}</style></head><body>",
             f"<h1>新旧对照表</h1><p>原：{_h(d.old_id)}<br>新：{_h(d.new_id)}</p><p>{chips}</p>"]
    parts.append(f"<h2>数量变化（{len(d.quantities)}）</h2>")
    if d.quantities:
        parts.append('<table class="quantities"><tr><th>变化</th><th>指标</th><th>原</th><th>新</th>'
                     "<th>条款</th><th>依据</th></tr>")
        for q in _ordered_quantities(d):
            evidence = " → ".join(_h(st.evidence) for st in (q.old, q.new) if st is not None)
            parts.append(f"<tr><td>{CHANGE_ZH[q.change]}</td><td>{_h(q.metric)}</td>"
                         f'<td class="value old-value">{_h(figure(q.old))}</td>'
                         f'<td class="value new-value">{_h(figure(q.new))}</td>'
                         f'<td class="ref">{_h((q.new or q.old).ref)}</td><td>{evidence}</td></tr>')
        parts.append("</table>")
    else:
        parts.append("<p>无</p>")
    if d.owners:
        parts.append(f"<h2>责任单位变化（{len(d.owners)}）</h2><table><tr><th>条款</th><th>原</th>"
                     "<th>新</th><th>内容</th></tr>")
        parts += [f'<tr><td class="ref">{_h(o.new_ref)}</td><td><del>{_h("、".join(o.old_owners))}</del></td>'
                  f'<td><ins>{_h("、".join(o.new_owners))}</ins></td><td>{_h(o.subject)}</td></tr>'
                  for o in d.owners]
        parts.append("</table>")
    if d.meta:
        parts.append("<h2>文件信息变化</h2><table><tr><th>项目</th><th>原</th><th>新</th></tr>")
        parts += [f"<tr><td>{_h(m.field)}</td><td>{_h(_meta_text(m.old))}</td>"
                  f"<td>{_h(_meta_text(m.new))}</td></tr>" for m in d.meta]
        parts.append("</table>")
    parts.append('<h2>条文对照</h2><table class="compare"><tr><th>条款</th><th>原文</th>'
                 "<th>修订后</th></tr>")
    parts += _compare_rows(d)
    parts.append("</table></body></html>")
    return "\n".join(parts) + "\n"


RENDERERS = {"text": to_text, "json": to_json, "md": to_markdown, "html": to_html}
"""Output format name -> renderer, as the CLI's --format names them."""
