"""The checklist on real reports (../shared/samples) and on realistic reports written for these tests.

Each sample's problems are those report-domain.md section 6 describes, plus what a reviewer would
also note (no addressee, no causes, sub-parts without any figure): and nothing else. Positions are
checked against the source text itself.
"""

from __future__ import annotations

import pytest

from drafting.checklist import Severity, load_rules, run_checklist
from drafting.reading.text_reader import read_text_report
from tests.conftest import sample_path
from tests.drafting.checklist_helpers import findings, report_from

pytestmark = pytest.mark.core

EXPECTED = {
    "taigong-2021": {
        "parts": ["title", "addressee", "preamble", "measures", "shortcomings", "plans"],
        "findings": {
            ("part-missing", "leader_duty", None),  # no separate 第一责任人 part
            ("signature-missing", "signature", None),
            ("date-missing", "date", None),
            ("editing-leftover", "measures", 11),  # [bookmark: _GoBack]
            ("causes-missing", "shortcomings", 15),
            ("substance", "measures", 10),
            # （三） behind the bookmark is a sub-heading once the leftover is gone: no figure in it
            ("substance", "measures", 11),
            ("substance", "measures", 13),
            ("plans-unanswered", "shortcomings", 16),
            # 推进依法治理第一责任人, 推进法治政府建设第一责任人: the duty's fixed name is 推进法治建设第一责任人
            ("leader-duty-name", "measures", 9),
        },
    },
    "shangjia-2021": {
        "parts": ["title", "preamble", "measures", "leader_duty", "shortcomings", "plans"],
        "findings": {
            ("heading-numbering", "measures", 4),  # 1、 instead of 一、
            ("causes-missing", "shortcomings", 12),  # 不足 without causes
            ("signature-missing", "signature", None),
            ("date-missing", "date", None),
            ("fazhi-term", "plans", 17),  # 法制观念
            ("addressee-missing", "addressee", None),
            ("substance", "measures", 5),
            ("substance", "measures", 6),
            ("substance", "measures", 7),
            ("substance", "measures", 9),
            ("plans-unanswered", "shortcomings", 15),
        },
    },
    "dasi-2021": {
        "parts": ["title", "preamble", "measures", "leader_duty", "shortcomings", "plans"],
        "findings": {
            ("date-format", "preamble", 3),  # （大寺镇  2021.12.18） under the title
            ("signature-missing", "signature", None),
            ("fazhi-term", "measures", 8),  # 法制宣传 twice
            ("fazhi-term", "plans", 32),  # 法制宣传, 法制意识
            ("addressee-missing", "addressee", None),
            ("causes-missing", "shortcomings", 26),
            ("whole-year-early", "measures", 12),  # dated 2021.12.18, yet "全年共有285家…"
            ("stacked-words", "leader_duty", 25),  # 强化加强组织推动
        },
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_findings_are_exactly_the_real_problems(name: str) -> None:
    path = sample_path(name)
    report = read_text_report(path)
    assert report.meta.year == 2021
    assert [p.id for p in report.parts] == EXPECTED[name]["parts"]
    found = findings(report)
    assert {(f.rule, f.part, f.line) for f in found} == EXPECTED[name]["findings"]
    # every position points at the flagged text in the source file
    lines = path.read_text(encoding="utf-8").splitlines()
    for finding in found:
        if finding.line is not None:
            assert lines[finding.line - 1][finding.column - 1 :].startswith(finding.match), finding


def test_sample_specific_matches_and_fixes() -> None:
    dasi = findings(read_text_report(sample_path("dasi-2021")))
    fazhi = [(f.match, f.fix) for f in dasi if f.rule == "fazhi-term"]
    assert fazhi == [("法制宣传", "法治宣传"), ("法制宣传", "法治宣传"), ("法制宣传", "法治宣传"), ("法制意识", "法治意识")]
    # 上位法制定 and 重大执法决定法制审核 stay quiet; the misplaced date is not also "missing"
    assert not any(f.rule == "date-missing" for f in dasi)
    (date,) = [f for f in dasi if f.rule == "date-format"]
    assert date.match == "2021.12.18" and "文末" in date.message
    taigong = findings(read_text_report(sample_path("taigong-2021")))
    assert not any(f.rule == "fazhi-term" for f in taigong)  # 学法制度
    assert [f.match for f in taigong if f.rule == "editing-leftover"] == ["[bookmark: _GoBack]"]
    assert not any(f.rule == "heading-numbering" for f in taigong)  # （三） behind the bookmark counts
    shangjia = findings(read_text_report(sample_path("shangjia-2021")))
    (numbering,) = [f for f in shangjia if f.rule == "heading-numbering"]
    assert (numbering.match, numbering.fix, numbering.severity) == ("1、", "一、", Severity.ERROR)
    assert [(f.match, f.fix) for f in shangjia if f.rule == "fazhi-term"] == [("法制观念", "法治观念")]


# ---- reports written for these tests --------------------------------------------------------------

CLEAN_2024 = """\
青石镇人民政府关于2024年度法治政府建设情况的报告

县委、县政府：
2024年，青石镇在县委、县政府的坚强领导下，坚持以习近平法治思想为指导，深入贯彻党的二十大和二十届三中全会精神，对照《法治政府建设实施纲要（2021—2025年）》，扎实推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
（一）深入学习贯彻习近平法治思想
镇党委理论学习中心组全年开展集体学习12次，其中法治专题学习4次；党委会、政府常务会议会前学法18次。组织全镇86名干部参加法律知识考试，实际参考84人，合格84人，合格率100%。
（二）健全行政决策制度体系
全年对37件重大决策事项、合同和规范性文件开展合法性审查，审查合同26件，提出修改意见41条。聘请2名专职律师担任政府法律顾问，18个村（社区）法律顾问实现全覆盖。健全并落实学法制度，根据上位法制定、修改情况清理规范性文件15件。
（三）健全行政执法工作体系
全镇在岗执法人员32人，持证30人，持证率93.8%。办理行政处罚案件41件，重大执法决定法制审核6件，未发生行政复议被纠错和行政诉讼败诉案件。
（四）健全社会矛盾纠纷行政预防调处化解体系
全年受理矛盾纠纷215件，调解成功209件，调解成功率97.2%。例如，在化解某村土地承包纠纷中，镇司法所联合法律顾问入户释法，促成双方达成调解协议。
二、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记、镇长认真履行第一责任人职责，主持召开法治建设专题会议3次，年终述法2次，对法治督查发现的9个问题逐一整改，已全部整改到位。
三、存在的不足和原因
一是部分执法人员执法不够规范，主要是新进人员多，系统培训不足。二是普法宣传的针对性不强，原因在于宣传方式单一，对群众需求调研不够。
四、2025年主要安排
一是提升执法规范化水平，每季度开展一次执法案卷评查，对新进执法人员开展系统培训。二是创新普法宣传方式，开展群众法律需求调研，推行“菜单式”普法。

青石镇人民政府
2025年1月10日
"""

CLEAN_FACTS = {
    "center_group_sessions": 12, "center_group_law_sessions": 4, "exam_expected": 86, "exam_taken": 84,
    "exam_passed": 84, "enforcement_staff": 32, "enforcement_certified": 30, "penalty_cases": 41,
    "legal_review_cases": 6, "disputes_received": 215, "disputes_resolved": 209, "villages_total": 18,
    "villages_with_adviser": 18,
}


def test_clean_report_has_no_warning_or_error() -> None:
    report = report_from(CLEAN_2024, facts=dict(CLEAN_FACTS))
    assert report.meta.year == 2024
    serious = [f for f in findings(report) if f.severity is not Severity.INFO]
    assert serious == []


CLEAN_STREET_2022 = """\
东湖街道办事处
关于2022年度法治政府建设情况的报告

区委、区政府：
    2022年，东湖街道坚持以习近平法治思想为指导，认真学习宣传贯彻党的二十大精神，全面落实《法治政府建设实施纲要（2021—2025年）》，现将有关情况报告如下。
    一、党政主要负责人履行推进法治建设第一责任人职责情况
    街道党工委书记、办事处主任带头学法，全年主持召开法治建设专题会议4次，研究解决老旧小区改造、物业纠纷等法治问题11个。
    二、2022年度推进法治政府建设的主要举措和成效
    （一）健全依法行政制度体系
    1.规范性文件管理。全年制发行政规范性文件2件，均按程序报区司法局备案，备案率100%。
    2.合法性审查。对重大决策、合同等开展合法性审查58件，出具法律意见书58份。
    （二）健全行政执法工作体系
    1.综合行政执法。街道综合行政执法队现有执法人员26名，全部持证上岗，全年查处违法建设案件35起。
    2.执法监督。开展行政执法案卷评查2次，评查案卷60卷，发现并整改问题14个。
    （三）深化法治宣传教育
    开展“八五普法”主题活动48场，覆盖居民1.2万人次，培育“法律明白人”120名，建成社区法治文化阵地8处。
    三、存在的不足和原因
    （一）执法队伍专业化程度不高。原因是新招录人员多，法律专业背景人员少，系统培训不够。
    （二）社区法律顾问作用发挥不均衡。主要是部分社区对法律顾问的使用不主动，考核机制不健全。
    四、2023年工作安排
    （一）加强执法队伍建设。每季度组织一次执法业务培训，引进法律专业人员2名。
    （二）发挥社区法律顾问作用。建立法律顾问服务考核机制，推动社区主动使用法律顾问。
    五、其他需要报告的情况
    无。

东湖街道办事处
2023年1月16日
"""


def test_clean_report_in_another_layout_has_no_finding() -> None:
    """第一责任人 first, indented lines, "1." items, （一） in shortcomings and plans, an 其他 part."""
    report = report_from(CLEAN_STREET_2022)
    assert [p.id for p in report.parts] == [
        "title", "addressee", "preamble", "leader_duty", "measures", "shortcomings", "plans", "other", "signature", "date"]
    assert findings(report) == []


FLAWED_2023 = """\
XX镇2023年度法治政府建设工作总结

区委、区政府：
2022年以来，我镇深入学习贯彻党的二十大精神，扎实推进法治政府建设。现将有关情况报告如下：
1、工作开展情况
（1）加强学法用法
全年组织专题学法6余次，深入开展七五普法，进一步加强**法制宣传教育**，常态化做好疫情防控工作。
（2）化解矛盾纠纷
全年受理矛盾纠纷100件，调解成功90件，调解成功率98%。
二、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人主持召开专题会议3次，听取法治建设汇报2次。
三、存在的问题
一是执法人员专业化水平不高。二是村级法律顾问作用发挥不充分。
四、2023年工作计划
一是加强执法人员培训，每季度组织一次专题培训。

XX镇人民政府
2024年01月15日
"""


def test_flawed_report_each_problem_found() -> None:
    facts = {"disputes_received": 100, "disputes_resolved": 90, "exam_taken": 80, "exam_passed": 84}
    report = report_from(FLAWED_2023, facts=facts)
    assert report.meta.year == 2023
    found = findings(report)
    got = {(f.rule, f.match) for f in found}
    expected = {
        ("editing-leftover", "XX镇"),  # in the title and the signature
        ("year-mismatch", "2022"),
        ("heading-numbering", "1、"),
        ("heading-numbering", "（1）"),
        ("heading-numbering", "（2）"),
        ("count-wording", "6余"),
        ("term-by-year", "七五普法"),
        ("term-by-year", "疫情防控"),
        ("editing-leftover", "**"),
        ("fazhi-term", "法制宣传"),
        ("number-vs-fact", "98"),
        ("causes-missing", "三、存在的问题"),
        ("plans-unanswered", "二是村级法律顾问作用发挥不充分。"),
        ("year-mismatch", "2023"),
        ("date-format", "2024年01月15日"),
        ("fact-consistency", ""),
    }
    assert expected <= got, expected - got
    assert [f.line for f in found if f.match == "XX镇"] == [1, 17]
    assert not any(f.rule in ("part-missing", "signature-missing", "date-missing", "addressee-missing") for f in found)
    fixes = {f.match: f.fix for f in found if f.fix}
    assert fixes == {"1、": "一、", "（1）": "（一）", "（2）": "（二）", "法制宣传": "法治宣传", "2024年01月15日": "2024年1月15日"}


STREET_2022 = """\
和平街道办事处2022年度法治政府建设情况报告

区委、区政府：
2022年，和平街道坚持以习近平法治思想为指导，推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
（一）深化法治宣传
街道持续开展“法律进社区”活动，在堃安社区建成法治文化广场1处，组织普法活动36场，覆盖居民8600人次。
（二）规范执法行为
街道综合执法队严格落实行政执法三项制度，全年办理行政处罚案件18件，无一被复议纠错。
二、党政主要负责人履行推进法治建设第一责任人职责情况
街道党工委书记主持召开法治建设专题会议4次，带头讲法治课2次。
三、存在的不足
一是居民法治意识有待提升。二是执法力量薄弱。
四、2023年主要安排
一是继续推进法治政府建设。

和平街道办事处
2023年1月12日
"""


def test_street_report_copied_from_last_year() -> None:
    last_year = {
        "measures": [
            "街道综合执法队严格落实行政执法三项制度，全年办理行政处罚案件16件，无一被复议纠错。",
            "街道持续开展“法律进社区”活动，组织普法活动30场。",
        ]
    }
    report = report_from(STREET_2022, last_year=last_year)
    found = findings(report)
    rules = sorted(f.rule for f in found)
    assert rules == ["causes-missing", "copied-from-last-year", "plans-unanswered", "plans-unanswered", "rare-char"]
    (copied,) = [f for f in found if f.rule == "copied-from-last-year"]
    assert copied.line == 9 and copied.part == "measures"
    (rare,) = [f for f in found if f.rule == "rare-char"]
    assert (rare.match, rare.line) == ("堃", 7)


def test_findings_have_stable_order_and_no_duplicates() -> None:
    report = read_text_report(sample_path("dasi-2021"))
    rules = load_rules(include_user_dir=False)
    first = run_checklist(rules, report)
    again = run_checklist(list(reversed(rules)), report)
    assert first == again == sorted(first) and len(set(first)) == len(first)


def test_jieba_runs_at_most_once_per_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    from drafting.checklist import segment

    calls: list[str] = []
    real = segment.spans

    def counting(text: str) -> list[tuple[str, int, int]]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(segment, "spans", counting)
    report = read_text_report(sample_path("dasi-2021"))
    findings(report)
    paragraphs = [block.text for _part, block in report.iter_blocks()]
    assert calls and len(calls) == len(set(calls)) <= len(paragraphs)
    # only the paragraphs a word rule needs: those with a wrong-term candidate, the shortcomings and plans
    assert len(calls) < len(paragraphs) / 2
