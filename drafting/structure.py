"""Recognise a report's structure from its paragraphs.

Given the paragraphs of a report in order (from a text file, a .docx, or
pasted text), find the title, the addressee, the preamble, the statutory
parts (level-1 headings mapped by wording), sub-headings by their numbering,
and the signature and date at the end. Every paragraph ends up in exactly one
part, in its original order, with its text unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.model import Block, Part, Report, ReportMeta
from drafting.numbering import STANDARD_LEVEL, parse_numbering
from drafting.outline import Outline, default_outline

_END_PUNCT = "。；;！!？?，,"
_DATE_RE = re.compile(
    r"^[（(]?\s*(?:\d{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*"
    r"(?:年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日"
    r"|[.．/\-]\s*\d{1,2}\s*[.．/\-]\s*\d{1,2})\s*[）)]?$"
)
_SIGNATURE_ENDINGS = ("人民政府", "政府", "办事处", "委员会", "党委", "镇", "乡", "街道", "（盖章）", "(盖章)", "工作领导小组")
_ADDRESSEE_MAX = 40
_TITLE_MAX = 60
_YEAR_RE = re.compile(r"(20\d{2})\s*年")
_ORG_RE = re.compile(r"([\u4e00-\u9fff]{1,12}?(?:镇|乡|街道办事处|街道)(?:人民政府|党委)?)")


@dataclass
class SourceParagraph:
    """One non-empty paragraph of the source.

    Attributes:
        text: the paragraph, stripped of surrounding white space.
        line: 1-based line (text files) or paragraph number (other sources).
        column: 1-based column of the first character of text.
        level: heading level known from the source (a .docx heading style), or None.
        blank_before: an empty line came right before this one.
    """

    text: str
    line: int
    column: int = 1
    level: int | None = None
    blank_before: bool = False


def is_date_line(text: str) -> bool:
    """True for a line that is only a date (2024年1月10日, 2021.12.18, 二〇二四年一月十日)."""
    return bool(_DATE_RE.match(text.strip()))


def _is_signature_line(text: str) -> bool:
    if len(text) > 30 or any(p in text for p in "。，；：:,;") or parse_numbering(text):
        return False
    return text.endswith(_SIGNATURE_ENDINGS)


def _is_title_line(text: str) -> bool:
    return len(text) <= _TITLE_MAX and not text.endswith(tuple(_END_PUNCT + "：:")) and parse_numbering(text) is None


def _is_addressee(text: str) -> bool:
    return (
        text.endswith(("：", ":"))
        and len(text) <= _ADDRESSEE_MAX
        and "。" not in text
        and parse_numbering(text) is None
    )


def _heading_levels(paragraphs: list[SourceParagraph], outline: Outline) -> list[int]:
    """Level of each paragraph: 0 for body text, 1-4 for headings.

    Standard numbering gives its GB/T 9704 level. A wrong form ("1、", "一.")
    is level 1 when its wording names a statutory part, and otherwise one
    level below the nearest heading of another style (so "1、" under "（一）"
    is level 3, where "1." belongs).
    """
    levels: list[int] = []
    last_level_by_style: list[tuple[str, int]] = []
    for para in paragraphs:
        if para.level is not None:
            levels.append(para.level)
            continue
        numbering = parse_numbering(para.text)
        if numbering is None:
            levels.append(0)
            continue
        level = STANDARD_LEVEL.get(numbering.style)
        if level is None:
            if outline.part_for_heading(para.text) is not None and len(para.text) <= 40:
                level = 1
            else:
                context = next((lv for st, lv in reversed(last_level_by_style) if st != numbering.style), 0)
                level = min(context + 1, 4)
        levels.append(level)
        last_level_by_style.append((numbering.style, level))
    return levels


def build_report(paragraphs: list[SourceParagraph], outline: Outline | None = None) -> Report:
    """Sort paragraphs into the parts of a report.

    The title is the first line (or the first few lines up to a blank line);
    an addressee is a short line ending with a colon right after it; a date
    and a signature are recognised at the end; everything between goes to the
    preamble and the statutory parts, split at level-1 headings.
    """
    outline = outline or default_outline()
    paras = [p for p in paragraphs if p.text.strip()]
    report = Report()
    if not paras:
        return report
    start, end = 0, len(paras)

    # Title: lines up to the first blank line (at most four), else the first line alone.
    title_count = 1 if _is_title_line(paras[0].text) else 0
    if title_count:
        for index in range(1, min(4, len(paras))):
            if paras[index].blank_before or not _is_title_line(paras[index].text) or _is_addressee(paras[index].text):
                break
            title_count = index + 1
        has_break = title_count < len(paras) and paras[title_count].blank_before
        if title_count > 1 and not has_break:
            title_count = 1
    if title_count:
        report.parts.append(Part("title", [_block(p, 0) for p in paras[:title_count]]))
    start = title_count

    if start < end and _is_addressee(paras[start].text):
        report.parts.append(Part("addressee", [_block(paras[start], 0)]))
        start += 1

    # Date and signature at the end.
    tail: list[Part] = []
    if end > start and is_date_line(paras[end - 1].text):
        tail.insert(0, Part("date", [_block(paras[end - 1], 0)]))
        end -= 1
    if end > start and _is_signature_line(paras[end - 1].text):
        tail.insert(0, Part("signature", [_block(paras[end - 1], 0)]))
        end -= 1

    body = paras[start:end]
    levels = _heading_levels(body, outline)
    current = Part("preamble")
    report.parts.append(current)
    for para, level in zip(body, levels, strict=True):
        if level == 1:
            part_id = outline.part_for_heading(para.text)
            if part_id is not None and report.part(part_id) is None:
                current = Part(part_id)
                report.parts.append(current)
        current.blocks.append(_block(para, level))
    preamble = report.part("preamble")
    if preamble is not None and not preamble.blocks:
        report.parts.remove(preamble)  # a report that goes straight into its first heading
    report.parts.extend(tail)
    report.meta = guess_meta(report)
    return report


def _block(para: SourceParagraph, level: int) -> Block:
    return Block(para.text, level, source_line=para.line, source_column=para.column)


def guess_meta(report: Report) -> ReportMeta:
    """Organisation and report year as far as the title, signature and preamble tell."""
    meta = ReportMeta()
    title = report.title
    years = [int(y) for y in _YEAR_RE.findall(title)]
    if not years:
        preamble = report.part("preamble")
        text = preamble.text if preamble else ""
        years = [int(y) for y in _YEAR_RE.findall(text[:300])]
    if not years:
        # "（大寺镇  2021.12.18）": a date under the title still tells the year.
        match = re.search(r"(20\d{2})[.．/\-]\d{1,2}", title + (report.part("preamble").text[:60] if report.part("preamble") else ""))
        if match:
            years = [int(match.group(1))]
    meta.year = years[0] if years else None
    for source in (report.signature, title):
        match = _ORG_RE.search(source)
        if match:
            meta.org = match.group(1)
            break
    return meta
