"""The codec's column checks say yes exactly when ``Reader`` accepts every value of the column."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juror_app.domain.codec import MAX_ID, Reader, are_idents, are_numbers, are_texts
from juror_app.domain.errors import FormatError

_VALUES = st.one_of(
    st.text(alphabet="ab-_.9 \n\u2028ąZ", max_size=70), st.sampled_from(["", "d1", "x" * 64, "x" * 65, "a\nb"]),
    st.integers(min_value=-5, max_value=1005), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.none(), st.just(10**400), st.just(-(10**400)), st.lists(st.integers(), max_size=1),
)


def _reader_accepts(read, values: list) -> bool:
    for value in values:
        try:
            read(Reader({"v": value}, "x"))
        except FormatError:
            return False
    return True


@given(st.lists(_VALUES, max_size=6))
def test_column_checks_agree_with_reader(values: list) -> None:
    assert are_idents(values) == _reader_accepts(lambda r: r.ident("v"), values)
    assert are_texts(values, min_len=1, max_len=40) == _reader_accepts(lambda r: r.text("v", min_len=1, max_len=40), values)
    assert are_texts(values) == _reader_accepts(lambda r: r.text("v"), values)
    assert are_numbers(values, minimum=0, maximum=1000) == _reader_accepts(
        lambda r: r.number("v", minimum=0, maximum=1000), values)
    assert are_numbers(values) == _reader_accepts(lambda r: r.number("v"), values)


def test_identifier_column_with_a_line_break_inside_a_value() -> None:
    assert not are_idents(["a\nb"]) and not are_idents(["a", "b\n", "c"]) and are_idents(["a", "b"])
    assert not are_idents(["x" * (MAX_ID + 1)])


@pytest.mark.parametrize("value", [10**400, -(10**400), math.inf, math.nan])
def test_numbers_that_are_no_float_are_refused_not_a_crash(value: float) -> None:
    with pytest.raises(FormatError) as info:
        Reader({"points": value}, "scores[0]").number("points", minimum=0, maximum=1000)
    assert info.value.code == "bad_field"
    with pytest.raises(FormatError):
        Reader({"points": value}, "scores[0]").number("points")
