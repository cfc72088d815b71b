"""Start the Qt application and show the main window, fast.

Only Qt and the window's own light modules are imported before the window
shows; the drafting core, python-docx and jieba load later. After the window
is on screen the app offers to restore drafts autosaved by a session that
crashed or was killed, then warms up jieba in the background.

Environment (bench/bench_startup.py; tests drive the app through tests/app_driver.py):
    FAZHI_STARTUP_MARKER   file to write time.time() into when the window is first exposed
    FAZHI_NO_WARMUP        "1": do not load jieba in the background
"""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from ui import messages
from ui.app_identity import apply_identity
from ui.translations import install_qt_translations
from ui.workers import wait_for_jobs

if TYPE_CHECKING:
    from ui.main_window import MainWindow

logger = logging.getLogger(__name__)

WARMUP_DELAY_MS = 2000


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Last resort: log the traceback, tell the writer in plain words, keep running."""
    logger.error("unhandled error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    try:
        messages.show_error(None, "程序出现了意外错误，刚才的操作可能没有完成。请先保存草稿（另存为一个新文件更稳妥），"
                                  "再重新启动程序。您输入的内容会定时自动保存。")
    except Exception:  # no dialog possible (no screen): the log has it
        logger.exception("could not show the error dialog")


class _FirstExpose(QObject):
    """On the window's first expose (it is on screen): write the start-up marker, then run the
    deferred start-up work, so nothing slow sits between process start and the window showing."""

    def __init__(self, marker_path: str | None, then: Callable[[], None]) -> None:
        super().__init__()
        self.marker_path = marker_path
        self.then = then
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if not self.done and event.type() == QEvent.Type.Expose and watched.isExposed():  # type: ignore[attr-defined]
            self.done = True
            if self.marker_path:
                Path(self.marker_path).write_text(f"{time.time():.6f}\n", encoding="utf-8")
            QTimer.singleShot(0, self.then)
        return False


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    apply_identity(app)
    app.qt_translators = install_qt_translations(app)  # type: ignore[attr-defined]  # kept alive with the app
    sys.excepthook = _excepthook

    from ui.main_window import MainWindow

    window = MainWindow()
    window.winId()  # create the native window now so the filter sees its first expose
    # A draft double-clicked in the file manager arrives as the one argument (main.opens_a_file).
    opening = Path(argv[1]) if len(argv) == 2 else None
    first_expose = _FirstExpose(os.environ.get("FAZHI_STARTUP_MARKER"), lambda: _after_show(window, opening))
    window.windowHandle().installEventFilter(first_expose)
    window.show()
    code = app.exec()
    # Let a running export finish writing before the process ends (jobs are short).
    wait_for_jobs(30000)
    return code


def _after_show(window: MainWindow, opening: Path | None = None) -> None:
    window.start_page.refresh_plan()
    if not window.offer_recovery() and opening is not None:
        window.open_path(opening)
    if os.environ.get("FAZHI_NO_WARMUP") != "1":
        from ui.workers import warm_up_segmenter

        QTimer.singleShot(WARMUP_DELAY_MS, lambda: window.run_job(warm_up_segmenter, lambda _ok: None))


if __name__ == "__main__":
    sys.exit(run(sys.argv))
