"""``export SOURCE -o OUT.docx``: write a GB/T 9704 Word file from a draft, .txt or .docx."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafting.errors import ExportError
from drafting.sources import load_source

VERB = "export"
HELP = "把报告（草稿文件、.txt 或 .docx）导出为符合 GB/T 9704-2012 的 Word 文件"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE", help="草稿文件、.txt 文字稿或 .docx 文件")
    parser.add_argument("-o", "--output", metavar="OUT.docx", required=True, help="要写入的 Word 文件")


def run(args: argparse.Namespace) -> int:
    source = Path(args.source)
    output = Path(args.output)
    check_output_path(source, output)
    report = load_source(source)
    from drafting.docx_export import write_docx

    write_docx(report, output)
    sys.stdout.write(f"已导出：{output}\n")
    return 0


def check_output_path(source: Path, output: Path) -> None:
    """Refuse an output that is the source itself or lies in a missing folder.

    Raises:
        ExportError: with what to do instead.
    """
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        raise ExportError(f"输出文件不能与源文件“{source.name}”相同，否则源文件会被覆盖。请换一个输出文件名。")
    if output.is_dir():
        raise ExportError(f"“{output}”是文件夹。请在 -o 后写出完整的文件名，例如 {output / '报告.docx'}。")
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"输出文件夹“{folder}”不存在。请先创建该文件夹，或换一个输出位置。")
