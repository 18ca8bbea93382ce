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
from itertools import chain, repeat
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from juror_app.domain import edit_log
from juror_app.domain.codec import (
    Reader,
    are_idents,
    are_numbers,
    are_texts,
    json_points,
)
from juror_app.domain.errors import FormatError
from juror_app.domain.model import ConflictDeclaration, DossierStatus, Nomination, Score
from juror_app.exchange import container, safejson
from juror_app.exchange.atomic import write_container

SCORES = "scores.json"
LOG = "log.jsonl"
MAX_REVISION = 2**31
MAX_POINTS = 1000
MAX_TEXT = 20_000
MAX_STAMP = 40
MAX_ITEMS = 1_000_000  # Reader.items' default
_SCORE_KEYS = ("dossier", "criterion", "points", "justification", "updated_at")
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


def _score_columns(body: Reader) -> tuple[list[str], list[str], list[float], list[str], list[str]]:
    """The scores' dossier, criterion, points, justification and update time, as five columns.

    Checked column by column first (codec's ``are_*``: a few C calls for 1,000 scores); if any
    column fails, every score is read with ``Reader``, which refuses at the first bad field.
    """
    items = body.data.get("scores", [])
    if type(items) is list and len(items) <= MAX_ITEMS and set(map(type, items)) <= {dict}:
        dossiers, criteria, points, justifications, updated = (list(map(dict.get, items, repeat(key))) for key in _SCORE_KEYS)
        if (are_idents(dossiers) and are_idents(criteria) and are_numbers(points, minimum=0, maximum=MAX_POINTS)
                and are_texts(justifications, max_len=MAX_TEXT) and are_texts(updated, min_len=1, max_len=MAX_STAMP)):
            return dossiers, criteria, list(map(float, points)), justifications, updated
    rows = [(r.ident("dossier"), r.ident("criterion"), r.number("points", minimum=0, maximum=MAX_POINTS),
             r.text("justification", max_len=MAX_TEXT), r.text("updated_at", min_len=1, max_len=MAX_STAMP))
            for r in body.items("scores", max_items=MAX_ITEMS)]
    dossiers, criteria, points, justifications, updated = (list(column) for column in zip(*rows)) if rows else ([], [], [], [], [])
    return dossiers, criteria, points, justifications, updated


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
    score_columns = _score_columns(body)
    dossier_col, criterion_col, points_col, justification_col, _ = score_columns
    scores = tuple(map(Score, repeat(juror_id), *score_columns))
    conflicts = tuple(
        ConflictDeclaration(juror_id, r.ident("dossier"), r.text("reason", min_len=1, max_len=MAX_TEXT),
                            r.text("declared_at", min_len=1, max_len=MAX_STAMP))
        for r in body.items("conflicts")
    )
    nominations = tuple(
        Nomination(juror_id, r.ident("dossier"), r.ident("distinction"), r.text("reason", min_len=1, max_len=MAX_TEXT),
                   r.text("nominated_at", min_len=1, max_len=MAX_STAMP))
        for r in body.items("nominations")
    )
    if len(set(zip(dossier_col, criterion_col))) != len(scores):
        raise _inconsistent("ocena powtórzona", "a score appears twice")
    if len({c.dossier_id for c in conflicts}) != len(conflicts):
        raise _inconsistent("konflikt interesów powtórzony", "a conflict declaration appears twice")
    if len({(n.dossier_id, n.distinction_id) for n in nominations}) != len(nominations):
        raise _inconsistent("nominacja powtórzona", "a nomination appears twice")
    for dossier_id in chain(dossier_col, (c.dossier_id for c in conflicts), (n.dossier_id for n in nominations)):
        if dossier_id not in statuses:
            raise _inconsistent(f"dane teczki {dossier_id}, której nie ma na liście", f"data for dossier {dossier_id} not in the list")
    recused = {c.dossier_id for c in conflicts}
    for dossier, status in statuses.items():
        if (status is DossierStatus.RECUSED) != (dossier in recused):
            raise _inconsistent(f"status teczki {dossier} nie zgadza się z deklaracją konfliktu",
                                f"the status of dossier {dossier} disagrees with the conflict declaration")
    if not set(criteria).issuperset(criterion_col):
        raise _inconsistent("ocena kryterium spoza listy kryteriów", "a score for a criterion not in the list")
    if not recused.isdisjoint(dossier_col):
        raise _inconsistent("oceny teczki, z której oceniający się wyłączył", "scores for a dossier the juror recused from")

    try:
        log_text = opened.read(LOG).decode("utf-8")
    except UnicodeDecodeError:
        raise _inconsistent("dziennik zmian nie jest tekstem UTF-8", "the edit log is not UTF-8 text") from None
    if log_text and not log_text.endswith("\n"):
        raise _inconsistent("dziennik zmian urwany", "the edit log is truncated")
    # "\n" only: str.splitlines() also splits on U+2028, U+2029 and U+0085, which canonical JSON
    # (ensure_ascii=False) leaves raw inside a string, e.g. in a justification pasted from Word.
    lines = tuple(log_text[:-1].split("\n")) if log_text else ()
    entries, log_head = edit_log.parse_and_verify(lines)
    declared_log = head.obj("log")
    if declared_log.integer("entries") != len(lines) or declared_log.text("head", max_len=64) != log_head:
        raise _inconsistent("dziennik zmian nie zgadza się z manifestem", "the edit log does not match the manifest")
    state = edit_log.replay(entries)
    listed = set(statuses)
    covered = set(criteria)
    replayed_scores = {k: v for k, v in state.scores.items() if k[0] in listed and k[1] in covered}
    given_scores = dict(zip(zip(dossier_col, criterion_col), zip(points_col, justification_col)))
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
        created_at=head.text("created_at", min_len=1, max_len=MAX_STAMP),
        criteria=criteria,
    )
    summary = head.obj("summary")
    if summary.data != content.summary():
        raise _inconsistent("podsumowanie w manifeście nie zgadza się z treścią", "the summary in the manifest does not match the content")
    return content
