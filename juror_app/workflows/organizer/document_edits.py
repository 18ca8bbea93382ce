"""A dossier's documents by hand: the list per dossier, adding one file, changing a kind or a title, removing one.

Adding one file goes through the same preview and transaction as a folder (:mod:`documents`), with
the dossier chosen instead of matched. Removing a document that already went out in a bundle is
allowed, but only once the organizer confirmed it knowing what it means: the jurors who have it keep
it until their next bundle revision, from which it is gone (:func:`removal_notice` says who).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from juror_app.domain import document_rules
from juror_app.domain.errors import ValidationError
from juror_app.domain.i18n import pick
from juror_app.domain.model import DOCUMENT_KIND_NAMES, DocumentKind, StageId
from juror_app.store import document_sources as store
from juror_app.store.blobs import BlobStore
from juror_app.store.connection import Queryable
from juror_app.store.document_sources import StoredDocument
from juror_app.workflows.organizer.documents import (
    DocumentsResult,
    FileOutcome,
    apply_documents,
    preview_file,
)
from juror_app.workflows.pdf_check import Depth

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class DossierDocuments:
    """A dossier with its institution and documents, as the documents screen lists it."""

    dossier_id: str
    institution_id: str
    institution_name: str
    category_name: str
    documents: tuple[StoredDocument, ...]

    @property
    def empty(self) -> bool:
        return not self.documents

    def stages(self) -> set[StageId]:
        return {document_rules.stage_of(DocumentKind(d.kind)) for d in self.documents}


def kind_name(kind: str | DocumentKind, lang: str | None = None) -> str:
    return pick(*DOCUMENT_KIND_NAMES[DocumentKind(kind)], lang)


def dossiers_with_documents(db: Queryable) -> list[DossierDocuments]:
    """Every dossier (by id) with its institution, category and documents in their order."""
    documents: dict[str, list[StoredDocument]] = {}
    for doc in store.stored_documents(db):
        documents.setdefault(doc.dossier_id, []).append(doc)
    return [DossierDocuments(r[0], r[1], r[2], r[3], tuple(documents.get(r[0], ())))
            for r in db.execute(
                "SELECT d.id, d.institution_id, coalesce(i.name, ''), coalesce(c.name, d.category_id) FROM dossiers d"
                " LEFT JOIN institutions i ON i.id = d.institution_id LEFT JOIN categories c ON c.id = d.category_id"
                " ORDER BY d.id")]


def _document(db: Queryable, document_id: str) -> StoredDocument:
    found = store.stored_document(db, document_id)
    if found is None:
        raise ValidationError("unknown_document", pl=f"Nie ma dokumentu {document_id}.",
                              en=f"There is no document {document_id}.")
    return found


def add_document_file(db: Database, dossier_id: str, path: Path, *, kind: DocumentKind | None = None,
                      title: str = "", depth: Depth = Depth.STRUCTURE, blobs: BlobStore | None = None,
                      progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> DocumentsResult:
    """Check one PDF and append it to ``dossier_id`` (kind inferred from its name unless given).

    Refused with the reason, and nothing written, when the file is not a PDF, fails the check, or
    is already in that dossier.
    """
    preview = preview_file(db, path, dossier_id, kind=kind, title=title, depth=depth, progress=progress,
                           cancelled=cancelled)
    item = preview.files[0]
    if item.outcome is not FileOutcome.ADD:
        raise ValidationError(
            "document_refused",
            pl=f"Nie dodano pliku „{Path(path).name}” do teczki {dossier_id}: {item.describe('pl')}",
            en=f"The file “{Path(path).name}” was not added to the dossier {dossier_id}: {item.describe('en')}",
            reason=item.reason.code if item.reason else "")
    return apply_documents(db, preview, blobs=blobs, cancelled=cancelled)


def change_document(db: Database, document_id: str, *, kind: DocumentKind | str | None = None,
                    title: str | None = None) -> StoredDocument:
    """Change a document's kind and/or title (it goes out so in the next bundle revision)."""
    _document(db, document_id)
    try:
        kind_value = DocumentKind(kind).value if kind is not None else None
    except ValueError:
        known = ", ".join(k.value for k in DocumentKind)
        raise ValidationError("unknown_kind", pl=f"Nieznany rodzaj dokumentu „{kind}”; rodzaje: {known}.",
                              en=f"Unknown document kind “{kind}”; the kinds: {known}.") from None
    tidy = None
    if title is not None:
        tidy = document_rules.tidy_title(title)
        if not tidy:
            raise ValidationError("empty_title", pl="Tytuł dokumentu nie może być pusty.",
                                  en="A document's title cannot be empty.")
    with db.atomic():
        store.update_document(db, document_id, kind=kind_value, title=tidy)
    return _document(db, document_id)


@dataclass(frozen=True)
class RemovalNotice:
    """What removing a document means: the bundles (juror, revision) that already carried it."""

    document: StoredDocument
    bundles: tuple[tuple[str, int], ...]

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.bundles)

    def message(self, lang: str | None = None) -> str:
        doc = self.document
        if not self.bundles:
            return pick(f"Usunąć dokument {doc.id} „{doc.title}” z teczki {doc.dossier_id}? Nie wysłano go jeszcze "
                        "w żadnej paczce z przydziałem.",
                        f"Remove the document {doc.id} “{doc.title}” from the dossier {doc.dossier_id}? It has not gone "
                        "out in any assignment bundle yet.", lang)
        who = ", ".join(f"{juror} (r{revision})" for juror, revision in self.bundles)
        return pick(
            f"Dokument {doc.id} „{doc.title}” wysłano już w paczkach z przydziałem: {who}. Po usunięciu zniknie z "
            "następnej wersji paczki tych członków Kapituły (do tego czasu mają go nadal). Usunąć go z teczki "
            f"{doc.dossier_id}?",
            f"The document {doc.id} “{doc.title}” already went out in the assignment bundles of: {who}. Once removed, "
            "it disappears from those jurors' next bundle revision (until then they still have it). Remove it from "
            f"the dossier {doc.dossier_id}?", lang)


def removal_notice(db: Queryable, document_id: str) -> RemovalNotice:
    document = _document(db, document_id)
    return RemovalNotice(document, tuple(store.bundles_carrying(db, document)))


def remove_document(db: Database, document_id: str, *, confirmed: bool = False) -> StoredDocument:
    """Take a document out of its dossier (its file stays in the store). A document that already went out in a
    bundle needs ``confirmed=True`` (after showing :func:`removal_notice`); without it nothing changes."""
    notice = removal_notice(db, document_id)
    if notice.needs_confirmation and not confirmed:
        raise ValidationError("removal_needs_confirmation", pl=notice.message("pl"), en=notice.message("en"),
                              bundles=notice.bundles)
    with db.atomic():
        store.delete_document(db, document_id)
    return notice.document
