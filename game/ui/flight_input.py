"""Keyboard and gamepad to a lander command: held keys (bound in the settings) and sticks become thrust and turns."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import pygame

from game.content.ui_text import ENGLISH, Translate, to_translate
from game.landing.pilot import Observation, PilotCommand
from game.settings import Settings

# A held throttle key moves the throttle from cut to full in this many seconds: fine control, quick enough.
THROTTLE_SECONDS_FULL_RANGE = 1.5
STICK_DEAD_ZONE = 0.15

# Keys that always work besides the bound ones (WASD and Shift/Ctrl), unless the player bound one of them
# to another landing action: then the binding wins and the spare key steps aside.
SPARE_KEYS: dict[str, tuple[int, ...]] = {
    "throttle_up": (pygame.K_w, pygame.K_LSHIFT, pygame.K_RSHIFT),
    "throttle_down": (pygame.K_s, pygame.K_LCTRL, pygame.K_RCTRL),
    "turn_left": (pygame.K_a,),
    "turn_right": (pygame.K_d,),
}
# The landing's actions and their default keys as codes, so FlightInput() works before any settings exist;
# tests check these agree with game.settings.KEY_ACTIONS.
DEFAULT_FLIGHT_KEYS: dict[str, int] = {
    "throttle_up": pygame.K_UP,
    "throttle_down": pygame.K_DOWN,
    "turn_left": pygame.K_LEFT,
    "turn_right": pygame.K_RIGHT,
    "autopilot": pygame.K_TAB,
    "kill_rotation": pygame.K_k,
    "cut_engine": pygame.K_x,
    "full_thrust": pygame.K_z,
    "pause_flight": pygame.K_p,
}
HELP_WORDS = (  # English, marked for the template: help_line translates them
    ("throttle_up", to_translate("more thrust")), ("throttle_down", to_translate("less")),
    ("turn_left", to_translate("turn left")), ("turn_right", to_translate("turn right")),
    ("kill_rotation", to_translate("stop turning")), ("cut_engine", to_translate("cut")),
    ("full_thrust", to_translate("full")), ("autopilot", to_translate("autopilot")),
    ("pause_flight", to_translate("pause")),
)

# Gamepad (SDL's usual layout): left stick turns and moves the throttle, A kills rotation, B cuts.
STICK_TURN_AXIS = 0
STICK_THROTTLE_AXIS = 1
BUTTON_KILL_ROTATION = 0
BUTTON_CUT = 1


SHORT_LABELS = {pygame.K_LSHIFT: "Shift", pygame.K_LCTRL: "Ctrl"}


def _key_label(code: int) -> str:
    if code in SHORT_LABELS:
        return SHORT_LABELS[code]
    name = pygame.key.name(code)
    return name.upper() if len(name) == 1 else name.title()


class FlightKeys:
    """Which key codes fly the lander: the player's bindings plus the spare keys that do not clash."""

    def __init__(self, bound: dict[str, int] | None = None):
        self.bound = {**DEFAULT_FLIGHT_KEYS, **(bound or {})}
        owners: dict[int, str] = {}
        for action, code in self.bound.items():
            owners.setdefault(code, action)  # an old settings file may bind two actions to one key: first wins
        self._keys = {
            action: frozenset({code for code in (self.bound[action],) if owners[code] == action}
                              | {code for code in SPARE_KEYS.get(action, ()) if code not in owners})
            for action in self.bound
        }

    @classmethod
    def from_settings(cls, settings: Settings) -> FlightKeys:
        return cls({action: settings.key_code(action) for action in DEFAULT_FLIGHT_KEYS})

    def keys_for(self, action: str) -> frozenset[int]:
        """The bound key of `action` and its spare keys that no landing action is bound to."""
        return self._keys[action]

    def is_key(self, action: str, code: int) -> bool:
        return code in self.keys_for(action)

    def label(self, action: str) -> str:
        """The bound key of `action` as the player reads it: "Tab", "P"."""
        return _key_label(self.bound[action])

    def help_line(self, tr: Translate = ENGLISH) -> str:
        """One line naming every control as bound now, for the foot of the landing screen."""
        words = []
        for action, word in HELP_WORDS:
            names = [_key_label(self.bound[action])] + [
                _key_label(code) for code in SPARE_KEYS.get(action, ()) if code in self.keys_for(action)
                and code not in (pygame.K_RSHIFT, pygame.K_RCTRL)  # "Shift" says enough
            ]
            words.append(f"{'/'.join(names)} {tr(word)}")
        return " · ".join(words) + " · " + tr("Esc abandon")


