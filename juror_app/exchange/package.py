"""Score package (juror → organizer): every score and justification, statuses, conflicts,
nominations, the bundle it was made against, a revision, and the hash-chained log of edits.

Members: ``scores.json`` (the juror's current data for every assigned dossier) and ``log.jsonl``
(one canonical JSON line per edit, each holding the hash of the line before). The reader checks
that the log is an unbroken chain whose head the signed manifest names, and that replaying it
gives exactly the data in ``scores.json`` for the dossiers and criteria it lists (a criterion
withdrawn by a newer bundle keeps its scores on the laptop and in the log, but not in the package).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from juror_app.domain import edit_log
from juror_app.domain.codec import Reader, json_points
from juror_app.domain.errors import FormatError
from juror_app.domain.model import ConflictDeclaration, DossierStatus, Nomination, Score
from juror_app.exchange import container, safejson
from juror_app.exchange.atomic import write_container

SCORES = "scores.json"
LOG = "log.jsonl"
MAX_REVISION = 2**31
_STATUSES = tuple(s.value for s in DossierStatus)


@dataclass(frozen=True)
class PackageContent:
    edition_id: str
    juror_id: str
    revision: int
    bundle_manifest_sha256: str
    bundle_revision: int
    statuses: dict[str, DossierStatus]
    scores: tuple[Score, ...]
    conflicts: tuple[ConflictDeclaration, ...]
    nominations: tuple[Nomination, ...]
    log_lines: tuple[str, ...]
    created_at: str = ""
    criteria: tuple[str, ...] = ()  # the criteria this package covers (the edition's, when it was made)

    def summary(self) -> dict[str, int]:
        counts = {s.value: 0 for s in DossierStatus}
        for status in self.statuses.values():
            counts[status.value] += 1
        return {"dossiers": len(self.statuses), **counts, "scores": len(self.scores)}


def _body(content: PackageContent) -> dict:
    return {
        "edition_id": content.edition_id,
        "juror_id": content.juror_id,
        "criteria": sorted(content.criteria),
        "dossiers": [{"dossier": d, "status": s.value} for d, s in sorted(content.statuses.items())],
        "scores": [
            {
                "dossier": s.dossier_id, "criterion": s.criterion_id, "points": json_points(s.points),
                "justification": s.justification, "updated_at": s.updated_at,
            }
            for s in sorted(content.scores, key=lambda s: (s.dossier_id, s.criterion_id))
        ],
        "conflicts": [
            {"dossier": c.dossier_id, "reason": c.reason, "declared_at": c.declared_at}
            for c in sorted(content.conflicts, key=lambda c: c.dossier_id)
        ],
        "nominations": [
            {"dossier": n.dossier_id, "distinction": n.distinction_id, "reason": n.reason, "nominated_at": n.nominated_at}
            for n in sorted(content.nominations, key=lambda n: (n.dossier_id, n.distinction_id))
        ],
    }


def write_package(path: Path, *, juror_key: Ed25519PrivateKey, juror_name: str, content: PackageContent,
                  created_at: str | None = None) -> bytes:
    """Write a signed score package atomically; return the manifest bytes."""
    log_bytes = "".join(line + "\n" for line in content.log_lines).encode("utf-8")
    head = edit_log.head_of(content.log_lines)  # the chain is built and checked where lines are made
    return write_container(
        path,
        container.PACKAGE,
        signer_key=juror_key,
        signer={"role": "juror", "id": content.juror_id, "name": juror_name},
        header={
            "edition_id": content.edition_id,
            "juror_id": content.juror_id,
            "revision": content.revision,
            "bundle": {"manifest_sha256": content.bundle_manifest_sha256, "revision": content.bundle_revision},
            "summary": content.summary(),
            "log": {"entries": len(content.log_lines), "head": head},
        },
        members=[
            container.Member(SCORES, safejson.dumps(_body(content), pretty=False)),
            container.Member(LOG, log_bytes),
        ],
        created_at=created_at,
    )


def _inconsistent(pl: str, en: str) -> FormatError:
    return FormatError(
        "inconsistent_package",
        pl=f"Paczka ocen jest niespójna: {pl}. Poproś członka Kapituły o nowy eksport.",
        en=f"The score package is inconsistent: {en}. Ask the juror for a new export.",
    )


def _sha(r: Reader, key: str) -> str:
    value = r.text(key, min_len=64, max_len=64)
    if any(ch not in "0123456789abcdef" for ch in value):
        raise _inconsistent("zły skrót paczki z przydziałem", "bad bundle hash")
    return value


def read_package_content(opened: container.Opened) -> PackageContent:
    """Parse a verified package and check it against its own log and manifest."""
    head = Reader(opened.manifest, "manifest")
    edition_id = head.ident("edition_id")
    juror_id = head.ident("juror_id")
    revision = head.integer("revision", minimum=1, maximum=2**53)
    bundle = head.obj("bundle")
    signer = head.obj("signer")
    if signer.text("role", max_len=20) != "juror" or signer.ident("id") != juror_id:
        raise _inconsistent("podpisujący nie jest członkiem Kapituły z manifestu", "the signer is not the juror the manifest names")
    body = Reader(opened.read_json(SCORES), SCORES)
    if body.ident("edition_id") != edition_id or body.ident("juror_id") != juror_id:
        raise _inconsistent("edycja lub członek Kapituły w treści różni się od manifestu",
                            "the edition or juror in the content differs from the manifest")
    criteria_raw = body.data.get("criteria")
    if not isinstance(criteria_raw, list) or not all(isinstance(c, str) for c in criteria_raw) \
            or len(set(criteria_raw)) != len(criteria_raw) or len(criteria_raw) > 1000:
        raise _inconsistent("brak listy kryteriów", "the list of criteria is missing")
    criteria = tuple(criteria_raw)
    statuses: dict[str, DossierStatus] = {}
    for r in body.items("dossiers"):
        dossier = r.ident("dossier")
        if dossier in statuses:
            raise _inconsistent(f"teczka {dossier} wymieniona dwa razy", f"dossier {dossier} listed twice")
        statuses[dossier] = DossierStatus(r.choice("status", _STATUSES))
    scores = tuple(
        Score(juror_id, r.ident("dossier"), r.ident("criterion"), r.number("points", minimum=0, maximum=1000),
              r.text("justification", max_len=20_000), r.text("updated_at", min_len=1, max_len=40))
        for r in body.items("scores")
    )
    conflicts = tuple(
        ConflictDeclaration(juror_id, r.ident("dossier"), r.text("reason", min_len=1, max_len=20_000),
                            r.text("declared_at", min_len=1, max_len=40))
        for r in body.items("conflicts")
    )
    nominations = tuple(
        Nomination(juror_id, r.ident("dossier"), r.ident("distinction"), r.text("reason", min_len=1, max_len=20_000),
                   r.text("nominated_at", min_len=1, max_len=40))
        for r in body.items("nominations")
    )
    if len({(s.dossier_id, s.criterion_id) for s in scores}) != len(scores):
        raise _inconsistent("ocena powtórzona", "a score appears twice")
    if len({c.dossier_id for c in conflicts}) != len(conflicts):
        raise _inconsistent("konflikt interesów powtórzony", "a conflict declaration appears twice")
    if len({(n.dossier_id, n.distinction_id) for n in nominations}) != len(nominations):
        raise _inconsistent("nominacja powtórzona", "a nomination appears twice")
    for item in (*scores, *conflicts, *nominations):
        if item.dossier_id not in statuses:
            raise _inconsistent(f"dane teczki {item.dossier_id}, której nie ma na liście", f"data for dossier {item.dossier_id} not in the list")
    recused = {c.dossier_id for c in conflicts}
    for dossier, status in statuses.items():
        if (status is DossierStatus.RECUSED) != (dossier in recused):
            raise _inconsistent(f"status teczki {dossier} nie zgadza się z deklaracją konfliktu",
                                f"the status of dossier {dossier} disagrees with the conflict declaration")
    if any(s.criterion_id not in criteria for s in scores):
        raise _inconsistent("ocena kryterium spoza listy kryteriów", "a score for a criterion not in the list")
    if any(s.dossier_id in recused for s in scores):
        raise _inconsistent("oceny teczki, z której oceniający się wyłączył", "scores for a dossier the juror recused from")

    try:
        log_text = opened.read(LOG).decode("utf-8")
    except UnicodeDecodeError:
        raise _inconsistent("dziennik zmian nie jest tekstem UTF-8", "the edit log is not UTF-8 text") from None
    if log_text and not log_text.endswith("\n"):
        raise _inconsistent("dziennik zmian urwany", "the edit log is truncated")
    lines = tuple(log_text.splitlines())
    entries, log_head = edit_log.parse_and_verify(lines)
    declared_log = head.obj("log")
    if declared_log.integer("entries") != len(lines) or declared_log.text("head", max_len=64) != log_head:
        raise _inconsistent("dziennik zmian nie zgadza się z manifestem", "the edit log does not match the manifest")
    state = edit_log.replay(entries)
    listed = set(statuses)
    covered = set(criteria)
    replayed_scores = {k: v for k, v in state.scores.items() if k[0] in listed and k[1] in covered}
    given_scores = {(s.dossier_id, s.criterion_id): (s.points, s.justification) for s in scores}
    if replayed_scores != given_scores:
        raise _inconsistent("oceny nie zgadzają się z dziennikiem zmian", "the scores do not match the edit log")
    if {k: v for k, v in state.conflicts.items() if k in listed} != {c.dossier_id: c.reason for c in conflicts}:
        raise _inconsistent("konflikty interesów nie zgadzają się z dziennikiem zmian", "the conflicts do not match the edit log")
    if {k: v for k, v in state.nominations.items() if k[0] in listed} != {
        (n.dossier_id, n.distinction_id): n.reason for n in nominations
    }:
        raise _inconsistent("nominacje nie zgadzają się z dziennikiem zmian", "the nominations do not match the edit log")
    content = PackageContent(
        edition_id=edition_id,
        juror_id=juror_id,
        revision=revision,
        bundle_manifest_sha256=_sha(bundle, "manifest_sha256"),
        bundle_revision=bundle.integer("revision", minimum=1),
        statuses=statuses,
        scores=scores,
        conflicts=conflicts,
        nominations=nominations,
        log_lines=lines,
        created_at=head.text("created_at", min_len=1, max_len=40),
        criteria=criteria,
    )
    summary = head.obj("summary")
    if summary.data != content.summary():
        raise _inconsistent("podsumowanie w manifeście nie zgadza się z treścią", "the summary in the manifest does not match the content")
    return content
