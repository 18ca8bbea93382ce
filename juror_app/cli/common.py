"""What every subcommand shares: exit codes, argument types, opening the edition database."""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path
from typing import Callable

from juror_app.domain.i18n import pick

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace], int]


def positive(limit: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(pick(f"„{text}” nie jest liczbą całkowitą", f"“{text}” is not a whole number")) from None
        if not 1 <= value <= limit:
            raise argparse.ArgumentTypeError(pick(f"wartość musi być od 1 do {limit}", f"the value must be 1 to {limit}"))
        return value
    return parse


def seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(pick(f"„{text}” nie jest liczbą całkowitą", f"“{text}” is not a whole number")) from None


def existing_file(text: str) -> Path:
    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(pick(f"nie ma pliku „{text}”", f"there is no file “{text}”"))
    return path


def open_organizer(path: Path):
    """The edition database, to change it (``merge``): a read-only one is refused before anything."""
    from juror_app.store.organizer_schema import open_existing_organizer_db

    return open_existing_organizer_db(path)


def read_organizer(path: Path):
    """The edition database, to read it only (``verify``, ``results``, ``report``…): nothing in it is written.

    When the file, its folder or the medium is read-only, a note on standard error says it was read as it is.
    """
    from juror_app.store.organizer_schema import read_existing_organizer_db

    db, access = read_existing_organizer_db(path)
    note = access.note()
    if note:
        print(note, file=sys.stderr)
    return db


_ERRNO_TEXTS = {
    errno.EROFS: ("system plików jest tylko do odczytu (np. płyta, archiwum, /proc)", "the file system is read-only (a disc, an archive, /proc)"),
    errno.EACCES: ("brak uprawnień", "permission denied"),
    errno.EPERM: ("operacja niedozwolona", "operation not permitted"),
    errno.ENOSPC: ("brak miejsca na dysku", "no space left on the disk"),
    errno.ENOENT: ("nie ma takiego pliku ani folderu", "no such file or folder"),
    errno.EISDIR: ("to jest folder, a potrzebny jest plik", "it is a folder, and a file is needed"),
    errno.ENOTDIR: ("część ścieżki nie jest folderem", "a part of the path is not a folder"),
    errno.EEXIST: ("plik już istnieje", "the file already exists"),
}
if hasattr(errno, "EDQUOT"):
    _ERRNO_TEXTS[errno.EDQUOT] = ("przekroczony limit miejsca na dysku", "the disk quota is exceeded")


def os_error_reason(exc: OSError) -> tuple[str, str]:
    """Why the system refused, in Polish and in English (the system's own words for a rare case)."""
    return _ERRNO_TEXTS.get(exc.errno, (exc.strerror or str(exc), exc.strerror or str(exc)))


def os_error_message(exc: OSError) -> str:
    """What the system refused, on which file, and what to do, in the user's language (not a traceback)."""
    reason_pl, reason_en = os_error_reason(exc)
    name = exc.filename if exc.filename is not None else ""
    return pick(
        f"nie udało się użyć „{name}”: {reason_pl}. Sprawdź ścieżkę, wolne miejsce i prawo zapisu.",
        f"could not use “{name}”: {reason_en}. Check the path, the free space and the write permission.",
    )
