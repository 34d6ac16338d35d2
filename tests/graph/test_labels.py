"""Organisation nodes a reader can tell apart: a label qualified by its jurisdiction, a
`jurisdiction` attribute, one node per body of one place, the naming sentence as evidence.

The sentences are short real excerpts; the records around them are written by hand.
"""
from __future__ import annotations

from collections import Counter

from extractor.graph import build

# source: corpus/dev, 平潭综合实验区管委会 measures (owner clauses of the form （…按职责分工负责）)
_PINGTAN_CLAUSE = "（区资源生态局牵头，区经发局、区社会事业局、区市场监管局等按职责分工负责）"
# source: corpus/seeds 004, 陕西省西咸新区 annual summary
_SHAANXI_SENTENCE = "按照省委、省政府部署要求，在省委科技委员会领导下，进一步优化省科技资源统筹中心职能。"


def _record(doc: str, issuer: str, text: str, orgs: list[str]) -> dict:
    organisations = [{"id": f"o{i}", "name": name, "aliases": [], "type": "government",
                      "mentions": [[text.index(name), text.index(name) + len(name)]]}
                     for i, name in enumerate(orgs)]
    return {"schema_version": "1.0",
            "document": {"id": doc, "title": "关于印发实施方案的通知", "issuer": issuer, "pages": 1},
            "sections": [], "programmes": [], "places": [], "citations": [], "targets": [],
            "tasks": [{"id": "t1", "section": None, "marker": "1.", "text": text,
                       "span": [0, len(text)], "page": 1, "owners": []}],
            "organisations": organisations}


def _orgs(graph):
    return {d["name"]: d for _, d in graph.nodes(data=True) if d["type"] == "Organisation"}


def test_a_bare_level_is_labelled_with_its_province():
    shaanxi = _record("d1", "陕西省西咸新区开发建设管理委员会", _SHAANXI_SENTENCE, ["省委"])
    fujian = _record("d2", "福建省平潭综合实验区管理委员会", "按照省委部署要求推进。", ["省委"])
    labels = sorted(d["label"] for n, d in build([shaanxi, fujian]).nodes(data=True)
                    if d.get("name") == "省委")
    assert labels == ["福建省委", "陕西省委"]


def test_a_district_department_is_labelled_with_its_place_and_jurisdiction():
    graph = build([_record("d1", "平潭综合实验区管理委员会", _PINGTAN_CLAUSE, ["区社会事业局"])])
    org = _orgs(graph)["区社会事业局"]
    assert org["label"] == "平潭综合实验区社会事业局"
    assert org["jurisdiction"] == "平潭综合实验区"


def test_the_same_body_in_two_documents_of_one_place_is_one_node():
    first = _record("d1", "平潭综合实验区管理委员会", _PINGTAN_CLAUSE, ["区社会事业局"])
    second = _record("d2", "平潭综合实验区管理委员会", "由区社会事业局会同区财金局负责。", ["区社会事业局"])
    orgs = _orgs(build([first, second]))
    assert orgs["区社会事业局"]["docs"] == ["d1", "d2"]


def test_two_bodies_of_one_name_in_two_places_get_two_labels():
    pingtan = _record("d1", "平潭综合实验区管理委员会", "由财政局负责资金保障。", ["财政局"])
    xixian = _record("d2", "陕西省西咸新区开发建设管理委员会", "财政局负责资金保障。", ["财政局"])
    labels = [d["label"] for _, d in build([pingtan, xixian]).nodes(data=True) if d.get("name") == "财政局"]
    assert len(labels) == 2 and len(set(labels)) == 2
    assert all(label.startswith("财政局（") for label in labels)


def test_evidence_is_the_table_row_not_the_whole_table():
    rows = [f"{n}. {org} 负责{task}" for n, (org, task) in enumerate(
        [("区财金局", "资金保障和绩效评价工作"), ("区经发局", "项目统筹和储备工作"),
         ("区社会事业局", "人才引进和住房保障工作"), ("区市场监管局", "企业登记和质量监管工作"),
         ("区资源生态局", "用地保障和生态环境工作"), ("区交建局", "道路交通和基础设施工作")], 1)]
    table = "\n".join(["序号 责任单位 工作内容", *rows])
    org = _orgs(build([_record("d1", "平潭综合实验区管理委员会", table, ["区社会事业局"])]))["区社会事业局"]
    assert org["evidence"] == "3.区社会事业局负责人才引进和住房保障工作"


def test_no_two_organisations_of_the_real_corpus_share_a_label(corpus_graph):
    labels = Counter(d["label"] for _, d in corpus_graph.nodes(data=True) if d["type"] == "Organisation")
    assert labels and max(labels.values()) == 1
    assert all(len(d["evidence"]) <= 240 for _, d in corpus_graph.nodes(data=True))
