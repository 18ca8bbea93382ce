"""Dictionaries ⇄ domain objects, checking every field on the way in.

Dictionaries come from JSON members of signed files and from the demo data; even a correctly
signed file is checked field by field, so that a bug on the sender's side gives a clear message
instead of a crash later.
"""

from __future__ import annotations

import math
import re
from typing import Any, Iterable

from juror_app.domain import edition_rules
from juror_app.domain.errors import FormatError
from juror_app.domain.model import (
    Category,
    CertificationRule,
    Criterion,
    Distinction,
    Document,
    DocumentKind,
    Dossier,
    Edition,
    Institution,
    Juror,
    RubricLevel,
    Stage,
    StageId,
)


def json_points(points: float) -> int | float:
    """Whole points are written as integers ("7", not "7.0"), as people read them."""
    return int(points) if float(points).is_integer() else float(points)


MAX_TEXT = 20_000
MAX_ID = 64
_IDENT = re.compile(r"[A-Za-z0-9._-]+")
DOCUMENT_KINDS = tuple(k.value for k in DocumentKind)
STAGE_IDS = tuple(x.value for x in StageId)
_SHA256 = re.compile(r"[0-9a-f]{64}")
_IDENT_LINES = re.compile(r"[A-Za-z0-9._-]+(?:\n[A-Za-z0-9._-]+)*")  # identifiers joined by "\n"


def _finite(value: int | float) -> bool:
    """``math.isfinite``, but False (not OverflowError) for an integer too large for a float."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _bad(path: str, expected_pl: str, expected_en: str) -> FormatError:
    return FormatError(
        "bad_field",
        pl=f"Nieprawidłowe pole „{path}”: oczekiwano {expected_pl}. Plik jest uszkodzony lub pochodzi z innej wersji programu.",
        en=f"Invalid field “{path}”: expected {expected_en}. The file is damaged or comes from another version of the program.",
        path=path,
    )


class Reader:
    """Typed access to one JSON object, with the path used in messages."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, dict):
            raise _bad(path, "obiektu", "an object")
        self.data = data
        self.path = path

    def _at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def text(self, key: str, *, default: str | None = None, max_len: int = MAX_TEXT, min_len: int = 0) -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str) or not (min_len <= len(value) <= max_len):
            raise _bad(self._at(key), f"tekstu ({min_len}–{max_len} znaków)", f"text ({min_len}–{max_len} characters)")
        return value

    def ident(self, key: str) -> str:
        value = self.text(key, max_len=MAX_ID, min_len=1)
        if not _IDENT.fullmatch(value):
            raise _bad(self._at(key), "identyfikatora (litery, cyfry, - _ .)", "an identifier (letters, digits, - _ .)")
        return value

    def number(self, key: str, *, default: float | None = None, minimum: float = -math.inf,
               maximum: float = math.inf) -> float:
        value = self.data.get(key, default)
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not _finite(value)
            or not minimum <= value <= maximum
        ):
            raise _bad(self._at(key), f"liczby z zakresu {minimum}–{maximum}", f"a number in {minimum}–{maximum}")
        return float(value)

    def integer(self, key: str, *, default: int | None = None, minimum: int = 0, maximum: int = 2**53) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            raise _bad(self._at(key), f"liczby całkowitej {minimum}–{maximum}", f"an integer in {minimum}–{maximum}")
        return value

    def items(self, key: str, *, max_items: int = 1_000_000) -> list["Reader"]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or len(value) > max_items:
            raise _bad(self._at(key), "listy", "a list")
        return [Reader(item, f"{self._at(key)}[{i}]") for i, item in enumerate(value)]

    def obj(self, key: str) -> "Reader":
        return Reader(self.data.get(key), self._at(key))

    def choice(self, key: str, choices: Iterable[str]) -> str:
        value = self.data.get(key)
        if value not in choices:
            options = list(choices)
            raise _bad(self._at(key), "jednej z wartości: " + ", ".join(options), "one of: " + ", ".join(options))
        return value


