"""The facts file for headless generation: a commented template of every fact, and reading one back.

``python main.py facts`` prints the template (id: value, label and unit as comments, grouped by
part and sub-area, then the practices, cases and shortcomings a writer may pick); ``python main.py
new --facts FILE`` reads it. Unknown ids, values of the wrong type and contradictions (合格 > 参考)
are refused with a Chinese message naming the line; the caller writes nothing then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting.data.areas import load_areas
from drafting.data.facts import FactCatalog, fact_problems, parse_fact
from drafting.data.outline import default_outline
from drafting.data.practices import default_practices, default_shortcoming_kinds
from drafting.errors import InputError
from drafting.yamlio import LineDict, YamlSyntaxError, read_yaml_file

#: Keys of the facts file besides fact ids.
CHOICE_KEYS = ("practices", "other_practices", "cases", "shortcomings")
_PART_GROUPS = ("preamble", "leader_duty", "shortcomings", "plans", "other")


@dataclass
class FactFile:
    """What a facts file gives: facts by id and the writer's picks (as Report.settings holds them)."""

    facts: dict[str, Any] = field(default_factory=dict)
    practices: dict[str, list[str]] = field(default_factory=dict)
    other_practices: dict[str, list[str]] = field(default_factory=dict)
    cases: dict[str, list[str]] = field(default_factory=dict)
    shortcomings: list[dict[str, str]] = field(default_factory=list)


def facts_template(catalog: FactCatalog) -> str:
    """The commented template every fact, grouped as the report is."""
    outline = default_outline()
    titles = {spec.id: spec.name for spec in outline.parts}
    titles["preamble"] = "开头段"
    areas = load_areas()
    groups = [(g, f"{titles.get(g, g)}") for g in _PART_GROUPS[:2]]
    groups += [(a.fact_group, f"主要举措和成效：{a.name}（子领域 {a.id}）") for a in areas]
    groups += [(g, titles.get(g, g)) for g in _PART_GROUPS[2:]]
    lines = [
        "# 法治政府建设情况报告：事实填写文件（python main.py new --facts 本文件 使用）。",
        "# 在冒号后填写数值，没有的留空；多项文字写成 [甲, 乙] 或换行后用“- ”逐项列出。",
        "# 填写了某个子领域的数据，生成时自动选入这一子领域。",
        "",
    ]
    for group, title in groups:
        specs = [spec for spec in catalog.for_group(group) if not spec.is_computed]
        if not specs:
            continue
        lines.append(f"# ---- {title} ----")
        for spec in specs:
            unit = f"（{spec.unit}）" if spec.unit and spec.type != "list" else ""
            kind = {"list": "，多项", "text": "，文字", "date": "，日期", "percent": "，百分数"}.get(spec.type, "")
            hint = f"；{spec.hint}" if spec.hint else ""
            lines.append(f"{spec.id}:{' ' * max(1, 28 - len(spec.id))}# {spec.label}{unit}{kind}{hint}")
        lines.append("")
    lines += [
        "# ---- 勾选的常见做法：子领域编号: [做法编号, ...]（报告只写勾选的做法） ----",
        "practices:",
    ]
    for group, found in default_practices().items():
        described = "；".join(f"{p.id} {p.label}" for p in found)
        lines.append(f"  # {group}: []    # {described}")
    lines += [
        "",
        "# ---- 其他做法（自己写的做法，每项一句）和典型事例（一到三个：发生了什么、怎么做的、结果如何） ----",
        "other_practices:",
        "  # study: [每月组织一次“以案释法”讨论]",
        "cases:",
        "  # disputes: [村民甲乙因宅基地边界发生纠纷，镇调委会联合法律顾问现场调解，双方当场签订协议]",
        "",
        "# ---- 选择的常见问题（存在的不足）：kind 为问题编号，cause 为原因（不写时用常见原因） ----",
        "shortcomings:",
    ]
    for kind in default_shortcoming_kinds():
        lines.append(f"  # - {{kind: {kind.id}, cause: }}    # {kind.label}")
    return "\n".join(lines) + "\n"


