"""One small demo edition for the exchange-file security tests, and the helpers they share.

The demo is made once per session (through the real workflows, so its files are exactly what the
product writes). Tests that change the organizer database get a fresh copy of it; tests that need
a malicious file build it from the demo's files and sign it with the demo keys, so that a file
reaches the check it is aimed at instead of failing at the signature.

Merging does not exist yet: :func:`record_package_as_merged` is a *test helper* that inserts the
``packages`` row a merge would insert, so revision history checks have a history to check.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import sqlite3
import stat
import struct
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from juror_app.exchange import container, package
from juror_app.exchange.keys import fingerprint
from juror_app.store.organizer_schema import open_organizer_db
from juror_app.workflows.demo.generate import DemoSettings, demo_key, generate_demo

DEMO_SETTINGS = DemoSettings(institutions=6, jurors=4, per_dossier=2)


@dataclass(frozen=True)
class ReadBack:
    """Everything a reader accepted from one package: what "changed content" is compared on."""

    manifest_bytes: bytes
    members: dict[str, bytes]
    content: package.PackageContent

    def same_bytes(self, other: "ReadBack") -> bool:
        return self.manifest_bytes == other.manifest_bytes and self.members == other.members


def read_package_fully(path: Path) -> ReadBack:
    """Open, read every member, parse the content: the reader's whole path for one package."""
    with container.open_container(path, container.PACKAGE) as opened:
        members = {name: opened.read(name) for name in sorted(opened.members)}
        content = package.read_package_content(opened)
        return ReadBack(opened.manifest_bytes, members, content)


