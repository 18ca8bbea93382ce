"""Reading a dossier's documents from a folder of files: whose each file is, what kind, and its title.

The organizer receives the applicants' PDFs as offices send them and puts them in a folder, one
subfolder per institution (named by its identifier, its dossier's identifier or its name) or with
file names that start with the institution's identifier (``i0007 formularz.pdf``,
``i0007_raport.pdf``). These are the rules for reading such names; they do no I/O.

- **Names** are compared by :func:`name_key`: case, Polish (and other) diacritics, quote styles and
  punctuation do not matter, and ``_``, ``-``, ``.`` and runs of spaces all count as one space, since
  folder names cannot hold some characters of an institution's name (``"``, ``/``, ``:``) and people
  write ``Urzad_Gminy_Laka`` for "Urząd Gminy Łąka".
- **An identifier at the start of a name** counts only when it is followed by the end of the name
  or by a character that cannot continue an identifier's digits or letters (:func:`id_at_start`),
  so ``i0007`` never matches ``i00071 raport.pdf``. Letter case does not matter. Of several
  identifiers that start a name, the longest is the one meant.
- **The kind** comes from words in the name (:data:`KIND_WORDS`), Polish or English; the first rule
  that matches wins (the more specific kinds are first), else it is "other".
- **The title** is the file name without its suffix and the identifier it starts with, spaces tidied
  (:func:`title_from_name`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from juror_app.domain.institution_rules import folded_key
from juror_app.domain.model import DOCUMENT_KIND_NAMES, DocumentKind, StageId

# (kind, alternatives): an alternative matches when each of its words is in the name; "word*" matches
# any word starting with it (Polish inflects: "zgłoszenie", "zgłoszeniowy", "zgłoszenia").
KIND_WORDS: tuple[tuple[DocumentKind, tuple[tuple[str, ...], ...]], ...] = (
    (DocumentKind.MYSTERY_CLIENT_REPORT, (("tajemnicz*",), ("mystery*",))),
    (DocumentKind.EXTERNAL_INFORMATION, (("zewnetrzn*",), ("opini*",), ("external*",))),
    (DocumentKind.QUALITY_POLICY, (("polityk*", "jakosc*"), ("quality*", "polic*"))),
    (DocumentKind.APPLICATION_FORM, (("formularz*",), ("zgloszen*",), ("wnios*",), ("application*",), ("form",),
                                     ("forms",))),
)
# Stage II verifies the documents: information from external sources and the mystery client's visits.
KIND_STAGE = {
    DocumentKind.APPLICATION_FORM: StageId.I,
    DocumentKind.QUALITY_POLICY: StageId.I,
    DocumentKind.OTHER: StageId.I,
    DocumentKind.MYSTERY_CLIENT_REPORT: StageId.II,
    DocumentKind.EXTERNAL_INFORMATION: StageId.II,
}
MAX_TITLE = 200  # characters; the bundle allows 500
_NOT_WORD = re.compile(r"[\W_]+")
_ID_CHARACTER = re.compile(r"[A-Za-z0-9]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_TRIM = " _-.,;:–—"


def name_key(text: str) -> str:
    """``"Urząd  Gminy „Łąka”"`` and ``"urzad_gminy_laka"`` → ``"urzad gminy laka"`` (see the module's rules)."""
    return " ".join(_NOT_WORD.sub(" ", folded_key(unicodedata.normalize("NFC", text or ""))).split())


class IdIndex:
    """Identifiers by their case-folded form, so that finding the one a name starts with costs one
    look-up per distinct identifier length, not one comparison per identifier (8,000 files × 2,000
    institutions would be 16 million comparisons)."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.by_key: dict[str, list[str]] = {}
        for ident in ids:
            key = ident.casefold()
            if key:
                self.by_key.setdefault(key, []).append(ident)
        self.lengths = sorted({len(key) for key in self.by_key}, reverse=True)

    def at_start(self, name: str) -> list[str]:
        """Every identifier that starts ``name`` as a whole (any letter case), the longest first."""
        text = unicodedata.normalize("NFC", name or "").casefold()
        for length in self.lengths:
            if length > len(text):
                continue
            key = text[:length]
            idents = self.by_key.get(key)
            if idents is None:
                continue
            rest = text[length:]
            if not rest or not (_ID_CHARACTER.match(rest[0]) and _ID_CHARACTER.match(key[-1])):
                return list(idents)
        return []


def id_at_start(name: str, ids: Iterable[str]) -> list[str]:
    """Every identifier of ``ids`` that starts ``name`` as a whole (any letter case), the longest first."""
    return IdIndex(ids).at_start(name)


def kind_from_name(text: str) -> DocumentKind | None:
    """The kind that words in ``text`` name (:data:`KIND_WORDS`), or None when no rule matches."""
    words = name_key(text).split()
    for kind, alternatives in KIND_WORDS:
        for alternative in alternatives:
            if all(_has_word(words, word) for word in alternative):
                return kind
    return None


def _has_word(words: list[str], pattern: str) -> bool:
    if pattern.endswith("*"):
        stem = pattern[:-1]
        return any(w.startswith(stem) for w in words)
    return pattern in words


def infer_kind(file_stem: str, folders: Iterable[str] = ()) -> tuple[DocumentKind, bool]:
    """The kind of a file from its name, else from the folders it is in (innermost first): (kind, inferred).

    ``inferred`` is False when nothing named a kind and "other" was taken.
    """
    for text in (file_stem, *folders):
        kind = kind_from_name(text)
        if kind is not None:
            return kind, True
    return DocumentKind.OTHER, False


def stage_of(kind: DocumentKind) -> StageId:
    return KIND_STAGE[kind]


def clean_text(text: str) -> str:
    """Control and direction-changing characters removed, whitespace collapsed, NFC."""
    return " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", text or "")).split())


def title_from_name(file_stem: str, kind: DocumentKind, *, strip_id: str = "") -> str:
    """A document's title from its file name: ``"i0007_raport_tajemniczego_klienta"`` → ``"Raport tajemniczego klienta"``.

    ``strip_id`` is the identifier the name starts with (taken off); a name with nothing left gives
    the kind's Polish name. Underscores become spaces; at most :data:`MAX_TITLE` characters.
    """
    text = unicodedata.normalize("NFC", file_stem or "")
    if strip_id and text.casefold().startswith(strip_id.casefold()):
        text = text[len(strip_id):]
    text = clean_text(text.replace("_", " ")).strip(_TRIM)
    if not text:
        return DOCUMENT_KIND_NAMES[kind][0]
    if text[0].islower():
        text = text[0].upper() + text[1:]
    if len(text) > MAX_TITLE:
        cut = text[:MAX_TITLE - 1]
        text = (cut.rsplit(" ", 1)[0] if " " in cut[MAX_TITLE // 2:] else cut).rstrip(_TRIM) + "…"
    return text


def tidy_title(text: str) -> str:
    """A title typed by the organizer, as stored: cleaned, at most :data:`MAX_TITLE` characters ("" when empty)."""
    return clean_text(text)[:MAX_TITLE]
