"""Figures in a text recognised by their label words (drafting.figures, templates/carryover.yml's table)."""

from __future__ import annotations

import pytest

from drafting.data.figure_table import load_figure_table
from drafting.figures import figure_rule, figures_in

pytestmark = pytest.mark.core

RULES = load_figure_table().figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年排查化解矛盾纠纷82件，调解成功80件，调解成功率97.6%。",
         {"disputes_received": 82, "disputes_resolved": 80, "dispute_success_rate": 97.6}),
        ("组织法律知识考试，应考86人，实考84人，合格84人，合格率100%。",
         {"exam_expected": 86, "exam_taken": 84, "exam_passed": 84, "exam_pass_rate": 100}),
        ("全镇现有在岗执法人员32人，其中持证30人，持证率93.8%。",
         {"enforcement_staff": 32, "enforcement_certified": 30, "enforcement_cert_rate": 93.8}),
        ("组织执法人员参加培训32人次。", {}),  # 人次 is no count of people
        ("发放宣传资料6000余份。", {"pufa_materials": 6000}),
        ("这一句没有数字。", {}),
    ],
)
def test_figures_in_a_sentence(text: str, expected: dict[str, float]) -> None:
    assert {fact: match.value for fact, match in figures_in(text, RULES).items()} == expected


def test_one_span_serves_one_fact_the_earlier_rule_first() -> None:
    received = figure_rule("received", ["排查化解矛盾纠纷"], ["件"], 10)
    resolved = figure_rule("resolved", ["化解矛盾纠纷", "调解成功"], ["件"], 10)
    text = "排查化解矛盾纠纷82件，调解成功80件。"
    found = figures_in(text, [received, resolved])
    assert (found["received"].value, found["resolved"].value) == (82, 80)
    assert text[found["resolved"].start:found["resolved"].end] == "调解成功80件"
    # in the other order the words go to the other fact
    assert figures_in(text, [resolved, received])["resolved"].value == 82
