"""Owner assignment on real passages from the bundled corpus and from other documents (tests/fixtures/organisations/)."""
from __future__ import annotations

from extractor.extraction.organisations import find_organisations
from extractor.extraction.owners import assign_owners, find_owner_clauses
from extractor.model import CleanText, DocMeta, DocTree, Quantity, RawDocument
from extractor.pipeline import parse_raw


def _tree(text: str) -> DocTree:
    clean = CleanText(text, tuple(range(len(text) + 1)))
    return DocTree("t", "t.txt", "0", "txt", 1, clean, DocMeta())


def _links(text: str, quantities=()) -> tuple[set[tuple[str, str, str]], object]:
    tree = _tree(text)
    assigned = assign_owners(tree, find_organisations(tree), tuple(quantities))
    names = {o.id: o.name for o in assigned.organisations}
    links = {(names[r.org], r.role, t.text) for t in assigned.tasks for r in t.owners}
    return links, assigned


CIRCLED = (
    "①积极争取省级层面职称政策支持。②开展人才分类认定改革试点。③推动实施人才注册制、人才动态评价“积分制”。"
    "④发挥中国（陕西）自由贸易试验区作用，开展外籍人才创新创业试点。（牵头单位：①社会事业服务局、组\n 织人事部（人才办）；"
    "②③组织人事部（人才办）；④发展改革\n和商务局、科技创新和新经济局、西安市公安局西咸新区分局）"
)


def test_circled_references_resolve_to_measures():
    # corpus/seeds/004: the note names measures ①–④ of its subsection
    links, _ = _links(CIRCLED)
    by_org = {}
    for org, role, task in links:
        by_org.setdefault(org, set()).add(task[:4])
    assert by_org["组织人事部（人才办）"] == {"①积极争", "②开展人", "③推动实"}
    assert by_org["社会事业服务局"] == {"①积极争"}
    assert by_org["西安市公安局西咸新区分局"] == {"④发挥中"}
    assert all(role == "lead" for _, role, _ in links)


def test_inline_note_lead_and_support():
    # corpus/dev/05
    text = ("3.实施风险筛查评估。动态发布平潭重点管控新污染物清单及管控方案。（区资源生态局牵头，区经发局、区农业农村局、"
            "区社会事业局、区市场监管局，平潭海关等按职责分工负责） 4.规范环境管理登记。严格执行登记办法。（区资源生态局牵头负责)")
    links, _ = _links(text)
    roles = {(org, role) for org, role, task in links if task.startswith("3.")}
    assert ("区资源生态局", "lead") in roles
    assert ("平潭海关", "support") in roles and ("区经发局", "support") in roles
    assert {(o, r) for o, r, t in links if t.startswith("4.")} == {("区资源生态局", "lead")}


def test_flattened_table_rows():
    # corpus/dev/03: lead cell and support cell run together in one line
    text = ("附件2022年全区政务公开工作主要任务分解表工作任务工作要求牵头单位配合/责任单位一、加强涉及市场主体的信息公开"
            "1.增强政策制定实施的透明度和可预期性，提振市场主体信心。 区直各有关单位，各区属事业单位，各片区管理局"
            "2.建立市场主体反映投资和工程建设项目审批问题的办理和反馈机制。区经济发展局区行政审批局区直各有关单位，各区属事业单位")
    links, _ = _links(text)
    row2 = {(o, r) for o, r, t in links if "反馈机制" in t}
    assert row2 == {("区经济发展局", "lead"), ("区行政审批局", "lead"),
                    ("区直各有关单位", "support"), ("各区属事业单位", "support")}
    row1 = {(o, r) for o, r, t in links if "透明度" in t}
    assert row1 == {("区直各有关单位", "lead"), ("各区属事业单位", "lead"), ("各片区管理局", "lead")}


def test_by_clause_and_quantities_inherit():
    # corpus/dev/09: the work passes from body to body inside one sentence
    text = ("个人住宅所在宗地涉及划拨土地转让的，由区房地产交易中心汇总，按批次每月两次上报区环境与国土资源局审议，"
            "由区环境与国土资源局审核后，报区管委会批准同意。")
    start = text.index("每月两次")
    q = Quantity(id="q1", kind="target", metric="上报次数", value=2, unit="次", comparator="=",
                 evidence="每月两次", span=(start, start + 4))
    links, assigned = _links(text, [q])
    assert {org for org, role, _ in links if role == "lead"} >= {"区房地产交易中心", "区环境与国土资源局", "区管委会"}
    names = {o.id: o.name for o in assigned.organisations}
    assert {names[r.org] for r in assigned.targets[0].owners} == {"区房地产交易中心"}


def test_report_up_for_approval():
    # corpus/dev/10
    clauses = find_owner_clauses("由区不动产登记中心汇总，按批次上报区环境与国土资源局直接予以审批。")
    assert {n for c in clauses for n, _, _ in c.owners} == {"区不动产登记中心", "区环境与国土资源局"}
    # 经 inside 区经济发展局 opens no 经…审批 clause
    names = {n for c in find_owner_clauses("区经济发展局区行政审批局负责。") for n, _, _ in c.owners}
    assert "济发展局区行政" not in names and "济发展局" not in names


def test_owner_names_missed_by_the_finder_become_organisations():
    # corpus/dev/05: 平潭海关 has no head the finder knows
    links, assigned = _links("推进绿色制造升级。（区经发局、区资源生态局，平潭海关等按职责分工负责）")
    assert "平潭海关" in {o.name for o in assigned.organisations}


def test_standing_support_applies_to_later_notes():
    # corpus/dev/05: "以下均需各片区配合落实，不再列出"
    text = ("1.落实环境信息调查。（区资源生态局牵头负责;各片区负责配合落实，以下均需各片区配合落实，不再列出） "
            "2.开展环境调查监测。（区资源生态局牵头负责）")
    clauses = find_owner_clauses(text)
    assert all(any(name == "各片区" and role == "support" for name, role, _ in c.owners) for c in clauses)


def test_a_remark_closing_the_list_is_no_owner():
    # 荆门市“十四五”纲要任务分工方案 (jingmen.gov.cn, 2021): the list ends in a remark on itself
    text = ("1.地区生产总值(GDP)总量力争突破3000亿元,年均增长7%以上。(预期性指标,牵头单位:市发改委;"
            "责任单位:市政府有关部门,各县市区,以下均需各县市区落实,不再逐一列出)")
    assert _owners(text) == {("市发改委", "lead"), ("市政府有关部门", "support"), ("各县市区", "support")}


def test_a_label_line_keeps_a_bracketed_level_inside_a_name():
    # 实施《西部大开发“十三五”规划》责任分工方案 (川办函〔2017〕113号): 市(州) inside the list
    text = ("1.优化空间开发布局。加快以成渝经济区为支撑的核心增长区域建设。\n"
            "责任单位:省发展改革委、住房城乡建设厅、交通运输厅、国土资源厅,有关市(州)人民政府等。")
    assert ("有关市(州)人民政府", "lead") in _owners(text)
    assert ("省发展改革委", "lead") in _owners(text)
    text = "（二）推进县域经济发展。\n责任单位：各县（市、区）人民政府，市发展改革委。"
    assert _owners(text) == {("各县（市、区）人民政府", "lead"), ("市发展改革委", "lead")}


def test_places_that_carry_their_level_share_the_last_items_head():
    # 湖南省长株潭城市群区域规划条例 第五条 (2007): three city governments, one head written once
    text = "第五条 长沙市、株洲市、湘潭市人民政府负责本行政区域内长株潭城市群区域规划的实施。"
    assert _owners(text) == {("长沙市人民政府", "lead"), ("株洲市人民政府", "lead"), ("湘潭市人民政府", "lead")}
    assert _owners("（三）加强协作。（陕西、山西、甘肃省人民政府负责）") == {
        ("陕西省人民政府", "lead"), ("山西省人民政府", "lead"), ("甘肃省人民政府", "lead")}
    # 黑龙江省促进经济稳增长的若干措施: bare cities take the head of the item closing their run,
    # not of the list's last item; a city's 市 before 、 is no level word coordinated with 省
    text = "3.推进民航基础设施建设。(哈尔滨机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局负责)"
    assert _owners(text) == {("哈尔滨机场扩建指挥部", "lead"), ("哈尔滨市政府", "lead"), ("黑河市政府", "lead"),
                             ("绥芬河市政府", "lead"), ("省农垦总局", "lead")}
    assert _owners("（三）加强协作。（西安市、省发展改革委负责）") == {("西安市", "lead"), ("省发展改革委", "lead")}


def test_regulation_subjects_and_shared_heads():
    # corpus/dev/13: the subject of 应当/负责 owns the clause; one head serves a list
    text = ("第六条 市科学技术行政部门负责本市科学技术进步工作的综合管理和统筹协调。"
            "市和区县发展改革、经济和信息化、农业、教育、财政等部门在各自的职责范围内，负责有关的科学技术进步工作。"
            "具体办法由市科技、财政部门会同有关部门制定。")
    names = {name for c in find_owner_clauses(text) for name, role, _ in c.owners}
    assert {"市科学技术行政部门", "市发展改革部门", "经济和信息化部门", "农业部门", "财政部门", "市科技部门"} <= names
    assert not any("具体办法" in n or "有关部门" in n for n in names)


