"""Plays a landing's cues (game/landing/sonify.py) and call-outs (game/landing/callouts.py) through the game's Audio.

No sound is made while the landing runs: every tone is rendered once a game into a table of notes (a semitone
apart, the steps a listener tells apart), and each frame only picks a note, starts it on the cue's own
channel and sets that channel's left and right volume. Without an audio device every call still works and
plays nothing; the call-out schedule and what it says run all the same, so a screen can show them.

    player = CuePlayer(audio, tones=True, callouts=True, language="zh")
    player.hear(cues, now, frame_s)     # every frame: the tones, the events, and the call-outs due
    player.say("height_50", now)        # ask for a call-out; it is spoken when the voice is free, or not at all
    player.silence()
"""

from __future__ import annotations

import math
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game import paths
from game.audio import SAMPLE_RATE, Audio
from game.content.ui_text import to_translate
from game.landing.callouts import CALLOUT_IDS, CalloutId, CalloutScheduler
from game.landing.sonify import (
    CLIMB_RANGE_SEMITONES,
    HEIGHT_LOW_HZ,
    HEIGHT_RANGE_OCTAVES,
    SINK_RANGE_SEMITONES,
    VARIO_BASE_HZ,
    WARBLE_HZ,
    CueEvent,
    Cues,
)

CALLOUTS_FOLDER = Path("sounds") / "callouts"
FALLBACK_LANGUAGE = "en"
# What can be heard alone (landing practice's "learn the sounds"): each cue, the events, the call-outs.
CUE_PARTS = ("descent", "height", "tilt", "events", "callouts")
# The words of each call-out, for the screen to show while it is spoken (and where there is no sound).
CALLOUT_WORDS: dict[CalloutId, str] = {
    "height_100": to_translate("100 metres"), "height_50": to_translate("50"), "height_20": to_translate("20"),
    "height_10": to_translate("10"), "slow_down": to_translate("slow down"), "contact": to_translate("contact"),
    "propellant_low": to_translate("propellant low"), "landed_perfect": to_translate("landed, perfect"),
    "landed_good": to_translate("landed, good"), "landed_off_target": to_translate("landed, off target"),
    "landed_hard": to_translate("hard landing"), "crashed": to_translate("crashed"),
}
# The events in words, shown for EVENT_SHOWN_S after each sounds.
EVENT_WORDS: dict[CueEvent, str] = {
    "contact": to_translate("a leg touched"), "touchdown": to_translate("both legs down"),
    "propellant_low": to_translate("propellant low"),
}
EVENT_SHOWN_S = 2.0
# Loudness of each cue against the effects' volume (game values: the descent tone leads, the rest sit under it).
DESCENT_GAIN = 0.55
HEIGHT_GAIN = 0.45
TILT_GAIN = 0.35
EVENT_GAIN = 0.7
VOICE_GAIN = 1.0
BEEP_S = 0.06
KNOCK_S = 0.09


# --- the tones, as samples (plain arithmetic: made once a game) ------------------------------------


def _edge(index: int, count: int, attack: int) -> float:
    return min(1.0, index / attack, (count - index) / attack)


def beep(hz: float, seconds: float = BEEP_S) -> list[float]:
    """A short round beep: a sine and a little of its octave, soft edges so it never clicks."""
    count = round(SAMPLE_RATE * seconds)
    step = 2.0 * math.pi * hz / SAMPLE_RATE
    return [0.8 * (math.sin(step * i) + 0.25 * math.sin(2.0 * step * i)) * _edge(i, count, 110) for i in range(count)]


def steady(hz: float) -> list[float]:
    """A steady tone to loop: a whole number of cycles (about a quarter second), so the seam does not click."""
    cycles = max(1, round(hz * 0.25))
    count = round(SAMPLE_RATE * cycles / hz)
    step = 2.0 * math.pi * cycles / count
    return [0.7 * math.sin(step * i) for i in range(count)]


def knock(hz: float, seconds: float = KNOCK_S) -> list[float]:
    """The height cue's knock: a low tone that dies away fast, like a tap on wood."""
    count = round(SAMPLE_RATE * seconds)
    step = 2.0 * math.pi * hz / SAMPLE_RATE
    return [(math.sin(step * i) + 0.4 * math.sin(3.0 * step * i)) * 0.75 * math.exp(-i / (SAMPLE_RATE * 0.025))
            * min(1.0, i / 40) for i in range(count)]


def warble_loop() -> list[float]:
    """The tilt's warble: a soft high tone swelling and fading WARBLE_HZ times a second; loops seamlessly."""
    count = round(SAMPLE_RATE / WARBLE_HZ) * 3
    tone = 2.0 * math.pi * round(990.0 * count / SAMPLE_RATE) / count
    swell = 2.0 * math.pi * 3 / count
    return [0.6 * math.sin(tone * i) * (0.55 - 0.45 * math.cos(swell * i)) for i in range(count)]


def _notes(*parts: tuple[float, float]) -> list[float]:
    samples: list[float] = []
    for hz, seconds in parts:
        samples += beep(hz, seconds) if hz else [0.0] * round(SAMPLE_RATE * seconds)
    return samples


