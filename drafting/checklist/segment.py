"""Chinese word segmentation: jieba behind one small module.

jieba's first load takes most of a second (it builds or reads a prefix
dictionary), so it is loaded lazily, once per process, under a lock, with the
domain terms of checklists/userdict.txt added. Its cache file goes to the
user data folder (drafting.paths.user_data_dir()), never to a shared /tmp.
The window calls warm_up_in_background() at start so the first check does not
wait. Nothing here imports PySide6.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from drafting import paths

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_tokenizer: Any = None


def userdict_path() -> Path:
    """The shipped dictionary of domain terms (one word a line, optional frequency)."""
    return paths.checklists_dir() / "userdict.txt"


def _cache_dir() -> Path:
    folder = paths.user_data_dir() / "cache"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def tokenizer() -> Any:
    """The one jieba Tokenizer of this process, loading it on first use."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            try:
                tok.tmp_dir = str(_cache_dir())
            except OSError:
                # An unwritable data folder only costs the cache: jieba then rebuilds each run.
                logger.warning("jieba cache folder not writable; using jieba's default")
            tok.cache_file = "jieba.fazhi.cache"
            tok.initialize()
            userdict = userdict_path()
            if userdict.is_file():
                # An open file, not a path: jieba leaves a path's file open (ResourceWarning).
                with userdict.open("rb") as handle:
                    tok.load_userdict(handle)
            _tokenizer = tok
    return _tokenizer


def is_loaded() -> bool:
    return _tokenizer is not None


def warm_up_in_background() -> threading.Thread:
    """Start loading jieba in a daemon thread and return it (join it to wait)."""
    thread = threading.Thread(target=tokenizer, name="jieba-warm-up", daemon=True)
    thread.start()
    return thread


def words(text: str) -> list[str]:
    """The words of text, in order."""
    return tokenizer().lcut(text)


def spans(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for every word of text; offsets are character indexes."""
    return list(tokenizer().tokenize(text))


def word_starts(text: str) -> frozenset[int]:
    """The character offsets at which a word begins."""
    return frozenset(start for _word, start, _end in spans(text))
