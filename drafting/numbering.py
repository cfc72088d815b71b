"""Heading numbering and Chinese numerals of 公文: the one home of both.

GB/T 9704 numbers headings 一、 → （一） → 1. → （1）. Real reports also use
"1、", "一." or half-width brackets; those are recognised too so that the
reader finds the heading and the checklist can say what is wrong with it.
Here too: the level each heading stands at (infer_levels), where a run-in
heading ends (split_run_in), and every conversion between Chinese and Arabic
numerals (十二 ↔ 12, 二〇二四 ↔ 2024).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

CN_DIGITS = "零〇一二三四五六七八九十百"
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
#: Digit by digit, as years are written (二〇二四): 〇 for 0, the way GB/T 9704 documents write it.
_CN_DIGIT_CHARS = "〇一二三四五六七八九"
#: The other ways a zero is typed in a year: 零, the circle ○, a full-width or Latin letter O.
_CN_ZEROS = "零○ＯO"
#: 一 .. 九十九 written the usual way: 七, 十, 十二, 二十, 二十一 (and 一十, 一十二).
_CN_SMALL_NUMBER = re.compile(r"(?:[一二三四五六七八九]?十)?[一二三四五六七八九]?")

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


def chinese_small_number(text: str) -> int | None:
    """Value of a well-formed Chinese numeral below 100 (七 → 7, 十二 → 12), None for anything else.

    Unlike chinese_number it rejects digits run together ("一一", "十十"), which are no numeral.
    """
    if not text or not _CN_SMALL_NUMBER.fullmatch(text):
        return None
    return chinese_number(text)


def chinese_digits(text: str) -> int:
    """Value of Chinese digits read one by one, as a year is written: 二〇二四 → 2024 (零 ○ Ｏ are 0 too)."""
    if not text:
        raise ValueError("empty numeral")
    value = 0
    for char in text:
        if char in _CN_ZEROS:
            digit = 0
        elif char in _CN_DIGIT_CHARS:
            digit = _CN_DIGIT_CHARS.index(char)
        else:
            raise ValueError(text)
        value = value * 10 + digit
    return value


def to_chinese_digits(value: int) -> str:
    """A number written digit by digit in Chinese, as a year is: 2024 → 二〇二四."""
    return "".join(_CN_DIGIT_CHARS[int(digit)] for digit in str(value))


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


def split_run_in(text: str) -> tuple[str, str]:
    """A run-in heading's own words, up to and with its first 。, and the text after them.

    "（一）加强组织领导。镇党委……" → ("（一）加强组织领导。", "镇党委……"). Without a 。 the
    whole text is the heading and the rest is "".
    """
    end = text.find("。")
    if end < 0:
        return text, ""
    return text[: end + 1], text[end + 1 :]


#: A line no longer than this, without sentence punctuation, may be a part heading whose number was lost.
_BARE_HEADING_MAX = 40
_SENTENCE_PUNCT = re.compile(r"[。；;！!？?：:，,]")


def infer_levels(
    texts: Sequence[str],
    part_for_heading: Callable[[str], str | None],
    *,
    preset_levels: Sequence[int | None] | None = None,
    bare_headings: bool = False,
) -> list[int]:
    """Level of each paragraph: 0 for body text, 1-4 for headings.

    A preset level (a .docx heading style) is kept. Standard numbering gives its
    GB/T 9704 level. A wrong form ("1、", "一.") is level 1 when its wording
    names a statutory part (part_for_heading, the outline's lookup, says which),
    and otherwise one level below the nearest heading of another style (so "1、"
    under "（一）" is level 3, where "1." belongs). bare_headings (a whole report,
    not one part's editor): when no part heading is numbered, the lines naming a
    part are its headings.
    """
    presets = list(preset_levels) if preset_levels is not None else [None] * len(texts)
    levels: list[int] = []
    last_level_by_style: list[tuple[str, int]] = []
    for text, preset in zip(texts, presets, strict=True):
        if preset is not None:
            levels.append(preset)
            continue
        numbering = parse_numbering(text)
        if numbering is None:
            levels.append(0)
            continue
        level = numbering.standard_level
        if level is None:
            if part_for_heading(text) is not None and len(text) <= 40:
                level = 1
            else:
                context = next((lv for st, lv in reversed(last_level_by_style) if st != numbering.style), 0)
                level = min(context + 1, 4)
        levels.append(level)
        last_level_by_style.append((numbering.style, level))
    if bare_headings and 1 not in levels:
        # Numbering lost on the way (Word's automatic 一、 pasted to a web page): with no numbered
        # part heading anywhere, a short line without sentence punctuation that names a statutory
        # part is its heading.
        for index, text in enumerate(texts):
            if (levels[index] == 0 and presets[index] is None and _looks_like_bare_heading(text)
                    and part_for_heading(text) is not None):
                levels[index] = 1
    return levels


def _looks_like_bare_heading(text: str) -> bool:
    # Starting with a character or a year: "**二、…**" is an editing leftover around a numbered heading.
    return (len(text) <= _BARE_HEADING_MAX and not _SENTENCE_PUNCT.search(text)
            and re.match(r"[\u4e00-\u9fff0-9]", text) is not None)
