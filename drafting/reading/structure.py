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

from drafting.data.outline import Outline, default_outline
from drafting.dates import is_date_line, year_mentions, year_of_numeric_date
from drafting.model import Block, Part, Report, ReportMeta
from drafting.numbering import infer_levels, parse_numbering, split_run_in

_END_PUNCT = "。；;！!？?，,"
_SIGNATURE_ENDINGS = ("人民政府", "政府", "办事处", "委员会", "党委", "镇", "乡", "街道", "（盖章）", "(盖章)", "工作领导小组")
_ADDRESSEE_MAX = 40
_MAX_SIGNATURE_LINES = 3
_TITLE_MAX = 60
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


def _is_signature_line(text: str) -> bool:
    if len(text) > 30 or any(p in text for p in "。，；：:,;") or parse_numbering(text):
        return False
    return text.endswith(_SIGNATURE_ENDINGS)


def _is_title_line(text: str) -> bool:
    return len(text) <= _TITLE_MAX and not text.endswith(tuple(_END_PUNCT + "：:")) and parse_numbering(text) is None


def _is_addressee(text: str) -> bool:
    return (
        text.rstrip().endswith(("：", ":"))
        and not re.search(r"现将|如下|报告", text)
        and len(text) <= _ADDRESSEE_MAX
        and "。" not in text
        and parse_numbering(text) is None
    )


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
    # One signature line, or one per organisation of a joint report (党委 and 政府), the lead first.
    signature: list[Block] = []
    while end > start and len(signature) < _MAX_SIGNATURE_LINES and _is_signature_line(paras[end - 1].text):
        signature.insert(0, _block(paras[end - 1], 0))
        end -= 1
    if signature:
        tail.insert(0, Part("signature", signature))

    body = paras[start:end]
    levels = infer_levels([p.text for p in body], outline.part_for_heading,
                          preset_levels=[p.level for p in body], bare_headings=True)
    named = _years_named(" ".join(p.text for p in paras[: start + 1]))
    part_at = _parts_of_headings(body, levels, outline, named[0] if named else None)
    current = Part("preamble")
    report.parts.append(current)
    for index, (para, level) in enumerate(zip(body, levels, strict=True)):
        if index in part_at:
            current = Part(part_at[index])
            report.parts.append(current)
        current.blocks.append(_block(para, level))
    preamble = report.part("preamble")
    if preamble is not None and not preamble.blocks:
        report.parts.remove(preamble)  # a report that goes straight into its first heading
    report.parts.extend(tail)
    report.meta = guess_meta(report)
    return report


#: What a level-1 heading worded in no known way says of its part, in its own words.
_HEADING_CUES = {
    "leader_duty": re.compile(r"第一责任人|主要负责人|领导责任|履职"),
    "shortcomings": re.compile(r"不足|短板|差距|薄弱|欠缺|改进|教训|反思"),
    "plans": re.compile(r"下一|下步|明年|来年|今后|打算|展望|谋划|努力方向|工作思路"),
}
#: What the first sentence under such a heading says when the section is that part.
_OPENING_CUES = {
    "leader_duty": re.compile(r"第一责任人"),
    "shortcomings": re.compile(r"存在(?:的|着)?[^，。；]{0,6}?(?:问题|不足|短板|差距|薄弱)|不足之处"),
    "plans": re.compile(r"^(?:下一步|下一年|下步|明年|来年|今后)"),
}
_CUE_ORDER = ("leader_duty", "shortcomings", "plans")


