"""What a county reviewer circles (issue 12), one table per rule and per bullet, on stand-in reports
written in the layouts real reports use (report-domain.md, "How real reports are laid out")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafting.checklist import Severity, load_rules
from drafting.data.facts import default_fact_catalog
from drafting.data.figure_table import default_figure_table
from drafting.model import Block
from drafting.writing.new_report import new_report
from tests.drafting.checklist_helpers import body_report, findings, report_from

pytestmark = pytest.mark.core

README = Path(__file__).resolve().parents[2] / "README.md"


def frame(body: str, org: str = "青石镇人民政府", year: int = 2024, title: str | None = None) -> str:
    """A report's frame around its body (from the first level-1 heading on)."""
    title = title or f"{org}关于{year}年度法治政府建设情况的报告"
    return f"{title}\n\n县委、县政府：\n现将{year}年度法治政府建设情况报告如下：\n{body.strip()}\n\n{org}\n{year + 1}年1月10日\n"


FULL_BODY = """\
一、主要举措和成效
全年开展普法活动36场，覆盖群众8600人次。
二、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记、镇长主持召开法治建设专题会议3次。
三、存在的不足和原因
一是执法不够规范，主要是新进人员多、培训不足。
四、2025年主要安排
一是加强执法培训，规范执法行为。
"""


# ---- substance: part-empty ------------------------------------------------------------------

def test_a_report_of_headings_only_gets_one_error_per_part() -> None:
    headings = "\n".join(line for line in FULL_BODY.splitlines() if re.match(r"^[一二三四五]、", line))
    found = findings(report_from(frame(headings + "\n五、其他需要报告的情况")))
    empty = [f for f in found if f.rule == "part-empty"]
    # 其他需要报告的情况 is optional: left with its heading only, the export leaves it out (issue 11).
    assert sorted(f.part for f in empty) == sorted(["measures", "leader_duty", "shortcomings", "plans"])
    assert all(f.severity is Severity.ERROR and "只有标题" in f.message for f in empty)
    assert not any(f.rule == "part-missing" for f in found)


def test_a_new_report_with_nothing_written_is_not_passed() -> None:
    report = new_report("青石镇人民政府", 2024, "县委、县政府")
    errors = [f for f in findings(report) if f.severity is Severity.ERROR]
    assert sorted(f.part for f in errors if f.rule == "part-empty") == sorted(
        ["measures", "shortcomings", "leader_duty", "plans"])  # the optional 其他 is left out of the export


@pytest.mark.parametrize(
    ("plans", "empty"),
    [
        ("四、2025年主要安排", True),
        ("四、2025年主要安排\n【请填写：下一年度的主要安排，每项写明措施和完成时限】", True),
        ("四、2025年主要安排\n（一）加强学习\n（二）规范执法", True),  # sub-headings and nothing under them
        ("四、2025年主要安排\n（一）加强学习。每季度组织一次专题学法。", False),  # run-in heading with its text
        ("四、2025年主要安排\n（一）持续开展干部学法用法，年内组织法治培训不少于4次。", False),  # an item sentence
        ("四、2025年主要安排\n一是加强执法培训。", False),
    ],
)
def test_part_empty(plans: str, empty: bool) -> None:
    body = FULL_BODY.split("四、")[0] + plans
    found = [f for f in findings(report_from(frame(body))) if f.rule == "part-empty"]
    assert [f.part for f in found] == (["plans"] if empty else [])


# ---- editing-leftover: placeholders of any length and form; one finding per kind and paragraph ----

