"""The juror's hash-chained log of edits.

Every change a juror makes (a score set or cleared, a conflict declared or withdrawn, a nomination
made or withdrawn) is one line of canonical JSON holding the hash of the line before it. The log
travels in the score package; replaying it must give exactly the scores in the package, so the
organizer can see how a score came to be and that no line was dropped or rewritten.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from itertools import repeat
from operator import methodcaller
from typing import Any, Iterable

from juror_app.domain.errors import FormatError

GENESIS = "0" * 64
OPS = {
    "score": {"dossier", "criterion", "points", "justification"},
    "unscore": {"dossier", "criterion"},
    "conflict": {"dossier", "reason"},
    "unconflict": {"dossier"},
    "nominate": {"dossier", "distinction", "reason"},
    "unnominate": {"dossier", "distinction"},
}
_COMMON = {"seq", "at", "op", "prev"}
# One decoder for every line: json.loads(..., parse_constant=…) would build a new one per call.
_DECODER = json.JSONDecoder(parse_constant=lambda name: math.nan)


# One encoder for every line too: json.dumps with options builds a new one per call (a sixth of a merge's checks).
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
# The same spelling from the C encoder that JSONEncoder.encode builds anew on every call (None without
# the C accelerator): called directly, it costs one C call per line. No circular-reference markers:
# decoded JSON cannot refer to itself.
_C_ENCODE = json.encoder.c_make_encoder and json.encoder.c_make_encoder(
    None, _ENCODER.default, json.encoder.encode_basestring, None, ":", ",", True, False, False)
_SHAPES = {op: frozenset(_COMMON | fields) for op, fields in OPS.items()}
_TEXT_FIELDS = {op: tuple(sorted(fields - {"points"})) for op, fields in OPS.items()}
_HEXDIGEST = methodcaller("hexdigest")


def _finite(value: int | float) -> bool:
    """``math.isfinite``, but False (not OverflowError) for an integer too large for a float."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def canonical(entry: dict[str, Any]) -> str:
    """One spelling of an entry: sorted keys, no spaces, UTF-8 text."""
    return _ENCODER.encode(entry)


