"""Generate a part's text from its Jinja2 template and the facts.

The one place templates are rendered, in the one kind of environment
(built in drafting.writing.sandbox): an ImmutableSandboxedEnvironment with
StrictUndefined, no autoescape (the output is text) and a FileSystemLoader
over templates/. Templates are data a county office may edit, so they run
with limits (drafting.writing.sandbox: range() budget, size checks, time checks; here:
loop nesting and output length), and every failure becomes a
TemplateRenderError naming the template file and line.

Template convention: a blank line separates paragraphs; the lines of one
paragraph are joined without spaces (Chinese), so each sentence can sit on
its own line inside an ``{% if %}`` and vanish when its fact is absent.
A template marks a run-in heading by starting the paragraph with its GB/T 9704
numbering (（一）…); the part heading and the sub-area headings are not in
the templates: render_part places them at their levels.
"""

from __future__ import annotations

import functools
import os
import re
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import jinja2.nodes
import jinja2.sandbox

from drafting import paths
from drafting.data.areas import AreaSpec, area_by_id, default_area_data, resolve_plan
from drafting.data.facts import default_fact_catalog, effective_facts
from drafting.data.outline import default_outline
from drafting.data.plans import Plan, plan_by_name, plan_for_year
from drafting.data.years import default_year_table
from drafting.errors import TemplateRenderError
from drafting.model import STATUTORY, Block, Report
from drafting.numbering import parse_numbering, standard_prefix
from drafting.writing.compose import practice_clauses, shortcomings, typed_lines
from drafting.writing.part_text import text_to_blocks
from drafting.writing.sandbox import (
    MAX_LOOP_DEPTH,
    GuardedEnvironment,
    LimitError,
    generate_capped,
    guarded_environment,
    guarded_run,
)

#: Most typed practices (其他做法) and typical cases (典型事例) an area weaves in.
MAX_OTHER_PRACTICES = 5
MAX_CASES = 3

#: Template of each part; the measures part adds one template per picked sub-area.
PART_TEMPLATES = {
    "title": "title.j2",
    "preamble": "preamble.j2",
    "measures": "measures.j2",
    "shortcomings": "shortcomings.j2",
    "leader_duty": "leader_duty.j2",
    "plans": "plans.j2",
    "other": "other.j2",
}



def environment(folder: Path | None = None) -> GuardedEnvironment:
    """The Jinja2 environment over templates/ (or another folder, for tests and county copies).

    Built on first use, so nothing compiles at start-up.
    """
    return guarded_environment(str(folder or paths.templates_dir()))



def _template_error(name: str, exc: BaseException) -> TemplateRenderError:
    line = getattr(exc, "lineno", None)
    if line is None:
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            if frame.f_code.co_filename.endswith(".j2"):
                line = lineno
                name = frame.f_code.co_filename.replace("\\", "/").rsplit("/", 1)[-1]
    where = f"第 {line} 行" if line else "某处"
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateRenderError(f"找不到模板“{exc.name}”（由“{name}”使用）。请检查 templates 文件夹中是否有这个文件。")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        name = (exc.name or name)
        reason = f"语法错误（{exc.message}）"
    elif isinstance(exc, jinja2.UndefinedError):
        reason = f"用到了未定义的名称（{exc.message}）"
    elif isinstance(exc, LimitError):
        reason = str(exc)
    elif isinstance(exc, RecursionError):
        reason = "递归层数过深"
    elif isinstance(exc, MemoryError):
        reason = "占用内存过多"
    elif isinstance(exc, jinja2.sandbox.SecurityError):
        reason = "使用了模板中不允许的操作"
    else:
        reason = f"{type(exc).__name__}: {exc}"
    return TemplateRenderError(f"模板“{name}”{where}出错：{reason}。请修改 templates 文件夹中的“{name}”。")


@dataclass(frozen=True)
class _TemplateInfo:
    names: frozenset[str]  # undeclared variables (jinja2.meta)
    includes: tuple[str, ...]  # statically named included/imported templates
    loop_depth: int  # deepest nesting of for-loops, including through includes


