"""A facts form generated from the fact catalogue (templates/facts.yml): one typed field per fact.

Counts, percentages and numbers are one-line fields with their unit; dates
take 2024年3月5日 or 2024-03-05; short texts are one line; lists take one
item per line. Hints and examples come from the catalogue; a field's inline
message shows what is wrong with it, and rates computed from counts are shown
beside the rate's field. The form only shows and reports: the page stores the
facts through DraftProject.set_fact and hands back the messages.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from drafting.data.facts import FactSpec

_HINT_STYLE = "color: #666;"
_ERROR_STYLE = "color: #b00020;"
_COMPUTED_STYLE = "color: #1a5e20;"


class _FactField(QWidget):
    """One fact: the input, its unit, a computed value and an inline message."""

    def __init__(self, spec: FactSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        # widgets
        if spec.type == "list":
            self.input: QLineEdit | QPlainTextEdit = QPlainTextEdit()
            self.input.setPlaceholderText("每行一项" + (f"，例如：{spec.example}" if spec.example else ""))
            self.input.setTabChangesFocus(True)
            self.input.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 14)
        else:
            self.input = QLineEdit()
            placeholder = f"例如：{spec.example}" if spec.example else ""
            if spec.type == "date" and not placeholder:
                placeholder = "例如：2024年3月5日"
            self.input.setPlaceholderText(placeholder)
        self.input.setObjectName(f"fact_{spec.id}")
        if spec.hint:
            self.input.setToolTip(spec.hint)
        unit = "" if spec.type == "list" else spec.unit
        self.unit_label = QLabel(unit)
        self.computed_label = QLabel()
        self.computed_label.setStyleSheet(_COMPUTED_STYLE)
        self.last_year_label = QLabel()
        self.last_year_label.setObjectName(f"last_year_{spec.id}")
        self.last_year_label.setStyleSheet(_HINT_STYLE)
        self.last_year_label.setVisible(False)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.set_message(None)
        # layout
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.input, 1)
        if unit:
            row.addWidget(self.unit_label)
        row.addWidget(self.computed_label)
        row.addWidget(self.last_year_label)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.message_label)

    def raw(self) -> str:
        if isinstance(self.input, QPlainTextEdit):
            return self.input.toPlainText()
        return self.input.text()

    def set_raw(self, text: str) -> None:
        if self.raw() == text:
            return
        if isinstance(self.input, QPlainTextEdit):
            self.input.setPlainText(text)
        else:
            self.input.setText(text)

    def set_message(self, error: str | None) -> None:
        """An inline error (red), else the catalogue's hint (grey)."""
        if error:
            self.message_label.setText(error)
            self.message_label.setStyleSheet(_ERROR_STYLE)
            self.message_label.setVisible(True)
        else:
            self.message_label.setText(self.spec.hint)
            self.message_label.setStyleSheet(_HINT_STYLE)
            self.message_label.setVisible(bool(self.spec.hint))

    def set_last_year(self, text: str) -> None:
        """Show last year's value beside the field (carried over from last year's report)."""
        if self.spec.type == "list":
            text = "、".join(line for line in text.splitlines() if line.strip())
        shown = f"上年：{text}{'' if self.spec.type == 'list' else self.spec.unit}" if text else ""
        if len(shown) > 24:
            self.last_year_label.setToolTip(shown)
            shown = shown[:23] + "…"
        self.last_year_label.setText(shown)
        self.last_year_label.setVisible(bool(shown))

    def set_computed(self, value: float | None) -> None:
        if value is None:
            self.computed_label.clear()
        else:
            shown = int(value) if float(value).is_integer() else value
            self.computed_label.setText(f"按计数算得 {shown}%")
            # A rate above 100% (持证 28 of 26 在岗) cannot be: red like the error beside it.
            upper = self.spec.upper if self.spec.upper is not None else 100
            impossible = value > upper or value < 0
            self.computed_label.setStyleSheet(_ERROR_STYLE if impossible else _COMPUTED_STYLE)


class FactForm(QWidget):
    """Fields for a group of facts; emits fact_edited(fact_id, raw text) as the writer types."""

    fact_edited = Signal(str, str)

    def __init__(self, specs: tuple[FactSpec, ...] | list[FactSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, _FactField] = {}
        self._loading = False
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow column: label above field
        for spec in specs:
            field = _FactField(spec)
            self.fields[spec.id] = field
            label = QLabel(spec.label + "：")
            label.setToolTip(spec.hint)
            layout.addRow(label, field)
            if isinstance(field.input, QPlainTextEdit):
                field.input.textChanged.connect(lambda fid=spec.id: self._on_field_changed(fid))
            else:
                field.input.textChanged.connect(lambda _text, fid=spec.id: self._on_field_changed(fid))
        if not specs:
            layout.addRow(QLabel("这一部分没有需要填写的事实，可直接生成或撰写。"))

    def load(self, values: dict[str, str]) -> None:
        """Show stored values (fact id -> text as the form shows it) without emitting edits."""
        self._loading = True
        try:
            for fact_id, field in self.fields.items():
                field.set_raw(values.get(fact_id, ""))
        finally:
            self._loading = False

    def set_last_year(self, values: dict[str, str]) -> None:
        """Last year's values (fact id -> text as the form shows it), shown beside the fields."""
        for fact_id, field in self.fields.items():
            field.set_last_year(values.get(fact_id, ""))

    def set_messages(self, errors: dict[str, str]) -> None:
        """Inline messages for fields with a problem; the others show their hint."""
        for fact_id, field in self.fields.items():
            field.set_message(errors.get(fact_id))

    def set_computed(self, computed: dict[str, float]) -> None:
        for fact_id, field in self.fields.items():
            if field.spec.is_computed:
                field.set_computed(computed.get(fact_id))

    def set_field_text(self, fact_id: str, text: str) -> None:
        """Type into a field as the writer would (tests, scripted input)."""
        self.fields[fact_id].set_raw(text)

    def _on_field_changed(self, fact_id: str) -> None:
        if not self._loading:
            self.fact_edited.emit(fact_id, self.fields[fact_id].raw())
