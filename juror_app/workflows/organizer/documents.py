"""Attaching the applicants' PDFs to their dossiers: a preview of every file in a folder, then one transaction.

:func:`preview_documents` lists EVERY file under the folder, PDF or not, and says what importing it
would do: **add** it to a dossier (matched by :mod:`document_folder`'s rules, its kind read from its
name, its title tidied from the file name, its size and pages, and the PDF check's verdict), it is
**already attached** to that dossier, **skipped** (a system file such as ``Thumbs.db``), or
**refused** with the reason (not a PDF, broken, encrypted, empty, too many pages, over the size cap,
not matched to any institution, an ambiguous match, the same file twice, …). Nothing is written.
The organizer may change a file's kind or title (:meth:`DocumentsPreview.with_kind`); then
:func:`apply_documents` copies the accepted files into the content-addressed store beside the
database (hashing while copying: a file changed since the preview is noticed), appends them to their
dossiers' document lists (documents added later, such as stage II reports, go out in the next bundle
revision) and records the import, every file's outcome and the verdicts, in ONE transaction — or
refuses, with nothing written, when the database or the folder changed since the preview.

**The check.** Each PDF is checked in a capped child process (:mod:`juror_app.workflows.pdf_check`)
before it is accepted. The folder import checks the structure (:attr:`Depth.STRUCTURE`: load, page
count, outline walk, every page's size), not every page's text and the first page's rendering: the
organizer's window never opens an applicant's PDF, so the deeper check protects nothing here, while
every juror's bundle import checks each document again in full before the juror's window may open
it. The structure check finds what applicants' files really get wrong (not a PDF or damaged,
password-protected, no pages, more pages than the viewer opens, over the size cap, an outline that
crashes the viewer or nests too deep) at a sixth of the cost (measured: 0.6 ms of child time per
demo document against 5.5 ms for the full check). ``depth=Depth.FULL`` (``--full-check``) runs the
juror's check instead, e.g. for documents from a source one does not trust. Verdicts are recorded by
SHA-256 (``document_checks``); a structure verdict counts as an older checker's, so any full check
checks that document again.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Iterable

from sqlite_utils import Database

from juror_app.domain import document_rules
from juror_app.domain.errors import UserError, ValidationError
from juror_app.domain.i18n import count_en, count_pl, pick
from juror_app.domain.model import DOCUMENT_KIND_NAMES, Document, DocumentKind, Dossier, Institution, StageId
from juror_app.domain.pdf_verdict import PdfVerdict
from juror_app.domain.timestamps import utc_now
from juror_app.fsutil import flush_to_disk
from juror_app.store import document_sources as store
from juror_app.store.blobs import BlobStore
from juror_app.store.document_checks import record_verdicts, unchecked, verdict_of, verdicts_of
from juror_app.store.edition_tables import write_dossiers, write_institutions
from juror_app.workflows import pdf_check
from juror_app.workflows.organizer import document_reasons as why
from juror_app.workflows.organizer.document_folder import (
    FoundFile,
    Match,
    Matcher,
    MatchRule,
    Target,
    entry_of,
    folder_state,
    scan_folder,
)
from juror_app.workflows.pdf_check import Caps, Depth

Progress = Callable[[int, int, str], None]
COPY_CHUNK = 1 << 20


class FileOutcome(str, Enum):
    ADD = "add"
    ALREADY = "already_attached"
    SKIPPED = "skipped"
    REFUSED = "refused"


OUTCOME_NAMES = {
    FileOutcome.ADD: ("do dodania", "to add"),
    FileOutcome.ALREADY: ("już w teczce", "already attached"),
    FileOutcome.SKIPPED: ("pominięty", "skipped"),
    FileOutcome.REFUSED: ("odrzucony", "refused"),
}


class DocumentsCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("documents_cancelled", pl="Przerwano; niczego nie zapisano.", en="Cancelled; nothing was written.")


@dataclass(frozen=True)
class FilePreview:
    """What importing one file would do."""

    relative: str  # the file's path inside the folder, with "/"
    path: Path
    size: int
    outcome: FileOutcome
    reason: why.Reason | None = None
    match: Match = Match()
    kind: DocumentKind = DocumentKind.OTHER
    kind_inferred: bool = False  # the kind was read from the name (else "other" was taken)
    title: str = ""
    sha256: str = ""
    pages: int = 0
    verdict: PdfVerdict | None = None

    @property
    def target(self) -> Target | None:
        return self.match.target

    @property
    def dossier_id(self) -> str:
        return self.target.dossier_id if self.target else ""

    @property
    def stage(self) -> StageId:
        return document_rules.stage_of(self.kind)

    def kind_name(self, lang: str | None = None) -> str:
        return pick(*DOCUMENT_KIND_NAMES[self.kind], lang)

    def describe(self, lang: str | None = None) -> str:
        """The reason (refused, skipped, already attached) or what the check found."""
        if self.reason is not None:
            return self.reason.text(lang)
        return self.verdict.message(lang) if self.verdict is not None else ""


@dataclass(frozen=True)
class DocumentsPreview:
    """Every file found with its outcome; pass it to :func:`apply_documents` to write it."""

    source: Path  # the folder (or, for one file added by hand, that file)
    files: tuple[FilePreview, ...]
    depth: Depth
    db_state: str
    folder_state: str
    single: bool = False

    def of(self, outcome: FileOutcome) -> tuple[FilePreview, ...]:
        return tuple(f for f in self.files if f.outcome is outcome)

    @property
    def counts(self) -> dict[FileOutcome, int]:
        return {o: len(self.of(o)) for o in FileOutcome}

    @property
    def writes(self) -> bool:
        return bool(self.of(FileOutcome.ADD))

    def file(self, relative: str) -> FilePreview:
        return next(f for f in self.files if f.relative == relative)

    def with_kind(self, relative: str, kind: DocumentKind) -> DocumentsPreview:
        """The same preview with one file's kind chosen by the organizer."""
        return self._with(relative, kind=DocumentKind(kind), kind_inferred=False)

    def with_title(self, relative: str, title: str) -> DocumentsPreview:
        tidy = document_rules.tidy_title(title)
        if not tidy:
            raise ValidationError("empty_title", pl="Tytuł dokumentu nie może być pusty.",
                                  en="A document's title cannot be empty.")
        return self._with(relative, title=tidy)

    def _with(self, relative: str, **changes) -> DocumentsPreview:
        self.file(relative)  # KeyError-free: StopIteration for an unknown file is a programming error
        files = tuple(replace(f, **changes) if f.relative == relative else f for f in self.files)
        return replace(self, files=files)


