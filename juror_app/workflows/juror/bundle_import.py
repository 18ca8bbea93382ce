"""Importing an assignment bundle on the juror's laptop.

Two steps, so the juror can compare the organizer's fingerprint before anything is kept:
:func:`inspect_bundle` verifies the whole file and says what importing it would do;
:func:`import_bundle` streams the documents into the profile (memory does not grow with the
bundle's size), each stored under its SHA-256 only once its bytes matched it, then writes the
database in one transaction. The documents are checked for hostile content afterwards, as a second
phase (:func:`juror_app.workflows.juror.document_checks.check_received`, in child processes; the
import dialog shows its own progress and can stop it): a document without a passing verdict is
never opened by the window (the viewer checks it first, ``ui/juror/document_gate.py``), so the
profile is safe between the two phases, and the import itself runs at the speed of receiving. A
refused document does not refuse the bundle: the juror scores the dossier and the window shows that
document's reason instead of opening it.
Cancelling, or any refusal of the bundle, leaves the database as it was. A newer revision updates
dossiers and criteria and keeps every score; a score that a changed scale no longer allows is set
aside through the edit log, with its justification (:mod:`scale_change`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Callable

from sqlite_utils import Database

from juror_app.domain.errors import SignatureError, TrustError, UserError
from juror_app.domain.pdf_verdict import PdfVerdict
from juror_app.domain.timestamps import utc_now
from juror_app.exchange import bundle as bundle_format
from juror_app.exchange import container, sshsig
from juror_app.exchange.keys import fingerprint, ssh_fingerprint
from juror_app.fsutil import flush_to_disk
from juror_app.store.blobs import BlobStore
from juror_app.store.document_checks import unchecked, verdicts_of
from juror_app.store.edition_tables import (
    read_edition,
    write_dossiers,
    write_edition,
    write_institutions,
)
from juror_app.workflows.juror.document_checks import CHECKER_VERSION
from juror_app.workflows.juror.profile import JurorProfile, profile_info
from juror_app.workflows.juror.scale_change import ScaleChange, scale_changes, supersede_unfitting

Progress = Callable[[int, int, str], None]


class BundleAction(str, Enum):
    FIRST_IMPORT = "first_import"
    UPDATE = "update"
    ALREADY_IMPORTED = "already_imported"


class ImportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__(
            "import_cancelled",
            pl="Import przerwano; niczego nie zmieniono.",
            en="The import was cancelled; nothing was changed.",
        )


@dataclass(frozen=True)
class BundlePreview:
    """What a verified bundle holds and what importing it would do."""

    path: Path
    action: BundleAction
    edition_name: str
    organizer_name: str
    organizer_fingerprint: str
    organizer_ssh_fingerprint: str
    needs_pinning: bool          # first import: the juror must compare and accept the fingerprint
    revision: int
    previous_revision: int | None
    dossiers: int
    documents: int
    document_bytes: int
    manifest_sha256: str
    scale_changes: tuple[ScaleChange, ...] = ()  # criteria whose range or step this revision changes

    @property
    def scores_no_longer_fitting(self) -> int:
        """Scores the import will set aside (kept as superseded, with their justification)."""
        return sum(change.no_longer_fit for change in self.scale_changes)


def _current_bundle(db: Database) -> tuple[str, int, str] | None:
    row = db.execute("SELECT manifest_sha256, revision, edition_id FROM bundles WHERE is_current = 1").fetchone()
    return tuple(row) if row else None


def _pinned_key(db: Database):
    row = db.execute("SELECT public_key FROM organizer_pin WHERE id = 1").fetchone()
    return sshsig.public_key_from_openssh(row[0]) if row else None


def _check_against_profile(db: Database, opened: container.Opened, content: bundle_format.BundleContent) -> BundleAction:
    """Every refusal the juror's side makes, each with its own message; None of them changes anything."""
    info = profile_info(db)
    if content.juror_key_fingerprint != info.fingerprint:
        raise TrustError(
            "bundle_for_another_juror",
            pl=(f"Ta paczka z przydziałem jest przeznaczona dla innej osoby ({content.juror.name}, klucz "
                f"{content.juror_key_fingerprint}); Twój klucz to {info.fingerprint}. Nie importuj jej; poproś "
                "organizatora o Twoją paczkę."),
            en=(f"This bundle is meant for someone else ({content.juror.name}, key {content.juror_key_fingerprint}); "
                f"your key is {info.fingerprint}. Do not import it; ask the organizer for yours."),
        )
    bundle_format.check_organizer(opened, _pinned_key(db))
    current = _current_bundle(db)
    if current is None:
        return BundleAction.FIRST_IMPORT
    current_sha, current_revision, current_edition = current
    if content.edition.id != current_edition:
        raise TrustError(
            "bundle_other_edition",
            pl=(f"Ta paczka dotyczy innej edycji konkursu („{content.edition.name}”) niż ten profil. "
                "Do innej edycji utwórz nowy profil."),
            en=f"This bundle is for another edition (“{content.edition.name}”) than this profile. Create a new profile for it.",
        )
    if opened.manifest_sha256 == current_sha:
        return BundleAction.ALREADY_IMPORTED
    if content.revision < current_revision:
        raise TrustError(
            "bundle_older_revision",
            pl=(f"To starsza wersja paczki z przydziałem (wersja {content.revision}; zaimportowano już wersję "
                f"{current_revision}). Niczego nie zmieniono. Użyj najnowszej paczki od organizatora."),
            en=(f"This is an older bundle (revision {content.revision}; revision {current_revision} is already "
                "imported). Nothing was changed. Use the organizer's newest bundle."),
        )
    if content.revision == current_revision:
        raise SignatureError(
            "bundle_equivocation",
            pl=(f"Organizator podpisał dwie RÓŻNE paczki o tej samej wersji {content.revision}. Niczego nie zmieniono. "
                "Skontaktuj się z organizatorem telefonicznie."),
            en=(f"The organizer signed two DIFFERENT bundles with the same revision {content.revision}. Nothing was "
                "changed. Call the organizer."),
        )
    return BundleAction.UPDATE


