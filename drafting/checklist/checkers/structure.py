"""Checkers of the report's frame and outline.

required-parts (a statutory part absent), frame-element (signature, date,
addressee absent), date-format (成文日期 not like 2024年1月10日),
heading-numbering (form and sequence of 一、（一）1.（1）) and year-mismatch
(a heading or statement naming the wrong year).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from drafting.checklist.checkers.base import Checker, ParamError, compile_regex, string_list
from drafting.checklist.checkers.parts import nested_heading
from drafting.checklist.context import Paragraph, ReportView
from drafting.checklist.model import Finding
from drafting.data.outline import default_outline
from drafting.dates import date_numbers, find_date, is_date_line, standard_date, year_mentions
from drafting.numbering import LEVEL_EXAMPLE, parse_numbering, split_run_in, standard_prefix

_STYLE_NAMES = {
    "cn_dun": "“一、”",
    "cn_paren": "“（一）”",
    "ar_dot": "“1.”",
    "ar_paren": "“（1）”",
    "ar_dun": "“1、”",
    "cn_dot": "“一.”",
}


class RequiredPartsChecker(Checker):
    """Each required statutory part of the outline must be present (by any wording), in its own part
    or as a sub-heading of another (nested-part says it belongs in its own)."""

    KIND = "required-parts"
    PARAMS = {"optional": (list,)}

    def compile(self, params: dict[str, Any]) -> None:
        self.optional = set(string_list(params.get("optional", []), "optional", allow_empty=True))

    def check(self, view: ReportView) -> Iterator[Finding]:
        outline = default_outline()
        for spec in outline.statutory:
            if not spec.required or spec.id in self.optional:
                continue
            if self.rule.parts and spec.id not in self.rule.parts:
                continue
            if not view.report.has_part(spec.id) and nested_heading(view, spec.id) is None:
                yield self.whole(spec.id, "", name=spec.name, statutory_name=spec.statutory_name, heading=spec.heading)


class FrameElementChecker(Checker):
    """The addressee, signature or date is present."""

    KIND = "frame-element"
    PARAMS = {"element": (str,)}
    REQUIRED = frozenset({"element"})

    def compile(self, params: dict[str, Any]) -> None:
        self.element = params["element"]
        if self.element not in ("addressee", "signature", "date"):
            raise ParamError("参数“element”只能是 addressee、signature 或 date")

    def check(self, view: ReportView) -> Iterator[Finding]:
        if view.report.has_part(self.element):
            return
        if self.element == "date" and misplaced_date(view) is not None:
            return  # written elsewhere (under the title): date-format says where and how
        if not view.paragraphs:
            return
        yield self.whole(self.element)


def misplaced_date(view: ReportView) -> tuple[Paragraph, re.Match[str]] | None:
    """A date written in the title or the first lines of the preamble instead of at the end.

    "（大寺镇  2021.12.18）" under the title.
    """
    candidates = [p for p in view.paragraphs if p.part == "title"]
    candidates += [p for p in view.paragraphs if p.part == "preamble"][:2]
    for para in candidates:
        match = find_date(para.text)
        if match and len(para.text) <= 30:
            return para, match
    return None


class DateFormatChecker(Checker):
    """The 成文日期 in Arabic numerals without leading zeros, at the end of the report."""

    KIND = "date-format"
    PARAMS = {"good": (str,)}
    REQUIRED = frozenset({"good"})

    def compile(self, params: dict[str, Any]) -> None:
        self.good = compile_regex(params["good"], "good")

    def check(self, view: ReportView) -> Iterator[Finding]:
        dated = [p for p in view.paragraphs if p.part == "date"]
        if dated:
            para = dated[-1]
            text = para.text.strip()
            if not self.good.fullmatch(text) and is_date_line(text):
                fix = standard_date(text, loose=True)
                yield self.at(para, 0, text, fix, right=fix or "2024年1月10日", where="")
            return
        found = misplaced_date(view)
        if found is not None:
            para, match = found
            fix = standard_date(match.group(0), loose=True)
            yield self.at(para, match.start(), match.group(0), None, right=fix or "2024年1月10日", where="（写在了文首，应写在文末署名下方）")


class OrgConsistencyChecker(Checker):
    """The organisation in the signature is the one the title names."""

    KIND = "org-consistency"
    PARAMS = {"suffixes": (list,), "prefixes": (list,), "org_pattern": (str,)}
    REQUIRED = frozenset({"suffixes", "org_pattern"})

    def compile(self, params: dict[str, Any]) -> None:
        # Longest first: 街道办事处 before 办事处.
        self.suffixes = sorted(string_list(params["suffixes"], "suffixes"), key=len, reverse=True)
        self.org = compile_regex(params["org_pattern"], "org_pattern")
        self.prefixes = string_list(params.get("prefixes", []), "prefixes", True)

    def _core(self, name: str) -> str:
        for prefix in self.prefixes:
            if name.startswith(prefix):
                name = name[len(prefix) :]
        for suffix in self.suffixes:
            if name.endswith(suffix) and len(name) > len(suffix):
                return name[: -len(suffix)]
        return name

    def check(self, view: ReportView) -> Iterator[Finding]:
        title = view.report.title
        signatures = [p for p in view.paragraphs if p.part == "signature"]
        if not title or not signatures or not self.org.search(title):
            return  # a title without an organisation name cannot disagree with the signature
        for para in signatures:
            names = [m.group(0) for m in self.org.finditer(para.text)] or [para.text.strip()]
            if any(self._core(name) in title for name in names):
                continue
            yield self.at(para, 0, para.text.strip(), None, title=title)


#: "全年" and the like: figures for the whole year.
class EarlyDateChecker(Checker):
    """A report dated before 31 December of its year cannot give whole-year figures."""

    KIND = "early-date"
    PARAMS = {"words": (list,)}
    REQUIRED = frozenset({"words"})
    DEFAULT_PARTS = ("preamble", "measures", "leader_duty", "shortcomings", "other")

    def compile(self, params: dict[str, Any]) -> None:
        self.words = re.compile("|".join(re.escape(w) for w in string_list(params["words"], "words")))

    def check(self, view: ReportView) -> Iterator[Finding]:
        year = view.year
        dated = [p for p in view.paragraphs if p.part == "date"]
        text = dated[-1].text if dated else ""
        if not dated:
            found = misplaced_date(view)
            text = found[1].group(0) if found else ""
        date = standard_date(text, loose=True) if text else None
        numbers = date_numbers(date) if date else None
        if year is None or numbers is None or numbers[0] != year or numbers[1:] == (12, 31):
            return
        for para in view.in_parts(self.parts):
            match = self.words.search(para.text)
            if match:
                yield self.at(para, match.start(), match.group(0), None, date=date)
                return  # once is enough: the date is the problem, not each sentence


class HeadingNumberingChecker(Checker):
    """Numbering of headings: the GB/T 9704 form for the level, and no skipped or repeated number."""

    KIND = "heading-numbering"
    PARAMS = {"check_width": (bool,)}
    DEFAULT_PARTS = ("preamble", "measures", "shortcomings", "leader_duty", "plans", "other")

    def compile(self, params: dict[str, Any]) -> None:
        self.check_width = params.get("check_width", True)

    def check(self, view: ReportView) -> Iterator[Finding]:
        last_number: dict[int, int] = {}
        style_level: dict[str, int] = {}
        parent_level = 0
        for para in view.in_parts(self.parts):
            if para.level == 0:
                continue  # (a heading behind an editing leftover is one already: the reader cleans first)
            numbering = parse_numbering(para.text)
            if numbering is None:
                if para.level == 1:  # a part's heading whose number was lost (pasted from a web page)
                    number = last_number.get(1, 0) + 1
                    right_prefix = standard_prefix(1, number)
                    yield self.at(para, 0, para.text, right_prefix + para.text, right=right_prefix,
                                  problem=f"一级标题前没有编号，应写作“{right_prefix}{para.text}”")
                    last_number = {1: number}
                    style_level = {}
                    parent_level = 1
                continue
            # A heading can be at most one level below the one above it: "（1）" right under "一、"
            # stands where "（一）" belongs.
            known = style_level.get(numbering.style)
            if known is not None and known <= parent_level + 1:
                level = known  # the same form as its wrongly-numbered sibling: the same level
            else:
                level = min(para.level, parent_level + 1)
            style_level = {st: lv for st, lv in style_level.items() if lv < level}
            style_level[numbering.style] = level
            for deeper in [lv for lv in last_number if lv > level]:
                del last_number[deeper]
            expected = last_number.get(level, 0) + 1
            right_prefix = standard_prefix(level, numbering.number)
            if numbering.standard_level != level:
                yield self.at(
                    para,
                    0,
                    numbering.prefix.rstrip(),
                    right_prefix,
                    right=right_prefix,
                    problem=f"第{level}层标题应使用“{LEVEL_EXAMPLE[level]}”格式，不应使用{_STYLE_NAMES[numbering.style]}格式",
                )
            elif self.check_width and not numbering.is_fullwidth_ok:
                yield self.at(
                    para, 0, numbering.prefix.rstrip(), right_prefix, right=right_prefix, problem="括号或点号的全角、半角用错了"
                )
            if numbering.number != expected:
                what = "重复" if numbering.number < expected else "跳号"
                right = standard_prefix(level, expected)
                yield self.at(
                    para,
                    0,
                    numbering.prefix.rstrip(),
                    None,
                    right=right,
                    problem=f"编号{what}：此处应为“{right}”",
                )
            last_number[level] = numbering.number
            parent_level = level




class YearMismatchChecker(Checker):
    """Headings and statements naming a year other than the report year (the plans: the next year)."""

    KIND = "year-mismatch"
    PARAMS = {"statements": (list,), "plans_part": (str,)}

    def compile(self, params: dict[str, Any]) -> None:
        # Each statement: a regex with a (?P<year>…) group, or {regex: …, parts: [...]} to limit
        # it to some parts ("2020年以来累计" in the measures may well mean several years).
        self.statements: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
        for entry in params.get("statements", []):
            parts: tuple[str, ...] = ()
            if isinstance(entry, dict):
                if set(entry) - {"regex", "parts"} or "regex" not in entry:
                    raise ParamError("参数“statements”的每项应是正则表达式，或 {regex: 正则, parts: [部分]}")
                parts = string_list(entry.get("parts", []), "statements.parts", True)
                entry = entry["regex"]
            regex = compile_regex(entry, "statements")
            if "year" not in regex.groupindex:
                raise ParamError("参数“statements”中的每个正则表达式都应含有命名分组 (?P<year>…)")
            self.statements.append((regex, parts))
        self.plans_part = params.get("plans_part", "plans")

    def check(self, view: ReportView) -> Iterator[Finding]:
        year = view.year
        if year is None:
            return
        for para in view.in_parts(self.parts):
            expected = year + 1 if para.part == self.plans_part else year
            if para.level > 0:
                # Only the heading itself: a run-in heading ends at its first 。
                heading = split_run_in(para.text)[0].removesuffix("。")
                for match in year_mentions(heading):
                    if int(match.group(1)) != expected:
                        yield self._finding(para, match.start(1), match.group(1), expected)
            for regex, parts in self.statements:
                if parts and para.part not in parts:
                    continue
                if para.part == self.plans_part and self.plans_part not in parts:
                    continue  # in the plans only statements written for them (they expect the next year)
                for match in regex.finditer(para.text):
                    if int(match.group("year")) != expected:
                        yield self._finding(para, match.start("year"), match.group("year"), expected)

    def _finding(self, para: Paragraph, offset: int, written: str, expected: int) -> Finding:
        return self.at(para, offset, written, None, right=str(expected), written=written)
