"""Where a part of the report stands, for the window's step list: 未开始, 草稿, 已完成 or 有问题.

A part has a problem while the checklist found something in it, a fact it needs is wrong, or a
【请填写 marker is left; it is empty while it has no text beside its heading; it is done when the
writer marked it so.
"""

from __future__ import annotations

import logging

from drafting.model import STATUTORY, Report
from drafting.writing.render import part_required_facts

logger = logging.getLogger(__name__)

STATUS_EMPTY = "未开始"
STATUS_DRAFT = "草稿"
STATUS_DONE = "已完成"
STATUS_PROBLEM = "有问题"
#: Marks a gap the writer must fill; the checklist flags what is left.
PLACEHOLDER_MARK = "【请填写"


def part_status(report: Report, part_id: str, *, has_findings: bool, fact_problems: dict[str, str]) -> str:
    """未开始 | 草稿 | 已完成 | 有问题 of one part."""
    part = report.part(part_id)
    body = [b for b in part.blocks if b.level != 1] if part else []
    if part_id not in STATUTORY and part is not None:
        body = part.blocks
    text = "\n".join(b.text for b in body).strip()
    if has_findings or part_fact_problems(report, part_id, fact_problems) or (text and PLACEHOLDER_MARK in text):
        return STATUS_PROBLEM
    if not text:
        return STATUS_EMPTY
    return STATUS_DONE if part_id in report.settings.done else STATUS_DRAFT


def part_fact_problems(report: Report, part_id: str, problems: dict[str, str]) -> dict[str, str]:
    """The problems among the facts this part's template uses."""
    if not problems:
        return {}
    try:
        relevant = part_required_facts(report, part_id)
    except Exception:  # a broken template must not break the step list; generating will report it
        logger.exception("cannot list facts of part %s", part_id)
        return {}
    return {fid: msg for fid, msg in problems.items() if fid in relevant}
