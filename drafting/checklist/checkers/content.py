"""Checkers of substance: what the parts say, not how they are spelled.

required-words (the shortcomings part names causes), cause-per-item (when some problems give
their cause, each does), plans-cover-problems
(every problem has a matching measure next year), needs-figures (each measures
sub-part gives a figure or example) and similar-to-last-year (paragraphs
copied from last year's report, except those the writer confirmed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from drafting.checklist.checkers.base import Checker, ParamError, body_paragraphs, compile_regex, string_list
from drafting.checklist.context import Paragraph, ReportView
from drafting.checklist.model import Finding
from drafting.data.figure_table import default_figure_table
from drafting.lastyear.confirmations import confirmed_keys, paragraph_key
from drafting.lastyear.similarity import best_similarity
from drafting.numbering import split_run_in


class RequiredWordsChecker(Checker):
    """The body of each listed part contains at least one of the words (e.g. cause markers)."""

    KIND = "required-words"
    PARAMS = {"words": (list,), "min_chars": (int,)}
    REQUIRED = frozenset({"words"})

    def compile(self, params: dict[str, Any]) -> None:
        if not self.rule.parts:
            raise ParamError("required-words 规则必须用 parts 指明检查哪些部分")
        self.words = string_list(params["words"], "words")
        self.regex = re.compile("|".join(re.escape(w) for w in self.words))
        self.min_chars = params.get("min_chars", 20)

    def check(self, view: ReportView) -> Iterator[Finding]:
        for part_id in self.parts:
            paras = view.part_paragraphs(part_id)
            body = body_paragraphs(paras)
            text = "".join(p.text for p in body)
            if len(text) < self.min_chars or self.regex.search(text):
                continue
            anchor = next((p for p in paras if p.level == 1), paras[0])
            yield self.at(anchor, 0, anchor.text[:20], None, words="、".join(self.words[:5]))


#: "一是…" "二是…" or "1." "（一）" at the start of a problem item.
_ITEM_START = re.compile(r"(?:^|(?<=[。；;\s]))(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．])")


def split_items(paragraphs: list[Paragraph]) -> list[tuple[Paragraph, int, str]]:
    """Problem items of a part: each "一是…" / numbered item, else each paragraph."""
    items: list[tuple[Paragraph, int, str]] = []
    for para in paragraphs:
        starts = [m.start() for m in _ITEM_START.finditer(para.text)]
        if len(starts) <= 1:
            items.append((para, 0, para.text))
            continue
        if starts[0] > 0:
            starts.insert(0, 0)  # an introduction before 一是 is its own (usually general) item
        for begin, end in zip(starts, starts[1:] + [len(para.text)], strict=True):
            items.append((para, begin, para.text[begin:end]))
    return items


def problem_items(paragraphs: list[Paragraph]) -> list[tuple[Paragraph, int, str]]:
    """The problems a part lists: each sub-heading with what follows it, each "一是…" item, else
    each paragraph. An introduction before the first item ("……存在一些问题和不足。") is none."""
    items: list[tuple[Paragraph, int, str]] = []
    numbered = False
    for para in paragraphs:
        if para.level == 1 or not para.text.strip():
            continue
        if para.level >= 2:
            items.append((para, 0, para.text))
            numbered = True
            continue
        pieces = split_items([para])
        marked = len(pieces) > 1 or bool(_ITEM_START.match(para.text))
        if len(pieces) > 1 and not _ITEM_START.match(para.text):
            pieces = pieces[1:]  # the introduction before 一是
        if marked:
            items.extend(pieces)
            numbered = True
        elif numbered and items and items[-1][0].level >= 2:
            first, begin, text = items[-1]  # the text under a sub-heading belongs to its problem
            items[-1] = (first, begin, text + para.text)
        else:
            items.append((para, 0, para.text))
    if numbered:  # paragraphs before the first numbered problem introduce them
        first_numbered = next(i for i, item in enumerate(items) if item[0].level >= 2 or _ITEM_START.match(item[2]))
        items = items[first_numbered:]
    return items


class CausePerItemChecker(Checker):
    """When some problems give their own cause, each of the others should too."""

    KIND = "cause-per-item"
    PARAMS = {"words": (list,), "collective": (str,), "min_item_chars": (int,)}
    REQUIRED = frozenset({"words"})
    DEFAULT_PARTS = ("shortcomings",)

    def compile(self, params: dict[str, Any]) -> None:
        self.words = re.compile("|".join(map(re.escape, string_list(params["words"], "words"))))
        # Causes analysed once for all the problems ("产生上述问题的原因：一是……"): no item needs its own.
        self.collective = compile_regex(params.get("collective", "上述问题|以上问题|这些问题|问题的原因|原因(?:主要)?(?:有|如下)"), "collective")
        self.min_item = params.get("min_item_chars", 8)

    def check(self, view: ReportView) -> Iterator[Finding]:
        for part_id in self.parts:
            paras = view.part_paragraphs(part_id)
            if any(self.collective.search(p.text) for p in paras):
                continue
            items = [item for item in problem_items(paras) if len(item[2].strip()) >= self.min_item]
            with_cause = [item for item in items if self.words.search(item[2])]
            if not with_cause:
                continue  # no cause at all is causes-missing's business
            for para, begin, text in items:
                if not self.words.search(text):
                    yield self.at(para, begin, para.text[begin:begin + 20], None, count=len(with_cause))


class PlansCoverProblemsChecker(Checker):
    """Each problem in shortcomings shares at least one content word with the plans part."""

    KIND = "plans-cover-problems"
    PARAMS = {"problems_part": (str,), "plans_part": (str,), "ignore_words": (list,), "min_word_chars": (int,), "min_item_chars": (int,)}

    def compile(self, params: dict[str, Any]) -> None:
        self.problems_part = params.get("problems_part", "shortcomings")
        self.plans_part = params.get("plans_part", "plans")
        self.ignore = frozenset(string_list(params.get("ignore_words", []), "ignore_words", True))
        self.min_word = params.get("min_word_chars", 2)
        self.min_item = params.get("min_item_chars", 12)

    def _content_words(self, view: ReportView, para: Paragraph, begin: int, end: int) -> set[str]:
        return {
            word
            for word, start, _e in view.spans(para)
            if begin <= start < end and len(word) >= self.min_word and word not in self.ignore and not word.isdigit()
        }

    def check(self, view: ReportView) -> Iterator[Finding]:
        problems = body_paragraphs(view.part_paragraphs(self.problems_part))
        # The part's own heading ("四、2025年主要安排") says nothing about what is planned.
        plans = [p for p in view.part_paragraphs(self.plans_part) if p.text.strip() and p.level != 1]
        if not problems or not plans:
            return  # a missing part is part-missing's business
        plan_words: set[str] = set()
        for para in plans:
            plan_words |= self._content_words(view, para, 0, len(para.text))
        for para, begin, text in split_items(problems):
            if len(text.strip()) < self.min_item:
                continue
            words = self._content_words(view, para, begin, begin + len(text))
            if words and not words & plan_words:
                yield self.at(para, begin, text[:20], None, words="、".join(sorted(words)[:6]))


class NeedsFiguresChecker(Checker):
    """Each sub-part (level-2 section) of a part gives at least one figure or concrete example."""

    KIND = "needs-figures"
    PARAMS = {"figure": (str,), "example": (str,), "ignore": (str,), "level": (int,)}
    REQUIRED = frozenset({"figure"})
    DEFAULT_PARTS = ("measures",)

    def compile(self, params: dict[str, Any]) -> None:
        self.figure = compile_regex(params["figure"], "figure")
        self.example = compile_regex(params["example"], "example") if "example" in params else None
        self.ignore = compile_regex(params["ignore"], "ignore") if "ignore" in params else None
        self.level = params.get("level", 2)

    def check(self, view: ReportView) -> Iterator[Finding]:
        for part_id in self.parts:
            for heading, paras in self._sections(view.part_paragraphs(part_id)):
                text = "\n".join(p.text for p in paras)
                if self.ignore is not None:
                    text = self.ignore.sub("", text)
                if self.figure.search(text) or (self.example is not None and self.example.search(text)):
                    continue
                title = split_run_in(heading.text)[0].removesuffix("。")
                yield self.at(heading, 0, title[:30], None, heading=title)

    def _sections(self, paras: list[Paragraph]) -> list[tuple[Paragraph, list[Paragraph]]]:
        sections: list[tuple[Paragraph, list[Paragraph]]] = []
        current: list[Paragraph] | None = None
        for para in paras:
            if para.level == self.level:
                current = [para]
                sections.append((para, current))
            elif 0 < para.level < self.level:
                current = None  # a higher heading closes the open sub-part
            elif current is not None:
                current.append(para)
        return sections


class SimilarToLastYearChecker(Checker):
    """Paragraphs (nearly) unchanged from last year's report (Report.last_year)."""

    KIND = "similar-to-last-year"
    PARAMS = {"threshold": (float, int), "min_chars": (int,), "same_part_only": (bool,)}

    def compile(self, params: dict[str, Any]) -> None:
        # One threshold with the window's last-year pane (templates/carryover.yml) unless the rule sets one.
        self.threshold = float(params.get("threshold", default_figure_table().similarity_threshold))
        if not 0 < self.threshold <= 1:
            raise ParamError("参数“threshold”应在 0 到 1 之间（如 0.9 表示九成相同）")
        self.min_chars = params.get("min_chars", 30)
        self.same_part_only = params.get("same_part_only", False)

    def check(self, view: ReportView) -> Iterator[Finding]:
        last_year = view.report.last_year or {}
        if not last_year:
            return
        every = [t.strip() for texts in last_year.values() for t in texts if len(t.strip()) >= self.min_chars]
        confirmed = confirmed_keys(view.report)  # kept from last year on purpose (the writer confirmed them)
        # Not only level-0 text: a run-in sub-heading ("（一）加强学习。全年开展……") carries a whole
        # paragraph, and carry_over keeps those in Report.last_year too. Part headings repeat by design.
        for para in view.in_parts(self.parts):
            text = para.text.strip()
            if para.level == 1 or len(text) < self.min_chars or (confirmed and paragraph_key(text) in confirmed):
                continue
            pool = every
            if self.same_part_only:
                pool = [t.strip() for t in last_year.get(para.part, []) if len(t.strip()) >= self.min_chars]
            best = best_similarity(text, pool, self.threshold)
            if best:
                yield self.at(para, 0, text[:20], None, percent=f"{best * 100:.0f}")
