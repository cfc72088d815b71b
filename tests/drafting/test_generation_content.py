"""Issue 11: the generated text states only what was ticked, typed or counted, every fact lands,
wording follows the year and the kind of organisation, numbers are right, and two townships do
not send the same sentences."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from drafting.checklist import default_checklist
from drafting.data.areas import default_area_data, load_areas
from drafting.data.facts import default_fact_catalog, format_fact
from drafting.data.plans import default_plans
from drafting.data.practices import default_practices, default_shortcoming_kinds
from drafting.files.storage import load_draft_bytes, save_draft
from drafting.model import STATUTORY
from drafting.project import DraftProject
from drafting.writing.compose import fill, vocabulary
from drafting.writing.render import render_part
from tests.conftest import run_cli
from tests.drafting.test_templates import rendered, report_with, typical_facts

AREAS = load_areas()
MARKER = re.compile(r"【请填写[^】]*】")

#: Every fact given, every shortcoming with its cause and an answering plan (a finished report).
FULL_EXTRA = {
    "shortcoming_items": [
        "部分执法人员办案不够规范——新进执法人员较多，系统培训跟不上",
        "村级法治宣传形式比较单一——宣传力量主要靠村干部兼职",
        "合法性审查力量薄弱——缺少法律专业人员",
    ],
    "plan_items": [
        "提升执法规范化水平——每季度开展一次执法案卷评查",
        "创新普法宣传方式——组建村级普法志愿者队伍",
        "充实合法性审查力量——与律师事务所建立合法性审查联审机制",
    ],
}


def full_facts() -> dict:
    return {**typical_facts(), **FULL_EXTRA}


def area_body(report, area_id: str) -> list[str]:
    """The lines generated under one sub-area's heading (the report picks only that area)."""
    report.settings.areas = [area_id]
    return [b.text for b in render_part(report, "measures") if b.level == 0]


def shown(value) -> str:
    return str(value).strip("《》")


@pytest.mark.parametrize("area", AREAS, ids=[a.id for a in AREAS])
def test_every_fact_of_an_area_appears_in_its_part(area) -> None:
    catalog = default_fact_catalog()
    facts = {k: v for k, v in typical_facts().items() if catalog.spec(k).group == area.fact_group}
    assert facts, area.id
    text = "\n".join(area_body(report_with(facts), area.id))
    for fact_id, value in facts.items():
        if value == 0:
            continue  # a zero is said in words (未发生……), see test_zeros_that_matter_read_naturally
        for item in value if isinstance(value, list) else [value]:
            assert shown(format_fact(catalog.spec(fact_id), item) if not isinstance(value, list) else item) in text, (
                fact_id, item, text)
    assert "【请填写" not in text


@pytest.mark.parametrize("group", sorted(default_practices()), ids=sorted(default_practices()))
def test_only_ticked_practices_appear(group: str) -> None:
    practices = default_practices()[group]
    report = report_with({})
    words = vocabulary(default_area_data().org_kind(report.meta.org))
    ticked = practices[::2]
    report.settings.practices = {group: [p.id for p in ticked]}
    if group == "leader_duty":
        text = "\n".join(b.text for b in render_part(report, "leader_duty") if b.level == 0)
    else:
        text = "\n".join(area_body(report, group))
    for practice in practices:
        found = [fill(phrase, words) in text for phrase in practice.phrasings]
        if practice in ticked:
            assert sum(found) == 1, (practice.id, text)  # exactly one of its phrasings
        else:
            assert not any(found), (practice.id, text)
    assert "【请填写" not in text
    # Nothing else is claimed: remove the ticked phrasings, the subject and punctuation, and nothing is left.
    rest = re.sub(r"(?:落实|按照)《提升行政执法质量三年行动计划（2023—2025年）》的(?:要求|部署)", "", text)
    for practice in ticked:
        for phrase in practice.phrasings:
            rest = rest.replace(fill(phrase, words), "")
    rest = re.sub(r"某某镇|镇党委书记和镇长|(?:认真)?履行推进法治建设第一责任人职责|\d{4}年|一年来|深入实施|推进|“八五”普法规划|[，。；\s]", "", rest)
    assert rest == "", rest


