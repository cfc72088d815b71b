"""A PDF of a Word file as LibreOffice lays it out: the window's 预览, 导出PDF and the render tests.

The official fonts (仿宋_GB2312, 黑体 ...) are rarely installed outside Windows. For the preview they
are always shown with the installed fonts named in templates/layout.yml (``preview_fonts``); an
exported PDF uses the official fonts where they are installed and those substitutes only where
they are missing. The conversion itself is drafting.files.libreoffice.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path

from drafting.export.layout import load_layout
from drafting.export.writer import write_docx
from drafting.files import libreoffice
from drafting.files.atomic import atomic_write_bytes
from drafting.files.libreoffice import DEFAULT_TIMEOUT, ENV_VAR, LibreOfficeError, convert, missing_fonts
from drafting.model import Report

#: What to do without LibreOffice (the CLI's error and the window's message say the same).
NO_LIBREOFFICE_FOR_PDF = (
    "没有找到 LibreOffice，无法导出 PDF。请安装 LibreOffice（https://zh-cn.libreoffice.org，免费）后再试；"
    "也可以先导出 Word 文件（不需要 LibreOffice），再用 Word 或 WPS 的“另存为 PDF”。"
    f"LibreOffice 装在其他位置时，可设置环境变量 {ENV_VAR} 指向其中的 soffice 程序。"
)


def docx_to_pdf(
    source: Path, out_dir: Path, *, timeout: float = DEFAULT_TIMEOUT, font_substitutes: Mapping[str, str] | None = None
) -> Path:
    """Convert source to PDF in out_dir; returns the PDF's path.

    Raises:
        LibreOfficeError: LibreOffice missing, failing or too slow (a Chinese message says which).
    """
    if font_substitutes is None:
        font_substitutes = load_layout().preview_fonts
    return convert(source, "pdf", out_dir, timeout=timeout, action="生成 PDF 预览", font_substitutes=font_substitutes)


def export_pdf(report: Report, output: Path, *, timeout: float = DEFAULT_TIMEOUT) -> Path:
    """Write the report as a PDF (the exported Word file laid out by LibreOffice) to output.

    The PDF replaces output in one step (drafting.files.atomic): a failed conversion leaves
    nothing half-written.

    Raises:
        LibreOfficeError: LibreOffice missing, failing or too slow (a Chinese message says which).
        ExportError: the Word file could not be written.
    """
    if libreoffice.find_soffice() is None:
        raise LibreOfficeError(NO_LIBREOFFICE_FOR_PDF)
    output = Path(output)
    with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as work:
        # An ASCII name: soffice started in a locale the system lacks cannot open other names.
        docx = Path(work) / "report.docx"
        write_docx(report, docx)
        pdf = convert(docx, "pdf", Path(work), timeout=timeout, action="导出 PDF",
                      font_substitutes=missing_fonts(load_layout().preview_fonts))
        atomic_write_bytes(output, pdf.read_bytes())
    return output
