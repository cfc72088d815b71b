"""The guarded Jinja2 sandbox templates run in, and the text filters they may use.

Templates are data a county office may edit, so a broken or hostile one must
get a clear error instead of hanging the window or eating memory: range() has
a per-render budget, repeating or joining text, format widths and call
arguments are size-checked, render time is checked as output is produced, and
the immutable sandbox keeps templates from changing what they are given.
Only drafting.writing.render builds environments from here.
"""

from __future__ import annotations

import contextvars
import functools
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import jinja2
import jinja2.sandbox

from drafting.dates import date_numbers, format_date
from drafting.numbering import to_chinese_number
from drafting.writing.compose import choose

#: Limits for one render (a hostile or broken template gets a clear error instead of hanging).
MAX_OUTPUT_CHARS = 100_000
MAX_RANGE_ITEMS = 10_000
MAX_SECONDS = 5.0
MAX_LOOP_DEPTH = 3
MAX_ARG = 10_000
_WIDTH_RE = re.compile(r"\d{5,}")


class Budget:
    """What one render may still spend: range() items and wall time."""

    def __init__(self) -> None:
        self.range_left = MAX_RANGE_ITEMS
        self.deadline = time.monotonic() + MAX_SECONDS

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitError(f"运行超过 {MAX_SECONDS:g} 秒，可能有死循环")


BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("render_budget", default=None)


class LimitError(Exception):
    """A template exceeded a limit; the message is Chinese."""


def current_budget() -> Budget:
    budget = BUDGET.get()
    if budget is None:  # rendering outside render_template (e.g. a test calling Jinja directly)
        budget = Budget()
        BUDGET.set(budget)
    return budget


def _limited_range(*args: int) -> Iterator[int]:
    for arg in args:
        if not isinstance(arg, int) or abs(arg) > MAX_ARG:
            raise LimitError(f"range() 的参数过大（不超过 {MAX_ARG}）")
    budget = current_budget()
    for count, value in enumerate(range(*args)):
        budget.range_left -= 1
        if budget.range_left < 0:
            raise LimitError(f"循环次数超过 {MAX_RANGE_ITEMS} 次")
        if count % 256 == 0:
            budget.check_time()
        yield value


def _check_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARG:
            raise LimitError(f"参数 {value} 过大（不超过 {MAX_ARG}）")
        if isinstance(value, str) and _WIDTH_RE.search(value) and ("{" in value or "%" in value):
            raise LimitError("格式字符串中的宽度过大")


def _guard_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_args(args, kwargs)
        return func(*args, **kwargs)

    return guarded


class GuardedEnvironment(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """The immutable sandbox (templates cannot change lists or dicts they are given) plus
    size limits on *, **, + and %, and on call arguments."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        sizes = [len(x) for x in (left, right) if isinstance(x, str | list | tuple)]
        numbers = [x for x in (left, right) if isinstance(x, int) and not isinstance(x, bool)]
        if operator == "*" and sizes and numbers and sizes[0] * max(numbers[0], 0) > MAX_OUTPUT_CHARS:
            raise LimitError("重复生成的文字过长")
        if operator == "**" and (abs(right) > 64 if isinstance(right, int | float) else False):
            raise LimitError("乘方的指数过大")
        if operator == "+" and len(sizes) == 2 and sum(sizes) > MAX_OUTPUT_CHARS:
            raise LimitError("拼接的文字过长")
        if operator == "%" and isinstance(left, str):
            _check_args((left,), {})
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        # "{:>999999999}".format(...) would build its huge result before any check could run.
        owner = getattr(value, "__self__", None)
        if isinstance(owner, str) and getattr(value, "__name__", "") in ("format", "format_map"):
            _check_args((owner,), {})
        return super().wrap_str_format(value)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        current_budget().check_time()
        if __obj is not _limited_range:
            _check_args(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


# ---- filters the templates use (text helpers, no logic about the report) ----


def _pct(value: Any) -> str:
    """98.5 → "98.5%", 100.0 → "100%"; a rate short of 100 never reads 100 (99.95 → "99.9%")."""
    number = float(value)
    if number.is_integer():
        return f"{int(number)}%"
    shown = round(number, 1)
    if number < 100 <= shown:
        shown = 99.9
    return f"{int(shown)}%" if float(shown).is_integer() else f"{shown:.1f}%"


def _book(value: Any) -> str:
    """A law or document name in 书名号 (once): 中华人民共和国行政复议法 → 《中华人民共和国行政复议法》."""
    text = _bare(value).strip("《》")
    return f"《{text}》" if text else ""


@jinja2.pass_context
def _pick(context: Any, slot: str, *options: Any) -> Any:
    """One of the options, the same one every time for this organisation, year and area (context "seed")."""
    return choose([o for o in options], context.get("seed", ""), slot) if options else ""


def _cn_date(value: Any) -> str:
    """A date ("2024-03-05", as date facts are stored) → "2024年3月5日"; anything else as it is."""
    numbers = date_numbers(str(value))
    return format_date(*numbers) if numbers else str(value)


_CAUSE_RE = re.compile(r"^(.+?)[，,；;。]\s*(?:主要)?原因(?:是|在于|：|:)\s*(.+)$")


def _split_item(value: Any) -> tuple[str, str]:
    """"问题——原因" or "问题，原因是……" → (问题, 原因); without either the second half is ""."""
    text = str(value).strip()
    for sep in ("——", "—", "｜", "|"):
        if sep in text:
            head, tail = text.split(sep, 1)
            return _bare(head), _bare(tail)
    match = _CAUSE_RE.match(text)
    if match:
        return _bare(match.group(1)), _bare(match.group(2))
    return _bare(text), ""


def _bare(value: Any) -> str:
    """Drop trailing punctuation so a template can add its own."""
    return str(value).strip().rstrip("。；;，,、.！!")


def _join_cn(values: Any) -> str:
    return "、".join(_bare(v) for v in values if str(v).strip())


def _versus(value: Any, last: Any, unit: str = "") -> str:
    """", 比上年增加3件" / ", 比上年提高1.3个百分点" / ", 与上年持平"; "" when either is unknown.

    unit "%" compares rates in percentage points.
    """
    if not isinstance(value, int | float) or not isinstance(last, int | float) or isinstance(value, bool):
        return ""
    diff = round(float(value) - float(last), 1)
    if diff == 0:
        return "，与上年持平"
    size = abs(diff)
    amount = str(int(size)) if float(size).is_integer() else f"{size:.1f}"
    if unit == "%":
        return f"，比上年{'提高' if diff > 0 else '下降'}{amount}个百分点"
    return f"，比上年{'增加' if diff > 0 else '减少'}{amount}{unit}"


def _ordinal(value: int) -> str:
    return to_chinese_number(int(value))


#: The text filters templates may use, besides Jinja2's own.
FILTERS: dict[str, Callable[..., Any]] = {
    "pct": _pct, "cn_date": _cn_date, "split_item": _split_item, "bare": _bare, "join_cn": _join_cn,
    "ordinal": _ordinal, "versus": _versus, "book": _book,
}


@functools.cache
def guarded_environment(folder: str) -> GuardedEnvironment:
    """One environment per template folder (built on first use)."""
    env = GuardedEnvironment(
        loader=jinja2.FileSystemLoader(folder, encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # No constant folding: a hostile constant expression must not run at compile time.
        optimized=False,
    )
    env.globals.pop("lipsum", None)
    env.globals["range"] = _limited_range
    env.globals["pick"] = _pick
    env.filters.update(FILTERS)
    env.filters = {name: _guard_filter(func) for name, func in env.filters.items()}
    return env

