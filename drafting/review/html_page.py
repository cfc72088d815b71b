"""The review as one self-contained HTML page: inline CSS, the two SVG charts and the three tables.

Nothing is fetched (no scripts, fonts or images from elsewhere), so the page opens offline and can
be mailed as one file. Every text from a report is escaped. A very long 雷同段落 list is cut on the
page (the workbook keeps every row) and the page says how many rows it left out.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from drafting.errors import ExportError
from drafting.files.atomic import atomic_write_bytes
from drafting.review.batch import ReviewResult
from drafting.review.charts import parts_chart, problems_chart
from drafting.review.config import ReviewConfig, default_review_config
from drafting.review.table import (
    ABSENT,
    COL_ERRORS,
    COL_LAST_YEAR,
    COL_SHARE,
    FINDING_COLUMNS,
    PRESENT,
    SHARED_COLUMNS,
    Column,
    finding_rows,
    parts_present,
    problems_by_township,
    shared_paragraph_count,
    shared_rows,
    summary_columns,
    summary_values,
)

#: Rows of a detail table shown on the page; the workbook has all of them.
PAGE_ROW_LIMIT = 500

_CSS = """
body{font-family:'Noto Sans CJK SC','Microsoft YaHei','SimHei',sans-serif;margin:24px;color:#222;font-size:14px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-left:4px solid #c9302c;padding-left:8px}
.meta{color:#666;margin-bottom:12px} .charts{display:flex;flex-wrap:wrap;gap:24px}
table{border-collapse:collapse;width:100%;font-size:13px} th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
th{background:#f3f3f3;position:sticky;top:0} td.n{text-align:right} td.ok{background:#c6efce;text-align:center}
td.no{background:#ffc7ce;color:#9c0006;text-align:center} td.alert{background:#ffc7ce} td.warn{background:#ffd8a8}
tr.bad td{background:#e0e0e0;color:#555} td.long{max-width:520px;white-space:pre-wrap} .note{color:#666;margin:6px 0}
"""


def build_page(result: ReviewResult, config: ReviewConfig | None = None, title: str = "县级审阅汇总") -> str:
    """The page's HTML text."""
    config = config or default_review_config()
    read = sum(1 for row in result.summaries if row.readable)
    year = f"{result.year} 年度，" if result.year else ""
    shared = list(shared_rows(result))
    shared_count = shared_paragraph_count(result)
    findings = list(finding_rows(result))
    out = [
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<div class="meta">{year}共 {len(result.summaries)} 个文件，读取 {read} 份报告；'
        f"问题 {len(findings)} 条；不同乡镇之间雷同段落 {shared_count} 处（{len(shared)} 对报告）。</div>",
        '<div class="charts">', problems_chart(problems_by_township(result)),
        parts_chart(parts_present(result)), "</div>",
        "<h2>汇总</h2>", _summary_table(result, config),
        "<h2>雷同段落</h2>", _table(SHARED_COLUMNS, shared, "没有发现不同乡镇之间的雷同段落。"),
        "<h2>问题明细</h2>", _table(FINDING_COLUMNS, findings, "没有发现问题。"),
        "</body></html>",
    ]
    return "\n".join(out)


def _summary_table(result: ReviewResult, config: ReviewConfig) -> str:
    columns = summary_columns(result)
    out = ["<table>", _header(columns)]
    for row in result.summaries:
        values = summary_values(row, result.optional_parts)
        cells = []
        for index, (column, value) in enumerate(zip(columns, values, strict=True)):
            css = _css(column, value)
            if index == COL_ERRORS and isinstance(value, int) and value >= config.error_alert:
                css = "n alert"
            if index in (COL_SHARE, COL_LAST_YEAR) and isinstance(value, float) and value >= config.share_alert:
                css = "n warn"
            cells.append(f'<td class="{css}">{_text(column, value)}</td>')
        out.append(f'<tr{"" if row.readable else " class=bad"}>{"".join(cells)}</tr>')
    out.append("</table>")
    return "\n".join(out)


def _table(columns: list[Column], rows: list[list[object]], empty: str) -> str:
    if not rows:
        return f'<p class="note">{empty}</p>'
    out = ["<table>", _header(columns)]
    for values in rows[:PAGE_ROW_LIMIT]:
        out.append("<tr>" + "".join(f'<td class="{_css(c, v)}">{_text(c, v)}</td>'
                                    for c, v in zip(columns, values, strict=True)) + "</tr>")
    out.append("</table>")
    if len(rows) > PAGE_ROW_LIMIT:
        out.append(f'<p class="note">另有 {len(rows) - PAGE_ROW_LIMIT} 行未在网页中列出，请看导出的 Excel 汇总。</p>')
    return "\n".join(out)


def _header(columns: list[Column]) -> str:
    return "<tr>" + "".join(f"<th>{escape(c.header)}</th>" for c in columns) + "</tr>"


def _css(column: Column, value: object) -> str:
    if column.kind == "part":
        return "ok" if value == PRESENT else "no" if value == ABSENT else ""
    if column.kind in ("int", "share"):
        return "n"
    return "long" if column.width >= 40 else ""


def _text(column: Column, value: object) -> str:
    if value is None:
        return ""
    if column.kind == "share" and isinstance(value, float):
        return f"{value:.0%}"
    return escape(str(value))


def write_page(result: ReviewResult, path: Path, config: ReviewConfig | None = None) -> Path:
    """Write the page to an .html file.

    Raises:
        ExportError: the file cannot be written.
    """
    try:
        atomic_write_bytes(Path(path), build_page(result, config).encode("utf-8"))
    except OSError as exc:
        raise ExportError(f"无法写入“{path}”（{exc.strerror or exc}）。请确认文件夹可以写入后再试。") from None
    return Path(path)