@pytest.mark.parametrize(
    ("sentence", "matches"),
    [
        ("全年开展【请填写：本年度开展法治培训的场次、参训人次和主要内容】。", ["【请填写：本年度开展法治培训的场次、参训人次和主要内容】"]),
        ("全年开展培训【待补充】场。", ["【待补充】"]),
        ("全年开展培训【】场。", ["【】"]),
        ("在XX村开展普法，由××同志负责。", ["XX村", "××"]),
        ("全年开展培训XX场。", ["XX"]),
        ("典型案例（此处补充一个化解纠纷的案例）。", ["（此处补充一个化解纠纷的案例）"]),
        ("全年开展【法治进乡村】活动12次。", []),
        ("开展“法律明白人”培训12场。", []),
    ],
)
def test_placeholders_of_any_length(sentence: str, matches: list[str]) -> None:
    found = findings(body_report(sentence), "editing-leftover")
    assert [f.match for f in found] == matches
    assert all(f.severity is Severity.ERROR for f in found)


def test_repeated_marks_in_a_paragraph_are_one_finding_with_a_count() -> None:
    # read from text: the reader removes them and notes how many
    read = findings(body_report("**加强**学法，**规范**执法，**化解**纠纷12件。"), "editing-leftover")
    assert [(f.match, "共 6 处" in f.message) for f in read] == [("**", True)]
    # typed into a draft: the checker itself counts them
    report = body_report("开展普法12场。")
    report.part("measures").blocks[-1] = Block("**加强**学法，**规范**执法，共12次。")
    typed = findings(report, "editing-leftover")
    assert [(f.match, "本段共 4 处" in f.message) for f in typed] == [("**", True)]


PASTED_TAIL = frame(FULL_BODY) + (
    "全年开展普法活动36场，覆盖群众8600人次。\n"
    "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
    "镇党委书记、镇长主持召开法治建设专题会议3次。\n"
)


@pytest.mark.parametrize("tail", [PASTED_TAIL, PASTED_TAIL.replace("全年开展普法活动36场，", "")])  # whole or cut mid-paragraph
def test_signature_and_date_are_found_before_a_pasted_tail_which_is_one_finding(tail: str) -> None:
    report = report_from(tail)
    assert report.signature == "青石镇人民政府" and report.date_text == "2025年1月10日"
    found = findings(report)
    assert not {"signature-missing", "date-missing"} & {f.rule for f in found}
    leftovers = [f for f in found if f.rule == "editing-leftover"]
    assert len(leftovers) == 1 and "结尾重复" in leftovers[0].message and "共 3 段" in leftovers[0].message


# ---- new rules ------------------------------------------------------------------------------

STREET = "东湖街道办事处"


@pytest.mark.parametrize(
    ("org", "sentence", "expected"),
    [
        ("青石镇人民政府", "在镇党工委的坚强领导下，开展普法12场。", [("镇党工委", "镇党委")]),
        ("青石镇人民政府", "青石镇党工委召开会议12次。", [("镇党工委", "镇党委")]),
        ("青石镇人民政府", "在镇党委的坚强领导下，开展普法12场。", []),
        ("青石镇人民政府", "在区党工委、管委会的领导下，开展普法12场。", []),  # a development zone's 党工委
        ("柳河乡人民政府", "乡党工委研究法治工作12次。", [("乡党工委", "乡党委")]),
        (STREET, "街道党委研究法治工作12次。", [("街道党委", "街道党工委")]),
        (STREET, "街道党工委研究法治工作12次，指导社区党委开展普法。", []),
    ],
)
def test_party_committee_by_the_organisations_kind(org: str, sentence: str, expected: list[tuple[str, str]]) -> None:
    body = FULL_BODY.replace("全年开展普法活动36场，覆盖群众8600人次。", sentence)
    found = findings(report_from(frame(body, org=org)), "party-committee")
    assert [(f.match, f.fix) for f in found] == expected
    assert all(f.severity is Severity.ERROR for f in found)


