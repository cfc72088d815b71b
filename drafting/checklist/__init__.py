"""The checklist: YAML rules that find what a county reviewer finds in a report.

Public API: load_rules, run_checklist, compile_checklist, default_checklist,
Checklist, RuleSpec, Finding, Severity, CHECKERS, worst_by_part. Never imports PySide6.
"""

from __future__ import annotations

from drafting.checklist.checkers import CHECKERS
from drafting.checklist.engine import (
    Checklist,
    compile_checklist,
    default_checklist,
    run_checklist,
    worst_by_part,
)
from drafting.checklist.loader import load_rules
from drafting.checklist.model import Finding, RuleSpec, Severity

__all__ = [
    "CHECKERS",
    "Checklist",
    "Finding",
    "RuleSpec",
    "Severity",
    "compile_checklist",
    "default_checklist",
    "load_rules",
    "run_checklist",
    "worst_by_part",
]
