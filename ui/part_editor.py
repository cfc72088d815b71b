"""The editor holding one part's text: one paragraph per line, undo/redo, a change signal.

Text put in by the app (按事实生成) goes through the undo stack, so Ctrl+Z
brings the writer's own text back.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class PartEditor(QPlainTextEdit):
    """Plain-text editor for a part; emits edited(text) on every change the writer or the app makes."""

    edited = Signal(str)

    def __init__(self, part_id: str, parent: QWidget | None = None, *, single_line: bool = False) -> None:
        super().__init__(parent)
        self.part_id = part_id
        self._loading = False
        self.setObjectName(f"editor_{part_id}")
        font = QFont()
        font.setPointSize(12)
        self.setFont(font)
        self.setTabChangesFocus(True)
        self.setPlaceholderText("每段一行；“一、”“（一）”开头的行是标题。")
        if single_line:
            self.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.textChanged.connect(self._on_text_changed)

    def load_text(self, text: str) -> None:
        """Show a part's stored text (opening a draft): not an edit, clears the undo history."""
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False

    def replace_text(self, text: str) -> None:
        """Replace all text as one undoable step (generation, regeneration)."""
        if text == self.toPlainText():
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()

    def text(self) -> str:
        return self.toPlainText()

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.toPlainText())
