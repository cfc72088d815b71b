"""The program's name and icon, as the window, the taskbar and the about box show them.

The name is Chinese (法治报告助手); the organisation name stays the ASCII key the
saved window layout and recent files are filed under. On Windows the process gets
its own AppUserModelID, so the taskbar shows this icon instead of Python's.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon

from ui.settings import APP_NAME, ORG_NAME

logger = logging.getLogger(__name__)

ICON_DIR = Path(__file__).resolve().parent / "icons"
#: The window icon (app.png); app.ico is the same design in every size, for the Windows build.
ICON_PATH = ICON_DIR / "app.png"
WINDOWS_APP_ID = "fazhi-report.app"
#: The .desktop file name (without .desktop) Linux desktops match the window with.
DESKTOP_FILE = "fazhi-report"


def app_icon() -> QIcon:
    """The program's icon (an empty icon if its file is missing: the window still opens)."""
    icon = QIcon()
    for path in (ICON_PATH, ICON_DIR / "app.ico"):
        if path.is_file():
            icon.addFile(str(path))
    return icon


def apply_identity(app: QGuiApplication) -> None:
    """Name and icon of the application (set before the first window is made)."""
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(app_icon())
    if sys.platform == "win32":
        try:
            import ctypes

            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(WINDOWS_APP_ID)  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            logger.warning("could not set the taskbar id")
