"""Moments on screen: local time, the month as a word, in Polish and English; never a raw "…T…Z"."""

from __future__ import annotations

import time

import pytest

from juror_app.domain.moments import local_moment


@pytest.fixture
def warsaw(monkeypatch: pytest.MonkeyPatch):
    """The computer's time zone is Poland's (CET in winter, CEST in summer)."""
    monkeypatch.setenv("TZ", "Europe/Warsaw")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_stored_utc_moment_reads_as_local_time(warsaw) -> None:
    assert local_moment("2026-12-02T08:26:00Z", "pl") == "2 grudnia 2026, 09:26"
    assert local_moment("2026-12-02T08:26:00Z", "en") == "2 December 2026, 09:26"
    assert local_moment("2026-07-15T22:05:00Z", "pl") == "16 lipca 2026, 00:05", "summer time, and the day after"


def test_what_is_not_a_moment_is_kept_as_it_is() -> None:
    assert local_moment("jutro rano", "pl") == "jutro rano"
    assert local_moment(None) == "" and local_moment("") == ""
