"""Issue 11, "every sentence has its subject": the first sentence of every generated paragraph opens with
a subject from templates/areas.yml (subjects, after an optional lead-in such as "2024年，"); later sentences
of the paragraph may leave it out, as 公文 do, since the subject is then clear from the sentence before.

Reports are generated for a 镇 and a 街道, for 2024 and 2026, with typical facts (ticks and cases too), sparse
facts, each fact alone (so every sentence of every template opens a paragraph once), only ticks and only cases.
"""

from __future__ import annotations

import re

import pytest

from drafting.data.areas import default_area_data, load_areas
from drafting.data.facts import default_fact_catalog
from drafting.data.practices import default_practices
from drafting.model import STATUTORY, Report
from drafting.writing.render import render_part
from tests.drafting.test_templates import report_with, typical_facts

ORGS = ("青山镇人民政府", "白河街道办事处")
YEARS = (2024, 2026)
SPARSE = {"training_sessions": 4, "pufa_events": 6, "disputes_received": 30, "disputes_resolved": 29,
          "leader_meetings": 2, "shortcoming_items": ["执法力量不足"]}
CASE = "东岗社区两户因房屋漏水发生纠纷，调委会现场调解，双方签订协议"
_CONTEXT = re.compile(r"^\d{4}年是")  # the year's place ("2025年是“十四五”规划收官之年"): the year is the subject


def _opening_pattern(org: str) -> re.Pattern[str]:
    data = default_area_data()
    subjects = sorted(data.paragraph_subjects(org), key=len, reverse=True)
    assert subjects and all(subjects), "areas.yml lists no subjects"
    lead_ins = [re.escape(lead).replace(re.escape("{年}"), r"\d{4}") for lead in data.subject_lead_ins]
    return re.compile(rf"^(?:{'|'.join(lead_ins)})?(?:{'|'.join(map(re.escape, subjects))})")


def subjectless_openings(report: Report) -> list[str]:
    """Every generated paragraph whose first sentence does not open with a subject."""
    pattern = _opening_pattern(report.meta.org)
    typed = {f"{item}。" for item in report.facts.get("other_items") or []}
    found = []
    for part_id in ("preamble", *STATUTORY):
        previous_level = None
        for block in render_part(report, part_id):
            text, level, before = block.text, block.level, previous_level
            previous_level = level
            if level != 0 or text.startswith("【请填写") or text in typed:
                continue  # headings (（一）问题。原因…… items too), markers, the writer's own sentences
            if text.startswith(("如：", "又如：")) and before == 0:
                continue  # an example of the paragraph before
            first = re.split(r"[。：]", text, maxsplit=1)[0]
            if not (pattern.match(first) or _CONTEXT.match(first)):
                found.append(f"{part_id}: {text}")
    return found


def _typical(org: str, year: int) -> Report:
    report = report_with(typical_facts(), year=year, org=org)
    report.settings.practices = {group: [p.id for p in found][:2] for group, found in default_practices().items()}
    report.settings.other_practices = {"advisers": ["法律顾问每周到便民服务中心坐班"]}
    report.settings.cases = {"disputes": [CASE], "leader_duty": ["主要负责人带队督办一起历史遗留问题"]}
    return report


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("org", ORGS)
@pytest.mark.parametrize("kind", ["typical", "sparse", "empty"])
def test_every_paragraph_opens_with_a_subject(org: str, year: int, kind: str) -> None:
    report = _typical(org, year) if kind == "typical" else report_with(SPARSE if kind == "sparse" else {}, year, org)
    assert subjectless_openings(report) == []


@pytest.mark.parametrize("org", ORGS)
def test_each_fact_alone_opens_its_paragraph_with_a_subject(org: str) -> None:
    catalog = default_fact_catalog()
    values = typical_facts()
    problems = []
    for spec in catalog.specs:
        if spec.is_computed:
            continue
        for value in {values.get(spec.id), 0} - {None} if spec.type == "count" else [values.get(spec.id)]:
            if value is None:
                continue
            report = report_with({spec.id: value}, org=org)
            problems += [f"{spec.id}={value} → {line}" for line in subjectless_openings(report)]
    assert problems == []


@pytest.mark.parametrize("org", ORGS)
def test_only_ticks_or_only_cases_open_with_a_subject(org: str) -> None:
    for group, found in default_practices().items():
        report = report_with({}, org=org)
        report.settings.practices = {group: [found[-1].id]}
        assert subjectless_openings(report) == [], group
    for group in [a.id for a in load_areas()] + ["leader_duty"]:
        report = report_with({}, org=org)
        report.settings.cases = {group: [CASE, "另一个事例"]}
        assert subjectless_openings(report) == [], group
        part = "leader_duty" if group == "leader_duty" else "measures"
        report.settings.areas = [] if group == "leader_duty" else [group]
        lines = [b.text for b in render_part(report, part) if b.level == 0]
        assert len(lines) == 1 and lines[0].endswith(f"的典型事例：{CASE}。又如：另一个事例。"), (group, lines)


def test_the_check_catches_a_subjectless_paragraph() -> None:
    """The test above can fail: a paragraph opening with 全年 or 积极开展 is reported."""
    report = report_with({"petitions_received": 64}, org="青山镇人民政府")
    assert subjectless_openings(report) == []
    pattern = _opening_pattern("青山镇人民政府")
    for bad in ("全年受理群众信访64件", "本年度被评为市级示范乡镇", "积极开展法治宣传", "班子成员全年走访企业75次"):
        assert not pattern.match(bad)
    for good in ("青山镇全年受理", "2024年，青山镇落实", "镇党委书记和镇长认真履行", "全镇现有执法人员", "镇政府负责人全年出庭应诉"):
        assert pattern.match(good), good
