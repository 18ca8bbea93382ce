"""What makes an edition sound: every rule an edition's structure must meet, with the field it concerns.

One set of rules, used in three places: the codec refuses a bundle whose edition breaks any of
them (:func:`juror_app.domain.codec.edition_from_dict`), the organizer's workflows refuse to store
or issue such an edition, and the edition editor shows the problems as the organizer types.
So the functions here do not stop at the first problem: they return *every* problem, each with

- ``field``: where it belongs, as a path into the edition (``criteria[2].levels[1].from``,
  ``categories[0].name``, ``certification_rule.stage_pct_min.II``; a problem of a whole list,
  such as "all weights are zero", names the list: ``criteria``), so a dialog can mark the widget;
- ``code``: stable, for tests and for the dialog to choose an icon;
- the message in Polish and English, saying what is wrong and what to do;
- ``incomplete``: True when something is *missing* rather than wrong (no category yet, no
  criterion yet). An incomplete edition may be stored (an empty edition is a draft), but bundles
  cannot be issued from it; a wrong one is refused everywhere.

The rubric rule, precisely: on a criterion scored 0…max in steps of ``step`` (which must divide
``max``), the levels, in order, must start at 0, end at ``max``, have ``from ≤ to`` on the step
grid, and each level must start exactly one step after the previous one ends (no gap, no overlap).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from juror_app.domain.errors import ValidationError
from juror_app.domain.i18n import pick
from juror_app.domain.model import (
    Category,
    CertificationRule,
    Criterion,
    Distinction,
    Edition,
    RubricLevel,
    Stage,
    StageId,
)
from juror_app.domain.text_folding import fold

# Limits shared with the codec (the same numbers refuse a bundle and a typed value).
MAX_ID = 64
MAX_TEXT = 20_000
MAX_CODE = 16
MAX_NAME = 300
MAX_EDITION_NAME = 500
MAX_ORGANIZER = 500
MAX_LABEL = 200
MAX_LEVELS = 50
MAX_CATEGORIES = 1000
MAX_CRITERIA = 200
MAX_DISTINCTIONS = 100
MIN_MAX_POINTS = 0.5
MAX_MAX_POINTS = 1000.0
MIN_STEP = 0.01
MAX_WEIGHT = 100.0
MIN_YEAR, MAX_YEAR = 2000, 2200
MAX_NUMBER = 1000
_GRID_TOLERANCE = 1e-6
IDENT = re.compile(r"[A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with (or missing from) an edition, tied to the field it belongs to."""

    field: str
    code: str
    pl: str
    en: str
    incomplete: bool = False

    def message(self, lang: str | None = None) -> str:
        return pick(self.pl, self.en, lang)


# --- formatting numbers in messages ------------------------------------------------------------


def _pl(value: float) -> str:
    """"7", "2,5" (the Polish decimal comma)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", ",")


def _en(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _finite(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def on_grid(value: float, step: float) -> bool:
    """Is ``value`` a whole number of ``step``s (within rounding of decimal input)?"""
    units = value / step
    return abs(units - round(units)) <= _GRID_TOLERANCE


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= _GRID_TOLERANCE * max(1.0, abs(a), abs(b))


def parse_number(text: str) -> float | None:
    """A number as people type it in Polish or English ("2,5", "2.5", " 10 "); None if it is not one."""
    cleaned = (text or "").strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        return None
    value = float(cleaned)
    return value if math.isfinite(value) else None


def typed_number(text: str, field: str, *, what_pl: str, what_en: str) -> tuple[float | None, list[Problem]]:
    """A number typed into an editor's field: (value, []) or (None, [the problem for ``field``])."""
    value = parse_number(text)
    if value is None:
        return None, [Problem(field, "not_a_number", f"{what_pl}: wpisz liczbę (np. 10 albo 0,5).",
                              f"{what_en}: type a number (e.g. 10 or 0.5).")]
    return value, []


