"""Window layout and recent files, kept in QSettings (ui only; drafting settings live elsewhere)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths
from PySide6.QtWidgets import QMainWindow

from drafting import paths

ORG_NAME = "fazhi-report"
APP_NAME = "法治报告助手"
MAX_RECENT = 8


def _settings() -> QSettings:
    # With FAZHI_DATA_DIR set (tests, portable use) the layout lives beside the user data,
    # so a test run never touches the real profile.
    if os.environ.get("FAZHI_DATA_DIR"):
        return QSettings(str(paths.user_data_dir() / "window.ini"), QSettings.Format.IniFormat)
    return QSettings(ORG_NAME, APP_NAME)


def recent_files() -> list[Path]:
    """Recent drafts, newest first, only those still on disk."""
    raw = _settings().value("recent_files", [])
    if isinstance(raw, str):
        raw = [raw]
    return [Path(p) for p in (raw or []) if isinstance(p, str) and Path(p).is_file()]


def add_recent_file(path: Path) -> None:
    path = Path(path).resolve()
    items = [p for p in recent_files() if p.resolve() != path]
    _settings().setValue("recent_files", [str(p) for p in [path, *items][:MAX_RECENT]])


def documents_folder() -> Path:
    """The user's documents folder (我的文档), or the home folder where there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def start_folder() -> Path:
    """Where a file dialog opens: the folder last used in one, else the documents folder."""
    last = _settings().value("dialogs/last_folder", "")
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def remember_folder(folder: Path) -> None:
    """The folder of a file the writer just chose: the next dialog opens there."""
    _settings().setValue("dialogs/last_folder", str(Path(folder)))


def load_bytes(key: str) -> QByteArray | None:
    value = _settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_bytes(key: str, value: QByteArray) -> None:
    _settings().setValue(key, value)


def save_window_layout(window: QMainWindow) -> None:
    """Geometry and dock/toolbar state, restored at the next start."""
    save_bytes("window/geometry", window.saveGeometry())
    save_bytes("window/state", window.saveState())


def restore_window_layout(window: QMainWindow) -> None:
    geometry = load_bytes("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = load_bytes("window/state")
    if state is not None:
        window.restoreState(state)
