"""Where a box beside the pointer goes (a tooltip, a refusal): pure arithmetic, so tests can check it without a
window. The box stays inside its bounds and off the places it must not cover (the buttons pygame_gui draws on
top of everything, a hint the player is reading); where its words are too tall for the room left, they wrap
wider rather than slide under a button."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

OFFSET = 22  # from the pointer to the box's nearest corner
EDGE = 4  # from the bounds' edges and from the places avoided
WIDER = (1.3, 1.7, 2.2, 3.0)  # wider wraps tried, as multiples of the box's own one, while it fits nowhere


@dataclass(frozen=True, slots=True)
class PointerBox:
    """A placed box: its rectangle, the width its words were wrapped to, whether it covers nothing it should
    not (neither a place avoided nor the pointer) inside its bounds, and whether it at least keeps inside them
    and off every place avoided (it may cover the pointer)."""

    rect: pygame.Rect
    wrap: int
    clear: bool
    apart: bool


def place_beside_pointer(measure: Callable[[int], tuple[int, int]], wrap: int, pointer: tuple[int, int],
                         bounds: pygame.Rect, avoid: Sequence[pygame.Rect] = (), widest: int | None = None,
                         offset: int = OFFSET, padding: int = 0, settle: bool = True) -> PointerBox | None:
    """The box for words wrapped to `wrap` pixels (`measure(wrap)` is the box's size, at most `padding` wider
    than its words): beside the pointer, below and right of it when there is room, inside `bounds` and covering
    none of `avoid` nor the pointer itself.

    When no place beside the pointer is clear at that width, the words wrap wider (up to `widest`, or the
    bounds' width), so the box grows shorter: a few steps wider, and just as wide as the room beside each place
    avoided. If none is clear even then, the place covering least of `avoid` wins (a box larger than its bounds
    keeps their top left), or, with `settle` False, None: the caller has other ways to try first."""
    widest = bounds.width - 2 * EDGE - padding if widest is None else widest
    avoided = list(avoid)
    pointer_area = pygame.Rect(pointer[0] - offset // 2, pointer[1] - offset // 2, offset, offset)
    beside = {other.left - bounds.left for other in avoided} | {bounds.right - other.right for other in avoided}
    widths = sorted({wrap} | {round(wrap * factor) for factor in WIDER}
                    | {room - 2 * EDGE - padding for room in beside})
    best: tuple[tuple[int, ...], pygame.Rect, int] | None = None
    for step, width in enumerate(width for width in widths if wrap <= width <= max(wrap, widest)):
        size = measure(width)
        for rect in _places(size, pointer, bounds, avoided, offset):
            if bounds.contains(rect) and rect.collidelist(avoided) < 0:
                covered = 0
            elif not settle or (best is not None and best[0][0] == 0):
                continue  # it cannot beat a place clear of everything avoided
            else:
                covered = sum(_overlap(rect, other) for other in avoided) + _outside(rect, bounds)
            # Ties go to the usual place: right of the pointer, then below it.
            score = (covered, int(rect.colliderect(pointer_area)), step, _distance(rect, pointer),
                     int(rect.left < pointer[0]), int(rect.top < pointer[1]))
            if best is None or score < best[0]:
                best = (score, rect, width)
        if best is not None and best[0][:2] == (0, 0):
            break
    if best is None:
        return None
    return PointerBox(best[1], best[2], best[0][:2] == (0, 0), best[0][0] == 0)


def _places(size: tuple[int, int], pointer: tuple[int, int], bounds: pygame.Rect, avoid: Sequence[pygame.Rect],
            offset: int) -> list[pygame.Rect]:
    """The places worth trying, each once: the four corners beside the pointer, and against each edge of the
    bounds and of each place avoided, every one moved inside the bounds where it fits."""
    width, height = size
    xs = {pointer[0] + offset, pointer[0] - offset - width, bounds.left + EDGE, bounds.right - EDGE - width}
    ys = {pointer[1] + offset, pointer[1] - offset - height, bounds.top + EDGE, bounds.bottom - EDGE - height}
    for other in avoid:
        xs |= {other.right + EDGE, other.left - EDGE - width}
        ys |= {other.bottom + EDGE, other.top - EDGE - height}
    inner = bounds.inflate(-2 * EDGE, -2 * EDGE)
    if width > inner.width or height > inner.height:
        return [pygame.Rect(inner.topleft, size)]
    # Clamped inside, as a pair of ranges: a place left of the bounds moves to their edge.
    xs = {min(max(x, inner.left), inner.right - width) for x in xs}
    ys = {min(max(y, inner.top), inner.bottom - height) for y in ys}
    return [pygame.Rect(x, y, width, height) for x in sorted(xs) for y in sorted(ys)]


def _overlap(rect: pygame.Rect, other: pygame.Rect) -> int:
    clipped = rect.clip(other)
    return clipped.width * clipped.height


def _outside(rect: pygame.Rect, bounds: pygame.Rect) -> int:
    return rect.width * rect.height - _overlap(rect, bounds)


def _distance(rect: pygame.Rect, pointer: tuple[int, int]) -> int:
    """How far the box's nearest edge is from the pointer (0 when the box is over it)."""
    dx = max(rect.left - pointer[0], 0, pointer[0] - rect.right)
    dy = max(rect.top - pointer[1], 0, pointer[1] - rect.bottom)
    return dx * dx + dy * dy
