"""The national plans (法治政府建设实施纲要) and the years each is in force.

Read from templates/plans.yml, so a new plan is one entry in a data file,
never a code change. A year that no plan covers (e.g. after 2025 until the
next plan is published) has no plan: the writer picks or enters one.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from drafting import paths
from drafting.errors import DataFileError
from drafting.yamlio import check_keys, load_data_file

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Plan:
    """One plan: id, full name (without 《》), first and last year, its areas in order."""

    id: str
    name: str
    first_year: int
    last_year: int
    areas: tuple[str, ...]

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    @property
    def title(self) -> str:
        """The name in book-title marks, as a report cites it."""
        return f"《{self.name}》"


def load_plans(path: Path | None = None) -> tuple[Plan, ...]:
    """Load and validate the plans file (the shipped one by default).

    Raises:
        DataFileError: every problem found, each naming its line.
    """
    path = path or paths.templates_dir() / "plans.yml"
    data, problems = load_data_file(
        path, keys={"version", "plans"}, required={"version", "plans"}, label="纲要文件", version=FORMAT_VERSION
    )
    plans: list[Plan] = []
    for index, entry in enumerate(data.get("plans") or [], start=1):
        where = f"第 {index} 个纲要"
        if not check_keys(entry, {"id", "name", "years", "areas"}, {"id", "name", "years", "areas"}, where, problems):
            continue
        if not {"id", "name", "years", "areas"} <= set(entry):
            continue
        years = entry["years"]
        if not (isinstance(years, list) and len(years) == 2 and all(isinstance(y, int) for y in years) and years[0] <= years[1]):
            problems.append(f"第 {entry.line_of('years')} 行：years 应是 [起始年, 结束年]")
            continue
        areas = entry["areas"]
        if not isinstance(areas, list) or not all(isinstance(a, str) and a for a in areas):
            problems.append(f"第 {entry.line_of('areas')} 行：areas 应是领域名称的列表")
            continue
        plans.append(Plan(str(entry["id"]), str(entry["name"]), years[0], years[1], tuple(areas)))
    ids = [p.id for p in plans]
    if len(set(ids)) != len(ids):
        problems.append("纲要编号有重复")
    if problems:
        raise DataFileError(str(path), problems)
    return tuple(plans)


@functools.cache
def default_plans() -> tuple[Plan, ...]:
    return load_plans()


def plan_for_year(year: int | None, plans: tuple[Plan, ...] | None = None) -> Plan | None:
    """The plan in force in that year, or None when no known plan covers it."""
    if year is None:
        return None
    for plan in plans if plans is not None else default_plans():
        if plan.covers(year):
            return plan
    return None


def plan_by_id(plan_id: str, plans: tuple[Plan, ...] | None = None) -> Plan | None:
    for plan in plans if plans is not None else default_plans():
        if plan.id == plan_id:
            return plan
    return None


def plan_by_name(name: str, plans: tuple[Plan, ...] | None = None) -> Plan | None:
    """The plan whose name matches (with or without 《》), or None for a name the writer typed."""
    bare = name.strip().strip("《》")
    for plan in plans if plans is not None else default_plans():
        if plan.name == bare:
            return plan
    return None
