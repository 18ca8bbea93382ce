"""The one rule for alarms: while a juror has an open alarm, every package of that juror is held.

An alarm means the juror's own signed packages contradict each other (two different packages with
one revision, or a newer package whose edit log drops edits already merged). Until the organizer
resolves it explicitly (``workflows/organizer/alarms.py``: who, when, why, which package to trust),
nothing of that juror merges — not a newer revision, not the same file presented again, not another
file of the same import — and each such file says why, with exit code 1 on the command line. Files
that fail a check stay refused, and a file that raises an alarm of its own is kept as evidence.

The rule is applied per file against the database (``package_checks``: the alarms stored) and once
more per import (``merge``: an alarm raised by the import itself); both ask :func:`hold`.
"""

from __future__ import annotations

from dataclasses import dataclass

from juror_app.store.alarm_store import StoredAlarm
from juror_app.workflows.organizer.outcomes import Outcome

HELD_OUTCOMES = frozenset({Outcome.NEW, Outcome.UPDATE, Outcome.ALREADY_IMPORTED, Outcome.STALE})
HELD_CODE = "juror_under_alarm"

ALARM_KIND_NAMES = {
    "equivocation": ("dwie różne paczki o tej samej wersji", "two different packages with the same revision"),
    "fork": ("dziennik zmian, który nie kontynuuje scalonego", "an edit log that does not continue the merged one"),
}


@dataclass(frozen=True)
class AlarmHold:
    """The alarm that holds a juror's packages: stored (with its number) or raised by this import."""

    juror_id: str
    kind: str
    alarm_id: int | None = None  # None: raised by the import being planned, not stored yet
    raised_at: str = ""

    @classmethod
    def of(cls, alarm: StoredAlarm) -> "AlarmHold":
        return cls(alarm.juror_id, alarm.kind, alarm.id, alarm.raised_at)


def readable_moment(stamp: str) -> str:
    """A stored UTC moment for a message: "2026-12-02T17:14:37Z" → "2026-12-02 17:14 UTC"."""
    return f"{stamp[:10]} {stamp[11:16]} UTC" if len(stamp) >= 16 and stamp[10:11] == "T" else stamp


def kind_name(kind: str) -> tuple[str, str]:
    return ALARM_KIND_NAMES.get(kind, (kind, kind))


def hold(outcome: Outcome, alarm: AlarmHold | None) -> tuple[str, str, str] | None:
    """(code, Polish, English) when a file with ``outcome`` is held by ``alarm``; None when it is not held."""
    if alarm is None or outcome not in HELD_OUTCOMES:
        return None
    what_pl, what_en = kind_name(alarm.kind)
    raised = readable_moment(alarm.raised_at)
    if alarm.alarm_id is None:
        return (
            HELD_CODE,
            f"Wstrzymana: w tym imporcie podniesiono alarm dla członka Kapituły {alarm.juror_id} ({what_pl}); "
            "żadnej jego paczki nie scalono. Wyjaśnij to z członkiem Kapituły, rozstrzygnij alarm "
            "(okno „Alarmy” albo juror-app alarms resolve), a potem zaimportuj tę paczkę ponownie.",
            f"Held: this import raised an alarm for juror {alarm.juror_id} ({what_en}); none of the juror's "
            "packages was merged. Clarify it with the juror, resolve the alarm (the “Alarms” window or "
            "juror-app alarms resolve), then import this package again.",
        )
    return (
        HELD_CODE,
        f"Wstrzymana: alarm nr {alarm.alarm_id} członka Kapituły {alarm.juror_id} ({what_pl}, podniesiony "
        f"{raised}) jest otwarty; dopóki organizator go nie rozstrzygnie, żadna paczka tego członka "
        f"Kapituły nie zostanie scalona. Rozstrzygnij go (okno „Alarmy” albo juror-app alarms resolve {alarm.alarm_id}), "
        "a potem zaimportuj tę paczkę ponownie.",
        f"Held: alarm {alarm.alarm_id} of juror {alarm.juror_id} ({what_en}, raised {raised}) is open; "
        "until the organizer resolves it, no package of this juror is merged. Resolve it (the “Alarms” window "
        f"or juror-app alarms resolve {alarm.alarm_id}), then import this package again.",
    )
