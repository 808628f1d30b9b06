"""The station's keys as the player bound them in the settings, and how to show them in hints and labels."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.content.message import Message, say
from game.settings import KEY_ACTIONS, Settings, key_label

STATION_ACTIONS = tuple(action.id for action in KEY_ACTIONS if action.screen == "station")
SPEED_ACTIONS = {"speed_1": 1, "speed_4": 4, "speed_16": 16}
PAN_ACTIONS = {"pan_left": (-1, 0), "pan_right": (1, 0), "pan_up": (0, -1), "pan_down": (0, 1)}
# The number pad's plus and minus always zoom as well, and Home always fits the map: they are where a teacher's
# hand looks for them, and a binding the player chose for one of them still wins (see from_settings).
SPARE_KEYS = {pygame.K_KP_PLUS: "zoom_in", pygame.K_KP_MINUS: "zoom_out", pygame.K_HOME: "fit_map"}
ARROW_NAMES = ("left", "right", "up", "down")
__all__ = ["ARROW_NAMES", "PAN_ACTIONS", "SPARE_KEYS", "SPEED_ACTIONS", "STATION_ACTIONS", "StationKeys", "key_label"]


@dataclass(frozen=True, slots=True)
class StationKeys:
    """Which station action each key code triggers, read from the settings when a key is pressed."""

    actions: dict[int, str]
    names: dict[str, str]

    @classmethod
    def from_settings(cls, settings: Settings) -> StationKeys:
        actions: dict[int, str] = dict(SPARE_KEYS)
        for action in reversed(STATION_ACTIONS):  # the first action listed wins if a file binds a key twice
            actions[settings.key_code(action)] = action
        return cls(actions, {action: settings.key_name(action) for action in STATION_ACTIONS})

    def action_for(self, key: int) -> str | None:
        return self.actions.get(key)

    def pan_step(self, key: int) -> tuple[int, int]:
        """The grid direction a pan key moves in; (0, 0) for any other key."""
        return PAN_ACTIONS.get(self.actions.get(key, ""), (0, 0))

    def label(self, action: str) -> str:
        return key_label(self.names[action])

    def speed_labels(self) -> str:
        """'1 2 3', or whatever the three speed keys are."""
        return " ".join(self.label(action) for action in SPEED_ACTIONS)

    def pan_labels(self) -> str | Message:
        """'arrows' (a word, so translated) for the usual four, else the four keys: left, right, up, down."""
        if tuple(self.names[action] for action in PAN_ACTIONS) == ARROW_NAMES:
            return say("arrows")
        return " ".join(self.label(action) for action in PAN_ACTIONS)