def _loop_depth(node: jinja2.nodes.Node, folder: str, stack: tuple[str, ...]) -> int:
    inner = max((_loop_depth(child, folder, stack) for child in node.iter_child_nodes()), default=0)
    if isinstance(node, jinja2.nodes.Include) and isinstance(node.template, jinja2.nodes.Const):
        name = str(node.template.value)
        if name not in stack:
            inner = max(inner, _info(folder, name, stack).loop_depth)
    return inner + (1 if isinstance(node, jinja2.nodes.For) else 0)


def _info(folder: str, name: str, stack: tuple[str, ...] = ()) -> _TemplateInfo:
    """What a template refers to and how deep its loops go; cached until the file changes."""
    try:
        stat = os.stat(os.path.join(folder, *name.split("/")))
        stamp = (stat.st_mtime_ns, stat.st_size)
    except (OSError, ValueError):
        stamp = None  # let the loader say what is wrong (not found, outside the folder...)
    if stamp is None:
        env = guarded_environment(folder)
        try:
            env.loader.get_source(env, name)  # type: ignore[union-attr]
        except jinja2.TemplateError as exc:
            raise _template_error(stack[-1] if stack else name, exc) from None
    return _analyse(folder, name, stamp, stack)


@functools.lru_cache(maxsize=256)
def _analyse(folder: str, name: str, stamp: tuple[int, int] | None, stack: tuple[str, ...]) -> _TemplateInfo:
    env = guarded_environment(folder)
    try:
        source, _filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
    except jinja2.TemplateError as exc:
        raise _template_error(stack[-1] if stack else name, exc) from None
    try:
        ast = env.parse(source, name)
    except jinja2.TemplateError as exc:
        raise _template_error(name, exc) from None
    return _TemplateInfo(
        names=frozenset(jinja2.meta.find_undeclared_variables(ast)),
        includes=tuple(ref for ref in jinja2.meta.find_referenced_templates(ast) if ref),
        loop_depth=_loop_depth(ast, folder, (*stack, name)),
    )


def _check_depth(name: str, folder: str) -> None:
    if _info(folder, name).loop_depth > MAX_LOOP_DEPTH:
        raise TemplateRenderError(
            f"模板“{name}”中的循环嵌套超过 {MAX_LOOP_DEPTH} 层（包括它引用的模板），为防止卡死已拒绝运行。请简化该模板。"
        )


def render_template(name: str, context: dict[str, Any], folder: Path | None = None) -> str:
    """Render one template to text (paragraphs joined by newlines), within the limits.

    Raises:
        TemplateRenderError: names the template and line.
    """
    env = environment(folder)
    _check_depth(name, env.loader.searchpath[0])  # type: ignore[union-attr]
    try:
        with guarded_run():
            text = generate_capped(env.get_template(name), context, "生成的文字")
    except TemplateRenderError:
        raise
    except (jinja2.TemplateError, LimitError, RecursionError, ArithmeticError, TypeError, ValueError,
            AttributeError, KeyError, IndexError, MemoryError) as exc:
        raise _template_error(name, exc) from None
    return join_paragraphs(text)


def join_paragraphs(raw: str) -> str:
    """Blank-line separated chunks → one paragraph per line; empty ones dropped."""
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", raw):
        text = "".join(line.strip() for line in chunk.splitlines())
        if text:
            paragraphs.append(text)
    return "\n".join(paragraphs)


def required_facts(template: str, folder: Path | None = None) -> frozenset[str]:
    """Fact ids a template (and what it includes or imports) refers to, via jinja2.meta."""
    root = environment(folder).loader.searchpath[0]  # type: ignore[union-attr]
    catalog_ids = set(default_fact_catalog().ids)
    seen: set[str] = set()
    found: set[str] = set()
    pending = [template]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        info = _info(root, name)
        found |= info.names & catalog_ids
        pending.extend(info.includes)
    return frozenset(found)


