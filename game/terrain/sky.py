"""Where the Sun and Earth stand in the sky at the lunar south pole, hour by hour.

At the pole the Sun does not rise and set: it circles the horizon once a lunar day (synodic, 29.53 days),
while over the Moon's year of seasons (the eclipse year, 346.62 days) it climbs to about 1.54° above the
horizon and sinks as far below. Earth hangs low towards the near side (the map's top, azimuth 0°) and bobs
up and down with the Moon's librations. Azimuths are degrees clockwise from the map's top.

Game values: at hour 0 of every level the Sun stands at azimuth 0°, an eighth of the year into the southern
summer half (about 1.1° up and climbing, so a level opens in light), and Earth at the middle of both librations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.content.models import GAME_VALUE, Figure, MoonFacts
from game.rules.hours import HOURS_PER_DAY

SEASON_AT_START = 0.125  # share of the Moon's year gone by at hour 0 since the Sun crossed into the south


@dataclass(frozen=True, slots=True)
class Sky:
    synodic_day_hours: float
    year_hours: float
    tilt_deg: float
    sun_disc_deg: float
    earth_disc_deg: float
    earth_lat_deg: float
    earth_lat_period_hours: float
    earth_lon_deg: float
    earth_lon_period_hours: float
    moon_radius_m: float
    ice_percent: float
    ice_status: Figure = GAME_VALUE  # what the ice figure is, as [moon.sky] figures say (LCROSS's, real)
    earth_azimuth_deg: float = 0.0  # which way the near side lies on the map (a site's choice)

    @classmethod
    def from_moon(cls, moon: MoonFacts) -> Sky | None:
        """The sky of the catalog's Moon; None when the catalog gives no [moon.sky] (light is then typed in)."""
        sky = moon.sky
        if sky is None:
            return None
        return cls(
            synodic_day_hours=moon.synodic_day_hours,
            year_hours=sky.year_days * HOURS_PER_DAY,
            tilt_deg=sky.axis_tilt_deg,
            sun_disc_deg=sky.sun_disc_deg,
            earth_disc_deg=sky.earth_disc_deg,
            earth_lat_deg=sky.earth_latitude_libration_deg,
            earth_lat_period_hours=sky.earth_latitude_period_days * HOURS_PER_DAY,
            earth_lon_deg=sky.earth_longitude_libration_deg,
            earth_lon_period_hours=sky.earth_longitude_period_days * HOURS_PER_DAY,
            moon_radius_m=sky.moon_radius_km * 1000.0,
            ice_percent=sky.ice_percent_in_permanent_shadow,
            ice_status=sky.figure("ice_percent_in_permanent_shadow"),
        )

    def key(self) -> tuple[float, ...]:
        return (self.synodic_day_hours, self.year_hours, self.tilt_deg, self.sun_disc_deg, self.earth_disc_deg,
                self.earth_lat_deg, self.earth_lat_period_hours, self.earth_lon_deg, self.earth_lon_period_hours,
                self.moon_radius_m, self.earth_azimuth_deg, SEASON_AT_START)

    def sun(self, hour: float) -> tuple[float, float]:
        """(azimuth, elevation) of the Sun's centre in degrees, `hour` hours into the level."""
        azimuth = (hour / self.synodic_day_hours * 360.0) % 360.0
        return azimuth, self.tilt_deg * math.sin(2.0 * math.pi * (hour / self.year_hours + SEASON_AT_START))

    def earth(self, hour: float) -> tuple[float, float]:
        """(azimuth, elevation) of Earth's centre in degrees."""
        swing = self.earth_lon_deg * math.sin(2.0 * math.pi * hour / self.earth_lon_period_hours)
        bob = self.earth_lat_deg * math.sin(2.0 * math.pi * hour / self.earth_lat_period_hours)
        return (self.earth_azimuth_deg + swing) % 360.0, bob

    def sun_path(self, hours: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        azimuth = (hours / self.synodic_day_hours * 360.0) % 360.0
        return azimuth, self.tilt_deg * np.sin(2.0 * np.pi * (hours / self.year_hours + SEASON_AT_START))

    def earth_path(self, hours: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        swing = self.earth_lon_deg * np.sin(2.0 * np.pi * hours / self.earth_lon_period_hours)
        azimuth = (self.earth_azimuth_deg + swing) % 360.0
        return azimuth, self.earth_lat_deg * np.sin(2.0 * np.pi * hours / self.earth_lat_period_hours)

    def disc_fraction(self, sun_elevation: float, horizon: float) -> float:
        """The share of the Sun's disc above a horizon (a linear ramp across the disc's width)."""
        return min(1.0, max(0.0, (sun_elevation - horizon) / self.sun_disc_deg + 0.5))
