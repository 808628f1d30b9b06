"""Tearing down a screen's pygame_gui widgets: every screen kills what it built in exit() through this one helper."""

from __future__ import annotations

from collections.abc import Iterable

from pygame_gui.core import UIElement


def kill_all(widgets: Iterable[UIElement | None]) -> None:
    """Removes every widget from the UI manager; None (a widget this layout did not build) is passed over."""
    for widget in widgets:
        if widget is not None:
            widget.kill()
