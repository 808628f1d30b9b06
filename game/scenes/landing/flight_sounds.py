"""The landing's sound hooks: engine, touchdown and alarm through the app's Audio, silent when there is none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenes.context import SceneContext

if TYPE_CHECKING:
    from game.audio import Audio

SOUNDS = ("engine", "touchdown", "alarm")


def find_audio(ctx: SceneContext) -> Audio | None:
    """The app's Audio, None where no app runs; the app owns it and closes it: never open a second one beside it."""
    return ctx.audio


class FlightSounds:
    """Starts and stops the landing's sounds once each, whatever the audio does; it never raises."""

    __slots__ = ("_audio", "_engine_on")

    def __init__(self, audio: Audio | None):
        self._audio = audio
        self._engine_on = False

    def _call(self, method: str, name: str) -> None:
        if self._audio is None:
            return
        try:
            getattr(self._audio, method)(name)
        except Exception:  # a sound that fails must never stop a landing
            self._audio = None

    def engine(self, burning: bool) -> None:
        if burning != self._engine_on:
            self._engine_on = burning
            self._call("loop" if burning else "stop", "engine")

    def touchdown(self) -> None:
        self._call("play", "touchdown")

    def alarm(self) -> None:
        self._call("play", "alarm")

    def silence(self) -> None:
        self.engine(False)