def selected_areas(report: Report) -> list[AreaSpec]:
    """The sub-areas picked for the measures part, in the writer's order (unknown ids skipped)."""
    return [area for area_id in report.settings.areas if (area := area_by_id(area_id))]


#: Facts a part's text depends on through drafting.writing.compose rather than by name in its template.
COMPOSED_FACTS = {"shortcomings": frozenset({"shortcoming_items", "plan_items"}),
                  "plans": frozenset({"shortcoming_items", "plan_items"})}


def part_required_facts(report: Report, part_id: str) -> frozenset[str]:
    """Fact ids the part's generated text depends on (the measures part: its sub-areas too)."""
    names = [PART_TEMPLATES[part_id]] if part_id in PART_TEMPLATES else []
    if part_id == "measures":
        names += [area.template for area in selected_areas(report)]
    result: frozenset[str] = COMPOSED_FACTS.get(part_id, frozenset())
    for name in names:
        result |= required_facts(name)
    return result


def report_plan(report: Report) -> Plan | None:
    """The plan the draft follows: chosen by id, else named in meta.plan, else in force that year."""
    plan_id = report.settings.plan_id
    if plan_id:
        return resolve_plan(report.meta.year, plan_id)
    if report.meta.plan:
        return plan_by_name(report.meta.plan)
    return plan_for_year(report.meta.year)


#: Fact groups that say what was done in the year (the others are problems, plans and other matters).
_NOT_WORK_GROUPS = frozenset({"shortcomings", "plans", "other"})


def _work_entered(report: Report, facts: dict[str, Any]) -> tuple[bool, list[str]]:
    """Whether the writer entered anything done in the year (a figure, a tick, a typed practice or case),
    and the topics of the picked sub-areas that have some, in the writer's order (the opening names them)."""
    catalog = default_fact_catalog()
    settings = report.settings

    def entered(group: str, choices_key: str) -> bool:
        return (any(facts.get(spec.id) is not None for spec in catalog.for_group(group))
                or bool(settings.practices.get(choices_key))
                or any(typed_lines(mapping, choices_key, 1) for mapping in (settings.other_practices, settings.cases)))

    topics = [area.topic for area in selected_areas(report) if entered(area.fact_group, area.id)]
    groups = {spec.group for spec in catalog.specs} - _NOT_WORK_GROUPS
    worked = bool(topics) or any(entered(group, group) for group in groups)
    return worked, topics


def template_context(report: Report, part_id: str = "") -> dict[str, Any]:
    """Everything a template may use: org and year wording, dated terms, every fact (None when absent),
    the shortcomings with the plan items answering them, and the seed phrasings are chosen by."""
    data = default_area_data()
    org = report.meta.org.strip()
    kind = data.org_kind(org)
    year = report.meta.year
    plan = report_plan(report)
    plan_name = (report.meta.plan or (plan.name if plan else "")).strip().strip("《》")
    superior = report.addressee.strip().rstrip("：:").strip()
    table = default_year_table()
    context: dict[str, Any] = effective_facts(default_fact_catalog(), report.facts)
    seed = f"{org}|{year}|{part_id}"
    stated, leftover = shortcomings(report, context, kind, f"{org}|{year}")
    worked, topics = _work_entered(report, context)
    context.update(
        org=org,
        org_short=kind.short_name(org),
        bodies=kind.bodies,
        year=year,
        next_year=year + 1 if year else None,
        plan=f"《{plan_name}》" if plan_name else "",
        superior=superior,
        party=kind.party,
        government=kind.government,
        leaders=kind.leaders,
        level=kind.level,
        grassroots=kind.grassroots,
        terms=table.terms(year),
        next_terms=table.terms(year + 1 if year else None),
        # Last year's figures where known (drafts started from last year's report), for 同比.
        last=effective_facts(default_fact_catalog(), report.last_year_facts),
        seed=seed,
        problems=[vars(item) for item in stated],
        extra_plans=leftover,
        # The opening states the year's framing only when something done was entered, and names these topics.
        work_entered=worked,
        work_topics=topics,
        practices=practice_clauses(report, part_id, kind, seed) if part_id else [],
        other_practices=typed_lines(report.settings.other_practices, part_id, MAX_OTHER_PRACTICES),
        cases=typed_lines(report.settings.cases, part_id, MAX_CASES),
    )
    return context