@dataclass(frozen=True)
class AddedDocument:
    document_id: str
    dossier_id: str
    relative: str


@dataclass(frozen=True)
class DocumentsResult:
    import_id: int
    added: tuple[AddedDocument, ...]
    refused: int
    already: int


class _Progress:
    """Files decided so far (read and refused, or checked), reported from the reading loop and the checkers."""

    def __init__(self, total: int, report: Progress | None) -> None:
        self.total, self.report, self.done = total, report, 0
        self.lock = threading.Lock()

    def step(self, label: str, n: int = 1) -> None:
        with self.lock:
            self.done += n
            done = self.done
        if self.report is not None:
            self.report(done, self.total, label)


def _sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _existing(db: Database) -> tuple[dict[str, dict[str, tuple[str, str]]], dict[str, int]]:
    """Dossier → {SHA-256 → (document id, title)} of what is attached, and each dossier's document count."""
    attached: dict[str, dict[str, tuple[str, str]]] = {}
    counts: dict[str, int] = {}
    for doc_id, dossier_id, title, sha in db.execute("SELECT id, dossier_id, title, sha256 FROM documents ORDER BY id"):
        attached.setdefault(dossier_id, {}).setdefault(sha, (doc_id, title))
        counts[dossier_id] = counts.get(dossier_id, 0) + 1
    return attached, counts


