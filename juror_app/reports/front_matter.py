"""The opening of a document: its title, where its data comes from, how to read it, an overview table.

Every document opens the same way so that a reader finds the data code's meaning, the edition and the
state of the results (locked for printing or a working copy) in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from juror_app.reports.page_style import (
    DocumentContext,
    Numbering,
    PartBuilder,
    PartResult,
)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None = None
    align: tuple[str, ...] | None = None


@dataclass(frozen=True)
class FrontMatter:
    title: str
    source: tuple[tuple[str, str], ...]  # label → value: edition, meeting, data code, results lock …
    paragraphs: tuple[str, ...] = ()  # how to read the document
    table_title: str = ""
    table: Table | None = None


def front_matter(part: PartBuilder, front: FrontMatter) -> None:
    """Draw the opening into ``part`` (bookmarked as the document's first entry)."""
    doc = part.doc
    part.heading(front.title, 1)
    doc.key_values(list(front.source), size=9)
    for text in front.paragraphs:
        doc.paragraph(text, size=9)
    if front.table is not None:
        if front.table_title:
            part.heading(front.table_title, 3, outline_level=-1)
        t = front.table
        doc.table(list(t.header), [list(r) for r in t.rows], widths=list(t.widths) if t.widths else None,
                  align=list(t.align) if t.align else None, size=8.5)


def render_front(context: DocumentContext, items: Sequence[FrontMatter], numbering: Numbering) -> PartResult:
    """A part holding only the opening (the first part of a document made of many)."""
    part = PartBuilder(context, numbering)
    for front in items:
        front_matter(part, front)
    return part.finish()
