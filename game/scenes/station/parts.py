"""The parts the station screen is made of, as its input and its drawing see them (StationScene has them all)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Protocol

from game.render.camera import Camera
from game.render.horizon_plot import KeptPlot
from game.render.kept_pixels import Kept, KeptPixels
from game.render.map_layers import MapLayers
from game.render.text_cache import TextCache
from game.scenes.context import SceneContext
from game.scenes.station.keys import StationKeys
from game.scenes.station.layout import StationLayout
from game.scenes.station.run import StationRun
from game.scenes.station.state import StationState
from game.scenes.station.time_runner import TimeRunner
from game.scenes.station.tools import BuildTools
from game.scenes.station.widgets import StationWidgets


@dataclass(slots=True)
class KeptWork:
    """What the screen keeps between frames besides its panels' pixels: the horizon plot's parts that change with
    neither the tile nor the hour, and the header's clock line (its words change once an hour)."""

    plot: KeptPlot = field(default_factory=KeptPlot)
    clock_line: Kept[str] = field(default_factory=Kept)


class StationParts(Protocol):
    """The level being played (`run`), the view's state, the tools in hand, time, the buttons, where everything
    goes (`layout`), the camera over the map and the keys as the player bound them."""

    ctx: SceneContext
    layout: StationLayout
    keys: StationKeys
    camera: Camera
    layers: MapLayers  # the map's drawn layers, kept between frames
    kept: defaultdict[str, KeptPixels[Any]]  # panels' pixels by name, kept between frames while their inputs stay
    kept_work: KeptWork  # the horizon plot's unchanging parts and the clock line, kept between frames
    text: TextCache
    state: StationState
    run: StationRun
    tools: BuildTools
    runner: TimeRunner
    widgets: StationWidgets
