"""The draft file: one human-readable YAML file per report.

Saved atomically (temp file + replace) with the previous version kept as
NAME.bak; loaded with validation. A draft is recognised by its content (the
``format`` key), never by its file name. Chinese stays readable in the file.

The ``settings:`` mapping becomes a DraftSettings: a value of the wrong type
(a hand edit, an old draft) falls back to the default, with a note naming file,
line and setting in Report.load_notes (the CLI and the window show it);
a key this version does not know is kept as read and written back unchanged.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml

from drafting.draft_settings import SETTING_NAMES, DraftSettings, GeneratedRecord
from drafting.errors import StorageError
from drafting.files.atomic import atomic_write_bytes
from drafting.model import (
    PART_IDS,
    XML_INVALID,
    Block,
    Part,
    Report,
    ReportMeta,
    SourceNote,
    describe_invalid,
    xml_safe,
)
from drafting.yamlio import LineDict, YamlSyntaxError, parse_yaml_text

logger = logging.getLogger(__name__)

FORMAT_NAME = "fazhi-report-draft"
FORMAT_VERSION = 1
HEADER = "# 法治政府建设情况报告 草稿（法治报告助手保存；可用文本编辑器查看，修改时请保持格式）\n"
_BLOCK_KEYS = {"p": 0, "h1": 1, "h2": 2, "h3": 3, "h4": 4}
_TOP_KEYS = {"format", "version", "meta", "parts", "facts", "last_year_facts", "last_year", "settings"}
#: Draft files are text; a multi-megabyte one is damaged or not a draft.
MAX_DRAFT_BYTES = 4 * 1024 * 1024


def looks_like_draft(data: bytes) -> bool:
    """True when the bytes start like one of our draft files (whatever the file is called)."""
    head = data[:2048].decode("utf-8", errors="ignore")
    return f"format: {FORMAT_NAME}" in head


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as plain data, in the order it is written to the file."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "meta": {"org": report.meta.org, "year": report.meta.year, "plan": report.meta.plan},
        "parts": [
            {"id": part.id, "blocks": [{_key(b.level): b.text} for b in part.blocks]} for part in report.parts
        ],
        "facts": report.facts,
        "last_year_facts": report.last_year_facts,
        "last_year": report.last_year,
        "settings": settings_to_dict(report.settings),
    }


def settings_to_dict(settings: DraftSettings) -> dict[str, Any]:
    """The settings as the draft file's ``settings:`` mapping: only those set, in the order set."""
    result: dict[str, Any] = {}
    for name in settings.names_to_write():
        if name not in SETTING_NAMES:
            result[name] = settings.extra[name]
        elif name == "generated":
            result[name] = {pid: {"facts": r.facts, "text": r.text} for pid, r in settings.generated.items()}
        else:
            result[name] = getattr(settings, name)
    return result


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


#: What each plain setting must be in the file; anything else falls back to the default.
_SETTING_CHECKS: dict[str, Any] = {
    "plan_id": lambda v: v is None or isinstance(v, str),
    "carried_from_year": lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool)),
    "started_from": lambda v: isinstance(v, str),
    "doc_number": lambda v: isinstance(v, str),
}
#: Settings that are lists of text: a list keeps its text items (as the readers always skipped the others).
_TEXT_LISTS = ("areas", "done", "confirmed_last_year", "import_notes")
#: Settings that map an area id to a list of text (ticked practices, typed practices, cases).
_TEXT_LIST_MAPS = ("practices", "other_practices", "cases")


#: What each setting holds, as the writer knows it (for the note on a value of the wrong type).
_SETTING_LABELS = {
    "plan_id": "所依据的纲要", "areas": "选择的子领域", "generated": "生成记录", "done": "已完成的部分",
    "carried_from_year": "结转自的年度", "structure_confidence": "结构识别的把握",
    "confirmed_last_year": "已确认沿用的段落", "started_from": "起草所依据的文件", "import_notes": "导入说明",
    "doc_number": "发文字号", "practices": "勾选的做法", "other_practices": "其他做法", "cases": "典型事例",
    "shortcomings": "存在的不足",
}


