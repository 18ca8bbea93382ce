"""argparse in Polish: its own messages ("usage:", "error:", …) translated, since people see them.

argparse looks its messages up through ``gettext`` at call time; pointing its ``_``/``ngettext`` at
this table gives Polish help and errors without touching the process's locale.
"""

from __future__ import annotations

import argparse

from juror_app.domain.i18n import current_language

_PL = {
    "usage: ": "użycie: ",
    "positional arguments": "argumenty",
    "options": "opcje",
    "optional arguments": "opcje",
    "show this help message and exit": "pokaż tę pomoc i zakończ",
    "the following arguments are required: %s": "brakuje wymaganych argumentów: %s",
    "unrecognized arguments: %s": "nieznane argumenty: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "niedozwolona wartość: %(value)r (dozwolone: %(choices)s)",
    "invalid %(type)s value: %(value)r": "niepoprawna wartość (%(type)s): %(value)r",
    "expected one argument": "oczekiwano jednej wartości",
    "expected at least one argument": "oczekiwano co najmniej jednej wartości",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: błąd: %(message)s\n",
    "not allowed with argument %s": "nie można użyć razem z %s",
    "ignored explicit argument %r": "zignorowano wartość %r",
    "ambiguous option: %(option)s could match %(matches)s": "niejednoznaczna opcja: %(option)s pasuje do %(matches)s",
    "one of the arguments %s is required": "wymagany jest jeden z argumentów: %s",
    "subcommands": "polecenia",
}


def _gettext(message: str) -> str:
    if current_language() == "pl":
        return _PL.get(message, message)
    return message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install() -> None:
    """Route argparse's messages through the table above."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
