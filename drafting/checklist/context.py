"""A report prepared for checking: its paragraphs with positions, words and facts.

Built once per check run and shared by every rule, so each paragraph is
segmented by jieba at most once (and only if a rule asks for words), and the
facts are completed (rates computed) once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from drafting.model import Block, Report


@dataclass(frozen=True)
class Paragraph:
    """One block of the report as the rules see it.

    Attributes:
        index: 0-based position in Report.iter_blocks() order.
        part: the id of the part holding it.
        block: the block itself (text, level, source position).
    """

    index: int
    part: str
    block: Block

    @property
    def text(self) -> str:
        return self.block.text

    @property
    def level(self) -> int:
        return self.block.level

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of the character at offset.

        A block read from a text file knows its source line and column; a
        draft's block is numbered by paragraph in the whole report.
        """
        if self.block.source_line is not None:
            return self.block.source_line, self.block.source_column + offset
        return self.index + 1, offset + 1


class ReportView:
    """Read-only view of a report for the rules, with shared lazy results."""

    def __init__(self, report: Report, *, segment: bool = True) -> None:
        self.report = report
        #: False: no word segmentation (jieba never loads; words are matched as written, rules over
        #: words find nothing). For a quick count of errors before export.
        self.segment = segment
        self.year: int | None = report.meta.year
        self.paragraphs: list[Paragraph] = [
            Paragraph(index, part.id, block) for index, (part, block) in enumerate(report.iter_blocks())
        ]
        self._spans: dict[int, list[tuple[str, int, int]]] = {}

    def in_parts(self, parts: tuple[str, ...]) -> list[Paragraph]:
        """Paragraphs of the given parts (all when parts is empty)."""
        if not parts:
            return self.paragraphs
        return [p for p in self.paragraphs if p.part in parts]

    def part_paragraphs(self, part_id: str) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.part == part_id]

    def paragraph_at_line(self, line: int) -> Paragraph | None:
        """The paragraph holding a source line: the last one starting at or before it."""
        found = None
        for para in self.paragraphs:
            if para.block.source_line is not None and para.block.source_line <= line:
                found = para
        return found or (self.paragraphs[0] if self.paragraphs else None)

    def spans(self, para: Paragraph) -> list[tuple[str, int, int]]:
        """jieba's (word, start, end) for a paragraph, computed once per run."""
        cached = self._spans.get(para.index)
        if cached is None and not self.segment:
            return []
        if cached is None:
            from drafting.checklist import segment

            cached = segment.spans(para.text)
            self._spans[para.index] = cached
        return cached

    def word_starts(self, para: Paragraph) -> frozenset[int] | None:
        """Where jieba starts a word in the paragraph; None without segmentation (any place may)."""
        if not self.segment:
            return None
        return frozenset(start for _w, start, _e in self.spans(para))

    @functools.cached_property
    def raw_facts(self) -> dict[str, Any]:
        """The facts exactly as entered (None values dropped)."""
        return {k: v for k, v in self.report.facts.items() if v is not None}

    @functools.cached_property
    def facts(self) -> dict[str, Any]:
        """The entered facts plus rates computed from their counts (numbers only where numeric)."""
        from drafting.data.facts import default_fact_catalog, effective_facts

        try:
            return dict(effective_facts(default_fact_catalog(), dict(self.report.facts)))
        except Exception:  # a broken catalogue must not stop the other rules; fact rules see raw facts
            return dict(self.report.facts)
