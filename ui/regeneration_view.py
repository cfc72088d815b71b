"""The before/after view shown before regenerating a part the writer has edited (按事实生成).

Side by side: the text now on the left, the text the facts give now on the right; what would
go is marked red and struck through, what would come is marked green (drafting.writing.generation
.changed_runs). The two sides scroll together. The writer chooses 重新生成 or 保留当前文字;
the page does the rest (ui.dialogs.confirm_regenerate runs this dialog).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from drafting.writing.generation import changed_runs

REMOVED = QColor("#ffd7d5")
ADDED = QColor("#c8f0cf")
_EXPLANATION = (
    "事实已修改，而这一部分的文字在生成后您也改过。按新事实重新生成会用右边的文字替换左边的文字："
    "红底划线的是将被替换掉的，绿底的是新写出的。重新生成后仍可按 Ctrl+Z 撤销。"
)


def _pane(runs: list[tuple[str, bool]], colour: QColor, struck: bool, name: str) -> QTextEdit:
    pane = QTextEdit()
    pane.setObjectName(name)
    pane.setReadOnly(True)
    pane.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
    font = QFont()
    font.setPointSize(12)
    pane.setFont(font)
    cursor = QTextCursor(pane.document())
    for text, changed in runs:
        fmt = QTextCharFormat()
        if changed:
            fmt.setBackground(colour)
            fmt.setFontStrikeOut(struck)
        cursor.insertText(text, fmt)
    pane.moveCursor(QTextCursor.MoveOperation.Start)
    return pane


class RegenerationDialog(QDialog):
    """重新生成前后的对比: accept() means regenerate, reject() keeps the writer's text."""

    def __init__(self, old_text: str, new_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("按新事实重新生成：前后对比")
        before, after = changed_runs(old_text, new_text)
        # widgets
        explanation = QLabel(_EXPLANATION)
        explanation.setWordWrap(True)
        self.before_view = _pane(before, REMOVED, True, "regeneration_before")
        self.after_view = _pane(after, ADDED, False, "regeneration_after")
        changed = sum(1 for _text, is_changed in before + after if is_changed)
        self.summary_label = QLabel(f"共 {changed} 处不同。" if changed else "两边的文字相同。")
        buttons = QDialogButtonBox()
        self.regenerate_button = QPushButton("重新生成")
        self.keep_button = QPushButton("保留当前文字")
        buttons.addButton(self.regenerate_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.setDefault(True)  # Enter never replaces the writer's words
        # signals
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.before_view.verticalScrollBar().valueChanged.connect(lambda v: self._follow(self.after_view, v))
        self.after_view.verticalScrollBar().valueChanged.connect(lambda v: self._follow(self.before_view, v))
        # layout
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>当前文字</b>（红底划线：将被替换）"), 0, 0)
        grid.addWidget(QLabel("<b>按新事实重新生成后</b>（绿底：新写出的）"), 0, 1)
        grid.addWidget(self.before_view, 1, 0)
        grid.addWidget(self.after_view, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(grid, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(buttons)
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(1000, screen.width() - 60), min(620, screen.height() - 80))

    def marked(self, view: QTextEdit) -> list[tuple[str, str]]:
        """(text, background colour name) of each marked run in a pane (tests, and what the eye sees)."""
        runs = []
        block = view.document().firstBlock()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.charFormat().background().style() != Qt.BrushStyle.NoBrush:
                    runs.append((fragment.text(), fragment.charFormat().background().color().name()))
                iterator += 1
            block = block.next()
        return runs

    @staticmethod
    def _follow(view: QTextEdit, value: int) -> None:
        bar = view.verticalScrollBar()
        if bar.value() != value:
            bar.setValue(min(value, bar.maximum()))