EVENT_SOUNDS: dict[CueEvent, Callable[[], list[float]]] = {
    # A leg touches: two dry ticks. Both legs down: a rising chord. Propellant low: three falling beeps.
    "contact": lambda: _notes((1400.0, 0.03), (0.0, 0.05), (1400.0, 0.03)),
    "touchdown": lambda: _notes((523.25, 0.09), (659.26, 0.09), (783.99, 0.16)),
    "propellant_low": lambda: _notes((880.0, 0.1), (0.0, 0.05), (740.0, 0.1), (0.0, 0.05), (622.25, 0.14)),
}


def _semitone(hz: float, base: float) -> int:
    return round(12.0 * math.log2(hz / base))


def pan_volumes(pan: float) -> tuple[float, float]:
    """(left, right) gains for a pan from -1 to 1, at equal loudness wherever it sits."""
    angle = (max(-1.0, min(1.0, pan)) + 1.0) * math.pi / 4.0
    return math.cos(angle), math.sin(angle)


class ToneTables:
    """Every note a cue can play, as sounds of the mixer: made once and kept with the Audio."""

    def __init__(self, audio: Audio):
        make = audio.make_sound
        self.beeps = {n: make(beep(VARIO_BASE_HZ * 2.0 ** (n / 12))) for n in range(int(SINK_RANGE_SEMITONES) + 1)}
        self.steady = {-n: make(steady(VARIO_BASE_HZ * 2.0 ** (-n / 12)))
                       for n in range(1, int(CLIMB_RANGE_SEMITONES) + 1)}
        self.knocks = {n: make(knock(HEIGHT_LOW_HZ * 2.0 ** (n / 12)))
                       for n in range(int(12 * HEIGHT_RANGE_OCTAVES) + 1)}
        self.warble = make(warble_loop())
        self.events = {name: make(render()) for name, render in EVENT_SOUNDS.items()}

    @classmethod
    def of(cls, audio: Audio) -> ToneTables:
        tables = audio.made.get(cls)
        if tables is None:
            tables = audio.made[cls] = cls(audio)
        assert isinstance(tables, ToneTables)
        return tables


def callout_language(language: str, folder: Path | None = None) -> str:
    """The call-outs' language for a player's language ("zh-CN" → "zh"), English when none is recorded for it."""
    folder = folder or paths.assets_dir() / CALLOUTS_FOLDER
    primary = language.replace("_", "-").split("-")[0].lower()
    return primary if primary and (folder / primary).is_dir() else FALLBACK_LANGUAGE


def callout_files(language: str, folder: Path | None = None) -> dict[CalloutId, Path]:
    """The recorded call-outs of a language, by id (any the language lacks are simply not said)."""
    where = (folder or paths.assets_dir() / CALLOUTS_FOLDER) / language
    return {callout: where / f"{callout}.wav" for callout in CALLOUT_IDS if (where / f"{callout}.wav").is_file()}


def wav_seconds(path: Path) -> float | None:
    """How long a WAV plays, read from its header; None when it cannot be read."""
    try:
        with wave.open(str(path), "rb") as file:
            return file.getnframes() / file.getframerate()
    except (OSError, EOFError, wave.Error):
        return None