@pytest.mark.parametrize("part_id", ["title", "preamble", *STATUTORY])
@pytest.mark.parametrize(("org", "year"), [("某某镇人民政府", 2024), ("某某街道办事处", 2026), ("某某乡人民政府", 2016),
                                           ("某某镇人民政府", 2020), ("某某街道办事处", 2031)])
def test_with_nothing_entered_only_headings_and_markers_are_left(part_id: str, org: str, year: int) -> None:
    """Every template branch with empty facts and no ticks: headings and 【请填写……】 only.

    Besides headings and markers, what may stand is what the writer entered when creating the draft
    (the organisation and the year: the title, and "2024年，某某镇党委、政府" as the subject the overview
    marker completes) and the 公文 formulas that claim nothing (the title's "关于……情况的报告", the opening's
    closing "现将有关情况报告如下：", the cause slot "主要原因是"). No year-table wording, no stock claim.
    """
    report = report_with({}, year=year, org=org)
    report.settings.areas = [a.id for a in AREAS]
    kind = default_area_data().org_kind(org)
    short = kind.short_name(org)
    for block in render_part(report, part_id):
        if block.level == 1 or (block.level == 2 and not MARKER.search(block.text)):
            continue  # part and sub-area headings
        if part_id == "title":
            assert block.text == f"{org}关于{year}年度法治政府建设情况的报告"
            continue
        leftover = MARKER.sub("", re.sub(r"^（[一二三四五六七八九十]+）", "", block.text))
        leftover = re.sub(r"主要原因是", "", leftover)  # the cause slot: "主要原因是【请填写：该问题的原因】"
        if part_id == "preamble":
            leftover = leftover.replace(f"{year}年，{short}{kind.bodies}", "", 1).replace("现将有关情况报告如下：", "")
        assert leftover.strip("。 ") == "", (part_id, block.text)


def test_the_opening_states_the_years_framing_only_when_work_was_entered() -> None:
    empty = rendered(report_with({}, year=2026), "preamble")
    assert empty == ("2026年，某某镇党委、政府【请填写：本年度推进法治政府建设的总体情况，如指导思想、主要做法和成效】。"
                     "现将有关情况报告如下：")
    # A shortcoming or a plan is not work done: the opening still asks.
    assert "【请填写" in rendered(report_with({"shortcoming_items": ["执法力量不足"]}, year=2026), "preamble")
    for entered in ({"pufa_events": 6}, {"leader_meetings": 2}, {"honors": ["被评为县级法治建设先进单位"]}):
        text = rendered(report_with(entered, year=2026), "preamble")
        assert "【请填写" not in text and "二十届历次全会" in text and "“十五五”开局" in text, text
        assert "同部署" not in text and "扎实" not in text and "各项工作" not in text
    report = report_with({"pufa_events": 6, "disputes_received": 30}, year=2024)
    report.settings.practices = {"study": ["court_visit"]}
    text = rendered(report, "preamble")
    assert "在学法用法、矛盾纠纷化解和法治宣传教育方面推进法治政府建设。" in text, text
    report.settings.cases = {"enforcement": ["一个事例"]}
    report.settings.other_practices = {"advisers": ["法律顾问每周坐班"]}
    assert "在学法用法、行政执法、矛盾纠纷化解、法治宣传教育等方面" in rendered(report, "preamble")


def _check_errors(report) -> list:
    return [f for f in default_checklist().run(report) if f.severity.value == "error"]


