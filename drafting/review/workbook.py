"""The review as an Excel workbook (openpyxl): 汇总, 问题明细 and 雷同段落.

汇总 has one row per file with an autofilter (sort and filter in Excel or WPS) and conditional
colours: a missing statutory part, many errors and a high share of text found in another
township's report stand out; an unreadable file's row is grey with the reason. Written to memory
and then through atomic_write_bytes, so a half-written workbook never replaces a good one.

A county's 雷同段落 sheet holds thousands of long paragraphs, so the workbook is written the fast way:
openpyxl's write-only mode streams each row as it comes (the autofilter, the conditional colours and
the frozen header are all kept: they are set before the first row or written after the last), and
each sheet's XML is written in UTF-8. openpyxl's own sheet writer has no encoding and so writes every
Chinese character as an eight-byte ``&#NNNNN;`` reference: for 100 reports that is 48 MB of XML to
write and compress instead of 18 MB. A cell's text is the same either way.
"""

from __future__ import annotations

import datetime
import functools
import io
import zipfile
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
    """The openpyxl Workbook of the review, write-only: it can be saved once (openpyxl is imported
    only when a workbook is made)."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import CellIsRule, FormulaRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    config = config or default_review_config()
    book = Workbook(write_only=True)
    summary = book.create_sheet(SHEET_SUMMARY)
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
    """Stream the header and rows into a write-only sheet: widths and the frozen header first (a
    write-only sheet writes them before its first row), the autofilter once the rows are counted."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(columns):
        sheet.column_dimensions[get_column_letter(index + 1)].width = column.width + 2
    sheet.freeze_panes = "B2"
    _write_in_utf8(sheet)
    bold, wrapped = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def styled(value: object, **style: object) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=value)
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    sheet.append([styled(column.header, font=bold) for column in columns])
    percent = [index for index, column in enumerate(columns) if column.kind == "share"]
    count = 0
    for count, values in enumerate(rows, start=1):  # noqa: B007 (count is read after the loop)
        for index in percent:
            values[index] = styled(values[index], number_format="0%")
        if wrap:  # the long texts only: styling every cell costs more than writing it
            values = [styled(value, alignment=wrapped) if isinstance(value, str) and len(value) > 40 else value
                      for value in values]
        sheet.append(values)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"


def _write_in_utf8(sheet) -> None:  # type: ignore[no-untyped-def]
    """Give a write-only sheet, before its first row, a writer whose XML is UTF-8 (see the module's
    docstring). Where openpyxl's internals differ from 3.1's, the sheet keeps its own writer."""
    writer = _utf8_writer_class()
    if writer is not None and getattr(sheet, "_writer", False) is None:
        sheet._writer = writer(sheet)
        sheet._writer.write_top()


def _saved(book) -> bytes:  # type: ignore[no-untyped-def]
    """The workbook's .xlsx bytes, what Workbook.save writes but deflated at the fastest level: the
    雷同段落 sheet repeats the same paragraphs pair after pair, so level 1 still shrinks its XML about
    tenfold, in a third of the default level's time."""
    from openpyxl.writer.excel import ExcelWriter

    book.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    buffer = io.BytesIO()
    ExcelWriter(book, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=1)).save()
    return buffer.getvalue()


@functools.cache
def _utf8_writer_class():  # type: ignore[no-untyped-def]
    try:
        from openpyxl.worksheet._writer import WorksheetWriter
        from openpyxl.xml.constants import SHEET_MAIN_NS
        from openpyxl.xml.functions import xmlfile
    except ImportError:
        return None

    class Utf8WorksheetWriter(WorksheetWriter):  # type: ignore[misc]
        def get_stream(self):  # type: ignore[no-untyped-def]
            # openpyxl 3.1's WorksheetWriter.get_stream with an encoding given to xmlfile.
            with xmlfile(self.out, encoding="utf-8") as xf, xf.element("worksheet", xmlns=SHEET_MAIN_NS):
                try:
                    while True:
                        element = yield
                        if element is True:
                            yield xf
                        elif element is not None:
                            xf.write(element)
                except GeneratorExit:
                    pass

    return Utf8WorksheetWriter


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
    try:
        atomic_write_bytes(Path(path), _saved(book))
    except OSError as exc:
        raise ExportError(f"无法写入“{path}”（{exc.strerror or exc}）。请确认文件没有在 Excel/WPS 中打开、"
                          "文件夹可以写入后再试。") from None
    return Path(path)
