"""Checklist files (YAML) to RuleSpecs, with user files layered on top by rule id.

The shipped checklists/default.yml defines the rules. A county office's file
(every *.yml in paths.user_checklists_dir(), then each ``--checklist FILE``)
can add a rule (with a kind), or change an existing rule's severity, parts,
message, suggestion or parameters, or turn it off with ``enabled: false``.
A rule's parameters are written beside its common keys. Every problem in every
file is collected, each naming file, line and rule id, into one ChecklistError.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from drafting import paths
from drafting.checklist.checkers import CHECKERS, ParamError
from drafting.checklist.model import RuleSpec, Severity
from drafting.errors import ChecklistError
from drafting.yamlio import LineDict, YamlSyntaxError, read_yaml_file

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
COMMON_KEYS = frozenset({"id", "kind", "severity", "parts", "message", "suggestion", "enabled"})
_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


def default_checklist_path() -> Path:
    return paths.checklists_dir() / "default.yml"


def user_checklist_files() -> list[Path]:
    """The user's own checklist files, in name order (missing folder: none)."""
    folder = paths.user_checklists_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.yml") if p.is_file())


def load_rules(
    extra_files: Iterable[Path] = (), *, include_user_dir: bool = True, base: Path | None = None
) -> list[RuleSpec]:
    """The effective rules: the default file, then user-folder files, then extra files.

    Raises:
        ChecklistError: listing every problem of every file, with file, line and rule id.
    """
    files = [base or default_checklist_path()]
    if include_user_dir:
        files += user_checklist_files()
    files += [Path(f) for f in extra_files]
    rules: dict[str, RuleSpec] = {}
    problems: list[str] = []
    for index, path in enumerate(files):
        _apply_file(path, rules, problems, is_base=index == 0)
    for rule in rules.values():
        if rule.enabled:
            try:
                CHECKERS[rule.kind](rule)
            except ParamError as exc:
                problems.append(f"{_where(rule.source, rule.line, rule.id)}{exc}")
            except (ValueError, TypeError, OverflowError, RecursionError, LookupError) as exc:
                # A value no check foresaw (an odd type deep in a list): the same clear message, never a crash.
                problems.append(f"{_where(rule.source, rule.line, rule.id)}参数有误（{type(exc).__name__}: {exc}）")
    if problems:
        raise ChecklistError("检查规则文件有误，请按提示修改后再试：\n" + "\n".join(problems))
    return list(rules.values())


def _where(source: str, line: int, rule_id: str | None) -> str:
    rule = f"（规则 {rule_id}）" if rule_id else ""
    return f"“{source}”第 {line} 行{rule}："


def _apply_file(path: Path, rules: dict[str, RuleSpec], problems: list[str], *, is_base: bool) -> None:
    name = str(path)
    try:
        data = read_yaml_file(path)
    except YamlSyntaxError as exc:
        problems.append(f"“{name}”：{exc}")
        return
    if not isinstance(data, LineDict):
        problems.append(f"“{name}”第 1 行：文件应以 version: 1 和 rules: 开头")
        return
    for key in data:
        if key not in ("version", "rules"):
            problems.append(f"{_where(name, data.line_of(key), None)}未知的键“{key}”（可用的键：version、rules）")
    if data.get("version") != FORMAT_VERSION:
        problems.append(f"{_where(name, data.line_of('version'), None)}version 应为 {FORMAT_VERSION}")
    entries = data.get("rules")
    if not isinstance(entries, list):
        problems.append(f"{_where(name, data.line_of('rules'), None)}rules 应是规则的列表（每条以“- id:”开头）")
        return
    for entry in entries:
        if not isinstance(entry, LineDict):
            problems.append(f"{_where(name, data.line_of('rules'), None)}每条规则应是“键: 值”的映射")
            continue
        _apply_entry(name, entry, rules, problems, is_base=is_base)


def _apply_entry(name: str, entry: LineDict, rules: dict[str, RuleSpec], problems: list[str], *, is_base: bool) -> None:
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not rule_id or set(rule_id) - _ID_CHARS:
        problems.append(f"{_where(name, entry.line, None)}每条规则需要 id（小写英文、数字和连字符，如 my-rule）")
        return
    where = _where(name, entry.line, rule_id)
    existing = rules.get(rule_id)
    if existing is not None and is_base:
        problems.append(f"{where}规则 id 重复")
        return
    kind = entry.get("kind", existing.kind if existing else None)
    if kind not in CHECKERS:
        if kind is None:
            problems.append(f"{where}新规则需要写明 kind（可用：{'、'.join(sorted(CHECKERS))}）")
        else:
            problems.append(
                f"{_where(name, entry.line_of('kind'), rule_id)}未知的 kind“{kind}”（可用：{'、'.join(sorted(CHECKERS))}）"
            )
        return
    if existing is not None and kind != existing.kind:
        problems.append(f"{_where(name, entry.line_of('kind'), rule_id)}不能改变已有规则的 kind（原为 {existing.kind}）")
        return
    allowed = set(CHECKERS[kind].PARAMS)
    ok = True
    for key in entry:
        if key not in COMMON_KEYS and key not in allowed:
            choices = "、".join(sorted(COMMON_KEYS | allowed))
            problems.append(f"{_where(name, entry.line_of(key), rule_id)}未知的键“{key}”（可用的键：{choices}）")
            ok = False
    fields: dict[str, Any] = {}
    if "severity" in entry:
        severity = Severity.parse(entry["severity"])
        if severity is None:
            problems.append(f"{_where(name, entry.line_of('severity'), rule_id)}severity 只能是 error、warning 或 info")
            ok = False
        fields["severity"] = severity
    elif existing is None:
        problems.append(f"{where}缺少 severity（error、warning 或 info）")
        ok = False
    if "parts" in entry:
        parts = entry["parts"]
        from drafting.model import PART_IDS

        if not isinstance(parts, list) or any(p not in PART_IDS for p in parts):
            problems.append(
                f"{_where(name, entry.line_of('parts'), rule_id)}parts 应是部分编号的列表（可用：{'、'.join(PART_IDS)}）"
            )
            ok = False
        else:
            fields["parts"] = tuple(parts)
    for key in ("message", "suggestion"):
        if key in entry:
            if not isinstance(entry[key], str):
                problems.append(f"{_where(name, entry.line_of(key), rule_id)}{key} 应是文字")
                ok = False
            fields[key] = str(entry[key])
    if existing is None and not entry.get("message"):
        problems.append(f"{where}缺少 message（发现问题时显示的说明）")
        ok = False
    if "enabled" in entry:
        if not isinstance(entry["enabled"], bool):
            problems.append(f"{_where(name, entry.line_of('enabled'), rule_id)}enabled 只能是 true 或 false")
            ok = False
        fields["enabled"] = entry["enabled"]
    if not ok:
        return
    params = dict(existing.params or {}) if existing else {}
    params.update({k: _plain(v) for k, v in entry.items() if k in allowed})
    if existing is None:
        rules[rule_id] = RuleSpec(
            id=rule_id,
            kind=kind,
            severity=fields["severity"],
            parts=fields.get("parts", ()),
            message=fields["message"],
            suggestion=fields.get("suggestion", ""),
            params=params,
            enabled=fields.get("enabled", True),
            source=name,
            line=entry.line,
        )
    else:
        rules[rule_id] = replace(existing, **fields, params=params, params_key="", source=name, line=entry.line)


def _plain(value: Any) -> Any:
    """LineDicts to plain dicts, recursively (checkers see ordinary data)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
