"""Build one knowledge graph from many records.

Nodes (attribute ``type``): Document, Section, Task, Target, Organisation, Programme,
Place, Policy. Edges (attribute ``type``, also the edge key): CONTAINS, OWNS (``role``
lead/support), HAS_TARGET (programme → target), ABOUT (target → its subject), MENTIONS,
CITES (document → policy), PUBLISHED_AS (policy → the corpus document with its title),
ISSUED_BY, PART_OF (department → body, 新城 → 新区).

Every node and edge carries provenance: ``doc`` (document id), ``span`` (source offsets),
``page`` and ``evidence`` (the sentence the fact comes from). Ids are stable: a hash of
the type and canonical name for entities, of the document id and local id for a
document's parts, so two runs over the same records give the same ids in the same order.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from extractor.graph import names
from extractor.graph.merge import (
    Entity,
    Mention,
    containment,
    document_places,
    merge,
    named_province,
)

NODE_TYPES = ("Document", "Section", "Task", "Target", "Organisation", "Programme", "Place", "Policy")
EDGE_TYPES = ("CONTAINS", "OWNS", "HAS_TARGET", "ABOUT", "MENTIONS", "CITES", "PUBLISHED_AS",
              "ISSUED_BY", "PART_OF")
_PREFIX = {"Document": "doc", "Section": "sec", "Task": "task", "Target": "tgt",
           "Organisation": "org", "Programme": "prog", "Place": "place", "Policy": "pol"}
_SENTENCE = re.compile(r"[^。；;！？!?]*[。；;！？!?]?")
_NOTICE = re.compile(r"关于印发(.+?)的通知$")
_EVIDENCE_MAX = 240
_SENTENCE_MAX = 120  # longer, and a "sentence" is likely a table without sentence marks

Record = Mapping[str, Any]


def node_id(node_type: str, key: str) -> str:
    """The stable id of a node: type prefix and a hash of its key.

    Example:
        >>> node_id("Organisation", "西安交通大学")
        'org_2dc9ef8b589e2341'
    """
    digest = hashlib.sha1(f"{node_type}\x1f{key}".encode("utf-8")).hexdigest()[:16]
    return f"{_PREFIX[node_type]}_{digest}"


def _local_id(node_type: str, doc: str, local: str) -> str:
    return node_id(node_type, f"{doc}\x1f{local}")


def _clip(text: str | None) -> str:
    text = re.sub(r"\s+", "", text or "")
    return text if len(text) <= _EVIDENCE_MAX else text[:_EVIDENCE_MAX - 1] + "…"


def _first_sentence_with(text: str, key: str) -> str | None:
    for match in _SENTENCE.finditer(re.sub(r"\s+", "", text)):
        if key in match.group(0):
            return match.group(0)
    return None


def _sentence_with(text: str, needle: str) -> str | None:
    r"""The sentence of `text` that contains `needle`, or None.

    A table (or a list of recipients) has no sentence marks, so its "sentence" is the
    whole table; when the sentence is that long, the line naming `needle` (a table's row)
    is the evidence instead.

    Example:
        >>> _sentence_with("单位 职责\n区财金局 资金保障\n区经发局 项目统筹\n" * 8, "区经发局")
        '区经发局项目统筹'
    """
    key = re.sub(r"\s+", "", needle)
    sentence = _first_sentence_with(text, key) if key else None
    if sentence and len(sentence) > _SENTENCE_MAX:
        line = next((found for line in text.splitlines()
                     if (found := _first_sentence_with(line, key))), None)
        return line or sentence
    return sentence


class _Context:
    """The facts of one record that carry text, to find the evidence of a mention."""

    def __init__(self, record: Record):
        spans = []
        for t in record.get("targets", []):
            spans.append((t["span"], t.get("page"), t["evidence"]))
        for t in record.get("tasks", []):
            spans.append((t["span"], t.get("page"), t["text"]))
        for s in record.get("sections", []):
            spans.append((s["span"], s.get("page"), s["title"]))
        self.spans = sorted(spans, key=lambda s: s[0][1] - s[0][0])
        self.title = record["document"].get("title") or ""
        paged = sorted((span[0], page) for span, page, _ in spans if page)
        self.starts = [start for start, _ in paged]
        self.pages = [page for _, page in paged]
        self.single = record["document"].get("pages") == 1

    def page(self, offset: int) -> int | None:
        """The page of `offset`: that of the nearest fact starting before it (or after, at
        the top of the document), since pages only grow with the offset."""
        if self.single or not self.pages:
            return 1 if self.single else None
        i = bisect.bisect_right(self.starts, offset)
        return self.pages[i - 1] if i else self.pages[0]

    def at(self, span: list[int], name: str) -> tuple[int | None, str]:
        """Page and evidence of `span`: the sentence naming `name` in the smallest fact
        around it, else the title that names it, else the name itself."""
        start, end = span
        for (s, e), page, text in self.spans:
            sentence = _sentence_with(text, name) if s <= start and end <= e else None
            if sentence:
                return page or self.page(start), _clip(sentence)
        if name and name in self.title:
            return 1, _clip(self.title)
        return self.page(start), name


class _Builder:
    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def node(self, nid: str, node_type: str, label: str, **attrs: Any) -> str:
        if nid not in self.nodes:
            self.nodes[nid] = {"type": node_type, "label": label, **attrs}
        return nid

    def edge(self, u: str, v: str, edge_type: str, *, doc: str, span: list[int] | None,
             page: int | None, evidence: str, **attrs: Any) -> None:
        key = edge_type if edge_type != "OWNS" else f"OWNS:{attrs.get('role', '')}"
        if u == v or (u, v, key) in self.edges:
            return
        self.edges[(u, v, key)] = {"type": edge_type, "doc": doc, "span": list(span or [0, 0]),
                                   "page": page, "evidence": _clip(evidence), **attrs}

    def graph(self) -> nx.MultiDiGraph:
        order = {t: i for i, t in enumerate(NODE_TYPES)}
        graph = nx.MultiDiGraph()
        for nid in sorted(self.nodes, key=lambda n: (order[self.nodes[n]["type"]], n)):
            graph.add_node(nid, **self.nodes[nid])
        for (u, v, key) in sorted(self.edges, key=lambda e: (self.edges[e]["type"], e)):
            # a record may point at a section it does not hold; such an edge would add an
            # untyped node, so it is left out
            if u in self.nodes and v in self.nodes:
                graph.add_edge(u, v, key=key, **self.edges[(u, v, key)])
        return graph


def build(records: Iterable[Record]) -> nx.MultiDiGraph:
    """Build the knowledge graph of a set of records (dicts as in record.schema.json).

    Example:
        >>> graph = build([extractor.extract("corpus/seeds/004_36e5cd320c0db03f.txt")])  # doctest: +SKIP
        >>> sorted({d["type"] for _, d in graph.nodes(data=True)})[:2]  # doctest: +SKIP
        ['Document', 'Organisation']
    """
    recs = sorted(records, key=lambda r: r["document"]["id"])
    builder = _Builder()
    contexts = {r["document"]["id"]: _Context(r) for r in recs}
    for record in recs:
        _add_document(builder, record)
    entities = _add_entities(builder, recs, contexts)
    for record in recs:
        _add_facts(builder, record, entities)
    _add_citations(builder, recs, contexts)
    _add_part_of(builder, recs, entities, contexts)
    return builder.graph()


def _add_document(builder: _Builder, record: Record) -> None:
    doc = record["document"]
    did = doc["id"]
    dnode = builder.node(
        node_id("Document", did), "Document", doc.get("title") or did,
        doc=did, span=[0, 0], page=1, evidence=_clip(doc.get("title") or did),
        title=doc.get("title"), doc_number=doc.get("doc_number"), issuer=doc.get("issuer"),
        date=doc.get("date"), source=doc.get("source"), format=doc.get("format"),
        pages=doc.get("pages"), sha256=doc.get("sha256"))
    for s in record.get("sections", []):
        heading = f"{s['number']} {s['title']}".strip()  # an annex (附件) may have no title
        sid = builder.node(_local_id("Section", did, s["id"]), "Section", heading, doc=did,
                           local_id=s["id"], span=list(s["span"]), page=s.get("page"),
                           evidence=_clip(heading), number=s["number"], title=s["title"],
                           level=s["level"], kind=s.get("kind", "heading"))
        parent = _local_id("Section", did, s["parent"]) if s.get("parent") else dnode
        builder.edge(parent, sid, "CONTAINS", doc=did, span=s["span"], page=s.get("page"),
                     evidence=heading)
    for t in record.get("tasks", []):
        tid = builder.node(_local_id("Task", did, t["id"]), "Task", _clip(t["text"])[:40],
                           doc=did, local_id=t["id"], span=list(t["span"]), page=t.get("page"),
                           evidence=_clip(t["text"]), marker=t["marker"], text=t["text"],
                           section=t.get("section"))
        parent = _local_id("Section", did, t["section"]) if t.get("section") else dnode
        builder.edge(parent, tid, "CONTAINS", doc=did, span=t["span"], page=t.get("page"),
                     evidence=t["text"])
    for q in record.get("targets", []):
        qid = builder.node(
            _local_id("Target", did, q["id"]), "Target", q["evidence"],
            doc=did, local_id=q["id"], span=list(q["span"]), page=q.get("page"),
            evidence=_clip(q["evidence"]), kind=q["kind"], metric=q["metric"],
            value=float(q["value"]),
            value_max=None if q.get("value_max") is None else float(q["value_max"]),
            unit=q["unit"], comparator=q["comparator"], year=q.get("year"),
            annual=bool(q.get("annual")), subject=q.get("subject"), programme=q.get("programme"),
            section=q.get("section"))
        builder.edge(_container(record, q), qid, "CONTAINS", doc=did, span=q["span"],
                     page=q.get("page"), evidence=q["evidence"])


def _task_of(record: Record, target: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The task whose text holds the target (the smallest, when tasks nest)."""
    start, end = target["span"]
    inside = [t for t in record.get("tasks", []) if t["span"][0] <= start and end <= t["span"][1]]
    return min(inside, key=lambda t: t["span"][1] - t["span"][0]) if inside else None


def _container(record: Record, target: Mapping[str, Any]) -> str:
    did = record["document"]["id"]
    task = _task_of(record, target)
    if task:
        return _local_id("Task", did, task["id"])
    if target.get("section"):
        return _local_id("Section", did, target["section"])
    return node_id("Document", did)


def _mentions(record: Record, within: Mapping[str, str]) -> list[tuple[str, Mention, list]]:
    """Every entity mention of one record as (node type, Mention, spans)."""
    did = record["document"]["id"]
    places = document_places(record, within)
    scope = places[-1] if places else None
    province = named_province(record)
    if province and not any(names.province(p) for p in places):
        places = (province, *places)  # 省委 of a paper that names only 陕西 is 陕西省委
    found = []
    for o in record.get("organisations", []):
        found.append(("Organisation", Mention(did, o["id"], o["name"], tuple(o.get("aliases", [])),
                                              o.get("type", "other"), scope, places), o.get("mentions", [])))
    issuer = record["document"].get("issuer")
    if issuer and not _find_local(record, "organisations", issuer):
        found.append(("Organisation", Mention(did, "issuer", issuer, (), "government", scope, places), []))
    for p in record.get("programmes", []):
        found.append(("Programme", Mention(did, p["id"], p["name"], tuple(p.get("aliases", [])),
                                           "programme"), p.get("mentions", [])))
    local = {names.normalise(f) for p in record.get("programmes", []) for f in [p["name"], *p.get("aliases", [])]}
    for q in record.get("targets", []):
        name = q.get("programme")
        if name and names.normalise(name) not in local:
            local.add(names.normalise(name))
            found.append(("Programme", Mention(did, f"{q['id']}.programme", name, (), "programme"),
                          [q["span"]]))
    for p in record.get("places", []):
        found.append(("Place", Mention(did, p["id"], p["name"], (), "place"), p.get("mentions", [])))
    return found


def _find_local(record: Record, field: str, name: str) -> str | None:
    """Local id of the entity in `record[field]` one of whose forms is `name`."""
    key = names.normalise(name)
    for entity in record.get(field, []):
        if key in {names.normalise(f) for f in [entity["name"], *entity.get("aliases", [])]}:
            return entity["id"]
    return None


def _add_entities(builder: _Builder, recs: list[Record],
                  contexts: dict[str, _Context]) -> dict[tuple[str, str], str]:
    """Merge entity mentions across documents; return (doc, local id) → node id."""
    by_type: dict[str, list[Mention]] = defaultdict(list)
    spans: dict[tuple[str, str], list] = {}
    within = containment(recs)
    for record in recs:
        for node_type, mention, mention_spans in _mentions(record, within):
            by_type[node_type].append(mention)
            spans[(mention.doc, mention.local_id)] = sorted(mention_spans)
    index: dict[tuple[str, str], str] = {}
    for node_type in ("Organisation", "Programme", "Place"):
        threshold = 90.0 if node_type == "Organisation" else 101.0
        for entity in merge(by_type[node_type], threshold=threshold):
            nid = _add_entity(builder, node_type, entity, spans, contexts)
            for m in entity.mentions:
                index[(m.doc, m.local_id)] = nid
    _distinct_labels(builder.nodes, "Organisation")
    return index


def _qualified(entity: Entity) -> str:
    """The name a reader can place: a bare level read as the jurisdiction of a document
    that names it (省委 → 陕西省委, 区社会事业局 → 平潭综合实验区社会事业局)."""
    rest = names.normalise(entity.name)[1:]  # resolve folds the name: keep it as written
    for mention in entity.mentions:
        resolved = names.resolve(entity.name, mention.places)
        if resolved and resolved.endswith(rest):
            return resolved[:len(resolved) - len(rest)] + entity.name[1:]
    return entity.name


def _jurisdiction(entity: Entity, info: names.NameInfo) -> str | None:
    """The place whose body this is: the one its name or its documents give; 全国 for a
    national body."""
    if info.level == "national":
        return "全国"
    return entity.scope or info.place


def _distinct_labels(nodes: dict[str, dict[str, Any]], node_type: str) -> None:
    """Where two nodes of `node_type` still share a label (two 财政局 of two places), each
    label names its jurisdiction, and then its id if even that is shared."""
    qualifiers = (lambda nid, data: data.get("jurisdiction") or "辖区未知", lambda nid, data: nid)
    for qualify in qualifiers:
        same: dict[str, list[str]] = defaultdict(list)
        for nid, data in nodes.items():
            if data["type"] == node_type:
                same[data["label"]].append(nid)
        for label, nids in same.items():
            for nid in nids if len(nids) > 1 else ():
                nodes[nid]["label"] = f"{label}（{qualify(nid, nodes[nid])}）"


def _add_entity(builder: _Builder, node_type: str, entity: Entity,
                spans: dict[tuple[str, str], list], contexts: dict[str, _Context]) -> str:
    nid = node_id(node_type, entity.key)
    mentions = [[m.doc, *s] for m in entity.mentions for s in spans[(m.doc, m.local_id)]]
    docs = sorted({m.doc for m in entity.mentions})
    first = min(mentions, default=[docs[0], 0, 0])
    page, evidence = contexts[first[0]].at(first[1:], entity.name)
    attrs: dict[str, Any] = {"name": entity.name, "aliases": list(entity.aliases), "docs": docs,
                             "mentions": mentions, "doc": first[0], "span": first[1:],
                             "page": page, "evidence": evidence}
    label = entity.name
    if node_type == "Organisation":
        info = names.analyse(entity.name)
        attrs.update(org_type=entity.type, admin_level=info.level, place=info.place,
                     scope=entity.scope, jurisdiction=_jurisdiction(entity, info))
        label = _qualified(entity)
    builder.node(nid, node_type, label, **attrs)
    for m in entity.mentions:
        own = spans[(m.doc, m.local_id)]
        if own:  # an issuer known only from the header has no mention in the body
            page, evidence = contexts[m.doc].at(own[0], m.name)
            builder.edge(node_id("Document", m.doc), nid, "MENTIONS", doc=m.doc, span=own[0],
                         page=page, evidence=evidence, count=len(own))
    return nid


def _add_facts(builder: _Builder, record: Record, entities: dict[tuple[str, str], str]) -> None:
    """Owners, programmes and subjects of one record's tasks and targets; its issuer."""
    did = record["document"]["id"]
    tasks = {t["id"]: t for t in record.get("tasks", [])}
    for t in tasks.values():
        tid = _local_id("Task", did, t["id"])
        for owner in t.get("owners", []):
            if (did, owner["org"]) in entities:
                builder.edge(entities[(did, owner["org"])], tid, "OWNS", doc=did, span=t["span"],
                             page=t.get("page"), evidence=t["text"], role=owner["role"],
                             inherited_from=None)
    for q in record.get("targets", []):
        qid = _local_id("Target", did, q["id"])
        owners, via = q.get("owners", []), None
        task = _task_of(record, q)
        if not owners and task:
            owners, via = task.get("owners", []), task["id"]
        for owner in owners:
            if (did, owner["org"]) in entities:
                builder.edge(entities[(did, owner["org"])], qid, "OWNS", doc=did, span=q["span"],
                             page=q.get("page"), evidence=q["evidence"], role=owner["role"],
                             inherited_from=via)
        if q.get("programme"):
            local = _find_local(record, "programmes", q["programme"]) or f"{q['id']}.programme"
            if (did, local) in entities:
                builder.edge(entities[(did, local)], qid, "HAS_TARGET", doc=did, span=q["span"],
                             page=q.get("page"), evidence=q["evidence"])
        subject = _subject_node(record, q.get("subject"), entities)
        if subject:
            builder.edge(qid, subject, "ABOUT", doc=did, span=q["span"], page=q.get("page"),
                         evidence=q["evidence"])
    issuer = record["document"].get("issuer")
    if issuer:
        local = _find_local(record, "organisations", issuer) or "issuer"
        seen = [m for o in record.get("organisations", []) if o["id"] == local for m in o.get("mentions", [])]
        if (did, local) in entities:
            # the issuer's first mention is usually the title or the signature; [0, 0] is the header
            builder.edge(node_id("Document", did), entities[(did, local)], "ISSUED_BY", doc=did,
                         span=min(seen, default=[0, 0]), page=1, evidence=issuer)


def _subject_node(record: Record, subject: str | None,
                  index: dict[tuple[str, str], str]) -> str | None:
    if not subject:
        return None
    did = record["document"]["id"]
    for field in ("organisations", "programmes", "places"):
        local = _find_local(record, field, subject)
        if local and (did, local) in index:
            return index[(did, local)]
    return None


def _title_keys(title: str) -> set[str]:
    """Forms a document's title can be cited by: the title, its 《…》, 关于印发X的通知 → X."""
    keys = {names.normalise(title)}
    keys.update(names.normalise(t) for t in re.findall(r"《([^》]+)》", title))
    notice = _NOTICE.search(names.normalise(title))
    if notice:
        keys.add(notice.group(1))
    return {k for k in keys if k}


def _add_citations(builder: _Builder, recs: list[Record], contexts: dict[str, _Context]) -> None:
    """Cited titles as Policy nodes, each linked to the corpus document of that title.

    A notice that prints a policy (关于印发《X》的通知) is that policy's document, so a
    citation of X in the notice itself links to it too.
    """
    titles: dict[str, list[str]] = defaultdict(list)
    for record in recs:
        if record["document"].get("title"):
            for key in _title_keys(record["document"]["title"]):
                titles[key].append(record["document"]["id"])
    for record in recs:
        did = record["document"]["id"]
        for c in record.get("citations", []):
            key = names.normalise(c["title"])
            pid = node_id("Policy", key)
            cited = f"《{c['title']}》" + (f"（{c['doc_number']}）" if c.get("doc_number") else "")
            page, evidence = contexts[did].at(c["span"], c["title"])
            evidence = evidence if c["title"] in evidence and evidence != c["title"] else cited
            published = did if did in titles.get(key, []) else next(iter(titles.get(key, [])), None)
            if pid in builder.nodes:
                node = builder.nodes[pid]
                node["docs"] = sorted({*node["docs"], did})
                node["doc_number"] = node["doc_number"] or c.get("doc_number")
                node["document"] = node["document"] or published
            else:
                builder.node(pid, "Policy", c["title"], title=c["title"],
                             doc_number=c.get("doc_number"), docs=[did], doc=did,
                             span=list(c["span"]), page=page, evidence=evidence,
                             document=published)
            builder.edge(node_id("Document", did), pid, "CITES", doc=did, span=c["span"],
                         page=page, evidence=evidence)
            if published:
                builder.edge(pid, node_id("Document", published), "PUBLISHED_AS", doc=did,
                             span=c["span"], page=page, evidence=evidence, rule="title")


def _form_key(node: Mapping[str, Any], form: str) -> tuple[str | None, str]:
    """A name as the parent lookup compares it: a name without a place (市政府) is that of
    its node's jurisdiction, so 市政府研究室 of 西咸新区 is not part of 上海's 市人民政府."""
    return (None if names.analyse(form).places else node["scope"]), names.expand(form)


def _body_place(node: Mapping[str, Any]) -> str | None:
    """The place a body governs: named (平潭综合实验区管委会) or read from its bare level
    (省政府 of a 陕西 document: scope 陕西省). A scope of another level is only the
    document's jurisdiction (市、县政府 in a national plan) and governs nothing here."""
    if node["place"]:
        return node["place"]
    scope, level = node["scope"], node["admin_level"]
    if scope and level and (names.analyse(scope).level == level or scope.endswith(node["name"][:1])):
        return scope
    return None


def _add_part_of(builder: _Builder, recs: list[Record], index: dict[tuple[str, str], str],
                 contexts: dict[str, _Context]) -> None:
    """Department → body and smaller place → larger place, from names and co-occurrence."""
    orgs = {nid: builder.nodes[nid] for nid in sorted(builder.nodes)
            if builder.nodes[nid]["type"] == "Organisation"}
    by_form: dict[tuple[str | None, str], str] = {}
    for nid, node in orgs.items():
        for form in [node["name"], *node["aliases"]]:
            by_form.setdefault(_form_key(node, form), nid)
    # A government department belongs to the government body of its place, a party
    # department to the party committee: bodies are keyed by place, level and type.
    bodies: dict[tuple[str | None, str, str], str] = {}
    for nid, node in orgs.items():
        if names.is_body(node["name"]) and _body_place(node):
            bodies.setdefault((_body_place(node), node["admin_level"] or "", node["org_type"]), nid)
    for nid, node in orgs.items():
        name = names.expand(node["name"])
        parent, rule = None, None
        # 西安市公安局西咸新区分局 belongs to 西安市公安局: the longest other name it starts
        # with, leaving at least two characters (科技部门 is not a part of 科技部). A body,
        # an alliance or a company is not a department of the name it starts with.
        if not names.is_body(node["name"]) and node["org_type"] not in ("association", "company"):
            for cut in range(len(name) - 2, 2, -1):
                candidate = by_form.get(_form_key(node, name[:cut]))
                if candidate and candidate != nid:
                    parent, rule = candidate, "name prefix"
                    break
        if (parent is None and names.is_department(node["name"])
                and node["org_type"] in ("government", "party")):
            place, kind = node["place"] or node["scope"], node["org_type"]
            parent = bodies.get((place, node["admin_level"] or "", kind))
            if parent is None and not node["place"] and node["admin_level"] is None:
                # a bare department (社会事业服务局) of a document issued by a body of that place
                parent = next((b for (p, _, t), b in sorted(bodies.items()) if p == place and t == kind), None)
            rule = "same place"
        if parent and parent != nid:
            builder.edge(nid, parent, "PART_OF", doc=node["doc"], span=node["span"],
                         page=node["page"], evidence=node["evidence"], rule=rule)
    _place_part_of(builder, recs, index, contexts)


def _place_parent(place: Mapping[str, Any], nid: str, rank: int,
                  ranked: list[tuple[Mapping[str, Any], str, int | None]]) -> tuple[str, str] | None:
    """The larger place a place of one document lies in, and the rule that says so."""
    name = names.normalise(place["name"])
    larger = [(o, oid, r) for o, oid, r in ranked if r is not None and r < rank and oid != nid]
    # 西咸新区沣东新城 starts with 西咸新区; the closest level wins
    prefixed = [(r, oid) for o, oid, r in larger
                if name.startswith(names.normalise(o["name"])) and name != names.normalise(o["name"])]
    if prefixed:
        return max(prefixed)[1], "name prefix"
    # …西咸新区泾河新城…: one mention ends where the other begins
    starts = {m[0] for m in place.get("mentions", [])}
    adjacent = [(r, oid) for o, oid, r in larger if any(m[1] in starts for m in o.get("mentions", []))]
    if adjacent:
        return max(adjacent)[1], "adjacent mention"
    kinds = names.parent_kinds(place["name"])
    sole = {oid for o, oid, _ in larger if kinds and names.is_kind(o["name"], kinds)}
    return (sole.pop(), "sole larger place") if len(sole) == 1 else None


def _place_part_of(builder: _Builder, recs: list[Record], index: dict[tuple[str, str], str],
                   contexts: dict[str, _Context]) -> None:
    """Smaller place → larger place: by name (西咸新区沣东新城 → 西咸新区), by adjacent
    mentions, or a town (新城, 镇, 街道) inside the one place of its parent kind (新区, 县 …)
    in its document."""
    for record in recs:
        did = record["document"]["id"]
        ranked = [(p, index[(did, p["id"])], names.level_rank(names.analyse(p["name"]).level))
                  for p in record.get("places", []) if (did, p["id"]) in index]
        for place, nid, rank in ranked:
            found = _place_parent(place, nid, rank, ranked) if rank is not None else None
            if found:
                span = place["mentions"][0] if place.get("mentions") else [0, 0]
                page, evidence = contexts[did].at(span, place["name"])
                builder.edge(nid, found[0], "PART_OF", doc=did, span=span, page=page,
                             evidence=evidence, rule=found[1])
