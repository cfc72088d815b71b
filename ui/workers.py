"""Run slow work (export, preview, jieba warm-up) off the UI thread, reporting progress.

A job is a plain function taking a ``progress(percent, text)`` callback; it
runs in the global QThreadPool and its outcome comes back as Qt signals on
the UI thread. The job itself never touches widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from drafting.errors import DraftingError

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


def start_job(job: Job, parent: QObject | None = None) -> JobSignals:
    """Start a job in the thread pool; connect to the returned signals (queued to the UI thread)."""
    signals = JobSignals(parent)
    QThreadPool.globalInstance().start(_Runnable(job, signals))
    return signals


def wait_for_jobs(msecs: int = 30000) -> bool:
    """Wait for running jobs (on quit, so a half-written export is finished)."""
    return QThreadPool.globalInstance().waitForDone(msecs)


def warm_up_segmenter(progress: ProgressFn) -> bool:
    """Load jieba's dictionary in the background so the first checklist run is quick."""
    progress(0, "正在加载分词词典…")
    from drafting import segment

    segment.tokenizer()
    progress(100, "分词词典已加载")
    return True
