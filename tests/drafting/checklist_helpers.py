"""Helpers shared by the checklist tests: build a report from text and run chosen rules on it."""

from __future__ import annotations

import textwrap
from typing import Any

from drafting.checklist import Finding, load_rules, run_checklist
from drafting.model import Report
from drafting.reading.text_reader import parse_text_report


def report_from(text: str, year: int | None = None, **extra: Any) -> Report:
    report = parse_text_report(textwrap.dedent(text).strip("\n") + "\n")
    if year is not None:
        report.meta.year = year
    for key, value in extra.items():
        setattr(report, key, value)
    return report


def findings(report: Report, rule_id: str | None = None) -> list[Finding]:
    rules = load_rules(include_user_dir=False)
    if rule_id is not None:
        rules = [r for r in rules if r.id == rule_id]
        assert rules, f"no rule {rule_id}"
    return run_checklist(rules, report)


def body_report(body: str, year: int = 2024, **extra: Any) -> Report:
    """A complete, clean report frame around a measures body (for single-rule tests)."""
    text = f"""\
青石镇人民政府关于{year}年度法治政府建设情况的报告

县委、县政府：
现将{year}年度法治政府建设情况报告如下：
一、主要举措和成效
{body}
二、党政主要负责人履行推进法治建设第一责任人职责情况
主持召开法治建设专题会议3次。
三、存在的不足和原因
一是执法不够规范，主要是新进人员多、培训不足。
四、{year + 1}年主要安排
一是加强执法培训，规范执法行为。

青石镇人民政府
{year + 1}年1月10日
"""
    return report_from(text, **extra)
