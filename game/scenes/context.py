"""What scenes share, passed in explicitly: the UI manager, fonts, settings, where to find content."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pygame_gui

from game.render.fonts import Fonts
from game.settings import Settings
from game.ui.notice import Notices


@dataclass(slots=True)
class SceneContext:
    """The app's shared services; `mod_folders=None` means the user's mods folder."""

    ui: pygame_gui.UIManager
    fonts: Fonts
    settings: Settings
    mod_folders: Sequence[Path] | None = None
    notices: Notices = field(default_factory=Notices)

    @property
    def language(self) -> str:
        return self.settings.language