# --- column checks: Reader's rules on a whole column of a bulk member at once -----------------
# They only say yes or no, in a few C calls per column (map, join, one regex); on "no" the caller
# reads the items with Reader, which refuses at the first bad field and names it.


def are_texts(values: list[Any], *, min_len: int = 0, max_len: int = MAX_TEXT) -> bool:
    """Would ``Reader.text`` accept every value (``None`` for a missing key is refused)?"""
    if not values:
        return True
    lengths = list(map(len, values)) if set(map(type, values)) == {str} else None
    return lengths is not None and min_len <= min(lengths) and max(lengths) <= max_len


def are_idents(values: list[Any]) -> bool:
    """Would ``Reader.ident`` accept every value?"""
    if not values or not are_texts(values, min_len=1, max_len=MAX_ID):
        return not values
    joined = "\n".join(values)  # as many lines as values: no value holds a "\n" of its own
    return joined.count("\n") == len(values) - 1 and _IDENT_LINES.fullmatch(joined) is not None


def are_numbers(values: list[Any], *, minimum: float = -math.inf, maximum: float = math.inf) -> bool:
    """Would ``Reader.number`` accept every value (no bool, finite, within the bounds)?"""
    if not values:
        return True
    if not set(map(type, values)) <= {int, float}:
        return False
    try:
        if not all(map(math.isfinite, values)):
            return False
    except OverflowError:  # an integer too large for a float
        return False
    return minimum <= min(values) and max(values) <= maximum


def _unique(ids: list[str], path: str) -> None:
    if len(set(ids)) != len(ids):
        raise _bad(path, "niepowtarzalnych identyfikatorów", "unique identifiers")


# --- edition -----------------------------------------------------------------------------------


def edition_to_dict(edition: Edition, *, validate: bool = True) -> dict[str, Any]:
    """The edition as it travels in a bundle; an edition with any problem is refused (never written).

    A juror's app refuses such an edition on reading (:func:`edition_from_dict`), so writing one
    would only make a bundle that nobody can open. ``validate=False`` is for showing a draft.
    """
    if validate:
        edition_rules.check_edition(
            edition,
            action_pl="Edycji nie można jeszcze zapisać w paczce z przydziałem — popraw ją najpierw",
            action_en="The edition cannot be written into an assignment bundle yet — fix it first",
        )
    rule = edition.certification_rule
    return {
        "edition": {
            "id": edition.id,
            "number": edition.number,
            "year": edition.year,
            "name": edition.name,
            "organizer": edition.organizer,
            "scoring_deadline": edition.scoring_deadline,
            "meeting_date": edition.meeting_date,
            "meeting_place": edition.meeting_place,
        },
        "stages": [{"id": s.id.value, "name": s.name, "description": s.description} for s in edition.stages],
        "categories": [{"id": c.id, "name": c.name, "description": c.description} for c in edition.categories],
        "criteria": [
            {
                "id": c.id,
                "code": c.code,
                "stage": c.stage.value,
                "name": c.name,
                "description": c.description,
                "weight": c.weight,
                "max_points": c.max_points,
                "step": c.step,
                "levels": [
                    {"from": lv.points_from, "to": lv.points_to, "label": lv.label, "description": lv.description}
                    for lv in c.levels
                ],
            }
            for c in edition.criteria
        ],
        "distinctions": [{"id": d.id, "name": d.name, "description": d.description} for d in edition.distinctions],
        "certification_rule": {
            "total_pct_min": rule.total_pct_min,
            "stage_pct_min": dict(rule.stage_pct_min),
            "description": rule.description,
        },
    }


