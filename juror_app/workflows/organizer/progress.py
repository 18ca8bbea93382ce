"""Where setting up an edition stands: each step in the order an organizer works, done or what is missing.

The start of every setup screen and of ``juror-app edition show`` says the same thing ("3 jurors without
a bundle", "2 dossiers without documents"), so it is computed once, here, from the database alone.
Each step is a handful of counting queries: cheap enough to re-read after every change.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from juror_app.domain.i18n import count_en, count_pl, pick
from juror_app.store.assignment_tables import RECUSED_PAIRS
from juror_app.store.connection import Queryable


class Step(str, Enum):
    """The setup steps, in the order an organizer works through them."""

    EDITION = "edition"
    INSTITUTIONS = "institutions"
    DOCUMENTS = "documents"
    ROSTER = "roster"
    ASSIGNMENT = "assignment"
    BUNDLES = "bundles"


STEP_NAMES = {
    Step.EDITION: ("Edycja i kryteria", "Edition and criteria"),
    Step.INSTITUTIONS: ("Jednostki", "Applicants"),
    Step.DOCUMENTS: ("Dokumenty", "Documents"),
    Step.ROSTER: ("Skład Kapituły", "Jury roster"),
    Step.ASSIGNMENT: ("Przydziały", "Assignment"),
    Step.BUNDLES: ("Paczki z przydziałem", "Assignment bundles"),
}


@dataclass(frozen=True)
class Note:
    """One sentence about a step, in both languages."""

    pl: str
    en: str

    def text(self, lang: str | None = None) -> str:
        return pick(self.pl, self.en, lang)


@dataclass(frozen=True)
class StepProgress:
    step: Step
    done: tuple[Note, ...]  # what is there ("24 institutions in 6 categories")
    missing: tuple[Note, ...]  # what keeps the step from being complete; empty when it is

    @property
    def complete(self) -> bool:
        return not self.missing

    def name(self, lang: str | None = None) -> str:
        return pick(*STEP_NAMES[self.step], lang)


@dataclass(frozen=True)
class SetupProgress:
    steps: tuple[StepProgress, ...]

    def of(self, step: Step) -> StepProgress:
        return next(s for s in self.steps if s.step is step)

    @property
    def complete(self) -> bool:
        return all(s.complete for s in self.steps)

    def render(self, lang: str | None = None) -> str:
        """The whole picture as lines of text (the command line prints it)."""
        lines = []
        for s in self.steps:
            mark = "✓" if s.complete else "•"
            facts = "; ".join(n.text(lang) for n in s.done)
            lines.append(f"{mark} {s.name(lang)}" + (f": {facts}" if facts else ""))
            lines += [f"    {pick('brakuje', 'missing', lang)}: {n.text(lang)}" for n in s.missing]
        return "\n".join(lines)


def _one(db: Queryable, sql: str, params: tuple = ()) -> int:
    row = db.execute(sql, params).fetchone()
    return int(row[0] or 0) if row else 0


def _edition(db: Queryable) -> StepProgress:
    from juror_app.domain import edition_rules
    from juror_app.store.edition_tables import read_edition

    edition = read_edition(db)
    if edition is None:
        return StepProgress(Step.EDITION, (), (Note("edycja nie została utworzona", "the edition has not been created"),))
    done = (Note(f"{edition.name} ({edition.year}): {count_pl(len(edition.categories), 'kategoria', 'kategorie', 'kategorii')}, "
                 f"{count_pl(len(edition.criteria), 'kryterium', 'kryteria', 'kryteriów')}",
                 f"{edition.name} ({edition.year}): {count_en(len(edition.categories), 'category', 'categories')}, "
                 f"{count_en(len(edition.criteria), 'criterion', 'criteria')}"),)
    problems = edition_rules.edition_problems(edition)
    missing = tuple(Note(p.pl, p.en) for p in problems)
    return StepProgress(Step.EDITION, done, missing)


def _institutions(db: Queryable) -> StepProgress:
    institutions = _one(db, "SELECT count(*) FROM institutions")
    categories = _one(db, "SELECT count(DISTINCT category_id) FROM institutions")
    if not institutions:
        return StepProgress(Step.INSTITUTIONS, (), (Note("nie zarejestrowano żadnej jednostki", "no applicant has been registered"),))
    done = (Note(f"{count_pl(institutions, 'jednostka', 'jednostki', 'jednostek')} "
                 f"w {count_pl(categories, 'kategorii', 'kategoriach', 'kategoriach')}",
                 f"{count_en(institutions, 'institution', 'institutions')} in {count_en(categories, 'category', 'categories')}"),)
    without = _one(db, "SELECT count(*) FROM institutions i WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.institution_id = i.id)")
    missing = (Note(f"{count_pl(without, 'jednostka', 'jednostki', 'jednostek')} bez teczki",
                    f"{count_en(without, 'institution', 'institutions')} without a dossier"),) if without else ()
    return StepProgress(Step.INSTITUTIONS, done, missing)


def _documents(db: Queryable) -> StepProgress:
    dossiers = _one(db, "SELECT count(*) FROM dossiers")
    documents = _one(db, "SELECT count(*) FROM documents")
    if not dossiers:
        return StepProgress(Step.DOCUMENTS, (), (Note("najpierw zarejestruj jednostki", "register the applicants first"),))
    empty = _one(db, "SELECT count(*) FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM documents x WHERE x.dossier_id = d.id)")
    done = (Note(f"{count_pl(documents, 'dokument', 'dokumenty', 'dokumentów')} PDF w "
                 f"{count_pl(dossiers - empty, 'teczce', 'teczkach', 'teczkach')}",
                 f"{count_en(documents, 'PDF document', 'PDF documents')} in {count_en(dossiers - empty, 'dossier', 'dossiers')}"),)
    missing = (Note(f"{count_pl(empty, 'teczka', 'teczki', 'teczek')} bez dokumentów",
                    f"{count_en(empty, 'dossier', 'dossiers')} without documents"),) if empty else ()
    return StepProgress(Step.DOCUMENTS, done, missing)


def _roster(db: Queryable) -> StepProgress:
    jurors = _one(db, "SELECT count(*) FROM jurors")
    if not jurors:
        return StepProgress(Step.ROSTER, (), (Note("nie przyjęto żadnego zgłoszenia członka Kapituły",
                                                   "no juror's enrollment has been accepted"),))
    chairs = _one(db, "SELECT count(*) FROM jurors WHERE role = 'chair'")
    conflicts = _one(db, "SELECT count(*) FROM known_conflicts")
    done = (Note(f"{count_pl(jurors, 'członek', 'członków', 'członków')} Kapituły, "
                 f"{count_pl(conflicts, 'znany konflikt', 'znane konflikty', 'znanych konfliktów')} interesów",
                 f"{count_en(jurors, 'juror', 'jurors')}, {count_en(conflicts, 'known conflict', 'known conflicts')} of interest"),)
    keyless = _one(db, "SELECT count(*) FROM jurors j WHERE NOT EXISTS "
                       "(SELECT 1 FROM juror_keys k WHERE k.juror_id = j.id AND k.revoked_at IS NULL)")
    missing = []
    if keyless:
        missing.append(Note(f"{count_pl(keyless, 'członek', 'członków', 'członków')} Kapituły bez ważnego klucza "
                            "(potrzebne nowe zgłoszenie)",
                            f"{count_en(keyless, 'juror', 'jurors')} without a valid key (a new enrollment is needed)"))
    if not chairs:
        missing.append(Note("nie wskazano przewodnictwa Kapituły", "no chair of the jury has been named"))
    return StepProgress(Step.ROSTER, done, tuple(missing))


def _assignment(db: Queryable) -> StepProgress:
    assignments = _one(db, "SELECT count(*) FROM assignments")
    dossiers = _one(db, "SELECT count(*) FROM dossiers")
    if not assignments:
        return StepProgress(Step.ASSIGNMENT, (), (Note("teczek nie przydzielono", "no dossier has been assigned"),))
    rules = db.execute("SELECT per_dossier FROM assignment_rules WHERE id = 1").fetchone()
    per_dossier = int(rules[0]) if rules else None
    done = (Note(f"{count_pl(assignments, 'przydział', 'przydziały', 'przydziałów')}"
                 + (f", {per_dossier} na teczkę" if per_dossier else ""),
                 f"{count_en(assignments, 'assignment', 'assignments')}" + (f", {per_dossier} per dossier" if per_dossier else "")),)
    # A recused assignment stays as the record but fills no place (as the planner counts: domain/assignment.py).
    filling = ("SELECT count(*) FROM assignments a WHERE a.dossier_id = d.id AND NOT EXISTS ("
               f"SELECT 1 FROM ({RECUSED_PAIRS}) r WHERE r.juror_id = a.juror_id AND r.dossier_id = a.dossier_id)")
    short = _one(db, f"SELECT count(*) FROM dossiers d WHERE ({filling}) < ?", (per_dossier or 1,))
    missing = (Note(f"{count_pl(short, 'teczka', 'teczki', 'teczek')} z {dossiers} bez pełnego przydziału",
                    f"{count_en(short, 'dossier', 'dossiers')} of {dossiers} not fully assigned"),) if short else ()
    return StepProgress(Step.ASSIGNMENT, done, missing)


def _bundles(db: Queryable) -> StepProgress:
    assigned = _one(db, "SELECT count(DISTINCT juror_id) FROM assignments")
    if not assigned:
        return StepProgress(Step.BUNDLES, (), (Note("najpierw przydziel teczki", "assign the dossiers first"),))
    issued = _one(db, "SELECT count(DISTINCT juror_id) FROM bundles")
    without = _one(db, "SELECT count(DISTINCT a.juror_id) FROM assignments a "
                       "WHERE NOT EXISTS (SELECT 1 FROM bundles b WHERE b.juror_id = a.juror_id)")
    done = (Note(f"wydano paczki dla {count_pl(issued, 'członka', 'członków', 'członków')} Kapituły",
                 f"bundles issued to {count_en(issued, 'juror', 'jurors')}"),) if issued else ()
    missing = (Note(f"{count_pl(without, 'członek', 'członków', 'członków')} Kapituły bez paczki",
                    f"{count_en(without, 'juror', 'jurors')} without a bundle"),) if without else ()
    return StepProgress(Step.BUNDLES, done, missing)


STEPS = {
    Step.EDITION: _edition,
    Step.INSTITUTIONS: _institutions,
    Step.DOCUMENTS: _documents,
    Step.ROSTER: _roster,
    Step.ASSIGNMENT: _assignment,
    Step.BUNDLES: _bundles,
}


def setup_progress(db: Queryable) -> SetupProgress:
    """Every step's progress, read from the database in one go (a few counting queries each)."""
    return SetupProgress(tuple(read(db) for read in STEPS.values()))


def step_progress(db: Queryable, step: Step) -> StepProgress:
    return STEPS[step](db)
