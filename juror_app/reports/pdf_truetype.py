"""TrueType files read straight from their bytes, and compact per-document subsets of them.

Why by hand: a national demo writes thousands of small PDFs and each embeds the glyphs it draws.
fontTools' subsetter costs tens of milliseconds a call; here a file is read once per process (table
directory, ``cmap``, ``hmtx``, ``loca``) and a subset is assembled from raw glyph bytes in a fraction
of a millisecond: the glyphs used (with the parts of composite glyphs), renumbered from 0, hinting
instructions dropped (the hinting tables are not copied), and small ``cmap``, ``name`` and ``post``
tables. Glyph 1 of every subset is an empty glyph of no width, for characters that are kept in the
text layer but show nothing (soft hyphen, zero-width joiner …).

Only ``glyf`` outlines are supported (every file matplotlib ships is one).
"""

from __future__ import annotations

import struct
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

EMPTY_GID = 1  # in a subset: the empty, zero-width glyph
_UNITS = 1000  # PDF glyph space: 1/1000 of the text size
_ARG_WORDS, _HAS_SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO, _INSTRUCTIONS = 0x1, 0x8, 0x20, 0x40, 0x80, 0x100


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


def _checksum(data: bytes) -> int:
    """TrueType table checksum: the sum of big-endian 32-bit words, zero-padded, mod 2**32."""
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def assemble_sfnt(tables: dict[str, bytes]) -> bytes:
    """A TrueType file from its tables: directory, 4-byte padding, checksums, head adjustment."""
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, count, power * 16, power.bit_length() - 1, count * 16 - power * 16)
    offset = 12 + 16 * count
    directory, body = [], []
    total = 0
    head_offset = 0
    for tag in tags:
        data = tables[tag]
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


