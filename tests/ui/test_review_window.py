"""县级审阅 in the window: a folder reviewed off the UI thread into a sortable table and charts,
a report opened read-only with its findings, 导出汇总 written and read back, the menu item.

Dialogs and message boxes are patched (ui.dialogs, ui.messages): no modal box opens.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.drafting.county_reports import COPIED_PAIRS, REPORTS, UNREADABLE, write_county
from ui import dialogs, messages
from ui.review_window import ReviewWindow, open_review

pytestmark = pytest.mark.gui
openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    box: dict[str, list[str]] = {"errors": [], "infos": []}
    monkeypatch.setattr(messages, "show_error", lambda _p, m: box["errors"].append(str(m)))
    monkeypatch.setattr(messages, "show_info", lambda _p, m: box["infos"].append(str(m)))
    return box


@pytest.fixture
def reviewed(qtbot, tmp_path: Path, shown) -> ReviewWindow:  # type: ignore[no-untyped-def]
    folder = tmp_path / "各乡镇报告"
    write_county(folder)
    window = ReviewWindow()
    qtbot.addWidget(window)
    window.show()
    window.start(folder, 2021)
    assert window.running and not window.export_action.isEnabled()
    qtbot.waitUntil(lambda: not window.running, timeout=60000)
    return window


def _column(window: ReviewWindow, header: str) -> int:
    model = window.model
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header)


def test_the_folder_fills_a_sortable_table_and_charts(reviewed: ReviewWindow, shown) -> None:  # type: ignore[no-untyped-def]
    window = reviewed
    assert shown["errors"] == []
    assert window.proxy.rowCount() == len(REPORTS) + 1 and window.export_action.isEnabled()
    errors = _column(window, "错误")
    window.table.sortByColumn(errors, Qt.SortOrder.DescendingOrder)
    values = [window.proxy.index(r, errors).data() for r in range(window.proxy.rowCount())]
    numbers = [int(v) for v in values if v]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] >= 1
    assert values[-1] == ""  # the unreadable file sorts last
    share = _column(window, "雷同率")
    window.table.sortByColumn(share, Qt.SortOrder.DescendingOrder)
    top = {window.proxy.index(r, 0).data() for r in range(2)}
    assert top <= {"石门乡法治政府建设情况报告.txt", "东湖街道2021年法治政府建设情况报告.txt",
                   "清河镇2021年法治政府建设情况报告.txt"}
    assert window.charts_layout.count() == 2
    chart = window.charts_layout.itemAt(0).widget()
    assert chart.width() > 300 and chart.height() > 100
    if hasattr(chart, "renderer"):
        assert chart.renderer().isValid()
    assert f"{len(COPIED_PAIRS)} 对报告有雷同段落" in window.statusBar().currentMessage()


def test_double_click_opens_the_report_read_only_with_its_findings(reviewed: ReviewWindow, shown) -> None:  # type: ignore[no-untyped-def]
    window = reviewed
    rows = {window.proxy.index(r, 0).data(): r for r in range(window.proxy.rowCount())}
    viewer = window.open_report(window.proxy.index(rows["石门乡法治政府建设情况报告.txt"], 0))
    assert viewer is not None and viewer.isVisible() and viewer.text.isReadOnly()
    assert "高山移民搬迁" in viewer.text.toPlainText()
    texts = [viewer.findings.item(i).text() for i in range(viewer.findings.count())]
    assert len(texts) == len(viewer.summary.findings) and any("第一责任人" in t for t in texts)
    assert window.open_report(window.proxy.index(rows[UNREADABLE], 0)) is None
    assert shown["infos"] and "已损坏" in shown["infos"][0]


def test_export_writes_the_workbook(reviewed: ReviewWindow, monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path) -> None:
    target = tmp_path / "汇总"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a, **_k: target)
    written = reviewed.export_summary()
    assert written == tmp_path / "汇总.xlsx"
    book = openpyxl.load_workbook(written)
    assert book.sheetnames == ["汇总", "问题明细", "雷同段落"]
    assert book["汇总"].max_row == len(REPORTS) + 2 and book["雷同段落"].max_row == len(COPIED_PAIRS) + 1


def test_the_file_menu_opens_a_review(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shown) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    write_county(tmp_path / "r", unreadable=False)
    main = MainWindow()
    qtbot.addWidget(main)
    monkeypatch.setattr(dialogs, "ask_review_folder", lambda _p: tmp_path / "r")
    file_menu = main.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "审阅文件夹…")
    action.trigger()
    window = main.menus.review_windows[-1]
    qtbot.waitUntil(lambda: not window.running, timeout=60000)
    assert window.proxy.rowCount() == len(REPORTS) and window.windowTitle() == "县级审阅 — r"
    monkeypatch.setattr(dialogs, "ask_review_folder", lambda _p: None)
    assert open_review(main) is None
    window.close()


def test_a_folder_without_reports_says_so(qtbot, tmp_path: Path, shown) -> None:  # type: ignore[no-untyped-def]
    window = ReviewWindow()
    qtbot.addWidget(window)
    window.start(tmp_path)
    qtbot.waitUntil(lambda: not window.running, timeout=30000)
    assert shown["errors"] and "没有报告文件" in shown["errors"][0]
    assert window.model.rowCount() == 0
