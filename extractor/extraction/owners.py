"""Owners: which organisation leads or supports which task, and the quantities inside it.

The owner expressions come from `owner_clauses` (the grammar of role slots), read over the
organisation finder's mentions. Each clause lands on the structure's task holding where it
is written (its id kept); measures structure did not number become tasks of their own: a
body's enumerated duties, several measures of one task each closing with its own note, the
sentences of one article each naming its owner. Every quantity inside a task or a clause's
sentence gets the same owners. Owner names the organisation finder missed are added to the
organisations.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import cast

from extractor.extraction.analysed import Analysed, analyse
from extractor.extraction.candidates import Candidate, Decision
from extractor.extraction.organisations import BodyIndex, find_organisations, org_type
from extractor.extraction.owner_clauses import OwnerClause, blanket_statements, find_owner_clauses
from extractor.extraction.roles import roles
from extractor.model import DocTree, Organisation, OwnerRef, Quantity, Role, Section, Span, Task
from extractor.structure.markers import marker_at

__all__ = ["OwnerAssignment", "OwnerClause", "assign_owners", "explain", "find_owner_clauses"]

_ITEM_MARK = re.compile(r"(?<![\d.．])(?:\d{1,2}[.．、﹒]|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、)(?!\d)")


@dataclass(frozen=True)
class OwnerAssignment:
    """Tasks and targets with owners filled in, and the organisations they point at
    (owner lists can name bodies the organisation finder had not seen)."""

    tasks: tuple[Task, ...]
    targets: tuple[Quantity, ...]
    organisations: tuple[Organisation, ...]



class _Registry:
    """The document's organisations, growing as owner lists name bodies the finder missed."""

    def __init__(self, organisations: tuple[Organisation, ...]):
        self.orgs = list(organisations)
        # every form -> the first body holding it: a look-up, not a scan of every body
        self.forms: dict[str, int] = {}
        for k, org in enumerate(self.orgs):
            for form in (org.name, *org.aliases):
                self.forms.setdefault(form, k)
        # the bodies' forms indexed once and grown form by form (`best_match` over every body
        # rebuilt its index on each name an owner list read), on the first name no form is
        # (most documents have none): the index holds sets, so built late it is the same
        self._index: BodyIndex | None = None

    def index(self) -> BodyIndex:
        """The bodies' forms indexed for `best_match`."""
        if self._index is None:
            self._index = BodyIndex()
            for org in self.orgs:
                self._index.add_body((org.name, *org.aliases))
        return self._index

    def _add_form(self, k: int, form: str) -> None:
        if self._index is not None:  # (else the index reads it from the body when built)
            self._index.add_form(k, form)

    def resolve(self, name: str, span: Span) -> str:
        """The id of the organisation `name` denotes, adding the form (or the body)."""
        if name in self.forms:
            return self.orgs[self.forms[name]].id
        # 各市县（区）农业农村部门: each of the bodies the document names 市县（区）农业农村部门
        # (an alias: the record keeps the name without 各)
        if name.startswith("各") and name[1:] in self.forms:
            k = self.forms[name] = self.forms[name[1:]]
            self._add_form(k, name)
            org = self.orgs[k]
            self.orgs[k] = replace(org, aliases=org.aliases + (name,),
                                   mentions=tuple(sorted(set(org.mentions) | {span})))
            return org.id
        # 各级疫情防控指挥部 is every level's body, not another form of one of them
        collective = name.startswith(roles().collective_prefixes)
        matched = None if collective else self.index().match(name)
        if matched is not None:
            k = matched
            org = self.orgs[k]
            mentions = tuple(sorted(set(org.mentions) | {span}))
            # the record's name is the fullest form, not a list item joining a place to the body
            # (奉贤区和临港地区管委会 names two, and is no longer form of 临港地区管委会)
            if len(name) > len(org.name) and org.name in name and not _JOINS.search(name, 0, name.find(org.name)):
                org = replace(org, name=name, aliases=org.aliases + (org.name,))
            else:
                org = replace(org, aliases=org.aliases + (name,))
            self.orgs[k] = replace(org, mentions=mentions)
            self.forms.setdefault(name, k)
            self._add_form(k, name)
            return org.id
        used = {o.id for o in self.orgs}
        n = len(self.orgs) + 1
        while f"o{n}" in used:
            n += 1
        if self._index is not None:
            self._index.add_body((name,))
        self.forms.setdefault(name, len(self.orgs))
        self.orgs.append(Organisation(id=f"o{n}", name=name, type=org_type(name), mentions=(span,)))
        return f"o{n}"


_JOINS = re.compile(r"[和与及、]")


