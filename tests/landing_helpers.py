"""The nominal landing that the landing tests, the landing benchmarks and the screenshot gallery fly.

Kept with the tests' helpers, which `benchmarks/` and `tools/` use too, so that a test never imports a benchmark.
"""

from __future__ import annotations

from pathlib import Path

from game.content.catalog import Catalog
from game.content.loader import load_level_by_path
from game.content.models import Landing, Level

FIRST_LEVEL = Path(__file__).resolve().parent.parent / "levels" / "01_agreement_2021.toml"
SUCCESS = ("perfect", "good")  # the grades that count as landed

# The nominal landing of the benchmark and the tests (game values): a rolling, sloping zone with
# boulders and a crater rim, started a few hundred metres up and off to one side, as after the
# re-orientation of a real descent.
NOMINAL_LANDING = {
    "terrain": {
        "from_site": False, "width_m": 1600, "slope_deg": 4, "roughness_m": 4, "boulders": 40, "boulder_height_m": 2.5,
        "crater_rim_height_m": 25, "crater_radius_m": 120, "pad_width_m": 40,
    },
    "target_x_m": 800,
    "start_offset_m": -180,
    "start_altitude_m": 600,
    "start_velocity_m_s": [10, -15],
    "dispersion": {"x_m": 120, "altitude_m": 150, "speed_m_s": 6, "angle_deg": 5},
}


def nominal_level() -> tuple[Level, Catalog]:
    """The first level with the nominal landing table, and its catalog."""
    level, catalog = load_level_by_path(FIRST_LEVEL).require()
    landing = Landing.model_validate(NOMINAL_LANDING)
    return level.model_copy(update={"landing": landing}), catalog


def cargo_for(seed: int, catalog: Catalog, lander: str = "change_class") -> str:
    """A module the lander is meant to carry, chosen by the seed."""
    limit = catalog.landers[lander].max_cargo_kg
    fitting = sorted(module.id for module in catalog.modules.values() if module.mass_kg <= limit)
    return fitting[seed % len(fitting)]
