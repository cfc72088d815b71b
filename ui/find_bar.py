"""The find bar under the step pages: 查找 and 替换 across every part of the report.

编辑 → 查找… (Ctrl+F) shows it, 替换… (Ctrl+H) shows it with the 替换为 row;
Esc hides it (from the bar or the editor). 下一个 (Enter, F3) and 上一个 (Shift+Enter, Shift+F3) go from the
cursor of the editor the writer is in to the next occurrence in any part,
opening the step page that holds it, and wrap at the ends with a note.
全部替换 applies drafting.search.replace_all through the part editors, one
undo step per editor, so Ctrl+Z in an editor brings its text back.

The matching itself is drafting.search; this module only reads the editors'
texts, moves selections and says what happened.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent, QKeySequence, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

if TYPE_CHECKING:  # the search and the editors load with the first draft, not before the window shows
    from drafting.search import Match
    from ui.main_window import MainWindow
    from ui.part_editor import PartEditor

logger = logging.getLogger(__name__)

_NOT_FOUND_STYLE = "color: #b00020;"


class FindBar(QWidget):
    """查找/替换 for the window's open draft; owns the 编辑 menu's find actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        #: The part whose editor the writer was last in: the search goes on from its cursor.
        self._part_id: str | None = None
        self.setObjectName("find_bar")
        # widgets
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("find_edit")
        self.find_edit.setPlaceholderText("要查找的文字")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setMinimumWidth(240)
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("replace_edit")
        self.replace_edit.setPlaceholderText("替换成的文字（可以空着）")
        self.replace_label = QLabel("替换为：")
        self.case_check = QCheckBox("区分大小写")
        self.case_check.setToolTip("只对英文字母有效，例如 PDCA 与 pdca。")
        self.next_button = QPushButton("下一个")
        self.next_button.setToolTip("查找下一处（Enter 或 F3），到末尾后从头开始")
        self.previous_button = QPushButton("上一个")
        self.previous_button.setToolTip("查找上一处（Shift+Enter 或 Shift+F3）")
        self.replace_button = QPushButton("替换")
        self.replace_button.setToolTip("替换选中的这一处，并找到下一处")
        self.replace_all_button = QPushButton("全部替换")
        self.replace_all_button.setToolTip("替换报告各部分中的每一处；在各部分的编辑框中按 Ctrl+Z 可撤销")
        self.status_label = QLabel()
        self.status_label.setObjectName("find_status")
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setToolTip("关闭查找栏（Esc）")
        self.close_button.setAutoRaise(True)
        for button in (self.next_button, self.previous_button, self.replace_button, self.replace_all_button):
            button.setAutoDefault(False)
        self.find_action = self._action("查找…", self.open_find, QKeySequence.StandardKey.Find)
        self.replace_action = self._action("替换…", self.open_replace, "Ctrl+H")
        self.find_next_action = self._action("查找下一个", self.find_next, "F3")
        self.find_previous_action = self._action("查找上一个", self.find_previous, "Shift+F3")
        # Esc closes the bar from the editor too, as in other writing tools, not only from the bar.
        self.hide_action = self._action("关闭查找栏", self.close_bar, "Esc")
        self.hide_action.setEnabled(False)
        # signals
        self.find_edit.textChanged.connect(self._on_find_edit_text_changed)
        self.case_check.toggled.connect(lambda _checked: self._on_find_edit_text_changed(self.find_edit.text()))
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_every)
        self.close_button.clicked.connect(self.close_bar)
        self.find_edit.installEventFilter(self)
        self.replace_edit.installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        # layout
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 2, 6, 4)
        grid.addWidget(QLabel("查找："), 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.next_button, 0, 2)
        grid.addWidget(self.previous_button, 0, 3)
        grid.addWidget(self.case_check, 0, 4)
        grid.addWidget(self.status_label, 0, 5)
        grid.addWidget(self.close_button, 0, 6)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(self.replace_button, 1, 2)
        grid.addWidget(self.replace_all_button, 1, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(5, 3)
        self.hide()
        self.set_available(False)

    def _action(self, text: str, slot: Callable[[], None],
                shortcut: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self.main_window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.main_window.addAction(action)  # so the shortcut works wherever the focus is in the window
        return action

    @property
    def menu_actions(self) -> list[QAction]:
        return [self.find_action, self.replace_action, self.find_next_action, self.find_previous_action]

    def set_available(self, available: bool) -> None:
        """Enable the actions while a draft is open; without one the bar goes away."""
        for action in self.menu_actions:
            action.setEnabled(available)
        if not available:
            self.hide()
            self._part_id = None

    # ---- showing and hiding ----

    def open_find(self) -> None:
        self._open(with_replace=False)

    def open_replace(self) -> None:
        self._open(with_replace=True)

    def _open(self, *, with_replace: bool) -> None:
        if self.main_window.project is None:
            return
        editor = self._current_editor()
        selected = editor.textCursor().selectedText() if editor is not None else ""
        # The words selected in the editor are what the writer most likely wants to find (one line only).
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        for widget in (self.replace_label, self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(with_replace)
        self.show()
        self._on_find_edit_text_changed(self.find_edit.text())
        target = self.replace_edit if with_replace and self.find_edit.text() else self.find_edit
        target.setFocus()
        target.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and give the keyboard back to the editor the writer was in."""
        self.hide()
        editor = self._current_editor()
        if editor is not None:
            editor.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # Enter in 查找 finds (Shift+Enter backwards); Enter in 替换为 replaces this one and goes on.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.replace_edit:
                self.replace_one()
            elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.find_previous()
            else:
                self.find_next()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        self.hide_action.setEnabled(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        # Esc belongs to the bar only while it shows; otherwise the window keeps the key.
        self.hide_action.setEnabled(False)
        super().hideEvent(event)

    # ---- finding ----

    def find_next(self) -> None:
        self._go(forward=True)

    def find_previous(self) -> None:
        self._go(forward=False)

    def _go(self, *, forward: bool) -> None:
        if self.main_window.project is None:
            return
        query = self.find_edit.text()
        if not query:
            self._open(with_replace=self.replace_edit.isVisible())
            return
        matches = self._matches(query)
        if not matches:
            self._say_not_found(query)
            return
        order = {part_id: index for index, part_id in enumerate(self._part_order())}
        part_index, start, end = self._cursor_place(order)
        if forward:
            index = next((i for i, m in enumerate(matches) if (order[m.part_id], m.offset) >= (part_index, end)), None)
            note = "（已从头开始）"
        else:
            index = next((i for i in reversed(range(len(matches)))
                          if (order[matches[i].part_id], matches[i].offset) < (part_index, start)), None)
            note = "（已从末尾开始）"
        wrapped = index is None
        if wrapped:
            index = 0 if forward else len(matches) - 1
        self._select(matches[index])
        self._say(f"第 {index + 1} 处，共 {len(matches)} 处" + (note if wrapped else ""))

    def _select(self, match: Match) -> None:
        """Open the step page holding the match and select it in the part's editor."""
        focus_in_bar = self.isAncestorOf(QApplication.focusWidget())
        editor = self.main_window.editor(match.part_id)
        cursor = QTextCursor(editor.document())
        cursor.setPosition(match.offset)
        cursor.setPosition(match.offset + match.length, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        self._part_id = match.part_id
        # Typing on in the find field must not land in the editor (Enter would replace the match).
        if not focus_in_bar:
            editor.setFocus()

    # ---- replacing ----

    def replace_one(self) -> None:
        """Replace the selected occurrence (when one is selected), then go to the next."""
        if self.main_window.project is None or not self.find_edit.text():
            return
        editor = self._current_editor()
        if editor is not None and self._selection_is_match(editor):
            editor.textCursor().insertText(self.replace_edit.text())  # one undo step in that editor
        self.find_next()

    def replace_every(self) -> None:
        """Replace every occurrence in every part, each editor's change undoable with Ctrl+Z."""
        if self.main_window.project is None:
            return
        query = self.find_edit.text()
        if not query:
            return
        from drafting.search import find_all, replace_all

        texts = self._texts()
        if not find_all(texts, query, case_sensitive=self.case_check.isChecked()):
            self._say_not_found(query)
            return
        result = replace_all(texts, query, self.replace_edit.text(), case_sensitive=self.case_check.isChecked())
        if not result.count:
            self._say("替换为的文字与原文相同，没有改动")
            return
        for part_id, text in result.texts.items():
            editor = self._editor_for(part_id)
            position = editor.textCursor().position()
            editor.replace_text(text)  # the editor passes it on to the project, which is marked modified
            cursor = editor.textCursor()
            cursor.setPosition(min(position, len(text)))
            editor.setTextCursor(cursor)
        logger.info("replaced %d occurrences in %d parts", result.count, len(result.texts))
        self._say(f"已替换 {result.count} 处")

    def _selection_is_match(self, editor: PartEditor) -> bool:
        cursor = editor.textCursor()
        if not cursor.hasSelection():
            return False
        from drafting.search import find_in_text

        span = (cursor.selectionStart(), cursor.selectionEnd())
        found = find_in_text(editor.part_id, editor.toPlainText(), self.find_edit.text(),
                             case_sensitive=self.case_check.isChecked())
        return any((m.offset, m.offset + m.length) == span for m in found)

    # ---- the report as the editors show it ----

    def _part_order(self) -> list[str]:
        """Every part, in the order the writing steps show them (the report's order)."""
        return [part_id for step in self.main_window.outline_panel.steps for part_id in step.part_ids]

    def _open_editors(self) -> dict[str, PartEditor]:
        return {pid: editor for page in self.main_window.pages.values() for pid, editor in page.editors.items()}

    def _texts(self) -> list[tuple[str, str]]:
        """Each part's text: its editor's where its page is open (what the writer sees), else the project's."""
        project = self.main_window.project
        assert project is not None
        editors = self._open_editors()
        return [(pid, editors[pid].toPlainText() if pid in editors else project.part_text(pid))
                for pid in self._part_order()]

    def _matches(self, query: str) -> list[Match]:
        from drafting.search import find_all

        return find_all(self._texts(), query, case_sensitive=self.case_check.isChecked())

    def _editor_for(self, part_id: str) -> PartEditor:
        """The part's editor, building its page without showing it (so its edits can be undone)."""
        step = next(s for s in self.main_window.outline_panel.steps if part_id in s.part_ids)
        return self.main_window.page_for(step.id).editors[part_id]

    def _current_editor(self) -> PartEditor | None:
        """The editor the search starts from: the one the writer was last in on the page shown."""
        page = self.main_window.current_page()
        if page is None:
            return None
        if self._part_id in page.editors:
            return page.editors[self._part_id]
        return page.editors[page.step.part_ids[0]]

    def _cursor_place(self, order: dict[str, int]) -> tuple[int, int, int]:
        """(part's place in the order, selection start, selection end) where the search goes on."""
        editor = self._current_editor()
        if editor is None:
            return -1, 0, 0
        cursor = editor.textCursor()
        return order.get(editor.part_id, -1), cursor.selectionStart(), cursor.selectionEnd()

    def _on_focus_changed(self, _old: QObject | None, new: QObject | None) -> None:
        # Until a draft is open the editors' module is not loaded, and no widget can be an editor.
        editors = sys.modules.get("ui.part_editor")
        if editors is not None and isinstance(new, editors.PartEditor) and self.main_window.isAncestorOf(new):
            self._part_id = new.part_id

    # ---- what the label says ----

    def _on_find_edit_text_changed(self, query: str) -> None:
        if self.main_window.project is None or not query:
            self._say("")
            return
        count = len(self._matches(query))
        if count:
            self._say(f"共 {count} 处")
        else:
            self._say_not_found(query)

    def _say(self, text: str, style: str = "") -> None:
        self.status_label.setStyleSheet(style)
        self.status_label.setText(text)
        if text and not self.isVisible():  # F3 with the bar closed: say it where the writer can see it
            self.main_window.statusBar().showMessage(text, 5000)

    def _say_not_found(self, query: str) -> None:
        self._say(f"未找到“{query}”", _NOT_FOUND_STYLE)
