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
from game.scenes.classroom.teacher import HEADINGS, ROWS, _shipped_levels, form_rows, row_label, teacher_layout
from game.scenes.classroom.teacher_choices import every_button_words
from game.scenes.classroom.teacher_layout import TeacherLayout
from game.settings import Settings
from game.ui.button_words import button_width_for
from tests.app_helpers import click_button, open_recording_app, outline_colours, press, run_frames, type_text

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
    widest_choice = max(button_width_for(fonts, words) for words in every_button_words(tr))
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
            # no word lost to the wrapping
            label = row_label(tr, place.name, dict(_shipped_levels(language)))
            assert "".join(place.lines).replace(" ", "") == label.replace(" ", "")
            if place.name not in HEADINGS:  # every box and choice button as wide as the widest choice's words
                assert place.box.width >= widest_choice
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
        per_column = Counter(place.label.left for place in layout.shown)
        assert len(per_column) == layout.columns > 1, "a column stands empty beside a long one"
        # Even, but for a heading moved to the next column to stay with the buttons it heads.
        assert max(per_column.values()) - min(per_column.values()) <= 2
        for column in per_column:
            assert [place.name for place in layout.shown if place.label.left == column][-1] not in HEADINGS


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


def test_tab_walks_every_box_and_choice_across_pages_then_the_foot_buttons(teacher_at_200: Any) -> None:
    app = teacher_at_200
    scene = app.top
    order = scene.focus_order()
    assert [name for name in form_rows([level for level, _ in scene.known_levels]) if name not in HEADINGS] == list(
        order[:-3]) and order[-3:] == ("save", "report", "back"), "every box and choice, then the foot's buttons"
    assert scene.focus == "name" and scene.entries.get("name").is_focused, "the form opens ready to type the name"
    pages_seen = set()
    for expected in (*order[1:], order[0]):  # round the whole form and back to the start
        press(app, pygame.K_TAB, frames=1)
        assert scene.focus == expected
        pages_seen.add(scene.page)
        control = scene.focused_control()
        assert control is not None, f"{expected} is not on the page shown"
        if expected in ROWS:
            assert control.is_focused, f"typing does not go into {expected}"
        else:
            assert not any(entry.is_focused for _, entry in scene.entries.items()), "a box still takes the typing"
    assert pages_seen == set(range(len(scene.shown.pages))), "Tab reached every page"
    press(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT, frames=1)
    assert scene.focus == "back"
    press(app, pygame.K_UP, frames=1)
    assert scene.focus == "report"
    press(app, pygame.K_DOWN, frames=1)
    assert scene.focus == "back"


def test_the_focus_is_outlined_and_its_label_lit(teacher_at_200: Any) -> None:
    app = teacher_at_200
    scene = app.top
    for _ in range(2):  # the difficulty: a choice button
        press(app, pygame.K_TAB, frames=1)
    assert scene.focus == "difficulty"
    run_frames(app)
    button = scene.buttons.get("difficulty")
    gap = round(4 * app.ctx.fonts.scale)
    assert app.ctx.palette.focus[:3] in outline_colours(app.window, button.get_abs_rect().inflate(2 * gap, 2 * gap), 2)
    assert scene.buttons.get("difficulty").is_selected and not scene.buttons.get("language").is_selected
    click_button(app, scene.buttons.get("language"))  # a click changes the choice and takes the focus with it
    assert scene.focus == "language" and scene.choice_words("language") == "English"
    press(app, pygame.K_RIGHT)
    assert scene.choice_words("language") == "Русский" and scene.buttons.get("language").is_selected


def test_the_whole_form_is_filled_in_and_saved_with_keys_alone(tmp_path: Any) -> None:
    """From the title to a saved class file with no mouse: Tab and the arrows walk the form across its pages,
    Left/Right and Enter/Space change the choices, typing fills the boxes, Enter on "Save class file" saves."""
    from game.classroom.pin import pin_matches
    from game.content.class_file import read_class_file
    from tests.screen_tour import open_screen

    app = open_recording_app(Settings(language="ru", ui_scale=2.0, window_size=(1280, 720)))
    try:
        scene = open_screen(app, "teacher")
        out = tmp_path / "lesson" / "class.toml"
        keep = {"agreement-2021", "change7-2026"}

        def tab() -> None:
            press(app, pygame.K_TAB, frames=1)

        def replace_text(text: str) -> None:
            press(app, pygame.K_a, mod=pygame.KMOD_CTRL, frames=1)  # select what the box holds, then type over it
            press(app, pygame.K_BACKSPACE, frames=1)
            type_text(app, text)

        assert scene.focus == "name"
        type_text(app, "8Б")
        tab()
        press(app, pygame.K_RIGHT)  # each student's choice, English, Русский
        press(app, pygame.K_RIGHT)
        assert scene.buttons.get("language").text == "Русский"
        tab()
        press(app, pygame.K_LEFT)  # back round the list: Challenge
        tab()
        press(app, pygame.K_RETURN)  # no names asked
        tab()
        replace_text("130")
        tab()
        type_text(app, "20")
        for level, _ in scene.known_levels:
            tab()
            assert scene.focus == "level:" + level
            if level not in keep:
                press(app, pygame.K_SPACE)
        tab()
        press(app, pygame.K_RETURN)  # lock the language
        tab()
        tab()
        tab()
        press(app, pygame.K_RIGHT)  # lock the hints
        while scene.focus != "results_folder":
            tab()
        type_text(app, "results")
        tab()
        type_text(app, "2468")
        tab()
        replace_text(str(out))
        tab()
        tab()
        assert scene.focus == "save"
        press(app, pygame.K_RETURN)
        read = read_class_file(out)
        assert read.plan is not None, (read.problems, scene.message)
        plan = read.plan
        assert (plan.name, plan.language, plan.difficulty, plan.ask_name, plan.text_size_floor,
                plan.time_limit_minutes, plan.levels, plan.locked, plan.results_folder) == (
            "8Б", "ru", "challenge", False, 1.3, 20, [level for level, _ in scene.known_levels if level in keep],
            ["language", "hints"], "results")
        assert plan.teacher_pin is not None and pin_matches("2468", plan.teacher_pin)
        assert str(out) in scene.message
    finally:
        app.close()


