"""A landing flies over the site's own relief: its ground is the heights along the landing pad's row."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from game.content.loader import load_level_by_path
from game.content.models import Landing, LandingTerrain
from game.content.relief_models import Crater
from game.landing.run import fly
from game.landing.scenario import scenario_for
from game.landing.site_slice import pad_centre
from game.terrain.relief import build_heights

REPO = Path(__file__).resolve().parent.parent
LEVELS = sorted((REPO / "levels").glob("0*.toml"))
FIRST = REPO / "levels" / "01_agreement_2021.toml"


def smooth_landing(**terrain: object) -> Landing:
    """A landing on the site with no bumps and no boulders, so its ground is the slice alone."""
    return Landing.model_validate({"terrain": {"width_m": 2000, "roughness_m": 0, "boulders": 0, **terrain},
                                   "start_offset_m": 0})


def test_the_ground_is_the_sites_heights_along_the_pads_row() -> None:
    level, catalog = load_level_by_path(FIRST).require()
    level = level.model_copy(update={"landing": smooth_landing()})
    column, row = pad_centre(level, catalog.tiles, catalog.modules)
    ground = scenario_for(level, catalog, 0).ground
    heights = build_heights(level.site, catalog.tiles)
    pad_height = (heights[int(row) - 1] + heights[int(row)]) / 2  # a 2 × 2 pad's centre line lies between rows
    tile = level.site.tile_size_m
    for x in range(int(column) - 9, int(column) + 9):
        landing_x = ground.target_x + (x + 0.5 - column) * tile
        expected = float(pad_height[x] - (pad_height[int(column) - 1] + pad_height[int(column)]) / 2)
        if not ground.pad[0] <= landing_x <= ground.pad[1]:
            assert ground.height_at(landing_x) == pytest.approx(expected, abs=0.01), f"column {x}"


def test_a_crater_in_the_relief_beside_the_pad_shows_in_the_landing() -> None:
    level, catalog = load_level_by_path(FIRST).require()
    column, row = pad_centre(level, catalog.tiles, catalog.modules)
    crater = Crater(x=column + 6, y=row, radius=2.5, depth_m=120.0, rim_m=20.0)
    relief = level.site.relief.model_copy(update={"craters": [crater]})
    site = level.site.model_copy(update={"relief": relief})
    level = level.model_copy(update={"site": site, "landing": smooth_landing()})
    ground = scenario_for(level, catalog, 0).ground
    bowl = ground.height_at(ground.target_x + 6 * level.site.tile_size_m)
    assert bowl < -80.0  # the crater's floor, about its depth below the pad
    assert max(ground.ys) > 10.0  # and its raised rim
    assert ground.height_at(ground.target_x) == pytest.approx(0.0, abs=0.01)  # the pad stays level


def test_generated_ground_keeps_its_slope_and_crater_when_not_from_the_site() -> None:
    level, catalog = load_level_by_path(FIRST).require()
    landing = smooth_landing(from_site=False, slope_deg=10)
    ground = scenario_for(level.model_copy(update={"landing": landing}), catalog, 0).ground
    assert ground.height_at(ground.right) - ground.height_at(ground.target_x) > 100.0


def test_a_slope_or_crater_key_on_ground_cut_from_the_site_is_refused_with_the_way_out() -> None:
    with pytest.raises(ValidationError, match="remove slope_deg, crater_rim_height_m, or set from_site = false"):
        LandingTerrain.model_validate({"slope_deg": 5, "crater_rim_height_m": 30})


@pytest.mark.parametrize("path", LEVELS, ids=lambda path: path.stem)
def test_every_shipped_landing_is_cut_from_its_site_and_the_autopilot_lands_it(path: Path) -> None:
    level, catalog = load_level_by_path(path).require()
    assert level.landing is not None and level.landing.terrain.from_site
    assert level.landing.terrain.points is None
    for seed in range(3):
        assert fly(level, catalog, seed=seed).grade.name == "perfect", f"seed {seed}"
