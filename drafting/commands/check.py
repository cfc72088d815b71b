"""``check SOURCE... [--checklist FILE]... [--json]``: run the checklist over reports.

Prints a readable table per source (or, with --json, one JSON list with an
object per source). Exit code 0: no error-level findings; 1: some; 2: a
source could not be read (the others are still checked) or a checklist file
is invalid. Heavy modules (the checklist, jieba) load only when this runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from drafting.errors import DraftingError, InputError

VERB = "check"
HELP = "按检查清单检查报告（草稿文件、.txt 或 .docx），列出缺漏、用语、格式和数据问题"

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", metavar="SOURCE", nargs="+", help="要检查的草稿文件、.txt 文字稿或 .docx 文件（可写多个）")
    parser.add_argument(
        "--checklist",
        metavar="FILE",
        action="append",
        default=[],
        help="另外使用的检查规则文件（.yml，可多次使用）：增加规则，或按 id 修改、关闭默认规则",
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出（每个文件一个对象）")


def run(args: argparse.Namespace) -> int:
    from drafting.checklist import default_checklist
    from drafting.data.outline import default_outline
    from drafting.reading.sources import load_source

    for extra in args.checklist:
        if not Path(extra).is_file():
            raise InputError(f"找不到检查规则文件“{extra}”。请检查 --checklist 后的文件名和路径。")
    checklist = default_checklist([Path(p) for p in args.checklist])
    outline = default_outline()
    results: list[dict[str, Any]] = []
    exit_code = EXIT_OK
    unreadable = False
    for source in args.sources:
        try:
            report = load_source(Path(source))
        except DraftingError as exc:  # InputError, or StorageError for a damaged draft
            sys.stderr.write(f"错误：{exc.message}\n")
            unreadable = True
            continue
        for note in report.load_notes:
            sys.stderr.write(f"注意：{note}\n")
        findings = checklist.run(report)
        if any(f.severity.value == "error" for f in findings):
            exit_code = EXIT_FINDINGS
        results.append(
            {
                "source": source,
                "year": report.meta.year,
                "org": report.meta.org,
                "parts": [{"id": p.id, "heading": p.heading} for p in report.parts],
                "findings": [f.to_dict() for f in findings],
            }
        )
    if args.json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    else:
        for result in results:
            sys.stdout.write(format_table(result, _part_names(outline)) + "\n")
    return EXIT_UNREADABLE if unreadable else exit_code


def _part_names(outline: Any) -> dict[str, str]:
    names = {spec.id: spec.name for spec in outline.parts}
    names[""] = "全文"
    return names


_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


def format_table(result: dict[str, Any], part_names: dict[str, str]) -> str:
    """One source's findings as a plain-text table a clerk can read."""
    year = f"{result['year']}年度" if result["year"] else "年度未知"
    org = result["org"] or "单位未识别"
    parts = "、".join(part_names.get(p["id"], p["id"]) for p in result["parts"]) or "（无）"
    lines = [f"== {result['source']}（{year}，{org}）", f"识别出的部分：{parts}"]
    findings = result["findings"]
    if not findings:
        lines.append("未发现问题。")
        return "\n".join(lines)
    lines.append(f"{_pad('位置', 8)}{_pad('级别', 6)}{_pad('部分', 18)}{_pad('规则', 20)}说明")
    for finding in findings:
        where = f"{finding['line']}:{finding['column']}" if finding["line"] is not None else "—"
        part = part_names.get(finding["part"] or "", finding["part"] or "")
        lines.append(
            f"{_pad(where, 8)}{_pad(_LABELS[finding['severity']], 6)}{_pad(part, 18)}{_pad(finding['rule'], 20)}"
            f"{finding['message']}"
        )
        if finding["suggestion"]:
            lines.append(f"{_pad('', 8)}建议：{finding['suggestion']}")
    counts = {key: sum(1 for f in findings if f["severity"] == key) for key in _LABELS}
    lines.append(f"共 {len(findings)} 条：错误 {counts['error']} 条，警告 {counts['warning']} 条，提示 {counts['info']} 条。")
    return "\n".join(lines)


def _pad(text: str, width: int) -> str:
    """Pad to a display width, counting a Chinese character as two columns."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(1, width - used)
