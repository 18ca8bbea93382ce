"""Errors a person can act on.

Every such error carries a stable ``code`` (for tests and logs) and the message in Polish and
English, written where it is raised so that the text says exactly what is wrong and what to do.
"""

from __future__ import annotations

from typing import Any

from juror_app.domain.i18n import pick


class UserError(Exception):
    """Base of all errors whose message is shown to a person (dialog, CLI)."""

    def __init__(self, code: str, *, pl: str, en: str, **details: Any) -> None:
        super().__init__(f"{code}: {en}")
        self.code = code
        self.pl = pl
        self.en = en
        self.details = details

    def message(self, lang: str | None = None) -> str:
        return pick(self.pl, self.en, lang)

    def __str__(self) -> str:
        return self.message()


class ValidationError(UserError):
    """A typed value (points, justification, passphrase, argument) breaks a rule."""


class FormatError(UserError):
    """A file that travels (enrollment, bundle, package, key) is malformed or unsafe."""


class SignatureError(FormatError):
    """A signature is missing, malformed, made by an untrusted key, or does not verify."""


class TrustError(UserError):
    """A well-formed, correctly signed file is refused by policy (roster, revision, edition)."""


class StoreError(UserError):
    """The database cannot be opened, is damaged, or is of an unknown schema."""