def new_id(name: str, taken: Iterable[str], *, prefix: str = "") -> str:
    """An identifier for a new category, criterion or distinction, made from its name.

    ``"Urzędy gmin"`` → ``"urzedy-gmin"`` (ASCII letters, digits and ``-``; at most 48 characters
    before a ``-2``, ``-3`` … that keeps it unique among ``taken``).
    """
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:48].strip("-") or "x"
    base = f"{prefix}{slug}" if prefix else slug
    used = set(taken)
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


# --- small field rules ---------------------------------------------------------------------------


def _text_problems(value: str, field: str, *, what_pl: str, what_en: str, max_len: int,
                   required: bool = True) -> list[Problem]:
    if not isinstance(value, str):
        return [Problem(field, "not_text", f"{what_pl}: to musi być tekst.", f"{what_en}: must be text.")]
    if required and not value.strip():
        return [Problem(field, "required", f"{what_pl}: pole nie może być puste.", f"{what_en}: cannot be empty.")]
    if len(value) > max_len:
        return [Problem(field, "too_long", f"{what_pl}: najwyżej {max_len} znaków (jest {len(value)}).",
                        f"{what_en}: at most {max_len} characters (it has {len(value)}).")]
    return []


def _id_problems(value: str, field: str, *, what_pl: str, what_en: str) -> list[Problem]:
    if not isinstance(value, str) or not value or len(value) > MAX_ID or not IDENT.fullmatch(value):
        return [Problem(field, "bad_id",
                        f"{what_pl}: identyfikator to 1–{MAX_ID} znaków: litery bez polskich znaków, cyfry, - _ .",
                        f"{what_en}: an identifier is 1–{MAX_ID} characters: ASCII letters, digits, - _ .")]
    return []


def _duplicates(keys: Sequence[str]) -> list[int]:
    """Positions of items whose key already appeared earlier in the list."""
    seen: set[str] = set()
    repeated = []
    for i, key in enumerate(keys):
        if key in seen:
            repeated.append(i)
        seen.add(key)
    return repeated


def _folded(text: str) -> str:
    return " ".join(fold(text or "").split())


# --- rubric levels -------------------------------------------------------------------------------


