"""The window's actions, menus and toolbar (文件, 编辑, 视图, 帮助), and where 撤销 and 重做 go.

The actions call the window back through MenuHost, so this module never
imports the window. Undo and redo go to the editor the writer was last in:
choosing them from the menu takes the keyboard focus away from it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

from ui import settings
from ui.help_menu import build_help_menu


class MenuHost(Protocol):
    """What the menus ask the window to do."""

    def show_start_page(self) -> None: ...
    def open_path(self, path: Path | None) -> bool: ...
    def start_from_last_year(self) -> bool: ...
    def save(self) -> bool: ...
    def save_as(self) -> bool: ...
    def export_docx(self) -> None: ...
    def export_pdf(self) -> None: ...
    def preview(self) -> None: ...
    def close_project(self) -> None: ...

    def page_last_editor(self) -> QWidget | None:
        """The editor last used on the step page shown (None without a page)."""


class WindowMenus(QObject):
    """Builds the window's actions into its menus and toolbar; enables those that need a draft."""

    def __init__(self, window: QMainWindow, host: MenuHost, find_actions: list[QAction],
                 docks: list[QDockWidget]) -> None:
        # A child of the window, so its slots go when the window goes (focusChanged is the application's).
        super().__init__(window)
        self.main_window = window
        self.host = host
        self._last_editor: QWidget | None = None
        key = QKeySequence.StandardKey
        self.new_action = self._action("新建报告", host.show_start_page, key.New)
        self.open_action = self._action("打开草稿…", lambda: host.open_path(None), key.Open)
        self.last_year_action = self._action("从去年的报告开始…", host.start_from_last_year)
        self.review_action = self._action("审阅文件夹…", self._open_review)
        self.review_windows: list[QMainWindow] = []
        self.save_action = self._action("保存", host.save, key.Save)
        self.save_as_action = self._action("另存为…", host.save_as, "Ctrl+Shift+S")
        self.export_action = self._action("导出Word…", host.export_docx, "Ctrl+E")
        self.export_pdf_action = self._action("导出PDF…", host.export_pdf, "Ctrl+Shift+E")
        self.preview_action = self._action("预览", host.preview, "Ctrl+P")
        self.close_action = self._action("关闭草稿", host.close_project, "Ctrl+W")
        self.quit_action = self._action("退出", window.close, "Ctrl+Q")
        self.undo_action = self._action("撤销", lambda: self._edit_call("undo"), "Ctrl+Z")
        self.redo_action = self._action("重做", lambda: self._edit_call("redo"), "Ctrl+Y")
        file_menu = window.menuBar().addMenu("文件")
        for action in (self.new_action, self.open_action, self.last_year_action):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu("最近的报告")
        file_menu.addAction(self.review_action)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        for action in (self.save_action, self.save_as_action, self.export_action, self.export_pdf_action,
                       self.preview_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)
        edit_menu = window.menuBar().addMenu("编辑")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addActions(find_actions)
        view_menu = window.menuBar().addMenu("视图")
        for dock in docks:
            view_menu.addAction(dock.toggleViewAction())
        build_help_menu(window)
        toolbar = window.addToolBar("常用")
        toolbar.setObjectName("main_toolbar")
        for action in (self.save_action, self.export_action, self.export_pdf_action, self.preview_action):
            toolbar.addAction(action)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self.main_window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.main_window.addAction(action)
        return action

    def _open_review(self) -> None:
        """县级审阅 in a window of its own (loaded only when asked for: the window starts without it)."""
        from ui.review_window import open_review

        window = open_review(self.main_window)
        if window is not None:
            self.review_windows.append(window)

    def set_draft_open(self, is_open: bool) -> None:
        """Enable the actions that work on a draft while one is open."""
        for action in (self.save_action, self.save_as_action, self.export_action, self.export_pdf_action,
                       self.preview_action, self.close_action):
            action.setEnabled(is_open)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = settings.recent_files()
        for path in paths:
            self.recent_menu.addAction(path.name, lambda p=path: self.host.open_path(p))
        if not paths:
            self.recent_menu.addAction("（无）").setEnabled(False)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and hasattr(new, "undo") and self.main_window.isAncestorOf(new):
            self._last_editor = new

    def _edit_call(self, name: str) -> None:
        """Undo/redo in the editor the writer was last in (the menu takes focus away)."""
        target = QApplication.focusWidget()
        if target is None or not hasattr(target, name):
            target = self._last_editor
        if target is None or not hasattr(target, name):
            target = self.host.page_last_editor()
        if target is not None and hasattr(target, name):
            getattr(target, name)()
