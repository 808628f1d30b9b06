"""Sound for the game: effects and an ambient loop from assets/sounds, silent when there is no audio device.

    audio = Audio.open(settings)       # never raises; without a device (or a mixer) it stays silent
    audio.play("click")                # one-shot effects: click, touchdown, alarm
    audio.loop("engine"); audio.stop("engine")
    audio.set_volumes(master=0.5)      # any of master, effects, ambient (0 to 1)
    audio.channel("voice")             # a channel of its own for a landing's cues (game/audio_cues.py)

Sounds load the first time they are played, so opening the game costs only the mixer's start. The mixer is
stereo, so a cue can sit left or right; the effects' files are mono and play in the middle.
"""

from __future__ import annotations

import io
import sys
import wave
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game import paths

if TYPE_CHECKING:
    from game.settings import Settings

SOUNDS_FOLDER = "sounds"
EFFECTS = ("click", "engine", "touchdown", "alarm")
AMBIENT = ("ambient",)
SOUND_NAMES = EFFECTS + AMBIENT
SAMPLE_RATE = 22050  # the rate tools/make_sounds.py writes; the mixer opens at it so nothing is resampled
# Channels kept for the landing's cues, each played only on purpose (the effects take the others).
CUE_CHANNELS = ("vario", "height", "tilt", "event", "voice")
MIXER_CHANNELS = 12


@dataclass(slots=True)
class Volumes:
    """The three volume sliders of the settings, each 0 to 1; a sound plays at master × its own."""

    master: float = 0.8
    effects: float = 1.0
    ambient: float = 0.5

    def for_sound(self, name: str) -> float:
        return _clamp(self.master * (self.ambient if name in AMBIENT else self.effects))


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


@dataclass(slots=True)
class Audio:
    """The game's sounds. `mixer` is pygame.mixer when a device opened, None for a silent Audio."""

    mixer: Any
    folder: Path
    volumes: Volumes = field(default_factory=Volumes)
    problem: str | None = None  # why the game is silent, in one sentence, when it is
    _sounds: dict[str, Any] = field(default_factory=dict)
    _looping: set[str] = field(default_factory=set)
    _missing: set[str] = field(default_factory=set)
    # Sounds made by code (the cues' tone tables), kept as long as the mixer: made once a game, not a landing.
    made: dict[object, Any] = field(default_factory=dict)

    @classmethod
    def open(cls, settings: Settings | None = None, folder: Path | None = None) -> Audio:
        """Starts the mixer; with no device, no driver or no mixer module, returns a silent Audio instead."""
        folder = folder or paths.assets_dir() / SOUNDS_FOLDER
        volumes = Volumes()
        if settings is not None:
            volumes = Volumes(settings.master_volume, settings.effects_volume, settings.ambient_volume)
        try:
            import pygame
        except ImportError as error:
            return cls.silent(folder, volumes, f"Sound is off: pygame is missing ({error}).")
        try:
            pygame.mixer.init(frequency=SAMPLE_RATE, size=-16, channels=2, buffer=512)
            pygame.mixer.set_num_channels(MIXER_CHANNELS)
            pygame.mixer.set_reserved(len(CUE_CHANNELS))
        # pygame.error: no device or driver; NotImplementedError: a pygame built without its mixer.
        except (NotImplementedError, OSError, pygame.error) as error:
            return cls.silent(folder, volumes, f"Sound is off: no audio device could be opened ({error}).")
        return cls(pygame.mixer, folder, volumes)

    @classmethod
    def silent(cls, folder: Path | None = None, volumes: Volumes | None = None, problem: str | None = None) -> Audio:
        """An Audio that plays nothing: every call still works, so callers never check for sound."""
        return cls(None, folder or paths.assets_dir() / SOUNDS_FOLDER, volumes or Volumes(), problem)

    @property
    def available(self) -> bool:
        return self.mixer is not None

    def play(self, name: str) -> None:
        """Plays a sound once, over whatever else is playing."""
        sound = self._sound(name)
        if sound is not None:
            sound.set_volume(self.volumes.for_sound(name))
            sound.play()

    def loop(self, name: str) -> None:
        """Plays a sound over and over until `stop(name)`; asking again while it loops changes nothing."""
        if name in self._looping:
            return
        sound = self._sound(name)
        if sound is not None:
            sound.set_volume(self.volumes.for_sound(name))
            sound.play(loops=-1)
            self._looping.add(name)

    def stop(self, name: str) -> None:
        sound = self._sounds.get(name)
        if sound is not None:
            sound.stop()
        self._looping.discard(name)

    def stop_all(self) -> None:
        for name in list(self._sounds):
            self.stop(name)

    @property
    def looping(self) -> frozenset[str]:
        return frozenset(self._looping)

    def set_volumes(
        self, master: float | None = None, effects: float | None = None, ambient: float | None = None
    ) -> None:
        """Changes the volumes; the loops already playing follow at once."""
        if master is not None:
            self.volumes.master = _clamp(master)
        if effects is not None:
            self.volumes.effects = _clamp(effects)
        if ambient is not None:
            self.volumes.ambient = _clamp(ambient)
        for name, sound in self._sounds.items():
            sound.set_volume(self.volumes.for_sound(name))

    def channel(self, name: str) -> Any:
        """One of the channels kept for the cues (CUE_CHANNELS), or None when silent."""
        if self.mixer is None:
            return None
        return self.mixer.Channel(CUE_CHANNELS.index(name))

    def make_sound(self, samples: Sequence[float]) -> Any:
        """A sound from mono samples (-1 to 1) at SAMPLE_RATE, converted by the mixer as a file would be; None when
        silent."""
        if self.mixer is None:
            return None
        pcm = array("h", (round(32767 * max(-1.0, min(1.0, value))) for value in samples))
        if sys.byteorder == "big":
            pcm.byteswap()  # WAV is little-endian
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as file:
            file.setnchannels(1)
            file.setsampwidth(2)
            file.setframerate(SAMPLE_RATE)
            file.writeframes(pcm.tobytes())
        buffer.seek(0)
        return self.mixer.Sound(file=buffer)

    def load(self, path: Path) -> Any:
        """A sound read from `path` (a WAV), or None when silent or the file cannot be read (said in `problem`)."""
        if self.mixer is None:
            return None
        try:
            return self.mixer.Sound(str(path))
        except (OSError, RuntimeError) as error:  # pygame.error is a RuntimeError
            self.problem = f"The sound {path.name} could not be loaded from {path.parent} ({str(error).rstrip('.')})."
            return None

    def close(self) -> None:
        if self.mixer is not None:
            self.stop_all()
            self._sounds.clear()
            self.made.clear()
            self.mixer.quit()
            self.mixer = None

    def _sound(self, name: str) -> Any:
        """The loaded sound, loading it on first use; None when silent or the file cannot be read."""
        if self.mixer is None or name in self._missing:
            return None
        sound = self._sounds.get(name)
        if sound is None:
            path = self.folder / f"{name}.wav"
            try:
                sound = self.mixer.Sound(str(path))
            except (OSError, RuntimeError) as error:  # pygame.error is a RuntimeError
                # A missing or broken file silences one sound, never the game; said once, not every click.
                self._missing.add(name)
                self.problem = f"The sound '{name}' could not be loaded from {path} ({str(error).rstrip('.')})."
                return None
            self._sounds[name] = sound
        return sound
