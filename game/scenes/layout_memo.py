"""Remembering a screen's layout: a screen lays itself out again only when what the layout depends on changed,
and a layout works each of its measures out once (drawing a frame asks for most of them many times)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

Layout = TypeVar("Layout")
Result = TypeVar("Result")


class Memoising(Protocol):
    _memo: dict[str, Any]


Owner = TypeVar("Owner", bound=Memoising)


def once(method: Callable[[Owner], Result]) -> Callable[[Owner], Result]:
    """A layout's measure without arguments, worked out on the first call and kept in the layout's `_memo`."""
    name = method.__name__

    @functools.wraps(method)
    def remembered(self: Owner) -> Result:
        if name not in self._memo:
            self._memo[name] = method(self)
        return self._memo[name]

    return remembered


class LastLayout(Generic[Layout]):
    """The last layout a screen made and what it was made for (`key`: sizes, words and numbers compared by value,
    anything else, such as a snapshot or an evaluation, by identity: a new one is a new state)."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._layout: Layout | None = None

    def get(self, key: tuple[object, ...], make: Callable[[], Layout]) -> Layout:
        if self._layout is None or self._key is None or not _same(self._key, key):
            self._key, self._layout = key, make()
        return self._layout


def _same(first: tuple[object, ...], second: tuple[object, ...]) -> bool:
    return len(first) == len(second) and all(
        one is other or (type(one) in (tuple, float, int, str, bool) and one == other)
        for one, other in zip(first, second, strict=False))
