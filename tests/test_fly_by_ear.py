"""Flying by ear: the sonifier's cues carry what a pilot needs, proven by a pilot that hears nothing else."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from game.landing.autopilot import Autopilot
from game.landing.ear_pilot import Craft, Ear, EarPilot, by_ear
from game.landing.pilot import Observation, PilotCommand
from game.landing.run import fly_scenario
from game.landing.scenario import scenario_for
from game.landing.sonify import (
    PROPELLANT_LOW_SHARE,
    VARIO_BASE_HZ,
    Cues,
    Sonifier,
    drift_pan,
    height_cue,
    pan_towards,
    read_cues,
    vario,
    warble_for,
)
from tests.landing_helpers import cargo_for, nominal_level

SEEDS = range(20)


def _seen(**changes: float) -> Observation:
    base = Observation(0.0, 0.0, 100.0, 100.0, 0.0, -5.0, 0.0, 0.0, 2000.0, 400.0, 0.0, 1.62, 1500.0, 7500.0,
                       3000.0, 1.0, 0)
    return base._replace(**changes)


def test_faster_sinking_sounds_higher_and_quicker_and_climbing_is_one_low_steady_tone() -> None:
    speeds = [-40.0, -20.0, -5.0, -2.0, -1.0, -0.5, 0.0]
    tones = [vario(speed) for speed in speeds]
    assert [pitch for pitch, _ in tones] == sorted((pitch for pitch, _ in tones), reverse=True)
    assert [pulses for _, pulses in tones] == sorted((pulses for _, pulses in tones), reverse=True)
    assert tones[-1] == (VARIO_BASE_HZ, pytest.approx(1.5))
    climb_pitch, climb_pulses = vario(2.0)
    assert climb_pulses == 0.0 and climb_pitch < VARIO_BASE_HZ
    # Near touchdown the speeds that decide a grade (1 and 2 m/s) are several semitones apart.
    assert 12 * math.log2(vario(-2.0)[0] / vario(-1.0)[0]) > 3.0


def test_the_ground_coming_near_raises_the_height_knock_and_quickens_it() -> None:
    cues = [height_cue(height) for height in (1000.0, 300.0, 50.0, 10.0, 0.0)]
    assert [pitch for pitch, _ in cues] == sorted(pitch for pitch, _ in cues)
    assert [rate for _, rate in cues] == sorted(rate for _, rate in cues)
    assert cues[-1] == (pytest.approx(440.0), pytest.approx(8.0))


def test_pan_puts_the_pad_and_the_drift_on_their_side_and_warble_on_the_leaning_side() -> None:
    assert pan_towards(50.0) > 0 > pan_towards(-50.0) and pan_towards(0.0) == 0.0
    assert pan_towards(400.0) == 1.0 and 0 < pan_towards(5.0) < pan_towards(50.0)
    assert drift_pan(3.0) > 0 > drift_pan(-3.0)
    assert warble_for(math.radians(10.0)) == pytest.approx(-0.5)  # leaning left: warbles on the left
    assert warble_for(math.radians(-40.0)) == 1.0


@pytest.mark.parametrize("vy, vx, altitude, offset, tilt", [
    (-30.0, 12.0, 600.0, -250.0, 8.0), (-1.2, -0.3, 3.0, 1.5, -2.0), (1.5, 0.0, 25.0, 0.0, 0.0),
])
def test_reading_the_cues_back_gives_the_flight(vy: float, vx: float, altitude: float, offset: float,
                                                tilt: float) -> None:
    seen = _seen(vy_m_s=vy, vx_m_s=vx, altitude_m=altitude, x_m=-offset, angle_rad=math.radians(tilt))
    heard = read_cues(Sonifier(500.0).listen(seen))
    assert (heard.vy_m_s, heard.vx_m_s, heard.altitude_m, heard.offset_m, heard.tilt_deg) == pytest.approx(
        (vy, vx, altitude, offset, tilt), abs=1e-6)


def test_events_sound_once_each_contact_then_touchdown_and_propellant_low() -> None:
    sonifier = Sonifier(500.0)
    assert sonifier.listen(_seen()).events == ()
    low = PROPELLANT_LOW_SHARE * 500.0 - 1.0
    assert sonifier.listen(_seen(propellant_kg=low)).events == ("propellant_low",)
    assert sonifier.listen(_seen(propellant_kg=low, legs_touching=1)).events == ("contact",)
    assert sonifier.listen(_seen(propellant_kg=low, legs_touching=1)).events == ()
    assert sonifier.listen(_seen(propellant_kg=low, legs_touching=2)).events == ("touchdown",)
    assert Sonifier(500.0).listen(_seen(legs_touching=2)).events == ("contact", "touchdown")


def test_the_ear_rounds_each_cue_to_what_a_listener_can_tell_apart() -> None:
    heard = Ear().hear(Cues(331.0, 3.03, 0.123, 200.0, 2.0, -0.51, 0.26))
    assert heard.vario_hz == pytest.approx(329.63, abs=0.01)  # E4, the nearest semitone
    assert heard.vario_pan == pytest.approx(0.1) and heard.pad_pan == pytest.approx(-0.5)
    assert heard.warble == pytest.approx(0.25)


def test_the_ear_pilot_is_given_cues_only() -> None:
    pilot = EarPilot(Craft(1500.0, 500.0, 1500.0, 7500.0, 3000.0, 1.62))
    command = pilot(Sonifier(500.0).listen(_seen()))
    assert isinstance(command, PilotCommand)
    with pytest.raises(AttributeError):  # the instruments are not something it can read
        pilot(_seen())  # type: ignore[arg-type]


def _grades(ear: Ear | None = None, silence_pad: bool = False) -> dict[str, int]:
    level, catalog = nominal_level()
    grades: dict[str, int] = {}
    for seed in SEEDS:
        scenario = scenario_for(level, catalog, seed, cargo=cargo_for(seed, catalog))
        pilot = by_ear(scenario, ear)
        if silence_pad:
            sonifier = Sonifier(scenario.lander.propellant_kg)
            ear_pilot = EarPilot(Craft.of(scenario), ear)

            def pilot(seen: Observation, sonifier: Sonifier = sonifier,
                      ear_pilot: EarPilot = ear_pilot) -> PilotCommand:
                return ear_pilot(replace(sonifier.listen(seen), pad_pan=0.0))

        name = fly_scenario(scenario, pilot).grade.name
        grades[name] = grades.get(name, 0) + 1
    return grades


def test_a_pilot_that_only_hears_the_cues_lands_the_nominal_landings() -> None:
    grades = _grades()
    landed = grades.get("perfect", 0) + grades.get("good", 0)
    assert landed >= 0.95 * len(SEEDS), grades


def test_without_the_pad_s_pan_the_same_pilot_misses_the_pad() -> None:
    """The control: the proof above fails when a cue it needs is silenced, so it tests the sound."""
    grades = _grades(silence_pad=True)
    assert grades.get("perfect", 0) + grades.get("good", 0) <= len(SEEDS) // 2, grades


def test_the_autopilot_and_the_ear_pilot_fly_alike() -> None:
    level, catalog = nominal_level()
    scenario = scenario_for(level, catalog, 7, cargo=cargo_for(7, catalog))
    by_eye = fly_scenario(scenario, Autopilot())
    by_sound = fly_scenario(scenario, by_ear(scenario))
    assert by_sound.touchdown is not None and by_eye.touchdown is not None
    assert by_sound.touchdown.distance_m < 10.0
    assert abs(by_sound.final.time_s - by_eye.final.time_s) < 0.2 * by_eye.final.time_s