class TrueTypeFile:
    """One font file, parsed once (immutable afterwards: share it between threads)."""

    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        self.path = path
        count = struct.unpack_from(">H", data, 4)[0]
        self._tables: dict[str, bytes] = {}
        for i in range(count):
            tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            self._tables[tag.decode("latin-1")] = data[offset : offset + length]
        if "glyf" not in self._tables:
            raise ValueError(f"{path.name}: only TrueType outlines (glyf) are supported")
        head, hhea, maxp = self._tables["head"], self._tables["hhea"], self._tables["maxp"]
        self.units_per_em = struct.unpack_from(">H", head, 18)[0]
        self.glyph_count = struct.unpack_from(">H", maxp, 4)[0]
        long_loca = struct.unpack_from(">h", head, 50)[0] == 1
        loca = array("I" if long_loca else "H", self._tables["loca"][: (self.glyph_count + 1) * (4 if long_loca else 2)])
        if array("H", [1]).tobytes() != b"\0\1":
            loca.byteswap()
        factor = 1 if long_loca else 2
        glyf = self._tables["glyf"]
        self._glyphs = [glyf[loca[g] * factor : loca[g + 1] * factor] for g in range(self.glyph_count)]

        metrics_count = struct.unpack_from(">H", hhea, 34)[0]
        hmtx = self._tables["hmtx"]
        pairs = list(struct.iter_unpack(">Hh", hmtx[: 4 * metrics_count]))
        last = pairs[-1][0]
        rest = struct.unpack_from(f">{self.glyph_count - metrics_count}h", hmtx, 4 * metrics_count)
        self._hmtx = pairs + [(last, lsb) for lsb in rest]
        self.widths = [self.scaled(advance) for advance, _ in self._hmtx]  # per glyph, 1/1000 em

        self.cmap, self._ranges = _read_cmap(self._tables["cmap"])
        self.postscript_name = _name(self._tables.get("name", b""), 6) or path.stem
        self.metrics = self._metrics()
        self._stripped: dict[int, tuple[bytes, tuple[int, ...]]] = {}
        self._name_table = _small_name_table(self._tables.get("name", b""))
        post = self._tables["post"]
        self._post_table = struct.pack(">I", 0x00030000) + post[4:16] + bytes(16)

    # -- lookup -------------------------------------------------------------------------------

    def scaled(self, value: float) -> int:
        return round(value * _UNITS / self.units_per_em)

    def glyph(self, codepoint: int) -> int:
        """The glyph id for a character, 0 when the file has none."""
        gid = self.cmap.get(codepoint)
        if gid is not None:
            return gid
        if self._ranges:  # format 13 ("many to one"): a glyph per range
            starts = self._ranges[0]
            i = bisect_right(starts, codepoint) - 1
            if i >= 0 and codepoint <= self._ranges[1][i]:
                return self._ranges[2][i]
        return 0

    def _metrics(self) -> FontMetrics:
        head, hhea, os2, post = (self._tables[t] for t in ("head", "hhea", "OS/2", "post"))
        x_min, y_min, x_max, y_max = struct.unpack_from(">4h", head, 36)
        ascent, descent = struct.unpack_from(">hh", hhea, 4)
        cap = self.glyph(ord("H"))
        cap_height = struct.unpack_from(">h", self._glyphs[cap], 8)[0] if cap and self._glyphs[cap] else ascent
        angle = struct.unpack_from(">i", post, 4)[0] / 65536
        weight = struct.unpack_from(">H", os2, 4)[0]
        s = self.scaled
        return FontMetrics(
            ascent=s(ascent), descent=s(descent), cap_height=s(cap_height),
            bbox=(s(x_min), s(y_min), s(x_max), s(y_max)), italic_angle=angle,
            stem_v=round(50 + (weight / 65) ** 2),  # a common estimate: ~88 for regular, ~166 for bold
            fixed_pitch=struct.unpack_from(">I", post, 12)[0] != 0, italic=angle != 0,
        )

    # -- subsets ------------------------------------------------------------------------------

    def _strip(self, gid: int) -> tuple[bytes, tuple[int, ...]]:
        """A glyph's bytes without hinting instructions, and the glyphs a composite is made of."""
        found = self._stripped.get(gid)
        if found is not None:
            return found
        data = self._glyphs[gid]
        parts: tuple[int, ...] = ()
        if len(data) >= 10:
            contours = struct.unpack_from(">h", data, 0)[0]
            if contours >= 0:
                at = 10 + 2 * contours
                length = struct.unpack_from(">H", data, at)[0]
                data = data[:at] + b"\0\0" + data[at + 2 + length :]
            else:
                out = bytearray(data)
                at, ids = 10, []
                while True:
                    flags, part = struct.unpack_from(">HH", data, at)
                    struct.pack_into(">H", out, at, flags & ~_INSTRUCTIONS)
                    ids.append(part)
                    at += 4 + (4 if flags & _ARG_WORDS else 2)
                    at += 8 if flags & _TWO_BY_TWO else 4 if flags & _XY_SCALE else 2 if flags & _HAS_SCALE else 0
                    if not flags & _MORE:
                        break
                data, parts = bytes(out[:at]), tuple(ids)
        found = self._stripped[gid] = (data, parts)
        return found

    def closure(self, gids: set[int]) -> set[int]:
        """``gids`` with every glyph their composites are made of."""
        seen, todo = set(gids), list(gids)
        while todo:
            for part in self._strip(todo.pop())[1]:
                if part not in seen:
                    seen.add(part)
                    todo.append(part)
        return seen

    def subset(self, gids: set[int], cmap: dict[int, int]) -> tuple[bytes, dict[int, int]]:
        """A TrueType program holding ``gids`` (and their parts), renumbered: ``.notdef`` is 0, the
        empty glyph 1, the others from 2 in their original order. ``cmap`` (character → original
        glyph) goes into the program's own ``cmap``. Returns the program and old → new glyph ids."""
        used = sorted(self.closure(set(gids)) - {0})
        new_of = {0: 0} | {old: new for new, old in enumerate(used, start=2)}
        glyphs = [self._strip(0)[0], b""]
        metrics = [self._hmtx[0], (0, 0)]
        for old in used:
            data, parts = self._strip(old)
            if parts:
                out = bytearray(data)
                at = 10
                for part in parts:
                    flags = struct.unpack_from(">H", out, at)[0]
                    struct.pack_into(">H", out, at + 2, new_of[part])
                    at += 4 + (4 if flags & _ARG_WORDS else 2)
                    at += 8 if flags & _TWO_BY_TWO else 4 if flags & _XY_SCALE else 2 if flags & _HAS_SCALE else 0
                data = bytes(out)
            glyphs.append(data + b"\0" * (-len(data) % 4))
            metrics.append(self._hmtx[old])
        offsets = array("I", [0])
        position = 0
        for data in glyphs:
            position += len(data)
            offsets.append(position)
        if array("H", [1]).tobytes() != b"\0\1":
            offsets.byteswap()
        count = len(glyphs)
        head = bytearray(self._tables["head"])
        head[8:12] = bytes(4)  # checkSumAdjustment: set by assemble_sfnt
        struct.pack_into(">h", head, 50, 1)  # long loca offsets
        hhea = bytearray(self._tables["hhea"])
        struct.pack_into(">H", hhea, 34, count)
        maxp = bytearray(self._tables["maxp"])
        struct.pack_into(">H", maxp, 4, count)
        tables = {
            "head": bytes(head), "hhea": bytes(hhea), "maxp": bytes(maxp), "OS/2": self._tables["OS/2"],
            "hmtx": b"".join(struct.pack(">Hh", *m) for m in metrics), "loca": offsets.tobytes(),
            "glyf": b"".join(glyphs), "name": self._name_table, "post": self._post_table,
            "cmap": _cmap_table({ch: new_of[g] for ch, g in cmap.items() if g in new_of}),
        }
        return assemble_sfnt(tables), new_of