def area_context(report: Report, context: dict[str, Any], area: AreaSpec, heading: str) -> dict[str, Any]:
    """The context of one sub-area's template: its seed, ticked and typed practices, cases."""
    kind = default_area_data().org_kind(report.meta.org.strip())
    seed = f"{report.meta.org.strip()}|{report.meta.year}|{area.id}"
    ticked = practice_clauses(report, area.id, kind, seed)
    typed = typed_lines(report.settings.other_practices, area.id, MAX_OTHER_PRACTICES)
    cases = typed_lines(report.settings.cases, area.id, MAX_CASES)
    has_facts = any(context.get(spec.id) is not None for spec in default_fact_catalog().for_group(area.fact_group))
    return {**context, "seed": seed, "area_heading": heading, "practices": ticked, "other_practices": typed,
            "cases": cases, "area_has_facts": has_facts or bool(ticked or typed or cases)}


def heading_plan_id(report: Report) -> str | None:
    """Whose plan headings the sub-areas use: the plan followed, else the year table's (never older)."""
    plan = report_plan(report)
    return plan.id if plan else default_year_table().terms(report.meta.year).get("headings")


def part_heading(report: Report, part_id: str) -> str:
    """The part's level-1 heading, numbered by the part's position among the statutory parts."""
    part = report.part(part_id)
    text = part.heading if part else ""
    numbering = parse_numbering(text) if text else None
    words = text[len(numbering.prefix):] if numbering else text
    words = words or default_outline().spec(part_id).heading
    present = [p.id for p in report.parts if p.id in STATUTORY]
    number = present.index(part_id) + 1 if part_id in present else len(present) + 1
    return standard_prefix(1, number) + words


def render_part(report: Report, part_id: str) -> list[Block]:
    """The part's generated paragraphs, each at its level.

    A statutory part is led by its level-1 heading; in the measures part each
    picked sub-area starts with its level-2 heading. A paragraph a template
    wrote gets the level its numbering gives, judged exactly as the part's
    editor judges the same text (drafting.writing.part_text), so editing a
    generated part keeps its headings. Frame parts (title, preamble) have none.

    Raises:
        TemplateRenderError: a template failed (names file and line).
        KeyError: part_id has no template (addressee, signature, date are not generated).
    """
    context = template_context(report, part_id)
    if part_id not in STATUTORY:
        return [Block(line) for line in render_template(PART_TEMPLATES[part_id], context).splitlines()]
    produced: list[tuple[str, int | None]] = [(part_heading(report, part_id), 1)]
    produced += [(line, None) for line in render_template(PART_TEMPLATES[part_id], context).splitlines()]
    if part_id == "measures":
        plan_id = heading_plan_id(report)
        for index, area in enumerate(selected_areas(report), start=1):
            heading = area.heading_for(plan_id)
            produced.append((standard_prefix(2, index) + heading, 2))
            body = render_template(area.template, area_context(report, context, area, heading))
            produced += [(line, None) for line in body.splitlines()]
    return _leveled(produced)


def _leveled(produced: list[tuple[str, int | None]]) -> list[Block]:
    """Blocks for (text, level) pairs: a level given is kept, None is judged from the numbering.

    Lines are stripped and blank ones dropped, as the editor does; the judging sees
    all of them in order, since a heading's level can depend on the headings before it.
    """
    lines: list[tuple[str, int | None]] = []
    for text, level in produced:
        for number, line in enumerate(line for line in text.splitlines() if line.strip()):
            lines.append((line.strip(), level if number == 0 else None))
    judged = text_to_blocks("\n".join(text for text, _level in lines))
    return [Block(block.text, block.level if level is None else level)
            for (_text, level), block in zip(lines, judged, strict=True)]
