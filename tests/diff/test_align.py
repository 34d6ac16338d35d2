"""Alignment follows clauses through renumbering, moves, splits, additions and removals."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.diff import diff
from tests.diff.conftest import tree_of

OLD = ("一、总体要求\n坚持预防为主、防治结合、依法科学、分级分类的原则。\n"
       "二、公共措施\n（一）宣传教育。充分发挥互联网、微博、微信、客户端等新媒体作用，全方位开展防控知识宣传教育。\n"
       "（二）疫苗接种。做好边境口岸等重点地区人群接种工作，降低人群感染和发病风险。\n"
       "（三）爱国卫生运动。持续推进城乡环境整治，不断完善公共卫生设施。\n"
       "三、疫情监测\n各级各类医疗机构对病例应在2小时内通过中国疾病预防控制信息系统进行网络直报。\n")
NEW = ("一、总体要求\n坚持预防为主、防治结合、依法科学、分级分类的原则。\n"
       "二、公共措施\n（一）爱国卫生运动。持续推进城乡环境整治，不断完善公共卫生设施。\n"
       "（二）宣传教育。充分发挥互联网、微博、微信、客户端等新媒体作用，全方位开展防控知识宣传教育。\n"
       "（三）疫苗接种。做好边境口岸等重点地区人群接种工作，降低人群感染和发病风险，重点提高老年人群接种率。\n"
       "三、疫情监测\n各级各类医疗机构对病例应在2小时内通过中国疾病预防控制信息系统进行网络直报。\n"
       "四、实验室检测\n核酸检测机构应当在12小时内反馈实验室检测结果。\n")


def _by_text(d, start):
    return next(c for c in d.clauses if (c.new or c.old).text.find(start) >= 0)


def _by_old_text(d, start):
    return next(c for c in d.clauses if c.old and start in c.old.text)


def test_renumbered_clause_is_unchanged_not_removed_and_added():
    d = diff(tree_of(OLD), tree_of(NEW))
    publicity = _by_text(d, "宣传教育")
    assert (publicity.old.ref, publicity.new.ref) == ("二、（一）", "二、（二）")
    assert publicity.status in ("unchanged", "moved")


def test_moved_clause_is_marked_moved():
    d = diff(tree_of(OLD), tree_of(NEW))
    statuses = {(c.old.ref if c.old else None): c.status for c in d.clauses}
    assert "moved" in statuses.values()
    patriotic = _by_text(d, "爱国卫生运动")
    assert patriotic.old.ref == "二、（三）" and patriotic.new.ref == "二、（一）"


def test_extended_clause_is_modified_with_the_insertion():
    d = diff(tree_of(OLD), tree_of(NEW))
    vaccine = _by_text(d, "疫苗接种")
    assert vaccine.status == "modified"
    assert [k.new for k in vaccine.chunks if k.op == "insert"] == ["，重点提高老年人群接种率"]


def test_new_section_is_added_and_nothing_is_lost():
    d = diff(tree_of(OLD), tree_of(NEW))
    assert {c.new.ref for c in d.clauses if c.status == "added"} == {"四、", "四、¶1"}
    assert d.count("removed") == 0
    assert sorted(c.new.index for c in d.clauses if c.new) == list(range(len([c for c in d.clauses if c.new])))


def test_split_clause_pieces_point_at_their_origin():
    old = "五、疫情处置\n（一）传染源控制。确诊病例应在2小时内转运至定点医疗机构。疑似病例应单人单间隔离，连续两次核酸检测阴性可排除。\n"
    new = ("五、疫情处置\n（一）传染源控制。确诊病例应在2小时内转运至定点医疗机构。\n"
           "（二）疑似病例。疑似病例应单人单间隔离，连续两次核酸检测阴性可排除。\n")
    d = diff(tree_of(old), tree_of(new))
    piece = _by_text(d, "疑似病例。疑似病例")
    assert piece.relation == "split" and piece.old.ref == "五、（一）"


def test_identical_documents_have_no_changes():
    d = diff(tree_of(OLD), tree_of(OLD))
    assert not d.changed() and not d.quantities and not d.owners


def test_short_heading_pairs_with_the_heading_that_contains_it():
    # 诊疗方案 9th → 10th edition: 出院标准 moved from 十三、（二） to a section of its own.
    old = ("十二、重症病例的治疗\n患者应卧床休息，密切监测生命体征。\n"
           "十三、出院标准及注意事项\n（一）出院标准。\n1.体温恢复正常3天以上；\n2.呼吸道症状明显好转；\n"
           "3.肺部影像学显示急性渗出性病变明显改善；\n"
           "十四、医疗机构内感染预防与控制\n严格按照有关要求落实医院感染预防与控制措施。\n")
    new = ("十二、重症病例的治疗\n患者应卧床休息，密切监测生命体征。\n"
           "十三、医疗机构内感染预防与控制\n严格按照有关要求落实医院感染预防与控制措施。\n"
           "十四、住院患者的出院标准\n病情明显好转，生命体征平稳，体温正常超过24小时，"
           "肺部影像学显示急性渗出性病变明显改善，可考虑出院。\n")
    d = diff(tree_of(old), tree_of(new))
    heading = _by_old_text(d, "出院标准。")
    assert (heading.old.ref, heading.new.ref, heading.status) == ("十三、（一）", "十四、", "modified")
    assert _by_text(d, "医疗机构内感染").status == "unchanged"


def test_clause_with_reordered_phrases_in_another_annex_is_moved_not_added():
    # 防控方案 8th → 9th edition: 附件12 三、（一）1. became 附件14 二、（二）1., phrases reordered.
    filler = "".join(f"（{n}）第{n}项工作按照既定要求组织落实，确保各项措施到位。\n" for n in "一二三四五六")
    old = ("附件12\n三、重点机构\n1.做好口罩、洗手液、消毒剂、非接触式温度计等防疫物资储备，制定应急工作预案，落实单位主体责任。\n"
           f"附件13\n一、其他要求\n{filler}")
    new = (f"附件13\n一、其他要求\n{filler}"
           "附件14\n二、常态化防控\n1.落实单位主体责任，制定应急工作预案，开展应急演练，做好口罩、洗手液、消毒剂、"
           "非接触式温度计等防疫物资储备。\n")
    d = diff(tree_of(old), tree_of(new))
    stocks = _by_text(d, "防疫物资储备")
    assert stocks.status == "modified" and stocks.old and stocks.new and stocks.moved
    assert not [c for c in d.clauses if c.status == "added" and "物资储备" in c.new.text]


def test_clause_carried_into_another_section_and_extended_is_moved_not_removed():
    old = ("二、监测\n（一）病例监测。各级各类医疗机构发现病例后应在2小时内进行网络直报。\n"
           "（二）样本检测。核酸检测机构应在12小时内向送样单位反馈检测结果。\n"
           "三、处置\n（一）流调。县级疾控机构接到报告后24小时内完成个案调查。\n")
    new = ("二、监测\n（一）病例监测。各级各类医疗机构发现病例后应在2小时内进行网络直报。\n"
           "三、处置\n（一）流调。县级疾控机构接到报告后24小时内完成个案调查。\n"
           "（二）区域核酸检测。根据疫情规模确定检测范围和频次，核酸检测机构应在12小时内向送样单位反馈检测结果，"
           "并及时报告阳性结果。\n")
    d = diff(tree_of(old), tree_of(new))
    carried = _by_old_text(d, "样本检测")
    assert (carried.status, carried.moved, carried.new.ref) == ("modified", True, "三、（二）")
    assert d.count("removed") == d.count("added") == 0


def test_closing_formula_cut_off_the_signature_is_a_split_piece():
    # 平潭 2015 → 2018: “特此通知” ran into the signature; the revision gives it its own line.
    old = ("本《实施办法》自下发之日起施行，由平潭综合实验区环境与国土资源局负责解释。\n"
           "特此通知平潭综合实验区管委会办公室2015年1月9日\n")
    new = ("本《实施办法》自下发之日起施行，由平潭综合实验区环境与国土资源局负责解释。\n"
           "特此通知。\n平潭综合实验区管委会办公室2018年10月26日\n")
    d = diff(tree_of(old), tree_of(new))
    notice = _by_text(d, "特此通知。")
    assert notice.relation == "split" and notice.old.text.startswith("特此通知平潭")
    assert d.count("added") == d.count("removed") == 0


def test_sentence_folded_into_a_clause_of_another_section_is_a_moved_piece():
    old = ("二、疫情监测\n（一）病例监测。各级各类医疗机构发现病例后应在2小时内进行网络直报。\n"
           "（二）环境监测。对集中隔离场所定期开展环境核酸检测，重点对生活区和工作人员通道采样。\n"
           "三、公共措施\n（一）宣传教育。全方位开展防控知识宣传教育。\n"
           "（二）疫苗接种。做好重点地区人群接种工作，降低人群感染和发病风险。\n"
           "四、疫情处置\n（一）隔离管理。合理选择集中隔离场所，按照“三区两通道”的标准设置并规范管理。\n")
    new = ("二、疫情监测\n（一）病例监测。各级各类医疗机构发现病例后应在2小时内进行网络直报。\n"
           "三、公共措施\n（一）宣传教育。全方位开展防控知识宣传教育。\n"
           "（二）疫苗接种。做好重点地区人群接种工作，降低人群感染和发病风险。\n"
           "四、疫情处置\n（一）隔离管理。合理选择集中隔离场所，按照“三区两通道”的标准设置并规范管理。"
           "对集中隔离场所定期开展环境核酸检测，重点对生活区和工作人员通道采样。\n")
    d = diff(tree_of(old), tree_of(new))
    folded = _by_old_text(d, "环境监测")
    assert (folded.relation, folded.moved, folded.new.ref) == ("merged", True, "四、（一）")
    assert d.count("removed") == 0


def test_a_redrafted_article_pairs_by_the_sentence_it_kept():
    # source: 保障中小企业款项支付条例 2020 → 2025, 第四条 → 第五条 (redrafted around one sentence)
    from extractor.diff.align import _sentence_score

    old = ("国务院负责中小企业促进工作综合管理的部门对机关、事业单位和大型企业及时支付中小企业款项工作"
           "进行宏观指导、综合协调、监督检查；国务院有关部门在各自职责范围内，负责相关管理工作。")
    new = ("国务院负责中小企业促进工作综合管理的部门对保障中小企业款项支付工作进行综合协调、监督检查。"
           "国务院发展改革、财政、住房城乡建设、交通运输、水利、金融管理等有关部门应当按照职责分工，"
           "负责保障中小企业款项支付相关工作。")
    assert _sentence_score(old, new) >= 60
    assert _sentence_score(old, "本条例自2025年6月1日起施行。") < 60


def test_an_article_redrafted_into_another_chapter_keeps_its_partner():
    # source: 保障中小企业款项支付条例 2020 → 2025: 第二十一条 → 第二十三条, extended and moved
    # into the new chapter 监督管理 past articles that are new
    from extractor.diff import diff
    from tests.diff.conftest import tree_of

    old = ("第一条 为了促进及时支付中小企业款项，制定本条例。\n"
           "第二条 省级以上人民政府建立督查制度，对及时支付中小企业款项工作进行监督检查。\n"
           "第三条 本条例自2020年9月1日起施行。\n")
    new = ("第一条 为了促进及时支付中小企业款项，制定本条例。\n"
           "第二条 县级以上人民政府及其有关部门通过监督检查、函询约谈、督办通报、投诉处理等措施，加大清欠力度。\n"
           "第三条 省级以上人民政府建立督查制度，对保障中小企业款项支付工作进行监督检查，"
           "对政策落实不到位、工作推进不力的部门和地方人民政府主要负责人进行约谈。\n"
           "第四条 本条例自2025年6月1日起施行。\n")
    pairs = {(c.old.ref if c.old else None, c.new.ref if c.new else None, c.status)
             for c in diff(tree_of(old, "old.md"), tree_of(new, "new.md")).clauses}
    assert ("第二条", "第三条", "modified") in pairs and (None, "第二条", "added") in pairs


@given(st.lists(st.integers(0, 60), unique=True, max_size=40), st.data())
def test_heaviest_run_rises_and_outweighs_any_rising_run(news, data):
    from extractor.diff.align import _heaviest_run, _increasing_run

    weights = data.draw(st.lists(st.integers(1, 2), min_size=len(news), max_size=len(news)))
    run = sorted(_heaviest_run(news, weights))
    assert all(news[a] < news[b] for a, b in zip(run, run[1:]))
    plain = _increasing_run(news)
    assert sum(weights[p] for p in run) >= sum(weights[p] for p in plain)
    if all(w == 1 for w in weights):
        assert len(run) == len(plain)


def test_a_renumbered_article_shows_no_change_on_its_label():
    # source: 上海市音像制品管理条例 2021 → 2024, 第三十三条 → 第三十二条 (a sentence dropped)
    old = ("第一条 为了保障音像事业的健康发展，制定本条例。\n第二条 禁止音像制品经营者转承包经营。\n"
           "第三条 对出版后被规定禁止经营的音像制品，经营者应当及时上交。经营者由此造成的损失按照国家有关规定索赔。\n")
    new = ("第一条 为了保障音像事业的健康发展，制定本条例。\n"
           "第二条 对出版后被规定禁止经营的音像制品，经营者应当及时上交。\n")
    change = next(c for c in diff(tree_of(old, "old.md"), tree_of(new, "new.md")).clauses
                  if c.old and c.old.ref == "第三条")
    assert change.status == "modified" and change.new.ref == "第二条"
    assert change.chunks[0].op == "equal" and (change.chunks[0].old, change.chunks[0].new) == ("第三条", "第二条")
    assert "".join(k.old for k in change.chunks) == change.old.text
    assert "".join(k.new for k in change.chunks) == change.new.text
