"""Hostile inputs through the CLI (issue 6): each gets one clear Chinese line and exit 2,
within 10 seconds and 1 GB, with no traceback, nothing written and the input untouched.

Verbs are tried as they exist: ``export`` always; ``check`` and ``import`` once their modules land.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import hostile
from tests.conftest import REPO_ROOT

TIME_LIMIT_S = 10.0
MEMORY_LIMIT_KB = 1024 * 1024


def _run_measured(args: list[str], cwd: Path) -> tuple[int, str, str, float, int]:
    """Run ``python main.py ARGS``; return code, stdout, stderr, seconds, peak RSS in KB."""
    start = time.monotonic()
    with subprocess.Popen(
        [sys.executable, str(REPO_ROOT / "main.py"), *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    ) as proc:
        try:
            out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            pytest.fail(f"{args} still running after 60 s")
        elapsed = time.monotonic() - start
    # ru_maxrss of the children so far (KB on Linux): the largest child, so an upper bound for this one.
    import resource

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), elapsed, peak


HOSTILE_FILES: dict[str, Callable[[Path], Path]] = {
    "empty.txt": lambda d: hostile.empty_file(d, "empty.txt"),
    "empty.docx": lambda d: hostile.empty_file(d, "empty.docx"),
    "random.txt": lambda d: hostile.random_bytes(d, "random.txt"),
    "random.docx": lambda d: hostile.random_bytes(d, "random.docx"),
    "random.doc": lambda d: hostile.random_bytes(d, "random.doc"),
    "truncated.docx": hostile.truncated_docx,
    "damaged.docx": hostile.damaged_deflate_docx,
    "html.docx": hostile.html_named_docx,
    "pdf.docx": hostile.pdf_named_docx,
    "encrypted.docx": hostile.encrypted_docx,
    "zipbomb.docx": hostile.zip_bomb_docx,
    "entities.docx": hostile.entity_expansion_docx,
    "deep.docx": hostile.deep_nesting_docx,
    "huge.txt": hostile.huge_text,
    "truncated.fzbg": hostile.truncated_draft,
    "newer.fzbg": hostile.newer_draft,
    "edited.fzbg": hostile.hand_edited_draft,
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_clean_failure(code: int, err: str, elapsed: float, peak_kb: int, *, max_lines: int = 1) -> None:
    """Exit 2, a Chinese message starting 错误：, no traceback, within the time and memory bounds.

    A source gets one line; a rule file may list one more line per problem found in it.
    """
    assert code == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert 1 <= len(lines) <= max_lines, err
    assert lines[0].startswith("错误：")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0])
    assert elapsed < TIME_LIMIT_S, f"took {elapsed:.1f} s"
    assert peak_kb < MEMORY_LIMIT_KB, f"peak memory {peak_kb / 1024:.0f} MB"


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for make in HOSTILE_FILES.values():
        make(folder)
    return folder


def _verb_args(verb: str, source: Path, out_dir: Path) -> list[str]:
    if verb == "export":
        return ["export", str(source), "-o", str(out_dir / "r.docx")]
    if verb == "import":
        return ["import", str(source), "--year", "2025", "-o", str(out_dir / "r.fzbg")]
    return ["check", str(source)]


@pytest.mark.parametrize("verb", ["export", "check", "import"])
@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_cli_refuses_hostile_file(verb: str, name: str, hostile_dir: Path, tmp_path: Path) -> None:
    source = next(p for p in hostile_dir.iterdir() if p.name == _file_name(name, hostile_dir))
    before = _digest(source)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _out, err, elapsed, peak = _run_measured(_verb_args(verb, source, out_dir), tmp_path)
    _assert_clean_failure(code, err, elapsed, peak)
    assert list(out_dir.iterdir()) == []
    assert list(tmp_path.glob("*.tmp")) == []
    assert _digest(source) == before


def _file_name(key: str, folder: Path) -> str:
    """The generated file's name for a table key (generators pick their own names)."""
    mapping = {
        "truncated.docx": "truncated.docx",
        "html.docx": "page.docx",
        "pdf.docx": "scan.docx",
        "encrypted.docx": "secret.docx",
        "zipbomb.docx": "bomb.docx",
        "entities.docx": "laughs.docx",
        "deep.docx": "deep.docx",
        "huge.txt": "huge.txt",
        "edited.fzbg": "edited.fzbg",
    }
    return mapping.get(key, key)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-16-le", "big5"])
def test_export_reads_every_common_encoding(encoding: str, tmp_path: Path) -> None:
    source = hostile.encoded_report(tmp_path, encoding)
    out = tmp_path / "r.docx"
    code, _out, err, _elapsed, _peak = _run_measured(["export", str(source), "-o", str(out)], tmp_path)
    assert code == 0, err
    import docx

    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any("法治政府建設情況" in t or "法治政府建设情况" in t for t in texts)
    assert any("依法行政" in t for t in texts)


CHECKLIST_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "malformed": (hostile.malformed_checklist, "第 4 行"),
    "python-tag": (hostile.python_tag_checklist, "标签"),
    "alias-bomb": (hostile.alias_bomb_checklist, "别名"),
    "unknown-kind": (hostile.unknown_kind_checklist, "telepathy"),
}


@pytest.mark.parametrize("name", sorted(CHECKLIST_FILES))
def test_check_refuses_hostile_checklist(name: str, tmp_path: Path) -> None:
    make, words = CHECKLIST_FILES[name]
    rules = make(tmp_path)
    source = hostile.encoded_report(tmp_path, "utf-8")
    before = _digest(rules)
    code, _out, err, elapsed, peak = _run_measured(["check", str(source), "--checklist", str(rules)], tmp_path)
    _assert_clean_failure(code, err, elapsed, peak, max_lines=4)
    assert rules.name in err and words in err
    assert _digest(rules) == before
    assert not Path("/tmp/pwned-fazhi").exists()
