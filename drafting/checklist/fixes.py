"""Where a finding sits in a part's editor text, and applying its mechanical fix (a term replacement).

The window shows each part as Part.text (its blocks joined by newlines);
locate() turns a finding into a span of that text to select and underline.
"""

from __future__ import annotations

from drafting.checklist.model import Finding
from drafting.model import Report


def apply_fix(report: Report, finding: Finding) -> bool:
    """Replace the finding's match by its fix, in place; False when the text has changed since.

    The paragraph is found by block_index and the match by offset, and the
    replacement only happens where the flagged text is still exactly there,
    so a stale finding never edits the wrong words.
    """
    if finding.fix is None or finding.block_index is None or finding.offset is None:
        return False
    blocks = [block for _part, block in report.iter_blocks()]
    if not 0 <= finding.block_index < len(blocks):
        return False
    block = blocks[finding.block_index]
    start, end = finding.offset, finding.offset + len(finding.match)
    if block.text[start:end] != finding.match:
        return False
    block.text = block.text[:start] + finding.fix + block.text[end:]
    return True


def locate(report: Report, finding: Finding) -> tuple[str, int, int] | None:
    """(part id, start, end) of the finding's match in that part's Part.text, or None.

    None for a finding without a position (a missing part, contradicting facts)
    or when the text has changed so the match is no longer there.
    """
    if finding.block_index is None or finding.offset is None:
        return None
    index = 0
    for part in report.parts:
        start = 0
        for block in part.blocks:
            if index == finding.block_index:
                end = finding.offset + len(finding.match)
                if block.text[finding.offset : end] != finding.match:
                    return None
                return part.id, start + finding.offset, start + end
            start += len(block.text) + 1
            index += 1
    return None


def paragraph_number(report: Report, finding: Finding) -> int | None:
    """The finding's paragraph as its part's editor counts it (1 = the part's first non-empty paragraph).

    None for a finding without a paragraph, or one the report no longer has.
    """
    if finding.block_index is None:
        return None
    index = 0
    for part in report.parts:
        number = 0
        for block in part.blocks:
            if block.text.strip():
                number += 1
            if index == finding.block_index:
                return number if block.text.strip() and part.id == finding.part else None
            index += 1
    return None
