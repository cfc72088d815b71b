"""DraftProject: the one open draft the window owns (facade over the core).

It holds the Report, where it is saved, whether it changed, and offers what
the window does with it: set a part's text, set a fact from the form's raw
text, generate a part from its template, tell a part's status, apply a
checklist fix, and say whether a part should be regenerated (the rule is in
drafting.writing.generation: the writer's own words are never replaced without asking).
Saving goes through drafting.files.storage (atomic, .bak); a file that was
imported (.txt, .docx) is never overwritten.
"""

from __future__ import annotations

import copy
import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.data.facts import (
    FactCatalog,
    default_fact_catalog,
    effective_facts,
    fact_problems,
    format_fact,
    parse_fact,
)
from drafting.errors import StorageError
from drafting.files import recovery
from drafting.files.draftlock import DraftLock
from drafting.files.storage import save_draft
from drafting.model import PART_IDS, STATUTORY, Block, Part, Report
from drafting.reading.sources import load_source, sniff_kind
from drafting.reading.text_reader import read_source_bytes
from drafting.writing.generation import Regeneration, facts_changed, record_generation, regeneration
from drafting.writing.new_report import select_areas_for_facts
from drafting.writing.part_text import blocks_to_text, text_to_blocks
from drafting.writing.render import part_heading, render_part
from drafting.writing.status import STATUS_DONE, part_status

if TYPE_CHECKING:
    from drafting.checklist.model import Finding

logger = logging.getLogger(__name__)



