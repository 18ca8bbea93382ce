"""Edition templates and the other starts of a new edition (copy of an earlier one, empty)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from juror_app.domain.edition_rules import edition_problems
from juror_app.domain.errors import StoreError, ValidationError
from juror_app.workflows.demo.data import demo_edition
from juror_app.workflows.demo.generate import DemoSettings
from juror_app.workflows.organizer import templates
from juror_app.workflows.organizer.templates import EditionHead

TEMPLATES = Path(__file__).resolve().parents[2] / "data" / "templates"
SMALL = DemoSettings(institutions=6, jurors=3, per_dossier=2, seed=5)


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_every_template_is_listed_documented_and_sound() -> None:
    listed = templates.list_templates()
    assert [t.id for t in listed] == sorted(p.stem for p in TEMPLATES.glob("*.json"))
    assert "przyjazny-urzad" in [t.id for t in listed]
    readme = (TEMPLATES / "README.md").read_text(encoding="utf-8")
    for info in listed:
        assert f"`{info.path.name}`" in readme and info.description("pl") and info.description("en")
        edition = templates.edition_from_template(EditionHead("Próba", 2027, edition_id="t"), info.id)
        assert edition_problems(edition) == []


def test_template_text_is_typographically_clean() -> None:
    for path in TEMPLATES.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for text in _strings(data):
            assert '"' not in text and "  " not in text and text == text.strip(), text
            assert text.count("„") + text.count("“") == text.count("”"), text
        assert "edition" not in data, "a template has no edition header: each edition gets its own"
        assert "demonstracyjn" not in json.dumps(data, ensure_ascii=False), "a template holds no demo data"


def test_the_demo_edition_is_the_template_with_the_demo_header() -> None:
    demo = demo_edition()
    assert demo.id == "pu-2026-demo" and demo.number == 11
    from_template = templates.edition_from_template(
        EditionHead(demo.name, demo.year, number=demo.number, organizer=demo.organizer, edition_id=demo.id,
                    scoring_deadline=demo.scoring_deadline, meeting_date=demo.meeting_date,
                    meeting_place=demo.meeting_place))
    assert from_template == demo
    assert (len(demo.categories), len(demo.criteria), len(demo.distinctions)) == (6, 12, 3)


def test_new_identifiers_and_head_defaults() -> None:
    a = templates.edition_from_template(EditionHead("XII edycja", 2027))
    b = templates.edition_from_template(EditionHead("XII edycja", 2027))
    assert a.id != b.id and a.id.startswith("pu-2027-") and a.number == 1 and a.organizer == ""


def test_unknown_template_names_the_available_ones() -> None:
    for bad in ("nie-ma-takiego", "../demo/edition", ""):
        with pytest.raises(ValidationError) as info:
            templates.edition_from_template(EditionHead("X", 2027), bad)
        assert info.value.code == "unknown_template" and "przyjazny-urzad" in info.value.pl


def test_empty_edition_has_the_two_stages_only() -> None:
    empty = templates.empty_edition(EditionHead("Pusta", 2027))
    assert [s.id.value for s in empty.stages] == ["I", "II"]
    assert (empty.categories, empty.criteria, empty.distinctions) == ((), (), ())
    assert {p.code for p in edition_problems(empty)} == {"no_categories", "no_criteria"}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()  # a closed copy, not the live database


def test_copy_from_an_earlier_edition_takes_the_structure_only(demo_editions, tmp_path) -> None:
    import shutil

    folder = tmp_path / "old"
    shutil.copytree(demo_editions(SMALL, merged=True), folder)
    old_db = folder / "organizer.sqlite"
    before = _sha(old_db)
    earlier = templates.read_earlier_edition(old_db)
    copied = templates.edition_copied_from(earlier, EditionHead("XII edycja", 2027))
    assert _sha(old_db) == before, "reading the earlier edition must not change its file"
    assert copied.id != earlier.id and copied.number == earlier.number + 1 and copied.organizer == earlier.organizer
    assert (copied.categories, copied.criteria, copied.distinctions, copied.certification_rule, copied.stages) == (
        earlier.categories, earlier.criteria, earlier.distinctions, earlier.certification_rule, earlier.stages)
    assert copied.scoring_deadline == "" and copied.meeting_date == ""
    assert replace(copied, number=5).number == 5


def test_copy_from_refuses_what_is_not_an_edition(tmp_path) -> None:
    other = tmp_path / "other.sqlite"
    import sqlite3

    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for path in (other, tmp_path / "missing.sqlite"):
        with pytest.raises(StoreError) as info:
            templates.read_earlier_edition(path)
        assert info.value.code == "not_an_edition_database"


def test_copy_from_an_edition_of_an_older_schema_leaves_it_as_it_was(tmp_path) -> None:
    import shutil

    old = tmp_path / "organizer-m001.sqlite"
    shutil.copy(Path(__file__).resolve().parents[1] / "fixtures" / "schemas" / "organizer-m001.sqlite", old)
    before = _sha(old)
    earlier = templates.read_earlier_edition(old)
    assert len(earlier.criteria) == 12 and _sha(old) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["organizer-m001.sqlite"]  # not upgraded, no -wal/-shm
