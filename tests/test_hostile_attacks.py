"""The attacks of issue 15 through the CLI, each in a subprocess under a memory and CPU limit:
it ends within a few seconds with exit 0, 1 or 2 and a Chinese message, never a traceback or
exit 3, and writes nothing when it refuses."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import hostile_attacks as attacks
from tests.conftest import REPO_ROOT

TIME_LIMIT_S = 15.0
MEMORY_LIMIT = 1536 * 1024 * 1024
CPU_LIMIT_S = 30


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT_S, CPU_LIMIT_S))


def _run(args: list[object], cwd: Path) -> tuple[int, str, str]:
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), *map(str, args)], cwd=cwd, capture_output=True,
        preexec_fn=_limits, timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "FAZHI_DATA_DIR": str(cwd / "data")},
    )
    elapsed = time.monotonic() - start
    out, err = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    assert proc.returncode in (0, 1, 2), f"exit {proc.returncode}: {err[-2000:]}"
    assert "Traceback" not in err and "MemoryError" not in err
    assert elapsed < TIME_LIMIT_S, f"{args[0]} took {elapsed:.1f} s"
    return proc.returncode, out, err


def _refused(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert err.startswith("错误：") and any("\u4e00" <= ch <= "\u9fff" for ch in err)
    for word in words:
        assert word in err, err


# ---- 1. user regexes ----

@pytest.mark.parametrize("regex", ["^(a+)+$", "(a*)*", "(a|a)*", "(.*a){20}"])
def test_catastrophic_pattern_rule_refused_at_load(regex: str, tmp_path: Path) -> None:
    rules = attacks.catastrophic_pattern_rule(tmp_path, regex)
    code, _out, err = _run(["check", attacks.report_with_a_run(tmp_path), "--checklist", rules], tmp_path)
    _refused(code, err, rules.name, "county-aaa", "第 3 行")


def test_catastrophic_leftover_pattern_refused_at_load(tmp_path: Path) -> None:
    rules = attacks.catastrophic_leftover_rule(tmp_path)
    code, _out, err = _run(["check", attacks.report_with_a_run(tmp_path), "--checklist", rules], tmp_path)
    _refused(code, err, rules.name, "editing-leftover")


def test_slow_regex_missed_at_load_is_stopped_and_reported(tmp_path: Path) -> None:
    rules = tmp_path / "slow.yml"
    rules.write_text("version: 1\nrules:\n  - id: county-slow\n    kind: pattern\n    severity: warning\n"
                     "    regex: 'a*a*a*b'\n    message: 慢\n", encoding="utf-8")
    code, out, _err = _run(["check", attacks.report_with_a_run(tmp_path, 3000), "--checklist", rules], tmp_path)
    assert code in (0, 1)
    assert out.count("检查规则“county-slow”运行超过") == 1


# ---- 2. fact-expression rules ----

@pytest.mark.parametrize("attack", sorted(attacks.FACT_ATTACKS))
def test_fact_expression_attack_is_skipped(attack: str, tmp_path: Path) -> None:
    rules = attacks.fact_expression_rule(tmp_path, attack)
    code, out, _err = _run(["check", attacks.draft_with_facts(tmp_path), "--checklist", rules], tmp_path)
    assert code in (0, 1)
    if attack != "fold-at-load":  # an assert naming no fact is never evaluated, at load or later
        assert out.count(f"检查规则“county-{attack}”") == 1 and "已停止并跳过" in out


_TEMPLATE_ATTACKS = {
    "string-loops.j2": "{% set s = 'x' * 9999 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
    "int-tower.j2": "{{ 9999**64**64 }}",
    "replace.j2": "{% set a = 'x' * 9999 %}{{ a.replace('', a) }}",
    "doubling.j2": "{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "repeat.j2": "{{ 'a' * 4000000000 }}",
}


@pytest.mark.parametrize("name", sorted(_TEMPLATE_ATTACKS))
def test_county_template_attack_gets_an_error_naming_it(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_text(_TEMPLATE_ATTACKS[name], encoding="utf-8")
    script = (
        "import sys\nfrom pathlib import Path\nfrom drafting.writing.render import render_template\n"
        "from drafting.errors import TemplateRenderError\n"
        f"try:\n    render_template({name!r}, {{}}, Path({str(tmp_path)!r}))\n"
        "except TemplateRenderError as exc:\n    sys.stderr.write('错误：' + exc.message + '\\n'); sys.exit(2)\n"
    )
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, preexec_fn=_limits,
                          timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    err = proc.stderr.decode("utf-8", "replace")
    assert time.monotonic() - start < TIME_LIMIT_S
    _refused(proc.returncode, err, name)


# ---- 3. numbering values ----

@pytest.mark.parametrize("verb", ["check", "export", "import"])
def test_huge_list_start_is_clamped(verb: str, tmp_path: Path) -> None:
    source = attacks.huge_numbering_docx(tmp_path)
    assert source.stat().st_size < 4096
    args = {"check": ["check", source], "export": ["export", source, "-o", tmp_path / "r.docx"],
            "import": ["import", source, "--year", "2025", "-o", tmp_path / "r.fzbg"]}[verb]
    code, _out, err = _run(args, tmp_path)
    assert code in (0, 1), err
    assert "过大" not in err


# ---- 4. text after decompression, drafts ----

@pytest.mark.parametrize(("make", "words"), [
    (attacks.inflating_text_docx, "16 MB"), (attacks.many_nodes_docx, "100 万"), (attacks.huge_draft, "4 MB"),
])
def test_oversized_input_refused_naming_the_limit(make, words: str, tmp_path: Path) -> None:  # noqa: ANN001
    source = make(tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for args in (["check", source], ["export", source, "-o", out_dir / "r.docx"],
                 ["import", source, "--year", "2025", "-o", out_dir / "r.fzbg"]):
        code, _out, err = _run(args, tmp_path)
        _refused(code, err, words)
    assert list(out_dir.iterdir()) == []


def test_too_many_paragraphs_refused_naming_the_limit(tmp_path: Path) -> None:
    source = tmp_path / "short-lines.txt"
    source.write_text("\n".join(f"第{i}项。" for i in range(40_000)), encoding="utf-8")
    code, _out, err = _run(["import", source, "--year", "2025", "-o", tmp_path / "r.fzbg"], tmp_path)
    _refused(code, err, "30000 段")
    assert not (tmp_path / "r.fzbg").exists()


# ---- 5. long reports ----

def test_ten_thousand_paragraphs_import(tmp_path: Path) -> None:
    source = attacks.long_report(tmp_path, 10_000)
    code, _out, err = _run(["import", source, "--year", "2025", "-o", tmp_path / "r.fzbg"], tmp_path)
    assert code == 0, err
    assert (tmp_path / "r.fzbg").stat().st_size > 100_000


# ---- 7. characters XML cannot hold ----

@pytest.mark.parametrize("make", [attacks.control_chars_text, attacks.control_chars_draft])
def test_xml_invalid_characters_removed_with_a_note(make, tmp_path: Path) -> None:  # noqa: ANN001
    source = make(tmp_path)
    code, out, err = _run(["import", source, "--year", "2025", "-o", tmp_path / "r.fzbg"], tmp_path)
    assert code == 0, err
    assert "控制字符" in out and "U+0007" in out
    code, _out, err = _run(["export", source, "-o", tmp_path / "r.docx"], tmp_path)
    assert code == 0, err
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    assert "法治" in text and "\x07" not in text and "\ufffe" not in text


# ---- 9. values the loaders choke on ----

@pytest.mark.parametrize("name", sorted(attacks.LOADER_DRAFTS))
def test_odd_draft_values_never_crash(name: str, tmp_path: Path) -> None:
    replace, by = attacks.LOADER_DRAFTS[name]
    source = attacks.draft_with_meta(tmp_path, replace, by, name)
    code, _out, err = _run(["check", source], tmp_path)
    if code == 2:
        _refused(code, err, name, "行")


@pytest.mark.parametrize("verb", ["check", "export", "import"])
def test_setting_of_the_wrong_type_is_a_note_naming_file_line_and_setting(verb: str, tmp_path: Path) -> None:
    replace, by = attacks.LOADER_DRAFTS["settings-done.fzbg"]
    source = attacks.draft_with_meta(tmp_path, replace, by, "settings-done.fzbg")
    line = source.read_text(encoding="utf-8").splitlines().index(by.strip()) + 1
    args = {"check": ["check", source], "export": ["export", source, "-o", tmp_path / "r.docx"],
            "import": ["import", source, "--year", "2025", "-o", tmp_path / "r.fzbg"]}[verb]
    code, _out, err = _run(args, tmp_path)
    assert code in (0, 1), err  # the draft still opens: done falls back to no part done
    notes = [row for row in err.splitlines() if row.startswith("注意：") and "“done”" in row]
    assert len(notes) == 1, err
    assert "settings-done.fzbg" in notes[0] and f"第 {line} 行" in notes[0] and "类型不对" in notes[0]


@pytest.mark.parametrize("attack", sorted(attacks.LOADER_RULES))
def test_odd_rule_values_named_with_file_and_line(attack: str, tmp_path: Path) -> None:
    rules = attacks.loader_rule(tmp_path, attack)
    code, _out, err = _run(["check", attacks.report_with_a_run(tmp_path), "--checklist", rules], tmp_path)
    if attack == "timestamp":
        assert code in (0, 1)
    else:
        _refused(code, err, rules.name, "行")


# ---- 11. a term hidden by an invisible character ----

@pytest.mark.parametrize("hidden", ["\u00ad", "\u200b", "\u2060", "\ufeff"])
def test_fazhi_term_with_an_invisible_character_inside_is_found(hidden: str, tmp_path: Path) -> None:
    source = tmp_path / "报告.txt"
    source.write_text("青石镇2024年度法治政府建设情况报告\n\n县委、县政府：\n一、主要举措和成效\n"
                      f"全年开展法{hidden}制宣传活动12场。\n", encoding="utf-8")
    code, out, err = _run(["check", source], tmp_path)
    assert code == 1, err
    assert "“法制宣传”应写作“法治宣传”" in out.replace(hidden, ""), out
