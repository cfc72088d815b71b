"""Checkers of wording a reviewer circles in passing.

org-kind (a 镇 or 乡 has a 党委, a 街道 a 党工委: "镇党工委" in a 镇 report is wrong),
stacked-words (the same word twice, 进一步进一步, or two synonyms stacked, 强化加强) and
paired-punctuation (“ ” 《 》 （ ） left open or closed without opening).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from drafting.checklist.checkers.base import Checker, ParamError, string_list
from drafting.checklist.context import ReportView
from drafting.checklist.model import Finding

#: Parts holding the report's running text (not title, signature, date).
_TEXT_PARTS = ("addressee", "preamble", "measures", "shortcomings", "leader_duty", "plans", "other")
_ORG_SUFFIXES = ("人民政府", "办事处", "党工委", "党委", "委员会", "政府")


def org_kind(view: ReportView) -> tuple[str, str] | None:
    """(name without suffix, kind) of the reporting organisation, kind one of 镇 乡 街道; else None."""
    for source in (view.report.meta.org, view.report.title):
        name = source or ""
        for suffix in _ORG_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                break
        for kind in ("街道", "镇", "乡"):
            if name.endswith(kind):
                return name, kind
    return None


class OrgKindChecker(Checker):
    """A word that belongs to another kind of organisation, right after the kind (镇党工委 in a 镇 report)."""

    KIND = "org-kind"
    PARAMS = {"wrong": (dict,), "right": (dict,)}
    REQUIRED = frozenset({"wrong", "right"})

    def compile(self, params: dict[str, Any]) -> None:
        self.wrong: dict[str, str] = params["wrong"]
        self.right: dict[str, str] = params["right"]
        for table, name in ((self.wrong, "wrong"), (self.right, "right")):
            if not all(isinstance(k, str) and isinstance(v, str) and v for k, v in table.items()):
                raise ParamError(f"参数“{name}”应是“单位类别: 词语”的映射，如 镇: 党工委")
        if set(self.wrong) - set(self.right):
            raise ParamError("参数“right”应为 wrong 中的每个单位类别写出正确的词语")

    def check(self, view: ReportView) -> Iterator[Finding]:
        found = org_kind(view)
        if found is None or found[1] not in self.wrong:
            return
        name, kind = found
        wrong, right = self.wrong[kind], self.right[kind]
        regex = re.compile(re.escape(kind) + re.escape(wrong))
        for para in view.in_parts(self.parts):
            for match in regex.finditer(para.text):
                fixed = kind + right
                yield self.at(para, match.start(), match.group(0), fixed, org=name, kind=kind,
                              wrong=wrong, right=right, fixed=fixed)


class StackedWordsChecker(Checker):
    """A word written twice in a row (进一步进一步) or synonyms stacked (强化加强)."""

    KIND = "stacked-words"
    PARAMS = {"groups": (list,), "doubled_max": (int,), "keep": (list,)}
    DEFAULT_PARTS = _TEXT_PARTS

    def compile(self, params: dict[str, Any]) -> None:
        pairs: list[str] = []
        for index, group in enumerate(params.get("groups", []), start=1):
            words = string_list(group, f"groups 第 {index} 组")
            pairs += [a + b for a in words for b in words if a != b]
        pairs.sort(key=len, reverse=True)
        self.stacked = re.compile("|".join(map(re.escape, pairs))) if pairs else None
        most = params.get("doubled_max", 4)
        if most < 2:
            raise ParamError("参数“doubled_max”应不小于 2")
        self.doubled = re.compile(rf"([\u4e00-\u9fff]{{2,{most}}})\1")
        self.keep = frozenset(string_list(params.get("keep", []), "keep", allow_empty=True))

    def check(self, view: ReportView) -> Iterator[Finding]:
        # On the text as written: a quote between two words ("谁执法谁普法”普法) separates them.
        for para in view.in_parts(self.parts):
            text = para.text
            hits = [(m, m.group(1), "重复") for m in self.doubled.finditer(text) if m.group(0) not in self.keep]
            if self.stacked is not None:
                hits += [(m, None, "近义词叠用") for m in self.stacked.finditer(text)]
            if not hits:
                continue
            starts = view.word_starts(para)
            for match, fix, what in hits:
                if starts is None:
                    continue  # whole words cannot be told without segmentation
                # Whole words only: 大队 + 大队长 is no doubled word.
                middle = match.start() + len(match.group(0)) // 2 if fix else None
                bounds = [match.start(), match.end()] + ([middle] if middle is not None else [])
                if all(b in starts or b == len(text) for b in bounds):
                    yield self.at(para, match.start(), match.group(0), fix, what=what)


_PAIRS = {"“": "”", "《": "》", "（": "）", "‘": "’"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_WIDTH = str.maketrans({"(": "（", ")": "）"})
#: "1）" "（2）" "a)" "①）": a list item's marker, whose ）needs no （.
_LIST_CLOSER = re.compile(r"(?:^|(?<=[\s；;。：:，,、]))[0-9０-９a-zA-Z一二三四五六七八九十]{1,3}(?=[)）])")


class PairedPunctuationChecker(Checker):
    """Quotes, book-title marks and brackets opened and not closed, or closed and not opened."""

    KIND = "paired-punctuation"
    PARAMS: dict[str, tuple[type, ...]] = {}
    DEFAULT_PARTS = _TEXT_PARTS

    def check(self, view: ReportView) -> Iterator[Finding]:
        for para in view.in_parts(self.parts):
            for offset, char in unbalanced(para.text):
                other = _PAIRS.get(char) or _CLOSERS.get(char.translate(_WIDTH), "")
                problem = f"有“{char}”没有对应的“{other}”"
                yield self.at(para, offset, char, None, problem=problem, other=other)


def unbalanced(text: str) -> list[tuple[int, str]]:
    """(offset, character) of every opening mark never closed and closing mark never opened."""
    list_closers = {m.end() for m in _LIST_CLOSER.finditer(text)}
    stack: list[tuple[int, str]] = []
    wrong: list[tuple[int, str]] = []
    for offset, raw in enumerate(text):
        char = raw.translate(_WIDTH)
        if char in _PAIRS:
            stack.append((offset, char))
        elif char in _CLOSERS:
            opener = _CLOSERS[char]
            if stack and stack[-1][1] == opener:
                stack.pop()
            elif any(kind == opener for _o, kind in stack):
                while stack[-1][1] != opener:  # marks opened inside and never closed
                    wrong.append(stack.pop())
                stack.pop()
            elif offset not in list_closers:
                wrong.append((offset, char))
    wrong.extend(stack)
    return sorted((offset, text[offset]) for offset, _c in wrong)
