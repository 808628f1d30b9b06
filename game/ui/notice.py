"""Short messages that fade after a few seconds ("Screenshot saved"), drawn above everything else."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.render import palette
from game.render.fonts import Fonts
from game.render.text import wrap_text

NOTICE_SECONDS = 3.5
FADE_SECONDS = 0.6
MAX_NOTICES = 3


@dataclass(slots=True)
class Notice:
    text: str
    seconds_left: float = NOTICE_SECONDS


@dataclass(slots=True)
class Notices:
    """The messages on screen now; the newest is at the bottom."""

    shown: list[Notice] = field(default_factory=list)

    def show(self, text: str, seconds: float = NOTICE_SECONDS) -> None:
        self.shown.append(Notice(text, seconds))
        del self.shown[:-MAX_NOTICES]

    def update(self, dt: float) -> None:
        for notice in self.shown:
            notice.seconds_left -= dt
        self.shown = [notice for notice in self.shown if notice.seconds_left > 0]

    def draw(self, surface: pygame.Surface, fonts: Fonts) -> None:
        font = fonts.regular(palette.BODY)
        width = min(760, surface.get_width() - 40)
        bottom = surface.get_height() - 56
        for notice in reversed(self.shown):
            lines = wrap_text(notice.text, font, width - 40)
            height = len(lines) * font.get_linesize() + 24
            box = pygame.Rect(0, 0, max(font.size(line)[0] for line in lines) + 40, height)
            box.midbottom = (surface.get_width() // 2, bottom)
            alpha = round(255 * min(1.0, notice.seconds_left / FADE_SECONDS))
            layer = pygame.Surface(box.size, pygame.SRCALPHA)
            pygame.draw.rect(layer, (*palette.PANEL_RAISED[:3], 235), layer.get_rect(), border_radius=8)
            pygame.draw.rect(layer, palette.ACCENT, layer.get_rect(), 2, border_radius=8)
            for index, line in enumerate(lines):
                layer.blit(font.render(line, True, palette.TEXT), (20, 12 + index * font.get_linesize()))
            layer.set_alpha(alpha)
            surface.blit(layer, box)
            bottom = box.top - 10
