"""The find bar under the step pages: 查找 and 替换 across every part of the report.

编辑 → 查找… (Ctrl+F) shows it, 替换… (Ctrl+H) shows it with the 替换为 row;
Esc hides it (from the bar or the editor). 下一个 (Enter, F3) and 上一个 (Shift+Enter, Shift+F3) go from the
cursor of the editor the writer is in to the next occurrence in any part,
opening the step page that holds it, and wrap at the ends with a note.
全部替换 applies drafting.search.replace_all through the part editors, one
undo step per editor, so Ctrl+Z in an editor brings its text back.

The matching itself, and where 下一个 and 上一个 land, is drafting.search; this
module only reads the editors' texts, moves selections and says what happened.
It reaches the window only through FindHost, so it never imports the window.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

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
    from drafting.search import Cursor, Match
    from ui.part_editor import PartEditor


class FindHost(Protocol):
    """What the find bar needs from the window that holds the open draft."""

    def has_draft(self) -> bool:
        """Whether a draft is open."""

    def draft_part_ids(self) -> list[str]:
        """Every part of the open draft, in the order the writing steps show them (the report's order)."""

    def draft_part_text(self, part_id: str) -> str:
        """A part's text as the draft holds it (for parts whose editor is not built yet)."""

    def built_editors(self) -> dict[str, PartEditor]:
        """The editors built so far, by part id."""

    def editor(self, part_id: str, *, show: bool = True) -> PartEditor:
        """A part's editor, building its step's page; shown when show is True."""

    def shown_editors(self) -> dict[str, PartEditor]:
        """The editors of the step page shown, in the step's order; empty when none is shown."""

    def show_status(self, text: str, timeout_ms: int) -> None:
        """A passing note in the status bar."""

    def addAction(self, action: QAction) -> None:  # noqa: N802 (Qt name)
        """Make the action's shortcut work wherever the focus is in the window."""


logger = logging.getLogger(__name__)

_NOT_FOUND_STYLE = "color: #b00020;"


class FindBar(QWidget):
    """查找/替换 for the window's open draft; owns the 编辑 menu's find actions."""

    def __init__(self, host: FindHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
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
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.host.addAction(action)  # so the shortcut works wherever the focus is in the window
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
        if not self.host.has_draft():
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
        if not self.host.has_draft():
            return
        query = self.find_edit.text()
        if not query:
            self._open(with_replace=self.replace_edit.isVisible())
            return
        from drafting.search import next_match, previous_match

        find = next_match if forward else previous_match
        step = find(self._texts(), query, self._cursor(), case_sensitive=self.case_check.isChecked())
        if step is None:
            self._say_not_found(query)
            return
        self._select(step.match)
        note = ("（已从头开始）" if forward else "（已从末尾开始）") if step.wrapped else ""
        self._say(f"第 {step.number} 处，共 {step.total} 处{note}")

    def _select(self, match: Match) -> None:
        """Open the step page holding the match and select it in the part's editor."""
        focus_in_bar = self.isAncestorOf(QApplication.focusWidget())
        editor = self.host.editor(match.part_id)
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
        if not self.host.has_draft() or not self.find_edit.text():
            return
        editor = self._current_editor()
        if editor is not None and self._selection_is_match(editor):
            editor.textCursor().insertText(self.replace_edit.text())  # one undo step in that editor
        self.find_next()

    def replace_every(self) -> None:
        """Replace every occurrence in every part, each editor's change undoable with Ctrl+Z."""
        if not self.host.has_draft():
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
            editor = self.host.editor(part_id, show=False)  # built, so the change can be undone
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

    def _texts(self) -> list[tuple[str, str]]:
        """Each part's text: its editor's where its page is built (what the writer sees), else the draft's."""
        editors = self.host.built_editors()
        return [(pid, editors[pid].toPlainText() if pid in editors else self.host.draft_part_text(pid))
                for pid in self.host.draft_part_ids()]

    def _matches(self, query: str) -> list[Match]:
        from drafting.search import find_all

        return find_all(self._texts(), query, case_sensitive=self.case_check.isChecked())

    def _current_editor(self) -> PartEditor | None:
        """The editor the search starts from: the one the writer was last in on the page shown."""
        editors = self.host.shown_editors()
        if not editors:
            return None
        if self._part_id in editors:
            return editors[self._part_id]
        return next(iter(editors.values()))

    def _cursor(self) -> Cursor:
        """Where the search goes on: the current editor's part and selection."""
        from drafting.search import Cursor

        editor = self._current_editor()
        if editor is None:
            return Cursor()
        cursor = editor.textCursor()
        return Cursor(editor.part_id, cursor.selectionStart(), cursor.selectionEnd())

    def _on_focus_changed(self, _old: QObject | None, new: QObject | None) -> None:
        # Until a draft is open the editors' module is not loaded, and no widget can be an editor.
        editors = sys.modules.get("ui.part_editor")
        if editors is not None and isinstance(new, editors.PartEditor) and self.window().isAncestorOf(new):
            self._part_id = new.part_id

    # ---- what the label says ----

    def _on_find_edit_text_changed(self, query: str) -> None:
        if not self.host.has_draft() or not query:
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
            self.host.show_status(text, 5000)

    def _say_not_found(self, query: str) -> None:
        self._say(f"未找到“{query}”", _NOT_FOUND_STYLE)
