"""The guarded Jinja2 sandbox templates run in, and the text filters they may use.

Templates are data a county office may edit, so a broken or hostile one must
get a clear error instead of hanging the window or eating memory: range() has
a per-render budget, repeating or joining text, format widths and call
arguments are size-checked, render time is checked as output is produced, and
the immutable sandbox keeps templates from changing what they are given.
Only drafting.writing.render builds environments from here.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import jinja2
import jinja2.compiler
import jinja2.nodes
import jinja2.sandbox

from drafting.dates import date_numbers, format_date
from drafting.numbering import to_chinese_number
from drafting.writing.compose import bare, choose, split_item

#: Limits for one render (a hostile or broken template gets a clear error instead of hanging).
MAX_OUTPUT_CHARS = 100_000
MAX_RANGE_ITEMS = 10_000
MAX_SECONDS = 5.0
MAX_LOOP_DEPTH = 3
MAX_ARG = 10_000
#: Largest integer a template or rule may build (a count never needs a thousandth of it).
MAX_INT_BITS = 4096
#: Template lines run between two looks at the clock, and the most one render may run.
STEPS_PER_CHECK = 2000
MAX_STEPS = 20_000_000
_WIDTH_RE = re.compile(r"\d{5,}")


class Budget:
    """What one render may still spend: range() items, template steps and wall time."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = MAX_SECONDS if seconds is None else seconds
        self.range_left = MAX_RANGE_ITEMS
        self.steps = 0
        self.deadline = time.monotonic() + self.seconds

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitError(f"运行超过 {self.seconds:g} 秒，可能有死循环")


BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("render_budget", default=None)


class LimitError(Exception):
    """A template exceeded a limit; the message is Chinese."""


def _is_template_code(code: Any) -> bool:
    name = code.co_filename
    return name == "<template>" or name.endswith(".j2")


def _trace_calls(frame: Any, event: str, _arg: Any) -> Any:
    """sys.settrace hook: trace lines only in frames of compiled template code."""
    return _trace_lines if event == "call" and _is_template_code(frame.f_code) else None


def _trace_lines(_frame: Any, event: str, _arg: Any) -> Any:
    # Loops that output nothing and call nothing still run template lines: count them.
    if event == "line":
        budget = BUDGET.get()
        if budget is not None:
            budget.steps += 1
            if budget.steps % STEPS_PER_CHECK == 0:
                if budget.steps > MAX_STEPS:
                    raise LimitError(f"运行步数超过 {MAX_STEPS} 步，可能有死循环")
                budget.check_time()
    return _trace_lines


@contextlib.contextmanager
def guarded_run(seconds: float | None = None) -> Iterator[Budget]:
    """Run template or rule code with a fresh budget, its loops watched by a line tracer.

    The tracer is set for this thread only and only follows frames of compiled
    template code, so the app's own code runs at full speed meanwhile.
    """
    budget = Budget(MAX_SECONDS if seconds is None else seconds)
    token = BUDGET.set(budget)
    previous = sys.gettrace()
    sys.settrace(_trace_calls)
    try:
        yield budget
    finally:
        sys.settrace(previous)
        BUDGET.reset(token)


def generate_capped(template: jinja2.Template, context: dict[str, Any], what: str) -> str:
    """The template's output, stopped as soon as it passes MAX_OUTPUT_CHARS (what: "生成的文字" ...).

    Run inside guarded_run: the clock is checked after every chunk of output too.
    """
    budget = current_budget()
    pieces: list[str] = []
    size = 0
    for chunk in template.generate(**context):
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise LimitError(f"{what}超过 {MAX_OUTPUT_CHARS} 字")
        budget.check_time()
        pieces.append(chunk)
    return "".join(pieces)


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
        if func.__name__ in ("do_replace", "do_join"):
            _check_filter_size(func.__name__, [a for a in args if not isinstance(a, jinja2.nodes.EvalContext)])
        return func(*args, **kwargs)

    return guarded


def _check_filter_size(name: str, args: list[Any]) -> None:
    """|replace and |join: the result's length worked out before it is built."""
    if name == "do_replace" and len(args) >= 3 and all(isinstance(a, str) for a in args[:3]):
        _check_str_method(args[0], "replace", tuple(args[1:]), {})
    elif name == "do_join" and args and isinstance(args[0], list | tuple | str):
        separator = args[1] if len(args) > 1 and isinstance(args[1], str) else ""
        items = [item if isinstance(item, str) else "x" * 20 for item in args[0]]
        _check_str_method(separator, "join", (items,), {})


