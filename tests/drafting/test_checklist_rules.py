"""Table-driven tests for every rule kind of the default checklist: texts that must and must not trigger."""

from __future__ import annotations

import pytest

from drafting.checklist import CHECKERS, Severity, load_rules
from tests.drafting.checklist_helpers import body_report, findings, report_from

pytestmark = pytest.mark.core


# ---- word-replace: fazhi-term and wording -------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("进一步加强法制宣传教育，营造良好氛围。", [("法制宣传", "法治宣传")]),
        ("强化机关干部法制观念，提高依法行政能力。", [("法制观念", "法治观念")]),
        ("积极强化法制意识、责任意识、服务意识。", [("法制意识", "法治意识")]),
        ("全面推进法制建设，法制宣传覆盖全镇。", [("法制建设", "法治建设"), ("法制宣传", "法治宣传")]),
        # word boundaries: 学法 + 制度, 上位法 + 制定, 宪法 + 制 + 宣传
        ("健全并落实学法制度，领导干部带头学法。", []),
        ("根据上位法制定、修改、废止情况清理规范性文件。", []),
        ("开展宪法制宣传周活动。", []),
        # fixed legal terms keep 法制
        ("完善重大执法决定法制审核制度，严格执行法制审核流程。", []),
        ("配合县人大常委会法制工作委员会开展立法调研。", []),
        ("持续深化法治宣传教育，增强群众法治意识。", []),
        # a soft hyphen or a zero-width space inside does not hide it; the match is what was typed
        ("进一步加强法\u00ad制宣传教育。", [("法\u00ad制宣传", "法治宣传")]),
        ("强化干部法\u200b制观念。", [("法\u200b制观念", "法治观念")]),
    ],
)
def test_fazhi_term(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = findings(body_report(sentence + "受理纠纷12件。"), "fazhi-term")
    assert [(f.match, f.fix) for f in found] == expected
    for finding in found:
        assert finding.severity is Severity.ERROR and finding.part == "measures"


def test_fazhi_term_position_is_in_characters_of_the_source_line() -> None:
    report = body_report("    加强法制宣传教育。")
    (finding,) = findings(report, "fazhi-term")
    # line 6 of the text (title, blank, addressee, preamble, heading, body); 4 spaces of indent
    assert (finding.line, finding.column) == (6, 7)


@pytest.mark.parametrize(("sentence", "hits"), [("深入学习历届全会精神。", 1), ("深入学习历次全会精神。", 0)])
def test_wording(sentence: str, hits: int) -> None:
    found = findings(body_report(sentence), "wording")
    assert len(found) == hits
    if hits:
        assert found[0].fix == "历次全会"


# ---- pattern: count-wording ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "matches"),
    [
        ("开展专题学习6余次。", ["6余"]),
        ("组织培训3余场，发放资料2余份。", ["3余", "2余"]),
        ("组织60余名干部参加考试。", []),
        ("开展专题学习16余次。", ["16余"]),
        ("梳理权责清单35余条。", ["35余"]),
        ("组织60余名干部参加考试，走访企业580余次，发放资料1万余份。", []),
        ("发放资料3000余份。", []),
        ("开展专题学习6次。", []),
        ("参加培训约200余人次。", ["约200余"]),
        ("参加培训200余人次。", []),
    ],
)
def test_count_wording(sentence: str, matches: list[str]) -> None:
    assert [f.match for f in findings(body_report(sentence), "count-wording")] == matches


