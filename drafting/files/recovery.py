"""Autosave copies of open drafts, for restoring after a crash or a kill.

Each open draft has a key; its copy is ``KEY.fzbg-recovery`` in
drafting.paths.recovery_dir(), written atomically. The first line is a small
JSON header (original path, time, organisation, year) so the start screen can
list copies without parsing whole drafts; the rest is an ordinary draft.
A copy is discarded when its draft is saved or closed normally, so any copy
found at start-up belongs to a session that did not end cleanly.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import logging
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path

from drafting import paths
from drafting.errors import StorageError
from drafting.files.atomic import atomic_write_bytes
from drafting.files.draftlock import pid_alive
from drafting.files.storage import dump_draft, load_draft_bytes
from drafting.model import Report

logger = logging.getLogger(__name__)

SUFFIX = ".fzbg-recovery"
HEADER_PREFIX = "#FZRECOVERY "
_KEY_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovery copy found on disk.

    Attributes:
        key: the draft's recovery key.
        path: the copy itself.
        original_path: the draft file it belongs to, or None for a never-saved draft.
        saved_at: when the copy was written (local time).
        org, year: what the draft is about, for the list shown to the writer.
        pid, host: the process that wrote it.
    """

    key: str
    path: Path
    original_path: Path | None
    saved_at: _dt.datetime
    org: str
    year: int | None
    pid: int = 0
    host: str = ""

    @property
    def writer_alive(self) -> bool:
        """The writing process still runs on this machine: its window is open, nothing to restore."""
        return self.host == socket.gethostname() and self.pid != os.getpid() and pid_alive(self.pid)

    @property
    def label(self) -> str:
        what = f"{self.org or '未填写单位'} {self.year or ''}年度报告".strip()
        where = self.original_path.name if self.original_path else "未保存的新草稿"
        return f"{what}（{where}，{self.saved_at:%m月%d日 %H:%M:%S} 自动保存）"


def _check_key(key: str) -> str:
    if not _KEY_RE.match(key or ""):
        raise ValueError(f"invalid recovery key {key!r}")
    return key


def recovery_path(key: str) -> Path:
    return paths.recovery_dir() / f"{_check_key(key)}{SUFFIX}"


def write_recovery(report: Report, draft_path: Path | None, key: str) -> Path:
    """Write (replace) the recovery copy of one open draft, atomically.

    Raises:
        StorageError: the recovery folder cannot be written.
    """
    target = recovery_path(key)
    header = {
        "key": key,
        "original": str(Path(draft_path).resolve()) if draft_path else None,
        "saved": _dt.datetime.now().isoformat(timespec="seconds"),
        "org": report.meta.org,
        "year": report.meta.year,
        "pid": os.getpid(),
        "host": socket.gethostname(),
    }
    data = (HEADER_PREFIX + json.dumps(header, ensure_ascii=False) + "\n").encode("utf-8") + dump_draft(report)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise StorageError(f"无法写入自动保存副本（{exc.strerror or exc}）。请尽快手动保存草稿。") from None
    return target


def _read_header(path: Path) -> dict | None:
    try:
        with path.open("rb") as handle:
            first = handle.readline(4096).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if not first.startswith(HEADER_PREFIX):
        return None
    try:
        header = json.loads(first[len(HEADER_PREFIX):])
    except ValueError:
        return None
    return header if isinstance(header, dict) else None


def list_recoveries(include_live: bool = False) -> list[RecoveryEntry]:
    """Recovery copies left by sessions that ended abnormally, newest first.

    Copies still being written by another running instance of the app are
    left out unless include_live; unreadable ones are skipped and logged.
    """
    folder = paths.recovery_dir()
    if not folder.is_dir():
        return []
    entries: list[RecoveryEntry] = []
    for path in folder.glob(f"*{SUFFIX}"):
        header = _read_header(path)
        key = path.name[: -len(SUFFIX)]
        if header is None or not _KEY_RE.match(key):
            logger.warning("skipping unreadable recovery copy %s", path)
            continue
        try:
            saved = _dt.datetime.fromisoformat(str(header.get("saved")))
        except ValueError:
            saved = _dt.datetime.fromtimestamp(path.stat().st_mtime)
        year = header.get("year")
        original = header.get("original")
        pid = header.get("pid")
        entry = RecoveryEntry(
            key=key,
            path=path,
            original_path=Path(original) if isinstance(original, str) and original else None,
            saved_at=saved,
            org=str(header.get("org") or ""),
            year=year if isinstance(year, int) else None,
            pid=pid if isinstance(pid, int) else 0,
            host=str(header.get("host") or ""),
        )
        if include_live or not entry.writer_alive:
            entries.append(entry)
    entries.sort(key=lambda e: e.saved_at, reverse=True)
    return entries


def load_recovery(entry: RecoveryEntry) -> Report:
    """The report saved in a recovery copy.

    Raises:
        StorageError: the copy is damaged.
    """
    try:
        data = entry.path.read_bytes()
    except OSError as exc:
        raise StorageError(f"无法读取自动保存副本（{exc.strerror}）。") from None
    return load_draft_bytes(data, "自动保存副本")


def discard_recovery(key: str) -> None:
    """Remove a draft's recovery copy (after saving or closing it normally)."""
    with contextlib.suppress(FileNotFoundError):
        recovery_path(key).unlink()