def _add(owners: tuple[OwnerRef, ...], new: list[OwnerRef]) -> tuple[OwnerRef, ...]:
    """Owners with `new` added once each; a lead role outranks a support role."""
    out = list(owners)
    for ref in new:
        if any(o.org == ref.org and (o.role == ref.role or o.role == "lead") for o in out):
            continue
        out = [o for o in out if o.org != ref.org] + [ref]
    return tuple(out)


def _owned(task: Task, refs: list[OwnerRef]) -> Task:
    """The task with `refs` among its owners (itself when they already are: a frozen copy
    per clause was a good part of the assignment's time)."""
    owners = _add(task.owners, refs)
    return task if owners == task.owners else replace(task, owners=owners)


class _Spans:
    """The tasks' spans, ordered by start: the smallest span holding an offset is looked for
    among the spans starting shortly before it, nearest first (a scan of every task for each
    clause was a sixth of the owners' Python work)."""

    def __init__(self, tasks: list[Task]):
        self.spans: list[Span] = [task.span for task in tasks]
        # (start, index), sorted once: an insertion per task cost a call and a move each
        self.order: list[tuple[int, int]] = sorted((span[0], k) for k, span in enumerate(self.spans))
        self.longest = max((b - a for a, b in self.spans), default=0)

    def add(self, span: Span) -> None:
        """Index the next task's span."""
        bisect.insort(self.order, (span[0], len(self.spans)))
        self.spans.append(span)
        self.longest = max(self.longest, span[1] - span[0])

    def holding(self, point: int) -> int | None:
        """Index of the smallest span holding the offset `point` (the first of the smallest)."""
        best, size = None, self.longest
        i = bisect.bisect_right(self.order, (point, len(self.spans)))
        while i:
            i -= 1
            start, k = self.order[i]
            if point - start >= size:  # a span starting here or before holding `point` is larger
                break
            end = self.spans[k][1]
            if end > point and (best is None or end - start < size or end - start == size and k < best):
                best, size = k, end - start
        return best


def _body_start(text: str, span: Span) -> int:
    """Where a scope's own words start: after its blanks and its item marker (①, 1., （一）),
    which structure keeps outside the task's span."""
    pos = span[0]
    while pos < span[1] and text[pos].isspace():
        pos += 1
    marker = marker_at(text, pos)
    return marker.end() if marker and marker.end() < span[1] else pos


def _note_measures(text: str, task: Task, notes: list[Span]) -> list[Span]:
    """The measures a task's trailing owner notes cover: each note the sentences before it,
    back to the previous note or the task's start (（国家发展改革委牵头，…）…（财政部指导）).
    A task with one note at its end is one measure."""
    ends = sorted({n[1] for n in notes})
    if len(ends) == 1 and not text[ends[0]:task.span[1]].strip("。；; \n"):
        return [task.span]
    starts = [task.span[0]] + ends[:-1]
    return [(_skip_blank(text, a), b) for a, b in zip(starts, ends)]


def _skip_blank(text: str, pos: int) -> int:
    """The first offset from `pos` that is no blank or sentence stop."""
    while pos < len(text) and text[pos] in " \t\n。；;":
        pos += 1
    return pos


def _enclosing_text(text: str, anchor: Span, floor: int) -> Span:
    """The measure a trailing note belongs to when structure gave no task: back to the
    last item number after the previous note (`floor`) or paragraph break. A list on a
    line of its own (牵头责任单位：…) belongs to the measure written above it."""
    start = anchor[0]
    line = text.rfind("\n", 0, start)
    if line >= floor and not text[line + 1:start].strip():
        marks = list(_ITEM_MARK.finditer(text, floor, line))
        if marks:
            return (marks[-1].start(), anchor[1])
        return (max(text.rfind("\n", 0, line) + 1, floor), anchor[1])
    floor = max(floor - 1, line)
    begin = floor + 1
    for m in _ITEM_MARK.finditer(text, begin, start):
        begin = m.start()
    return (begin, anchor[1])


def _clauses(doc: Analysed, organisations: tuple[Organisation, ...], *, refusals: bool = True) -> list[OwnerClause]:
    """The document's owner expressions, reading bodies through the organisation finder's
    mentions (with the refused candidates when `refusals`: `explain` shows them; a clause
    for each is work `assign_owners` never reads)."""
    mentions = tuple(span for org in organisations for span in org.mentions)
    clauses = find_owner_clauses(doc.text, doc.tables, mentions=mentions, view=doc.spaced, refusals=refusals)
    # (a document without the first character of any word for an addressee: most of them)
    if not roles().addressee_start.search(doc.text):
        return clauses
    return [_addressed(cl, doc.tree.meta.recipients) for cl in clauses]


_NO_ADDRESSEE = Decision("no_single_addressee", "你省 stands for a reply's one addressee (主送); the document names none or several")


