"""The fast landing step (game/landing/chipmunk.py calls Chipmunk past pymunk's wrappers) flies bit for bit the
landing pymunk's public API flies: checked step by step on seeded landings, so a pymunk release that changes
what its wrappers do (or what the C functions they call mean) turns this red instead of changing flights."""

from __future__ import annotations

import random
from typing import Any

import pymunk
import pytest

from game.content.loader import load_level_by_path
from game.landing import chipmunk
from game.landing.autopilot import Autopilot
from game.landing.pilot import Observation, PilotCommand
from game.landing.run import LandingResult, fly_scenario
from game.landing.scenario import scenario_for
from tests.conftest import LEVELS

# The first level's landing, and the crewed landing with its own lander and terrain.
LEVEL_FILES = ("01_agreement_2021.toml", "05_crewed_landing_2030.toml")


def _public_api(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every call chipmunk.py offers, made through pymunk's public Space and Body instead of the C library."""

    def handles(space: pymunk.Space, body: pymunk.Body) -> tuple[pymunk.Space, pymunk.Body]:
        return space, body

    def set_velocity(body: pymunk.Body, velocity: tuple[float, float]) -> None:
        body.velocity = velocity

    def set_angular_velocity(body: pymunk.Body, spin: float) -> None:
        body.angular_velocity = spin

    def set_mass(body: pymunk.Body, mass: float) -> None:
        body.mass = mass

    def set_moment(body: pymunk.Body, moment: float) -> None:
        body.moment = moment

    def set_torque(body: pymunk.Body, torque: float) -> None:
        body.torque = torque

    public: dict[str, Any] = {
        "handles": handles,
        "space_step": pymunk.Space.step,
        "body_position": lambda body: body.position,
        "body_velocity": lambda body: body.velocity,
        "body_set_velocity": set_velocity,
        "body_angle": lambda body: body.angle,
        "body_angular_velocity": lambda body: body.angular_velocity,
        "body_set_angular_velocity": set_angular_velocity,
        "body_set_mass": set_mass,
        "body_set_moment": set_moment,
        "body_set_torque": set_torque,
        "body_apply_force_at_local_point": pymunk.Body.apply_force_at_local_point,
    }
    offered = {name for name, value in vars(chipmunk).items()
               if not name.startswith("_") and callable(value) and getattr(value, "__module__", None) != "typing"}
    # A call added to chipmunk.py without its public twin here would be flown the fast way in both runs.
    assert offered <= set(public), f"no public-API twin for {offered - set(public)}"
    for name, call in public.items():
        monkeypatch.setattr(chipmunk, name, call)


class Watching:
    """A pilot that notes every observation (the whole moving state, every step) and asks `pilot` what to do."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.seen: list[Observation] = []

    def __call__(self, observation: Observation) -> PilotCommand:
        self.seen.append(observation)
        return self.pilot(observation)


def wild_pilot(seed: int) -> Any:
    """Throttle and thrusters flung about: turns, spins, crashes and flights out of the zone, not just landings."""
    chance = random.Random(seed)

    def pilot(observation: Observation) -> PilotCommand:
        return PilotCommand(throttle=chance.random() ** 2, attitude=chance.uniform(-1.0, 1.0))

    return pilot


def _fly(level_file: str, seed: int, pilot: Any) -> tuple[LandingResult, list[Observation]]:
    level, catalog = load_level_by_path(LEVELS / level_file).require()
    watching = Watching(pilot)
    result = fly_scenario(scenario_for(level, catalog, seed), watching)
    return result, watching.seen


@pytest.mark.parametrize("level_file", LEVEL_FILES)
@pytest.mark.parametrize(("seed", "pilot"), [(0, "autopilot"), (1, "autopilot"), (2, "autopilot"), (3, "wild"),
                                             (4, "wild")])
def test_the_fast_step_flies_as_pymunks_public_api_does(
    monkeypatch: pytest.MonkeyPatch, level_file: str, seed: int, pilot: str,
) -> None:
    def make_pilot() -> Any:
        return Autopilot() if pilot == "autopilot" else wild_pilot(seed)

    fast, fast_seen = _fly(level_file, seed, make_pilot())
    with monkeypatch.context() as patch:
        _public_api(patch)
        public, public_seen = _fly(level_file, seed, make_pilot())
    assert chipmunk.space_step is pymunk.cp.cpSpaceStep  # the fast calls are back for the tests after this one
    assert len(fast_seen) > 60, "a flight of a second or more"
    for step, (ours, theirs) in enumerate(zip(fast_seen, public_seen, strict=True)):
        assert ours == theirs, f"step {step}: the fast step flew {ours}, pymunk's public API {theirs}"
    assert fast.final_state == public.final_state
    assert (fast.status, fast.touchdown, fast.grade) == (public.status, public.touchdown, public.grade)