def read_fact_file(path: Path, catalog: FactCatalog) -> FactFile:
    """Read and check a facts file.

    Raises:
        InputError: unreadable, an unknown id, a value of the wrong type or a contradiction,
            each with the line it is on.
    """
    name = Path(path).name
    try:
        data = read_yaml_file(Path(path))
    except YamlSyntaxError as exc:
        raise InputError(f"事实文件“{name}”无法读取：{exc}。") from None
    if data is None:
        return FactFile()
    if not isinstance(data, LineDict):
        raise InputError(f"事实文件“{name}”应是“编号: 数值”的格式（可先运行 python main.py facts 得到模板）。")
    problems: list[str] = []
    result = FactFile()
    for key, value in data.items():
        line = data.line_of(key)
        if key in CHOICE_KEYS:
            _read_choice(result, str(key), value, line, problems)
            continue
        if not catalog.has(str(key)):
            problems.append(f"第 {line} 行：没有编号为“{key}”的事实（可运行 python main.py facts 查看全部编号）")
            continue
        spec = catalog.spec(str(key))
        if value is None:
            continue
        if spec.is_computed:
            problems.append(f"第 {line} 行：“{spec.label}”由计数自动算出，不用填写")
            continue
        if spec.type == "list":
            items = value if isinstance(value, list) else [value]
            if not all(isinstance(item, str | int | float) and not isinstance(item, bool) for item in items):
                problems.append(f"第 {line} 行：“{spec.label}”应是一项或多项文字")
                continue
            raw = "\n".join(str(item) for item in items)
        elif isinstance(value, list | dict | bool):
            problems.append(f"第 {line} 行：“{spec.label}”应填一个值")
            continue
        else:
            raw = str(value)
        parsed, error = parse_fact(spec, raw)
        if error:
            problems.append(f"第 {line} 行：“{spec.label}”填写的“{raw}”有误：{error}")
        elif parsed is not None:
            result.facts[spec.id] = parsed
    for fact_id, message in fact_problems(catalog, result.facts).items():
        problems.append(f"第 {data.line_of(fact_id)} 行：{message}")
    if problems:
        raise InputError(f"事实文件“{name}”有误，未生成任何文件：\n" + "\n".join(problems))
    return result


def _read_choice(result: FactFile, key: str, value: Any, line: int, problems: list[str]) -> None:
    if value is None:
        return
    if key == "shortcomings":
        known = {kind.id for kind in default_shortcoming_kinds()}
        if not isinstance(value, list):
            problems.append(f"第 {line} 行：shortcomings 应是列表，每项写成 {{kind: 问题编号, cause: 原因}}")
            return
        for item in value:
            kind = item.get("kind") if isinstance(item, dict) else item
            if not isinstance(kind, str) or kind not in known:
                problems.append(f"第 {line} 行：没有编号为“{kind}”的常见问题（可用：{'、'.join(sorted(known))}）")
                continue
            cause = item.get("cause") if isinstance(item, dict) else ""
            result.shortcomings.append({"kind": kind, "cause": str(cause or "").strip()})
        return
    if not isinstance(value, dict):
        problems.append(f"第 {line} 行：{key} 应写成“子领域编号: [……]”")
        return
    practices = default_practices()
    groups = {area.id for area in load_areas()} | {"leader_duty"}
    for group, items in value.items():
        where = value.line_of(group) if isinstance(value, LineDict) else line
        if group not in groups:
            problems.append(f"第 {where} 行：没有编号为“{group}”的子领域（可用：{'、'.join(sorted(groups))}）")
            continue
        items = items if isinstance(items, list) else [items] if items is not None else []
        texts = [str(item).strip() for item in items if str(item).strip()]
        if key == "practices":
            known = {p.id for p in practices.get(group, ())}
            for item in texts:
                if item not in known:
                    problems.append(f"第 {where} 行：“{group}”没有编号为“{item}”的做法（可用：{'、'.join(sorted(known))}）")
            texts = [item for item in texts if item in known]
        if texts:
            getattr(result, key)[str(group)] = texts
