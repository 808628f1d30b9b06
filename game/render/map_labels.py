"""Room for the station map's labels, so none covers another or an order's mark: the orders' tiles are taken first,
then the Sun's and Earth's marks at the map's edge with their labels (they point at the sky), then each order's
label beside its tiles, then the ground's labels, which are left out where there is no room. Only rectangles are
compared: a handful a frame."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pygame


@dataclass(slots=True)
class LabelRoom:
    """The map's view and the boxes already taken in it this frame."""

    view: pygame.Rect
    taken: list[pygame.Rect] = field(default_factory=list)

    def free(self, box: pygame.Rect) -> bool:
        """Whether `box` lies whole in the view and covers nothing taken."""
        return self.view.contains(box) and box.collidelist(self.taken) < 0

    def take(self, box: pygame.Rect) -> pygame.Rect:
        self.taken.append(box)
        return box

    def place(self, size: tuple[int, int], places: Sequence[tuple[str, tuple[int, int]]]) -> pygame.Rect:
        """Takes the first of `places` (a pygame.Rect anchor and its point) where a box of `size` is free; with none
        free, the first clamped into the view (a label that must show, as an order's, is never left out)."""
        boxes = []
        for anchor, point in places:
            box = pygame.Rect((0, 0), size)
            setattr(box, anchor, point)
            boxes.append(box)
        return self.take_first(boxes)

    def take_first(self, boxes: Sequence[pygame.Rect]) -> pygame.Rect:
        """Takes the first free box of `boxes`, else the first clamped into the view."""
        box = next((box for box in boxes if self.free(box)), boxes[0].clamp(self.view))
        return self.take(box)