def level_problems(max_points: float, step: float, levels: Sequence[RubricLevel], *,
                   at: str = "levels", code: str = "") -> list[Problem]:
    """Do the levels cover 0…max on the step grid without gaps or overlaps? (Empty: a problem.)

    ``max_points`` and ``step`` must already be sound (see :func:`criterion_problems`).
    """
    about_pl = f"Kryterium {code}: " if code else ""
    about_en = f"Criterion {code}: " if code else ""
    if not levels:
        return [Problem(at, "no_levels", f"{about_pl}dodaj poziomy skali obejmujące 0–{_pl(max_points)} pkt.",
                        f"{about_en}add rubric levels covering 0–{_en(max_points)} points.")]
    if len(levels) > MAX_LEVELS:
        return [Problem(at, "too_many_levels", f"{about_pl}najwyżej {MAX_LEVELS} poziomów skali.",
                        f"{about_en}at most {MAX_LEVELS} rubric levels.")]
    problems: list[Problem] = []
    expected = 0.0
    for i, level in enumerate(levels):
        here = f"{at}[{i}]"
        name_pl, name_en = f"poziom {i + 1}", f"level {i + 1}"
        problems += _text_problems(level.label, f"{here}.label", what_pl=f"{about_pl}{name_pl}, nazwa",
                                   what_en=f"{about_en}{name_en}, label", max_len=MAX_LABEL)
        problems += _text_problems(level.description, f"{here}.description", what_pl=f"{about_pl}{name_pl}, opis",
                                   what_en=f"{about_en}{name_en}, description", max_len=MAX_TEXT, required=False)
        low, high = level.points_from, level.points_to
        if not (_finite(low) and _finite(high)):
            problems.append(Problem(f"{here}.from", "level_not_a_number", f"{about_pl}{name_pl}: granice muszą być liczbami.",
                                    f"{about_en}{name_en}: the bounds must be numbers."))
            return problems
        bad_bound = False
        for key, value in (("from", low), ("to", high)):
            if value < 0 or value > max_points + _GRID_TOLERANCE:
                problems.append(Problem(
                    f"{here}.{key}", "level_out_of_range",
                    f"{about_pl}{name_pl}: {_pl(value)} pkt wykracza poza skalę 0–{_pl(max_points)}.",
                    f"{about_en}{name_en}: {_en(value)} points is outside the scale 0–{_en(max_points)}."))
                bad_bound = True
            elif not on_grid(value, step):
                problems.append(Problem(
                    f"{here}.{key}", "level_off_step",
                    f"{about_pl}{name_pl}: {_pl(value)} pkt nie leży na siatce co {_pl(step)} pkt.",
                    f"{about_en}{name_en}: {_en(value)} points is not on the grid of {_en(step)}-point steps."))
                bad_bound = True
        if high < low - _GRID_TOLERANCE:
            problems.append(Problem(
                f"{here}.to", "level_reversed",
                f"{about_pl}{name_pl}: „do” ({_pl(high)}) jest mniejsze niż „od” ({_pl(low)}).",
                f"{about_en}{name_en}: “to” ({_en(high)}) is below “from” ({_en(low)})."))
            bad_bound = True
        if not bad_bound:
            if i == 0 and not _same(low, 0.0):
                problems.append(Problem(
                    f"{here}.from", "levels_start_above_zero",
                    f"{about_pl}skala musi zaczynać się od 0 pkt; pierwszy poziom zaczyna się od {_pl(low)}.",
                    f"{about_en}the scale must start at 0 points; the first level starts at {_en(low)}."))
            elif i > 0 and low > expected + _GRID_TOLERANCE:
                problems.append(Problem(
                    f"{here}.from", "levels_gap",
                    f"{about_pl}luka w skali: żaden poziom nie obejmuje {_pl(expected)}"
                    + (f"–{_pl(low - step)}" if not _same(low - step, expected) else "")
                    + f" pkt (poziom {i} kończy się na {_pl(expected - step)}, poziom {i + 1} zaczyna od {_pl(low)}).",
                    f"{about_en}gap in the scale: no level covers {_en(expected)}"
                    + (f"–{_en(low - step)}" if not _same(low - step, expected) else "")
                    + f" points (level {i} ends at {_en(expected - step)}, level {i + 1} starts at {_en(low)})."))
            elif i > 0 and low < expected - _GRID_TOLERANCE:
                problems.append(Problem(
                    f"{here}.from", "levels_overlap",
                    f"{about_pl}poziomy {i} i {i + 1} nakładają się: {_pl(low)}–{_pl(min(high, expected - step))} pkt "
                    f"należy do obu. Poziom {i + 1} powinien zaczynać się od {_pl(expected)}.",
                    f"{about_en}levels {i} and {i + 1} overlap: {_en(low)}–{_en(min(high, expected - step))} points "
                    f"belong to both. Level {i + 1} should start at {_en(expected)}."))
        if _finite(high):
            expected = max(expected, high + step)
    last = levels[-1].points_to
    if _finite(last) and 0 <= last < max_points - _GRID_TOLERANCE and on_grid(last, step):
        problems.append(Problem(
            f"{at}[{len(levels) - 1}].to", "levels_end_below_max",
            f"{about_pl}skala musi kończyć się na maksimum {_pl(max_points)} pkt; ostatni poziom kończy się na {_pl(last)}.",
            f"{about_en}the scale must end at the maximum of {_en(max_points)} points; the last level ends at {_en(last)}."))
    return problems


# --- one criterion -------------------------------------------------------------------------------