def settings_from_dict(raw: dict[str, Any], name: str = "草稿", notes: list[str] | None = None) -> DraftSettings:
    """The settings read from a draft file's ``settings:`` mapping (see the module docstring).

    notes collects, in Chinese, each value set aside (file, line and setting named).
    """
    settings = DraftSettings()
    found = notes if notes is not None else []

    def set_aside(key: str, what: str) -> None:
        line = raw.key_lines.get(key) if isinstance(raw, LineDict) else None
        where = f"第 {line} 行" if line else ""
        label = _SETTING_LABELS.get(key, "")
        logger.info("draft %s: setting %s set aside: %s", name, key, what)
        found.append(f"草稿“{name}”{where}的设置“{key}”{'（' + label + '）' if label else ''}{what}；"
                     "草稿照常打开，在界面中重新设置并保存即可改正。")

    for key, value in raw.items():
        if key not in SETTING_NAMES:
            settings.extra[key] = value
            settings.order.append(key)
        elif key == "generated":
            records = _generated_records(value, lambda what, key=key: set_aside(key, what))
            if records is not None:
                settings.generated = records
        elif key in _TEXT_LISTS and isinstance(value, list):
            kept = [item for item in value if isinstance(item, str)]
            if len(kept) != len(value):
                set_aside(key, f"中有 {len(value) - len(kept)} 项不是文字，已略去这些项")
            setattr(settings, key, kept)
        elif key == "structure_confidence" and isinstance(value, dict):
            settings.structure_confidence = {k: x for k, x in value.items() if isinstance(k, str) and _is_number(x)}
        elif key in _TEXT_LIST_MAPS and isinstance(value, dict):
            setattr(settings, key, {str(k): [i for i in items if isinstance(i, str)]
                                    for k, items in value.items() if isinstance(items, list)})
        elif key == "shortcomings" and isinstance(value, list):
            settings.shortcomings = [
                {"kind": str(item.get("kind", "")), "cause": str(item.get("cause") or "")}
                for item in value if isinstance(item, dict) and isinstance(item.get("kind"), str)
            ]
        elif key in _SETTING_CHECKS and _SETTING_CHECKS[key](value):
            setattr(settings, key, value)
        else:
            set_aside(key, f"的值“{_short_value(value)}”类型不对，已改用默认值")
    return settings


def _short_value(value: Any, width: int = 20) -> str:
    kinds = {list: "一个列表", dict: "一个映射"}
    text = kinds.get(type(value), str(value)) if not isinstance(value, dict) else "一个映射"
    return text if len(text) <= width else text[:width] + "……"


def _generated_records(value: Any, set_aside: Any) -> dict[str, GeneratedRecord] | None:
    if not isinstance(value, dict):
        set_aside("格式不对（应是各部分的生成记录），已忽略")
        return None
    records = {}
    for part_id, record in value.items():
        if (isinstance(record, dict) and set(record) == {"facts", "text"} and isinstance(record["facts"], dict)
                and isinstance(record["text"], str)):
            records[part_id] = GeneratedRecord(record["facts"], record["text"])
        else:
            set_aside(f"中部分“{part_id}”的生成记录已损坏，已忽略这条记录")
    return records


def _key(level: int) -> str:
    return "p" if level == 0 else f"h{level}"


