"""A new, empty report for an organisation and year, with the statutory outline in place.

Title, addressee, an empty preamble, the five statutory parts with their
level-1 headings numbered in the regulation's order, the signature (the
organisation) and a date in January of the following year. The plan in
force and the default sub-areas follow from the year (templates/plans.yml,
templates/areas.yml).
"""

from __future__ import annotations

import datetime as _dt

from drafting.data.areas import areas_for_year, default_area_ids, load_areas
from drafting.data.outline import default_outline
from drafting.data.plans import plan_by_name, plan_for_year
from drafting.dates import format_date
from drafting.errors import InputError
from drafting.model import Block, Part, Report, ReportMeta
from drafting.numbering import standard_prefix

#: The order of 《法治政府建设与责任落实督察工作规定》 (a writer may reorder later).
REGULATION_ORDER = ("measures", "shortcomings", "leader_duty", "plans", "other")
#: Reports are usually due in January; the writer edits the date.
DEFAULT_DATE = (1, 15)
TITLE_FORMAT = "{org}关于{year}年度法治政府建设情况的报告"


def default_report_date(year: int) -> _dt.date:
    return _dt.date(year + 1, *DEFAULT_DATE)


def new_report(
    org: str,
    year: int,
    addressee: str,
    plan_name: str | None = None,
    areas: list[str] | None = None,
    date: _dt.date | None = None,
) -> Report:
    """Build the skeleton of a new report.

    Args:
        org: the organisation, e.g. 某某镇人民政府 (used in the title and signature).
        year: the year reported on.
        addressee: e.g. 县委、县政府 (a full-width colon is added).
        plan_name: the plan in force; by default the one plans.yml gives for the year.
        areas: sub-area ids for the measures part; by default the year's default selection.
        date: the date line; by default a date in January of year + 1.

    Raises:
        InputError: the organisation is empty or the year is implausible.
    """
    org = (org or "").strip()
    if not org:
        raise InputError("请填写单位名称，例如“某某镇人民政府”。")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise InputError(f"报告年度“{year}”无效，请填写四位年份，例如 2024。")
    plan = plan_by_name(plan_name) if plan_name else plan_for_year(year)
    name = (plan_name or (plan.name if plan else "")).strip().strip("《》")
    if areas is None:
        area_ids = default_area_ids(year, plan.id if plan else None)
    else:
        known = {a.id for a in load_areas()}
        unknown = [a for a in areas if a not in known]
        if unknown:
            raise InputError(f"未知的子领域：{'、'.join(unknown)}。")
        area_ids = list(areas)
    outline = default_outline()
    addressee_text = (addressee or "").strip().rstrip("：:")
    report = Report(meta=ReportMeta(org=org, year=year, plan=name))
    report.parts.append(Part("title", [Block(TITLE_FORMAT.format(org=org, year=year))]))
    if addressee_text:
        report.parts.append(Part("addressee", [Block(addressee_text + "：")]))
    report.parts.append(Part("preamble"))
    for number, part_id in enumerate(REGULATION_ORDER, start=1):
        heading = standard_prefix(1, number) + outline.spec(part_id).heading
        report.parts.append(Part(part_id, [Block(heading, 1)]))
    report.parts.append(Part("signature", [Block(org)]))
    day = date or default_report_date(year)
    report.parts.append(Part("date", [Block(format_date(day.year, day.month, day.day))]))
    report.settings.areas = area_ids
    if plan is not None:
        report.settings.plan_id = plan.id
    return report


def select_areas_for_facts(report: Report, facts: dict | None = None) -> list[str]:
    """Pick every sub-area a given fact belongs to (a fact typed must land in the text).

    Returns the ids added. Each is placed where the year's offered order puts it among the
    areas already picked (before the first picked area that is offered after it).
    """
    from drafting.data.facts import default_fact_catalog

    catalog = default_fact_catalog()
    given = facts if facts is not None else report.facts
    picked = list(report.settings.areas)
    offered = [a.id for a in areas_for_year(report.meta.year, report.settings.plan_id)]
    offered += [a.id for a in load_areas() if a.id not in offered]
    rank = {area_id: index for index, area_id in enumerate(offered)}
    added = []
    for area in load_areas():
        if area.id in picked or not any(given.get(s.id) is not None for s in catalog.for_group(area.fact_group)):
            continue
        later = [i for i, other in enumerate(picked) if rank.get(other, len(rank)) > rank[area.id]]
        picked.insert(later[0] if later else len(picked), area.id)
        added.append(area.id)
    if added:
        report.settings.areas = picked
    return added
