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

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from drafting.draft_settings import DraftSettings

#: Characters XML 1.0 cannot hold, so a .docx cannot either: C0 controls other than tab and
#: line ends, U+FFFE, U+FFFF and lone surrogates. Readers remove them (with a note), export too.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """The text without the characters XML_INVALID matches."""
    return XML_INVALID.sub("", text)


def describe_invalid(found: list[str]) -> str:
    """"U+0007、U+FFFE": the removed characters named (they cannot be shown themselves)."""
    return "、".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(found))


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


@dataclass(frozen=True)
class SourceNote:
    """Something the reader changed in a source before recognising its structure.

    Attributes:
        kind: "leftover" (an editing leftover removed), "numbering" (a number's width or spaces
            fixed), "joined" (a line cut by a PDF joined to the one before), "repeat" (a pasted
            repeat of earlier paragraphs removed from the end).
        line: line (text files) or paragraph number in the source.
        column: 1-based column there of what was changed.
        found: the text removed or fixed, as it stood ("[bookmark: _GoBack]", "**", "(一)").
        what: what was changed, in Chinese, for the user.
        count: how many times (marks of one kind in one paragraph, paragraphs of a pasted tail).
        label: the kind of leftover, in Chinese ("Word 书签残留"); "" for other kinds.
        part: id of the part the paragraph ended up in ("" until the structure is known).
    """

    KINDS = ("leftover", "numbering", "joined", "repeat")

    kind: str
    line: int
    column: int
    found: str
    what: str
    count: int = 1
    label: str = ""
    part: str = ""

    def __str__(self) -> str:
        where = f"第 {self.line} 行" if self.line else "某段"
        return f"{where}：{self.what}"


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
        source_notes: what the reader cleaned from the source before recognising it (not saved
            with a draft: the checklist reports the leftovers, the import lists every note).
        load_notes: what the reader of a draft set aside and the user must hear of (a setting
            of the wrong type, which falls back to its default), in Chinese with file and line;
            not saved: the CLI writes them to stderr, the window to its status bar.
    """

    meta: ReportMeta = field(default_factory=ReportMeta)
    parts: list[Part] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    last_year_facts: dict[str, Any] = field(default_factory=dict)
    last_year: dict[str, list[str]] = field(default_factory=dict)
    settings: DraftSettings = field(default_factory=DraftSettings)
    source_notes: list[SourceNote] = field(default_factory=list, compare=False)
    load_notes: list[str] = field(default_factory=list, compare=False)

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