def _parts_of_headings(
    body: list[SourceParagraph], levels: list[int], outline: Outline, year: int | None = None
) -> dict[int, str]:
    """Which level-1 headings start which statutory part: by wording first, then by content.

    A heading whose wording names no part goes to 第一责任人, 存在的不足 or 下一年度安排 only when
    its own words or the first sentence under it say so ("四、压实领导责任", "……仍然存在一些问题
    和不足。"); any other is a topic heading reporting work (一、强化组织保障 二、创新普法宣传 …): it
    starts the measures when no measures part is found yet, else stays in the part before it (an
    extra section such as 特色亮点). Where a heading stands never decides. ``year``, the report
    year when the title names it: a heading or first sentence on the next year is the plans.
    """
    headings = [i for i, level in enumerate(levels) if level == 1]
    worded = {index: outline.part_for_heading(body[index].text) for index in headings}
    part_at: dict[int, str] = {}
    for index, part_id in worded.items():
        if part_id is not None and part_id not in part_at.values():
            part_at[index] = part_id
    used = set(part_at.values())
    for index in headings:
        if worded[index] is not None:  # placed by its words, or a second heading of a part already found
            continue
        said = _said_by_content(body, levels, index, year)
        if said is None and "measures" not in used:
            said = "measures"
        if said is not None and said not in used:
            part_at[index] = said
            used.add(said)
    return part_at


def _said_by_content(body: list[SourceParagraph], levels: list[int], index: int, year: int | None) -> str | None:
    """The part a heading's own words, or the first sentence under it, name (None: a topic of work)."""
    numbering = parse_numbering(body[index].text)
    heading, rest = split_run_in(body[index].text[len(numbering.prefix):] if numbering else body[index].text)
    for part_id in _CUE_ORDER:
        if _HEADING_CUES[part_id].search(heading):
            return part_id
    next_year = f"{year + 1}年" if year is not None else None
    if next_year and next_year in heading:
        return "plans"
    if not rest and index + 1 < len(body) and levels[index + 1] != 1:
        text = body[index + 1].text
        numbered = parse_numbering(text)
        rest = text[len(numbered.prefix):] if numbered else text
    first = re.split(r"[。；;！？]", rest, maxsplit=1)[0]
    if next_year and re.match(rf"{next_year}[，,]?[^，。]{{0,8}}?(?:将|要|计划|拟)", first):
        return "plans"
    for part_id in _CUE_ORDER:
        if _OPENING_CUES[part_id].search(first):
            return part_id
    return None


def _block(para: SourceParagraph, level: int) -> Block:
    return Block(para.text, level, source_line=para.line, source_column=para.column)


def guess_meta(report: Report) -> ReportMeta:
    """Organisation and report year as far as the title, signature and preamble tell."""
    meta = ReportMeta()
    title = report.title
    years = _years_named(title)
    if not years:
        preamble = report.part("preamble")
        text = preamble.text if preamble else ""
        years = _years_named(text[:300])
    if not years:
        # "（大寺镇  2021.12.18）": a date under the title still tells the year.
        year = year_of_numeric_date(title + (report.part("preamble").text[:60] if report.part("preamble") else ""))
        if year is not None:
            years = [year]
    meta.year = years[0] if years else None
    # A joint report is signed by the party committee and the government: the government writes it.
    signed = sorted(report.signature.split("\n"), key=lambda line: line.startswith(("中共", "中国共产党")))
    for source in (*signed, title):
        org = org_in(source)
        if org:
            meta.org = org
            break
    return meta


#: A party committee's name ("中共某镇委员会"): in a joint title or signature, the government is the writer.
_PARTY_COMMITTEE = re.compile(r"(?:中共|中国共产党)([\u4e00-\u9fff]{1,12}?(?:镇|乡|街道))(?:工作)?委员会")


def org_in(text: str) -> str:
    """The organisation a title or signature line names; of joint issuers, the government."""
    without_party = _PARTY_COMMITTEE.sub(" ", text)
    match = _ORG_RE.search(without_party)
    if match:
        return match.group(1)
    party = _PARTY_COMMITTEE.search(text)
    return party.group(1) if party else ""


def _years_named(text: str) -> list[int]:
    """The years of this century text names as such (2021年), in order."""
    return [int(m.group(1)) for m in year_mentions(text) if m.group(1).startswith("20")]
