"""What one document embeds for one font file: a compact subset, its widths, CIDToGIDMap and ToUnicode.

A document's codes are its characters' own code points (beyond the BMP: codes the document gave
them), see :mod:`pdf_fonts`. Here the characters a document drew with one file become the bytes of
its font objects. The result is memoised per set of (code, character): documents that draw the same
characters (the demo's thousands of dossiers) share the work.
"""

from __future__ import annotations

import hashlib
import zlib
from array import array
from dataclasses import dataclass
from functools import lru_cache

from juror_app.reports.pdf_fonts import (
    FONT_FILES,
    IGNORABLE,
    REPLACEMENT_TEXT,
    SPACE,
    UNPRINTABLE,
    character_kind,
    font_file,
)
from juror_app.reports.pdf_truetype import EMPTY_GID

OVERFLOW_CODE = 0xFFFD  # a document ran out of codes beyond the BMP: drawn as U+FFFD


@dataclass(frozen=True)
class FontProgram:
    """Ready-to-write bytes for one font file in one document."""

    base_font: str  # "ABCDEF+DejaVuSans": the tag names this particular glyph set
    font_file: bytes  # Flate-compressed TrueType program
    font_file_length: int  # its uncompressed length (/Length1)
    widths_array: bytes  # the CIDFont /W array, by code
    to_unicode: bytes  # Flate-compressed ToUnicode CMap
    cid_to_gid: bytes  # Flate-compressed CIDToGIDMap stream (2 bytes per code from 0)


def font_program(index: int, entries: frozenset[tuple[int, str]]) -> FontProgram:
    """The objects' bytes for file ``index`` drawing these (code, character) pairs."""
    return _program(index, entries)


@lru_cache(maxsize=512)
def _program(index: int, entries: frozenset[tuple[int, str]]) -> FontProgram:
    file = font_file(index)
    space = file.glyph(32)
    by_code: dict[int, tuple[str, int | None]] = {}  # code → (text, original glyph; None: the empty glyph)
    cmap: dict[int, int] = {}
    for code, ch in sorted(entries):
        if code == OVERFLOW_CODE:
            ch = REPLACEMENT_TEXT
        kind = character_kind(ord(ch))
        if kind == SPACE:
            by_code[code] = (" ", space)
        elif kind == IGNORABLE:
            by_code[code] = (ch, None)
        else:
            gid = file.glyph(ord(ch))
            by_code[code] = (REPLACEMENT_TEXT if kind == UNPRINTABLE else ch, gid)
            if gid and kind != UNPRINTABLE:
                cmap[ord(ch)] = gid
    program, new_of = file.subset({g for _, g in by_code.values() if g}, cmap)

    codes = sorted(by_code)
    gid_map = array("H", bytes(2 * (codes[-1] + 1)))
    widths = []
    for code in codes:
        _, gid = by_code[code]
        gid_map[code] = EMPTY_GID if gid is None else new_of.get(gid, 0)
        widths.append(0 if gid is None else file.widths[gid])
    if array("H", [1]).tobytes() != b"\0\1":
        gid_map.byteswap()

    digest = hashlib.sha256(f"{FONT_FILES[index]}:{sorted(by_code.items())}".encode()).digest()
    tag = "".join(chr(ord("A") + b % 26) for b in digest[:6])
    return FontProgram(
        base_font=f"{tag}+{file.postscript_name}",
        font_file=zlib.compress(program, 6),
        font_file_length=len(program),
        widths_array=_widths_array(codes, widths),
        to_unicode=zlib.compress(_to_unicode_cmap({code: text for code, (text, _) in by_code.items()}), 6),
        cid_to_gid=zlib.compress(gid_map.tobytes(), 6),
    )


def _widths_array(codes: list[int], widths: list[int]) -> bytes:
    """``[c [w1 w2 …] …]`` with one group per run of consecutive codes."""
    groups: list[str] = []
    start, run = codes[0], [widths[0]]
    for code, width in zip(codes[1:], widths[1:]):
        if code == start + len(run):
            run.append(width)
            continue
        groups.append(f"{start} [{' '.join(map(str, run))}]")
        start, run = code, [width]
    groups.append(f"{start} [{' '.join(map(str, run))}]")
    return f"[{' '.join(groups)}]".encode("ascii")


def _to_unicode_cmap(text_by_code: dict[int, str]) -> bytes:
    """A ToUnicode CMap mapping each 2-byte code back to its character (text extraction)."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    entries = sorted(text_by_code.items())
    for start in range(0, len(entries), 100):  # at most 100 entries per block (CMap rule)
        block = entries[start : start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{code:04X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return ("\n".join(lines) + "\n").encode("ascii")
