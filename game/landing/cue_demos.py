"""Short made-up flights that play one landing cue alone, so a student learns what each sound means.

Each `CueDemo` moves one quantity through its range (the sink speed, the drift, the height, the pad's side, the
lean) with everything else still, or sounds the events or the call-outs one after another. The lesson screen
plays them through the real sonifier, so what a student learns is exactly what a landing sounds like.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

from game.content.ui_text import to_translate
from game.landing.callouts import CALLOUT_IDS, CalloutId
from game.landing.pilot import Observation
from game.landing.sonify import PROPELLANT_LOW_SHARE

# The made-up lander of the demos: full tank, the pad straight below, high enough that the ground is far.
DEMO_PROPELLANT_KG = 500.0
_STILL = Observation(0.0, 0.0, 120.0, 120.0, 0.0, -2.0, 0.0, 0.0, 2200.0, DEMO_PROPELLANT_KG, 0.0, 1.62, 1500.0,
                     7500.0, 3000.0, 1.0, 0)
CALLOUT_GAP_S = 0.4  # between one call-out's end and the next one's start


@dataclass(frozen=True, slots=True)
class CueDemo:
    """One cue alone: `part` is what the player plays (game.audio_cues.CUE_PARTS), `at(t)` the flight at t seconds."""

    part: str
    title: str
    explains: str
    seconds: float
    at: Callable[[float], Observation]
    callouts: tuple[CalloutId, ...] = ()  # said one after another, each when the one before has ended


def _glide(t: float, points: tuple[tuple[float, float], ...]) -> float:
    """The value at `t` on straight lines between (time, value) points."""
    for (t0, v0), (t1, v1) in itertools.pairwise(points):
        if t <= t1:
            return v0 + (v1 - v0) * (t - t0) / (t1 - t0) if t1 > t0 else v1
    return points[-1][1]


def _descent(t: float) -> Observation:
    return _STILL._replace(time_s=t, vy_m_s=_glide(t, ((0.0, -0.3), (2.5, -2.0), (6.5, -25.0), (7.5, -1.0),
                                                        (8.0, 2.0), (10.0, 2.0))))


def _drift(t: float) -> Observation:
    return _STILL._replace(time_s=t, vy_m_s=-3.0, vx_m_s=_glide(t, ((0.0, 0.0), (2.5, -6.0), (5.0, 0.0), (7.5, 6.0),
                                                                    (10.0, 0.0))))


def _height(t: float) -> Observation:
    # From 600 m to the ground, slower as it nears, as a landing does.
    height = 600.0 * (1.0 - min(1.0, t / 9.0)) ** 3
    return _STILL._replace(time_s=t, altitude_m=height, y_m=height)


def _pad(t: float) -> Observation:
    return _STILL._replace(time_s=t, altitude_m=40.0, x_m=-_glide(t, ((0.0, -250.0), (4.0, 0.0), (5.0, 0.0),
                                                                      (9.0, 250.0), (10.0, 250.0))))


def _tilt(t: float) -> Observation:
    degrees = _glide(t, ((0.0, 0.0), (2.0, 18.0), (4.0, 0.0), (5.0, 0.0), (7.0, -18.0), (9.0, 0.0)))
    return _STILL._replace(time_s=t, angle_rad=math.radians(degrees))


def _events(t: float) -> Observation:
    low = PROPELLANT_LOW_SHARE * DEMO_PROPELLANT_KG
    return _STILL._replace(time_s=t, propellant_kg=DEMO_PROPELLANT_KG if t < 0.5 else low - 1.0,
                           legs_touching=0 if t < 2.5 else 1 if t < 4.0 else 2)


DEMOS: tuple[CueDemo, ...] = (
    CueDemo("descent", to_translate("Descent tone"), to_translate(
        "Beeps that rise and quicken the faster you sink: slow and low below 1 m/s, a quick high chatter at 20 "
        "m/s. Climbing is one steady tone, lower the faster you climb."), 10.0, _descent),
    CueDemo("descent", to_translate("Drift"), to_translate(
        "The descent tone moves to the side you drift towards, further the faster: in the middle, you are not "
        "drifting."), 10.0, _drift),
    CueDemo("height", to_translate("Height knock"), to_translate(
        "A low knock, slow and deep high up, quicker and higher as the ground comes near: eight knocks a second "
        "on the ground."), 10.0, _height),
    CueDemo("height", to_translate("Where the pad is"), to_translate(
        "The knock sits where the pad is: on your left, your right, or in the middle when the pad is straight "
        "below."), 10.0, _pad),
    CueDemo("tilt", to_translate("Tilt warble"), to_translate(
        "A warbling whistle on the side the lander leans to, louder the more it leans; silent when upright."),
        9.0, _tilt),
    CueDemo("events", to_translate("Events"), to_translate(
        "Three falling beeps: propellant is low. Two dry ticks: a leg touched the ground. A rising chord: both "
        "legs are down."), 5.5, _events),
    CueDemo("callouts", to_translate("Call-outs"), to_translate(
        "Spoken in your language: the heights on the way down, “slow down” when you sink too fast for the "
        "height left, “contact”, and how the landing went."), 40.0, lambda t: _STILL._replace(time_s=t),
        CALLOUT_IDS),
)
