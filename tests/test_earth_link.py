"""An Earth antenna's link follows Earth over its horizon, hour by hour: while Earth is down from its ground,
science waits on the Moon and the log says so; when Earth rises, what waited goes home. A relay never loses it."""

from __future__ import annotations

from game.content.models import PlacedModule
from game.ecs.events import EarthLinkChanged
from game.rules.grid import SiteGrid
from game.scenes.station.log_sentences import event_sentence, is_warning
from game.simulation.simulation import Simulation
from tests.sim_helpers import shipped_level


def antenna_tile(grid: SiteGrid, beside: set[tuple[int, int]]) -> tuple[int, int]:
    """A plain tile beside the base where Earth is in view often enough for an antenna, but not always."""
    for x, y in sorted(beside):
        for cx, cy in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if (cx, cy) not in beside and grid.at(cx, cy).id == "plain" and 0.3 <= grid.earth_share(cx, cy) <= 0.7:
                return cx, cy
    raise AssertionError("no tile beside the base where Earth comes and goes")


def run_with(module: str) -> tuple[Simulation, tuple[int, int], list[object]]:
    level, catalog = shipped_level()
    grid = SiteGrid.from_site(level.site, catalog.tiles, catalog.moon)
    base = {(placed.x, placed.y) for placed in level.start.modules}
    pad = next(placed for placed in level.start.modules if placed.module == "landing_pad")
    base |= {(pad.x + dx, pad.y + dy) for dx in (0, 1) for dy in (0, 1)}
    x, y = antenna_tile(grid, base)
    # The first level's base with the link standing from the first hour (the antenna makes science itself).
    start = level.start.model_copy(update={"modules": [*level.start.modules, PlacedModule(module=module, x=x, y=y)]})
    level = level.model_copy(update={"start": start, "time_limit_days": 200, "goals": level.goals[:1]})
    run = Simulation(level, catalog)
    return run, (x, y), []


def test_science_waits_while_earth_is_below_the_antennas_horizon_and_goes_home_when_it_rises() -> None:
    run, (x, y), _ = run_with("earth_antenna")
    grid = run.ctx.grid
    events = []
    seen_down = seen_up_after_down = False
    for _ in range(24 * 60):
        events += run.step()
        snapshot = run.snapshot()
        in_view = grid.earth_in_view(x, y, run.hour - 1)  # the hour the step just played
        if not in_view and snapshot.unsent_science:
            seen_down = True
        if in_view and seen_down:
            assert not snapshot.unsent_science  # sent the hour Earth rose
            seen_up_after_down = True
            break
    assert seen_down and seen_up_after_down
    changes = [event for event in events if isinstance(event, EarthLinkChanged)]
    assert [change.in_view for change in changes][-2:] == [False, True]
    assert changes[-1].waiting > 0
    level, catalog = run.ctx.level, run.ctx.catalog
    assert "science waits on board" in (event_sentence(changes[-2], level, catalog, "en") or "")
    assert is_warning(changes[-2]) and not is_warning(changes[-1])
    run.close()


def test_a_relay_keeps_the_link_whatever_earth_does() -> None:
    run, _, _ = run_with("relay_link")
    events = run.run_hours(24 * 40)
    assert not any(isinstance(event, EarthLinkChanged) for event in events)
    assert not run.snapshot().unsent_science
    run.close()
