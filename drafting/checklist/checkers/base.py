"""The base of every checker: parameter schema, compile-once, finding helpers.

A checker is built once from a RuleSpec (compiling its regexes and word
lists, raising ParamError for bad parameters) and then run against any
number of reports through check(view).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from drafting.checklist.context import Paragraph, ReportView
from drafting.checklist.model import Finding, RuleSpec
from drafting.checklist.regex_safety import catastrophic_reason

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
#: Paragraph-ending punctuation (a body paragraph normally ends with one of these).
END_PUNCT = "。；;！!？?：:…”’）)》」』"


class ParamError(ValueError):
    """A rule's parameters are wrong; the message (Chinese) says which and why."""


def fill(template: str, values: dict[str, Any]) -> str:
    """Replace {name} in a message by values[name]; unknown names stay as written."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


class Checker:
    """Base class. Subclasses set KIND, PARAMS (name -> allowed types), REQUIRED and DEFAULT_PARTS."""

    KIND: ClassVar[str] = ""
    PARAMS: ClassVar[dict[str, tuple[type, ...]]] = {}
    REQUIRED: ClassVar[frozenset[str]] = frozenset()
    #: Parts a rule of this kind looks at when the rule names none.
    DEFAULT_PARTS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, rule: RuleSpec) -> None:
        self.rule = rule
        params = dict(rule.params or {})
        for name, value in params.items():
            allowed = self.PARAMS.get(name)
            if allowed is None:
                raise ParamError(f"未知的参数“{name}”（{self.KIND} 可用的参数：{'、'.join(self.PARAMS) or '无'}）")
            wrong_bool = isinstance(value, bool) and bool not in allowed
            if wrong_bool or not isinstance(value, allowed):
                names = "或".join(_TYPE_NAMES.get(t, t.__name__) for t in allowed)
                raise ParamError(f"参数“{name}”应是{names}")
        missing = sorted(self.REQUIRED - set(params))
        if missing:
            raise ParamError(f"缺少参数“{'、'.join(missing)}”")
        self.compile(params)

    @property
    def parts(self) -> tuple[str, ...]:
        return self.rule.parts or self.DEFAULT_PARTS

    def compile(self, params: dict[str, Any]) -> None:
        """Prepare everything the checks need; raise ParamError on bad values."""

    def check(self, view: ReportView) -> Iterator[Finding]:
        raise NotImplementedError

    # -- helpers -------------------------------------------------------------

    def at(
        self,
        para: Paragraph,
        offset: int,
        match: str,
        fix: str | None = None,
        **values: Any,
    ) -> Finding:
        """A finding on text at offset in a paragraph."""
        line, column = para.position(offset)
        values.setdefault("match", match)
        return Finding(
            rule=self.rule.id,
            severity=self.rule.severity,
            part=para.part,
            line=line,
            column=column,
            match=match,
            message=fill(self.rule.message, values),
            suggestion=fill(self.rule.suggestion, values),
            fix=fix,
            block_index=para.index,
            offset=offset,
        )

    def whole(self, part: str | None, match: str = "", **values: Any) -> Finding:
        """A finding about the report as a whole (no position)."""
        values.setdefault("match", match)
        return Finding(
            rule=self.rule.id,
            severity=self.rule.severity,
            part=part,
            line=None,
            column=None,
            match=match,
            message=fill(self.rule.message, values),
            suggestion=fill(self.rule.suggestion, values),
        )


_TYPE_NAMES = {str: "文字", int: "整数", float: "数字", list: "列表", dict: "映射（键: 值）", bool: "true/false"}


#: Longest regular expression a rule may hold (a hand-written one is far shorter).
MAX_REGEX_CHARS = 2000


def compile_regex(pattern: Any, name: str) -> re.Pattern[str]:
    """A rule's regular expression, compiled; refused when it is invalid, too long or can
    backtrack for minutes (drafting.checklist.regex_safety)."""
    if not isinstance(pattern, str) or not pattern:
        raise ParamError(f"参数“{name}”应是非空的正则表达式")
    if len(pattern) > MAX_REGEX_CHARS:
        raise ParamError(f"参数“{name}”的正则表达式过长（{len(pattern)} 个字符，最多 {MAX_REGEX_CHARS} 个）")
    try:
        compiled = re.compile(pattern)
    except (re.error, OverflowError, RecursionError) as exc:
        raise ParamError(f"参数“{name}”的正则表达式有误（{exc}）") from None
    reason = catastrophic_reason(pattern)
    if reason:
        raise ParamError(
            f"参数“{name}”的正则表达式“{pattern}”{reason}，为防止检查卡住已拒绝。"
            "请改写，例如把 (a+)+ 写成 a+，或在重复的部分之间加上必须出现的字"
        )
    return compiled


def string_list(value: Any, name: str, allow_empty: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ParamError(f"参数“{name}”应是文字列表")
    if not value and not allow_empty:
        raise ParamError(f"参数“{name}”不能为空")
    return tuple(value)


def body_paragraphs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [p for p in paragraphs if p.level == 0 and p.text.strip()]
