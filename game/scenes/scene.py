"""What every scene offers the app: input in, transitions out, drawing that only reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import pygame

if TYPE_CHECKING:
    from game.scenes.transitions import Transition


class Scene(Protocol):
    """A screen of the game. Only the top scene of the stack gets events, updates and draws.

    `enter()` runs when the scene becomes the top of the stack (build its widgets there) and `exit()`
    when it stops being the top, covered by a push or removed (kill its widgets there). `close()` runs
    once, when the scene leaves the stack for good: release what outlives a covering, such as a
    simulation. `draw` must not change state: the loop may draw any number of times between updates.
    A scene that runs fixed steps in `update` reports in `alpha` how far real time has moved into the
    next step; the app passes it back to `draw`, which interpolates (tests can draw at any alpha).
    """

    @property
    def has_unsaved_progress(self) -> bool: ...

    @property
    def alpha(self) -> float: ...

    def enter(self) -> None: ...

    def exit(self) -> None: ...

    def close(self) -> None: ...

    def handle(self, event: pygame.event.Event) -> Transition | None: ...

    def update(self, dt: float) -> Transition | None: ...

    def draw(self, surface: pygame.Surface, alpha: float) -> None: ...


class SceneBase:
    """Do-nothing defaults for the optional parts of the Scene protocol; a scene overrides what it needs."""

    @property
    def has_unsaved_progress(self) -> bool:
        return False

    @property
    def alpha(self) -> float:
        return 1.0  # no fixed step: draw the latest state as it is

    def enter(self) -> None:
        pass

    def exit(self) -> None:
        pass

    def close(self) -> None:
        pass

    def handle(self, event: pygame.event.Event) -> Transition | None:
        return None

    def update(self, dt: float) -> Transition | None:
        return None

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        pass
