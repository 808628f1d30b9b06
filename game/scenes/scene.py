"""What every scene offers the app (input in, transitions out, drawing that only reads), the transitions a scene
returns (push, pop, replace, quit) and the one function that applies them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import pygame


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


@dataclass(frozen=True, slots=True)
class Push:
    """Put a scene on top; the one below waits, covered, until it is on top again."""

    scene: Scene


@dataclass(frozen=True, slots=True)
class Pop:
    """Leave the top scene and go back to the one below."""


@dataclass(frozen=True, slots=True)
class Replace:
    """Swap the top scene for another (the stack does not grow)."""

    scene: Scene


@dataclass(frozen=True, slots=True)
class Quit:
    """Ask to close the game; the app confirms first when a scene has unsaved progress."""


Transition = Push | Pop | Replace | Quit


def apply_transition(stack: list[Scene], transition: Transition) -> bool:
    """Changes `stack` as `transition` says and returns whether the game keeps running.

    Only the top scene is active: it gets `enter()` when it becomes the top and `exit()` when it stops
    being the top, whether covered by a push or removed; a removed scene then gets `close()`.
    Popping the last scene ends the game.
    """
    if isinstance(transition, Quit):
        if stack:
            stack[-1].exit()  # the covered scenes already had their exit() when they were covered
        for scene in reversed(stack):
            scene.close()
        stack.clear()
        return False
    if stack:
        stack[-1].exit()
    if isinstance(transition, Push):
        stack.append(transition.scene)
    else:  # Pop or Replace: the top scene leaves for good
        if stack:
            stack.pop().close()
        if isinstance(transition, Replace):
            stack.append(transition.scene)
    if not stack:
        return False
    stack[-1].enter()
    return True
