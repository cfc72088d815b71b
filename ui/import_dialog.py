"""从去年的报告开始: choose last year's file, import it with a progress dialog, review the mapping.

The review dialog lists every paragraph as recognised (part, level, how sure)
and lets the writer move a level-1 heading to another part; the core does the
rest (drafting.lastyear.carryover). The main window calls start_from_last_year(parent)
and gets the new draft's Report with the file it was read from, or None when the
writer cancels. The file chooser and the modal run are ui.dialogs' helpers.
"""

from __future__ import annotations

import datetime
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressDialog,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting.data.outline import default_outline
from drafting.errors import DraftingError
from drafting.lastyear.carryover import (
    LastYearImport,
    apply_mapping,
    body_blocks,
    read_last_year,
    start_new_year,
)
from drafting.model import STATUTORY, Report
from ui import dialogs, messages

logger = logging.getLogger(__name__)

KEEP_IN_PREVIOUS = ""
_LEVEL_NAMES = {0: "正文", 1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}


def _confidence_label(score: float) -> str:
    word = "高" if score >= 0.85 else "中" if score >= 0.65 else "低"
    return f"{word}（{score:.0%}）"


class ImportReviewDialog(QDialog):
    """Shows how last year's report was recognised; the writer may move level-1 headings to other parts."""

    def __init__(self, imported: LastYearImport, source_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.imported = imported
        self.outline = default_outline()
        self.part_boxes: dict[int, QComboBox] = {}
        report = imported.report
        self.setWindowTitle("核对去年报告的结构")
        self.resize(900, 640)

        # ---- widgets ----
        old_year = report.meta.year
        self.summary_label = QLabel(
            f"已读取“{source_name or '去年的报告'}”：{old_year or '年度未识别'}{' 年度' if old_year else ''}，"
            f"{report.meta.org or '单位未识别'}。请核对每一段归入的部分；一级标题归错时，可在“所属部分”中改正。"
        )
        self.summary_label.setWordWrap(True)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        # Reports are written early in the year after the one they cover.
        self.year_spin.setValue(old_year + 1 if old_year else datetime.date.today().year - 1)
        self.year_spin.setPrefix("新报告年度：")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["段落", "级别", "所属部分", "把握"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.notes_list = QListWidget()
        self.notes_list.setMaximumHeight(120)
        for note in imported.cleanup:
            self.notes_list.addItem(f"清理：{note}")
        missing = [p.name for p in self.outline.statutory if p.required and report.part(p.id) is None]
        if missing:
            self.notes_list.addItem(f"未找到：{'、'.join(missing)}。可把相应的一级标题改归到这些部分，或在草稿中补写。")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("开始起草")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self._fill_table()

        # ---- signals ----
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        # ---- layout ----
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.year_spin)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel("清理和提示："))
        layout.addWidget(self.notes_list)
        layout.addWidget(self.buttons)

    def _fill_table(self) -> None:
        report = self.imported.report
        body_index = {id(block): index for index, (_, block) in enumerate(body_blocks(report))}
        rows = list(report.iter_blocks())
        self.table.setRowCount(len(rows))
        for row, (part, block) in enumerate(rows):
            text = block.text if len(block.text) <= 60 else block.text[:60] + "……"
            item = QTableWidgetItem(text)
            item.setToolTip(block.text)
            self.table.setItem(row, 0, item)
            self.table.setItem(row, 1, QTableWidgetItem(_LEVEL_NAMES.get(block.level, "标题")))
            index = body_index.get(id(block))
            if block.level == 1 and index is not None:
                box = QComboBox()
                box.addItem("（并入上一部分）", KEEP_IN_PREVIOUS)
                for spec in self.outline.statutory:
                    box.addItem(spec.name, spec.id)
                box.setCurrentIndex(max(0, box.findData(part.id if part.id in STATUTORY else KEEP_IN_PREVIOUS)))
                self.table.setCellWidget(row, 2, box)
                self.part_boxes[index] = box
            else:
                self.table.setItem(row, 2, QTableWidgetItem(self.outline.spec(part.id).name))
            score = self.imported.confidence.get(part.id, 0.0)
            self.table.setItem(row, 3, QTableWidgetItem(_confidence_label(score)))

    def heading_choices(self) -> dict[int, str]:
        """Body index of each level-1 heading -> the part chosen for it ("" = keep in the part before)."""
        return {index: str(box.currentData()) for index, box in self.part_boxes.items()}

    def corrected_report(self) -> Report:
        """Last year's report with the writer's corrections.

        Raises:
            InputError: two headings were given the same part.
        """
        return apply_mapping(self.imported.report, self.heading_choices())

    def year(self) -> int:
        return self.year_spin.value()

    def _on_buttons_accepted(self) -> None:
        try:
            self.corrected_report()
        except DraftingError as exc:
            messages.show_error(self, exc)
            return
        self.accept()


def run_with_progress(parent: QWidget | None, path: Path) -> LastYearImport:
    """Read and clean the file in a worker thread while a progress dialog shows.

    Raises:
        DraftingError: the file cannot be read (the message says why).
    """
    progress = QProgressDialog(f"正在读取“{path.name}”……", "", 0, 0, parent)
    progress.setWindowTitle(messages.APP_TITLE)
    progress.setCancelButton(None)
    progress.setMinimumDuration(300)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    # A plain thread and a polling timer: no signal can be emitted before anyone listens.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import") as pool:
        future = pool.submit(read_last_year, path)
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(50)
        timer.timeout.connect(lambda: loop.quit() if future.done() else None)
        timer.start()
        if not future.done():
            loop.exec()
        timer.stop()
    progress.close()
    progress.deleteLater()
    try:
        return future.result()
    except DraftingError:
        raise
    except Exception:  # reading must never take the window down
        logger.exception("import failed")
        raise DraftingError("读取文件时意外出错，未能导入。请确认文件能在 Word 或 WPS 中打开，另存后再试。") from None


def start_from_last_year(parent: QWidget | None) -> tuple[Report, Path] | None:
    """The whole 从去年的报告开始 flow: the new draft's Report and the file read (the window never saves
    over it), or None when cancelled or failed (errors are shown through ui.messages)."""
    path = dialogs.ask_last_year_path(parent)
    if path is None:
        return None
    try:
        imported = run_with_progress(parent, path)
    except DraftingError as exc:
        messages.show_error(parent, exc)
        return None
    dialog = ImportReviewDialog(imported, path.name, parent)
    try:
        if not dialogs.run_modal(dialog):
            return None
        report, _notes = start_new_year(imported, dialog.year(), path.name, dialog.heading_choices())
    except DraftingError as exc:
        messages.show_error(parent, exc)
        return None
    finally:
        dialog.deleteLater()
    logger.info("started a %s draft from %s", report.meta.year, path.name)
    return report, path