class _NoAliasDumper(yaml.SafeDumper):
    """Writes a list shared by two places twice: our loader refuses YAML aliases (&id001/*id001)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


# A mapping nested in settings or facts comes back from a loaded draft as a LineDict: write it as a mapping.
_NoAliasDumper.add_representer(LineDict, _NoAliasDumper.represent_dict)


def dump_draft(report: Report) -> bytes:
    body = yaml.dump(
        report_to_dict(report), Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=1000,
        default_flow_style=False,
    )
    return (HEADER + body).encode("utf-8")


def save_draft(report: Report, path: Path) -> None:
    """Save atomically, keeping the previous file as NAME.bak.

    Raises:
        StorageError: the folder is missing or not writable (the old file is intact).
    """
    path = Path(path)
    try:
        atomic_write_bytes(path, dump_draft(report), keep_backup=True)
    except FileNotFoundError:
        raise StorageError(f"无法保存草稿：文件夹“{path.parent}”不存在。请选择一个已有的文件夹。") from None
    except PermissionError:
        raise StorageError(f"无法保存草稿：没有写入“{path.parent}”的权限。请换一个文件夹保存。") from None
    except OSError as exc:
        raise StorageError(f"无法保存草稿“{path.name}”（{exc.strerror}）。原文件未被改动。") from None


def load_draft_bytes(data: bytes, name: str = "草稿") -> Report:
    """Parse a draft file's bytes.

    Raises:
        StorageError: damaged, truncated, hand-edited wrongly, or from a newer version.
    """
    if len(data) > MAX_DRAFT_BYTES:
        raise StorageError(
            f"“{name}”有 {len(data) / 1024 / 1024:.1f} MB，超过草稿文件的上限 {MAX_DRAFT_BYTES // 1024 // 1024} MB"
            "（一份报告的草稿通常不到 200 KB），不像是本软件的草稿文件。请确认选择的文件是否正确。"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StorageError(f"“{name}”已损坏（不是 UTF-8 文本），无法作为草稿打开。可尝试打开同目录下的 .bak 备份。") from None
    try:
        raw = parse_yaml_text(text)
    except YamlSyntaxError as exc:
        raise StorageError(f"草稿“{name}”已损坏：{exc}。可尝试打开同目录下的 .bak 备份。") from None
    removed: list[str] = []
    report = report_from_dict(_without_invalid(raw, removed), name)
    if removed:
        # A hand edit ("\a", "\uD800" in quotes) put in what a .docx cannot hold: left out, and said.
        names = describe_invalid(removed)
        report.source_notes.append(SourceNote("leftover", 1, 1, names, f"删除了草稿中 {len(removed)} 个无法保存到 Word 的"
                                              f"控制字符（{names}）", count=len(removed), label="控制字符"))
    return report


def _without_invalid(value: Any, removed: list[str]) -> Any:
    """The parsed draft with XML-invalid characters taken out of every text (removed collects them)."""
    if isinstance(value, str):
        found = XML_INVALID.findall(value)
        if not found:
            return value
        removed.extend(found)
        return xml_safe(value)
    if isinstance(value, LineDict):
        clean = LineDict((key, _without_invalid(item, removed)) for key, item in value.items())
        clean.line, clean.key_lines = value.line, value.key_lines
        return clean
    if isinstance(value, dict):
        return {key: _without_invalid(item, removed) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_invalid(item, removed) for item in value]
    return value


def report_from_dict(raw: Any, name: str = "草稿") -> Report:
    """Validate and build a Report from the parsed draft data."""

    def damaged(why: str) -> StorageError:
        return StorageError(f"草稿“{name}”内容有误：{why}。可尝试打开同目录下的 .bak 备份。")

    if not isinstance(raw, dict) or raw.get("format") != FORMAT_NAME:
        raise damaged("不是本软件的草稿文件（缺少 format 标记）")
    version = raw.get("version")
    if not isinstance(version, int):
        raise damaged("缺少格式版本号")
    if version > FORMAT_VERSION:
        raise StorageError(
            f"草稿“{name}”由更新版本的软件保存（格式版本 {version}），当前版本只能打开版本 {FORMAT_VERSION}。请升级软件后再打开。"
        )
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        raise damaged(f"有无法识别的项目：{'、'.join(sorted(map(str, unknown)))}")
    meta_raw = raw.get("meta") or {}
    if not isinstance(meta_raw, dict):
        raise damaged("meta 应是映射")
    year = meta_raw.get("year")
    if year is not None and (not isinstance(year, int) or not 1990 <= year <= 2100):
        raise damaged(f"报告年度“{year}”无效")
    meta = ReportMeta(org=_text(meta_raw.get("org"), "单位名称", damaged), year=year,
                      plan=_text(meta_raw.get("plan"), "纲要", damaged))
    parts: list[Part] = []
    parts_raw = raw.get("parts") or []
    if not isinstance(parts_raw, list):
        raise damaged("parts 应是列表")
    for index, entry in enumerate(parts_raw, start=1):
        if not isinstance(entry, dict) or entry.get("id") not in PART_IDS:
            raise damaged(f"第 {index} 个部分的编号无效")
        blocks: list[Block] = []
        for block_raw in entry.get("blocks") or []:
            if not isinstance(block_raw, dict) or len(block_raw) != 1:
                raise damaged(f"部分“{entry['id']}”中有无效的段落")
            ((key, value),) = block_raw.items()
            if key not in _BLOCK_KEYS or not isinstance(value, str):
                raise damaged(f"部分“{entry['id']}”中有无效的段落“{key}”")
            blocks.append(Block(value, _BLOCK_KEYS[key]))
        parts.append(Part(entry["id"], blocks))
    facts = raw.get("facts") or {}
    last_year = raw.get("last_year") or {}
    settings = raw.get("settings") or {}
    last_year_facts = raw.get("last_year_facts") or {}
    for label, value in (("facts", facts), ("last_year_facts", last_year_facts), ("last_year", last_year), ("settings", settings)):
        if not isinstance(value, dict):
            raise damaged(f"{label} 应是映射")
    notes: list[str] = []
    return Report(
        meta=meta,
        parts=parts,
        facts=dict(facts),
        last_year_facts=dict(last_year_facts),
        last_year=dict(last_year),
        settings=settings_from_dict(settings, name, notes),
        load_notes=notes,
    )


def _text(value: Any, label: str, damaged: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise damaged(f"{label}应是文字")
    return value