def _addressed(clause: OwnerClause, recipients: tuple[str, ...]) -> OwnerClause:
    """The clause with a reply's word for its addressee (由你省自行解决) read as the one body
    of the 主送 line; with none or several there it names no one (`explain` says so)."""
    pronouns = roles().addressee_pronouns
    if not any(name in pronouns for name, _, _ in clause.owners):  # (most clauses)
        return clause
    single = recipients[0] if len(recipients) == 1 else None
    owners = tuple(((single or name) if name in pronouns else name, role, span) for name, role, span in clause.owners
                   if single or name not in pronouns)
    refused = tuple(Candidate("owners", name, span, _NO_ADDRESSEE) for name, _, span in clause.owners
                    if not single and name in pronouns)
    return replace(clause, owners=owners, refused=clause.refused + refused)


def explain(doc: DocTree | Analysed) -> tuple[Candidate, ...]:
    """Every owner a role slot of the document proposed: accepted (with its role and where
    the owner expression is written) or refused, with the filter that refused it.

    The same clauses `assign_owners` attaches (`find_owner_clauses` over the organisation
    finder's mentions), so the explanation is the computation, not a replay of it.

    Example:
        >>> [(c.text, c.detail) for c in explain(tree) if c.accepted][:1]  # doctest: +SKIP
        [('区科技局', 'role=lead at=[12, 20]')]
    """
    found = []
    doc = analyse(doc)
    for clause in _clauses(doc, find_organisations(doc)):
        found += [Candidate("owners", name, span, None, f"role={role} at=[{clause.anchor[0]}, {clause.anchor[1]}]")
                  for name, role, span in clause.owners]
        found += clause.refused
    return tuple(sorted(found, key=lambda c: (c.span, c.text)))


def assign_owners(doc: DocTree | Analysed, organisations: tuple[Organisation, ...],
                  quantities: tuple[Quantity, ...]) -> OwnerAssignment:
    """Attach owners to tasks and to the quantities inside them.

    Example:
        >>> assigned = assign_owners(tree, find_organisations(tree), find_quantities(tree))  # doctest: +SKIP
        >>> assigned.tasks[0].owners  # doctest: +SKIP
        (OwnerRef(org='o7', role='lead'),)
    """
    doc = analyse(doc)
    tree, registry = doc.tree, _Registry(organisations)
    text = tree.text
    clauses = [cl for cl in _clauses(doc, organisations, refusals=False) if cl.owners]
    duties = _duty_items(text, clauses)
    tasks = list(tree.tasks)
    index = _Spans(tasks)
    # measures structure did not number: enumerated duties, measures closing with their own
    # note, sentences naming their own owner
    spans = [cl.anchor for cl in duties]
    spans += _measure_spans(text, tasks, index, [cl.anchor for cl in clauses if not cl.scopes])
    spans += _sentence_spans(index, [cl for cl in clauses if cl.reach is not None])
    known = {t.span for t in tasks}
    for span in spans:
        if span not in known:
            known.add(span)
            _append(tree, tasks, index, span)
    clauses += duties
    previous_end = 0
    # headings that only name the lead of their items (none in most documents)
    headed = [s for s in tree.sections if s.kind == "heading" and roles().heading_owner.match(s.title)]
    # where each set of owners holds: a task, or one sentence for 由…负责 and a subject
    reach: list[tuple[Span, list[OwnerRef]]] = []
    for clause in clauses:
        refs = [OwnerRef(registry.resolve(name, span), cast(Role, role)) for name, role, span in clause.owners]
        items = _heading_items(tree.text, headed, tasks, (min(sp[0] for _, _, sp in clause.owners), clause.anchor[1]))
        if items:  # 一、县示范区管委会牵头工作(8项): the heading's lead owns every item under it
            for j in items:
                tasks[j] = _owned(tasks[j], refs)
            reach += [(tasks[j].span, refs) for j in items]
            continue
        point = clause.anchor[0] if clause.reach or not clause.scopes else _body_start(text, clause.scopes[0])
        k = index.holding(point)
        if k is None:
            k = _append(tree, tasks, index, clause.scopes[0] if clause.scopes
                        else _enclosing_text(text, clause.anchor, previous_end))
        if not clause.scopes:
            previous_end = clause.anchor[1]
        tasks[k] = _owned(tasks[k], refs)
        reach.append((clause.reach or tasks[k].span, refs))
    reach += _blanket_cover(doc, registry, tasks)
    return OwnerAssignment(tuple(tasks), _owned_quantities(quantities, reach), tuple(registry.orgs))


