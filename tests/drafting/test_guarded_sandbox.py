"""Templates and fact-expression rules run in one guarded environment (issue 15): no constant
folding, limits on int and string operations, a step/time budget inside loops, output capped."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.checklist.engine import Checklist
from drafting.checklist.loader import load_rules
from drafting.errors import TemplateRenderError
from drafting.files.storage import load_draft_bytes
from drafting.writing import sandbox
from drafting.writing.render import render_template
from tests import hostile_attacks

HOSTILE_TEMPLATES = {
    "string-loops": ("{% set s = 'x' * 9999 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}done", "秒"),
    "int-tower": ("{{ 9999**64**64 }}", "整数过大"),
    "int-squaring": ("{% set ns = namespace(n=3) %}{% for i in range(40) %}{% set ns.n = ns.n * ns.n %}{% endfor %}x",
                     "整数过大"),
    "replace-method": ("{% set a = 'x' * 9999 %}{{ a.replace('', a)|length }}", "replace()"),
    "replace-filter": ("{% set a = 'x' * 9999 %}{{ a|replace('', a)|length }}", "replace()"),
    "concat-doubling": ("{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
                        "{% endfor %}{{ ns.s|length }}", "~"),
    "plus-doubling": ("{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s + ns.s %}"
                      "{% endfor %}{{ ns.s|length }}", "拼接"),
    "join-method": ("{% set a = 'x' * 9999 %}{{ a.join([a] * 50)|length }}", "join()"),
    "join-filter": ("{% set a = 'x' * 9999 %}{{ ([a] * 50)|join(a)|length }}", "join()"),
    "format-repeat": ("{% set a = 'x' * 9999 %}{{ '{0}{0}{0}{0}{0}{0}{0}{0}{0}{0}{0}{0}{0}{0}'.format(a)|length }}",
                      "format()"),
    "huge-repeat": ("{{ 'a' * 4000000000 }}", "过长"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEMPLATES))
def test_hostile_template_gets_a_clear_error_naming_it(name: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.5)
    source, words = HOSTILE_TEMPLATES[name]
    (tmp_path / f"{name}.j2").write_text(source, encoding="utf-8")
    with pytest.raises(TemplateRenderError) as caught:
        render_template(f"{name}.j2", {}, tmp_path)
    assert f"{name}.j2" in str(caught.value) and words in str(caught.value)


def test_constant_expression_is_not_folded_at_load(tmp_path: Path) -> None:
    (tmp_path / "fold.j2").write_text("{% if false %}{{ 'a' * 10**10 }}{% endif %}好", encoding="utf-8")
    assert render_template("fold.j2", {}, tmp_path) == "好"


def test_ordinary_loops_and_methods_still_work(tmp_path: Path) -> None:
    (tmp_path / "ok.j2").write_text(
        "{% for c in 'abc' %}{{ c.upper() }}{% endfor %}{{ '、'.join(['甲', '乙']) }}{{ 'x'.replace('x', 'y') }}"
        "{{ '{}件'.format(3) }}{{ 'a' ~ 'b' }}", encoding="utf-8")
    assert render_template("ok.j2", {}, tmp_path) == "ABC甲、乙y3件ab"


def test_tracer_is_removed_after_a_render(tmp_path: Path) -> None:
    import sys

    (tmp_path / "t.j2").write_text("{% for c in 'ab' %}{{ c }}{% endfor %}", encoding="utf-8")
    before = sys.gettrace()
    render_template("t.j2", {}, tmp_path)
    assert sys.gettrace() is before


@pytest.mark.parametrize("attack", sorted(set(hostile_attacks.FACT_ATTACKS) - {"fold-at-load"}))
def test_fact_expression_over_its_budget_is_reported_once_and_skipped(attack: str, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import drafting.checklist.checkers.facts as facts

    monkeypatch.setattr(facts, "CHECK_SECONDS", 0.3)
    rules_file = hostile_attacks.fact_expression_rule(tmp_path, attack)
    rules = [r for r in load_rules([rules_file], include_user_dir=False) if r.id == f"county-{attack}"]
    report = load_draft_bytes(hostile_attacks.draft_with_facts(tmp_path).read_bytes())
    findings = Checklist(rules).run(report)
    assert [f.rule for f in findings] == [f"county-{attack}"]
    assert "已停止并跳过" in findings[0].message


def test_constant_assert_is_not_evaluated_at_load(tmp_path: Path) -> None:
    rules_file = hostile_attacks.fact_expression_rule(tmp_path, "fold-at-load")
    assert any(r.id == "county-fold-at-load" for r in load_rules([rules_file], include_user_dir=False))
