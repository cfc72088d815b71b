"""Rules that could hang or crash the check (issue 15): catastrophic regexes refused at load,
a rule that overruns its time stopped and reported once, odd YAML values refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.checklist.budget import RuleOverrun, deadline
from drafting.checklist.engine import Checklist
from drafting.checklist.loader import load_rules
from drafting.checklist.regex_safety import catastrophic_reason
from drafting.errors import ChecklistError
from drafting.reading.text_reader import parse_text_report
from drafting.yamlio import YamlSyntaxError, parse_yaml_text
from tests import hostile, hostile_attacks

CATASTROPHIC = [r"^(a+)+$", r"(a*)*", r"(a|a)*", r"(.*a){20}", r"(\w+\s?)+$", r"((a+)b?)+", r".*.*.*.*x", r"(x|x)*y"]
SAFE = [r"\d+(?:\.\d+)+", r"(?:\d+\.)+", r"(?:开展|加强|推进)+", r"([a-z]+ )+", r"(\d{4})+", r"a*b*c*",
        r"(?:\d{1,3},)+\d+", r"(?<![0-9０-９.．])[1-9]余(?=[次场件])|(?:大约|约|近)\d+余"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_regex_is_named(pattern: str) -> None:
    assert catastrophic_reason(pattern)


@pytest.mark.parametrize("pattern", SAFE)
def test_ordinary_regex_passes(pattern: str) -> None:
    assert catastrophic_reason(pattern) is None


@pytest.mark.parametrize("pattern", [r"^(a+)+$", r"(a|a)*", r"(.*a){20}"])
def test_pattern_rule_with_catastrophic_regex_refused_naming_file_rule_and_line(pattern: str, tmp_path: Path) -> None:
    path = hostile_attacks.catastrophic_pattern_rule(tmp_path, pattern)
    with pytest.raises(ChecklistError) as caught:
        load_rules([path], include_user_dir=False)
    message = str(caught.value)
    assert path.name in message and "county-aaa" in message and "第 3 行" in message
    assert "嵌套" in message or "选择项" in message


def test_editing_leftover_pattern_refused(tmp_path: Path) -> None:
    path = hostile_attacks.catastrophic_leftover_rule(tmp_path)
    with pytest.raises(ChecklistError, match="editing-leftover"):
        load_rules([path], include_user_dir=False)


def test_rule_over_its_time_is_stopped_and_reported_once(tmp_path: Path) -> None:
    rules_file = tmp_path / "slow.yml"
    rules_file.write_text("version: 1\nrules:\n  - id: county-slow\n    kind: pattern\n    severity: warning\n"
                          "    regex: 'a*a*a*b'\n    message: 慢\n", encoding="utf-8")
    rules = [r for r in load_rules([rules_file], include_user_dir=False) if r.id in ("county-slow", "fazhi-term")]
    report = parse_text_report(hostile.REPORT_TEXT.replace("全年开展法治培训12场。", "a" * 3000 + "\n全年开展法治培训12场。"))
    checklist = Checklist(rules)
    import drafting.checklist.engine as engine

    original = engine.rule_seconds
    engine.rule_seconds = lambda _n: 0.5
    try:
        findings = checklist.run(report)
    finally:
        engine.rule_seconds = original
    slow = [f for f in findings if f.rule == "county-slow"]
    assert len(slow) == 1 and "已停止" in slow[0].message and "slow.yml" in slow[0].suggestion


def test_deadline_interrupts_a_regex_in_the_main_thread() -> None:
    import re

    with pytest.raises(RuleOverrun), deadline(0.2):
        re.match(r"^(a+)+$", "a" * 40 + "!")


@pytest.mark.parametrize(("text", "words"), [
    ("a: " + "9" * 5000, "5000 位"),
    ("? [a, b]\n: 1", "键应是文字或数字"),
])
def test_odd_yaml_values_are_refused_with_the_line(text: str, words: str) -> None:
    with pytest.raises(YamlSyntaxError, match=words) as caught:
        parse_yaml_text("x: 1\n" + text)
    assert "第 2 行" in str(caught.value)


def test_impossible_date_stays_text() -> None:
    assert parse_yaml_text("org: 2024-13-45\nday: 2024-03-05") == {"org": "2024-13-45", "day": "2024-03-05"}


@pytest.mark.parametrize(("attack", "words"), [
    ("window", "window 应在 0 到 200"), ("long-int", "5000 位"), ("unhashable", "键应是文字或数字"),
])
def test_rule_file_loader_errors_name_file_and_line(attack: str, words: str, tmp_path: Path) -> None:
    path = hostile_attacks.loader_rule(tmp_path, attack)
    with pytest.raises(ChecklistError) as caught:
        load_rules([path], include_user_dir=False)
    assert path.name in str(caught.value) and words in str(caught.value) and "行" in str(caught.value)


def test_a_count_with_thousands_of_digits_is_refused_in_the_form() -> None:
    from drafting.data.facts import default_fact_catalog, parse_fact

    value, message = parse_fact(default_fact_catalog().spec("training_sessions"), "7" * 4301)
    assert value is None and message and "过大" in message
