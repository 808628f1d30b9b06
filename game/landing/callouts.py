"""Spoken call-outs for a landing: when to say what ("100 metres", "slow down", "contact"), one at a time, on time.

`CalloutTriggers.check(seen)` names the call-outs a moment of the flight asks for, and `callout_for_grade`
the one for how it ended. A `CalloutScheduler` then decides when each is spoken: never over another, and
never later than `MAX_LAG_S` after the moment it is about (a call-out that would come later is cut or
dropped: a late "50" is worse than none). It is headless and keeps time in seconds the caller gives it,
so tests run it with a made-up clock; the screen gives it real time and plays what it starts.
The recorded voices are in assets/sounds/callouts/<language>/<id>.wav (tools/make_callouts.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from game.landing.instruments import braking_height
from game.landing.pilot import Observation
from game.landing.sonify import CueEvent

CalloutId = Literal[
    "height_100", "height_50", "height_20", "height_10", "slow_down", "contact", "propellant_low",
    "landed_perfect", "landed_good", "landed_off_target", "landed_hard", "crashed",
]
# Heights called on the way down, highest first (game values).
HEIGHT_CALLOUTS: tuple[tuple[float, CalloutId], ...] = (
    (100.0, "height_100"), (50.0, "height_50"), (20.0, "height_20"), (10.0, "height_10"),
)
GRADE_CALLOUTS: dict[str, CalloutId] = {
    "perfect": "landed_perfect", "good": "landed_good", "off_target": "landed_off_target", "hard": "landed_hard",
    "crash": "crashed",
}
EVENT_CALLOUTS: dict[CueEvent, CalloutId] = {"contact": "contact", "propellant_low": "propellant_low"}
CALLOUT_IDS: tuple[CalloutId, ...] = (
    *(name for _, name in HEIGHT_CALLOUTS), "slow_down", "contact", "propellant_low", *GRADE_CALLOUTS.values(),
)
# What matters more cuts short what matters less when both cannot be said in time.
PRIORITY: dict[CalloutId, int] = {
    "height_100": 1, "height_50": 1, "height_20": 1, "height_10": 1, "propellant_low": 2, "slow_down": 3,
    "contact": 4, "landed_perfect": 5, "landed_good": 5, "landed_off_target": 5, "landed_hard": 5, "crashed": 5,
}
MAX_LAG_S = 0.25
# "Slow down" when braking at this share of full thrust would need all the height left (the autopilot plans
# on 0.6, so it is never told), below this height, and again at most this often while it stays true.
SLOW_DOWN_SHARE = 0.85
SLOW_DOWN_BELOW_M = 400.0
SLOW_DOWN_REPEAT_S = 4.0
# ... and only while sinking faster than this: slower is a touchdown speed, whatever the height left.
SLOW_DOWN_SINK_M_S = 2.0
# A height is called only while sinking at least this fast (hovering around it says nothing new).
CALLOUT_SINK_M_S = 0.3


def callout_for_grade(grade_name: str) -> CalloutId:
    return GRADE_CALLOUTS[grade_name]


class CalloutTriggers:
    """Which call-outs each moment of one flight asks for: each height once on the way down, "slow down" while
    sinking too fast for the height left (not more often than every few seconds), and the sonifier's events
    ("contact", "propellant low") as words."""

    __slots__ = ("_heights_left", "_slow_down_at")

    def __init__(self) -> None:
        self._heights_left = list(HEIGHT_CALLOUTS)
        self._slow_down_at = -SLOW_DOWN_REPEAT_S

    def check(self, seen: Observation, events: tuple[CueEvent, ...] = ()) -> list[CalloutId]:
        said: list[CalloutId] = [EVENT_CALLOUTS[event] for event in events if event in EVENT_CALLOUTS]
        if seen.legs_touching:
            return said
        heights = self._heights_left
        # Only the lowest height passed is said: after a fast drop past two marks, the older one is stale.
        passed = [name for height, name in heights if seen.altitude_m <= height]
        if passed:
            self._heights_left = [(height, name) for height, name in heights if seen.altitude_m > height]
            if seen.vy_m_s <= -CALLOUT_SINK_M_S:
                said.append(passed[-1])
        if (
            seen.altitude_m < SLOW_DOWN_BELOW_M
            and seen.vy_m_s < -SLOW_DOWN_SINK_M_S
            and seen.time_s - self._slow_down_at >= SLOW_DOWN_REPEAT_S
            and braking_height(seen, SLOW_DOWN_SHARE) >= seen.altitude_m
        ):
            self._slow_down_at = seen.time_s
            said.append("slow_down")
        return said


@dataclass(frozen=True, slots=True)
class Spoken:
    """A call-out as it was said: asked for at `asked_s`, started at `start_s`, ended at `end_s`."""

    callout: CalloutId
    asked_s: float
    start_s: float
    end_s: float

    @property
    def lag_s(self) -> float:
        return self.start_s - self.asked_s


@dataclass(slots=True)
class CalloutScheduler:
    """One voice: `ask` queues a call-out, `update(now, frame_s)` starts what is due and returns what to play now.

    `durations` are each call-out's length in seconds (the recorded files'). A call-out waits while another
    is spoken; when waiting until the next frame would make it later than `max_lag_s`, it cuts the one being
    said if it matters more (the screen stops that sound), else it is dropped. `log` keeps what was said.
    """

    durations: dict[CalloutId, float]
    max_lag_s: float = MAX_LAG_S
    speaking: Spoken | None = None
    waiting: list[tuple[CalloutId, float]] = field(default_factory=list)
    log: list[Spoken] = field(default_factory=list)
    dropped: list[tuple[CalloutId, float]] = field(default_factory=list)
    cut: bool = False  # True after an update that cut the call-out being said short

    def ask(self, callout: CalloutId, now: float) -> None:
        if callout in self.durations:  # a language without that recording says nothing rather than fail
            self.waiting.append((callout, now))

    def busy(self, now: float) -> bool:
        return self.speaking is not None and now < self.speaking.end_s

    def update(self, now: float, frame_s: float = 0.0) -> CalloutId | None:
        """The call-out to start playing now, if any; `frame_s` is how long until the next update."""
        self.cut = False
        started: CalloutId | None = None
        # The most important first, then the oldest; everything left waits for the next update or goes.
        self.waiting.sort(key=lambda item: (-PRIORITY[item[0]], item[1]))
        still: list[tuple[CalloutId, float]] = []
        for callout, asked in self.waiting:
            if now - asked > self.max_lag_s:
                self.dropped.append((callout, asked))
                continue
            if started is None and not self.busy(now):
                started = self._start(callout, asked, now)
                continue
            too_late_next = now + frame_s - asked > self.max_lag_s
            speaking = self.speaking
            if started is None and too_late_next and speaking is not None and PRIORITY[callout] > PRIORITY[
                    speaking.callout]:
                self.log[-1] = Spoken(speaking.callout, speaking.asked_s, speaking.start_s, now)
                self.cut = True
                started = self._start(callout, asked, now)
            elif too_late_next:
                self.dropped.append((callout, asked))
            else:
                still.append((callout, asked))
        self.waiting = still
        return started

    def _start(self, callout: CalloutId, asked: float, now: float) -> CalloutId:
        self.speaking = Spoken(callout, asked, now, now + self.durations[callout])
        self.log.append(self.speaking)
        return callout
