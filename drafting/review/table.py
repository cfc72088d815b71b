"""The review laid out as tables: the columns and cell values of 汇总, 问题明细 and 雷同段落.

The workbook, the HTML page and the window all show these, so a column is named and filled in one
place. Values are plain Python (str, int, float, None); a share is a float 0-1 the writers format as
a percentage.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from drafting.model import STATUTORY
from drafting.review.batch import ReviewResult
from drafting.review.copying import Paragraph
from drafting.review.summary import ReportSummary

PRESENT, ABSENT, OPTIONAL_ABSENT = "✔", "✘", "无"
NO_DATE = "（未写）"
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class Column:
    """header: shown; kind: "text", "int", "share" (0-1, shown as %), "part" (✔/✘); width in characters."""

    header: str
    kind: str = "text"
    width: int = 10


def summary_columns(result: ReviewResult) -> list[Column]:
    parts = [Column(result.part_names.get(part_id, part_id), "part", 8) for part_id in STATUTORY]
    return [
        Column("文件", width=22), Column("单位", width=18), Column("年度", "int", 6), Column("成文日期", width=13),
        *parts,
        Column("错误", "int", 6), Column("警告", "int", 6), Column("提示", "int", 6),
        Column("问题（按规则）", width=36), Column("字数", "int", 7), Column("数字", "int", 6),
        Column("典型事例", "int", 8), Column("最相似的乡镇", width=12), Column("雷同率", "share", 8),
        Column("去年的报告", width=18), Column("与去年相同", "share", 10), Column("备注", width=40),
    ]


#: Indexes into summary_columns of the columns the colours and charts use.
COL_ERRORS, COL_SHARE, COL_LAST_YEAR = 9, 17, 19


def summary_values(row: ReportSummary, optional: frozenset[str] = frozenset()) -> list[object]:
    """One report's row of 汇总 (an unreadable file: its name, blanks, and the reason under 备注).

    optional: parts whose absence is no fault, shown as 无 rather than ✘."""
    if not row.readable:
        return [row.name, "", None, "", *([""] * len(STATUTORY)), None, None, None, "", None, None, None,
                "", None, "", None, f"无法读取：{row.problem}"]
    rules = "、".join(f"{rule}×{count}" for rule, count in row.by_rule.items())
    return [
        row.name, row.org or row.label, row.year, row.date or NO_DATE,
        *(PRESENT if row.parts.get(part_id) else OPTIONAL_ABSENT if part_id in optional else ABSENT
          for part_id in STATUTORY),
        row.counts["error"], row.counts["warning"], row.counts["info"], rules,
        row.length, row.figures, row.examples,
        row.best_other, row.best_share if row.best_other else None,
        row.last_year, row.last_year_share, "；".join(row.notes),
    ]


FINDING_COLUMNS = [
    Column("文件", width=22), Column("单位", width=14), Column("级别", width=6), Column("规则", width=20),
    Column("部分", width=14), Column("段落", "int", 6), Column("位置", width=8), Column("原文", width=24),
    Column("所在段落", width=50), Column("说明", width=40), Column("建议", width=40),
]


def finding_rows(result: ReviewResult) -> Iterator[list[object]]:
    """Every finding of every report, file by file in report order."""
    names = {**result.part_names, "title": "标题", "addressee": "主送机关", "preamble": "开头段",
             "signature": "署名", "date": "成文日期"}
    for row in result.summaries:
        if not row.readable:
            continue
        blocks = [block.text for _part, block in row.report.iter_blocks()]  # type: ignore[union-attr]
        for finding in row.findings:
            index = finding.block_index
            paragraph = blocks[index] if index is not None and 0 <= index < len(blocks) else ""
            where = f"{finding.line}:{finding.column}" if finding.line is not None else "全文"
            yield [row.name, row.label, SEVERITY_LABELS[finding.severity.value], finding.rule,
                   names.get(finding.part or "", finding.part or "全文"),
                   index + 1 if index is not None else None, where, finding.match, paragraph,
                   finding.message, finding.suggestion]


SHARED_COLUMNS = [
    Column("乡镇甲", width=12), Column("文件甲", width=18), Column("乡镇乙", width=12), Column("文件乙", width=18),
    Column("雷同段落数", "int", 8), Column("最低相似度", "share", 8), Column("甲的原文", width=70),
    Column("乙的原文", width=70),
]
#: Excel keeps at most 32767 characters in a cell: longer texts are cut with a note.
CELL_LIMIT = 32000


def shared_rows(result: ReviewResult) -> Iterator[list[object]]:
    """The paragraphs two different townships share, one row per pair of reports with both texts: the
    shared paragraphs of each side in the same order, each headed 【第N段·部分】, so they line up."""
    headed: dict[int, str] = {}  # id of a Paragraph -> its headed text: a paragraph recurs in many pairs

    def texts(paragraphs: list[Paragraph]) -> str:
        for p in paragraphs:
            if id(p) not in headed:
                headed[id(p)] = f"【第{p.block_index + 1}段·{result.part_names.get(p.part, '开头段')}】{p.text}"
        text = "\n".join(headed[id(p)] for p in paragraphs)
        return text if len(text) <= CELL_LIMIT else text[:CELL_LIMIT] + "……（过长，已截断）"

    for first, second in result.cross_township_pairs():
        items = result.copying.pairs[(first, second)]
        a, b = result.summaries[first], result.summaries[second]
        yield [a.label, a.name, b.label, b.name, len(items), min(item.ratio for item in items),
               texts([item.first_paragraph for item in items]), texts([item.second_paragraph for item in items])]


def shared_paragraph_count(result: ReviewResult) -> int:
    """How many paragraphs different townships share, counted pair by pair."""
    return sum(len(result.copying.pairs[key]) for key in result.cross_township_pairs())


def problems_by_township(result: ReviewResult) -> list[tuple[str, dict[str, int]]]:
    """(township, findings per severity) of every report read, for the stacked chart."""
    return [(row.label if _unique_label(result, row) else f"{row.label}（{row.year or '?'}）", dict(row.counts))
            for row in result.summaries if row.readable]


def parts_present(result: ReviewResult) -> list[tuple[str, int, int]]:
    """(part name, reports having it, reports read) for each statutory part."""
    read = [row for row in result.summaries if row.readable]
    return [(result.part_names.get(part_id, part_id), sum(1 for row in read if row.parts.get(part_id)), len(read))
            for part_id in STATUTORY]


def _unique_label(result: ReviewResult, row: ReportSummary) -> bool:
    return sum(1 for other in result.summaries if other.readable and other.label == row.label) == 1
