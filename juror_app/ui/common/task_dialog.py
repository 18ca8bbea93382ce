"""Run one piece of long work off the GUI thread behind a modal progress dialog, and wait for it.

For work that the caller needs the result of before it can go on (generating the demo, checking a
file, signing a package): the GUI stays responsive, the person sees progress and may cancel, and
the caller gets the result or the exception back as if it had called the function directly.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from juror_app.ui.common.tasks import Task, Work, start


def run_with_progress(parent: QWidget | None, title: str, label: str, work: Work, *, cancellable: bool = True,
                      show_after_ms: int = 300) -> Any:
    """Return ``work``'s result; re-raise its exception here. Progress labels, if given, replace ``label``."""
    dialog = QProgressDialog(parent)  # its Cancel button comes translated by qtbase
    dialog.setLabelText(label)
    dialog.setRange(0, 0)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    if not cancellable:
        dialog.setCancelButton(None)
    task = Task(work)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def on_progress(done: int, total: int, text: str) -> None:
        if total > 0:
            dialog.setMaximum(1000)
            dialog.setValue(min(1000, int(1000 * done / total)))
        if text:
            dialog.setLabelText(text)

    def on_finished(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def on_failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    task.signals.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    task.signals.finished.connect(on_finished, Qt.ConnectionType.QueuedConnection)
    task.signals.failed.connect(on_failed, Qt.ConnectionType.QueuedConnection)
    if cancellable:
        dialog.canceled.connect(task.cancel)
    start(task)
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