@pytest.mark.parametrize(("org", "year"), [("青山镇人民政府", 2024), ("青山街道办事处", 2024), ("青山镇人民政府", 2026)])
def test_every_fact_given_gives_a_finished_report_that_passes_check(org: str, year: int) -> None:
    report = report_with(full_facts(), year=year, org=org)
    project = DraftProject(report)
    for part_id in ("title", "preamble", *STATUTORY):
        project.generate(part_id)
    text = "\n".join(b.text for p in report.parts for b in p.blocks)
    assert "【请填写" not in text
    assert _check_errors(report) == []
    if "街道" in org:
        assert "党工委" in text and "办事处" in text and "社区" in text
        for town_word in ("镇党委", "镇政府", "全镇", "村组", "村（社区）", "村干部兼职" and "送进村"):
            assert town_word not in text, town_word
    if year == 2026:
        old_headings = set(next(p for p in default_plans() if p.id == "gangyao-2015").areas)
        headings = [b.text for b in report.part("measures").blocks if b.level == 2]
        assert headings and not {re.sub(r"^（.+?）", "", h) for h in headings} & old_headings
        assert "二十届历次全会" in text and "“十五五”开局" in text


def _sentences(text: str) -> set[str]:
    result = set()
    for line in text.splitlines():
        if re.match(r"^[一二三四五]、|^（[一二三四五六七八九十]+）[^。]*$", line):
            continue  # headings are the regulation's and the plan's wording
        line = re.sub(r"^（[一二三四五六七八九十]+）[^。]*。", "", line)  # a run-in heading likewise
        for sentence in re.split(r"[。：]", line):
            if len(sentence) >= 6:
                result.add(re.sub(r"\d+(?:\.\d+)?", "#", sentence))
    return result


def _whole(report) -> str:
    return "\n".join(rendered(report, part) for part in ("preamble", *STATUTORY))


def test_two_townships_share_at_most_one_sentence_in_five() -> None:
    a = report_with(full_facts(), org="青山镇人民政府")
    a.settings.practices = {"study": ["pre_meeting_study", "court_visit"], "pufa": ["villages", "schools"],
                            "enforcement": ["three_systems", "case_review"], "leader_duty": ["duty_list"],
                            "disputes": ["fengqiao", "screening"]}
    a.settings.shortcomings = [{"kind": "awareness", "cause": ""}, {"kind": "pufa_targeting", "cause": ""}]
    facts_b = {k: (v * 2 + 1 if isinstance(v, int) and not k.startswith(("exam", "villages", "reconsideration",
                                                                          "lawsuits", "normative"))
                   else v) for k, v in typical_facts().items()}
    facts_b["shortcoming_items"] = ["社区矛盾纠纷排查不够及时——网格员兼职多、专业调解力量不足"]
    facts_b["plan_items"] = ["健全矛盾纠纷排查机制——每月召开一次网格员联席会"]
    facts_b.pop("honors")
    facts_b["other_items"] = ["本年度接受县委依法治县办专项督察，反馈问题已整改"]
    facts_b["law_work_plan"] = "白河镇2024年依法行政工作方案"
    b = report_with(facts_b, org="白河镇人民政府")
    b.settings.practices = {"study": ["court_visit", "online_learning"], "pufa": ["villages", "new_media"],
                            "enforcement": ["case_review", "soft_enforcement"], "leader_duty": ["year_end_report"],
                            "disputes": ["fengqiao", "mediation_link"]}
    b.settings.shortcomings = [{"kind": "awareness", "cause": ""}, {"kind": "enforcement_staff", "cause": ""}]
    first, second = _sentences(_whole(a)), _sentences(_whole(b))
    shared = first & second
    ratio = len(shared) / min(len(first), len(second))
    print(f"shared {len(shared)} of {len(first)} / {len(second)} sentences: {ratio:.1%}")
    assert ratio <= 0.2, "\n".join(sorted(shared))


def test_phrasing_is_stable_for_a_township_and_differs_between_townships() -> None:
    ticks = {area: [p.id for p in found] for area, found in default_practices().items()}
    texts = {}
    for org in ("青山镇人民政府", "白河镇人民政府"):
        report = report_with(typical_facts(), org=org)
        report.settings.practices = ticks
        first = _whole(report)
        assert _whole(report) == first  # generating again gives the same text
        texts[org] = first.replace(org.removesuffix("人民政府"), "某镇")
    assert texts["青山镇人民政府"] != texts["白河镇人民政府"]


