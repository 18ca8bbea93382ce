"""Documents on disk beside the database, named by the SHA-256 of their bytes.

Content addressing makes a document's identity its content: the same PDF in two bundles is stored
once, and a file changed on disk is noticed when it is read (its hash no longer matches its name).
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from pathlib import Path
from typing import BinaryIO, Iterator

from juror_app.domain.errors import StoreError
from juror_app.fsutil import atomic_output, atomic_write

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class BlobStore:
    """A folder of files named ``a/abcdef….pdf`` by their SHA-256 (16 sub-folders: creating a folder is
    slow on some file systems, and a few thousand files per folder are no burden)."""

    def __init__(self, root: Path, suffix: str = ".pdf") -> None:
        self.root = Path(root)
        self.suffix = suffix
        self._made: set[str] = set()

    def _folder_for(self, sha256: str) -> Path:
        folder = self.root / sha256[:1]
        if sha256[:1] not in self._made:
            folder.mkdir(parents=True, exist_ok=True)
            self._made.add(sha256[:1])
        return folder

    @classmethod
    def beside(cls, database_path: Path) -> "BlobStore":
        """The store that belongs to a database file: ``edition.sqlite`` → ``edition.documents/``."""
        database_path = Path(database_path)
        return cls(database_path.with_name(database_path.stem + ".documents"))

    def path(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:1] / f"{sha256}{self.suffix}"

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, data: bytes, expected_sha256: str | None = None, *, durable: bool = True) -> str:
        """Store ``data``; return its SHA-256. Nothing is written when ``expected_sha256`` does not match.

        ``durable=False`` is for bulk imports that call :func:`juror_app.fsutil.flush_to_disk` once
        before committing the rows that refer to the documents.
        """
        digest = hashlib.sha256(data).hexdigest()
        if expected_sha256 is not None and digest != expected_sha256:
            raise StoreError(
                "blob_hash_mismatch",
                pl="Zawartość dokumentu nie zgadza się z jego skrótem SHA-256; dokumentu nie zapisano.",
                en="The document's content does not match its SHA-256; it was not stored.",
            )
        target = self.path(digest)
        if not target.is_file():
            self._folder_for(digest)
            atomic_write(target, data, durable=durable)
        return digest

    @contextlib.contextmanager
    def incoming(self, sha256: str, *, durable: bool = False) -> Iterator[BinaryIO]:
        """A file to stream a document into; it takes its name only if the block ends normally.

        The caller verifies the content inside the block (e.g. ``Opened.stream`` raises at the end
        when the hash differs), so a wrong or interrupted document never appears under its hash.
        """
        target = self.path(sha256)
        self._folder_for(sha256)
        with atomic_output(target, durable=durable) as out:
            yield out

    def read(self, sha256: str) -> bytes:
        """Return the document's bytes after checking them against their name."""
        target = self.path(sha256)
        try:
            data = target.read_bytes()
        except FileNotFoundError as exc:
            raise StoreError(
                "document_missing",
                pl=f"Brak pliku dokumentu ({sha256[:12]}…) w folderze danych. Zaimportuj ponownie paczkę z przydziałem.",
                en=f"The document file ({sha256[:12]}…) is missing from the data folder. Import the assignment bundle again.",
            ) from exc
        if hashlib.sha256(data).hexdigest() != sha256:
            raise StoreError(
                "document_changed_on_disk",
                pl=f"Plik dokumentu ({sha256[:12]}…) został zmieniony na dysku i nie jest już zgodny z podpisaną paczką. Zaimportuj ponownie paczkę z przydziałem.",
                en=f"The document file ({sha256[:12]}…) was changed on disk and no longer matches the signed bundle. Import the assignment bundle again.",
            )
        return data
