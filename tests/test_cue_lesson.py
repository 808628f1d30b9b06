"""Learning the sounds: practice opens a lesson that plays each cue alone, through the real sonifier, to its end."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pygame
import pytest

from game.landing.callouts import CALLOUT_IDS
from game.landing.cue_demos import DEMO_PROPELLANT_KG, DEMOS
from game.landing.sonify import Sonifier
from game.scenes.landing.cue_lesson import CueLessonScene
from game.scenes.landing.practice_screen import LandingPracticeScene

FRAME = 1 / 60


@pytest.fixture
def practice() -> Iterator[Any]:
    from game.app import open_app

    opened = open_app(LandingPracticeScene)
    yield opened
    opened.close()


def _press(app: Any, key: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    app.frame(FRAME)


def test_each_demo_moves_only_its_own_cue() -> None:
    moved = {}
    for demo in DEMOS[:5]:
        sonifier = Sonifier(DEMO_PROPELLANT_KG)
        heard = [sonifier.listen(demo.at(step / 10)) for step in range(round(demo.seconds * 10) + 1)]
        moved[demo.title] = {name for name in ("vario_hz", "vario_pan", "height_hz", "pad_pan", "warble")
                             if len({round(getattr(cues, name), 6) for cues in heard}) > 1}
    assert moved == {"Descent tone": {"vario_hz"}, "Drift": {"vario_pan"}, "Height knock": {"height_hz"},
                     "Where the pad is": {"pad_pan"}, "Tilt warble": {"warble"}}


def test_the_events_demo_sounds_each_event_once_in_turn() -> None:
    demo = next(demo for demo in DEMOS if demo.part == "events")
    sonifier = Sonifier(DEMO_PROPELLANT_KG)
    events = [event for step in range(round(demo.seconds * 60)) for event in sonifier.listen(demo.at(step / 60)).events]
    assert events == ["propellant_low", "contact", "touchdown"]


def test_practice_opens_the_lesson_and_each_cue_plays_alone_to_its_end(practice: Any) -> None:
    _press(practice, pygame.K_s)
    lesson = practice.top
    assert isinstance(lesson, CueLessonScene)
    for index, demo in enumerate(DEMOS):
        lesson.play(index)
        assert lesson.player is not None and lesson.player.only == demo.part
        frames = 0
        while lesson.playing is not None and frames < 60 * 60:
            practice.frame(FRAME)
            frames += 1
        assert lesson.playing is None, demo.title  # it ended by itself
        if demo.callouts:
            said = [spoken.callout for spoken in lesson.player.scheduler.log]
            assert said == list(CALLOUT_IDS) and not lesson.player.scheduler.dropped
    _press(practice, pygame.K_ESCAPE)
    assert isinstance(practice.top, LandingPracticeScene)


def test_enter_plays_and_stops_the_chosen_cue(practice: Any) -> None:
    _press(practice, pygame.K_s)
    lesson = practice.top
    _press(practice, pygame.K_DOWN)
    _press(practice, pygame.K_RETURN)
    assert lesson.playing is DEMOS[1]
    for _ in range(30):
        practice.frame(FRAME)
    assert lesson.cues is not None
    _press(practice, pygame.K_RETURN)
    assert lesson.playing is None


def test_without_sound_the_lesson_says_so_and_still_shows_the_cues(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.app import open_app

    def no_device(*args: object, **kwargs: object) -> None:
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    app = open_app(CueLessonScene)
    try:
        lesson = app.top
        assert lesson._note() is not None and app.ctx.notices.shown == []
        lesson.play(0)
        for _ in range(60):
            app.frame(FRAME)
        assert lesson.cues is not None and lesson.playing is not None
    finally:
        app.close()
