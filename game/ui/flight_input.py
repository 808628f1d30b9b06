"""Keyboard and gamepad to a lander command: held keys and stick positions become throttle and turning."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import pygame

from game.landing.pilot import Observation, PilotCommand

# A held throttle key moves the throttle from cut to full in this many seconds: fine control, quick enough.
THROTTLE_SECONDS_FULL_RANGE = 1.5
STICK_DEAD_ZONE = 0.15

THROTTLE_UP = frozenset({pygame.K_UP, pygame.K_w, pygame.K_LSHIFT, pygame.K_RSHIFT})
THROTTLE_DOWN = frozenset({pygame.K_DOWN, pygame.K_s, pygame.K_LCTRL, pygame.K_RCTRL})
TURN_LEFT = frozenset({pygame.K_LEFT, pygame.K_a})
TURN_RIGHT = frozenset({pygame.K_RIGHT, pygame.K_d})
KILL_ROTATION = frozenset({pygame.K_k})
CUT = pygame.K_x
FULL = pygame.K_z

# Gamepad (SDL's usual layout): left stick turns and moves the throttle, A kills rotation, B cuts.
STICK_TURN_AXIS = 0
STICK_THROTTLE_AXIS = 1
BUTTON_KILL_ROTATION = 0
BUTTON_CUT = 1

KEYS_HELP = (
    "Up/W/Shift more thrust · Down/S/Ctrl less · Left/A Right/D turn · K stop turning · "
    "X cut · Z full · Tab autopilot · P pause · Esc abandon"
)


@dataclass(slots=True)
class FlightInput:
    """The player's controls as they stand; `command()` turns them into one step's PilotCommand."""

    throttle: float = 0.0
    held: set[int] = field(default_factory=set)
    stick_turn: float = 0.0
    stick_throttle: float = 0.0
    pad_kill_rotation: bool = False
    gamepads: list[pygame.joystick.JoystickType] = field(default_factory=list)

    def handle(self, event: pygame.event.Event) -> bool:
        """Takes a key or gamepad event; True when it was one of the flying controls."""
        if event.type == pygame.KEYDOWN:
            if event.key == CUT:
                self.throttle = 0.0
            elif event.key == FULL:
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

    @staticmethod
    def _is_flying_key(key: int) -> bool:
        return any(key in keys for keys in (THROTTLE_UP, THROTTLE_DOWN, TURN_LEFT, TURN_RIGHT, KILL_ROTATION))

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
        keys = (1.0 if self.held & TURN_LEFT else 0.0) - (1.0 if self.held & TURN_RIGHT else 0.0)
        return max(-1.0, min(1.0, keys + self.stick_turn))

    @property
    def killing_rotation(self) -> bool:
        return bool(self.held & KILL_ROTATION) or self.pad_kill_rotation

    def command(self, seen: Observation, step_s: float) -> PilotCommand:
        """One fixed step's command; the throttle moves while a throttle key is held."""
        rate = (1.0 if self.held & THROTTLE_UP else 0.0) - (1.0 if self.held & THROTTLE_DOWN else 0.0)
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
