"""The start screen: 新建报告 (organisation, year, addressee), 打开草稿, 最近的报告, 从去年的报告开始.

The plan in force and the sub-areas offered follow the year (dated data in
templates/); they are looked up after the window is on screen so start-up
stays light.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drafting.dates import default_report_year


class StartPage(QWidget):
    """Emits new_requested(org, year, addressee, plan name), open_requested(path or ""), last_year_requested()."""

    new_requested = Signal(str, int, str, str)
    open_requested = Signal(str)
    last_year_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # widgets
        heading = QLabel("法治政府建设情况报告 写作助手")
        heading.setStyleSheet("font-size: 20pt; font-weight: bold;")
        intro = QLabel("按法定提纲一步步填写事实、生成初稿、修改定稿，最后导出符合 GB/T 9704 格式的 Word 文件。")
        intro.setWordWrap(True)
        self.org_edit = QLineEdit()
        self.org_edit.setObjectName("org_edit")
        self.org_edit.setPlaceholderText("例如：某某镇人民政府 / 某某街道办事处")
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(default_report_year())
        self.year_spin.setSuffix(" 年度")
        self.addressee_edit = QLineEdit()
        self.addressee_edit.setObjectName("addressee_edit")
        self.addressee_edit.setPlaceholderText("例如：县委、县政府")
        self.plan_combo = QComboBox()
        self.plan_combo.setObjectName("plan_combo")
        self.plan_combo.setEditable(True)
        self.plan_combo.setToolTip("按报告年度自动选择；没有适用规划时（如 2026 年以后）可直接输入规划名称。")
        self.plan_label = QLabel("")
        self.plan_label.setObjectName("plan_label")
        self.plan_label.setWordWrap(True)
        self.new_button = QPushButton("新建报告")
        self.new_button.setObjectName("new_button")
        self.new_button.setDefault(True)
        self.open_button = QPushButton("打开草稿…")
        self.open_button.setObjectName("open_button")
        self.last_year_button = QPushButton("从去年的报告开始…")
        self.last_year_button.setObjectName("last_year_button")
        self.last_year_button.setToolTip("导入去年的 Word 报告，沿用结构和事实，再按今年情况修改。")
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recent_list")
        self.recent_empty = QLabel("还没有最近打开的报告。")
        # signals
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.org_edit.returnPressed.connect(self._on_new_button_clicked)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(""))
        self.last_year_button.clicked.connect(self.last_year_requested.emit)
        self.recent_list.itemActivated.connect(self._on_recent_list_item_activated)
        self.year_spin.valueChanged.connect(lambda _value: self.refresh_plan())
        # layout
        new_box = QGroupBox("新建报告")
        form = QFormLayout(new_box)
        form.addRow("单位名称：", self.org_edit)
        form.addRow("报告年度：", self.year_spin)
        form.addRow("主送机关：", self.addressee_edit)
        form.addRow("适用规划：", self.plan_combo)
        form.addRow("", self.plan_label)
        form.addRow("", self.new_button)
        other_box = QGroupBox("继续写作")
        other = QVBoxLayout(other_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.last_year_button)
        buttons.addStretch(1)
        other.addLayout(buttons)
        other.addWidget(QLabel("最近的报告（双击打开）："))
        other.addWidget(self.recent_empty)
        other.addWidget(self.recent_list)
        self.recent_list.setMinimumHeight(220)
        columns = QHBoxLayout()
        columns.addWidget(new_box, 1, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(other_box, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(columns)
        layout.addStretch(1)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}　（{path.parent}）")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent_list.addItem(item)
        self.recent_empty.setVisible(not paths)
        self.recent_list.setVisible(bool(paths))

    def refresh_plan(self) -> None:
        """Show the plan in force and the sub-areas offered for the chosen year (reads the dated data)."""
        from drafting.data.areas import areas_for_year
        from drafting.data.plans import load_plans, plan_for_year

        year = self.year_spin.value()
        plan = plan_for_year(year)
        names = [p.name for p in load_plans()]
        self.plan_combo.clear()
        if plan is None:
            self.plan_combo.addItem("")
        self.plan_combo.addItems(sorted(names, key=lambda n: n != (plan.name if plan else "")))
        areas = areas_for_year(year, plan.id if plan else None)
        picked = [a.name for a in areas if a.default]
        plan_text = "" if plan else "该年度没有已知的规划，请在上面输入适用的规划名称（可留空）。\n"
        self.plan_label.setText(
            f"{plan_text}默认子领域（可在“主要举措和成效”中调整）：{'、'.join(picked) or '无'}"
        )

    def _on_new_button_clicked(self) -> None:
        self.new_requested.emit(self.org_edit.text().strip(), self.year_spin.value(),
                                self.addressee_edit.text().strip(), self.plan_combo.currentText().strip())

    def _on_recent_list_item_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
