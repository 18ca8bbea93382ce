"""``juror-app verify``: say what a file is, who signed it, and whether every check passes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from juror_app.domain.errors import UserError
from juror_app.domain.i18n import count_en, count_pl, pick
from juror_app.exchange import bundle as bundle_format
from juror_app.exchange import container
from juror_app.exchange import package as package_format
from juror_app.exchange.enrollment import read_enrollment
from juror_app.exchange.keys import fingerprint, ssh_fingerprint
from juror_app.workflows.organizer.package_checks import (
    OUTCOME_NAMES,
    Assessment,
    Finding,
    assess_package,
)
from juror_app.workflows.organizer.setup import organizer_public_key


@dataclass
class VerifyReport:
    path: Path
    kind_pl: str = "nieznany"
    kind_en: str = "unknown"
    facts: list[tuple[str, str, str, str]] = field(default_factory=list)  # (label pl, label en, value pl, value en)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.findings) and all(f.ok for f in self.findings)

    def fact(self, label_pl: str, label_en: str, value_pl: str, value_en: str | None = None) -> None:
        """A line of the report's head; the value in both languages when it holds words, not only data."""
        self.facts.append((label_pl, label_en, value_pl, value_pl if value_en is None else value_en))

    def check(self, label_pl: str, label_en: str, error: UserError | None = None) -> bool:
        self.findings.append(Finding(label_pl, label_en, error is None, error.pl if error else "", error.en if error else "",
                                     error.code if error else ""))
        return error is None

    def render(self, lang: str | None = None) -> str:
        lines = [f"{pick('Plik', 'File', lang)}: {self.path}", f"{pick('Rodzaj', 'Kind', lang)}: {pick(self.kind_pl, self.kind_en, lang)}"]
        for label_pl, label_en, value_pl, value_en in self.facts:
            lines.append(f"{pick(label_pl, label_en, lang)}: {pick(value_pl, value_en, lang)}")
        lines.append("")
        for finding in self.findings:
            mark = "OK  " if finding.ok else pick("BŁĄD", "FAIL", lang)
            text = f"[{mark}] {finding.label(lang)}"
            if not finding.ok:
                text += f": {finding.detail(lang)}"
            lines.append(text)
        lines.append("")
        lines.append(pick("Wynik: wszystkie kontrole zakończone pomyślnie." if self.ok else "Wynik: plik NIE przeszedł kontroli.",
                          "Result: every check passed." if self.ok else "Result: the file did NOT pass the checks.", lang))
        return "\n".join(lines)


def package_contents(summary: dict[str, int], log_entries: int) -> tuple[str, str]:
    """A score package's counts, in Polish and in English, each number with its own plural form."""
    polish = ", ".join([
        count_pl(summary["dossiers"], "teczka", "teczki", "teczek"),
        count_pl(summary["scores"], "ocena", "oceny", "ocen"),
        count_pl(summary["complete"], "ukończona", "ukończone", "ukończonych"),  # teczka: feminine
        f"{summary['in_progress']} w toku",
        count_pl(summary["recused"], "wyłączenie", "wyłączenia", "wyłączeń"),
        count_pl(log_entries, "wpis dziennika", "wpisy dziennika", "wpisów dziennika"),
    ])
    english = ", ".join([
        count_en(summary["dossiers"], "dossier", "dossiers"),
        count_en(summary["scores"], "score", "scores"),
        f"{summary['complete']} complete",
        f"{summary['in_progress']} in progress",
        f"{summary['recused']} recused",
        count_en(log_entries, "log entry", "log entries"),
    ])
    return polish, english


def bundle_contents(dossiers: int, documents: int, criteria: int) -> tuple[str, str]:
    """An assignment bundle's counts, in Polish and in English."""
    return (
        f"{count_pl(dossiers, 'teczka', 'teczki', 'teczek')}, {count_pl(documents, 'dokument', 'dokumenty', 'dokumentów')}, "
        f"{count_pl(criteria, 'kryterium', 'kryteria', 'kryteriów')}",
        f"{count_en(dossiers, 'dossier', 'dossiers')}, {count_en(documents, 'document', 'documents')}, "
        f"{count_en(criteria, 'criterion', 'criteria')}",
    )


def _null_sink(_: bytes) -> None:
    return None