def test_labelled_list_outside_brackets():
    text = "（三）推进数字政府建设。完善一体化政务服务平台。责任单位：市政务服务管理局、市大数据中心。"
    clauses = find_owner_clauses(text)
    assert [(n, r) for c in clauses for n, r, _ in c.owners] == [("市政务服务管理局", "lead"), ("市大数据中心", "lead")]


def test_task_table_read_as_a_table():
    # the corpus/dev/03 table as a PDF or DOCX reader hands it over
    from extractor.model import Table

    row_task = "建立市场主体反映投资和工程建设项目审批问题的办理和反馈机制"
    text = f"工作任务 牵头单位 配合单位\n{row_task} 区经济发展局 区直各有关单位"
    table = Table(page=1, rows=(("工作任务", "牵头单位", "配合/责任单位"),
                                (row_task, "区经济发展局\n区行政审批局", "区直各有关单位，各区属事业单位")))
    owners = {(n, r) for c in find_owner_clauses(text, (table,)) for n, r, _ in c.owners}
    assert {("区经济发展局", "lead"), ("区行政审批局", "lead"), ("各区属事业单位", "support")} <= owners


# corpus/dev/03 as a web page: a merged group cell (工作任务) repeats down its items (工作要求)
_GROUP = "一、加强涉及市场主体的信息公开"
_ITEM_1 = "1.增强政策制定实施的透明度和可预期性，提振市场主体信心，持续打造市场化法治化国际化营商环境。"
_ITEM_3 = "3.建立市场主体反映投资和工程建设项目审批问题的办理和反馈机制，及时回应和解决“堵点”问题，推动优化投资和建设环境。"
_SUPPORT = "区直各有关单位，各区属事业单位，各片区管理局、各乡镇人民政府（街道办事处）"
_GRID_TEXT = (f"工作任务 工作要求 牵头单位 配合/责任单位\n{_GROUP}{_ITEM_1} {_SUPPORT}\n"
              f"{_ITEM_3} 区经济发展局 区行政审批局 {_SUPPORT}\n")


def _grid_table():
    from extractor.model import Table

    return Table(page=1, rows=(("工作任务", "工作要求", "牵头单位", "配合/责任单位"),
                               (_GROUP, _ITEM_1, "", _SUPPORT),
                               (_GROUP, _ITEM_3, "区经济发展局 区行政审批局", _SUPPORT)))


def test_grouped_task_table_owners_go_to_the_items():
    clauses = find_owner_clauses(_GRID_TEXT, (_grid_table(),))
    by_task = {}
    for clause in clauses:
        for scope in clause.scopes:
            by_task.setdefault(_GRID_TEXT[scope[0]:scope[1]], set()).update((n, r) for n, r, _ in clause.owners)
    assert set(by_task) == {_ITEM_1, _ITEM_3}
    assert by_task[_ITEM_3] == {("区经济发展局", "lead"), ("区行政审批局", "lead"), ("区直各有关单位", "support"),
                                ("各区属事业单位", "support"), ("各片区管理局", "support"),
                                ("各乡镇人民政府（街道办事处）", "support")}
    # the flattened text of the same rows is not read again: a blank lead cell keeps 配合 as support
    assert ("区直各有关单位", "support") in by_task[_ITEM_1]
    assert all(r == "support" for n, r in by_task[_ITEM_1])


def test_grid_row_owners_attach_to_the_row_task():
    from dataclasses import replace

    from extractor.model import Task

    start = _GRID_TEXT.index(_ITEM_3)
    row = Task(id="t1", section=None, marker="", text=_ITEM_3, span=(start, start + len(_ITEM_3)))
    tree = replace(_tree(_GRID_TEXT), tasks=(row,), tables=(_grid_table(),))
    assigned = assign_owners(tree, find_organisations(tree), ())
    names = {o.id: o.name for o in assigned.organisations}
    assert assigned.tasks[0].id == "t1"
    assert ("区经济发展局", "lead") in {(names[r.org], r.role) for r in assigned.tasks[0].owners}
    assert not any(t.text.startswith(_GROUP) for t in assigned.tasks)


# Real passages from documents outside the bundled corpus (tests/fixtures/organisations/,
# each file names its source address on its first line).
def _fixture(name: str) -> str:
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "fixtures" / "organisations" / name
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


def _roles(text: str) -> dict[str, set[str]]:
    links, _ = _links(text)
    roles: dict[str, set[str]] = {}
    for org, role, _ in links:
        roles.setdefault(org, set()).add(role)
    return roles


def test_lead_and_partner_label_lines_under_their_measure():
    # Anhui: 牵头责任单位：… / 协同责任单位：… on lines of their own under each numbered goal
    links, assigned = _links(_fixture("anhui_key_work_division.txt"))
    goal2 = {(org, role) for org, role, task in links if task.startswith("2﹒固定资产投资")}
    assert ("省发展改革委", "lead") in goal2
    assert {("省财政厅", "support"), ("省住房城乡建设厅", "support"), ("省林业局", "support")} <= goal2
    assert ("人行合肥中心支行", "support") in {(o, r) for o, r, t in links if t.startswith("5﹒")}


def test_ascii_bracket_note_from_web_text():
    # Shijiazhuang: (市人社局牵头,市发改委、财政局、…负责) written with ASCII brackets and commas
    roles = _roles(_fixture("shijiazhuang_income_growth.txt"))
    assert roles["市人社局"] == {"lead"}
    assert roles["市发改委"] == roles["市金融办"] == roles["市地税局"] == {"support"}


def test_tortoise_shell_bracket_note_ends_with_its_sentence():
    # Sichuan: 〔责任单位:…按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕
    roles = _roles(_fixture("sichuan_circulation_plan.txt"))
    assert {"省市场监管局", "省商务厅", "省大数据中心"} <= set(roles)
    assert not any("分工" in org or org == "下同" for org in roles)


def test_first_listed_leads_when_the_document_says_so():
    # the Sichuan note with the standard key of 分工 lists (排在第一位的为牵头单位)
    text = "推进高标准市场体系建设。〔责任单位:省发展改革委、省市场监管局、商务厅（排在第一位的为牵头单位）〕"
    roles = _roles(text)
    assert roles["省发展改革委"] == {"lead"}
    assert roles["省市场监管局"] == roles["省商务厅"] == {"support"}


def test_division_label_with_inline_roles():
    # Guangdong: 部门分工:省发展改革委牵头,各地、各部门配合。
    roles = _roles(_fixture("guangdong_work_report_division.txt"))
    assert roles["省发展改革委"] == {"lead"} and roles["省商务厅"] == {"lead"}
    # 各地、各部门 name no one: no owner, and no invented 各地部门
    assert not {"各地", "各部门", "各地部门"} & set(roles)


def test_collective_owner_keeps_its_unit_word():
    # State Council 国发〔2020〕6号: (国务院各部门分别负责,年内持续推进)
    assert _roles(_fixture("state_council_division_2020.txt")) == {"国务院各部门": {"lead"}}


def test_clause_subjects_inside_one_sentence():
    # Shandong: …,省教育厅负责梳理…,省科技厅负责梳理…
    roles = _roles(_fixture("shandong_industry_chain.txt"))
    assert roles["山东省教育厅"] == roles["山东省科学技术厅"] == {"lead"}


def _owners(text: str) -> set[tuple[str, str]]:
    return {(n, r) for cl in find_owner_clauses(text) for n, r, _ in cl.owners}


def test_an_article_number_or_heading_opens_the_subject_clause():
    # corpus/dev/13: compact text runs the chapter heading into the article
    text = "## 第五章 科学技术普及\n\n第三十一条 市和区、县科学技术行政部门应当制定科普工作规划，加强科学技术知识的普及工作。"
    assert _owners(text) == {("市科学技术行政部门", "lead"), ("区、县科学技术行政部门", "lead")}
    links, _ = _links(text)
    assert {task for _, _, task in links} == {"市和区、县科学技术行政部门应当制定科普工作规划，加强科学技术知识的普及工作。"}


def test_a_shared_head_list_keeps_its_level_for_every_item():
    # corpus/dev/13: 市金融服务、知识产权等部门 are two city departments
    text = "市金融服务、知识产权等部门应当与金融机构、相关中介服务机构合作建立知识产权质押融资服务平台。"
    assert _owners(text) == {("市金融服务部门", "lead"), ("市知识产权部门", "lead")}
    # 市和区县科技、经济信息化等部门: the first item at both levels, the others as written
    text = "市和区县科技、经济信息化等部门应当健全中小企业服务机构的服务功能。"
    assert _owners(text) == {("市科技部门", "lead"), ("区县科技部门", "lead"), ("经济信息化部门", "lead")}


