"""The setup screens in the order an organizer works; the window shows them in this order.

Each entry is a ``SetupScreen`` subclass (``setup/base.py``). A screen module adds itself here with
one line; nothing else needs to know about it.
"""

from __future__ import annotations

from juror_app.ui.organizer.setup.assignment_screen import AssignmentScreen
from juror_app.ui.organizer.setup.base import SetupScreen

SCREENS: list[type[SetupScreen]] = [AssignmentScreen]
