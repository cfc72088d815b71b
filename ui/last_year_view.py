"""Last year's text of one part, read-only, beside the editor; paragraphs still unchanged are marked.

Which paragraphs count as unchanged or confirmed is decided by the core
(drafting.lastyear.confirmations.paragraph_states, threshold in templates/carryover.yml);
these widgets only show the result. LastYearView is the list; LastYearPane adds
the 确认沿用 / 全部确认 buttons and a debounced refresh, and is what the part
page puts beside the editor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drafting.lastyear.confirmations import (
    CONFIRMED,
    UNCHANGED,
    carried_paragraphs,
    confirm_paragraphs,
    is_confirmed,
    paragraph_key,
    paragraph_states,
)
from drafting.model import STATUTORY, Report
from ui import messages
from ui.part_editor import PartEditor

UNCHANGED_COLOR = QColor("#fff1b8")
CONFIRMED_COLOR = QColor("#dff0d8")
#: Every other row a shade darker, so neighbouring marked paragraphs stay apart.
_SHADE = 106
UNCHANGED_TIP = "这一段在草稿中仍与去年基本相同：请按今年的情况修改，或确认沿用。"
CONFIRMED_TIP = "您已确认沿用这一段；以后修改它，它就算作改写过的段落。"
_PREFIX = {UNCHANGED: "【未改】", CONFIRMED: "【已确认沿用】"}
#: The role holding each row's state (UNCHANGED, CONFIRMED or "changed").
STATE_ROLE = Qt.ItemDataRole.UserRole
#: Refresh this long after the last keystroke (the comparison runs difflib over the part).
REFRESH_DELAY_MS = 600
#: Parts whose text last year's report gives (drafting.lastyear.carryover keeps these in Report.last_year).
CARRIED_PARTS = ("preamble", *STATUTORY)


class LastYearView(QWidget):
    """Read-only list of last year's paragraphs for one part."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self.part_id = ""

        # ---- widgets ----
        self.title_label = QLabel("去年的内容")
        self.title_label.setWordWrap(True)
        self.paragraph_list = QListWidget()
        self.paragraph_list.setWordWrap(True)
        self.paragraph_list.setAlternatingRowColors(False)
        self.paragraph_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.paragraph_list.setObjectName("last_year_paragraphs")
        # Re-wrap the paragraphs when the splitter or window changes the list's width.
        self.paragraph_list.setResizeMode(QListWidget.ResizeMode.Adjust)

        # ---- layout ----
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.paragraph_list, 1)

    def show_part(self, report: Report, part_id: str) -> None:
        self.report = report
        self.part_id = part_id
        self.refresh()

    def refresh(self) -> None:
        """Re-mark the paragraphs against the draft's current text."""
        self.paragraph_list.clear()
        report = self.report
        texts = report.last_year.get(self.part_id, []) if report is not None else []
        if not texts:
            self.title_label.setText("去年的报告中没有这一部分。" if report is not None and report.last_year
                                     else "这份草稿不是从去年的报告开始的。")
            return
        states = paragraph_states(report, self.part_id)
        for row, (text, state) in enumerate(zip(texts, states, strict=True)):
            item = QListWidgetItem(_PREFIX.get(state, "") + text)
            item.setData(STATE_ROLE, state)
            color = {UNCHANGED: UNCHANGED_COLOR, CONFIRMED: CONFIRMED_COLOR}.get(state)
            if color is not None:
                item.setBackground(QBrush(color.darker(_SHADE) if row % 2 else color))
                item.setToolTip(UNCHANGED_TIP if state == UNCHANGED else CONFIRMED_TIP)
            self.paragraph_list.addItem(item)
        year = report.settings.carried_from_year or "去"
        confirmed = states.count(CONFIRMED)
        self.title_label.setText(f"{year} 年的内容（只读）：{len(texts)} 段，其中 {states.count(UNCHANGED)} 段"
                                 f"在草稿中仍未修改" + (f"，{confirmed} 段已确认沿用" if confirmed else "") + "。")

    def states(self) -> list[str]:
        return [self.paragraph_list.item(i).data(STATE_ROLE) for i in range(self.paragraph_list.count())]

    @property
    def unchanged_count(self) -> int:
        return self.states().count(UNCHANGED)

    @property
    def confirmed_count(self) -> int:
        return self.states().count(CONFIRMED)