def test_subjects_after_a_comma_and_by_their_duties():
    # corpus/dev/13 and dev/09
    text = "第四十一条 对于利用财政性资金设立的科学技术研究项目，市科技、财政部门应当会同有关部门建立政府科研项目共享信息系统。"
    assert _owners(text) == {("市科技部门", "lead"), ("市财政部门", "lead")}
    text = "市和区县发展改革、财政等部门在各自的职责范围内，负责有关的科学技术进步工作。"
    assert ("市发展改革部门", "lead") in _owners(text)
    text = "报区管委会批准同意。区房地产交易中心根据区管委会批复文件具体办理划拨地使用权手续。"
    assert ("区房地产交易中心", "lead") in _owners(text)


def test_a_level_written_once_holds_for_the_departments_after_it():
    # Shijiazhuang and Sichuan (tests/fixtures/organisations/): 市发改委、财政局 are both city bodies
    text = "城镇登记失业率控制在4.5%以内。(市人社局牵头,市发改委、财政局、商务局、金融办负责)"
    assert _owners(text) == {("市人社局", "lead"), ("市发改委", "support"), ("市财政局", "support"),
                             ("市商务局", "support"), ("市金融办", "support")}
    text = "〔责任单位:省发展改革委、省市场监管局、商务厅、省大数据中心按职责分工负责。〕"
    assert ("省商务厅", "lead") in _owners(text)
    # 官渡区稳增长促发展若干政策措施 (2016, from search): 区审改办 is complete, 区级相关部门 has its
    # own level, 各街道办事处 is a collective; none takes 区 or 部门 from the other items
    owners = _owners("（区政务服务局牵头，区审改办、区住建局、区级相关部门，各街道办事处配合）")
    assert {("区审改办", "support"), ("区级相关部门", "support"), ("各街道办事处", "support")} <= owners


def test_partners_joined_by_hui_tong_support_the_lead():
    # the standard form of joint work: the subject leads, the bodies after 会同 support
    assert _owners("2.强化资金保障。由省财政厅会同省教育厅负责落实。") == {("省财政厅", "lead"), ("省教育厅", "support")}
    # corpus/dev/13: 有关部门 after 会同 names no one
    assert _owners("具体办法由市发展改革部门会同有关部门制定。") == {("市发展改革部门", "lead")}


def test_a_governments_departments_share_its_level():
    # a provincial regulation: 省人民政府发展改革、财政、科学技术等部门按照各自职责…
    owners = _owners("第十二条 省人民政府发展改革、财政、科学技术等部门按照各自职责，做好相关工作。")
    assert {("省财政部门", "lead"), ("省科学技术部门", "lead")} <= owners


def test_a_body_set_up_for_a_task_owns_it():
    # corpus/seeds/003
    text = "进一步优化机构设置，成立了省秦创原创新促进中心，负责全省科技资源统筹与秦创原创新发展融合促进的科技服务工作。"
    assert _owners(text) == {("省秦创原创新促进中心", "lead")}


def test_lead_marked_inside_a_responsibility_list():
    # the common form of provincial division plans: 责任单位：A（牵头）、B、C
    assert _owners("2.加强监管。责任单位：市发展改革委（牵头）、市财政局、市市场监管局") == {
        ("市发展改革委", "lead"), ("市财政局", "support"), ("市市场监管局", "support")}


def test_lead_and_support_written_as_clauses_without_brackets():
    assert _owners("4.强化保障。省科技厅负责，省财政厅配合。") == {("省科技厅", "lead"), ("省财政厅", "support")}
    assert _owners("2.推进。市商务局牵头，市财政局、市税务局配合。") == {
        ("市商务局", "lead"), ("市财政局", "support"), ("市税务局", "support")}


def test_what_is_set_up_is_no_acting_subject():
    # corpus/seeds/002: 探索成立产业技术研究院牵头… names a body still to be set up
    text = "可采取“一题一案”方式，探索成立产业技术研究院牵头、骨干企业出资、海内外研发资源参与的重大项目组织实施载体。"
    assert _owners(text) == set()


# Issue 9's defects and issue 10's owner classes, on structured documents (structure's own
# tasks, as the pipeline builds them).
def _parsed(text: str) -> tuple[set[tuple[str, str, str]], object]:
    tree = parse_raw(RawDocument(path="a.txt", format="txt", sha256="0" * 64, pages=(text,)))
    assigned = assign_owners(tree, find_organisations(tree), ())
    names = {o.id: o.name for o in assigned.organisations}
    return {(names[r.org], r.role, t.id) for t in assigned.tasks for r in t.owners}, assigned


def _owner_fixture(name: str) -> str:
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "fixtures" / "owners" / name
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


def test_bodies_joined_by_he_both_lead():
    # issue 9 defect A: 和/与 between two bodies the organisation finder reads apart
    links, _ = _parsed("一、工作任务\n（一）由区科技局和区财政局负责日常巡查。\n（二）由省发展改革委与省财政厅负责资金保障。")
    assert {("区科技局", "lead", "t1"), ("区财政局", "lead", "t1")} <= links
    assert {("省发展改革委", "lead", "t2"), ("省财政厅", "lead", "t2")} <= links
    # one body whose name holds 和 stays one
    links, _ = _parsed("（一）由住房和城乡建设局负责。")
    assert {o for o, _, _ in links} == {"住房和城乡建设局"}


def test_host_and_assisting_bracket_gives_lead_and_support():
    # issue 9 defect B
    links, _ = _parsed("一、工作任务\n（二）推进改革。开展试点工作（区科技局主办，区财政局协助）。")
    assert links == {("区科技局", "lead", "t1"), ("区财政局", "support", "t1")}


def test_by_clause_under_paren_markers_owns_the_structure_task():
    # issue 9 defect C: no duplicate task, the structure's task carries the owner
    for text in ("一、工作任务\n（一）由区科技局负责日常巡查。\n（二）由区财政局负责资金保障。",
                 "（1）由区科技局负责日常巡查。\n（2）由区财政局负责资金保障。"):
        links, assigned = _parsed(text)
        assert links == {("区科技局", "lead", "t1"), ("区财政局", "lead", "t2")}
        assert [t.id for t in assigned.tasks] == ["t1", "t2"]


def test_a_foreign_body_after_you_owns_its_task():
    # issue 9 defect D, end to end: the tagger glues 由 to a transliterated name (由约翰/nr)
    links, _ = _parsed("一、工作任务\n1.由约翰·霍普金斯大学牵头开展联合研究。")
    assert links == {("约翰·霍普金斯大学", "lead", "t1")}
    # 经 inside a word (区经济发展局) still opens no 经…批准 clause
    links, _ = _parsed("一、工作任务\n（一）报区经济发展局备案。")
    assert ("济发展局", "lead", "t1") not in links


def test_a_heading_joined_to_an_items_marker_is_no_part_of_the_owner():
    # a heading's line and the next item's （一） meet in the joined view: 任务（一）区经济发展局
    links, _ = _parsed("一、任务\n（一）区经济发展局牵头开展联合研究。\n")
    assert {o for o, _, _ in links} == {"区经济发展局"}


def test_a_subject_under_a_heading_owns_the_items_task_alone():
    # a lead and a support clause under （一）: the owners land on the structure's task, and
    # the heading joined to the item in the view opens no second (duplicate) task
    links, assigned = _parsed("一、任务\n（一）区经济发展局牵头，区财政局配合，完成年度招商任务。")
    assert links == {("区经济发展局", "lead", "t1"), ("区财政局", "support", "t1")}
    assert [t.id for t in assigned.tasks] == ["t1"]


def test_national_brackets_cover_the_measure_before_them():
    links, assigned = _parsed(_owner_fixture("national_brackets.txt"))
    text = {t.id: t.text for t in assigned.tasks}
    by_measure: dict[str, set[tuple[str, str]]] = {}
    for org, role, task in links:
        by_measure.setdefault(text[task][:8], set()).add((org, role))
    assert ("生态环境部", "lead") in by_measure["强化顶层设计引领"]
    # 指导 leads; each paragraph closing with its own note is its own measure
    assert ("财政部", "lead") in by_measure["加强制度政策集成"]
    assert ("国家发展改革委", "support") not in by_measure["优化固体废物管理"]
    # the blanket statement gives its body every later measure, not the earlier one
    assert ("试点城市政府", "lead") in by_measure["加强制度政策集成"]
    assert not any(org == "试点城市政府" for org, _ in by_measure["强化顶层设计引领"])
    second = next(k for k in by_measure if "绿色开采" in text[next(t for t in text if text[t][:8] == k)])
    assert {("自然资源部", "lead"), ("工业和信息化部", "lead"), ("试点城市政府", "lead")} <= by_measure[second]


def test_first_listed_body_leads_when_the_document_says_so():
    links, _ = _parsed(_owner_fixture("first_listed_leads.txt"))
    roles = {org: role for org, role, _ in links}
    assert roles == {"工业和信息化部": "lead", "发展改革委": "support", "科技部": "support", "农业农村部": "support"}


