"""Light and Earth view over a year, from each tile's horizon (the horizon method).

For a year of hours the Sun's direction at the pole is checked against every tile's horizon: the share
of the Sun's disc above it is that hour's light. From that come each tile's lit share, its longest dark
spell, and its lit hours on each day; Earth's direction gives the share of time Earth is in view. Ground
the Sun's disc never touches is in permanent shadow, where ice can last.

Results are kept by the terrain's content (heights, far horizon, sky) in memory and in the user's cache
folder, so a level computes its light once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from game import paths
from game.content.models import Site, TileKind
from game.terrain.horizon import N_AZIMUTHS, at_azimuth, horizon
from game.terrain.png import image_inside, read_height_image
from game.terrain.relief import build_heights
from game.terrain.sky import HOURS_PER_DAY, Sky

STEP_HOURS = 3.0  # the year is checked every three hours: the Sun moves 1.5° of azimuth in that time
CHUNK_TILES = 1024  # tiles checked together: keeps the year's table for them within about 20 megabytes
FINE_STEP_DEG = 0.5  # the horizon is read every half degree of azimuth
FINE_BINS = int(360 / FINE_STEP_DEG)
CACHE_VERSION = "light-1"
_MEMORY: dict[str, SiteLight] = {}


@dataclass(eq=False)
class SiteLight:
    """A site's computed light; arrays are indexed [row, column] like the map's text rows."""

    heights: np.ndarray  # metres
    horizon: np.ndarray  # degrees, [row, column, azimuth bin]
    share: np.ndarray  # of the year's time, the share of the Sun's disc seen (0..1)
    longest_dark_hours: np.ndarray  # the longest spell with none of the disc seen, within the year
    earth_share: np.ndarray  # of the year's time, Earth's centre above the horizon (0..1)
    daily_hours: np.ndarray  # [row, column, day]: hours lit on each day of the year
    sky: Sky
    tile_m: float
    _rows: dict[tuple[int, int], list[float]] = field(default_factory=dict)

    @property
    def n_azimuths(self) -> int:
        return int(self.horizon.shape[2])

    def horizon_at(self, x: int, y: int, azimuth: float) -> float:
        """The tile's horizon elevation towards `azimuth`, degrees."""
        row = self._rows.get((x, y))
        if row is None:
            row = self._rows[(x, y)] = [float(v) for v in self.horizon[y, x]]
        n = len(row)
        position = (azimuth % 360.0) / (360.0 / n)
        low = int(position) % n
        weight = position - int(position)
        return row[low] * (1.0 - weight) + row[(low + 1) % n] * weight

    def sun_fraction(self, x: int, y: int, hour: float) -> float:
        """The share of the Sun's disc the tile sees at `hour` (0 dark, 1 the whole disc)."""
        azimuth, elevation = self.sky.sun(hour)
        return self.sky.disc_fraction(elevation, self.horizon_at(x, y, azimuth))

    def sun_fractions(self, x: int, y: int, hours: np.ndarray) -> np.ndarray:
        """sun_fraction at every hour of `hours` at once, worked as horizon_at and disc_fraction work it."""
        azimuths, elevations = self.sky.sun_path(hours)
        row = self.horizon[y, x].astype(np.float64)
        n = len(row)
        position = (azimuths % 360.0) / (360.0 / n)
        whole = position.astype(np.intp)  # positions are never negative: truncation is int()
        weight = position - whole
        low = whole % n
        seen = row[low] * (1.0 - weight) + row[(low + 1) % n] * weight
        return np.clip((elevations - seen) / self.sky.sun_disc_deg + 0.5, 0.0, 1.0)

    def earth_in_view(self, x: int, y: int, hour: float) -> bool:
        azimuth, elevation = self.sky.earth(hour)
        return elevation > self.horizon_at(x, y, azimuth)

    def permanently_dark(self, x: int, y: int) -> bool:
        return bool(self.share[y, x] <= 0.0)


def site_light(site: Site, tiles: Mapping[str, TileKind], sky: Sky, folder: Path | None = None) -> SiteLight:
    """The site's light, from the cache when this terrain was computed before. `folder` holds the level
    (for its height image); the image must have been checked by the loader."""
    image = None
    if site.relief.height_image is not None and folder is not None:
        image = read_height_image(image_inside(folder, site.relief.height_image))
    heights = build_heights(site, tiles, image)
    sky = dataclasses.replace(sky, earth_azimuth_deg=site.relief.earth_azimuth_deg)
    return light_for_heights(heights, site.tile_size_m, site.relief.far_horizon, sky)


