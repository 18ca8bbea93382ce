"""The hash-chained edit log: chaining, tamper detection, replay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juror_app.domain import edit_log
from juror_app.domain.errors import FormatError


def _log(ops: list[tuple[str, dict]]) -> list[str]:
    lines, prev = [], edit_log.GENESIS
    for seq, (op, fields) in enumerate(ops, start=1):
        line, prev = edit_log.make_entry(prev_hash=prev, seq=seq, at=f"2026-11-0{1 + seq % 9}T10:00:00Z", op=op, **fields)
        lines.append(line)
    return lines


SAMPLE = _log([
    ("score", {"dossier": "d1", "criterion": "k01", "points": 7, "justification": "Dobra Karta Usług."}),
    ("score", {"dossier": "d1", "criterion": "k01", "points": 8, "justification": "Łatwość załatwiania spraw."}),
    ("score", {"dossier": "d1", "criterion": "k02", "points": 2.5, "justification": ""}),
    ("unscore", {"dossier": "d1", "criterion": "k02"}),
    ("conflict", {"dossier": "d2", "reason": "Byłam zatrudniona w tej jednostce."}),
    ("nominate", {"dossier": "d1", "distinction": "innowacyjny-urzad", "reason": "e-Urząd"}),
    ("conflict", {"dossier": "d3", "reason": "Pomyłka"}),
    ("unconflict", {"dossier": "d3"}),
])


def test_known_answer_first_entry() -> None:
    line, digest = edit_log.make_entry(prev_hash=edit_log.GENESIS, seq=1, at="2026-11-20T10:00:00Z", op="unscore",
                                       dossier="d1", criterion="k01")
    assert line == ('{"at":"2026-11-20T10:00:00Z","criterion":"k01","dossier":"d1","op":"unscore",'
                    '"prev":"0000000000000000000000000000000000000000000000000000000000000000","seq":1}')
    # SHA-256 of the line's UTF-8 bytes, computed independently with hashlib/sha256sum.
    assert digest == "c0c261f385114a17b997ac1d41be5319ce3d733bf606cee419dcc98fd15b68e2"


def test_replay_gives_the_final_state() -> None:
    entries, head = edit_log.parse_and_verify(SAMPLE)
    state = edit_log.replay(entries)
    assert state.scores == {("d1", "k01"): (8.0, "Łatwość załatwiania spraw.")}
    assert state.conflicts == {"d2": "Byłam zatrudniona w tej jednostce."}
    assert state.nominations == {("d1", "innowacyjny-urzad"): "e-Urząd"}
    assert head == edit_log.line_hash(SAMPLE[-1])


@pytest.mark.parametrize("mutate", [
    lambda lines: lines[:2] + lines[3:],                      # a line dropped
    lambda lines: [lines[1], lines[0], *lines[2:]],           # reordered
    lambda lines: [lines[0].replace('"points":7', '"points":9'), *lines[1:]],  # rewritten
    lambda lines: [lines[0].replace('{"at"', '{ "at"'), *lines[1:]],           # not canonical
    lambda lines: [*lines, "not json"],
    lambda lines: [line + "\r" for line in lines],            # CRLF line endings (a tool rewrote the file)
])
def test_tampering_is_detected(mutate) -> None:
    with pytest.raises(FormatError) as info:
        edit_log.parse_and_verify(mutate(list(SAMPLE)))
    assert info.value.code == "broken_edit_log"


@given(st.integers(min_value=0, max_value=len("".join(SAMPLE)) - 1), st.characters(codec="utf-8"))
def test_any_single_character_change_breaks_the_chain_or_moves_the_head(position: int, char: str) -> None:
    """A change to an inner line breaks the chain; a change to the last line changes the head hash,
    which the signed manifest names, so the package reader refuses it there."""
    text = "\n".join(SAMPLE)
    _, original_head = edit_log.parse_and_verify(SAMPLE)
    changed = text[:position] + char + text[position + 1:]
    if changed == text:
        return
    try:
        _, head = edit_log.parse_and_verify(changed.split("\n"))
    except FormatError:
        return
    assert head != original_head


_PIECES = [" ", "\u2028", "\\u2028", "1e400", "NaN", "7.0", "7.50", "-0", "true", "null", '"op":"score",', "{}", "[",
           "],[", '","', ",", '\\"', '"a":1,"a":1', "1" * 400, "\\ud800", "\\u00e9", "é", "\\n", "\n", "\r", "}", '"']


def _outcome(check, lines: list[str]):
    try:
        return check(lines)
    except Exception as exc:  # noqa: BLE001 - the two checks must fail alike, whatever the failure
        return type(exc), str(exc), getattr(exc, "code", None)


@given(st.integers(min_value=0, max_value=len("\n".join(SAMPLE))), st.integers(min_value=0, max_value=3),
       st.sampled_from(_PIECES))
def test_checking_all_lines_at_once_agrees_with_line_by_line(position: int, cut: int, piece: str) -> None:
    """The whole-log check (a few C calls) never accepts a log the line-by-line check refuses, and
    the public check then refuses it exactly as the line-by-line one does (same line, same reason)."""
    text = "\n".join(SAMPLE)
    lines = (text[:position] + piece + text[position + cut:]).split("\n")
    expected = _outcome(edit_log._verify_line_by_line, lines)
    fast = edit_log._verify_at_once(lines)
    if fast is not None:
        assert fast == expected
    assert _outcome(edit_log.parse_and_verify, lines) == expected


def test_an_integer_too_large_for_a_float_is_refused_not_a_crash() -> None:
    line, _ = edit_log.make_entry(prev_hash=edit_log.GENESIS, seq=1, at="2026-11-20T10:00:00Z", op="score",
                                  dossier="d1", criterion="k01", points=10**400, justification="")
    with pytest.raises(FormatError) as info:
        edit_log.parse_and_verify([line])
    assert info.value.code == "broken_edit_log" and "points are not a number" in info.value.message("en")
