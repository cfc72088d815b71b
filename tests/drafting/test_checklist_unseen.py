"""The checklist on reports written in other ways than the three samples: no false alarms, the real problems found.

These reports were written for these tests (not copied from published ones) in the
register of township and street reports, each with a layout the samples lack: a two-line
title and the 第一责任人 part second (柳河乡), no addressee and 存在的问题和不足 (城关街道),
headings worded in no known way (红岩街道), numbering lost on the way to a web page, and
a report with one of each common flaw.
"""

from __future__ import annotations

import re

import pytest

from tests.drafting.checklist_helpers import findings, report_from

pytestmark = pytest.mark.core

LIUHE_2024 = """\
柳河乡人民政府
关于2024年度法治政府建设工作情况的报告

县委、县人民政府：
2024年，柳河乡党委、政府坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，认真落实《法治政府建设实施纲要（2021—2025年）》，扎实推进法治政府建设各项工作。现将有关情况报告如下。
一、2024年法治政府建设主要举措和成效
（一）坚持党的领导，压实法治建设责任
乡党委将法治政府建设纳入全乡经济社会发展总体规划，全年召开党委会专题研究法治建设工作3次，制定《柳河乡2024年法治政府建设工作要点》，明确任务分工和完成时限。
（二）健全依法决策机制，规范权力运行
严格落实重大行政决策程序，全年作出重大行政决策2项，均经过公众参与、风险评估、合法性审查和集体讨论决定。聘请常年法律顾问1名，审查合同及规范性文件17件。
（三）严格规范公正文明执法
全乡现有执法人员15人，全部持证上岗。全年开展行政检查64次，办理行政处罚案件9件，重大执法决定全部经过法制审核，未发生行政复议纠错和行政诉讼败诉案件。
（四）多元化解矛盾纠纷
坚持和发展新时代“枫桥经验”，全年排查化解矛盾纠纷82件，调解成功80件，调解成功率97.6%。
（五）深入开展普法宣传
落实“谁执法谁普法”普法责任制，结合宪法宣传周、民法典宣传月等节点开展法治宣传活动21场次，发放宣传资料6000余份。
二、党政主要负责人履行推进法治建设第一责任人职责情况
乡党委书记、乡长认真履行推进法治建设第一责任人职责，带头学法用法，全年主持召开法治建设专题会议3次，在乡党委理论学习中心组开展法治专题学习4次，带头开展年度述法。
三、存在的不足和原因
一是执法队伍专业化水平不高。主要原因是执法人员多为兼职，系统培训不够。二是基层法治宣传针对性不强。主要原因是宣传形式较为传统，对群众需求了解不够深入。
四、2025年推进法治政府建设的主要安排
（一）加强执法队伍建设。组织执法人员参加专业培训，提高执法人员专业化水平。
（二）提升普法宣传实效。针对群众需求开展精准普法，创新宣传形式，提高法治宣传针对性。
（三）持续推进矛盾纠纷多元化解，把矛盾纠纷化解在基层。

柳河乡人民政府
2025年1月8日
"""

CHENGGUAN_2024 = """\
城关街道办事处2024年法治政府建设年度报告

2024年，城关街道办事处在区委、区政府的正确领导下，全面贯彻落实习近平法治思想，法治政府建设取得新成效。现报告如下：
一、主要做法及成效
（一）强化理论武装。街道党工委理论学习中心组开展法治专题学习5次，组织机关干部参加法律知识考试，参考98人，合格98人，合格率100%。
（二）推进严格执法。全面落实行政执法“三项制度”，全年办理行政处罚案件31件，其中简易程序19件、一般程序12件，重大执法决定法制审核率100%。
（三）规范重大决策。严格执行《重大行政决策程序暂行条例》，街道法律顾问全程参与重大事项决策，审查合同协议26份，提出法律意见40余条。
（四）化解基层矛盾。街道、社区两级调解组织全年受理矛盾纠纷203件，调解成功198件，调解成功率97.5%。
二、党工委书记、办事处主任履行法治建设第一责任人职责情况
街道党工委书记、办事处主任把法治建设作为“一把手”工程，坚持重要工作亲自部署、重大问题亲自过问，全年主持召开法治建设专题会议4次，年终在街道党工委会议上述法。
三、存在的问题和不足
一是少数干部运用法治思维和法治方式解决问题的能力还不强，究其原因，主要是学法用法的常态化机制还不健全；二是社区法律服务资源不足，原因在于专业法律人才引进渠道有限。
四、2025年工作打算
一是健全常态化学法机制，每季度至少组织1次集中学法，提升干部法治思维。二是整合辖区律师资源，推动社区法律顾问服务全覆盖，引进法律人才。

城关街道办事处
2025年1月15日
"""

