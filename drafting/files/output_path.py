"""Checks on an output path before anything is written: never the source, never a folder,
never a device or a pipe, never into a missing folder. Shared by every verb (and the window) that writes a file."""

from __future__ import annotations

import stat
from pathlib import Path

from drafting.errors import ExportError


def check_output_path(source: Path, output: Path, *, example: str = "报告.docx") -> None:
    """Refuse an output that is the source itself, a folder, or lies in a missing folder.

    Args:
        example: a file name to suggest in the message (报告.docx, 新报告.fzbg ...).

    Raises:
        ExportError: with what to do instead; nothing has been written.
    """
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        raise ExportError(
            f"输出文件不能与源文件“{source.name}”相同，否则源文件会被覆盖。请在 -o 后换一个文件名，例如 {example}。"
        )
    if output.exists() and not output.is_dir() and not stat.S_ISREG(output.stat().st_mode):
        # A device or a named pipe: replacing it with a file could break the system (-o /dev/full).
        raise ExportError(f"“{output}”不是普通文件（可能是设备或管道），不能写入。请在 -o 后写一个普通的文件名，例如 {example}。")
    if output.is_dir():
        raise ExportError(f"“{output}”是文件夹。请在 -o 后写出完整的文件名，例如 {output / example}。")
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"输出文件夹“{folder}”不存在。请先创建该文件夹，或换一个输出位置。")


#: Characters Windows does not allow in a file name.
_NOT_IN_NAMES = str.maketrans({c: "" for c in '\\/:*?"<>|\r\n\t'})
#: Endings of an organisation's full name left out of a file name (青山镇人民政府 → 青山镇).
_ORG_ENDINGS = ("人民政府", "办事处")


def suggested_file_name(org: str, year: int | None, suffix: str) -> str:
    """The file name to offer for a report: 青山镇2026年度法治政府建设情况报告.fzbg (.docx, .pdf).

    org is the report's organisation (its 人民政府/办事处 ending dropped), year its report year.
    """
    short = org.strip().translate(_NOT_IN_NAMES)
    for ending in _ORG_ENDINGS:
        if short.endswith(ending) and len(short) > len(ending):
            short = short[: -len(ending)]
            break
    when = f"{year}年度" if year else ""
    return f"{short}{when}法治政府建设情况报告{suffix}"
