"""The editor holding one part's text: one paragraph per line, undo/redo, a change signal.

Text put in by the app (按事实生成) goes through the undo stack, so Ctrl+Z
brings the writer's own text back. In a draft started from last year, mentions
of last year's year get a yellow background (drafting.lastyear.carryover.old_year_spans)
and the context menu offers 确认沿用 for the paragraph under the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

OLD_YEAR_COLOR = QColor("#ffd966")
#: What an empty one-line box asks for (the body parts' hint is about paragraphs and headings).
PLACEHOLDERS = {
    "title": "例如：青山镇人民政府关于2024年度法治政府建设情况的报告",
    "addressee": "例如：县委、县政府：",
    "signature": "例如：青山镇人民政府",
    "date": "例如：2025年1月10日",
}


class _HeadingHighlighter(QSyntaxHighlighter):
    """Shows heading lines (一、 （一） 1. （1）) in bold, and mentions of last year's year on yellow."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.heading_format = QTextCharFormat()
        self.heading_format.setFontWeight(QFont.Weight.Bold)
        self.old_year: int | None = None

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        from drafting.numbering import parse_numbering, split_run_in

        if not text:
            return
        length = 0
        if parse_numbering(text) is not None:
            # A run-in heading ends at its first 。; a heading line of its own is short.
            heading, _ = split_run_in(text)
            length = len(heading) if len(heading) <= 60 else 0
            if length:
                self.setFormat(0, length, self.heading_format)
        if self.old_year is not None:
            from drafting.lastyear.carryover import old_year_spans

            for start, stop in old_year_spans(text, self.old_year):
                mark = QTextCharFormat(self.heading_format) if start < length else QTextCharFormat()
                mark.setBackground(OLD_YEAR_COLOR)
                mark.setToolTip("这是去年的年份：请核对是否应改为今年。")
                self.setFormat(start, stop - start, mark)


class PartEditor(QPlainTextEdit):
    """Plain-text editor for a part; emits edited(text) on every change the writer or the app makes."""

    edited = Signal(str)
    #: The writer asked to keep this paragraph from last year as it is (context menu 确认沿用).
    confirm_requested = Signal(str)

    def __init__(self, part_id: str, parent: QWidget | None = None, *, single_line: bool = False) -> None:
        super().__init__(parent)
        self.part_id = part_id
        self._loading = False
        self._confirm_enabled = False
        self.setObjectName(f"editor_{part_id}")
        font = QFont()
        font.setPointSize(12)
        self.setFont(font)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(PLACEHOLDERS.get(part_id, "每段一行；“一、”“（一）”开头的行是标题。"))
        # A match found by 查找 stays plainly selected while the keyboard is still in the find bar.
        palette = self.palette()
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            palette.setColor(QPalette.ColorGroup.Inactive, role, palette.color(QPalette.ColorGroup.Active, role))
        self.setPalette(palette)
        if single_line:
            self.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.highlighter = _HeadingHighlighter(self.document())
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

    def select_range(self, start: int, end: int) -> None:
        """Select characters start..end of the text (as Part.text counts them) and show them."""
        last = max(0, self.document().characterCount() - 1)
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(start, last)))
        cursor.setPosition(max(0, min(end, last)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()

    def text(self) -> str:
        return self.toPlainText()

    def set_old_year(self, year: int | None) -> None:
        """Highlight mentions of this year (last year's, in a carried-over draft); None for none."""
        if year != self.highlighter.old_year:
            self.highlighter.old_year = year
            self.highlighter.rehighlight()

    def old_year_marks(self) -> list[tuple[int, int, int]]:
        """(line, start, length) of each highlighted old-year mention, for tests and the status bar."""
        marks = []
        block = self.document().firstBlock()
        while block.isValid():
            for fmt in block.layout().formats():
                if fmt.format.background().color() == OLD_YEAR_COLOR:
                    marks.append((block.blockNumber(), fmt.start, fmt.length))
            block = block.next()
        return marks

    def set_confirm_enabled(self, enabled: bool) -> None:
        self._confirm_enabled = enabled

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt override)
        menu = self.createStandardContextMenu(event.pos())
        if self._confirm_enabled:
            text = self.cursorForPosition(event.pos()).block().text()
            menu.addSeparator()
            action = menu.addAction("确认沿用去年的这一段")
            action.setEnabled(bool(text.strip()))
            action.triggered.connect(lambda: self.confirm_requested.emit(text))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.toPlainText())
