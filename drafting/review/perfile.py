"""One file of the county review: read, checked with the checklist and measured, here or in a worker process.

Reading and checking the files is most of a review's work, and each file is independent of the others,
so the CLI spreads it over worker processes, one per core, where the platform forks (Linux and the
other Unixes but macOS): a forked worker inherits the compiled checklist and jieba's dictionary already
in this process's memory, starts in milliseconds, and sends back the measured row (report, findings,
counts), which pickles in about 0.1 ms a report. Where a worker would have to be spawned (Windows,
macOS) it would load jieba and compile the checklist again, which costs more than checking a county's
reports; there, and in the window (a process running threads must not fork), batch.py reads the files
in a thread pool and checks them on the calling thread. Either way a row is the same: the worker runs
the very functions the thread path runs.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

from drafting.checklist import Checklist
from drafting.data.figure_table import FigureTable
from drafting.errors import DraftingError
from drafting.model import Report
from drafting.reading.sources import load_source
from drafting.review.config import ReviewConfig
from drafting.review.summary import ReportSummary, summarise, unreadable

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

#: What a worker process checks with: (year, checklist, config, figure table), set when it starts.
_worker_state: tuple[int | None, Checklist, ReviewConfig, FigureTable] | None = None


def read_report(path: Path) -> Report | str:
    """The report, or the reason it cannot be read (in Chinese)."""
    try:
        return load_source(path)
    except DraftingError as exc:
        return exc.message
    except Exception:  # one broken file must never stop the batch
        logger.debug("reading %s failed", path, exc_info=True)
        return "读取时程序内部出错，无法识别这个文件。请另存为 .docx 或 .txt 后再试。"


def checked(path: Path, read: Report | str, year: int | None, checklist: Checklist, config: ReviewConfig,
            table: FigureTable) -> ReportSummary:
    """The row of one file: the reason it could not be read, or the report checked and measured."""
    if isinstance(read, str):
        return unreadable(path, read)
    if read.meta.year is None and year is not None:
        read.meta.year = year
    try:
        findings = checklist.run(read)
    except Exception:  # the checklist isolates its rules; this is the last guard for the batch
        logger.debug("checking %s failed", path, exc_info=True)
        return unreadable(path, "检查时程序内部出错，这份报告未能检查。请把文件发给技术支持人员。")
    summary = summarise(path, read, findings, config, table)
    if not summary.township:
        summary.notes.append("未能识别单位名称（标题和署名中没有“某某镇/乡/街道”），按文件名列出")
    return summary


def worker_count(files: int) -> int:
    """How many worker processes would review this many files: 0 where forking is not possible or
    would not help (one core, one file, a process running threads)."""
    if sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    if threading.active_count() > 1:  # forking copies locks other threads may hold
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    count = min(cores, files)
    return count if count >= 2 else 0


def review_in_processes(paths: Sequence[Path], workers: int, year: int | None, checklist: Checklist,
                        config: ReviewConfig, table: FigureTable,
                        progress: Progress | None = None) -> list[ReportSummary]:
    """Read, check and measure every file in `workers` forked processes; rows in the order of paths.

    A file whose worker failed (the pool broken by a crash) is reviewed again on this process.
    """
    from drafting.checklist import segment

    segment.tokenizer()  # loaded once here, inherited by every worker
    summaries: list[ReportSummary | None] = [None] * len(paths)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                             initargs=((year, checklist, config, table),)) as pool:
        gc.freeze()  # the workers fork at the first submit: their collector leaves what they inherit alone
        try:
            futures: dict[Future[ReportSummary], int] = {pool.submit(review_file, path): i
                                                         for i, path in enumerate(paths)}
        finally:
            gc.unfreeze()
        for done, future in enumerate(as_completed(futures), start=1):
            index = futures[future]
            try:
                summaries[index] = future.result()
            except Exception:
                logger.debug("worker reviewing %s failed; reviewing it here", paths[index], exc_info=True)
                summaries[index] = checked(paths[index], read_report(paths[index]), year, checklist, config, table)
            if progress is not None:
                progress(done, len(paths), paths[index].name)
    return [summary for summary in summaries if summary is not None]


def _start_worker(state: tuple[int | None, Checklist, ReviewConfig, FigureTable]) -> None:
    global _worker_state
    _worker_state = state


def review_file(path: Path) -> ReportSummary:
    """In a worker process: one file read, checked and measured with the state the worker started with."""
    if _worker_state is None:
        raise RuntimeError("review_file runs only in a worker started by review_in_processes")
    year, checklist, config, table = _worker_state
    return checked(path, read_report(path), year, checklist, config, table)
