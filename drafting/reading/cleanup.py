"""Clean an imported report and say what was changed.

Text copied from PDFs, Word and chat tools carries artifacts: lines broken in
mid-sentence, "[bookmark: _GoBack]" left by a converter, markdown ``**``
marks, the last paragraphs pasted twice, numbering written with the wrong
character width ("(一)", "1、 "). Each fix is made on a copy of the report and
reported as a CleanupNote, so the writer sees what happened rather than
finding it out later. Nothing else in the text is touched.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from drafting.data.outline import default_outline
from drafting.model import Block, Part, Report
from drafting.numbering import parse_numbering

#: Parts whose blocks are kept line by line (a title over two lines is not a broken sentence).
_KEEP_LINES = ("title", "addressee", "signature", "date")
_SENTENCE_END = "。！？!?；;：:…"
_CLOSERS = "”’」』）)】》"
_ARTIFACTS = [
    (re.compile(r"\[bookmark:[^\]]*\]"), "删除了编辑残留“{match}”"),
    (re.compile(r"\*\*"), "删除了 Markdown 加粗符号“**”"),
    (re.compile(r"^#{1,6}\s+"), "删除了 Markdown 标题符号“{match}”"),
]
#: A line this long or longer that stops without punctuation was most likely cut by a PDF line end.
MIN_BROKEN_LINE = 12
#: Lines of a PDF are at most this long; longer "lines" are real paragraphs.
MAX_WRAP_WIDTH = 80
#: A repeated paragraph shorter than this may repeat on purpose (无, 同上).
MIN_REPEAT = 10


@dataclass(frozen=True)
class CleanupNote:
    """One change made while cleaning.

    Attributes:
        part: id of the part the paragraph is in.
        line: line (text files) or paragraph number in the source; 0 when unknown.
        what: what was changed, in Chinese, for the user.
    """

    part: str
    line: int
    what: str

    def __str__(self) -> str:
        where = f"第 {self.line} 行" if self.line else "某段"
        return f"{where}：{self.what}"


def clean_report(report: Report) -> tuple[Report, list[CleanupNote]]:
    """A cleaned copy of the report and the list of changes made (the report itself is unchanged)."""
    cleaned = copy.deepcopy(report)
    notes: list[CleanupNote] = []
    width = wrap_width(cleaned)
    uncovered: list[Block] = []
    for part in cleaned.parts:
        for block in part.blocks:
            before = block.text
            _remove_artifacts(part.id, block, notes)
            if block.level == 0 and block.text != before and parse_numbering(block.text):
                uncovered.append(block)
            _normalise_numbering(part.id, block, notes)
        part.blocks = [b for b in part.blocks if b.text.strip() or part.id in _KEEP_LINES]
        if part.id not in _KEEP_LINES:
            part.blocks = _join_broken_lines(part.id, part.blocks, width, notes)
    for block in uncovered:
        _promote_heading(cleaned, block, notes)
    _drop_trailing_repeat(cleaned, notes)
    return cleaned, notes


def _promote_heading(report: Report, block: Block, notes: list[CleanupNote]) -> None:
    """A heading hidden behind an artifact ("[bookmark: _GoBack]（三）…") gets its level, and its part."""
    numbering = parse_numbering(block.text)
    level = numbering.standard_level if numbering else None
    part = next((p for p in report.parts if block in p.blocks), None)
    if level is None or part is None or part.id in _KEEP_LINES:
        return
    block.level = level
    part_id = default_outline().part_for_heading(block.text) if level == 1 else None
    if part_id is not None and report.part(part_id) is None:
        index = part.blocks.index(block)
        report.parts.insert(report.parts.index(part) + 1, Part(part_id, part.blocks[index:]))
        del part.blocks[index:]
    notes.append(CleanupNote(part_id or part.id, _line(block), f"删除残留后，“{block.text[:12]}”按{level}级标题处理"))


def _line(block: Block) -> int:
    return block.source_line or 0


def _remove_artifacts(part_id: str, block: Block, notes: list[CleanupNote]) -> None:
    for pattern, message in _ARTIFACTS:
        found = pattern.findall(block.text)
        if found:
            block.text = pattern.sub("", block.text).strip()
            notes.append(CleanupNote(part_id, _line(block), message.format(match=found[0].strip())))


_PAREN_FIX = str.maketrans({"(": "（", ")": "）"})
_DIGIT_FIX = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _normalise_numbering(part_id: str, block: Block, notes: list[CleanupNote]) -> None:
    """Full-width brackets, half-width digits and dots, no spaces inside or after the number."""
    numbering = parse_numbering(block.text)
    if numbering is None or part_id in ("title", "date"):
        return
    prefix = re.sub(r"\s+", "", numbering.prefix)
    if numbering.style in ("cn_paren", "ar_paren"):
        prefix = prefix.translate(_PAREN_FIX)
    if numbering.style in ("ar_paren", "ar_dot", "ar_dun"):
        prefix = prefix.translate(_DIGIT_FIX)
    if prefix != numbering.prefix:
        if re.sub(r"\s+", "", numbering.prefix) == prefix:
            what = f"删除了编号“{prefix}”中多余的空格"
        else:
            what = f"统一了编号的全角/半角写法：“{numbering.prefix.strip()}”改为“{prefix}”"
        notes.append(CleanupNote(part_id, _line(block), what))
        block.text = prefix + block.text[len(numbering.prefix):]


def wrap_width(report: Report) -> int:
    """The length most body lines reach: the line width of text pasted from a PDF, else large.

    In PDF text nearly every line is cut at the same width, so the upper quartile
    of the lengths is that width; in real paragraphs it is hundreds of characters.
    """
    lengths = sorted(len(b.text.strip()) for p in report.parts if p.id not in _KEEP_LINES
                     for b in p.blocks if b.level == 0 and b.text.strip())
    return lengths[(len(lengths) * 3) // 4] if lengths else 0


def _ends_sentence(text: str) -> bool:
    if text[-1] in _CLOSERS and len(text) > 1:
        text = text[:-1]  # "……。”" ends a sentence, "（〔2021〕4号）" need not
    return text[-1] in _SENTENCE_END


def _looks_broken(block: Block, width: int) -> bool:
    text = block.text.rstrip()
    # A heading is only taken as cut when it fills the whole line: short headings have no full stop.
    needed = max(MIN_BROKEN_LINE, width * 0.85) if block.level == 0 else max(MIN_BROKEN_LINE, width)
    return (len(text) >= needed and width <= MAX_WRAP_WIDTH and not _ends_sentence(text) and " | " not in text)


def _continues(block: Block) -> bool:
    text = block.text.lstrip()
    return (block.level == 0 and bool(text) and parse_numbering(text) is None
            and not re.match(r"^[一二三四五六七八九十]+是", text) and " | " not in text)


def _join_broken_lines(part_id: str, blocks: list[Block], width: int, notes: list[CleanupNote]) -> list[Block]:
    """Join a line that stops mid-sentence with the line after it (text pasted from a PDF)."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if previous is not None and _looks_broken(previous, width) and _continues(block):
            first, second = previous.text.rstrip(), block.text.strip()
            space = " " if first[-1].isascii() and first[-1].isalnum() and second[0].isascii() else ""
            previous.text = first + space + second
            notes.append(CleanupNote(part_id, _line(block),
                                     f"把断开的一句接回上一行（上一行以“{first[-6:]}”结尾，没有标点）"))
            continue
        joined.append(block)
    return joined


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _drop_trailing_repeat(report: Report, notes: list[CleanupNote]) -> None:
    """Remove paragraphs at the end of the body that repeat, in order, paragraphs found earlier."""
    body = [(part, block) for part in report.parts if part.id not in _KEEP_LINES for block in part.blocks]
    keys = [_key(block.text) for _, block in body]
    best = 0
    for length in range(1, len(body) // 2 + 1):
        tail = keys[len(keys) - length:]
        if any(len(k) < MIN_REPEAT for k in tail):
            break
        head = keys[: len(keys) - length]
        if any(head[i:i + length] == tail for i in range(len(head) - length + 1)):
            best = length
    for part, block in body[len(body) - best:] if best else []:
        part.blocks.remove(block)
        notes.append(CleanupNote(part.id, _line(block), f"删除了末尾重复粘贴的一段（“{block.text[:12]}……”与前文相同）"))
    report.parts = [p for p in report.parts if p.blocks or p.id not in ("preamble",)]
