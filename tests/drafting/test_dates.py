"""drafting.dates: every date form a report writes, read, written, found and moved."""

from __future__ import annotations

import datetime as dt

import pytest

from drafting.dates import (
    date_numbers,
    default_report_year,
    find_date,
    format_date,
    is_date_line,
    is_iso_date,
    loose_date_numbers,
    move_dates,
    move_years,
    parse_date,
    standard_date,
    year_mentions,
    year_of_numeric_date,
)


@pytest.mark.parametrize(
    ("text", "is_date"),
    [
        ("2024年1月10日", True),
        ("2024年01月10日", True),
        ("2024 年 1 月 10 日", True),
        ("２０２４年１月１０日", True),
        ("2021.12.18", True),
        ("2021．12．18", True),
        ("2021-12-18", True),
        ("2021/12/18", True),
        ("二〇二四年一月十日", True),
        ("二零二一年十二月三十一日", True),
        ("（2021.12.18）", True),
        ("(2024年1月10日)", True),
        ("  2024年1月10日  ", True),
        ("2024年1月", False),
        ("2024", False),
        ("大寺镇 2021.12.18", False),
        ("2024年1月10日召开会议", False),
        ("某某镇人民政府", False),
        ("", False),
    ],
)
def test_is_date_line(text: str, is_date: bool) -> None:
    assert is_date_line(text) is is_date


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("（大寺镇  2021.12.18）", "2021.12.18"),
        ("于2024年1月10日召开", "2024年1月10日"),
        ("2021-12-18印发", "2021-12-18"),
        ("1999年10月1日起施行", "1999年10月1日"),
        ("2024 年 1 月 10 日", "2024 年 1 月 10 日"),
        ("2024年全年", None),
        ("二〇二四年一月十日", None),
        ("1899.1.1", None),
    ],
)
def test_find_date(text: str, found: str | None) -> None:
    match = find_date(text)
    assert (match.group(0) if match else None) == found


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("2024年1月10日", (2024, 1, 10)),
        ("2024年01月10日", (2024, 1, 10)),
        ("2021.12.18", (2021, 12, 18)),
        ("2021-12-18", (2021, 12, 18)),
        ("2021/12/18", (2021, 12, 18)),
        ("2021．12．18", (2021, 12, 18)),
        ("（2021.12.18）", (2021, 12, 18)),
        ("２０２４年１月５日", (2024, 1, 5)),
        (" 2024 年 1 月 10 日 ", (2024, 1, 10)),
        ("2024-03-05", (2024, 3, 5)),
        ("二〇二四年一月十日", (2024, 1, 10)),
        ("二〇二一年十二月三十一日", (2021, 12, 31)),
        ("二零二三年二月二十八日", (2023, 2, 28)),
        ("二○二二年十月一日", (2022, 10, 1)),
        ("二〇二四 年 一 月 十 日", (2024, 1, 10)),
        ("2024年13月40日", (2024, 13, 40)),  # as written: standard_date and parse_date judge them
        ("二〇二四年一一月一日", None),  # 一一 is no numeral
        ("2024年1月", None),
        ("2024年一月十日", None),
        ("某某镇", None),
        ("", None),
    ],
)
def test_date_numbers(text: str, numbers: tuple[int, int, int] | None) -> None:
    assert date_numbers(text) == numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("2021.12.18", (2021, 12, 18)),
        ("2024年01月10日", (2024, 1, 10)),
        ("２０２４年１月５日", (2024, 1, 5)),
        ("2024年12月1日（盖章）", (2024, 12, 1)),
        ("2024年010月5日", (2024, 10, 5)),
        ("24.1.5", None),
        ("2024年1月", None),
        ("二〇二四年一月十日", None),
    ],
)
def test_loose_date_numbers(text: str, numbers: tuple[int, int, int] | None) -> None:
    assert loose_date_numbers(text) == numbers


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024年1月10日", dt.date(2024, 1, 10)),
        ("2021.12.18", dt.date(2021, 12, 18)),
        ("二〇二四年二月二十九日", dt.date(2024, 2, 29)),
        ("2023年2月29日", None),
        ("2024年13月1日", None),
        ("某某镇", None),
    ],
)
def test_parse_date(text: str, day: dt.date | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("numbers", "text"),
    [((2024, 1, 10), "2024年1月10日"), ((2021, 12, 31), "2021年12月31日"), ((2025, 1, 5), "2025年1月5日")],
)
def test_format_date_is_arabic_without_leading_zeros(numbers: tuple[int, int, int], text: str) -> None:
    assert format_date(*numbers) == text


