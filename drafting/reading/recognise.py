"""A source's paragraphs to a Report: cleaned first, then the structure recognised once.

Every reader (text, Word) ends here, and so does every path that reads a source: open, check,
export and import. Cleaning first means the structure is guessed on clean text, once; what the
cleaning changed travels with the report as Report.source_notes, each note placed in the part its
paragraph ended up in.
"""

from __future__ import annotations

from dataclasses import replace

from drafting.data.outline import Outline, default_outline
from drafting.errors import InputError
from drafting.model import Report
from drafting.reading.cleanup import clean_paragraphs
from drafting.reading.structure import SourceParagraph, build_report

#: Most paragraphs and characters a source may hold once read (a long report has about 300
#: paragraphs and 20,000 characters): checked after decompression, whatever the file's size.
MAX_PARAGRAPHS = 30_000
MAX_TEXT_CHARS = 1_500_000


def check_source_size(paragraphs: list[SourceParagraph], name: str = "文件") -> None:
    """Refuse a source with more paragraphs or characters than any report, naming the limit.

    Raises:
        InputError: too many paragraphs or characters.
    """
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise InputError(
            f"“{name}”有 {len(paragraphs)} 段，超过可读取的上限 {MAX_PARAGRAPHS} 段（一份报告通常不到 500 段）。"
            "请确认选择的文件是否正确，或只复制报告正文另存后再试。"
        )
    chars = sum(len(para.text) for para in paragraphs)
    if chars > MAX_TEXT_CHARS:
        raise InputError(
            f"“{name}”有 {chars} 个字，超过可读取的上限 {MAX_TEXT_CHARS} 字（一份报告通常不到 3 万字）。"
            "请确认选择的文件是否正确，或只复制报告正文另存后再试。"
        )


def recognise(paragraphs: list[SourceParagraph], outline: Outline | None = None, name: str = "文件") -> Report:
    """Clean the paragraphs, sort them into the outline's parts, and keep the cleaning notes.

    Raises:
        InputError: more paragraphs or characters than check_source_size allows.
    """
    check_source_size(paragraphs, name)
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