# ---- dated-terms: term-by-year -------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "year", "matches"),
    [
        ("深入学习贯彻习近平法治思想。", 2019, ["习近平法治思想"]),
        ("深入学习贯彻习近平法治思想。", 2021, []),
        ("深入开展七五普法。", 2021, ["七五普法"]),
        ("深入开展八五普法。", 2021, []),
        ("深入开展八五普法。", 2026, ["八五普法"]),
        ("认真学习党的二十大精神。", 2021, ["党的二十大"]),
        ("认真学习党的二十大精神。", 2023, []),
        ("常态化做好疫情防控工作。", 2023, ["疫情防控"]),
        ("常态化做好疫情防控工作。", 2021, []),
        # the county's old 法制办 is gone; a township's own 法制办 is another thing
        ("设置法制办负责合法性审查。", 2021, []),
        ("报区法制办备案审查。", 2021, ["区法制办"]),
        ("报县政府法制办公室审查。", 2021, ["县政府法制办公室"]),
        ("报县政府法制办公室审查。", 2017, []),
        # the same term in another form: quotes, dashes, brackets, soft hyphens, zero-width characters
        ("深入开展“七五”普法。", 2021, ["七五”普法"]),
        ("深入开展\u201c七五\u201d法治宣传教育。", 2021, ["七五\u201d法治宣传教育"]),
        ("深入开展七\u200b五普法。", 2021, ["七\u200b五普法"]),
        ("对照《法治政府建设实施纲要（2021-2025年）》推进工作。", 2026, ["法治政府建设实施纲要（2021-2025年）"]),
        ("对照《法治政府建设实施纲要(2021－2025)》推进工作。", 2027, ["法治政府建设实施纲要(2021－2025)"]),
        ("对照《法治政府建设实施纲要（2021–2025年）》推进工作。", 2024, []),
        ("对照《法治政府建设实施纲要(2022-2025年)》推进工作。", 2023, ["纲要(2022-2025年)"]),
        ("落实《法治社会建设实施纲要（2020—2025年）》。", 2023, []),
        ("对标十四五规划目标推进工作。", 2027, ["十四五"]),
        ("对标“十四五”规划目标推进工作。", 2026, ["十四五"]),
        ("对标十四五规划目标推进工作。", 2024, []),
        ("十四五期间累计培训干部800人次。", 2026, []),
        ("对照《法治政府建设实施纲要（2022—2025年）》推进工作。", 2023, ["纲要（2022—2025年）"]),
        ("对照《法治政府建设实施纲要（2021—2025年）》推进工作。", 2023, []),
        ("对照《法治政府建设实施纲要（2015—2020年）》推进工作。", 2022, ["法治政府建设实施纲要（2015—2020年）"]),
        ("学习宣传新修订的行政复议法。", 2024, []),
        ("学习宣传新修订的行政复议法。", 2021, ["新修订的行政复议法"]),
    ],
)
def test_term_by_year(sentence: str, year: int, matches: list[str]) -> None:
    report = body_report(sentence + "共12次。", year=year)
    assert [f.match for f in findings(report, "term-by-year")] == matches


# ---- charset: rare-char --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "matches"),
    [
        ("走访堃村群众12户。", ["堃"]),
        ("对喆园社区开展普法12次。", ["喆"]),
        ("走访群众12户，发放“明白卡”300张——全覆盖。", []),
    ],
)
def test_rare_char(sentence: str, matches: list[str]) -> None:
    assert [f.match for f in findings(body_report(sentence), "rare-char")] == matches


# ---- editing-leftover -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("body", "matches"),
    [
        ("[bookmark: _GoBack]（一）规范执法。开展培训12次。", ["[bookmark: _GoBack]"]),
        ("XX镇全年开展培训12次。", ["XX镇"]),
        ("全年开展培训××次。", ["××"]),
        ("全年开展培训【待填】次。", ["【待填】"]),
        ("全年开展**法治培训**12次。", ["**"]),  # marks of one kind in a paragraph: one finding
        ("全年开展培训12次（批注：请核实数字）。", ["（批注：请核实数字）"]),
        ("全年开展培训12次，覆盖全镇18个村。", []),
        ("全年开展【法治进乡村】活动12次。", []),
    ],
)
def test_editing_leftover_patterns(body: str, matches: list[str]) -> None:
    assert [f.match for f in findings(body_report(body), "editing-leftover")] == matches