def test_partners_after_hui_tong_support_and_etc_tails_are_cut():
    links, _ = _parsed(_owner_fixture("division_with_partners.txt"))
    first = {(o, r) for o, r, t in links if t == "t1"}
    assert ("发展改革委", "lead") in first and {("农业部", "support"), ("财政部", "support")} <= first
    second = {(o, r) for o, r, t in links if t == "t2"}
    assert second == {("国土资源部", "lead"), ("农业部", "support")}


def test_city_note_with_lead_and_duty_division():
    links, _ = _parsed(_owner_fixture("city_division_notes.txt"))
    assert {("市政府办公室", "lead"), ("市行政审批制度改革工作领导小组办公室", "lead")} <= {(o, r) for o, r, _ in links}


def test_a_role_word_is_a_one_file_change(tmp_path):
    import json

    from extractor import lexicons
    from extractor.extraction import extract
    from extractor.model import RawDocument
    from extractor.pipeline import parse_raw

    text = "一、工作任务\n（一）开展巡查。（区科技局牵头，区财政局协作）"
    tree = parse_raw(RawDocument(path="a.txt", format="txt", sha256="0" * 64, pages=(text,)))
    data = lexicons.load_json("owner_roles.json")
    data["support_words"].append("协作")
    (tmp_path / "owner_roles.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")

    def owners(extraction):
        names = {o.id: o.name for o in extraction.organisations}
        return {names[r.org] for t in extraction.tasks for r in t.owners}

    assert owners(extract(tree)) == {"区科技局"}
    assert owners(extract(tree, rules=tmp_path)) == {"区科技局", "区财政局"}
    assert owners(extract(tree)) == {"区科技局"}


def test_explain_gives_every_slot_item_with_its_decision():
    from extractor.extraction.owners import explain
    from extractor.model import RawDocument
    from extractor.pipeline import parse_raw

    text = "一、工作任务\n（一）开展巡查。（区科技局主办，有关部门协助）\n（二）由区财政局负责资金保障。"
    tree = parse_raw(RawDocument(path="a.txt", format="txt", sha256="0" * 64, pages=(text,)))
    candidates = explain(tree)
    accepted = {c.text for c in candidates if c.accepted}
    refused = {c.text: c.rejection.filter for c in candidates if not c.accepted}
    assert accepted == {"区科技局", "区财政局"}
    assert refused["有关部门协助"] == "vague_collective"
    # explain is the computation of assign_owners: its accepted owners are the ones assigned
    assigned = assign_owners(tree, find_organisations(tree), ())
    names = {o.id: o.name for o in assigned.organisations}
    assert accepted == {names[r.org] for t in assigned.tasks for r in t.owners}
    assert all(c.family == "owners" and 0 <= c.span[0] < c.span[1] <= len(tree.text) for c in candidates)


def test_list_cuts_and_levels_read_the_organisation_vocabulary(tmp_path):
    # a new department head in the organisation head table (org_suffixes.tsv) is a one-file
    # change for owners too: a list item cut where it ends (区应急救援站区财政局) and a level
    # written once holding for it (市发改委、消防救援站)
    from extractor import lexicons
    from extractor.extraction.owner_clauses import find_owner_clauses

    text = "（牵头单位：市发改委、消防救援站；配合单位：区应急救援站区财政局）"
    wanted = {"市发改委", "市消防救援站", "区应急救援站", "区财政局"}

    def names() -> set[str]:
        return {n for cl in find_owner_clauses(text) for n, _, _ in cl.owners}

    assert names() != wanted
    table = lexicons.read_text("org_suffixes.tsv") + "救援站\tgovernment\t1\tdepartment\n"
    (tmp_path / "org_suffixes.tsv").write_text(table, "utf-8")
    with lexicons.using(tmp_path):
        assert names() == wanted
    assert names() != wanted


def test_owner_roles_file_is_well_formed():
    import re

    from extractor import lexicons

    data = lexicons.load_json("owner_roles.json")
    words = data["lead_words"] + data["support_words"]
    assert len(words) == len(set(words)), "a role word is listed twice"
    assert set(data["label_roles"].values()) <= {"lead", "support"}
    for key in ("unit_words", "duty_qualifiers", "field_labels", "division_labels", "handover_verbs", "by_adverbs", "filing_verbs", "receiver_prepositions", "place_verbs", "addressee_pronouns", "guidance_words", "duty_list_nouns", "partner_words",
                "subject_verbs", "subject_prepositions", "name_continuations", "clause_verbs", "partner_work",
                "collective_prefixes", "office_short_heads"):
        assert data[key] and len(data[key]) == len(set(data[key])), key
        assert all(isinstance(w, str) and w for w in data[key]), key
    for key in ("first_leads", "blanket", "vague"):
        for pattern in data[key]:
            re.compile(pattern)
    assert all({"body", "role"} <= set(re.compile(p).groupindex) for p in data["blanket"])


def test_regulation_subjects_own_their_own_sentences():
    links, assigned = _parsed(_owner_fixture("guizhou_fishery_regulation.txt"))
    text = {t.id: t.text for t in assigned.tasks}
    owned = {(org, text[task]) for org, role, task in links if role == "lead"}
    assert any(org == "县级以上人民政府" and task.startswith("县级以上人民政府应当将渔业") for org, task in owned)
    # 第四条 gives each body its own sentence: one task each
    assert ("省人民政府渔业行政主管部门", "省人民政府渔业行政主管部门负责全省的渔业管理工作。") in owned
    assert ("县级以上人民政府渔业行政主管部门", "县级以上人民政府渔业行政主管部门负责本行政区域内的渔业管理工作。") in owned


def test_review_then_approval_and_a_subject_under_leadership():
    links, assigned = _parsed(_owner_fixture("anhui_budget_measures.txt"))
    marker = {t.id: t.marker for t in assigned.tasks}
    assert {("省财政厅", "第三条"), ("省财政厅", "第六条"), ("省人民政府", "第六条")} <= {
        (org, marker[task]) for org, _, task in links}
    # 在省人民政府的领导下: the body leading the work of another owns nothing in that sentence
    assert ("省人民政府", "第三条") not in {(org, marker[task]) for org, _, task in links}


def test_filing_receivers_and_vague_tails_are_no_owners():
    # source: 海南省2024—2026年农机购置与应用补贴实施方案 (../shared/corpus/dev/m01); 浙江省促进科技成果转化条例 (dev/m05)
    links, _ = _parsed("（一）对农业生产急需适用，需提高补贴额测算比例的机具，由省农业农村厅、省财政厅联合报农业农村部、"
                       "财政部予以备案后实施。\n（二）县级以上人民政府及其有关部门应当建立以企业为主体、市场为导向、"
                       "产学研紧密结合的技术创新制度。")
    assert {(o, t) for o, _, t in links} == {("省农业农村厅", "t1"), ("省财政厅", "t1"), ("县级以上人民政府", "t2")}


def test_a_subject_with_yao_and_not_the_yao_of_zhongyao():
    # source: 国务院关于做好当前和今后一个时期促进就业工作的若干意见 (国发〔2018〕39号, dev/n03)
    links, _ = _parsed("四、加强组织保障\n（一）明确部门组织协调责任。人力资源社会保障部要统筹协调促进就业政策制定、督促落实、"
                       "统计监测等工作。财政部要加大资金支持力度，保障促进就业政策落实。\n"
                       "（二）上海国际科技创新中心是科学新发现的重要策源地。")
    assert {o for o, _, _ in links} == {"人力资源社会保障部", "财政部"}


def test_a_bodys_enumerated_duties_are_its_tasks():
    links, assigned = _parsed(_owner_fixture("housing_management_measures.txt"))
    text = {t.id: t.text for t in assigned.tasks}
    duties = {text[t] for o, r, t in links if o == "市住房保障中心"}
    assert "住房保障档案管理及信息系统的建立和维护" in duties
    assert "中心城区政府、企业等单位和社会组织所有的保障性住房的监管" in duties
    # a violation list (有下列行为之一的) is no list of duties
    links, assigned = _parsed("第四十四条 违反本条例规定，有下列行为之一的，由科技主管部门负责责令改正：\n（一）弄虚作假的；\n"
                              "（二）侵占成果的。")
    assert links and all(t == "t1" for _, _, t in links)
    assert [t.id for t in assigned.tasks] == ["t1"]


def test_one_sentence_per_body_and_a_head_shared_by_a_list():
    links, assigned = _parsed(_owner_fixture("housing_management_measures.txt"))
    owners = {o for o, _, _ in links}
    assert {"市房产管理部门", "市财政部门", "市民政部门", "各区房产管理部门", "各街道办事处", "镇人民政府"} <= owners


