"""The fact catalogue (templates/facts.yml) and what the form does with a fact.

A fact is one typed value the writer enters (a count, a percentage, a date,
a short text, a list of items). The catalogue says its label, unit, group
(the part or sub-area whose form shows it), hint, example and range, and
which facts bound it (``at_most`` / ``at_least``) or are computed from it
(``rate_of``). Parsing the form's raw text, computing rates and finding
contradictions between fields all live here, with no Qt.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting import paths
from drafting.dates import date_numbers, is_iso_date, parse_date
from drafting.errors import DataFileError
from drafting.yamlio import check_keys, load_data_file

FORMAT_VERSION = 1
FACT_TYPES = ("count", "percent", "number", "date", "text", "list")
_KEYS = {"id", "label", "type", "unit", "group", "hint", "example", "min", "max", "rate_of", "at_most", "at_least"}
#: Longest short text and list item a form accepts, and most list items (keeps templates bounded).
MAX_TEXT_CHARS = 200
MAX_LIST_ITEMS = 50
#: A stated rate may differ from the one computed from its counts by rounding only.
RATE_TOLERANCE = 0.5
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－％", "0123456789.,-%")


@dataclass(frozen=True)
class FactSpec:
    """One fact of the catalogue.

    Attributes:
        id: unique English id shared by templates, form and checklist.
        label: the Chinese name shown in the form.
        type: one of FACT_TYPES.
        unit: 次, 人, %, ... ("" when none).
        group: the part or sub-area (areas.yml fact_group) whose form shows it.
        hint, example: shown beside the field.
        min, max: allowed range for numbers (counts default to min 0, percents to 0..100).
        rate_of: (numerator id, denominator id) for a rate computed from two counts.
        at_most, at_least: id of a fact this one must not exceed / fall below.
    """

    id: str
    label: str
    type: str
    unit: str = ""
    group: str = ""
    hint: str = ""
    example: str = ""
    min: float | None = None
    max: float | None = None
    rate_of: tuple[str, str] | None = None
    at_most: str | None = None
    at_least: str | None = None

    @property
    def is_computed(self) -> bool:
        return self.rate_of is not None

    @property
    def lower(self) -> float | None:
        if self.min is not None:
            return self.min
        return 0 if self.type in ("count", "percent") else None

    @property
    def upper(self) -> float | None:
        if self.max is not None:
            return self.max
        return 100 if self.type == "percent" else None


@dataclass(frozen=True)
class FactCatalog:
    """Every fact in file order."""

    specs: tuple[FactSpec, ...]

    def spec(self, fact_id: str) -> FactSpec:
        for spec in self.specs:
            if spec.id == fact_id:
                return spec
        raise KeyError(fact_id)

    def has(self, fact_id: str) -> bool:
        return any(spec.id == fact_id for spec in self.specs)

    def for_group(self, group: str) -> tuple[FactSpec, ...]:
        return tuple(spec for spec in self.specs if spec.group == group)

    @functools.cached_property
    def ids(self) -> tuple[str, ...]:
        return tuple(spec.id for spec in self.specs)

    @functools.cached_property
    def rate_inputs(self) -> frozenset[str]:
        """Ids of the counts some rate is computed from."""
        return frozenset(i for spec in self.specs for i in (spec.rate_of or ()))

    @property
    def groups(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for spec in self.specs:
            seen.setdefault(spec.group, None)
        return tuple(seen)


def load_fact_catalog(path: Path | None = None) -> FactCatalog:
    """Load and validate a fact catalogue (the shipped one by default).

    Raises:
        DataFileError: every problem found, each naming its line.
    """
    path = path or paths.templates_dir() / "facts.yml"
    data, problems = load_data_file(
        path, keys={"version", "facts"}, required={"version", "facts"}, label="事实清单", version=FORMAT_VERSION
    )
    entries = data.get("facts")
    if not isinstance(entries, list):
        raise DataFileError(str(path), [*problems, "facts 应是列表"])
    specs: list[FactSpec] = []
    for index, entry in enumerate(entries, start=1):
        spec = _spec_from_entry(entry, index, problems)
        if spec is not None:
            specs.append(spec)
    _check_references(specs, entries, problems)
    if problems:
        raise DataFileError(str(path), problems)
    return FactCatalog(tuple(specs))


def _spec_from_entry(entry: Any, index: int, problems: list[str]) -> FactSpec | None:
    where = f"第 {index} 个事实"
    if not check_keys(entry, _KEYS, {"id", "label", "type", "group"}, where, problems):
        return None
    if not {"id", "label", "type", "group"} <= set(entry):
        return None
    line = entry.line_of
    fact_id = entry["id"]
    if not isinstance(fact_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", fact_id):
        problems.append(f"第 {line('id')} 行：事实编号“{fact_id}”只能用小写英文字母、数字和下划线")
        return None
    if entry["type"] not in FACT_TYPES:
        problems.append(f"第 {line('type')} 行：事实“{fact_id}”的 type“{entry['type']}”无效（可用：{'、'.join(FACT_TYPES)}）")
        return None
    bounds: dict[str, float | None] = {}
    for key in ("min", "max"):
        value = entry.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            problems.append(f"第 {line(key)} 行：事实“{fact_id}”的 {key} 应是数字")
            value = None
        bounds[key] = value
    rate_of = entry.get("rate_of")
    if rate_of is not None:
        if not (isinstance(rate_of, list) and len(rate_of) == 2 and all(isinstance(x, str) for x in rate_of)):
            problems.append(f"第 {line('rate_of')} 行：事实“{fact_id}”的 rate_of 应是 [分子, 分母] 两个事实编号")
            rate_of = None
        elif entry["type"] != "percent":
            problems.append(f"第 {line('rate_of')} 行：只有 percent 类型的事实可以有 rate_of（“{fact_id}”）")
            rate_of = None
    text_keys = ("label", "unit", "group", "hint", "example", "at_most", "at_least")
    values = {key: entry.get(key) for key in text_keys}
    for key, value in values.items():
        if value is not None and not isinstance(value, str | int):
            problems.append(f"第 {line(key)} 行：事实“{fact_id}”的 {key} 应是文字")
            return None
    return FactSpec(
        id=fact_id,
        label=str(entry["label"]),
        type=entry["type"],
        unit=str(entry.get("unit") or ""),
        group=str(entry["group"]),
        hint=str(entry.get("hint") or ""),
        example=str(entry.get("example") or ""),
        min=bounds["min"],
        max=bounds["max"],
        rate_of=tuple(rate_of) if rate_of else None,  # type: ignore[arg-type]
        at_most=entry.get("at_most"),
        at_least=entry.get("at_least"),
    )


def _check_references(specs: list[FactSpec], entries: list[Any], problems: list[str]) -> None:
    by_id: dict[str, FactSpec] = {}
    lines = {e.get("id"): e.line for e in entries if isinstance(e, dict) and hasattr(e, "line")}
    for spec in specs:
        if spec.id in by_id:
            problems.append(f"第 {lines.get(spec.id, 0)} 行：事实编号“{spec.id}”重复")
        by_id[spec.id] = spec
    for spec in specs:
        refs = [*(spec.rate_of or ()), spec.at_most, spec.at_least]
        for ref in filter(None, refs):
            target = by_id.get(ref)
            if target is None:
                problems.append(f"第 {lines.get(spec.id, 0)} 行：事实“{spec.id}”引用了不存在的事实“{ref}”")
            elif spec.rate_of and ref in spec.rate_of and target.type != "count":
                problems.append(f"第 {lines.get(spec.id, 0)} 行：事实“{spec.id}”的 rate_of 只能引用 count 类型的事实")


@functools.cache
def default_fact_catalog() -> FactCatalog:
    """The shipped catalogue, loaded once per process."""
    return load_fact_catalog()


#: Digits a typed number may have before the point (no count or rate in a report needs more).
MAX_NUMBER_DIGITS = 15


def parse_fact(spec: FactSpec, raw: str) -> tuple[Any, str | None]:
    """Turn what the writer typed into a value, or say inline what is wrong.

    Returns:
        (value, None) when valid; (None, None) for an empty field;
        (None, message) with a short Chinese message otherwise.
    """
    text = (raw or "").strip()
    if not text:
        return None, None
    if spec.type == "list":
        items = [line.strip() for line in text.splitlines() if line.strip()]
        if len(items) > MAX_LIST_ITEMS:
            return None, f"最多填写 {MAX_LIST_ITEMS} 项"
        if any(len(item) > MAX_TEXT_CHARS for item in items):
            return None, f"每项不超过 {MAX_TEXT_CHARS} 字"
        return items, None
    if spec.type == "text":
        if "\n" in text:
            return None, "请填写在一行内"
        if len(text) > MAX_TEXT_CHARS:
            return None, f"不超过 {MAX_TEXT_CHARS} 字"
        return text, None
    if spec.type == "date":
        return _parse_date(text)
    return _parse_number(spec, text)


def _parse_date(text: str) -> tuple[Any, str | None]:
    plain = text.translate(_FULLWIDTH)
    if date_numbers(plain) is None:
        return None, "请按“2024年3月5日”或“2024-03-05”的格式填写日期"
    value = parse_date(plain)
    if value is None:
        return None, "没有这一天，请检查月份和日期"
    # Stored as ISO text: the draft file stays plain and round-trips exactly.
    return value.isoformat(), None


def _parse_number(spec: FactSpec, text: str) -> tuple[Any, str | None]:
    cleaned = text.translate(_FULLWIDTH).replace(",", "").replace(" ", "")
    if spec.unit and cleaned.endswith(spec.unit) and spec.unit != "%":
        cleaned = cleaned[: -len(spec.unit)]
    if spec.type == "percent":
        cleaned = cleaned.removesuffix("%")
    value: int | float
    if len(cleaned.lstrip("-").split(".")[0]) > MAX_NUMBER_DIGITS:
        return None, f"数字过大（整数部分最多 {MAX_NUMBER_DIGITS} 位），请检查是否输错"
    if spec.type == "count":
        if not re.fullmatch(r"-?\d+", cleaned):
            return None, "请填写整数"
        value = int(cleaned)
    else:
        if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
            return None, "请填写数字" if spec.type == "number" else "请填写百分数，如 98.5"
        value = float(cleaned)
    lower, upper = spec.lower, spec.upper
    if lower is not None and value < lower:
        return None, f"不能小于 {_plain(lower)}"
    if upper is not None and value > upper:
        return None, f"不能大于 {_plain(upper)}"
    return value, None


def format_fact(spec: FactSpec, value: Any) -> str:
    """The value as the form shows it again (the inverse of parse_fact)."""
    if value is None:
        return ""
    if spec.type == "list":
        return "\n".join(str(item) for item in value) if isinstance(value, list) else str(value)
    if spec.type in ("percent", "number") and isinstance(value, int | float):
        return _plain(value)
    return str(value)


def _plain(value: float) -> str:
    """12.0 → "12", 98.5 → "98.5"."""
    return str(int(value)) if float(value).is_integer() else str(round(value, 2))


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def computed_facts(catalog: FactCatalog, facts: dict[str, Any]) -> dict[str, float]:
    """Rates computed from their two counts where both are known (denominator > 0), to 0.1, never
    rounded up to 100 when a count is short of it."""
    result: dict[str, float] = {}
    for spec in catalog.specs:
        if not spec.rate_of:
            continue
        numerator, denominator = (_number(facts.get(i)) for i in spec.rate_of)
        if numerator is None or denominator is None or denominator <= 0:
            continue
        rate = round(numerator / denominator * 100 + 1e-9, 1)
        if numerator < denominator and rate >= 100:
            rate = 99.9  # 1999 of 2000 passed is not "100%"
        result[spec.id] = rate
    return result


def fact_problems(catalog: FactCatalog, facts: dict[str, Any]) -> dict[str, str]:
    """Contradictions between fields, keyed by the fact the form should mark.

    合格 > 参考, 持证 > 在岗, 整改 > 发现 (the catalogue's at_most / at_least),
    a number out of its range, and a stated rate that its counts contradict.
    """
    problems: dict[str, str] = {}
    for spec in catalog.specs:
        value = _number(facts.get(spec.id))
        if value is None:
            continue
        if spec.upper is not None and value > spec.upper:
            problems[spec.id] = f"{spec.label}不能大于 {_plain(spec.upper)}"
            continue
        if spec.lower is not None and value < spec.lower:
            problems[spec.id] = f"{spec.label}不能小于 {_plain(spec.lower)}"
            continue
        for other_id, bigger in ((spec.at_most, False), (spec.at_least, True)):
            other_value = _number(facts.get(other_id)) if other_id else None
            if other_value is None or not catalog.has(other_id or ""):
                continue
            other = catalog.spec(other_id or "")
            if not bigger and value > other_value:
                problems[spec.id] = (
                    f"{spec.label}（{_plain(value)}）不能大于{other.label}（{_plain(other_value)}）"
                )
            elif bigger and value < other_value:
                problems[spec.id] = (
                    f"{spec.label}（{_plain(value)}）不能少于{other.label}（{_plain(other_value)}）"
                )
    computed = computed_facts(catalog, facts)
    for fact_id, rate in computed.items():
        stated = _number(facts.get(fact_id))
        if stated is not None and fact_id not in problems and abs(stated - rate) > RATE_TOLERANCE:
            problems[fact_id] = f"填写的{catalog.spec(fact_id).label} {_plain(stated)}% 与按计数算出的 {_plain(rate)}% 不符"
    return problems


def effective_facts(catalog: FactCatalog, facts: dict[str, Any]) -> dict[str, Any]:
    """Every catalogue id mapped to its value (None when absent), computed rates filled in.

    A rate computed from its counts wins over a stated one, so the text
    always agrees with the counts it sits beside.
    """
    result: dict[str, Any] = dict.fromkeys(catalog.ids)
    for spec in catalog.specs:
        value = facts.get(spec.id)
        if value is not None:
            result[spec.id] = clean_value(spec, value)
    if any(result.get(i) is not None for i in catalog.rate_inputs):
        result.update(computed_facts(catalog, result))
    return result


def clean_value(spec: FactSpec, value: Any) -> Any:
    """The value if it has the spec's type, else None.

    Facts normally come through parse_fact, but a hand-edited or damaged
    draft can hold anything; templates must only ever see well-typed values.
    """
    if value is None:
        return None
    if spec.type == "count":
        ok = isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**MAX_NUMBER_DIGITS
        return value if ok else None
    if spec.type in ("percent", "number"):
        return value if _number(value) is not None and abs(value) < 10**MAX_NUMBER_DIGITS else None
    if spec.type == "list":
        if not isinstance(value, list):
            return None
        items = [str(item)[:MAX_TEXT_CHARS] for item in value if isinstance(item, str | int | float) and str(item).strip()]
        return items[:MAX_LIST_ITEMS] or None
    if spec.type == "date":
        return value if isinstance(value, str) and is_iso_date(value) else None
    return str(value)[:MAX_TEXT_CHARS] if isinstance(value, str | int | float) and str(value).strip() else None