def test_editing_leftover_broken_line_and_repeat() -> None:
    broken = body_report("全年开展法治培训12次，参训干部\n460人次，实现全覆盖。")
    (finding,) = findings(broken, "editing-leftover")
    assert finding.match == "次，参训干部" and "断开" in finding.message
    whole = "一是提升执法规范化水平，每季度开展一次执法案卷评查，对新进执法人员开展系统培训。"
    repeated = report_from(
        f"青石镇2024年度法治政府建设情况报告\n\n一、主要举措和成效\n开展培训12次。\n"
        f"四、2025年工作计划\n{whole}\n二是创新普法方式，开展群众法律需求调研。\n{whole}\n"
    )
    (finding,) = findings(repeated, "editing-leftover")
    assert finding.message == f"编辑残留（结尾重复了前文）：“{whole[:20]}”" and finding.line == 8
    for text in (
        "开展工作包括\n1. 法治培训12次。",
        "1)项目的组织，包括任务和职责\n2)人员资格和培训",  # list items
        "可采用以下方法，包括成本分析和收益分析\na)成本分析主要考虑总成本。",
        "本部分起草单位：县司法局、县法治政府建设办公室\n本部分起草人：张某。",  # a label line
        "强化法治基础组建高素质法治队伍\n一直以来，我镇始终把依法行政摆在重要位置。",  # no comma: a heading-like line
    ):
        assert findings(body_report(text), "editing-leftover") == [], text


# ---- frame-element and date-format -----------------------------------------------------------

FRAME = """\
青石镇2024年度法治政府建设情况报告

{addressee}2024年，青石镇扎实推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
开展培训12次。
{tail}
"""


@pytest.mark.parametrize(
    ("addressee", "tail", "rules"),
    [
        ("县委、县政府：\n", "\n青石镇人民政府\n2025年1月10日", []),
        ("", "\n青石镇人民政府\n2025年1月10日", ["addressee-missing"]),
        ("县委、县政府：\n", "\n青石镇人民政府", ["date-missing"]),
        ("县委、县政府：\n", "\n2025年1月10日", ["signature-missing"]),
        ("县委、县政府：\n", "", ["date-missing", "signature-missing"]),
        ("县委、县政府：\n", "\n青石镇人民政府\n2025年01月10日", ["date-format"]),
        ("县委、县政府：\n", "\n青石镇人民政府\n2024.12.18", ["date-format"]),
    ],
)
def test_frame_elements(addressee: str, tail: str, rules: list[str]) -> None:
    report = report_from(FRAME.format(addressee=addressee, tail=tail))
    wanted = {"addressee-missing", "signature-missing", "date-missing", "date-format"}
    assert sorted(f.rule for f in findings(report) if f.rule in wanted) == rules


def test_date_format_fix_is_the_standard_form() -> None:
    report = report_from(FRAME.format(addressee="县委：\n", tail="\n青石镇人民政府\n2025年01月08日"))
    (finding,) = findings(report, "date-format")
    assert (finding.match, finding.fix, finding.part) == ("2025年01月08日", "2025年1月8日", "date")


# ---- required-parts: part-missing ---------------------------------------------------------

def test_part_missing_names_each_absent_part_and_not_other() -> None:
    report = report_from(
        """\
        青石镇2024年度法治政府建设情况报告

        县委、县政府：
        一、工作开展情况
        开展培训12次。
        二、存在的问题
        执法不够规范，主要是培训不足。
        三、下一步工作打算
        加强培训。
        """
    )
    found = findings(report, "part-missing")
    assert [(f.part, f.line) for f in found] == [("leader_duty", None)]
    assert "第一责任人" in found[0].message


def test_part_present_under_another_wording_is_not_missing() -> None:
    report = report_from(
        """\
        青石镇2024年度法治政府建设情况报告

        一、基本情况和主要成效
        开展培训12次。
        二、主要负责人履行推进法治建设第一责任人职责
        主持专题会议3次。
        三、存在的困难问题
        执法不够规范，原因是培训不足。
        四、下步打算
        加强培训。
        """
    )
    assert findings(report, "part-missing") == []


