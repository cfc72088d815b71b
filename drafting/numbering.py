"""Heading numbering of 公文: recognise "一、", "（一）", "1.", "（1）" and wrong forms.

GB/T 9704 numbers headings 一、 → （一） → 1. → （1）. Real reports also use
"1、", "一." or half-width brackets; those are recognised too so that the
reader finds the heading and the checklist can say what is wrong with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "零〇一二三四五六七八九十百"
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

#: Numbering styles and the level each stands for in GB/T 9704 (None: not a standard form).
STANDARD_LEVEL = {"cn_dun": 1, "cn_paren": 2, "ar_dot": 3, "ar_paren": 4}

#: The standard form of each level, for messages and fixes.
LEVEL_EXAMPLE = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 一、  二、 (also with a stray space after the 、)
    ("cn_dun", re.compile(r"([一二三四五六七八九十]{1,3})\s*、\s*")),
    # （一） (一) ( 一 )
    ("cn_paren", re.compile(r"[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*")),
    # （1） (1) （１）
    ("ar_paren", re.compile(r"[（(]\s*([0-9０-９]{1,2})\s*[）)]\s*")),
    # 1. 1． １． (not 1.5 or 2021.12.18)
    ("ar_dot", re.compile(r"([0-9０-９]{1,2})\s*[.．](?![0-9０-９])\s*")),
    # 1、 (the common wrong form)
    ("ar_dun", re.compile(r"([0-9０-９]{1,2})\s*、\s*")),
    # 一. 一． (wrong form of 一、)
    ("cn_dot", re.compile(r"([一二三四五六七八九十]{1,3})\s*[.．]\s*")),
]

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class Numbering:
    """The numbering prefix found at the start of a line.

    Attributes:
        style: one of cn_dun, cn_paren, ar_paren, ar_dot, ar_dun, cn_dot.
        number: the number's value (1 for 一 or 1).
        prefix: the prefix exactly as written, trailing spaces included.
    """

    style: str
    number: int
    prefix: str

    @property
    def standard_level(self) -> int | None:
        return STANDARD_LEVEL.get(self.style)

    @property
    def is_fullwidth_ok(self) -> bool:
        """False when a bracket or dot has the wrong width (half-width （ ）, full-width ．)."""
        if self.style in ("cn_paren", "ar_paren"):
            return "(" not in self.prefix and ")" not in self.prefix
        if self.style == "ar_dot":
            return "．" not in self.prefix and not re.search(r"[０-９]", self.prefix)
        return True


def chinese_number(text: str) -> int:
    """Value of a Chinese numeral up to 999 (一 → 1, 十二 → 12, 二十 → 20)."""
    if not text:
        raise ValueError("empty numeral")
    total = 0
    current = 0
    for char in text:
        if char in _CN_VALUES:
            current = _CN_VALUES[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise ValueError(text)
    return total + current


def to_chinese_number(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1..99)."""
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, ones = divmod(value, 10)
    head = "" if tens == 1 else digits[tens]
    return head + "十" + (digits[ones] if ones else "")


def parse_numbering(text: str) -> Numbering | None:
    """The numbering prefix at the start of text, or None.

    A prefix followed by nothing is not a heading number.
    """
    for style, pattern in _PATTERNS:
        match = pattern.match(text)
        if not match or match.end() >= len(text):
            continue
        raw = match.group(1)
        if style.startswith("cn"):
            try:
                number = chinese_number(raw)
            except ValueError:
                continue
        else:
            number = int(raw.translate(_FULLWIDTH_DIGITS))
        return Numbering(style, number, match.group(0))
    return None


def standard_prefix(level: int, number: int) -> str:
    """The GB/T 9704 prefix for a heading of this level and number."""
    if level == 1:
        return f"{to_chinese_number(number)}、"
    if level == 2:
        return f"（{to_chinese_number(number)}）"
    if level == 3:
        return f"{number}."
    return f"（{number}）"
