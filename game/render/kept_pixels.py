"""Drawing kept with what it was drawn from: a panel whose inputs did not change since the last frame is copied
back instead of drawn again (its words, shapes and wrapping are much of a frame's work), and a box drawn over
something that changes (the horizon plot over the map) keeps an image with see-through rounded corners."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import pygame

T = TypeVar("T")


class KeptPixels(Generic[T]):
    """One area's last drawing, its inputs and what it returned; a cache of pixels, never game state, so drawing
    may fill it."""

    def __init__(self) -> None:
        self._inputs: object = None
        self._area: pygame.Rect | None = None
        self._pixels: pygame.Surface | None = None
        self._result: T | None = None

    def draw(self, surface: pygame.Surface, area: pygame.Rect, inputs: object, draw: Callable[[], T]) -> T:
        """Calls `draw`, or copies its last pixels back when `inputs` (everything it reads, compared with ==) are
        as they were; returns what `draw` returned. `draw` must paint every pixel of `area`, over whatever lay
        there, and none outside it."""
        area = area.clip(surface.get_rect())
        if self._pixels is not None and area == self._area and inputs == self._inputs:
            surface.blit(self._pixels, area)
            return self._result  # type: ignore[return-value]  # set with the pixels
        self._result = result = draw()
        self._inputs, self._area = inputs, area
        if self._pixels is None or self._pixels.get_size() != area.size:
            self._pixels = surface.subsurface(area).copy()
        else:
            self._pixels.blit(surface, (0, 0), area)
        return result



# The colour a box's rounded corners are filled with before drawing, blitted as see-through: there, what lies
# under the box shows. No palette, text or picture the game draws uses it.
SEE_THROUGH = (255, 0, 254)


def box_image(size: tuple[int, int], like: pygame.Surface, radius: int, reuse: pygame.Surface | None = None
              ) -> pygame.Surface:
    """A `size` image in `like`'s pixel format (words and shapes blend on it exactly as on `like`) for a box with
    corners rounded by `radius`: its corner squares are see-through until drawn on, and the drawing must cover
    everything else (a rounded rectangle does). It is drawn in the memory of `reuse` (an earlier one) when that
    is large enough: a tooltip's size changes with its words, and new memory is slow to touch the first time.
    Put it on the screen with blit_box."""
    canvas = None if reuse is None else reuse.get_parent() or reuse
    if canvas is None or canvas.get_width() < size[0] or canvas.get_height() < size[1] \
            or canvas.get_bitsize() != like.get_bitsize() or canvas.get_masks() != like.get_masks():
        room = (size[0] if canvas is None else max(size[0], canvas.get_width()),
                size[1] if canvas is None else max(size[1], canvas.get_height()))
        canvas = pygame.Surface((-(-room[0] // 64) * 64, -(-room[1] // 64) * 64), 0, like)
    image = canvas.subsurface((0, 0, *size))
    for corner in _corners(size, radius):
        image.fill(SEE_THROUGH, corner)
    return image


def blit_box(surface: pygame.Surface, image: pygame.Surface, topleft: tuple[int, int], radius: int) -> None:
    """Puts a box_image on `surface` at `topleft`: a plain copy but in its corner squares, where what it left
    see-through lets `surface` show (a see-through copy of the whole box would cost twice as much)."""
    width, height = image.get_size()
    x, y = topleft
    r = _corner_size(image.get_size(), radius)
    surface.blit(image, (x + r, y), pygame.Rect(r, 0, width - 2 * r, height))
    surface.blit(image, (x, y + r), pygame.Rect(0, r, r, height - 2 * r))
    surface.blit(image, (x + width - r, y + r), pygame.Rect(width - r, r, r, height - 2 * r))
    for corner in _corners(image.get_size(), radius):
        piece = image.subsurface(corner)
        piece.set_colorkey(SEE_THROUGH)
        surface.blit(piece, (x + corner.x, y + corner.y))


def _corner_size(size: tuple[int, int], radius: int) -> int:
    return max(0, min(radius, size[0] // 2, size[1] // 2))


def _corners(size: tuple[int, int], radius: int) -> list[pygame.Rect]:
    width, height = size
    r = _corner_size(size, radius)
    if r == 0:
        return []
    return [pygame.Rect(0, 0, r, r), pygame.Rect(width - r, 0, r, r), pygame.Rect(0, height - r, r, r),
            pygame.Rect(width - r, height - r, r, r)]


class Kept(Generic[T]):
    """A thing made from inputs (an image, a line of words) kept with them until they change: a box that moves
    or whose rounded corners show what lies under it keeps its image here, not in a KeptPixels. A cache, never
    game state."""

    def __init__(self) -> None:
        self._inputs: object = None
        self._made: T | None = None

    def value(self, inputs: object, make: Callable[[T | None], T]) -> T:
        """What `make` makes, made again only when `inputs` (everything it reads, compared with ==) changed;
        `make` is given the last one, to reuse (an image's memory, see box_image)."""
        if self._made is None or inputs != self._inputs:
            self._made, self._inputs = make(self._made), inputs
        return self._made
