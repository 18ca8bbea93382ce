"""Assignment bundle (organizer → juror): the edition, the juror's dossiers with their PDFs.

Members: ``edition.json`` (stages, categories, criteria with rubric, distinctions, certification
rule), ``roster.json`` (the recipient's roster entry and the organizer's public key),
``dossiers.json`` (the assigned dossiers and their institutions, each document with its SHA-256)
and ``documents/<sha256>.pdf``. The manifest names the edition, the recipient and a revision that
only rises; a juror's app refuses an older bundle and one signed by a key other than the pinned one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from juror_app.domain import codec
from juror_app.domain.codec import Reader
from juror_app.domain.errors import FormatError, SignatureError, ValidationError
from juror_app.domain.model import Dossier, Edition, Institution, Juror
from juror_app.exchange import container, safejson, sshsig
from juror_app.exchange.atomic import write_container
from juror_app.exchange.keys import fingerprint

EDITION = "edition.json"
ROSTER = "roster.json"
DOSSIERS = "dossiers.json"


def document_member(sha256: str) -> str:
    return f"documents/{sha256}.pdf"


@dataclass(frozen=True)
class BundleContent:
    """What a bundle says, once verified."""

    edition: Edition
    juror: Juror
    juror_key_fingerprint: str
    organizer_name: str
    organizer_public_key: Ed25519PublicKey
    institutions: tuple[Institution, ...]
    dossiers: tuple[Dossier, ...]
    revision: int
    created_at: str


def refuse_empty_documents(content: BundleContent) -> None:
    """Refuse a bundle with a 0-byte document before anything is written: every reader refuses one.

    The message names the dossier, its institution and the document, so the organizer knows which
    file to attach again.
    """
    names = {i.id: i.name for i in content.institutions}
    for dossier in content.dossiers:
        for doc in dossier.documents:
            if doc.size <= 0:
                institution = names.get(dossier.institution_id, dossier.institution_id)
                raise ValidationError(
                    "empty_document",
                    pl=f"Teczka {dossier.id} ({institution}): dokument „{doc.title}” jest pusty (0 B). Paczki z przydziałem "
                       "nie zapisano: żaden członek Kapituły nie mógłby jej otworzyć. Dołącz ten dokument ponownie "
                       "(właściwy plik PDF) albo usuń go z teczki, a potem wyślij paczki jeszcze raz.",
                    en=f"Dossier {dossier.id} ({institution}): the document “{doc.title}” is empty (0 B). The assignment "
                       "bundle was not written: no juror could open it. Attach the document again (the right PDF file) "
                       "or remove it from the dossier, then export the bundles again.",
                    dossier=dossier.id, document=doc.id,
                )


def write_bundle(path: Path, *, organizer_key: Ed25519PrivateKey, content: BundleContent,
                 document_path: Callable[[str], Path], created_at: str | None = None) -> bytes:
    """Write a signed bundle; ``document_path(sha256)`` gives the file of each document. Returns the manifest.

    A 0-byte document is refused first (:func:`refuse_empty_documents`); nothing is written then.
    """
    refuse_empty_documents(content)
    organizer_public = organizer_key.public_key()
    roster = {
        "juror": {**codec.juror_to_dict(content.juror), "key_fingerprint": content.juror_key_fingerprint},
        "organizer": {
            "name": content.organizer_name,
            "public_key": sshsig.public_key_to_openssh(organizer_public),
            "fingerprint": fingerprint(organizer_public),
        },
    }
    dossiers = {
        "institutions": [codec.institution_to_dict(i) for i in content.institutions],
        "dossiers": [codec.dossier_to_dict(d) for d in content.dossiers],
    }
    members = [
        container.Member(EDITION, safejson.dumps(codec.edition_to_dict(content.edition))),
        container.Member(ROSTER, safejson.dumps(roster)),
        container.Member(DOSSIERS, safejson.dumps(dossiers, pretty=False)),
    ]
    seen: set[str] = set()
    for dossier in content.dossiers:
        for doc in dossier.documents:
            if doc.sha256 not in seen:
                seen.add(doc.sha256)
                members.append(container.Member(document_member(doc.sha256), path=document_path(doc.sha256),
                                                compress=False, sha256=doc.sha256, size=doc.size))
    return write_container(
        path,
        container.BUNDLE,
        signer_key=organizer_key,
        signer={"role": "organizer", "name": content.organizer_name},
        header={
            "edition_id": content.edition.id,
            "revision": content.revision,
            "recipient": {"juror_id": content.juror.id, "key_fingerprint": content.juror_key_fingerprint},
        },
        members=members,
        created_at=created_at,
    )


def _inconsistent(pl: str, en: str) -> FormatError:
    return FormatError(
        "inconsistent_bundle",
        pl=f"Paczka z przydziałem jest niespójna: {pl}. Poproś organizatora o nową paczkę.",
        en=f"The assignment bundle is inconsistent: {en}. Ask the organizer for a new bundle.",
    )


def check_organizer(opened: container.Opened, pinned: Ed25519PublicKey | None) -> None:
    """Refuse a bundle signed by a key other than the pinned organizer key."""
    if pinned is not None and opened.signer_key.public_bytes_raw() != pinned.public_bytes_raw():
        raise SignatureError(
            "foreign_organizer_key",
            pl=(
                f"Paczkę podpisano innym kluczem ({fingerprint(opened.signer_key)}) niż klucz organizatora "
                f"zapisany przy pierwszym imporcie ({fingerprint(pinned)}). Nie importuj jej; skontaktuj się "
                "z organizatorem telefonicznie i porównaj odcisk klucza."
            ),
            en=(
                f"The bundle was signed by another key ({fingerprint(opened.signer_key)}) than the organizer key "
                f"pinned at the first import ({fingerprint(pinned)}). Do not import it; call the organizer and "
                "compare the key fingerprint."
            ),
        )


def read_bundle_content(opened: container.Opened) -> BundleContent:
    """Parse and cross-check the JSON members of a verified bundle (documents are streamed separately)."""
    head = Reader(opened.manifest, "manifest")
    revision = head.integer("revision", minimum=1)
    recipient = head.obj("recipient")
    edition = codec.edition_from_dict(opened.read_json(EDITION))
    if edition.id != head.ident("edition_id"):
        raise _inconsistent("identyfikator edycji w manifeście i w treści się różni",
                            "the edition id differs between the manifest and the content")
    roster = Reader(opened.read_json(ROSTER), ROSTER)
    juror_reader = roster.obj("juror")
    juror = codec.juror_from_dict(juror_reader.data, "roster.juror")
    juror_key_fp = juror_reader.text("key_fingerprint", min_len=1, max_len=64)
    if juror.id != recipient.ident("juror_id") or juror_key_fp != recipient.text("key_fingerprint", max_len=64):
        raise _inconsistent("adresat w manifeście i w treści się różni", "the recipient differs between manifest and content")
    organizer = roster.obj("organizer")
    organizer_key = sshsig.public_key_from_openssh(organizer.text("public_key", min_len=1, max_len=200))
    if organizer_key.public_bytes_raw() != opened.signer_key.public_bytes_raw():
        raise _inconsistent("klucz organizatora w treści nie jest kluczem podpisu",
                            "the organizer key in the content is not the signing key")
    body = Reader(opened.read_json(DOSSIERS), DOSSIERS)
    institutions = tuple(codec.institution_from_dict(r.data, r.path) for r in body.items("institutions"))
    dossiers = tuple(codec.dossier_from_dict(r.data, r.path) for r in body.items("dossiers"))
    category_ids = {c.id for c in edition.categories}
    institution_ids = {i.id for i in institutions}
    if len(institution_ids) != len(institutions) or len({d.id for d in dossiers}) != len(dossiers):
        raise _inconsistent("powtórzone identyfikatory", "repeated identifiers")
    referenced: set[str] = set()
    for dossier in dossiers:
        if dossier.institution_id not in institution_ids or dossier.category_id not in category_ids:
            raise _inconsistent(f"teczka {dossier.id} wskazuje nieznaną jednostkę lub kategorię",
                                f"dossier {dossier.id} names an unknown institution or category")
        for doc in dossier.documents:
            listed = opened.members.get(document_member(doc.sha256))
            if listed is None or listed.size != doc.size or listed.sha256 != doc.sha256:
                raise _inconsistent(f"brak pliku dokumentu „{doc.title}”", f"the file of document “{doc.title}” is missing")
            referenced.add(document_member(doc.sha256))
    for inst in institutions:
        if inst.category_id not in category_ids:
            raise _inconsistent(f"jednostka {inst.id} w nieznanej kategorii", f"institution {inst.id} in an unknown category")
    extra = {n for n in opened.members if n.startswith("documents/")} - referenced
    if extra:
        raise _inconsistent("pliki dokumentów, których nie wymienia żadna teczka", "document files no dossier names")
    return BundleContent(
        edition=edition,
        juror=juror,
        juror_key_fingerprint=juror_key_fp,
        organizer_name=organizer.text("name", default="", max_len=500),
        organizer_public_key=organizer_key,
        institutions=institutions,
        dossiers=dossiers,
        revision=revision,
        created_at=head.text("created_at", min_len=1, max_len=40),
    )
