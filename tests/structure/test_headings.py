"""Sections and tasks from real policy text."""
from __future__ import annotations

from extractor.structure.headings import build_sections, find_markers

PLAN = (
    "三、重点任务\n"
    "（一）“三项改革”深化行动\n"
    "持续放大“三项改革”点火器作用，推动科技成果转化。\n"
    "1.深化推广“三项改革”任务，加速科技成果源头释放\n"
    "深入落实“三项改革”政策。①用好《西咸新区关于推进科技成果转化创新试点•促进办法》政策。"
    "②每年实施不少于5个“先使用后付费”试点项目。③每年设立预算不少于1000万元的“先投后股”专项资金。\n"
    "2.持续推动科技成果落地，完善全链条转化体系\n"
    "强化“三项改革”成果承接。新增科技成果转化企业1500家，技术合同交易额突破500亿元。\n"
    "（二）创新资源聚变行动\n"
    "紧抓西安“双中心”建设机遇。\n"
    "四、保障措施\n"
    "（一）加强组织领导\n"
    "发挥西咸新区秦创原创新驱动平台建设领导小组作用。\n"
)


def _parse(text):
    return build_sections(text, find_markers(text))


def test_heading_tree_of_a_plan():
    sections, _ = _parse(PLAN)
    got = [(s.id, s.number, s.title, s.level, s.parent) for s in sections]
    assert got == [
        ("s1", "三", "重点任务", 1, None),
        ("s1.1", "（一）", "“三项改革”深化行动", 2, "s1"),
        ("s1.1.1", "1", "深化推广“三项改革”任务，加速科技成果源头释放", 3, "s1.1"),
        ("s1.1.2", "2", "持续推动科技成果落地，完善全链条转化体系", 3, "s1.1"),
        ("s1.2", "（二）", "创新资源聚变行动", 2, "s1"),
        ("s2", "四", "保障措施", 1, None),
        ("s2.1", "（一）", "加强组织领导", 2, "s2"),
    ]
    s1 = sections[0]
    assert PLAN[s1.span[0]:s1.span[1]].startswith("三、重点任务")
    assert PLAN[s1.span[0]:s1.span[1]].endswith("紧抓西安“双中心”建设机遇。\n")


def test_lowest_numbered_items_are_tasks():
    _, tasks = _parse(PLAN)
    got = [(t.section, t.marker, t.text[:8]) for t in tasks]
    assert got == [
        ("s1.1.1", "①", "用好《西咸新区关"),
        ("s1.1.1", "②", "每年实施不少于5"),
        ("s1.1.1", "③", "每年设立预算不少"),
        ("s1.1.2", "2", "持续推动科技成果"),
        ("s1.2", "（二）", "创新资源聚变行动"),
        ("s2.1", "（一）", "加强组织领导\n发"),
    ]
    for task in tasks:
        assert PLAN[task.span[0]:task.span[1]] == task.text
    assert "1500家" in tasks[3].text  # a task runs to the next marker


def test_numbers_in_sentences_are_not_headings():
    text = ("2024 年，西咸新区地区生产总值\n941.2亿元，同比增长5.4%；规上工业总产值突破900亿元。\n"
            "1.5万家企业入驻。\n到2026年，总窗口成果转化驱动力显著提升。")
    sections, tasks = _parse(text)
    assert sections == () and tasks == ()


def test_inline_headings_of_a_crawled_task_table():
    # dev/03: the page's text runs on one line; items are glued to the text before them
    text = ("平潭综合实验区管委会办公室 2022年6月7日 附件2022年全区政务公开工作主要任务分解表工作任务工作要求牵头单位配合/责任单位"
            "一、加强涉及市场主体的信息公开1.增强政策制定实施的透明度和可预期性，提振市场主体信心。 "
            "区直各有关单位，各区属事业单位（街道办事处）2.加大受疫情影响重的餐饮、住宿、零售行业帮扶政策的公开力度。 "
            "区直各有关单位二、加强涉及减税降费的信息公开3.系统集成、智能推送已出台各项减税降费政策。区财政金融局")
    sections, tasks = _parse(text)
    assert [(s.id, s.number) for s in sections] == [
        ("s1", "一"), ("s1.1", "1"), ("s1.2", "2"), ("s2", "二"), ("s2.1", "3")]
    assert sections[0].title == "加强涉及市场主体的信息公开"
    assert [t.marker for t in tasks] == ["1", "2", "3"]
    assert tasks[0].text.endswith("区直各有关单位，各区属事业单位（街道办事处）")


def test_chapters_and_articles_of_a_regulation():
    text = ("# 上海市科学技术进步条例\n<!-- INFO END -->\n## 第一章 总则\n"
            "第一条 为了促进科学技术进步，发挥科学技术第一生产力的作用，制定本条例。\n"
            "第二条 在本市从事科学研究、技术开发，适用本条例。\n"
            "## 第二章 企业技术进步\n"
            "第三条 本市科学技术工作，应当面向经济建设和社会发展。\n")
    sections, tasks = _parse(text)
    chapters = [s for s in sections if s.kind == "chapter"]
    assert [(s.number, s.title) for s in chapters] == [("第一章", "总则"), ("第二章", "企业技术进步")]
    articles = [s for s in sections if s.kind == "article"]
    assert [a.parent for a in articles] == [chapters[0].id, chapters[0].id, chapters[1].id]
    assert [t.marker for t in tasks] == ["第一条", "第二条", "第三条"]


def test_circled_references_are_not_items():
    text = "1.强化考核\n对照①②项任务，建立台账。①建立月调度机制。②建立季度考核机制。\n"
    _, tasks = _parse(text)
    assert [t.marker for t in tasks] == ["①", "②"]
    assert tasks[0].text == "建立月调度机制。"


def test_owner_list_after_circled_items_is_not_a_new_item():
    # seed 004, 4. 建好省级人才发展改革试验区
    text = ("4.建好省级人才发展改革试验区，激发人才创新活力\n持续创新人才培养、引进、评价、激励机制。①积极争取省级层面职称政策支持。"
            "②争取市级支持，开展人才分类认定改革试点。③推动实施人才注册制。④发挥中国（陕西）自由贸易试验区作用。"
            "（牵头单位：①社会事业服务局、组织人事部（人才办）；②③组织人事部（人才办）；④发展改革和商务局）\n")
    _, tasks = _parse(text)
    assert [t.marker for t in tasks] == ["①", "②", "③", "④"]
    assert tasks[-1].text.endswith("④发展改革和商务局）")


def test_an_article_is_one_task_with_its_clauses():
    # dev/13, 第三十八条 with its enumerated clauses
    text = ("## 第六章 保障措施\n第三十八条 市和区、县人民政府设立的科学技术经费，主要用于下列事项：\n"
            "（一）对实现国家战略、保障国家安全、促进本市经济社会发展具有重大作用的科学技术研究开发；\n"
            "（二）为国家在本市实施的重大科学技术项目提供配套支持；\n"
            "第三十九条 本市建立科学技术经费的绩效评价制度。\n")
    sections, tasks = _parse(text)
    assert [t.marker for t in tasks] == ["第三十八条", "第三十九条"]
    assert "（二）为国家在本市实施的重大科学技术项目提供配套支持；" in tasks[0].text
    assert [s.number for s in sections] == ["第六章", "第三十八条", "（一）", "（二）", "第三十九条"]