class CuePlayer:
    """A landing's sound aids for one flight: the cues' tones (when `tones`) and spoken call-outs (when `callouts`).

    `only` plays one part of CUE_PARTS alone (practice). `speaking` is the call-out being said, for the screen.
    """

    def __init__(self, audio: Audio | None, *, tones: bool, callouts: bool, language: str = FALLBACK_LANGUAGE,
                 only: str | None = None, folder: Path | None = None):
        self.audio = audio if audio is not None else Audio.silent()
        self.tones = tones
        self.callouts = callouts
        self.only = only
        self.language = callout_language(language, folder)
        files = callout_files(self.language, folder) if callouts else {}
        durations = {callout: seconds for callout, path in files.items() if (seconds := wav_seconds(path)) is not None}
        self.scheduler = CalloutScheduler(durations)
        self._voice_files = files
        self._voices: dict[CalloutId, Any] = {}
        self._tables: ToneTables | None = None
        self._vario_phase = 1.0  # the first beep and knock sound at once
        self._height_phase = 1.0
        self._steady_note: int | None = None
        self._warbling = False
        self.last: Cues | None = None
        self.last_event: tuple[CueEvent, float] | None = None  # the latest event and when it sounded

    @property
    def audible(self) -> bool:
        return self.audio.available

    def _on(self, part: str) -> bool:
        return self.only is None or self.only == part

    def prepare(self) -> None:
        """Makes the tone tables (once a game) and loads the call-outs, so no frame of the flight waits for them."""
        if not self.audio.available:
            return
        if self.tones and self._tables is None:
            self._tables = ToneTables.of(self.audio)
        for callout, path in self._voice_files.items():
            if callout not in self._voices:
                self._voices[callout] = self.audio.load(path)

    def _volume(self) -> float:
        return self.audio.volumes.for_sound("click")

    def hear(self, cues: Cues, now: float, frame_s: float) -> None:
        """One frame: pulses and notes due since the last frame, the events, and the call-out due now."""
        self.last = cues
        if cues.events and self._on("events"):
            self.last_event = (cues.events[-1], now)
        if self.tones and self.audio.available:
            try:
                if self._tables is None:
                    self.prepare()
                self._play_tones(cues, frame_s)
            except RuntimeError as error:  # pygame.error: the mixer went away; the landing flies on in silence
                self._lose_sound(error)
        self.speak_due(now, frame_s)

    def _lose_sound(self, error: Exception) -> None:
        self.audio = Audio.silent(problem=f"Sound is off: the mixer stopped ({error}).")

    def _play_tones(self, cues: Cues, frame_s: float) -> None:
        tables = self._tables
        if tables is None:
            return
        audio, volume = self.audio, self._volume()
        vario = audio.channel("vario")
        if self._on("descent"):
            left, right = pan_volumes(cues.vario_pan)
            if cues.vario_pulse_hz > 0.0:
                if self._steady_note is not None:
                    vario.stop()
                    self._steady_note = None
                self._vario_phase += cues.vario_pulse_hz * frame_s
                if self._vario_phase >= 1.0:
                    self._vario_phase %= 1.0
                    note = min(max(_semitone(cues.vario_hz, VARIO_BASE_HZ), 0), len(tables.beeps) - 1)
                    vario.play(tables.beeps[note])
            else:
                note = max(min(_semitone(cues.vario_hz, VARIO_BASE_HZ), -1), -len(tables.steady))
                if note != self._steady_note:
                    vario.play(tables.steady[note], loops=-1)
                    self._steady_note = note
            vario.set_volume(DESCENT_GAIN * volume * left, DESCENT_GAIN * volume * right)
        if self._on("height"):
            self._height_phase += cues.height_rate_hz * frame_s
            height = audio.channel("height")
            if self._height_phase >= 1.0:
                self._height_phase %= 1.0
                note = min(max(_semitone(cues.height_hz, HEIGHT_LOW_HZ), 0), len(tables.knocks) - 1)
                height.play(tables.knocks[note])
            left, right = pan_volumes(cues.pad_pan)
            height.set_volume(HEIGHT_GAIN * volume * left, HEIGHT_GAIN * volume * right)
        if self._on("tilt"):
            self._play_warble(cues.warble, volume)
        if self._on("events"):
            for event in cues.events:
                channel = audio.channel("event")
                channel.play(tables.events[event])
                channel.set_volume(EVENT_GAIN * volume)

    def _play_warble(self, warble: float, volume: float) -> None:
        tables = self._tables
        if tables is None:
            return
        strength = abs(warble)
        channel = self.audio.channel("tilt")
        if strength < 0.05:  # upright (within a degree): quiet
            if self._warbling:
                channel.stop()
                self._warbling = False
            return
        if not self._warbling:
            channel.play(tables.warble, loops=-1)
            self._warbling = True
        side = TILT_GAIN * volume * min(1.0, strength)
        channel.set_volume(side if warble < 0 else 0.0, side if warble > 0 else 0.0)

    def say(self, callout: CalloutId, now: float) -> None:
        if self.callouts and self._on("callouts"):
            self.scheduler.ask(callout, now)

    def speak_due(self, now: float, frame_s: float) -> None:
        """Starts the call-out that is due, cutting the one being said when the scheduler says so."""
        started = self.scheduler.update(now, frame_s)
        if started is None or not self.audio.available:
            return
        try:
            self._speak(started)
        except RuntimeError as error:  # pygame.error: the mixer went away
            self._lose_sound(error)

    def _speak(self, started: CalloutId) -> None:
        voice = self.audio.channel("voice")
        if self.scheduler.cut:
            voice.stop()
        sound = self._voices.get(started)
        if sound is None and started in self._voice_files:
            sound = self._voices[started] = self.audio.load(self._voice_files[started])
        if sound is not None:
            voice.play(sound)
            voice.set_volume(VOICE_GAIN * self._volume())

    def recent_event(self, now: float) -> CueEvent | None:
        """The event that sounded within the last EVENT_SHOWN_S, if any."""
        if self.last_event is None or now - self.last_event[1] > EVENT_SHOWN_S:
            return None
        return self.last_event[0]

    def speaking(self, now: float) -> CalloutId | None:
        """The call-out being said at `now`, if any."""
        spoken = self.scheduler.speaking
        return spoken.callout if spoken is not None and now < spoken.end_s else None

    def silence_tones(self) -> None:
        """Stops the tones (a flight paused or ended); a call-out being said finishes."""
        self._stop("vario", "height", "tilt")
        self._steady_note = None
        self._warbling = False
        self._vario_phase = self._height_phase = 1.0

    def silence(self) -> None:
        """Stops every cue and the voice (a landing left)."""
        self.silence_tones()
        self._stop("event", "voice")

    def _stop(self, *names: str) -> None:
        if not self.audio.available:
            return
        try:
            for name in names:
                self.audio.channel(name).stop()
        except RuntimeError as error:  # pygame.error: the mixer went away
            self._lose_sound(error)
