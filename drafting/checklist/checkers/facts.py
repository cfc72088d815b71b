"""Checkers over the entered facts (Report.facts, ids from templates/facts.yml).

fact-expression: conditions between facts written as Jinja2 expressions and
evaluated in Jinja2's sandbox (never eval); a condition is skipped while any
fact it names is missing. With ``in_text: true`` the facts are the figures one
paragraph states (drafting.figures: "调解成功180件……调解成功率98%"), each
paragraph on its own, so a rate is held against the counts given beside it.
number-vs-fact: a figure written in the text next to a label word
(调解成功率98%) that contradicts the entered fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jinja2 import TemplateError, meta

from drafting.checklist.budget import RuleLimit
from drafting.checklist.checkers.base import Checker, ParamError, string_list
from drafting.checklist.context import ReportView
from drafting.checklist.model import Finding
from drafting.data.areas import load_areas
from drafting.data.facts import default_fact_catalog
from drafting.data.figure_table import default_figure_table
from drafting.figures import FigureRule, figures_in
from drafting.writing.sandbox import LimitError, expression_environment, generate_capped, guarded_run

#: Seconds one check (its assert and detail) may run on one set of facts.
CHECK_SECONDS = 1.0


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


#: The guarded environment templates run in (optimizer off, operator and size limits, step budget).
_ENV = expression_environment({"plain": _plain})


class FactExpressionChecker(Checker):
    """Each check: ``assert`` (a Jinja2 expression over fact ids that must be true) and ``detail``
    (a Jinja2 template saying what is wrong, filled into the rule's {detail})."""

    KIND = "fact-expression"
    PARAMS = {"checks": (list,), "in_text": (bool,)}
    REQUIRED = frozenset({"checks"})
    #: With in_text: the parts that tell what was done (the plans' figures are targets).
    DEFAULT_PARTS = ("preamble", "measures", "shortcomings", "leader_duty", "other")

    def compile(self, params: dict[str, Any]) -> None:
        self.in_text = bool(params.get("in_text", False))
        self.checks: list[tuple[Any, frozenset[str], Any, str]] = []
        for index, entry in enumerate(params["checks"], start=1):
            if not isinstance(entry, dict) or set(entry) - {"assert", "detail"} or "assert" not in entry:
                raise ParamError(f"参数“checks”第 {index} 项应写成 {{assert: 表达式, detail: 说明}}")
            source = str(entry["assert"])
            try:
                names = frozenset(meta.find_undeclared_variables(_ENV.parse("{{ (" + source + ") }}")))
                expression = _ENV.compile_expression(source, undefined_to_none=False)
                detail = _ENV.from_string(str(entry.get("detail", source)))
            except TemplateError as exc:
                raise ParamError(f"参数“checks”第 {index} 项的表达式有误（{exc.message or exc}）") from None
            self.checks.append((expression, names, detail, source))

    def check(self, view: ReportView) -> Iterator[Finding]:
        if not self.in_text:
            for source, text, _names in self._failures(view.raw_facts):
                yield self.whole(None, "", detail=text, expression=source, where="填写的数据")
            return
        rules = _figure_rules()
        for para in view.in_parts(self.parts):
            found = figures_in(para.text, rules)
            if not found:
                continue
            figures = {fact: match.value for fact, match in found.items()}
            for source, text, names in self._failures(figures):
                first = min((found[name] for name in names), key=lambda match: match.start)
                yield self.at(para, first.start, first.words, detail=text, expression=source, where="文中的数字")

    def _failures(self, facts: dict[str, Any]) -> Iterator[tuple[str, str, frozenset[str]]]:
        """(expression, what is wrong, fact ids) for each check these facts fail."""
        for expression, names, detail, source in self.checks:
            if not names or any(facts.get(name) is None for name in names):
                continue
            values = {name: facts[name] for name in names}
            try:
                with guarded_run(CHECK_SECONDS):
                    ok = bool(expression(**values))
                    text = "" if ok else generate_capped(detail, values, "生成的说明")
            except LimitError as exc:
                raise RuleLimit(f"超出运行限制（表达式“{source}”：{exc}）") from None
            except (TemplateError, TypeError, ValueError, ZeroDivisionError, ArithmeticError):
                continue  # a fact of the wrong type (text where a number belongs): the form reports that
            if not ok:
                yield source, text, names


def _figure_rules() -> tuple[FigureRule, ...]:
    return default_figure_table().figures


_NUMBER = r"(\d+(?:\.\d+)?)"
#: Most characters allowed between a label and its figure (a sentence is rarely longer).
MAX_WINDOW = 200


class NumberVsFactChecker(Checker):
    """A figure written after a label word contradicts the entered (or computed) fact.

    Each entry: fact (id), labels (words that name it in the text), unit ("%", "件"...),
    window (characters between the label and the figure, default 12), tolerance.
    Approximate figures ("95%以上", "200余件", "近百件") are not compared.
    """

    KIND = "number-vs-fact"
    PARAMS = {"facts": (list,), "approximate": (list,), "figure_table": (bool,)}
    REQUIRED = frozenset({"facts"})
    DEFAULT_PARTS = ("preamble", "measures", "shortcomings", "leader_duty", "plans", "other")

    def compile(self, params: dict[str, Any]) -> None:
        self.entries: list[tuple[str, re.Pattern[str], float, str]] = []
        approximate = string_list(params.get("approximate", ["以上", "余", "多", "左右", "上下", "近"]), "approximate")
        after = "|".join(re.escape(a) for a in approximate)
        for index, entry in enumerate(params["facts"], start=1):
            if not isinstance(entry, dict) or set(entry) - {"fact", "labels", "unit", "window", "tolerance"}:
                raise ParamError(f"参数“facts”第 {index} 项应写成 {{fact: 事实编号, labels: [词语], unit: 单位}}")
            if not isinstance(entry.get("fact"), str):
                raise ParamError(f"参数“facts”第 {index} 项缺少 fact（事实编号，见 templates/facts.yml）")
            labels = string_list(entry.get("labels"), f"facts 第 {index} 项的 labels")
            unit = str(entry.get("unit", ""))
            window = entry.get("window", 12)
            tolerance = entry.get("tolerance", 0)
            if not isinstance(window, int) or not isinstance(tolerance, int | float):
                raise ParamError(f"参数“facts”第 {index} 项的 window 应是整数、tolerance 应是数字")
            if not 0 <= window <= MAX_WINDOW:
                raise ParamError(f"参数“facts”第 {index} 项的 window 应在 0 到 {MAX_WINDOW} 之间（实为 {window}）")
            label_re = "|".join(re.escape(label) for label in labels)
            regex = re.compile(
                rf"(?:{label_re})[^。；;，,\d]{{0,{window}}}?{_NUMBER}\s*{re.escape(unit)}(?!\s*(?:{after}))"
            )
            self.entries.append((entry["fact"], regex, float(tolerance), unit))
        # figure_table: every other fact too, by the label words of templates/carryover.yml.
        self.use_table = params.get("figure_table", False)
        self.approximate = re.compile(rf"(?:\d\s*(?:{after}))|(?:近|约)\d")

    def check(self, view: ReportView) -> Iterator[Finding]:
        if not self.entries or not view.report.facts:
            return
        facts = view.facts
        # A figure that is the value of another entered fact is that fact's ("可网上办理的政务服务事项
        # 142项" is the online items, not the 158 service items): labels are words, not fact ids.
        values = {float(v) for v in facts.values() if isinstance(v, int | float) and not isinstance(v, bool)}
        for para in view.in_parts(self.parts):
            if self.use_table:
                yield from self._by_table(para, facts, values)
            for fact_id, regex, tolerance, unit in self.entries:
                value = facts.get(fact_id)
                if isinstance(value, bool) or not isinstance(value, int | float):
                    continue
                for match in regex.finditer(para.text):
                    if para.text[max(0, match.start(1) - 1) : match.start(1)] in ("近", "约"):
                        continue
                    written = float(match.group(1))
                    if abs(written - value) > tolerance + 1e-9 and written not in values:
                        yield self.at(
                            para,
                            match.start(1),
                            match.group(1),
                            None,
                            written=match.group(1),
                            value=_plain(float(value)),
                            fact=fact_id,
                            label=_label(fact_id),
                            unit=unit,
                        )


    def _by_table(self, para: Any, facts: dict[str, Any], values: set[float]) -> Iterator[Finding]:
        """Figures the figure table finds for facts the rule's own entries do not name."""
        named = {fact_id for fact_id, *_rest in self.entries}
        for fact_id, match in figures_in(para.text, _figure_rules()).items():
            value = facts.get(fact_id)
            if fact_id in named or isinstance(value, bool) or not isinstance(value, int | float):
                continue
            if self.approximate.search(para.text, max(0, match.start - 1), match.end):
                continue  # "200余件", "近百件": not an exact figure to compare
            number = re.search(r"\d+(?:\.\d+)?", match.words)
            if number is None:
                continue
            written = float(number.group(0))
            unit = match.words[number.end():].strip().lstrip("余多").strip()
            tolerance = 0.5 if unit in ("%", "％") else 0
            if abs(written - value) > tolerance + 1e-9 and written not in values:
                yield self.at(para, match.start + number.start(), number.group(0), None, written=number.group(0),
                              value=_plain(float(value)), fact=fact_id, label=_label(fact_id), unit=unit)


def _label(fact_id: str) -> str:
    """The fact's Chinese label from the catalogue (its id if the catalogue lacks it)."""
    from drafting.data.facts import default_fact_catalog

    try:
        return default_fact_catalog().spec(fact_id).label
    except (KeyError, Exception):  # a broken catalogue only costs the nicer label
        return fact_id


class FactsUnusedChecker(Checker):
    """A fact was entered for a sub-area that is not picked: its figure is in no part of the report.

    One finding per such sub-area, naming the facts (their labels) and the sub-area. Only for drafts
    whose sub-areas were picked (made here, not read from another document).
    """

    KIND = "facts-unused"
    PARAMS: dict[str, tuple[type, ...]] = {}

    def compile(self, params: dict[str, Any]) -> None:
        return None

    def check(self, view: ReportView) -> Iterator[Finding]:
        if not view.report.settings.is_set("areas"):
            return  # a report read from Word or text: its sub-areas were never picked here
        catalog = default_fact_catalog()
        picked = set(view.report.settings.areas)
        facts = view.raw_facts
        for area in load_areas():
            if area.id in picked:
                continue
            labels = [spec.label for spec in catalog.for_group(area.fact_group)
                      if facts.get(spec.id) is not None and not spec.is_computed]
            if labels:
                yield self.whole("measures", "", area=area.name, facts="、".join(labels))
