"""The county review over stand-in reports: shared paragraphs found (and nothing else), every row and
sheet of the workbook read back with openpyxl, the HTML page, an unreadable file's row, the CLI."""

from __future__ import annotations

import os
import re
import sys
import threading
from pathlib import Path

import pytest

from drafting.errors import DataFileError
from drafting.export.writer import write_docx
from drafting.reading.text_reader import parse_text_report
from drafting.review.batch import review_folder
from drafting.review.config import default_review_config, load_review_config
from drafting.review.fingerprint import (
    LshIndex,
    estimated_jaccard,
    mask,
    name_pattern,
    shingle_hashes,
    signature,
)
from drafting.review.html_page import build_page
from drafting.review.table import COL_ERRORS, COL_LAST_YEAR, COL_SHARE, NO_DATE, summary_columns
from drafting.review.workbook import SHEET_FINDINGS, SHEET_SHARED, SHEET_SUMMARY, write_workbook
from tests.conftest import SAMPLES_DIR, run_cli
from tests.drafting.county_reports import (
    COPIED_PAIRS,
    COPIES,
    REPORTS,
    SAMPLE_FILES,
    UNREADABLE,
    write_county,
)

openpyxl = pytest.importorskip("openpyxl")

WORD_REPORT = "桃源乡报告.txt"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve reports (one of them a .docx) and a damaged file."""
    folder = tmp_path_factory.mktemp("county")
    # The real samples where the shared folder is (always in CI), else the stand-ins that share their traits.
    write_county(folder, SAMPLES_DIR if (SAMPLES_DIR / SAMPLE_FILES[0]).is_file() else None,
                 stand_ins=not (SAMPLES_DIR / SAMPLE_FILES[0]).is_file())
    text = (folder / WORD_REPORT).read_text(encoding="utf-8")
    write_docx(parse_text_report(text), folder / "桃源乡报告.docx")
    (folder / WORD_REPORT).unlink()
    return folder


@pytest.fixture(scope="module")
def result(county: Path):  # type: ignore[no-untyped-def]
    return review_folder(county, year=2021)


def _row(result, name: str):  # type: ignore[no-untyped-def]
    return next(row for row in result.summaries if row.name == name)


def test_the_copied_pairs_are_found_and_nothing_else(result) -> None:  # type: ignore[no-untyped-def]
    labels = {tuple(sorted((result.summaries[a].label, result.summaries[b].label)))
              for a, b in result.cross_township_pairs()}
    assert labels == COPIED_PAIRS
    shared = {(item.first_paragraph.text, item.second_paragraph.text)
              for key in result.cross_township_pairs() for item in result.copying.pairs[key]}
    found = {frozenset(pair) for pair in shared}
    assert found == {frozenset(pair) for pair in COPIES}
    assert all(0.85 <= item.ratio <= 1 for key in result.cross_township_pairs()
               for item in result.copying.pairs[key])


def test_each_row_measures_its_report(result) -> None:  # type: ignore[no-untyped-def]
    assert len(result.summaries) == len(REPORTS) + len(SAMPLE_FILES) + 1
    qinghe = _row(result, "清河镇2021年法治政府建设情况报告.txt")
    assert (qinghe.township, qinghe.year, qinghe.date) == ("清河镇", 2021, "2022年1月12日")
    assert qinghe.parts == {"measures": True, "shortcomings": True, "leader_duty": True, "plans": True,
                            "other": False}
    assert qinghe.figures >= 8  # 审查…5项, 合同27份, 普法活动46场, 资料8600份, 纠纷213件 …
    # Its last-year report (same township, 2020) is found, and shares the carried-over paragraphs only.
    assert qinghe.last_year == "清河镇2020年法治政府建设情况报告.txt"
    assert 0.1 < (qinghe.last_year_share or 0) < 0.5
    shimen = _row(result, "石门乡法治政府建设情况报告.txt")
    assert shimen.parts["leader_duty"] is False and shimen.best_other == "清河镇" and shimen.best_share > 0.4
    assert "part-missing" in shimen.by_rule and shimen.counts["error"] >= 1
    assert _row(result, "大河镇2021年法治建设工作报告.txt").examples == 1
    word = _row(result, "桃源乡报告.docx")
    assert word.readable and word.township == "桃源乡" and word.examples == 1 and word.best_other == ""
    untitled = _row(result, "青山镇无标题.txt")
    assert untitled.township == "青山镇" and untitled.year == 2021
    assert _row(result, "城关街道2021年报告.txt").township == "城关街道"


def test_an_unreadable_file_gets_its_row_with_the_reason(result) -> None:  # type: ignore[no-untyped-def]
    bad = _row(result, UNREADABLE)
    assert not bad.readable and "已损坏" in bad.problem and "另存为" in bad.problem
    assert sum(1 for row in result.summaries if row.readable) == len(result.summaries) - 1


def test_the_workbook_read_back_has_every_row_and_sheet(result, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_workbook(result, tmp_path / "审阅汇总.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [SHEET_SUMMARY, SHEET_FINDINGS, SHEET_SHARED]
    summary = book[SHEET_SUMMARY]
    rows = list(summary.iter_rows(values_only=True))
    header = rows[0]
    assert header[:4] == ("文件", "单位", "年度", "成文日期")
    columns = summary_columns(result)
    assert (header[COL_ERRORS], header[COL_SHARE], header[COL_LAST_YEAR]) == ("错误", "雷同率", "与去年相同")
    assert [c.header for c in columns] == list(header)
    assert summary.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}{len(rows)}"
    assert len(summary.conditional_formatting) >= 4
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {row.name for row in result.summaries}
    findings = list(book[SHEET_FINDINGS].iter_rows(values_only=True))
    for report in result.summaries:
        row = by_name[report.name]
        if not report.readable:
            assert row[-1].startswith("无法读取：") and "已损坏" in row[-1]
            assert row[COL_ERRORS] is None
            continue
        assert row[2] == report.year and row[3] == (report.date or NO_DATE)
        assert list(row[4:9]) == ["✔" if present else "无" if part == "other" else "✘"
                                  for part, present in report.parts.items()]
        assert row[COL_ERRORS:COL_ERRORS + 3] == (report.counts["error"], report.counts["warning"],
                                                  report.counts["info"])
        mine = [f for f in findings[1:] if f[0] == report.name]
        assert len(mine) == len(report.findings)
        assert sum(1 for f in mine if f[2] == "错误") == report.counts["error"]
        for rule, count in report.by_rule.items():
            assert f"{rule}×{count}" in row[12]
    shimen = by_name["石门乡法治政府建设情况报告.txt"]
    assert shimen[6] == "✘" and shimen[16] == "清河镇" and shimen[COL_SHARE] == pytest.approx(
        _row(result, shimen[0]).best_share)
    # 问题明细: file, part, paragraph, quote, suggestion — the paragraph holds the quote.
    assert findings[0][:9] == ("文件", "单位", "级别", "规则", "部分", "段落", "位置", "原文", "所在段落")
    # (An editing leftover's quote was cleaned out of the paragraph by the reader: it stood in the source.)
    quoted = [f for f in findings[1:] if f[7] and f[3] != "editing-leftover"]
    assert quoted and all(f[7] in f[8] for f in quoted)
    # 雷同段落: a row per pair of townships, both texts, the shared paragraphs lined up one by one.
    shared = list(book[SHEET_SHARED].iter_rows(values_only=True))
    assert len(shared) == 1 + len(COPIED_PAIRS)
    assert {frozenset((row[0], row[2])) for row in shared[1:]} == {frozenset(p) for p in COPIED_PAIRS}
    found = set()
    for row in shared[1:]:
        assert row[4] == 2 and 0.85 <= row[5] <= 1
        first = [re.sub(r"^【第\d+段·[^】]+】", "", line) for line in row[6].split("\n")]
        second = [re.sub(r"^【第\d+段·[^】]+】", "", line) for line in row[7].split("\n")]
        found.update(frozenset(pair) for pair in zip(first, second, strict=True))
    assert found == {frozenset(pair) for pair in COPIES}


def test_the_page_is_self_contained_with_both_charts(result) -> None:  # type: ignore[no-untyped-def]
    page = build_page(result)
    assert page.count("<svg") == 2 and "各乡镇问题数" in page and "法定部分齐全情况" in page
    assert "<script" not in page and "<link" not in page and "src=" not in page
    assert page.replace('xmlns="http://www.w3.org/2000/svg"', "").count("http") == 0
    for original, copy in COPIES:
        assert original in page and copy in page
    assert "无法读取：" in page and page.count("<tr") == (
        len(result.summaries) + 1 + len(COPIED_PAIRS) + 1 + sum(len(r.findings) for r in result.summaries) + 1)


def test_report_text_is_escaped_on_the_page(result) -> None:  # type: ignore[no-untyped-def]
    row = _row(result, "大河镇2021年法治建设工作报告.txt")
    saved = row.org
    row.org = "<b>大河镇</b>"
    try:
        page = build_page(result)
    finally:
        row.org = saved
    assert "&lt;b&gt;大河镇&lt;/b&gt;" in page and "<b>大河镇" not in page


def test_reading_in_parallel_gives_the_same_review(county: Path, result) -> None:  # type: ignore[no-untyped-def]
    serial = review_folder(county, year=2021, workers=1)
    assert [(r.name, r.counts, r.best_other, r.best_share) for r in serial.summaries] == \
        [(r.name, r.counts, r.best_other, r.best_share) for r in result.summaries]
    assert serial.cross_township_pairs() == result.cross_township_pairs()


def test_worker_processes_give_the_same_review(county: Path, result) -> None:  # type: ignore[no-untyped-def]
    from drafting.review.perfile import worker_count

    forked = review_folder(county, year=2021, processes=True)
    assert [(r.name, r.problem, r.findings, r.counts, r.by_rule, r.parts, r.length, r.figures, r.examples,
             r.best_other, r.best_share, r.last_year, r.last_year_share, r.notes) for r in forked.summaries] == \
        [(r.name, r.problem, r.findings, r.counts, r.by_rule, r.parts, r.length, r.figures, r.examples,
          r.best_other, r.best_share, r.last_year, r.last_year_share, r.notes) for r in result.summaries]
    assert forked.copying.pairs == result.copying.pairs and forked.copying.share == result.copying.share
    if sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1:
        assert worker_count(len(forked.summaries)) >= 2  # the worker processes really ran here


def _dying_worker(path: Path):  # type: ignore[no-untyped-def]
    os._exit(3)  # a worker process killed mid-file (out of memory, a crash in a library)


def test_a_dying_worker_process_costs_no_row(county: Path, result, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from drafting.review import perfile

    if not perfile.worker_count(len(result.summaries)):
        pytest.skip("this platform or process does not fork workers")
    monkeypatch.setattr(perfile, "review_file", _dying_worker)  # forked workers inherit the patch
    again = review_folder(county, year=2021, processes=True)
    assert [(r.name, r.problem, r.findings, r.counts) for r in again.summaries] == \
        [(r.name, r.problem, r.findings, r.counts) for r in result.summaries]


def test_masking_hides_names_and_figures() -> None:
    names = name_pattern(["清河镇人民政府", "清河镇"], default_review_config().place_pattern)
    first = mask("清河镇全年调解纠纷213件，成功率97.2%， 涉及红星村", names)
    second = mask("石门乡全年调解纠纷58件,成功率90％，涉及柳树村", names)
    # A place name's start is not known: the mark may take a character before it, the same in both.
    assert first == second == "＊全年调解纠纷#件，成功率#，涉＊"
    assert mask("大寺镇开展集中学习35次", names) != mask("大寺镇开展集中研讨35次", names)


def test_fingerprints_bring_near_copies_together_and_keep_others_apart() -> None:
    original, copy = COPIES[0]
    names = name_pattern(["清河镇", "石门乡"], default_review_config().place_pattern)
    texts = [mask(t, names) for t in (original, copy, COPIES[1][0], COPIES[2][0])]
    sigs = [signature(shingle_hashes(t, 5)) for t in texts]
    assert estimated_jaccard(sigs[0], sigs[1]) > 0.8 and estimated_jaccard(sigs[0], sigs[2]) < 0.3
    index = LshIndex()
    for key, sig in enumerate(sigs):
        index.add(key, sig)
    assert list(index.candidate_pairs()) == [(0, 1)]


def test_review_data_file_refuses_unknown_keys(tmp_path: Path) -> None:
    from drafting import paths

    text = (paths.templates_dir() / "review.yml").read_text(encoding="utf-8")
    bad = tmp_path / "review.yml"
    bad.write_text(text + "colour: red\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="colour"):
        load_review_config(bad)
    bad.write_text(text.replace("copy_threshold: 0.85", "copy_threshold: 2"), encoding="utf-8")
    with pytest.raises(DataFileError, match="copy_threshold"):
        load_review_config(bad)


def test_cli_review_writes_workbook_and_page(county: Path, tmp_path: Path) -> None:
    out = tmp_path / "审阅汇总.xlsx"
    proc = run_cli("review", str(county), "--year", "2021", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert f"已审阅 {len(REPORTS) + len(SAMPLE_FILES) + 1}/" in proc.stderr and "无法读取“损坏的报告.docx”" in proc.stderr
    assert "雷同段落 4 处（2 对报告）" in proc.stdout
    assert openpyxl.load_workbook(out)[SHEET_SUMMARY].max_row == len(REPORTS) + len(SAMPLE_FILES) + 2
    page = tmp_path / "审阅汇总.html"
    assert run_cli("review", str(county), "-o", str(page)).returncode == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_review_refuses_what_it_cannot_write(county: Path, tmp_path: Path) -> None:
    proc = run_cli("review", str(county), "-o", str(tmp_path / "汇总.docx"))
    assert proc.returncode == 2 and "只能写成 .xlsx" in proc.stderr
    proc = run_cli("review", str(tmp_path / "没有这个文件夹"))
    assert proc.returncode == 2 and "找不到文件夹" in proc.stderr and "Traceback" not in proc.stderr