class LastYearPane(QWidget):
    """LastYearView plus 确认沿用 (the paragraph at the editor's cursor) and 全部确认 for the part.

    Emits confirmed() after it recorded confirmations in the report (the page marks the draft modified).
    """

    confirmed = Signal()

    def __init__(self, report: Report, part_id: str, editor: PartEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.part_id = part_id
        self.editor = editor
        self.setObjectName(f"last_year_pane_{part_id}")

        # ---- widgets ----
        self.view = LastYearView()
        self.confirm_button = QPushButton("确认沿用此段")
        self.confirm_button.setObjectName("confirm_paragraph_button")
        self.confirm_button.setToolTip("光标所在的段落确实照搬去年即可：确认后不再提示“与去年几乎相同”。")
        self.confirm_all_button = QPushButton("全部确认")
        self.confirm_all_button.setObjectName("confirm_all_button")
        self.confirm_all_button.setToolTip("这一部分中仍与去年相同的段落全部确认沿用。")
        hint = QLabel("黄色【未改】：草稿中仍与去年相同，请改写或确认沿用。正文中黄底的年份是去年的年份，请核对。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)

        # ---- signals ----
        self.confirm_button.clicked.connect(self.confirm_at_cursor)
        self.confirm_all_button.clicked.connect(self.confirm_all)
        self.refresh_timer.timeout.connect(self.refresh)

        # ---- layout ----
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.confirm_all_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.view.show_part(report, part_id)
        self._update_buttons()

    def schedule_refresh(self) -> None:
        """Called on every edit: only restarts the timer; the comparison runs once typing pauses."""
        self.refresh_timer.start()

    def refresh(self) -> None:
        self.refresh_timer.stop()
        self.view.refresh()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.view.unchanged_count > 0
        self.confirm_button.setEnabled(has)
        self.confirm_all_button.setEnabled(has)

    def confirm_at_cursor(self) -> bool:
        return self.confirm_text(self.editor.textCursor().block().text())

    def confirm_text(self, text: str) -> bool:
        """Confirm one draft paragraph; a notice when it is not a paragraph still the same as last year's."""
        key = paragraph_key(text)
        if text.strip() and is_confirmed(self.report, text):
            messages.show_info(self, "这一段已经确认沿用过了。以后修改它，它就算作改写过的段落。")
            return False
        if not text.strip() or all(paragraph_key(t) != key for t in carried_paragraphs(self.report, self.part_id)):
            messages.show_info(self, "光标所在的段落不是照搬去年、尚未修改的段落，无需确认。"
                               "请把光标放在与左侧【未改】段落相同的文字中，再点“确认沿用此段”。")
            return False
        confirm_paragraphs(self.report, [text])
        self._after_confirm()
        return True

    def confirm_all(self) -> int:
        texts = carried_paragraphs(self.report, self.part_id)
        if not texts:
            messages.show_info(self, "这一部分没有仍与去年相同、需要确认的段落。")
            return 0
        count = confirm_paragraphs(self.report, texts)
        self._after_confirm()
        return count

    def _after_confirm(self) -> None:
        self.refresh()
        self.confirmed.emit()


def panes_for(report: Report, part_ids: tuple[str, ...], editors: dict[str, PartEditor]) -> dict[str, LastYearPane]:
    """A pane per carried part among part_ids, each wired to its editor (old year highlighted, 确认沿用 menu).

    None at all when the draft was not started from last year's report.
    """
    if not report.last_year:
        return {}
    old_year = report.settings.carried_from_year
    panes = {}
    for part_id in part_ids:
        if part_id not in CARRIED_PARTS or part_id not in editors:
            continue
        editor = editors[part_id]
        editor.set_old_year(old_year if isinstance(old_year, int) else None)
        editor.set_confirm_enabled(True)
        pane = LastYearPane(report, part_id, editor)
        editor.confirm_requested.connect(pane.confirm_text)
        panes[part_id] = pane
    return panes
