"""Embedded fonts for the PDF writer: DejaVu subsets that cover Polish, prepared once per process.

Why this design: subsetting with fontTools costs tens of milliseconds, while the demo edition
writes thousands of small PDFs. So each face is subset ONCE (lazily, on first use, thread-safe)
from the characters in :data:`REPERTOIRE`, hinting dropped. Each document then embeds that subset
with the outlines of the glyphs it does not use emptied (glyph ids stay the same, so nothing
else changes): a pure-bytes step of a fraction of a millisecond that makes a short document
about three times smaller. The result is memoised per glyph set.

The fonts come from matplotlib's bundled DejaVu files, located *without importing matplotlib*
(importing it costs start-up time and pulls in numpy).

Text rules (every caller depends on them):

* Text is NFC-normalised first, so a decomposed ``e`` + combining ogonek becomes ``ę``.
* A character outside :data:`REPERTOIRE`, or one the face has no glyph for (the mono face lacks
  a few symbols), is drawn as ``?`` and extracts as ``?``; it never raises.
* Tab, newline and the other whitespace controls are drawn as a space; soft hyphen, zero-width
  space/joiners and the byte-order mark are dropped (zero width, nothing drawn).
* No kerning and no ligatures: widths are additive integers (1/1000 em), so the width of a
  joined line is exactly the sum of its parts, and every glyph maps back to one character.
"""

from __future__ import annotations

import codecs
import hashlib
import importlib.util
import io
import struct
import threading
import unicodedata
import zlib
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FACE_FILES: dict[str, str] = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "mono": "DejaVuSansMono.ttf",
}
"""Face name used by the writer → DejaVu file inside matplotlib's ``mpl-data/fonts/ttf``."""

FALLBACK_CHAR = "?"

_TYPOGRAPHY = (
    "‐‑‒–—―‘’‚‛“”„‟†‡•‣…‰′″‹›⁄€№™Ω℮"
    "←↑→↓↔⇒⇔−∓∕∙√∞∑∏∆∂∫≈≠≡≤≥⌀"
    "■□▪▫▲△▶►▼▽◆◇○●◦☐☑☒✓✔✕✗✘"
)

REPERTOIRE: str = "".join(
    sorted(
        set(
            [chr(c) for c in range(0x20, 0x7F)]  # printable ASCII
            + [chr(c) for c in range(0xA0, 0x100) if c != 0xAD]  # Latin-1 (minus soft hyphen)
            + [chr(c) for c in range(0x100, 0x180)]  # Latin Extended-A: Polish, Czech, …
            + [chr(c) for c in range(0x391, 0x3CA) if c != 0x3A2]  # Greek (α for statistics)
            + list(_TYPOGRAPHY)
        )
    )
)
"""Every character the embedded subsets can draw (where the face has the glyph)."""

