"""Sound: plays on SDL's dummy device, stays silent (never raises) without a device or a mixer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.audio import SOUND_NAMES, Audio, Volumes
from game.settings import Settings

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def audio() -> Iterator[Audio]:
    opened = Audio.open(Settings(master_volume=0.5, effects_volume=0.8, ambient_volume=0.4))
    yield opened
    opened.close()


def test_the_dummy_device_opens_and_every_sound_plays(audio: Audio) -> None:
    assert audio.available and audio.problem is None
    for name in SOUND_NAMES:
        audio.play(name)
    assert audio.problem is None  # every file in assets/sounds loaded


def test_a_loop_plays_until_stopped_and_follows_the_volume(audio: Audio) -> None:
    audio.loop("engine")
    audio.loop("engine")
    assert audio.looping == {"engine"}
    audio.set_volumes(master=1.0, effects=0.25)
    assert audio._sounds["engine"].get_volume() == pytest.approx(0.25, abs=0.01)
    audio.stop("engine")
    assert audio.looping == frozenset()


def test_volumes_multiply_master_by_the_sound_s_own_slider() -> None:
    volumes = Volumes(master=0.5, effects=0.8, ambient=0.4)
    assert volumes.for_sound("click") == pytest.approx(0.4)
    assert volumes.for_sound("ambient") == pytest.approx(0.2)


def test_a_missing_sound_file_silences_that_sound_only(tmp_path: Path) -> None:
    audio = Audio.open(folder=tmp_path)
    try:
        audio.play("click")
        assert audio.problem is not None and "click" in audio.problem
        audio.play("click")  # asked again: no second attempt, no error
    finally:
        audio.close()


def test_no_audio_device_gives_a_silent_audio_that_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_device(*args: object, **kwargs: object) -> None:
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    audio = Audio.open(Settings())
    assert not audio.available
    assert audio.problem is not None and "no audio device" in audio.problem
    audio.play("click")
    audio.loop("ambient")
    audio.set_volumes(master=0.1)
    audio.stop("ambient")
    audio.close()


def test_a_pygame_without_its_mixer_gives_a_silent_audio(monkeypatch: pytest.MonkeyPatch) -> None:
    class MissingMixer:  # what pygame puts in place of a module it was built without
        def __getattr__(self, name: str) -> object:
            raise NotImplementedError("mixer module not available")

    monkeypatch.setattr(pygame, "mixer", MissingMixer())
    audio = Audio.open(Settings())
    assert not audio.available
    audio.play("alarm")


def test_the_committed_sounds_are_what_the_generator_makes(tmp_path: Path) -> None:
    from tools import make_sounds
    for path in make_sounds.make_sounds(tmp_path):
        committed = REPO / "assets" / "sounds" / path.name
        assert committed.read_bytes() == path.read_bytes(), f"run tools/make_sounds.py: {path.name} differs"
    assert sorted(p.stem for p in tmp_path.iterdir()) == sorted(SOUND_NAMES)