# ---- heading-numbering ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (["一、主要举措和成效", "（一）学法", "（二）用法"], []),
        (["1、主要举措和成效", "（一）学法"], [("1、", "一、")]),
        (["一、主要举措和成效", "（1）学法", "（2）用法"], [("（1）", "（一）"), ("（2）", "（二）")]),
        (["一、主要举措和成效", "（一）学法", "（三）用法"], [("（三）", None)]),
        (["一、主要举措和成效", "（一）学法", "（一）用法"], [("（一）", None)]),
        (["一、主要举措和成效", "(一)学法"], [("(一)", "（一）")]),
        # numbering lost on the way: the part's heading found by its words, its number asked for
        (["主要举措和成效", "（一）学法", "（二）用法"], [("主要举措和成效", "一、主要举措和成效")]),
        (["主要举措和成效", "（一）学法", "存在的不足和原因"],
         [("主要举措和成效", "一、主要举措和成效"), ("存在的不足和原因", "二、存在的不足和原因")]),
        # with a numbered part heading present, an unnumbered line is body text: the number is skipped
        (["主要举措和成效", "二、存在的不足和原因"], [("二、", None)]),
    ],
)
def test_heading_numbering(headings: list[str], expected: list[tuple[str, str | None]]) -> None:
    lines = "\n".join(f"{h}\n开展培训12次。" for h in headings)
    report = report_from(f"青石镇2024年度法治政府建设情况报告\n\n{lines}\n")
    assert [(f.match, f.fix) for f in findings(report, "heading-numbering")] == expected


def test_unnumbered_heading_fix_puts_the_number_in(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from drafting.checklist.fixes import apply_fix

    report = report_from("青石镇2024年度法治政府建设情况报告\n\n主要举措和成效\n开展培训12次。\n")
    [finding] = findings(report, "heading-numbering")
    assert "没有编号" in finding.message and finding.part == "measures"
    assert apply_fix(report, finding)
    assert report.part("measures").blocks[0].text == "一、主要举措和成效"
    assert findings(report, "heading-numbering") == []


def test_heading_numbering_repeated_top_level() -> None:
    report = report_from(
        "青石镇2024年度法治政府建设情况报告\n\n一、主要举措和成效\n开展培训12次。\n"
        "一、存在的不足和原因\n不够规范，原因是培训不足。\n"
    )
    found = findings(report, "heading-numbering")
    assert [f.match for f in found] == ["一、"] and "重复" in found[0].message


# ---- year-mismatch ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("preamble", "plans_heading", "sub_heading", "expected"),
    [
        ("2024年以来，我镇扎实推进法治政府建设。", "四、2025年工作计划", "2024年学法情况", []),
        ("2023年以来，我镇扎实推进法治政府建设。", "四、2025年工作计划", "2024年学法情况", [(3, "2023")]),
        ("2024年以来，我镇扎实推进法治政府建设。", "四、2024年工作计划", "2024年学法情况", [(7, "2024")]),
        ("2024年以来，我镇扎实推进法治政府建设。", "四、2025年工作计划", "2023年学法情况", [(5, "2023")]),
        ("2024年以来，计划2025年开展培训。", "四、下一步工作打算", "学法情况", []),
    ],
)
def test_year_mismatch(preamble: str, plans_heading: str, sub_heading: str, expected: list[tuple[int, str]]) -> None:
    report = report_from(
        f"青石镇2024年度法治政府建设情况报告\n\n{preamble}\n一、主要举措和成效\n（一）{sub_heading}\n开展培训12次。\n"
        f"{plans_heading}\n加强培训。\n"
    )
    assert [p.id for p in report.parts][-1] == "plans"
    assert [(f.line, f.match) for f in findings(report, "year-mismatch")] == expected


# ---- required-words, plans-cover-problems, needs-figures -----------------------------------

SHORT_REPORT = """\
青石镇2024年度法治政府建设情况报告

一、主要举措和成效
（一）规范执法
{measures}
三、存在的不足和原因
{shortcomings}
四、2025年主要安排
{plans}
"""


@pytest.mark.parametrize(
    ("shortcomings", "hits"),
    [
        ("一是执法人员执法不够规范。二是普法宣传方式单一，针对性不强。", 1),
        ("一是执法人员执法不够规范，主要是新进人员多。二是普法方式单一，原因在于调研不够。", 0),
        ("一是执法人员执法不够规范，由于培训不足。", 0),
    ],
)
def test_causes_missing(shortcomings: str, hits: int) -> None:
    report = report_from(SHORT_REPORT.format(measures="培训12次。", shortcomings=shortcomings, plans="加强培训。"))
    found = findings(report, "causes-missing")
    assert len(found) == hits
    if hits:
        assert found[0].part == "shortcomings" and found[0].match.startswith("三、")


