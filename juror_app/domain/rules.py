"""Rules of scoring: allowed points, when a justification is required, what makes a dossier complete.

The same rules run on the juror's laptop (to guide the juror) and at the organizer's (to check a
package), so they live here, in plain Python.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Mapping

from juror_app.domain.errors import ValidationError
from juror_app.domain.i18n import pick
from juror_app.domain.model import Criterion, DossierStatus, Edition

MIN_JUSTIFICATION_CHARS = 10
MAX_JUSTIFICATION_CHARS = 4000
MAX_REASON_CHARS = 2000


def format_points(points: float) -> str:
    """Points as people write them in Polish: "7", "2,5"."""
    if float(points).is_integer():
        return str(int(points))
    return f"{points:g}".replace(".", ",")


def check_points(criterion: Criterion, points: float) -> float:
    """Return ``points`` normalised to the step grid, or raise ValidationError saying what is allowed."""
    if isinstance(points, bool) or not isinstance(points, (int, float)) or not math.isfinite(points):
        raise ValidationError(
            "points_not_a_number",
            pl=f"Punkty za kryterium {criterion.code} muszą być liczbą.",
            en=f"Points for criterion {criterion.code} must be a number.",
        )
    if points < 0 or points > criterion.max_points + 1e-9:
        raise ValidationError(
            "points_out_of_range",
            pl=(
                f"Za kryterium {criterion.code} można przyznać od 0 do "
                f"{format_points(criterion.max_points)} pkt; wpisano {format_points(points)}."
            ),
            en=(
                f"Criterion {criterion.code} takes 0 to {format_points(criterion.max_points)} points; "
                f"{format_points(points)} was entered."
            ),
        )
    steps = points / criterion.step
    if abs(steps - round(steps)) > 1e-6:
        raise ValidationError(
            "points_off_step",
            pl=(
                f"Za kryterium {criterion.code} punkty przyznaje się co {format_points(criterion.step)}; "
                f"{format_points(points)} nie jest dozwoloną wartością."
            ),
            en=(
                f"Criterion {criterion.code} is scored in steps of {format_points(criterion.step)}; "
                f"{format_points(points)} is not allowed."
            ),
        )
    return round(round(steps) * criterion.step, 6)


def justification_required(criterion: Criterion, points: float) -> bool:
    """A justification is required for the lowest and the highest rubric level."""
    if not criterion.levels:
        return True
    return criterion.levels[0].contains(points) or criterion.levels[-1].contains(points)


def check_justification_length(justification: str) -> str:
    """Return the justification stripped; refuse one past the length limit.

    A missing required justification does not stop saving (the juror may type the points first);
    it keeps the dossier from being complete (see :func:`missing_items`).
    """
    text = (justification or "").strip()
    if len(text) > MAX_JUSTIFICATION_CHARS:
        raise ValidationError(
            "justification_too_long",
            pl=f"Uzasadnienie jest za długie (najwyżej {MAX_JUSTIFICATION_CHARS} znaków).",
            en=f"The justification is too long (at most {MAX_JUSTIFICATION_CHARS} characters).",
        )
    return text


def check_justification(criterion: Criterion, points: float, justification: str) -> str:
    """Return the justification stripped, or raise ValidationError when the rules are not met."""
    text = check_justification_length(justification)
    if justification_required(criterion, points) and len(text) < MIN_JUSTIFICATION_CHARS:
        raise ValidationError(
            "justification_required",
            pl=(
                f"Ocena {format_points(points)} pkt za kryterium {criterion.code} to skrajny poziom skali: "
                f"wpisz uzasadnienie (co najmniej {MIN_JUSTIFICATION_CHARS} znaków)."
            ),
            en=(
                f"{format_points(points)} points for criterion {criterion.code} is an extreme level of the "
                f"scale: write a justification (at least {MIN_JUSTIFICATION_CHARS} characters)."
            ),
        )
    return text


def check_reason(reason: str, *, what_pl: str, what_en: str) -> str:
    """Reasons for a conflict declaration or a nomination must say something."""
    text = (reason or "").strip()
    if len(text) < MIN_JUSTIFICATION_CHARS:
        raise ValidationError(
            "reason_required",
            pl=f"Podaj powód ({what_pl}), co najmniej {MIN_JUSTIFICATION_CHARS} znaków.",
            en=f"Give the reason ({what_en}), at least {MIN_JUSTIFICATION_CHARS} characters.",
        )
    if len(text) > MAX_REASON_CHARS:
        raise ValidationError(
            "reason_too_long",
            pl=f"Powód jest za długi (najwyżej {MAX_REASON_CHARS} znaków).",
            en=f"The reason is too long (at most {MAX_REASON_CHARS} characters).",
        )
    return text


@dataclass(frozen=True)
class Missing:
    """One thing that keeps a dossier from being complete."""

    criterion_id: str
    code: str
    what: str  # "points" or "justification"

    def message(self, criterion_name: str, lang: str | None = None) -> str:
        if self.what == "points":
            return pick(
                f"{self.code} {criterion_name}: brak oceny",
                f"{self.code} {criterion_name}: not scored",
                lang,
            )
        return pick(
            f"{self.code} {criterion_name}: brak wymaganego uzasadnienia",
            f"{self.code} {criterion_name}: required justification missing",
            lang,
        )


def missing_items(
    edition: Edition, scores: Mapping[str, tuple[float, str]]
) -> list[Missing]:
    """What is missing for a dossier to be complete; ``scores`` maps criterion id → (points, justification)."""
    missing: list[Missing] = []
    for criterion in edition.criteria:
        entry = scores.get(criterion.id)
        if entry is None:
            missing.append(Missing(criterion.id, criterion.code, "points"))
            continue
        points, justification = entry
        if (
            justification_required(criterion, points)
            and len((justification or "").strip()) < MIN_JUSTIFICATION_CHARS
        ):
            missing.append(Missing(criterion.id, criterion.code, "justification"))
    return missing


def dossier_status(
    edition: Edition, scores: Mapping[str, tuple[float, str]], recused: bool
) -> DossierStatus:
    """The status follows from the data: recused, not started, complete when nothing is missing, else in progress."""
    if recused:
        return DossierStatus.RECUSED
    if not scores:
        return DossierStatus.NOT_STARTED
    if missing_items(edition, scores):
        return DossierStatus.IN_PROGRESS
    return DossierStatus.COMPLETE


def dossier_status_of(edition: Edition) -> Callable[[Mapping[str, tuple[float, str]], bool], DossierStatus]:
    """:func:`dossier_status` for many dossiers of one edition (a package's hundred, checked on merge).

    The same rules; whether a justification is required is worked out once per (criterion, points),
    as a rubric has few values, and the first missing item decides.
    """
    required: dict[tuple[str, float], bool] = {}

    def status(scores: Mapping[str, tuple[float, str]], recused: bool) -> DossierStatus:
        if recused:
            return DossierStatus.RECUSED
        if not scores:
            return DossierStatus.NOT_STARTED
        for criterion in edition.criteria:
            entry = scores.get(criterion.id)
            if entry is None:
                return DossierStatus.IN_PROGRESS
            points, justification = entry
            needed = required.get((criterion.id, points))
            if needed is None:
                needed = required[(criterion.id, points)] = justification_required(criterion, points)
            if needed and len((justification or "").strip()) < MIN_JUSTIFICATION_CHARS:
                return DossierStatus.IN_PROGRESS
        return DossierStatus.COMPLETE

    return status
