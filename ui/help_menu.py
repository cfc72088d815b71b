"""The 帮助 menu: what this program is and where it keeps its files, and the county rules folder.

A clerk calling the county's IT support is asked "which version, and where is
the file?": 关于 answers both. 打开检查规则文件夹 opens (creating it first) the
folder whose .yml files the checklist reads besides its own, so a county's
rule file can be dropped in without knowing the path.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMenu

from drafting import __version__, paths
from ui import messages


def about_text() -> str:
    """Version, Python and Qt, and the folders the program reads and writes."""
    from PySide6 import __version__ as qt_version

    return (
        f"{messages.APP_TITLE}　版本 {__version__}\n"
        "按法定提纲起草乡镇（街道）《法治政府建设情况报告》，检查常见问题，导出符合 GB/T 9704-2012 的 Word 文件。"
        "全程离线运行，不联网。\n\n"
        f"自动保存的副本：{paths.recovery_dir()}\n"
        f"县（区）检查规则文件夹：{paths.user_checklists_dir()}\n"
        f"程序自带的模板和数据：{paths.templates_dir()}\n\n"
        f"Python {sys.version.split()[0]}，Qt（PySide6）{qt_version}"
    )


def open_rules_folder(window: QMainWindow) -> bool:
    """Open the county rules folder in the file manager (created if missing); say where it is otherwise."""
    folder = paths.user_checklists_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        messages.show_error(window, f"无法创建检查规则文件夹“{folder}”。请检查该位置是否可写，或请管理员创建。")
        return False
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    messages.show_info(window, f"检查规则文件夹在：\n{folder}\n\n把县（区）的 .yml 规则文件放在这里，点“重新检查”即可生效。")
    return False


def build_help_menu(window: QMainWindow) -> QMenu:
    menu = window.menuBar().addMenu("帮助")
    rules = QAction("打开县（区）检查规则文件夹", window)
    rules.triggered.connect(lambda: open_rules_folder(window))
    about = QAction("关于法治报告助手", window)
    about.triggered.connect(lambda: messages.show_about(window, about_text()))
    menu.addAction(rules)
    menu.addSeparator()
    menu.addAction(about)
    return menu
