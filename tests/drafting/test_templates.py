"""Every shipped template renders with a realistic fact set and with an empty one, and the text
reads like a report: no empty slots, no "None", no boasting about zero, causes asked for."""

from __future__ import annotations

import re

import pytest

from drafting.data.areas import load_areas
from drafting.data.facts import default_fact_catalog, parse_fact
from drafting.model import STATUTORY, Report
from drafting.paths import templates_dir
from drafting.writing.new_report import new_report
from drafting.writing.part_text import blocks_to_text
from drafting.writing.render import PART_TEMPLATES, render_part
from tests.drafting.typical_facts import TYPICAL_RAW_FACTS

ALL_AREAS = [area.id for area in load_areas()]
GENERATED_PARTS = ("title", "preamble", *STATUTORY)
_ZERO_COUNT = re.compile(r"(?<![0-9.])0(?:[次件人场项个名份条户处]|人次)")
_EMPTY_PAIRS = ("（）", "()", "【】", "《》", "“”", "[]")


def rendered(report: Report, part_id: str) -> str:
    """The part's generated text as its editor shows it."""
    return blocks_to_text(render_part(report, part_id))


def typical_facts() -> dict:
    catalog = default_fact_catalog()
    facts = {}
    for fact_id, raw in TYPICAL_RAW_FACTS.items():
        value, error = parse_fact(catalog.spec(fact_id), raw)
        assert error is None, (fact_id, error)
        facts[fact_id] = value
    return facts


def report_with(facts: dict, year: int = 2024, org: str = "某某镇人民政府") -> Report:
    report = new_report(org, year, "县委、县政府", areas=ALL_AREAS)
    report.facts = dict(facts)
    return report


def assert_reads_clean(text: str) -> None:
    assert "None" not in text
    assert "{{" not in text and "{%" not in text and "}}" not in text
    assert not _ZERO_COUNT.search(text), _ZERO_COUNT.search(text)
    for pair in _EMPTY_PAIRS:
        assert pair not in text, pair
    for bad in ("，。", "。。", "，，", "、。", "；。", "：。", "，；"):
        assert bad not in text, bad
    for line in text.splitlines():
        assert line == line.strip() and line, repr(line)


def test_every_template_file_is_used() -> None:
    used = set(PART_TEMPLATES.values()) | {area.template for area in load_areas()} | {"area_parts.j2"}
    shipped = {path.name for path in templates_dir().glob("*.j2")}
    assert shipped == used


@pytest.mark.parametrize("part_id", GENERATED_PARTS)
@pytest.mark.parametrize("kind", ["typical", "empty"])
def test_every_part_renders_cleanly(part_id: str, kind: str) -> None:
    report = report_with(typical_facts() if kind == "typical" else {})
    text = rendered(report, part_id)
    assert_reads_clean(text)
    if part_id in STATUTORY:
        assert re.match(r"^[一二三四五]、", text)
        for line in text.splitlines()[1:]:
            assert line.endswith(("。", "：")) or re.match(r"^（[一二三四五六七八九十]+）[^。]*$", line), line


def test_typical_facts_are_woven_into_the_text() -> None:
    report = report_with(typical_facts())
    measures = rendered(report, "measures")
    assert "法治培训12场，参训干部460人次。" in measures
    assert "合格率98.8%" in measures
    assert "持证率93.8%" in measures
    assert "调解成功率97.2%" in measures
    assert "覆盖率88.9%" in measures  # 16 of 18 villages
    assert "无败诉案件" in measures and "未发生行政复议纠错案件" in measures
    leader = rendered(report, "leader_duty")
    for words in ("理论学习中心组", "学法18次", "主持召开法治建设专题会议3次", "述法", "发现问题9个，已整改7个"):
        assert words in leader
    assert "《中华人民共和国行政复议法》《中华人民共和国民法典》" in leader
    preamble = rendered(report, "preamble")
    assert preamble.endswith("现将有关情况报告如下：")
    assert "2024年" in preamble and "县委、县政府" in preamble and "习近平法治思想" in preamble


def test_zero_and_missing_counts_yield_no_sentence() -> None:
    facts = {"training_sessions": 0, "training_attendees": 0, "pufa_events": 0, "penalty_cases": 0}
    measures = rendered(report_with(facts), "measures")
    assert "组织法治培训" not in measures and "参训干部" not in measures
    assert "开展法治宣传活动" not in measures
    assert "行政处罚案件" not in measures
    assert_reads_clean(measures)


