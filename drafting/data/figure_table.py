"""The figure table (templates/carryover.yml): which words name which fact's figure, and how alike
two paragraphs must be to count as "still last year's".

Carry-over takes last year's figures with it (as the 上年 values for 同比), the checklist rule
figures-contradict compares the figures one paragraph states, and the last-year pane and the rule
copied-from-last-year share the similarity threshold. A county office may copy the file and adapt it;
unknown keys and facts the catalogue lacks are refused with their line.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting import paths
from drafting.data.facts import default_fact_catalog
from drafting.errors import DataFileError
from drafting.figures import FigureRule, figure_rule
from drafting.yamlio import YamlSyntaxError, check_keys, read_yaml_file

FORMAT_VERSION = 1


@dataclass(frozen=True)
class FigureTable:
    """templates/carryover.yml, validated.

    Attributes:
        similarity_threshold: 0-1; a paragraph this alike to one of last year's is "unchanged".
        figures: one compiled rule per fact, in the file's order (earlier rules claim words first).
    """

    similarity_threshold: float
    figures: tuple[FigureRule, ...]


def load_figure_table(path: Path | None = None) -> FigureTable:
    """Load and validate the figure table (the shipped one by default).

    Raises:
        DataFileError: with every problem found, each naming its line.
    """
    path = path or paths.templates_dir() / "carryover.yml"
    try:
        data = read_yaml_file(path)
    except YamlSyntaxError as exc:
        raise DataFileError(str(path), [str(exc)]) from None
    problems: list[str] = []
    top = {"version", "similarity_threshold", "max_gap", "figures"}
    if not check_keys(data, top, top, "结转数据文件", problems):
        raise DataFileError(str(path), problems)
    if data["version"] != FORMAT_VERSION:
        problems.append(f"version 应为 {FORMAT_VERSION}，实际为 {data['version']!r}")
    threshold = data["similarity_threshold"]
    if not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        problems.append(f"第 {data.line_of('similarity_threshold')} 行：similarity_threshold 应是 0～1 之间的数")
    gap = data["max_gap"]
    if not isinstance(gap, int) or not 0 <= gap <= 40:
        problems.append(f"第 {data.line_of('max_gap')} 行：max_gap 应是 0～40 的整数")
        gap = 10
    known = set(default_fact_catalog().ids)
    figures: list[FigureRule] = []
    for index, entry in enumerate(data["figures"] or [], start=1):
        where = f"第 {index} 条数字识别规则"
        if not check_keys(entry, {"fact", "labels", "units"}, {"fact", "labels", "units"}, where, problems):
            continue
        if entry["fact"] not in known:
            problems.append(f"第 {entry.line_of('fact')} 行：templates/facts.yml 中没有事实“{entry['fact']}”")
            continue
        labels, units = entry["labels"], entry["units"]
        if not _words(labels) or not _words(units):
            problems.append(f"第 {entry.line} 行：{where}的 labels 和 units 应是非空的词语列表")
            continue
        figures.append(figure_rule(str(entry["fact"]), labels, units, gap))
    if problems:
        raise DataFileError(str(path), problems)
    return FigureTable(float(threshold), tuple(figures))


def _words(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v for v in value)


@functools.cache
def default_figure_table() -> FigureTable:
    """The shipped table, loaded once."""
    return load_figure_table()
