"""The competition's vocabulary as plain dataclasses (see DOMAIN.md's glossary).

These objects carry no behaviour beyond what follows from their own fields; rules that involve
several objects live in :mod:`juror_app.domain.rules`, aggregation in
:mod:`juror_app.domain.scoring`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class StageId(str, Enum):
    """Stage I assesses the submitted documents; stage II verifies them (external sources, mystery client)."""

    I = "I"  # noqa: E741 - the competition's own name for the stage
    II = "II"


class DocumentKind(str, Enum):
    APPLICATION_FORM = "application_form"
    QUALITY_POLICY = "quality_policy"
    MYSTERY_CLIENT_REPORT = "mystery_client_report"
    EXTERNAL_INFORMATION = "external_information"
    OTHER = "other"


DOCUMENT_KIND_NAMES = {
    DocumentKind.APPLICATION_FORM: ("Formularz zgłoszeniowy", "Application form"),
    DocumentKind.QUALITY_POLICY: ("Polityka jakości", "Quality policy"),
    DocumentKind.MYSTERY_CLIENT_REPORT: ("Raport tajemniczego klienta", "Mystery-client report"),
    DocumentKind.EXTERNAL_INFORMATION: ("Informacje ze źródeł zewnętrznych", "External information"),
    DocumentKind.OTHER: ("Inny dokument", "Other document"),
}


class DossierStatus(str, Enum):
    """A juror's progress on one dossier."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    RECUSED = "recused"


STATUS_NAMES = {
    DossierStatus.NOT_STARTED: ("nierozpoczęta", "not started"),
    DossierStatus.IN_PROGRESS: ("w toku", "in progress"),
    DossierStatus.COMPLETE: ("ukończona", "complete"),
    DossierStatus.RECUSED: ("wyłączenie (konflikt interesów)", "recused (conflict of interest)"),
}


@dataclass(frozen=True)
class Stage:
    id: StageId
    name: str
    description: str = ""


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class RubricLevel:
    """A band of points [points_from, points_to] with what earns it."""

    points_from: float
    points_to: float
    label: str
    description: str = ""

    def contains(self, points: float) -> bool:
        return self.points_from - 1e-9 <= points <= self.points_to + 1e-9


@dataclass(frozen=True)
class Criterion:
    id: str
    code: str
    stage: StageId
    name: str
    description: str
    weight: float
    max_points: float
    step: float
    levels: tuple[RubricLevel, ...]
    position: int = 0

    def level_for(self, points: float) -> RubricLevel | None:
        for level in self.levels:
            if level.contains(points):
                return level
        return None

    def allowed_points(self) -> list[float]:
        """Every value a juror may give, from 0 to max in steps."""
        count = round(self.max_points / self.step)
        return [round(i * self.step, 6) for i in range(count + 1)]


@dataclass(frozen=True)
class Distinction:
    """A special distinction the organizer may award, e.g. the statuette "Innowacyjny Urząd"."""

    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class CertificationRule:
    """Certification needs the weighted total and each stage's subtotal at or above thresholds (in %)."""

    total_pct_min: float
    stage_pct_min: dict[str, float] = field(default_factory=dict)
    description: str = ""


@dataclass(frozen=True)
class Edition:
    id: str
    number: int
    year: int
    name: str
    organizer: str
    stages: tuple[Stage, ...]
    categories: tuple[Category, ...]
    criteria: tuple[Criterion, ...]
    distinctions: tuple[Distinction, ...]
    certification_rule: CertificationRule
    scoring_deadline: str = ""
    meeting_date: str = ""
    meeting_place: str = ""

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def criteria_of_stage(self, stage: StageId) -> list[Criterion]:
        return [c for c in self.criteria if c.stage == stage]


@dataclass(frozen=True)
class Institution:
    """An applicant as the jurors see it (it travels in bundles; its contact data does not)."""

    id: str
    name: str
    short_name: str
    kind: str
    category_id: str
    city: str
    voivodeship: str
    address: str = ""
    head: str = ""
    employees: int = 0
    county: str = ""  # powiat: tells two "Starostwo Powiatowe" or two communes of one name apart
    commune: str = ""  # gmina


@dataclass(frozen=True)
class InstitutionContact:
    """Who to call at an applicant: kept by the organizer only, never written into a bundle."""

    institution_id: str
    person: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Document:
    """One PDF of a dossier, identified by the SHA-256 of its bytes."""

    id: str
    dossier_id: str
    kind: DocumentKind
    title: str
    sha256: str
    size: int
    pages: int = 0


@dataclass(frozen=True)
class Dossier:
    id: str
    institution_id: str
    category_id: str
    title: str
    documents: tuple[Document, ...] = ()


@dataclass(frozen=True)
class Juror:
    id: str
    name: str
    affiliation: str
    email: str = ""
    role: str = "member"  # "chair" (przewodniczący) or "member"


@dataclass(frozen=True)
class Assignment:
    juror_id: str
    dossier_id: str


@dataclass(frozen=True)
class ConflictDeclaration:
    """A juror's recusal from a dossier, with the reason; a recused dossier takes no scores."""

    juror_id: str
    dossier_id: str
    reason: str
    declared_at: str


@dataclass(frozen=True)
class Score:
    juror_id: str
    dossier_id: str
    criterion_id: str
    points: float
    justification: str
    updated_at: str


@dataclass(frozen=True)
class Nomination:
    """A juror's proposal of a special distinction for a dossier, with the reason."""

    juror_id: str
    dossier_id: str
    distinction_id: str
    reason: str
    nominated_at: str