def _first_look(found: FoundFile, match: Match, caps: Caps) -> FilePreview:
    """A file's preview from its name and size alone (no reading): refused, skipped, or waiting to be read."""
    base = FilePreview(found.relative, found.path, found.size, FileOutcome.REFUSED, match=match)
    name = found.parts[-1] if found.parts else found.relative
    problems = {"link_to_folder": why.link_to_folder, "not_regular": why.not_regular,
                "unreadable_folder": why.unreadable_folder, "unreadable": why.unreadable}
    if found.problem:
        return replace(base, reason=problems[found.problem]())
    if found.is_system_file:
        return replace(base, outcome=FileOutcome.SKIPPED, reason=why.system_file())
    if not name.casefold().endswith(".pdf"):
        return replace(base, reason=why.not_pdf(name))
    stem = name[:-4]
    kind, inferred = document_rules.infer_kind(stem, match.folders_below)
    title = document_rules.title_from_name(stem, kind, strip_id=match.strip_id)
    base = replace(base, kind=kind, kind_inferred=inferred, title=title)
    if match.ambiguous:
        return replace(base, reason=why.ambiguous([(t.institution_id, t.institution_name) for t in match.targets]))
    if match.target is None:
        return replace(base, reason=why.unmatched(found.relative))
    if not match.target.dossier_id:
        return replace(base, reason=why.no_dossier(match.target.institution_id))
    if found.size == 0:
        return replace(base, reason=why.empty_file())
    if found.size > caps.max_bytes:
        verdict = PdfVerdict("", "too_large", size=found.size, limit=caps.max_bytes)
        return replace(base, reason=why.of_verdict(verdict))
    return replace(base, outcome=FileOutcome.ADD)


def _plan(db: Database, source: Path, found: list[FoundFile], matches: list[Match], *, depth: Depth, caps: Caps,
          progress: Progress | None, cancelled: Callable[[], bool], single: bool) -> DocumentsPreview:
    """Every file's outcome: the name rules first, then each candidate read once (SHA-256) and checked."""
    db_state = store.documents_state(db)
    attached, counts = _existing(db)
    report = _Progress(len(found), progress)
    files: list[FilePreview] = []
    first_of: dict[tuple[str, str], str] = {}  # (dossier, SHA-256) → the first file of this import with it
    waiting: dict[str, list[int]] = {}  # SHA-256 → indexes of the files that wait for its verdict
    verdicts: dict[str, PdfVerdict] = {}
    pool: pdf_check.CheckerPool | None = None
    try:
        for item, match in zip(found, matches):
            if cancelled():
                raise DocumentsCancelled()
            preview = _read(_first_look(item, match, caps), attached, first_of)
            if preview.outcome is not FileOutcome.ADD:
                files.append(preview)
                report.step(item.relative)
                continue
            sha = preview.sha256
            waiting.setdefault(sha, []).append(len(files))
            files.append(preview)
            if len(waiting[sha]) > 1:
                continue  # the same content in another dossier: one check decides both
            recorded = verdict_of(db, sha, checker_version=depth.checker_version)
            if recorded is not None:
                verdicts[sha] = recorded
                report.step(item.relative)
                continue
            if pool is None:
                pool = _pool(waiting, depth, caps, cancelled, report)
            pool.submit(sha, item.path)
        if pool is not None:
            verdicts.update(pool.wait())
    except BaseException:
        if pool is not None:
            pool.close()
        raise
    if cancelled():
        raise DocumentsCancelled()
    for sha, indexes in waiting.items():
        verdict = verdicts.get(sha)
        for i in indexes:
            if verdict is None:  # only when a child could not finish: never accepted unchecked
                files[i] = replace(files[i], outcome=FileOutcome.REFUSED, reason=why.unreadable())
            elif verdict.ok:
                files[i] = replace(files[i], pages=verdict.pages, verdict=verdict)
            else:
                files[i] = replace(files[i], outcome=FileOutcome.REFUSED, verdict=verdict, reason=why.of_verdict(verdict))
    _cap_dossiers(files, counts)
    return DocumentsPreview(source, tuple(files), depth, db_state, folder_state(found), single)