def criterion_problems(criterion: Criterion, *, at: str = "criterion",
                       stage_ids: Iterable[str] = ("I", "II")) -> list[Problem]:
    """Everything wrong with one criterion on its own (uniqueness is checked across the list)."""
    code = (criterion.code or "").strip() if isinstance(criterion.code, str) else ""
    about_pl = f"Kryterium {code}" if code else "Kryterium"
    about_en = f"Criterion {code}" if code else "Criterion"
    problems = _id_problems(criterion.id, f"{at}.id", what_pl=about_pl, what_en=about_en)
    problems += _text_problems(criterion.code, f"{at}.code", what_pl=f"{about_pl}: kod", what_en=f"{about_en}: code",
                               max_len=MAX_CODE)
    problems += _text_problems(criterion.name, f"{at}.name", what_pl=f"{about_pl}: nazwa", what_en=f"{about_en}: title",
                               max_len=MAX_NAME)
    problems += _text_problems(criterion.description, f"{at}.description", what_pl=f"{about_pl}: opis",
                               what_en=f"{about_en}: description", max_len=MAX_TEXT, required=False)
    stage = criterion.stage.value if isinstance(criterion.stage, StageId) else str(criterion.stage)
    stages = set(stage_ids)
    if stage not in stages:
        problems.append(Problem(f"{at}.stage", "unknown_stage",
                                f"{about_pl}: etap „{stage}” nie istnieje w tej edycji (są: {', '.join(sorted(stages))}).",
                                f"{about_en}: stage “{stage}” does not exist in this edition (there are: {', '.join(sorted(stages))})."))
    weight = criterion.weight
    if not _finite(weight) or not 0 <= weight <= MAX_WEIGHT:
        problems.append(Problem(f"{at}.weight", "bad_weight",
                                f"{about_pl}: waga to liczba od 0 do {_pl(MAX_WEIGHT)}.",
                                f"{about_en}: the weight is a number from 0 to {_en(MAX_WEIGHT)}."))
    max_points, step = criterion.max_points, criterion.step
    scale_ok = True
    if not _finite(max_points) or not MIN_MAX_POINTS <= max_points <= MAX_MAX_POINTS:
        problems.append(Problem(f"{at}.max_points", "bad_max_points",
                                f"{about_pl}: maksimum punktów to liczba od {_pl(MIN_MAX_POINTS)} do {_pl(MAX_MAX_POINTS)}.",
                                f"{about_en}: the maximum is a number from {_en(MIN_MAX_POINTS)} to {_en(MAX_MAX_POINTS)}."))
        scale_ok = False
    if not _finite(step) or step < MIN_STEP or (scale_ok and step > max_points):
        limit_pl = f" i nie większa niż maksimum ({_pl(max_points)})" if scale_ok else ""
        limit_en = f" and at most the maximum ({_en(max_points)})" if scale_ok else ""
        problems.append(Problem(f"{at}.step", "bad_step",
                                f"{about_pl}: krok to liczba co najmniej {_pl(MIN_STEP)}{limit_pl}.",
                                f"{about_en}: the step is a number of at least {_en(MIN_STEP)}{limit_en}."))
        scale_ok = False
    if scale_ok and not on_grid(max_points, step):
        problems.append(Problem(
            f"{at}.step", "step_does_not_divide",
            f"{about_pl}: krok {_pl(step)} nie dzieli skali 0–{_pl(max_points)} na równe części "
            f"({_pl(max_points)} / {_pl(step)} = {_pl(round(max_points / step, 3))}). Wybierz krok, np. 1 albo 0,5, "
            "który mieści się w maksimum całkowitą liczbę razy.",
            f"{about_en}: the step {_en(step)} does not divide the scale 0–{_en(max_points)} evenly "
            f"({_en(max_points)} / {_en(step)} = {_en(round(max_points / step, 3))}). Choose a step, e.g. 1 or 0.5, "
            "that fits into the maximum a whole number of times."))
        scale_ok = False
    if scale_ok:
        problems += level_problems(max_points, step, criterion.levels, at=f"{at}.levels", code=code)
    return problems


# --- lists ---------------------------------------------------------------------------------------


