"""The checklist's value types: Severity, RuleSpec (one rule as loaded) and Finding.

All frozen dataclasses. Findings sort stably: by position in the report
(rules without a position first), then rule id, so the CLI, the tests and
the window always list them in the same order.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.Enum):
    """How serious a finding is; ``value`` is the word used in YAML files."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        """The Chinese word shown to the user."""
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        """0 for the most serious, for sorting."""
        return {"error": 0, "warning": 1, "info": 2}[self.value]

    @classmethod
    def parse(cls, text: Any) -> Severity | None:
        for member in cls:
            if text in (member.value, member.label):
                return member
        return None


@dataclass(frozen=True)
class RuleSpec:
    """One rule after loading and merging user overrides.

    Attributes:
        id: the public, stable rule id (users turn rules off by it).
        kind: the checker it uses (a key of checkers.CHECKERS).
        severity: error / warning / info.
        parts: part ids it applies to; empty = every part.
        message, suggestion: shown with each finding (may use {placeholders} the checker fills).
        params: the kind's parameters, as read from YAML (plain dicts and lists).
        enabled: False when a user file turned the rule off.
        source, line: the file and line that defined (or last changed) the rule.
    """

    id: str
    kind: str
    severity: Severity
    parts: tuple[str, ...] = ()
    message: str = ""
    suggestion: str = ""
    params: Any = field(default=None, compare=False, hash=False)
    enabled: bool = True
    source: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)
    #: The parameters as canonical JSON, so equal rules compare (and cache) equal.
    params_key: str = ""

    def __post_init__(self) -> None:
        if not self.params_key:
            object.__setattr__(
                self, "params_key", json.dumps(self.params or {}, ensure_ascii=False, sort_keys=True, default=str)
            )


@dataclass(frozen=True)
class Finding:
    """One problem found in a report.

    Attributes:
        rule: the rule id.
        severity: the rule's severity.
        part: the part the problem is in (or, for part-missing, the missing part), or None.
        line, column: 1-based position of the flagged text: line and character column in the
            source text file, or (for a draft) paragraph number in the whole report and column
            in that paragraph. None for a problem of the report as a whole.
        match: the flagged text ("" when there is none, e.g. a missing part).
        message, suggestion: what is wrong and what to do, in Chinese.
        fix: the replacement for ``match`` when the correction is mechanical and safe, else None.
        block_index: 0-based index of the paragraph in Report.iter_blocks() order (for the editor).
        offset: 0-based character offset of ``match`` in that paragraph.
    """

    rule: str
    severity: Severity
    part: str | None
    line: int | None
    column: int | None
    match: str
    message: str
    suggestion: str = ""
    fix: str | None = None
    block_index: int | None = field(default=None, compare=False)
    offset: int | None = field(default=None, compare=False)

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.line is not None,
            self.line or 0,
            self.column or 0,
            self.rule,
            self.severity.rank,
            self.part or "",
            self.match,
            self.message,
        )

    def __lt__(self, other: Finding) -> bool:
        return self.sort_key() < other.sort_key()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form the CLI prints (the public keys only)."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "part": self.part,
            "line": self.line,
            "column": self.column,
            "match": self.match,
            "message": self.message,
            "suggestion": self.suggestion,
        }
