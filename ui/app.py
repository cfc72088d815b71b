"""Start the Qt application and show the main window, fast.

Only Qt and the window's own light modules are imported before the window
shows; the drafting core, python-docx and jieba load later. After the window
is on screen the app offers to restore drafts autosaved by a session that
crashed or was killed, then warms up jieba in the background.

Environment hooks (tests and bench/bench_startup.py):
    FAZHI_STARTUP_MARKER   file to write time.time() into when the window is first exposed
    FAZHI_TEST_OPEN        "new:ORG:YEAR" to start a new report, or a draft path to open
    FAZHI_TEST_SCRIPT      a file holding a JSON list of {"after_ms", "part", "text"} typed into that part's editor,
                           or {"after_ms", "step"} to open a step's page
    FAZHI_TEST_LOG         file the script appends {"t", "part", "text"} lines to after each typing
    FAZHI_TEST_RESTORE     "first": answer the restore offer with the newest copy, without a dialog
    FAZHI_TEST_STATE_OUT   write {"offered", "parts"} as JSON once start-up is done, then quit
    FAZHI_NO_WARMUP        "1": do not load jieba in the background
"""

from __future__ import annotations

import json
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

from ui import dialogs, messages
from ui.settings import APP_NAME, ORG_NAME
from ui.workers import wait_for_jobs

if TYPE_CHECKING:
    from ui.main_window import MainWindow

logger = logging.getLogger(__name__)

WARMUP_DELAY_MS = 2000
#: What the restore offer listed (FAZHI_TEST_STATE_OUT reports it).
_OFFERED: list[str] = []


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
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    sys.excepthook = _excepthook

    from ui.main_window import MainWindow

    window = MainWindow()
    window.winId()  # create the native window now so the filter sees its first expose
    first_expose = _FirstExpose(os.environ.get("FAZHI_STARTUP_MARKER"), lambda: _after_show(window))
    window.windowHandle().installEventFilter(first_expose)
    window.show()
    code = app.exec()
    # Let a running export finish writing before the process ends (jobs are short).
    wait_for_jobs(30000)
    return code


def _after_show(window: MainWindow) -> None:
    window.start_page.refresh_plan()
    if os.environ.get("FAZHI_TEST_RESTORE") == "first":
        def answer(_parent: object, labels: list[str]) -> int | None:
            _OFFERED.extend(labels)
            return 0 if labels else None

        dialogs.ask_restore = answer  # type: ignore[assignment]
    window.offer_recovery()
    _test_open(window)
    _test_script(window)
    _test_state_out(window)
    if os.environ.get("FAZHI_NO_WARMUP") != "1":
        from ui.workers import warm_up_segmenter

        QTimer.singleShot(WARMUP_DELAY_MS, lambda: window.run_job(warm_up_segmenter, lambda _ok: None))



def _test_open(window: object) -> None:
    spec = os.environ.get("FAZHI_TEST_OPEN")
    if not spec or window.project is not None:  # type: ignore[attr-defined]
        return
    if spec.startswith("new:"):
        _, org, year = spec.split(":", 2)
        window._on_start_page_new_requested(org, int(year), "县委、县政府")  # type: ignore[attr-defined]
    else:
        window.open_path(Path(spec))  # type: ignore[attr-defined]


def _test_script(window: object) -> None:
    script = os.environ.get("FAZHI_TEST_SCRIPT")
    if not script:
        return
    log_path = os.environ.get("FAZHI_TEST_LOG")
    for action in json.loads(Path(script).read_text(encoding="utf-8")):
        def type_text(action: dict = action) -> None:
            if "step" in action:
                window.show_step(action["step"])  # type: ignore[attr-defined]
                return
            editor = window.editor(action["part"])  # type: ignore[attr-defined]
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            editor.insertPlainText(action["text"])
            if log_path:
                line = {"t": time.time(), "part": action["part"], "text": editor.toPlainText()}
                with open(log_path, "a", encoding="utf-8") as handle:
                    handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                    handle.flush()
                    os.fsync(handle.fileno())

        QTimer.singleShot(int(action["after_ms"]), type_text)


def _test_state_out(window: object) -> None:
    out = os.environ.get("FAZHI_TEST_STATE_OUT")
    if not out:
        return
    project = window.project  # type: ignore[attr-defined]
    state = {
        "offered": list(_OFFERED),
        "parts": {p.id: project.part_text(p.id) for p in project.report.parts} if project else {},
    }
    Path(out).write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    # exit(), not quit(): quit() closes the windows, and closing a restored draft would ask to save.
    QTimer.singleShot(0, lambda: QApplication.exit(0))


if __name__ == "__main__":
    sys.exit(run(sys.argv))
