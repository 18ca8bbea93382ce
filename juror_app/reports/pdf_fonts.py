"""The PDF writer's faces: DejaVu with fallbacks from matplotlib's own fonts, and a visible last resort.

Every font comes from matplotlib's package (``mpl-data/fonts/ttf``), found *without importing
matplotlib*: the frozen app carries them and never depends on the system's fonts. A face ("regular",
"bold", "italic", "mono") is a chain of files: a character is drawn by the first file that has it
(DejaVu Sans, Bold or Oblique first — Polish, Cyrillic, Romanian ț ș, Greek, Hebrew, Arabic letters,
arrows, the emoticons U+1F600–1F640 … —, then DejaVu Sans Mono and Serif, then STIX for mathematics).
Files are read lazily: a Polish document never opens a fallback.

Text rules (every caller depends on them):

* Text is NFC-normalised first, so a decomposed ``e`` + combining ogonek becomes ``ę``.
* A character no file has (most emoji, Chinese, …) is never dropped nor turned into ``?``: it is drawn
  as the box of its Unicode block from Apple's Last Resort font (shipped by matplotlib), and the text
  layer keeps the character itself (copy and search find it). The writer reports every such
  character (:meth:`~juror_app.reports.pdf_writer.PdfWriter.replaced_characters`).
* Control characters, lone surrogates and non-characters are drawn the same way, and extract as
  U+FFFD (they have no meaning on paper).
* Tab, newline and the other whitespace controls are drawn as a space; soft hyphen, zero-width
  space/joiners, variation selectors, direction marks and the other invisible format characters
  draw nothing and take no width, but stay in the text layer.
* No kerning and no ligatures: widths are additive integers (1/1000 em), so the width of a joined
  line is exactly the sum of its parts, and every code maps back to one character.

Codes: a BMP character is drawn with its own code point as the CID (Identity-H), whatever file draws
it, so encoding Polish text is a C-speed charmap lookup; a character beyond the BMP gets a code from
U+D800 up (the surrogate range is never a character), numbered per document in the order of first
use. Each document then embeds, per file, a compact subset with a CIDToGIDMap and a ToUnicode map.
"""

from __future__ import annotations

import codecs
import importlib.util
import threading
import unicodedata
from collections.abc import Callable
from pathlib import Path

from juror_app.reports.pdf_truetype import TrueTypeFile

FONT_FILES: tuple[str, ...] = (
    "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSansMono.ttf",  # 0–3
    "DejaVuSansMono-Bold.ttf", "DejaVuSansMono-Oblique.ttf",  # 4–5
    "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",  # 6–8
    "STIXGeneral.ttf", "STIXGeneralBol.ttf", "STIXGeneralItalic.ttf",  # 9–11
    "LastResortHE-Regular.ttf",  # 12: a box naming the Unicode block, for every code point
)
"""Every file the writer may embed, inside matplotlib's ``mpl-data/fonts/ttf``; its index names its
PDF font resource (``/F1`` …)."""
LAST_RESORT = len(FONT_FILES) - 1
FACE_CHAINS: dict[str, tuple[int, ...]] = {
    "regular": (0, 3, 6, 9),
    "bold": (1, 0, 4, 7, 10, 3, 6, 9),
    "italic": (2, 0, 5, 8, 11, 3, 6, 9),
    "mono": (3, 0, 6, 9),
}
"""Face → the files that draw it, in order of preference (then the last resort)."""
FACE_FILES: dict[str, str] = {face: FONT_FILES[chain[0]] for face, chain in FACE_CHAINS.items()}
"""Face → its own DejaVu file."""

AS_SPACE = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"
WIDE_CODES = range(0xD800, 0xE000)  # codes for characters beyond the BMP, per document
REPLACEMENT_TEXT = "\ufffd"
_VISIBLE_FORMAT = {0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD}
_IGNORABLE_EXTRA = {0x34F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F, 0x3164, 0xFFA0}

# How a character is drawn (see the module docstring).
SPACE, IGNORABLE, UNPRINTABLE, GLYPH = "space", "ignorable", "unprintable", "glyph"


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C (cheap when it already is, the usual case)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def character_kind(codepoint: int) -> str:
    """SPACE, IGNORABLE (drawn as nothing), UNPRINTABLE (extracts as U+FFFD) or GLYPH."""
    ch = chr(codepoint)
    if ch in AS_SPACE:
        return SPACE
    category = unicodedata.category(ch)
    if category == "Cc" or category == "Cs" or (codepoint & 0xFFFE) == 0xFFFE or 0xFDD0 <= codepoint <= 0xFDEF:
        return UNPRINTABLE
    if ((category == "Cf" and codepoint not in _VISIBLE_FORMAT) or codepoint in _IGNORABLE_EXTRA
            or 0xFE00 <= codepoint <= 0xFE0F or 0xE0000 <= codepoint <= 0xE0FFF):
        return IGNORABLE
    return GLYPH


def text_layer(text: str) -> str:
    """What a reader extracts after drawing ``text`` (before its own whitespace handling)."""
    out = []
    for ch in nfc(text):
        kind = character_kind(ord(ch))
        out.append(" " if kind == SPACE else REPLACEMENT_TEXT if kind == UNPRINTABLE else ch)
    return "".join(out)


