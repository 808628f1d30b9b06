"""The automated player's site planner answers where a module may stand as placement_refusal does, though it
works out each module's spots on empty ground once and then only checks what is taken."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.autoplay.site_planner import SitePlanner
from game.content.loader import load_level_by_path
from game.rules.placement import placement_refusal

REPO = Path(__file__).resolve().parent.parent
LEVELS = [REPO / "levels" / "sandbox.toml", REPO / "levels" / "07_nuclear_2033.toml"]


@pytest.mark.parametrize("path", LEVELS, ids=lambda path: path.stem)
def test_the_planner_allows_exactly_what_placement_refusal_allows(path: Path) -> None:
    level, catalog = load_level_by_path(path).require()
    planner = SitePlanner(level, catalog)
    grid = planner.grid
    chooser = random.Random(7)
    spots = [(x, y) for y in range(-1, grid.height + 1) for x in range(-1, grid.width + 1)]  # and just off the map
    allowed_somewhere = refused_somewhere = False
    for share_taken in (0.0, 0.1, 0.4):
        planner.occupied = {(x, y) for x, y, _ in grid.cells() if chooser.random() < share_taken}
        for spec in catalog.modules.values():
            for x, y in spots:
                expected = placement_refusal(spec, x, y, grid, planner.occupied) is None
                assert planner.allowed(spec, x, y) == expected, (spec.id, x, y, share_taken)
                allowed_somewhere |= expected
                refused_somewhere |= not expected
            in_order = [(x, y) for y in range(grid.height) for x in range(grid.width)
                        if placement_refusal(spec, x, y, grid, planner.occupied) is None]
            assert list(planner.spots(spec)) == in_order, spec.id
    assert allowed_somewhere and refused_somewhere
