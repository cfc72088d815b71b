"""A part's text as the editor shows it, and back to blocks.

One paragraph per line. A line that starts with heading numbering (一、
（一） 1. （1）, or a wrong form such as 1、) becomes a heading of the right
level, judged exactly as an imported report is (drafting.numbering.infer_levels);
other lines are paragraphs; blank lines are dropped.
"""

from __future__ import annotations

from drafting.data.outline import default_outline
from drafting.model import Block
from drafting.numbering import infer_levels


def text_to_blocks(text: str) -> list[Block]:
    """Blocks for the editor's text; the text of each block is kept as typed (stripped)."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    levels = infer_levels(lines, default_outline().part_for_heading)
    return [Block(line, level) for line, level in zip(lines, levels, strict=True)]


def blocks_to_text(blocks: list[Block]) -> str:
    return "\n".join(block.text for block in blocks if block.text.strip())

