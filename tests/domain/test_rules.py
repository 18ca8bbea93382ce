"""Scoring rules: allowed points, required justifications, completeness and status."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juror_app.domain.errors import ValidationError
from juror_app.domain.model import (
    CertificationRule,
    Criterion,
    DossierStatus,
    Edition,
    RubricLevel,
    Stage,
    StageId,
)
from juror_app.domain.rules import (
    check_justification,
    check_points,
    dossier_status,
    dossier_status_of,
    format_points,
    justification_required,
    missing_items,
)

TEN = Criterion("k01", "I.1", StageId.I, "Standardy obsługi klienta", "", 1.0, 10, 1, (
    RubricLevel(0, 1, "Brak"), RubricLevel(2, 4, "Słabo"), RubricLevel(5, 7, "Dobrze"), RubricLevel(8, 9, "Bardzo dobrze"),
    RubricLevel(10, 10, "Wzorcowo"),
))
HALF = Criterion("k10", "II.1", StageId.II, "Tajemniczy klient", "", 2.0, 5, 0.5, (
    RubricLevel(0, 1, "Źle"), RubricLevel(1.5, 3.5, "Przeciętnie"), RubricLevel(4, 5, "Świetnie"),
))
EDITION = Edition("e", 1, 2026, "Edycja", "Org", (Stage(StageId.I, "I"), Stage(StageId.II, "II")), (), (TEN, HALF), (),
                  CertificationRule(70.0))


def test_points_on_grid_are_accepted_and_normalised() -> None:
    assert check_points(TEN, 7) == 7
    assert check_points(HALF, 2.5) == 2.5
    assert check_points(HALF, 5) == 5


@pytest.mark.parametrize("criterion,points,code", [
    (TEN, 11, "points_out_of_range"), (TEN, -1, "points_out_of_range"), (TEN, 7.5, "points_off_step"),
    (HALF, 2.25, "points_off_step"), (TEN, float("nan"), "points_not_a_number"), (TEN, True, "points_not_a_number"),
])
def test_bad_points_are_refused_with_a_message(criterion: Criterion, points: float, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_points(criterion, points)
    assert info.value.code == code
    assert criterion.code in info.value.message("pl") and criterion.code in info.value.message("en")


def test_polish_number_format() -> None:
    assert format_points(2.5) == "2,5" and format_points(7.0) == "7"


def test_justification_required_only_at_the_extreme_levels() -> None:
    assert justification_required(TEN, 0) and justification_required(TEN, 1)
    assert justification_required(TEN, 10)
    assert not justification_required(TEN, 5) and not justification_required(TEN, 9)
    assert justification_required(HALF, 4.5) and not justification_required(HALF, 2)
    with pytest.raises(ValidationError) as info:
        check_justification(TEN, 10, "  krótko ")
    assert info.value.code == "justification_required"
    assert check_justification(TEN, 5, "") == ""
    assert check_justification(TEN, 10, "  Wzorcowa Karta Usług i ePUAP.  ") == "Wzorcowa Karta Usług i ePUAP."


def test_missing_items_and_status() -> None:
    assert dossier_status(EDITION, {}, False) is DossierStatus.NOT_STARTED
    assert dossier_status(EDITION, {}, True) is DossierStatus.RECUSED
    partial = {"k01": (7.0, "")}
    assert [m.criterion_id for m in missing_items(EDITION, partial)] == ["k10"]
    assert dossier_status(EDITION, partial, False) is DossierStatus.IN_PROGRESS
    extreme = {"k01": (10.0, ""), "k10": (2.0, "")}
    missing = missing_items(EDITION, extreme)
    assert [(m.criterion_id, m.what) for m in missing] == [("k01", "justification")]
    assert "uzasadnienia" in missing[0].message(TEN.name, "pl")
    done = {"k01": (10.0, "Wzorcowe standardy obsługi."), "k10": (2.0, "")}
    assert dossier_status(EDITION, done, False) is DossierStatus.COMPLETE


@given(st.integers(min_value=0, max_value=10))
def test_every_grid_value_has_exactly_one_level(steps: int) -> None:
    points = steps * HALF.step
    assert sum(level.contains(points) for level in HALF.levels) == 1
    assert sum(level.contains(steps) for level in TEN.levels) == 1


_SCORE = st.tuples(st.integers(min_value=0, max_value=10).map(float),
                   st.sampled_from(["", "  krótko  ", "Wzorcowe standardy obsługi.", "          x"]))


@given(st.lists(st.fixed_dictionaries({}, optional={"k01": _SCORE, "k10": _SCORE.map(lambda s: (s[0] / 2, s[1]))}),
                max_size=20), st.booleans())
def test_status_for_many_dossiers_agrees_with_dossier_status(dossiers: list[dict], recused: bool) -> None:
    status = dossier_status_of(EDITION)  # one per edition, its memory shared by every dossier checked
    for scores in dossiers:
        assert status(scores, recused) is dossier_status(EDITION, scores, recused)
