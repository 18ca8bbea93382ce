"""Numbers and dates as the printed documents show them: Polish first, English on request.

Polish conventions: a decimal comma ("7,67"), a no-break space between thousands ("72 000", from five
digits on, as Polish typesetting does), the minus sign "−", dates "10 grudnia 2026 r." and
"19.10.2026, 04:58 UTC". Stored timestamps are UTC and are printed as UTC, saying so: a paper copy
must not depend on the time zone of the computer that printed it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
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


def role_name(chair: bool, lang: str | None = None) -> str:
    """A juror's role as every printed document names it. The roster records no grammatical gender, so
    the chair is "przewodnictwo Kapituły" (the function), never "przewodniczący" (a man chairing)."""
    return pick("przewodnictwo Kapituły", "chair of the jury", lang) if chair else pick(
        "członek Kapituły", "member of the jury", lang)


NOTICE_MOST = 20  # characters named in a notice; the rest are counted


def replaced_characters(parts: Iterable[object]) -> tuple[str, ...]:
    """Every character the parts of a document could not print as such (``PartResult.replaced``), sorted."""
    found: set[str] = set()
    for part in parts:
        found.update(getattr(part, "replaced", ()))
    return tuple(sorted(found))


def character_label(ch: str, lang: str | None = None) -> str:
    """ "U+1F680 ROCKET", "U+0001 (znak sterujący)": safe to print on any terminal."""
    codepoint = ord(ch)
    name = unicodedata.name(ch, "")
    if not name:
        category = unicodedata.category(ch)
        what = {"Cc": ("znak sterujący", "control character"), "Cs": ("połowa pary zastępczej", "lone surrogate"),
                "Co": ("znak prywatny", "private-use character")}.get(category, ("znak bez nazwy", "unnamed character"))
        name = f"({pick(*what, lang)})"
    return f"U+{codepoint:04X} {name}"


def replacement_notice(chars: Iterable[str], lang: str | None = None) -> str:
    """What to tell the person who printed a document holding characters no embedded font has ("" if none)."""
    chars = sorted(set(chars))
    if not chars:
        return ""
    named = ", ".join(character_label(ch, lang) for ch in chars[:NOTICE_MOST])
    if len(chars) > NOTICE_MOST:
        named += pick(f" i {len(chars) - NOTICE_MOST} innych", f" and {len(chars) - NOTICE_MOST} more", lang)
    return pick(
        f"Znaki, których nie dało się wydrukować jako takich: {len(chars)} ({named}). Czcionki dokumentu ich nie mają: "
        "w ich miejscu wydrukowano ramkę z nazwą bloku Unicode, a tekst PDF (kopiowanie, wyszukiwanie) zachowuje same "
        "znaki (znaki sterujące jako U+FFFD).",
        f"{count_en(len(chars), 'character', 'characters')} could not be printed as such ({named}). The document's fonts "
        "do not have them: each is printed as a box naming its Unicode block, and the PDF's text (copy, search) keeps the "
        "characters themselves (control characters as U+FFFD).", lang)
