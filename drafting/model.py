"""The report model: metadata, parts of the outline, and their blocks.

A report is a list of parts (``title``, ``addressee``, ``preamble``, the
statutory parts, ``signature``, ``date``), each holding blocks: headings of
level 1-4 and paragraphs (level 0). A block's text is kept exactly as written,
numbering prefix included ("一、主要举措和成效"), so nothing the writer typed is
rewritten behind their back. Facts entered in the window and last year's
text travel with the report as plain dicts; per-draft choices as a
drafting.draft_settings.DraftSettings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from drafting.draft_settings import DraftSettings

#: The frame parts around the statutory ones, in document order.
FRAME_BEFORE = ("title", "addressee", "preamble")
FRAME_AFTER = ("signature", "date")
STATUTORY = ("measures", "shortcomings", "leader_duty", "plans", "other")
PART_IDS = FRAME_BEFORE + STATUTORY + FRAME_AFTER


@dataclass
class Block:
    """One paragraph of the report.

    Attributes:
        text: the paragraph's text, numbering prefix included.
        level: 0 for a body paragraph, 1-4 for a heading.
        source_line: 1-based line in the source text file, when read from one.
        source_column: 1-based column of the first character of ``text`` there.
    """

    text: str
    level: int = 0
    source_line: int | None = field(default=None, compare=False)
    source_column: int = field(default=1, compare=False)

    @property
    def is_heading(self) -> bool:
        return self.level > 0


@dataclass
class Part:
    """A part of the outline (``id`` is one of PART_IDS) and its blocks."""

    id: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def heading(self) -> str:
        """The text of the part's level-1 heading, or "" when it has none."""
        for block in self.blocks:
            if block.level == 1:
                return block.text
        return ""

    @property
    def text(self) -> str:
        """All blocks joined by newlines, as the part's editor shows them."""
        return "\n".join(block.text for block in self.blocks)

    def is_empty(self) -> bool:
        return not any(block.text.strip() for block in self.blocks)


@dataclass
class ReportMeta:
    """What the report is about, independent of its text.

    Attributes:
        org: the reporting organisation, e.g. 某某镇人民政府.
        year: the year reported on (the report is written early the next year).
        plan: name of the national plan in force for that year, as the writer chose it.
    """

    org: str = ""
    year: int | None = None
    plan: str = ""


@dataclass
class Report:
    """A whole report: metadata, parts in document order, facts and extras.

    Attributes:
        meta: organisation, year, plan.
        parts: the parts in document order; ids may be missing (a flawed report).
        facts: entered facts, fact id (templates/facts.yml) -> value; one flat namespace.
        last_year_facts: last year's values of the same facts, where known (for 同比).
        last_year: last year's report as parts (id -> list of paragraph texts),
            when this draft was started from it; used by the checklist.
        settings: per-draft choices (sub-areas picked, confirmed paragraphs...).
    """

    meta: ReportMeta = field(default_factory=ReportMeta)
    parts: list[Part] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    last_year_facts: dict[str, Any] = field(default_factory=dict)
    last_year: dict[str, list[str]] = field(default_factory=dict)
    settings: DraftSettings = field(default_factory=DraftSettings)

    def part(self, part_id: str) -> Part | None:
        """The first part with this id, or None."""
        for part in self.parts:
            if part.id == part_id:
                return part
        return None

    def has_part(self, part_id: str) -> bool:
        part = self.part(part_id)
        return part is not None and not part.is_empty()

    def iter_blocks(self) -> Iterator[tuple[Part, Block]]:
        for part in self.parts:
            for block in part.blocks:
                yield part, block

    def _first_text(self, part_id: str) -> str:
        part = self.part(part_id)
        if part is None:
            return ""
        return "\n".join(b.text for b in part.blocks if b.text.strip())

    @property
    def title(self) -> str:
        """The title as one string (its lines joined without separators)."""
        return "".join(self._first_text("title").split("\n"))

    @property
    def addressee(self) -> str:
        return self._first_text("addressee")

    @property
    def signature(self) -> str:
        return self._first_text("signature")

    @property
    def date_text(self) -> str:
        return self._first_text("date")
