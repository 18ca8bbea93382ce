"""Checks on the embedded demo edition's content (data/demo/*.json).

The demo data is hand-written Polish text that code elsewhere turns into an edition, dossier PDFs,
jurors and simulated scores. These tests catch what would break that code or embarrass us in front
of a jury: dangling references, rubric gaps, placeholders the generator cannot fill, stray braces,
missing diacritics and malformed town names.
"""

from __future__ import annotations

import json
import string
from collections import Counter
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterator

import pytest

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"
TEMPLATES = Path(__file__).resolve().parents[1] / "data" / "templates"
FILES = ("edition.json", "institutions.json", "people.json", "texts.json")

TIERS = ("high", "mid", "low")
PROFILES = {"lenient", "neutral", "harsh"}
VOIVODESHIPS = {
    "dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", "małopolskie",
    "mazowieckie", "opolskie", "podkarpackie", "podlaskie", "pomorskie", "śląskie",
    "świętokrzyskie", "warmińsko-mazurskie", "wielkopolskie", "zachodniopomorskie",
}
DOCUMENT_PLACEHOLDERS = {"institution", "short_name", "city", "w", "voivodeship", "head", "employees",
                         "year", "address"}
KIND_PLACEHOLDERS = {"nom", "w", "gen"}
SAMPLE_VALUES = {
    "institution": "Urząd Miasta i Gminy w Twardogórze", "short_name": "UMiG Twardogóra",
    "city": "Twardogóra", "w": "w Twardogórze", "voivodeship": "dolnośląskie",
    "head": "Burmistrz Miasta i Gminy Twardogóra", "employees": 48, "year": 2026,
    "address": "ul. Ratuszowa 1, 56-416 Twardogóra", "nom": "Twardogóra", "gen": "Twardogóry",
}
POLISH_LETTERS = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    duplicates = [k for k, n in Counter(keys).items() if n > 1]
    if duplicates:
        raise ValueError(f"duplicate keys: {duplicates}")
    return dict(pairs)


def _load(name: str) -> Any:
    with open(DEMO / name, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=_no_duplicate_keys)


@pytest.fixture(scope="module")
def edition() -> dict[str, Any]:
    """The demo edition: its own header (edition.json) over the structure of the template it names."""
    demo = _load("edition.json")
    with open(TEMPLATES / f"{demo['template']}.json", encoding="utf-8") as f:
        template = json.load(f, object_pairs_hook=_no_duplicate_keys)
    return {**{k: v for k, v in template.items() if k != "template"}, "edition": demo["edition"]}


@pytest.fixture(scope="module")
def institutions() -> dict[str, Any]:
    return _load("institutions.json")


@pytest.fixture(scope="module")
def people() -> dict[str, Any]:
    return _load("people.json")