def _read(preview: FilePreview, attached: dict[str, dict[str, tuple[str, str]]],
          first_of: dict[tuple[str, str], str]) -> FilePreview:
    """A candidate's SHA-256 (one read of the file), and whether its dossier already has it or this import twice."""
    if preview.outcome is not FileOutcome.ADD:
        return preview
    try:
        sha = _sha256_of(preview.path)
    except OSError as exc:
        return replace(preview, outcome=FileOutcome.REFUSED, reason=why.unreadable(exc.strerror or ""))
    preview = replace(preview, sha256=sha)
    dossier = preview.dossier_id
    if sha in attached.get(dossier, {}):
        doc_id, title = attached[dossier][sha]
        return replace(preview, outcome=FileOutcome.ALREADY, reason=why.already_attached(doc_id, title))
    if (dossier, sha) in first_of:
        return replace(preview, outcome=FileOutcome.REFUSED, reason=why.duplicate(first_of[(dossier, sha)]))
    first_of[(dossier, sha)] = preview.relative
    return preview


def _pool(waiting: dict[str, list[int]], depth: Depth, caps: Caps, cancelled: Callable[[], bool],
          report: _Progress) -> pdf_check.CheckerPool:
    """The checkers, started at the first file that needs them (a verdict counts every file of its SHA-256)."""

    def checked(_done: int, _total: int, sha: str) -> None:
        report.step(sha, len(waiting.get(sha, ())))

    return pdf_check.CheckerPool(workers=pdf_check.CHECKERS, caps=caps, cancelled=cancelled, progress=checked,
                                 depth=depth)


def _cap_dossiers(files: list[FilePreview], counts: dict[str, int]) -> None:
    for i, f in enumerate(files):
        if f.outcome is FileOutcome.ADD:
            counts[f.dossier_id] = counts.get(f.dossier_id, 0) + 1
            if counts[f.dossier_id] > why.MAX_DOCUMENTS_PER_DOSSIER:
                files[i] = replace(f, outcome=FileOutcome.REFUSED, reason=why.too_many_documents())


