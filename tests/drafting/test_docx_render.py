"""The exported Word files as LibreOffice lays them out: 22 lines of 28 characters, page numbers.

Each sample (and one synthetic long report with a signature block) is exported,
converted to PDF once per module with drafting.files.libreoffice, and measured from
the character positions pdfminer.six extracts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from drafting.export.pdf import docx_to_pdf
from drafting.export.writer import write_docx
from drafting.reading.text_reader import parse_text_report, read_text_report
from tests.conftest import (
    REPORT_NAMES,
    REQUIRE_SHARED,
    SAMPLES_DIR,
    STAND_IN_NAMES,
    report_path,
    require_soffice,
)

pytestmark = pytest.mark.render

PT_PER_MM = 72 / 25.4
LEFT = 28 * PT_PER_MM
RIGHT = (210 - 26) * PT_PER_MM
TOP = 37 * PT_PER_MM
BOTTOM = (297 - 35) * PT_PER_MM  # from the top of the page
PITCH = 28.95
CHAR = (RIGHT - LEFT) / 28
_CJK = re.compile(r"^[\u4e00-\u9fff\u3001-\u303f\uff01-\uff5e]+$")
_IDEOGRAPHS = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff\u3001-\u303f\uff01-\uff5e]")

PARAGRAPH = (
    "坚持以习近平法治思想为引领，深入推进依法行政，加快建设法治政府，全面提升政府工作法治化水平，"
    "为经济社会高质量发展提供有力法治保障。"
)


def _synthetic_text() -> str:
    lines = ["某某县某某镇人民政府关于2023年度法治政府建设情况的报告", "", "县委、县政府：", PARAGRAPH, "一、主要举措和成效"]
    for number in "一二三四":
        lines.append(f"（{number}）强化组织领导，压实工作责任。" + PARAGRAPH * 2)
        lines += [PARAGRAPH * 3, PARAGRAPH * 2]
    lines += ["二、存在的不足和原因", PARAGRAPH * 3, "三、下一年度推进法治政府建设的主要安排", PARAGRAPH * 4]
    lines += ["某某县某某镇人民政府", "2024年1月10日"]
    return "\n".join(lines)


def _tight_text() -> str:
    """A one-page report whose body ends on line 20: the blank line and the signature fill the page
    and, left alone, the date would stand by itself on page 2."""
    one_line = ("依法行政" * 7)[:25] + "。"  # with the 2-character indent, exactly one line
    lines = ["某某镇人民政府关于2023年度法治政府建设情况的报告", "", "县委、县政府：", "一、主要举措和成效"]
    lines += [one_line] * 16
    lines += ["", "某某镇人民政府", "2024年1月10日"]
    return "\n".join(lines)


def _long_last_text() -> str:
    """A report whose last paragraph (12 lines) starts low on page 2: moved whole with the signature,
    it would leave page 2 with 18 of its 22 lines."""
    one_line = ("依法行政" * 7)[:25] + "。"
    lines = ["某某镇人民政府关于2023年度法治政府建设情况的报告", "", "县委、县政府：", "一、主要举措和成效"]
    lines += [one_line] * 35
    lines += [("坚持依法行政" * 60)[: 28 * 12 - 4] + "。"]
    lines += ["", "某某镇人民政府", "2024年1月10日"]
    return "\n".join(lines)


@dataclass
class Line:
    top: float  # baseline-ish position from the top of the page (pdfminer's y0, flipped)
    x0: float
    x1: float
    chars: list  # pdfminer LTChar objects, left to right

    @property
    def text(self) -> str:
        return "".join(c.get_text() for c in self.chars)


@dataclass
class Page:
    number: int
    lines: list[Line]  # inside the text block
    footer: list[Line]  # below it


def _chars(item):  # type: ignore[no-untyped-def]
    from pdfminer.layout import LTChar

    for child in item:
        if isinstance(child, LTChar):
            yield child
        elif hasattr(child, "__iter__"):
            yield from _chars(child)


def _read_pdf(path: Path) -> list[Page]:
    from pdfminer.high_level import extract_pages

    pages = []
    for number, layout in enumerate(extract_pages(str(path)), start=1):
        chars = sorted((c for c in _chars(layout) if c.get_text().strip()), key=lambda c: -c.y0)
        groups: list[list] = []
        for char in chars:
            if groups and abs(groups[-1][0].y0 - char.y0) < 4:
                groups[-1].append(char)
            else:
                groups.append([char])
        lines = []
        for group in groups:
            group.sort(key=lambda c: c.x0)
            lines.append(Line(layout.height - group[0].y0, group[0].x0, group[-1].x1, group))
        pages.append(
            Page(number, [ln for ln in lines if ln.top <= BOTTOM + 2], [ln for ln in lines if ln.top > BOTTOM + 2])
        )
    return pages


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:
    require_soffice()
    folder = tmp_path_factory.mktemp("render")
    # The real samples where the shared folder is (always in CI); the stand-ins everywhere.
    reports = {name: read_text_report(report_path(name)) for name in available_reports()}
    reports["synthetic"] = parse_text_report(_synthetic_text())
    reports["tight"] = parse_text_report(_tight_text())
    reports["long_last"] = parse_text_report(_long_last_text())
    result = {}
    for name, report in reports.items():
        target = folder / f"{name}.docx"
        write_docx(report, target)
        result[name] = _read_pdf(docx_to_pdf(target, folder, timeout=180))
    return result


DOCUMENTS = (*REPORT_NAMES, "synthetic", "long_last")


def pages_of(rendered: dict[str, list[Page]], name: str) -> list[Page]:
    if name not in rendered:
        report_path(name)  # a real sample that is not here: skip, or fail in CI
    return rendered[name]


def available_reports() -> list[str]:
    return [name for name in REPORT_NAMES
            if name in STAND_IN_NAMES or REQUIRE_SHARED or (SAMPLES_DIR / f"{name}.txt").is_file()]


def test_synthetic_report_has_even_pages(rendered) -> None:  # type: ignore[no-untyped-def]
    assert len(rendered["synthetic"]) >= 3


@pytest.mark.parametrize("name", DOCUMENTS)
def test_full_pages_have_22_lines_on_the_grid(rendered, name: str) -> None:  # type: ignore[no-untyped-def]
    pages = pages_of(rendered, name)
    assert len(pages) >= 2
    first_top = pages[0].lines[0].top
    assert TOP < first_top < TOP + PITCH + 2
    for page in pages[:-1]:
        slots = [(line.top - first_top) / PITCH for line in page.lines]
        assert all(abs(s - round(s)) < 0.05 for s in slots), (name, page.number, slots)
        assert round(slots[0]) == 0, (name, page.number)
        assert round(slots[-1]) == 21, (name, page.number, len(slots))  # the 22nd line is used
        blank_lines = 1 if page.number == 1 else 0  # the empty line under the title
        assert len(page.lines) == 22 - blank_lines, (name, page.number, [ln.text[:8] for ln in page.lines])


@pytest.mark.parametrize("name", DOCUMENTS)
def test_full_cjk_lines_hold_28_characters(rendered, name: str) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    lines = [line for page in pages_of(rendered, name) for line in page.lines]
    for line, following in zip(lines, lines[1:], strict=False):
        # Only lines inside a paragraph (the next line carries on at the margin) whose break
        # was free: a next line opening with digits, Latin or an opening bracket was pushed
        # down whole ("100%", "〔2021〕"), which leaves the line short in Word too.
        continues = following.x0 < LEFT + 3 and _IDEOGRAPHS.match(following.text[:2])
        if line.x0 > LEFT + 3 or not continues or not _CJK.match(line.text):
            continue
        # Punctuation hanging into the margin is not one of the 28.
        inside = [c for c in line.chars if c.x1 <= RIGHT + 2]
        assert len(inside) == 28, (name, line.text)
        checked += 1
    assert checked >= 10, name


@pytest.mark.parametrize("name", DOCUMENTS)
def test_page_numbers_right_on_odd_and_left_on_even_pages(rendered, name: str) -> None:  # type: ignore[no-untyped-def]
    pages = pages_of(rendered, name)
    assert any(page.number % 2 == 0 for page in pages)
    for page in pages:
        assert len(page.footer) == 1, (name, page.number)
        footer = page.footer[0]
        assert footer.text.replace(" ", "") == f"—{page.number}—"
        if page.number % 2:
            assert abs(footer.x1 - (RIGHT - 14)) < 4, (name, page.number, footer.x1)
        else:
            assert abs(footer.x0 - (LEFT + 14)) < 4, (name, page.number, footer.x0)
        dash = footer.chars[0]
        centre = page_height_from_top(dash)
        assert 4 * PT_PER_MM < centre - BOTTOM < 10 * PT_PER_MM, (name, page.number, (centre - BOTTOM) / PT_PER_MM)


def page_height_from_top(char) -> float:  # type: ignore[no-untyped-def]
    """The vertical middle of a character's box, measured from the top of an A4 page."""
    return 297 * PT_PER_MM - (char.y0 + char.y1) / 2


