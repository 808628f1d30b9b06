"""A pilot that flies by ear: it hears only the sonifier's cues, never the instruments, and still lands.

It is the proof that the landing's sound carries what a pilot needs (tests/test_fly_by_ear.py, and the
landing benchmark prints its rate). An `Ear` first rounds each cue to what a listener can tell apart;
the pilot then reads the rounded cues back into speeds, height, the pad's side and the lean
(`read_cues`) and flies them with the built-in autopilot's rules. Besides the cues it knows only what a
pilot knows before the flight (the craft, its cargo, the gravity) and what it did itself (the throttle
it asked for, so how much propellant it has burned).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from game.landing.autopilot import Autopilot
from game.landing.flight import STEP_S
from game.landing.pilot import Observation, Pilot, PilotCommand
from game.landing.scenario import Scenario
from game.landing.sonify import Cues, Sonifier, read_cues


@dataclass(frozen=True, slots=True)
class Ear:
    """What a listener can tell apart (game values, coarser than a trained ear): pitch to the nearest
    `pitch_semitones`, a pulse rate to within `rate_share` of itself, a pan or a warble in `pan_step`s."""

    pitch_semitones: float = 1.0
    rate_share: float = 0.05
    pan_step: float = 0.05

    def _pitch(self, hz: float) -> float:
        """The nearest note on a scale of `pitch_semitones` steps tuned to A = 440 Hz."""
        step = self.pitch_semitones / 12.0
        return 440.0 * 2.0 ** (round(math.log2(hz / 440.0) / step) * step)

    def _rate(self, hz: float) -> float:
        if hz <= 0.0:
            return 0.0  # a steady tone is heard as steady
        step = math.log1p(self.rate_share)
        return math.exp(round(math.log(hz) / step) * step)

    def _pan(self, pan: float) -> float:
        return round(pan / self.pan_step) * self.pan_step

    def hear(self, cues: Cues) -> Cues:
        return replace(
            cues, vario_hz=self._pitch(cues.vario_hz), vario_pulse_hz=self._rate(cues.vario_pulse_hz),
            vario_pan=self._pan(cues.vario_pan), height_hz=self._pitch(cues.height_hz),
            height_rate_hz=self._rate(cues.height_rate_hz), pad_pan=self._pan(cues.pad_pan),
            warble=self._pan(cues.warble),
        )


@dataclass(frozen=True, slots=True)
class Craft:
    """What a pilot knows before the flight: the lander's figures, the cargo's mass and the gravity."""

    empty_mass_kg: float  # the lander dry, with its cargo
    propellant_kg: float
    min_thrust_n: float
    max_thrust_n: float
    exhaust_velocity_m_s: float
    gravity_m_s2: float

    @classmethod
    def of(cls, scenario: Scenario) -> Craft:
        spec = scenario.lander
        return cls(spec.dry_mass_kg + scenario.cargo_mass_kg, spec.propellant_kg, spec.min_thrust_n,
                   spec.max_thrust_n, spec.exhaust_velocity, scenario.gravity_m_s2)


class EarPilot:
    """Flies on `Cues` alone: call it with each step's cues, it answers a command."""

    def __init__(self, craft: Craft, ear: Ear | None = None, autopilot: Autopilot | None = None):
        self.craft = craft
        self.ear = ear or Ear()
        self.autopilot = autopilot or Autopilot()
        self.propellant_kg = craft.propellant_kg  # what it reckons is left, from its own throttle
        self.legs_touching = 0
        self.time_s = 0.0
        self._last = PilotCommand()

    def _burn_last_command(self) -> None:
        craft, throttle = self.craft, self._last.throttle
        if throttle <= 0.0 or self.propellant_kg <= 0.0 or self.legs_touching:
            return
        thrust = max(craft.min_thrust_n, throttle * craft.max_thrust_n)
        self.propellant_kg = max(0.0, self.propellant_kg - thrust / craft.exhaust_velocity_m_s * STEP_S)

    def __call__(self, cues: Cues) -> PilotCommand:
        self._burn_last_command()
        if "contact" in cues.events:
            self.legs_touching = 1
        if "touchdown" in cues.events:
            self.legs_touching = 2
        heard = read_cues(self.ear.hear(cues))
        craft = self.craft
        # The autopilot's rules, fed with what was heard: the pad at x = 0, the lander `offset` to its left.
        seen = Observation(
            self.time_s, -heard.offset_m, 0.0, heard.altitude_m, heard.vx_m_s, heard.vy_m_s,
            math.radians(heard.tilt_deg), 0.0, craft.empty_mass_kg + self.propellant_kg, self.propellant_kg,
            0.0, craft.gravity_m_s2, craft.min_thrust_n, craft.max_thrust_n, craft.exhaust_velocity_m_s, 0.0,
            self.legs_touching,
        )
        self._last = self.autopilot(seen)
        self.time_s += STEP_S
        return self._last


def by_ear(scenario: Scenario, ear: Ear | None = None) -> Pilot:
    """A pilot for `fly_scenario`: the sonifier listens to each step's instruments, the ear pilot hears only its
    cues. The instruments never reach the ear pilot."""
    sonifier = Sonifier(scenario.lander.propellant_kg)
    ear_pilot: Callable[[Cues], PilotCommand] = EarPilot(Craft.of(scenario), ear)
    listen = sonifier.listen

    def pilot(seen: Observation) -> PilotCommand:
        return ear_pilot(listen(seen))

    return pilot
