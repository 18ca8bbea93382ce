"""Undo and redo of the juror's edits, as ordinary workflow calls (the edit log stays append-only).

Each command knows the state before and after; undo applies "before" through the same workflows
as any edit, so an undone score is committed and logged like any other. Consecutive edits of one
criterion's justification merge into one step. A command whose workflow refuses (a UserError) is
dropped from the stack and the refusal is shown by whoever pushed or undid it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from juror_app.domain.errors import UserError
from juror_app.ui.juror.session import Session
from juror_app.workflows.juror import scoring as juror_scoring

ScoreState = tuple[float, str] | None  # (points, justification), or no score

_MERGE_SCORE = 1


@dataclass
class Outcome:
    """What the last redo/undo of a command ran into (read by the pusher after ``push``)."""

    error: UserError | None = None
    applied: int = 0
    errors: list[UserError] = field(default_factory=list)


class _WorkflowCommand(QUndoCommand):
    def __init__(self, session: Session, outcome: Outcome) -> None:
        super().__init__()
        self.session = session
        self.outcome = outcome

    def _run(self, step) -> None:
        try:
            step()
            self.outcome.applied += 1
            self.outcome.error = None
        except UserError as exc:
            self.outcome.error = exc
            self.outcome.errors.append(exc)
            self.session.last_refusal = exc
            self.setObsolete(True)  # QUndoStack drops it rather than keep a step it cannot replay

    def redo(self) -> None:
        self._run(self.forward)

    def describe(self) -> str:
        """The step's name in the current language (set again after a language switch)."""
        raise NotImplementedError

    def undo(self) -> None:
        self._run(self.backward)

    def forward(self) -> None:
        raise NotImplementedError

    def backward(self) -> None:
        raise NotImplementedError


def _apply_score(session: Session, dossier_id: str, criterion_id: str, state: ScoreState) -> None:
    if state is None:
        session.apply(juror_scoring.clear_score, dossier_id=dossier_id, criterion_id=criterion_id)
    else:
        session.apply(juror_scoring.set_score, dossier_id=dossier_id, criterion_id=criterion_id,
                      points=state[0], justification=state[1])


class ScoreEdit(_WorkflowCommand):
    def __init__(self, session: Session, dossier_id: str, criterion_id: str, code: str,
                 before: ScoreState, after: ScoreState, outcome: Outcome) -> None:
        super().__init__(session, outcome)
        self.code = code
        self.dossier_id, self.criterion_id = dossier_id, criterion_id
        self.before, self.after = before, after
        self.setText(self.describe())

    def describe(self) -> str:
        return QCoreApplication.translate("Undo", "score %1").replace("%1", self.code)

    def forward(self) -> None:
        _apply_score(self.session, self.dossier_id, self.criterion_id, self.after)

    def backward(self) -> None:
        _apply_score(self.session, self.dossier_id, self.criterion_id, self.before)

    def id(self) -> int:
        return _MERGE_SCORE

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing a justification in pauses saves several times; undo takes it back in one step."""
        if not isinstance(other, ScoreEdit) or other.isObsolete():
            return False
        if (other.dossier_id, other.criterion_id) != (self.dossier_id, self.criterion_id):
            return False
        if self.after is None or other.after is None or other.before != self.after:
            return False
        if self.after[0] != other.after[0]:
            return False  # a change of points is a step of its own
        self.after = other.after
        if self.after == self.before:
            self.setObsolete(True)
        return True


class ConflictEdit(_WorkflowCommand):
    """Declare (reason) or withdraw (None) a conflict; undoing a declaration restores the withdrawn scores."""

    def __init__(self, session: Session, dossier_id: str, before: str | None, after: str | None,
                 scores_before: dict[str, tuple[float, str]], outcome: Outcome) -> None:
        super().__init__(session, outcome)
        self.dossier_id, self.before, self.after = dossier_id, before, after
        self.scores_before = dict(scores_before)
        self.setText(self.describe())

    def describe(self) -> str:
        if self.after is not None:
            return QCoreApplication.translate("Undo", "declare conflict of interest")
        return QCoreApplication.translate("Undo", "withdraw conflict declaration")

    def _set(self, reason: str | None) -> None:
        if reason is None:
            self.session.apply(juror_scoring.withdraw_conflict, dossier_id=self.dossier_id)
        else:
            self.session.apply(juror_scoring.declare_conflict, dossier_id=self.dossier_id, reason=reason)

    def forward(self) -> None:
        self._set(self.after)

    def backward(self) -> None:
        self._set(self.before)
        if self.before is None:
            for criterion_id, (points, justification) in sorted(self.scores_before.items()):
                self.session.apply(juror_scoring.set_score, dossier_id=self.dossier_id, criterion_id=criterion_id,
                                   points=points, justification=justification)


class NominationEdit(_WorkflowCommand):
    """Nominate (reason) or withdraw (None) a dossier for one special distinction."""

    def __init__(self, session: Session, dossier_id: str, distinction_id: str, before: str | None,
                 after: str | None, outcome: Outcome) -> None:
        super().__init__(session, outcome)
        self.dossier_id, self.distinction_id, self.before, self.after = dossier_id, distinction_id, before, after
        self.setText(self.describe())

    def describe(self) -> str:
        if self.after is not None:
            return QCoreApplication.translate("Undo", "nominate for a distinction")
        return QCoreApplication.translate("Undo", "withdraw nomination")

    def _set(self, reason: str | None) -> None:
        if reason is None:
            self.session.apply(juror_scoring.withdraw_nomination, dossier_id=self.dossier_id,
                               distinction_id=self.distinction_id)
        else:
            self.session.apply(juror_scoring.nominate, dossier_id=self.dossier_id,
                               distinction_id=self.distinction_id, reason=reason)

    def forward(self) -> None:
        self._set(self.after)

    def backward(self) -> None:
        self._set(self.before)


def push(session: Session, command: _WorkflowCommand) -> UserError | None:
    """Run the command now (its first redo) and keep it for undo; return the refusal, if any."""
    outcome = command.outcome
    session.undo_stack.push(command)
    return outcome.error


def retranslate(stack: QUndoStack) -> None:
    """Name every step in the current language (after a language switch)."""
    for i in range(stack.count()):
        command = stack.command(i)
        if isinstance(command, _WorkflowCommand):
            command.setText(command.describe())
