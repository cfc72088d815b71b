"""The dated wording table (templates/years.yml): which policy references fit which report year.

One row per year: the guiding thought, the party meetings whose spirit is followed, the year's
study campaign, the 普法 period, the five-year-plan period, the year's place (开局之年...) and
whose plan headings the measures part uses. Past the last row only the keys listed under
``past_end.carry`` keep the latest known wording; the one-year keys are empty there. Before the
first row every key is empty. Nothing here ever falls back to older wording.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting import paths
from drafting.errors import DataFileError
from drafting.yamlio import check_keys, load_data_file

FORMAT_VERSION = 1
#: The keys a row may have (besides ``year``).
TERM_KEYS = ("thought", "party_spirit", "study_campaign", "pufa_period", "pufa_law", "civil_code", "new_law",
             "enforcement_campaign", "five_year", "context", "headings")


@dataclass(frozen=True)
class YearTable:
    """rows: year -> {key: wording}; carry: keys that keep the latest wording past the last year."""

    rows: dict[int, dict[str, str]]
    carry: frozenset[str]

    @property
    def first_year(self) -> int:
        return min(self.rows)

    @property
    def last_year(self) -> int:
        return max(self.rows)

    def terms(self, year: int | None) -> dict[str, str | None]:
        """Every key -> its wording for the report year, or None (see the module docstring)."""
        result: dict[str, str | None] = dict.fromkeys(TERM_KEYS)
        if year is None or not self.rows or year < self.first_year:
            return result
        if year in self.rows:
            row = self.rows[year]
            result.update({key: row.get(key) or None for key in TERM_KEYS})
            return result
        if year > self.last_year:
            row = self.rows[self.last_year]
            result.update({key: row.get(key) or None for key in self.carry})
            return result
        return result  # a gap inside the table: nothing is guessed


def load_year_table(path: Path | None = None) -> YearTable:
    """Load and validate years.yml.

    Raises:
        DataFileError: every problem found, each naming its line.
    """
    path = path or paths.templates_dir() / "years.yml"
    data, problems = load_data_file(path, keys={"version", "past_end", "years"}, required={"version", "years"},
                                    label="年度提法表", version=FORMAT_VERSION)
    carry: list[str] = []
    past_end = data.get("past_end")
    if past_end is not None and check_keys(past_end, {"carry"}, {"carry"}, "past_end ", problems):
        carry = [str(key) for key in past_end.get("carry") or []]
        for key in carry:
            if key not in TERM_KEYS:
                problems.append(f"第 {past_end.line_of('carry')} 行：past_end.carry 中的“{key}”不是已知的键")
    rows: dict[int, dict[str, str]] = {}
    entries = data.get("years")
    if not isinstance(entries, list) or not entries:
        problems.append("years 应是至少一项的列表")
        entries = []
    for index, entry in enumerate(entries, start=1):
        row = _row(entry, index, problems)
        if row is None:
            continue
        year, values = row
        if year in rows:
            problems.append(f"第 {entry.line} 行：{year}年重复")
        rows[year] = values
    if problems:
        raise DataFileError(str(path), problems)
    return YearTable(rows, frozenset(carry))


def _row(entry: Any, index: int, problems: list[str]) -> tuple[int, dict[str, str]] | None:
    if not check_keys(entry, {"year", *TERM_KEYS}, {"year"}, f"第 {index} 个年度", problems) or "year" not in entry:
        return None
    year = entry["year"]
    if isinstance(year, bool) or not isinstance(year, int) or not 1990 <= year <= 2100:
        problems.append(f"第 {entry.line_of('year')} 行：year 应是四位年份")
        return None
    values: dict[str, str] = {}
    for key in TERM_KEYS:
        value = entry.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(f"第 {entry.line_of(key)} 行：{key} 应是文字")
            continue
        values[key] = value
    return year, values


@functools.cache
def default_year_table() -> YearTable:
    return load_year_table()
