"""Typing Chinese into the encyclopedia's search with an input method: the composition shows (underlined)
while it is composed, the keys the input method uses leave the search alone, and the chosen characters search."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from game.render import palette
from game.scenes.menus.encyclopedia import EncyclopediaScene
from game.settings import Settings
from tests.app_helpers import open_recording_app, press, run_frames
from tests.test_menus import open_encyclopedia


@pytest.fixture
def chinese_app() -> Any:
    app = open_recording_app(Settings(language="zh"))  # the Chinese font, whether or not a catalog exists yet
    yield app
    app.close()


def _compose(app: Any, text: str) -> None:
    pygame.event.post(pygame.event.Event(pygame.TEXTEDITING, text=text, start=len(text), length=0))
    run_frames(app)


def _commit(app: Any, text: str) -> None:
    pygame.event.post(pygame.event.Event(pygame.TEXTEDITING, text="", start=0, length=0))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    run_frames(app)


def test_the_composition_shows_and_the_chosen_characters_search(chinese_app: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    app = chinese_app
    rects: list[pygame.Rect] = []
    monkeypatch.setattr(pygame.key, "set_text_input_rect", lambda rect: rects.append(pygame.Rect(rect)))
    scene = open_encyclopedia(app)
    assert rects and rects[-1] == scene.layout.search, "the input method's candidates open at the search box"
    everything = len(scene.visible)
    fonts = app.ctx.fonts
    fonts.seen.clear()
    _compose(app, "yue'qiu")
    assert scene.composing == "yue'qiu" and scene.query == ""
    assert "yue'qiu" in fonts.seen, "the composition is drawn in the box"
    press(app, pygame.K_BACKSPACE)  # the input method's: it edits the composition, not the search
    press(app, pygame.K_ESCAPE)  # cancels the composition; the encyclopedia stays open
    assert isinstance(app.top, EncyclopediaScene) and scene.query == ""
    _commit(app, "月球")
    assert scene.composing == "" and scene.query == "月球"
    assert len(scene.visible) <= everything
    fonts.seen.clear()
    run_frames(app)
    assert "月球" in fonts.seen


def test_a_long_composition_keeps_its_end_in_view(chinese_app: Any) -> None:
    app = chinese_app
    scene = open_encyclopedia(app)
    _commit(app, "国际月球科研站" * 3)
    fonts = app.ctx.fonts
    fonts.seen.clear()
    _compose(app, "guo'ji'yue'qiu'ke'yan'zhan")
    drawn = [text for text in fonts.seen if "zhan" in text]
    assert drawn and all(text.endswith("zhan") for text in drawn)
    font = app.ctx.fonts.regular(palette.BODY)
    box = scene.layout.search
    assert all(font.size(text)[0] < box.width for text in fonts.seen if "zhan" in text or "站" in text)
