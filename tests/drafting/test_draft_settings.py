"""Report.settings as a typed DraftSettings: what the draft file holds, old and damaged values, unknown keys."""

from __future__ import annotations

import pytest

from drafting.draft_settings import DraftSettings, GeneratedRecord
from drafting.files.storage import dump_draft, load_draft_bytes
from drafting.model import Report, ReportMeta

pytestmark = pytest.mark.core


def _settings_text(report: Report) -> str:
    text = dump_draft(report).decode("utf-8")
    return text[text.index("\nsettings:") + 1:]


def _with_settings(yaml_lines: str) -> bytes:
    report = Report(meta=ReportMeta(org="某某镇人民政府", year=2024))
    return dump_draft(report).replace(b"settings: {}\n", ("settings:\n" + yaml_lines).encode("utf-8"))


def test_only_the_settings_set_are_written_in_the_order_they_were_set() -> None:
    report = Report()
    assert _settings_text(report) == "settings: {}\n"
    report.settings.done = []
    report.settings.plan_id = "gangyao-2021"
    report.settings.areas = ["pufa", "study"]
    report.settings.done = ["measures"]  # set again: keeps its place
    assert _settings_text(report) == (
        "settings:\n  done:\n  - measures\n  plan_id: gangyao-2021\n  areas:\n  - pufa\n  - study\n"
    )


def test_a_list_changed_in_place_is_written_too() -> None:
    report = Report()
    report.settings.areas.append("pufa")
    assert report.settings.is_set("areas") and not report.settings.is_set("done")
    assert _settings_text(report) == "settings:\n  areas:\n  - pufa\n"


def test_round_trip_keeps_every_setting_and_the_file_byte_identical() -> None:
    report = Report(meta=ReportMeta(org="某某镇人民政府", year=2024))
    settings = report.settings
    settings.carried_from_year = 2023
    settings.structure_confidence = {"measures": 0.9, "plans": 1}
    settings.doc_number = "某政发〔2024〕3号"
    settings.generated = {"plans": GeneratedRecord({"plan_items": ["甲"], "_meta": ["某某镇人民政府", 2024, ""]}, "四、下一步")}
    settings.confirmed_last_year = ["0123456789abcdef"]
    settings.started_from = "2023.docx"
    settings.import_notes = ["请核对年份"]
    settings.areas = ["study"]
    settings.plan_id = None
    settings.done = ["plans"]
    data = dump_draft(report)
    loaded = load_draft_bytes(data)
    assert loaded.settings == settings
    assert loaded.settings.order == settings.order
    assert dump_draft(loaded) == data


@pytest.mark.parametrize(("lines", "name"), [
    ("  plan_id: 7\n", "plan_id"),
    ("  areas: pufa\n", "areas"),
    ("  done: {measures: true}\n", "done"),
    ("  carried_from_year: '2021'\n", "carried_from_year"),
    ("  carried_from_year: true\n", "carried_from_year"),
    ("  structure_confidence: [0.5]\n", "structure_confidence"),
    ("  confirmed_last_year: not a list\n", "confirmed_last_year"),
    ("  started_from: [a]\n", "started_from"),
    ("  import_notes: 3\n", "import_notes"),
    ("  doc_number: 12\n", "doc_number"),
    ("  generated: [measures]\n", "generated"),
])
def test_a_value_of_the_wrong_type_falls_back_to_the_default(lines: str, name: str) -> None:
    data = _with_settings(lines + "  started_from: 2023.txt\n" * (name != "started_from"))
    line = data.decode("utf-8").splitlines().index(lines.rstrip("\n")) + 1
    report = load_draft_bytes(data)
    assert getattr(report.settings, name) == getattr(DraftSettings(), name)
    assert not report.settings.is_set(name)  # not written back either
    # The writer hears of it in Chinese, with the line and the setting (the CLI's stderr, the status bar).
    assert len(report.load_notes) == 1, report.load_notes
    assert f"第 {line} 行的设置“{name}”" in report.load_notes[0] and "草稿照常打开" in report.load_notes[0]
    if name != "started_from":
        assert report.settings.started_from == "2023.txt"  # the other settings are read as usual


def test_lists_keep_their_text_items_and_damaged_generation_records_are_dropped() -> None:
    report = load_draft_bytes(_with_settings(
        "  areas:\n  - pufa\n  - 3\n  - study\n"
        "  structure_confidence: {measures: 0.9, plans: high}\n"
        "  generated:\n"
        "    plans: {facts: {plan_items: null}, text: 四、下一步}\n"
        "    other: {text: 五、其他}\n"
    ))
    assert report.settings.areas == ["pufa", "study"]
    assert report.settings.structure_confidence == {"measures": 0.9}
    assert report.settings.generated == {"plans": GeneratedRecord({"plan_items": None}, "四、下一步")}


def test_unknown_settings_are_kept_in_place_and_written_back_unchanged() -> None:
    data = _with_settings("  areas:\n  - pufa\n  from_newer_version:\n    x: 1\n  done: []\n  note: 备注\n")
    report = load_draft_bytes(data)
    assert report.settings.extra == {"from_newer_version": {"x": 1}, "note": "备注"}
    assert report.settings.areas == ["pufa"] and report.settings.done == []
    assert dump_draft(report) == data
    report.settings.plan_id = "gangyao-2021"
    assert _settings_text(report).endswith("  note: 备注\n  plan_id: gangyao-2021\n")
