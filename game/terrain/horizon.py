"""Every tile's horizon: the elevation of the highest skyline in each of N directions, in degrees.

The near horizon is scanned over the map itself (with the drop of the Moon's curved surface, d²/2R); the
far horizon (mountains beyond the map, from the level) is then raised or lowered by each tile's own height.
Azimuth bin k looks towards k × 360/N degrees clockwise from the map's top; rows grow downward.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from game.content.relief_models import FarPoint

N_AZIMUTHS = 72  # 5° apart; the Sun's path is interpolated between them
NEAR_STEPS = 8  # distances 1..8 tiles are all scanned; beyond, each step is a little longer
STEP_GROWTH = 1.12


def near_horizon(heights: np.ndarray, tile_m: float, radius_m: float, n_azimuths: int = N_AZIMUTHS) -> np.ndarray:
    """Elevation (degrees) of the map's own skyline from every tile, shape (rows, columns, n_azimuths).

    Beyond the map's edge the ground is taken to go on as it is at the edge (the far horizon, if the level
    gives one, stands beyond that).
    """
    rows, columns = heights.shape
    reach = float(np.hypot(rows, columns))
    distances = [d for d in range(1, NEAR_STEPS + 1) if d <= reach]
    while distances[-1] * STEP_GROWTH < reach:
        distances.append(max(distances[-1] + 1, round(distances[-1] * STEP_GROWTH)))
    pad = distances[-1] + 1
    padded = np.pad(heights.astype(np.float64), pad, mode="edge")
    result = np.full((rows, columns, n_azimuths), -np.inf)
    best = np.empty((rows, columns))
    for k in range(n_azimuths):
        angle = np.radians(k * 360.0 / n_azimuths)
        dx, dy = np.sin(angle), -np.cos(angle)
        best.fill(-np.inf)
        seen: set[tuple[int, int]] = set()
        for distance in distances:
            ox, oy = round(distance * dx), round(distance * dy)
            if (ox, oy) in seen or (ox == 0 and oy == 0):
                continue
            seen.add((ox, oy))
            metres = float(np.hypot(ox, oy)) * tile_m
            window = padded[pad + oy:pad + oy + rows, pad + ox:pad + ox + columns]
            slope = (window - heights) / metres - metres / (2.0 * radius_m)
            np.maximum(best, slope, out=best)
        result[:, :, k] = best
    return np.degrees(np.arctan(np.maximum(result, -1e6)))


def far_skyline(points: Sequence[FarPoint], n_azimuths: int = N_AZIMUTHS) -> tuple[np.ndarray, np.ndarray] | None:
    """(elevation from height 0, distance in metres) per azimuth bin, straight between the level's points."""
    if not points:
        return None
    ordered = sorted(points, key=lambda point: point.azimuth_deg)
    azimuths = np.array([p.azimuth_deg for p in ordered])
    bins = np.arange(n_azimuths) * 360.0 / n_azimuths
    wrapped = np.concatenate([azimuths - 360.0, azimuths, azimuths + 360.0])
    elevation = np.interp(bins, wrapped, np.tile([p.elevation_deg for p in ordered], 3))
    distance = np.interp(bins, wrapped, np.tile([p.distance_km * 1000.0 for p in ordered], 3))
    return elevation, distance


def far_horizon(heights: np.ndarray, points: Sequence[FarPoint], radius_m: float, tile_m: float,
                n_azimuths: int = N_AZIMUTHS) -> np.ndarray | None:
    """The far skyline's elevation from every tile: lower from high ground, higher from low ground, and
    nearer (so higher) from the side of the map that faces it. Distances count from the map's middle."""
    skyline = far_skyline(points, n_azimuths)
    if skyline is None:
        return None
    elevation, distance = skyline
    drop = distance / (2.0 * radius_m)  # the curvature's dip at that distance, radians
    mountain = distance * np.tan(np.radians(elevation) + drop)  # the skyline's height above height 0
    rows, columns = heights.shape
    ys, xs = np.mgrid[0:rows, 0:columns].astype(np.float64)
    angles = np.radians(np.arange(n_azimuths) * 360.0 / n_azimuths)
    # How far each tile stands towards each direction from the map's middle, in metres.
    towards = (((xs - (columns - 1) / 2)[:, :, None] * np.sin(angles)
                - (ys - (rows - 1) / 2)[:, :, None] * np.cos(angles)) * tile_m)
    near = np.maximum(distance[None, None, :] - towards, 0.25 * distance[None, None, :])
    rise = (mountain[None, None, :] - heights[:, :, None]) / near
    return np.degrees(np.arctan(rise) - near / (2.0 * radius_m))


def horizon(heights: np.ndarray, tile_m: float, radius_m: float, far: Sequence[FarPoint],
            n_azimuths: int = N_AZIMUTHS) -> np.ndarray:
    """The whole horizon, near and far, in degrees, shape (rows, columns, n_azimuths), float32."""
    near = near_horizon(heights, tile_m, radius_m, n_azimuths)
    beyond = far_horizon(heights, far, radius_m, tile_m, n_azimuths)
    whole = near if beyond is None else np.maximum(near, beyond)
    return whole.astype(np.float32)


def at_azimuth(horizon_deg: np.ndarray, azimuth_deg: np.ndarray | float) -> np.ndarray:
    """The horizon (last axis: azimuth bins) at any azimuth, straight between the two nearest bins."""
    n = horizon_deg.shape[-1]
    position = (np.asarray(azimuth_deg) % 360.0) / (360.0 / n)
    low = np.floor(position).astype(int) % n
    high = (low + 1) % n
    weight = position - np.floor(position)
    return horizon_deg[..., low] * (1.0 - weight) + horizon_deg[..., high] * weight
