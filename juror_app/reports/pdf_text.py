"""Measuring and breaking text for the PDF writer: widths in the embedded faces, greedy line breaks.

Widths are additive integers in 1/1000 of the text size (no kerning), so a line's width is exactly
the sum of its parts and wrapping can use prefix sums.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate

from juror_app.reports.pdf_fonts import get_font, nfc

_SPACE_RUNS = re.compile("[ \t]+")


def joins_previous(ch: str) -> bool:
    """A combining mark, zero-width joiner or variation selector: it belongs to the character before."""
    return unicodedata.category(ch) in ("Mn", "Me") or ch in "\u200d\ufe0e\ufe0f"


def text_width(text: str, *, font: str = "regular", size: float = 10) -> float:
    """Advance width of ``text`` in points (no kerning, so widths add up exactly)."""
    return get_font(font).width_units(text) * size / 1000


def wrap(text: str, width: float, *, font: str = "regular", size: float = 10) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points (``text_width`` of each line).

    Lines break at ordinary spaces only (a no-break space, U+00A0, keeps "w domu" together);
    ``\\n`` starts a new line and an empty line stays empty; runs of spaces and tabs collapse to
    one space, and spaces at the ends of a line are dropped. A word wider than the whole line is
    cut between characters (at least one character per line, however narrow the width).
    """
    if size <= 0:
        raise ValueError(f"text size must be positive, got {size}")
    face = get_font(font)
    limit = max(0.0, width) * 1000 / size  # compare in integer font units: exact, like text_width
    lines: list[str] = []
    for paragraph in nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "  " in paragraph or "\t" in paragraph:
            paragraph = _SPACE_RUNS.sub(" ", paragraph)
        paragraph = paragraph.strip(" ")
        if not paragraph:
            lines.append("")
            continue
        prefix = list(accumulate(face.char_widths(paragraph), initial=0))
        end = len(paragraph)
        start = 0
        while start < end:
            fits = bisect_right(prefix, prefix[start] + limit) - 1  # paragraph[start:fits] fits
            if fits >= end:
                lines.append(paragraph[start:])
                break
            space = paragraph.rfind(" ", start, fits + 1)
            if space > start:
                lines.append(paragraph[start:space])
                start = space + 1
            else:  # one word longer than the line: cut it
                cut = max(fits, start + 1)
                while cut < end and cut > start + 1 and joins_previous(paragraph[cut]):
                    cut -= 1  # never between a letter and its combining marks
                while cut < end and joins_previous(paragraph[cut]):
                    cut += 1
                lines.append(paragraph[start:cut])
                start = cut + 1 if cut < end and paragraph[cut] == " " else cut
    return lines
