"""The landing's sound aids on screen: the flight heard as tones and called out in words, as the settings ask.

`LandingAids` sits beside a landing screen: each frame it asks the sonifier for the cues of the moment (after
the physics steps, never inside one), lets the call-out triggers pick words, and hands both to a `CuePlayer`.
It keeps its own clock of wall time, so a call-out is never late for the player even in slow motion.
"""

from __future__ import annotations

from game.audio import Audio
from game.audio_cues import CALLOUT_WORDS, EVENT_WORDS, CuePlayer
from game.landing.callouts import CalloutId, CalloutTriggers, callout_for_grade
from game.landing.pilot import Observation
from game.landing.sonify import Cues, Sonifier
from game.settings import Settings

__all__ = ["CALLOUT_WORDS", "EVENT_WORDS", "LandingAids"]


class LandingAids:
    """Tones and call-outs for one flight; `on` is False when the player asked for neither."""

    def __init__(self, audio: Audio | None, settings: Settings, propellant_full_kg: float):
        self.on = settings.sonify_landing or settings.say_callouts
        self.player = CuePlayer(audio, tones=settings.sonify_landing, callouts=settings.say_callouts,
                                language=settings.language)
        self.sonifier = Sonifier(propellant_full_kg)
        self.triggers = CalloutTriggers()
        self.now = 0.0
        self.cues: Cues | None = None
        self._quiet = False

    def prepare(self) -> None:
        if self.on:
            self.player.prepare()

    def frame(self, seen: Observation, dt: float, running: bool) -> None:
        """After a frame's steps: the cues of the flight now, the call-outs it asks for, and what is due."""
        if not self.on:
            return
        self.now += dt
        if not running:  # paused or asking a question: hold every tone, let a call-out finish
            if not self._quiet:
                self.player.silence_tones()
                self._quiet = True
            return
        self._quiet = False
        cues = self.cues = self.sonifier.listen(seen)
        for callout in self.triggers.check(seen, cues.events):
            self.player.say(callout, self.now)
        self.player.hear(cues, self.now, dt)

    def ended(self, grade_name: str) -> None:
        """The flight is over: the tones stop and its grade is called out."""
        if self.on:
            self.player.silence_tones()
            self.player.say(callout_for_grade(grade_name), self.now)

    def after(self, dt: float) -> None:
        """A frame after the flight: only the call-outs still due."""
        if self.on:
            self.now += dt
            self.player.speak_due(self.now, dt)

    def speaking(self) -> CalloutId | None:
        return self.player.speaking(self.now)

    def silence(self) -> None:
        self.player.silence()