def test_duty_division_list_with_colons():
    # the 职责分工 form issue 10 names: 「区住房保障局：负责…」, one body a sentence
    links, assigned = _parsed("（三）住房保障。区住房保障局：负责保障性住房的规划建设和分配管理。区财政局：负责保障资金的筹集和监管。")
    text = {t.id: t.text for t in assigned.tasks}
    assert {(o, text[t]) for o, _, t in links} == {("区住房保障局", "区住房保障局：负责保障性住房的规划建设和分配管理。"),
                                                   ("区财政局", "区财政局：负责保障资金的筹集和监管。")}


def test_a_form_field_list_ends_at_the_next_label():
    # the flattened reply-page fields issue 10 quotes (事由：… 提案人：… 承办单位：… 代表反馈：…)
    links, _ = _parsed("关于加快科技成果转化的建议 事由：加快科技成果转化 提案人：张三 承办单位：市科技局、市财政局 "
                       "代表反馈：满意 办理情况：已办结。")
    assert {o for o, _, _ in links} == {"市科技局", "市财政局"}


def test_list_tails_are_cut_and_provincial_collectives_kept_whole():
    # source: 国发〔2018〕39号 (dev/n03); 国办发〔2018〕117号 (dev/n04), sentences shortened
    links, _ = _parsed("（五）各省、自治区、直辖市人民政府要在本意见印发之日起30日内，制定出台具体实施办法。"
                       "（人力资源社会保障部等有关部门和单位按职责分工负责）\n"
                       "（六）对老工业基地调整改造力度较大的市，在安排中央预算内投资时予以倾斜支持。（国家发展改革委会同有关部门负责）")
    assert {o for o, _, _ in links} == {"各省、自治区、直辖市人民政府", "人力资源社会保障部", "国家发展改革委"}


def test_the_object_of_fahui_before_a_preposition_is_no_subject():
    # source: 国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见 (国发〔2018〕42号, dev/n01)
    links, _ = _parsed("（一）充分发挥行业协会在行业自律、信息交流、教育培训等方面的作用，服务引导行业转型升级。\n"
                       "（二）省财政厅按照有关规定履行法定支出责任，保障补贴资金需求。")
    assert {o for o, _, _ in links} == {"省财政厅"}


def _fragments():
    from hypothesis import strategies as st

    bodies = st.sampled_from(["区科技局", "省财政厅", "国家发展改革委", "试点城市政府", "有关部门", "市场监督管理部门",
                              "各省、自治区、直辖市人民政府", "区科技局和区财政局"])
    roles_ = st.sampled_from(["牵头", "负责", "配合", "指导", "主办", "协助", "应当", "要"])
    clause = st.tuples(bodies, roles_, st.sampled_from(["开展巡查。", "做好资金保障工作。", "履行下列职责：（一）审核；（二）监管。"]))
    note = st.tuples(st.just("（"), bodies, roles_, st.just("）"))
    marker = st.sampled_from(["", "（一）", "1.", "第三条 ", "\n（二）", "\n"])
    piece = st.tuples(marker, st.one_of(clause, note)).map(lambda t: t[0] + "".join(t[1]))
    return st.lists(piece, min_size=1, max_size=8).map("".join)


def test_assigned_tasks_and_owners_stay_consistent_on_any_mix_of_forms():
    from hypothesis import given, settings

    @settings(max_examples=40, deadline=None)
    @given(_fragments())
    def check(text):
        _, assigned = _parsed(text)
        ids = [t.id for t in assigned.tasks]
        assert len(ids) == len(set(ids)), "task ids are unique"
        orgs = {o.id for o in assigned.organisations}
        assert all(r.org in orgs for t in assigned.tasks for r in t.owners)
        assert all(0 <= t.span[0] <= t.span[1] for t in assigned.tasks)

    check()


def test_a_level_and_a_city_sharing_one_government():
    # source: 青岛西海岸新区条例 (2017, dev/m08), 第四条
    links, _ = _parsed("第四条 省和青岛市人民政府应当加强对西海岸新区的领导，协调解决建设发展中的重大问题。")
    assert {o for o, _, _ in links} == {"省人民政府", "青岛市人民政府"}


def test_collective_bodies_given_a_task_own_it_and_vague_ones_never():
    # GUIDE: 各有关部门 is a collective given a task; 各有关单位 names no one
    # source: 国办发〔2018〕117号 (dev/n04)
    links, _ = _parsed("（一）各有关部门要认真组织实施督查激励措施，及时制定或调整完善实施办法。\n（二）各有关单位要做好配合。")
    assert {o for o, _, _ in links} == {"各有关部门"}


def test_a_regulation_grants_with_keyi_and_assigns_with_yingdang():
    # source: ../shared/corpus/dev/m05 (浙江省促进科技成果转化条例): 可以 grants a power, no duty
    text = ("第二十五条 县级以上人民政府可以通过政府首购、订购等非招标采购方式，采购新产品、新技术、新服务，支持科技成果转化。"
            "第二十九条 县级以上人民政府应当改进利用财政资金设立的科技项目的资金管理。")
    assert _owners(text) == {("县级以上人民政府", "lead")}
    assert [cl.anchor[0] > text.index("第二十九条") for cl in find_owner_clauses(text) if cl.owners] == [True]


def test_a_subject_that_assists_supports():
    # source: ../shared/corpus/dev/l06 (景宁畲族自治县促进惠明茶产业发展条例), 第五条
    text = ("社区居民委员会、村民委员会协助做好惠明茶产业发展工作。"
            "自治县人民政府其他有关部门按照各自职责，共同做好惠明茶产业发展工作。")
    assert _owners(text) == {("社区居民委员会", "support"), ("村民委员会", "support")}
    # source: 濮阳市城市道路窨井设施管理暂行办法 (2011), 第四条: the role word after 各自职责
    text = ("市政主管部门负责全市城市道路范围内窨井设施的日常监管和应急处置工作。"
            "规划、公安、房产等部门依据各自职责，协同做好窨井设施的监督管理工作。")
    assert _owners(text) == {("市政主管部门", "lead"), ("规划部门", "support"), ("公安部门", "support"),
                             ("房产部门", "support")}
    # a name holding a support word is no support clause: 京津冀协同发展领导小组办公室
    # source: ../shared/corpus/dev/n07 (国务院关于河北雄安新区总体规划的批复)
    text = "国家发展改革委、京津冀协同发展领导小组办公室要做好综合协调，加强对总体规划实施的指导。"
    assert _owners(text) == {("国家发展改革委", "lead"), ("京津冀协同发展领导小组办公室", "lead")}


def test_every_levels_department_acts_and_a_governing_verb_opens_no_subject():
    # source: ../shared/corpus/dev/m01 (海南省农机购置与应用补贴实施方案, 2024)
    text = "公开信息，接受监督。各级农业农村部门要加大补贴政策宣传力度，综合运用各类媒体和多种宣传方式。"
    assert _owners(text) == {("各级农业农村部门", "lead")}
    text = ("有效开展违规行为全流程分析排查，强化农业农村和财政部门牵头，其他部门支持的联合查处和省际联动处理。")
    assert _owners(text) == set()


def test_a_described_body_owns_under_the_short_form_the_document_defines():
    # source: ../shared/corpus/dev/l06 (景宁畲族自治县促进惠明茶产业发展条例), 第五条
    text = "第五条 自治县人民政府确定的部门（以下简称惠明茶产业主管部门）负责惠明茶产业发展工作。"
    assert _owners(text) == {("惠明茶产业主管部门", "lead")}
    # source: 甘孜藏族自治州突发事件应对条例 (2014), 第一条: a defined place is no owner
    text = "结合甘孜藏族自治州（以下简称自治州）实际，制定本条例。"
    assert _owners(text) == set()


def test_functions_then_deng_youguan_bumen_name_one_class_of_departments():
    # source: ../shared/corpus/dev/l06 (景宁畲族自治县促进惠明茶产业发展条例), 第十条 and 第二十二条
    text = "第十条 惠明茶产业主管部门、市场监管等有关部门应当全面加强惠明茶质量安全监管。"
    assert _owners(text) == {("惠明茶产业主管部门", "lead"), ("市场监管等有关部门", "lead")}
    text = "人力社保、农业农村等有关部门应当组织开展评茶员、茶艺师等职业技能鉴定。"
    assert _owners(text) == {("人力社保、农业农村等有关部门", "lead")}
    # after a body's own name the tail adds no one; 等部门 without 有关 lists the departments
    assert _owners("（教育部牵头，财政部等有关部门配合）") == {("教育部", "lead"), ("财政部", "support")}
    # source: 某市道路交通安全条例 (search: 交通、建设、市政、农机等部门依据各自职责…)
    text = "第五条 交通、建设、农机等部门依据各自职责负责有关的道路交通安全工作。"
    assert _owners(text) == {("交通部门", "lead"), ("建设部门", "lead"), ("农机部门", "lead")}


