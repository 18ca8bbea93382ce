"""One instance per profile (or edition database): a QLockFile beside it, recovered after a crash.

The lock is a separate file; the database itself is never opened with plain file functions
(closing any descriptor of it would drop SQLite's POSIX locks).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from juror_app.domain.errors import UserError


class AlreadyRunning(UserError):
    pass


def acquire(lock_path: Path) -> QLockFile:
    """Hold the lock for the life of the returned object, or raise AlreadyRunning naming the other instance."""
    lock = QLockFile(str(lock_path))
    lock.setStaleLockTime(0)  # a lock whose process is gone is stale whatever its age
    if lock.tryLock(200):
        return lock
    if lock.error() == QLockFile.LockFailedError:
        info = tuple(lock.getLockInfo())  # PySide6 gives (pid, hostname, appname); 0 for the pid when unknown
        pid, host, app = info[-3:]
        ok = bool(pid) and (len(info) == 3 or bool(info[0]))
        who_pl = f"proces {pid} ({app or 'juror-app'}) na komputerze {host}" if ok else "inny proces"
        who_en = f"process {pid} ({app or 'juror-app'}) on host {host}" if ok else "another process"
        raise AlreadyRunning(
            "already_running",
            pl=f"Ten profil jest już otwarty: {who_pl}. Przełącz się na tamto okno albo je zamknij i spróbuj ponownie.",
            en=f"This profile is already open: {who_en}. Switch to that window, or close it and try again.",
            pid=pid if ok else None,
        )
    raise AlreadyRunning(
        "lock_unavailable",
        pl=f"Nie można utworzyć pliku blokady {lock_path}. Sprawdź uprawnienia do folderu.",
        en=f"Cannot create the lock file {lock_path}. Check the folder's permissions.",
    )
