"""Before export: the error-level findings still open in a report, and how to say so in one line.

The CLI's export prints the count on stderr (and refuses with --strict); the window asks
"仍有3个错误：……，仍要导出吗？". Both use these two functions, so they count the same errors.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from drafting.checklist.engine import compile_checklist
from drafting.checklist.loader import load_rules
from drafting.checklist.model import Finding, Severity
from drafting.model import Report


def open_errors(report: Report, extra_files: Iterable[Path] = (), *, segment: bool = True) -> list[Finding]:
    """The error-level findings of the effective rules (default, the county's folder, extra files).

    Only error rules run. segment=False leaves jieba unloaded (the CLI export stays light): terms
    are then matched as written, not on word boundaries.

    Raises:
        ChecklistError: a checklist file is invalid.
    """
    rules = [rule for rule in load_rules(extra_files) if rule.severity is Severity.ERROR]
    return [f for f in compile_checklist(rules).run(report, segment=segment) if f.severity is Severity.ERROR]


def errors_summary(errors: list[Finding], limit: int = 3) -> str:
    """"缺少法定内容“…”；文末没有发文机关署名……等": the first few messages, distinct, in order."""
    messages: list[str] = []
    for finding in errors:
        if finding.message not in messages:
            messages.append(finding.message)
    text = "；".join(messages[:limit])
    return text + ("等" if len(messages) > limit else "")
