"""Why a file of a documents folder is not attached: one stable code and a sentence in each language.

The PDF check's own refusals (broken, encrypted, no pages, too many pages, too large, …) come
with their messages from :class:`~juror_app.domain.pdf_verdict.PdfVerdict`; the reasons here are the
ones the import finds before or around the check.
"""

from __future__ import annotations

from dataclasses import dataclass

from juror_app.domain.i18n import pick
from juror_app.domain.pdf_verdict import PdfVerdict

MAX_DOCUMENTS_PER_DOSSIER = 200  # the bundle's reader takes at most 200 documents a dossier


@dataclass(frozen=True)
class Reason:
    code: str
    pl: str
    en: str

    def text(self, lang: str | None = None) -> str:
        return pick(self.pl, self.en, lang)


def of_verdict(verdict: PdfVerdict) -> Reason:
    return Reason(verdict.reason, verdict.message_pl, verdict.message_en)


def system_file() -> Reason:
    return Reason("system_file", "plik systemowy, nie dokument jednostki",
                  "a system file, not an institution's document")


def not_pdf(name: str) -> Reason:
    return Reason("not_pdf", f"to nie jest plik PDF („{name}”); dołączane są tylko pliki .pdf — jeśli to PDF, "
                             "zmień rozszerzenie na .pdf, a dokument w innym formacie zapisz jako PDF",
                  f"not a PDF file (“{name}”); only .pdf files are attached — if it is a PDF, rename it to .pdf, "
                  "and save a document of another format as PDF")


def link_to_folder() -> Reason:
    return Reason("link_to_folder", "dowiązanie do folderu: nie zaglądam do niego; skopiuj tamten folder tutaj",
                  "a link to a folder: not followed; copy that folder here instead")


def not_regular() -> Reason:
    return Reason("not_regular", "to nie jest zwykły plik (np. potok albo urządzenie)",
                  "not a regular file (e.g. a pipe or a device)")


def unreadable(detail: str = "") -> Reason:
    extra = f" ({detail})" if detail else ""
    return Reason("unreadable", f"nie da się odczytać pliku{extra}; sprawdź uprawnienia",
                  f"the file cannot be read{extra}; check the permissions")


def unreadable_folder() -> Reason:
    return Reason("unreadable_folder", "nie da się odczytać tego folderu; sprawdź uprawnienia",
                  "this folder cannot be read; check the permissions")


def empty_file() -> Reason:
    return Reason("empty_file", "plik jest pusty (0 bajtów)", "the file is empty (0 bytes)")


def unmatched(relative: str) -> Reason:
    return Reason(
        "unmatched",
        f"nie pasuje do żadnej jednostki: ani folder, ani nazwa pliku „{relative}” nie jest identyfikatorem jednostki "
        "(np. i0007), teczki (np. d0007) ani nazwą jednostki; nazwij podfolder identyfikatorem albo nazwą jednostki",
        f"matches no institution: neither a folder nor the file name of “{relative}” is an institution's id "
        "(e.g. i0007), a dossier's id (e.g. d0007) or an institution's name; name the subfolder by the "
        "institution's id or name")


def ambiguous(candidates: list[tuple[str, str]]) -> Reason:
    listed = "; ".join(f"{i} {name}" for i, name in candidates)
    return Reason(
        "ambiguous",
        f"pasuje do kilku jednostek ({listed}); nazwij podfolder identyfikatorem jednostki",
        f"matches several institutions ({listed}); name the subfolder by the institution's id")


def no_dossier(institution_id: str) -> Reason:
    return Reason("no_dossier", f"jednostka {institution_id} nie ma teczki; zapisz ją ponownie na ekranie jednostek",
                  f"the institution {institution_id} has no dossier; save it again on the applicants' screen")


def duplicate(first: str) -> Reason:
    return Reason("duplicate", f"ten sam plik drugi raz (ta sama zawartość co „{first}”)",
                  f"the same file twice (the same content as “{first}”)")


def already_attached(document_id: str, title: str) -> Reason:
    return Reason("already_attached", f"już jest w tej teczce ({document_id} „{title}”)",
                  f"already in this dossier ({document_id} “{title}”)")


def too_many_documents() -> Reason:
    return Reason("too_many_documents",
                  f"teczka miałaby więcej niż {MAX_DOCUMENTS_PER_DOSSIER} dokumentów (tyle najwyżej przyjmie paczka "
                  "członka Kapituły); połącz dokumenty w mniej plików PDF",
                  f"the dossier would hold more than {MAX_DOCUMENTS_PER_DOSSIER} documents (the most a juror's bundle "
                  "takes); join documents into fewer PDF files")
