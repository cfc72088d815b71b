"""Checkers of what the statutory parts hold.

part-body (a part whose heading stands with nothing written under it: a report that is all
headings gets one finding per part) and nested-part (a statutory part written as a sub-heading
inside another, such as the 第一责任人 part as （一） inside part 一: present, but not in its own part).
``nested_heading`` is shared with required-parts, which counts such a part as present.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from drafting.checklist.checkers.base import Checker, compile_regex, string_list
from drafting.checklist.context import Paragraph, ReportView
from drafting.checklist.model import Finding
from drafting.data.outline import default_outline
from drafting.numbering import parse_numbering, split_run_in

#: Text that is no body: placeholders left to fill (【请填写：……】), bare punctuation.
_NOT_BODY = r"【[^】]*】|[（(]此处[^）)]*[）)]|[\s。，、；：:,.…—]+"


def nested_heading(view: ReportView, part_id: str) -> Paragraph | None:
    """A sub-heading (level 2 or deeper) of another part whose words name this statutory part."""
    outline = default_outline()
    for para in view.paragraphs:
        if para.level < 2 or para.part == part_id:
            continue
        numbering = parse_numbering(para.text)
        heading = split_run_in(para.text[len(numbering.prefix):] if numbering else para.text)[0]
        if outline.part_for_heading(heading) == part_id:
            return para
    return None


class PartBodyChecker(Checker):
    """Each statutory part present in the report has body text, not only its heading."""

    KIND = "part-body"
    PARAMS = {"not_body": (str,), "skip": (list,)}

    def compile(self, params: dict[str, Any]) -> None:
        self.not_body = compile_regex(params.get("not_body", _NOT_BODY), "not_body")
        self.skip = set(string_list(params.get("skip", []), "skip", allow_empty=True))

    def _has_body(self, paras: list[Paragraph]) -> bool:
        for para in paras:
            text = para.text
            if para.level == 1 or (para.level > 1 and not text.rstrip().endswith(("。", "；", "！", "？"))):
                # A heading, or a run-in heading's text after its 。 (a sub-item written as one
                # sentence, "（一）持续开展干部学法用法，年内组织培训4次。", is body text).
                numbering = parse_numbering(text)
                text = split_run_in(text[len(numbering.prefix):] if numbering else text)[1]
            if self.not_body.sub("", text):
                return True
        return False

    def check(self, view: ReportView) -> Iterator[Finding]:
        outline = default_outline()
        for spec in outline.statutory:
            if spec.id in self.skip or (self.rule.parts and spec.id not in self.rule.parts) or not spec.required:
                # An optional part (其他需要报告的情况) left with its heading only is left out of the export.
                continue
            paras = [p for p in view.part_paragraphs(spec.id) if p.text.strip()]
            if not paras or self._has_body(paras):
                continue  # an absent part is part-missing's business
            anchor = next((p for p in paras if p.level == 1), paras[0])
            yield self.at(anchor, 0, anchor.text.strip()[:30], None, name=spec.name, statutory_name=spec.statutory_name)


class NestedPartChecker(Checker):
    """A statutory part written only as a sub-heading inside another part (counted as present)."""

    KIND = "nested-part"
    PARAMS = {"parts_nested": (list,)}

    def compile(self, params: dict[str, Any]) -> None:
        self.watched = string_list(params.get("parts_nested", ["leader_duty"]), "parts_nested")

    def check(self, view: ReportView) -> Iterator[Finding]:
        outline = default_outline()
        for part_id in self.watched:
            if view.report.has_part(part_id):
                continue
            para = nested_heading(view, part_id)
            if para is not None:
                numbering = parse_numbering(para.text)
                prefix_len = len(numbering.prefix) if numbering else 0
                heading = split_run_in(para.text[prefix_len:])[0].removesuffix("。")
                spec = outline.spec(part_id)
                yield self.at(para, 0, para.text[: prefix_len + len(heading)], None,
                              name=spec.name, heading=spec.heading, statutory_name=spec.statutory_name)
