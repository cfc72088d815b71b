"""县级审阅: a folder of township reports reviewed off the UI thread, shown as a sortable table and
the two charts; double-click opens a report read-only with its findings; 导出汇总 writes the
workbook (or the HTML page). All the work is drafting.review's; this module only shows it."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drafting.errors import DraftingError
from drafting.review.batch import ReviewResult, review_folder
from drafting.review.charts import parts_chart, problems_chart
from drafting.review.summary import ReportSummary
from drafting.review.table import SEVERITY_LABELS, parts_present, problems_by_township
from ui import dialogs, messages
from ui.review_chart import svg_chart
from ui.review_model import SORT_ROLE, ReviewTableModel
from ui.workers import ProgressFn, start_job

TITLE = "县级审阅"


class ReviewWindow(QMainWindow):
    """The review of one folder: table above, charts below, 导出汇总 in the toolbar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.resize(1400, 900)
        self.folder: Path | None = None
        self.year: int | None = None
        self.running = False
        self.model = ReviewTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self.open_report)
        self.charts = QWidget()
        self.charts_layout = QHBoxLayout(self.charts)
        self.charts_layout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.charts)
        scroll.setWidgetResizable(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setSizes([520, 380])
        self.setCentralWidget(splitter)
        self.export_action = QAction("导出汇总…", self)
        self.export_action.triggered.connect(self.export_summary)
        self.rerun_action = QAction("重新审阅", self)
        self.rerun_action.triggered.connect(lambda: self.start(self.folder, self.year) if self.folder else None)
        toolbar = self.addToolBar("审阅")
        toolbar.setObjectName("review_toolbar")
        toolbar.addAction(self.export_action)
        toolbar.addAction(self.rerun_action)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.statusBar().addPermanentWidget(self.progress)
        self._set_running(False)
        self.viewers: list[ReportViewer] = []

    @property
    def result(self) -> ReviewResult | None:
        return self.model.result

    def start(self, folder: Path, year: int | None = None) -> None:
        """Review the folder in the background; the table fills when it is done."""
        self.folder, self.year = Path(folder), year
        self.setWindowTitle(f"{TITLE} — {self.folder.name}")
        self._set_running(True)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.statusBar().showMessage(f"正在读取“{self.folder}”中的报告…")

        def job(progress: ProgressFn) -> ReviewResult:
            def step(done: int, total: int, name: str) -> None:
                progress(int(done * 100 / total), f"正在审阅 {done}/{total}：{name}")

            return review_folder(Path(folder), year=year, progress=step)

        start_job(job, self, on_progress=self._on_progress, on_done=self._on_done, on_error=self._on_error)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.progress.setVisible(running)
        self.export_action.setEnabled(not running and self.result is not None)
        self.rerun_action.setEnabled(not running and self.folder is not None)

    def _on_progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        self.statusBar().showMessage(text)

    def _on_done(self, result: ReviewResult) -> None:
        self.model.set_result(result)
        self._set_running(False)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        while self.charts_layout.count():
            item = self.charts_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        problems = problems_by_township(result)
        top = Qt.AlignmentFlag.AlignTop
        self.charts_layout.addWidget(svg_chart(problems_chart(problems), problems), 0, top)
        self.charts_layout.addWidget(svg_chart(parts_chart(parts_present(result))), 0, top)
        bad = sum(1 for row in result.summaries if not row.readable)
        pairs = len(result.cross_township_pairs())
        self.statusBar().showMessage(
            f"共 {len(result.summaries)} 个文件，无法读取 {bad} 个；{pairs} 对报告有雷同段落。双击一行查看报告和问题。")

    def _on_error(self, message: str) -> None:
        self._set_running(False)
        self.statusBar().clearMessage()
        messages.show_error(self, message)

    def open_report(self, index: QModelIndex) -> ReportViewer | None:
        """Show the report of the row read-only, with its findings (an unreadable file: the reason)."""
        summary = self.model.summary(self.proxy.mapToSource(index).row())
        if summary is None:
            return None
        if not summary.readable:
            messages.show_info(self, f"无法读取“{summary.name}”：{summary.problem}")
            return None
        viewer = ReportViewer(summary, self)
        self.viewers.append(viewer)
        viewer.show()
        return viewer

    def export_summary(self) -> Path | None:
        """Write the workbook (or, for a .html name, the page) where the reviewer chooses."""
        if self.result is None:
            return None
        start = str(self.folder / "审阅汇总.xlsx") if self.folder else "审阅汇总.xlsx"
        path = dialogs.ask_save_path(self, start, dialogs.REVIEW_FILTER, "导出审阅汇总")
        if path is None:
            return None
        try:
            if path.suffix.lower() in (".html", ".htm"):
                from drafting.review.html_page import write_page

                write_page(self.result, path)
            else:
                from drafting.review.workbook import write_workbook

                path = path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")
                write_workbook(self.result, path)
        except DraftingError as exc:
            messages.show_error(self, exc)
            return None
        self.statusBar().showMessage(f"已导出“{path}”", 8000)
        return path


class ReportViewer(QDialog):
    """One report read-only: its paragraphs (those with findings marked) and the list of findings."""

    def __init__(self, summary: ReportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{summary.label} — {summary.name}（只读）")
        self.resize(1100, 760)
        self.summary = summary
        self.text = QTextBrowser()
        self.text.setReadOnly(True)
        self.findings = QListWidget()
        flagged = {f.block_index for f in summary.findings if f.block_index is not None}
        parts = []
        assert summary.report is not None
        for index, (_part, block) in enumerate(summary.report.iter_blocks()):
            style = "background:#fff3b0;" if index in flagged else ""
            weight = "font-weight:bold;" if block.level else ""
            parts.append(f'<p id="p{index}" style="{style}{weight}"><a name="p{index}"></a>{html.escape(block.text)}</p>')
        self.text.setHtml("".join(parts))
        for finding in summary.findings:
            where = f"第 {finding.block_index + 1} 段" if finding.block_index is not None else "全文"
            item = QListWidgetItem(f"{SEVERITY_LABELS[finding.severity.value]}｜{where}｜{finding.message}"
                                   + (f"\n  建议：{finding.suggestion}" if finding.suggestion else ""))
            item.setData(Qt.ItemDataRole.UserRole, finding.block_index)
            self.findings.addItem(item)
        self.findings.currentItemChanged.connect(self._go_to)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.text)
        splitter.addWidget(self.findings)
        splitter.setSizes([650, 450])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _go_to(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        index = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if index is not None:
            self.text.scrollToAnchor(f"p{index}")


def open_review(parent: QWidget | None = None) -> ReviewWindow | None:
    """文件 → 审阅文件夹…: ask for the folder and review it in a window of its own."""
    folder = dialogs.ask_review_folder(parent)
    if folder is None:
        return None
    window = ReviewWindow(parent)
    window.show()
    window.start(folder)
    return window