def test_the_class_language_is_chosen_by_its_own_name_and_the_file_keeps_its_code(tmp_path: Any) -> None:
    """English, Русский, 中文 as the Settings screen's language menu names them, or each student's own: the class
    file gets "zh", "ru", or no language at all; a code no catalog has, from a file written by hand, stays."""
    from game.content.class_file import read_class_file
    from game.scenes.classroom.teacher import TeacherScene
    from game.ui.theme import LANGUAGE_MENU_ID

    app = open_recording_app(Settings(language="en", window_size=(1280, 720)))
    try:
        run_frames(app)
        click_button(app, app.top.button_labelled("Teacher"))
        assert isinstance(app.top, TeacherScene)
        scene: Any = app.top
        names = [scene.choice_words("language")]
        for _ in range(3):
            scene.choose("language")
            names.append(scene.choice_words("language"))
        assert names == ["Each student's choice", "English", "Русский", "中文"]
        # Drawn in a font that has '中文' (Noto Sans alone would draw boxes), as the Settings menu's names are.
        assert LANGUAGE_MENU_ID in scene.buttons.get("language").object_ids
        scene.values["save_to"] = str(tmp_path / "class.toml")
        scene.entries.get("name").set_text("7A")
        written, lines = {}, {}
        for _ in range(4):
            scene.save_class_file()
            plan = read_class_file(tmp_path / "class.toml").plan
            assert plan is not None, scene.message
            written[scene.choice_words("language")] = plan.language
            lines[plan.language] = [line for line in (tmp_path / "class.toml").read_text(encoding="utf-8").splitlines()
                                    if line.startswith("language")]
            scene.choose("language")
        assert written == {"中文": "zh", "Each student's choice": None, "English": "en", "Русский": "ru"}
        assert lines == {"zh": ['language = "zh"'], None: [], "en": ['language = "en"'], "ru": ['language = "ru"']}
    finally:
        app.close()


def test_a_language_no_catalog_has_stays_as_the_class_file_says() -> None:
    """A class file written by hand for French keeps "fr" among the choices, named by its code, until the teacher
    picks another."""
    from game.content.ui_text import Translator
    from game.scenes.classroom.teacher_choices import language_codes, language_words, stepped

    own_names = {"en": "English", "ru": "Русский", "zh": "中文"}
    codes = language_codes(own_names, "fr")
    assert codes == (None, "en", "ru", "zh", "fr")
    assert language_words(Translator(), "fr", own_names) == "fr"
    assert stepped(codes, "fr", 1) is None and stepped(codes, None, -1) == "fr"


def test_the_choices_are_buttons_in_words_and_the_class_file_keeps_ids(teacher_at_200: Any, tmp_path: Any) -> None:
    """Levels by their titles, locks by the Settings screen's labels, each beside a button naming its value in
    words (the difficulty by its name): pressing them changes the class file's ids and code names underneath."""
    from game.content.class_file import read_class_file

    app = teacher_at_200
    scene = app.top
    first_level, title = scene.known_levels[0]
    assert scene.choice_words("level:" + first_level) == "В уроке"
    assert row_label(app.ctx.tr, "level:" + first_level, dict(scene.known_levels)) == title
    assert row_label(app.ctx.tr, "lock:ui_scale", {}) == "Размер текста"  # the Settings screen's own label
    scene.choose("level:" + first_level)  # left out
    scene.choose("lock:ui_scale")
    scene.choose("difficulty")  # each student's, then the first preset
    assert scene.choice_words("level:" + first_level) == "Не в уроке"
    assert scene.choice_words("lock:ui_scale") == "Заблокировано"
    assert scene.choice_words("difficulty") == "Лёгкий"
    scene.entries.get("name").set_text("8Б")  # the first page shows the name, not where to save
    scene.values["save_to"] = str(tmp_path / "class.toml")
    scene.save_class_file()
    plan = read_class_file(tmp_path / "class.toml").plan
    assert plan is not None, scene.message
    assert plan.levels == [level for level, _ in scene.known_levels[1:]]
    assert plan.locked == ["ui_scale"] and plan.difficulty == "explorer"