@dataclass(slots=True)
class FlightInput:
    """The player's controls as they stand; `command()` turns them into one step's PilotCommand."""

    throttle: float = 0.0
    held: set[int] = field(default_factory=set)
    stick_turn: float = 0.0
    stick_throttle: float = 0.0
    pad_kill_rotation: bool = False
    gamepads: list[pygame.joystick.JoystickType] = field(default_factory=list)
    keys: FlightKeys = field(default_factory=FlightKeys)

    def handle(self, event: pygame.event.Event) -> bool:
        """Takes a key or gamepad event; True when it was one of the flying controls."""
        if event.type == pygame.KEYDOWN:
            if self.keys.is_key("cut_engine", event.key):
                self.throttle = 0.0
            elif self.keys.is_key("full_thrust", event.key):
                self.throttle = 1.0
            elif not self._is_flying_key(event.key):
                return False
            self.held.add(event.key)
            return True
        if event.type == pygame.KEYUP:
            if event.key in self.held:
                self.held.discard(event.key)
                return True
            return False
        if event.type == pygame.JOYAXISMOTION:
            value = 0.0 if abs(event.value) < STICK_DEAD_ZONE else float(event.value)
            if event.axis == STICK_TURN_AXIS:
                self.stick_turn = -value  # stick right turns right: clockwise, a negative attitude
            elif event.axis == STICK_THROTTLE_AXIS:
                self.stick_throttle = -value  # stick forward (negative) opens the throttle
            return True
        if event.type in (pygame.JOYBUTTONDOWN, pygame.JOYBUTTONUP):
            down = event.type == pygame.JOYBUTTONDOWN
            if event.button == BUTTON_KILL_ROTATION:
                self.pad_kill_rotation = down
            elif event.button == BUTTON_CUT and down:
                self.throttle = 0.0
            return True
        if event.type == pygame.JOYDEVICEADDED:
            self._open_gamepad(event.device_index)
            return True
        return False

    def _is_flying_key(self, key: int) -> bool:
        return any(self.keys.is_key(action, key)
                   for action in ("throttle_up", "throttle_down", "turn_left", "turn_right", "kill_rotation"))

    def _open_gamepad(self, index: int) -> None:
        # A pad that cannot be opened is no reason to stop flying with the keyboard.
        with contextlib.suppress(pygame.error):
            self.gamepads.append(pygame.joystick.Joystick(index))

    def release_all(self) -> None:
        """Forgets held keys (the window lost focus, the game paused): nothing stays pressed by itself."""
        self.held.clear()
        self.pad_kill_rotation = False

    @property
    def turn(self) -> float:
        keys = (1.0 if self._holding("turn_left") else 0.0) - (1.0 if self._holding("turn_right") else 0.0)
        return max(-1.0, min(1.0, keys + self.stick_turn))

    @property
    def killing_rotation(self) -> bool:
        return self._holding("kill_rotation") or self.pad_kill_rotation

    def _holding(self, action: str) -> bool:
        return bool(self.held & self.keys.keys_for(action))

    def command(self, seen: Observation, step_s: float) -> PilotCommand:
        """One fixed step's command; the throttle moves while a throttle key is held."""
        rate = (1.0 if self._holding("throttle_up") else 0.0) - (1.0 if self._holding("throttle_down") else 0.0)
        rate += self.stick_throttle
        self.throttle = max(0.0, min(1.0, self.throttle + rate * step_s / THROTTLE_SECONDS_FULL_RANGE))
        if self.killing_rotation:
            # Asking to hold the present angle makes the attitude controller brake the spin.
            return PilotCommand(self.throttle, 0.0, seen.angle_rad)
        return PilotCommand(self.throttle, self.turn)


def open_gamepads() -> list[pygame.joystick.JoystickType]:
    """The gamepads plugged in now; none (and no error) when the joystick system is unavailable."""
    try:
        pygame.joystick.init()
        return [pygame.joystick.Joystick(index) for index in range(pygame.joystick.get_count())]
    except pygame.error:
        return []
