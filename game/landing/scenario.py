"""Turns a level, its catalog and a seed into one concrete landing: craft, cargo, gravity, ground, start."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from game.content.catalog import Catalog, unknown
from game.content.locale_format import METRE_PER_SECOND_SQUARED, NEWTON, Quantity
from game.content.message import Message, say
from game.content.models import GAME_VALUE, Figure, LanderSpec, Landing, LandingAssists, LandingGrading, Level
from game.landing.site_slice import site_profile
from game.landing.terrain import Ground, ground_for


@dataclass(frozen=True, slots=True)
class Scenario:
    """Everything a flight needs, resolved and checked; the same scenario always flies the same way."""

    lander: LanderSpec
    cargo_id: str | None
    cargo_mass_kg: float
    gravity_m_s2: float
    ground: Ground
    start_x_m: float
    start_altitude_m: float
    start_velocity_m_s: tuple[float, float]
    start_angle_rad: float
    time_limit_s: float
    grading: LandingGrading
    assists: LandingAssists
    seed: int
    # What the grade limits are, for the sentences that quote them: the lander's `grading` figure in the
    # catalog, or a game value when the level sets limits of its own.
    grading_status: Figure = GAME_VALUE


def scenario_for(
    level: Level,
    catalog: Catalog,
    seed: int = 0,
    *,
    cargo: str | None = None,
    lander: str | None = None,
    gravity: float | None = None,
    max_thrust_n: float | None = None,
    assists: LandingAssists | None = None,
) -> Scenario:
    """The landing of `level` for this seed; `cargo`, `lander` and `gravity` override the level's choice.

    `max_thrust_n` gives the engine another full thrust (practice's "what if" panel) and `assists` replace
    the level's. Raises ValueError with one readable sentence (a `Message`: see `problem_text`) when the level and
    catalog cannot make a landing.
    """
    landing = level.landing or Landing()
    spec = _lander(level, landing, catalog, lander)
    if max_thrust_n is not None:
        spec = _with_thrust(spec, max_thrust_n)
    cargo_id = cargo if cargo is not None else landing.cargo
    cargo_mass = 0.0
    if cargo_id is not None:
        module = catalog.modules.get(cargo_id)
        if module is None:
            raise ValueError(say("The landing's cargo is not in the catalog: {problem}.",
                                 problem=unknown("module", cargo_id, catalog.modules)))
        cargo_mass = module.mass_kg
    if gravity is None:
        if catalog.moon is None:
            raise ValueError(say("The catalog sets no surface gravity: add a [moon] table to a catalog file."))
        gravity = catalog.moon.surface_gravity
    if not (math.isfinite(gravity) and 0.0 < gravity <= 100.0):
        raise ValueError(say("Gravity must be more than 0 and at most {most}, not {gravity}.",
                             most=Quantity(100, METRE_PER_SECOND_SQUARED), gravity=gravity))
    relief = None
    if landing.terrain.from_site and landing.terrain.points is None:
        relief = site_profile(level, catalog.tiles, catalog.modules, landing.target_x)
    ground = ground_for(landing.terrain, landing.target_x, seed, relief)
    dice = random.Random(f"landing-start:{seed}")
    spread = landing.dispersion
    start_x = landing.target_x + landing.start_offset_m + dice.uniform(-spread.x_m, spread.x_m)
    altitude = landing.start_altitude_m + dice.uniform(-spread.altitude_m, spread.altitude_m)
    vx, vy = landing.start_velocity_m_s
    vx += dice.uniform(-spread.speed_m_s, spread.speed_m_s)
    vy += dice.uniform(-spread.speed_m_s, spread.speed_m_s)
    angle = landing.start_angle_deg + dice.uniform(-spread.angle_deg, spread.angle_deg)
    return Scenario(
        lander=spec,
        cargo_id=cargo_id,
        cargo_mass_kg=cargo_mass,
        gravity_m_s2=gravity,
        ground=ground,
        start_x_m=start_x,
        start_altitude_m=altitude,
        start_velocity_m_s=(vx, vy),
        start_angle_rad=math.radians(angle),
        time_limit_s=landing.time_limit_s,
        grading=landing.grading or spec.grading,
        assists=landing.assists if assists is None else assists,
        seed=seed,
        grading_status=GAME_VALUE if landing.grading is not None else spec.figure("grading"),
    )


def _with_thrust(spec: LanderSpec, max_thrust_n: float) -> LanderSpec:
    """The lander with another full thrust; it may not fall below the engine's lowest setting."""
    if not (math.isfinite(max_thrust_n) and spec.min_thrust_n <= max_thrust_n <= 1.0e7):
        raise ValueError(say("The engine's full thrust must be between its lowest setting ({least}) and {most}, not "
                             "{thrust}.", least=Quantity(spec.min_thrust_n, NEWTON),
                             most=Quantity(1.0e7, NEWTON), thrust=Quantity(max_thrust_n, NEWTON)))
    return spec.model_copy(update={"max_thrust_n": max_thrust_n})


def _lander(level: Level, landing: Landing, catalog: Catalog, chosen: str | None) -> LanderSpec:
    """The named lander, else the level's, else its first launch vehicle's, else the catalog's first."""
    name = chosen if chosen is not None else landing.lander
    if name is None:
        carried = (catalog.launch_vehicles.get(vehicle) for vehicle in level.launch_vehicles)
        name = next((vehicle.lander for vehicle in carried if vehicle is not None and vehicle.lander), None)
    if name is None:
        name = next(iter(catalog.landers), None)
    if name is None:
        raise ValueError(say("The catalog has no landers: add a [[landers]] entry to a catalog file."))
    spec = catalog.landers.get(name)
    if spec is None:
        raise ValueError(say("The landing's lander is not in the catalog: {problem}.",
                             problem=unknown("lander", name, catalog.landers)))
    return spec


def problem_text(error: Exception) -> str:
    """What went wrong, for a screen to pass through tr: the `Message` a landing error carries, else its text."""
    first = error.args[0] if error.args else None
    return first if isinstance(first, Message) else str(error)
