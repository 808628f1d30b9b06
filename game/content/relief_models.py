"""The level format's relief and polar sky: the heights of a site, and the Sun's and Earth's paths at the pole.

A site's light, Earth view and ice are computed from these (game/terrain): for every tile the horizon in each
direction, against the Sun circling low once a lunar day and Earth bobbing about the horizon. Positions and
radii are in tiles (columns from the left, rows from the top, as the map's text rows); heights in metres.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

import pydantic
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from game.content.figure_model import GAME_VALUE, Figure, Figures, check_figure_names

# Caps that keep a modder's relief cheap to compute and impossible to blow up (the map itself is at most
# 120 × 120 tiles): features, a grid's size, and heights within the Moon's real range (about ±10 km).
MAX_FEATURES = 64
MAX_FAR_POINTS = 72
MAX_HEIGHT_M = 12_000.0
MAX_IMAGE_BYTES = 2_000_000


def _relative_inside(path: str) -> str:
    # The image must sit in the level's own folder or below: no absolute path, no '..', no drive letter.
    parts = path.replace("\\", "/").split("/")
    if path.startswith(("/", "\\")) or ":" in path or ".." in parts or not path.lower().endswith(".png"):
        raise ValueError("a height image is a .png file named relative to the level's folder, without '..'")
    return path


def _web_address(text: str) -> str:
    if not text.startswith(("http://", "https://")) or any(char.isspace() for char in text):
        raise ValueError("a source must be a web address starting with http:// or https://")
    return text


Height = Annotated[float, Field(ge=-MAX_HEIGHT_M, le=MAX_HEIGHT_M, allow_inf_nan=False)]
TileCoordinate = Annotated[float, Field(ge=-120.0, le=240.0, allow_inf_nan=False)]
Radius = Annotated[float, Field(gt=0.0, le=240.0, allow_inf_nan=False)]
# TOML has no tuples: a [column, row] pair arrives as a list.
TilePoint = Annotated[tuple[TileCoordinate, TileCoordinate], pydantic.Strict(False)]
ImagePath = Annotated[str, AfterValidator(_relative_inside), Field(max_length=200)]


class _Strict(BaseModel):
    # The same contract as every level model: unknown keys and loose types are errors.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Crater(_Strict):
    """A bowl: the floor `depth_m` below the ground around it, a raised rim `rim_m` high at `radius`."""

    x: TileCoordinate
    y: TileCoordinate
    radius: Radius = Field(description="Rim radius in tiles.")
    depth_m: float = Field(ge=0.0, le=MAX_HEIGHT_M, allow_inf_nan=False,
                           description="Floor below the surrounding ground, metres.")
    rim_m: float = Field(0.0, ge=0.0, le=MAX_HEIGHT_M, allow_inf_nan=False,
                         description="Rim above the surrounding ground, metres.")


class Peak(_Strict):
    """A rounded hill `height_m` high, falling to the ground around it at `radius` tiles. With `top_radius`
    its summit is levelled flat out to that many tiles (a mesa: no one spot of it sees the whole sky)."""

    x: TileCoordinate
    y: TileCoordinate
    radius: Radius
    height_m: Height
    top_radius: float = Field(0.0, ge=0.0, le=240.0, allow_inf_nan=False)


class Ridge(_Strict):
    """A long rise from one point to another, `width` tiles across, `height_m` high along its crest."""

    start: TilePoint = Field(description="[column, row] of one end.")
    end: TilePoint = Field(description="[column, row] of the other end.")
    width: Radius = Field(description="Half-width at the foot, in tiles.")
    height_m: Height


class FarPoint(_Strict):
    """One point of the far horizon: how high mountains beyond the map stand in one direction."""

    azimuth_deg: float = Field(ge=0.0, lt=360.0, allow_inf_nan=False,
                               description="Direction, degrees clockwise from the map's top (towards Earth).")
    elevation_deg: float = Field(ge=-5.0, le=20.0, allow_inf_nan=False,
                                 description="Elevation of their skyline seen from the map's base height.")
    distance_km: float = Field(40.0, ge=2.0, le=300.0, allow_inf_nan=False,
                               description="How far away they stand, km (the nearer, the more height matters).")


class Relief(_Strict):
    """The site's heights. They start from each ground kind's typical height (smoothed) unless
    `from_tiles` is false, then the features, an explicit grid or image, and roughness are added."""

    from_tiles: bool = Field(True, description="Start from the ground kinds' typical heights (tiles' height_m).")
    smoothing: int = Field(2, ge=0, le=8, description="Passes of smoothing over the kinds' heights.")
    flat_summits: bool = Field(
        True, description="Level each patch of the highest kind of ground flat at its top (a summit plateau).")
    craters: list[Crater] = Field([], max_length=MAX_FEATURES)
    peaks: list[Peak] = Field([], max_length=MAX_FEATURES)
    ridges: list[Ridge] = Field([], max_length=MAX_FEATURES)
    heights: list[list[Height]] | None = Field(
        None, max_length=120, description="Heights in metres, one row of numbers per map row (added).")
    height_image: ImagePath | None = Field(
        None, description="A greyscale PNG in the level's folder, one pixel a tile, black 0 m (added).")
    image_scale_m: float = Field(1000.0, gt=0.0, le=MAX_HEIGHT_M, allow_inf_nan=False,
                                 description="Height of a white pixel in `height_image`, metres.")
    roughness_m: float = Field(0.0, ge=0.0, le=500.0, allow_inf_nan=False,
                               description="Seeded bumps of about this height, metres.")
    seed: int = Field(0, ge=0, le=2**31, description="Seeds the roughness, so the same level has the same ground.")
    earth_azimuth_deg: float = Field(
        0.0, ge=0.0, lt=360.0, allow_inf_nan=False,
        description="Which way the near side (and Earth) lies on this map, degrees clockwise from the top.")
    far_horizon: list[FarPoint] = Field(
        [], max_length=MAX_FAR_POINTS,
        description="Mountains beyond the map, by direction; between points the skyline runs straight.")

    @model_validator(mode="after")
    def _grid_rows_even(self) -> Relief:
        if self.heights is not None:
            widths = {len(row) for row in self.heights}
            if len(widths) > 1 or 0 in widths:
                raise ValueError("every row of 'heights' must hold the same number of heights, at least one")
            if max(widths) > 120:
                raise ValueError("a row of 'heights' holds at most 120 numbers (the map's largest width)")
        if self.heights is not None and self.height_image is not None:
            raise ValueError("give 'heights' or 'height_image', not both")
        return self


class PolarSky(_Strict):
    """The Sun's and Earth's paths in the sky at the lunar south pole, with their sources."""

    axis_tilt_deg: float = Field(gt=0.0, le=10.0, description="Greatest height of the Sun above or below the "
                                 "polar horizon over the Moon's year, degrees.")
    year_days: float = Field(gt=0.0, le=1000.0, description="The Moon's year of seasons (the eclipse year), days.")
    sun_disc_deg: float = Field(gt=0.0, le=5.0, description="The Sun's apparent width, degrees.")
    earth_disc_deg: float = Field(gt=0.0, le=10.0, description="Earth's apparent width from the Moon, degrees.")
    earth_latitude_libration_deg: float = Field(ge=0.0, le=20.0)
    earth_latitude_period_days: float = Field(gt=0.0, le=100.0)
    earth_longitude_libration_deg: float = Field(ge=0.0, le=20.0)
    earth_longitude_period_days: float = Field(gt=0.0, le=100.0)
    moon_radius_km: float = Field(gt=0.0, le=10_000.0, description="For the curvature of the ground.")
    ice_percent_in_permanent_shadow: float = Field(
        ge=0.0, le=100.0, description="Water ice by mass in ground the Sun never reaches, percent.")
    figures: Figures = {}
    sources: list[Annotated[str, AfterValidator(_web_address)]] = Field(min_length=1)

    # The one number of the sky a player reads: the ice a permanently shadowed tile holds (its tooltip, the
    # ice extractor's refusal). The others shape the light, which the screens call worked out.
    SHOWN_FIGURES: ClassVar[tuple[str, ...]] = ("ice_percent_in_permanent_shadow",)

    @model_validator(mode="after")
    def _figures_name_shown_numbers(self) -> PolarSky:
        check_figure_names(self, self.figures, self.SHOWN_FIGURES)
        return self

    def figure(self, name: str) -> Figure:
        """The status of the number in field `name`: as listed in `figures`, else a game value."""
        return self.figures.get(name, GAME_VALUE)