def test_shortcomings_give_causes_or_ask_for_them() -> None:
    report = report_with(typical_facts())
    text = rendered(report, "shortcomings")
    lines = text.splitlines()
    assert lines[0] == "二、存在的不足和原因"
    assert "（一）部分执法人员办案不够规范。主要原因是新进执法人员较多，系统培训跟不上。" in lines
    assert "（二）村级法治宣传形式比较单一。原因是宣传力量主要靠村干部兼职。" in lines
    assert "（三）合法性审查力量薄弱。主要原因是【请填写：该问题的原因】。" in lines
    empty = rendered(report_with({}), "shortcomings")
    assert "【请填写：存在的主要不足】" in empty and "【请填写：该问题的原因】" in empty


def test_plans_answer_every_shortcoming() -> None:
    report = report_with(typical_facts())
    lines = rendered(report, "plans").splitlines()
    assert lines[1].startswith("2025年是“十四五”规划收官之年。2025年，某某镇将")
    items = [line for line in lines if line.startswith("（")]
    assert len(items) == 3  # two measures typed, one problem left: a slot asks for its measure
    assert items[0] == "（一）提升执法规范化水平。针对部分执法人员办案不够规范的问题，每季度开展一次执法案卷评查。"
    assert items[1].startswith("（二）创新普法宣传方式。针对村级法治宣传形式比较单一的问题，")
    assert items[2].startswith("（三）着力解决合法性审查力量薄弱的问题。【请填写：")
    # Matched by content, not by position: the typed plans in the other order answer the same problems.
    facts = typical_facts()
    facts["plan_items"] = list(reversed(facts["plan_items"]))
    reordered = rendered(report_with(facts), "plans")
    assert "针对部分执法人员办案不够规范的问题，每季度开展一次执法案卷评查。" in reordered


def test_other_part_is_only_its_heading_when_empty() -> None:
    assert rendered(report_with({}), "other").splitlines() == ["五、其他需要报告的情况"]
    assert "本年度未发生因违法行政被追责的情况。" in rendered(report_with(typical_facts()), "other")


@pytest.mark.parametrize(
    ("year", "present", "absent"),
    [
        (2018, ["全面依法治国新理念新思想新战略", "“七五”普法", "坚持严格规范公正文明执法"], ["习近平法治思想", "八五", "二十大"]),
        (2022, ["习近平法治思想", "“八五”普法", "党的二十大精神"], ["三中全会", "七五"]),
        (2024, ["二十届二中、三中全会精神", "“八五”普法", "《提升行政执法质量三年行动计划（2023—2025年）》",
                "党纪学习教育"], ["行政处罚法"]),
        (2026, ["习近平法治思想", "二十届历次全会精神", "“十五五”开局之年", "《中华人民共和国法治宣传教育法》",
                "健全行政执法工作体系"], ["八五", "七五", "纲要（2021—2025年）", "坚持严格规范公正文明执法"]),
    ],
)
def test_dated_terms_follow_the_report_year(year: int, present: list[str], absent: list[str]) -> None:
    report = report_with(typical_facts(), year=year)
    report.settings.practices = {"pufa": ["villages"], "enforcement": ["case_review"]}
    text = "\n".join(rendered(report, part) for part in GENERATED_PARTS)
    for words in present:
        assert words in text, words
    for words in absent:
        assert words not in text, words
    assert_reads_clean(text)


@pytest.mark.parametrize(
    ("org", "party", "leaders"),
    [
        ("某某街道办事处", "街道党工委", "街道党工委书记和办事处主任"),
        ("某某乡人民政府", "乡党委", "乡党委书记和乡长"),
        ("某某镇人民政府", "镇党委", "镇党委书记和镇长"),
    ],
)


def test_wording_follows_the_kind_of_organisation(org: str, party: str, leaders: str) -> None:
    text = rendered(report_with(typical_facts(), org=org), "leader_duty")
    assert text.splitlines()[1].startswith(leaders)
    assert f"{party}理论学习中心组" in text


def test_a_picked_area_without_facts_asks_for_its_data() -> None:
    report = report_with({"penalty_cases": 41})
    report.settings.areas = ["enforcement", "pufa"]
    lines = rendered(report, "measures").splitlines()
    enforcement = lines[lines.index("（一）健全行政执法工作体系") + 1]
    pufa = lines[lines.index("（二）深入开展法治宣传教育") + 1]
    assert "【请填写" not in enforcement and "41件" in enforcement
    assert "【请填写：本年度在这方面的具体做法、数据和成效】" in pufa
    # A zero is a fact too (本年度未制发…): the area is then not empty.
    report.facts = {"normative_docs_issued": 0}
    report.settings.areas = ["rules"]
    text = rendered(report, "measures")
    assert "本年度未制发行政规范性文件。" in text and "【请填写" not in text


