"""A new report's skeleton, and the dated data it follows: plans by year, sub-areas, terms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafting.data.areas import areas_for_year, default_area_data, default_area_ids, load_area_data
from drafting.data.plans import load_plans, plan_by_name, plan_for_year
from drafting.dates import default_report_year, is_date_line
from drafting.errors import DataFileError, InputError
from drafting.writing.new_report import new_report


def test_new_report_has_every_part_in_the_regulations_order() -> None:
    report = new_report("某某镇人民政府", 2024, "县委、县政府")
    assert [p.id for p in report.parts] == [
        "title", "addressee", "preamble", "measures", "shortcomings", "leader_duty", "plans", "other",
        "signature", "date",
    ]
    assert report.title == "某某镇人民政府关于2024年度法治政府建设情况的报告"
    assert report.addressee == "县委、县政府："
    assert report.part("preamble").is_empty()  # type: ignore[union-attr]
    assert [p.heading for p in report.parts if p.heading] == [
        "一、主要举措和成效",
        "二、存在的不足和原因",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "四、下一年度推进法治政府建设的主要安排",
        "五、其他需要报告的情况",
    ]
    assert report.signature == "某某镇人民政府"
    assert report.date_text == "2025年1月15日" and is_date_line(report.date_text)
    assert report.meta.org == "某某镇人民政府" and report.meta.year == 2024
    assert report.meta.plan == "法治政府建设实施纲要（2021—2025年）"
    assert report.settings.plan_id == "gangyao-2021"
    assert report.settings.areas == default_area_ids(2024)


def test_new_report_options() -> None:
    report = new_report(" 某某街道办事处 ", 2019, "区委、区政府：", areas=["pufa", "enforcement"], date=dt.date(2020, 2, 3))
    assert report.meta.org == "某某街道办事处"
    assert report.addressee == "区委、区政府："
    assert report.meta.plan == "法治政府建设实施纲要（2015—2020年）"
    assert report.settings.areas == ["pufa", "enforcement"]
    assert report.date_text == "2020年2月3日"
    # A year no known plan covers: no plan unless the writer names one.
    assert new_report("某某镇人民政府", 2026, "县委、县政府").meta.plan == ""
    named = new_report("某某镇人民政府", 2026, "县委、县政府", plan_name="《法治政府建设实施纲要（2026—2030年）》")
    assert named.meta.plan == "法治政府建设实施纲要（2026—2030年）"
    assert not named.settings.is_set("plan_id")


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"org": "  ", "year": 2024}, "请填写单位名称"),
        ({"org": "某某镇", "year": 24}, "报告年度“24”无效"),
        ({"org": "某某镇", "year": 2024, "areas": ["pufa", "nonsense"]}, "未知的子领域：nonsense"),
    ],
)
def test_new_report_rejects_bad_input_with_a_message(kwargs: dict, words: str) -> None:
    with pytest.raises(InputError, match=words):
        new_report(addressee="县委、县政府", **kwargs)


def test_plan_for_year() -> None:
    assert plan_for_year(2016).id == "gangyao-2015"  # type: ignore[union-attr]
    assert plan_for_year(2020).id == "gangyao-2015"  # type: ignore[union-attr]
    assert plan_for_year(2021).id == "gangyao-2021"  # type: ignore[union-attr]
    assert plan_for_year(2025).id == "gangyao-2021"  # type: ignore[union-attr]
    assert plan_for_year(2026) is None and plan_for_year(2015) is None and plan_for_year(None) is None
    assert plan_by_name("《法治政府建设实施纲要（2021—2025年）》").id == "gangyao-2021"  # type: ignore[union-attr]
    assert plan_by_name("某某纲要") is None


def test_areas_for_a_year_follow_the_plan_then_common_topics() -> None:
    ids_2024 = [a.id for a in areas_for_year(2024)]
    assert ids_2024[:10] == [
        "study", "functions", "rules", "decisions", "enforcement", "emergency", "disputes", "supervision",
        "digital", "party",
    ]
    assert ids_2024[10:] == ["pufa", "advisers", "disclosure", "business"]
    headings_2018 = [a.heading_for("gangyao-2015") for a in areas_for_year(2018)]
    assert headings_2018[0] == "依法全面履行政府职能"  # the 2015 plan's own order
    assert "健全突发事件应对体系" not in headings_2018
    # No known plan: everything is offered, under default headings.
    assert len(areas_for_year(2027)) == len(default_area_data().areas)
    # The writer picks a plan for such a year.
    assert [a.id for a in areas_for_year(2027, "gangyao-2021")] == ids_2024
    assert "pufa" in default_area_ids(2024) and "emergency" not in default_area_ids(2024)


def test_terms_for_year() -> None:
    from drafting.data.years import default_year_table

    table = default_year_table()
    assert table.terms(2024)["pufa_period"] == "八五"
    assert table.terms(2019)["pufa_period"] == "七五"
    assert table.terms(2026)["pufa_period"] is None  # 九五 not confirmed
    assert table.terms(2019)["thought"] == "全面依法治国新理念新思想新战略"
    assert table.terms(None)["thought"] is None
    data = default_area_data()
    assert data.org_kind("某某街道办事处").party == "街道党工委"
    assert data.org_kind("某某乡人民政府").party == "乡党委"
    assert data.org_kind("某某镇").party == "镇党委"
    assert data.org_kind("新乡镇人民政府").party == "镇党委"  # judged by the ending, not by 乡 inside the name
    assert data.org_kind("某某乡政府").short_name("某某乡政府") == "某某乡"
    for org, short in (("某某街道办事处", "某某街道"), ("某某镇政府", "某某镇"), ("某某镇", "某某镇"),
                       ("某某街道", "某某街道"), ("某某乡人民政府", "某某乡")):
        assert data.org_kind(org).short_name(org) == short


def test_areas_file_errors_name_line_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "areas.yml"
    bad.write_text(
        "version: 1\nareas:\n  - id: x\n    name: 甲\n    heading: 甲\n    fact_group: g\n    template: nothere.j2\n"
        "    colour: red\n    heading_by_plan: {gangyao-1999: 乙}\norg_kinds: []\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as info:
        load_area_data(bad)
    message = str(info.value)
    assert "第 8 行" in message and "colour" in message
    assert "gangyao-1999" in message and "nothere.j2" in message and "org_kinds" in message


def test_plans_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "plans.yml"
    bad.write_text("version: 1\nplans:\n  - id: a\n    name: 甲\n    years: [2025, 2021]\n    areas: [x]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="第 5 行：years"):
        load_plans(bad)


@pytest.mark.parametrize(("today", "year"), [
    (dt.date(2025, 1, 8), 2024),    # due soon: last year's report
    (dt.date(2025, 10, 31), 2024),
    (dt.date(2025, 11, 1), 2025),   # drafting of this year's report begins
    (dt.date(2025, 12, 31), 2025),
])
def test_default_report_year_follows_the_drafting_season(today: dt.date, year: int) -> None:
    assert default_report_year(today) == year
