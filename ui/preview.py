"""预览: the pages as they will print (Word file → LibreOffice → PDF, shown with QtPdf).

The conversion runs as a background job (ui.workers); this module holds the
job and the panel that shows the PDF's pages one under another, fitted to the
panel's width (QPdfView, from PySide6-Addons). Only LibreOffice is needed.
Without it the panel shows a clear note; so it does, should QtPdf be missing.
"""

from __future__ import annotations

import copy
import logging
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from drafting.errors import DraftingError
from drafting.model import Report
from ui.workers import ProgressFn

logger = logging.getLogger(__name__)


class PreviewError(DraftingError):
    """The preview could not be made (message for the writer)."""


def preview_job(report: Report, progress: ProgressFn) -> Path:
    """Export a copy of the report and convert it to PDF; returns the PDF's path.

    Raises:
        DraftingError: LibreOffice missing or failing (clear Chinese message).
    """
    from drafting.export.pdf import docx_to_pdf
    from drafting.export.writer import write_docx
    from drafting.files import libreoffice

    report = copy.deepcopy(report)
    if libreoffice.find_soffice() is None:
        raise PreviewError("没有找到 LibreOffice，无法显示打印预览。安装 LibreOffice 后即可预览；导出 Word 不受影响。")
    work = Path(tempfile.mkdtemp(prefix="fazhi-preview-"))
    progress(10, "正在生成 Word 文件…")
    docx_path = work / "preview.docx"  # ASCII: soffice in a locale it lacks cannot open other names
    write_docx(report, docx_path)
    progress(30, "正在用 LibreOffice 排版…")
    pdf_path = docx_to_pdf(docx_path, work)
    progress(100, "预览完成")
    return pdf_path


class PreviewPanel(QWidget):
    """Shows a PDF's pages one under another (QPdfView), or a note when there is nothing to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note_label = QLabel("点击“预览”（工具栏或“文件”菜单）查看打印效果。")
        self.note_label.setObjectName("preview_note")
        self.note_label.setWordWrap(True)
        self.document = None
        self.view = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        try:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView
        except ImportError:  # PySide6-Addons not installed
            logger.warning("QtPdf is not available: the preview cannot show pages")
            return
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("preview_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(8)
        self.view.setStyleSheet("QPdfView { background: #888; }")
        layout.addWidget(self.view, 1)

    def show_note(self, text: str) -> None:
        self.note_label.setText(text)
        self.note_label.setVisible(True)

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def show_pdf(self, pdf: Path) -> None:
        """Show the pages of pdf (the previous preview, if any, is replaced)."""
        if self.document is None:
            self.show_note(f"本机的 Qt 缺少 PDF 显示组件（PySide6-Addons），无法在窗口中预览。预览文件已生成：{pdf}")
            return
        from PySide6.QtPdf import QPdfDocument

        self.document.close()
        if self.document.load(str(pdf)) != QPdfDocument.Error.None_:
            self.show_note("无法显示预览文件。请改用“导出PDF”或“导出Word”后在其他程序中查看。")
            return
        self.show_note(f"共 {self.page_count()} 页（与导出的 Word 文件用 LibreOffice 排版的效果一致）。")
