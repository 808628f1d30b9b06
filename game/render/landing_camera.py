"""The landing's side-view camera: follows the lander, zooms in near the ground; the one place metres become pixels."""

from __future__ import annotations

from dataclasses import dataclass

from game.landing.terrain import Ground

# How many metres of height the view shows: the altitude twice over plus a margin, within these bounds.
VIEW_HEIGHT_PER_ALTITUDE = 2.2
VIEW_HEIGHT_MARGIN_M = 32.0
MIN_VIEW_HEIGHT_M = 36.0
MAX_VIEW_HEIGHT_M = 1500.0
# The ground sits this far down the screen when the lander is low (share of the screen's height).
GROUND_ON_SCREEN = 0.82
# High up, the lander is kept at least this far from the top edge (share of the screen's height).
LANDER_TOP_MARGIN = 0.22
# The ground under the lander is averaged over this reach, so boulders do not shake the view.
GROUND_SMOOTHING_M = 30.0


@dataclass(frozen=True, slots=True)
class SideCamera:
    """Maps metres (x right, y up) to pixels (x right, y down) for a screen of `size`."""

    centre_x: float
    centre_y: float
    pixels_per_metre: float
    size: tuple[int, int]

    @classmethod
    def following(cls, x: float, y: float, altitude: float, ground: Ground, size: tuple[int, int]) -> SideCamera:
        """The view of a lander at (x, y), `altitude` above the ground: closer the lower it flies."""
        width, height = size
        view_height = VIEW_HEIGHT_PER_ALTITUDE * max(altitude, 0.0) + VIEW_HEIGHT_MARGIN_M
        view_height = max(MIN_VIEW_HEIGHT_M, min(MAX_VIEW_HEIGHT_M, view_height))
        scale = height / view_height
        reach = GROUND_SMOOTHING_M
        floor = (ground.height_at(x - reach) + ground.height_at(x) + ground.height_at(x + reach)) / 3.0
        # The ground low on the screen; but never so low that the lander leaves the top.
        centre_y = floor + (GROUND_ON_SCREEN - 0.5) * view_height
        centre_y = max(centre_y, y - (0.5 - LANDER_TOP_MARGIN) * view_height)
        return cls(x, centre_y, scale, (width, height))

    @property
    def left(self) -> float:
        return self.centre_x - self.size[0] / 2 / self.pixels_per_metre

    @property
    def right(self) -> float:
        return self.centre_x + self.size[0] / 2 / self.pixels_per_metre

    @property
    def bottom(self) -> float:
        return self.centre_y - self.size[1] / 2 / self.pixels_per_metre

    def to_screen(self, x: float, y: float) -> tuple[float, float]:
        """Pixels of the point (x, y) in metres: y flips here and nowhere else."""
        scale = self.pixels_per_metre
        return self.size[0] / 2 + (x - self.centre_x) * scale, self.size[1] / 2 - (y - self.centre_y) * scale
