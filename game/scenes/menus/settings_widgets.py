"""The settings screen's pygame_gui widgets: a control for each setting on the page shown, the footer's buttons
and the page buttons, built and torn down together (game/ui/widget_set.py)."""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UIButton, UIDropDownMenu, UIHorizontalSlider

from game.scenes.context import SceneContext
from game.scenes.menus.settings_layout import SettingsLayout
from game.scenes.menus.settings_rows import FOOTER_BUTTONS, PASSIVE_KINDS, Row
from game.settings import Settings, key_label
from game.ui.theme import LANGUAGE_MENU_ID
from game.ui.widget_set import WidgetSet


def slider_percent(working: Settings, row: Row) -> int:
    """A slider row's value as the whole percent its slider shows."""
    return round(getattr(working, row.key) * 100)


class SettingsWidgets:
    """Named "row-N" (the control of row N), "footer-N" (the Nth of FOOTER_BUTTONS), "previous" and "next"."""

    def __init__(self, ctx: SceneContext):
        self.ctx = ctx
        self.set: WidgetSet[Any] = WidgetSet()

    @property
    def controls(self) -> dict[int, Any]:
        """Row index -> its control, for the rows on the page shown."""
        return {int(name[4:]): widget for name, widget in self.set.items() if name.startswith("row-")}

    @property
    def footer(self) -> list[UIButton]:
        return [self.set[f"footer-{number}"] for number in range(len(FOOTER_BUTTONS)) if f"footer-{number}" in self.set]

    @property
    def page_buttons(self) -> list[UIButton]:
        """Previous and next, when there is more than one page."""
        return [self.set[name] for name in ("previous", "next") if name in self.set]

    def kill(self) -> None:
        self.set.kill()

    def build(self, layout: SettingsLayout, rows: list[Row], page: list[int], working: Settings,
              listening: str | None, page_count: int) -> None:
        """The controls of the rows in `page` showing `working`, the footer, and the page buttons if `page_count`
        is more than one."""
        ui, tr = self.ctx.ui, self.ctx.tr
        widgets: dict[str, Any] = {}
        for position, index in enumerate(page):
            row = rows[index]
            if row.kind not in PASSIVE_KINDS:
                widgets[f"row-{index}"] = self._control(row, layout, layout.control_rect(layout.row_rect(position)),
                                                        working, listening)
        footer = layout.footer_buttons(len(FOOTER_BUTTONS))
        for number, (label, rect) in enumerate(zip(FOOTER_BUTTONS, footer, strict=True)):
            widgets[f"footer-{number}"] = UIButton(rect, tr(label), ui)
        if page_count > 1:
            previous, following = layout.page_buttons()
            widgets["previous"] = UIButton(previous, "<", ui, tool_tip_text=tr("Previous page (Page Up)"))
            widgets["next"] = UIButton(following, ">", ui, tool_tip_text=tr("Next page (Page Down)"))
        self.set.build(widgets)

    def _control(self, row: Row, layout: SettingsLayout, rect: pygame.Rect, working: Settings,
                 listening: str | None) -> Any:
        ui, tr = self.ctx.ui, self.ctx.tr
        value = getattr(working, row.key) if row.kind != "key" else working.key_name(row.key)
        if row.kind == "choice":
            labels: list[str | tuple[str, str]] = [tr(label) for label, _ in row.choices]
            current = tr(next((label for label, choice in row.choices if choice == value), row.choices[0][0]))
            object_id = None
            if row.key == "language" and self.ctx.show_language_names():
                # Each language is named in its own letters, which Noto Sans alone cannot all draw: '中文' came out
                # as boxes in English and Russian, so a Chinese student could not find their language.
                object_id = LANGUAGE_MENU_ID
            return UIDropDownMenu(labels, current, rect, ui, object_id=object_id)
        if row.kind == "toggle":
            return UIButton(rect, tr("On") if value else tr("Off"), ui)
        if row.kind == "slider":
            return UIHorizontalSlider(layout.slider_rect(rect), slider_percent(working, row), (row.low, row.high), ui,
                                      click_increment=row.step)
        return UIButton(rect, tr("Press a key…") if listening == row.key else key_label(value), ui)

    def show_focus(self, focused: tuple[str, int]) -> None:
        """Selects the footer button the keyboard focus is on, and only that one."""
        kind, index = focused
        for number, button in enumerate(self.footer):
            if kind == "footer" and number == index:
                button.select()
            else:
                button.unselect()