def _criterion(r: Reader, position: int) -> Criterion:
    """Types only; the rules (scale, step, rubric, weight) are checked on the whole edition after."""
    return Criterion(
        id=r.ident("id"),
        code=r.text("code", min_len=1, max_len=edition_rules.MAX_CODE),
        stage=StageId(r.choice("stage", STAGE_IDS)),
        name=r.text("name", min_len=1, max_len=edition_rules.MAX_NAME),
        description=r.text("description", default=""),
        weight=r.number("weight"),
        max_points=r.number("max_points"),
        step=r.number("step"),
        levels=tuple(
            RubricLevel(
                points_from=lr.number("from"),
                points_to=lr.number("to"),
                label=lr.text("label", min_len=1, max_len=edition_rules.MAX_LABEL),
                description=lr.text("description", default="", max_len=MAX_TEXT),
            )
            for lr in r.items("levels", max_items=edition_rules.MAX_LEVELS)
        ),
        position=position,
    )


def edition_from_dict(data: Any) -> Edition:
    """Read an edition, refusing it unless it meets every rule of :mod:`juror_app.domain.edition_rules`."""
    root = Reader(data, "")
    head = root.obj("edition")
    stages = tuple(
        Stage(StageId(s.choice("id", STAGE_IDS)), s.text("name", min_len=1, max_len=edition_rules.MAX_NAME),
              s.text("description", default=""))
        for s in root.items("stages", max_items=10)
    )
    stage_ids = {s.id.value for s in stages}
    _unique([s.id.value for s in stages], "stages")
    categories = tuple(
        Category(c.ident("id"), c.text("name", min_len=1, max_len=edition_rules.MAX_NAME), c.text("description", default=""))
        for c in root.items("categories", max_items=edition_rules.MAX_CATEGORIES)
    )
    criteria = tuple(_criterion(c, i) for i, c in enumerate(root.items("criteria", max_items=edition_rules.MAX_CRITERIA)))
    distinctions = tuple(
        Distinction(d.ident("id"), d.text("name", min_len=1, max_len=edition_rules.MAX_NAME), d.text("description", default=""))
        for d in root.items("distinctions", max_items=edition_rules.MAX_DISTINCTIONS)
    )
    rule_reader = root.obj("certification_rule")
    stage_min_raw = rule_reader.data.get("stage_pct_min", {})
    if not isinstance(stage_min_raw, dict):
        raise _bad("certification_rule.stage_pct_min", "obiektu", "an object")
    stage_min = {}
    for key in stage_min_raw:
        if key not in stage_ids:
            raise _bad(f"certification_rule.stage_pct_min.{key}", "nazwy etapu", "a stage id")
        stage_min[key] = Reader(stage_min_raw, "certification_rule.stage_pct_min").number(key)
    rule = CertificationRule(
        total_pct_min=rule_reader.number("total_pct_min"),
        stage_pct_min=stage_min,
        description=rule_reader.text("description", default=""),
    )
    edition = Edition(
        id=head.ident("id"),
        number=head.integer("number", minimum=1, maximum=edition_rules.MAX_NUMBER),
        year=head.integer("year", minimum=edition_rules.MIN_YEAR, maximum=edition_rules.MAX_YEAR),
        name=head.text("name", min_len=1, max_len=edition_rules.MAX_EDITION_NAME),
        organizer=head.text("organizer", default="", max_len=edition_rules.MAX_ORGANIZER),
        stages=stages,
        categories=categories,
        criteria=criteria,
        distinctions=distinctions,
        certification_rule=rule,
        scoring_deadline=head.text("scoring_deadline", default="", max_len=40),
        meeting_date=head.text("meeting_date", default="", max_len=40),
        meeting_place=head.text("meeting_place", default="", max_len=200),
    )
    problems = edition_rules.edition_problems(edition)
    if problems:
        raise FormatError(
            "edition_invalid",
            pl="Edycja w pliku nie spełnia reguł konkursu, więc nie można jej przyjąć:\n"
               f"{edition_rules.describe(problems, 'pl')}\nPlik pochodzi z wadliwej edycji; poproś organizatora o poprawiony.",
            en="The edition in the file breaks the competition's rules, so it cannot be accepted:\n"
               f"{edition_rules.describe(problems, 'en')}\nThe file comes from a faulty edition; ask the organizer for a corrected one.",
            problems=tuple(problems),
        )
    return edition