def criteria_problems(criteria: Sequence[Criterion], stage_ids: Iterable[str] = ("I", "II")) -> list[Problem]:
    """Each criterion, unique ids and codes, and weights that are not all zero."""
    stages = tuple(stage_ids)
    if not criteria:
        return [Problem("criteria", "no_criteria", "Dodaj co najmniej jedno kryterium oceny.",
                        "Add at least one assessment criterion.", incomplete=True)]
    problems: list[Problem] = []
    if len(criteria) > MAX_CRITERIA:
        problems.append(Problem("criteria", "too_many_criteria", f"Najwyżej {MAX_CRITERIA} kryteriów.",
                                f"At most {MAX_CRITERIA} criteria."))
    for i, criterion in enumerate(criteria):
        problems += criterion_problems(criterion, at=f"criteria[{i}]", stage_ids=stages)
    for i in _duplicates([c.id for c in criteria]):
        problems.append(Problem(f"criteria[{i}].id", "duplicate_id",
                                f"Identyfikator kryterium „{criteria[i].id}” powtarza się.",
                                f"The criterion identifier “{criteria[i].id}” is repeated."))
    for i in _duplicates([_folded(c.code) for c in criteria]):
        if criteria[i].code.strip():
            problems.append(Problem(f"criteria[{i}].code", "duplicate_code",
                                    f"Kod kryterium „{criteria[i].code}” ma już inne kryterium.",
                                    f"The criterion code “{criteria[i].code}” is used by another criterion."))
    weights = [c.weight for c in criteria if _finite(c.weight) and c.weight >= 0]
    if len(weights) == len(criteria) and not any(weights):
        problems.append(Problem(
            "criteria", "weights_all_zero",
            "Wszystkie wagi kryteriów są równe 0: wynik ważony nie dałby się obliczyć. Nadaj wagę większą od 0 "
            "co najmniej jednemu kryterium.",
            "Every criterion's weight is 0: the weighted total could not be computed. Give at least one "
            "criterion a weight above 0."))
    return problems


def category_problems(categories: Sequence[Category]) -> list[Problem]:
    if not categories:
        return [Problem("categories", "no_categories", "Dodaj co najmniej jedną kategorię (np. „Urzędy gmin”).",
                        "Add at least one category (e.g. “Urzędy gmin”).", incomplete=True)]
    problems: list[Problem] = []
    if len(categories) > MAX_CATEGORIES:
        problems.append(Problem("categories", "too_many_categories", f"Najwyżej {MAX_CATEGORIES} kategorii.",
                                f"At most {MAX_CATEGORIES} categories."))
    for i, category in enumerate(categories):
        about_pl, about_en = f"Kategoria {i + 1}", f"Category {i + 1}"
        problems += _id_problems(category.id, f"categories[{i}].id", what_pl=about_pl, what_en=about_en)
        problems += _text_problems(category.name, f"categories[{i}].name", what_pl=f"{about_pl}: nazwa",
                                   what_en=f"{about_en}: name", max_len=MAX_NAME)
        problems += _text_problems(category.description, f"categories[{i}].description", what_pl=f"{about_pl}: opis",
                                   what_en=f"{about_en}: description", max_len=MAX_TEXT, required=False)
    for i in _duplicates([c.id for c in categories]):
        problems.append(Problem(f"categories[{i}].id", "duplicate_id",
                                f"Identyfikator kategorii „{categories[i].id}” powtarza się.",
                                f"The category identifier “{categories[i].id}” is repeated."))
    for i in _duplicates([_folded(c.name) for c in categories]):
        if categories[i].name.strip():
            problems.append(Problem(f"categories[{i}].name", "duplicate_name",
                                    f"Kategoria o nazwie „{categories[i].name}” już jest (import jednostek rozpoznaje kategorie po nazwie).",
                                    f"A category named “{categories[i].name}” already exists (the import of institutions "
                                    "recognises categories by name)."))
    return problems


