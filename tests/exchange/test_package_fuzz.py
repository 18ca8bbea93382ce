"""Hypothesis fuzzing of the score-package reader.

Whatever it is given, the reader either accepts exactly the content that was signed or raises a
``UserError`` (a message a person can act on) — never any other exception. Three sources of input:
random byte edits, insertions and deletions of a real package; random changes to the JSON inside a
correctly signed package (so that the content checks, not the signature, are what is exercised);
and arbitrary members and manifest fields under a valid signature. The organizer's checks run on
whatever the reader accepts. Each test prints how many examples it ran (``pytest -s``).
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juror_app.domain.codec import Reader
from juror_app.domain.errors import UserError
from juror_app.exchange import container, package
from juror_app.workflows.organizer.package_checks import assess_package

FUZZ = settings(max_examples=250, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# JSON the writer can emit (no lone surrogates, no NaN): for the manifest, which container.build writes.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
PLAIN_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**64, max_value=2**64)
    | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
# Anything json.dumps can spell, NaN and lone surrogates included: for members the test serialises itself.
WILD_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
HEADER_FIELDS = ("edition_id", "juror_id", "revision", "bundle", "summary", "log")


def _read(path: Path) -> tuple[bytes, dict[str, bytes], package.PackageContent]:
    with container.open_container(path, container.PACKAGE) as opened:
        members = {name: opened.read(name) for name in sorted(opened.members)}
        return opened.manifest_bytes, members, package.read_package_content(opened)


def _assess_if_accepted(db, path: Path) -> None:  # type: ignore[no-untyped-def]
    with container.open_container(path, container.PACKAGE) as opened:
        assess_package(db, opened, package.read_package_content(opened))


def _genuine(demo) -> tuple[dict[str, Any], dict[str, Any], list[str]]:  # type: ignore[no-untyped-def]
    """The j001 package's signed header fields, its scores.json and its log lines."""
    with container.open_container(demo.package_path("j001"), container.PACKAGE) as opened:
        header = {k: opened.manifest[k] for k in HEADER_FIELDS}
        body = json.loads(opened.read(package.SCORES))
        lines = opened.read(package.LOG).decode("utf-8").splitlines()
    return header, body, lines


def _replace_somewhere(data: st.DataObject, value: Any, label: str) -> Any:
    """Walk into ``value`` along random keys/indices and replace, delete or keep-and-add at the point reached."""
    value = copy.deepcopy(value)
    if not isinstance(value, (dict, list)) or not value:
        return data.draw(WILD_JSON, label=f"{label} replacement")
    parent: Any = None
    key: Any = None
    node = value
    while isinstance(node, (dict, list)) and node and data.draw(st.booleans(), label=f"{label} deeper"):
        keys = sorted(node) if isinstance(node, dict) else list(range(len(node)))
        parent, key = node, data.draw(st.sampled_from(keys), label=f"{label} key")
        node = node[key]
    if parent is None:
        return data.draw(WILD_JSON, label=f"{label} replacement")
    action = data.draw(st.sampled_from(["replace", "delete", "add"]), label=f"{label} action")
    if action == "replace":
        parent[key] = data.draw(WILD_JSON, label=f"{label} replacement")
    elif action == "delete":
        del parent[key]
    elif isinstance(parent, dict):
        parent[data.draw(st.text(max_size=8), label=f"{label} new key")] = data.draw(WILD_JSON, label=f"{label} added")
    else:
        parent.insert(key, data.draw(WILD_JSON, label=f"{label} added"))
    return value


def test_random_byte_edits_of_a_real_package(demo, tmp_path):
    original = demo.package_path("j001").read_bytes()
    reference = _read(demo.package_path("j001"))
    target = tmp_path / "edited.pu-scores"
    outcomes: Counter = Counter()
    edit = st.one_of(
        st.tuples(st.just("replace"), st.integers(0, len(original)), st.integers(0, 255)),
        st.tuples(st.just("insert"), st.integers(0, len(original)), st.binary(min_size=1, max_size=32)),
        st.tuples(st.just("delete"), st.integers(0, len(original)), st.integers(1, 256)),
    )

    @FUZZ
    @given(st.lists(edit, min_size=1, max_size=6))
    def run(edits: list[tuple[str, int, Any]]) -> None:
        data = bytearray(original)
        for op, position, argument in edits:
            position = min(position, len(data))
            if op == "replace" and position < len(data):
                data[position] = argument
            elif op == "insert":
                data[position:position] = argument
            elif op == "delete":
                del data[position:position + argument]
        target.write_bytes(bytes(data))
        try:
            seen = _read(target)
        except UserError as exc:
            outcomes[exc.code] += 1
            return
        assert seen == reference, f"accepted with changed content after {edits}"
        outcomes["accepted, same content"] += 1

    run()
    print(f"{sum(outcomes.values())} random edits of a real package: 0 accepted with changed content, "
          f"0 non-UserError exceptions; " + ", ".join(f"{c} {n}" for c, n in outcomes.most_common()))
    assert sum(outcomes.values()) >= 100


