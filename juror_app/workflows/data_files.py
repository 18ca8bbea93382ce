"""Where the program's own data files are (``data/``: edition templates, the demo's content).

Beside the package in a checkout, inside the bundle when frozen by PyInstaller, or wherever
``JUROR_APP_DATA`` points (tests, a packager's layout).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """The ``data/`` folder."""
    override = os.environ.get("JUROR_APP_DATA")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "data"
    return Path(__file__).resolve().parents[2] / "data"