AS_SPACE = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"
DROPPED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_UNITS = 1000  # PDF glyph space: 1/1000 of the text size
_KEPT_TABLES = ("OS/2", "cmap", "head", "hhea", "hmtx", "maxp", "name", "post")


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C (cheap when it already is, the usual case)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def font_directory() -> Path:
    """Folder with matplotlib's TrueType fonts, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("matplotlib is not installed: it ships the DejaVu fonts the PDFs embed")
    return Path(list(spec.submodule_search_locations)[0]) / "mpl-data" / "fonts" / "ttf"


class _Table(dict):
    """A lookup table keyed by ordinal with a default for unknown keys."""

    def __init__(self, entries: dict, default: object) -> None:
        super().__init__(entries)
        self.default = default

    def __missing__(self, key: int) -> object:
        return self.default


@dataclass(frozen=True)
class FontMetrics:
    """Face metrics in 1/1000 of the text size (multiply by ``size / 1000`` for points)."""

    ascent: int
    descent: int  # negative: below the baseline
    cap_height: int
    bbox: tuple[int, int, int, int]
    italic_angle: float
    stem_v: int
    fixed_pitch: bool
    italic: bool


@dataclass(frozen=True)
class FontProgram:
    """What one document embeds for one face: ready-to-write bytes."""

    base_font: str  # "ABCDEF+DejaVuSans": the tag names this particular glyph set
    font_file: bytes  # Flate-compressed TrueType program
    font_file_length: int  # its uncompressed length (/Length1)
    widths_array: bytes  # the CIDFont /W array for the glyphs used
    to_unicode: bytes  # Flate-compressed ToUnicode CMap for the glyphs used


class EmbeddedFont:
    """One subset face (immutable after construction; share it freely between threads)."""

    def __init__(self, face: str) -> None:
        from fontTools import subset
        from fontTools.ttLib import TTFont

        # recalcTimestamp=False: the font's "modified" date must not change, or the PDFs
        # written by two runs would differ (the demo's documents are content-addressed).
        source = TTFont(font_directory() / FACE_FILES[face], recalcTimestamp=False)
        source_cmap = source.getBestCmap()
        chars = [ch for ch in REPERTOIRE if ord(ch) in source_cmap]

        options = subset.Options()
        options.hinting = False
        options.layout_features = []
        options.glyph_names = False
        options.notdef_outline = True
        options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM", "MATH", "gasp", "DSIG"]
        subsetter = subset.Subsetter(options=options)
        subsetter.populate(unicodes=[ord(ch) for ch in chars])
        subsetter.subset(source)
        buffer = io.BytesIO()
        source.save(buffer)
        font = TTFont(io.BytesIO(buffer.getvalue()), recalcTimestamp=False)

        self.face = face
        units_per_em = font["head"].unitsPerEm

        def scaled(value: float) -> int:
            return round(value * _UNITS / units_per_em)

        glyph_order = font.getGlyphOrder()
        gid_of_name = {name: gid for gid, name in enumerate(glyph_order)}
        cmap = font.getBestCmap()
        hmtx = font["hmtx"].metrics
        self.glyph_count = len(glyph_order)
        self.widths_by_gid: list[int] = [scaled(hmtx[name][0]) for name in glyph_order]
        self.gid_by_char: dict[str, int] = {ch: gid_of_name[cmap[ord(ch)]] for ch in chars}
        # Several characters may share one glyph; the first in repertoire order names it.
        self.char_by_gid: dict[int, str] = {}
        for ch, gid in self.gid_by_char.items():
            self.char_by_gid.setdefault(gid, ch)

        self.fallback_gid = self.gid_by_char[FALLBACK_CHAR]
        self.space_gid = self.gid_by_char[" "]
        gids = {ord(ch): gid for ch, gid in self.gid_by_char.items()}
        gids.update({ord(ch): self.space_gid for ch in AS_SPACE})
        gids.update({ord(ch): None for ch in DROPPED})
        self._gids = _Table(gids, self.fallback_gid)
        # A charmap codec table: encoding in C, with "?" (itself in the table) for the rest.
        self._charmap = {o: (b"" if g is None else g.to_bytes(2, "big")) for o, g in gids.items()}
        self._widths = _Table(
            {o: (0 if g is None else self.widths_by_gid[g]) for o, g in gids.items()},
            self.widths_by_gid[self.fallback_gid],
        )

        head, hhea, os2, post = font["head"], font["hhea"], font["OS/2"], font["post"]
        self.metrics = FontMetrics(
            ascent=scaled(hhea.ascent),
            descent=scaled(hhea.descent),
            cap_height=scaled(font["glyf"][cmap[ord("H")]].yMax),
            bbox=(scaled(head.xMin), scaled(head.yMin), scaled(head.xMax), scaled(head.yMax)),
            italic_angle=float(post.italicAngle),
            # A common estimate from the weight class: ~88 for regular, ~166 for bold.
            stem_v=round(50 + (os2.usWeightClass / 65) ** 2),
            fixed_pitch=bool(post.isFixedPitch),
            italic=post.italicAngle != 0,
        )
        self.family = font["name"].getDebugName(6) or FACE_FILES[face].rsplit(".", 1)[0]
        self._prepare_pruning(font, gid_of_name)

    # -- text ---------------------------------------------------------------------------------

    def codes(self, text: str) -> str:
        """Identity-H hex codes (4 hex digits per glyph) for NFC ``text`` (see :func:`nfc`)."""
        return codecs.charmap_encode(text, "replace", self._charmap)[0].hex()

    def width_units(self, text: str) -> int:
        """Advance width of ``text`` in 1/1000 of the text size (an exact integer)."""
        return sum(map(self._widths.__getitem__, map(ord, nfc(text))))

    def char_widths(self, text: str) -> list[int]:
        """Advance width of each character of NFC ``text`` (for prefix sums when wrapping)."""
        return list(map(self._widths.__getitem__, map(ord, text)))

    def glyph_ids(self, chars: set[str] | str) -> set[int]:
        """Glyph ids that drawing these (NFC) characters uses."""
        found = set(map(self._gids.__getitem__, map(ord, chars)))
        found.discard(None)
        return found

    def displayed(self, text: str) -> str:
        """What a reader extracts after drawing ``text``: fallbacks, spaces and drops applied."""
        out = []
        for ch in nfc(text):
            gid = self._gids[ord(ch)]
            if gid is not None:
                out.append(self.char_by_gid[gid])
        return "".join(out)

    # -- embedding ----------------------------------------------------------------------------

    def program(self, glyph_ids: set[int] | frozenset[int]) -> FontProgram:
        """The bytes to embed for a document that draws ``glyph_ids`` (memoised per set)."""
        return self._program(frozenset(glyph_ids) | {0})

    def _prepare_pruning(self, font, gid_of_name: dict[str, int]) -> None:
        """Keep the raw bytes of every table and glyph, and each glyph's component closure."""
        glyf_data = font.reader["glyf"]
        loca = list(font["loca"])
        self._glyphs = [glyf_data[loca[i] : loca[i + 1]] for i in range(self.glyph_count)]
        glyf = font["glyf"]
        direct: list[tuple[int, ...]] = []
        for name in font.getGlyphOrder():
            glyph = glyf[name]
            names = glyph.getComponentNames(glyf) if glyph.isComposite() else []
            direct.append(tuple(gid_of_name[n] for n in names))
        closure: list[frozenset[int]] = []
        for gid in range(self.glyph_count):
            seen, todo = {gid}, [gid]
            while todo:
                for part in direct[todo.pop()]:
                    if part not in seen:
                        seen.add(part)
                        todo.append(part)
            closure.append(frozenset(seen))
        self._closure = closure
        self._tables = {tag: font.reader[tag] for tag in _KEPT_TABLES if tag != "head"}
        head = bytearray(font.reader["head"])
        head[8:12] = b"\0\0\0\0"  # checkSumAdjustment, filled in per program
        head[50:52] = struct.pack(">h", 1)  # indexToLocFormat: long offsets
        self._head = bytes(head)
        self._table_sums = {tag: _checksum(data) for tag, data in self._tables.items()}

    @lru_cache(maxsize=512)
    def _program(self, glyph_ids: frozenset[int]) -> FontProgram:
        needed: set[int] = set()
        for gid in glyph_ids:
            needed |= self._closure[gid]
        glyf_parts = []
        offsets = array("I", [0])
        position = 0
        for gid in range(self.glyph_count):
            if gid in needed:
                data = self._glyphs[gid]
                glyf_parts.append(data)
                position += len(data)
            offsets.append(position)
        if offsets.itemsize != 4:
            raise RuntimeError("unsigned int must be 32-bit for TrueType loca")
        if struct.pack("=I", 1) != struct.pack(">I", 1):
            offsets.byteswap()
        tables = dict(self._tables)
        tables["glyf"] = b"".join(glyf_parts)
        tables["loca"] = offsets.tobytes()
        tables["head"] = self._head
        program = _assemble_sfnt(tables, self._table_sums)

        used = sorted(glyph_ids)
        digest = hashlib.sha256(f"{self.face}:{used}".encode()).digest()
        tag = "".join(chr(ord("A") + b % 26) for b in digest[:6])
        widths = " ".join(f"{gid} [{self.widths_by_gid[gid]}]" for gid in used)
        mapped = {gid: self.char_by_gid[gid] for gid in used if gid in self.char_by_gid}
        return FontProgram(
            base_font=f"{tag}+{self.family}",
            font_file=zlib.compress(program, 6),
            font_file_length=len(program),
            widths_array=f"[{widths}]".encode("ascii"),
            to_unicode=zlib.compress(_to_unicode_cmap(mapped), 6),
        )


