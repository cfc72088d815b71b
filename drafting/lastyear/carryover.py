"""Carry last year's report into a new draft for year Y.

The new draft keeps last year's text (the writer edits it), with the title,
the headings and the dates moved to the new year. Last year's parts are kept
in Report.last_year so the checklist (rule copied-from-last-year) and the
window can show what is still unchanged; mentions of the old year in the
text are listed for review, not rewritten; last year's figures, where the
wording shows which fact they are (templates/carryover.yml), become
Report.last_year_facts so templates can say 同比. A confidence per part says
how sure the structure recognition is, for the review dialog.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

from drafting.data.facts import default_fact_catalog
from drafting.data.figure_table import FigureTable, default_figure_table
from drafting.data.outline import Outline, default_outline
from drafting.dates import move_dates, move_years
from drafting.errors import InputError
from drafting.figures import figures_in
from drafting.model import STATUTORY, Block, Part, Report, SourceNote
from drafting.numbering import parse_numbering, split_run_in
from drafting.reading.cleanup import normalise_numbering
from drafting.reading.sources import load_source


@dataclass(frozen=True)
class CarryNote:
    """One thing the writer should know about the carried-over draft.

    Attributes:
        kind: "year" (changed or to review), "fact" (a figure kept as last year's value),
            "structure" (how a part was recognised).
        part: the part id ("" for the whole report).
        line: source line or paragraph number; 0 when unknown.
        what: the note, in Chinese.
    """

    kind: str
    part: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"第 {self.line} 行：{self.what}" if self.line else self.what


def _fact_label(fact_id: str) -> tuple[str, str]:
    """(label, unit) of a fact for the notes; the id itself when the catalogue lacks it."""
    catalog = default_fact_catalog()
    if not catalog.has(fact_id):
        return fact_id, ""
    spec = catalog.spec(fact_id)
    return spec.label, spec.unit


# --------------------------------------------------------------------------- carry over


def carry_over(report: Report, year: int, table: FigureTable | None = None) -> tuple[Report, list[CarryNote]]:
    """A new draft for ``year`` started from last year's report, and notes for the writer.

    Raises:
        InputError: the new year is before the year of last year's report.
    """
    table = table or default_figure_table()
    notes: list[CarryNote] = []
    old = report.meta.year
    if old is None:
        old = year - 1
        notes.append(CarryNote("year", "", 0, f"未能从标题或开头段认出原报告的年度，按 {old} 年处理。"))
    if year < old:
        raise InputError(f"新报告的年度（{year}）早于原报告的年度（{old}）。请在 --year 后写新报告所属的年度，例如 {old + 1}。")
    delta = year - old
    new = Report(meta=copy.deepcopy(report.meta), parts=copy.deepcopy(report.parts))
    new.meta.year = year
    # The part headings repeat every year by design; frame parts (title, signature) too.
    new.last_year = {part.id: [b.text for b in part.blocks if b.text.strip() and b.level != 1]
                     for part in report.parts if part.id in ("preamble", *STATUTORY)}
    new.settings.carried_from_year = old
    new.settings.structure_confidence = part_confidence(report)
    if report.settings.is_set("areas"):
        new.settings.areas = list(report.settings.areas)
    _choose_plan(new, report, notes)
    for part in new.parts:
        for block in part.blocks:
            line = block.source_line or 0
            head, rest = block.text, ""
            if part.id == "title":
                moved = move_years(head, old, delta)
            elif block.level > 0:
                # A run-in heading: only its own words (up to the first 。) move; the text after it is body.
                head, rest = split_run_in(head)
                moved = move_years(head, old, delta)
            elif (part.id in ("date", "preamble") and len(head) <= 30
                  and (dated := move_dates(head, delta)) is not None):
                moved = dated
            else:
                moved, rest = head, head
                head = ""
            if str(old) in rest and part.id in ("preamble", *STATUTORY):
                notes.append(CarryNote("year", part.id, line, f"提到 {old} 年，请核对是否应改为 {year} 年："
                                       f"“{_around(rest, str(old))}”"))
            if moved != head and head:
                notes.append(CarryNote("year", part.id, line, f"年份已改为新年度：“{head}”→“{moved}”"))
                block.text = moved + rest
    new.last_year_facts = dict(report.facts)
    for fact, value, source, part_id, line in find_figures(report, table):
        if fact not in new.last_year_facts:
            new.last_year_facts[fact] = value
            label, unit = _fact_label(fact)
            notes.append(CarryNote("fact", part_id, line,
                                   f"去年的“{label}”为 {value}{unit}（原文“{source}”），已记为同比的上年值，请核对"))
    return new, notes


def _choose_plan(new: Report, report: Report, notes: list[CarryNote]) -> None:
    """The national plan in force for the new year (templates/plans.yml), and a note when it changed."""
    from drafting.data.plans import plan_for_year

    year = new.meta.year
    plan = plan_for_year(year)
    if plan is None:
        notes.append(CarryNote("year", "", 0, f"{year} 年没有已知的法治政府建设实施纲要，请在窗口中选择或填写所依据的纲要。"))
        new.meta.plan = ""
        return
    if report.meta.plan and report.meta.plan != plan.name:
        notes.append(CarryNote("year", "", 0, f"所依据的纲要已由《{report.meta.plan}》改为《{plan.name}》。"))
    new.meta.plan = plan.name
    new.settings.plan_id = plan.id


def old_year_spans(text: str, old_year: int) -> list[tuple[int, int]]:
    """(start, end) of each mention of old_year in one paragraph (the editor highlights these)."""
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\d){old_year}(?!\d)", text)]


def _around(text: str, word: str, width: int = 14) -> str:
    index = text.find(word)
    start = max(0, index - width)
    return ("…" if start else "") + text[start:index + len(word) + width] + ("…" if index + len(word) + width < len(text) else "")


#: Parts that tell what was done in the year; the plans part's figures are targets ("培训不少于4次").
_PARTS_WITH_RESULTS = tuple(p for p in ("preamble", *STATUTORY) if p != "plans")


def find_figures(report: Report, table: FigureTable) -> list[tuple[str, float | int, str, str, int]]:
    """(fact id, value, matched words, part id, line) for each fact whose figure the text shows."""
    found: dict[str, tuple[str, float | int, str, str, int]] = {}
    for part in report.parts:
        if part.id not in _PARTS_WITH_RESULTS:
            continue
        for block in part.blocks:
            for fact, match in figures_in(block.text, table.figures).items():
                found.setdefault(fact, (fact, match.value, match.words, part.id, block.source_line or 0))
    # in the order of the table, as before: the notes list facts in the data file's order
    order = {rule.fact: index for index, rule in enumerate(table.figures)}
    return sorted(found.values(), key=lambda item: order[item[0]])


# --------------------------------------------------------------------------- structure confidence and reuse


def part_confidence(report: Report, outline: Outline | None = None) -> dict[str, float]:
    """How sure the recognition is of each part present, 0-1 (for the review dialog)."""
    outline = outline or default_outline()
    scores: dict[str, float] = {}
    statutory_order = [p.id for p in report.parts if p.id in STATUTORY]
    usual = [p.id for p in outline.statutory if p.id in statutory_order]
    for part in report.parts:
        heading = next((b.text for b in part.blocks if b.level == 1), "")
        if part.id in STATUTORY:
            score = 0.5 if outline.part_for_heading(heading) == part.id else 0.2
            numbering = parse_numbering(heading)
            if numbering is not None and numbering.style == "cn_dun":
                score += 0.2
            spec = outline.spec(part.id)
            if spec.heading and (spec.heading in heading or heading.endswith(spec.heading)):
                score += 0.2
            if usual.index(part.id) == statutory_order.index(part.id):
                score += 0.1
        elif part.id == "title":
            score = 0.9 if "报告" in re.sub(r"\s+", "", report.title) else 0.6
        elif part.id == "preamble":
            score = 0.9 if any(re.search(r"如下[：:。]?$", b.text) for b in part.blocks) else 0.6
        else:
            score = 0.9
        scores[part.id] = round(min(score, 1.0), 2)
    return scores


# --------------------------------------------------------------------------- the writer's corrections


def body_blocks(report: Report) -> list[tuple[str, Block]]:
    """(part id, block) for the preamble and the statutory parts, in document order."""
    return [(part.id, block) for part in report.parts if part.id in ("preamble", *STATUTORY) for block in part.blocks]


def apply_mapping(report: Report, heading_parts: dict[int, str]) -> Report:
    """A copy of the report with level-1 headings moved to other parts.

    Args:
        heading_parts: index in body_blocks() of a level-1 heading -> the part it starts
            (a statutory id), or "" to keep it inside the part before it.

    Raises:
        InputError: a part would be started twice.
    """
    rows = body_blocks(report)
    starts: dict[int, str] = {}
    for index, (part_id, block) in enumerate(rows):
        previous = rows[index - 1][0] if index else None
        if block.level == 1 and part_id != previous and part_id != "preamble":
            starts[index] = part_id
    for index, part_id in heading_parts.items():
        if part_id:
            starts[index] = part_id
        else:
            starts.pop(index, None)
    chosen = [starts[i] for i in sorted(starts)]
    duplicates = sorted({p for p in chosen if chosen.count(p) > 1})
    if duplicates:
        names = "、".join(default_outline().spec(p).name for p in duplicates)
        raise InputError(f"“{names}”被指定给了多个标题。每个部分只能从一个一级标题开始，请修改后再确定。")
    new = copy.deepcopy(report)
    before = [p for p in new.parts if p.id in ("title", "addressee")]
    after = [p for p in new.parts if p.id in ("signature", "date")]
    body: list[Part] = [Part("preamble")]
    for index, (_, block) in enumerate(body_blocks(new)):
        if index in starts:
            body.append(Part(starts[index]))
        body[-1].blocks.append(block)
    new.parts = before + [p for p in body if p.blocks or p.id != "preamble"] + after
    return new


# --------------------------------------------------------------------------- the whole import


@dataclass
class LastYearImport:
    """What reading last year's file gave: the cleaned report and the changes made."""

    report: Report
    cleanup: list[SourceNote]
    confidence: dict[str, float]


def read_last_year(path: Path) -> LastYearImport:
    """Read any source (draft, .txt, .docx, .doc/.wps), cleaned as it is read; the file is only read.

    Raises:
        DraftingError: the file cannot be read (a Chinese message says why).
    """
    report = load_source(Path(path))
    notes = sorted([*report.source_notes, *normalise_numbering(report)], key=lambda note: note.line)
    return LastYearImport(report, notes, part_confidence(report))


def start_new_year(
    imported: LastYearImport, year: int, source_name: str, heading_parts: dict[int, str] | None = None
) -> tuple[Report, list[CarryNote]]:
    """The new year's draft from last year's report: the one path of the CLI's import and the window's
    从去年的报告开始.

    Args:
        imported: what read_last_year gave.
        year: the year the new report is on.
        source_name: the file's name, kept in the draft (it is never saved over).
        heading_parts: the writer's corrections of which heading starts which part (apply_mapping).

    Raises:
        InputError: a part given to two headings, or a year before last year's report.
    """
    report = apply_mapping(imported.report, heading_parts) if heading_parts is not None else imported.report
    new, notes = carry_over(report, year)
    new.settings.started_from = source_name
    new.settings.import_notes = [str(note) for note in [*imported.cleanup, *notes]]
    new.load_notes = list(imported.report.load_notes)  # last year's draft read with a setting set aside
    return new, notes
