"""What the templates say beyond the facts: ticked practices, typed practices and cases,
shortcomings with their causes, and the plan item that answers each shortcoming by content.

Where data offers several phrasings, one is chosen by a stable seed (organisation + year +
area + slot): two townships get different wording, and generating again gives the same text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from drafting.data.areas import OrgKind
from drafting.data.practices import practices_for, shortcoming_kind
from drafting.model import Report

_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
#: Two-character words every shortcoming and plan share: they say nothing about which answers which.
_COMMON_PAIRS = frozenset({
    "工作", "建设", "法治", "推进", "开展", "加强", "进一", "一步", "提升", "提高", "不够", "不足", "存在", "问题",
    "部分", "水平", "能力", "落实", "全面", "持续", "完善", "健全", "机制", "体系", "原因", "主要", "依法", "比较",
})


def stable_index(count: int, *key: object) -> int:
    """An index in range(count) that depends only on key (not on the process or the run)."""
    digest = hashlib.sha256("|".join(str(part) for part in key).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % max(count, 1)


def choose(options: tuple[str, ...] | list[str], *key: object) -> str:
    """One of the options, chosen by key (see stable_index)."""
    return options[stable_index(len(options), *key)] if options else ""


def vocabulary(kind: OrgKind) -> dict[str, str]:
    """The words a data phrasing may contain ({村}, {党委}, {政府}) for this kind of organisation."""
    return {"{村}": kind.grassroots, "{党委}": kind.party, "{政府}": kind.government}


def fill(text: str, words: dict[str, str]) -> str:
    for token, word in words.items():
        text = text.replace(token, word)
    return text


def bare(value: Any) -> str:
    """Drop trailing punctuation so a template (or a sentence made here) can add its own."""
    return str(value).strip().rstrip("。；;，,、.！!")


def practice_clauses(report: Report, group: str, kind: OrgKind, seed: str) -> list[str]:
    """The ticked practices of an area (or leader_duty), each in one of its phrasings, in data order."""
    ticked = set(report.settings.practices.get(group, []))
    words = vocabulary(kind)
    return [fill(choose(p.phrasings, seed, p.id), words) for p in practices_for(group) if p.id in ticked]


def typed_lines(mapping: dict[str, list[str]], group: str, limit: int) -> list[str]:
    """The writer's own lines for a group (其他做法, 典型事例), without end punctuation."""
    return [bare(line) for line in mapping.get(group, []) if bare(line)][:limit]


@dataclass(frozen=True)
class ShortcomingText:
    """One shortcoming as the report states it, and the plan item answering it.

    label names the problem in "针对……的问题"; cause is "" only for a typed problem with none;
    plan_title/plan are "" when no plan item answers a typed problem.
    """

    problem: str
    cause: str
    label: str
    plan_title: str
    plan: str


_CAUSE_RE = re.compile(r"^(.+?)[，,；;。]\s*(?:主要)?原因(?:是|在于|：|:)\s*(.+)$")


def split_item(value: Any) -> tuple[str, str]:
    """"问题——原因" or "问题，原因是……" → (问题, 原因); without either the second half is "".

    The templates' split_item filter is this function.
    """
    text = str(value).strip()
    for sep in ("——", "—", "｜", "|"):
        if sep in text:
            head, tail = text.split(sep, 1)
            return bare(head), bare(tail)
    match = _CAUSE_RE.match(text)
    if match:
        return bare(match.group(1)), bare(match.group(2))
    return bare(text), ""


def _pairs(text: str) -> set[str]:
    return {pair for pair in _CJK_PAIR.findall(text) if pair not in _COMMON_PAIRS}


def shortcomings(report: Report, facts: dict[str, Any], kind: OrgKind, seed: str) -> tuple[list[ShortcomingText], list[tuple[str, str]]]:
    """The shortcomings to state, each with the plan item answering it, and the plan items left over.

    Picked shortcomings (settings.shortcomings) come first, in the writer's order, with the
    writer's cause or one from data and a plan from data. Then the typed ones (the
    shortcoming_items fact), each answered by the typed plan item (plan_items) sharing the most
    words with it; a typed plan item answers one problem at most. Typed plan items answering none
    are returned separately, as (title, detail).
    """
    words = vocabulary(kind)
    result: list[ShortcomingText] = []
    for index, chosen in enumerate(report.settings.shortcomings):
        found = shortcoming_kind(chosen.get("kind", ""))
        if found is None:
            continue
        cause = bare(chosen.get("cause", "")) or fill(choose(found.causes, seed, found.id, "cause"), words)
        result.append(ShortcomingText(
            problem=fill(choose(found.problem, seed, found.id, "problem"), words),
            cause=cause,
            label=fill(found.label, words),
            plan_title=found.title,
            plan=fill(choose(found.plans, seed, found.id, "plan", index), words),
        ))
    plans = [split_item(item) for item in facts.get("plan_items") or []]
    used: set[int] = set()
    for item in facts.get("shortcoming_items") or []:
        problem, cause = split_item(item)
        if not problem:
            continue
        mine = _pairs(problem + cause)
        scores = [(len(mine & _pairs(title + detail)), -i) for i, (title, detail) in enumerate(plans) if i not in used]
        best = max(scores, default=(0, 0))
        if best[0] > 0:
            used.add(-best[1])
            title, detail = plans[-best[1]]
        else:
            title, detail = "", ""
        result.append(ShortcomingText(problem, cause, problem, title, detail))
    leftover = [plan for i, plan in enumerate(plans) if i not in used and plan[0]]
    return result, leftover