HONGYAN_2023 = """\
关于红岩街道2023年法治政府建设工作的报告

区委、区政府：
现将红岩街道2023年法治政府建设工作报告如下。
一、聚焦主责主业，法治建设扎实推进
（一）抓学习。街道党工委理论学习中心组开展学法活动6次，组织干部旁听庭审1次。
（二）抓执法。全年开展联合执法检查48次，办理行政处罚案件12件。
二、创新特色做法
打造“红岩议事厅”基层协商品牌，全年协商解决群众关心事项37件。
三、对照目标找短板
一是依法决策意识还需强化，原因是部分干部习惯于凭经验办事。二是执法装备保障不足，主要是经费有限。
四、压实领导责任
街道党工委书记、办事处主任切实履行推进法治建设第一责任人职责，带头讲法治课2次。
五、锚定目标，谋划来年
（一）持续开展干部学法用法，年内组织法治培训不少于4次。
（二）进一步规范执法程序，推行执法全过程记录。

红岩街道办事处
2024年1月20日
"""

FLAWED_CHENGGUAN_2024 = """\
城关街道办事处2024年法治政府建设年度报告

区委、区政府：
2023年以来，城关街道深入推进法治政府建设，现报告如下：
一、主要做法及成效
（一）强化理论武装。开展法治专题学习6余次，组织法律知识考试，参考98人，合格99人。
（二）加强法制宣传。在XX社区开展宣传活动，发放资料3000份。
（三）化解基层矛盾。全年受理矛盾纠纷200件，调解成功180件，调解成功率98%。
二、存在的问题和不足
一是执法人员数量不足。二是信息化水平不高。
三、2025年工作打算
一是开展普法活动。二是推进行政复议体制改革，制定街道立法规划。

城关街道办事处
2025.01.15
"""

ALL_PARTS = ["title", "addressee", "preamble", "measures", "leader_duty", "shortcomings", "plans", "signature", "date"]


def test_a_clean_report_with_the_leaders_part_second_has_no_finding() -> None:
    report = report_from(LIUHE_2024)
    assert [p.id for p in report.parts] == ALL_PARTS
    assert (report.meta.year, report.meta.org) == (2024, "柳河乡人民政府")
    assert findings(report) == []


def test_a_street_report_without_addressee_only_misses_the_addressee() -> None:
    report = report_from(CHENGGUAN_2024)
    assert [p.id for p in report.parts] == [p for p in ALL_PARTS if p != "addressee"]
    assert [f.rule for f in findings(report)] == ["addressee-missing"]


def test_headings_in_other_words_are_mapped_and_raise_nothing() -> None:
    report = report_from(HONGYAN_2023)
    assert {p.id: p.heading for p in report.parts if p.heading} == {
        "measures": "一、聚焦主责主业，法治建设扎实推进",
        "shortcomings": "三、对照目标找短板",
        "leader_duty": "四、压实领导责任",
        "plans": "五、锚定目标，谋划来年",
    }
    assert findings(report) == []


def test_numbering_lost_on_the_way_is_the_only_finding() -> None:
    report = report_from(re.sub(r"^[一二三四五]、", "", LIUHE_2024, flags=re.M))
    assert [p.id for p in report.parts] == ALL_PARTS
    found = findings(report)
    assert {f.rule for f in found} == {"heading-numbering"}
    assert [f.fix[:2] for f in found] == ["一、", "二、", "三、", "四、"]


def test_each_flaw_of_a_flawed_report_is_found_once() -> None:
    found = findings(report_from(FLAWED_CHENGGUAN_2024))
    assert sorted((f.rule, f.match) for f in found) == sorted([
        ("part-missing", ""),
        ("year-mismatch", "2023"),
        ("count-wording", "6余"),
        ("figures-contradict", "参考98人"),
        ("fazhi-term", "法制宣传"),
        ("editing-leftover", "XX社区"),
        ("figures-contradict", "受理矛盾纠纷200件"),
        ("causes-missing", "二、存在的问题和不足"),
        ("plans-unanswered", "一是执法人员数量不足。"),
        ("plans-unanswered", "二是信息化水平不高。"),
        ("beyond-powers", "行政复议体制"),
        ("date-format", "2025.01.15"),
    ])
