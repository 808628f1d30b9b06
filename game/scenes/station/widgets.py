"""The station screen's pygame_gui buttons: time controls in the header, the side panel's tabs and the footer's
buttons, each sized to its words at the UI scale, built and torn down together."""

from __future__ import annotations

from dataclasses import dataclass

import pygame
from pygame_gui.elements import UIButton

from game.content.ui_text import to_translate
from game.render.overlays import OVERLAY_SHORT_NAMES
from game.render.text_cache import TextCache
from game.scenes.context import SceneContext
from game.scenes.station.boxes import badge_size
from game.scenes.station.keys import StationKeys
from game.scenes.station.layout import StationLayout
from game.scenes.station.time_runner import SPEEDS
from game.ui.button_words import button_width_for
from game.ui.widget_set import WidgetSet

BUTTON_GAP = 10


@dataclass(frozen=True, slots=True)
class ButtonStates:
    """What the buttons show: the pause button's word, which speed and tab are selected, the overlay, demolish."""

    paused: bool
    speed: int
    side_tab: str
    overlay: str
    demolishing: bool


class StationWidgets:
    """The buttons by name ("pause", "1", "4", "16", "tab-build", "tab-goals", "tab-log", "overlay", "demolish",
    "save", "partners", "menu"); a name is missing when a large UI scale left no room for its button."""

    def __init__(self, ctx: SceneContext, text: TextCache):
        self.ctx = ctx
        self.text = text
        self.buttons: WidgetSet[UIButton] = WidgetSet()
        self.footer_wording = 0  # how short the footer's labels had to be to fit: see footer_labels
        self._shown: ButtonStates | None = None

    def name_of(self, element: object) -> str | None:
        return self.buttons.name_of(element)

    def kill(self) -> None:
        self.buttons.kill()
        self._shown = None

    def _button_width(self, label: str) -> int:
        return button_width_for(self.ctx.fonts, label)

    def overlay_label(self, overlay: str, keys: StationKeys, wording: int) -> str:
        """Wording 0 'Overlay: Ice (O)', 1 'Overlay: Ice', 2 'Ice' (the map's legend box says it is the overlay)."""
        name = self.ctx.tr(OVERLAY_SHORT_NAMES[overlay])
        words = self.ctx.tr("Overlay: {overlay}", overlay=name)
        return (f"{words} ({keys.label('overlay')})", words, name)[wording]

    def footer_labels(self, overlay: str, keys: StationKeys, wording: int) -> list[tuple[str, str]]:
        """The footer's buttons, from the longest wording (0, with keys) to the shortest (2)."""
        def label(words: str, key: str) -> str:
            words = self.ctx.tr(words)
            return f"{words} ({key})" if wording == 0 else words

        return [("overlay", self.overlay_label(overlay, keys, wording)),
                ("demolish", label(to_translate("Demolish"), keys.label("demolish"))),
                ("save", label(to_translate("Save"), keys.label("quick_save"))),
                ("partners", label(to_translate("Partners"), keys.label("partners"))),
                ("menu", label(to_translate("Menu"), "Esc"))]

    def build(self, layout: StationLayout, keys: StationKeys, states: ButtonStates) -> None:
        """Builds every button for this layout and these key bindings (again after a resize or a new scale)."""
        self.kill()
        ui, tr = self.ctx.ui, self.ctx.tr
        buttons: dict[str, UIButton] = {}
        height = layout.button_height
        # Time controls at the top right, left of the status badge (sized for its widest words).
        badge_width = max(badge_size(self.text, False, 16, tr)[0], badge_size(self.text, True, 1, tr)[0])
        right = layout.header.right - 20 - badge_width - 12
        top = layout.button_rows[0].top  # the row a box beside the pointer keeps off
        for name, action in reversed((("pause", "pause"), ("1", "speed_1"), ("4", "speed_4"), ("16", "speed_16"))):
            label = tr("Pause") if name == "pause" else f"{name}×"
            width = max(self._button_width(tr(word)) for word in ("Pause", "Run")) if name == "pause" \
                else self._button_width("16×")
            right -= width
            tip = tr("{key}: pause or run", key=keys.label("pause")) if name == "pause" else \
                tr("Run time at {speed}× (key {key})", speed=name, key=keys.label(action))
            buttons[name] = UIButton(pygame.Rect(right, top, width, height), label, ui, tool_tip_text=tip)
            right -= 6
        buttons.update(self._tab_buttons(layout, keys))
        footer = layout.footer
        # The longest overlay name decides, so the buttons do not shuffle as the overlay changes.
        widest = max((tr(name) for name in OVERLAY_SHORT_NAMES.values()), key=self._button_width)
        room = footer.width - 24

        def width_for(name: str, label: str) -> int:
            if name == "overlay":
                label = label.replace(tr(OVERLAY_SHORT_NAMES[states.overlay]), widest, 1)
            return self._button_width(label)

        def footer_width(labels: list[tuple[str, str]]) -> int:
            return sum(width_for(name, label) + BUTTON_GAP for name, label in labels)

        # At a large UI scale: the words without their keys, then shorter words, then fewer buttons (Save has F5
        # and the pause menu), rather than smaller text.
        self.footer_wording = next((wording for wording in range(3)
                                    if footer_width(self.footer_labels(states.overlay, keys, wording)) <= room), 2)
        labels = self.footer_labels(states.overlay, keys, self.footer_wording)
        while len(labels) > 1 and footer_width(labels) > room:
            labels.remove(next(item for item in labels if item[0] in ("save", "partners", "demolish")))
        x = footer.x + 12
        y = layout.button_rows[2].top
        for name, label in labels:
            width = width_for(name, label)
            buttons[name] = UIButton(pygame.Rect(x, y, width, height), label, ui)
            x += width + BUTTON_GAP
        self.buttons.build(buttons)
        self.show(states, keys)

    def _tab_buttons(self, layout: StationLayout, keys: StationKeys) -> dict[str, UIButton]:
        """Build and Goals; and Log when the side panel is too short to show the log below them."""
        tabs = layout.tabs
        # The keys as the player bound them (settings), so the labels never name a key that does something else.
        names = [("build", to_translate("Build"), keys.label("tab_build")),
                 ("goals", to_translate("Goals"), keys.label("tab_goals"))]
        if layout.log_tab:
            names.append(("log", to_translate("Log"), keys.label("tab_log")))
        width = (tabs.width - 6 * (len(names) - 1)) // len(names)
        with_keys = all(self._button_width(f"{self.ctx.tr(words)} ({key})") <= width for _, words, key in names)
        buttons = {}
        for index, (name, words, key) in enumerate(names):
            rect = pygame.Rect(tabs.x + index * (width + 6), tabs.y, width, tabs.height)
            label = f"{self.ctx.tr(words)} ({key})" if with_keys else self.ctx.tr(words)
            buttons[f"tab-{name}"] = UIButton(rect, label, self.ctx.ui)
        return buttons

    def show(self, states: ButtonStates, keys: StationKeys) -> None:
        """Makes the buttons show `states`; nothing to do when they already do (this runs after every event)."""
        if not self.buttons or states == self._shown:
            return
        self._shown = states
        buttons = self.buttons
        buttons["pause"].set_text(self.ctx.tr("Run") if states.paused else self.ctx.tr("Pause"))
        for speed in SPEEDS:
            _select(buttons[str(speed)], not states.paused and states.speed == speed)
        for tab in ("build", "goals", "log"):
            if f"tab-{tab}" in buttons:
                _select(buttons[f"tab-{tab}"], states.side_tab == tab)
        buttons["overlay"].set_text(self.overlay_label(states.overlay, keys, self.footer_wording))
        demolish = buttons.get("demolish")  # the first button to go when a huge UI scale leaves no room
        if demolish is not None:
            _select(demolish, states.demolishing)


def _select(button: UIButton, selected: bool) -> None:
    if selected:
        button.select()
    else:
        button.unselect()
