"""Sub-areas of 主要举措和成效, dated terms and organisation wording (templates/areas.yml).

A sub-area is a second-level heading of the measures part with its own facts
(a group of templates/facts.yml) and its own template. The areas of the plan
in force for the report year are offered first, in the plan's order, then the
common township topics (普法, 法律顾问, 政务公开, 营商环境...). Which wording
of a term fits which year (八五普法, 党的二十大精神...) is in templates/years.yml
(drafting.data.years).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting import paths
from drafting.data.plans import Plan, default_plans, plan_by_id, plan_for_year
from drafting.errors import DataFileError
from drafting.yamlio import check_keys, load_data_file

FORMAT_VERSION = 1
_AREA_KEYS = {"id", "name", "topic", "heading", "heading_by_plan", "fact_group", "template", "default"}
_ORG_KEYS = {"suffix", "party", "government", "leaders", "level", "bodies", "drop"}
#: Village-level wording when an org kind does not say (镇 and 乡 have both 村 and 社区).
DEFAULT_GRASSROOTS = "村（社区）"


@dataclass(frozen=True)
class AreaSpec:
    """One sub-area of the measures part.

    Attributes:
        id: English id, stored in Report.settings.areas.
        name: what the picker shows.
        heading: the heading when no known plan applies.
        heading_by_plan: plan id -> the heading as that plan words it; the plans listed
            are the plans the area belongs to. Empty for a common township topic.
        fact_group: the group of facts.yml the area's form shows.
        template: file name of its template under templates/.
        default: picked by default in a new report.
        topic: the area as a short noun phrase, listed in the opening (在学法用法、行政执法等方面……).
    """

    id: str
    name: str
    heading: str
    fact_group: str
    template: str
    heading_by_plan: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    default: bool = False
    topic: str = ""

    @property
    def is_common(self) -> bool:
        """A township topic offered whatever the plan (普法, 法律顾问...)."""
        return not self.heading_by_plan

    def heading_for(self, plan_id: str | None) -> str:
        if plan_id and plan_id in self.heading_by_plan:
            return self.heading_by_plan[plan_id]
        return self.heading


@dataclass(frozen=True)
class OrgKind:
    """How a township, street or 乡 names its party committee, government and leaders."""

    suffix: str
    party: str
    government: str
    leaders: str
    level: str
    bodies: str
    drop: str
    grassroots: str = DEFAULT_GRASSROOTS

    def short_name(self, org: str) -> str:
        """某某镇人民政府 → 某某镇, 某某街道办事处 → 某某街道 (unchanged when it does not end so)."""
        short = org.removesuffix(self.drop) if self.drop else org
        return short or org


@dataclass(frozen=True)
class AreaData:
    areas: tuple[AreaSpec, ...]
    org_kinds: tuple[OrgKind, ...]
    #: Words a generated paragraph may open with ({简称} {单位} {层级} {党委} {政府} {负责人} filled per
    #: organisation), and what may stand before them (2024年，…).
    subjects: tuple[str, ...] = ()
    subject_lead_ins: tuple[str, ...] = ()

    def paragraph_subjects(self, org: str) -> tuple[str, ...]:
        """The subjects a paragraph of this organisation's report may open with, filled in."""
        kind = self.org_kind(org)
        words = {"{简称}": kind.short_name(org), "{单位}": org, "{层级}": kind.level, "{党委}": kind.party,
                 "{政府}": kind.government, "{负责人}": kind.leaders}
        filled = []
        for subject in self.subjects:
            for token, word in words.items():
                subject = subject.replace(token, word)
            filled.append(subject)
        return tuple(filled)

    def area(self, area_id: str) -> AreaSpec:
        for area in self.areas:
            if area.id == area_id:
                return area
        raise KeyError(area_id)

    def org_kind(self, org: str) -> OrgKind:
        # By the ending only: "新乡镇人民政府" is a 镇 although its name contains 乡.
        for kind in self.org_kinds:
            if org.endswith(kind.suffix):
                return kind
        return self.org_kinds[-1]


