"""Run slow work (export, preview, jieba warm-up) off the UI thread, reporting progress.

A job is a plain function taking a ``progress(percent, text)`` callback; it
runs in the global QThreadPool and its outcome comes back as Qt signals on
the UI thread. The job itself never touches widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressBar, QStatusBar

from drafting.errors import DraftingError

if TYPE_CHECKING:  # the model (dataclasses) loads after the window shows
    from drafting.model import Report

logger = logging.getLogger(__name__)

ProgressFn = Callable[[int, str], None]
Job = Callable[[ProgressFn], Any]


class JobSignals(QObject):
    """progress(percent, text), finished(result), failed(message in Chinese)."""

    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(str)


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: JobSignals) -> None:
        super().__init__()
        self.job = job
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.job(self.signals.progress.emit)
        except DraftingError as exc:
            self.signals.failed.emit(str(exc))
        except Exception:  # the worker must report every failure, never die silently
            logger.exception("background job failed")
            self.signals.failed.emit("后台任务意外失败。请保存草稿后重试；如仍失败，请重新启动程序。")
        else:
            self.signals.finished.emit(result)


def start_job(job: Job, parent: QObject | None = None, *, on_progress: Callable[[int, str], None] | None = None,
              on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[str], None] | None = None) -> JobSignals:
    """Start a job in the thread pool; its signals arrive queued on the UI thread.

    The callbacks are connected before the job starts: a job that fails at once
    must not emit before anyone listens. Without a parent the signals object is
    kept referenced here until the job has reported, so a widget closed while
    its job runs never has the object deleted under the worker (callbacks that
    are bound methods of a deleted widget are disconnected by Qt).
    """
    signals = JobSignals(parent)
    if parent is None:
        _UNPARENTED.add(signals)
        signals.finished.connect(lambda _result: _UNPARENTED.discard(signals))
        signals.failed.connect(lambda _message: _UNPARENTED.discard(signals))
    if on_progress is not None:
        signals.progress.connect(on_progress)
    if on_done is not None:
        signals.finished.connect(on_done)
    if on_error is not None:
        signals.failed.connect(on_error)
    QThreadPool.globalInstance().start(_Runnable(job, signals))
    return signals


#: Signals of running jobs started without a parent (see start_job).
_UNPARENTED: set[JobSignals] = set()


def wait_for_jobs(msecs: int = 30000) -> bool:
    """Wait for running jobs (on quit, so a half-written export is finished)."""
    return QThreadPool.globalInstance().waitForDone(msecs)


def warm_up_segmenter(progress: ProgressFn) -> bool:
    """Load jieba's dictionary in the background so the first checklist run is quick."""
    progress(0, "正在加载分词词典…")
    from drafting.checklist import segment

    segment.tokenizer()
    progress(100, "分词词典已加载")
    return True


def export_job(report: Report, path: Path) -> Job:
    """A job writing the report (a copy the UI no longer touches) to a Word file."""

    def job(progress: ProgressFn) -> Path:
        from drafting.export.writer import write_docx

        progress(20, "正在导出 Word…")
        write_docx(report, path)
        progress(100, "导出完成")
        return path

    return job


class JobRunner:
    """Starts jobs and shows their progress in a status-bar progress bar."""

    def __init__(self, bar: QProgressBar, status_bar: QStatusBar, parent: QObject) -> None:
        self.bar = bar
        self.status_bar = status_bar
        self.parent = parent

    def run(self, job: Job, on_done: Callable[[Any], None], on_error: Callable[[str], None]) -> JobSignals:
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.bar.setVisible(True)
        return start_job(
            job, self.parent, on_progress=self._on_progress,
            on_done=lambda result: (self._end(), on_done(result)),
            on_error=lambda message: (self._end(), self.status_bar.clearMessage(), on_error(message)),
        )

    def _on_progress(self, percent: int, text: str) -> None:
        self.bar.setValue(percent)
        self.status_bar.showMessage(text)

    def _end(self) -> None:
        self.bar.setVisible(False)
