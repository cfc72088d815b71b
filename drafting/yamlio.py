"""Safe, strict YAML reading for every data file the app loads.

Always ``yaml.SafeLoader`` (no python/object tags), aliases refused (no
"billion laughs"), a size cap, and mappings that remember the line of each
key so a loader can say "第 12 行：未知的键 foo". Nothing here knows what a
particular file means; outline.py, checklist loading etc. validate content.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import yaml

#: Data files are hand-written; anything bigger is a mistake or an attack.
MAX_YAML_BYTES = 2 * 1024 * 1024


class LineDict(dict):
    """A dict from YAML that knows the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class YamlSyntaxError(Exception):
    """Raised with a Chinese message naming the line; callers wrap it with the file name."""


class _StrictLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlSyntaxError(f"第 {event.start_mark.line + 1} 行：不支持 YAML 别名（*{event.anchor}），请直接写出内容")
        return super().compose_node(parent, index)


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool | None):
            raise YamlSyntaxError(f"第 {key_node.start_mark.line + 1} 行：键应是文字或数字，不能是列表或映射")
        if key in result:
            raise YamlSyntaxError(f"第 {key_node.start_mark.line + 1} 行：键“{key}”重复出现")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


#: Longest integer a data file may hold (a count or a year never needs more digits).
MAX_INT_DIGITS = 30


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    digits = len(str(node.value).lstrip("+-").replace("_", ""))
    if digits > MAX_INT_DIGITS:
        raise YamlSyntaxError(f"第 {node.start_mark.line + 1} 行：数字有 {digits} 位，过长（最多 {MAX_INT_DIGITS} 位），请检查是否输错")
    try:
        return loader.construct_yaml_int(node)
    except ValueError:
        raise YamlSyntaxError(f"第 {node.start_mark.line + 1} 行：无法读取的数字“{node.value}”") from None


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    # Dates stay text as written (2024-03-05): no loader expects a date object, and an
    # impossible date such as 2024-13-45 must not fail inside PyYAML.
    return str(loader.construct_scalar(node))


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def parse_yaml_text(text: str) -> Any:
    """Parse YAML text strictly.

    Raises:
        YamlSyntaxError: with a Chinese message that names the line.
    """
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - _StrictLoader is a SafeLoader
    except YamlSyntaxError:
        raise
    except yaml.MarkedYAMLError as exc:
        # The context mark is where the broken construct began (an unclosed bracket),
        # which is where a person should look; the problem mark is where parsing gave up.
        start, stop = exc.context_mark, exc.problem_mark
        if start and stop and start.line != stop.line:
            where = f"第 {start.line + 1} 行（至第 {stop.line + 1} 行）"
        elif start or stop:
            where = f"第 {(start or stop).line + 1} 行"
        else:
            where = "某处"
        if exc.problem and "could not determine a constructor" in str(exc.problem):
            raise YamlSyntaxError(f"{where}：含有不允许的标签（如 !!python/object），请删除") from None
        raise YamlSyntaxError(f"{where}：YAML 格式错误（{exc.problem or exc}）") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"YAML 格式错误（{exc}）") from None
    except RecursionError:
        raise YamlSyntaxError("嵌套层数过深，无法读取") from None
    except (ValueError, TypeError, OverflowError) as exc:  # a scalar PyYAML cannot build (an odd float, binary...)
        raise YamlSyntaxError(f"某处：无法读取的值（{exc}），请检查文件内容") from None


def read_yaml_file(path: Path) -> Any:
    """Read and parse one YAML data file.

    Raises:
        YamlSyntaxError: unreadable, too large, not UTF-8 or not valid YAML.
    """
    try:
        # Not opened unless it is a plain file: a FIFO would block, /dev/zero would never end.
        if not stat.S_ISREG(path.stat().st_mode):
            raise YamlSyntaxError("不是普通文件（可能是文件夹、设备或管道），请指定一个 .yml 文本文件")
        with path.open("rb") as handle:
            raw = handle.read(MAX_YAML_BYTES + 1)
        if len(raw) > MAX_YAML_BYTES:
            raise YamlSyntaxError(f"文件过大，数据文件不应超过 {MAX_YAML_BYTES // 1024} KB")
        text = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise YamlSyntaxError("找不到该文件") from None
    except UnicodeDecodeError:
        raise YamlSyntaxError("不是 UTF-8 编码的文本，请用 UTF-8 编码另存") from None
    except OSError as exc:
        raise YamlSyntaxError(f"无法读取（{exc.strerror}）") from None
    return parse_yaml_text(text)


def check_keys(
    mapping: Any, allowed: set[str], required: set[str], where: str, problems: list[str]
) -> bool:
    """Append a problem for each unknown or missing key; False if mapping is not a dict."""
    if not isinstance(mapping, dict):
        problems.append(f"{where}应是“键: 值”的映射")
        return False
    line_of = mapping.line_of if isinstance(mapping, LineDict) else (lambda _k: 0)
    for key in mapping:
        if key not in allowed:
            choices = "、".join(sorted(allowed))
            problems.append(f"第 {line_of(key)} 行：{where}有未知的键“{key}”（可用的键：{choices}）")
    for key in sorted(required - set(mapping)):
        line = mapping.line if isinstance(mapping, LineDict) else 0
        problems.append(f"第 {line} 行：{where}缺少必需的键“{key}”")
    return True


def load_data_file(
    path: Path, *, keys: set[str], required: set[str], label: str, version: int
) -> tuple[LineDict, list[str]]:
    """Read one versioned data file (outline, plans, facts ...) and check its top level.

    Returns the mapping and the problems found so far; the caller validates the
    entries, appends its own problems and raises DataFileError once with all of them.

    Raises:
        DataFileError: the file cannot be read or parsed, or its top level is not a mapping.
    """
    from drafting.errors import DataFileError

    try:
        data = read_yaml_file(path)
    except YamlSyntaxError as exc:
        raise DataFileError(str(path), [str(exc)]) from None
    problems: list[str] = []
    if not check_keys(data, keys, required, label, problems):
        raise DataFileError(str(path), problems)
    if data.get("version") != version:
        problems.append(f"第 {data.line_of('version')} 行：version 应为 {version}，实际为 {data.get('version')!r}")
    return data, problems
