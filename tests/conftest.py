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
# SDL2's audio thread sleeps two buffers' length for the sound to drain whenever the mixer closes: at the game's 512
# samples that is about 70 ms of sleep for each app a test opens and closes, over half a minute across the suite. The
# dummy device plays to nowhere, so under it the tests' mixer opens with a short buffer (players keep the game's 512).
TEST_MIXER_BUFFER = 128


def _short_mixer_buffer() -> None:
    if os.environ["SDL_AUDIODRIVER"] != "dummy":
        return
    import pygame

    init = pygame.mixer.init

    @functools.wraps(init)
    def short(*args: Any, **kwargs: Any) -> None:
        if len(args) >= 4:  # init(frequency, size, channels, buffer, ...)
            args = (*args[:3], TEST_MIXER_BUFFER, *args[4:])
        else:
            kwargs["buffer"] = TEST_MIXER_BUFFER
        init(*args, **kwargs)

    pygame.mixer.init = short


_short_mixer_buffer()

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
