"""Strict JSON for files that travel: bounded size and depth, no NaN, no duplicate keys.

Python's ``json`` accepts NaN and Infinity, keeps the last of duplicate keys (so two readers may
see two different documents) and recurses until the interpreter's limit; each is refused here.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from juror_app.domain.errors import FormatError

MAX_DEPTH = 32
_NOT_A_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_DEPTH_STEP = bytes.maketrans(b"[{]}", b"\x01\x01\x02\x02")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _refuse(what: str, pl: str, en: str) -> FormatError:
    return FormatError(
        "bad_json",
        pl=f"Plik „{what}” nie jest poprawnym dokumentem JSON ({pl}). Plik jest uszkodzony; poproś nadawcę o ponowne przesłanie.",
        en=f"“{what}” is not a valid JSON document ({en}). The file is damaged; ask the sender to send it again.",
        member=what,
    )


def _too_deep(data: bytes) -> bool:
    """Does a JSON text nest deeper than ``MAX_DEPTH``? At C speed: strings dropped, then only brackets kept.

    Each round of deleting every adjacent open-close pair takes one level off balanced brackets:
    when ``MAX_DEPTH`` rounds leave none (a few rounds, for the files this product writes), the
    text is no deeper; otherwise the levels are counted one by one.
    """
    unescaped = data.replace(b"\\\\", b"").replace(b'\\"', b"") if b"\\" in data else data
    outside_strings = b"".join(unescaped.split(b'"')[::2])
    brackets = outside_strings.translate(None, _NOT_A_BRACKET)
    if len(brackets) <= MAX_DEPTH:
        return False
    steps = left = brackets.translate(_DEPTH_STEP)
    for _ in range(MAX_DEPTH):
        left = left.replace(b"\x01\x02", b"")
        if not left:
            return False
    return max(accumulate(1 if b == 1 else -1 for b in steps), default=0) > MAX_DEPTH


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # one C call; a key given twice leaves fewer entries than pairs
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen.add(key)
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _check_strings(value: Any) -> None:
    """Refuse lone surrogates ("\\ud800"), which JSON escapes allow but UTF-8 cannot carry."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            item.encode("utf-8")
        elif isinstance(item, dict):
            for key, sub in item.items():
                key.encode("utf-8")
                stack.append(sub)
        elif isinstance(item, list):
            stack.extend(item)


def loads(data: bytes, *, what: str, max_bytes: int) -> Any:
    """Parse ``data`` (UTF-8 JSON) or raise FormatError saying what is wrong."""
    if len(data) > max_bytes:
        raise _refuse(what, f"większy niż {max_bytes} bajtów", f"larger than {max_bytes} bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        raise _refuse(what, "znacznik BOM", "byte-order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse(what, "niepoprawne kodowanie UTF-8", "invalid UTF-8") from None
    if _too_deep(data):
        raise _refuse(what, f"zagnieżdżenie głębsze niż {MAX_DEPTH}", f"nesting deeper than {MAX_DEPTH}")
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
        if _SURROGATE_ESCAPE.search(data):
            _check_strings(value)
    except (ValueError, RecursionError, UnicodeEncodeError) as exc:
        raise _refuse(what, str(exc)[:120], str(exc)[:120]) from None
    return value


def dumps(value: Any, *, pretty: bool = True) -> bytes:
    """The one way this product writes JSON: UTF-8, key order as given, final newline.

    ``pretty`` indents for people reading a manifest with ``unzip -p``; bulk members are written
    compact, because an indented dump runs in pure Python on 3.11 (ten times slower).
    """
    if pretty:
        text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text + "\n").encode("utf-8")


def dumps_line(value: Any) -> str:
    """Compact canonical JSON for one log line (sorted keys, no spaces): hashing needs one spelling."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
