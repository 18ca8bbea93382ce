"""Pausing the cycle collector for bulk work: nested and overlapping pauses (the organizer's window
merges on a worker thread) give the collector back only at the end of the last one."""

from __future__ import annotations

import gc
import threading

import pytest

from juror_app.workflows.gc_pause import gc_paused, is_paused


@pytest.fixture(autouse=True)
def _collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_pause_and_resume_also_on_errors() -> None:
    with pytest.raises(ValueError), gc_paused():
        assert not gc.isenabled() and is_paused()
        raise ValueError
    assert gc.isenabled() and not is_paused()


def test_overlapping_pauses_on_two_threads_resume_after_the_last() -> None:
    entered, release = threading.Event(), threading.Event()

    def other() -> None:
        with gc_paused():
            entered.set()
            release.wait(10)

    thread = threading.Thread(target=other)
    with gc_paused():
        thread.start()
        assert entered.wait(10)
    assert not gc.isenabled() and is_paused(), "the other thread's pause is still on"
    release.set()
    thread.join(10)
    assert gc.isenabled() and not is_paused()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with gc_paused(), gc_paused():
        pass
    assert not gc.isenabled()
