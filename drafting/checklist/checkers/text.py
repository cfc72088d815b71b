"""Checkers that look at the wording of paragraphs.

pattern (a regular expression), word-replace (wrong term -> right term, on
jieba word boundaries, with exceptions), dated-terms (terms valid only in some
report years, from checklists/terms.yml), charset (characters the print font
lacks) and editing-leftover (placeholders, bookmarks, markdown, comments,
broken lines, text repeated at the end).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from drafting import paths
from drafting.checklist.checkers.base import (
    END_PUNCT,
    Checker,
    ParamError,
    body_paragraphs,
    compile_regex,
    string_list,
)
from drafting.checklist.context import ReportView
from drafting.checklist.model import Finding
from drafting.numbering import parse_numbering
from drafting.textnorm import fold, fold_text
from drafting.yamlio import YamlSyntaxError, check_keys, read_yaml_file

#: Parts holding the report's running text (not title, signature, date).
TEXT_PARTS = ("addressee", "preamble", "measures", "shortcomings", "leader_duty", "plans", "other")


class PatternChecker(Checker):
    """Flag every match of a regular expression; optional mechanical fix (a replacement template)."""

    KIND = "pattern"
    PARAMS = {"regex": (str,), "fix": (str,), "normalise": (bool,)}
    REQUIRED = frozenset({"regex"})
    DEFAULT_PARTS = TEXT_PARTS

    def compile(self, params: dict[str, Any]) -> None:
        self.regex = compile_regex(params["regex"], "regex")
        self.fix_template: str | None = params.get("fix")
        # normalise: true matches the folded text (drafting.textnorm), so the regex is written
        # with full-width brackets, "—" for any dash and no quotes.
        self.normalise = params.get("normalise", False)

    def check(self, view: ReportView) -> Iterator[Finding]:
        for para in view.in_parts(self.parts):
            folded = fold(para.text) if self.normalise else None
            for match in self.regex.finditer(folded.text if folded else para.text):
                if not match.group(0):
                    continue
                fix = match.expand(self.fix_template) if self.fix_template is not None else None
                if folded is None:
                    yield self.at(para, match.start(), match.group(0), fix, right=fix or "")
                    continue
                begin, _end = folded.span(match.start(), match.end())
                yield self.at(para, begin, folded.original_text(match.start(), match.end()), fix, right=fix or "")


class WordReplaceChecker(Checker):
    """Wrong terms with their right form, matched where a word begins (jieba), minus fixed terms.

    With match: word, "学法制度" (学法 + 制度) and "上位法制定" never match 法制:
    a wrong term counts only where jieba starts a word at its first character.
    """

    KIND = "word-replace"
    PARAMS = {"replacements": (dict,), "keep": (list,), "match": (str,)}
    REQUIRED = frozenset({"replacements"})
    DEFAULT_PARTS = TEXT_PARTS

    def compile(self, params: dict[str, Any]) -> None:
        replacements = params["replacements"]
        if not replacements or not all(isinstance(k, str) and k and isinstance(v, str) for k, v in replacements.items()):
            raise ParamError("参数“replacements”应是“错误写法: 正确写法”的映射")
        # Longest first, so 法制宣传教育 wins over 法制宣传 at the same place.
        self.replacements = dict(sorted(replacements.items(), key=lambda kv: -len(kv[0])))
        self.keep = string_list(params.get("keep", []), "keep", allow_empty=True)
        self.by_word = params.get("match", "word") == "word"
        if params.get("match", "word") not in ("word", "substring"):
            raise ParamError("参数“match”只能是 word 或 substring")
        self.any_wrong = re.compile("|".join(re.escape(k) for k in self.replacements))

    def check(self, view: ReportView) -> Iterator[Finding]:
        for para in view.in_parts(self.parts):
            # Matched on the folded text: 法\u00ad制宣传 (a soft hyphen inside) is still 法制宣传.
            folded = fold(para.text)
            text = folded.text
            if not self.any_wrong.search(text):
                continue  # no jieba for the vast majority of paragraphs
            kept = [(m.start(), m.end()) for k in self.keep for m in re.finditer(re.escape(k), text)]
            if not self.by_word or not view.segment:
                starts = None
            elif folded.changed:
                from drafting.checklist import segment

                starts = frozenset(start for _w, start, _e in segment.spans(text))
            else:
                starts = view.word_starts(para)
            for match in self.any_wrong.finditer(text):
                start = match.start()
                if any(a <= start < b for a, b in kept):
                    continue
                if starts is not None and start not in starts:
                    continue
                right = self.replacements[match.group(0)]
                begin, _end = folded.span(match.start(), match.end())
                yield self.at(para, begin, folded.original_text(match.start(), match.end()), right, right=right)


class DatedTermsChecker(Checker):
    """Terms current only in some report years (the dated table of checklists/terms.yml)."""

    KIND = "dated-terms"
    PARAMS = {"file": (str,)}
    DEFAULT_PARTS = ("title",) + TEXT_PARTS

    def compile(self, params: dict[str, Any]) -> None:
        path = paths.checklists_dir() / params.get("file", "terms.yml")
        self.terms = load_terms(path)

    def check(self, view: ReportView) -> Iterator[Finding]:
        year = view.year
        for para in view.in_parts(self.parts):
            folded = fold(para.text)  # “七五”普法, 2021-2025年, 法<soft hyphen>制办: one form
            for term in self.terms:
                if year is None and (term.first or term.last):
                    continue
                if term.valid_in(year):
                    continue
                for match in term.regex.finditer(folded.text):
                    begin, _end = folded.span(match.start(), match.end())
                    yield self.at(
                        para,
                        begin,
                        folded.original_text(match.start(), match.end()),
                        None,
                        years=term.years_text(),
                        note=term.note,
                        instead=term.instead or "当年适用的提法",
                        year=year if year is not None else "",
                    )


class DatedTerm:
    """One row of the dated table: a term (or pattern), the report years it fits, what to use else."""

    def __init__(self, regex: re.Pattern[str], first: int | None, last: int | None, instead: str, note: str) -> None:
        self.regex, self.first, self.last, self.instead, self.note = regex, first, last, instead, note

    def valid_in(self, year: int | None) -> bool:
        if self.first is None and self.last is None:
            return False  # a pattern that is wrong in any year (a plan name with wrong years)
        if year is None:
            return True
        return (self.first is None or year >= self.first) and (self.last is None or year <= self.last)

    def years_text(self) -> str:
        if self.first is None and self.last is None:
            return "任何年度"
        if self.first is None:
            return f"{self.last}年及以前"
        if self.last is None:
            return f"{self.first}年起"
        return f"{self.first}年" if self.first == self.last else f"{self.first}—{self.last}年"


_TERM_KEYS = {"term", "pattern", "from", "to", "instead", "note"}


def load_terms(path: Any) -> tuple[DatedTerm, ...]:
    """Read the dated term table.

    Raises:
        ParamError: naming the file and every wrong line.
    """
    try:
        data = read_yaml_file(path)
    except YamlSyntaxError as exc:
        raise ParamError(f"术语表“{path}”：{exc}") from None
    problems: list[str] = []
    if not check_keys(data, {"version", "terms"}, {"version", "terms"}, "术语表", problems):
        raise ParamError(f"术语表“{path}”：{'；'.join(problems)}")
    terms: list[DatedTerm] = []
    for index, entry in enumerate(data.get("terms") or [], start=1):
        where = f"第 {index} 个术语"
        if not check_keys(entry, _TERM_KEYS, set(), where, problems):
            continue
        line = entry.line
        if ("term" in entry) == ("pattern" in entry):
            problems.append(f"第 {line} 行：{where}应恰好写 term 或 pattern 之一")
            continue
        years = [entry.get("from"), entry.get("to")]
        if not all(y is None or (isinstance(y, int) and not isinstance(y, bool)) for y in years):
            problems.append(f"第 {line} 行：{where}的 from / to 应是年份（整数）")
            continue
        if "term" in entry:
            regex = re.compile(re.escape(fold_text(str(entry["term"]))))
        else:
            try:
                # A pattern is written against folded text (full-width brackets, — for any dash, no quotes).
                regex = compile_regex(str(entry["pattern"]), "pattern")
            except ParamError as exc:
                problems.append(f"第 {entry.line_of('pattern')} 行：{where}：{exc}")
                continue
        terms.append(DatedTerm(regex, years[0], years[1], str(entry.get("instead", "")), str(entry.get("note", ""))))
    if problems:
        raise ParamError(f"术语表“{path}”：{'；'.join(problems)}")
    return tuple(terms)


class CharsetChecker(Checker):
    """Characters outside a character set (GB2312: what 仿宋_GB2312 prints)."""

    KIND = "charset"
    PARAMS = {"encoding": (str,), "allow": (str,)}
    DEFAULT_PARTS = ()

    def compile(self, params: dict[str, Any]) -> None:
        self.encoding = params.get("encoding", "gb2312")
        try:
            "中".encode(self.encoding)
        except LookupError:
            raise ParamError(f"参数“encoding”：不认识的字符集“{self.encoding}”") from None
        self.allow = set(params.get("allow", ""))
        self._known: dict[str, bool] = {}

    def _printable(self, char: str) -> bool:
        known = self._known.get(char)
        if known is None:
            try:
                char.encode(self.encoding)
                known = True
            except UnicodeEncodeError:
                known = char in self.allow
            self._known[char] = known
        return known

    def check(self, view: ReportView) -> Iterator[Finding]:
        for para in view.in_parts(self.parts):
            text = para.text
            # Look at each distinct character once; only a rare one is searched for again.
            rare = {c for c in set(text) if ord(c) > 127 and not c.isspace() and not self._printable(c)}
            for offset, char in enumerate(text):
                if char in rare:
                    yield self.at(para, offset, char, None, code=f"U+{ord(char):04X}")


class EditingLeftoverChecker(Checker):
    """Leftovers of editing: patterns (placeholders, bookmarks, ** marks, comments), lines broken
    in mid-sentence, and a paragraph repeated at the end."""

    KIND = "editing-leftover"
    PARAMS = {
        "patterns": (list,),
        "broken_lines": (bool,),
        "broken_min_chars": (int,),
        "list_marker": (str,),
        "repeat_min_chars": (int,),
    }
    REQUIRED = frozenset({"patterns"})
    #: Placeholders hide in the title and signature too ("XX镇人民政府").
    DEFAULT_PARTS = ()

    def compile(self, params: dict[str, Any]) -> None:
        self.patterns: list[tuple[re.Pattern[str], str]] = []
        for index, entry in enumerate(params["patterns"], start=1):
            if not isinstance(entry, dict) or set(entry) - {"regex", "label"} or "regex" not in entry:
                raise ParamError(f"参数“patterns”第 {index} 项应写成 {{regex: 正则, label: 名称}}")
            self.patterns.append((compile_regex(entry["regex"], "patterns.regex"), str(entry.get("label", "编辑残留"))))
        self.broken_lines = params.get("broken_lines", True)
        self.broken_min = params.get("broken_min_chars", 15)
        # List items ("1)", "a)", "5.6.3", "-") end without punctuation by design.
        self.list_marker = compile_regex(params.get("list_marker", r"^(?:[0-9a-zA-Z]+[)）]|\d+(?:\.\d+)+|[-•·●■◆])"), "list_marker")
        self.repeat_min = params.get("repeat_min_chars", 20)

    def check(self, view: ReportView) -> Iterator[Finding]:
        paragraphs = view.in_parts(self.parts)
        for para in paragraphs:
            for regex, label in self.patterns:
                # The same mark again and again in one paragraph (** around every phrase) is one
                # finding with a count; different placeholders are each their own.
                seen: dict[str, list[re.Match[str]]] = {}
                for match in regex.finditer(para.text):
                    if match.group(0):
                        seen.setdefault(match.group(0), []).append(match)
                for text, matches in seen.items():
                    count = f"，本段共 {len(matches)} 处" if len(matches) > 1 else ""
                    yield self.at(para, matches[0].start(), text, None, label=label + count)
        running = [p for p in paragraphs if p.part in TEXT_PARTS]
        if self.broken_lines:
            yield from self._broken(running)
        yield from self._repeated_at_end(running)
        yield from self._cleaned_by_the_reader(view)

    def _cleaned_by_the_reader(self, view: ReportView) -> Iterator[Finding]:
        """Leftovers the reader removed from a source before recognising it (Report.source_notes).

        The file itself still holds them: a reviewer checking a township's .docx must hear of
        them, at the line where they stand.
        """
        labels = {"leftover": "", "joined": "段落在句子中间断开" if self.broken_lines else None, "repeat": "结尾重复了前文"}
        for note in view.report.source_notes:
            label = labels.get(note.kind)
            if label is None or (self.parts and note.part not in self.parts):
                continue
            para = view.paragraph_at_line(note.line)
            if para is not None:
                if note.kind == "repeat":
                    label += f"，共 {note.count} 段" if note.count > 1 else ""
                else:
                    label = label or note.label + (f"，共 {note.count} 处" if note.count > 1 else "")
                finding = self.at(para, 0, note.found, None, label=label)
                yield replace(finding, line=note.line, column=note.column, offset=0)

    def _broken(self, paragraphs: list) -> Iterator[Finding]:
        body = body_paragraphs(paragraphs)
        for para, after in zip(body, body[1:], strict=False):
            text = para.text.rstrip()
            if (
                after.index != para.index + 1
                or after.part != para.part
                or len(text) < self.broken_min
                or text.endswith(tuple(END_PUNCT))
                # A line cut from a sentence carries its commas; a heading-like line without
                # punctuation ("定期安全评价") is not a broken sentence.
                or not any(mark in text for mark in "，、；,")
                or parse_numbering(after.text) is not None
                or re.match(r"^[一二三四五六七八九十]+是", after.text)
                or self.list_marker.match(text)
                or self.list_marker.match(after.text)
                or "：" in text
            ):
                continue
            tail = text[-6:]
            yield self.at(para, len(text) - len(tail), tail, None, label="段落在句子中间断开")

    def _repeated_at_end(self, paragraphs: list) -> Iterator[Finding]:
        body = body_paragraphs(paragraphs)
        for position in range(max(1, len(body) - 2), len(body)):
            para = body[position]
            text = para.text.strip()
            if len(text) < self.repeat_min:
                continue
            for earlier in body[:position]:
                other = earlier.text.strip()
                if text not in other and 2 * min(len(text), len(other)) <= 0.95 * (len(text) + len(other)):
                    continue  # lengths alone rule out 95% similarity (difflib's real_quick_ratio)
                matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)
                similar = matcher.real_quick_ratio() > 0.95 and matcher.quick_ratio() > 0.95 and matcher.ratio() > 0.95
                if text in other or similar:
                    yield self.at(para, 0, text[:20], None, label="结尾重复了前文")
                    return  # a repeated tail is one finding, however many paragraphs it has