@pytest.mark.parametrize(
    ("plans", "unanswered"),
    [
        ("一是每季度开展执法案卷评查，规范执法行为。二是创新普法宣传方式，推行菜单式普法。", []),
        ("一是每季度开展执法案卷评查，规范执法行为。", ["二是普法宣传方式单一，针对性不强，原因是"]),
        ("一是继续加强法治政府建设。", ["一是执法人员执法不够规范，主要是新进人员", "二是普法宣传方式单一，针对性不强，原因是"]),
    ],
)
def test_plans_unanswered(plans: str, unanswered: list[str]) -> None:
    shortcomings = "一是执法人员执法不够规范，主要是新进人员多。二是普法宣传方式单一，针对性不强，原因是调研不够。"
    report = report_from(SHORT_REPORT.format(measures="培训12次。", shortcomings=shortcomings, plans=plans))
    assert [f.match for f in findings(report, "plans-unanswered")] == unanswered


@pytest.mark.parametrize(
    ("measures", "hits"),
    [
        ("扎实推进依法行政，全面提升执法水平，取得明显成效。", 1),
        ("2024年扎实推进依法行政，一是提升执法水平，取得明显成效。", 1),
        ("全年办理行政处罚案件41件。", 0),
        ("全年开展执法检查十二次。", 0),
        ("例如，在某村土地纠纷中入户释法，促成调解。", 0),
    ],
)
def test_substance(measures: str, hits: int) -> None:
    report = report_from(SHORT_REPORT.format(measures=measures, shortcomings="不规范，原因是培训少。", plans="加强培训规范。"))
    found = findings(report, "substance")
    assert len(found) == hits
    if hits:
        assert found[0].match == "（一）规范执法" and found[0].severity is Severity.INFO


# ---- similar-to-last-year: copied-from-last-year ---------------------------------------------

def test_copied_from_last_year() -> None:
    copied = "全镇在岗执法人员32人，持证30人，办理行政处罚案件41件，重大执法决定法制审核6件。"
    changed = "全镇在岗执法人员35人，持证35人，办理行政处罚案件52件，开展跨部门联合执法9次，新建执法台账。"
    last_year = {"measures": [copied, "组织全镇干部参加法律知识考试，合格率100%，成绩良好。"]}
    report = body_report(f"{copied}\n{changed}", last_year=last_year)
    found = findings(report, "copied-from-last-year")
    assert [f.match for f in found] == [copied[:20]]
    assert findings(body_report(f"{copied}\n{changed}"), "copied-from-last-year") == []


# ---- fact-expression and number-vs-fact ---------------------------------------------------------

@pytest.mark.parametrize(
    ("facts", "details"),
    [
        ({"exam_taken": 84, "exam_passed": 84}, []),
        ({"exam_taken": 80, "exam_passed": 84}, ["考试合格人数（84）多于参考人数（80）"]),
        ({"exam_passed": 84}, []),
        ({"disputes_received": 100, "disputes_resolved": 90, "dispute_success_rate": 98},
         ["调解成功率写的是98%，按调解成功90件、受理100件算应为90%"]),
        ({"disputes_received": 215, "disputes_resolved": 209, "dispute_success_rate": 97.2}, []),
        ({"dispute_success_rate": 120}, ["调解成功率（120%）超过了100%"]),
        ({"enforcement_staff": 30, "enforcement_certified": 32}, ["持证执法人员数（32）多于在岗人数（30）"]),
    ],
)
def test_fact_consistency(facts: dict, details: list[str]) -> None:
    found = findings(body_report("开展培训12次。", facts=facts), "fact-consistency")
    assert [f.message for f in found] == [f"填写的数据互相矛盾：{d}" for d in details]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("全年受理矛盾纠纷200件，调解成功180件，调解成功率98%。",
         [("受理矛盾纠纷200件", "调解成功率写的是98%，按调解成功180件、受理200件算应为90%")]),
        ("全年排查化解矛盾纠纷82件，调解成功80件，调解成功率97.6%。", []),
        ("组织考试，参考98人，合格99人。", [("参考98人", "考试合格人数（99）多于参考人数（98）")]),
        ("现有执法人员15人，持证30人，持证率200%。",
         [("执法人员15人", "持证执法人员数（30）多于执法人员数（15）"),
          ("持证率200%", "持证率（200%）超过了100%")]),
        # counts and the rate in different paragraphs are not compared
        ("全年受理矛盾纠纷200件。\n调解成功180件，调解成功率98%。", []),
        ("组织法治培训12场，参训460人次。", []),
    ],
)
def test_figures_contradict_within_a_paragraph(body: str, expected: list[tuple[str, str]]) -> None:
    found = findings(body_report(body), "figures-contradict")
    assert [(f.match, f.message) for f in found] == [(m, f"同一段中的数字互相矛盾：{d}") for m, d in expected]
    assert all(f.part == "measures" and f.line is not None for f in found)


