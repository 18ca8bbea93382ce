"""The juror's own score sheet, printed from the local store — at any time, also before exporting.

It uses the organizer's sheet layout (:mod:`juror_app.reports.score_sheet`) and says where its data
stand: the number of entries in the edit log and the code of the last one. The exported package's
manifest names the same entry (``log.head``) and the organizer's sheet prints the same code, so the
juror can check that the organizer's printout shows exactly what they scored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from juror_app.domain import edit_log
from juror_app.domain.errors import UserError, ValidationError
from juror_app.domain.i18n import current_language, pick
from juror_app.fsutil import atomic_write
from juror_app.reports import formatting as fmt
from juror_app.reports.assembly import DocumentInfo, assemble
from juror_app.reports.fingerprint import short_code
from juror_app.reports.formatting import log_state, stage_short
from juror_app.reports.page_style import DocumentContext
from juror_app.reports.parallel import PartJob, cancelled_error, render_parts
from juror_app.reports.score_sheet import (
    JurorSheet,
    SheetDossier,
    SheetScore,
    SheetStage,
    render_sheets,
)
from juror_app.workflows.juror.profile import profile_info
from juror_app.workflows.juror.queries import dossier_rows, dossier_scoring

TITLE = ("Karta oceny członka Kapituły", "Juror's score sheet")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JurorSheetDocument:
    pdf: bytes
    pages: int
    code: str  # the code of the last edit-log entry, printed on every page
    log_entries: int
    replaced: tuple[str, ...] = ()  # characters no embedded font has: printed as marked boxes

    def notice(self, lang: str | None = None) -> str:
        """What to tell the juror about :attr:`replaced` ("" when nothing was replaced)."""
        return fmt.replacement_notice(self.replaced, lang)


def build_juror_sheet(db: Database, *, lang: str | None = None, generated_at: datetime | None = None,
                      progress: Callable[[int, int, str], None] = lambda *_: None,
                      cancelled: Callable[[], bool] = lambda: False) -> JurorSheetDocument:
    """The sheet of the juror whose profile ``db`` is, as the store holds it now."""
    lang = lang or current_language()
    generated_at = (generated_at or datetime.now(timezone.utc)).replace(microsecond=0)
    with db.atomic():  # one consistent state: the log's last entry describes exactly these scores
        sheet, entries, head, edition_name = _read(db, lang, progress, cancelled)
    context = DocumentContext(
        lang=lang, title=pick(*TITLE, lang), edition=edition_name, code=short_code(head),
        code_label=pick("Stan ocen", "State of scores", lang), generated_at=generated_at, author=sheet.name,
        subject=pick(*TITLE, lang), keywords=f"Przyjazny Urząd; {sheet.juror_id}; {short_code(head)}",
    )
    parts = render_parts([PartJob(render_sheets, (sheet,))], context, cancelled=cancelled)
    info = DocumentInfo(title=f"{pick(*TITLE, lang)}: {sheet.name}", lang=lang, created=generated_at, author=sheet.name,
                        subject=pick(*TITLE, lang), keywords=context.keywords, fingerprint=head)
    pdf = assemble(parts, info)
    replaced = fmt.replaced_characters(parts)
    if replaced:
        log.info("score sheet: %s", fmt.replacement_notice(replaced, "en"))
    progress(1, 1, pick("Gotowe.", "Done.", lang))
    return JurorSheetDocument(pdf, parts[0].pages, short_code(head), entries, replaced)


def write_juror_sheet(db: Database, out: Path | str, **options) -> JurorSheetDocument:
    """``build_juror_sheet`` and write the PDF atomically."""
    out = Path(out)
    if not out.parent.is_dir():
        raise UserError("no_such_folder", pl=f"Nie ma folderu „{out.parent}”. Wybierz istniejący folder.",
                        en=f"There is no folder “{out.parent}”. Choose an existing folder.")
    document = build_juror_sheet(db, **options)
    try:
        atomic_write(out, document.pdf)
    except OSError as exc:
        raise UserError("report_save_failed",
                        pl=f"Nie udało się zapisać pliku {out}: {exc.strerror or exc}. Sprawdź miejsce na dysku.",
                        en=f"Could not save the file {out}: {exc.strerror or exc}. Check the free disk space.") from exc
    return document


def _read(db: Database, lang: str, progress, cancelled) -> tuple[JurorSheet, int, str, str]:
    info = profile_info(db)
    bundle = db.execute("SELECT revision, created_at FROM bundles WHERE is_current = 1").fetchone()
    rows = dossier_rows(db)
    if bundle is None or info.juror_id is None or not rows:
        raise ValidationError("no_assignment", pl="Nie zaimportowano jeszcze paczki z przydziałem: karta oceny nie ma "
                              "czego pokazać.", en="No assignment bundle has been imported yet: the score sheet has "
                              "nothing to show.")
    last = db.execute("SELECT seq, entry_hash FROM edit_log ORDER BY seq DESC LIMIT 1").fetchone()
    entries, head = (last[0], last[1]) if last else (0, edit_log.GENESIS)
    exported = db.execute("SELECT revision, created_at FROM exports WHERE manifest_sha256 != ''"
                          " ORDER BY revision DESC LIMIT 1").fetchone()
    declared = dict(db.execute("SELECT dossier_id, declared_at FROM conflicts").fetchall())
    names = dict(db.execute("SELECT id, name FROM distinctions").fetchall())
    edition_name = db.execute("SELECT name FROM edition LIMIT 1").fetchone()[0]
    dossiers = []
    for index, row in enumerate(rows):
        if cancelled():
            raise cancelled_error()
        d = dossier_scoring(db, row.dossier_id)
        criteria = {s.criterion.id: s.criterion for s in d.criteria}
        dossiers.append(SheetDossier(
            dossier_id=d.dossier_id, institution=d.institution.name, category=d.category, city=d.institution.city,
            status=d.status.value,
            conflict=(d.conflict_reason, declared.get(d.dossier_id, "")) if d.conflict_reason is not None else None,
            scores=tuple(SheetScore(s.criterion.code, s.criterion.name, s.criterion.max_points, s.points, s.justification)
                         for s in d.criteria),
            stages=tuple(SheetStage(stage_short(t.stage.value, lang), t.points, t.max_points, t.scored, t.criteria)
                         for t in d.stages),
            total_percent=d.weighted_percent,
            nominations=tuple((names.get(k, k), reason) for k, reason in d.nominations.items()),
            missing=tuple(m.message(criteria[m.criterion_id].name if m.criterion_id in criteria else "", lang)
                          for m in d.missing),
        ))
        progress(index + 1, len(rows) + 1, pick("Karta oceny…", "Score sheet…", lang))
    export_text = (pick(f"wersja {exported[0]}, {fmt.timestamp(exported[1], lang)}; następna będzie wersją {exported[0] + 1}",
                        f"revision {exported[0]}, {fmt.timestamp(exported[1], lang)}; the next will be revision {exported[0] + 1}",
                        lang) if exported else pick("jeszcze nie eksportowano", "not exported yet", lang))
    source = (
        (pick("Przydział", "Assignment", lang), pick(f"paczka z przydziałem, wersja {bundle[0]} ({fmt.timestamp(bundle[1], lang)})",
                                                       f"assignment bundle, revision {bundle[0]} ({fmt.timestamp(bundle[1], lang)})",
                                                       lang)),
        (pick("Klucz podpisu", "Signing key", lang), info.fingerprint),
        (pick("Stan ocen (dziennik)", "State of scores (log)", lang), log_state(entries, head, lang)),
        (pick("Ostatni eksport", "Last export", lang), export_text),
    )
    note = pick("Wydruk z programu członka Kapituły. Kod stanu ocen w stopce to kod ostatniego wpisu dziennika zmian: "
                "paczka ocen wyeksportowana w tym stanie i karta wydrukowana przez organizatora po jej scaleniu podają "
                "ten sam kod.",
                "Printed from the juror's program. The state code in the footer is the code of the edit log's last entry: "
                "a package exported in this state, and the sheet the organizer prints after merging it, show the same code.",
                lang)
    sheet = JurorSheet(info.juror_id, info.name, info.affiliation, None, source, tuple(dossiers), note)
    return sheet, entries, head, edition_name
