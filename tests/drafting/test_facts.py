"""The fact catalogue: strict loading, parsing what the writer types, computed rates, contradictions."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.data.facts import (
    FactSpec,
    computed_facts,
    default_fact_catalog,
    effective_facts,
    fact_problems,
    format_fact,
    load_fact_catalog,
    parse_fact,
)
from drafting.errors import DataFileError

#: Ids the checklist and older drafts rely on; they must never disappear from facts.yml.
LEGACY_IDS = (
    "center_group_sessions", "center_group_law_sessions", "pre_meeting_law_sessions", "leader_meetings",
    "leader_law_lectures", "inspection_issues_found", "inspection_issues_fixed", "training_sessions",
    "training_attendees", "exam_expected", "exam_taken", "exam_passed", "exam_pass_rate", "legal_advisers",
    "villages_total", "villages_with_adviser", "legality_reviews", "major_decisions", "normative_docs_issued",
    "normative_docs_filed", "enforcement_staff", "enforcement_certified", "enforcement_cert_rate", "penalty_cases",
    "inspection_cases", "legal_review_cases", "service_items", "service_cases", "disclosure_active",
    "disclosure_requests", "disclosure_requests_done", "disputes_received", "disputes_resolved",
    "dispute_success_rate", "petitions_received", "petitions_closed", "reconsideration_cases",
    "reconsideration_corrected", "lawsuits", "lawsuits_lost", "leader_court_appearances", "pufa_events",
    "pufa_reach", "pufa_materials", "legal_literates", "demo_villages",
)


def spec(fact_type: str, **kwargs: object) -> FactSpec:
    return FactSpec(id="x", label="测试", type=fact_type, **kwargs)  # type: ignore[arg-type]


def test_shipped_catalogue_keeps_every_legacy_id_and_has_lists_for_shortcomings_and_plans() -> None:
    catalog = default_fact_catalog()
    for fact_id in LEGACY_IDS:
        assert catalog.has(fact_id), fact_id
    assert catalog.spec("shortcoming_items").type == "list"
    assert catalog.spec("plan_items").type == "list"
    assert catalog.spec("exam_pass_rate").rate_of == ("exam_passed", "exam_taken")
    assert {s.id for s in catalog.for_group("leader_duty")} >= {"center_group_law_sessions", "leader_meetings"}
    # Every count has an example so the form can show one.
    assert all(s.example for s in catalog.specs if s.type == "count" and s.group not in ("supervision",))


@pytest.mark.parametrize(
    ("fact_type", "raw", "value", "error"),
    [
        ("count", "12", 12, None),
        ("count", " １２ ", 12, None),
        ("count", "1,200", 1200, None),
        ("count", "12次", 12, None),
        ("count", "", None, None),
        ("count", "   ", None, None),
        ("count", "12.5", None, "请填写整数"),
        ("count", "十二", None, "请填写整数"),
        ("count", "-3", None, "不能小于 0"),
        ("percent", "98.5", 98.5, None),
        ("percent", "98.5%", 98.5, None),
        ("percent", "100", 100.0, None),
        ("percent", "100.1", None, "不能大于 100"),
        ("percent", "abc", None, "请填写百分数，如 98.5"),
        ("number", "3.25", 3.25, None),
        ("date", "2024年3月5日", "2024-03-05", None),
        ("date", "2024-3-5", "2024-03-05", None),
        ("date", "2024.03.05", "2024-03-05", None),
        ("date", "2024年2月30日", None, "没有这一天，请检查月份和日期"),
        ("date", "三月五日", None, "请按“2024年3月5日”或“2024-03-05”的格式填写日期"),
        ("text", "  工作要点  ", "工作要点", None),
        ("list", "甲\n\n  乙  \n", ["甲", "乙"], None),
    ],
)
def test_parse_fact(fact_type: str, raw: str, value: object, error: str | None) -> None:
    unit = "次" if fact_type == "count" else ("%" if fact_type == "percent" else "")
    assert parse_fact(spec(fact_type, unit=unit), raw) == (value, error)


def test_parse_fact_respects_catalogue_bounds_and_list_limits() -> None:
    assert parse_fact(spec("count", max=10), "11") == (None, "不能大于 10")
    assert parse_fact(spec("number", min=1.5), "1") == (None, "不能小于 1.5")
    assert parse_fact(spec("list"), "\n".join(["项"] * 51))[1] == "最多填写 50 项"
    assert parse_fact(spec("text"), "一\n二")[1] == "请填写在一行内"


def test_format_fact_round_trips() -> None:
    catalog = default_fact_catalog()
    for fact_id, raw in (("training_sessions", "12"), ("exam_pass_rate", "98.5"), ("shortcoming_items", "甲——乙\n丙")):
        fact = catalog.spec(fact_id)
        value, error = parse_fact(fact, raw)
        assert error is None
        assert format_fact(fact, value) == raw
    assert format_fact(catalog.spec("exam_pass_rate"), 100.0) == "100"


def test_rates_are_computed_only_when_both_counts_are_known() -> None:
    catalog = default_fact_catalog()
    assert computed_facts(catalog, {"exam_passed": 83, "exam_taken": 84}) == {"exam_pass_rate": 98.8}
    assert computed_facts(catalog, {"exam_passed": 83}) == {}
    assert computed_facts(catalog, {"exam_passed": 0, "exam_taken": 0}) == {}
    rates = computed_facts(catalog, {"enforcement_certified": 1, "enforcement_staff": 8})
    assert rates == {"enforcement_cert_rate": 12.5}
    merged = effective_facts(catalog, {"exam_passed": 1, "exam_taken": 3, "exam_pass_rate": 50})
    assert merged["exam_pass_rate"] == 33.3
    assert merged["lawsuits"] is None


@pytest.mark.parametrize(
    ("facts", "fact_id", "words"),
    [
        ({"exam_passed": 90, "exam_taken": 84}, "exam_passed", "考试合格人数（90）不能大于实际参考人数（84）"),
        ({"enforcement_certified": 31, "enforcement_staff": 30}, "enforcement_certified", "不能大于在岗执法人员数"),
        ({"inspection_issues_fixed": 10, "inspection_issues_found": 9}, "inspection_issues_fixed", "不能大于法治督查发现问题数"),
        ({"training_attendees": 3, "training_sessions": 12}, "training_attendees", "不能少于法治培训场次"),
        ({"dispute_success_rate": 120}, "dispute_success_rate", "不能大于 100"),
        ({"exam_pass_rate": 80, "exam_passed": 83, "exam_taken": 84}, "exam_pass_rate", "与按计数算出的 98.8% 不符"),
    ],
)
def test_fact_problems_report_contradictions(facts: dict, fact_id: str, words: str) -> None:
    problems = fact_problems(default_fact_catalog(), facts)
    assert fact_id in problems
    assert words in problems[fact_id]


def test_consistent_facts_have_no_problems() -> None:
    facts = {
        "exam_expected": 86, "exam_taken": 84, "exam_passed": 84, "exam_pass_rate": 100,
        "enforcement_staff": 30, "enforcement_certified": 30, "training_sessions": 2, "training_attendees": 80,
        "dispute_success_rate": 97.4, "disputes_received": 215, "disputes_resolved": 209,
    }
    assert fact_problems(default_fact_catalog(), facts) == {}


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "facts.yml"
    path.write_text("version: 1\nfacts:\n" + body, encoding="utf-8")
    return path


def test_unknown_key_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "  - id: a\n    label: 甲\n    type: count\n    group: g\n    colour: red\n")
    with pytest.raises(DataFileError) as info:
        load_fact_catalog(path)
    assert "第 7 行" in str(info.value) and "colour" in str(info.value) and str(path) in str(info.value)


def test_bad_type_reference_and_duplicate_are_all_reported(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "  - {id: a, label: 甲, type: counter, group: g}\n"
        "  - {id: b, label: 乙, type: count, group: g, at_most: nowhere}\n"
        "  - {id: b, label: 丙, type: count, group: g}\n"
        "  - {id: r, label: 率, type: percent, group: g, rate_of: [b, missing]}\n",
    )
    with pytest.raises(DataFileError) as info:
        load_fact_catalog(path)
    problems = info.value.problems
    assert any("counter" in p and "第 3 行" in p for p in problems)
    assert any("nowhere" in p for p in problems)
    assert any("“b”重复" in p for p in problems)
    assert any("missing" in p for p in problems)


def test_a_valid_small_catalogue_loads(tmp_path: Path) -> None:
    path = _write(tmp_path, "  - {id: a, label: 甲, type: count, unit: 次, group: g, example: '3'}\n")
    catalog = load_fact_catalog(path)
    assert catalog.spec("a").unit == "次" and catalog.spec("a").example == "3"
    with pytest.raises(KeyError):
        catalog.spec("b")


def test_effective_facts_drop_values_of_the_wrong_type() -> None:
    """A hand-edited draft may hold anything; templates only ever see well-typed values."""
    catalog = default_fact_catalog()
    facts = {
        "training_sessions": "12", "training_attendees": True, "exam_taken": 84, "exam_passed": 83.0,
        "shortcoming_items": ["甲", 3, None, {"x": 1}, "  "] + ["项"] * 80, "plan_items": "不是列表",
        "law_work_plan": ["不是文字"], "dispute_success_rate": "97",
    }
    merged = effective_facts(catalog, facts)
    assert merged["training_sessions"] is None and merged["training_attendees"] is None
    assert merged["exam_taken"] == 84 and merged["exam_passed"] is None
    assert merged["exam_pass_rate"] is None  # no rate from a dropped count
    assert merged["shortcoming_items"][:2] == ["甲", "3"] and len(merged["shortcoming_items"]) == 50
    assert merged["plan_items"] is None and merged["law_work_plan"] is None
    assert merged["dispute_success_rate"] is None
