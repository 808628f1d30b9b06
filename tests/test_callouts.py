"""Spoken call-outs: what is said when, never two at once, never more than a quarter second late, in three languages."""

from __future__ import annotations

import itertools
import wave
from array import array
from pathlib import Path

import pytest

from game.landing.autopilot import Autopilot
from game.landing.callouts import (
    CALLOUT_IDS,
    MAX_LAG_S,
    CalloutId,
    CalloutScheduler,
    CalloutTriggers,
    callout_for_grade,
)
from game.landing.flight import STEP_S, Flight
from game.landing.pilot import Observation, PilotCommand
from game.landing.run import recording_for, result_of
from game.landing.scenario import scenario_for
from game.landing.sonify import Sonifier
from tests.landing_helpers import cargo_for, nominal_level

REPO = Path(__file__).resolve().parent.parent
CALLOUTS = REPO / "assets" / "sounds" / "callouts"
LANGUAGES = ("en", "zh", "ru")


def _durations(language: str) -> dict[CalloutId, float]:
    durations: dict[CalloutId, float] = {}
    for callout in CALLOUT_IDS:
        with wave.open(str(CALLOUTS / language / f"{callout}.wav"), "rb") as file:
            durations[callout] = file.getnframes() / file.getframerate()
    return durations


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_call_out_is_recorded_short_and_audible_in_each_language(language: str) -> None:
    for callout in CALLOUT_IDS:
        with wave.open(str(CALLOUTS / language / f"{callout}.wav"), "rb") as file:
            assert (file.getnchannels(), file.getsampwidth(), file.getframerate()) == (1, 2, 22050)
            seconds = file.getnframes() / file.getframerate()
            samples = array("h", file.readframes(file.getnframes()))
        assert 0.15 < seconds < 2.0, (language, callout, seconds)
        assert max(abs(value) for value in samples) > 0.5 * 32767, (language, callout)


def _fly_with_callouts(pilot: object, seed: int, slow_motion: float, language: str) -> CalloutScheduler:
    """Flies a landing frame by frame as the screen does (60 frames a second, the flight at `slow_motion`),
    asking for call-outs when the flight does and letting the scheduler start them."""
    level, catalog = nominal_level()
    scenario = scenario_for(level, catalog, seed, cargo=cargo_for(seed, catalog))
    flight = Flight(scenario)
    sonifier, triggers = Sonifier(scenario.lander.propellant_kg), CalloutTriggers()
    scheduler = CalloutScheduler(_durations(language))
    frame = 1.0 / 60.0
    now, owed = 0.0, 0.0
    while not flight.finished:
        owed += frame * slow_motion
        while owed >= STEP_S and not flight.finished:
            owed -= STEP_S
            flight.step(pilot(flight.observe()))  # type: ignore[operator]
            seen = flight.observe()
            for callout in triggers.check(seen, sonifier.listen(seen).events):
                scheduler.ask(callout, now)
        scheduler.update(now, frame)
        now += frame
    scheduler.ask(callout_for_grade(result_of(flight, recording_for(scenario)).grade.name), now)
    for _ in range(300):
        scheduler.update(now, frame)
        now += frame
    return scheduler


def _assert_one_voice_on_time(scheduler: CalloutScheduler) -> None:
    said = scheduler.log
    for before, after in itertools.pairwise(said):
        assert after.start_s >= before.end_s - 1e-9, (before, after)
    assert all(0.0 <= spoken.lag_s <= MAX_LAG_S for spoken in said), said


@pytest.mark.parametrize("language, slow_motion", [("en", 1.0), ("zh", 1.0), ("ru", 0.5), ("zh", 0.25)])
def test_an_autopilot_landing_is_called_down_without_overlap_or_lag(language: str, slow_motion: float) -> None:
    scheduler = _fly_with_callouts(Autopilot(), 3, slow_motion, language)
    _assert_one_voice_on_time(scheduler)
    said = [spoken.callout for spoken in scheduler.log]
    assert said[:4] == ["height_100", "height_50", "height_20", "height_10"], said
    assert "contact" in said and said[-1] == "landed_perfect"
    assert "slow_down" not in said  # the autopilot brakes in time; nobody nags it


def test_a_pilot_who_falls_is_told_to_slow_down_in_time() -> None:
    def falling(seen: Observation) -> PilotCommand:
        return PilotCommand(0.0, 0.0, 0.0)

    scheduler = _fly_with_callouts(falling, 1, 1.0, "en")
    _assert_one_voice_on_time(scheduler)
    said = [spoken.callout for spoken in scheduler.log]
    assert "slow_down" in said and said[-1] == "crashed"
    assert said.index("slow_down") < said.index("contact")


def test_call_outs_asked_together_wait_their_turn_or_go_and_the_important_one_cuts_in() -> None:
    scheduler = CalloutScheduler({"height_50": 0.4, "height_20": 0.4, "contact": 0.5, "landed_good": 0.8})
    scheduler.ask("height_50", 0.0)
    assert scheduler.update(0.0, 0.1) == "height_50"
    scheduler.ask("height_20", 0.05)
    assert scheduler.update(0.1, 0.1) is None  # waits: it can still start in time
    assert scheduler.update(0.2, 0.1) is None
    assert scheduler.update(0.3, 0.1) is None  # the next update would be too late, and it matters no more
    assert [callout for callout, _ in scheduler.dropped] == ["height_20"]
    scheduler.ask("contact", 0.35)
    assert scheduler.update(0.4, 0.1) == "contact"  # the voice is free again at 0.4
    scheduler.ask("landed_good", 0.5)
    assert scheduler.update(0.5, 0.1) is None
    assert scheduler.update(0.6, 0.2) == "landed_good" and scheduler.cut  # it matters more: "contact" is cut
    _assert_one_voice_on_time(scheduler)
    assert [spoken.callout for spoken in scheduler.log] == ["height_50", "contact", "landed_good"]


def test_a_call_out_a_language_has_no_recording_for_is_not_said() -> None:
    scheduler = CalloutScheduler({"contact": 0.5})
    scheduler.ask("height_100", 0.0)
    assert scheduler.update(0.0, 0.02) is None and scheduler.waiting == []
