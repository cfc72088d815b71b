"""``review FOLDER [--year Y] [--checklist FILE]... [-o 审阅汇总.xlsx|.html]``: the county review.

Reads every report in the folder (Word, WPS, text, drafts), checks each with the checklist, finds
the paragraphs different townships share, and writes the summary as an Excel workbook or one HTML
page. A progress line goes to stderr; a file that cannot be read gets its row with the reason and
the batch goes on. Exit code 0 when the summary was written, 2 when it could not be.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafting.errors import InputError

VERB = "review"
HELP = "县级审阅：检查一个文件夹中各乡镇的全部报告，找出雷同段落，写出 Excel 汇总或网页"
DEFAULT_NAME = "审阅汇总.xlsx"
OUTPUT_SUFFIXES = (".xlsx", ".html", ".htm")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="FOLDER", help="放有各乡镇报告（.docx、.doc、.wps、.txt、草稿）的文件夹")
    parser.add_argument("--year", type=int, metavar="YEAR", help="审阅的报告年度（报告中看不出年度时按此年度检查）")
    parser.add_argument("--checklist", metavar="FILE", action="append", default=[],
                        help="另外使用的检查规则文件（.yml，可多次使用），如本县的规则")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help=f"写出的汇总：.xlsx（Excel 工作簿）或 .html（网页）；默认写到文件夹中的 {DEFAULT_NAME}")


def run(args: argparse.Namespace) -> int:
    from drafting.checklist import default_checklist
    from drafting.review.batch import report_files, review_paths
    from drafting.review.table import shared_paragraph_count

    folder = Path(args.folder)
    files = report_files(folder)  # first: a wrong folder is the likelier mistake
    output = Path(args.output) if args.output else folder / DEFAULT_NAME
    if output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise InputError(f"无法写出“{output.name}”：汇总只能写成 .xlsx（Excel）或 .html（网页）。请换一个文件名后再试。")
    if not output.parent.is_dir():
        raise InputError(f"找不到要写入的文件夹“{output.parent}”。请先建好文件夹，或换一个输出位置。")
    if args.year is not None and not 2000 <= args.year <= 2100:
        raise InputError(f"年度“{args.year}”不对。请写四位数的年份，如 --year 2025。")
    for extra in args.checklist:
        if not Path(extra).is_file():
            raise InputError(f"找不到检查规则文件“{extra}”。请检查 --checklist 后的文件名和路径。")
    checklist = default_checklist([Path(p) for p in args.checklist])
    progress = _progress_line(sys.stderr.isatty())
    result = review_paths(files, year=args.year, checklist=checklist, progress=progress, processes=True)
    if output.suffix.lower() == ".xlsx":
        from drafting.review.workbook import write_workbook

        write_workbook(result, output)
    else:
        from drafting.review.html_page import write_page

        write_page(result, output)
    bad = [row for row in result.summaries if not row.readable]
    pairs = result.cross_township_pairs()
    shared = shared_paragraph_count(result)
    sys.stdout.write(f"共 {len(files)} 个文件，读取 {len(files) - len(bad)} 份报告；"
                     f"不同乡镇之间雷同段落 {shared} 处（{len(pairs)} 对报告）。已写出“{output}”。\n")
    for row in bad:
        sys.stderr.write(f"无法读取“{row.name}”：{row.problem}\n")
    return 0


def _progress_line(interactive: bool):  # type: ignore[no-untyped-def]
    """A progress callback: one line rewritten in place on a terminal, a line per file otherwise."""

    def progress(done: int, total: int, name: str) -> None:
        if interactive:
            sys.stderr.write(f"\r正在审阅 {done}/{total}：{name[:40]}\033[K")
            if done == total:
                sys.stderr.write("\n")
        else:
            sys.stderr.write(f"已审阅 {done}/{total}：{name}\n")
        sys.stderr.flush()

    return progress
