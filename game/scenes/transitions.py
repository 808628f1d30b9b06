"""Transitions a scene returns (push, pop, replace, quit) and the one function that applies them."""

from __future__ import annotations

from dataclasses import dataclass

from game.scenes.scene import Scene


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
