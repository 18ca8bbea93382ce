"""Stored moments as people read them on screen: local time, the month as a word, no "T" or "Z".

Every ``*_at`` column and file field holds UTC (``2026-12-02T08:26:00Z``, see ``domain.timestamps``).
A message on screen shows the same moment in the computer's own time zone, as a person would
write it: "2 grudnia 2026, 09:26" / "2 December 2026, 09:26". Printed documents use their own
UTC form (``reports.formatting``), so that a paper copy does not depend on where it was printed.
Here, in ``domain/``, both the store's messages and the windows can use it.
"""

from __future__ import annotations

from datetime import datetime, timezone

from juror_app.domain.i18n import pick

MONTHS_PL = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
             "października", "listopada", "grudnia")  # the genitive, as in a date
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def parse_moment(stamp: str | datetime) -> datetime | None:
    """A stored moment as an aware datetime (a naive one is taken as UTC); None when it is not a moment."""
    if isinstance(stamp, datetime):
        moment = stamp
    else:
        try:
            moment = datetime.fromisoformat(str(stamp).strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def local_moment(stamp: str | datetime | None, lang: str | None = None) -> str:
    """ "2 grudnia 2026, 09:26" / "2 December 2026, 09:26" in the local time zone.

    Text that is not a moment is returned unchanged (never an exception inside a message); None or
    an empty string gives an empty string.
    """
    if stamp is None or stamp == "":
        return ""
    moment = parse_moment(stamp)
    if moment is None:
        return str(stamp)
    local = moment.astimezone()
    month = local.month - 1
    return pick(f"{local.day} {MONTHS_PL[month]} {local.year}, {local:%H:%M}",
                f"{local.day} {MONTHS_EN[month]} {local.year}, {local:%H:%M}", lang)