# --- institutions, dossiers, jurors ------------------------------------------------------------


def institution_to_dict(inst: Institution) -> dict[str, Any]:
    return {
        "id": inst.id,
        "name": inst.name,
        "short_name": inst.short_name,
        "kind": inst.kind,
        "category": inst.category_id,
        "city": inst.city,
        "voivodeship": inst.voivodeship,
        "address": inst.address,
        "head": inst.head,
        "employees": inst.employees,
        # Optional since m005/m004 (county and commune help a juror tell two "Starostwo Powiatowe"
        # apart): written only when set, so bundles without them stay byte-for-byte as before, and a
        # juror app that predates them ignores keys it does not know.
        **({"county": inst.county} if inst.county else {}),
        **({"commune": inst.commune} if inst.commune else {}),
    }


def institution_from_dict(data: Any, path: str = "institution") -> Institution:
    r = Reader(data, path)
    return Institution(
        id=r.ident("id"),
        name=r.text("name", min_len=1, max_len=500),
        short_name=r.text("short_name", default="", max_len=200),
        kind=r.text("kind", default="", max_len=100),
        category_id=r.ident("category"),
        city=r.text("city", default="", max_len=200),
        voivodeship=r.text("voivodeship", default="", max_len=100),
        address=r.text("address", default="", max_len=500),
        head=r.text("head", default="", max_len=300),
        employees=r.integer("employees", default=0, maximum=1_000_000),
        county=r.text("county", default="", max_len=200),
        commune=r.text("commune", default="", max_len=200),
    )


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "kind": doc.kind.value,
        "title": doc.title,
        "sha256": doc.sha256,
        "size": doc.size,
        "pages": doc.pages,
    }


def _sha256_field(r: Reader, key: str) -> str:
    value = r.text(key, min_len=64, max_len=64)
    if not _SHA256.fullmatch(value):
        raise _bad(r._at(key), "skrótu SHA-256 (64 znaki szesnastkowe)", "a SHA-256 digest (64 hex digits)")
    return value


def document_from_dict(data: Any, dossier_id: str, path: str) -> Document:
    r = Reader(data, path)
    return Document(
        id=r.ident("id"),
        dossier_id=dossier_id,
        kind=DocumentKind(r.choice("kind", DOCUMENT_KINDS)),
        title=r.text("title", min_len=1, max_len=500),
        sha256=_sha256_field(r, "sha256"),
        size=r.integer("size", minimum=1, maximum=2**40),
        pages=r.integer("pages", default=0, maximum=100_000),
    )


def dossier_to_dict(dossier: Dossier) -> dict[str, Any]:
    return {
        "id": dossier.id,
        "institution": dossier.institution_id,
        "category": dossier.category_id,
        "title": dossier.title,
        "documents": [document_to_dict(d) for d in dossier.documents],
    }


def dossier_from_dict(data: Any, path: str = "dossier") -> Dossier:
    r = Reader(data, path)
    dossier_id = r.ident("id")
    documents = tuple(
        document_from_dict(d.data, dossier_id, d.path) for d in r.items("documents", max_items=200)
    )
    _unique([d.id for d in documents], f"{path}.documents")
    return Dossier(
        id=dossier_id,
        institution_id=r.ident("institution"),
        category_id=r.ident("category"),
        title=r.text("title", min_len=1, max_len=500),
        documents=documents,
    )


def juror_to_dict(juror: Juror) -> dict[str, Any]:
    return {
        "id": juror.id,
        "name": juror.name,
        "affiliation": juror.affiliation,
        "email": juror.email,
        "role": juror.role,
    }


def juror_from_dict(data: Any, path: str = "juror") -> Juror:
    r = Reader(data, path)
    return Juror(
        id=r.ident("id"),
        name=r.text("name", min_len=1, max_len=300),
        affiliation=r.text("affiliation", default="", max_len=500),
        email=r.text("email", default="", max_len=320),
        role=r.choice("role", ["chair", "member"]) if r.has("role") else "member",
    )
