"""The embedded demo edition's data (``data/demo/*.json``) turned into domain objects.

The demo names real institutions from the sources; for larger simulated editions more are made
as kind × town ("Urząd Gminy w Gozdowie"), with the towns' grammatical forms from the data.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import random
from dataclasses import dataclass
from typing import Any

from juror_app.domain import codec
from juror_app.domain.model import Edition, Institution
from juror_app.workflows.data_files import data_dir
from juror_app.workflows.organizer.templates import template_structure

__all__ = ["data_dir", "demo_edition", "edition_source", "make_institutions", "make_jurors", "people", "texts"]

TIERS = ("high", "mid", "low")


@functools.lru_cache(maxsize=None)
def _load(name: str) -> Any:
    with open(data_dir() / "demo" / name, encoding="utf-8") as handle:
        return json.load(handle)


def edition_source() -> dict[str, Any]:
    """The demo edition as bundle-form dictionaries: ``data/demo/edition.json``'s own header (id,
    number, name, dates: the demo's) over the structure of the template it names."""
    demo = _load("edition.json")
    return {"edition": demo["edition"], **template_structure(demo["template"])}


def texts() -> dict[str, Any]:
    return _load("texts.json")


def people() -> dict[str, Any]:
    return _load("people.json")


def demo_edition() -> Edition:
    """The demo's edition: the built-in "Przyjazny Urząd" template with the demo's header."""
    return codec.edition_from_dict(edition_source())


@dataclass(frozen=True)
class DemoInstitution:
    institution: Institution
    tier: str  # "high" | "mid" | "low": drives the simulated documents and scores
    locative: str = ""  # the town with its preposition, "w Bochni", "we Wrocławiu"


def _from_named(entry: dict[str, Any]) -> DemoInstitution:
    inst = Institution(
        id=entry["id"], name=entry["name"], short_name=entry.get("short_name", ""), kind=entry.get("kind", ""),
        category_id=entry["category"], city=entry.get("city", ""), voivodeship=entry.get("voivodeship", ""),
        address=entry.get("address", ""), head=entry.get("head", ""), employees=int(entry.get("employees", 0)),
    )
    return DemoInstitution(inst, entry.get("quality_tier", "mid"), entry.get("w", ""))


def _locative(entry: dict[str, Any], towns: list[dict[str, Any]]) -> str:
    """"w Bochni" for a named institution: from its entry, the towns list, or its own name."""
    if entry.get("w"):
        return entry["w"]
    for town in towns:
        if town["nom"] == entry.get("city") and town["w"] in entry["name"]:
            return town["w"]
    for town in towns:
        if town["nom"] == entry.get("city"):
            return town["w"]
    return f"w {entry.get('city', '')}".strip()


def make_institutions(count: int, rng: random.Random) -> list[DemoInstitution]:
    """The named demo institutions first, then kind × town combinations until ``count`` are made.

    Kinds are drawn by their ``simulation_share`` (communes are the most numerous applicants),
    towns at random; a name is never repeated.
    """
    source = _load("institutions.json")
    towns = source["towns"]
    named = []
    for position, entry in enumerate(source["institutions"][:count], start=1):
        item = _from_named(entry)
        institution = dataclasses.replace(item.institution, id=f"i{position:04d}")
        named.append(DemoInstitution(institution, item.tier, _locative(entry, towns)))
    result = named
    used_names = {d.institution.name for d in result}
    kinds = source["kinds"]
    weights = [float(k.get("simulation_share", 1.0)) for k in kinds]
    streets = ["ul. Rynek", "ul. Kościuszki", "ul. Mickiewicza", "ul. Słowackiego", "ul. Kolejowa",
               "ul. Wolności", "pl. Ratuszowy", "ul. Sienkiewicza", "ul. Żeromskiego", "ul. Piłsudskiego"]
    attempts = 0
    while len(result) < count:
        attempts += 1
        kind = rng.choices(kinds, weights=weights)[0]
        town = rng.choice(towns)
        forms = {"nom": town["nom"], "w": town["w"], "gen": town["gen"]}
        name = kind["name"].format(**forms)
        if name in used_names:
            if attempts < count * 50:
                continue
            name = f"{name} ({len(result) + 1})"
        used_names.add(name)
        low, high = kind.get("employees", [20, 200])
        inst = Institution(
            id=f"i{len(result) + 1:04d}",
            name=name,
            short_name=kind.get("short", "{nom}").format(**forms),
            kind=kind["id"],
            category_id=kind["category"],
            city=town["nom"],
            voivodeship=town["voivodeship"],
            address=f"{rng.choice(streets)} {rng.randint(1, 60)}, {rng.randint(10, 99)}-{rng.randint(100, 999)} {town['nom']}",
            head=kind.get("head", "").format(**forms),
            employees=rng.randint(low, high),
        )
        result.append(DemoInstitution(inst, rng.choices(TIERS, weights=(3, 4, 3))[0], town["w"]))
    return result


@dataclass(frozen=True)
class DemoJuror:
    name: str
    affiliation: str
    email: str
    role: str
    leniency: float  # added to the share of maximum points this juror tends to give


_PROFILE_LENIENCY = {"lenient": 0.09, "neutral": 0.0, "harsh": -0.11}


def _ascii_slug(text: str) -> str:
    table = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
    return "".join(ch for ch in text.translate(table).lower() if ch.isalnum() or ch == ".")


def make_jurors(count: int, rng: random.Random) -> list[DemoJuror]:
    """The named demo jurors first (one chair), then names composed from the name parts."""
    source = people()
    result = [
        DemoJuror(j["name"], j["affiliation"], j.get("email", ""), j.get("role", "member"),
                  _PROFILE_LENIENCY.get(j.get("profile", "neutral"), 0.0))
        for j in source["jurors"]
    ][:count]
    parts = source["name_parts"]
    seen = {j.name for j in result}
    while len(result) < count:
        female = rng.random() < 0.5
        first = rng.choice(parts["female_first"] if female else parts["male_first"])
        surname_forms = rng.choice(parts["surnames"])
        surname = surname_forms["f" if female else "m"]
        title = rng.choice(parts["titles"])
        name = f"{title} {first} {surname}"
        if name in seen:
            continue
        seen.add(name)
        profile = rng.choices(["lenient", "neutral", "harsh"], weights=(2, 5, 2))[0]
        email = f"{_ascii_slug(first)}.{_ascii_slug(surname)}@example.org"
        result.append(DemoJuror(name, rng.choice(parts["affiliations"]), email, "member",
                                _PROFILE_LENIENCY[profile] + rng.uniform(-0.03, 0.03)))
    if result and not any(j.role == "chair" for j in result):
        first = result[0]
        result[0] = DemoJuror(first.name, first.affiliation, first.email, "chair", first.leniency)
    return result