@pytest.mark.parametrize(
    ("sentence", "matches"),
    [
        ("镇长履行推进法治政府建设第一责任人职责，召开会议3次。", ["推进法治政府建设第一责任人"]),
        ("书记履行推进依法治理第一责任人职责，召开会议3次。", ["推进依法治理第一责任人"]),
        ("镇长是“法治政府建设”第一责任人，召开会议3次。", ["法治政府建设”第一责任人"]),
        ("党政主要负责人履行推进法治建设第一责任人职责，召开会议3次。", []),
        ("书记是安全生产第一责任人，召开会议3次。", []),
    ],
)
def test_leader_duty_name(sentence: str, matches: list[str]) -> None:
    found = findings(body_report(sentence), "leader-duty-name")
    assert [f.match for f in found] == matches
    assert all(f.fix == "推进法治建设第一责任人" and f.severity is Severity.WARNING for f in found)


@pytest.mark.parametrize(
    ("sentence", "matches"),
    [
        ("梳理权责清单35余条。", ["35余"]),
        ("开展学法6余次。", ["6余"]),
        ("约200余人参加培训。", ["约200余"]),
        ("60余名干部参加培训，走访企业580余次，发放资料1万余份。", []),
    ],
)
def test_count_wording_after_any_exact_figure(sentence: str, matches: list[str]) -> None:
    assert [f.match for f in findings(body_report(sentence), "count-wording")] == matches


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("强化加强组织推动，开展学法12次。", [("强化加强", None)]),
        ("进一步进一步规范执法，开展检查12次。", [("进一步进一步", "进一步")]),
        ("提高提升执法水平，开展检查12次。", [("提高提升", None)]),
        ("健全完善矛盾纠纷化解机制，化解纠纷12件。", []),
        ("明确宣传委员为综合执法大队大队长，开展检查12次。", []),
        ("落实“谁执法谁普法”普法责任制，开展普法12次。", []),
    ],
)
def test_stacked_words(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    found = findings(body_report(sentence), "stacked-words")
    assert [(f.match, f.fix) for f in found] == expected


@pytest.mark.parametrize(
    ("sentence", "matches"),
    [
        ("深入开展“八五普法，覆盖群众12次。", ["“"]),
        ("学习《行政处罚法，覆盖群众12次。", ["《"]),
        ("覆盖群众（含流动人口12次。", ["（"]),
        ("覆盖群众”12次。", ["”"]),
        ("学习《民法典》“八五”普法（共12次）。", []),
        ("学习(含网上学习)12次。", []),  # half-width pair
        ("对照纲要（2021-2025年)执行，学习12次。", []),  # mixed widths still a pair
        ("一是加强学习；2）规范执法12次。", []),  # a list item's marker
    ],
)
def test_paired_punctuation(sentence: str, matches: list[str]) -> None:
    found = findings(body_report(sentence), "paired-punctuation")
    assert [f.match for f in found] == matches


@pytest.mark.parametrize(
    ("shortcomings", "without_cause"),
    [
        ("一是执法不规范，主要是培训不足。二是普法针对性不强。", ["二是普法针对性不强。"]),
        ("一是执法不规范，主要是培训不足。二是普法针对性不强，原因是调研不够。", []),
        ("一是执法不规范。二是普法针对性不强。", []),  # no cause anywhere: causes-missing says so once
        ("存在以下问题。一是执法不规范。二是普法针对性不强。产生上述问题的原因主要是培训和调研不够。", []),
        ("（一）执法不规范。主要是培训不足。\n（二）普法针对性不强。宣传方式单一。", ["（二）普法针对性不强。宣传方式单一。"]),
    ],
)
def test_cause_per_problem(shortcomings: str, without_cause: list[str]) -> None:
    body = FULL_BODY.replace("一是执法不够规范，主要是新进人员多、培训不足。", shortcomings)
    found = findings(report_from(frame(body)), "cause-per-problem")
    assert [f.match for f in found] == [m[:20] for m in without_cause]
    assert all(f.severity is Severity.WARNING and f.part == "shortcomings" for f in found)


@pytest.mark.parametrize(
    ("sentence", "facts", "matches"),
    [
        ("组织法治培训9场，参训干部365人次。", {"training_sessions": 9, "training_attendees": 356}, ["365"]),
        ("组织法治培训8场，参训干部356人次。", {"training_sessions": 9, "training_attendees": 356}, ["8"]),
        ("组织法治培训9场，参训干部356人次。", {"training_sessions": 9, "training_attendees": 356}, []),
        ("组织法治培训9场，参训干部300余人次。", {"training_sessions": 9, "training_attendees": 356}, []),
        ("开展普法活动36场，发放宣传资料1200份。", {"pufa_materials": 12000}, ["1200"]),
        ("制发行政规范性文件3件，报送备案2件。", {"normative_docs_issued": 2, "normative_docs_filed": 2}, ["3"]),
        ("负责人出庭应诉1次。", {"leader_court_appearances": 2}, ["1"]),
    ],
)
def test_number_vs_fact_for_every_fact(sentence: str, facts: dict, matches: list[str]) -> None:
    found = findings(body_report(sentence, facts=facts), "number-vs-fact")
    assert [f.match for f in found] == matches


def test_every_numeric_fact_has_label_words_for_number_vs_fact() -> None:
    (rule,) = [r for r in load_rules(include_user_dir=False) if r.id == "number-vs-fact"]
    assert rule.params["figure_table"] is True
    covered = {entry["fact"] for entry in rule.params["facts"]} | {f.fact for f in default_figure_table().figures}
    catalog = default_fact_catalog()
    numeric = {fid for fid in catalog.ids if catalog.spec(fid).type in ("count", "number", "percent")}
    assert numeric - covered == set()


# ---- structure by content, and the layouts of real reports --------------------------------------

TOPICS = """\
一、强化组织保障，压实法治建设责任
镇党委理论学习中心组开展法治专题学习4次，研究解决群众反映的问题和不足12个。
二、创新普法宣传，营造浓厚法治氛围
开展普法活动36场，覆盖群众8600人次，下一步将持续深化“菜单式”普法。
三、规范行政执法，提升依法行政水平
全镇在岗执法人员32人，全部持证上岗，执法薄弱问题得到解决，继续加强执法监督。
四、压实领导责任
镇党委书记、镇长切实履行推进法治建设第一责任人职责，主持召开专题会议3次。
五、几点体会
经过一年努力，我镇法治建设仍然存在一些问题和不足。一是执法力量薄弱，主要是人员编制少。二是普法针对性不强，原因是需求调研不够。
六、2025年工作
2025年，我镇将一是充实执法力量，争取增加编制；二是开展普法需求调研，推行菜单式普法。
"""


@pytest.mark.parametrize(
    ("body", "headings"),
    [
        (TOPICS, {"measures": "一、强化组织保障，压实法治建设责任", "leader_duty": "四、压实领导责任",
                  "shortcomings": "五、几点体会", "plans": "六、2025年工作"}),
        # topic headings, then worded parts: none of the topics is taken for 不足 or 安排
        (TOPICS.split("四、")[0] + FULL_BODY.split("一、主要举措和成效\n全年开展普法活动36场，覆盖群众8600人次。\n")[1],
         {"measures": "一、强化组织保障，压实法治建设责任",
          "leader_duty": "二、党政主要负责人履行推进法治建设第一责任人职责情况",
          "shortcomings": "三、存在的不足和原因", "plans": "四、2025年主要安排"}),
    ],
)
def test_topic_headings_are_measures_and_only_content_places_the_rest(body: str, headings: dict[str, str]) -> None:
    report = report_from(frame(body))
    assert {p.id: p.heading for p in report.parts if p.heading} == headings
    measures = report.part("measures")
    assert measures is not None and "三、规范行政执法，提升依法行政水平" in measures.text


def test_leader_duty_as_item_one_of_part_one_counts_as_present() -> None:
    body = FULL_BODY.replace(
        "一、主要举措和成效\n",
        "一、主要举措和成效\n（一）党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记主持召开法治建设专题会议3次。\n（二）深化普法宣传\n",
    ).replace("二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记、镇长主持召开法治建设专题会议3次。\n", "")
    body = body.replace("三、", "二、").replace("四、", "三、")
    found = findings(report_from(frame(body)))
    assert not any(f.rule == "part-missing" for f in found)
    (nested,) = [f for f in found if f.rule == "part-nested"]
    assert nested.severity is Severity.INFO and nested.match == "（一）党政主要负责人履行推进法治建设第一责任人职责情况"
    assert "单列" in nested.message


@pytest.mark.parametrize("addressee", ["区委,区政府:", "区委, 区政府 :", "区委、区政府："])
def test_half_width_punctuation_does_not_hide_the_addressee(addressee: str) -> None:
    report = report_from(frame(FULL_BODY).replace("县委、县政府：", addressee))
    assert report.addressee == addressee.strip()
    assert not any(f.rule == "addressee-missing" for f in findings(report))


@pytest.mark.parametrize(
    "text",
    [
        frame(FULL_BODY, org="青石镇人民政府").replace("\n青石镇人民政府\n2025", "\n中共青石镇委员会\n青石镇人民政府\n2025"),
        frame(FULL_BODY, title="中共青石镇委员会 青石镇人民政府\n关于2024年度法治政府建设情况的报告"),
    ],
)
def test_joint_issuers_give_the_government_as_the_organisation(text: str) -> None:
    report = report_from(text)
    assert report.meta.org == "青石镇人民政府"
    assert not {"org-mismatch", "party-committee"} & {f.rule for f in findings(report)}


def test_a_report_pasted_from_a_pdf_with_a_break_every_20_characters_is_read_whole() -> None:
    text = frame(FULL_BODY.replace("全年开展普法活动36场，覆盖群众8600人次。",
                                   "全年开展普法活动36场，覆盖群众8600人次，发放资料12000份，培育法律明白人96名，"
                                   "建成法治文化广场2个，民主法治示范村3个，调解矛盾纠纷215件，调解成功209件。"))
    lines = []
    for line in text.splitlines():
        lines += [line[i:i + 20] for i in range(0, len(line), 20)] if len(line) > 20 and not line.startswith(("一", "二", "三", "四")) else [line]
    report = report_from("\n".join(lines))
    assert [p.id for p in report.parts] == ["title", "addressee", "preamble", "measures", "leader_duty",
                                            "shortcomings", "plans", "signature", "date"]
    assert {f.rule for f in findings(report) if f.severity is not Severity.INFO} <= {"editing-leftover"}


CLEAN_TOPICS_2024 = frame("""\
一、坚持党的领导，压实法治建设责任
镇党委理论学习中心组全年开展集体学习12次，其中法治专题学习4次；党委会会前学法18次。
二、深化法治宣传，营造尊法学法氛围
开展“八五”普法主题活动36场，覆盖群众8600人次，发放资料12000份，培育“法律明白人”96名。
三、规范行政执法，提升依法行政水平
全镇在岗执法人员32人，持证30人；办理行政处罚案件41件，重大执法决定法制审核6件。
四、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记、镇长主持召开法治建设专题会议3次，年终述法2次，对督查发现的9个问题全部整改。
五、存在的不足和原因
一是执法不够规范，主要是新进人员多、培训不足。二是普法针对性不强，原因在于宣传方式单一。
六、2025年主要安排
一是加强执法培训，每季度组织一次执法案卷评查。二是创新普法宣传方式，开展群众法律需求调研。
""")


@pytest.mark.parametrize("text", [CLEAN_TOPICS_2024])
def test_a_clean_report_in_a_topic_layout_gets_no_error_and_no_warning(text: str) -> None:
    report = report_from(text)
    serious = [f for f in findings(report) if f.severity is not Severity.INFO]
    assert serious == []


def test_readme_lists_every_rule_id() -> None:
    table = README.read_text(encoding="utf-8")
    missing = [r.id for r in load_rules(include_user_dir=False) if f"`{r.id}`" not in table]
    assert missing == []