def load_area_data(path: Path | None = None) -> AreaData:
    """Load and validate areas.yml.

    Raises:
        DataFileError: every problem found, each naming its line.
    """
    path = path or paths.templates_dir() / "areas.yml"
    data, problems = load_data_file(
        path, keys={"version", "areas", "org_kinds", "subjects", "subject_lead_ins"}, required={"version", "areas", "org_kinds"},
        label="子领域文件", version=FORMAT_VERSION,
    )
    areas = [a for i, e in enumerate(_as_list(data.get("areas")), 1) if (a := _area(e, i, problems))]
    kinds: list[OrgKind] = []
    for index, entry in enumerate(_as_list(data.get("org_kinds")), start=1):
        allowed = _ORG_KEYS | {"grassroots"}
        if check_keys(entry, allowed, _ORG_KEYS, f"第 {index} 个单位类型", problems) and set(entry) >= _ORG_KEYS:
            kinds.append(OrgKind(**{key: str(entry[key]) for key in allowed if key in entry}))
    if not kinds:
        problems.append("org_kinds 至少要有一项")
    ids = [a.id for a in areas]
    for area_id in {i for i in ids if ids.count(i) > 1}:
        problems.append(f"子领域编号“{area_id}”重复")
    known_plans = {plan.id for plan in default_plans()}
    for area in areas:
        for plan_id in area.heading_by_plan:
            if plan_id not in known_plans:
                problems.append(f"子领域“{area.id}”的 heading_by_plan 中有未知的纲要“{plan_id}”（见 plans.yml）")
        if not (paths.templates_dir() / area.template).is_file():
            problems.append(f"子领域“{area.id}”的模板“{area.template}”不存在")
    if problems:
        raise DataFileError(str(path), problems)
    subjects = tuple(str(s) for s in _as_list(data.get("subjects")) if str(s).strip())
    lead_ins = tuple(str(s) for s in _as_list(data.get("subject_lead_ins")) if str(s).strip())
    return AreaData(tuple(areas), tuple(kinds), subjects, lead_ins)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _area(entry: Any, index: int, problems: list[str]) -> AreaSpec | None:
    required = {"id", "name", "heading", "fact_group", "template"}
    if not check_keys(entry, _AREA_KEYS, required, f"第 {index} 个子领域", problems) or not required <= set(entry):
        return None
    by_plan = entry.get("heading_by_plan") or {}
    if not isinstance(by_plan, dict) or not all(isinstance(v, str) and v for v in by_plan.values()):
        problems.append(f"第 {entry.line_of('heading_by_plan')} 行：heading_by_plan 应是“纲要编号: 标题”的映射")
        return None
    template = str(entry["template"])
    if "/" in template or "\\" in template or not template.endswith(".j2"):
        problems.append(f"第 {entry.line_of('template')} 行：模板应是 templates 文件夹中的 .j2 文件名")
        return None
    return AreaSpec(
        id=str(entry["id"]),
        name=str(entry["name"]),
        heading=str(entry["heading"]),
        fact_group=str(entry["fact_group"]),
        template=template,
        heading_by_plan={str(k): v for k, v in by_plan.items()},
        default=bool(entry.get("default", False)),
        topic=str(entry.get("topic") or entry["name"]),
    )


@functools.cache
def default_area_data() -> AreaData:
    return load_area_data()


def load_areas(path: Path | None = None) -> tuple[AreaSpec, ...]:
    """Every sub-area in file order (the shipped file by default)."""
    return (load_area_data(path) if path else default_area_data()).areas


def resolve_plan(year: int | None, plan_id: str | None = None) -> Plan | None:
    """The plan the writer chose (by id), else the one in force that year."""
    if plan_id:
        return plan_by_id(plan_id)
    return plan_for_year(year)


def areas_for_year(year: int | None, plan_id: str | None = None) -> list[AreaSpec]:
    """The sub-areas offered for a report year.

    The plan's own areas in the plan's order, then the common township topics.
    With no known plan (the writer typed one, or none covers the year) every
    area is offered under its default heading.
    """
    areas = load_areas()
    plan = resolve_plan(year, plan_id)
    if plan is None:
        return list(areas)
    own = [a for a in areas if plan.id in a.heading_by_plan]
    order = {name: index for index, name in enumerate(plan.areas)}
    own.sort(key=lambda a: order.get(a.heading_by_plan[plan.id], len(order)))
    return own + [a for a in areas if a.is_common]


def default_area_ids(year: int | None, plan_id: str | None = None) -> list[str]:
    """The areas picked in a new report for that year."""
    return [a.id for a in areas_for_year(year, plan_id) if a.default]


def area_by_id(area_id: str) -> AreaSpec | None:
    for area in load_areas():
        if area.id == area_id:
            return area
    return None