def _blanket_cover(doc: Analysed, registry: _Registry, tasks: list[Task]) -> list[tuple[Span, list[OwnerRef]]]:
    """以下政策措施均需各县区人民政府落实，不再单独列出: a later measure of the statement's own
    part (top-level section) that names no owner of its own is the statement's bodies' too
    (GUIDE: every later task it covers; a plan's 保障措施 after its task list are not); `tasks`
    gain them."""
    covered = []
    for (_, end), owners in blanket_statements(doc.spaced):
        refs = [OwnerRef(registry.resolve(name, span), cast(Role, role)) for name, role, span in owners]
        part_end = next((s.span[1] for s in doc.tree.sections
                         if s.parent is None and s.span[0] <= end <= s.span[1]), len(doc.text))
        for k, task in enumerate(tasks):
            if end <= task.span[0] < part_end and not task.owners:
                tasks[k] = _owned(task, refs)
                covered.append((task.span, refs))
    return covered


def _owned_quantities(quantities: tuple[Quantity, ...], reach: list[tuple[Span, list[OwnerRef]]]) -> tuple[Quantity, ...]:
    """Each quantity with the owners of the innermost spans of `reach` holding it."""
    targets = []
    for q in quantities:
        holding = [(span, refs) for span, refs in reach if span[0] <= q.span[0] < span[1]]
        if holding:
            inner = min(span[1] - span[0] for span, _ in holding)
            q = replace(q, owners=_add(q.owners, [r for span, refs in holding if span[1] - span[0] == inner
                                                  for r in refs]))
        targets.append(q)
    return tuple(targets)


def _heading_items(text: str, headed: list[Section], tasks: list[Task], anchor: Span) -> list[int]:
    """The tasks under a heading that names their lead and nothing else (一、县示范区管委会牵头
    工作(8项), 三、由市商务局负责事项), when `anchor` is written on that heading's line: the
    heading's section reaches to the next heading of its level. `headed`: the document's
    headings of that shape; `anchor`: from the first owner named to the clause's end. Empty
    for any other clause."""
    for section in headed:
        line_end = text.find("\n", section.span[0], section.span[1])
        if section.span[0] <= anchor[0] < (section.span[1] if line_end < 0 else line_end):
            return [k for k, t in enumerate(tasks) if anchor[1] <= t.span[0] and t.span[1] <= section.span[1]]
    return []


def _append(tree: DocTree, tasks: list[Task], index: _Spans, span: Span) -> int:
    """Add a task for `span` (`_new_task`) to `tasks` and `index`; its index."""
    tasks.append(_new_task(tree, len(tasks) + 1, span))
    index.add(span)
    return len(tasks) - 1


def _new_task(tree: DocTree, number: int, span: Span) -> Task:
    """A task for a measure structure did not number (a note's sentences, a table row)."""
    return Task(id=f"to{number}", section=tree.section_at(span[0]), marker="",
                text="".join(tree.text[span[0]:span[1]].split()), span=span)  # (a regex costs more)


_ITEM = re.compile(r"[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]")


def _duty_items(text: str, clauses: list[OwnerClause]) -> list[OwnerClause]:
    """履行下列职责：（一）…；（二）…: the subject owns each enumerated item after the colon,
    up to the end of the list (the item that closes with 。)."""
    found = []
    duty_list = roles().duty_list
    for clause in clauses:
        if clause.reach is None:
            continue
        lead_in = duty_list.search(text, clause.anchor[1], clause.scopes[0][1] + 1)
        if not lead_in:
            continue
        marks: list[tuple[int, int]] = []
        for m in _ITEM.finditer(text, lead_in.end()):
            if text[lead_in.end():m.start()].strip() if not marks else text[marks[-1][1]:m.start()].count("。"):
                break
            marks.append((m.start(), m.end()))
        ends = [m[0] for m in marks[1:]] + [text.find("。", marks[-1][1]) + 1 if marks else 0]
        for (_, body), end in zip(marks, ends):
            span = (body, len(text[:end].rstrip("；;。 \n")))
            if span[1] > span[0]:
                found.append(OwnerClause(clause.owners, span, (span,), reach=span))
    return found


def _sentence_spans(index: _Spans, clauses: list[OwnerClause]) -> list[Span]:
    """Tasks for the sentences of one structure task that each name their owner (an
    article: 市人民政府应当…。市财政部门负责…。): each sentence is the task of its owners."""
    by_task: dict[int, set[Span]] = {}
    for clause in clauses:
        k = index.holding(clause.anchor[0])
        if k is not None:
            by_task.setdefault(k, set()).add(clause.scopes[0])
    return [span for sentences in by_task.values() if len(sentences) > 1 for span in sorted(sentences)]


def _measure_spans(text: str, tasks: list[Task], index: _Spans, notes: list[Span]) -> list[Span]:
    """Tasks for the measures inside one structure task that each close with their own
    owner note (national plans write several measures under one （一）)."""
    by_task: dict[int, list[Span]] = {}
    for note in notes:
        k = index.holding(note[0])
        if k is not None:
            by_task.setdefault(k, []).append(note)
    spans: list[Span] = []
    for k, held in sorted(by_task.items()):
        measures = _note_measures(text, tasks[k], held)
        if measures != [tasks[k].span]:
            spans += measures
    return spans
