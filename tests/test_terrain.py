"""Light computed from the terrain: the geometry of the horizon method on made-up ground, the shipped
Shackleton-rim site against the published figures, the cache, the height image, and the typed-in override."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest

from game.content.loader import load_base_catalog, load_level_by_path, read_relief_image
from game.content.models import Site
from game.content.relief_models import FarPoint
from game.rules.grid import SiteGrid
from game.terrain import light as light_module
from game.terrain.horizon import near_horizon
from game.terrain.light import SiteLight, light_for_heights
from game.terrain.png import HeightImageError, image_inside, read_height_image
from game.terrain.report import light_figures
from game.terrain.sky import SEASON_AT_START, Sky

REPO = Path(__file__).resolve().parent.parent
SHACKLETON_RIM = [REPO / "levels" / "01_agreement_2021.toml", REPO / "levels" / "02_change7_2026.toml"]
CATALOG = load_base_catalog()[0]
SKY = Sky.from_moon(CATALOG.moon)  # type: ignore[arg-type]
TILE_M = 100.0


def sky() -> Sky:
    assert SKY is not None
    return SKY


def light_of(heights: np.ndarray, far: list[FarPoint] | None = None) -> SiteLight:
    return light_for_heights(heights, TILE_M, far or [], sky(), use_disk=False)


# -- geometry on made-up ground --

def test_a_lone_peak_on_a_plain_is_lit_most_and_shades_the_plain_behind_it() -> None:
    heights = np.zeros((21, 21))
    ys, xs = np.mgrid[0:21, 0:21]
    heights += 300.0 * np.clip(1 - np.hypot(xs - 10, ys - 10) / 3, 0, 1)
    light = light_of(heights)
    assert light.share[10, 10] == light.share.max()
    # A plain tile just north of the peak: the peak stands to its south (azimuth 180°), 300 m up.
    north = (10, 6)
    assert light.horizon_at(*north, 180.0) > 5.0
    assert light.horizon_at(*north, 0.0) < 0.1
    # So it is dark while the Sun is towards the south and lit, in summer, while the Sun is north.
    hours_south = 0.5 * sky().synodic_day_hours  # the Sun circles from 0° at hour 0
    summer = (0.25 - SEASON_AT_START) * sky().year_hours  # the Sun at its highest
    assert light.sun_fraction(*north, hours_south) == 0.0
    assert light.sun_fraction(*north, summer - (summer % sky().synodic_day_hours)) > 0.0
    assert light.share[6, 10] < light.share[10, 10]
    # Earth, low over the map's top, is in view from the peak more than from behind it to the south.
    assert light.earth_share[10, 10] > light.earth_share[14, 10]


def test_a_crater_deeper_than_its_rim_shadow_keeps_a_floor_in_permanent_shadow() -> None:
    size = 31
    ys, xs = np.mgrid[0:size, 0:size]
    r = np.hypot(xs - 15, ys - 15) / 8
    heights = np.where(r < 1, -800 + 880 * r**2, 80 * np.exp(-(((r - 1) / 0.35) ** 2)))
    light = light_of(heights)
    assert light.share[15, 15] == 0.0 and light.longest_dark_hours[15, 15] >= 24 * 340
    assert light.permanently_dark(15, 15)
    # The top of the rim is in light for a good part of the year.
    assert light.share[15, 15 - 8] > 0.3


def test_a_wall_to_the_south_hides_the_sun_in_the_south_only() -> None:
    heights = np.zeros((20, 20))
    heights[14:, :] = 400.0  # a wall along the south
    light = light_of(heights)
    tile = (10, 10)  # four tiles north of the wall
    assert light.horizon_at(*tile, 180.0) > 40.0
    assert light.horizon_at(*tile, 0.0) < 0.0
    # About half the azimuths face the wall: the tile is lit well under half the year, the wall's top more.
    assert light.share[10, 10] < 0.35
    assert light.share[15, 10] > light.share[10, 10]


def test_the_curved_moon_drops_a_far_tile_below_the_horizon() -> None:
    # On a flat, level plain the ground ahead falls away by d²/2R: the horizon dips below 0°.
    flat = near_horizon(np.zeros((5, 60)), TILE_M, sky().moon_radius_m)
    assert (flat < 0).all()
    # A ridge 5 m high 5.8 km away stands above a 0 m observer's horizontal only without the curvature.
    ridge = np.zeros((5, 60))
    ridge[:, 59] = 5.0
    seen = near_horizon(ridge, TILE_M, sky().moon_radius_m)[2, 1, 18]  # azimuth 90°: east
    assert seen < 0.0


def test_a_far_horizon_lowers_from_high_ground() -> None:
    far = [FarPoint(azimuth_deg=a, elevation_deg=0.5, distance_km=10) for a in (0, 90, 180, 270)]
    heights = np.zeros((9, 9))
    heights[4, 4] = 200.0
    light = light_of(heights, far)
    assert light.horizon_at(4, 4, 45.0) < light.horizon_at(0, 0, 45.0) - 0.8
    assert light.share[4, 4] > light.share[0, 0]


def test_hourly_light_adds_up_to_the_yearly_share() -> None:
    level, catalog = load_level_by_path(SHACKLETON_RIM[0]).require()
    grid = SiteGrid.from_site(level.site, catalog.tiles, catalog.moon)
    x, y = light_figures(grid.light).best_tile  # type: ignore[arg-type]
    hours = range(0, int(sky().year_hours), 5)
    mean = sum(grid.sun_fraction(x, y, hour) for hour in hours) / len(hours)
    assert mean == pytest.approx(grid.sunlight(x, y), abs=0.02)


# -- the shipped terrain against the published figures --

@pytest.mark.parametrize("path", SHACKLETON_RIM, ids=lambda path: path.stem)
def test_the_shackleton_rim_site_matches_the_published_light(path: Path) -> None:
    level, catalog = load_level_by_path(path).require()
    grid = SiteGrid.from_site(level.site, catalog.tiles, catalog.moon)
    assert grid.light is not None
    figures = light_figures(grid.light)
    # Bussey et al. 2010: the best single point lit about 86 % of a year, two together about 94 %,
    # no point lit all the time, crater floors never.
    assert 0.80 <= figures.best_share <= 0.90
    assert figures.always_lit == 0
    assert figures.pair_share >= figures.best_share + 0.05
    floors = [grid.sunlight(x, y) for x, y, kind in grid.cells() if kind.id == "crater_floor"]
    assert floors and max(floors) == 0.0
    assert all(grid.ice_percent(x, y) > 0 for x, y, kind in grid.cells() if kind.id == "crater_floor")
    assert all(grid.ice_percent(x, y) == 0 for x, y, _ in grid.cells() if grid.sunlight(x, y) > 0)


def test_the_typed_in_override_keeps_the_kinds_figures() -> None:
    level, catalog = load_level_by_path(SHACKLETON_RIM[0]).require()
    site = level.site.model_copy(update={"light": "tile_kinds"})
    grid = SiteGrid.from_site(site, catalog.tiles, catalog.moon)
    assert grid.light is None
    for x, y, kind in grid.cells():
        assert grid.sunlight(x, y) == kind.sunlight and grid.ice_percent(x, y) == kind.ice_percent


# -- the cache --

def test_light_is_cached_by_the_terrains_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUNAR_STATION_HOME", str(tmp_path))
    heights = np.random.default_rng(3).uniform(0, 50, (12, 14))
    first = light_for_heights(heights, TILE_M, [], sky())
    files = list((tmp_path / "cache" / "light").glob("*.npz"))
    assert len(files) == 1
    light_module._MEMORY.clear()
    again = light_for_heights(heights, TILE_M, [], sky())
    assert again is not first and np.array_equal(again.share, first.share)
    light_module._MEMORY.clear()
    changed = heights.copy()
    changed[3, 3] += 100
    light_for_heights(changed, TILE_M, [], sky())
    assert len(list((tmp_path / "cache" / "light").glob("*.npz"))) == 2


# -- the height image --

def png(width: int, height: int, rows: list[bytes], colour: int = 0) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_a_height_image_is_read_without_pygame_and_kept_inside_the_mod(tmp_path: Path) -> None:
    (tmp_path / "relief.png").write_bytes(png(3, 2, [bytes([0, 128, 255]), bytes([255, 0, 0])]))
    image = read_height_image(image_inside(tmp_path, "relief.png"))
    assert image.shape == (2, 3) and image[0, 2] == 1.0 and image[0, 0] == 0.0
    with pytest.raises(HeightImageError, match="outside the level's folder"):
        image_inside(tmp_path / "mod", "../relief.png")
    (tmp_path / "big.png").write_bytes(png(130, 1, [bytes(130)]))
    with pytest.raises(HeightImageError, match="at most 120"):
        read_height_image(tmp_path / "big.png")
    (tmp_path / "fake.png").write_bytes(b"not a picture")
    with pytest.raises(HeightImageError, match="not a PNG"):
        read_height_image(tmp_path / "fake.png")
    (tmp_path / "huge.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2_000_001))
    with pytest.raises(HeightImageError, match="larger than 2000 kB"):
        read_height_image(tmp_path / "huge.png")
    if hasattr(os, "mkfifo"):  # read through the one reader: a pipe in the image's place is refused, never waited on
        os.mkfifo(tmp_path / "pipe.png")
        with pytest.raises(HeightImageError, match="is not a file"):
            read_height_image(tmp_path / "pipe.png")


def test_a_level_with_a_height_image_gets_its_heights(tmp_path: Path) -> None:
    site = Site.model_validate({"name": "t", "legend": {".": "plain"}, "rows": ["...."] * 4,
                                "relief": {"height_image": "h.png", "image_scale_m": 200.0}})
    level, _ = load_level_by_path(SHACKLETON_RIM[0]).require()
    level = level.model_copy(update={"site": site})
    (tmp_path / "h.png").write_bytes(png(4, 4, [bytes([0, 0, 0, 255])] * 4))
    read, problem = read_relief_image(level, tmp_path)
    assert problem is None and read.site.relief.heights is not None
    assert read.site.relief.heights[0] == [0.0, 0.0, 0.0, 200.0]
    _, missing = read_relief_image(level, tmp_path / "elsewhere")
    assert missing is not None and "was not found" in missing