def _checksum(data: bytes) -> int:
    """TrueType table checksum: the sum of big-endian 32-bit words, zero-padded, mod 2**32."""
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def _assemble_sfnt(tables: dict[str, bytes], known_sums: dict[str, int]) -> bytes:
    """A TrueType file from its tables: directory, 4-byte padding, checksums, head adjustment."""
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, count, power * 16, power.bit_length() - 1, count * 16 - power * 16)
    offset = 12 + 16 * count
    directory = []
    body = []
    total = 0
    head_offset = 0
    for tag in tags:
        data = tables[tag]
        checksum = known_sums.get(tag)
        if checksum is None:
            checksum = _checksum(data)
        directory.append(struct.pack(">4sIII", tag.encode("ascii"), checksum, offset, len(data)))
        if tag == "head":
            head_offset = offset
        padded = data + b"\0" * (-len(data) % 4)
        body.append(padded)
        offset += len(padded)
        total += checksum
    front = header + b"".join(directory)
    total = (total + _checksum(front)) & 0xFFFFFFFF
    program = bytearray(front + b"".join(body))
    program[head_offset + 8 : head_offset + 12] = struct.pack(">I", (0xB1B0AFBA - total) & 0xFFFFFFFF)
    return bytes(program)


def _to_unicode_cmap(char_by_gid: dict[int, str]) -> bytes:
    """A ToUnicode CMap mapping each 2-byte glyph id back to its character (text extraction)."""
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
    entries = sorted(char_by_gid.items())
    for start in range(0, len(entries), 100):  # at most 100 entries per block (CMap rule)
        block = entries[start : start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{gid:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for gid, ch in block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return ("\n".join(lines) + "\n").encode("ascii")


_cache: dict[str, EmbeddedFont] = {}
_lock = threading.Lock()


def get_font(face: str) -> EmbeddedFont:
    """The prepared subset of ``face`` (made on first use, then shared by the whole process)."""
    font = _cache.get(face)
    if font is not None:
        return font
    if face not in FACE_FILES:
        raise ValueError(f"unknown font face {face!r}; use one of {sorted(FACE_FILES)}")
    with _lock:
        font = _cache.get(face)
        if font is None:
            font = EmbeddedFont(face)
            _cache[face] = font
    return font


def prepare_fonts(faces: tuple[str, ...] = tuple(FACE_FILES)) -> None:
    """Prepare faces up front (before timing, or before forking worker processes)."""
    for face in faces:
        get_font(face)
