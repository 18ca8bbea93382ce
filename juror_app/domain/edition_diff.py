"""What changed between two versions of an edition, item by item, and which changes invalidate scores.

A juror's points are valid on the scale the bundle gave: 0…max in steps of ``step``. Changing a
criterion's maximum or step, or removing a criterion, can make points already given (and sent
back in packages) invalid or meaningless — those changes are *invalidating* and, once bundles are
out, need the organizer's explicit confirmation. Every other change (titles, descriptions, weights,
rubric texts and bands, categories, distinctions, the certification rule, a new criterion) leaves
the jurors' points valid, though jurors still need the next bundle revision to see it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from juror_app.domain.i18n import pick
from juror_app.domain.model import Criterion, Edition

HEAD_FIELDS = ("number", "year", "name", "organizer", "scoring_deadline", "meeting_date", "meeting_place")
CRITERION_FIELDS = ("code", "stage", "name", "description", "weight", "max_points", "step", "position")
INVALIDATING_FIELDS = ("max_points", "step")

_PART_NAMES = {
    "edition": ("edycja", "edition"),
    "stage": ("etap", "stage"),
    "category": ("kategoria", "category"),
    "criterion": ("kryterium", "criterion"),
    "distinction": ("wyróżnienie", "distinction"),
    "certification_rule": ("reguła certyfikacji", "certification rule"),
}
_FIELD_NAMES = {
    "number": ("numer", "number"), "year": ("rok", "year"), "name": ("nazwa", "name"),
    "organizer": ("organizator", "organizer"), "scoring_deadline": ("termin oceny", "scoring deadline"),
    "meeting_date": ("data posiedzenia", "meeting date"), "meeting_place": ("miejsce posiedzenia", "meeting place"),
    "description": ("opis", "description"), "code": ("kod", "code"), "stage": ("etap", "stage"),
    "weight": ("waga", "weight"), "max_points": ("maksimum punktów", "maximum points"), "step": ("krok", "step"),
    "position": ("kolejność", "order"), "levels": ("poziomy skali", "rubric levels"),
    "total_pct_min": ("próg wyniku ważonego (%)", "weighted total threshold (%)"),
    "stage_pct_min": ("progi etapów (%)", "stage thresholds (%)"),
    "": ("", ""),
}


def _text(value: Any) -> str:
    """Values as stored in the change history: numbers without ".0", structures as compact JSON."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float, str)):
        return str(value)
    if hasattr(value, "value"):  # an Enum (StageId)
        return str(value.value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class ChangeItem:
    """One changed thing. ``action`` is "added", "removed" or "changed" (then ``field`` says what)."""

    part: str
    item_id: str
    action: str
    field: str = ""
    old: str = ""
    new: str = ""
    invalidating: bool = False
    label: str = ""  # how people know the item: a criterion's code, a category's name

    def message(self, lang: str | None = None) -> str:
        part_pl, part_en = _PART_NAMES.get(self.part, (self.part, self.part))
        who = self.label or self.item_id
        thing_pl = f"{part_pl} {who}".strip()
        thing_en = f"{part_en} {who}".strip()
        if self.action == "added":
            return pick(f"dodano: {thing_pl}", f"added: {thing_en}", lang)
        if self.action == "removed":
            return pick(f"usunięto: {thing_pl}", f"removed: {thing_en}", lang)
        field_pl, field_en = _FIELD_NAMES.get(self.field, (self.field, self.field))
        if self.field in ("description", "levels") or len(self.old) > 60 or len(self.new) > 60:
            return pick(f"{thing_pl}: zmieniono {field_pl}", f"{thing_en}: {field_en} changed", lang)
        return pick(f"{thing_pl}: {field_pl} „{self.old}” → „{self.new}”",
                    f"{thing_en}: {field_en} “{self.old}” → “{self.new}”", lang)


def _levels(criterion: Criterion) -> list[list[Any]]:
    return [[lv.points_from, lv.points_to, lv.label, lv.description] for lv in criterion.levels]


def _by_id(items: Any) -> dict[str, Any]:
    return {item.id: item for item in items}


def _compare_named(part: str, old: Any, new: Any, fields: tuple[str, ...]) -> list[ChangeItem]:
    items: list[ChangeItem] = []
    before, after = _by_id(old), _by_id(new)
    for item_id, item in after.items():
        if item_id not in before:
            items.append(ChangeItem(part, item_id, "added", label=getattr(item, "name", "")))
    for item_id, item in before.items():
        if item_id not in after:
            items.append(ChangeItem(part, item_id, "removed", label=getattr(item, "name", "")))
    for item_id in before.keys() & after.keys():
        for field in fields:
            a, b = getattr(before[item_id], field), getattr(after[item_id], field)
            if a != b:
                items.append(ChangeItem(part, item_id, "changed", field, _text(a), _text(b),
                                        label=getattr(after[item_id], "name", "")))
    return items


def diff_editions(old: Edition, new: Edition) -> list[ChangeItem]:
    """Every difference from ``old`` to ``new``, invalidating ones marked (see the module's note)."""
    items: list[ChangeItem] = []
    for field in HEAD_FIELDS:
        a, b = getattr(old, field), getattr(new, field)
        if a != b:
            items.append(ChangeItem("edition", old.id, "changed", field, _text(a), _text(b)))
    stages_old = {s.id.value: s for s in old.stages}
    stages_new = {s.id.value: s for s in new.stages}
    for sid in sorted(stages_new.keys() - stages_old.keys()):
        items.append(ChangeItem("stage", sid, "added", label=sid))
    for sid in sorted(stages_old.keys() - stages_new.keys()):
        items.append(ChangeItem("stage", sid, "removed", label=sid))
    for sid in sorted(stages_old.keys() & stages_new.keys()):
        for field in ("name", "description"):
            a, b = getattr(stages_old[sid], field), getattr(stages_new[sid], field)
            if a != b:
                items.append(ChangeItem("stage", sid, "changed", field, a, b, label=sid))
    items += _compare_named("category", old.categories, new.categories, ("name", "description"))
    old_order = [c.id for c in old.categories if c.id in _by_id(new.categories)]
    new_order = [c.id for c in new.categories if c.id in _by_id(old.categories)]
    if old_order != new_order:
        items.append(ChangeItem("category", "", "changed", "position", ",".join(old_order), ",".join(new_order)))
    before, after = _by_id(old.criteria), _by_id(new.criteria)
    for cid, criterion in before.items():  # in the old edition's order: removed or changed
        if cid not in after:
            items.append(ChangeItem("criterion", cid, "removed", invalidating=True, label=criterion.code))
            continue
        a, b = criterion, after[cid]
        for field in CRITERION_FIELDS:
            va, vb = getattr(a, field), getattr(b, field)
            if va != vb:
                items.append(ChangeItem("criterion", cid, "changed", field, _text(va), _text(vb),
                                        invalidating=field in INVALIDATING_FIELDS, label=b.code))
        if _levels(a) != _levels(b):
            items.append(ChangeItem("criterion", cid, "changed", "levels", _text(_levels(a)), _text(_levels(b)),
                                    label=b.code))
    for cid, criterion in after.items():
        if cid not in before:
            items.append(ChangeItem("criterion", cid, "added", label=criterion.code))
    items += _compare_named("distinction", old.distinctions, new.distinctions, ("name", "description"))
    rule_a, rule_b = old.certification_rule, new.certification_rule
    for field in ("total_pct_min", "stage_pct_min", "description"):
        a, b = getattr(rule_a, field), getattr(rule_b, field)
        if a != b:
            items.append(ChangeItem("certification_rule", "", "changed", field, _text(a), _text(b)))
    return items


def invalidated_criteria(items: list[ChangeItem]) -> list[str]:
    """Ids of criteria whose scores a change may invalidate (range, step, removal), in order, once each."""
    seen: list[str] = []
    for item in items:
        if item.invalidating and item.part == "criterion" and item.item_id not in seen:
            seen.append(item.item_id)
    return seen


def summary(items: list[ChangeItem], lang: str | None = None, *, limit: int = 8) -> str:
    """"kryterium I.1: maksimum punktów „10” → „5”; dodano: kategoria …" for the change history."""
    parts = [item.message(lang) for item in items[:limit]]
    if len(items) > limit:
        parts.append(pick(f"i {len(items) - limit} innych zmian", f"and {len(items) - limit} other changes", lang))
    return "; ".join(parts)
