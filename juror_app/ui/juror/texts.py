"""Names the window shows for the core's enumerations, through Qt's translation (context "Names")."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from juror_app.domain.model import DocumentKind, DossierStatus


def status_name(status: DossierStatus) -> str:
    return {
        DossierStatus.NOT_STARTED: QCoreApplication.translate("Names", "not started"),
        DossierStatus.IN_PROGRESS: QCoreApplication.translate("Names", "in progress"),
        DossierStatus.COMPLETE: QCoreApplication.translate("Names", "complete"),
        DossierStatus.RECUSED: QCoreApplication.translate("Names", "recused"),
    }[status]


def status_count(status: DossierStatus, n: int) -> str:
    """How many dossiers have ``status``, with the number's own plural form ("5 nierozpoczętych")."""
    if status is DossierStatus.NOT_STARTED:
        return QCoreApplication.translate("Names", "%n not started", "", n)
    if status is DossierStatus.IN_PROGRESS:
        return QCoreApplication.translate("Names", "%n in progress", "", n)
    if status is DossierStatus.COMPLETE:
        return QCoreApplication.translate("Names", "%n complete", "", n)
    return QCoreApplication.translate("Names", "%n recused", "", n)


def status_explanation(status: DossierStatus) -> str:
    return {
        DossierStatus.NOT_STARTED: QCoreApplication.translate("Names", "No criterion scored yet."),
        DossierStatus.IN_PROGRESS: QCoreApplication.translate(
            "Names", "Some scores or required justifications are still missing."),
        DossierStatus.COMPLETE: QCoreApplication.translate(
            "Names", "Every criterion is scored and every required justification written."),
        DossierStatus.RECUSED: QCoreApplication.translate(
            "Names", "You declared a conflict of interest: this dossier takes no scores from you."),
    }[status]


def kind_name(kind: DocumentKind) -> str:
    return {
        DocumentKind.APPLICATION_FORM: QCoreApplication.translate("Names", "Application form"),
        DocumentKind.QUALITY_POLICY: QCoreApplication.translate("Names", "Quality policy"),
        DocumentKind.MYSTERY_CLIENT_REPORT: QCoreApplication.translate("Names", "Mystery client"),
        DocumentKind.EXTERNAL_INFORMATION: QCoreApplication.translate("Names", "External sources"),
        DocumentKind.OTHER: QCoreApplication.translate("Names", "Other"),
    }[kind]


def points_text(points: float) -> str:
    """Points in the UI language's number format: "2,5" in Polish, "2.5" in English."""
    if float(points).is_integer():
        return str(int(points))
    return QLocale().toString(float(points), "f", 1)


def scale_text(max_points: float, step: float) -> str:
    """A criterion's scale as the juror knows it: "0–5", or "0–10 in steps of 0.5"."""
    top = points_text(max_points)
    if step == 1:
        return QCoreApplication.translate("Names", "0–%1").replace("%1", top)
    return QCoreApplication.translate("Names", "0–%1 in steps of %2").replace("%1", top).replace("%2", points_text(step))


def _bare(name: str, word: str) -> str:
    """"powiat lipski" → "lipski": the word is added by the UI language's own pattern."""
    name = name.strip()
    return name[len(word):].strip() if name.lower().startswith(word + " ") else name


def county_text(county: str) -> str:
    """"powiat lipski" / "lipski county" ("" when the bundle did not say)."""
    if not county.strip():
        return ""
    return QCoreApplication.translate("Names", "%1 county").replace("%1", _bare(county, "powiat"))


def commune_text(commune: str) -> str:
    if not commune.strip():
        return ""
    return QCoreApplication.translate("Names", "%1 commune").replace("%1", _bare(commune, "gmina"))


def place_text(city: str, commune: str, county: str, voivodeship: str) -> str:
    """Where an office is, as precisely as the bundle says: "Dobra, gmina Dobra, powiat turecki, województwo …"."""
    region = QCoreApplication.translate("Names", "%1 voivodeship").replace("%1", voivodeship) if voivodeship else ""
    parts = [city.strip(), commune_text(commune), county_text(county), region]
    return ", ".join(part for part in parts if part)


def distinguishing_place(city: str, commune: str, county: str) -> str:
    """The shortest place that tells an office from another of the same name: its county, else commune, else town."""
    return county_text(county) or commune_text(commune) or city.strip()


def local_time(saved_at: str) -> str:
    """An ISO UTC moment from the store ("2026-05-04T16:42:07Z") as the local wall-clock time "18:42:07"."""
    try:
        moment = datetime.fromisoformat(saved_at)  # Python 3.11 reads the trailing "Z"
    except ValueError:
        return saved_at
    return moment.astimezone().strftime("%H:%M:%S")