def _read_cmap(table: bytes) -> tuple[dict[int, int], tuple[list[int], list[int], list[int]] | None]:
    """The best Unicode subtable: format 12 (full Unicode) or 4 (BMP) as a dict, format 13 as ranges."""
    count = struct.unpack_from(">H", table, 2)[0]
    found: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", table, 4 + 8 * i)
        found[(platform, encoding)] = offset
    for key in ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 1), (0, 0)):
        if key not in found:
            continue
        offset = found[key]
        kind = struct.unpack_from(">H", table, offset)[0]
        if kind == 4:
            return _format4(table, offset), None
        if kind in (12, 13):
            groups = struct.unpack_from(">I", table, offset + 12)[0]
            values = struct.unpack_from(f">{3 * groups}I", table, offset + 16)
            if kind == 13:
                return {}, (list(values[0::3]), list(values[1::3]), list(values[2::3]))
            cmap: dict[int, int] = {}
            for start, end, gid in zip(values[0::3], values[1::3], values[2::3]):
                cmap.update(zip(range(start, end + 1), range(gid, gid + end - start + 1)))
            return cmap, None
    return {}, None


def _format4(table: bytes, offset: int) -> dict[int, int]:
    segments = struct.unpack_from(">H", table, offset + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", table, offset + 14)
    starts = struct.unpack_from(f">{segments}H", table, offset + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", table, offset + 16 + 4 * segments)
    range_at = offset + 16 + 6 * segments
    range_offsets = struct.unpack_from(f">{segments}H", table, range_at)
    cmap: dict[int, int] = {}
    for i, (start, end, delta, range_offset) in enumerate(zip(starts, ends, deltas, range_offsets)):
        if start == 0xFFFF:
            continue
        for code in range(start, end + 1):
            if range_offset == 0:
                gid = (code + delta) & 0xFFFF
            else:
                at = range_at + 2 * i + range_offset + 2 * (code - start)
                gid = struct.unpack_from(">H", table, at)[0]
                gid = (gid + delta) & 0xFFFF if gid else 0
            if gid:
                cmap[code] = gid
    return cmap


def _cmap_table(cmap: dict[int, int]) -> bytes:
    """A (3,1) format-4 subtable for the BMP characters and, if any lie beyond, a (3,10) format 12."""
    bmp = sorted((c, g) for c, g in cmap.items() if c < 0xFFFF)
    segments = [*bmp, (0xFFFF, 0)]
    n = len(segments)
    power = 1 << (n.bit_length() - 1)
    ends = struct.pack(f">{n}H", *(c for c, _ in segments))
    deltas = struct.pack(f">{n}H", *(((g - c) & 0xFFFF) if c != 0xFFFF else 1 for c, g in segments))
    body = ends + b"\0\0" + ends + deltas + bytes(2 * n)
    format4 = struct.pack(">HHHHHHH", 4, 14 + len(body), 0, 2 * n, 2 * power, power.bit_length() - 1, 2 * n - 2 * power)
    format4 += body
    wide = sorted((c, g) for c, g in cmap.items() if c > 0xFFFF)
    subtables = [(3, 1, format4)]
    if wide:
        groups = b"".join(struct.pack(">III", c, c, g) for c, g in sorted(cmap.items()))
        subtables.append((3, 10, struct.pack(">HHIII", 12, 0, 16 + len(groups), 0, len(groups) // 12) + groups))
    header = struct.pack(">HH", 0, len(subtables))
    offset = 4 + 8 * len(subtables)
    records, data = [], []
    for platform, encoding, sub in subtables:
        records.append(struct.pack(">HHI", platform, encoding, offset))
        data.append(sub)
        offset += len(sub)
    return header + b"".join(records) + b"".join(data)


def _name_records(table: bytes) -> list[tuple[tuple[int, int, int, int], bytes]]:
    if len(table) < 6:
        return []
    count, storage = struct.unpack_from(">HH", table, 2)
    records = []
    for i in range(count):
        platform, encoding, language, name_id, length, offset = struct.unpack_from(">6H", table, 6 + 12 * i)
        records.append(((platform, encoding, language, name_id), table[storage + offset : storage + offset + length]))
    return records


def _name(table: bytes, name_id: int) -> str:
    for (platform, _, _, nid), raw in _name_records(table):
        if nid == name_id:
            return raw.decode("utf-16-be" if platform in (0, 3) else "latin-1", "replace")
    return ""


def _small_name_table(table: bytes) -> bytes:
    """Only the names a reader shows (copyright, family, style, unique id, full name, version, PostScript)."""
    kept = sorted((key, raw) for key, raw in _name_records(table) if key[3] <= 6)
    storage, offsets, position = [], [], 0
    for _, raw in kept:
        offsets.append(position)
        storage.append(raw)
        position += len(raw)
    records = b"".join(struct.pack(">6H", *key, len(raw), at) for (key, raw), at in zip(kept, offsets))
    return struct.pack(">HHH", 0, len(kept), 6 + 12 * len(kept)) + records + b"".join(storage)
