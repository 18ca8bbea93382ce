"""The identifier index finds the same identifier a comparison with every identifier would (property test)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from juror_app.domain.document_rules import _ID_CHARACTER, IdIndex

IDS = st.lists(st.text(alphabet="iId0123456789-ŁŻ", min_size=1, max_size=6), max_size=12)
NAMES = st.text(alphabet="iId0123456789-_ .ŁżaB", max_size=14)


def brute_force(name: str, ids: list[str]) -> list[str]:
    text = unicodedata.normalize("NFC", name).casefold()
    found = []
    for ident in ids:
        key = ident.casefold()
        if key and text.startswith(key):
            rest = text[len(key):]
            if not rest or not (_ID_CHARACTER.match(rest[0]) and _ID_CHARACTER.match(key[-1])):
                found.append(ident)
    longest = max((len(i.casefold()) for i in found), default=0)
    return [i for i in found if len(i.casefold()) == longest]


@given(IDS, NAMES)
def test_the_index_agrees_with_comparing_every_identifier(ids: list[str], name: str) -> None:
    assert IdIndex(ids).at_start(name) == brute_force(name, ids)


def test_an_identifier_followed_by_more_digits_is_not_a_match() -> None:
    index = IdIndex(["i0001", "i00012"])
    assert index.at_start("i0001 formularz") == ["i0001"]
    assert index.at_start("I00012_polityka") == ["i00012"]
    assert index.at_start("i000123") == []
