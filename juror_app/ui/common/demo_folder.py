"""The demo's temporary folder: removed when the program exits, and after a crash at the next demo start.

Each ``--demo`` start writes a whole edition (~13 MB) into a fresh folder under the system's temp
folder. The folder holds a ``QLockFile`` for as long as its program runs; a demo start removes the
folders whose lock is stale (their program is gone: a crash, a kill, a power cut), never one whose
program still runs (another demo window, or a test run beside this one).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = ".in-use.lock"
UNLOCKED_GRACE_S = 24 * 3600  # a folder without a lock file (another version, or one being made): left a day

_held: dict[Path, QLockFile] = {}


def make_demo_folder(prefix: str) -> Path:
    """A fresh folder ``<temp>/<prefix>…``, locked while this process runs and removed when it exits."""
    remove_abandoned(prefix)
    root = Path(tempfile.mkdtemp(prefix=prefix))
    lock = QLockFile(str(root / LOCK_NAME))
    lock.setStaleLockTime(0)  # stale only when its process is gone, whatever its age
    lock.tryLock(0)
    _held[root] = lock
    atexit.register(remove_demo_folder, root)
    return root


def remove_demo_folder(root: Path) -> None:
    """Let the folder go and remove it (what cannot be removed now, e.g. a file still open on Windows, waits
    for the next demo start)."""
    lock = _held.pop(Path(root), None)
    if lock is not None:
        lock.unlock()
    shutil.rmtree(root, ignore_errors=True)


def remove_abandoned(prefix: str, temp: Path | None = None) -> list[Path]:
    """Remove the demo folders of programs that are gone; return them."""
    temp = Path(temp or tempfile.gettempdir())
    removed = []
    for folder in temp.glob(f"{prefix}*"):
        if not folder.is_dir() or folder in _held:
            continue
        lock_file = folder / LOCK_NAME
        if lock_file.exists():
            lock = QLockFile(str(lock_file))
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):  # its program still runs
                continue
            lock.unlock()
        else:
            try:
                if time.time() - folder.stat().st_mtime < UNLOCKED_GRACE_S:
                    continue
            except OSError:
                continue
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed
