"""Run a checklist over a report: compile the rules once, share one ReportView, sort findings.

``run_checklist(rules, report)`` is all the window and the CLI need; a
Checklist object keeps the compiled checkers for repeated runs (the window
re-checks while the writer types).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path

from drafting.checklist.budget import RuleLimit, RuleOverrun, deadline, rule_seconds
from drafting.checklist.checkers import CHECKERS, Checker
from drafting.checklist.context import ReportView
from drafting.checklist.loader import load_rules
from drafting.checklist.model import Finding, RuleSpec, Severity
from drafting.model import Report

logger = logging.getLogger(__name__)


class Checklist:
    """Compiled checkers for a set of rules (disabled rules left out)."""

    def __init__(self, rules: Sequence[RuleSpec]) -> None:
        self.rules = tuple(rules)
        self.checkers: list[Checker] = [CHECKERS[rule.kind](rule) for rule in self.rules if rule.enabled]

    def run(self, report: Report, *, segment: bool = True, on_rule: Callable[[str], None] | None = None,
            skip: Collection[str] = ()) -> list[Finding]:
        """Every finding, sorted; segment=False runs without jieba (see ReportView).

        on_rule(rule id) is called before each rule starts (the window's check process reports
        which rule runs, so a check it has to stop can name the rule); the rules in skip (stopped
        by the window last time) are not run but reported as stopped.
        """
        view = ReportView(report, segment=segment)
        found: set[Finding] = set()
        seconds = rule_seconds(len(view.paragraphs))
        if view.paragraphs and segment:
            from drafting.checklist.segment import tokenizer

            tokenizer()  # loaded once, before any rule's time starts (not at all without words: export)
        for checker in self.checkers:
            if checker.rule.id in skip:
                found.add(_rule_overrun(checker.rule, "上次检查时运行过久"))
                continue
            if on_rule is not None:
                on_rule(checker.rule.id)
            try:
                with deadline(seconds) as limit:
                    for finding in checker.check(view):
                        found.add(finding)
                        limit.check()
                    limit.check()
            except RuleOverrun:
                logger.info("rule %s stopped after %.0f s", checker.rule.id, seconds)
                found.add(_rule_overrun(checker.rule, f"运行超过 {seconds:.0f} 秒"))
            except RuleLimit as exc:
                found.add(_rule_overrun(checker.rule, str(exc)))
            except Exception:  # one broken rule must not hide the findings of all the others
                logger.debug("rule %s failed", checker.rule.id, exc_info=True)
                found.add(_rule_failed(checker.rule))
        return sorted(found)


def _rule_failed(rule: RuleSpec) -> Finding:
    """Say that a rule could not run, rather than pretend it found nothing."""
    return _not_applied(rule, "运行出错，已跳过这条规则", "请检查“{source}”第 {line} 行这条规则的参数")


def _rule_overrun(rule: RuleSpec, reason: str) -> Finding:
    """A rule stopped by its budget: said once, by its id, so the writer knows it was not applied."""
    return _not_applied(rule, f"{reason}，已停止并跳过这条规则",
                        "请简化“{source}”第 {line} 行这条规则（如过于复杂的正则表达式或计算）")


def _not_applied(rule: RuleSpec, what: str, fix: str) -> Finding:
    return Finding(
        rule=rule.id,
        severity=Severity.INFO,
        part=None,
        line=None,
        column=None,
        match="",
        message=f"检查规则“{rule.id}”{what}",
        suggestion=fix.format(source=rule.source, line=rule.line) + "；其他规则的结果不受影响",
    )


def worst_by_part(findings: Iterable[Finding]) -> dict[str, Severity]:
    """The most serious severity found in each part (for the outline's step status)."""
    worst: dict[str, Severity] = {}
    for finding in findings:
        if finding.part is None:
            continue
        current = worst.get(finding.part)
        if current is None or finding.severity.rank < current.rank:
            worst[finding.part] = finding.severity
    return worst


@functools.lru_cache(maxsize=8)
def _compiled(rules: tuple[RuleSpec, ...]) -> Checklist:
    return Checklist(rules)


def compile_checklist(rules: Iterable[RuleSpec]) -> Checklist:
    """A Checklist for these rules, compiled once per distinct rule set."""
    return _compiled(tuple(rules))


def run_checklist(rules: Iterable[RuleSpec], report: Report) -> list[Finding]:
    """Every finding of the rules on the report, in stable order."""
    return compile_checklist(rules).run(report)


def default_checklist(extra_files: Iterable[Path] = ()) -> Checklist:
    """The shipped rules plus the user's folder and the given files, compiled.

    Raises:
        ChecklistError: a checklist file is invalid.
    """
    return compile_checklist(load_rules(extra_files))