def line_hash(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()


def make_entry(*, prev_hash: str, seq: int, at: str, op: str, **fields: Any) -> tuple[str, str]:
    """Return (line, hash) of a new log entry following the entry whose hash is ``prev_hash``."""
    if op not in OPS or set(fields) != OPS[op]:
        raise ValueError(f"bad log entry {op} {sorted(fields)}")
    line = canonical({"seq": seq, "at": at, "op": op, "prev": prev_hash, **fields})
    return line, line_hash(line)


@dataclass
class ReplayedState:
    """What a juror's log says the juror's data is."""

    scores: dict[tuple[str, str], tuple[float, str]] = field(default_factory=dict)
    conflicts: dict[str, str] = field(default_factory=dict)
    nominations: dict[tuple[str, str], str] = field(default_factory=dict)


def _broken(seq: int, pl: str, en: str) -> FormatError:
    return FormatError(
        "broken_edit_log",
        pl=f"Dziennik zmian w paczce jest niespójny (wpis {seq}: {pl}). Paczka mogła zostać zmieniona; poproś członka Kapituły o nowy eksport.",
        en=f"The edit log in the package is inconsistent (entry {seq}: {en}). The package may have been altered; ask the juror for a new export.",
        seq=seq,
    )


def parse_and_verify(lines: Iterable[str]) -> tuple[list[dict[str, Any]], str]:
    """Check the chain and each entry's shape; return the entries and the hash of the last one.

    A whole log is checked at once (:func:`_verify_at_once`, a few C calls for all its lines); if any
    check fails there, the line-by-line check runs and refuses at the first bad line, naming it.
    """
    lines = list(lines)
    checked = _verify_at_once(lines)
    return checked if checked is not None else _verify_line_by_line(lines)


def _verify_at_once(lines: list[str]) -> tuple[list[dict[str, Any]], str] | None:
    """The checks of :func:`_verify_line_by_line` on every line together; None when any fails.

    The lines are decoded as one JSON array (each must then be exactly one element: a line's own
    re-encoding must equal it), re-encoded and hashed through ``map`` over C functions; what is
    left in Python is one short loop over the entries' fields.
    """
    if _C_ENCODE is None or not lines:
        return None
    try:
        entries = _DECODER.decode("[" + ",".join(lines) + "]")
        if len(entries) != len(lines) or list(map("".join, map(_C_ENCODE, entries, repeat(0)))) != lines:
            return None
        # canonical lines hold no raw "\n": one encode of the whole log, split back into lines
        hashes = list(map(_HEXDIGEST, map(hashlib.sha256, "\n".join(lines).encode("utf-8").split(b"\n"))))
        if len(hashes) != len(lines):
            return None
    except (ValueError, TypeError, RecursionError):
        return None
    prev = GENESIS
    points = []
    for index, entry in enumerate(entries, start=1):
        if type(entry) is not dict:
            return None
        op = entry.get("op")
        if type(op) is not str or entry.keys() != _SHAPES.get(op) or entry["seq"] != index or entry["prev"] != prev:
            return None
        if type(entry["at"]) is not str:
            return None
        for key in _TEXT_FIELDS[op]:
            if type(entry[key]) is not str:
                return None
        if op == "score":
            points.append(entry["points"])
        prev = hashes[index - 1]
    try:
        if not set(map(type, points)) <= {int, float} or not all(map(math.isfinite, points)):
            return None
    except OverflowError:  # an integer too large for a float
        return None
    return entries, prev


def _verify_line_by_line(lines: Iterable[str]) -> tuple[list[dict[str, Any]], str]:
    """Check one line after another and refuse at the first that fails, saying which and why."""
    entries: list[dict[str, Any]] = []
    prev = GENESIS
    for index, line in enumerate(lines, start=1):
        try:
            entry = _DECODER.decode(line)
            # NaN, or a number too large for a float (1e400 reads as inf), cannot be spelled canonically
            spelled = canonical(entry) if isinstance(entry, dict) else None
        except (ValueError, RecursionError):
            raise _broken(index, "to nie jest JSON", "not JSON") from None
        if spelled != line:
            raise _broken(index, "zapis niekanoniczny", "not in canonical form")
        op = entry.get("op")
        if not isinstance(op, str) or op not in OPS or set(entry) != _COMMON | OPS[op]:
            raise _broken(index, "nieznany rodzaj wpisu", "unknown kind of entry")
        if entry["seq"] != index:
            raise _broken(index, "zła numeracja", "wrong sequence number")
        if entry["prev"] != prev:
            raise _broken(index, "łańcuch skrótów przerwany", "hash chain broken")
        if op == "score":
            points = entry["points"]
            if isinstance(points, bool) or not isinstance(points, (int, float)) or not _finite(points):
                raise _broken(index, "punkty nie są liczbą", "points are not a number")
        for key in OPS[op] - {"points"}:
            if not isinstance(entry[key], str):
                raise _broken(index, f"pole {key} nie jest tekstem", f"field {key} is not text")
        if not isinstance(entry["at"], str):
            raise _broken(index, "zła data", "bad timestamp")
        prev = line_hash(line)
        entries.append(entry)
    return entries, prev


def head_of(lines: list[str] | tuple[str, ...]) -> str:
    """The hash the manifest names for a log: of its last line (GENESIS for an empty log)."""
    return line_hash(lines[-1]) if lines else GENESIS


def replay(entries: Iterable[dict[str, Any]]) -> ReplayedState:
    """Apply entries in order; the result is the juror's data as the log tells it."""
    state = ReplayedState()
    for e in entries:
        op = e["op"]
        if op == "score":
            state.scores[(e["dossier"], e["criterion"])] = (float(e["points"]), e["justification"])
        elif op == "unscore":
            state.scores.pop((e["dossier"], e["criterion"]), None)
        elif op == "conflict":
            state.conflicts[e["dossier"]] = e["reason"]
        elif op == "unconflict":
            state.conflicts.pop(e["dossier"], None)
        elif op == "nominate":
            state.nominations[(e["dossier"], e["distinction"])] = e["reason"]
        elif op == "unnominate":
            state.nominations.pop((e["dossier"], e["distinction"]), None)
    return state