def distinction_problems(distinctions: Sequence[Distinction]) -> list[Problem]:
    problems: list[Problem] = []
    if len(distinctions) > MAX_DISTINCTIONS:
        problems.append(Problem("distinctions", "too_many_distinctions", f"Najwyżej {MAX_DISTINCTIONS} wyróżnień.",
                                f"At most {MAX_DISTINCTIONS} distinctions."))
    for i, distinction in enumerate(distinctions):
        about_pl, about_en = f"Wyróżnienie {i + 1}", f"Distinction {i + 1}"
        problems += _id_problems(distinction.id, f"distinctions[{i}].id", what_pl=about_pl, what_en=about_en)
        problems += _text_problems(distinction.name, f"distinctions[{i}].name", what_pl=f"{about_pl}: nazwa",
                                   what_en=f"{about_en}: name", max_len=MAX_NAME)
        problems += _text_problems(distinction.description, f"distinctions[{i}].description",
                                   what_pl=f"{about_pl}: opis", what_en=f"{about_en}: description",
                                   max_len=MAX_TEXT, required=False)
    for i in _duplicates([d.id for d in distinctions]):
        problems.append(Problem(f"distinctions[{i}].id", "duplicate_id",
                                f"Identyfikator wyróżnienia „{distinctions[i].id}” powtarza się.",
                                f"The distinction identifier “{distinctions[i].id}” is repeated."))
    for i in _duplicates([_folded(d.name) for d in distinctions]):
        if distinctions[i].name.strip():
            problems.append(Problem(f"distinctions[{i}].name", "duplicate_name",
                                    f"Wyróżnienie o nazwie „{distinctions[i].name}” już jest.",
                                    f"A distinction named “{distinctions[i].name}” already exists."))
    return problems


def stage_problems(stages: Sequence[Stage]) -> list[Problem]:
    problems: list[Problem] = []
    if not stages:
        problems.append(Problem("stages", "no_stages", "Edycja musi mieć co najmniej etap I.",
                                "The edition needs at least stage I."))
    for i, stage in enumerate(stages):
        if not isinstance(stage.id, StageId):
            problems.append(Problem(f"stages[{i}].id", "unknown_stage", "Etapy to I i II.", "The stages are I and II."))
        problems += _text_problems(stage.name, f"stages[{i}].name", what_pl=f"Etap {i + 1}: nazwa",
                                   what_en=f"Stage {i + 1}: name", max_len=MAX_NAME)
        problems += _text_problems(stage.description, f"stages[{i}].description", what_pl=f"Etap {i + 1}: opis",
                                   what_en=f"Stage {i + 1}: description", max_len=MAX_TEXT, required=False)
    for i in _duplicates([str(s.id) for s in stages]):
        problems.append(Problem(f"stages[{i}].id", "duplicate_id", "Etap występuje dwa razy.",
                                "A stage appears twice."))
    return problems


def certification_problems(rule: CertificationRule, stages: Sequence[Stage],
                           criteria: Sequence[Criterion]) -> list[Problem]:
    """Thresholds are percentages 0–100; a stage threshold needs that stage to have weighted criteria."""
    problems: list[Problem] = []
    at = "certification_rule"
    total = rule.total_pct_min
    if not _finite(total) or not 0 <= total <= 100:
        problems.append(Problem(f"{at}.total_pct_min", "bad_threshold",
                                "Próg certyfikacji (wynik ważony) to procent od 0 do 100.",
                                "The certification threshold (weighted total) is a percentage from 0 to 100."))
    stage_ids = {s.id.value if isinstance(s.id, StageId) else str(s.id) for s in stages}
    for stage, minimum in (rule.stage_pct_min or {}).items():
        field = f"{at}.stage_pct_min.{stage}"
        if stage not in stage_ids:
            problems.append(Problem(field, "unknown_stage", f"Próg dla etapu „{stage}”, którego nie ma w edycji.",
                                    f"A threshold for stage “{stage}”, which the edition does not have."))
            continue
        if not _finite(minimum) or not 0 <= minimum <= 100:
            problems.append(Problem(field, "bad_threshold", f"Próg dla etapu {stage} to procent od 0 do 100.",
                                    f"The threshold for stage {stage} is a percentage from 0 to 100."))
        of_stage = [c for c in criteria if (c.stage.value if isinstance(c.stage, StageId) else c.stage) == stage]
        if not of_stage:
            problems.append(Problem(field, "stage_without_criteria",
                                    f"Reguła certyfikacji wymaga progu w etapie {stage}, ale etap {stage} nie ma "
                                    "jeszcze kryteriów: dodaj je albo usuń ten próg.",
                                    f"The certification rule sets a threshold for stage {stage}, but stage {stage} "
                                    "has no criteria yet: add some or remove the threshold.", incomplete=True))
        elif all(_finite(c.weight) and c.weight == 0 for c in of_stage):
            problems.append(Problem(field, "stage_weights_zero",
                                    f"Wszystkie kryteria etapu {stage} mają wagę 0, więc progu dla tego etapu nie da "
                                    "się sprawdzić. Nadaj wagę albo usuń próg.",
                                    f"Every criterion of stage {stage} weighs 0, so the stage's threshold cannot be "
                                    "checked. Give a weight or remove the threshold."))
    problems += _text_problems(rule.description, f"{at}.description", what_pl="Opis reguły certyfikacji",
                               what_en="Description of the certification rule", max_len=MAX_TEXT, required=False)
    return problems


