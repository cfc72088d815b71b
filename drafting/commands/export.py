"""``export SOURCE -o OUT.docx [--strict]`` (or ``OUT.pdf``): write a GB/T 9704 Word file, or its PDF
through LibreOffice, from a draft, .txt or .docx.

Before writing, the error-level rules of the checklist run (without jieba, so export stays light):
the count of open errors goes to stderr and the file is still written; with --strict nothing is
written while any error is open (exit code 1).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafting.files.output_path import check_output_path
from drafting.reading.sources import load_source

VERB = "export"
HELP = "把报告（草稿文件、.txt 或 .docx）导出为符合 GB/T 9704-2012 的 Word 文件，或（-o 以 .pdf 结尾时）PDF 文件"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE", help="草稿文件、.txt 文字稿或 .docx 文件")
    parser.add_argument("-o", "--output", metavar="OUT.docx", required=True,
                        help="要写入的 Word 文件；以 .pdf 结尾时导出 PDF（需要 LibreOffice）")
    parser.add_argument("--strict", action="store_true", help="报告中仍有“错误”级问题时不导出（退出码 1）")


def run(args: argparse.Namespace) -> int:
    source = Path(args.source)
    output = Path(args.output)
    check_output_path(source, output)
    report = load_source(source)
    for note in report.load_notes:
        sys.stderr.write(f"注意：{note}\n")
    from drafting.checklist.gate import errors_summary, open_errors

    errors = open_errors(report, segment=False)
    if errors:
        what = f"报告中仍有{len(errors)}个错误：{errors_summary(errors)}"
        if args.strict:
            sys.stderr.write(f"错误：{what}。未导出（--strict）。请先用 check 命令查看并改正，或去掉 --strict 照常导出。\n")
            return 1
        sys.stderr.write(f"注意：{what}。已照常导出，可用 check 命令查看详情。\n")
    if output.suffix.lower() == ".pdf":
        from drafting.export.pdf import export_pdf

        export_pdf(report, output)
    else:
        from drafting.export.writer import write_docx

        write_docx(report, output)
    sys.stdout.write(f"已导出：{output}\n")
    return 0
