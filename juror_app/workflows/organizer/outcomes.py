"""What merging a score package would do with it: the outcomes shared by the checks, the merge and the UI."""

from __future__ import annotations

from enum import Enum


class Outcome(str, Enum):
    NEW = "new"
    UPDATE = "update"
    ALREADY_IMPORTED = "already_imported"
    STALE = "stale"
    EQUIVOCATION = "equivocation"  # alarm: two different packages with the same revision
    FORK = "fork"  # alarm: a newer package whose edit log does not continue the merged one
    HELD = "held"  # its juror is under an open alarm: nothing of that juror merges until it is resolved
    REFUSED = "refused"


OUTCOME_NAMES = {
    Outcome.NEW: ("nowa", "new"),
    Outcome.UPDATE: ("aktualizacja", "update"),
    Outcome.ALREADY_IMPORTED: ("już zaimportowana", "already imported"),
    Outcome.STALE: ("nieaktualna (starsza wersja)", "stale (older revision)"),
    Outcome.EQUIVOCATION: ("ALARM: dwie różne paczki o tej samej wersji", "ALARM: two different packages with the same revision"),
    Outcome.FORK: ("ALARM: dziennik zmian nie kontynuuje scalonego", "ALARM: the edit log does not continue the merged one"),
    Outcome.HELD: ("wstrzymana (alarm)", "held (alarm)"),
    Outcome.REFUSED: ("odrzucona", "refused"),
}

ALARM_OUTCOMES = frozenset({Outcome.EQUIVOCATION, Outcome.FORK})  # kept as evidence, an alarm raised
ALARM_KIND = {Outcome.EQUIVOCATION: "equivocation", Outcome.FORK: "fork"}  # the ``alarms.kind`` each one raises
