"""The landing as sound parameters: what a pilot flying by ear hears at each moment, with no audio in it.

`Sonifier.listen(seen)` turns the instruments into `Cues`: plain numbers (pitches in hertz, rates in
pulses a second, pans from -1 left to 1 right) and the discrete events of the step. The screen turns
cues into sound cheaply (game/scenes' landing sound, from pre-rendered tones); tests and the fly-by-ear
pilot read them directly. `read_cues` is the way back: what each cue says about the flight, as a
listener who knows the mapping would hear it. docs/LANDING.md has the mapping as a table.

Every mapping is logarithmic where the flight's range is wide (speeds from 0.2 to 40 m/s, heights from
0 to 1000 m), so the numbers that matter near the ground are far apart in sound. All figures here are
game values chosen for listening, not facts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from game.landing.pilot import Observation

CueEvent = Literal["contact", "touchdown", "propellant_low"]
CUE_EVENTS: tuple[CueEvent, ...] = ("contact", "touchdown", "propellant_low")

# The descent tone (a variometer): its pitch at rest, and how far it moves over the speeds it covers.
VARIO_BASE_HZ = 330.0
SINK_FULL_M_S = 40.0  # sinking this fast or faster: the highest pitch, three octaves up
SINK_SCALE_M_S = 1.0  # below about this, pitch moves in proportion; above it, by ratios
SINK_RANGE_SEMITONES = 36.0
CLIMB_FULL_M_S = 20.0  # climbing: a steady tone down to two octaves below the base
CLIMB_RANGE_SEMITONES = 24.0
LEVEL_M_S = 0.1  # slower than this up or down: the tone holds its base pitch and pulses slowly
# Pulses a second while sinking: from LEVEL (nearly still) up to FAST (at the full sink speed).
PULSE_LEVEL_HZ = 1.5
PULSE_FAST_HZ = 12.0
# The height cue: a low knock whose pitch and rate both rise as the ground comes near.
HEIGHT_LOW_HZ = 110.0
HEIGHT_RANGE_OCTAVES = 2.0
HEIGHT_SLOW_HZ = 0.5
HEIGHT_FAST_HZ = 8.0
HEIGHT_TOP_M = 1000.0
HEIGHT_SCALE_M = 2.0
# Stereo: the height knock sits where the pad is; the descent tone moves with the sideways drift.
PAD_FULL_M = 400.0
PAD_SCALE_M = 2.0
DRIFT_FULL_M_S = 30.0
DRIFT_SCALE_M_S = 0.5
# The warble: tilt, strongest at this lean, on the side the lander leans to; its speed in warbles a second.
WARBLE_FULL_DEG = 20.0
WARBLE_HZ = 6.0
# "Propellant low" sounds once when the tank falls below this share of a full load.
PROPELLANT_LOW_SHARE = 0.15


@dataclass(frozen=True, slots=True)
class Cues:
    """The sound of one moment of a landing.

    `vario_hz` is the descent tone's pitch and `vario_pulse_hz` its pulses a second (0: one steady tone,
    which means climbing); `vario_pan` is where it sits (-1 left to 1 right), following the sideways drift.
    `height_hz` and `height_rate_hz` are the height knock's pitch and pulses a second; `pad_pan` is where
    the knock sits, which is where the pad is. `warble` is the tilt: 0 upright, up to 1 at a strong lean,
    negative when the lander leans left. `events` are what happened since the last call.
    """

    vario_hz: float
    vario_pulse_hz: float
    vario_pan: float
    height_hz: float
    height_rate_hz: float
    pad_pan: float
    warble: float
    events: tuple[CueEvent, ...] = ()


def _log_share(value: float, scale: float, full: float) -> float:
    """0 to 1: where |value| sits between 0 and `full` on a scale that is linear below `scale`, logarithmic above."""
    share = math.log1p(abs(value) / scale) / math.log1p(full / scale)
    return share if share < 1.0 else 1.0


def _unlog_share(share: float, scale: float, full: float) -> float:
    """The inverse of `_log_share` (for shares below 1; 1 gives `full`)."""
    return scale * math.expm1(share * math.log1p(full / scale))


def _clamp(value: float, low: float, high: float) -> float:
    return low if value < low else high if value > high else value


def vario(vy_m_s: float) -> tuple[float, float]:
    """(pitch in Hz, pulses a second) of the descent tone for a vertical speed (negative: sinking)."""
    if vy_m_s > LEVEL_M_S:
        semitones = -CLIMB_RANGE_SEMITONES * _log_share(vy_m_s, SINK_SCALE_M_S, CLIMB_FULL_M_S)
        return VARIO_BASE_HZ * 2.0 ** (semitones / 12.0), 0.0
    share = _log_share(vy_m_s, SINK_SCALE_M_S, SINK_FULL_M_S) if vy_m_s < 0.0 else 0.0
    pitch = VARIO_BASE_HZ * 2.0 ** (SINK_RANGE_SEMITONES * share / 12.0)
    return pitch, PULSE_LEVEL_HZ + (PULSE_FAST_HZ - PULSE_LEVEL_HZ) * share


def height_closeness(altitude_m: float) -> float:
    """0 at HEIGHT_TOP_M and above, 1 on the ground: how near the ground sounds."""
    return 1.0 - _log_share(max(0.0, altitude_m), HEIGHT_SCALE_M, HEIGHT_TOP_M)


def height_cue(altitude_m: float) -> tuple[float, float]:
    """(pitch in Hz, pulses a second) of the height knock."""
    near = height_closeness(altitude_m)
    return (HEIGHT_LOW_HZ * 2.0 ** (HEIGHT_RANGE_OCTAVES * near),
            HEIGHT_SLOW_HZ * (HEIGHT_FAST_HZ / HEIGHT_SLOW_HZ) ** near)


def pan_towards(offset_m: float) -> float:
    """Where the pad sounds: -1 far to the left, 0 straight below, 1 far to the right."""
    return math.copysign(_log_share(offset_m, PAD_SCALE_M, PAD_FULL_M), offset_m)


def drift_pan(vx_m_s: float) -> float:
    """Where the descent tone sounds: it moves the way the lander drifts, further the faster."""
    return math.copysign(_log_share(vx_m_s, DRIFT_SCALE_M_S, DRIFT_FULL_M_S), vx_m_s)


def warble_for(angle_rad: float) -> float:
    """The warble for a lean (positive angle: leaning left, so a negative warble: on the left)."""
    return -_clamp(math.degrees(angle_rad) / WARBLE_FULL_DEG, -1.0, 1.0)


class Sonifier:
    """Cues for each moment of one landing; it remembers only what it needs to tell events apart."""

    __slots__ = ("_low_said", "_propellant_low_kg", "_touching")

    def __init__(self, propellant_full_kg: float):
        self._propellant_low_kg = PROPELLANT_LOW_SHARE * propellant_full_kg
        self._touching = 0
        self._low_said = False

    def listen(self, seen: Observation) -> Cues:
        """The cues of this moment, with the events since the last call (a few microseconds: no sound is made)."""
        events: list[CueEvent] = []
        legs = seen.legs_touching
        if legs > self._touching:
            if self._touching == 0:
                events.append("contact")
            if legs >= 2:
                events.append("touchdown")
        self._touching = max(self._touching, legs)
        if not self._low_said and seen.propellant_kg < self._propellant_low_kg:
            self._low_said = True
            events.append("propellant_low")
        pitch, pulses = vario(seen.vy_m_s)
        height_hz, height_rate = height_cue(seen.altitude_m)
        return Cues(pitch, pulses, drift_pan(seen.vx_m_s), height_hz, height_rate,
                    pan_towards(seen.target_x_m - seen.x_m), warble_for(seen.angle_rad), tuple(events))


# --- reading the cues back: what a listener who knows the mapping hears ---------------------------------


@dataclass(frozen=True, slots=True)
class Heard:
    """What the cues say about the flight: vertical and sideways speed, height, the pad's offset, the lean."""

    vy_m_s: float
    vx_m_s: float
    altitude_m: float
    offset_m: float
    tilt_deg: float


