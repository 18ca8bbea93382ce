"""The protocol of the jury meeting ("protokół posiedzenia Kapituły"), the document that is archived.

It names the jury, the laureates per category (the dossiers that earned the quality mark, in ranking
order), the special distinctions, and — so that the archived paper can be tied to the exact data —
every merged score package (juror, revision, the SHA-256 of its signed manifest) and the data
fingerprint computed from them and the attached results (see :mod:`fingerprint` for the recipe).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from juror_app.domain.i18n import pick
from juror_app.reports import formatting as fmt
from juror_app.reports.front_matter import FrontMatter, front_matter
from juror_app.reports.page_style import (
    DocumentContext,
    Numbering,
    PartBuilder,
    PartResult,
    fit_text,
)


@dataclass(frozen=True)
class JuryMember:
    juror_id: str
    name: str
    affiliation: str
    chair: bool


@dataclass(frozen=True)
class Laureate:
    place: int | None
    dossier_id: str
    name: str
    total_percent: float | None
    stage_percents: tuple[float | None, ...]


@dataclass(frozen=True)
class CategoryLaureates:
    name: str
    overview: str
    laureates: tuple[Laureate, ...]


@dataclass(frozen=True)
class DistinctionOutcome:
    name: str
    description: str
    awarded: tuple[str, ...]  # "Urząd … (d0021): note"
    nominations: tuple[str, ...]  # "Urząd … (d0021) — j002: reason"


@dataclass(frozen=True)
class MergedPackage:
    juror_id: str
    juror_name: str
    revision: int
    created_at: str
    manifest_sha256: str


@dataclass(frozen=True)
class Protocol:
    front: FrontMatter
    jury: tuple[JuryMember, ...]
    stage_names: tuple[str, ...]
    categories: tuple[CategoryLaureates, ...]
    distinctions: tuple[DistinctionOutcome, ...]
    packages: tuple[MergedPackage, ...]
    fingerprint: tuple[tuple[str, str], ...]  # label → value: code, SHA-256s
    fingerprint_recipe: str


CHAIR_LINE = ("Przewodnictwo Kapituły: ", "Chair of the jury: ")


def grouped_hex(digest: str, group: int = 16) -> str:
    """A long hex digest in groups, so it wraps between groups and reads aloud in pieces."""
    return " ".join(digest[i:i + group] for i in range(0, len(digest), group))


def render_protocol(context: DocumentContext, items: Sequence[Protocol], numbering: Numbering) -> PartResult:
    part = PartBuilder(context, numbering)
    for protocol in items:
        _protocol(part, protocol)
    return part.finish()


def _protocol(part: PartBuilder, p: Protocol) -> None:
    lang, doc = part.lang, part.doc
    front_matter(part, p.front)

    part.heading(pick("1. Skład Kapituły", "1. The jury", lang), 2, outline_level=0)
    chairs = [m for m in p.jury if m.chair]
    if chairs:
        doc.paragraph(pick(CHAIR_LINE[0], CHAIR_LINE[1], lang) + ", ".join(f"{m.name} ({m.juror_id})" for m in chairs),
                      size=9, space_after=4)
    doc.table(["", pick("Imię i nazwisko", "Name", lang), pick("Afiliacja", "Affiliation", lang), pick("Funkcja", "Role", lang)],
              [[str(i), f"{m.name} ({m.juror_id})", m.affiliation, fmt.role_name(m.chair, lang)]
               for i, m in enumerate(p.jury, start=1)],
              widths=[0.05, 0.35, 0.40, 0.20], align=["right", "left", "left", "left"], size=8.5)

    part.heading(pick("2. Laureaci według kategorii", "2. Laureates by category", lang), 2, outline_level=0)
    doc.paragraph(pick("Laureatami są jednostki, które spełniły warunki certyfikacji edycji; kolejność według rankingu "
                       "w kategorii.", "Laureates are the institutions that met the edition's certification rule; "
                       "in the order of the category's ranking.", lang), size=9)
    for category in p.categories:
        part.heading(category.name, 3, outline_level=1)
        doc.paragraph(category.overview, size=8.5, color=(0.3, 0.3, 0.3), space_after=4)
        if not category.laureates:
            doc.paragraph(pick("Żadna jednostka tej kategorii nie spełniła warunków certyfikacji.",
                               "No institution of this category met the certification rule.", lang), size=9, font="italic")
            continue
        stage_width = 0.12
        doc.table([pick("Miejsce", "Place", lang), pick("Jednostka", "Institution", lang), pick("Wynik ważony", "Weighted total", lang),
                   *p.stage_names],
                  [[str(w.place) if w.place is not None else fmt.DASH, f"{w.name} ({w.dossier_id})",
                    fmt.percent(w.total_percent, lang=lang), *(fmt.percent(s, lang=lang) for s in w.stage_percents)]
                   for w in category.laureates],
                  widths=[0.09, 1 - 0.09 - 0.13 - stage_width * len(p.stage_names), 0.13, *[stage_width] * len(p.stage_names)],
                  align=["center", "left", "center", *["center"] * len(p.stage_names)], size=8.5)

    part.heading(pick("3. Wyróżnienia specjalne", "3. Special distinctions", lang), 2, outline_level=0)
    for d in p.distinctions:
        part.heading(f"„{d.name}”" if lang == "pl" else f"“{d.name}”", 3, outline_level=1)
        doc.paragraph(d.description, size=8.5, color=(0.3, 0.3, 0.3), space_after=4)
        if d.awarded:
            doc.bullets([pick("Przyznano: ", "Awarded: ", lang) + a for a in d.awarded], size=9)
        else:
            doc.paragraph(pick("Nie przyznano.", "Not awarded.", lang), size=9, font="italic", space_after=3)
        if d.nominations:
            doc.paragraph(pick("Nominacje członków Kapituły:", "Jurors' nominations:", lang), size=8.5, space_after=2)
            doc.bullets(list(d.nominations), size=8.5)

    part.heading(pick("4. Dane, z których sporządzono protokół", "4. The data this protocol was made from", lang), 2,
                 outline_level=0)
    doc.paragraph(p.fingerprint_recipe, size=8.5)
    doc.key_values(list(p.fingerprint), size=8.5)
    doc.table([pick("Członek Kapituły", "Juror", lang), pick("Wersja", "Revision", lang), pick("Utworzona", "Created", lang),
               pick("SHA-256 manifestu paczki", "SHA-256 of the package manifest", lang)],
              [[f"{m.juror_id} {m.juror_name}", str(m.revision), fmt.timestamp(m.created_at, lang), grouped_hex(m.manifest_sha256)]
               for m in p.packages],
              widths=[0.29, 0.07, 0.2, 0.44], align=["left", "center", "left", "left"], size=7.5)
    if not p.packages:
        doc.paragraph(pick("Nie scalono żadnej paczki ocen.", "No score package has been merged.", lang), size=9, font="italic")

    part.heading(pick("5. Podpisy członków Kapituły", "5. Signatures of the jury", lang), 2, outline_level=0)
    for member in sorted(p.jury, key=lambda m: not m.chair):
        _signature_line(part, member)


def _signature_line(part: PartBuilder, member: JuryMember) -> None:
    """The name (and the chair's role beneath it) on the left, a line to sign on the right."""
    doc, lang = part.doc, part.lang
    doc.ensure_space(34)
    doc.space(22)
    page, y = doc.page, doc.y
    split = doc.left + doc.width * 0.55
    page.text(doc.left, y, fit_text(member.name, split - doc.left - 12, size=9), size=9)
    if member.chair:
        page.text(doc.left, y + 11, fmt.role_name(True, lang), size=7, color=(0.35, 0.35, 0.35))
    page.line(split, y + 2, doc.left + doc.width, y + 2, width=0.6)
    page.text(split, y + 11, pick("podpis", "signature", lang), size=7, color=(0.35, 0.35, 0.35))
    doc.space(12)
