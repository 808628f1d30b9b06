"""The game's two font files at any size, opened once each and shared by every screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pygame

REGULAR_FILE = "NotoSans-Regular.ttf"
BOLD_FILE = "NotoSans-Bold.ttf"


@dataclass(slots=True)
class Fonts:
    """Noto Sans from `folder`; opening a font file is slow, so each (weight, size) opens once."""

    folder: Path
    _opened: dict[tuple[bool, int], pygame.font.Font] = field(default_factory=dict)

    def regular(self, size: int) -> pygame.font.Font:
        return self._font(False, size)

    def bold(self, size: int) -> pygame.font.Font:
        return self._font(True, size)

    def _font(self, bold: bool, size: int) -> pygame.font.Font:
        key = (bold, size)
        font = self._opened.get(key)
        if font is None:
            font = pygame.font.Font(self.folder / (BOLD_FILE if bold else REGULAR_FILE), size)
            self._opened[key] = font
        return font
