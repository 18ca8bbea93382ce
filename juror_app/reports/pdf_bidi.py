"""Right-to-left text (Hebrew, Arabic) put into the order it is seen, for one line at a time.

PDF draws glyphs left to right; a line holding Hebrew or Arabic must be drawn in *visual* order, or
the words read backwards on paper — and a PDF reader, which turns right-to-left runs back into
reading order, would extract them reversed. This is a compact form of the Unicode Bidirectional
Algorithm (UAX #9) for a single line of a left-to-right document (paragraph level 0, as every
printed document here is laid out from the left; a Hebrew line stays left-aligned): the weak-type
rules W1–W7, neutrals N1–N2, implicit levels I1–I2, reversal L2 with mirrored brackets (L4)
and combining marks kept after their base (L3). Explicit embeddings and isolates (U+202A–202E,
U+2066–2069) are treated as boundary neutrals. Arabic letters are not shaped (joined): they print in
their isolated forms, readable but not typeset.
"""

from __future__ import annotations

import re
import unicodedata

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_MIRROR = dict(zip("()<>[]{}«»‹›⁅⁆⁽⁾₍₎≤≥", ")(><][}{»«›‹⁆⁅⁾⁽₎₍≥≤"))
_NEUTRAL = {"ON", "WS", "S", "B", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left character (a cheap test before :func:`visual_order`)."""
    return _RTL.search(text) is not None


def visual_order(line: str) -> str:
    """``line`` (in reading order) in the left-to-right order its characters are seen."""
    if not has_rtl(line):
        return line
    types = [unicodedata.bidirectional(ch) or "L" for ch in line]
    _weak(types, "L")
    _neutrals(types, "L")
    levels = [1 if t == "R" else 2 if t in ("AN", "EN") else 0 for t in types]
    for i in range(len(line) - 1, -1, -1):  # L1: trailing white space takes the paragraph level
        if unicodedata.bidirectional(line[i]) not in ("WS", "S", "B", "BN"):
            break
        levels[i] = 0
    return _reorder(line, levels)


def _weak(types: list[str], sos: str) -> None:
    previous = sos
    for i, t in enumerate(types):  # W1: a mark takes the type of what it follows
        if t == "NSM":
            types[i] = previous if previous not in ("LRI", "RLI", "FSI", "PDI") else "ON"
        previous = types[i]
    strong = sos
    for i, t in enumerate(types):  # W2, W3
        if t in ("L", "R", "AL"):
            strong = t
        if t == "EN" and strong == "AL":
            types[i] = "AN"
        if t == "AL":
            types[i] = "R"
    for i in range(1, len(types) - 1):  # W4
        before, here, after = types[i - 1], types[i], types[i + 1]
        if here == "ES" and before == after == "EN":
            types[i] = "EN"
        elif here == "CS" and before == after and before in ("EN", "AN"):
            types[i] = before
    i = 0
    while i < len(types):  # W5: European terminators next to European numbers
        if types[i] != "ET":
            i += 1
            continue
        j = i
        while j < len(types) and types[j] == "ET":
            j += 1
        if (i > 0 and types[i - 1] == "EN") or (j < len(types) and types[j] == "EN"):
            types[i:j] = ["EN"] * (j - i)
        i = j
    strong = sos
    for i, t in enumerate(types):  # W6, W7
        if t in ("ES", "ET", "CS"):
            types[i] = "ON"
        if t in ("L", "R"):
            strong = t
        if types[i] == "EN" and strong == "L":
            types[i] = "L"


def _neutrals(types: list[str], sos: str) -> None:
    embedding = sos  # the paragraph's direction (N2)
    i = 0
    while i < len(types):
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        j = i
        while j < len(types) and types[j] in _NEUTRAL:
            j += 1
        before = sos if i == 0 else ("R" if types[i - 1] in ("R", "EN", "AN") else "L")
        after = sos if j == len(types) else ("R" if types[j] in ("R", "EN", "AN") else "L")
        types[i:j] = [before if before == after else embedding] * (j - i)
        i = j


def _reorder(line: str, levels: list[int]) -> str:
    """L2–L4 on clusters (a character with the marks that follow it), so marks stay after their base."""
    clusters: list[tuple[str, int]] = []
    for ch, level in zip(line, levels):
        if clusters and (unicodedata.category(ch) in ("Mn", "Me") or ch in "\u200d\ufe0f"):
            text, at = clusters[-1]
            clusters[-1] = (text + ch, at)
        else:
            clusters.append((ch, level))
    items = [(_MIRROR.get(text, text) if level % 2 else text, level) for text, level in clusters]
    highest = max(level for _, level in items)
    lowest_odd = min((level for _, level in items if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(items):
            if items[i][1] < level:
                i += 1
                continue
            j = i
            while j < len(items) and items[j][1] >= level:
                j += 1
            items[i:j] = items[i:j][::-1]
            i = j
    return "".join(text for text, _ in items)