def test_figures_contradict_ignores_the_plans_targets() -> None:
    report = body_report("全年开展普法活动12场。")
    report.part("plans").blocks[-1].text = "受理矛盾纠纷力争100件以上，调解成功率达到98%，调解成功90件。"
    assert findings(report, "figures-contradict") == []


@pytest.mark.parametrize(
    ("sentence", "facts", "matches"),
    [
        ("全年调解成功率98%。", {"disputes_received": 100, "disputes_resolved": 90}, ["98"]),
        ("全年调解成功率90%。", {"disputes_received": 100, "disputes_resolved": 90}, []),
        ("全年调解成功率达到90.3%。", {"disputes_received": 100, "disputes_resolved": 90}, []),
        ("全年调解成功率95%以上。", {"disputes_received": 100, "disputes_resolved": 90}, []),
        ("全年调解成功率98%。", {}, []),
        ("全年受理矛盾纠纷120件，调解成功90件。", {"disputes_received": 100, "disputes_resolved": 90}, ["120"]),
        ("考试合格率100%。", {"exam_taken": 84, "exam_passed": 80}, ["100"]),
        ("成功调解矛盾纠纷90件。", {"disputes_received": 100, "disputes_resolved": 90}, []),
        ("产品抽检合格率100%。", {"exam_taken": 84, "exam_passed": 80}, []),
    ],
)
def test_number_vs_fact(sentence: str, facts: dict, matches: list[str]) -> None:
    found = findings(body_report(sentence, facts=facts), "number-vs-fact")
    assert [f.match for f in found] == matches


def test_every_kind_is_used_by_a_shipped_rule_or_tested() -> None:
    kinds = {rule.kind for rule in load_rules(include_user_dir=False)}
    assert kinds == set(CHECKERS)


@pytest.mark.parametrize(
    ("sentence", "matches"),
    [
        ("2020年以来累计建成法治文化阵地12处。", []),
        ("圆满完成2023年度法治政府建设各项工作任务，培训12次。", ["2023"]),
        ("圆满完成2024年度法治政府建设各项工作任务，培训12次。", []),
    ],
)
def test_year_mismatch_statements_in_the_body(sentence: str, matches: list[str]) -> None:
    assert [f.match for f in findings(body_report(sentence), "year-mismatch")] == matches


@pytest.mark.parametrize(
    ("plan", "matches"),
    [("2025年，我镇将加强执法培训。", []), ("2024年，我镇将加强执法培训。", ["2024"]), ("我镇将在2024年底前完成。", [])],
)
def test_year_mismatch_in_plans_expects_the_next_year(plan: str, matches: list[str]) -> None:
    report = report_from(f"青石镇2024年度法治政府建设情况报告\n\n一、主要举措和成效\n培训12次。\n四、下一步工作打算\n{plan}\n")
    assert [f.match for f in findings(report, "year-mismatch")] == matches


def test_apply_fix_replaces_only_unchanged_text() -> None:
    from drafting.checklist.fixes import apply_fix

    report = body_report("加强法制宣传，增强法制意识，共12次。")
    found = findings(report, "fazhi-term")
    assert [apply_fix(report, f) for f in found] == [True, True]
    assert report.part("measures").blocks[1].text == "加强法治宣传，增强法治意识，共12次。"
    assert [apply_fix(report, f) for f in found] == [False, False]  # already fixed: stale findings refused
    assert findings(report, "fazhi-term") == []


