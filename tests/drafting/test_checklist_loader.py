"""Loading checklist files: the shipped ones, user overrides by id, and malformed files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from drafting import paths
from drafting.checklist import CHECKERS, Severity, load_rules, run_checklist
from drafting.checklist.checkers.text import load_terms
from drafting.checklist.engine import Checklist
from drafting.errors import ChecklistError
from tests.drafting.checklist_helpers import body_report

pytestmark = pytest.mark.core

PUBLIC_IDS = {
    "part-missing", "signature-missing", "date-missing", "date-format", "addressee-missing",
    "heading-numbering", "year-mismatch", "term-by-year", "fazhi-term", "editing-leftover",
    "causes-missing", "plans-unanswered", "substance", "fact-consistency", "number-vs-fact",
    "count-wording", "rare-char", "copied-from-last-year", "org-mismatch", "whole-year-early", "beyond-powers",
    "wording", "figures-contradict",
}


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def test_every_shipped_checklist_file_loads() -> None:
    shipped = sorted(paths.checklists_dir().glob("*.yml"))
    assert {p.name for p in shipped} >= {"default.yml", "terms.yml"}
    rules = load_rules(include_user_dir=False)
    assert {r.id for r in rules} >= PUBLIC_IDS
    assert all(r.kind in CHECKERS and r.message for r in rules)
    Checklist(rules)  # every rule compiles
    terms = load_terms(paths.checklists_dir() / "terms.yml")
    assert len(terms) >= 20
    for path in shipped:
        if path.name not in ("default.yml", "terms.yml"):
            load_rules([path], include_user_dir=False)


def test_rules_carry_file_and_line() -> None:
    rules = {r.id: r for r in load_rules(include_user_dir=False)}
    text = (paths.checklists_dir() / "default.yml").read_text(encoding="utf-8").splitlines()
    rule = rules["fazhi-term"]
    assert rule.source.endswith("default.yml") and text[rule.line - 1].strip() == "- id: fazhi-term"
    assert rule.severity is Severity.ERROR and rules["plans-unanswered"].severity is Severity.INFO


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("  - id: my-rule\n    kind: spelling\n    severity: error\n    message: x\n", 4, ["my-rule", "未知的 kind“spelling”", "pattern"]),
        ("  - id: my-rule\n    kind: pattern\n    severity: error\n    regex: 打造\n    colour: red\n    message: x\n", 7, ["my-rule", "未知的键“colour”"]),
        ("  - id: my-rule\n    kind: pattern\n    severity: fatal\n    regex: 打造\n    message: x\n", 5, ["my-rule", "severity"]),
        ("  - id: my-rule\n    kind: pattern\n    regex: 打造\n    message: x\n", 3, ["my-rule", "缺少 severity"]),
        ("  - id: my-rule\n    kind: pattern\n    severity: info\n    regex: '打造('\n    message: x\n", 3, ["my-rule", "正则表达式有误"]),
        ("  - id: my-rule\n    kind: pattern\n    severity: info\n    message: x\n", 3, ["my-rule", "缺少参数“regex”"]),
        ("  - id: My Rule\n    kind: pattern\n", 3, ["id"]),
        ("  - id: fazhi-term\n    kind: pattern\n", 4, ["fazhi-term", "kind"]),
        ("  - id: my-rule\n    kind: pattern\n    severity: info\n    regex: 打造\n    message: x\n    parts: [nowhere]\n", 8, ["parts"]),
    ],
)
def test_malformed_rule_rejected_with_file_line_and_rule(tmp_path: Path, body: str, line: int, words: list[str]) -> None:
    bad = write(tmp_path / "县里的规则.yml", "version: 1\nrules:\n" + body)
    with pytest.raises(ChecklistError) as info:
        load_rules([bad], include_user_dir=False)
    message = info.value.message
    assert f"“{bad}”第 {line} 行" in message, message
    for word in words:
        assert word in message


def test_all_problems_of_all_files_collected(tmp_path: Path) -> None:
    one = write(tmp_path / "a.yml", "version: 1\nrules:\n  - id: x-1\n    kind: nope\n    severity: info\n    message: m\n")
    two = write(tmp_path / "b.yml", "version: 2\nrules:\n  - id: x-2\n    kind: pattern\n    severity: info\n    message: m\n")
    with pytest.raises(ChecklistError) as info:
        load_rules([one, two], include_user_dir=False)
    lines = info.value.message.splitlines()[1:]
    assert len(lines) == 3
    assert any("a.yml" in ln and "x-1" in ln for ln in lines)
    assert any("b.yml" in ln and "version" in ln for ln in lines)
    assert any("b.yml" in ln and "x-2" in ln and "regex" in ln for ln in lines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("version: 1\nrules:\n  - &a {id: x}\n  - *a\n", "别名"),
        ("version: 1\nrules: [\n", "YAML 格式错误"),
        ("- just a list\n", "version: 1"),
        ("version: 1\nrules:\n  - id: x\n  - id: x\n", "x"),
    ],
)
def test_bad_yaml_rejected(tmp_path: Path, text: str, expected: str) -> None:
    bad = write(tmp_path / "bad.yml", text)
    with pytest.raises(ChecklistError) as info:
        load_rules([bad], include_user_dir=False)
    assert str(bad) in info.value.message and expected in info.value.message


def test_bad_terms_file_rejected_with_line(tmp_path: Path) -> None:
    terms = write(tmp_path / "terms.yml", "version: 1\nterms:\n  - {term: 七五普法, from: 2016, to: 2020}\n  - {term: x, when: 2020}\n")
    extra = write(tmp_path / "extra.yml", f"version: 1\nrules:\n  - id: term-by-year\n    file: {terms}\n")
    with pytest.raises(ChecklistError) as info:
        load_rules([extra], include_user_dir=False)
    assert "第 4 行" in info.value.message and "when" in info.value.message and "term-by-year" in info.value.message


# ---- user overrides -------------------------------------------------------------------------------

def test_user_folder_turns_off_changes_and_adds() -> None:
    folder = paths.user_checklists_dir()
    folder.mkdir(parents=True)
    write(
        folder / "本县.yml",
        """
        version: 1
        rules:
          - id: fazhi-term
            enabled: false
          - id: count-wording
            severity: error
          - id: substance
            severity: warning
            example: "典型事例"
          - id: no-dazao
            kind: pattern
            severity: info
            regex: 打造
            message: “{match}”是口号化用语
            suggestion: 写明做了什么
        """,
    )
    rules = {r.id: r for r in load_rules()}
    assert rules["fazhi-term"].enabled is False
    assert rules["count-wording"].severity is Severity.ERROR and rules["count-wording"].params["regex"]
    assert rules["substance"].params["example"] == "典型事例" and "figure" in rules["substance"].params
    assert rules["no-dazao"].source.endswith("本县.yml")
    report = body_report("加强法制宣传，打造法治文化阵地，开展学习6余次。")
    found = run_checklist(list(rules.values()), report)
    by_rule = {f.rule: f for f in found}
    assert "fazhi-term" not in by_rule
    assert by_rule["count-wording"].severity is Severity.ERROR
    assert by_rule["no-dazao"].message == "“打造”是口号化用语"


def test_checklist_option_comes_after_the_user_folder(tmp_path: Path) -> None:
    folder = paths.user_checklists_dir()
    folder.mkdir(parents=True)
    write(folder / "a.yml", "version: 1\nrules:\n  - id: rare-char\n    severity: error\n")
    extra = write(tmp_path / "b.yml", "version: 1\nrules:\n  - id: rare-char\n    severity: info\n")
    rules = {r.id: r for r in load_rules([extra])}
    assert rules["rare-char"].severity is Severity.INFO
    assert {r.id: r for r in load_rules()}["rare-char"].severity is Severity.ERROR
    assert {r.id: r for r in load_rules(include_user_dir=False)}["rare-char"].severity is Severity.WARNING


def test_fact_expressions_are_sandboxed(tmp_path: Path) -> None:
    evil = write(
        tmp_path / "evil.yml",
        """
        version: 1
        rules:
          - id: evil
            kind: fact-expression
            severity: error
            message: "{detail}"
            checks:
              - {assert: "exam_taken.__class__.__mro__[1].__subclasses__() == 0", detail: x}
        """,
    )
    rules = [r for r in load_rules([evil], include_user_dir=False) if r.id == "evil"]
    report = body_report("开展培训12次。", facts={"exam_taken": 3})
    assert run_checklist(rules, report) == []  # the sandbox refuses; the check is skipped, nothing runs


def test_example_county_file_does_what_it_says() -> None:
    example = paths.checklists_dir() / "example-county.yml"
    rules = {r.id: r for r in load_rules([example], include_user_dir=False)}
    assert rules["addressee-missing"].enabled is False
    assert rules["causes-missing"].severity is Severity.ERROR
    assert rules["copied-from-last-year"].params["threshold"] == 0.8
    report = body_report("打造法治文化阵地，依法治县办公室指导，共12次。")
    found = {f.rule: f for f in run_checklist(list(rules.values()), report)}
    assert found["county-slogans"].match == "打造"
    assert found["county-names"].fix == "县委依法治县办"
