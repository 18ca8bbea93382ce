"""Passphrases on the command line: from ``--passphrase-file FILE`` (scripts) or typed without echo.

The file's first line is the passphrase (its line ending dropped, nothing else): a script writes it
with ``printf '%s\\n' "$PASS" > pass.txt``. Typed, it is asked with ``getpass`` (no echo), twice for a
new key. A passphrase is never printed, logged, or given on the command line itself (where other
users of the machine could read it from the process list).
"""

from __future__ import annotations

import getpass
from pathlib import Path

from juror_app.domain.errors import UserError, ValidationError
from juror_app.domain.i18n import pick

MAX_PASSPHRASE_FILE = 64 * 1024

PASSPHRASE_FILE_HELP_PL = "plik, którego pierwszy wiersz to hasło klucza (dla skryptów); bez tej opcji program pyta o hasło"
PASSPHRASE_FILE_HELP_EN = "a file whose first line is the key's passphrase (for scripts); without it the program asks for it"


def passphrase_file_help() -> str:
    return pick(PASSPHRASE_FILE_HELP_PL, PASSPHRASE_FILE_HELP_EN)


def read_passphrase_file(path: Path) -> str:
    """The first line of ``path`` without its line ending; refused when the file is missing or empty."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_PASSPHRASE_FILE + 1)
    except OSError as exc:
        raise ValidationError(
            "passphrase_file_unreadable",
            pl=f"Nie można odczytać pliku z hasłem „{path}”: {exc.strerror or exc}.",
            en=f"Cannot read the passphrase file “{path}”: {exc.strerror or exc}.",
        ) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "passphrase_file_encoding",
            pl=f"Plik z hasłem „{path}” nie jest tekstem UTF-8.",
            en=f"The passphrase file “{path}” is not UTF-8 text.",
        ) from None
    first = text.split("\n", 1)[0].removesuffix("\r")
    if not first or len(data) > MAX_PASSPHRASE_FILE:
        raise ValidationError(
            "passphrase_file_empty",
            pl=f"Pierwszy wiersz pliku „{path}” powinien zawierać hasło (jest pusty albo plik jest za duży).",
            en=f"The first line of “{path}” should hold the passphrase (it is empty, or the file is too large).",
        )
    return first


def ask(prompt_pl: str, prompt_en: str) -> str:
    """One passphrase typed without echo; Ctrl+D or a closed input is a clear error, not a traceback."""
    try:
        return getpass.getpass(pick(prompt_pl, prompt_en))
    except EOFError:
        raise UserError(
            "no_passphrase",
            pl="Nie podano hasła. W skryptach użyj --passphrase-file PLIK.",
            en="No passphrase was given. In scripts use --passphrase-file FILE.",
        ) from None


def new_passphrase(path: Path | None, *, whose_pl: str = "organizatora", whose_en: str = "organizer") -> tuple[str, str]:
    """(passphrase, repeated) for a new key: the file's line twice, or typed twice."""
    if path is not None:
        text = read_passphrase_file(path)
        return text, text
    first = ask(f"Hasło nowego klucza {whose_pl}: ", f"Passphrase of the new {whose_en} key: ")
    again = ask("Powtórz hasło: ", "Repeat the passphrase: ")
    return first, again


def existing_passphrase(path: Path | None, key_path: Path) -> str:
    if path is not None:
        return read_passphrase_file(path)
    return ask(f"Hasło klucza {key_path.name}: ", f"Passphrase of the key {key_path.name}: ")
