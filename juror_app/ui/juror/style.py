"""The workstation's look: calm, light, readable; a few named roles used across its widgets.

Only selectors by object name (``#muted``, ``#warning`` …) and a few frames, so the platform's own
style still draws the controls and high-DPI scaling stays Qt's.
"""

from __future__ import annotations

STYLE_SHEET = """
QLabel#muted { color: #5b6472; }
QLabel#warning { color: #8a5300; }
QLabel#error { color: #a4262c; }
QLabel#recused { color: #5a4a8a; background: #f3f0fa; border-radius: 6px; padding: 6px; }
QLabel#dossierTitle { font-size: 13pt; font-weight: 600; color: #1f2937; }
QLabel#dialogHeading { font-size: 11pt; font-weight: 600; }
QLabel#progressLabel { font-weight: 600; color: #1f2937; }
QLabel#totals { background: #f4f6fa; border: 1px solid #dde2ea; border-radius: 6px; padding: 6px 8px; }
QLabel#subtotal { color: #1f2937; padding: 2px 4px; }
QLabel#missing { padding: 2px 0; }
QLabel#fingerprint { background: #f4f6fa; border: 1px solid #dde2ea; border-radius: 6px; padding: 10px; }
QLabel#emptyState { font-size: 11pt; color: #374151; }
QFrame#criterionEditor { background: #ffffff; border: 1px solid #dde2ea; border-radius: 6px; }
QFrame#criterionEditor QLabel { background: transparent; border: none; }
QLabel#stageHeading { font-size: 11pt; font-weight: 600; color: #1f3a68; padding: 4px 2px; }
QStatusBar QLabel#savedState { color: #1d6b40; padding: 0 8px; }
QStatusBar QLabel#demoBadge { color: #5a4a8a; background: #ece8f6; border-radius: 6px; padding: 1px 8px; }
"""
