"""The game's icon, drawn in code: a sunlit south-polar ridge, a station module on it, and Earth low in the sky.

The window shows it, and `tools/build_bundle.py` saves it as the desktop icon of a standalone build."""

from __future__ import annotations

import pygame

from game.render import palette

RIDGE = pygame.Color("#8d887d")
RIDGE_SHADOW = pygame.Color("#3a3b42")
CRATER = pygame.Color("#16181f")
EARTH = pygame.Color("#2e6dbf")
EARTH_LAND = pygame.Color("#6d9b57")
MODULE = pygame.Color("#f4f6fb")
PANEL = pygame.Color("#ffc857")


def draw_icon(size: int = 256) -> pygame.Surface:
    """A square icon `size` pixels wide; every shape scales with it, so 32 and 256 look alike."""
    icon = pygame.Surface((size, size), pygame.SRCALPHA)

    def at(x: float, y: float) -> tuple[int, int]:
        return round(x * size), round(y * size)

    pygame.draw.rect(icon, palette.SKY_HORIZON, icon.get_rect(), border_radius=round(size * 0.18))
    pygame.draw.circle(icon, EARTH, at(0.22, 0.52), round(size * 0.12))
    pygame.draw.ellipse(icon, EARTH_LAND, pygame.Rect(at(0.15, 0.45), at(0.10, 0.06)))
    # The ridge: lit towards the low Sun on the right, its far side in long shadow, a dark crater below.
    pygame.draw.polygon(icon, RIDGE_SHADOW, [at(0.0, 0.66), at(0.40, 0.56), at(0.40, 1.0), at(0.0, 1.0)])
    pygame.draw.polygon(icon, RIDGE, [at(0.40, 0.56), at(0.86, 0.56), at(1.0, 0.64), at(1.0, 1.0), at(0.40, 1.0)])
    pygame.draw.ellipse(icon, CRATER, pygame.Rect(at(0.10, 0.82), at(0.40, 0.12)))
    # A habitat with a vertical solar array beside it: the station's two first needs, shelter and light.
    pygame.draw.rect(icon, MODULE, pygame.Rect(at(0.44, 0.44), at(0.24, 0.13)), border_radius=round(size * 0.05))
    pygame.draw.rect(icon, palette.GLYPH_EDGE, pygame.Rect(at(0.44, 0.44), at(0.24, 0.13)), max(1, size // 64),
                     border_radius=round(size * 0.05))
    pygame.draw.line(icon, MODULE, at(0.78, 0.56), at(0.78, 0.22), max(1, size // 40))
    pygame.draw.rect(icon, PANEL, pygame.Rect(at(0.72, 0.16), at(0.12, 0.22)))
    pygame.draw.rect(icon, palette.GLYPH_EDGE, pygame.Rect(at(0.72, 0.16), at(0.12, 0.22)), max(1, size // 64))
    mask = pygame.Surface((size, size), pygame.SRCALPHA)
    pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=round(size * 0.18))
    icon.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return icon
