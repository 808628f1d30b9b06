"""The simulation's guard against NaN and infinity: finds the first number a run keeps that is not finite.

The level format keeps every number in range, so no run should ever make one; the guard is for what cannot happen,
so that it never reaches the player, a save or `--json`. It looks at everything a run keeps, not only the
station's accounts: every component of every entity (a module's stored energy, build and repair hours, next
failure; a partner's trust and shared science), the deliveries, and the power totals.
"""

from __future__ import annotations

import dataclasses
import inspect
import math
import operator
import typing
from typing import Any

import esper

from game.ecs import components
from game.ecs.resources import Delivery, SimContext, Station


def _holds_float(hint: Any, seen: frozenset[type] = frozenset()) -> bool:
    """Whether a value of type `hint` can hold a float that a run changes: float itself, a container of one, or a
    dataclass with one. A frozen dataclass (an offer, a partner's answer) never changes after it is made from
    checked input (a command file's numbers are finite: game/content/reading.py), so it is not looked into: every
    game hour counts here."""
    if hint is float:
        return True
    if dataclasses.is_dataclass(hint) and isinstance(hint, type) and hint.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        return False
    if dataclasses.is_dataclass(hint) and isinstance(hint, type) and hint not in seen:
        return any(_holds_float(field_hint, seen | {hint}) for field_hint in typing.get_type_hints(hint).values())
    return any(_holds_float(argument, seen) for argument in typing.get_args(hint))


def _float_fields(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass that can hold a float: worked out once from its type hints, so that the guard
    looks only there (not at a module's cells or a partner's history)."""
    return tuple(name for name, hint in typing.get_type_hints(kind).items() if _holds_float(hint))


# An agreement's numbers are copies, made when it is signed or checked, of numbers guarded where they are worked out
# (an offer's amounts, the station's science): looking through every deliverable of every agreement each hour
# doubled a long run's time, for nothing the station's own guard does not catch.
COPIES: tuple[type, ...] = (components.Agreement, components.Deliverable)
# Every other component kind that can hold a float, found rather than listed, so that a new component is guarded
# from the day it is added; with the fields to look at.
GUARDED: tuple[tuple[type, tuple[str, ...]], ...] = tuple(
    (kind, fields) for _, kind in inspect.getmembers(components, inspect.isclass)
    if dataclasses.is_dataclass(kind) and kind.__module__ == components.__name__ and kind not in COPIES
    and (fields := _float_fields(kind))
)
_STATION_FIELDS = _float_fields(Station)
_STATION_HINTS = typing.get_type_hints(Station)
_STATION_PLAIN = operator.attrgetter(*(name for name in _STATION_FIELDS if _STATION_HINTS[name] is float))
_STATION_DICTS = tuple(name for name in _STATION_FIELDS if _STATION_HINTS[name] == dict[str, float])
_STATION_DEEP = tuple(name for name in _STATION_FIELDS if _STATION_HINTS[name] is not float
                      and name not in _STATION_DICTS)
_DELIVERY_FIELDS = _float_fields(Delivery)


def first_unfinite(ctx: SimContext, *, components_too: bool = True) -> str | None:
    """Where the first number of the run that is not finite is kept (such as 'EnergyStore.charge_wh of entity 7'),
    or None when every one is finite. `components_too=False` looks only at the station and the power totals: the
    simulation does that every hour and the whole walk once a game day, as the walk costs about a tenth of an hour's
    step and the station's accounts, which every other number flows into, show a runaway value within the hour."""
    station = ctx.station
    values = [ctx.power_generation_w, ctx.power_draw_w, *_STATION_PLAIN(station)]
    for name in _STATION_DICTS:
        values += getattr(station, name).values()
    if not components_too and all(map(math.isfinite, values)) and _in_fields(station, _STATION_DEEP) is None:
        return None  # the hourly check, as cheap as it can be: every hour counts
    found = _in_fields(station, _STATION_FIELDS)
    if found is not None:
        return "station" + found
    for name in ("power_generation_w", "power_draw_w"):
        if getattr(ctx, name) * 0.0 != 0.0:
            return name
    if not components_too:
        return None
    for number, delivery in ctx.deliveries.items():
        found = _in_fields(delivery, _DELIVERY_FIELDS)
        if found is not None:
            return f"delivery {number}{found}"
    component: Any
    for kind, fields in GUARDED:
        for entity, component in esper.get_component(kind):
            found = _in_fields(component, fields)
            if found is not None:
                return f"{kind.__name__}{found} of entity {entity}"
    return None


def _in_fields(value: Any, fields: tuple[str, ...]) -> str | None:
    for name in fields:
        item = getattr(value, name)
        if type(item) is float:  # the usual case, inline: this runs every game hour
            if item * 0.0 != 0.0:
                return f".{name}"
            continue
        found = _path(item, 1)
        if found is not None:
            return f".{name}{found}"
    return None


def _path(value: Any, depth: int) -> str | None:
    """None when `value` holds only finite numbers, else the way to the first that is not ('' for `value` itself,
    '.field', "['key']", '[2].amount'). Text and catalog entries are not looked into.

    NaN or infinity times zero is NaN, so `x * 0.0 == 0.0` holds only for finite numbers: the fastest test there is
    in pure Python."""
    kind = type(value)
    if kind is float:
        return None if value * 0.0 == 0.0 else ""
    if kind in _PLAIN or depth > 3:  # the run's data is a few levels deep at most (an agreement's deliverables)
        return None
    if kind is dict:
        for key, item in value.items():
            found = _path(item, depth + 1)
            if found is not None:
                return f"[{key!r}]{found}"
    elif kind is list or kind is tuple:
        for index, item in enumerate(value):
            found = _path(item, depth + 1)
            if found is not None:
                return f"[{index}]{found}"
    else:
        fields = _DATACLASS_FIELDS.get(kind)
        if fields is None:
            is_record = dataclasses.is_dataclass(kind) and isinstance(kind, type)
            fields = _DATACLASS_FIELDS[kind] = _float_fields(kind) if is_record else ()
        return _in_fields(value, fields) if fields else None
    return None


# The fields to look at, by the kind of a value met inside another (empty: none, or not a dataclass).
_DATACLASS_FIELDS: dict[type, tuple[str, ...]] = {}
# Values that hold no float: skipped at once.
_PLAIN = frozenset({int, str, bool, type(None), set, frozenset})