def test_a_named_body_then_a_verb_opens_its_duty():
    # source: ../shared/corpus/dev/l06 (景宁畲族自治县促进惠明茶产业发展条例), 第八条: a duty
    # written without 应当; the subject is a name the organisation finder read
    text = ("第八条 自治县人民政府采取措施，通过补助等方式，鼓励惠明茶生产经营者采用绿色防控技术防治病虫害。\n"
            "惠明茶产业主管部门推广先进、适用、安全、绿色的生产技术，组织对惠明茶生产经营者进行培训。")
    links, _ = _links(text)
    assert {(o, r) for o, r, _ in links} == {("自治县人民政府", "lead"), ("惠明茶产业主管部门", "lead")}
    # source: 国务院行政机构设置和编制管理条例 (1997), 第四条: a body's name inside a noun
    # phrase (国务院行政机构的设置) acts not
    links, _ = _links("第四条 国务院行政机构的设置以职能的科学配置为基础，做到职能明确、分工合理。")
    assert links == set()
    # source: corpus/pdf/covid_diagnosis_treatment_plan_ed10_2023.pdf (新型冠状病毒感染诊疗方案（试行第十版）):
    # 国家药品监督管理局批准的 describes the drugs; the bureau owns nothing there
    links, _ = _links("（一）抗病毒治疗。\n7.国家药品监督管理局批准的其他抗新冠病毒药物。")
    assert links == set()
    # source: ../shared/corpus/dev/n04 (国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知):
    # an adverb may stand between the body and its verb
    links, _ = _links("各地区、各部门要认真落实。国务院办公厅将加强统筹协调和督促检查，适时组织评估。")
    assert {(o, r) for o, r, _ in links} == {("国务院办公厅", "lead")}


def test_a_preposition_phrase_describing_a_noun_is_no_subject_and_dui_ends_partners():
    # source: ../shared/corpus/dev/m05 (浙江省促进科技成果转化条例): the award is the subject
    text = "省人民政府和宁波市人民政府按照国家规定设立的科学技术奖应当重点奖励取得重大经济效益的科技成果。"
    assert _owners(text) == set()
    # source: ../shared/corpus/dev/m06 (上海临港“双特”政策意见): 会同X对Y进行…
    text = "临港地区管委会会同国资主管部门对临港地区内相关国资开发主体的年度开发建设工作进行考核。"
    assert _owners(text) == {("临港地区管委会", "lead"), ("国资主管部门", "support")}


def test_departments_and_units_is_one_collective_owner():
    # source: ../shared/corpus/dev/n03 (国务院关于做好当前和今后一个时期促进就业工作的若干意见):
    # the unit word after 和 is part of the collective, not a role label to strip
    text = "财政部要加大资金支持力度，保障促进就业政策落实。（各有关部门和单位按职责分工负责）"
    assert ("各有关部门和单位", "lead") in _owners(text)
    assert ("各有关部门和", "lead") not in _owners(text)


def test_partners_are_the_organisation_finders_names_after_huitong():
    # source: ../shared/corpus/dev/n06 (“无废城市”建设试点工作方案): the list ends with the last
    # body the organisation finder names, not with the verb the pattern stops at
    text = ("（一）确定试点城市。试点城市由省级有关部门推荐，生态环境部会同国家发展改革委、工业和信息化部、财政部、"
            "国家统计局、国家邮政局等部门筛选确定。")
    links, _ = _links(text)
    assert {("国家统计局", "support"), ("国家邮政局", "support"), ("生态环境部", "lead")} <= {(o, r) for o, r, _ in links}



def test_every_levels_body_stays_itself_and_a_signature_states_no_duty():
    # source: corpus/pdf/covid_prevention_control_plan_ed9_2022.pdf (新型冠状病毒肺炎防控方案（第九版）)
    text = ("请及时反馈机制综合组。\n国务院应对新型冠状病毒肺炎\n疫情联防联控机制综合组\n（国家卫生健康委代章）\n"
            "2022年6月27日\n7.加强指导和检查。辖区疫情防控指挥部建立检查机制，定期组织开展隔离点工作指导和检查。\n"
            "（四）加强物资保障。\n各级疫情防控指挥部要完善应急预案，做好物资储备和调用机制。")
    links, _ = _links(text)
    owners = {(o, t[:6]) for o, _, t in links}
    assert {("各级疫情防控指挥部", "各级疫情防控"), ("辖区疫情防控指挥部", "辖区疫情防控")} <= owners
    assert not any(o.startswith("国务院") for o, _ in owners)


def test_each_places_department_before_a_preposition_is_the_department_named_elsewhere():
    # source: ../shared/corpus/dev/m01 (海南省农机购置与应用补贴实施方案): a subject opening with a
    # place acts before 在 even where the organisation finder read no name; 各X is X
    text = ("（四）组织实施。市县（区）农业农村部门负责补贴申请受理。\n"
            "（五）受理补贴申请。各市县（区）农业农村部门在收到购机者完成签字确认的补贴申请后，应于2个工作日内做出是否受理的决定。")
    links, assigned = _links(text)
    assert ("市县（区）农业农村部门", "各市县") in {(o, t[:3]) for o, _, t in links}
    body = next(o for o in assigned.organisations if o.name == "市县（区）农业农村部门")
    assert "各市县（区）农业农村部门" in body.aliases
    # source: corpus/pdf/covid_prevention_control_plan_ed8_2021.pdf: a verb inside makes it a clause
    links, _ = _links("各省份疫情防控指挥部协调省级疾控机构、入境海关、定点医院等，对所有输入病例、入境物品及相关环境阳性样本，"
                      "及本土疫情中的首发或早期病例")
    assert links == set()


def test_a_shared_head_goes_only_to_bare_fields():
    # source: a county's epidemic-control notice (Shanxi, 2021), as stored in a public repository's
    # SQL dump: 各乡镇 are the townships' governments and 县直各部门 a collective of its own
    assert _owners("各乡镇、县直各部门要主动担当尽责，主动加强对干部职工的思想教育。") == {("县直各部门", "lead")}
    # source: 海南省2024—2026年农机购置与应用补贴实施方案 (dev/m01): fields at every level still share it
    assert _owners("各市县农业农村、财政部门要于每年12月20日前，将本年度实施总结报告报送省农业农村厅。") \
        >= {("各市县农业农村部门", "lead"), ("各市县财政部门", "lead")}


def test_every_task_force_of_a_field_is_no_owner():
    # source: a city's report of an epidemic-control meeting (2022), public repository text:
    # 各工作专班 are teams (GUIDE: teams are not organisations), so no owner either
    assert _owners("各工作专班要集中办公、高效运转，确保统一调度、信息共享，提高统筹协调效能。") == set()


def test_a_government_written_with_ascii_level_brackets_is_a_subject():
    # source: 晋城市生活垃圾分类管理条例 (2020, m.66laws.com/fagui/5066.html, found with search):
    # web text keeps ASCII brackets around the levels a government stands for
    text = "第六条 市、县(市、区)人民政府应当加强对生活垃圾分类管理工作的统一领导,将生活垃圾分类管理工作纳入本行政区域国民经济"
    assert _owners(text) == {("市、县(市、区)人民政府", "lead")}


def test_a_principle_of_unified_leadership_names_no_owner():
    # source: 中华人民共和国消防法, 第二条 and 第三条 (public repository text): 政府统一领导 inside
    # 按照…的原则 is a principle; 国务院领导… and …负责… at an article's start give owners
    text = ("第二条 消防工作贯彻预防为主、防消结合的方针，按照政府统一领导、部门依法监管、单位全面负责、公民积极参与的原则，"
            "实行消防安全责任制。\n第三条 国务院领导全国的消防工作。地方各级人民政府负责本行政区域内的消防工作。")
    assert _owners(text) == {("国务院", "lead"), ("地方各级人民政府", "lead")}


def test_a_heading_naming_the_lead_owns_the_items_under_it():
    # source: 沁县人民政府办公室, 2025年县《政府工作报告》任务清单 (m.ltwz.net/news/DPweP9gqoV.html,
    # found with search): the lead unit is the heading; its numbered items carry no owner of their own
    text = ("附件1\n2025年县政府工作报告任务清单\n一、县示范区管委会牵头工作(8项)\n"
            "1.投资3000万元建设南美白对虾工厂化循环水养殖基地。\n2.打造食用菌酵素生产基地。\n"
            "3.建设3个劳动密集型产业园。推动潞讯精密电子30条生产线投产,培育服装加工产业园。\n")
    links, assigned = _parsed(text)
    items = [t for t in assigned.tasks if t.marker]
    assert len(items) == 3 and {(o, r) for o, r, _ in links} == {("县示范区管委会", "lead")}
    assert {t for _, _, t in links} == {t.id for t in items}  # no task made of the heading itself


def test_a_by_clause_may_give_its_grounds_before_the_verb():
    # source: 晋城市生活垃圾分类管理条例 (2020, m.66laws.com/fagui/5066.html, found with search) and
    # 中华人民共和国自然保护区条例 第八条 (jl.huatu.com, found with search): 由X按照/根据…确定
    text = "实施生活垃圾分类管理的区域分为城市化管理区域和农村地区,具体区域由市人民政府按照分步实施、稳步推进的原则确定,并向社会公布。"
    assert _owners(text) == {("市人民政府", "lead")}
    text = "县级以上地方人民政府负责自然保护区管理的部门的设置和职责,由省、自治区、直辖市人民政府根据当地具体情况确定。"
    assert ("省、自治区、直辖市人民政府", "lead") in _owners(text)


