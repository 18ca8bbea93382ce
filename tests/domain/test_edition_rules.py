"""The rules of an edition: every refusal with its field and its reason, and the codec refusing the same."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from juror_app.domain import codec, edition_rules
from juror_app.domain.edition_rules import (
    criterion_problems,
    edition_problems,
    level_problems,
    new_id,
    parse_number,
    problems_under,
)
from juror_app.domain.errors import FormatError, ValidationError
from juror_app.domain.model import (
    Category,
    CertificationRule,
    Criterion,
    Distinction,
    RubricLevel,
    StageId,
)
from juror_app.workflows.organizer.templates import EditionHead, edition_from_template, empty_edition


@pytest.fixture(scope="module")
def edition():
    return edition_from_template(EditionHead("XII edycja", 2027, edition_id="pu-2027-test"))


def _levels(*bands: tuple[float, float]) -> tuple[RubricLevel, ...]:
    return tuple(RubricLevel(a, b, f"poziom {i}") for i, (a, b) in enumerate(bands))


def _criterion(**changes) -> Criterion:
    base = Criterion("k01", "I.1", StageId.I, "Standardy", "", 1.0, 10, 1, _levels((0, 3), (4, 7), (8, 10)))
    return replace(base, **changes)


def _codes(problems) -> list[tuple[str, str]]:
    return [(p.code, p.field) for p in problems]


def test_the_template_meets_every_rule(edition) -> None:
    assert edition_problems(edition) == []


def test_empty_edition_is_incomplete_not_wrong() -> None:
    problems = edition_problems(empty_edition(EditionHead("Pusta", 2027, edition_id="e")))
    assert {(p.code, p.field) for p in problems} == {("no_categories", "categories"), ("no_criteria", "criteria")}
    assert all(p.incomplete for p in problems)
    assert edition_rules.wrong_problems(empty_edition(EditionHead("Pusta", 2027, edition_id="e"))) == []


# --- rubric levels: every way to get them wrong ---------------------------------------------------


@pytest.mark.parametrize("bands,code,field,text", [
    (((0, 3), (5, 10)), "levels_gap", "levels[1].from", "luka w skali: żaden poziom nie obejmuje 4 pkt"),
    (((0, 3), (6, 10)), "levels_gap", "levels[1].from", "4–5 pkt"),
    (((0, 4), (3, 10)), "levels_overlap", "levels[1].from", "poziomy 1 i 2 nakładają się: 3–4 pkt"),
    (((1, 4), (5, 10)), "levels_start_above_zero", "levels[0].from", "zaczynać się od 0"),
    (((0, 4), (5, 9)), "levels_end_below_max", "levels[1].to", "kończyć się na maksimum 10"),
    (((0, 4), (5, 11)), "level_out_of_range", "levels[1].to", "wykracza poza skalę 0–10"),
    (((0, 4), (7, 5), (8, 10)), "level_reversed", "levels[1].to", "„do” (5) jest mniejsze niż „od” (7)"),
    (((0, 4.5), (5, 10)), "level_off_step", "levels[0].to", "4,5 pkt nie leży na siatce co 1"),
    ((), "no_levels", "levels", "dodaj poziomy skali"),
])
def test_rubric_refusals_name_the_field_and_the_reason(bands, code, field, text) -> None:
    problems = level_problems(10, 1, _levels(*bands))
    assert (code, field) in _codes(problems), _codes(problems)
    assert text in next(p.pl for p in problems if p.code == code)
    assert next(p.en for p in problems if p.code == code)  # English too


def test_half_point_levels_on_their_grid_are_sound() -> None:
    assert level_problems(5, 0.5, _levels((0, 1), (1.5, 2.5), (3, 4), (4.5, 5))) == []
    gap = level_problems(5, 0.5, _levels((0, 1), (2, 5)))
    assert [p.code for p in gap] == ["levels_gap"] and "1,5 pkt" in gap[0].pl and "1.5 points" in gap[0].en


# --- one criterion --------------------------------------------------------------------------------


@pytest.mark.parametrize("changes,code,field", [
    ({"step": 3}, "step_does_not_divide", "criterion.step"),
    ({"step": 0}, "bad_step", "criterion.step"),
    ({"step": 20}, "bad_step", "criterion.step"),
    ({"max_points": 0}, "bad_max_points", "criterion.max_points"),
    ({"max_points": float("nan")}, "bad_max_points", "criterion.max_points"),
    ({"weight": -1}, "bad_weight", "criterion.weight"),
    ({"weight": float("inf")}, "bad_weight", "criterion.weight"),
    ({"code": "  "}, "required", "criterion.code"),
    ({"code": "X" * 17}, "too_long", "criterion.code"),
    ({"name": ""}, "required", "criterion.name"),
    ({"id": "k 01"}, "bad_id", "criterion.id"),
])
def test_criterion_refusals(changes, code, field) -> None:
    problems = criterion_problems(_criterion(**changes))
    assert (code, field) in _codes(problems), _codes(problems)


def test_a_step_that_does_not_divide_says_why() -> None:
    [problem] = criterion_problems(_criterion(step=3))
    assert "krok 3 nie dzieli skali 0–10" in problem.pl and "10 / 3 = 3,333" in problem.pl
    assert "does not divide the scale 0–10" in problem.en


def test_unknown_stage() -> None:
    problems = criterion_problems(_criterion(stage=StageId.II), stage_ids=("I",))
    assert ("unknown_stage", "criterion.stage") in _codes(problems)


# --- the whole edition ----------------------------------------------------------------------------


def test_weights_all_zero_are_refused_with_the_reason(edition) -> None:
    zero = replace(edition, criteria=tuple(replace(c, weight=0.0) for c in edition.criteria))
    problems = edition_problems(zero)
    weights = [p for p in problems if p.code == "weights_all_zero"]
    assert weights and weights[0].field == "criteria" and "Wszystkie wagi kryteriów są równe 0" in weights[0].pl
    assert not weights[0].incomplete
    # the stage thresholds of the certification rule cannot be checked either
    assert {p.field for p in problems if p.code == "stage_weights_zero"} == {
        "certification_rule.stage_pct_min.I", "certification_rule.stage_pct_min.II"}


def test_unique_ids_codes_and_names(edition) -> None:
    criteria = edition.criteria
    doubled = replace(edition, criteria=criteria + (replace(criteria[0], position=99),),
                      categories=edition.categories + (Category("inna", edition.categories[0].name.upper()),),
                      distinctions=edition.distinctions + (Distinction(edition.distinctions[0].id, "Coś innego"),))
    found = _codes(edition_problems(doubled))
    n = len(criteria)
    assert ("duplicate_id", f"criteria[{n}].id") in found
    assert ("duplicate_code", f"criteria[{n}].code") in found
    assert ("duplicate_name", f"categories[{len(edition.categories)}].name") in found
    assert ("duplicate_id", f"distinctions[{len(edition.distinctions)}].id") in found


@pytest.mark.parametrize("rule,code,field", [
    (CertificationRule(101), "bad_threshold", "certification_rule.total_pct_min"),
    (CertificationRule(-1), "bad_threshold", "certification_rule.total_pct_min"),
    (CertificationRule(70, {"I": 120}), "bad_threshold", "certification_rule.stage_pct_min.I"),
])
def test_certification_thresholds_are_percentages(edition, rule, code, field) -> None:
    assert (code, field) in _codes(edition_problems(replace(edition, certification_rule=rule)))


def test_a_stage_threshold_needs_criteria_in_that_stage(edition) -> None:
    only_stage_one = replace(edition, criteria=tuple(c for c in edition.criteria if c.stage is StageId.I))
    [problem] = [p for p in edition_problems(only_stage_one) if p.code == "stage_without_criteria"]
    assert problem.field == "certification_rule.stage_pct_min.II" and problem.incomplete


def test_head_fields(edition) -> None:
    bad = replace(edition, name=" ", year=1999, number=0, id="zła nazwa")
    assert {p.field for p in edition_problems(bad)} >= {"edition.name", "edition.year", "edition.number", "edition.id"}


def test_problems_of_one_part_for_the_editor(edition) -> None:
    broken = list(edition.criteria)
    broken[2] = replace(broken[2], step=3)
    problems = edition_problems(replace(edition, criteria=tuple(broken)))
    assert [p.field for p in problems_under(problems, "criteria[2]")] == ["criteria[2].step"]
    assert problems_under(problems, "criteria[1]") == []


def test_check_edition_lists_every_problem() -> None:
    empty = empty_edition(EditionHead("Pusta", 2027, edition_id="e"))
    edition_rules.check_edition(empty, allow_incomplete=True)
    with pytest.raises(ValidationError) as info:
        edition_rules.check_edition(empty)
    assert info.value.code == "edition_invalid" and len(info.value.details["problems"]) == 2
    assert "kategori" in info.value.pl and "kryteri" in info.value.pl


# --- the codec applies the same rules to every bundle ---------------------------------------------


@pytest.mark.parametrize("mutate,code", [
    (lambda d: [c.update(weight=0) for c in d["criteria"]], "weights_all_zero"),
    (lambda d: d["criteria"][2]["levels"][1].update({"from": 2}), "levels_overlap"),
    (lambda d: d["criteria"][2]["levels"][1].update({"from": 4}), "levels_gap"),
    (lambda d: d["criteria"][0].update(step=3), "step_does_not_divide"),
    (lambda d: d["criteria"][0].update(levels=[]), "no_levels"),
    (lambda d: d.update(categories=[]), "no_categories"),
    (lambda d: d["certification_rule"].update(total_pct_min=150), "bad_threshold"),
    (lambda d: d["criteria"][1].update(code=d["criteria"][0]["code"]), "duplicate_code"),
    (lambda d: d["categories"].append(dict(d["categories"][0])), "duplicate_id"),
])
def test_edition_from_dict_refuses_with_the_reason(edition, mutate, code) -> None:
    data = copy.deepcopy(codec.edition_to_dict(edition))
    mutate(data)
    with pytest.raises(FormatError) as info:
        codec.edition_from_dict(data)
    assert info.value.code == "edition_invalid"
    assert code in [p.code for p in info.value.details["problems"]]
    assert "nie spełnia reguł konkursu" in info.value.pl


def test_edition_round_trips_through_the_codec(edition) -> None:
    assert codec.edition_from_dict(codec.edition_to_dict(edition)) == edition


def test_an_incomplete_edition_is_never_written_into_a_bundle() -> None:
    empty = empty_edition(EditionHead("Pusta", 2027, edition_id="e"))
    with pytest.raises(ValidationError) as info:
        codec.edition_to_dict(empty)
    assert "paczce z przydziałem" in info.value.pl and "Dodaj co najmniej jedną kategorię" in info.value.pl
    assert codec.edition_to_dict(empty, validate=False)["categories"] == []


# --- typing helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [("2,5", 2.5), (" 10 ", 10.0), ("0.5", 0.5), ("1 000", 1000.0),
                                        ("", None), ("abc", None), ("1,2,3", None), ("nan", None), ("inf", None)])
def test_parse_number(text, value) -> None:
    assert parse_number(text) == value


def test_new_id_from_a_polish_name() -> None:
    assert new_id("Urzędy gmin", []) == "urzedy-gmin"
    assert new_id("Urzędy gmin", ["urzedy-gmin", "urzedy-gmin-2"]) == "urzedy-gmin-3"
    assert new_id("Łódź — ŻÓŁW!", [], prefix="k-") == "k-lodz-zolw"
    assert new_id("???", []) == "x"