def test_a_failing_rule_is_reported_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    from drafting.checklist.checkers.text import CharsetChecker

    def broken(self, view):  # noqa: ANN001
        raise RuntimeError("boom")

    monkeypatch.setattr(CharsetChecker, "check", broken)
    found = findings(body_report("加强法制宣传，共12次。"))
    assert {f.rule for f in found} == {"rare-char", "fazhi-term"}
    (failed,) = [f for f in found if f.rule == "rare-char"]
    assert failed.severity is Severity.INFO and "运行出错" in failed.message and "default.yml" in failed.suggestion


def test_worst_by_part() -> None:
    from drafting.checklist import worst_by_part

    report = report_from(
        "青石镇2024年度法治政府建设情况报告\n\n一、主要举措和成效\n加强法制宣传，共12次。\n"
        "二、存在的不足和原因\n一是部分执法人员执法行为不够规范，主要是培训不够，需要进一步进一步加强。\n"
    )
    worst = worst_by_part(findings(report))
    assert worst["measures"] is Severity.ERROR and worst["leader_duty"] is Severity.ERROR
    assert worst["shortcomings"] is Severity.WARNING


# ---- org-consistency, early-date, beyond-powers ------------------------------------------------

@pytest.mark.parametrize(
    ("title", "signature", "hits"),
    [
        ("青石镇人民政府关于2024年度法治政府建设情况的报告", "青石镇人民政府", 0),
        ("青石镇2024年度法治政府建设情况报告", "青石镇人民政府", 0),
        ("青石镇2024年度法治政府建设情况报告", "中共青石镇委员会", 0),
        ("和平街道2024年度法治政府建设情况报告", "和平街道办事处", 0),
        ("关于2024年度法治政府建设情况的报告", "白石镇人民政府", 0),
        ("青石镇2024年度法治政府建设情况报告", "白石镇人民政府", 1),
        ("青石镇人民政府关于2024年度法治政府建设情况的报告", "青山乡人民政府", 1),
    ],
)
def test_org_mismatch(title: str, signature: str, hits: int) -> None:
    report = report_from(f"{title}\n\n县委、县政府：\n一、主要举措和成效\n开展培训12次。\n\n{signature}\n2025年1月10日\n")
    found = findings(report, "org-mismatch")
    assert [f.match for f in found] == [signature] * hits


@pytest.mark.parametrize(
    ("date", "hits"),
    [("2024年12月18日", 1), ("2024年12月31日", 0), ("2025年1月10日", 0), ("2024.12.20", 1)],
)
def test_whole_year_early(date: str, hits: int) -> None:
    report = report_from(
        f"青石镇2024年度法治政府建设情况报告\n\n县委：\n一、主要举措和成效\n全年开展培训12次，全年办结案件8件。\n\n"
        f"青石镇人民政府\n{date}\n"
    )
    assert [f.match for f in findings(report, "whole-year-early")] == ["全年"] * hits


@pytest.mark.parametrize(
    ("plan", "matches"),
    [
        ("一是加强立法，完善制度。", ["加强立法"]),
        ("一是依法办理行政复议案件。", ["办理行政复议案件"]),
        ("一是做好被申请行政复议的应诉工作，加强基层立法联系点建设。", []),
    ],
)
def test_beyond_powers(plan: str, matches: list[str]) -> None:
    report = report_from(f"青石镇2024年度法治政府建设情况报告\n\n一、主要举措和成效\n培训12次。\n四、2025年工作计划\n{plan}\n")
    assert [f.match for f in findings(report, "beyond-powers")] == matches


def test_locate_gives_the_span_in_the_part_text() -> None:
    from drafting.checklist.fixes import locate

    report = body_report("开展培训12次。\n加强法制宣传，增强法制意识。")
    spans = [locate(report, f) for f in findings(report, "fazhi-term")]
    text = report.part("measures").text
    assert [(part, text[a:b]) for part, a, b in spans] == [("measures", "法制宣传"), ("measures", "法制意识")]
    partial = report_from("青石镇2024年度法治政府建设情况报告\n\n一、主要举措和成效\n培训12次。\n")
    missing = findings(partial, "part-missing")[0]
    assert locate(partial, missing) is None  # a missing part has no span
    report.part("measures").blocks[-1].text = "加强法治宣传。"
    assert locate(report, findings(body_report("开展培训12次。\n加强法制宣传。"), "fazhi-term")[0]) is None
