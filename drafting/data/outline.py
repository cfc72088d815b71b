"""The standard outline of the report, loaded from templates/outline.yml.

Which parts exist, what they are called, how real reports word their
headings, which are required and in what order they usually come. The
wording table maps a level-1 heading to a statutory part.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from drafting import paths
from drafting.errors import DataFileError
from drafting.model import PART_IDS
from drafting.numbering import parse_numbering
from drafting.yamlio import check_keys, load_data_file

FORMAT_VERSION = 1
#: "存在…问题" in a wording: the pieces in this order, at most this many characters apart.
WORDING_GAP = "…"
WORDING_GAP_MAX = 8
_PART_KEYS = {"id", "name", "statutory_name", "heading", "kind", "required", "wordings"}


@dataclass(frozen=True)
class PartSpec:
    """One part of the outline as the data file describes it."""

    id: str
    name: str
    kind: str  # "frame" or "statutory"
    required: bool
    statutory_name: str = ""
    heading: str = ""
    wordings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outline:
    """The parts in their default order, and the order to match headings in."""

    parts: tuple[PartSpec, ...]
    match_order: tuple[str, ...]

    def spec(self, part_id: str) -> PartSpec:
        for part in self.parts:
            if part.id == part_id:
                return part
        raise KeyError(part_id)

    @property
    def statutory(self) -> tuple[PartSpec, ...]:
        return tuple(p for p in self.parts if p.kind == "statutory")

    def part_for_heading(self, heading: str) -> str | None:
        """The statutory part a level-1 heading belongs to, judged by its wording."""
        numbering = parse_numbering(heading)
        words = heading[len(numbering.prefix) :] if numbering else heading
        for part_id in self.match_order:
            if any(wording_matches(w, words) for w in self.spec(part_id).wordings):
                return part_id
        return None


def wording_matches(wording: str, text: str) -> bool:
    """Does text contain the wording? "存在…问题" allows a few characters between the pieces."""
    if WORDING_GAP not in wording:
        return wording in text
    return _gap_pattern(wording).search(text) is not None


@functools.lru_cache(maxsize=512)
def _gap_pattern(wording: str) -> re.Pattern[str]:
    pieces = [re.escape(piece) for piece in wording.split(WORDING_GAP)]
    return re.compile(f".{{0,{WORDING_GAP_MAX}}}?".join(pieces))


def load_outline(path: Path | None = None) -> Outline:
    """Load and validate an outline file (the shipped one by default).

    Raises:
        DataFileError: with every problem found, each naming its line.
    """
    path = path or paths.templates_dir() / "outline.yml"
    data, problems = load_data_file(
        path, keys={"version", "match_order", "parts"}, required={"version", "parts"}, label="提纲文件",
        version=FORMAT_VERSION,
    )
    parts: list[PartSpec] = []
    for index, entry in enumerate(data.get("parts") or [], start=1):
        where = f"第 {index} 个部分"
        if not check_keys(entry, _PART_KEYS, {"id", "name", "kind", "required"}, where, problems):
            continue
        part_id = entry.get("id")
        if part_id not in PART_IDS:
            problems.append(f"第 {entry.line_of('id')} 行：未知的部分编号“{part_id}”（可用：{'、'.join(PART_IDS)}）")
            continue
        if entry.get("kind") not in ("frame", "statutory"):
            problems.append(f"第 {entry.line_of('kind')} 行：kind 只能是 frame 或 statutory")
            continue
        wordings = entry.get("wordings") or []
        if not isinstance(wordings, list) or not all(isinstance(w, str) and w for w in wordings):
            problems.append(f"第 {entry.line_of('wordings')} 行：wordings 应是词语列表")
            continue
        if any(not all(wording.split(WORDING_GAP)) for wording in wordings):
            problems.append(f"第 {entry.line_of('wordings')} 行：wordings 中“{WORDING_GAP}”只能写在两个词之间，如“存在{WORDING_GAP}问题”")
            continue
        parts.append(
            PartSpec(
                id=part_id,
                name=str(entry["name"]),
                kind=entry["kind"],
                required=bool(entry["required"]),
                statutory_name=str(entry.get("statutory_name", "")),
                heading=str(entry.get("heading", "")),
                wordings=tuple(wordings),
            )
        )
    ids = [p.id for p in parts]
    if len(set(ids)) != len(ids):
        problems.append("部分编号有重复")
    statutory_ids = [p.id for p in parts if p.kind == "statutory"]
    match_order = list(data.get("match_order") or statutory_ids)
    if sorted(match_order) != sorted(statutory_ids):
        problems.append(f"match_order 应恰好列出所有 statutory 部分：{'、'.join(statutory_ids)}")
    if problems:
        raise DataFileError(str(path), problems)
    return Outline(parts=tuple(parts), match_order=tuple(match_order))


@functools.cache
def default_outline() -> Outline:
    """The shipped outline, loaded once per process."""
    return load_outline()