def test_numbers_are_right() -> None:
    report = report_with({"exam_taken": 2000, "exam_passed": 1999, "training_sessions": 12, "training_attendees": 460,
                          "leader_meetings": 3})
    report.last_year_facts = {"training_sessions": 10, "training_attendees": 400}
    measures = rendered(report, "measures")
    assert "合格率99.9%" in measures and "100%" not in measures
    assert "法治培训12场，比上年增加2场，参训干部460人次，比上年增加60人次。" in measures
    assert "主持召开法治建设专题会议3次" in rendered(report, "leader_duty")


def test_zeros_that_matter_read_naturally() -> None:
    report = report_with({"reconsideration_cases": 0, "lawsuits": 2, "lawsuits_lost": 0})
    text = rendered(report, "measures")
    assert "全年未发生行政复议案件" in text and "无败诉案件" in text
    report.facts = {"reconsideration_cases": 3, "reconsideration_corrected": 0}
    assert "未发生行政复议纠错案件" in rendered(report, "measures")


def test_laws_and_periods_are_written_in_house_style() -> None:
    report = report_with({"leader_study_topics": ["中华人民共和国行政复议法"], "law_work_plan": "2024年法治建设工作要点",
                          "honors": ["被评为市级法治政府建设示范乡镇"]})
    report.settings.practices = {"pufa": ["villages"]}
    text = _whole(report)
    assert "《中华人民共和国行政复议法》" in text and "《2024年法治建设工作要点》" in text
    assert "“八五”普法规划" in text and "“八五普法”" not in text
    assert "某某镇本年度被评为" in text  # the honour has its subject


def test_cases_are_woven_in_as_examples() -> None:
    report = report_with({"disputes_received": 20})
    report.settings.cases = {"disputes": ["村民甲乙因宅基地边界发生纠纷，调委会现场调解，双方签订协议", "另一事例"]}
    text = "\n".join(area_body(report, "disputes"))
    assert "如：村民甲乙因宅基地边界发生纠纷，调委会现场调解，双方签订协议。又如：另一事例。" in text


def test_picked_shortcomings_each_get_a_plan_that_names_them() -> None:
    report = report_with({})
    kinds = default_shortcoming_kinds()
    report.settings.shortcomings = [{"kind": k.id, "cause": ""} for k in kinds]
    shortcomings, plans = rendered(report, "shortcomings"), rendered(report, "plans")
    assert "【请填写" not in shortcomings + plans
    for kind in kinds:
        assert f"针对{kind.label.replace('{村}', '村（社区）')}的问题，" in plans
    assert plans.count("（") >= len(kinds)
    report.settings.shortcomings = [{"kind": "awareness", "cause": "学法流于形式"}]
    assert "学法流于形式。" in rendered(report, "shortcomings")


def test_choices_round_trip_and_old_drafts_still_load(tmp_path: Path) -> None:
    report = report_with(typical_facts())
    report.settings.practices = {"study": ["court_visit"]}
    report.settings.other_practices = {"study": ["每月一次以案释法"]}
    report.settings.cases = {"disputes": ["一个事例"]}
    report.settings.shortcomings = [{"kind": "awareness", "cause": "原因"}]
    path = tmp_path / "a.fzbg"
    save_draft(report, path)
    again = load_draft_bytes(path.read_bytes())
    assert again.settings == report.settings
    old = path.read_text(encoding="utf-8")
    old = re.sub(r"  (practices|other_practices|cases|shortcomings):\n(    .*\n|  - .*\n)*", "", old)
    assert "practices" not in old
    loaded = load_draft_bytes(old.encode("utf-8"))
    assert loaded.settings.practices == {} and loaded.settings.shortcomings == []


