"""An institution's fields: the same rules for the import and the hand editor; and the edition's diff."""

from __future__ import annotations

from dataclasses import replace

import pytest

from juror_app.domain.edition_diff import diff_editions, invalidated_criteria, summary
from juror_app.domain.institution_rules import (
    VOIVODESHIPS,
    InstitutionFields,
    category_of,
    clean_fields,
    folded_key,
    institution_problems,
    match_key,
    voivodeship_of,
)
from juror_app.domain.model import Category, RubricLevel
from juror_app.workflows.organizer.templates import EditionHead, edition_from_template

CATEGORIES = (Category("urzedy-gmin", "Urzędy gmin"), Category("starostwa-powiatowe", "Starostwa powiatowe"))
GOOD = InstitutionFields(name="Urząd Gminy w Łące", category="Urzędy gmin", voivodeship="małopolskie")


def test_sixteen_voivodeships_in_any_usual_spelling() -> None:
    assert len(VOIVODESHIPS) == 16 == len(set(VOIVODESHIPS))
    for text in ("małopolskie", "Małopolskie", "MAŁOPOLSKIE", "malopolskie", "Województwo Małopolskie",
                 "woj. małopolskie", "woj małopolskie", " małopolskie "):
        assert voivodeship_of(text) == "małopolskie", text
    assert voivodeship_of("lodzkie") == "łódzkie" and voivodeship_of("Śląskie") == "śląskie"
    assert voivodeship_of("") == ""
    assert voivodeship_of("Mazowsze") is None and voivodeship_of("Bawaria") is None


def test_categories_by_name_or_id_tolerant_of_case_and_diacritics() -> None:
    for text in ("Urzędy gmin", "urzędy gmin", "URZEDY GMIN", "urzedy-gmin", "  Urzędy   gmin "):
        assert category_of(text, CATEGORIES) == CATEGORIES[0], text
    assert category_of("Urzędy miast", CATEGORIES) is None


@pytest.mark.parametrize("changes,code,field", [
    ({"name": "  "}, "empty_name", "name"),
    ({"category": ""}, "no_category", "category"),
    ({"category": "Urzędy miast"}, "unknown_category", "category"),
    ({"voivodeship": "Mazowsze"}, "unknown_voivodeship", "voivodeship"),
    ({"email": "jan(at)ug.pl"}, "bad_email", "email"),
    ({"email": "a@b.pl; zly"}, "bad_email", "email"),
    ({"phone": "12-34"}, "bad_phone", "phone"),
    ({"id": "ID 7"}, "bad_id", "id"),
    ({"id": "x" * 61}, "too_long", "id"),
    ({"name": "x" * 501}, "too_long", "name"),
    ({"address": "ul.\x07Rynek"}, "control_characters", "address"),
])
def test_each_refusal_with_its_field_and_reason(changes, code, field) -> None:
    problems = institution_problems(replace(GOOD, **changes), CATEGORIES)
    assert [(p.code, p.field) for p in problems] == [(code, field)]
    assert problems[0].pl and problems[0].en


def test_unknown_category_lists_the_edition_categories() -> None:
    [problem] = institution_problems(replace(GOOD, category="Gminy"), CATEGORIES)
    assert "„Gminy”" in problem.pl and "Urzędy gmin; Starostwa powiatowe" in problem.pl


def test_sound_fields_are_cleaned_for_storing() -> None:
    typed = replace(GOOD, name="  Urząd  Gminy\nw Łące ", category="URZEDY GMIN", voivodeship="Woj. Małopolskie",
                    email="a@ug.pl, b@ug.pl", phone="+48 (14) 123-45-67 wew. 12", address="=HYPERLINK(1)")
    assert institution_problems(typed, CATEGORIES) == []
    cleaned = clean_fields(typed, CATEGORIES)
    assert (cleaned.name, cleaned.category, cleaned.voivodeship) == ("Urząd Gminy w Łące", "urzedy-gmin", "małopolskie")
    assert cleaned.address == "=HYPERLINK(1)"  # kept as text, never evaluated


def test_matching_ignores_case_diacritics_quotes_and_spacing() -> None:
    assert match_key("Urząd Gminy „Łąka”", "g") == match_key('urzad  gminy "laka"', "g")
    assert match_key("Urząd Gminy", "g") != match_key("Urząd Gminy", "h")
    assert folded_key("Starostwo Powiatowe — Bochnia") == folded_key("starostwo powiatowe - bochnia")


# --- what changed between two editions ------------------------------------------------------------


@pytest.fixture(scope="module")
def edition():
    return edition_from_template(EditionHead("XII edycja", 2027, edition_id="pu-2027-test"))


def test_range_step_and_removal_invalidate_other_changes_do_not(edition) -> None:
    k01, k02, k03 = edition.criteria[:3]
    changed = replace(edition, name="Nowa nazwa", criteria=(
        replace(k01, max_points=5, levels=(RubricLevel(0, 2, "a"), RubricLevel(3, 5, "b"))),
        replace(k02, weight=2.0, name="Inna nazwa"),
    ) + edition.criteria[3:])
    items = diff_editions(edition, changed)
    assert invalidated_criteria(items) == ["k01", "k03"]
    by = {(i.part, i.item_id, i.field): i for i in items}
    assert by[("criterion", "k01", "max_points")].invalidating
    assert (by[("criterion", "k01", "max_points")].old, by[("criterion", "k01", "max_points")].new) == ("10", "5")
    assert not by[("criterion", "k01", "levels")].invalidating
    assert not by[("criterion", "k02", "weight")].invalidating
    assert by[("criterion", "k03", "")].action == "removed"
    assert by[("edition", edition.id, "name")].new == "Nowa nazwa"
    text = summary(items, "pl")
    assert "kryterium I.1: maksimum punktów „10” → „5”" in text and "usunięto: kryterium I.3" in text


def test_step_change_invalidates_and_identical_editions_have_no_diff(edition) -> None:
    assert diff_editions(edition, edition) == []
    k10 = edition.criteria[9]
    finer = replace(edition, criteria=edition.criteria[:9] + (replace(k10, step=0.25),) + edition.criteria[10:])
    assert invalidated_criteria(diff_editions(edition, finer)) == ["k10"]
