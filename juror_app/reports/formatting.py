"""Numbers and dates as the printed documents show them: Polish first, English on request.

Polish conventions: a decimal comma ("7,67"), a no-break space between thousands ("72 000", from five
digits on, as Polish typesetting does), the minus sign "−", dates "10 grudnia 2026 r." and
"19.10.2026, 04:58 UTC". Stored timestamps are UTC and are printed as UTC, saying so: a paper copy
must not depend on the time zone of the computer that printed it.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from juror_app.domain.i18n import count_en, count_pl, pick
from juror_app.reports.fingerprint import short_code

NBSP = "\u00a0"
DASH = "—"  # shown where there is no value
_MONTHS_PL = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
              "października", "listopada", "grudnia")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def _localise(text: str, lang: str | None) -> str:
    """Python's "1,234.5" → Polish "1 234,5" (grouping only from 10 000) or English as is."""
    negative = text.startswith("-")
    text = text.lstrip("-")
    whole, _, fraction = text.partition(".")
    digits = whole.replace(",", "")
    if pick("pl", "en", lang) == "pl":
        grouped = f"{int(digits):,}".replace(",", NBSP) if len(digits) >= 5 else digits
        result = grouped + ("," + fraction if fraction else "")
    else:
        result = f"{int(digits):,}" + ("." + fraction if fraction else "")
    if negative and any(ch not in "0,." + NBSP for ch in result):
        result = "−" + result
    return result


def number(value: float | int | None, decimals: int = 2, lang: str | None = None) -> str:
    """A fixed number of decimals: ``number(7.666) == "7,67"``; None is "—"."""
    if value is None:
        return DASH
    return _localise(f"{value:.{decimals}f}", lang)


def points(value: float | None, lang: str | None = None) -> str:
    """Points as given on a step grid: "8", "8,5", "2,25" (no trailing zeros)."""
    if value is None:
        return DASH
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return _localise(text, lang)


def percent(value: float | None, decimals: int = 1, lang: str | None = None) -> str:
    """ "78,3%" (Polish writes the sign without a space in tables); None is "—"."""
    if value is None:
        return DASH
    return number(value, decimals, lang) + "%"


def count(value: int, lang: str | None = None) -> str:
    """A whole number with the language's grouping: "72 000" / "72,000"."""
    return _localise(str(int(value)), lang)


def long_date(value: str | date | datetime | None, lang: str | None = None) -> str:
    """ "10 grudnia 2026 r." / "10 December 2026"; an ISO date or timestamp string is accepted;
    text that is not a date is returned unchanged (a meeting date may be typed freely)."""
    if value is None or value == "":
        return DASH
    day = _as_date(value)
    if day is None:
        return str(value)
    return pick(f"{day.day} {_MONTHS_PL[day.month - 1]} {day.year} r.", f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}",
                lang)


def short_date(value: str | date | datetime | None, lang: str | None = None) -> str:
    """ "10.12.2026" / "10 Dec 2026"."""
    if value is None or value == "":
        return DASH
    day = _as_date(value)
    if day is None:
        return str(value)
    return pick(f"{day.day:02d}.{day.month:02d}.{day.year}", f"{day.day} {_MONTHS_EN[day.month - 1][:3]} {day.year}", lang)


def timestamp(value: str | datetime | None, lang: str | None = None) -> str:
    """A stored UTC moment as "19.10.2026, 04:58 UTC" / "19 Oct 2026, 04:58 UTC"."""
    if value is None or value == "":
        return DASH
    moment = _as_datetime(value)
    if moment is None:
        return str(value)
    return f"{short_date(moment, lang)}, {moment:%H:%M} UTC"


def _as_datetime(value: str | datetime) -> datetime | None:
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _as_date(value: str | date | datetime) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    moment = _as_datetime(value)
    return moment.date() if moment else None


def stage_short(stage_id: str, lang: str) -> str:
    return pick(f"Etap {stage_id}", f"Stage {stage_id}", lang)


def log_state(entries: int, head: str, lang: str) -> str:
    """The state of a juror's edit log as both score sheets print it (the package manifest names the same)."""
    return pick(f"{count_pl(entries, 'wpis', 'wpisy', 'wpisów')} w dzienniku zmian, kod {short_code(head)}",
                f"{count_en(entries, 'entry', 'entries')} in the edit log, code {short_code(head)}", lang)
