"""Dates of 公文: every form a report writes them in, read, written and moved, in one place.

A report's 成文日期 is written the GB/T 9704 way, 2024年1月10日 (Arabic
numerals, no leading zeros), but real reports also write 2021.12.18,
2021-12-18, 二〇二四年一月十日, sometimes in brackets under the title. This
module recognises a line that is only a date (is_date_line), a date inside
text (find_date), reads a date's numbers (date_numbers, loose_date_numbers,
parse_date), writes one (format_date, standard_date), moves the years of a
carried-over draft (move_dates, move_years), finds the years a text names
(year_mentions, year_of_numeric_date) and says which report year a writer
most likely means to start today (default_report_year). Chinese numerals are
converted by drafting.numbering.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from drafting.numbering import chinese_digits, chinese_small_number, to_chinese_digits

#: From this month on, the year under way is the one being reported on.
DRAFTING_STARTS_IN_MONTH = 11

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_YEAR = r"[〇零○Ｏ一二三四五六七八九]{4}"

#: A line that is only a date: 2024年1月10日, 2021.12.18, 2021-12-18, 二〇二四年一月十日, （2021.12.18）.
_DATE_LINE = re.compile(
    rf"^[（(]?\s*(?:\d{{4}}|{_CN_YEAR})\s*"
    r"(?:年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日"
    r"|[.．/\-]\s*\d{1,2}\s*[.．/\-]\s*\d{1,2})\s*[）)]?$"
)
#: What follows the year of an Arabic date inside text: 年1月10日, .12.18, -12-18.
_DATE_TAIL = r"\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[.．/\-]\s*\d{1,2}\s*[.．/\-]\s*\d{1,2})"
#: An Arabic date inside text, of the last century or this one.
_DATE_IN_TEXT = re.compile(rf"(?:19|20)\d{{2}}{_DATE_TAIL}")
#: A date of this century inside text (group 1: the year, group 2: the rest), the kind a draft moves.
_REPORT_DATE_IN_TEXT = re.compile(rf"(20\d{{2}})({_DATE_TAIL})")
#: A year and month in Chinese numerals inside text: 二〇二二年一月 (group 1: the year).
_CN_YEAR_MONTH_IN_TEXT = re.compile(rf"({_CN_YEAR})(\s*年\s*[一二三四五六七八九十]{{1,2}}\s*月)")
#: A date written alone in Arabic numerals, perhaps in brackets (digits already half-width).
_NUMERIC_DATE = re.compile(r"^[（(]?\s*(\d{4})\s*(?:年|[.．/\-])\s*(\d{1,2})\s*(?:月|[.．/\-])\s*(\d{1,2})\s*日?\s*[）)]?$")
#: A date written alone in Chinese numerals: 二〇二四年一月十日.
_CHINESE_DATE = re.compile(rf"^({_CN_YEAR})年([一二三四五六七八九十]{{1,2}})月([一二三四五六七八九十]{{1,3}})日$")
#: A year of this century standing alone (not part of a longer number).
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
#: A year named as such: 2021年 (group 1: the year).
_YEAR_MENTION = re.compile(r"((?:19|20)\d{2})\s*年")
#: The year and month of a date like 2021.12.18 or 2021-12 (group 1: the year).
_NUMERIC_YEAR_MONTH = re.compile(r"(20\d{2})[.．/\-]\d{1,2}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_date_line(text: str) -> bool:
    """True for a line that is only a date (2024年1月10日, 2021.12.18, 二〇二四年一月十日)."""
    return bool(_DATE_LINE.match(text.strip()))


def find_date(text: str) -> re.Match[str] | None:
    """The first Arabic date inside text (2021.12.18, 2024年1月10日, 19xx or 20xx), or None."""
    return _DATE_IN_TEXT.search(text)


def date_numbers(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of a date written alone, or None when text is no such date.

    Read: 2024年1月10日, 2024年01月10日, 2021.12.18, 2021-12-18, 2021/12/18, with
    full-width digits, spaces, or in brackets; and 二〇二四年一月十日. The numbers
    are as written: a month of 13 is returned (see standard_date, parse_date).
    """
    plain = text.translate(_FULLWIDTH_DIGITS).strip()
    match = _NUMERIC_DATE.match(plain)
    if match:
        year, month, day = (int(group) for group in match.groups())
        return year, month, day
    match = _CHINESE_DATE.match(plain.replace(" ", ""))
    if not match:
        return None
    month_value, day_value = chinese_small_number(match.group(2)), chinese_small_number(match.group(3))
    if month_value is None or day_value is None:
        return None
    return chinese_digits(match.group(1)), month_value, day_value


