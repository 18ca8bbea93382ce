"""File-system primitives shared by every layer that writes files: atomic writes and syncs.

A file that people rely on (a score package, a bundle, a key, a report) must never exist
half-written under its final name: it is written to a temporary file in the same folder, flushed
and synced, renamed over the target, and the folder is synced so the rename survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterator

CHUNK = 1 << 20


def fsync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where directories cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(path: Path | str, *, mode: int = 0o644, durable: bool = True) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` only if the block ends without an exception.

    The folder must exist: creating folders is the caller's decision, not a side effect.
    ``durable=False`` skips the two fsyncs (the rename is still atomic) for bulk writes whose
    caller makes them durable together with :func:`flush_to_disk` before relying on them.
    """
    path = Path(path)
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
        if durable:
            fsync_directory(folder)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def atomic_write(path: Path | str, data: bytes | None = None, *, source: BinaryIO | None = None,
                 mode: int = 0o644, durable: bool = True) -> None:
    """Write ``data`` (or copy the stream ``source``) to ``path`` atomically."""
    with atomic_output(path, mode=mode, durable=durable) as out:
        if data is not None:
            out.write(data)
        if source is not None:
            while chunk := source.read(CHUNK):
                out.write(chunk)


def flush_to_disk() -> None:
    """Make every earlier non-durable write durable at once (one sync instead of thousands)."""
    if hasattr(os, "sync"):
        os.sync()


def atomic_create(path: Path | str, data: bytes, *, mode: int = 0o644) -> None:
    """Write ``data`` to a NEW file ``path`` atomically; FileExistsError if anything is there already.

    For files that must never replace an existing one (a new signing key: overwriting the old one
    would lose it for good). The data is written and synced under a temporary name, then linked to
    ``path`` (a hard link fails if the name exists, with no window where a half-written file shows).
    Where hard links are not possible (FAT-formatted sticks), the name is reserved with ``O_EXCL``
    first and the finished file renamed over the reservation.
    """
    path = Path(path)
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        try:
            os.link(tmp_name, path)
        except FileExistsError:
            raise
        except OSError:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))  # FileExistsError if taken
            os.replace(tmp_name, path)
        fsync_directory(folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