class GuardedCodeGenerator(jinja2.compiler.CodeGenerator):
    """Jinja2's code generator, with ``~`` concatenation going through a size check."""

    def visit_Concat(self, node: jinja2.nodes.Concat, frame: jinja2.compiler.Frame) -> None:  # noqa: N802
        self.write("environment.guarded_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class GuardedEnvironment(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """The immutable sandbox (templates cannot change lists or dicts they are given) plus
    size limits on *, **, + and %, and on call arguments."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    code_generator_class = GuardedCodeGenerator

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        sizes = [len(x) for x in (left, right) if isinstance(x, str | list | tuple)]
        numbers = [x for x in (left, right) if isinstance(x, int) and not isinstance(x, bool)]
        if operator == "*" and sizes and numbers and sizes[0] * max(numbers[0], 0) > MAX_OUTPUT_CHARS:
            raise LimitError("重复生成的文字过长")
        if operator == "*" and len(numbers) == 2 and sum(abs(n).bit_length() for n in numbers) > MAX_INT_BITS:
            raise LimitError("相乘得到的整数过大")
        if operator == "**" and (abs(right) > 64 if isinstance(right, int | float) else False):
            raise LimitError("乘方的指数过大")
        if operator == "**" and len(numbers) == 2 and abs(left).bit_length() * abs(right) > MAX_INT_BITS:
            raise LimitError("乘方得到的整数过大")
        if operator == "+" and len(sizes) == 2 and sum(sizes) > MAX_OUTPUT_CHARS:
            raise LimitError("拼接的文字过长")
        if operator == "%" and isinstance(left, str):
            _check_args((left,), {})
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        # "{:>999999999}".format(...) would build its huge result before any check could run.
        owner = getattr(value, "__self__", None)
        name = getattr(value, "__name__", "")
        if isinstance(owner, str) and name in ("format", "format_map"):
            _check_args((owner,), {})
        wrapped = super().wrap_str_format(value)
        if wrapped is None or not isinstance(owner, str):
            return wrapped

        def checked(*args: Any, **kwargs: Any) -> str:
            _check_str_method(owner, name, args, kwargs)
            return wrapped(*args, **kwargs)

        return checked

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        current_budget().check_time()
        if __obj is not _limited_range:
            _check_args(args, kwargs)
            owner = getattr(__obj, "__self__", None)
            if isinstance(owner, str):
                _check_str_method(owner, getattr(__obj, "__name__", ""), args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    @staticmethod
    def guarded_concat(values: tuple[Any, ...]) -> str:
        """``a ~ b``: the pieces' lengths are added up before they are joined."""
        pieces = [str(value) for value in values]
        if sum(map(len, pieces)) > MAX_OUTPUT_CHARS:
            raise LimitError("用 ~ 拼接的文字过长")
        return "".join(pieces)


def _estimated_size(owner: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """How long the result of str.<name>(*args) would be, worked out without building it."""
    if name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        count = owner.count(args[0]) if args[0] else len(owner) + 1
        if len(args) > 2 and isinstance(args[2], int) and args[2] >= 0:
            count = min(count, args[2])
        return len(owner) + count * max(len(args[1]) - len(args[0]), 0)
    if name == "join" and args:
        items = list(args[0]) if isinstance(args[0], list | tuple | str) else None
        if items is None:
            raise LimitError("join() 只能用于列表或文字")
        return sum(len(item) if isinstance(item, str) else 0 for item in items) + len(owner) * len(items)
    if name in ("format", "format_map"):
        values = [*args, *kwargs.values()] + (list(args[0].values()) if name == "format_map" and args
                                              and isinstance(args[0], dict) else [])
        longest = max((len(v) if isinstance(v, str) else 20 for v in values), default=0)
        return len(owner) + owner.count("{") * longest
    if name == "expandtabs":
        size = args[0] if args and isinstance(args[0], int) else 8
        return len(owner) * max(size, 1)
    return len(owner)


def _check_str_method(owner: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    if _estimated_size(owner, name, args, kwargs) > MAX_OUTPUT_CHARS:
        raise LimitError(f"{name}() 生成的文字过长（超过 {MAX_OUTPUT_CHARS} 字）")



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
    text = bare(value).strip("《》")
    return f"《{text}》" if text else ""


@jinja2.pass_context
def _pick(context: Any, slot: str, *options: Any) -> Any:
    """One of the options, the same one every time for this organisation, year and area (context "seed")."""
    return choose([o for o in options], context.get("seed", ""), slot) if options else ""


def _cn_date(value: Any) -> str:
    """A date ("2024-03-05", as date facts are stored) → "2024年3月5日"; anything else as it is."""
    numbers = date_numbers(str(value))
    return format_date(*numbers) if numbers else str(value)


def _join_cn(values: Any) -> str:
    return "、".join(bare(v) for v in values if str(v).strip())


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
    "pct": _pct, "cn_date": _cn_date, "split_item": split_item, "bare": bare, "join_cn": _join_cn,
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
    return _with_guarded_names(env, FILTERS)


def expression_environment(filters: dict[str, Callable[..., Any]]) -> GuardedEnvironment:
    """The same guarded environment for checklist rules' expressions and details (no template folder).

    Run what it compiles inside ``guarded_run``, as render_template does for templates.
    """
    env = GuardedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False, optimized=False)
    return _with_guarded_names(env, {**FILTERS, **filters})


def _with_guarded_names(env: GuardedEnvironment, filters: dict[str, Callable[..., Any]]) -> GuardedEnvironment:
    env.globals.pop("lipsum", None)
    env.globals["range"] = _limited_range
    env.globals["pick"] = _pick
    env.filters.update(filters)
    env.filters = {name: _guard_filter(func) for name, func in env.filters.items()}
    return env
