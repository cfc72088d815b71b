"""A part's text as the editor shows it, and back to blocks.

One paragraph per line. A line that starts with heading numbering (一、
（一） 1. （1）, or a wrong form such as 1、) becomes a heading of the right
level, judged exactly as an imported report is (drafting.numbering.infer_levels);
other lines are paragraphs; blank lines are dropped. Level-1 headings are
numbered by the position of their part among the statutory parts.
"""

from __future__ import annotations

from drafting.data.outline import default_outline
from drafting.model import STATUTORY, Block, Report
from drafting.numbering import infer_levels, parse_numbering, standard_prefix


def text_to_blocks(text: str) -> list[Block]:
    """Blocks for the editor's text; the text of each block is kept as typed (stripped)."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    levels = infer_levels(lines, default_outline().part_for_heading)
    return [Block(line, level) for line, level in zip(lines, levels, strict=True)]


def blocks_to_text(blocks: list[Block]) -> str:
    return "\n".join(block.text for block in blocks if block.text.strip())


def renumber_level1(report: Report) -> int:
    """Number each statutory part's level-1 heading 一、二、… in document order.

    Only the first level-1 heading of each part is its heading; its wording is
    kept, only the prefix changes. Returns how many headings changed.
    """
    changed = 0
    number = 0
    for part in report.parts:
        if part.id not in STATUTORY:
            continue
        heading = next((b for b in part.blocks if b.level == 1), None)
        if heading is None:
            continue
        number += 1
        numbering = parse_numbering(heading.text)
        words = heading.text[len(numbering.prefix):] if numbering else heading.text
        new_text = standard_prefix(1, number) + words
        if new_text != heading.text:
            heading.text = new_text
            changed += 1
    return changed