class RawZip:
    """Hand-made ZIPs: entries written exactly as given, and header fields patched in place."""

    @staticmethod
    def build(entries: list[tuple[str | zipfile.ZipInfo, bytes]], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
        """A ZIP of exactly these entries in this order (duplicates and odd names included)."""
        buffer = io.BytesIO()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about a duplicate name; here it is the point
            with zipfile.ZipFile(buffer, "w") as archive:
                for name, data in entries:
                    archive.writestr(name if isinstance(name, zipfile.ZipInfo) else RawZip.regular(name, method), data)
        return buffer.getvalue()

    @staticmethod
    def regular(name: str, method: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
        """An entry for a regular file, as the product writes it (mode 0644, Unix)."""
        info = zipfile.ZipInfo(name, date_time=(2026, 10, 1, 12, 0, 0))
        info.compress_type = method
        info.create_system = 3
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        return info

    @staticmethod
    def entries(path: Path) -> list[tuple[str, bytes]]:
        """(name, bytes) of every entry of a well-formed container, in archive order (nothing checked)."""
        with zipfile.ZipFile(path) as archive:
            return [(info.filename, archive.read(info)) for info in archive.infolist()]

    @staticmethod
    def central_offsets(data: bytes) -> dict[str, int]:
        """Where each name's central-directory record starts."""
        end = data.rindex(b"PK\x05\x06")
        count, _, position = struct.unpack_from("<HII", data, end + 10)
        offsets: dict[str, int] = {}
        for _ in range(count):
            name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, position + 28)
            offsets[data[position + 46:position + 46 + name_len].decode("utf-8")] = position
            position += 46 + name_len + extra_len + comment_len
        return offsets

    @staticmethod
    def local_offset(data: bytes, name: str) -> int:
        return struct.unpack_from("<I", data, RawZip.central_offsets(data)[name] + 42)[0]

    @staticmethod
    def data_end(data: bytes, name: str) -> int:
        """Offset just past the member's compressed data (from its central record's size)."""
        central = RawZip.central_offsets(data)[name]
        compressed = struct.unpack_from("<I", data, central + 20)[0]
        local = RawZip.local_offset(data, name)
        name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
        return local + 30 + name_len + extra_len + compressed

    @staticmethod
    def set_sizes(data: bytes, name: str, compressed: int, size: int, *, local: bool = True,
                  central: bool = True) -> bytes:
        """Write the member's compressed and uncompressed sizes into its local and/or central header."""
        out = bytearray(data)
        if central:
            struct.pack_into("<II", out, RawZip.central_offsets(data)[name] + 20, compressed, size)
        if local:
            struct.pack_into("<II", out, RawZip.local_offset(data, name) + 18, compressed, size)
        return bytes(out)


@dataclass(frozen=True)
class DemoEdition:
    """The session's demo folder, with its keys tied to the roster's juror ids."""

    root: Path
    settings: DemoSettings
    juror_keys: dict[str, Ed25519PrivateKey]

    @property
    def db_path(self) -> Path:
        return self.root / "organizer.sqlite"

    def package_path(self, juror_id: str = "j001") -> Path:
        return self.root / "packages" / f"{juror_id}-r1.pu-scores"

    def bundle_path(self, juror_id: str = "j001") -> Path:
        return self.root / "bundles" / f"{juror_id}.pu-bundle"

    def exchange_files(self) -> list[Path]:
        return sorted(p for folder in ("bundles", "packages", "enrollments") for p in (self.root / folder).iterdir())

    def organizer_key(self) -> Ed25519PrivateKey:
        return demo_key(self.settings.seed, "organizer")

    def juror_name(self, juror_id: str) -> str:
        with container.open_container(self.package_path(juror_id), container.PACKAGE) as opened:
            return opened.manifest["signer"]["name"]

    def content(self, juror_id: str = "j001") -> package.PackageContent:
        return read_package_fully(self.package_path(juror_id)).content

    def copy_db(self, folder: Path) -> Path:
        """A fresh copy of the organizer database (SQLite backup API: a WAL file must not be copied as a file)."""
        target = folder / "organizer.sqlite"
        source = sqlite3.connect(f"file:{self.db_path.as_posix()}?mode=ro", uri=True)
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            source.close()
            destination.close()
        return target

    def write_package_variant(self, path: Path, *, source: str = "j001", key: Ed25519PrivateKey | None = None,
                              content: package.PackageContent | None = None, **changes: Any) -> Path:
        """A correctly signed package: ``source``'s content with ``changes``, signed by ``key`` (default: its juror's)."""
        base = content if content is not None else self.content(source)
        varied = dataclasses.replace(base, **changes)
        package.write_package(path, juror_key=key or self.juror_keys[source], juror_name=self.juror_name(source),
                              content=varied, created_at=varied.created_at)
        return path

    def sign_container(self, path: Path, kind: container.Kind, *, members: list[container.Member],
                       header: dict[str, Any], signer: dict[str, Any], key: Ed25519PrivateKey) -> Path:
        """Any members under a valid signature (``container.build`` writes whatever it is given)."""
        with path.open("wb") as out:
            container.build(kind, signer_key=key, signer=signer, header=header, members=members, target=out)
        return path


def record_package_as_merged(db: Database, path: Path, *, status: str = "merged",
                             imported_at: str = "2026-11-02T10:00:00Z") -> str:
    """TEST HELPER standing in for the merge: insert the ``packages`` row a merge of ``path`` would.

    Returns the manifest's SHA-256. Only the history row is written (not the scores): that row is
    all that the revision checks (stale, already imported, equivocation, jump) read.
    """
    data = path.read_bytes()
    with container.open_container(path, container.PACKAGE) as opened:
        content = package.read_package_content(opened)
        row = {
            "manifest_sha256": opened.manifest_sha256,
            "juror_id": content.juror_id,
            "revision": content.revision,
            "created_at": content.created_at,
            "imported_at": imported_at,
            "bundle_manifest_sha256": content.bundle_manifest_sha256,
            "key_fingerprint": fingerprint(opened.signer_key),
            "file_sha256": hashlib.sha256(data).hexdigest(),
            "file_size": len(data),
            "original_name": path.name,
            "status": status,
            "scores_count": len(content.scores),
            "manifest_json": opened.manifest_bytes.decode("utf-8"),
        }
    with db.atomic():
        db["packages"].insert(row)
    return row["manifest_sha256"]


def database_dump_sha256(db: Database) -> str:
    """SHA-256 of the database's SQL dump: equal dumps, unchanged data."""
    digest = hashlib.sha256()
    for line in db.conn.iterdump():
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoEdition:
    root = tmp_path_factory.mktemp("exchange-demo") / "demo"
    generate_demo(root, DEMO_SETTINGS)
    db = open_organizer_db(root / "organizer.sqlite")
    try:
        keys: dict[str, Ed25519PrivateKey] = {}
        for n in range(1, DEMO_SETTINGS.jurors + 1):
            key = demo_key(DEMO_SETTINGS.seed, f"juror-{n}")
            row = db.execute("SELECT juror_id FROM juror_keys WHERE fingerprint = ?", [fingerprint(key.public_key())]).fetchone()
            assert row is not None, f"demo key juror-{n} is not in the demo roster"
            keys[row[0]] = key
    finally:
        db.close()
    return DemoEdition(root, DEMO_SETTINGS, keys)


@pytest.fixture
def organizer_db(demo: DemoEdition, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the demo's organizer database, for a test that changes it."""
    folder = tmp_path / "organizer"
    folder.mkdir()
    db = open_organizer_db(demo.copy_db(folder))
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def record_as_merged() -> Callable[..., str]:
    return record_package_as_merged


@pytest.fixture
def dump_sha256() -> Callable[[Database], str]:
    return database_dump_sha256


@pytest.fixture
def read_fully() -> Callable[[Path], ReadBack]:
    return read_package_fully


@pytest.fixture
def raw_zip() -> type[RawZip]:
    return RawZip