def read_cues(cues: Cues) -> Heard:
    """The flight as the cues tell it, inverting each mapping (exact up to where a cue saturates)."""
    semitones = 12.0 * math.log2(cues.vario_hz / VARIO_BASE_HZ)
    if cues.vario_pulse_hz == 0.0:
        vy = _unlog_share(min(1.0, -semitones / CLIMB_RANGE_SEMITONES), SINK_SCALE_M_S, CLIMB_FULL_M_S)
    else:
        vy = -_unlog_share(_clamp(semitones / SINK_RANGE_SEMITONES, 0.0, 1.0), SINK_SCALE_M_S, SINK_FULL_M_S)
    near_by_pitch = math.log2(cues.height_hz / HEIGHT_LOW_HZ) / HEIGHT_RANGE_OCTAVES
    near_by_rate = math.log(cues.height_rate_hz / HEIGHT_SLOW_HZ) / math.log(HEIGHT_FAST_HZ / HEIGHT_SLOW_HZ)
    near = _clamp((near_by_pitch + near_by_rate) / 2.0, 0.0, 1.0)  # both say the same; heard together
    altitude = _unlog_share(1.0 - near, HEIGHT_SCALE_M, HEIGHT_TOP_M)
    vx = math.copysign(_unlog_share(min(1.0, abs(cues.vario_pan)), DRIFT_SCALE_M_S, DRIFT_FULL_M_S), cues.vario_pan)
    offset = math.copysign(_unlog_share(min(1.0, abs(cues.pad_pan)), PAD_SCALE_M, PAD_FULL_M), cues.pad_pan)
    return Heard(vy, vx, altitude, offset, -cues.warble * WARBLE_FULL_DEG)