def preview_documents(db: Database, folder: Path, *, depth: Depth = Depth.STRUCTURE, caps: Caps = Caps(),
                      progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> DocumentsPreview:
    """Say what importing ``folder`` would do, file by file; nothing is written (see the module's docstring).

    ``progress(done, total, label)`` counts files decided (from the checkers' threads too). Raises
    :class:`DocumentsCancelled` when ``cancelled()`` turns true, FolderError for a folder that
    cannot be read at all, CheckerUnavailable when the PDF check cannot start.
    """
    folder = Path(folder)
    found = scan_folder(folder)
    matcher = Matcher.of(db)
    matches = [matcher.match(f.relative) for f in found]
    return _plan(db, folder, found, matches, depth=Depth(depth), caps=caps, progress=progress,
                 cancelled=cancelled or (lambda: False), single=False)


def preview_file(db: Database, path: Path, dossier_id: str, *, kind: DocumentKind | None = None,
                 title: str = "", depth: Depth = Depth.STRUCTURE, caps: Caps = Caps(),
                 progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> DocumentsPreview:
    """The preview of one file to be added to a chosen dossier (its kind inferred unless ``kind`` is given)."""
    path = Path(path)
    row = db.execute("SELECT d.institution_id, i.name FROM dossiers d JOIN institutions i ON i.id = d.institution_id"
                     " WHERE d.id = ?", [dossier_id]).fetchone()
    if row is None:
        raise ValidationError("unknown_dossier", pl=f"Nie ma teczki {dossier_id}.", en=f"There is no dossier {dossier_id}.")
    if not path.exists():
        raise ValidationError("no_such_file", pl=f"Nie ma pliku „{path}”.", en=f"There is no file “{path}”.")
    found = entry_of(path, path.name)
    match = Match((Target(row[0], row[1], dossier_id),), MatchRule.CHOSEN, dossier_id)
    preview = _plan(db, path, [found], [match], depth=Depth(depth), caps=caps, progress=progress,
                    cancelled=cancelled or (lambda: False), single=True)
    if kind is not None:
        preview = preview.with_kind(found.relative, kind)
    if title:
        preview = preview.with_title(found.relative, title)
    return preview


def _outdated(what_pl: str, what_en: str) -> ValidationError:
    return ValidationError("preview_outdated", pl=f"{what_pl} zmieniły się od podglądu. Niczego nie zapisano; przygotuj podgląd ponownie.",
                           en=f"{what_en} changed since the preview. Nothing was written; preview again.")


def _check_folder(preview: DocumentsPreview) -> None:
    if preview.single:
        now = [entry_of(preview.source, preview.source.name)]
    else:
        now = scan_folder(preview.source)
    if folder_state(now) != preview.folder_state:
        raise _outdated("Pliki w folderze", "The files in the folder")


def _copy_in(blobs: BlobStore, item: FilePreview) -> bool:
    """Copy one file into the store under its SHA-256, hashing as it goes; True when it was not there yet."""
    if blobs.has(item.sha256):
        return False
    digest = hashlib.sha256()
    try:
        with blobs.incoming(item.sha256) as out, item.path.open("rb") as source:
            while chunk := source.read(COPY_CHUNK):
                digest.update(chunk)
                out.write(chunk)
            if digest.hexdigest() != item.sha256:
                raise _outdated("Pliki w folderze", "The files in the folder")
    except OSError as exc:
        raise ValidationError("document_copy_failed",
                              pl=f"Nie udało się skopiować „{item.relative}” ({exc.strerror or exc}); niczego nie zapisano.",
                              en=f"“{item.relative}” could not be copied ({exc.strerror or exc}); nothing was written.") from exc
    return True


def _new_ids(db: Database, adds: Iterable[FilePreview]) -> list[str]:
    used = store.document_ids(db)
    ids = []
    for f in adds:
        base = f.dossier_id if len(f.dossier_id) <= 58 else "doc-" + hashlib.sha256(f.dossier_id.encode()).hexdigest()[:16]
        n = 1
        while f"{base}-{n}" in used:
            n += 1
        used.add(f"{base}-{n}")
        ids.append(f"{base}-{n}")
    return ids


def apply_documents(db: Database, preview: DocumentsPreview, *, blobs: BlobStore | None = None,
                    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> DocumentsResult:
    """Store and register every file the preview adds, and record the import, in one transaction.

    Refused with nothing written when the database or the folder changed since the preview, or when
    cancelled (files copied into the store by this call are removed again). A preview with nothing to
    add writes nothing.
    """
    cancelled = cancelled or (lambda: False)
    adds = preview.of(FileOutcome.ADD)
    if not adds:
        return DocumentsResult(0, (), len(preview.of(FileOutcome.REFUSED)), len(preview.of(FileOutcome.ALREADY)))
    if store.documents_state(db) != preview.db_state:
        raise _outdated("Teczki i ich dokumenty w bazie", "The dossiers and their documents in the database")
    _check_folder(preview)
    if blobs is None:
        from juror_app.workflows.organizer.merge import database_path

        blobs = BlobStore.beside(database_path(db))
    created: list[str] = []
    try:
        for n, item in enumerate(adds, start=1):
            if cancelled():
                raise DocumentsCancelled()
            if _copy_in(blobs, item):
                created.append(item.sha256)
            if progress is not None:
                progress(n, len(adds), item.relative)
        flush_to_disk()
        with db.atomic():
            if store.documents_state(db) != preview.db_state:
                raise _outdated("Teczki i ich dokumenty w bazie", "The dossiers and their documents in the database")
            import_id, ids = _record(db, preview, adds)
    except BaseException:
        _remove_unused(db, blobs, created)
        raise
    added = tuple(AddedDocument(doc_id, f.dossier_id, f.relative) for f, doc_id in zip(adds, ids))
    return DocumentsResult(import_id, added, len(preview.of(FileOutcome.REFUSED)), len(preview.of(FileOutcome.ALREADY)))


def _record(db: Database, preview: DocumentsPreview, adds: tuple[FilePreview, ...]) -> tuple[int, list[str]]:
    new_ids = _new_ids(db, adds)
    ids = dict(zip((f.relative for f in adds), new_ids))
    documents = [store.NewDocument(ids[f.relative], f.dossier_id, f.kind.value, f.title, f.sha256, f.size, f.pages,
                                   f.relative, f.match.rule.value if f.match.rule else "", f.kind_inferred) for f in adds]
    files = [store.ImportedFile(f.relative, f.size, f.sha256, f.outcome.value,
                                f.reason.code if f.reason else "", f.describe("pl"), f.describe("en"),
                                f.dossier_id, ids.get(f.relative, "")) for f in preview.files]
    import_id = store.record_import(db, imported_at=utc_now(), source=str(preview.source), check_depth=preview.depth.value,
                                    files=files, documents=documents)
    checked = {f.verdict.sha256: f.verdict for f in preview.files if f.verdict is not None}
    if preview.depth is not Depth.FULL:  # never put a structure verdict over a full one
        checked = {sha: v for sha, v in checked.items()
                   if sha in unchecked(db, [sha], checker_version=pdf_check.STRUCTURE_CHECKER_VERSION)}
    record_verdicts(db, checked.values())
    return import_id, new_ids


def _remove_unused(db: Database, blobs: BlobStore, created: list[str]) -> None:
    """Take back the files this apply put into the store, unless a document refers to them after all."""
    used = store.existing_sha256s(db, created)
    for sha in created:
        if sha not in used:
            blobs.path(sha).unlink(missing_ok=True)


def render_preview(preview: DocumentsPreview, lang: str | None = None, *, result: DocumentsResult | None = None) -> str:
    """The preview (and the result) as text: one line per file, then the counts."""
    lines = [pick(f"Folder: {preview.source}", f"Folder: {preview.source}", lang)]
    ids = {a.relative: a.document_id for a in result.added} if result else {}
    for f in preview.files:
        what = pick(*OUTCOME_NAMES[f.outcome], lang)
        if result is not None and f.outcome is FileOutcome.ADD:
            what = pick("dodano", "added", lang) + f" [{ids.get(f.relative, '?')}]"
        line = f"  {f.relative}: {what}"
        if f.target is not None and f.outcome in (FileOutcome.ADD, FileOutcome.ALREADY):
            line += f" → {f.dossier_id} ({f.target.institution_name}; {f.match.describe(lang)})"
        if f.outcome is FileOutcome.ADD:
            line += pick(f" — {f.kind_name('pl')} (etap {f.stage.value}), „{f.title}”, {_size(f.size)}, {_pages(f.pages, 'pl')}",
                         f" — {f.kind_name('en')} (stage {f.stage.value}), “{f.title}”, {_size(f.size)}, {_pages(f.pages, 'en')}",
                         lang)
        else:
            line += f": {f.describe(lang)}"
        lines.append(line)
    c = preview.counts
    lines.append(pick(
        f"Razem — plików: {len(preview.files)}; do dodania: {c[FileOutcome.ADD]}, już w teczkach: {c[FileOutcome.ALREADY]}, "
        f"pominięte: {c[FileOutcome.SKIPPED]}, odrzucone: {c[FileOutcome.REFUSED]}.",
        f"In all — {count_en(len(preview.files), 'file', 'files')}: {c[FileOutcome.ADD]} to add, "
        f"{c[FileOutcome.ALREADY]} already attached, {c[FileOutcome.SKIPPED]} skipped, {c[FileOutcome.REFUSED]} refused.", lang))
    if result is not None and result.added:
        dossiers = len({a.dossier_id for a in result.added})
        lines.append(pick(f"Zapisano: {count_pl(len(result.added), 'dokument', 'dokumenty', 'dokumentów')} w "
                          f"{count_pl(dossiers, 'teczce', 'teczkach', 'teczkach')} (import nr {result.import_id}).",
                          f"Written: {count_en(len(result.added), 'document', 'documents')} in "
                          f"{count_en(dossiers, 'dossier', 'dossiers')} (import no. {result.import_id}).", lang))
    return "\n".join(lines)


def _size(n: int) -> str:
    return f"{n / (1 << 20):.1f} MiB" if n >= 1 << 20 else f"{max(1, round(n / 1024))} KiB"


def _pages(n: int, lang: str) -> str:
    return count_pl(n, "strona", "strony", "stron") if lang == "pl" else count_en(n, "page", "pages")


def add_dossiers(db: Database, blobs: BlobStore, institutions: Iterable[Institution],
                 dossiers: Iterable[Dossier], files: dict[str, bytes], *,
                 progress: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> dict[str, PdfVerdict]:
    """Register institutions and their dossiers; ``files`` maps each document's SHA-256 to its bytes.

    Documents already in ``blobs`` need no entry in ``files``. Every document is checked in full in the
    PDF checker's child processes (:func:`juror_app.workflows.pdf_check.check_pdfs`) unless a current
    verdict is already recorded; if any is refused, nothing is registered and the error names each
    refused document with its reason. Returns the verdicts, recorded with the dossiers. (The demo
    goes through here; a real edition's documents come from :func:`preview_documents`.)
    """
    dossiers = list(dossiers)
    for dossier in dossiers:
        for doc in dossier.documents:
            if not blobs.has(doc.sha256):
                blobs.put(files[doc.sha256], expected_sha256=doc.sha256, durable=False)
    flush_to_disk()
    documents: dict[str, Document] = {doc.sha256: doc for dossier in dossiers for doc in dossier.documents}
    todo = unchecked(db, documents, checker_version=pdf_check.CHECKER_VERSION)
    found = pdf_check.check_pdfs([(sha, blobs.path(sha)) for sha in todo], progress=progress, cancelled=cancelled)
    if cancelled is not None and cancelled():
        raise ValidationError("add_dossiers_cancelled", pl="Przerwano; niczego nie dodano.",
                              en="Cancelled; nothing was added.")
    verdicts = {**verdicts_of(db, documents, checker_version=pdf_check.CHECKER_VERSION), **found}
    refused = [(documents[sha], verdicts[sha]) for sha in sorted(documents, key=lambda s: documents[s].id)
               if sha in verdicts and not verdicts[sha].ok]
    if refused:
        raise ValidationError(
            "documents_refused",
            pl="Tych dokumentów nie przyjęto, więc niczego nie dodano; poproś jednostki o poprawione pliki:\n"
               + "\n".join(f"– {d.id} „{d.title}”: {x.message_pl}" for d, x in refused),
            en="These documents were refused, so nothing was added; ask the institutions for corrected files:\n"
               + "\n".join(f"– {d.id} “{d.title}”: {x.message_en}" for d, x in refused),
            refused={d.id: x for d, x in refused},
        )
    with db.atomic():
        write_institutions(db, institutions)
        write_dossiers(db, dossiers)
        record_verdicts(db, found.values())
    return verdicts
