"""Generation bookkeeping for DraftProject, and the one rule for regenerating a part.

When a part is generated, Report.settings.generated records the facts (and
org, year, plan, sub-areas) its text was made from and the text itself.
regeneration() then says what 按事实生成, or a change of facts, should do
with the part: apply the new text directly, ask first (showing the change),
or nothing. The writer's own words are never replaced without asking.
Facade level, beside drafting.project: it uses data/ and writing/.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from drafting.data.facts import FactCatalog, effective_facts
from drafting.draft_settings import GeneratedRecord
from drafting.model import Report
from drafting.writing.render import part_required_facts

#: Unchanged runs shorter than this, between two changes, are shown as part of the change.
MIN_KEPT_RUN = 4
#: Regeneration.action: replace the text without asking / show the change and ask / leave the part alone.
APPLY, ASK, NOTHING = "apply", "ask", "nothing"


@dataclass(frozen=True)
class Regeneration:
    """What to do with a part's text given what its facts would generate now.

    Attributes:
        part_id: the part.
        action: APPLY, ASK or NOTHING.
        old_text: the part's text now (as its editor shows it).
        new_text: the text the facts give now (old_text when nothing is to be done).
    """

    part_id: str
    action: str
    old_text: str
    new_text: str

    @property
    def asks(self) -> bool:
        return self.action == ASK

    def diff(self) -> list[str]:
        """The change as unified-diff lines ("-" current, "+" new)."""
        return diff_lines(self.old_text, self.new_text)

    def changes(self) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
        """The old and new text in runs marked changed or not (for a side-by-side view)."""
        return changed_runs(self.old_text, self.new_text)


def changed_runs(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Both texts cut into runs, each marked True where it changed: what goes (old) and what comes (new).

    Compared character by character, so a changed figure or phrase is marked, not its whole paragraph.
    """
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    # A few characters that happen to match inside a rewritten phrase (执法 in 执法人员办案 → 执法力量)
    # are shown as part of the change: scattered marks are harder to read than one marked phrase.
    merged: list[list[Any]] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(ops):
        inside = 0 < index < len(ops) - 1
        if tag == "equal" and inside and i2 - i1 < MIN_KEPT_RUN and "\n" not in old[i1:i2]:
            tag = "replace"
        if merged and tag != "equal" and merged[-1][0] != "equal":
            merged[-1][2], merged[-1][4] = i2, j2
        else:
            merged.append([tag, i1, i2, j1, j2])
    before: list[tuple[str, bool]] = []
    after: list[tuple[str, bool]] = []
    for tag, i1, i2, j1, j2 in merged:
        if tag == "equal":
            before.append((old[i1:i2], False))
            after.append((new[j1:j2], False))
            continue
        if i2 > i1:
            before.append((old[i1:i2], True))
        if j2 > j1:
            after.append((new[j1:j2], True))
    return before, after


def diff_lines(old: str, new: str) -> list[str]:
    """Unified diff of two part texts, line by line (one paragraph per line)."""
    return list(difflib.unified_diff(old.splitlines(), new.splitlines(), "当前文字", "按事实重新生成", lineterm="", n=1))


def _records(report: Report) -> dict[str, GeneratedRecord]:
    settings = report.settings
    if not settings.is_set("generated"):
        # Drafts have always recorded the (empty) table once generation was first looked at:
        # setting it here keeps the file written the same.
        settings.generated = {}
    return settings.generated


def snapshot(report: Report, catalog: FactCatalog, part_id: str) -> dict[str, Any]:
    """What the part's generated text depends on now: its facts, last year's, org/year/plan, sub-areas."""
    facts = effective_facts(catalog, report.facts)
    # Deep copies: the snapshot must not share lists with report.facts (a later edit would change both).
    result: dict[str, Any] = {
        fid: copy.deepcopy(facts.get(fid)) for fid in sorted(part_required_facts(report, part_id))
    }
    last = effective_facts(catalog, report.last_year_facts)
    result["_last"] = {fid: copy.deepcopy(last[fid]) for fid in result if last.get(fid) is not None}
    result["_meta"] = [report.meta.org, report.meta.year, report.meta.plan]
    if part_id == "measures":
        result["_areas"] = list(report.settings.areas)
    # What the writer ticked, typed and picked besides the facts (practices, cases, shortcomings).
    settings = report.settings
    result["_choices"] = copy.deepcopy([settings.practices, settings.other_practices, settings.cases,
                                        settings.shortcomings])
    return result


def record_generation(report: Report, catalog: FactCatalog, part_id: str, text: str) -> None:
    """Remember that the part was just generated as text, from the facts as they are now."""
    _records(report)[part_id] = GeneratedRecord(snapshot(report, catalog, part_id), text)


def facts_changed(report: Report, catalog: FactCatalog, part_id: str) -> bool:
    """True when the part was generated and what it was made from changed since (it may read otherwise now)."""
    record = _records(report).get(part_id)
    return record is not None and record.facts != snapshot(report, catalog, part_id)


def regeneration(report: Report, catalog: FactCatalog, part_id: str, current_text: str,
                 render_text: Callable[[], str], *, requested: bool) -> Regeneration:
    """The regeneration rule.

    requested (the writer pressed 按事实生成): apply, unless the writer's own words are in the
    part (edited since it was generated, or written there before it ever was) and the new
    text differs: then ask. Not requested (the window checks after a change): nothing,
    unless the facts changed since the part was generated and give a different text now;
    then apply when the writer has not edited it since, else ask.

    Raises:
        DraftingError: a template failed (from render_text or listing the part's facts).
    """
    record = _records(report).get(part_id)
    if not requested and not facts_changed(report, catalog, part_id):
        return Regeneration(part_id, NOTHING, current_text, current_text)
    new_text = render_text()
    if not requested and new_text == current_text:
        return Regeneration(part_id, NOTHING, current_text, current_text)
    if record is not None:
        own_words = record.text != current_text
    else:
        part = report.part(part_id)
        own_words = part_id != "title" and part is not None and any(
            b.text.strip() and b.level != 1 for b in part.blocks)
    action = ASK if own_words and new_text != current_text else APPLY
    return Regeneration(part_id, action, current_text, new_text)