def test_hand_edited_facts_of_the_wrong_type_do_not_break_rendering() -> None:
    report = report_with({"training_sessions": "十二", "shortcoming_items": "一条", "honors": [1, 2]})
    for part_id in GENERATED_PARTS:
        assert_reads_clean(rendered(report, part_id))


def test_short_names_and_collective_bodies() -> None:
    preamble = rendered(report_with({"pufa_events": 6}, org="某某街道办事处"), "preamble")
    assert preamble.startswith("2024年是实现“十四五”规划目标任务的关键一年。某某街道党工委、办事处在县委、县政府的")
    assert rendered(report_with({"pufa_events": 6}, year=2018), "preamble").startswith("2018年，某某镇党委、政府在")
    assert rendered(report_with({}, org="某某街道办事处"), "preamble").startswith("2024年，某某街道党工委、办事处【请填写")


def test_generated_sentences_are_not_copied_from_the_sample_reports() -> None:
    from tests.conftest import SAMPLE_NAMES, sample_path

    samples = "".join(sample_path(name).read_text(encoding="utf-8") for name in SAMPLE_NAMES)
    for year in (2018, 2024):
        report = report_with(typical_facts(), year=year)
        for part_id in GENERATED_PARTS:
            for line in rendered(report, part_id).splitlines():
                if line.startswith(("（", "一、", "二、", "三、", "四、", "五、")) and len(line) < 40:
                    continue  # headings are the regulation's and the plan's wording
                for clause in re.split(r"[。；：，、]", line):
                    assert len(clause) < 12 or clause not in samples, clause


def test_leader_part_without_any_figure_asks_for_them() -> None:
    empty = rendered(report_with({}), "leader_duty")
    assert "【请填写：中心组学法、会前学法、专题研究法治建设、述法和督查整改的具体次数与成效】" in empty
    assert "【请填写" not in rendered(report_with({"leader_meetings": 3}), "leader_duty")


def test_facts_areas_and_templates_agree() -> None:
    """Every sub-area has a form (facts of its group), every fact is shown somewhere and used by a template."""
    from drafting.writing.render import required_facts

    catalog = default_fact_catalog()
    areas = load_areas()
    part_groups = {"preamble", "leader_duty", "shortcomings", "plans", "other"}
    area_groups = {area.fact_group for area in areas}
    for area in areas:
        assert catalog.for_group(area.fact_group), area.id
    assert set(catalog.groups) <= part_groups | area_groups
    from drafting.writing.render import COMPOSED_FACTS

    used: set[str] = set().union(*COMPOSED_FACTS.values())
    for name in {*PART_TEMPLATES.values(), *(area.template for area in areas)}:
        used |= required_facts(name)
    unused = set(catalog.ids) - used
    assert not unused, f"facts no template uses: {sorted(unused)}"
    # An area's template speaks about its own group's facts (others only for computed rates).
    for area in areas:
        own = {spec.id for spec in catalog.for_group(area.fact_group)}
        assert required_facts(area.template) <= own, area.id


def test_last_years_figures_give_year_on_year_comparisons() -> None:
    report = report_with(typical_facts())
    report.settings.areas = ["study", "disputes", "pufa"]
    assert "比上年" not in rendered(report, "measures")
    report.last_year_facts = {"training_sessions": 9, "disputes_received": 200, "disputes_resolved": 190,
                              "pufa_events": 36, "lawsuits": "x"}
    text = rendered(report, "measures")
    assert "法治培训12场，比上年增加3场，参训干部460人次。" in text
    assert "调解成功率97.2%，比上年提高2.2个百分点。" in text  # 95.0% last year
    assert "开展法治宣传活动36场，与上年持平，" in text
    assert_reads_clean(text)
    report.last_year_facts = {"training_sessions": 15}
    assert "比上年减少3场" in rendered(report, "measures")


def test_typed_text_is_never_evaluated_as_a_template() -> None:
    report = report_with({"other_items": ["{{ 7 * 7 }}{% for i in range(9) %}x{% endfor %}"]})
    text = rendered(report, "other")
    assert "{{ 7 * 7 }}{% for i in range(9) %}x{% endfor %}。" in text and "49" not in text
