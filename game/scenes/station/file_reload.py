"""A modder's edit-and-look loop: the station screen of `lunar-station play LEVEL` watches the level's files
and, when one changes on disk, offers to reload the level, keeping the view of the map."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pygame
import pygame_gui
from pygame_gui.windows import UIConfirmationDialog

from game.content.loader import LoadedLevel, load_level_by_path
from game.content.ui_text import to_translate
from game.content.watch import LevelWatch
from game.render.camera import Camera
from game.scenes.context import SceneContext
from game.ui.confirm_dialog import Question, open_confirm_dialog

CHECK_EVERY_S = 1.0  # real seconds between looks at the files
RELOAD = Question(
    to_translate("The level file changed"),
    to_translate("Reload it? The level starts again from its first day with the changed files; your view of the map "
                 "stays."),
    to_translate("Reload"),
)
ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)
SceneT = TypeVar("SceneT")


class FileReload:
    """Looks at the watched files once a second; asks once per change; loads the changed level when told to."""

    def __init__(self, watch: LevelWatch | None):
        self.watch = watch
        self.dialog: UIConfirmationDialog | None = None
        self._since_check = 0.0

    @property
    def offered(self) -> bool:
        return self.dialog is not None and self.dialog.alive()

    def offer(self, ctx: SceneContext, dt: float) -> None:
        """Opens the reload question when a watched file changed since the last look."""
        if self.watch is None or self.offered:
            return
        self._since_check += dt
        if self._since_check < CHECK_EVERY_S:
            return
        self._since_check = 0.0
        if self.watch.changed():
            self.dialog = open_confirm_dialog(ctx.ui, ctx.ui.window_resolution, RELOAD, ctx.tr)

    def answer(self, event: pygame.event.Event) -> bool | None:
        """True to reload, False to keep playing, None when `event` does not answer an open question."""
        if not self.offered:
            return None
        confirmed = event.type == pygame_gui.UI_CONFIRMATION_DIALOG_CONFIRMED and event.ui_element is self.dialog
        closed = event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.dialog
        if event.type == pygame.KEYDOWN and event.key in ENTER_KEYS:
            confirmed = True
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            closed = True
        if confirmed or closed:
            self.close()
            return confirmed
        return None

    def close(self) -> None:
        if self.dialog is not None and self.dialog.alive():
            self.dialog.kill()
        self.dialog = None

    def reloaded_scene(self, ctx: SceneContext, make: Callable[[LoadedLevel], SceneT]) -> SceneT | None:
        """The scene for the level as the files now say, or None after a notice naming the first problem."""
        if self.watch is None:
            return None
        loaded = load_level_by_path(self.watch.level)
        if not loaded.ok:
            first = str(loaded.problems[0]) if loaded.problems else ""
            ctx.notices.show(ctx.tr("The changed level cannot be played yet, so you keep playing the one before. Its "
                                    "first problem: {problem}", problem=first), 12.0)
            return None
        return make(loaded)


def keep_view(old: Camera, new: Camera) -> None:
    """The new screen looks where the old one did: the same zoom and centre (kept on the map if it shrank)."""
    new.tile_px = old.tile_px
    new.centre_x = min(old.centre_x, float(new.columns))
    new.centre_y = min(old.centre_y, float(new.rows))
