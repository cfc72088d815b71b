"""预览: the pages as they will print (Word file → LibreOffice → PDF → page images).

The conversion runs as a background job (ui.workers); this module holds the
job and the panel that shows its pages. PySide6-Essentials has no QtPdf here,
so pages are rendered to PNG with poppler's pdftoppm and shown in a scroll
area. Without LibreOffice (or pdftoppm) the panel shows a clear note.
"""

from __future__ import annotations

import copy
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from drafting.errors import DraftingError
from drafting.model import Report
from ui.workers import ProgressFn

logger = logging.getLogger(__name__)

PAGE_DPI = 90
PDFTOPPM_TIMEOUT = 60


class PreviewError(DraftingError):
    """The preview could not be made (message for the writer)."""


def preview_job(report: Report, progress: ProgressFn) -> list[Path]:
    """Export a copy of the report, convert it to PDF and render its pages; returns PNG paths in order.

    Raises:
        DraftingError: LibreOffice or pdftoppm missing or failing (clear Chinese message).
    """
    from drafting.export.pdf import docx_to_pdf
    from drafting.export.writer import write_docx
    from drafting.files import libreoffice

    report = copy.deepcopy(report)
    if libreoffice.find_soffice() is None:
        raise PreviewError("没有找到 LibreOffice，无法显示打印预览。安装 LibreOffice 后即可预览；导出 Word 不受影响。")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise PreviewError("没有找到 pdftoppm（poppler-utils），无法把预览显示为页面。导出 Word 不受影响。")
    work = Path(tempfile.mkdtemp(prefix="fazhi-preview-"))
    progress(10, "正在生成 Word 文件…")
    docx_path = work / "预览.docx"
    write_docx(report, docx_path)
    progress(30, "正在用 LibreOffice 排版…")
    pdf_path = docx_to_pdf(docx_path, work)
    progress(80, "正在生成页面图像…")
    try:
        subprocess.run([pdftoppm, "-r", str(PAGE_DPI), "-png", str(pdf_path), str(work / "page")],
                       capture_output=True, timeout=PDFTOPPM_TIMEOUT, check=True, stdin=subprocess.DEVNULL)
    except (subprocess.SubprocessError, OSError) as exc:
        logger.warning("pdftoppm failed: %s", exc)
        raise PreviewError("无法把预览 PDF 转成页面图像。请改用“导出Word”后在 Word 或 WPS 中查看。") from None
    pages = sorted(work.glob("page*.png"), key=lambda p: int(p.stem.split("-")[-1]))
    progress(100, f"预览完成，共 {len(pages)} 页")
    return pages


class PreviewPanel(QWidget):
    """Shows rendered pages one under another, or a note when there is nothing to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_labels: list[QLabel] = []
        self.pixmaps: list[QPixmap] = []
        self.note_label = QLabel("点击“预览”（工具栏或“文件”菜单）查看打印效果。")
        self.note_label.setObjectName("preview_note")
        self.note_label.setWordWrap(True)
        self.pages_widget = QWidget()
        self.pages_box = QVBoxLayout(self.pages_widget)
        self.pages_box.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.pages_widget)
        self.scroll.setStyleSheet("QScrollArea { background: #888; }")
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        layout.addWidget(self.scroll, 1)

    def show_note(self, text: str) -> None:
        self.note_label.setText(text)
        self.note_label.setVisible(True)

    def show_pages(self, pages: list[Path]) -> None:
        for label in self.page_labels:
            label.deleteLater()
        self.page_labels = []
        self.pixmaps = [QPixmap(str(path)) for path in pages]
        for _pixmap in self.pixmaps:
            label = QLabel()
            label.setStyleSheet("background: white; margin: 6px;")
            self.pages_box.addWidget(label)
            self.page_labels.append(label)
        self._fit_pages()
        self.show_note(f"共 {len(pages)} 页（与导出的 Word 文件用 LibreOffice 排版的效果一致）。")

    def _fit_pages(self) -> None:
        """Scale the pages to the panel's width (never above their rendered size)."""
        width = max(200, self.scroll.viewport().width() - 40)
        for label, pixmap in zip(self.page_labels, self.pixmaps, strict=True):
            shown = pixmap if pixmap.width() <= width else pixmap.scaledToWidth(
                width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_pages()
