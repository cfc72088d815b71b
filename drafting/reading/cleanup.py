"""Clean a source's paragraphs before its structure is recognised, and say what was changed.

Text copied from PDFs, Word and chat tools carries artifacts: "[bookmark: _GoBack]" left by a
converter, markdown ``**`` and ``#`` marks, lines broken in mid-sentence, numbering written with the
wrong character width ("(一)", "1、 "), and the last paragraphs pasted again after the signature.
Leftovers, cut lines and a pasted tail hide the structure: they are removed from the list of
paragraphs first, so the structure is recognised once, on clean text (a heading behind a leftover
is a heading; a signature followed by a pasted repeat is still the signature). Numbering widths
hide nothing and a check must still report them, so only a report carried into a new draft has
them fixed (normalise_numbering). Every change is a SourceNote: the import lists them, the
checklist reports the leftovers as findings. Nothing else is touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from drafting.dates import is_date_line
from drafting.model import XML_INVALID, Report, SourceNote, describe_invalid, xml_safe
from drafting.numbering import infer_levels, parse_numbering
from drafting.reading.structure import SourceParagraph

_SENTENCE_END = "。！？!?；;：:…"
_CLOSERS = "”’」』）)】》"
#: (kind of leftover, pattern, label for the user).
_ARTIFACTS = [
    (re.compile(r"\[bookmark:[^\]]*\]"), "Word 书签残留"),
    (re.compile(r"\*\*"), "Markdown 加粗标记"),
    (re.compile(r"^#{1,6}\s+"), "Markdown 标题符号"),
]
#: A line this long or longer that stops without punctuation was most likely cut by a PDF line end.
MIN_BROKEN_LINE = 12
#: Lines of a PDF are at most this long; longer "lines" are real paragraphs.
MAX_WRAP_WIDTH = 80
#: A repeated paragraph shorter than this may repeat on purpose (无, 同上).
MIN_REPEAT = 10

KIND_LEFTOVER, KIND_NUMBERING, KIND_JOINED, KIND_REPEAT = SourceNote.KINDS


@dataclass(frozen=True)
class CleanupResult:
    """The cleaned paragraphs and what was changed, in source order."""

    paragraphs: list[SourceParagraph]
    notes: list[SourceNote]


def clean_paragraphs(
    paragraphs: list[SourceParagraph], part_for_heading: Callable[[str], str | None]
) -> CleanupResult:
    """Clean copies of the paragraphs (the list given is not changed) and the notes.

    Args:
        part_for_heading: the outline's lookup, to tell headings from body text when judging
            where a PDF cut a line (a short heading has no full stop and is not cut).
    """
    notes: list[SourceNote] = []
    cleaned: list[SourceParagraph] = []
    blank_before = False
    for para in paragraphs:
        text = _remove_artifacts(para, notes)
        blank_before = blank_before or para.blank_before
        if text.strip():
            # What went from the front moves the text's first column, so positions still point at
            # the source ("[bookmark: _GoBack]（三）…": the heading starts 20 columns on).
            column = para.column + (len(para.text) - len(text) if para.text.endswith(text) else 0)
            cleaned.append(replace(para, text=text, column=column, blank_before=blank_before))
            blank_before = False
    cleaned = _join_broken_lines(cleaned, part_for_heading, notes)
    cleaned = _drop_trailing_repeat(cleaned, notes)
    return CleanupResult(cleaned, sorted(notes, key=lambda note: note.line))


def _remove_artifacts(para: SourceParagraph, notes: list[SourceNote]) -> str:
    text = para.text
    invalid = [match for match in XML_INVALID.finditer(text)]
    if invalid:
        # Control characters (a stray BEL, NUL, U+FFFE) cannot be written to a .docx: removed here, noted.
        names = describe_invalid([match.group(0) for match in invalid])
        notes.append(SourceNote(KIND_LEFTOVER, para.line, para.column + invalid[0].start(), names,
                                f"删除了 {len(invalid)} 个无法保存到 Word 的控制字符（{names}）",
                                count=len(invalid), label="控制字符"))
        text = xml_safe(text).strip()
    for pattern, label in _ARTIFACTS:
        found = [match for match in pattern.finditer(text) if match.group(0)]
        if not found:
            continue
        first = found[0]
        what = f"删除了编辑残留（{label}）“{first.group(0).strip()}”" + (f"，共 {len(found)} 处" if len(found) > 1 else "")
        notes.append(SourceNote(KIND_LEFTOVER, para.line, para.column + first.start(), first.group(0), what,
                                count=len(found), label=label))
        text = pattern.sub("", text).strip()
    return text


_PAREN_FIX = str.maketrans({"(": "（", ")": "）"})
_DIGIT_FIX = str.maketrans("０１２３４５６７８９．", "0123456789.")


def normalise_numbering(report: Report) -> list[SourceNote]:
    """Write heading numbers the standard way in a report being carried into a new draft.

    Full-width brackets, half-width digits and dots, no spaces inside or after the number. Not
    part of reading: a wrong width hides no structure, and a check must still report it.
    """
    notes: list[SourceNote] = []
    for part, block in report.iter_blocks():
        if part.id in ("title", "date"):
            continue
        numbering = parse_numbering(block.text)
        if numbering is None:
            continue
        prefix = re.sub(r"\s+", "", numbering.prefix)
        if numbering.style in ("cn_paren", "ar_paren"):
            prefix = prefix.translate(_PAREN_FIX)
        if numbering.style in ("ar_paren", "ar_dot", "ar_dun"):
            prefix = prefix.translate(_DIGIT_FIX)
        if prefix == numbering.prefix:
            continue
        if re.sub(r"\s+", "", numbering.prefix) == prefix:
            what = f"删除了编号“{prefix}”中多余的空格"
        else:
            what = f"统一了编号的全角/半角写法：“{numbering.prefix.strip()}”改为“{prefix}”"
        line = block.source_line or 0
        notes.append(SourceNote(KIND_NUMBERING, line, block.source_column, numbering.prefix, what, part=part.id))
        block.text = prefix + block.text[len(numbering.prefix):]
    return notes


def wrap_width(lengths: list[int]) -> int:
    """The length most body lines reach: the line width of text pasted from a PDF, else large.

    In PDF text nearly every line is cut at the same width, so the upper quartile
    of the lengths is that width; in real paragraphs it is hundreds of characters.
    """
    ordered = sorted(lengths)
    return ordered[(len(ordered) * 3) // 4] if ordered else 0


def _cut_at_one_width(lengths: list[int], width: int) -> bool:
    """Whether many lines stop at the same width, as a page's lines do (short paragraphs do not)."""
    full = sum(1 for length in lengths if abs(length - width) <= 1)
    return full >= max(3, len(lengths) // 4)


def _ends_sentence(text: str) -> bool:
    if text[-1] in _CLOSERS and len(text) > 1:
        text = text[:-1]  # "……。”" ends a sentence, "（〔2021〕4号）" need not
    return text[-1] in _SENTENCE_END


def _join_broken_lines(
    paragraphs: list[SourceParagraph], part_for_heading: Callable[[str], str | None], notes: list[SourceNote]
) -> list[SourceParagraph]:
    """Join a line that stops mid-sentence with the line after it (text pasted from a PDF)."""
    levels = infer_levels([p.text for p in paragraphs], part_for_heading, preset_levels=[p.level for p in paragraphs])
    lengths = [len(p.text) for p, level in zip(paragraphs, levels, strict=True) if level == 0]
    width = wrap_width(lengths)
    if width > MAX_WRAP_WIDTH or not _cut_at_one_width(lengths, width):
        return paragraphs  # real paragraphs, not lines of a page
    joined: list[SourceParagraph] = []
    joined_levels: list[int] = []
    for para, level in zip(paragraphs, levels, strict=True):
        # A part's own heading ("二、党政主要负责人履行……职责情况") is never a line cut by a page.
        part_heading = joined_levels[-1] == 1 and part_for_heading(joined[-1].text) is not None if joined else False
        if joined and not part_heading and _looks_broken(joined[-1].text, joined_levels[-1], width) and _continues(para, level):
            first, second = joined[-1].text.rstrip(), para.text.strip()
            space = " " if first[-1].isascii() and first[-1].isalnum() and second[0].isascii() else ""
            joined[-1] = replace(joined[-1], text=first + space + second)
            notes.append(SourceNote(KIND_JOINED, para.line, para.column, first[-6:],
                                    f"把断开的一句接回上一行（上一行以“{first[-6:]}”结尾，没有标点）"))
            continue
        joined.append(para)
        joined_levels.append(level)
    return joined


def _looks_broken(text: str, level: int, width: int) -> bool:
    text = text.rstrip()
    # A heading is only taken as cut when it fills the whole line: short headings have no full stop.
    needed = max(MIN_BROKEN_LINE, width * 0.85) if level == 0 else max(MIN_BROKEN_LINE, width)
    return len(text) >= needed and not _ends_sentence(text) and " | " not in text


def _continues(para: SourceParagraph, level: int) -> bool:
    text = para.text.lstrip()
    return (level == 0 and not para.blank_before and bool(text) and parse_numbering(text) is None
            and not re.match(r"^[一二三四五六七八九十]+是", text) and " | " not in text)


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def repeated_tail_length(keys: list[str], min_chars: int = MIN_REPEAT) -> int:
    """How many paragraphs at the end repeat, in order, a run of paragraphs found earlier.

    Grows the tail one paragraph at a time and keeps only the earlier places where the tail so
    far still matches, so a long report costs about one pass, not one comparison per pair.
    """
    count = len(keys)
    best = 0
    # Earlier positions j such that keys[j - length + 1 .. j] equals the tail of this length.
    ends = [j for j in range(count - 1) if keys[j] == keys[-1]] if count else []
    length = 1
    while ends and length <= count // 2:
        if len(keys[count - length]) < min_chars:
            break
        # a match must end before the tail starts
        if any(j < count - length for j in ends):
            best = length
        length += 1
        if length > count // 2:
            break
        wanted = keys[count - length]
        ends = [j for j in ends if j - length + 1 >= 0 and keys[j - length + 1] == wanted and j < count - length]
    return best


def _drop_trailing_repeat(paragraphs: list[SourceParagraph], notes: list[SourceNote]) -> list[SourceParagraph]:
    """Remove paragraphs at the end that repeat, in order, paragraphs found earlier (a pasted tail)."""
    keys = [_key(p.text) for p in paragraphs]
    best = max(repeated_tail_length(keys), _pieces_after_date(paragraphs, keys))
    tail = paragraphs[len(paragraphs) - best:] if best else []
    if not tail or all(is_date_line(p.text) for p in tail):
        return paragraphs  # a date under the title and again at the end is no pasted tail
    first = tail[0]
    notes.append(SourceNote(KIND_REPEAT, first.line, first.column, first.text[:20],
                            f"删除了末尾重复粘贴的 {best} 段（从“{first.text[:12]}……”起，与前文相同）", count=best))
    return paragraphs[: len(paragraphs) - best]


def _pieces_after_date(paragraphs: list[SourceParagraph], keys: list[str]) -> int:
    """How many paragraphs after the last date line are pieces of earlier text (a paste cut mid-paragraph).

    A tail pasted after the signature and date need not start or end where a paragraph does: each
    paragraph after the date that stands, whole, inside a paragraph before it is part of the paste.
    """
    dates = [i for i, p in enumerate(paragraphs) if is_date_line(p.text)]
    if not dates or dates[-1] == len(paragraphs) - 1 or dates[-1] < len(paragraphs) // 2:
        return 0
    last = dates[-1]
    earlier = keys[:last]
    after = keys[last + 1:]
    for key in after:
        short = len(key) < MIN_REPEAT  # a short line (a heading) counts only when repeated whole
        if not any(key == other if short else key in other for other in earlier):
            return 0
    return len(after)
