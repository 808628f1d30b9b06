"""Draws the example mod's pictures: the Gateway link's sprite and the Artemis level's preview.

    python tools/make_mod_art.py

Both are drawn in code (no photographs or logos), so the example shows a modder what a sprite and a preview
look like in the game and stays free to copy. The output is examples/mods/artemis/art/*.png.
"""

from __future__ import annotations

import math
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

REPO = Path(__file__).resolve().parent.parent
ART = REPO / "examples" / "mods" / "artemis" / "art"
SPRITE_SIZE = 64
PREVIEW_SIZE = (480, 270)


def gateway_link_sprite() -> pygame.Surface:
    """A mast with a dish aimed up at the Gateway, on a small footing: reads at one tile."""
    picture = pygame.Surface((SPRITE_SIZE, SPRITE_SIZE), pygame.SRCALPHA)
    ink, metal, light, glow = (20, 24, 34), (196, 204, 220), (240, 244, 250), (255, 200, 87)
    pygame.draw.rect(picture, ink, (18, 50, 28, 10), border_radius=3)
    pygame.draw.rect(picture, metal, (20, 51, 24, 7), border_radius=2)
    pygame.draw.polygon(picture, ink, [(29, 52), (35, 52), (34, 22), (30, 22)])
    pygame.draw.polygon(picture, metal, [(30, 51), (34, 51), (33, 23), (31, 23)])
    dish = pygame.Rect(12, 6, 40, 22)
    pygame.draw.ellipse(picture, ink, dish)
    pygame.draw.ellipse(picture, light, dish.inflate(-4, -4))
    pygame.draw.ellipse(picture, metal, dish.inflate(-14, -10))
    pygame.draw.line(picture, ink, (32, 17), (44, 3), 3)
    pygame.draw.circle(picture, ink, (46, 2 + 1), 4)
    pygame.draw.circle(picture, glow, (46, 3), 3)
    return picture


def artemis_preview(seed: int = 2024) -> pygame.Surface:
    """Night sky, Earth low over the south-polar ridges, and a lander standing on a sunlit peak: the level is
    about a crewed base near the south pole (no station in orbit is drawn: the level says it was paused)."""
    width, height = PREVIEW_SIZE
    picture = pygame.Surface(PREVIEW_SIZE)
    picture.fill((8, 10, 22))
    dice = random.Random(seed)
    for _ in range(160):
        shade = dice.randint(120, 255)
        picture.set_at((dice.randrange(width), dice.randrange(int(height * 0.7))), (shade, shade, shade))
    pygame.draw.circle(picture, (46, 92, 170), (360, 150), 26)
    pygame.draw.circle(picture, (236, 240, 250), (352, 143), 9)
    pygame.draw.circle(picture, (70, 150, 96), (368, 158), 8)
    ridge = [(0, height)]
    for step in range(0, width + 20, 20):
        ridge.append((step, int(height * 0.66 + 18 * math.sin(step / 57) + dice.randint(-6, 6))))
    ridge.append((width, height))
    pygame.draw.polygon(picture, (92, 94, 104), ridge)
    # A sunlit peak in the foreground, lit from the low Sun on the left, with a lander on it.
    peak = [(40, height), (150, 150), (190, 140), (300, height)]
    pygame.draw.polygon(picture, (150, 152, 158), peak)
    pygame.draw.polygon(picture, (206, 208, 212), [(150, 150), (190, 140), (120, height), (40, height)])
    near = [(0, height)] + [(x, int(height * 0.82 + 8 * math.sin(x / 31 + 1))) for x in range(0, width + 30, 30)]
    pygame.draw.polygon(picture, (120, 122, 128), [*near, (width, height)])
    body = pygame.Rect(160, 122, 22, 16)
    for foot in ((body.left - 6, body.bottom + 9), (body.right + 6, body.bottom + 7)):
        start = (body.left + 3, body.bottom) if foot[0] < body.centerx else (body.right - 3, body.bottom)
        pygame.draw.line(picture, (196, 200, 210), start, foot, 3)
    pygame.draw.rect(picture, (20, 24, 34), body.inflate(4, 4), border_radius=3)
    pygame.draw.rect(picture, (230, 232, 238), body, border_radius=2)
    pygame.draw.rect(picture, (255, 200, 87), (body.x + 6, body.y + 5, 10, 6), border_radius=1)
    return picture


def main() -> int:
    pygame.init()
    ART.mkdir(parents=True, exist_ok=True)
    pygame.image.save(gateway_link_sprite(), str(ART / "gateway_link.png"))
    pygame.image.save(artemis_preview(), str(ART / "preview.png"))
    for path in sorted(ART.glob("*.png")):
        print(f"wrote {path.relative_to(REPO)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
