"""A source's paragraphs to a Report: cleaned first, then the structure recognised once.

Every reader (text, Word) ends here, and so does every path that reads a source: open, check,
export and import. Cleaning first means the structure is guessed on clean text, once; what the
cleaning changed travels with the report as Report.source_notes, each note placed in the part its
paragraph ended up in.
"""

from __future__ import annotations

from dataclasses import replace

from drafting.data.outline import Outline, default_outline
from drafting.model import Report
from drafting.reading.cleanup import clean_paragraphs
from drafting.reading.structure import SourceParagraph, build_report


def recognise(paragraphs: list[SourceParagraph], outline: Outline | None = None) -> Report:
    """Clean the paragraphs, sort them into the outline's parts, and keep the cleaning notes."""
    outline = outline or default_outline()
    cleaned = clean_paragraphs(paragraphs, outline.part_for_heading)
    report = build_report(cleaned.paragraphs, outline)
    report.source_notes = [replace(note, part=_part_at(report, note.line)) for note in cleaned.notes]
    return report


def _part_at(report: Report, line: int) -> str:
    """The part holding the source line (the last part starting at or before it)."""
    found = ""
    for part, block in report.iter_blocks():
        if block.source_line is not None and block.source_line <= line:
            found = part.id
    return found or (report.parts[0].id if report.parts else "")


