"""查找和替换 across the whole report: every occurrence of a string, and replace-all.

The report is searched as the writer sees it: each part's text as its editor
shows it (one paragraph per line), parts in document order. A query is plain
text, never a pattern; Latin letters match regardless of case unless asked
otherwise. Matches do not overlap ("aa" occurs once in "aaa"), as in any editor.

This module imports only the standard library and drafting.model at load time:
the window imports it at start, before any draft (and the heavier core) is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