def test_a_seat_or_a_territory_is_no_duty():
    # source: 国务院关于同意四川省调整遂宁市部分行政区划的批复 (国函〔2003〕131号,
    # zh.m.wikisource.org, found with search): 驻 says where a government sits, 辖 what a district spans
    text = ("二、船山区辖原市中区的唐家、北固、西宁、保升、老池5个乡和桂花、新桥7个镇。区人民政府驻北辰街。\n"
            "三、安居区辖原市中区的聚贤、常理7个乡。区人民政府驻安居镇。")
    links, _ = _links(text)
    assert links == set()
    # the same shape with a verb of work still assigns it
    links, _ = _links("区人民政府加强对行政区划调整工作的领导。")
    assert {(o, r) for o, r, _ in links} == {("区人民政府", "lead")}


def test_a_replys_word_for_its_addressee_is_the_body_of_its_zhusong_line():
    # source: 国务院关于同意北京市调整部分行政区划的批复 (国函〔2010〕55号, zh.m.wikisource.org, found
    # with search): 你市 is the one addressee, 北京市人民政府; 经 of 经费 opens no 经…clause that hides 由
    text = ("国务院关于同意北京市调整部分行政区划的批复\n国函〔2010〕55号\n\n北京市人民政府：\n"
            "你市《关于调整首都功能核心区行政区划的请示》（京政文〔2010〕48号）收悉。现批复如下：\n"
            "一、同意撤销北京市东城区、崇文区，设立新的北京市东城区。\n"
            "上述行政区划调整涉及的各类机构要按照“精简、统一、效能”的原则设置，涉及的行政区域界线要按规定及时勘定，"
            "所需人员编制和经费由你市自行解决。\n中华人民共和国国务院\n二〇一〇年六月二十八日\n")
    links, assigned = _parsed(text)
    tasks = {t.id: t.text for t in assigned.tasks}
    assert {(o, r) for o, r, _ in links} == {("北京市人民政府", "lead")}
    assert all("自行解决" in tasks[t] for _, _, t in links)
    # without a 主送 line the word stands for no one
    assert _owners("所需人员编制和经费由你市自行解决。") == {("你市", "lead")}
    assert _links("所需人员编制和经费由你市自行解决。")[0] == set()


def test_a_regulations_zhuguan_duty_leads():
    # source: 中华人民共和国森林法 (1998), 第十条 (qqherbq.hljcourt.gov.cn/public/detail.php?id=8166,
    # found with search): 主管…工作 is a body's lead duty; 主管部门 inside the name is no verb, and
    # the range of levels before the name (县级以上) stays part of it
    text = ("第十条 国务院林业主管部门主管全国林业工作。县级以上地方人民政府林业主管部门，主管该地区的林业工作。"
            "乡级人民政府设专职或者兼职人员负责林业工作。")
    links, _ = _links(text)
    owners = {(o, r) for o, r, _ in links}
    assert {("国务院林业主管部门", "lead"), ("县级以上地方人民政府林业主管部门", "lead")} <= owners
    assert not any(o.startswith(("地方", "林业")) or o.endswith("林业") for o, _ in owners)


def test_a_vague_tail_lends_no_head_to_the_fields_before_it():
    # source: 河北省人工影响天气管理规定 (2010), 第四条 (law582.infoeach.com, found with search): the
    # fields share 部门 of 等部门; 和有关军事机关 adds no one and no head
    text = ("第四条县(市、区)以上气象主管机构在同级人民政府领导下,负责人工影响天气工作的组织实施和指导管理。\n"
            "发展改革、财政、公安、交通运输、飞行管制、通信等部门和有关军事机关应当按各自职责,做好人工影响天气相关工作。")
    owners = _owners(text)
    assert {("发展改革部门", "lead"), ("财政部门", "lead"), ("通信部门", "lead")} <= owners
    assert not any(o.endswith("机关") for o, _ in owners)
    # 主管机构 is inside the name, no verb of a shorter one (县(市、区)以上气象)
    assert not any(o.endswith("气象") for o, _ in owners)


def test_the_body_guiding_the_work_leads_and_the_body_leading_it_does_not():
    # source: corpus/pdf/covid_prevention_control_plan_ed9_2022.pdf (新型冠状病毒肺炎防控方案（第九版）):
    # 在X指导下 makes X a lead (eval GUIDE: 指导 leads)
    text = "出现病例的房间、设施及物品在疾控部门指导下由专业人员进行终末消毒及评估。"
    assert ("疾控部门", "lead") in _owners(text)
    # source: 安徽省省级预算管理办法 (fixture anhui_budget_measures.txt): 在X的领导下 gives X nothing
    assert _owners("第三条省财政厅在省人民政府的领导下,具体负责省级预算管理工作。") == {("省财政厅", "lead")}


def test_after_a_vague_collective_he_or_ji_opens_the_next_item():
    # source: 咸阳市2022年深化“放管服”改革优化营商环境工作要点 (newton.com.tw wiki page, found with
    # search; traditional characters folded): 各县市区政府 is an owner of its own after 各有关部门及
    text = ("1.全面实施行政许可事项清单管理。依据国家和省行政许可事项清单，编制并公布市、县两级行政许可事项清单。"
            "（市政府办公室、市行政审批制度改革工作领导小组办公室牵头，市级各有关部门及各县市区政府按职责分工负责）")
    owners = _owners(text)
    assert {("市政府办公室", "lead"), ("市级各有关部门", "support"), ("各县市区政府", "support")} <= owners
    assert not any("及" in o for o, _ in owners)
    # a level before 有关部门 makes the same vague tail: 能源局等省有关部门 is 省能源局
    text = "（省发展改革委、交通运输厅、能源局等省有关部门和各地级以上市人民政府按职责分工负责）"
    assert {("省能源局", "lead"), ("各地级以上市人民政府", "lead")} <= _owners(text)


def test_a_class_of_departments_then_ji_and_a_body_are_two_partners():
    # source: ../shared/corpus/dev/l06 (景宁畲族自治县促进惠明茶产业发展条例), 第十四条: the class of
    # departments is one partner; the work word 研究 the list stops at is inside 茶文化研究会
    text = ("第十四条 惠明茶产业主管部门应当会同民族宗教、文化、旅游等有关部门及茶文化研究会，深入挖掘、整理、"
            "传播惠明茶传统文化，开发推广茶文化旅游。")
    links, _ = _links(text)
    assert {(o, r) for o, r, _ in links} == {("惠明茶产业主管部门", "lead"), ("民族宗教、文化、旅游等有关部门", "support"),
                                             ("茶文化研究会", "support")}
    # 各有关部门和单位 stays one collective
    assert ("各有关部门和单位", "lead") in _owners("（各有关部门和单位按职责分工负责）")


def test_a_body_after_xiang_receives_and_owns_nothing():
    # source: ../shared/corpus/dev/n08 (中华人民共和国个人所得税法实施条例, 2018), 第四条: the person
    # files with the tax authority; 向 before it makes it the receiver (and no 向主管税务机关 body)
    text = ("第四条　在中国境内无住所的个人，在中国境内居住累计满183天的年度连续不满六年的，经向主管税务机关备案，"
            "其来源于中国境外且由境外单位或者个人支付的所得，免予缴纳个人所得税。")
    links, assigned = _links(text)
    assert links == set()
    assert not any(o.name.startswith("向") for o in assigned.organisations)


def test_a_list_item_joining_a_place_to_a_body_does_not_rename_the_body():
    # source: ../shared/corpus/dev/m06 (上海临港“双特”政策意见): 奉贤区和临港地区管委会 is an item of a
    # partner list, no fuller name of 临港地区管委会
    text = ("（三）临港地区管委会负责统筹推进临港地区规划编制等工作。"
            "专项发展资金管理办法由市财政局会同浦东新区、奉贤区和临港地区管委会制定。")
    links, assigned = _links(text)
    assert ("临港地区管委会", "support") in {(o, r) for o, r, _ in links}
    assert not any(o.name.startswith("奉贤区和") for o in assigned.organisations)


def test_an_adverb_of_focus_may_stand_between_a_subject_and_its_preposition():
    # source: ../shared/corpus/dev/m01 (海南省农机购置与应用补贴实施方案): 重点 (in by_adverbs) before 对
    text = "（二）现场演示评价。各级农业农村部门重点对高风险机具组织开展现场演示评价或验证。"
    links, _ = _links(text)
    assert {(o, r) for o, r, _ in links} == {("各级农业农村部门", "lead")}