def verify_file(path: Path, *, organizer_db: Database | None = None) -> VerifyReport:
    """Check ``path`` completely: structure, signature, every member's hash, content, and with a database, trust."""
    report = VerifyReport(Path(path))
    try:
        opened = container.open_container(path)
    except UserError as exc:
        report.check("Struktura pliku i podpis", "File structure and signature", exc)
        return report
    with opened:
        report.kind_pl, report.kind_en = opened.kind.label_pl, opened.kind.label_en
        signer = opened.manifest.get("signer", {})
        who = signer.get("name") or "—"
        if signer.get("id"):
            who = f"{who} ({signer['id']})"
        report.fact("Podpisał", "Signed by", who)
        report.fact("Odcisk klucza", "Key fingerprint", f"{fingerprint(opened.signer_key)}  [{ssh_fingerprint(opened.signer_key)}]")
        report.fact("Utworzono", "Created", str(opened.manifest.get("created_at", "—")))
        report.fact("Wersja", "Revision", str(opened.manifest.get("revision", "—")))
        report.fact("Edycja", "Edition", str(opened.manifest.get("edition_id") or "—"))
        report.fact("Skrót manifestu (SHA-256)", "Manifest SHA-256", opened.manifest_sha256)
        report.check("Struktura pliku i podpis", "File structure and signature")
        try:
            for name in sorted(opened.members):
                opened.stream(name, _null_sink)
        except UserError as exc:
            report.check("Skróty SHA-256 wszystkich elementów", "SHA-256 of every member", exc)
            return report
        report.check(f"Skróty SHA-256 wszystkich elementów ({len(opened.members)})",
                     f"SHA-256 of every member ({len(opened.members)})")
        if opened.kind is container.PACKAGE:
            _verify_package(report, opened, organizer_db)
        elif opened.kind is container.BUNDLE:
            _verify_bundle(report, opened, organizer_db)
        else:
            _verify_enrollment(report, path, organizer_db)
    return report


def _verify_package(report: VerifyReport, opened: container.Opened, db: Database | None) -> None:
    try:
        content = package_format.read_package_content(opened)
    except UserError as exc:
        report.check("Treść paczki i dziennik zmian", "Package content and edit log", exc)
        return
    report.fact("Zawartość", "Content", *package_contents(content.summary(), len(content.log_lines)))
    report.check("Treść paczki i dziennik zmian (łańcuch skrótów, odtworzenie ocen)",
                 "Package content and edit log (hash chain, replay equals scores)")
    if db is None:
        report.fact("Uwaga", "Note", "bez --db nie sprawdzono, czy klucz należy do składu Kapituły",
                    "without --db the key was not checked against the roster")
        return
    assessment: Assessment = assess_package(db, opened, content)
    report.findings.extend(assessment.findings)
    name_pl, name_en = OUTCOME_NAMES[assessment.outcome]
    report.fact("Scalenie", "Merge", name_pl, name_en)


def _verify_bundle(report: VerifyReport, opened: container.Opened, db: Database | None) -> None:
    try:
        content = bundle_format.read_bundle_content(opened)
    except UserError as exc:
        report.check("Treść paczki z przydziałem", "Bundle content", exc)
        return
    report.fact("Adresat", "Recipient", f"{content.juror.name} ({content.juror.id})")
    report.fact("Zawartość", "Content", *bundle_contents(
        len(content.dossiers), sum(len(d.documents) for d in content.dossiers), len(content.edition.criteria)))
    report.check("Treść paczki z przydziałem (edycja, adresat, dokumenty)", "Bundle content (edition, recipient, documents)")
    if db is None:
        report.fact("Uwaga", "Note", "bez --db nie sprawdzono, czy podpisał ją klucz organizatora tej edycji",
                    "without --db the signer was not checked against this edition's organizer key")
        return
    try:
        bundle_format.check_organizer(opened, organizer_public_key(db))
        report.check("Podpis klucza organizatora tej edycji", "Signed by this edition's organizer key")
    except UserError as exc:
        report.check("Podpis klucza organizatora tej edycji", "Signed by this edition's organizer key", exc)
    issued = db.execute("SELECT juror_id, revision FROM bundles WHERE manifest_sha256 = ?", [opened.manifest_sha256]).fetchone()
    report.check("Paczka wydana przez organizatora", "Bundle issued by the organizer", None if issued else UserError(
        "bundle_not_issued",
        pl="Ta baza nie odnotowała wydania tej paczki.",
        en="This database has no record of issuing this bundle.",
    ))


def _verify_enrollment(report: VerifyReport, path: Path, db: Database | None) -> None:
    try:
        enrollment = read_enrollment(path)
    except UserError as exc:
        report.check("Treść zgłoszenia", "Enrollment content", exc)
        return
    report.fact("Zgłaszający", "Applicant", f"{enrollment.name}, {enrollment.affiliation}")
    report.check("Treść zgłoszenia (klucz zgodny z podpisem)", "Enrollment content (key matches the signature)")
    if db is not None:
        row = db.execute("SELECT juror_id FROM juror_keys WHERE fingerprint = ?", [enrollment.fingerprint]).fetchone()
        report.fact("Skład Kapituły", "Roster",
                    f"klucz już w składzie (członek {row[0]})" if row else "klucz jeszcze nie dodany do składu",
                    f"key already in the roster (juror {row[0]})" if row else "key not yet in the roster")