@pytest.mark.parametrize(
    ("text", "loose", "standard"),
    [
        ("2024年01月10日", False, "2024年1月10日"),
        ("2021.12.18", False, "2021年12月18日"),
        ("二〇二四年一月十日", False, "2024年1月10日"),
        ("二〇二一年十二月三十一日", False, "2021年12月31日"),
        ("２０２４年１月５日", False, "2024年1月5日"),
        ("2024年13月40日", False, None),
        ("2024年2月30日", False, "2024年2月30日"),  # month 1-12, day 1-31: not checked against the calendar
        ("某某镇", False, None),
        ("2024年12月1日（盖章）", False, None),
        ("2024年12月1日（盖章）", True, "2024年12月1日"),
        ("二〇二四年一月十日", True, None),
        ("2024.0.5", True, None),
    ],
)
def test_standard_date(text: str, loose: bool, standard: str | None) -> None:
    assert standard_date(text, loose=loose) == standard


@pytest.mark.parametrize(
    ("text", "iso"),
    [("2024-03-05", True), ("2024-3-5", False), ("2024年3月5日", False), ("2024-03-05 ", False)],
)
def test_is_iso_date(text: str, iso: bool) -> None:
    assert is_iso_date(text) is iso


@pytest.mark.parametrize(
    ("text", "delta", "moved"),
    [
        ("2023年1月15日", 1, "2024年1月15日"),
        ("2021.12.18", 2, "2023.12.18"),
        ("（大寺镇  2021.12.18）", 1, "（大寺镇  2022.12.18）"),
        ("二〇二二年一月十日", 1, "二〇二三年一月十日"),
        ("二零二二年十二月", 1, "二〇二三年十二月"),
        ("二〇二九年一月", 1, "二〇三〇年一月"),
        ("2023年1月15日", 0, "2023年1月15日"),
        ("1999年10月1日起施行", 1, None),
        ("2023年全年", 1, None),
        ("某某镇", 1, None),
    ],
)
def test_move_dates(text: str, delta: int, moved: str | None) -> None:
    assert move_dates(text, delta) == moved


@pytest.mark.parametrize(
    ("text", "around", "delta", "moved"),
    [
        ("关于2023年度法治政府建设情况的报告", 2023, 1, "关于2024年度法治政府建设情况的报告"),
        ("2022年、2023年和2024年", 2023, 1, "2023年、2024年和2025年"),
        ("2020年以来", 2023, 1, "2020年以来"),
        ("共20230人", 2023, 1, "共20230人"),
        ("2023年", 2023, 0, "2023年"),
    ],
)
def test_move_years(text: str, around: int, delta: int, moved: str) -> None:
    assert move_years(text, around, delta) == moved


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2023年度法治政府建设情况的报告", [2023]),
        ("1999 年和2024年", [1999, 2024]),
        ("2023全年", []),
        ("〔2021〕4号", []),
    ],
)
def test_year_mentions(text: str, years: list[int]) -> None:
    assert [int(m.group(1)) for m in year_mentions(text)] == years


@pytest.mark.parametrize(
    ("text", "year"),
    [("（大寺镇  2021.12.18）", 2021), ("2022-1", 2022), ("2021年12月18日", None), ("1999.1.1", None)],
)
def test_year_of_numeric_date(text: str, year: int | None) -> None:
    assert year_of_numeric_date(text) == year


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (dt.date(2025, 1, 10), 2024),
        (dt.date(2025, 10, 31), 2024),
        (dt.date(2025, 11, 1), 2025),
        (dt.date(2025, 12, 31), 2025),
    ],
)
def test_default_report_year(today: dt.date, year: int) -> None:
    assert default_report_year(today) == year