def font_directory() -> Path:
    """Folder with matplotlib's TrueType fonts, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("matplotlib is not installed: it ships the DejaVu fonts the PDFs embed")
    return Path(list(spec.submodule_search_locations)[0]) / "mpl-data" / "fonts" / "ttf"


_files: dict[int, TrueTypeFile] = {}
_faces: dict[str, Face] = {}
_lock = threading.Lock()


def font_file(index: int) -> TrueTypeFile:
    """File ``index`` of :data:`FONT_FILES`, read on first use, then shared by the whole process."""
    found = _files.get(index)
    if found is None:
        with _lock:
            found = _files.get(index)
            if found is None:
                found = _files[index] = TrueTypeFile(font_directory() / FONT_FILES[index])
    return found


class _Lookup(dict):
    """A dict that fills itself on a miss (the resolver's answer is memoised)."""

    def __init__(self, entries: dict, resolve: Callable[[int], object]) -> None:
        super().__init__(entries)
        self._resolve = resolve

    def __missing__(self, key: int) -> object:
        value = self[key] = self._resolve(key)
        return value


class Face:
    """One face with its fallbacks: which file draws each character, with what width and code."""

    def __init__(self, face: str) -> None:
        self.face = face
        self.chain = FACE_CHAINS[face]
        self.primary = self.chain[0]
        main = font_file(self.primary)
        self.metrics = main.metrics
        space = main.widths[main.glyph(32)]
        charmap: dict[int, bytes] = {}
        widths: dict[int, int] = {}
        for codepoint, gid in main.cmap.items():
            kind = character_kind(codepoint)
            if codepoint <= 0xFFFF and kind == GLYPH and gid and not 0xD800 <= codepoint < 0xE000:
                charmap[codepoint] = codepoint.to_bytes(2, "big")
                widths[codepoint] = main.widths[gid]
        for ch in AS_SPACE:
            charmap[ord(ch)] = b"\0 "
            widths[ord(ch)] = space
        self._charmap = charmap  # the fast path: every character the own file draws, in one C call
        self._owner = _Lookup({}, self._find_owner)
        self._widths = _Lookup(widths, self._find_width)

    def _find_owner(self, codepoint: int) -> int:
        """The file that draws the character (LAST_RESORT when none has it)."""
        kind = character_kind(codepoint)
        if kind in (SPACE, IGNORABLE):
            return self.primary
        if kind == GLYPH:
            for index in self.chain:
                if font_file(index).glyph(codepoint):
                    return index
        return LAST_RESORT

    def _find_width(self, codepoint: int) -> int:
        if character_kind(codepoint) == IGNORABLE:
            return 0
        file = font_file(self._owner[codepoint])
        return file.widths[file.glyph(codepoint)]

    def owner(self, ch: str) -> int:
        return self._owner[ord(ch)]

    # -- text ---------------------------------------------------------------------------------

    def width_units(self, text: str) -> int:
        """Advance width of ``text`` in 1/1000 of the text size (an exact integer)."""
        return sum(map(self._widths.__getitem__, map(ord, nfc(text))))

    def char_widths(self, text: str) -> list[int]:
        """Advance width of each character of NFC ``text`` (for prefix sums when wrapping)."""
        return list(map(self._widths.__getitem__, map(ord, text)))

    def runs(self, text: str, wide_code: Callable[[int, str], int]) -> list[tuple[int, str, str]]:
        """``text`` (NFC) as runs of (file index, characters, hex codes), in drawing order.

        ``wide_code(file, ch)`` gives the document's code for a character beyond the BMP.
        """
        try:
            return [(self.primary, text, codecs.charmap_encode(text, "strict", self._charmap)[0].hex())] if text else []
        except UnicodeEncodeError:
            pass
        runs: list[tuple[int, str, str]] = []
        current, chars, codes = -1, [], []
        for ch in text:
            index = self._owner[ord(ch)]
            if index != current and chars:
                runs.append((current, "".join(chars), "".join(codes)))
                chars, codes = [], []
            current = index
            chars.append(ch)
            codes.append(f"{code_of(index, ch, wide_code):04x}")
        if chars:
            runs.append((current, "".join(chars), "".join(codes)))
        return runs


def code_of(index: int, ch: str, wide_code: Callable[[int, str], int]) -> int:
    """The CID that draws ``ch`` with file ``index`` in a document (see the module docstring)."""
    if ch in AS_SPACE:
        return 0x20
    codepoint = ord(ch)
    if codepoint <= 0xFFFF and not 0xD800 <= codepoint < 0xE000:
        return codepoint
    return wide_code(index, ch)


def get_font(face: str) -> Face:
    """The prepared ``face`` (made on first use, then shared by the whole process)."""
    found = _faces.get(face)
    if found is not None:
        return found
    if face not in FACE_CHAINS:
        raise ValueError(f"unknown font face {face!r}; use one of {sorted(FACE_CHAINS)}")
    with _lock:
        found = _faces.get(face)
    if found is None:
        found = Face(face)  # outside the lock: it reads files through font_file, which takes it
        with _lock:
            found = _faces.setdefault(face, found)
    return found


def prepare_fonts(faces: tuple[str, ...] = tuple(FACE_CHAINS)) -> None:
    """Prepare faces up front (before timing, or before forking worker processes)."""
    for face in faces:
        get_font(face)
