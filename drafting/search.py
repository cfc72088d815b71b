"""查找和替换 across the whole report: every occurrence of a string, and replace-all.

The report is searched as the writer sees it: each part's text as its editor
shows it (one paragraph per line), parts in document order. A query is plain
text, never a pattern; Latin letters match regardless of case unless asked
otherwise. Matches do not overlap ("aa" occurs once in "aaa"), as in any editor.
next_match and previous_match go on from where the writer is, across the parts,
wrapping at either end of the report.

This module imports only the standard library and drafting.model at load time:
the window imports it at start, before any draft (and the heavier core) is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafting.model import Report

#: (part id, the part's text as its editor shows it), in document order.
PartTexts = Iterable[tuple[str, str]]


@dataclass(frozen=True)
class Match:
    """One occurrence of the query.

    Attributes:
        part_id: the part holding it.
        line: 0-based line (paragraph) within the part's editor text.
        column: 0-based column within that line.
        length: characters matched.
        offset: 0-based position within the part's whole text (what an editor selects).
    """

    part_id: str
    line: int
    column: int
    length: int
    offset: int


@dataclass(frozen=True)
class Replacement:
    """What replacing every occurrence gives.

    Attributes:
        texts: part id -> the part's new text, for the parts that changed only (document order).
        count: how many occurrences were replaced in all.
        counts: part id -> occurrences replaced in that part (changed parts only).
    """

    texts: dict[str, str]
    count: int
    counts: dict[str, int]


@dataclass(frozen=True)
class Cursor:
    """Where the writer is: a part and the selection in its text (start == end without one).

    part_id None (or a part not searched) stands before the first part.
    """

    part_id: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Step:
    """The match a 下一个 or 上一个 lands on.

    Attributes:
        match: the occurrence to select.
        number: its 1-based place among all the occurrences, in document order.
        total: how many occurrences the report holds.
        wrapped: the search ran past an end of the report and went on from the other.
    """

    match: Match
    number: int
    total: int
    wrapped: bool


def compile_query(query: str, *, case_sensitive: bool = False) -> re.Pattern[str] | None:
    """The query as a literal pattern, or None for an empty query (which finds nothing)."""
    if not query:
        return None
    # re.IGNORECASE folds case character by character, so offsets stay those of the text
    # (str.casefold would turn "ß" into "ss" and shift every later position).
    return re.compile(re.escape(query), 0 if case_sensitive else re.IGNORECASE)


def find_in_text(part_id: str, text: str, query: str, *, case_sensitive: bool = False) -> list[Match]:
    """Every occurrence of query in one part's text, in order."""
    pattern = compile_query(query, case_sensitive=case_sensitive)
    return _matches(part_id, text, pattern) if pattern else []


def find_all(texts: PartTexts, query: str, *, case_sensitive: bool = False) -> list[Match]:
    """Every occurrence of query in the parts, in document order (the parts' order, then position)."""
    pattern = compile_query(query, case_sensitive=case_sensitive)
    if pattern is None:
        return []
    found: list[Match] = []
    for part_id, text in texts:
        found.extend(_matches(part_id, text, pattern))
    return found


def replace_all(texts: PartTexts, query: str, replacement: str, *, case_sensitive: bool = False) -> Replacement:
    """Replace every occurrence of query by replacement (taken literally, backslashes included).

    Nothing is changed here: the caller applies the new texts (through the editors,
    so each change can be undone, or through DraftProject.set_part_text).
    """
    pattern = compile_query(query, case_sensitive=case_sensitive)
    new_texts: dict[str, str] = {}
    counts: dict[str, int] = {}
    if pattern is None:
        return Replacement(new_texts, 0, counts)
    for part_id, text in texts:
        # A function, so "\1" or "\n" in the replacement is inserted as typed, not expanded.
        new_text, count = pattern.subn(lambda _m: replacement, text)
        if count and new_text != text:
            new_texts[part_id] = new_text
            counts[part_id] = count
    return Replacement(new_texts, sum(counts.values()), counts)


def next_match(texts: PartTexts, query: str, cursor: Cursor, *, case_sensitive: bool = False) -> Step | None:
    """The first occurrence at or after the end of the cursor's selection, wrapping to the first; None if none."""
    return _step(list(texts), query, cursor, forward=True, case_sensitive=case_sensitive)


def previous_match(texts: PartTexts, query: str, cursor: Cursor, *, case_sensitive: bool = False) -> Step | None:
    """The last occurrence before the start of the cursor's selection, wrapping to the last; None if none."""
    return _step(list(texts), query, cursor, forward=False, case_sensitive=case_sensitive)


def _step(texts: Sequence[tuple[str, str]], query: str, cursor: Cursor, *, forward: bool,
          case_sensitive: bool) -> Step | None:
    matches = find_all(texts, query, case_sensitive=case_sensitive)
    if not matches:
        return None
    order = {part_id: index for index, (part_id, _text) in enumerate(texts)}
    here = order.get(cursor.part_id, -1) if cursor.part_id is not None else -1
    places = [(order[m.part_id], m.offset) for m in matches]
    if forward:
        index = next((i for i, place in enumerate(places) if place >= (here, cursor.end)), None)
    else:
        index = next((i for i in reversed(range(len(places))) if places[i] < (here, cursor.start)), None)
    wrapped = index is None
    if index is None:
        index = 0 if forward else len(matches) - 1
    return Step(matches[index], index + 1, len(matches), wrapped)


def report_texts(report: Report) -> list[tuple[str, str]]:
    """Each part of the report with its text as its editor shows it, in document order."""
    # Imported here: parttext loads the outline (YAML), which the window defers until a draft opens.
    from drafting.writing.part_text import blocks_to_text

    seen: set[str] = set()
    texts = []
    for part in report.parts:
        if part.id not in seen:  # a flawed report may repeat a part; the project edits the first
            seen.add(part.id)
            texts.append((part.id, blocks_to_text(part.blocks)))
    return texts


def _matches(part_id: str, text: str, pattern: re.Pattern[str]) -> list[Match]:
    found = []
    for hit in pattern.finditer(text):
        start = hit.start()
        line_start = text.rfind("\n", 0, start) + 1
        found.append(Match(part_id, text.count("\n", 0, start), start - line_start, hit.end() - start, start))
    return found
