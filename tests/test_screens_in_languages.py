"""Every screen in Chinese and Russian, in the smallest window at the largest text (1280×720 at 200 %, which
fits to 150 %), at 100 %, and full HD at 200 %: no glyph missing from the font that drew it, no line wider
than its box or the window, no button on top of another, and no button's words cut.
tools/language_screens.py runs the whole matrix (every text size in both windows), saves the pictures and
lists the English left on each screen. No English is left on any screen but the credits (the assets' sources
and licences, which stay as written): one lowercase English word fails,
and so does a number with an English unit symbol where the language writes the unit its own way ('5 kg' in
Russian).

The languages' shipped catalogs are used when they exist; until then a generated one with realistic lengths
(tests/language_screens.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from game.settings import Settings
from tests.app_helpers import open_recording_app, run_frames
from tests.language_screens import LANGUAGES, catalogs_or_generated, check_screen, english_left, english_units_left
from tests.screen_tour import SCREENS, open_screen

SIZES = [pytest.param(((1280, 720), 1.0), id="720p_100"), pytest.param(((1280, 720), 2.0), id="720p_200"),
         pytest.param(((1920, 1080), 2.0), id="1080p_200")]


@pytest.fixture
def language_app(request: pytest.FixtureRequest) -> Iterator[Any]:
    language, (window, scale) = request.param
    with catalogs_or_generated():
        app = open_recording_app(Settings(language=language, ui_scale=scale, window_size=window))
        try:
            yield app
        finally:
            app.close()


@pytest.mark.parametrize("name", SCREENS)
@pytest.mark.parametrize("language_app", [(language, size.values[0]) for language in LANGUAGES for size in SIZES],
                         indirect=True, ids=[f"{language}-{size.id}" for language in LANGUAGES for size in SIZES])
def test_every_screen_shows_every_character_and_fits(language_app: Any, name: str) -> None:
    app = language_app
    open_screen(app, name)
    app.ctx.fonts.seen.clear()
    app.ctx.fonts.widths.clear()
    run_frames(app, 2)
    report = check_screen(app, name)
    assert len(report.drawn) > 3, f"{name}: hardly anything was drawn"
    assert not report.problems, f"{name}:\n" + "\n".join(report.problems)
    # The credits screen is the assets' sources and licences, which stay as written (like a fact's sources).
    english = english_left(report.drawn) if name != "credits" else []
    assert not english, f"{name}: English left:\n" + "\n".join(english)
    units = english_units_left(report.drawn, app.ctx.language)
    assert not units, f"{name}: a unit in English:\n" + "\n".join(units)
    assert not report.cut, f"{name}:\n" + "\n".join(report.cut)