@pytest.fixture(scope="module")
def texts() -> dict[str, Any]:
    return _load("texts.json")


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _placeholders(text: str) -> set[str]:
    """Field names used in a str.format template (raises ValueError on a lone brace)."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _assert_template(text: str, allowed: set[str]) -> None:
    used = _placeholders(text)
    assert used <= allowed, f"placeholders {sorted(used - allowed)} not allowed in: {text!r}"
    formatted = text.format(**SAMPLE_VALUES)
    assert "{" not in formatted and "}" not in formatted, f"stray brace in: {text!r}"


def _document_paragraphs(texts: dict[str, Any]) -> Iterator[tuple[str, str, str, str]]:
    for doc_id, doc in texts["documents"].items():
        for section in doc["sections"]:
            for tier, paragraphs in section["paragraphs"].items():
                for paragraph in paragraphs:
                    yield doc_id, section["heading"], tier, paragraph


# --- all files -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", FILES)
def test_file_is_strict_utf8_json(name: str) -> None:
    raw = (DEMO / name).read_bytes()
    raw.decode("utf-8")
    json.loads(raw, object_pairs_hook=_no_duplicate_keys,
               parse_constant=lambda c: pytest.fail(f"{name}: non-JSON constant {c}"))


@pytest.mark.parametrize("name", FILES)
def test_strings_are_typographically_clean(name: str) -> None:
    """Polish quotation marks „…”, no ASCII double quotes, no doubled or edge spaces."""
    for text in _strings(_load(name)):
        assert '"' not in text, f"{name}: ASCII quote in {text!r}"
        assert "  " not in text, f"{name}: double space in {text!r}"
        assert text == text.strip(), f"{name}: leading/trailing space in {text!r}"
        assert text.count("„") == text.count("”"), f"{name}: unbalanced „” in {text!r}"


def test_readme_names_every_file() -> None:
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    for name in FILES:
        assert name in readme


# --- edition.json --------------------------------------------------------------------------------

def test_edition_ids_are_unique(edition: dict[str, Any]) -> None:
    for key in ("stages", "categories", "criteria", "distinctions"):
        ids = [item["id"] for item in edition[key]]
        assert len(ids) == len(set(ids)), f"duplicate id in {key}"
    codes = [c["code"] for c in edition["criteria"]]
    assert len(codes) == len(set(codes))


def test_twelve_criteria_in_known_stages(edition: dict[str, Any]) -> None:
    stages = {s["id"] for s in edition["stages"]}
    criteria = edition["criteria"]
    assert len(criteria) == 12
    assert {c["stage"] for c in criteria} == stages
    for c in criteria:
        assert c["code"].startswith(c["stage"] + "."), c["code"]
        assert c["weight"] > 0 and c["max_points"] > 0 and c["step"] > 0
        assert Fraction(str(c["max_points"])) % Fraction(str(c["step"])) == 0
        assert 2 <= c["description"].count(".") and len(c["description"].split()) >= 30, c["id"]


def test_levels_are_contiguous_and_cover_the_scale(edition: dict[str, Any]) -> None:
    for c in edition["criteria"]:
        step = Fraction(str(c["step"]))
        levels = c["levels"]
        assert 4 <= len(levels) <= 6, c["id"]
        expected_from = Fraction(0)
        for level in levels:
            low, high = Fraction(str(level["from"])), Fraction(str(level["to"]))
            assert low == expected_from, f"{c['id']}: gap or overlap at {level['label']}"
            assert low <= high, f"{c['id']}: reversed level {level['label']}"
            assert low % step == 0 and high % step == 0, f"{c['id']}: off the step grid"
            assert level["label"] and len(level["description"].split()) >= 8
            expected_from = high + step
        assert Fraction(str(levels[-1]["to"])) == Fraction(str(c["max_points"])), c["id"]
        labels = [level["label"] for level in levels]
        assert len(labels) == len(set(labels)), c["id"]


def test_rubrics_are_specific_to_each_criterion(edition: dict[str, Any]) -> None:
    label_sets = [tuple(level["label"] for level in c["levels"]) for c in edition["criteria"]]
    assert len(label_sets) == len(set(label_sets)), "two criteria share the same rubric"


def test_distinctions_and_certification_rule(edition: dict[str, Any]) -> None:
    ids = [d["id"] for d in edition["distinctions"]]
    assert 2 <= len(ids) <= 3 and "innowacyjny-urzad" in ids
    rule = edition["certification_rule"]
    assert 0 < rule["total_pct_min"] <= 100
    assert set(rule["stage_pct_min"]) == {s["id"] for s in edition["stages"]}
    assert all(0 < pct <= 100 for pct in rule["stage_pct_min"].values())
    assert rule["description"].count(".") == 1 and rule["description"].endswith(".")


def test_edition_has_no_placeholders(edition: dict[str, Any]) -> None:
    for text in _strings(edition):
        assert "{" not in text and "}" not in text, text


# --- institutions.json ---------------------------------------------------------------------------

def test_institutions_reference_known_categories_and_kinds(
        edition: dict[str, Any], institutions: dict[str, Any]) -> None:
    categories = {c["id"] for c in edition["categories"]}
    kinds = {k["id"]: k for k in institutions["kinds"]}
    items = institutions["institutions"]
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids))
    assert len({i["name"] for i in items}) == len(items)
    assert len({i["short_name"] for i in items}) == len(items)
    for inst in items:
        assert inst["category"] in categories, inst["id"]
        assert inst["kind"] in kinds, inst["id"]
        assert kinds[inst["kind"]]["category"] == inst["category"], inst["id"]
        assert inst["voivodeship"] in VOIVODESHIPS, inst["id"]
        assert inst["quality_tier"] in TIERS, inst["id"]
        assert isinstance(inst["employees"], int) and inst["employees"] > 0
        assert inst["city"] in inst["address"], inst["id"]
    assert {i["category"] for i in items} == categories, "a category has no institution"


def test_institutions_include_the_seed_offices_and_mix_tiers(institutions: dict[str, Any]) -> None:
    items = institutions["institutions"]
    names = {i["name"] for i in items}
    for expected in ("Urząd Miasta i Gminy w Twardogórze",
                     "Urząd Marszałkowski Województwa Mazowieckiego w Warszawie",
                     "Miejski Ośrodek Pomocy Społecznej w Dębicy", "Starostwo Powiatowe w Łęczycy",
                     "Urząd Gminy w Mszanie Dolnej", "Urząd Miasta Łodzi"):
        assert expected in names
    tiers = Counter(i["quality_tier"] for i in items)
    for tier in TIERS:
        assert 0.25 <= tiers[tier] / len(items) <= 0.42, tiers
    print(f"\ninstitutions: {len(items)}; tiers: {dict(tiers)}")


def test_institution_towns_are_in_the_town_list(institutions: dict[str, Any]) -> None:
    towns = {(t["nom"], t["voivodeship"]) for t in institutions["towns"]}
    for inst in institutions["institutions"]:
        assert (inst["city"], inst["voivodeship"]) in towns, inst["city"]


def test_kind_templates(edition: dict[str, Any], institutions: dict[str, Any]) -> None:
    categories = {c["id"] for c in edition["categories"]}
    kinds = institutions["kinds"]
    assert len({k["id"] for k in kinds}) == len(kinds)
    for k in kinds:
        assert k["category"] in categories
        for field in ("name", "short", "head"):
            _assert_template(k[field], KIND_PLACEHOLDERS)
        low, high = k["employees"]
        assert 0 < low < high
        assert 0 <= k["simulation_share"] <= 1
    assert abs(sum(k["simulation_share"] for k in kinds) - 1) < 1e-9
    assert {k["category"] for k in kinds if k["simulation_share"] > 0} == categories - {
        "urzedy-marszalkowskie-i-wojewodzkie"}


def test_towns(institutions: dict[str, Any]) -> None:
    towns = institutions["towns"]
    keys = [(t["nom"], t["voivodeship"]) for t in towns]
    assert len(towns) >= 400
    assert len(keys) == len(set(keys))
    assert {t["voivodeship"] for t in towns} == VOIVODESHIPS
    vowels = set("aąeęioóuyAĄEĘIOÓUY")
    for t in towns:
        nom, w = t["nom"], t["w"]
        needs_we = nom[0] in "WwFf" and nom[1] not in vowels
        prefix = "we " if needs_we else "w "
        assert w.startswith(prefix), f"{nom}: expected '{prefix}…', got {w!r}"
        assert w[len(prefix):][0].isupper() and t["gen"][0].isupper(), nom
        assert w.count(" ") - 1 == nom.count(" ") and t["gen"].count(" ") == nom.count(" "), nom
        assert w.count("-") == nom.count("-") == t["gen"].count("-"), nom
    print(f"\ntowns: {len(towns)} in {len({t['voivodeship'] for t in towns})} voivodeships")


@pytest.mark.parametrize("nom, w, gen", [
    ("Łódź", "w Łodzi", "Łodzi"),
    ("Zielona Góra", "w Zielonej Górze", "Zielonej Góry"),
    ("Włocławek", "we Włocławku", "Włocławka"),
    ("Kędzierzyn-Koźle", "w Kędzierzynie-Koźlu", "Kędzierzyna-Koźla"),
    ("Wrocław", "we Wrocławiu", "Wrocławia"),
    ("Bochnia", "w Bochni", "Bochni"),
    ("Białystok", "w Białymstoku", "Białegostoku"),
    ("Zakopane", "w Zakopanem", "Zakopanego"),
    ("Końskie", "w Końskich", "Końskich"),
])
def test_known_town_forms(institutions: dict[str, Any], nom: str, w: str, gen: str) -> None:
    matches = [t for t in institutions["towns"] if t["nom"] == nom]
    assert matches, nom
    assert (matches[0]["w"], matches[0]["gen"]) == (w, gen)


# --- people.json ---------------------------------------------------------------------------------

def test_jurors(people: dict[str, Any]) -> None:
    jurors = people["jurors"]
    assert people["organizer"]["name"] and people["organizer"]["role"] == "Sekretarz Kapituły"
    assert 10 <= len(jurors) <= 15
    assert [j["role"] for j in jurors].count("chair") == 1
    assert {j["role"] for j in jurors} == {"chair", "member"}
    assert len({j["name"] for j in jurors}) == len(jurors)
    emails = [j["email"] for j in jurors] + [people["organizer"].get("email", "x@example.org")]
    assert len(set(emails)) == len(emails)
    for email in emails:
        assert email.isascii() and email.endswith("@example.org") and email.count("@") == 1, email
    profiles = Counter(j["profile"] for j in jurors)
    assert set(profiles) == PROFILES and profiles["lenient"] >= 2 and profiles["harsh"] >= 2, profiles
    assert all(j["affiliation"] for j in jurors)


def test_name_parts_make_at_least_sixty_names(people: dict[str, Any]) -> None:
    parts = people["name_parts"]
    for s in parts["surnames"]:
        m, f = s["m"], s["f"]
        for masculine, feminine in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
            if m.endswith(masculine):
                assert f == m[: -len(masculine)] + feminine, s
                break
        else:
            assert f == m, s
    names = {f"{first} {s['f']}" for first in parts["female_first"] for s in parts["surnames"]}
    names |= {f"{first} {s['m']}" for first in parts["male_first"] for s in parts["surnames"]}
    assert len(names) >= 60
    assert len(set(parts["titles"])) >= 4 and len(set(parts["affiliations"])) >= 10
    print(f"\ndistinct juror names from name_parts: {len(names)}")


# --- texts.json ----------------------------------------------------------------------------------

def test_documents_have_every_tier_in_every_section(texts: dict[str, Any]) -> None:
    documents = texts["documents"]
    assert set(documents) == {"application_form", "quality_policy", "mystery_client_report",
                              "external_information"}
    for doc_id, doc in documents.items():
        assert doc["title"] and len(doc["sections"]) >= 3, doc_id
        headings = [s["heading"] for s in doc["sections"]]
        assert len(headings) == len(set(headings)), doc_id
        for section in doc["sections"]:
            assert set(section["paragraphs"]) == set(TIERS), (doc_id, section["heading"])
            for tier in TIERS:
                paragraphs = section["paragraphs"][tier]
                assert len(paragraphs) >= 2, (doc_id, section["heading"], tier)
                assert len(set(paragraphs)) == len(paragraphs)
            assert section["paragraphs"]["high"] != section["paragraphs"]["low"]


def test_document_paragraphs_are_substantial(texts: dict[str, Any]) -> None:
    for doc_id, heading, tier, paragraph in _document_paragraphs(texts):
        assert len(paragraph.split()) >= 30, (doc_id, heading, tier)
        assert paragraph.endswith("."), (doc_id, heading, tier)


def test_document_placeholders(texts: dict[str, Any]) -> None:
    for doc in texts["documents"].values():
        assert "{" not in doc["title"]
        for section in doc["sections"]:
            assert "{" not in section["heading"], "headings are printed as they are"
    for *_, paragraph in _document_paragraphs(texts):
        _assert_template(paragraph, DOCUMENT_PLACEHOLDERS)


def test_justifications(edition: dict[str, Any], texts: dict[str, Any]) -> None:
    justifications = texts["justifications"]
    assert set(justifications) == {c["id"] for c in edition["criteria"]}
    all_texts: list[str] = []
    for criterion_id, bands in justifications.items():
        assert set(bands) == {"low", "mid", "high"}, criterion_id
        for band, items in bands.items():
            assert len(items) >= 4 and len(set(items)) == len(items), (criterion_id, band)
            for text in items:
                _assert_template(text, {"short_name"})
                assert 1 <= text.count(". ") + 1 <= 4 and len(text.split()) >= 6, text
            all_texts.extend(items)
    assert len(all_texts) == len(set(all_texts)), "the same justification is used twice"
    print(f"\njustifications: {len(all_texts)}")


def test_conflicts_nominations_notes(edition: dict[str, Any], texts: dict[str, Any]) -> None:
    assert len(set(texts["conflict_reasons"])) >= 6
    assert len(set(texts["in_progress_notes"])) >= 4
    nominations = texts["nomination_reasons"]
    assert set(nominations) == {d["id"] for d in edition["distinctions"]}
    for reasons in nominations.values():
        assert len(set(reasons)) >= 4
    for text in _strings([texts["conflict_reasons"], texts["in_progress_notes"], nominations]):
        assert "{" not in text and "}" not in text, text


def test_polish_letters_appear_in_document_text(texts: dict[str, Any]) -> None:
    document_text = " ".join(p for *_, p in _document_paragraphs(texts))
    missing = [ch for ch in POLISH_LETTERS if ch not in document_text]
    assert not missing, f"letters never used in dossier text: {missing}"


def test_print_content_figures(edition: dict[str, Any], institutions: dict[str, Any],
                               texts: dict[str, Any]) -> None:
    words: Counter[tuple[str, str]] = Counter()
    for doc_id, _, tier, paragraph in _document_paragraphs(texts):
        words[(doc_id, tier)] += len(paragraph.format(**SAMPLE_VALUES).split())
    total = sum(words.values())
    print(f"\ninstitutions: {len(institutions['institutions'])}, towns: {len(institutions['towns'])}, "
          f"criteria: {len(edition['criteria'])}, words of document text: {total}")
    for doc_id in texts["documents"]:
        per_tier = ", ".join(f"{tier} {words[(doc_id, tier)]}" for tier in TIERS)
        print(f"  {doc_id}: {per_tier} words")
    assert total > 5000