_parsed: dict[str, bundle_format.BundleContent] = {}


def _content(opened: container.Opened) -> bundle_format.BundleContent:
    """The bundle's parsed content; parsed once per signed manifest (the manifest binds every member)."""
    content = _parsed.get(opened.manifest_sha256)
    if content is None:
        content = bundle_format.read_bundle_content(opened)
        _parsed.clear()
        _parsed[opened.manifest_sha256] = content
    return content


def inspect_bundle(db: Database, path: Path) -> BundlePreview:
    """Verify the bundle's signature, manifest and content, and say what importing it would do.

    The documents' own hashes are checked as they are imported (a bad one stops the import before
    anything is committed), so they are not read twice.
    """
    with container.open_container(path, container.BUNDLE) as opened:
        content = _content(opened)
        action = _check_against_profile(db, opened, content)
        current = _current_bundle(db)
        documents = {d.sha256: d.size for dossier in content.dossiers for d in dossier.documents}
        return BundlePreview(
            path=Path(path),
            action=action,
            edition_name=content.edition.name,
            organizer_name=content.organizer_name,
            organizer_fingerprint=fingerprint(opened.signer_key),
            organizer_ssh_fingerprint=ssh_fingerprint(opened.signer_key),
            needs_pinning=_pinned_key(db) is None,
            revision=content.revision,
            previous_revision=current[1] if current else None,
            dossiers=len(content.dossiers),
            documents=len(documents),
            document_bytes=sum(documents.values()),
            manifest_sha256=opened.manifest_sha256,
            scale_changes=scale_changes(db, read_edition(db), content.edition) if action is BundleAction.UPDATE else (),
        )


@dataclass(frozen=True)
class ImportResult:
    action: BundleAction
    revision: int
    dossiers: int
    documents_received: int
    dossiers_added: tuple[str, ...]
    dossiers_removed: tuple[str, ...]
    documents_to_check: tuple[str, ...] = ()  # SHA-256 of this bundle's documents without a verdict yet
    documents_refused: tuple[PdfVerdict, ...] = ()  # of those checked before: refused, with why
    scale_changes: tuple[ScaleChange, ...] = ()  # criteria whose range or step changed
    scores_superseded: int = 0  # scores that no longer fit their criterion's new scale, set aside


RECEIVING_THREADS = 2  # SHA-256 of every byte costs about what copying it does: two cores halve it


def _receive_documents(opened: container.Opened, blobs: BlobStore, wanted: dict[str, int],
                       report: Callable[[int, str], None],
                       stop: Callable[[], bool], received: Callable[[str], None] = lambda sha: None) -> None:
    """Stream the wanted documents into the store, each checked against its hash, on two threads.

    Each document is written under its hash only once its bytes matched (``blobs.incoming`` with
    ``Opened.stream``), and then ``received(sha)`` is called. The first failure or a cancel stops the
    other thread at its next chunk, and that first error is raised; documents already stored stay
    (they are correct, and a retry skips them).
    """
    done = 0
    lock = threading.Lock()
    failed = threading.Event()
    errors: list[BaseException] = []
    queue = iter(list(wanted))

    def halted() -> bool:
        return failed.is_set() or stop()

    def receive() -> None:
        while not halted():
            with lock:
                sha = next(queue, None)
            if sha is None:
                return

            def sink(chunk: bytes, sha: str = sha) -> None:
                nonlocal done
                out.write(chunk)
                with lock:
                    done += len(chunk)
                    report(done, sha)

            try:
                with blobs.incoming(sha) as out:
                    opened.stream(bundle_format.document_member(sha), sink, cancelled=halted)
                received(sha)
            except container.StreamCancelled:
                return
            except BaseException as exc:  # the first one is raised below, in the caller's thread
                with lock:
                    errors.append(exc)
                failed.set()
                return

    threads = [threading.Thread(target=receive, name=f"bundle-documents-{i}") for i in range(RECEIVING_THREADS - 1)]
    for thread in threads:
        thread.start()
    receive()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    if stop():
        raise ImportCancelled()


