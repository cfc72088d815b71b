"""``import LAST_REPORT --year Y -o DRAFT``: start this year's draft from last year's report.

Reads a draft, .txt, .docx (or .doc/.wps with LibreOffice), cleans it, carries
it into year Y and writes the new draft; prints what was cleaned, how the
parts were recognised and what to review. The source file is only read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafting.errors import InputError
from drafting.files.output_path import check_output_path

VERB = "import"
HELP = "从去年的报告（草稿、.txt、.docx，或装有 LibreOffice 时的 .doc/.wps）开始，生成新年度的草稿"

_LEVELS = ((0.85, "高"), (0.65, "中"), (0.0, "低"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="LAST_REPORT", help="去年的报告文件（不会被修改）")
    parser.add_argument("--year", type=int, required=True, metavar="Y", help="新报告所属的年度，例如 2022")
    parser.add_argument("-o", "--output", metavar="DRAFT", required=True, help="要写入的新草稿文件（建议扩展名 .fzbg）")


def run(args: argparse.Namespace) -> int:
    source, output = Path(args.source), Path(args.output)
    if not 1990 <= args.year <= 2100:
        raise InputError(f"年度“{args.year}”无效。请在 --year 后写四位数的年度，例如 2022。")
    check_output(source, output)
    from drafting.data.outline import default_outline
    from drafting.files.storage import save_draft
    from drafting.lastyear.carryover import read_last_year, start_new_year

    imported = read_last_year(source)
    for note in imported.report.load_notes:
        sys.stderr.write(f"注意：{note}\n")
    new, notes = start_new_year(imported, args.year, source.name)
    outline = default_outline()
    out = sys.stdout
    old_year = imported.report.meta.year
    out.write(f"已读取：{source.name}（{old_year or '年度未知'}{' 年度' if old_year else ''}，"
              f"{imported.report.meta.org or '单位未识别'}）\n")
    out.write("结构识别：\n")
    for part in imported.report.parts:
        name = outline.spec(part.id).name
        score = imported.confidence.get(part.id, 0.0)
        label = next(word for limit, word in _LEVELS if score >= limit)
        heading = imported.report.title if part.id == "title" else part.heading or (
            part.blocks[0].text if part.blocks else "")
        out.write(f"  {name} ← “{_short(heading)}”（把握：{label}）\n")
    missing = [p.name for p in outline.statutory if p.required and imported.report.part(p.id) is None]
    if missing:
        out.write(f"  未找到：{'、'.join(missing)}（请在新草稿中补写）\n")
    if imported.cleanup:
        out.write(f"清理（{len(imported.cleanup)} 处）：\n")
        for note in imported.cleanup:
            out.write(f"  {note}\n")
    if notes:
        out.write(f"结转到 {args.year} 年（{len(notes)} 处，请逐条核对）：\n")
        for note in notes:
            out.write(f"  {note}\n")
    save_draft(new, output)
    out.write(f"已写入新草稿：{output}（去年的段落在修改或确认之前会被检查提示为“与去年相同”）\n")
    return 0


def _short(text: str, width: int = 24) -> str:
    return text if len(text) <= width else text[:width] + "……"


def check_output(source: Path, output: Path) -> None:
    """Refuse to write over the source, a folder, or a file that is not one of our drafts.

    Raises:
        InputError: with what to do instead.
    """
    check_output_path(source, output, example="新报告.fzbg")
    if output.is_file():
        from drafting.files.storage import looks_like_draft

        with output.open("rb") as handle:
            head = handle.read(4096)
        if not looks_like_draft(head):
            raise InputError(f"“{output.name}”已存在，且不是本软件的草稿文件，不能覆盖。请在 -o 后换一个文件名。")
