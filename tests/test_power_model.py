"""The planner's year of light, worked for all its hours at once (SiteGrid.sun_fractions), gives the figures the
game's own hour-by-hour sun_fraction gives: for computed light on every shipped level's terrain, and for typed-in
light on every kind of arc."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.autoplay.power_model import STEP_HOURS, PowerModel
from game.content.loader import load_base_catalog, load_level_by_path
from game.content.models import Site
from game.rules.grid import SiteGrid
from game.rules.hours import HOURS_PER_DAY

REPO = Path(__file__).resolve().parent.parent
LEVELS = sorted((REPO / "levels").glob("*.toml"))
TOLERANCE = 1e-12  # numpy's sine may differ from math.sin in the last bit; nothing else may differ
# Every seventh of the planner's steps over a year (the scalar path is what costs here), and hours between them
# (fractions, and past a year) where rounding could differ.
HOURS = np.concatenate((np.arange(0, 365 * HOURS_PER_DAY, 7 * STEP_HOURS, dtype=np.float64),
                        np.array([0.5, 1.25, 354.365, 708.73, 8759.99, 9000.0, 20000.5])))


def _scalar(grid: SiteGrid, x: int, y: int) -> np.ndarray:
    return np.array([grid.sun_fraction(x, y, float(hour)) for hour in HOURS])


def _sample_tiles(grid: SiteGrid) -> list[tuple[int, int]]:
    """Every kind of ground the site has (its first tile), the corners, and tiles spread over the map."""
    first_of_kind = {kind.id: (x, y) for x, y, kind in reversed(list(grid.cells()))}
    spread = [(x, y) for x, y, _ in grid.cells() if (x * 7 + y * 3) % 23 == 0]
    corners = [(0, 0), (grid.width - 1, 0), (0, grid.height - 1), (grid.width - 1, grid.height - 1)]
    return sorted(set(first_of_kind.values()) | set(spread[:24]) | set(corners))


@pytest.mark.parametrize("path", LEVELS, ids=lambda path: path.stem)
def test_a_levels_light_for_all_hours_at_once_is_its_light_hour_by_hour(path: Path) -> None:
    level, catalog = load_level_by_path(path).require()
    grid = SiteGrid.from_site(level.site, catalog.tiles, catalog.moon)
    tiles = _sample_tiles(grid)
    lit_somewhere = False
    for x, y in tiles:
        together = grid.sun_fractions(x, y, HOURS)
        assert together.shape == HOURS.shape
        np.testing.assert_allclose(together, _scalar(grid, x, y), rtol=0, atol=TOLERANCE, err_msg=f"tile {x},{y}")
        lit_somewhere |= bool(together.max() > 0)
    assert lit_somewhere  # the sample is not all permanent shadow, where 0 == 0 proves little


def test_typed_in_light_for_all_hours_at_once_is_its_light_hour_by_hour() -> None:
    catalog, _ = load_base_catalog()
    legend = {chr(ord("a") + number): kind for number, kind in enumerate(catalog.tiles)}
    row = "".join(legend)
    site = Site.model_validate({"name": "t", "legend": legend, "rows": [row] * 4, "light": "tile_kinds"})
    grid = SiteGrid.from_site(site, catalog.tiles, catalog.moon)
    assert grid.light is None
    shares = {kind.sunlight for _, _, kind in grid.cells()}
    assert 0.0 in shares and any(0.0 < share < 1.0 for share in shares)  # dark, partly lit (and lit, where a kind is)
    for x in range(grid.width):
        y = 0
        assert np.array_equal(grid.sun_fractions(x, y, HOURS), _scalar(grid, x, y)), (x, y)


def test_the_power_model_reckons_the_light_the_game_shows() -> None:
    level, catalog = load_level_by_path(LEVELS[0]).require()
    grid = SiteGrid.from_site(level.site, catalog.tiles, catalog.moon)
    labels = {f"{x}.{y}": (x, y) for x, y in _sample_tiles(grid)}
    model = PowerModel.for_level(catalog, grid, labels, days=40.0)
    steps = range(0, 40 * HOURS_PER_DAY, STEP_HOURS)
    for label, (x, y) in labels.items():
        expected = [grid.sun_fraction(x, y, hour) for hour in steps]
        np.testing.assert_allclose(model.lit_hours[label], expected, rtol=0, atol=TOLERANCE, err_msg=label)
