"""Table-driven tests of the pure rules: placement reasons, sunlight, power networks and balance, goals."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.content.loader import load_base_catalog
from game.content.models import Goal, Site
from game.rules.grid import SiteGrid
from game.rules.links import pad_linked
from game.rules.objectives import FAILED, MET, PENDING, Progress, goal_status, level_outcome
from game.rules.placement import placement_refusal
from game.rules.power import RESTART_HOURS, balance_hour, power_networks
from game.rules.score import score
from game.rules.sunlight import is_lit, longest_dark_hours, sun_azimuth_deg

CATALOG, _ = load_base_catalog()
SYNODIC = CATALOG.moon.synodic_day_hours if CATALOG.moon else 708.73
GRID = SiteGrid.from_site(
    Site.model_validate(
        {
            "name": "t",
            "legend": {"^": "peak", ".": "plain", "#": "crater_floor", "s": "shadowed_slope", "o": "boulders"},
            "rows": ["^^..##", "^^..##", "ss..oo", "ss..oo"],
        }
    ),
    CATALOG.tiles,
)


@pytest.mark.parametrize(
    ("module", "x", "y", "occupied", "expected"),
    [
        ("solar_array", 0, 0, (), None),
        # Each number says what it is: the floor's 0 % is a real figure, the array's least share a game value.
        ("solar_array", 4, 0, (), "needs sunlight: this tile is lit 0% of the time (real), and it needs at least 10% "
                                  "(game value)"),
        ("ice_extractor", 4, 0, (), None),
        ("ice_extractor", 2, 0, (), "needs ice: this tile holds none, and it needs at least 1% (game value)"),
        ("habitat", 5, 3, (), "does not fit"),
        ("habitat", 2, 0, ((3, 1),), "already taken"),
        ("habitat", 0, 2, (), "too steep: this ground slopes 32° (game value), and it can stand on 10° at most "
                              "(game value)"),
        ("earth_antenna", 4, 1, (), "needs Earth in view: a ridge hides Earth from this tile"),
        ("laboratory", 4, 2, (), "too steep"),
    ],
)
def test_placement_gives_a_reason_a_student_can_read(module, x, y, occupied, expected):
    refusal = placement_refusal(CATALOG.modules[module], x, y, GRID, set(occupied))
    if expected is None:
        assert refusal is None
    else:
        assert refusal is not None and expected in refusal


@pytest.mark.parametrize(
    ("module", "x", "y", "rotated", "expected"),
    [
        ("laboratory", 3, 0, False, None),  # 2 × 1 on the plain
        ("laboratory", 2, 1, False, None),
        ("laboratory", 3, 3, True, "does not fit: it needs 1 × 2 tiles"),  # turned, it runs off the bottom
        ("laboratory", 5, 0, False, "does not fit: it needs 2 × 1 tiles"),
        ("laboratory", 2, 0, True, None),  # turned, it fits in the plain column
        ("habitat", 2, 0, True, None),  # a square footprint turns into itself
    ],
)
def test_a_rotated_module_swaps_its_footprint(module, x, y, rotated, expected):
    refusal = placement_refusal(CATALOG.modules[module], x, y, GRID, rotated=rotated)
    if expected is None:
        assert refusal is None
    else:
        assert refusal is not None and expected in refusal


@pytest.mark.parametrize("sunlight", [0.0, 0.05, 0.3, 0.5, 0.7, 0.86, 1.0])
def test_a_tile_is_lit_its_fraction_of_the_lunar_day(sunlight):
    hours = int(SYNODIC * 4)
    lit = sum(is_lit(sunlight, 90.0, sun_azimuth_deg(hour, SYNODIC)) for hour in range(hours))
    assert lit / hours == pytest.approx(sunlight, abs=0.01)


def test_the_longest_dark_spell_shrinks_as_sunlight_grows():
    assert longest_dark_hours(0.0, SYNODIC) == pytest.approx(SYNODIC)
    assert longest_dark_hours(0.86, SYNODIC) == pytest.approx(0.14 * SYNODIC)
    assert longest_dark_hours(1.0, SYNODIC) == 0.0


@pytest.mark.parametrize(
    ("cells", "conducts", "same", "different"),
    [
        ({1: [(0, 0)], 2: [(1, 0)]}, {1: True, 2: True}, [(1, 2)], []),
        ({1: [(0, 0)], 2: [(1, 1)]}, {1: True, 2: True}, [], [(1, 2)]),  # diagonal does not touch
        ({1: [(0, 0)], 2: [(1, 0)]}, {1: False, 2: False}, [], [(1, 2)]),  # neither conducts
        ({1: [(0, 0)], 2: [(1, 0)], 3: [(2, 0)]}, {1: False, 2: True, 3: False}, [(1, 3)], []),  # a cable joins
        ({1: [(0, 0), (1, 0)], 2: [(1, 1)]}, {1: True, 2: True}, [(1, 2)], []),  # footprints touch
    ],
)
def test_modules_that_touch_share_a_network(cells, conducts, same, different):
    networks = power_networks(cells, conducts)
    for a, b in same:
        assert networks[a] == networks[b]
    for a, b in different:
        assert networks[a] != networks[b]


@pytest.mark.parametrize(
    ("cells", "conducts", "pads", "linked"),
    [
        ({1: [(0, 0)], 2: [(1, 0)]}, {1: True, 2: False}, [1], {1, 2}),  # beside a pad that conducts
        ({1: [(0, 0)], 2: [(2, 0)]}, {1: True, 2: True}, [1], {1}),  # a gap: no road
        ({1: [(0, 0)], 2: [(1, 0)], 3: [(2, 0)]}, {1: True, 2: True, 3: False}, [1], {1, 2, 3}),  # along a cable
        ({1: [(0, 0)], 2: [(1, 1)]}, {1: True, 2: True}, [1], {1}),  # a diagonal does not touch
        ({1: [(0, 0)], 2: [(1, 0)], 3: [(2, 0)]}, {1: False, 2: False, 3: True}, [1], {1}),  # neither conducts
        ({1: [(0, 0)], 2: [(1, 0)]}, {1: True, 2: True}, [], set()),  # no working pad: nothing is linked
        ({1: [(0, 0)], 2: [(5, 0)], 3: [(6, 0)]}, {1: True, 2: True, 3: True}, [1, 2], {1, 2, 3}),  # two pads
        ({1: [(0, 0)]}, {1: True}, [9], set()),  # a pad not on the map is ignored
    ],
)
def test_a_pad_links_to_what_touches_it_through_conducting_modules(cells, conducts, pads, linked):
    assert pad_linked(cells, conducts, pads) == linked


@pytest.mark.parametrize(
    ("generation", "draw", "charges", "capacities", "supplied", "after", "shortfall"),
    [
        (1000, 400, [0.0], [1000.0], True, [600.0], 0.0),  # surplus charges
        (1000, 400, [900.0], [1000.0], True, [1000.0], 0.0),  # full stores waste the rest
        (0, 400, [1000.0], [1000.0], True, [600.0], 0.0),  # night drains
        (0, 400, [300.0], [1000.0], False, [300.0], 100.0),  # not enough: brownout
        (200, 400, [100.0, 100.0], [1000.0, 1000.0], True, [0.0, 0.0], 0.0),
        (300, 400, [0.0, 50.0], [100.0, 100.0], False, [100.0, 100.0], 50.0),  # brownout recharges
    ],
)
def test_an_hour_of_power(generation, draw, charges, capacities, supplied, after, shortfall):
    balance = balance_hour(generation, draw, charges, capacities)
    assert balance.supplied is supplied
    assert list(balance.charges) == pytest.approx(after)
    assert balance.shortfall_wh == pytest.approx(shortfall)


@pytest.mark.parametrize(
    ("generation", "draw", "charges", "capacities", "supplied", "after"),
    [
        (300, 400, [100.0], [1000.0], False, [400.0]),  # one hour's gathering is not enough: still out, gathering
        (300, 400, [650.0], [1000.0], True, [550.0]),  # stores that carry the shortfall 6 hours restart it
        (300, 400, [200.0], [200.0], True, [100.0]),  # full stores restart it, however small
        (400, 400, [0.0], [1000.0], True, [0.0]),  # so does generation covering the draw
        (300, 400, [0.0], [0.0], False, [0.0]),  # no stores, not enough: out
    ],
)
def test_a_browned_out_network_restarts_only_with_enough_in_store(generation, draw, charges, capacities, supplied,
                                                                  after):
    balance = balance_hour(generation, draw, charges, capacities, restarting=True)
    assert balance.supplied is supplied
    assert list(balance.charges) == pytest.approx(after)


def test_a_network_short_of_power_works_in_spells_not_on_and_off_every_hour():
    """Making three quarters of its draw, a network with stores works for hours, then gathers for hours: it used
    to work one hour in two, its modules flickering and the alarm sounding every other hour."""
    charges, capacities = [0.0], [10_000.0]
    restarting = False
    supplied = []
    for _ in range(96):
        balance = balance_hour(300.0, 400.0, charges, capacities, restarting=restarting)
        charges, restarting = list(balance.charges), not balance.supplied
        supplied.append(balance.supplied)
    spells = [len(list(run)) for works, run in itertools.groupby(supplied) if works]
    assert 0.6 < sum(supplied) / len(supplied) < 0.9  # it still works about as much as its power allows
    assert len(spells) > 3 and min(spells[:-1]) >= RESTART_HOURS  # the last spell may end with the test


@given(
    generation=st.floats(0, 1e6),
    draw=st.floats(0, 1e6),
    charges=st.lists(st.floats(0, 1e6), min_size=1, max_size=5),
)
def test_storage_never_goes_below_zero_or_over_capacity(generation, draw, charges):
    capacities = [charge + 1000.0 for charge in charges]
    balance = balance_hour(generation, draw, charges, capacities)
    for charge, capacity in zip(balance.charges, capacities, strict=True):
        assert -1e-6 <= charge <= capacity + 1e-6


def _progress(**changes: Any) -> Progress:
    values: dict[str, Any] = dict(hour=10, built={}, science={}, resources={}, powered_streak_hours=0,
                                  crewed_streak_hours=0, crew=0, lowest_budget=0.0)
    values.update(changes)
    return Progress(**values)


def _goal(**fields):
    return Goal.model_validate({"id": "g", "text": "t", **fields})


@pytest.mark.parametrize(
    ("goal", "progress", "status"),
    [
        (_goal(kind="build", module="battery", count=2), _progress(built={"battery": 1}), PENDING),
        (_goal(kind="build", module="battery", count=2), _progress(built={"battery": 2}), MET),
        (_goal(kind="science", points=10), _progress(science={"geology": 6, "astronomy": 4}), MET),
        (_goal(kind="science", points=10, domain="geology"), _progress(science={"geology": 6, "astronomy": 4}),
         PENDING),
        (_goal(kind="keep_power", days=2), _progress(powered_streak_hours=47), PENDING),
        (_goal(kind="keep_power", days=2), _progress(powered_streak_hours=48), MET),
        (_goal(kind="sustain_crew", crew=2, days=1), _progress(crew=1, crewed_streak_hours=100), PENDING),
        (_goal(kind="sustain_crew", crew=2, days=1), _progress(crew=2, crewed_streak_hours=24), MET),
        (_goal(kind="stockpile", resource="water", amount=5), _progress(resources={"water": 5.0}), MET),
        (_goal(kind="stay_in_budget"), _progress(lowest_budget=-1.0), FAILED),
        (_goal(kind="stay_in_budget"), _progress(lowest_budget=0.0), PENDING),
        (_goal(kind="build", module="battery", by_day=1), _progress(hour=24), FAILED),
    ],
)
def test_goal_status(goal, progress, status):
    assert goal_status(goal, progress, PENDING) == status


def test_met_goals_stay_met():
    goal = _goal(kind="build", module="battery")
    assert goal_status(goal, _progress(built={}), MET) == MET


def test_level_outcome():
    goals = [_goal(kind="build", module="battery"), _goal(id="b", kind="stay_in_budget")]
    assert level_outcome(goals, {"g": PENDING, "b": PENDING}, 10, 1) is None
    assert level_outcome(goals, {"g": MET, "b": PENDING}, 10, 1) == "won"
    assert level_outcome(goals, {"g": PENDING, "b": FAILED}, 10, 1) == "lost"
    assert level_outcome(goals, {"g": PENDING, "b": PENDING}, 24, 1) == "lost"


@pytest.mark.parametrize(
    ("met", "science", "budget", "days", "won", "points"),
    [
        (0, 0.0, 0.0, 60.0, False, 0),
        (3, 12.5, 100.0, 60.0, False, 300 + 12.5 + 10),
        (6, 20.0, -50.0, 60.0, False, 620),  # debt scores nothing, and takes nothing away
        (6, 20.0, 0.0, 40.0, True, 620 + 5 * 20),  # won with 20 days to spare
        (6, 20.0, 0.0, 40.0, False, 620),  # days to spare count only in a win
    ],
)
def test_score_formula(met, science, budget, days, won, points):
    card = score(met, 6, science, budget, days, 60.0, won)
    assert card.points == round(points) and card.goals_met == met and card.won is won
