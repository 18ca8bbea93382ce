"""Where the program keeps and finds things: the user's data folder and the shipped resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths


def data_folder() -> Path:
    """The per-user data folder (profiles, logs, matplotlib cache); created on first use."""
    override = os.environ.get("JUROR_APP_HOME")
    base = Path(override) if override else Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))
    base.mkdir(parents=True, exist_ok=True)
    return base


def resources_folder() -> Path:
    """``resources/`` beside the package in a checkout, inside the bundle when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


def translations_folder() -> Path:
    return resources_folder() / "translations"


def log_folder() -> Path:
    folder = data_folder() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
