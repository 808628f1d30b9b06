"""What scenes share, passed in explicitly: the UI manager, fonts, settings, where to find content."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame_gui

from game.render.fonts import Fonts
from game.render.palette import Palette, palette_for
from game.settings import Settings
from game.ui.notice import Notices

if TYPE_CHECKING:
    from game.audio import Audio


@dataclass(slots=True)
class SceneContext:
    """The app's shared services; `mod_folders=None` means the user's mods folder."""

    ui: pygame_gui.UIManager
    fonts: Fonts
    settings: Settings
    mod_folders: Sequence[Path] | None = None
    notices: Notices = field(default_factory=Notices)
    # The app's sound (game.audio.Audio), silent without a device; None where no app runs (some tests).
    audio: Audio | None = None

    @property
    def language(self) -> str:
        return self.settings.language

    @property
    def palette(self) -> Palette:
        """The colours the settings ask for (standard or colour-blind safe, high contrast or not)."""
        return palette_for(self.settings.palette, self.settings.high_contrast)

    def play_sound(self, name: str) -> None:
        """Plays one of game.audio's sounds when the app has sound; does nothing otherwise."""
        if self.audio is not None:
            self.audio.play(name)
