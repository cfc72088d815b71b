"""One report measured for the county review: who wrote it, for which year, which statutory parts it
has, its findings counted by severity and rule, its length, figures and typical cases.

The figures are those the figure table (templates/carryover.yml) recognises, counted paragraph by
paragraph as the checklist reads them; a typical case is a paragraph with one of review.yml's
markers (如：, 例如, 典型案例 ...).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from drafting.checklist import Finding
from drafting.data.figure_table import FigureTable
from drafting.dates import find_date, standard_date
from drafting.figures import figures_in
from drafting.model import STATUTORY, Report
from drafting.review.config import ReviewConfig

SEVERITIES = ("error", "warning", "info")
#: "广元市昭化区太公镇人民政府" → 太公镇: the county's name and the office's title dropped.
_TOWNSHIP = re.compile(r"(?:.*[省市县区州旗盟])?([\u4e00-\u9fff]{1,6}?(?:街道|镇|乡))")
_SUFFIX = re.compile(r"(人民政府|办事处|党委|党工委)$")
_DIGIT = re.compile(r"\d")


@dataclass
class ReportSummary:
    """A row of the county review: one file, read or not.

    Attributes:
        path, name: the file and its name as shown.
        problem: why the file could not be read ("" when it was read).
        report: the report read (None when unreadable); the window opens it read-only.
        findings: the checklist's findings, in report order.
        township: the short name identifying the township across years (太公镇), else the file stem.
        counts: findings per severity; by_rule: findings per rule id.
        parts: statutory part id -> present (with text) or not.
        best_other, best_share: the other township's report sharing most text, and that share (0-1).
        last_year, last_year_share: the same township's report of the year before, when in the folder.
        notes: remarks for the reviewer (a year outside the one reviewed ...).
    """

    path: Path
    name: str
    problem: str = ""
    report: Report | None = None
    findings: list[Finding] = field(default_factory=list)
    org: str = ""
    township: str = ""
    year: int | None = None
    date: str = ""
    parts: dict[str, bool] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))
    by_rule: dict[str, int] = field(default_factory=dict)
    length: int = 0
    figures: int = 0
    examples: int = 0
    best_other: str = ""
    best_share: float = 0.0
    last_year: str = ""
    last_year_share: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return self.report is not None

    @property
    def label(self) -> str:
        """The township (or the file) as named in tables and charts."""
        return self.township or Path(self.name).stem


def township_of(org: str) -> str:
    """The short township name an organisation's name contains, else the name without its office."""
    org = org.strip().removeprefix("中国共产党").removeprefix("中共")
    match = _TOWNSHIP.match(org)
    if match:
        return match.group(1)
    return _SUFFIX.sub("", org)


def report_date(report: Report) -> str:
    """The 成文日期 written the standard way: the date part, else a date under the title."""
    text = report.date_text
    if text:
        return standard_date(text, loose=True) or standard_date(text) or text.strip()
    for part_id in ("title", "preamble"):
        part = report.part(part_id)
        for block in (part.blocks[:2] if part else []):
            match = find_date(block.text) if len(block.text) <= 40 else None
            if match:
                return standard_date(match.group(0), loose=True) or match.group(0)
    return ""


def summarise(path: Path, report: Report, findings: list[Finding], config: ReviewConfig,
              figure_table: FigureTable) -> ReportSummary:
    """Measure one report that was read and checked."""
    summary = ReportSummary(path=path, name=path.name, report=report, findings=findings)
    summary.org = report.meta.org
    summary.township = township_of(report.meta.org) if report.meta.org else ""
    summary.year = report.meta.year
    summary.date = report_date(report)
    summary.parts = {part_id: report.has_part(part_id) for part_id in STATUTORY}
    severities = Counter(f.severity.value for f in findings)
    summary.counts = {key: severities.get(key, 0) for key in SEVERITIES}
    summary.by_rule = dict(sorted(Counter(f.rule for f in findings).items(), key=lambda kv: (-kv[1], kv[0])))
    for part, block in report.iter_blocks():
        if part.id in ("title", "addressee", "signature", "date"):
            continue
        summary.length += len("".join(block.text.split()))
        if block.level == 0 or len(block.text) > 40:  # a run-in heading carries its paragraph
            if _DIGIT.search(block.text):  # every figure has a number: no need to try each fact's pattern
                summary.figures += len(figures_in(block.text, figure_table.figures))
            if config.is_example(block.text):
                summary.examples += 1
    return summary


def unreadable(path: Path, problem: str) -> ReportSummary:
    """The row of a file that could not be read, with the reason."""
    return ReportSummary(path=path, name=path.name, problem=problem)
