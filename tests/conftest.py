"""Shared test set-up: Qt offscreen (pytest-qt does not choose the platform), Polish by default."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("JUROR_APP_LANG", "pl")
os.environ.setdefault("MPLBACKEND", "Agg")