def head_problems(edition: Edition) -> list[Problem]:
    """The edition's own fields: identifier, number, year, name, organizer."""
    problems = _id_problems(edition.id, "edition.id", what_pl="Edycja", what_en="Edition")
    if isinstance(edition.number, bool) or not isinstance(edition.number, int) or not 1 <= edition.number <= MAX_NUMBER:
        problems.append(Problem("edition.number", "bad_number", f"Numer edycji to liczba całkowita od 1 do {MAX_NUMBER}.",
                                f"The edition number is a whole number from 1 to {MAX_NUMBER}."))
    if isinstance(edition.year, bool) or not isinstance(edition.year, int) or not MIN_YEAR <= edition.year <= MAX_YEAR:
        problems.append(Problem("edition.year", "bad_year", f"Rok edycji to liczba od {MIN_YEAR} do {MAX_YEAR}.",
                                f"The edition's year is a number from {MIN_YEAR} to {MAX_YEAR}."))
    problems += _text_problems(edition.name, "edition.name", what_pl="Nazwa edycji", what_en="Edition name",
                               max_len=MAX_EDITION_NAME)
    problems += _text_problems(edition.organizer, "edition.organizer", what_pl="Organizator", what_en="Organizer",
                               max_len=MAX_ORGANIZER, required=False)
    return problems


def edition_problems(edition: Edition) -> list[Problem]:
    """Every problem of the edition, wrong or missing, in the order of the editor's pages."""
    stage_ids = [s.id.value for s in edition.stages if isinstance(s.id, StageId)]
    return (
        head_problems(edition)
        + stage_problems(edition.stages)
        + category_problems(edition.categories)
        + criteria_problems(edition.criteria, stage_ids)
        + distinction_problems(edition.distinctions)
        + certification_problems(edition.certification_rule, edition.stages, edition.criteria)
    )


def wrong_problems(edition: Edition) -> list[Problem]:
    """The problems that make an edition wrong (refused even as a draft); missing parts left out."""
    return [p for p in edition_problems(edition) if not p.incomplete]


def problems_under(problems: Iterable[Problem], prefix: str) -> list[Problem]:
    """The problems of one part, e.g. ``problems_under(ps, "criteria[2]")`` for one criterion's page."""
    return [p for p in problems if p.field == prefix or p.field.startswith((prefix + ".", prefix + "["))]


def describe(problems: Sequence[Problem], lang: str | None = None, *, limit: int = 20) -> str:
    """The problems as lines for a message ("- …"), at most ``limit`` and then how many more."""
    lines = [f"- {p.message(lang)}" for p in problems[:limit]]
    if len(problems) > limit:
        more = len(problems) - limit
        lines.append(pick(f"- … i {more} więcej", f"- … and {more} more", lang))
    return "\n".join(lines)


def check_edition(edition: Edition, *, allow_incomplete: bool = False,
                  action_pl: str = "Edycja ma błędy", action_en: str = "The edition has problems") -> None:
    """Raise ValidationError listing every problem (``details["problems"]``), or return when sound."""
    problems = wrong_problems(edition) if allow_incomplete else edition_problems(edition)
    if problems:
        raise ValidationError(
            "edition_invalid",
            pl=f"{action_pl}:\n{describe(problems, 'pl')}",
            en=f"{action_en}:\n{describe(problems, 'en')}",
            problems=tuple(problems),
        )
