"""The cues made audible: pulses at the cue's rate, the note of its pitch, the side of its pan; silent without sound."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from game.audio import Audio
from game.audio_cues import CuePlayer, callout_files, callout_language, pan_volumes
from game.landing.callouts import CALLOUT_IDS
from game.landing.sonify import Cues, height_cue, vario
from game.settings import Settings

FRAME = 1.0 / 60.0


class FakeChannel:
    def __init__(self) -> None:
        self.played: list[Any] = []
        self.volume: tuple[float, ...] = ()
        self.stopped = 0

    def play(self, sound: Any, loops: int = 0) -> None:
        self.played.append(sound)

    def set_volume(self, *volume: float) -> None:
        self.volume = volume

    def stop(self) -> None:
        self.stopped += 1


class FakeMixer:
    """Stands in for pygame.mixer: sounds are their sample counts, channels remember what they played."""

    def __init__(self) -> None:
        self.channels = [FakeChannel() for _ in range(8)]

    def Channel(self, index: int) -> FakeChannel:
        return self.channels[index]

    def Sound(self, path: str | None = None, file: Any = None) -> str:
        return path or f"made {len(file.getvalue())}"

    def quit(self) -> None:
        pass


def _cues(vy: float = -5.0, altitude: float = 50.0, vario_pan: float = 0.0, pad_pan: float = 0.0,
          warble: float = 0.0) -> Cues:
    pitch, pulses = vario(vy)
    height_hz, height_rate = height_cue(altitude)
    return Cues(pitch, pulses, vario_pan, height_hz, height_rate, pad_pan, warble)


def _player(**options: Any) -> tuple[CuePlayer, FakeMixer]:
    mixer = FakeMixer()
    audio = Audio(mixer, Path("."))
    return CuePlayer(audio, tones=True, callouts=True, **options), mixer


def test_the_descent_tone_pulses_at_its_rate_with_the_note_of_its_pitch() -> None:
    player, mixer = _player()
    cues = _cues(vy=-5.0)
    for frame in range(600):  # ten seconds
        player.hear(cues, frame * FRAME, FRAME)
    vario_channel = mixer.channels[0]
    assert len(vario_channel.played) == pytest.approx(10 * cues.vario_pulse_hz, abs=1)
    tables = player._tables
    assert tables is not None
    note = round(12 * math.log2(cues.vario_hz / 330.0))
    assert set(vario_channel.played) == {tables.beeps[note]}
    height_channel = mixer.channels[1]
    assert len(height_channel.played) == pytest.approx(10 * cues.height_rate_hz, abs=1)


def test_climbing_is_one_steady_loop_started_once() -> None:
    player, mixer = _player()
    for frame in range(120):
        player.hear(_cues(vy=2.0), frame * FRAME, FRAME)
    assert len(mixer.channels[0].played) == 1


def test_pan_puts_the_tone_on_the_drift_s_side_and_the_knock_on_the_pad_s() -> None:
    player, mixer = _player()
    player.hear(_cues(vario_pan=0.8, pad_pan=-0.6), 0.0, FRAME)
    left, right = mixer.channels[0].volume
    assert right > left
    left, right = mixer.channels[1].volume
    assert left > right
    assert pan_volumes(0.0) == pytest.approx((math.sqrt(0.5), math.sqrt(0.5)))


def test_the_warble_sounds_on_the_leaning_side_only_when_tilted() -> None:
    player, mixer = _player()
    tilt = mixer.channels[2]
    player.hear(_cues(warble=0.0), 0.0, FRAME)
    assert tilt.played == []
    player.hear(_cues(warble=-0.5), FRAME, FRAME)
    assert len(tilt.played) == 1 and tilt.volume[0] > 0.0 == tilt.volume[1]
    player.hear(_cues(warble=0.0), 2 * FRAME, FRAME)
    assert tilt.stopped == 1


def test_one_part_alone_plays_nothing_else() -> None:
    player, mixer = _player(only="height")
    for frame in range(60):
        player.hear(_cues(warble=0.6), frame * FRAME, FRAME)
    assert mixer.channels[1].played and not mixer.channels[0].played and not mixer.channels[2].played


def test_an_event_sounds_once_and_a_call_out_is_spoken_on_the_voice_channel() -> None:
    player, mixer = _player(language="ru")
    player.hear(replace(_cues(), events=("contact",)), 0.0, FRAME)
    assert len(mixer.channels[3].played) == 1
    player.say("contact", FRAME)
    player.hear(_cues(), FRAME, FRAME)
    assert mixer.channels[4].played == [str(callout_files("ru")["contact"])]
    assert player.speaking(FRAME) == "contact"


@pytest.mark.parametrize(("language", "voice"), [("zh", "zh"), ("zh-CN", "zh"), ("ru_RU", "ru"), ("en", "en"),
                                                 ("fr", "en"), ("", "en")])
def test_the_call_outs_speak_the_player_s_language_or_english(language: str, voice: str) -> None:
    assert callout_language(language) == voice
    assert set(callout_files(voice)) == set(CALLOUT_IDS)


def test_without_a_device_the_cues_and_call_outs_run_silently_and_say_what_is_said() -> None:
    player = CuePlayer(Audio.silent(), tones=True, callouts=True, language="zh")
    player.prepare()
    player.say("height_50", 0.0)
    player.hear(_cues(), 0.0, FRAME)
    assert player.speaking(0.01) == "height_50" and not player.audible
    player.silence()


def test_the_dummy_device_plays_the_cues_in_stereo() -> None:
    audio = Audio.open(Settings())
    try:
        assert audio.available and audio.mixer.get_init()[2] == 2
        player = CuePlayer(audio, tones=True, callouts=True)
        player.prepare()
        player.say("landed_good", 0.0)
        for frame in range(30):
            player.hear(_cues(vy=-3.0, warble=0.4), frame * FRAME, FRAME)
        assert audio.channel("voice").get_busy()
        player.silence()
        assert audio.problem is None
    finally:
        audio.close()