def test_places_listed_before_a_government_share_its_level_and_head():
    # source: 国务院关于关中平原城市群发展规划的批复 (国函〔2018〕6号, chinalawyeryn.com, found with
    # search): 陕西、山西、甘肃省人民政府 names three provincial governments
    text = ("三、陕西、山西、甘肃省人民政府要切实加强组织领导，健全协作机制，明确责任分工，制定实施方案。\n"
            "四、国务院有关部门要按照职能分工，研究制定支持关中平原城市群发展的具体政策措施。")
    links, _ = _links(text)
    assert {("陕西省人民政府", "lead"), ("山西省人民政府", "lead"), ("甘肃省人民政府", "lead")} <= \
        {(o, r) for o, r, _ in links}
    # a place with its own level keeps its name, and a body joined by 和 shares nothing
    owners = _owners("专项发展资金管理办法由市财政局会同浦东新区、奉贤区和临港地区管委会制定。")
    assert not any(o.startswith("浦东新区") and o != "浦东新区" for o, _ in owners)


def test_a_bare_place_joined_by_he_to_a_government_shares_its_level_and_head():
    # source: 国务院关于促进中部地区崛起“十三五”规划的批复 (国函〔2016〕204号, found with search;
    # traditional characters folded): 湖北和湖南省人民政府 names two provincial governments
    text = "三、山西、安徽、江西、河南、湖北和湖南省人民政府要深化对促进中部地区崛起重要性、紧迫性的认识。"
    assert {"山西省人民政府", "湖北省人民政府", "湖南省人民政府"} <= {o for o, _ in _owners(text)}
    # a level, not a place, before 和 keeps its own reading
    assert _owners("省和青岛市人民政府应当加强领导。") == {("省人民政府", "lead"), ("青岛市人民政府", "lead")}


def test_a_blanket_statement_naming_a_list_of_bodies_for_the_measures_below():
    # source: 淮安市 关于进一步帮助市场主体纾困解难着力稳定经济增长的具体实施细则 (2022)
    text = ("1.设立2.43亿元推动工业强市发展专项引导资金。(责任单位:市工信局、市财政局等有关部门,各县区人民政府、"
            "园区管委会。以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出) "
            "2.成立“智改数转”工作专班,每年培育星级上云企业50家。(责任单位:市工信局、市财政局)")
    later = find_owner_clauses(text)[-1]
    assert [(name, role) for name, role, _ in later.owners] == [
        ("市工信局", "lead"), ("市财政局", "lead"), ("各县区人民政府", "lead"), ("园区管委会", "lead")]


def test_the_relevant_governments_of_a_level_are_owners_but_relevant_departments_are_vague():
    # source: 贵州省渔业条例 (2005) 第四条; 有关部门 names no one (GUIDE: vague references)
    links, _ = _links("跨行政区域的渔业管理工作，由有关县级人民政府共同协商管理。具体办法由有关部门制定。")
    assert {(name, role) for name, role, _ in links} == {("有关县级人民政府", "lead")}


def test_a_task_list_under_a_column_header_with_a_deadline_column():
    # a county's 重点任务清单 as PDF text gives it: 序号 重点任务 责任单位 完成时限, the cells of each
    # row run together and its number bare (the counts 1个 and 15个 and the month 6月 are no rows)
    text = ("序号 重点任务 责任单位 完成时限\n"
            "1全面推行企业开办“一网通办”，企业开办时间压缩至1个工作日以内。 县市场监管局2024年6月底前\n"
            "2深化工程建设项目审批制度改革，审批时间压缩至15个工作日以内。 县住建局、县自然资源局2024年12月底前")
    links, _ = _links(text)
    assert {(o, r) for o, r, t in links if "一网通办" in t} == {("县市场监管局", "lead")}
    assert {(o, r) for o, r, t in links if "审批制度" in t} == {("县住建局", "lead"), ("县自然资源局", "lead")}


def test_a_subject_list_the_clause_reader_skips_names_no_body():
    # speed: `assign_owners` reads no subject slot without a place where a name can end
    # (`_name_end`); every list naming a body has one, whatever its tails, shared heads and
    # short forms
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from extractor.extraction.owner_clauses import _name_end, _read_list
    from extractor.lexicons import active_rules

    items = st.sampled_from(["区科技局", "国务院", "教育部", "你省", "发展改革", "财政", "陕西", "湖北和湖南省人民政府",
                             "市和区、县人民政府", "自治州、县（市）人民政府", "区经济发展局区行政审批局", "省人民政府",
                             "人力社保", "市金融办", "各级农业农村部门", "惠明茶产业主管部门（以下简称茶产业主管部门）",
                             "县级以上人民政府", "社区居民委员会", "有关部门", "探索区域", "课题组"])
    tails = st.sampled_from(["", "等", "等部门", "等有关部门", "及其有关部门", "按职责分工负责", "（牵头）", "牵头", "配合",
                             "会同有关部门", "（列第一位者为牵头单位）", "部门", "省人民政府", "：", "。"])
    list_ = st.lists(st.tuples(items, tails, st.sampled_from(["、", "，", "和", "以及", "；", ""])), min_size=1, max_size=4)

    @settings(max_examples=300, deadline=None)
    @given(list_)
    def check(parts):
        text = "".join(item + tail + sep for item, tail, sep in parts)
        names, _ = _read_list(active_rules(), text, True)
        assert not names or _name_end().search(text), (text, names)

    check()


def test_the_task_index_finds_the_smallest_task_holding_an_offset():
    # speed: `_Spans` looks among the tasks starting shortly before an offset; the answer is
    # a scan's over every task: the smallest holding it, the first of the smallest
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from extractor.extraction.owners import _Spans
    from extractor.model import Task

    def scan(spans, point):
        held = [(b - a, k) for k, (a, b) in enumerate(spans) if a <= point < b]
        return min(held)[1] if held else None

    span = st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1]))

    @settings(max_examples=200, deadline=None)
    @given(st.lists(span, max_size=12), st.lists(span, max_size=4), st.integers(0, 95))
    def check(first, added, point):
        index = _Spans([Task(id="t", section=None, marker="", text="", span=s) for s in first])
        for s in added:
            index.add(s)
        assert index.holding(point) == scan(first + added, point)

    check()


def test_a_blanket_statement_covers_the_later_measures_of_its_part_that_name_no_owner():
    # source: 淮安市 关于进一步帮助市场主体纾困解难着力稳定经济增长的具体实施细则 (2022): item 3
    # names no owner of its own, the statement in item 1 gives it the county governments
    text = ("一、落实财税支持政策\n1.设立2.43亿元专项引导资金。(责任单位:市工信局、市财政局。以下政策措施均需"
            "各县区人民政府、园区管委会落实,不再单独列出)\n2.认真落实小规模纳税人免征增值税政策。")
    tree = parse_raw(RawDocument(path="t.txt", format="txt", sha256="0", pages=(text,)))
    assigned = assign_owners(tree, find_organisations(tree), ())
    names = {o.id: o.name for o in assigned.organisations}
    links = {(names[r.org], r.role) for t in assigned.tasks if "增值税" in t.text for r in t.owners}
    assert links == {("各县区人民政府", "lead"), ("园区管委会", "lead")}


def test_a_target_lists_headings_are_its_targets_and_their_units_own_them():
    # source: 蔡政办〔2023〕1号 (caidian.gov.cn): each heading of a target list states a goal, the
    # line under it its 责任单位; the heading's marker is no part of the figure's evidence
    from extractor.extraction import extract

    text = ("一、2023年全区经济社会发展的主要预期目标\n（一）地区生产总值增长7%以上\n责任单位：区发展和改革局\n"
            "（二）规上工业增加值增长12%以上\n责任单位：区科技和经信局\n")
    found = extract(parse_raw(RawDocument(path="a.txt", format="txt", sha256="0" * 64, pages=(text,))))
    names = {o.id: o.name for o in found.organisations}
    assert [(q.evidence, q.value, q.comparator, [(names[r.org], r.role) for r in q.owners]) for q in found.targets] == [
        ("地区生产总值增长7%以上", 7, ">=", [("区发展和改革局", "lead")]),
        ("规上工业增加值增长12%以上", 12, ">=", [("区科技和经信局", "lead")])]


def test_the_rows_of_a_table_written_with_pipes_own_their_tasks_and_targets():
    # source: 霍山经济开发区 2025年开发区重点工作及责任清单: the 责任单位 cell owns the row's task
    # and figures; the 责任领导 cell names a person, no owner
    from extractor.extraction import extract

    text = ("2025年开发区重点工作及责任清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n1 |\n"
            "全力推进开发区“空间再造”,推动工业用地“腾笼换鸟”,力争 全年盘活僵尸企业10家,盘活存量土地400亩。 |\n"
            "马振明 |\n改革办 |\n全年 |\n")
    found = extract(parse_raw(RawDocument(path="a.txt", format="txt", sha256="0" * 64, pages=(text,))))
    names = {o.id: o.name for o in found.organisations}
    assert [(q.value, [(names[r.org], r.role) for r in q.owners]) for q in found.targets] == [
        (10, [("改革办", "lead")]), (400, [("改革办", "lead")])]
    assert "马振明" not in names.values()
