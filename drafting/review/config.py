"""templates/review.yml, validated: what counts as a typical case, how names are masked before
paragraphs are compared, and the thresholds of the county review.

A county office may copy the file and adapt it; unknown keys are refused with their line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting import paths
from drafting.errors import DataFileError
from drafting.yamlio import load_data_file

FORMAT_VERSION = 1
_KEYS = {"version", "example_markers", "place_suffixes", "place_name_chars", "shingle", "min_chars",
         "copy_threshold", "error_alert", "share_alert"}


@dataclass(frozen=True)
class ReviewConfig:
    """The review's data.

    Attributes:
        example_markers: words that make a paragraph a 典型事例.
        place_suffixes: endings of place names masked before comparing (镇, 乡, 街道, 村, 社区).
        place_name_chars: how many characters before such an ending belong to the name.
        shingle: characters per fingerprint piece.
        min_chars: masked paragraphs shorter than this are not compared.
        copy_threshold: 0-1; masked paragraphs this alike are shared.
        error_alert, share_alert: where the summary's colours start.
    """

    example_markers: tuple[str, ...]
    place_suffixes: tuple[str, ...]
    place_name_chars: int = 3
    shingle: int = 5
    min_chars: int = 40
    copy_threshold: float = 0.85
    error_alert: int = 3
    share_alert: float = 0.3

    @functools.cached_property
    def example_pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, self.example_markers)))

    @functools.cached_property
    def place_pattern(self) -> re.Pattern[str]:
        endings = "|".join(map(re.escape, sorted(self.place_suffixes, key=len, reverse=True)))
        return re.compile(f"[\u4e00-\u9fff]{{1,{self.place_name_chars}}}?(?:{endings})")

    def is_example(self, text: str) -> bool:
        return self.example_pattern.search(text) is not None


def load_review_config(path: Path | None = None) -> ReviewConfig:
    """Read and validate review.yml (the shipped one by default).

    Raises:
        DataFileError: naming every problem with its line.
    """
    path = path or paths.templates_dir() / "review.yml"
    data, problems = load_data_file(path, keys=_KEYS, required=_KEYS, label="审阅数据文件", version=FORMAT_VERSION)
    for key in ("example_markers", "place_suffixes"):
        if not _words(data.get(key)):
            problems.append(f"第 {data.line_of(key)} 行：{key} 应是非空的词语列表")
    ranges = {"place_name_chars": (1, 10), "shingle": (2, 12), "min_chars": (5, 500), "error_alert": (1, 1000)}
    for key, (low, high) in ranges.items():
        value = data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            problems.append(f"第 {data.line_of(key)} 行：{key} 应是 {low}～{high} 的整数")
    for key in ("copy_threshold", "share_alert"):
        value = data.get(key)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 < value <= 1:
            problems.append(f"第 {data.line_of(key)} 行：{key} 应是 0～1 之间的数")
    if problems:
        raise DataFileError(str(path), problems)
    return ReviewConfig(
        example_markers=tuple(data["example_markers"]),
        place_suffixes=tuple(data["place_suffixes"]),
        place_name_chars=data["place_name_chars"],
        shingle=data["shingle"],
        min_chars=data["min_chars"],
        copy_threshold=float(data["copy_threshold"]),
        error_alert=data["error_alert"],
        share_alert=float(data["share_alert"]),
    )


def _words(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v for v in value)


@functools.cache
def default_review_config() -> ReviewConfig:
    """The shipped review.yml, loaded once."""
    return load_review_config()
