"""Apply a finding's mechanical fix (a term replacement) to the report it was found in."""

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