def test_signature_and_date_placement(rendered) -> None:  # type: ignore[no-untyped-def]
    last = rendered["synthetic"][-1].lines
    signature, date = last[-2], last[-1]
    assert signature.text == "某某县某某镇人民政府" and date.text == "2024年1月10日"
    assert abs(date.top - signature.top - PITCH) < 1
    assert abs((RIGHT - signature.x1) - 2 * CHAR) < 3
    assert abs((date.x0 - signature.x0) - 2 * CHAR) < 4


@pytest.mark.parametrize("name", ["synthetic", "tight", "long_last"])
def test_signature_and_date_never_stand_alone_on_a_page(rendered, name: str) -> None:  # type: ignore[no-untyped-def]
    pages = pages_of(rendered, name)
    last = [line.text for line in pages[-1].lines]
    assert last[-2:] == ["某某县某某镇人民政府" if name == "synthetic" else "某某镇人民政府", "2024年1月10日"], last
    assert len(last) >= 3, last  # at least the end of the body goes with them
    if name == "tight":
        assert len(pages) == 2 and len(pages[0].lines) < 21  # the body's last line moved over with them


def test_a_long_last_paragraph_breaks_across_pages_instead_of_moving_whole(rendered) -> None:  # type: ignore[no-untyped-def]
    """Only what must move moves (GB/T 9704 7.3.5): page 2 is full and the last paragraph goes on
    over the page, its last lines with the signature."""
    pages = rendered["long_last"]
    assert len(pages) == 3
    assert [len(page.lines) for page in pages[:-1]] == [21, 22]  # page 1 has the empty line under the title
    body_on_last = [line for line in pages[-1].lines if line.text.startswith(("坚持", "依法", "行政"))]
    assert len(body_on_last) >= 2
    assert pages[1].lines[-1].text.startswith(("坚持", "依法", "行政")) and pages[1].lines[-1].x0 < LEFT + 3


def test_preview_shows_headings_and_body_in_different_installed_fonts(rendered) -> None:  # type: ignore[no-untyped-def]
    """layout.yml's preview_fonts: 黑体 shown with a sans font, 仿宋_GB2312 with a serif one."""
    lines = rendered["songlin-2021"][0].lines
    heading = next(line for line in lines if line.text == "一、主要举措和成效")
    body = next(line for line in lines if line.text.startswith("今年以来"))
    assert "Sans" in heading.chars[1].fontname
    assert "Serif" in body.chars[1].fontname


def test_missing_libreoffice_is_a_chinese_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from drafting.files.libreoffice import ENV_VAR, LibreOfficeError

    monkeypatch.setenv(ENV_VAR, str(tmp_path / "no-soffice"))
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    with pytest.raises(LibreOfficeError) as info:
        docx_to_pdf(source, tmp_path)
    assert "LibreOffice" in str(info.value) and "安装" in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]
