"""Shared test set-up: no window, no sound device, and never the real user folders."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game import paths

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# Closing the mixer makes SDL2's audio thread sleep for the sound to drain: at least 22 ms whatever the buffer, about
# 70 ms at the game's 512 samples, for each of the ~470 apps the suite opens and closes, with a core idle meanwhile.
# The dummy device plays to nowhere, so under it the tests keep one mixer open (at a short buffer) for the whole test
# process: the game's "quit" stops every sound and resets the channels, as a fresh mixer would have them, and its
# next "init" at the same format finds the mixer ready. Any other driver gets pygame's own init and quit.
TEST_MIXER_BUFFER = 128


def _keep_one_test_mixer() -> None:
    if os.environ["SDL_AUDIODRIVER"] != "dummy":
        return
    import pygame

    mixer = pygame.mixer
    init, quit_for_real = mixer.init, mixer.quit

    @functools.wraps(init)
    def init_once(frequency: int = 44100, size: int = -16, channels: int = 2, buffer: int = 512,
                  *args: Any, **kwargs: Any) -> None:
        opened = mixer.get_init()
        if opened is not None and opened == (frequency, size, channels):
            return
        if opened is not None:
            quit_for_real()
        init(frequency, size, channels, TEST_MIXER_BUFFER, *args, **kwargs)

    @functools.wraps(quit_for_real)
    def keep_open() -> None:
        if mixer.get_init() is None:
            return
        mixer.stop()
        mixer.music.stop()
        for number in range(mixer.get_num_channels()):
            mixer.Channel(number).set_volume(1.0)
        mixer.set_reserved(0)
        mixer.set_num_channels(8)  # SDL_mixer's own count for a new mixer

    pygame.mixer.init = init_once
    pygame.mixer.quit = keep_open


_keep_one_test_mixer()

REPO = Path(__file__).resolve().parent.parent
LEVELS = REPO / "levels"


@pytest.fixture(autouse=True)
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, saves, mods and screenshots of every test go to its own temporary folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("LUNAR_STATION_HOME", str(home))
    # A first start takes the system's language: tests start in English whatever this machine's locale is.
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.delenv("LUNAR_STATION_CLASS", raising=False)  # a class on this machine must not reach the tests
    monkeypatch.setattr(paths, "_player_folder", "")  # each test starts as the machine's own player
    return home


@pytest.fixture
def app() -> Iterator[Any]:
    """The real app shell on the dummy display, closed after the test."""
    from game.app import open_app  # imported here: most tests never need pygame

    opened = open_app()
    yield opened
    opened.close()


@pytest.fixture
def opened_app(request: pytest.FixtureRequest) -> Iterator[Any]:
    """The real app with the Settings of `request.param` saved before it opens, its fonts noting every text it draws
    (parametrize indirectly: `@pytest.mark.parametrize("opened_app", [Settings(...)], indirect=True)`)."""
    from tests.app_helpers import open_recording_app

    opened = open_recording_app(request.param)
    yield opened
    opened.close()


@pytest.fixture
def pseudo_app(user_home: Path) -> Iterator[Any]:
    """The real app in the made-up language of tests/bracket_language.py (every line reads ⟦like this⟧), read from
    a catalog in the player's folder, its fonts noting every text they draw."""
    from tests.bracket_language import open_bracket_app

    opened = open_bracket_app()
    yield opened
    opened.close()
