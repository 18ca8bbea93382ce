"""Writing an exchange file so that a half-written one never exists under its final name."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from juror_app.exchange import container
from juror_app.fsutil import atomic_output


def write_container(path: Path, kind: container.Kind, *, signer_key: Ed25519PrivateKey, signer: dict[str, Any],
                    header: dict[str, Any], members: Iterable[container.Member],
                    created_at: str | None = None) -> bytes:
    """Build the container into a temporary file beside ``path``, sync it, rename it; return the manifest."""
    with atomic_output(path) as handle:
        return container.build(kind, signer_key=signer_key, signer=signer, header=header,
                               members=members, target=handle, created_at=created_at)