def test_random_json_changes_inside_a_correctly_signed_package(demo, organizer_db, tmp_path):
    header, body, lines = _genuine(demo)
    key = demo.juror_keys["j001"]
    signer = {"role": "juror", "id": "j001", "name": demo.juror_name("j001")}
    target = tmp_path / "signed.pu-scores"
    outcomes: Counter = Counter()

    @FUZZ
    @given(st.data())
    def run(data: st.DataObject) -> None:
        where = data.draw(st.sampled_from(["scores", "header", "log", "scores+log"]), label="where")
        new_header, new_body, new_lines = header, body, lines
        if where.startswith("scores"):
            new_body = _replace_somewhere(data, body, "scores.json")
        if where == "header":
            changed = data.draw(st.sampled_from(HEADER_FIELDS), label="field")
            new_header = {k: v for k, v in header.items() if k != changed}
            if data.draw(st.booleans(), label="replace (else delete)"):
                new_header[changed] = data.draw(PLAIN_JSON, label="value")
        if where.endswith("log"):
            index = data.draw(st.integers(0, len(lines) - 1), label="line")
            entry = json.loads(lines[index])
            entry = _replace_somewhere(data, entry, "log entry")
            spelled = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=data.draw(st.booleans()))
            new_lines = [*lines[:index], spelled, *lines[index + 1:]]
        body_bytes = json.dumps(new_body, ensure_ascii=data.draw(st.booleans(), label="ascii")).encode("utf-8",
                                                                                                    "surrogatepass")
        log_bytes = "".join(line + "\n" for line in new_lines).encode("utf-8", "surrogatepass")
        demo.sign_container(target, container.PACKAGE,
                            members=[container.Member(package.SCORES, body_bytes), container.Member(package.LOG, log_bytes)],
                            header=new_header, signer=signer, key=key)
        try:
            manifest_bytes, members, _ = _read(target)
            _assess_if_accepted(organizer_db, target)
        except UserError as exc:
            outcomes[exc.code] += 1
            return
        assert members[package.SCORES] == body_bytes and members[package.LOG] == log_bytes
        outcomes["accepted"] += 1

    run()
    print(f"{sum(outcomes.values())} signed packages with random JSON changes: 0 non-UserError exceptions; "
          + ", ".join(f"{c} {n}" for c, n in outcomes.most_common()))
    assert sum(outcomes.values()) >= 100


def test_arbitrary_members_under_a_valid_signature(demo, tmp_path):
    header, _, _ = _genuine(demo)
    key = demo.juror_keys["j001"]
    target = tmp_path / "members.pu-scores"
    outcomes: Counter = Counter()
    names = st.sampled_from([package.SCORES, package.LOG, "notes.txt", "a/b.json", "documents/x.pdf", "z"])
    member_data = st.one_of(
        st.binary(max_size=256),
        WILD_JSON.map(lambda v: json.dumps(v).encode("utf-8")),
        st.just(b"[" * 40 + b"]" * 40),
        st.just(b"\xef\xbb\xbf{}"),
    )

    @FUZZ
    @given(st.dictionaries(names, member_data, max_size=5), st.dictionaries(st.sampled_from(HEADER_FIELDS), PLAIN_JSON),
           st.booleans())
    def run(members: dict[str, bytes], header_changes: dict[str, Any], keep_header: bool) -> None:
        new_header = {**(header if keep_header else {}), **header_changes}
        demo.sign_container(target, container.PACKAGE,
                            members=[container.Member(n, d) for n, d in members.items()],
                            header=new_header, signer={"role": "juror", "id": "j001", "name": "x"}, key=key)
        try:
            _, read, _ = _read(target)
        except UserError as exc:
            outcomes[exc.code] += 1
            return
        assert {n: read[n] for n in members} == members
        outcomes["accepted"] += 1

    run()
    print(f"{sum(outcomes.values())} signed packages of arbitrary members: 0 non-UserError exceptions; "
          + ", ".join(f"{c} {n}" for c, n in outcomes.most_common()))
    assert sum(outcomes.values()) >= 100


def _score_columns_one_by_one(body: dict) -> Any:
    """The scores read item by item with ``Reader`` (as before the column checks), or the refusal."""
    try:
        rows = [(r.ident("dossier"), r.ident("criterion"), r.number("points", minimum=0, maximum=1000),
                 r.text("justification", max_len=20_000), r.text("updated_at", min_len=1, max_len=40))
                for r in Reader(body, package.SCORES).items("scores")]
    except UserError as exc:
        return exc.code, exc.en
    return tuple(list(column) for column in zip(*rows)) if rows else ([], [], [], [], [])


def test_score_columns_checked_at_once_read_as_item_by_item(demo):
    """The column checks of scores.json accept exactly what ``Reader`` accepts item by item, and a
    refusal names the same field (they fall back to ``Reader`` to find it)."""
    _, body, _ = _genuine(demo)
    fields = st.sampled_from(["dossier", "criterion", "points", "justification", "updated_at", "other"])
    outcomes: Counter = Counter()

    @FUZZ
    @given(st.integers(0, len(body["scores"]) - 1), fields, WILD_JSON | st.just(10**400) | st.just("d1\nd2"),
           st.booleans())
    def run(index: int, field: str, value: Any, delete: bool) -> None:
        changed = copy.deepcopy(body)
        if delete:
            changed["scores"][index].pop(field, None)
        else:
            changed["scores"][index][field] = value
        expected = _score_columns_one_by_one(changed)
        try:
            got: Any = tuple(package._score_columns(Reader(changed, package.SCORES)))
        except UserError as exc:
            got = exc.code, exc.en
        assert got == tuple(expected)
        outcomes["refused" if isinstance(expected[0], str) else "accepted"] += 1

    run()
    print(f"{sum(outcomes.values())} scores.json with one field changed: column checks agree with Reader; "
          + ", ".join(f"{c} {n}" for c, n in outcomes.most_common()))
