"""The single gateway for message boxes: errors and notices shown to the writer.

Every UI action catches DraftingError once and calls show_error; tests patch
these functions so no modal box ever opens. Must not import drafting internals.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

logger = logging.getLogger(__name__)

APP_TITLE = "法治报告助手"


def show_error(parent: QWidget | None, message: str | BaseException) -> None:
    """Show an error in plain Chinese (an exception's str is its user message)."""
    text = str(message) or "出现了未知问题。请保存草稿后重新启动程序。"
    logger.info("error shown: %s", text)
    QMessageBox.warning(parent, APP_TITLE, text)


def show_info(parent: QWidget | None, message: str) -> None:
    logger.info("info shown: %s", message)
    QMessageBox.information(parent, APP_TITLE, message)


def show_about(parent: QWidget | None, text: str) -> None:
    """关于: the text beside the program's icon (QMessageBox.about shows the window's icon)."""
    QMessageBox.about(parent, f"关于{APP_TITLE}", text)
