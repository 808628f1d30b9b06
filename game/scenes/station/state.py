"""What the station screen shows between frames, as plain data: the overlay, the side panel, the pointer, leaving."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class StationState:
    """The player's choices of view and where the pointer is. Input changes them; drawing only reads them.

    The level being played lives in StationRun, the tools in hand in BuildTools and time in TimeRunner.
    """

    overlay: str = "ground"
    side_tab: str = "build"  # "build", "goals", or "log" when the log is a tab of its own
    goals_scroll: int = 0
    mouse: tuple[int, int] | None = None
    dragging: bool = False
    held_pan: set[int] = field(default_factory=set)  # the pan keys held down, as key codes
    horizon_plot: bool = False  # the horizon plot stays open (its key), over any overlay
