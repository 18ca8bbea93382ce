"""The organizer's edition: creating its database with the signing key, editing it, seeing where it stands.

- :func:`new_edition` makes a new edition database from a start (:class:`EditionStart`: the built-in
  template, a copy of an earlier edition's structure, or empty) with a new or an existing organizer
  key. Nothing is left behind when it fails: the database is built under a temporary name and
  linked into place only when complete, and a key made for it is removed again.
- :func:`create_edition` stores an edition and the organizer's public key in an open database (the
  demo and :func:`new_edition` both use it).
- :func:`update_edition` stores the organizer's edits (:func:`preview_update` says beforehand what
  saving would do, for the editor's Save button and its confirmation question). Every change is recorded (``edition_changes``)
  with the bundles it outdated; a change that may invalidate jurors' points (a criterion's maximum
  or step changed, a criterion removed) is refused once bundles went out unless confirmed, with the
  criteria, jurors and merged scores it touches named.
- :func:`edition_summary` says what the edition holds and what is missing before bundles can go out.

Validation lives in :mod:`juror_app.domain.edition_rules`; the editor calls those functions as the
organizer types and this module calls them again before anything is stored.

Driving it from the edition editor::

    edition = current_edition(db)                         # what the editor shows
    edited = dataclasses.replace(edition, criteria=...)   # the organizer's changes, typed numbers
                                                          # read with edition_rules.typed_number
    problems = edition_rules.edition_problems(edited)     # per keystroke: mark each Problem.field;
                                                          # problems_under(problems, "criteria[2]")
                                                          # for one criterion's page
    preview = preview_update(db, edited)                  # on Save: preview.problems / .refusal
                                                          # block it; preview.confirmation asks
    update_edition(db, edited, confirm_invalidating=bool(preview.confirmation and answer_was_yes))
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlite_utils import Database

from juror_app.domain import edition_diff, edition_rules
from juror_app.domain.edition_rules import Problem
from juror_app.domain.errors import StoreError, UserError, ValidationError
from juror_app.domain.i18n import count_en, count_pl
from juror_app.domain.model import Edition
from juror_app.domain.timestamps import utc_now
from juror_app.exchange import sshsig
from juror_app.exchange.keys import DEFAULT_KDF, KdfParams, fingerprint
from juror_app.fsutil import fsync_directory
from juror_app.store import edition_setup
from juror_app.store.edition_tables import read_edition
from juror_app.store.organizer_schema import ensure_unlocked, open_organizer_db
from juror_app.workflows.organizer import templates
from juror_app.workflows.organizer.organizer_key import (
    OrganizerKey,
    check_key_path_free,
    check_new_passphrase,
    forget_new_key,
    make_organizer_key,
    unlock_organizer_key,
)
from juror_app.workflows.organizer.templates import EditionHead

START_KINDS = ("template", "copy", "empty")


# --- creating ---------------------------------------------------------------------------------


def create_edition(db: Database, edition: Edition, organizer_key: Ed25519PublicKey, *, key_file: str = "") -> None:
    """Store the edition and the organizer's public key (the key that signs every bundle).

    An edition with wrong parts is refused with every reason; an incomplete one (an empty edition:
    no categories or criteria yet) is stored, and bundles wait until it is complete.
    """
    edition_rules.check_edition(edition, allow_incomplete=True,
                                action_pl="Nie utworzono edycji", action_en="The edition was not created")
    if db.execute("SELECT count(*) FROM edition").fetchone()[0]:
        raise ValidationError(
            "edition_exists",
            pl="Ta baza zawiera już edycję konkursu. Nową edycję tworzy się w nowym pliku.",
            en="This database already holds an edition. A new edition goes into a new file.",
        )
    with db.atomic():
        edition_setup.replace_edition(db, edition)
        db["organizer_key"].upsert(
            {
                "id": 1,
                "public_key": sshsig.public_key_to_openssh(organizer_key),
                "fingerprint": fingerprint(organizer_key),
                "key_file": key_file,
            },
            pk="id",
        )


@dataclass(frozen=True)
class EditionStart:
    """Where the structure comes from: ``template`` (``source`` = template id), ``copy`` (``source`` =
    an earlier edition's database) or ``empty``."""

    kind: str = "template"
    source: str = templates.DEFAULT_TEMPLATE

    def describe(self) -> str:
        return templates.describe_start(self.kind, Path(self.source).name if self.kind == "copy" else self.source)


@dataclass(frozen=True)
class NewKey:
    """Make a new organizer key at ``path`` (a file that must not exist), protected by ``passphrase``."""

    path: Path
    passphrase: str
    again: str
    kdf: KdfParams = DEFAULT_KDF


@dataclass(frozen=True)
class ExistingKey:
    """Use the organizer key in ``path``, unlocked with ``passphrase``."""

    path: Path
    passphrase: str


def build_edition(head: EditionHead, start: EditionStart) -> Edition:
    """The new edition's content, before anything is written (refused with reasons if wrong)."""
    problems = head_problems(head)
    if problems:
        raise ValidationError(
            "edition_invalid",
            pl="Nie utworzono edycji:\n" + edition_rules.describe(problems, "pl"),
            en="The edition was not created:\n" + edition_rules.describe(problems, "en"),
            problems=tuple(problems),
        )
    if start.kind == "template":
        edition = templates.edition_from_template(head, start.source)
    elif start.kind == "copy":
        edition = templates.edition_copied_from(templates.read_earlier_edition(Path(start.source)), head)
    elif start.kind == "empty":
        edition = templates.empty_edition(head)
    else:
        raise ValidationError("unknown_start", pl=f"Nieznany początek edycji: {start.kind}.",
                              en=f"Unknown start of an edition: {start.kind}.")
    edition_rules.check_edition(edition, allow_incomplete=True,
                                action_pl="Nie utworzono edycji", action_en="The edition was not created")
    return edition


def head_problems(head: EditionHead) -> list[Problem]:
    """The new-edition dialog's fields (name, year, number, organizer), checked as they are typed."""
    probe = templates.empty_edition(EditionHead(
        name=head.name, year=head.year, number=head.number or 1, organizer=head.organizer,
        edition_id=head.edition_id or "probe"))
    return edition_rules.head_problems(probe)


def check_database_path_free(path: Path) -> None:
    path = Path(path)
    if path.exists():
        raise ValidationError(
            "database_exists",
            pl=f"Plik „{path}” już istnieje. Nowa edycja nigdy nie nadpisuje istniejącego pliku: podaj nową nazwę.",
            en=f"The file “{path}” already exists. A new edition never overwrites an existing file: give a new name.",
        )
    if not path.parent.is_dir():
        raise ValidationError(
            "database_folder_missing",
            pl=f"Folder „{path.parent}” nie istnieje. Utwórz go albo podaj inne miejsce.",
            en=f"The folder “{path.parent}” does not exist. Create it or give another place.",
        )


@dataclass(frozen=True)
class NewEdition:
    """What :func:`new_edition` made."""

    db_path: Path
    edition: Edition
    key: OrganizerKey
    start: EditionStart
    missing: tuple[Problem, ...]  # what must be added before bundles can go out (empty when ready)


def new_edition(db_path: Path, head: EditionHead, start: EditionStart, key: NewKey | ExistingKey) -> NewEdition:
    """Create a new edition database at ``db_path`` (which must not exist) with its organizer key.

    Every check runs before anything is written: the head fields, the start (template, earlier
    database), both paths, the passphrase (twice, strength) or the existing key's passphrase.
    """
    db_path = Path(db_path)
    edition = build_edition(head, start)
    check_database_path_free(db_path)
    if isinstance(key, NewKey):
        check_new_passphrase(key.passphrase, key.again)
        check_key_path_free(Path(key.path))
        if Path(key.path).resolve() == db_path.resolve():
            raise ValidationError("key_is_database", pl="Klucz i baza edycji muszą być różnymi plikami.",
                                  en="The key and the edition database must be different files.")
        organizer = make_organizer_key(Path(key.path), key.passphrase, key.again, kdf=key.kdf)
    else:
        organizer = unlock_organizer_key(Path(key.path), key.passphrase)
    try:
        _write_database(db_path, edition, organizer)
    except BaseException:
        forget_new_key(organizer)
        raise
    return NewEdition(db_path, edition, organizer, start,
                      tuple(p for p in edition_rules.edition_problems(edition) if p.incomplete))


def _write_database(db_path: Path, edition: Edition, organizer: OrganizerKey) -> None:
    """Build the database under a temporary name, close it, then link it into place (never over a file)."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".creating", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # SQLite creates it: an empty file would be refused as "not a database"
    try:
        db = open_organizer_db(tmp)
        try:
            try:
                key_file = os.path.relpath(organizer.path.resolve(), db_path.parent.resolve())
            except ValueError:  # another drive (Windows): keep the full path
                key_file = str(organizer.path.resolve())
            create_edition(db, edition, organizer.private_key.public_key(), key_file=key_file)
        finally:
            db.close()
        try:
            os.link(tmp, db_path)
        except FileExistsError:
            check_database_path_free(db_path)
            raise
        except OSError:  # no hard links here (FAT): reserve the name, then rename over the reservation
            os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            os.replace(tmp, db_path)
        fsync_directory(db_path.parent)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


# --- editing ----------------------------------------------------------------------------------


class ConfirmationNeeded(ValidationError):
    """The change may invalidate jurors' points: ask the organizer, then call again with ``confirm_invalidating``."""


@dataclass(frozen=True)
class EditionUpdate:
    """What :func:`update_edition` stored (``change_id`` None when nothing differed)."""

    change_id: int | None
    items: tuple[edition_diff.ChangeItem, ...]
    invalidating: bool
    outdated_jurors: tuple[str, ...]  # jurors whose newest bundle now carries an older edition

    @property
    def changed(self) -> bool:
        return self.change_id is not None


def current_edition(db: Database) -> Edition:
    """The edition as stored (what the editor starts from)."""
    edition = read_edition(db)
    if edition is None:
        raise StoreError("no_edition", pl="Baza nie zawiera edycji konkursu.", en="The database holds no edition.")
    return edition


_stored = current_edition


@dataclass(frozen=True)
class UpdatePreview:
    """What saving an edited edition would do, for the editor's "Save" button and its confirmation.

    ``problems``: what must be fixed first (wrong parts; saving is refused while there are any);
    ``items``: every change; ``confirmation``: the question to ask (None when none is needed).
    """

    problems: tuple[Problem, ...]
    items: tuple[edition_diff.ChangeItem, ...]
    confirmation: ConfirmationNeeded | None
    refusal: ValidationError | None  # something removed that is still in use, a changed id, frozen results

    @property
    def can_save(self) -> bool:
        return not self.problems and self.refusal is None and bool(self.items)


def _refuse_dangling(db: Database, stored: Edition, edition: Edition) -> None:
    """Removed categories, distinctions or stages that something still refers to."""
    gone_categories = {c.id for c in stored.categories} - {c.id for c in edition.categories}
    used = edition_setup.references(db, "institutions", "category_id", sorted(gone_categories))
    if used:
        names = ", ".join(f"„{c.name}” ({n})" for c in stored.categories if (n := used.get(c.id)))
        raise ValidationError(
            "category_in_use", pl=f"Nie można usunąć kategorii, do których należą jednostki: {names}. "
                                  "Najpierw przenieś te jednostki do innej kategorii.",
            en=f"Categories that institutions belong to cannot be removed: {names}. Move those institutions "
               "to another category first.")
    gone = {d.id for d in stored.distinctions} - {d.id for d in edition.distinctions}
    used = {**edition_setup.references(db, "nominations", "distinction_id", sorted(gone))}
    for key, n in edition_setup.references(db, "decisions", "distinction_id", sorted(gone)).items():
        used[key] = used.get(key, 0) + n
    if used:
        names = ", ".join(f"„{d.name}”" for d in stored.distinctions if d.id in used)
        raise ValidationError(
            "distinction_in_use", pl=f"Nie można usunąć wyróżnień, które zgłoszono lub przyznano: {names}.",
            en=f"Distinctions that were nominated or awarded cannot be removed: {names}.")
    gone_stages = {s.id.value for s in stored.stages} - {s.id.value for s in edition.stages}
    used = edition_setup.stage_references(db, sorted(gone_stages))
    if used:
        raise ValidationError(
            "stage_in_use", pl=f"Nie można usunąć etapu {', '.join(sorted(used))}: mają go kryteria "
                               "(także usunięte, których oceny są zachowane). Zostaw etap bez kryteriów.",
            en=f"Stage {', '.join(sorted(used))} cannot be removed: criteria have it (also removed ones, whose "
               "scores are kept). Leave the stage without criteria.")


def preview_update(db: Database, edition: Edition) -> UpdatePreview:
    """Say what :func:`update_edition` would do with ``edition``, without changing anything."""
    try:
        ensure_unlocked(db, action_pl="Nie zmieniono edycji", action_en="The edition was not changed")
        stored = _stored(db)
        _refuse_other_id(stored, edition)
    except ValidationError as exc:
        return UpdatePreview(tuple(edition_rules.wrong_problems(edition)), (), None, exc)
    problems = tuple(edition_rules.wrong_problems(edition))
    items = tuple(edition_diff.diff_editions(stored, edition))
    refusal = None
    try:
        _refuse_dangling(db, stored, edition)
    except ValidationError as exc:
        refusal = exc
    invalidated = edition_diff.invalidated_criteria(list(items))
    bundles = edition_setup.latest_bundles(db)
    confirmation = _confirmation_needed(db, stored, invalidated, len(bundles)) if invalidated and bundles else None
    return UpdatePreview(problems, items, confirmation, refusal)


def _refuse_other_id(stored: Edition, edition: Edition) -> None:
    if edition.id != stored.id:
        raise ValidationError(
            "edition_id_changed",
            pl=f"Identyfikator edycji nie może się zmienić ({stored.id} → {edition.id}): paczki i oceny są z nim związane.",
            en=f"The edition's identifier cannot change ({stored.id} → {edition.id}): bundles and scores are bound to it.")


def update_edition(db: Database, edition: Edition, *, confirm_invalidating: bool = False,
                   by: str = "") -> EditionUpdate:
    """Store the organizer's edited edition, record the change and the bundles it outdated.

    Refused (ValidationError, nothing changed) when the edition has wrong parts, a different id,
    removes something still in use, or the results are frozen for printing. A change to a
    criterion's maximum or step, or a removed criterion, once any bundle went out, raises
    :class:`ConfirmationNeeded` naming the criteria, how many jurors' bundles carry them and how
    many merged scores they have; with ``confirm_invalidating=True`` it is stored and recorded as
    confirmed. Jurors then need a new bundle revision (see :func:`outdated_bundles`).
    """
    ensure_unlocked(db, action_pl="Nie zmieniono edycji", action_en="The edition was not changed")
    stored = _stored(db)
    _refuse_other_id(stored, edition)
    edition_rules.check_edition(edition, allow_incomplete=True,
                                action_pl="Nie zapisano zmian edycji", action_en="The edition's changes were not saved")
    items = edition_diff.diff_editions(stored, edition)
    if not items:
        return EditionUpdate(None, (), False, ())
    _refuse_dangling(db, stored, edition)
    invalidated = edition_diff.invalidated_criteria(items)
    bundles = edition_setup.latest_bundles(db)
    if invalidated and bundles and not confirm_invalidating:
        raise _confirmation_needed(db, stored, invalidated, len(bundles))
    pl = edition_diff.summary(items, "pl")
    en = edition_diff.summary(items, "en")
    with db.atomic():
        edition_setup.replace_edition(db, edition)
        change_id = edition_setup.record_change(
            db, changed_at=utc_now(), changed_by=(by or "").strip()[:200], summary_pl=pl, summary_en=en,
            items=items, confirmed=bool(invalidated and bundles and confirm_invalidating), before=stored, after=edition)
    return EditionUpdate(change_id, tuple(items), bool(invalidated), tuple(sorted(bundles)))


def _confirmation_needed(db: Database, stored: Edition, criterion_ids: list[str], jurors: int) -> ConfirmationNeeded:
    codes = [stored.criterion(cid).code for cid in criterion_ids]
    scores = sum(edition_setup.scores_on(db, criterion_ids).values())
    listed = ", ".join(codes)
    return ConfirmationNeeded(
        "confirmation_needed",
        pl=(f"Ta zmiana dotyczy skali ocen (zakres, krok lub usunięcie) kryteriów: {listed}. Paczki z przydziałem "
            f"{count_pl(jurors, 'członka', 'członków', 'członków')} Kapituły zawierają te kryteria"
            + (f", a scalono już {count_pl(scores, 'ocenę', 'oceny', 'ocen')} za nie" if scores else "")
            + ". Punkty już przyznane mogą przestać pasować do nowej skali. Potwierdź zmianę; potem wyślij "
            "tym osobom nową wersję paczki."),
        en=(f"This change concerns the scale (range, step or removal) of criteria: {listed}. The assignment bundles "
            f"of {count_en(jurors, 'juror', 'jurors')} carry these criteria"
            + (f", and {count_en(scores, 'score', 'scores')} for them are already merged" if scores else "")
            + ". Points already given may no longer fit the new scale. Confirm the change; then send those jurors "
            "a new bundle revision."),
        criteria=tuple(codes), jurors=jurors, scores=scores,
    )


@dataclass(frozen=True)
class OutdatedBundle:
    """A juror whose newest bundle carries an edition that has changed since, and the changes."""

    juror_id: str
    changes: tuple[edition_setup.EditionChange, ...]

    @property
    def invalidating(self) -> bool:
        return any(c.invalidating for c in self.changes)


def outdated_bundles(db: Database) -> list[OutdatedBundle]:
    """Per juror with an issued bundle older than the edition's last change: which changes it misses."""
    by_juror = edition_setup.changes_outdating(db)
    if not by_juror:
        return []
    history = {c.id: c for c in edition_setup.changes(db, {i for ids in by_juror.values() for i in ids})}
    return [OutdatedBundle(juror_id, tuple(history[i] for i in ids)) for juror_id, ids in sorted(by_juror.items())]


# --- where the edition stands -----------------------------------------------------------------


@dataclass(frozen=True)
class EditionSummary:
    """What ``juror-app edition show`` prints and the edition screen shows."""

    edition: Edition
    organizer_fingerprint: str
    counts: dict[str, int]
    institutions_per_category: dict[str, int]
    problems: tuple[Problem, ...]  # everything that keeps bundles from going out
    changes: int
    outdated: tuple[OutdatedBundle, ...] = field(default=())

    @property
    def ready_to_issue(self) -> bool:
        return not self.problems


COUNTED = {
    "institutions": "SELECT count(*) FROM institutions",
    "dossiers": "SELECT count(*) FROM dossiers",
    "documents": "SELECT count(*) FROM documents",
    "jurors": "SELECT count(*) FROM jurors",
    "assignments": "SELECT count(*) FROM assignments",
    "bundles": "SELECT count(*) FROM bundles",
    "packages": "SELECT count(*) FROM packages",
    "scores": "SELECT count(*) FROM scores",
}


def edition_summary(db: Database) -> EditionSummary:
    edition = _stored(db)
    row = db.execute("SELECT fingerprint FROM organizer_key WHERE id = 1").fetchone()
    counts = {name: db.execute(sql).fetchone()[0] for name, sql in COUNTED.items()}
    per_category = dict(db.execute("SELECT category_id, count(*) FROM institutions GROUP BY category_id").fetchall())
    return EditionSummary(
        edition=edition,
        organizer_fingerprint=row[0] if row else "",
        counts=counts,
        institutions_per_category={c.id: per_category.get(c.id, 0) for c in edition.categories},
        problems=tuple(edition_rules.edition_problems(edition)),
        changes=db.execute("SELECT count(*) FROM edition_changes").fetchone()[0],
        outdated=tuple(outdated_bundles(db)),
    )


def issue_problems(db: Database) -> list[Problem]:
    """What keeps bundles from going out (empty when the edition is complete and sound)."""
    return edition_rules.edition_problems(_stored(db))


def ensure_ready_to_issue(db: Database) -> None:
    """Raise a UserError listing what is missing or wrong before bundles can be issued."""
    problems = issue_problems(db)
    if problems:
        raise UserError(
            "edition_not_ready",
            pl="Paczek z przydziałem nie można jeszcze wydać — w edycji brakuje lub jest błędne:\n"
               + edition_rules.describe(problems, "pl"),
            en="Assignment bundles cannot be issued yet — the edition lacks or has wrong:\n"
               + edition_rules.describe(problems, "en"),
            problems=tuple(problems),
        )


def organizer_key_file(db: Database, db_path: Path) -> Path | None:
    """The key file recorded at creation, resolved against the database's folder (None if none)."""
    row = db.execute("SELECT key_file FROM organizer_key WHERE id = 1").fetchone()
    if not row or not row[0]:
        return None
    return (Path(db_path).parent / row[0]).resolve()

