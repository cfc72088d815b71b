"""drafting.checklist.segment: jieba loaded once, with the domain dictionary, cache in the user data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.checklist import segment

pytestmark = pytest.mark.core


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("健全并落实学法制度", ["健全", "并", "落实", "学法制度"]),
        ("根据上位法制定", ["根据", "上位法", "制定"]),
        ("完善重大执法决定法制审核制度", ["完善", "重大", "执法", "决定", "法制审核", "制度"]),
        ("法制工作委员会", ["法制工作委员会"]),
        ("强化机关干部法制观念", ["强化", "机关干部", "法制观念"]),
    ],
)
def test_domain_words(text: str, expected: list[str]) -> None:
    assert segment.words(text) == expected


def test_spans_give_character_offsets() -> None:
    text = "学习习近平法治思想，深化法治宣传教育"
    spans = segment.spans(text)
    assert "".join(word for word, _s, _e in spans) == text
    assert all(text[start:end] == word for word, start, end in spans)
    assert ("习近平法治思想", 2, 9) in spans
    assert 1 not in segment.word_starts("上位法制定") and 3 in segment.word_starts("上位法制定")


def test_loaded_once_and_shared() -> None:
    first = segment.tokenizer()
    assert segment.is_loaded() and segment.tokenizer() is first


def test_cache_file_goes_to_user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAZHI_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(segment, "_tokenizer", None)
    tok = segment.tokenizer()
    assert Path(tok.tmp_dir) == tmp_path / "cache"
    assert (tmp_path / "cache" / "jieba.fazhi.cache").is_file()
    assert segment.words("学法制度") == ["学法制度"]


def test_warm_up_in_background(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment, "_tokenizer", None)
    assert not segment.is_loaded()
    thread = segment.warm_up_in_background()
    thread.join(timeout=60)
    assert not thread.is_alive() and segment.is_loaded()


def test_userdict_is_data() -> None:
    lines = segment.userdict_path().read_text(encoding="utf-8").splitlines()
    assert "法制审核 20 n" in lines and all(line.split()[0] for line in lines if line.strip())
