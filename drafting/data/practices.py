"""Usual practices per sub-area (templates/practices.yml) and the shortcomings a writer may pick
(templates/shortcoming_kinds.yml), each with two or three phrasings.

The window shows practices as ticks and shortcomings as a choice; the text states only what was
ticked, typed or counted. Which phrasing is used is decided in drafting.writing.compose.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting import paths
from drafting.errors import DataFileError
from drafting.yamlio import check_keys, load_data_file

FORMAT_VERSION = 1
#: Words a phrasing may contain, replaced by the organisation's own (see practices.yml).
TOKENS = ("{村}", "{党委}", "{政府}")
_ID = re.compile(r"[a-z][a-z0-9_]*")
_TOKEN = re.compile(r"\{[^}]*\}")


@dataclass(frozen=True)
class Practice:
    id: str
    label: str
    phrasings: tuple[str, ...]


@dataclass(frozen=True)
class ShortcomingKind:
    id: str
    label: str
    title: str
    problem: tuple[str, ...]
    causes: tuple[str, ...]
    plans: tuple[str, ...]


def _phrasings(entry: Any, key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    value = entry.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"第 {entry.line_of(key)} 行：{where}的 {key} 应是一到三种写法的列表")
        return ()
    for text in value:
        for token in _TOKEN.findall(text):
            if token not in TOKENS:
                problems.append(f"第 {entry.line_of(key)} 行：{where}的写法中有未知的“{token}”（可用：{' '.join(TOKENS)}）")
    return tuple(v.strip().rstrip("。；，") for v in value)


def _entry_id(entry: Any, where: str, seen: set[str], problems: list[str]) -> str | None:
    entry_id = entry.get("id")
    if not isinstance(entry_id, str) or not _ID.fullmatch(entry_id):
        problems.append(f"第 {entry.line_of('id')} 行：{where}的 id 只能用小写英文字母、数字和下划线")
        return None
    if entry_id in seen:
        problems.append(f"第 {entry.line_of('id')} 行：{where}的 id“{entry_id}”重复")
        return None
    seen.add(entry_id)
    return entry_id


def load_practices(path: Path | None = None) -> dict[str, tuple[Practice, ...]]:
    """Area id (or leader_duty) -> its practices in file order.

    Raises:
        DataFileError: every problem found, each naming its line.
    """
    path = path or paths.templates_dir() / "practices.yml"
    data, problems = load_data_file(path, keys={"version", "practices"}, required={"version", "practices"},
                                    label="常见做法文件", version=FORMAT_VERSION)
    result: dict[str, tuple[Practice, ...]] = {}
    groups = data.get("practices")
    if not isinstance(groups, dict):
        raise DataFileError(str(path), [*problems, "practices 应是“子领域: 做法列表”的映射"])
    for area_id, entries in groups.items():
        if not isinstance(entries, list):
            problems.append(f"第 {groups.line_of(area_id)} 行：“{area_id}”下应是做法列表")
            continue
        seen: set[str] = set()
        found: list[Practice] = []
        for index, entry in enumerate(entries, start=1):
            where = f"“{area_id}”的第 {index} 个做法"
            if not check_keys(entry, {"id", "label", "phrasings"}, {"id", "label", "phrasings"}, where, problems):
                continue
            if not {"id", "label", "phrasings"} <= set(entry):
                continue
            entry_id = _entry_id(entry, where, seen, problems)
            phrasings = _phrasings(entry, "phrasings", where, problems)
            if entry_id and phrasings:
                found.append(Practice(entry_id, str(entry["label"]), phrasings))
        result[str(area_id)] = tuple(found)
    if problems:
        raise DataFileError(str(path), problems)
    return result


def load_shortcoming_kinds(path: Path | None = None) -> tuple[ShortcomingKind, ...]:
    """The shortcomings a writer may pick, in file order.

    Raises:
        DataFileError: every problem found, each naming its line.
    """
    path = path or paths.templates_dir() / "shortcoming_kinds.yml"
    data, problems = load_data_file(path, keys={"version", "kinds"}, required={"version", "kinds"},
                                    label="常见问题文件", version=FORMAT_VERSION)
    keys = {"id", "label", "title", "problem", "causes", "plans"}
    kinds: list[ShortcomingKind] = []
    seen: set[str] = set()
    entries = data.get("kinds")
    for index, entry in enumerate(entries if isinstance(entries, list) else [], start=1):
        where = f"第 {index} 个问题"
        if not check_keys(entry, keys, keys, where, problems) or not keys <= set(entry):
            continue
        entry_id = _entry_id(entry, where, seen, problems)
        parts = [_phrasings(entry, key, where, problems) for key in ("problem", "causes", "plans")]
        if entry_id and all(parts):
            kinds.append(ShortcomingKind(entry_id, str(entry["label"]), str(entry["title"]), *parts))
    if problems:
        raise DataFileError(str(path), problems)
    return tuple(kinds)


@functools.cache
def default_practices() -> dict[str, tuple[Practice, ...]]:
    return load_practices()


@functools.cache
def default_shortcoming_kinds() -> tuple[ShortcomingKind, ...]:
    return load_shortcoming_kinds()


def practices_for(area_id: str) -> tuple[Practice, ...]:
    return default_practices().get(area_id, ())


def shortcoming_kind(kind_id: str) -> ShortcomingKind | None:
    return next((kind for kind in default_shortcoming_kinds() if kind.id == kind_id), None)
