"""The 帮助 menu: 关于 names the version and the folders; the county rules folder is created and opened."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QDesktopServices

from drafting import __version__, paths
from ui import help_menu, messages
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _menu_action(window: MainWindow, menu_title: str, text: str):  # type: ignore[no-untyped-def]
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    return next(a for a in menu.actions() if a.text() == text)


def test_about_names_version_and_folders(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_about", lambda _parent, text: shown.append(text))
    window = MainWindow()
    qtbot.addWidget(window)
    _menu_action(window, "帮助", "关于法治报告助手").trigger()
    assert len(shown) == 1
    assert __version__ in shown[0] and str(paths.recovery_dir()) in shown[0]
    assert str(paths.user_checklists_dir()) in shown[0] and "不联网" in shown[0]


@pytest.mark.parametrize("opened", [True, False])
def test_rules_folder_is_created_and_opened(qtbot, monkeypatch: pytest.MonkeyPatch, opened: bool) -> None:  # type: ignore[no-untyped-def]
    urls: list[str] = []
    shown: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or opened)
    monkeypatch.setattr(messages, "show_info", lambda _parent, text: shown.append(text))
    window = MainWindow()
    qtbot.addWidget(window)
    folder = paths.user_checklists_dir()
    assert not folder.exists()
    _menu_action(window, "帮助", "打开县（区）检查规则文件夹").trigger()
    assert folder.is_dir() and urls == [str(folder)]
    # where no file manager opens, the writer is told where the folder is
    assert shown == ([] if opened else [shown[0]]) and (opened or str(folder) in shown[0])


def test_unwritable_rules_folder_is_a_chinese_error(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, text: errors.append(text))
    blocker = tmp_path / "文件"
    blocker.write_text("不是文件夹", encoding="utf-8")
    monkeypatch.setattr(paths, "user_checklists_dir", lambda: blocker / "checklists")
    window = MainWindow()
    qtbot.addWidget(window)
    assert not help_menu.open_rules_folder(window)
    assert len(errors) == 1 and "无法创建" in errors[0]
