"""A part's text as the editor shows it, and back to blocks.

One paragraph per line. A line that starts with heading numbering (一、
（一） 1. （1）, or a wrong form such as 1、) becomes a heading of the right
level, judged exactly as drafting.reading.structure judges an imported report;
other lines are paragraphs; blank lines are dropped.
"""

from __future__ import annotations

from drafting.data.outline import default_outline
from drafting.model import Block
from drafting.reading.structure import SourceParagraph, _heading_levels


def text_to_blocks(text: str) -> list[Block]:
    """Blocks for the editor's text; the text of each block is kept as typed (stripped)."""
    paragraphs = [
        SourceParagraph(line.strip(), number)
        for number, line in enumerate((text or "").splitlines(), start=1)
        if line.strip()
    ]
    levels = _heading_levels(paragraphs, default_outline())
    return [Block(p.text, level) for p, level in zip(paragraphs, levels, strict=True)]


def blocks_to_text(blocks: list[Block]) -> str:
    return "\n".join(block.text for block in blocks if block.text.strip())

