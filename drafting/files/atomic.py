"""Atomic file writes: temp file in the same folder, fsync, then os.replace.

A crash or kill at any moment leaves either the old file or the new one,
never a half-written one; a temp file left by a killed save is removed by the next save of
the same file. Optionally the previous file is kept as NAME.bak.
"""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Write data to path atomically.

    Args:
        path: the target file; its folder must exist.
        data: the complete new content.
        keep_backup: copy the current file (if any) to ``path + ".bak"`` first,
            itself atomically, so a bad save can be undone by hand.

    Raises:
        OSError: the folder is missing or not writable; the target is untouched.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if keep_backup and path.is_file():
        backup = path.with_name(path.name + ".bak")
        _write_replace(backup, path.read_bytes(), folder)
    _write_replace(path, data, folder)


def _target_mode(path: Path) -> int:
    """The permissions the file should get: the existing file's, else what open() would give."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


#: A temp file of ours this old was left by a save that was killed (a save takes milliseconds).
STALE_TMP_SECONDS = 60.0


def remove_stale_temp_files(path: Path, folder: Path) -> int:
    """Delete temp files a killed save of this file left behind (".NAME.xxxx.tmp"); how many went."""
    removed = 0
    now = time.time()
    for leftover in folder.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.is_file() and now - leftover.stat().st_mtime > STALE_TMP_SECONDS:
                leftover.unlink()
                removed += 1
    return removed


def _write_replace(path: Path, data: bytes, folder: Path) -> None:
    remove_stale_temp_files(path, folder)
    mode = _target_mode(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file private (0600); a saved report should be readable like any other file.
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    # fsync the folder so the rename itself survives a power cut (POSIX only).
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