def light_for_heights(heights: np.ndarray, tile_m: float, far: object, sky: Sky,
                      n_azimuths: int = N_AZIMUTHS, use_disk: bool = True) -> SiteLight:
    far_points = list(far) if far else []  # type: ignore[call-overload]
    digest = hashlib.sha256()
    digest.update(CACHE_VERSION.encode())
    digest.update(np.ascontiguousarray(heights, dtype=np.float64).tobytes())
    digest.update(repr((heights.shape, tile_m, n_azimuths, sky.key(), STEP_HOURS,
                        [(p.azimuth_deg, p.elevation_deg, p.distance_km) for p in far_points])).encode())
    key = digest.hexdigest()[:32]
    cached = _MEMORY.get(key)
    if cached is not None:
        # The key holds what shapes the light, not the ice in shadow nor its status: the sky is this call's.
        return cached if cached.sky == sky else dataclasses.replace(cached, sky=sky, _rows={})
    light = _read_cache(key, sky, tile_m) if use_disk else None
    if light is None:
        whole = horizon(heights, tile_m, sky.moon_radius_m, far_points, n_azimuths)
        light = compute_light(heights, whole, sky, tile_m)
        if use_disk:
            _write_cache(key, light)
    _MEMORY[key] = light
    return light


def compute_light(heights: np.ndarray, horizon_deg: np.ndarray, sky: Sky, tile_m: float) -> SiteLight:
    """A year of the Sun and Earth against every tile's horizon.

    Each tile's horizon is first drawn out to half-degree steps; then every time step reads one row of that
    table ([time, tile] layout, so each step is one contiguous row) and the year's sums follow.
    """
    rows, columns, _ = horizon_deg.shape
    steps_per_day = round(HOURS_PER_DAY / STEP_HOURS)
    days = int(sky.year_hours // HOURS_PER_DAY)
    hours = np.arange(days * steps_per_day) * STEP_HOURS
    sun_azimuth, sun_elevation = sky.sun_path(hours)
    earth_azimuth, earth_elevation = sky.earth_path(hours)
    sun_bins = np.round(sun_azimuth / FINE_STEP_DEG).astype(np.intp) % FINE_BINS
    earth_bins = np.round(earth_azimuth / FINE_STEP_DEG).astype(np.intp) % FINE_BINS
    sun_elevation = sun_elevation.astype(np.float32)[:, None]
    earth_elevation = earth_elevation.astype(np.float32)[:, None]
    flat = horizon_deg.reshape(rows * columns, -1)
    tiles = flat.shape[0]
    share = np.empty(tiles, dtype=np.float32)
    longest = np.zeros(tiles, dtype=np.float32)
    earth = np.empty(tiles, dtype=np.float32)
    daily = np.empty((days, tiles), dtype=np.float32)
    fine_azimuths = np.arange(FINE_BINS) * FINE_STEP_DEG
    for start in range(0, tiles, CHUNK_TILES):
        chunk = slice(start, min(tiles, start + CHUNK_TILES))
        table = np.ascontiguousarray(at_azimuth(flat[chunk], fine_azimuths).T.astype(np.float32))  # [bin, tile]
        seen = table[sun_bins]  # [time, tile]: the horizon towards the Sun
        np.subtract(sun_elevation, seen, out=seen)
        seen /= sky.sun_disc_deg
        seen += 0.5
        np.clip(seen, 0.0, 1.0, out=seen)
        share[chunk] = seen.mean(axis=0)
        daily[:, chunk] = seen.reshape(days, steps_per_day, -1).mean(axis=1) * HOURS_PER_DAY
        longest[chunk] = _longest_runs(seen <= 0.0) * STEP_HOURS
        earth[chunk] = (earth_elevation > table[earth_bins]).mean(axis=0)
    return SiteLight(
        heights=heights.astype(np.float32),
        horizon=horizon_deg,
        share=share.reshape(rows, columns),
        longest_dark_hours=longest.reshape(rows, columns),
        earth_share=earth.reshape(rows, columns),
        daily_hours=np.ascontiguousarray(daily.T).reshape(rows, columns, days),
        sky=sky,
        tile_m=tile_m,
    )


def _longest_runs(dark: np.ndarray) -> np.ndarray:
    """The longest run of True down each column of `dark` [time, tile], in steps (one pass down the time)."""
    run = np.zeros(dark.shape[1], dtype=np.int32)
    best = np.zeros_like(run)
    for now in dark:
        run += 1
        run *= now
        np.maximum(best, run, out=best)
    return best


def _cache_file(key: str) -> Path:
    return paths.user_cache_dir() / "light" / f"{key}.npz"


def _read_cache(key: str, sky: Sky, tile_m: float) -> SiteLight | None:
    path = _cache_file(key)
    try:
        with np.load(path, allow_pickle=False) as data:
            return SiteLight(data["heights"], data["horizon"], data["share"], data["longest_dark_hours"],
                             data["earth_share"], data["daily_hours"], sky, tile_m)
    except (OSError, KeyError, ValueError):  # none yet, or a damaged file: compute again
        return None


def _write_cache(key: str, light: SiteLight) -> None:
    """Saves the result; a cache that cannot be written (read-only classroom machine) is simply skipped."""
    path = _cache_file(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, heights=light.heights, horizon=light.horizon, share=light.share,
                            longest_dark_hours=light.longest_dark_hours, earth_share=light.earth_share,
                            daily_hours=light.daily_hours)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(buffer.getvalue())
        os.replace(partial, path)
    except OSError:
        pass