def loose_date_numbers(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of whatever holds an Arabic date, however separated.

    The text's numbers must be exactly three, the first of four digits
    (2021.12.18, 2024年01月10日, 2024 年 1 月 10 日); the checklist reads the
    成文日期 the writer typed this way. Chinese numerals give None.
    """
    numbers = re.findall(r"\d+", text.translate(_FULLWIDTH_DIGITS))
    if len(numbers) != 3 or len(numbers[0]) != 4:
        return None
    year, month, day = (int(number) for number in numbers)
    return year, month, day


def parse_date(text: str) -> _dt.date | None:
    """The day a date written alone names (any form date_numbers reads), None if no such day."""
    numbers = date_numbers(text)
    if numbers is None:
        return None
    try:
        return _dt.date(*numbers)
    except ValueError:
        return None


def format_date(year: int, month: int, day: int) -> str:
    """A date as GB/T 9704 writes it: 2024年1月10日 (Arabic numerals, no leading zeros)."""
    return f"{year}年{month}月{day}日"


def standard_date(text: str, *, loose: bool = False) -> str | None:
    """The date in text written the GB/T 9704 way (2021.12.18 → 2021年12月18日).

    None when text is not a date (read by date_numbers, or loose_date_numbers
    when loose) with a month 1-12 and a day 1-31.
    """
    numbers = loose_date_numbers(text) if loose else date_numbers(text)
    if numbers is None:
        return None
    year, month, day = numbers
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return format_date(year, month, day)


def is_iso_date(text: str) -> bool:
    """True for a date stored as ISO text, 2024-03-05 (how a draft file keeps date facts)."""
    return bool(_ISO_DATE.match(text))


def move_dates(text: str, delta: int) -> str | None:
    """Every date in text moved by delta years, or None when text holds no date to move.

    The dates moved are Arabic ones of this century (2022年1月5日, 2022.1.5) and
    Chinese ones of a year and month (二〇二二年一月); a date of the 1900s is
    history cited, not a date of the report.
    """
    if not (_REPORT_DATE_IN_TEXT.search(text) or _CN_YEAR_MONTH_IN_TEXT.search(text)):
        return None
    moved = _REPORT_DATE_IN_TEXT.sub(lambda m: f"{int(m.group(1)) + delta}{m.group(2)}", text)
    return _CN_YEAR_MONTH_IN_TEXT.sub(lambda m: to_chinese_digits(chinese_digits(m.group(1)) + delta) + m.group(2),
                                      moved)


def move_years(text: str, around: int, delta: int) -> str:
    """Years next to ``around`` (the year before, the year, the next year) moved by delta, all at once."""
    return _YEAR.sub(lambda m: str(int(m.group(1)) + delta) if abs(int(m.group(1)) - around) <= 1 else m.group(1),
                     text)


def year_mentions(text: str) -> Iterator[re.Match[str]]:
    """Each year text names as such, "2021年" (19xx or 20xx; group 1 is the year)."""
    return _YEAR_MENTION.finditer(text)


def year_of_numeric_date(text: str) -> int | None:
    """The year of the first date like 2021.12.18 or 2021-12 in text, or None."""
    match = _NUMERIC_YEAR_MONTH.search(text)
    return int(match.group(1)) if match else None


def default_report_year(today: _dt.date | None = None) -> int:
    """The report year to offer on 新建报告: this year from November, else last year.

    The report on year Y is written from late in Y (offices start drafting in
    November and December) until it is due in the first months of Y + 1.
    """
    today = today or _dt.date.today()
    return today.year if today.month >= DRAFTING_STARTS_IN_MONTH else today.year - 1
