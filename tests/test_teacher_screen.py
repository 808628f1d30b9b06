"""The Teacher screen shows every word of its form in every shipped language at every text size, in the classroom's
windows: labels wrap instead of ending in "…", buttons are as wide as their words, and a form too tall for the window
turns pages (Page Up/Down, the wheel, "<" ">", and Tab from box to box), keeping what was typed."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pygame
import pytest

from game import paths
from game.content.language_look import load_language_look
from game.content.ui_text import load_translator
from game.render.fonts import Fonts, fitting_scale, language_scale
from game.scenes.classroom.teacher import HEADINGS, LABELS, ROWS, _shipped_levels, form_rows, teacher_layout
from game.scenes.classroom.teacher_choices import every_button_words
from game.scenes.classroom.teacher_layout import TeacherLayout
from game.settings import Settings
from game.ui.button_words import button_width_for
from tests.app_helpers import click_button, open_recording_app, press, run_frames

WINDOWS = ((1280, 720), (1920, 1080))
TEXT_SIZES = (1.0, 1.5, 2.0)
LANGUAGES = ("en", "zh", "ru")
LONG_MESSAGE = ("The class file could not be written to /home/teacher/Documents/Lunar Station/classes/Year 9 "
                "Physics/class.toml: Permission denied.")


@pytest.fixture(scope="module")
def font_system() -> Iterator[None]:
    pygame.font.init()
    yield


def _layouts(language: str, window: tuple[int, int], chosen: float, message: str = "") -> tuple[list[TeacherLayout],
                                                                                                  Any, Fonts]:
    """Every page's layout as the game lays it out: the language's words, font and text size, fitted to the window."""
    folders = [paths.assets_dir() / "lang"]
    tr = load_translator(language, folders)
    look = load_language_look(language, folders)
    scale = fitting_scale(language_scale(chosen, look.text_size), window)
    fonts = Fonts(paths.assets_dir() / "fonts", scale=scale, language_files=look.font_files or tr.font_files)
    levels = _shipped_levels(language)
    first = teacher_layout(window, tr, fonts, levels, message)
    return [teacher_layout(window, tr, fonts, levels, message, page) for page in range(len(first.pages))], tr, fonts


CASES = list(itertools.product(LANGUAGES, WINDOWS, TEXT_SIZES))


@pytest.mark.parametrize(("language", "window", "chosen"), CASES,
                         ids=[f"{language}-{window[1]}p-{round(chosen * 100)}" for language, window, chosen in CASES])
def test_every_word_of_the_form_fits_inside_the_window_and_nothing_overlaps(font_system: None, language: str,
                                                                            window: tuple[int, int],
                                                                            chosen: float) -> None:
    layouts, tr, fonts = _layouts(language, window, chosen, LONG_MESSAGE)
    screen = pygame.Rect((0, 0), window)
    small = fonts.regular(18)
    shown_rows = [place.name for layout in layouts for place in layout.shown]
    assert sorted(shown_rows) == sorted(form_rows([level for level, _ in _shipped_levels(language)])), \
        "every row stands on exactly one page"
    widest_choice = max(button_width_for(fonts, words)
                        for words in every_button_words(tr, (title for _, title in _shipped_levels(language))))
    for layout in layouts:
        rects = [*layout.buttons.values(), layout.message]
        if layout.page_buttons is not None:
            assert layout.page_number is not None and layout.page_number.width >= small.size(
                tr("Page {page} of {pages}", page=len(layout.pages), pages=len(layout.pages)))[0]
            rects += [*layout.page_buttons, layout.page_number]
        for place in layout.shown:
            rects += ([place.box] if place.name not in HEADINGS else []) + ([place.label] if place.lines else [])
            assert place.box.bottom <= layout.message.top, f"{place.name} runs into the message"
            for line in place.lines:
                assert small.size(line)[0] <= place.label.width, f"'{line}' is wider than its column"
            if place.name in LABELS:  # no word lost to the wrapping
                assert "".join(place.lines).replace(" ", "") == tr(LABELS[place.name]).replace(" ", "")
            else:  # a choice button, as wide as its widest words
                assert not place.lines and place.box.width >= widest_choice
        for name, label in (("save", "Save class file"), ("report", "Build class report"), ("back", "Back")):
            assert layout.buttons[name].width >= button_width_for(fonts, tr(label)), f"the {name} button cuts its words"
        assert "".join(layout.message_lines).replace(" ", "") == tr(LONG_MESSAGE).replace(" ", "")
        assert len(layout.message_lines) * small.get_linesize() <= layout.message.height
        for one, other in itertools.combinations(rects, 2):
            assert not one.colliderect(other), f"{one} overlaps {other}"
        assert all(screen.contains(rect) for rect in rects), "something runs out of the window"


def test_at_100_in_a_large_window_the_whole_form_is_one_page_in_even_columns(font_system: None) -> None:
    for language in LANGUAGES:
        layouts, _, _ = _layouts(language, (1920, 1080), 1.0)
        assert len(layouts) == 1 and layouts[0].page_buttons is None
        (layout,) = layouts
        per_column = Counter(place.box.left for place in layout.shown)
        assert len(per_column) == layout.columns > 1, "a column stands empty beside a long one"
        # Even, but for a heading moved to the next column to stay with the buttons it heads.
        assert max(per_column.values()) - min(per_column.values()) <= 2
        for column in per_column:
            assert [place.name for place in layout.shown if place.box.left == column][-1] not in HEADINGS


@pytest.fixture
def teacher_at_200() -> Iterator[Any]:
    """The Teacher screen in a 1280x720 window at the largest text, in Russian (the longest words)."""
    from game.scenes.classroom.teacher import TeacherScene

    app = open_recording_app(Settings(language="ru", ui_scale=2.0, window_size=(1280, 720)))
    try:
        run_frames(app)
        click_button(app, app.top.button_labelled("Teacher"))
        assert isinstance(app.top, TeacherScene)
        yield app
    finally:
        app.close()


def test_large_text_turns_pages_and_keeps_what_was_typed(teacher_at_200: Any) -> None:
    app = teacher_at_200
    scene = app.top
    assert len(scene.shown.pages) > 1
    first_page = {place.name for place in scene.shown.shown}
    scene.entries.get("name").set_text("8Б")
    press(app, pygame.K_PAGEDOWN)
    assert scene.page == 1 and scene.entries.get("name") is None
    assert {place.name for place in scene.shown.shown}.isdisjoint(first_page)
    app.ctx.fonts.seen.clear()
    run_frames(app)
    assert not [text for text in app.ctx.fonts.seen if text.endswith("…")], "a label was cut"
    click_button(app, scene.buttons.get("previous"))
    assert scene.page == 0 and scene.entries.get("name").get_text() == "8Б"


def test_tab_walks_the_boxes_across_pages(teacher_at_200: Any) -> None:
    app = teacher_at_200
    scene = app.top
    last_on_first = [place.name for place in scene.shown.shown if place.name in ROWS][-1]
    app.ctx.ui.set_focus_set(scene.entries.get(last_on_first))
    press(app, pygame.K_TAB)
    following = ROWS[ROWS.index(last_on_first) + 1]
    assert scene.page == scene.shown.page_of(following) > 0 and scene.entries.get(following).is_focused
    press(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert scene.page == 0 and scene.entries.get(last_on_first).is_focused


def test_the_choices_are_buttons_in_words_and_the_class_file_keeps_ids(teacher_at_200: Any, tmp_path: Any) -> None:
    """Levels by their titles, locks by the Settings screen's labels, the difficulty by its name: pressing them
    changes the class file's ids and code names underneath."""
    from game.content.class_file import read_class_file

    app = teacher_at_200
    scene = app.top
    first_level, title = scene.known_levels[0]
    assert scene.choice_words("level:" + first_level) == app.ctx.tr("{title}: in the lesson", title=title)
    scene.choose("level:" + first_level)  # left out
    scene.choose("lock:ui_scale")
    scene.choose("difficulty")  # each student's, then the first preset
    assert "ui_scale" not in scene.choice_words("lock:ui_scale")
    assert scene.choice_words("lock:ui_scale") == "Размер текста: заблокировано"
    assert scene.choice_words("difficulty").startswith("Сложность: ") and "explorer" not in scene.choice_words(
        "difficulty")
    scene.entries.get("name").set_text("8Б")  # the first page shows the name, not where to save
    scene.values["save_to"] = str(tmp_path / "class.toml")
    scene.save_class_file()
    plan = read_class_file(tmp_path / "class.toml").plan
    assert plan is not None, scene.message
    assert plan.levels == [level for level, _ in scene.known_levels[1:]]
    assert plan.locked == ["ui_scale"] and plan.difficulty == "explorer"
