"""Read and check every report in a folder, then compare them: the county review's one entry point.

The CLI reads and checks the files in forked worker processes, one per core (perfile.py). Elsewhere
(the window, a platform that cannot fork) files are read in a small thread pool: a .doc/.wps goes
through LibreOffice (a subprocess, so two conversions really run side by side on two cores) while the
checklist runs on this thread over the reports already read. A file that cannot be read gets its row
with the reason; nothing stops the batch.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from drafting.checklist import Checklist, default_checklist
from drafting.data.figure_table import FigureTable, default_figure_table
from drafting.data.outline import default_outline
from drafting.errors import InputError
from drafting.model import STATUTORY, Report
from drafting.review.config import ReviewConfig, default_review_config
from drafting.review.copying import CopyingResult, find_shared
from drafting.review.perfile import Progress, checked, read_report, review_in_processes, worker_count
from drafting.review.summary import ReportSummary

logger = logging.getLogger(__name__)

#: What a folder's reports may be: Word, WPS, text, drafts; a PDF is listed to say it cannot be read.
REPORT_SUFFIXES = (".docx", ".doc", ".wps", ".txt", ".fzbg", ".pdf")


@dataclass
class ReviewResult:
    """The whole review: one summary per file (in file-name order), the shared paragraphs, the
    year reviewed (None when not given) and the statutory parts' short names."""

    summaries: list[ReportSummary]
    copying: CopyingResult
    year: int | None = None
    part_names: dict[str, str] = field(default_factory=dict)
    #: Statutory parts the outline does not require (其他需要报告的情况): absent is no fault.
    optional_parts: frozenset[str] = frozenset()

    def cross_township_pairs(self) -> list[tuple[int, int]]:
        """Pairs of reports of two different townships that share paragraphs, in order."""
        return [key for key in sorted(self.copying.pairs)
                if self.summaries[key[0]].label != self.summaries[key[1]].label]


def report_files(folder: Path) -> list[Path]:
    """The report files in a folder and its subfolders (hidden ones and Word's ~$ lock files left out).

    Raises:
        InputError: the folder does not exist or holds no report.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"找不到文件夹“{folder}”。请检查路径，或先把各乡镇的报告放进一个文件夹。")
    found = sorted(
        path for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in REPORT_SUFFIXES
        and not any(part.startswith((".", "~$")) for part in path.relative_to(folder).parts)
    )
    if not found:
        raise InputError(f"文件夹“{folder}”中没有报告文件（.docx、.doc、.wps、.txt 或草稿）。请确认选择的文件夹是否正确。")
    return found


def review_paths(paths: Sequence[Path], *, year: int | None = None, checklist: Checklist | None = None,
                 config: ReviewConfig | None = None, progress: Progress | None = None,
                 workers: int | None = None, processes: bool = False) -> ReviewResult:
    """Review these files. year: the year reviewed (given to reports that name none).

    processes: read and check the files in forked worker processes, one per core, where the platform
    forks and this process runs no other thread (the CLI); else in a thread pool (perfile.py says why).
    The rows are the same either way.
    """
    checklist = checklist or default_checklist()
    config = config or default_review_config()
    table = default_figure_table()
    forked = worker_count(len(paths)) if processes else 0
    if forked:
        rows = review_in_processes(paths, forked, year, checklist, config, table, progress)
    else:
        rows = _review_in_threads(paths, year, checklist, config, table, progress, workers)
    copying = find_shared([s.report for s in rows], _names(rows), config)
    _relate(rows, copying, year)
    outline = default_outline()
    return ReviewResult(rows, copying, year, {part_id: outline.spec(part_id).name for part_id in STATUTORY},
                        frozenset(part_id for part_id in STATUTORY if not outline.spec(part_id).required))


def _review_in_threads(paths: Sequence[Path], year: int | None, checklist: Checklist, config: ReviewConfig,
                       table: FigureTable, progress: Progress | None, workers: int | None) -> list[ReportSummary]:
    """Files read in a thread pool (a .doc/.wps converts in LibreOffice meanwhile), checked here."""
    total = len(paths)
    summaries: list[ReportSummary | None] = [None] * total
    workers = workers or min(4, (os.cpu_count() or 1) + 1)
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="review-read") as pool:
        futures: dict[Future[Report | str], int] = {pool.submit(read_report, path): i for i, path in enumerate(paths)}
        for done, future in enumerate(as_completed(futures), start=1):
            index = futures[future]
            path = paths[index]
            summaries[index] = checked(path, future.result(), year, checklist, config, table)
            if progress is not None:
                progress(done, total, path.name)
    return [s for s in summaries if s is not None]


def review_folder(folder: Path, **options: object) -> ReviewResult:
    """Review every report file in the folder (see review_paths for the options)."""
    return review_paths(report_files(folder), **options)  # type: ignore[arg-type]


def _names(rows: Iterable[ReportSummary]) -> list[str]:
    """Every organisation name to mask: full names and the townships' short names."""
    names: set[str] = set()
    for row in rows:
        names.update(n for n in (row.org, row.township) if len(n) >= 2)
    return sorted(names)


def _relate(rows: list[ReportSummary], copying: CopyingResult, year: int | None) -> None:
    """Fill each row's closest other township, its last-year report and the year remarks."""
    for index, row in enumerate(rows):
        if not row.readable:
            continue
        shares = copying.share.get(index, {})
        others = [(share, rows[other].label) for other, share in shares.items()
                  if rows[other].label != row.label and share > 0]
        if others:
            row.best_share, row.best_other = max(others)
        previous = [(shares.get(other, 0.0), rows[other].name) for other, candidate in enumerate(rows)
                    if candidate.readable and candidate.label == row.label and row.year is not None
                    and candidate.year == row.year - 1]
        if previous:
            row.last_year_share, row.last_year = max(previous)
        if year is not None and row.year is not None and row.year not in (year, year - 1):
            row.notes.append(f"报告年度为 {row.year} 年，不是审阅的 {year} 年度")
