"""The review as an Excel workbook (openpyxl): 汇总, 问题明细 and 雷同段落.

汇总 has one row per file with an autofilter (sort and filter in Excel or WPS) and conditional
colours: a missing statutory part, many errors and a high share of text found in another
township's report stand out; an unreadable file's row is grey with the reason. Written to memory
and then through atomic_write_bytes, so a half-written workbook never replaces a good one.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from drafting.errors import ExportError
from drafting.files.atomic import atomic_write_bytes
from drafting.review.batch import ReviewResult
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
    shared_rows,
    summary_columns,
    summary_values,
)

SHEET_SUMMARY, SHEET_FINDINGS, SHEET_SHARED = "汇总", "问题明细", "雷同段落"
RED, ORANGE, GREY, GREEN = "FFC7CE", "FFD8A8", "E0E0E0", "C6EFCE"


def build_workbook(result: ReviewResult, config: ReviewConfig | None = None):  # type: ignore[no-untyped-def]
    """The openpyxl Workbook of the review (openpyxl is imported only when a workbook is made)."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import CellIsRule, FormulaRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    config = config or default_review_config()
    book = Workbook()
    summary = book.active
    summary.title = SHEET_SUMMARY
    columns = summary_columns(result)
    _fill(summary, columns, (summary_values(row, result.optional_parts) for row in result.summaries))
    last = len(result.summaries) + 1
    if last > 1:
        def fill(colour: str) -> PatternFill:
            return PatternFill(start_color=colour, end_color=colour, fill_type="solid")

        width = get_column_letter(len(columns))
        name_col = get_column_letter(len(columns))  # 备注 holds the reason of an unreadable file
        summary.conditional_formatting.add(
            f"A2:{width}{last}", FormulaRule(formula=[f'LEFT(${name_col}2,5)="无法读取："'], fill=fill(GREY)))
        parts = f"{get_column_letter(5)}2:{get_column_letter(9)}{last}"
        summary.conditional_formatting.add(
            parts, CellIsRule(operator="equal", formula=[f'"{ABSENT}"'], fill=fill(RED), font=Font(color="9C0006")))
        summary.conditional_formatting.add(
            parts, CellIsRule(operator="equal", formula=[f'"{PRESENT}"'], fill=fill(GREEN)))
        errors = get_column_letter(COL_ERRORS + 1)
        summary.conditional_formatting.add(
            f"{errors}2:{errors}{last}",
            CellIsRule(operator="greaterThanOrEqual", formula=[str(config.error_alert)], fill=fill(RED)))
        for col in (COL_SHARE, COL_LAST_YEAR):
            letter = get_column_letter(col + 1)
            summary.conditional_formatting.add(
                f"{letter}2:{letter}{last}",
                CellIsRule(operator="greaterThanOrEqual", formula=[str(config.share_alert)], fill=fill(ORANGE)))
    _fill(book.create_sheet(SHEET_FINDINGS), FINDING_COLUMNS, finding_rows(result))
    _fill(book.create_sheet(SHEET_SHARED), SHARED_COLUMNS, shared_rows(result), wrap=True)
    return book


def _fill(sheet, columns: list[Column], rows: Iterable[list[object]], wrap: bool = False) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append([column.header for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    count = 0
    for count, values in enumerate(rows, start=1):  # noqa: B007 (count is read after the loop)
        sheet.append(values)
    percent = [index for index, column in enumerate(columns) if column.kind == "share"]
    for index, column in enumerate(columns):
        sheet.column_dimensions[get_column_letter(index + 1)].width = column.width + 2
    if count:
        for row in sheet.iter_rows(min_row=2, max_row=count + 1):
            for index in percent:
                row[index].number_format = "0%"
            if wrap:  # the long texts only: styling every cell costs more than writing it
                for cell in row:
                    if isinstance(cell.value, str) and len(cell.value) > 40:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"


def write_workbook(result: ReviewResult, path: Path, config: ReviewConfig | None = None) -> Path:
    """Write the review to an .xlsx file.

    Raises:
        ExportError: openpyxl is missing or the file cannot be written.
    """
    try:
        book = build_workbook(result, config)
    except ImportError:
        raise ExportError("缺少 openpyxl 组件，无法写出 Excel 文件。请运行 pip install openpyxl 后再试，"
                          "或改用 .html 输出。") from None
    buffer = io.BytesIO()
    book.save(buffer)
    try:
        atomic_write_bytes(Path(path), buffer.getvalue())
    except OSError as exc:
        raise ExportError(f"无法写入“{path}”（{exc.strerror or exc}）。请确认文件没有在 Excel/WPS 中打开、"
                          "文件夹可以写入后再试。") from None
    return Path(path)
