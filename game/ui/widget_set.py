"""Building and tearing down a screen's pygame_gui widgets: the one helper every screen keeps its widgets in.

A screen builds its widgets in `enter()` (and again after a resize or a new text size) with `build`, which first
tears down what the screen built before, and tears them all down in `exit()` with `kill`. The widgets go by
name, so input asks `name_of(event.ui_element)` which one was pressed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar

from pygame_gui.core import UIElement

Widget = TypeVar("Widget", bound=UIElement)


class WidgetSet(Generic[Widget]):
    """A screen's widgets by name, built together and torn down together."""

    def __init__(self) -> None:
        self._by_name: dict[str, Widget] = {}

    def build(self, widgets: Mapping[str, Widget | None]) -> None:
        """Tears down the widgets built before and keeps `widgets` instead; a None (a widget this layout has no
        room or no use for) is left out, so `get` answers None for it."""
        self.kill()
        self._by_name = {name: widget for name, widget in widgets.items() if widget is not None}

    def add(self, name: str, widget: Widget) -> Widget:
        """Keeps one more widget, built after the others (a screen that builds its widgets part by part)."""
        if name in self._by_name:
            self._by_name[name].kill()
        self._by_name[name] = widget
        return widget

    def __setitem__(self, name: str, widget: Widget) -> None:
        self.add(name, widget)

    def kill(self) -> None:
        """Removes every widget from the UI manager (exit(), or before building again)."""
        for widget in self._by_name.values():
            widget.kill()
        self._by_name = {}

    def name_of(self, element: object) -> str | None:
        """The name of `element` (an event's ui_element), or None when it is not one of these widgets."""
        return next((name for name, widget in self._by_name.items() if widget is element), None)

    def get(self, name: str) -> Widget | None:
        return self._by_name.get(name)

    def __getitem__(self, name: str) -> Widget:
        return self._by_name[name]

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def items(self) -> Iterator[tuple[str, Widget]]:
        return iter(self._by_name.items())

    def values(self) -> Iterator[Widget]:
        return iter(self._by_name.values())