def import_bundle(profile: JurorProfile, db: Database, path: Path, *, accept_organizer_fingerprint: str | None = None,
                  progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Import a bundle. On first import ``accept_organizer_fingerprint`` must be the fingerprint the juror
    compared and accepted (it is pinned); later bundles must be signed by that pinned key."""
    report = progress or (lambda done, total, label: None)
    stop = cancelled or (lambda: False)
    blobs = profile.documents
    with container.open_container(path, container.BUNDLE) as opened:
        content = _content(opened)
        action = _check_against_profile(db, opened, content)
        if action is BundleAction.ALREADY_IMPORTED:
            return ImportResult(action, content.revision, len(content.dossiers), 0, (), ())
        pinned = _pinned_key(db)
        if pinned is None and accept_organizer_fingerprint != fingerprint(opened.signer_key):
            raise TrustError(
                "organizer_not_confirmed",
                pl=("Przed pierwszym importem porównaj odcisk klucza organizatora "
                    f"({fingerprint(opened.signer_key)}) z odciskiem podanym przez organizatora i potwierdź go."),
                en=(f"Before the first import compare the organizer's key fingerprint ({fingerprint(opened.signer_key)}) "
                    "with the one the organizer gave you, and confirm it."),
            )
        wanted = {}
        for dossier in content.dossiers:
            for doc in dossier.documents:
                if not blobs.has(doc.sha256):
                    wanted[doc.sha256] = doc.size
        documents = {doc.sha256 for dossier in content.dossiers for doc in dossier.documents}
        total = sum(wanted.values())
        report(0, total, "")
        _receive_documents(opened, blobs, wanted, lambda done, sha: report(done, total, sha), stop)
        flush_to_disk()
        if stop():
            raise ImportCancelled()
        previous = {r[0] for r in db.execute("SELECT dossier_id FROM assigned_dossiers")}
        new_ids = [d.id for d in content.dossiers]
        at = utc_now()
        with db.atomic():
            old_edition = read_edition(db)
            changes = scale_changes(db, old_edition, content.edition)
            superseded = supersede_unfitting(db, old_edition, content.edition, bundle_revision=content.revision, at=at)
            write_edition(db, content.edition)
            write_institutions(db, content.institutions)
            write_dossiers(db, content.dossiers)
            db.execute("DELETE FROM assigned_dossiers")
            db["assigned_dossiers"].insert_all(
                [{"dossier_id": d, "position": i} for i, d in enumerate(new_ids)], batch_size=500
            )
            db.execute("UPDATE bundles SET is_current = 0")
            db["bundles"].insert({
                "manifest_sha256": opened.manifest_sha256, "edition_id": content.edition.id,
                "juror_id": content.juror.id, "revision": content.revision, "created_at": content.created_at,
                "imported_at": at, "is_current": 1,
            })
            db.execute("UPDATE profile SET juror_id = ? WHERE id = 1", [content.juror.id])
            if pinned is None:
                db["organizer_pin"].insert({
                    "id": 1, "public_key": sshsig.public_key_to_openssh(opened.signer_key),
                    "fingerprint": fingerprint(opened.signer_key), "pinned_at": utc_now(),
                })
        return ImportResult(
            action=action,
            revision=content.revision,
            dossiers=len(new_ids),
            documents_received=len(wanted),
            dossiers_added=tuple(sorted(set(new_ids) - previous)) if previous else (),
            dossiers_removed=tuple(sorted(previous - set(new_ids))),
            documents_to_check=tuple(unchecked(db, documents, checker_version=CHECKER_VERSION)),
            documents_refused=_refused(db, documents),
            scale_changes=changes,
            scores_superseded=superseded,
        )


def _refused(db: Database, documents: set[str]) -> tuple[PdfVerdict, ...]:
    found = verdicts_of(db, documents, checker_version=CHECKER_VERSION)
    return tuple(found[sha] for sha in sorted(found) if not found[sha].ok)