def test_a_fact_for_an_unpicked_area_picks_it_or_is_named() -> None:
    project = DraftProject(report_with({}))
    project.set_areas(["study"])
    assert project.set_fact("pufa_events", "36") is None
    assert "pufa" in project.area_ids
    project.set_areas(["study"])  # the writer unpicks it afterwards: the checklist names the lost figure
    findings = [f for f in default_checklist().run(project.report) if f.rule == "fact-unused"]
    assert len(findings) == 1 and "普法活动场次" in findings[0].message and "普法和法治宣传" in findings[0].message


def test_regenerating_over_edited_text_still_asks() -> None:
    project = DraftProject(report_with(typical_facts()))
    project.generate("measures")
    project.set_part_text("measures", project.part_text("measures") + "\n我们自己写的一段。")
    project.set_choices("practices", "study", ["court_visit"])
    decision = project.regeneration("measures")
    assert decision.asks and any(line.startswith("+") and "旁听" in line for line in decision.diff())


def test_empty_other_part_is_left_out_of_the_export(tmp_path: Path) -> None:
    import docx

    from drafting.export.writer import write_docx

    project = DraftProject(report_with({}))
    for part_id in ("preamble", *STATUTORY):
        project.generate(part_id)
    out = tmp_path / "a.docx"
    write_docx(project.report, out)
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "其他需要报告的情况" not in "".join(paragraphs)
    assert paragraphs.count("四、下一年度推进法治政府建设的主要安排") == 1
    project.set_fact("other_items", "本年度未发生因违法行政被追责的情况")
    project.generate("other")
    write_docx(project.report, out)
    assert "五、其他需要报告的情况" in [p.text for p in docx.Document(str(out)).paragraphs]


def test_cli_facts_and_new(tmp_path: Path) -> None:
    template = run_cli("facts")
    assert template.returncode == 0
    assert yaml.safe_load(template.stdout) is not None or True  # it parses as YAML
    parsed = yaml.safe_load(template.stdout)
    assert set(default_fact_catalog().ids) - {s.id for s in default_fact_catalog().specs if s.is_computed} <= set(parsed)
    assert "# 法治培训场次（场）" in template.stdout
    facts = tmp_path / "事实.yml"
    data = {k: v for k, v in full_facts().items()}
    data["practices"] = {"pufa": ["villages"]}
    data["cases"] = {"disputes": ["一个事例"]}
    facts.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "2026.fzbg"
    made = run_cli("new", "--org", "青山镇人民政府", "--year", "2026", "--to", "县委、县政府", "--facts", str(facts),
                   "--areas", "study", "-o", str(out))
    assert made.returncode == 0, made.stderr
    report = load_draft_bytes(out.read_bytes())
    assert set(report.settings.areas) >= {a.id for a in AREAS if a.id != "emergency"} - {"emergency"}
    checked = run_cli("check", str(out), "--json")
    findings = json.loads(checked.stdout)[0]["findings"]
    assert checked.returncode == 0 and not [f for f in findings if f["severity"] == "error"], findings


@pytest.mark.parametrize(("content", "words"), [
    ("training_sessions: 3\ncolour: red\n", "第 2 行：没有编号为“colour”的事实"),
    ("exam_taken: 80\nexam_passed: 90\n", "第 2 行：考试合格人数（90）不能大于实际参考人数（80）"),
    ("pufa_events: 十二\n", "第 1 行：“普法活动场次”填写的“十二”有误：请填写整数"),
    ("practices:\n  study: [flying]\n", "第 2 行：“study”没有编号为“flying”的做法"),
])
def test_cli_new_refuses_a_bad_facts_file_and_writes_nothing(tmp_path: Path, content: str, words: str) -> None:
    facts = tmp_path / "事实.yml"
    facts.write_text(content, encoding="utf-8")
    out = tmp_path / "a.fzbg"
    made = run_cli("new", "--org", "青山镇人民政府", "--year", "2026", "--facts", str(facts), "-o", str(out))
    assert made.returncode == 2 and words in made.stderr, made.stderr
    assert not out.exists()
