"""A PDF of a Word file as LibreOffice lays it out: the window's 预览 and the render tests.

The official fonts (仿宋_GB2312, 黑体 ...) are rarely installed outside Windows; by default they are
shown with the installed fonts named in templates/layout.yml (``preview_fonts``), not with whatever
LibreOffice would pick. The conversion itself is drafting.files.libreoffice.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from drafting.export.layout import load_layout
from drafting.files.libreoffice import DEFAULT_TIMEOUT, convert


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
