"""Every screen in Chinese and Russian, in the smallest window at the largest text (1280×720 at 200 %, which
fits to 150 %), at 100 %, and full HD at 200 %: no glyph missing from the font that drew it, no line wider
than its box or the window, no button on top of another, and no button's words cut.
tools/language_screens.py runs the whole matrix (every text size in both windows), saves the pictures and
lists the English left on each screen. No English is left on any screen but the credits (the assets' sources
and licences, which stay as written): one lowercase English word fails,
and so does a number with an English unit symbol where the language writes the unit its own way ('5 kg' in
Russian).

The languages' shipped catalogs are used when they exist; until then a generated one with realistic lengths
(tests/language_screens.py).

One app a language and size visits every screen in turn (tests/screen_tour.py's visit_screens, which checks that
each screen it leaves left no button behind) and each test reads its screen's report. Full HD at 200 % leaves out
the screens whose layout tests/test_screen_layouts.py checks there without a window, in every language."""

from __future__ import annotations

from typing import Any

import pytest

from game.settings import Settings
from tests.app_helpers import open_recording_app, run_frames
from tests.language_screens import (
    LANGUAGES,
    ScreenReport,
    catalogs_or_generated,
    check_screen,
    english_left,
    english_units_left,
)
from tests.screen_tour import SCREENS, visit_screens

SIZES = {"720p_100": ((1280, 720), 1.0), "720p_200": ((1280, 720), 2.0), "1080p_200": ((1920, 1080), 2.0)}
# Laid out by pure layouts tests/test_screen_layouts.py checks in full HD at 200 % in every language.
LAYOUT_TESTED = {"campaign_timeline", "debrief", "landing_practice", "encyclopedia"}
CASES = [pytest.param(language, size, name, id=f"{language}-{size}-{name}",
                      marks=pytest.mark.xdist_group(f"languages-{language}-{size}"))
         for language in LANGUAGES for size in SIZES for name in SCREENS
         if not (size == "1080p_200" and name in LAYOUT_TESTED)]

# Each language and size's reports, made once (by the first test that asks) in this process.
_REPORTS: dict[tuple[str, str], dict[str, tuple[ScreenReport, str] | Exception]] = {}


def _look(app: Any, name: str) -> tuple[ScreenReport, str]:
    app.ctx.fonts.seen.clear()
    app.ctx.fonts.widths.clear()
    run_frames(app, 2)
    return check_screen(app, name), app.ctx.language


def _reports(language: str, size: str) -> dict[str, tuple[ScreenReport, str] | Exception]:
    if (language, size) not in _REPORTS:
        window, scale = SIZES[size]
        names = [name for name in SCREENS if not (size == "1080p_200" and name in LAYOUT_TESTED)]
        with catalogs_or_generated():
            app = open_recording_app(Settings(language=language, ui_scale=scale, window_size=window))
            try:
                _REPORTS[language, size] = visit_screens(app, names, _look)
            finally:
                app.close()
    return _REPORTS[language, size]


@pytest.mark.parametrize(("language", "size", "name"), CASES)
def test_every_screen_shows_every_character_and_fits(language: str, size: str, name: str) -> None:
    found = _reports(language, size)[name]
    if isinstance(found, Exception):
        raise found
    report, shown_language = found
    assert shown_language == language
    assert len(report.drawn) > 3, f"{name}: hardly anything was drawn"
    assert not report.problems, f"{name}:\n" + "\n".join(report.problems)
    # The credits screen is the assets' sources and licences, which stay as written (like a fact's sources).
    english = english_left(report.drawn) if name != "credits" else []
    assert not english, f"{name}: English left:\n" + "\n".join(english)
    units = english_units_left(report.drawn, shown_language)
    assert not units, f"{name}: a unit in English:\n" + "\n".join(units)
    assert not report.cut, f"{name}:\n" + "\n".join(report.cut)