class DraftProject:
    """One open draft.

    Attributes:
        report: the report being written.
        path: the draft file, or None until it is saved (also for an imported file).
        source_path: the file it was imported from (never written to), or None.
        recovery_key: names this draft's autosave copy in the recovery folder.
        findings: part id -> messages the checklist found (set by the window).
    """

    def __init__(self, report: Report, path: Path | None = None, *, source_path: Path | None = None,
                 catalog: FactCatalog | None = None) -> None:
        self.report = report
        self.path = Path(path) if path else None
        self.source_path = Path(source_path) if source_path else None
        self.catalog = catalog or default_fact_catalog()
        self.recovery_key = uuid.uuid4().hex
        self.findings: dict[str, list[str]] = {}
        self._modified = False
        #: The report as it was last opened or saved (None for new work): undoing back to it is no change.
        self._clean: Report | None = copy.deepcopy(report) if self.path else None
        self._lock: DraftLock | None = None

    # ---- opening and saving ----

    @classmethod
    def open(cls, path: Path, *, lock: bool = False) -> DraftProject:
        """Open a draft, or import any other source (.txt, Word) as a new unsaved draft.

        Args:
            lock: hold the draft's lock file while it is open (see drafting.files.draftlock),
                so another window or process cannot overwrite it; release with close().

        Raises:
            DraftingError: the file cannot be read, or (lock) another window has it open.
        """
        path = Path(path)
        report = load_source(path)
        is_draft = sniff_kind(read_source_bytes(path)[:4096]) == "draft"
        if is_draft:
            project = cls(report, path)
            if lock:
                project.acquire_lock()
            return project
        project = cls(report, None, source_path=path)
        # An import is new work: closing without saving must ask.
        project._modified = True
        return project

    @property
    def is_modified(self) -> bool:
        """Changed since opened or saved; a change undone (the report as it was again) is no change."""
        if self._modified and self._clean is not None and self.report == self._clean:
            self._modified = False
        return self._modified

    def mark_modified(self) -> None:
        """Changed in a way the report itself may not show (new work, a recovered copy): saving is due."""
        self._modified = True
        self._clean = None

    @property
    def display_name(self) -> str:
        if self.path:
            return self.path.name
        if self.source_path:
            return f"{self.source_path.name}（导入，未保存）"
        return "未命名草稿"

    def save(self, path: Path | None = None) -> Path:
        """Save to path (or the current path); afterwards that is the draft's path.

        Raises:
            StorageError: no path yet, the target is the imported source, or the write failed.
        """
        target = Path(path) if path else self.path
        if target is None:
            raise StorageError("这份草稿还没有保存过，请选择保存位置和文件名。")
        if self.source_path is not None and _same_file(target, self.source_path):
            raise StorageError(
                f"不能保存到导入的原文件“{self.source_path.name}”，以免覆盖原件。请另选一个文件名（建议扩展名 .fzbg）。"
            )
        new_lock = None
        if self._lock is not None and not _same_file(target, self._lock.draft):
            new_lock = DraftLock(target)
            new_lock.acquire()  # another window has that file open: refuse before writing
        try:
            save_draft(self.report, target)
        except BaseException:
            if new_lock is not None:
                new_lock.release()
            raise
        if new_lock is not None and self._lock is not None:
            self._lock.release()
            self._lock = new_lock
        self.path = target
        self._modified = False
        self._clean = copy.deepcopy(self.report)
        return target

    # ---- lock and close ----

    def acquire_lock(self) -> None:
        """Lock the draft file (when it has one) against other windows and processes.

        Raises:
            StorageError: another live window or process holds it (the message says who).
        """
        if self.path is None or self._lock is not None:
            return
        lock = DraftLock(self.path)
        lock.acquire()
        self._lock = lock

    @property
    def is_locked(self) -> bool:
        return self._lock is not None and self._lock.held

    def close(self) -> None:
        """The window closed the draft normally: release its lock and drop its recovery copy."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.discard_recovery()

    # ---- recovery ----

    def write_recovery(self) -> Path:
        """Write the autosave copy of this draft (the window calls this a few seconds after a change)."""
        return recovery.write_recovery(self.report, self.path, self.recovery_key)

    def discard_recovery(self) -> None:
        recovery.discard_recovery(self.recovery_key)

    # ---- text ----

    def part_text(self, part_id: str) -> str:
        part = self.report.part(part_id)
        return blocks_to_text(part.blocks) if part else ""

    def set_part_text(self, part_id: str, text: str) -> None:
        """Replace a part's text with what the editor holds."""
        if part_id not in PART_IDS:
            raise KeyError(part_id)
        blocks = text_to_blocks(text)
        if part_id not in STATUTORY:
            for block in blocks:
                block.level = 0  # the title or a date line is never a heading
        self._set_blocks(part_id, blocks)

    def _set_blocks(self, part_id: str, blocks: list[Block]) -> None:
        part = self._ensure_part(part_id)
        if blocks_to_text(part.blocks) == blocks_to_text(blocks) and [b.level for b in part.blocks] == [
            b.level for b in blocks
        ]:
            return
        part.blocks = blocks
        self._modified = True

    def _ensure_part(self, part_id: str) -> Part:
        part = self.report.part(part_id)
        if part is not None:
            return part
        part = Part(part_id)
        order = {pid: index for index, pid in enumerate(PART_IDS)}
        position = len(self.report.parts)
        for index, existing in enumerate(self.report.parts):
            if order.get(existing.id, 0) > order[part_id]:
                position = index
                break
        self.report.parts.insert(position, part)
        return part

    def apply_fix(self, finding: Finding) -> bool:
        """Apply a checklist finding's mechanical fix; False (nothing changed) when its text changed since."""
        # Imported here: the checklist package loads its checkers, which the window defers until a check runs.
        from drafting.checklist.fixes import apply_fix

        if not apply_fix(self.report, finding):
            return False
        self._modified = True
        return True

    # ---- facts ----

    def fact_text(self, fact_id: str) -> str:
        """The fact's value as the form shows it."""
        return format_fact(self.catalog.spec(fact_id), self.report.facts.get(fact_id))

    def last_year_fact_text(self, fact_id: str) -> str:
        """Last year's value of the fact as the form shows it ("" when unknown)."""
        value = self.report.last_year_facts.get(fact_id)
        if value is None:
            return ""
        try:
            return format_fact(self.catalog.spec(fact_id), value)
        except Exception:  # a hand-edited draft may hold a value of the wrong type: show none
            return ""

    def set_fact(self, fact_id: str, raw: str) -> str | None:
        """Parse and store a fact from the form's raw text.

        Returns:
            None when stored (an empty field removes the fact), or the inline
            Chinese message; an invalid entry leaves the stored value unchanged.
        """
        spec = self.catalog.spec(fact_id)
        value, error = parse_fact(spec, raw)
        if error:
            return error
        old = self.report.facts.get(fact_id)
        if value is None:
            self.report.facts.pop(fact_id, None)
        else:
            self.report.facts[fact_id] = value
            # A figure typed for a sub-area that is not picked picks it: every fact lands in the text.
            select_areas_for_facts(self.report, {fact_id: value})
        if old != value:
            self._modified = True
        return None

    def effective_facts(self) -> dict[str, Any]:
        """Facts with computed rates filled in (what templates see)."""
        return effective_facts(self.catalog, self.report.facts)

    def fact_problems(self) -> dict[str, str]:
        return fact_problems(self.catalog, self.report.facts)

    # ---- sub-areas ----

    @property
    def area_ids(self) -> list[str]:
        return list(self.report.settings.areas)

    def set_areas(self, area_ids: list[str]) -> None:
        if area_ids != self.area_ids:
            self.report.settings.areas = list(area_ids)
            self._modified = True

    # ---- practices, cases and shortcomings picked (Report.settings) ----

    def set_choices(self, kind: str, group: str, items: list[str]) -> None:
        """Store the ticked practices, typed practices (其他做法) or cases (典型事例) of an area.

        kind: "practices", "other_practices" or "cases"; group: an area id or "leader_duty".
        """
        if kind not in ("practices", "other_practices", "cases"):
            raise KeyError(kind)
        cleaned = [item.strip() for item in items if item.strip()]
        current: dict[str, list[str]] = dict(getattr(self.report.settings, kind))
        if current.get(group, []) == cleaned:
            return
        if cleaned:
            current[group] = cleaned
        else:
            current.pop(group, None)
        setattr(self.report.settings, kind, current)
        self._modified = True

    def set_shortcomings(self, picked: list[dict[str, str]]) -> None:
        """Store the shortcomings picked from the data list, in order: [{"kind": id, "cause": text}]."""
        cleaned = [{"kind": item["kind"], "cause": item.get("cause", "").strip()} for item in picked]
        if cleaned != self.report.settings.shortcomings:
            self.report.settings.shortcomings = cleaned
            self._modified = True

    # ---- generation ----

    def render(self, part_id: str) -> str:
        """The text generating the part would produce now (as its editor shows it), without applying it."""
        return blocks_to_text(render_part(self.report, part_id))

    def rendering_job(self) -> Callable[[list[str]], dict[str, list[Block]]]:
        """A function rendering the given parts from a copy of the report as it is now, for a
        background thread (templates are data a county may edit, so they may be slow)."""
        report = copy.deepcopy(self.report)
        return lambda part_ids: {part_id: render_part(report, part_id) for part_id in part_ids}

    def generate(self, part_id: str, blocks: list[Block] | None = None) -> str:
        """Fill the part from its template (or with blocks rendered in the background by
        rendering_job) and remember the facts it was made from."""
        self._set_blocks(part_id, render_part(self.report, part_id) if blocks is None else blocks)
        text = self.part_text(part_id)
        record_generation(self.report, self.catalog, part_id, text)
        self._modified = True
        return text

    def facts_changed(self, part_id: str) -> bool:
        """The part was generated and its facts changed since: the window renders it (off the UI thread) to see."""
        return facts_changed(self.report, self.catalog, part_id)

    def regeneration(self, part_id: str, *, requested: bool = False, rendered: str | None = None) -> Regeneration:
        """What to do with the part's text: apply the newly generated text, ask first, or nothing.

        requested: the writer pressed 按事实生成; otherwise the window asks after a change
        whether the facts now give another text (see drafting.writing.generation.regeneration).

        Raises:
            DraftingError: a template failed.
        """
        return regeneration(self.report, self.catalog, part_id, self.part_text(part_id),
                            (lambda: rendered) if rendered is not None else (lambda: self.render(part_id)),
                            requested=requested)

    # ---- status ----

    def is_done(self, part_id: str) -> bool:
        return part_id in self.report.settings.done

    def set_done(self, part_id: str, done: bool = True) -> None:
        current = list(self.report.settings.done)
        if done and part_id not in current:
            current.append(part_id)
        elif not done and part_id in current:
            current.remove(part_id)
        else:
            return
        self.report.settings.done = current
        self._modified = True

    def part_status(self, part_id: str) -> str:
        """未开始 | 草稿 | 已完成 | 有问题 for the outline's step list (drafting.writing.status)."""
        return part_status(self.report, part_id, has_findings=bool(self.findings.get(part_id)),
                           fact_problems=self.fact_problems())

    def progress(self) -> tuple[int, int]:
        """(parts marked 已完成, all parts of the outline) for the window's progress bar."""
        done = sum(1 for pid in PART_IDS if self.part_status(pid) == STATUS_DONE)
        return done, len(PART_IDS)

    def heading_for(self, part_id: str) -> str:
        return part_heading(self.report, part_id)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False
