"""Exhaust and dust: short-lived points in metres, stepped with the flight's fixed step, drawn in pixels."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import pygame

from game.render.landing_camera import SideCamera

MAX_PARTICLES = 600
EXHAUST_SPEED_M_S = 40.0
EXHAUST_LIFE_S = 0.35
DUST_LIFE_S = 1.6
# The exhaust kicks up regolith when the engine is within this height of the ground.
DUST_REACH_M = 25.0
EXHAUST_COLOURS = (pygame.Color("#fff2c4"), pygame.Color("#ffb347"), pygame.Color("#ff7a3d"))
DUST_COLOUR = pygame.Color("#b9b3a5")


class Particles:
    """Every particle as parallel lists (x, y, vx, vy, life left, kind), cheap to step and to draw."""

    __slots__ = ("_dice", "gravity", "ground_at", "items")

    def __init__(self, gravity: float, ground_at: Callable[[float], float], seed: int = 0):
        self.items: list[list[float]] = []
        self.gravity = gravity
        self.ground_at = ground_at
        self._dice = random.Random(f"particles:{seed}")

    def emit_exhaust(self, nozzle: tuple[float, float], angle: float, thrust_share: float, count: int) -> None:
        """Particles out of the engine bell at `nozzle`, along the lander's downward axis."""
        dice = self._dice
        down_x, down_y = math.sin(angle), -math.cos(angle)
        for _ in range(count):
            spread = dice.uniform(-0.18, 0.18)
            speed = EXHAUST_SPEED_M_S * (0.5 + 0.5 * thrust_share) * dice.uniform(0.7, 1.1)
            vx = (down_x * math.cos(spread) - down_y * math.sin(spread)) * speed
            vy = (down_x * math.sin(spread) + down_y * math.cos(spread)) * speed
            self._add(nozzle[0], nozzle[1], vx, vy, EXHAUST_LIFE_S * dice.uniform(0.5, 1.0), 0.0)

    def emit_dust(self, x: float, ground_y: float, height: float, thrust_share: float, count: int) -> None:
        """Regolith blown sideways from under the engine, more and faster the lower and harder it burns."""
        dice = self._dice
        strength = thrust_share * (1.0 - height / DUST_REACH_M)
        if strength <= 0.0:
            return
        for _ in range(max(1, round(count * strength))):
            side = dice.choice((-1.0, 1.0))
            speed = dice.uniform(4.0, 18.0) * strength
            rise = dice.uniform(0.5, 3.0) * strength
            start_x = x + side * dice.uniform(0.0, 2.0)
            self._add(start_x, ground_y + 0.1, side * speed, rise, DUST_LIFE_S * dice.uniform(0.4, 1.0), 1.0)

    def _add(self, x: float, y: float, vx: float, vy: float, life: float, kind: float) -> None:
        if len(self.items) >= MAX_PARTICLES:
            return
        self.items.append([x, y, vx, vy, life, kind])

    def step(self, dt: float) -> None:
        """Moves every particle one step; exhaust flies straight, dust falls back in the airless arc.

        Exhaust that reaches the ground spreads along it as dust; dust that falls back onto it settles.
        """
        gravity = self.gravity
        ground_at = self.ground_at
        alive = []
        for item in self.items:
            item[4] -= dt
            if item[4] <= 0.0:
                continue
            item[0] += item[2] * dt
            item[1] += item[3] * dt
            if item[5]:
                item[3] -= gravity * dt
            floor = ground_at(item[0])
            if item[1] < floor:
                if item[5]:
                    continue
                item[1] = floor + 0.05
                item[2], item[3] = math.copysign(abs(item[3]) * 0.5 + abs(item[2]), item[2] or 1.0), 0.0
                item[4] = DUST_LIFE_S * 0.5
                item[5] = 1.0
            alive.append(item)
        self.items = alive

    def draw(self, surface: pygame.Surface, camera: SideCamera) -> None:
        size = max(2, min(6, round(camera.pixels_per_metre * 0.35)))
        width, height = surface.get_size()
        fill = surface.fill
        to_screen = camera.to_screen
        for x, y, _, _, life, kind in self.items:
            sx, sy = to_screen(x, y)
            if not (0 <= sx < width and 0 <= sy < height):
                continue
            colour = DUST_COLOUR if kind else EXHAUST_COLOURS[0 if life > 0.25 else 1 if life > 0.12 else 2]
            fill(colour, (int(sx), int(sy), size, size))
