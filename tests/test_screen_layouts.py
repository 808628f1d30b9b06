"""The pure layouts of the encyclopedia, the debrief and landing practice, checked without a window: in both
classroom windows, at 100, 150 and 200 % text and in English, Chinese and Russian, every part lies inside the
window and no two parts cover each other. And a tooltip's place: inside the window, beside its pointer, never on it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Iterator, Sequence

import pygame
import pytest

from game import paths
from game.content.language_look import load_language_look
from game.content.loader import load_game_content, load_level_by_path
from game.content.message import say_n
from game.content.text import translate
from game.content.timeline import Milestone, load_timeline
from game.content.ui_text import Translate, load_translator
from game.debrief_export import SERIES, score_card_line, score_parts
from game.landing.grading import Grade, Touchdown, grade_touchdown
from game.landing.run import LandingResult, fly
from game.landing.scenario import scenario_for
from game.render import palette
from game.render.fonts import Fonts, fitting_scale, language_scale, scaled
from game.render.graph_layout import GraphLayout
from game.render.landing_result import GRADE_WORDS, result_facts
from game.render.pointer_box import place_beside_pointer
from game.render.sky import EARTH_EDGE_MARGIN, EARTH_HALO, earth_placement
from game.render.text import wrap_text
from game.render.tooltip import MAX_WIDTH_SHARE, MIN_WRAP_PX
from game.rules.score import score
from game.scenes.campaign.debrief_layout import FOOTER, TABS, DebriefLayout, footer_keys, header_line_size
from game.scenes.campaign.debrief_layout import MARGIN as DEBRIEF_MARGIN
from game.scenes.campaign.level_entries import level_entries
from game.scenes.campaign.timeline_items import TimelineItem, timeline_items
from game.scenes.campaign.timeline_layout import TimelineLayout, today_line, x_of, year_labels
from game.scenes.landing.flight_layout import result_buttons, result_parts, result_text
from game.scenes.landing.practice_layout import BUTTONS, KEY_HINTS, MARGIN, PracticeLayout
from game.scenes.landing.practice_screen import BUTTON_WORDS
from game.scenes.menus.encyclopedia_entries import CATEGORIES, CATEGORY_TABS
from game.scenes.menus.encyclopedia_layout import KEY_HINTS as ENCYCLOPEDIA_HINTS
from game.scenes.menus.encyclopedia_layout import EncyclopediaLayout
from game.scenes.menus.settings_drawing import message_lines
from game.scenes.menus.settings_layout import SettingsLayout
from game.scenes.menus.settings_rows import FOOTER_BUTTONS
from game.scenes.menus.title import BUTTON_GAP as TITLE_BUTTON_GAP
from game.scenes.menus.title import BUTTON_SIZE as TITLE_BUTTON_SIZE
from game.ui.button_words import button_font

WINDOWS = ((1280, 720), (1920, 1080))
SCALES = (1.0, 1.5, 2.0)
LANGUAGES = ("en", "zh", "ru")
CASES = list(itertools.product(WINDOWS, SCALES, LANGUAGES))


@pytest.fixture(scope="module", autouse=True)
def _fonts_ready() -> Iterator[None]:
    pygame.font.init()
    yield


def _fonts_and_words(language: str, scale: float, size: tuple[int, int]) -> tuple[Fonts, Translate]:
    """The fonts as the game sets them for `language` at the chosen text size `scale` in a `size` window (a
    language may ask for a step larger; a small window holds less), and the language's words."""
    folders = [paths.assets_dir() / "lang"]
    tr, look = load_translator(language, folders), load_language_look(language, folders)
    shown = fitting_scale(language_scale(scale, look.text_size), size)
    return Fonts(paths.assets_dir() / "fonts", scale=shown, language_files=look.font_files or tr.font_files), tr


def _apart_and_inside(size: tuple[int, int], parts: Iterable[tuple[str, pygame.Rect]]) -> None:
    """Every part has room, lies inside the window and covers no other part."""
    window = pygame.Rect((0, 0), size)
    named: Sequence[tuple[str, pygame.Rect]] = list(parts)
    for name, rect in named:
        assert rect.width > 0 and rect.height > 0, f"{name} has no room: {rect}"
        assert window.contains(rect), f"{name} {rect} runs out of the {size} window"
    for (one, first), (other, second) in itertools.combinations(named, 2):
        assert not first.colliderect(second), f"{one} {first} covers {other} {second}"


# --- encyclopedia ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_the_encyclopedia_layout_keeps_its_parts_apart_and_inside(size: tuple[int, int], scale: float,
                                                                   language: str) -> None:
    fonts, tr = _fonts_and_words(language, scale, size)
    labels = [f"{tr(CATEGORY_TABS[category])} (157)" for category in CATEGORIES]
    heading = fonts.bold(palette.HEADING).size(tr("Encyclopedia"))[0]
    layout = EncyclopediaLayout.for_size(size, fonts, labels, heading, tr(ENCYCLOPEDIA_HINTS))
    assert layout.hint is not None, "the key hints have room beside Back"
    _apart_and_inside(size, [*((f"tab {label}", tab) for label, tab in zip(labels, layout.tabs, strict=True)),
                             ("search", layout.search), ("list", layout.list_detail.list),
                             ("detail", layout.list_detail.detail), ("back", layout.back),
                             ("key hints", layout.hint)])
    small = fonts.regular(palette.SMALL)
    assert " ".join(layout.hint_lines).replace("  ·  ", " ") \
        == " ".join(tr(ENCYCLOPEDIA_HINTS).replace("  ·  ", " ").split()), "every key hint is shown whole"
    assert all(small.size(line)[0] <= layout.hint.width for line in layout.hint_lines)
    assert len(layout.hint_lines) * small.get_linesize() <= layout.hint.height
    heading_box = pygame.Rect(40, 16, heading, fonts.bold(palette.HEADING).get_linesize())
    assert not heading_box.colliderect(layout.search), "the search box leaves the heading readable"
    assert all(tab.width >= button_font(fonts).size(label)[0] for label, tab in zip(labels, layout.tabs, strict=True))
    first, second = layout.row(0, 0), layout.row(1, 0)
    assert layout.list_detail.list.contains(first) and first.bottom <= second.top, "rows one under the other"
    assert first.height >= fonts.bold(palette.SMALL + 1).get_linesize() + fonts.regular(palette.SMALL).get_linesize()


# --- debrief -----------------------------------------------------------------------------------------------

def _debrief_words(language: str) -> tuple[list[tuple[str, str]], str, str]:
    """Level 1's goals as the summary shows them (status word, text), a won run's score card and the level's title,
    in `language`."""
    tr = load_translator(language, [paths.assets_dir() / "lang"])
    level, _ = load_level_by_path(paths.levels_dir() / "01_agreement_2021.toml").require()
    card = score(len(level.goals), len(level.goals), 12_345, 4_321, 58, level.time_limit_days, True)
    goals = [(tr("met") if number % 2 else f"{0.37:.0%}", translate(goal.text, language))
             for number, goal in enumerate(level.goals)]
    return goals, score_card_line(score_parts(card, level.time_limit_days), tr), translate(level.title, language)


def _debrief_layout(size: tuple[int, int], scale: float, language: str) -> tuple[DebriefLayout, Fonts, Translate]:
    fonts, tr = _fonts_and_words(language, scale, size)
    tabs = [tr(TABS[0]), tr("Facts ({count})", count=12), tr("Quiz ({count})", count=3)]
    layout = DebriefLayout.for_size(size, fonts, tabs, [tr(name) for name in FOOTER], tr("Next graph (G)"),
                                    tr("Next question"), _debrief_words(language)[1])
    return layout, fonts, tr


def _around_the_body(layout: DebriefLayout) -> list[tuple[str, pygame.Rect]]:
    """The parts every tab shows: the tabs, the footer's buttons and its line."""
    return [*((f"tab {number}", tab) for number, tab in enumerate(layout.tabs)),
            *((f"footer button {number}", button) for number, button in enumerate(layout.footer_buttons)),
            ("footer line", layout.hint)]


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_the_debrief_summary_keeps_its_parts_apart_and_inside(size: tuple[int, int], scale: float,
                                                               language: str) -> None:
    layout, fonts, tr = _debrief_layout(size, scale, language)
    card = [("score card", layout.score_card)] if layout.score_card is not None else []
    _apart_and_inside(size, [*_around_the_body(layout), ("goals", layout.goals), ("graph", layout.graph),
                             ("next graph", layout.next_graph), *card])
    assert layout.body.bottom <= layout.footer_top and all(tab.bottom < layout.body.top for tab in layout.tabs)
    font = button_font(fonts)
    words = [*(tr(name) for name in FOOTER), tr("Next graph (G)")]
    rects = [*layout.footer_buttons, layout.next_graph]
    assert all(font.size(word)[0] < rect.width for word, rect in zip(words, rects, strict=True)), \
        "every button holds its words"
    assert layout.hint.width >= fonts.regular(palette.SMALL).size("Esc")[0] * 4, "the footer's line has room"


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_the_debrief_summary_shows_every_goal_and_the_score_card_whole(size: tuple[int, int], scale: float,
                                                                        language: str) -> None:
    """At 200 % in a 1280 × 720 window (150 % shown) the score card ended in '…' beside Next graph, and each goal
    was cut after two lines: now every word is on a line of the goals column (which scrolls) or of the card."""
    layout, fonts, tr = _debrief_layout(size, scale, language)
    goals, card, title = _debrief_words(language)
    small = fonts.regular(palette.SMALL)
    if layout.score_card is not None:  # under the graph: all its lines in its room
        rows = wrap_text(card, small, layout.score_card.width)
        assert len(rows) * small.get_linesize() <= layout.score_card.height, "the score card is cut under the graph"
    column = layout.summary_column(fonts, tr("Goals"), goals, card, 0, tr)
    words = [line.text for line in column.lines]
    shown = " ".join(words).replace(" ", "")
    wanted = [text for _, text in goals] + ([] if layout.score_card is not None else [card])
    for text in wanted:
        assert text.replace(" ", "") in shown, f"'{text[:40]}' is not shown whole"
    assert not any(word.endswith("…") for word in words), "a line of the goals column is cut"
    window = column.window
    for line in column.lines:  # every line keeps inside the column, clear of the scroll bar
        font = fonts.bold(line.size) if line.bold else fonts.regular(line.size)
        assert line.indent + font.size(line.text)[0] <= window.area.width, f"'{line.text}' runs past the column"
    assert window.shown >= 3, "a few lines of goals in view at the largest text"
    if window.scroll is not None:  # the pager right under the lines in view, inside the column
        last = window.tops[-1] + column.lines[window.first + window.shown - 1].height
        assert 0 <= window.pager_top - last <= 8 and window.pager_top + small.get_linesize() <= layout.goals.bottom
        bottom = column.lines[-1]
        end = layout.summary_column(fonts, tr("Goals"), goals, card, 10_000, tr).window
        assert end.first == end.last_first and end.first + end.shown == len(column.lines), \
            f"scrolled to the end, the last line '{bottom.text[:30]}' is in view"
    line = "  ·  ".join((title, tr("day {day} of {days}", day="58", days="90"),
                      tr(say_n("{met} of {count} goal met", "{met} of {count} goals met", 6, met=6))))
    font = fonts.regular(header_line_size(fonts, line, size[0] - 2 * DEBRIEF_MARGIN))
    assert font.size(line)[0] <= size[0] - 2 * DEBRIEF_MARGIN, "the line under the headline is cut"
    keys = tr("Up/Down choose  ·  Enter press  ·  G next graph  ·  Esc back to the campaign")
    rows = footer_keys(keys, small, layout.hint)
    assert len(rows) * small.get_linesize() <= layout.hint.height and not any(row.endswith("…") for row in rows)
    assert all(small.size(row)[0] <= layout.hint.width for row in rows)
    shown = " ".join(rows).replace(" ", "")
    for part in keys.split("·")[-2:]:  # the debrief's own keys, G and Esc, read whole
        assert part.replace(" ", "") in shown, f"the footer's '{part.strip()}' is cut: {rows}"


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_the_debrief_quiz_keeps_its_choices_above_the_footer(size: tuple[int, int], scale: float,
                                                              language: str) -> None:
    layout, fonts, _ = _debrief_layout(size, scale, language)
    level, _ = load_level_by_path(paths.levels_dir() / "01_agreement_2021.toml").require()
    assert level.quiz
    for quiz in level.quiz:
        question_text = translate(quiz.question, language)
        places = layout.quiz(fonts, question_text, len(quiz.choices))
        choices = places.choices
        question = fonts.bold(places.question_size)
        rows = wrap_text(question_text, question, places.question_width)
        question_box = pygame.Rect(layout.body.left, places.question_top, max(question.size(row)[0] for row in rows),
                                   len(rows) * question.get_linesize())
        for last in (False, True):  # the last question has no Next question button: its explanation takes the room
            explanation = layout.explanation(places, last)
            _apart_and_inside(size, [*_around_the_body(layout), ("explanation", explanation),
                                     ("question", question_box),
                                     *([] if last else [("next question", layout.next_question)]),
                                     *((f"choice {number}", choice) for number, choice in enumerate(choices))])
            assert layout.body.contains(explanation), "the explanation stays above the footer"
            # The verdict and two lines of the explanation at least; the box scrolls to the rest.
            assert explanation.height >= 3 * fonts.regular(palette.BODY).get_linesize()
        assert all(layout.body.contains(choice) for choice in choices), "the choices stay above the footer"
        assert all(choice.height >= button_font(fonts).get_linesize() * 0.8 for choice in choices), "room for the words"
        assert question_box.bottom <= places.answers_top, "the question stands above its choices"
        assert layout.next_question.bottom < layout.footer_top - 1, "Next question stays off the footer's rule"


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_the_debrief_graph_keeps_its_labels_inside_its_frame_and_apart(size: tuple[int, int], scale: float,
                                                                        language: str) -> None:
    layout, fonts, tr = _debrief_layout(size, scale, language)
    labels = [tr(spec.label) for spec in SERIES if spec.id in ("water_kg", "oxygen_kg", "food_kg")]
    title = tr("{title} ({unit})", title=tr("Supplies"), unit="kg")
    # A short run, a month and a whole level's 90 days; small figures, hundreds and tens of thousands.
    for last_day, high in ((5, 200.0), (30, 800.0), (90, 12_500.0)):
        days = [float(day) for day in range(last_day + 1)]
        graph = GraphLayout.for_frame(layout.graph, fonts, days, [0.0, high], title, labels, tr, language)
        assert graph is not None, f"the {layout.graph} frame has room for a plot"
        font = fonts.regular(palette.SMALL)
        assert font.size(graph.days[-1].text)[0] == graph.days[-1].rect.width
        assert graph.days[-1].value == last_day or len(graph.days) > 1, "the days run along the axis"
        frame = layout.graph.inflate(-4, -4)  # inside the frame's rounded edge
        for name, parts in (("day", graph.days), ("value", graph.values)):
            for part in parts:
                assert frame.contains(part.rect), f"the {name} label '{part.text}' {part.rect} leaves {frame}"
                assert not part.rect.colliderect(graph.plot.inflate(-2, -2)), f"'{part.text}' covers the plot"
            for one, other in itertools.combinations(parts, 2):
                assert not one.rect.colliderect(other.rect), f"'{one.text}' covers '{other.text}'"
        for _, words, box in graph.legend:
            assert frame.contains(box), f"the legend's '{words}' {box} leaves {frame}"
        assert fonts.bold(palette.LARGE).size(graph.title)[0] <= layout.graph.width - 32, "the title fits"


# --- landing practice --------------------------------------------------------------------------------------

PRACTICE_LABELS = ("Landing zone", "Cargo", "Gravity", "Engine thrust", "Attitude hold", "Suggested burn",
                   "Slow motion", "Larger target", "Seed")


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_the_practice_layout_keeps_its_parts_apart_and_inside(size: tuple[int, int], scale: float,
                                                               language: str) -> None:
    fonts, tr = _fonts_and_words(language, scale, size)
    labels = [tr(label) for label in PRACTICE_LABELS]
    words = [tr(BUTTON_WORDS[name]) for name, _ in BUTTONS]
    marked = [tr("{world}: {gravity} ({status})", world=tr("Moon"), gravity="1.622 m/s²", status=tr("real")),
              f"×4 (30,000 N, {tr('game value')})"]
    layout = PracticeLayout.for_size(size, fonts, labels, words, marked, tr(KEY_HINTS))
    rows = [layout.row(index, 0) for index in layout.visible_rows(0)]
    entry, replay = layout.replay
    _apart_and_inside(size, [*((f"row {number}", row) for number, row in enumerate(rows)),
                             ("info box", layout.info), *layout.buttons])
    assert layout.info.contains(entry) and layout.info.contains(replay) and not entry.colliderect(replay)
    assert len(rows) >= 3, "a few choices stay in view at the largest text"
    assert rows[-1].bottom <= layout.buttons_top and layout.info.bottom <= layout.buttons_top
    body = fonts.regular(palette.BODY)
    if not layout.stacked:  # a label beside its value has the room it needs
        assert all(body.size(label)[0] <= layout.value_left(rows[0]) - rows[0].x - 20 for label in labels)
    value = fonts.bold(palette.BODY)
    room = layout.value_room(rows[0], value.size("›")[0])
    if not layout.stacked:  # beside their labels the figures keep their status, or the rows stack
        assert all(value.size(words)[0] <= room for words in marked), "a figure's status is cut off"
    font = button_font(fonts)
    assert all(font.size(word)[0] <= rect.width for word, (_, rect) in zip(words, layout.buttons, strict=True))
    small = fonts.regular(palette.SMALL)
    hints = layout.hint_lines
    assert " ".join(hints).replace("  ·  ", " ") == " ".join(tr(KEY_HINTS).replace("  ·  ", " ").split()), \
        "every key hint is shown whole"
    assert all(small.size(line)[0] <= size[0] - 2 * MARGIN for line in hints), "no hint line runs off"
    hint_box = pygame.Rect(MARGIN, size[1] - 4 - len(hints) * small.get_linesize(), size[0] - 2 * MARGIN,
                           len(hints) * small.get_linesize())
    _apart_and_inside(size, [("key hints", hint_box), *layout.buttons])
    # The lander's numbers wrap rather than being cut: the longest takes two lines at most.
    mass = tr("{line} ({status})", line=tr("Mass at the start: {mass}", mass="2,100 kg"), status=tr("game value"))
    assert len(wrap_text(mass, fonts.regular(palette.BODY), layout.info.width - 36)) <= 2


# --- landing result ----------------------------------------------------------------------------------------

@functools.cache
def _four_reasons() -> tuple[LandingResult, Grade]:
    """A flight of level 1, and a grade for a touchdown past every good limit and off target: four reasons."""
    level, catalog = load_level_by_path(paths.levels_dir() / "01_agreement_2021.toml").require()
    result = fly(level, catalog, seed=5, cargo="battery")
    limits = scenario_for(level, catalog, 5, cargo="battery")
    good = limits.grading.good
    touchdown = Touchdown(good.vertical_speed_m_s + 0.3, good.horizontal_speed_m_s + 0.2, good.tilt_deg + 2,
                          (good.distance_m or 50.0) * 3, 0.2)
    grade = grade_touchdown(touchdown, limits.grading, status=limits.grading_status)
    return dataclasses.replace(result, grade=grade, touchdown=touchdown), grade


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_a_landing_result_with_four_reasons_shows_each_reason_and_fact_whole(size: tuple[int, int], scale: float,
                                                                             language: str) -> None:
    """At 200 % in a 1280 × 720 window the fourth reason ended in '…' and the facts (the cargo's fate first) were
    left out: now every reason and fact is whole in the column, which scrolls only where nothing else makes room."""
    fonts, tr = _fonts_and_words(language, scale, size)
    result, grade = _four_reasons()
    assert len(grade.reasons) == 4
    reasons = [tr(reason) for reason in grade.reasons]
    facts = result_facts(result, "Battery bank", tr)
    labels = {name: tr(name) for name in ("Export CSV", "Save recording", "Fly again", "Continue")}
    buttons = list(result_buttons(size, fonts, labels).values())
    text = result_text(size, fonts, tr(GRADE_WORDS[grade.name]), reasons, facts, buttons, 0, tr)
    window = text.window
    shown = "".join(line.text for line in text.lines).replace(" ", "")
    for sentence in [*("• " + reason for reason in reasons), *facts]:
        assert sentence.replace(" ", "") in shown, f"'{sentence[:40]}' is not shown whole"
    for line in text.lines:
        assert fonts.regular(line.size).size(line.text)[0] <= window.area.width, f"'{line.text}' runs past"
    keys_top = result_parts(size, fonts, buttons)[1]
    _apart_and_inside(size, [("text", window.area), ("plot", text.plot), *(("button", button) for button in buttons)])
    assert window.area.bottom <= keys_top - 8, "the column stays above the keys' line"
    if window.scroll is None:
        assert window.shown == len(text.lines)
    else:
        assert window.pager_top + fonts.regular(palette.SMALL).get_linesize() <= keys_top - 8, "the pager too"
        end = result_text(size, fonts, tr(GRADE_WORDS[grade.name]), reasons, facts, buttons, 10_000, tr).window
        assert end.first + end.shown == len(text.lines), "scrolled to the end, the last fact is in view"
        assert window.shown >= 4, "a few lines in view at the largest text"
    if size == (1920, 1080) or scale == 1.0:  # a large window, or the usual text size: no scrolling needed
        assert window.scroll is None, "everything fits without scrolling"


# --- campaign timeline -------------------------------------------------------------------------------------

@functools.cache
def _timeline_items() -> tuple[list[Milestone], list[TimelineItem]]:
    """The programme's milestones and the line's items (milestones and campaign levels), read once."""
    milestones = load_timeline().milestones
    campaign = [entry for entry in level_entries(load_game_content([])) if entry.in_campaign]
    return milestones, timeline_items(milestones, campaign)


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_the_timeline_layout_keeps_stages_marks_and_cards_apart_and_inside(size: tuple[int, int], scale: float,
                                                                          language: str) -> None:
    fonts, _ = _fonts_and_words(language, scale, size)
    milestones, items = _timeline_items()
    levels = [index for index, item in enumerate(items) if item.is_level]
    layout = TimelineLayout.for_items(size, fonts, items, levels[0], 0)
    window = pygame.Rect((0, 0), size)
    cards = [(f"card {index}", layout.item_rects[index]) for index in levels if layout.item_rects[index].w]
    assert cards, "no level card in view"
    _apart_and_inside(size, [*cards, ("detail", layout.list_detail.detail)])
    marks = [layout.item_rects[index] for index, item in enumerate(items) if not item.is_level]
    assert all(window.contains(mark) and mark.bottom < layout.axis_y for mark in marks), "a milestone off the line"
    assert all(rect.top > layout.axis_y for _, rect in cards), "a card above the line it hangs from"
    small = fonts.regular(palette.SMALL).get_linesize()
    for stage in (milestone for milestone in milestones if milestone.kind == "stage"):
        band = layout.stage_band(stage.date, stage.end or stage.date, small)
        assert window.contains(band) and band.bottom < layout.axis_y, f"stage {stage.id} {band} is off the line"
        assert band.top >= layout.line_top, f"stage {stage.id} {band} runs into the heading"


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_the_today_line_never_runs_through_a_years_label(size: tuple[int, int], scale: float, language: str) -> None:
    """In 2030 (or on 1 January of any year written under the line) the "today" line ran through the year's label."""
    fonts, _ = _fonts_and_words(language, scale, size)
    _, items = _timeline_items()
    layout = TimelineLayout.for_items(size, fonts, items, 0, 0)
    labels = year_labels(size, fonts, layout.axis_y, layout.mark_radius)
    assert labels and labels[0][0] == 2021, "the line names its first year"
    small = fonts.regular(palette.SMALL)
    top = layout.axis_y - 40  # as the drawing goes: from above the stages to just under the years' labels
    bottom = layout.axis_y + layout.mark_radius + 2 + max(small.get_linesize(), small.get_height()) + 4
    for year, month in itertools.product(range(2021, 2051), (1, 4, 7, 10)):
        x = x_of(dt.date(year, month, 1), size)
        pieces = today_line(x, top, bottom, labels)
        assert pieces and pieces[0][0] == top and pieces[-1][1] == bottom, "the line still reaches 'today'"
        for start, end in pieces:
            line = pygame.Rect(x - 1, start, 2, end - start)
            for written, label in labels:
                assert not line.colliderect(label), f"on {year}-{month:02} the line runs through '{written}'"


# --- tooltips ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", WINDOWS)
def test_a_tooltip_stays_in_the_window_beside_its_pointer_and_never_on_it(size: tuple[int, int]) -> None:
    width, height = size
    window = pygame.Rect((0, 0), size)
    widest = max(MIN_WRAP_PX, round(width * MAX_WIDTH_SHARE)) + 28  # the longest wrapped line and the box's margins
    boxes = [(60, 40), (widest, 120), (widest, height // 2), (200, height - 8)]
    pointers = [(x, y) for x in (*range(0, width, 41), width - 1) for y in (*range(0, height, 37), height - 1)]
    for pointer, box_size in itertools.product(pointers, boxes):
        place = place_beside_pointer(lambda _, box_size=box_size: box_size, box_size[0], pointer, window)
        assert place is not None
        box = place.rect
        where = f"a {box_size} tooltip at {box.topleft} for the pointer at {pointer}"
        assert box.size == box_size and window.contains(box), f"{where} runs out of the {size} window"
        assert not box.collidepoint(pointer), f"{where} hides the spot it describes"
        assert box.inflate(80, 80).collidepoint(pointer), f"{where} stands far from the pointer"


# --- settings ----------------------------------------------------------------------------------------------

def _applied_message(tr: Translate, fits: float, chosen: float) -> str:
    """What Apply says when the window holds less than the text size chosen (settings_apply's longest)."""
    return " ".join((tr("Settings applied and saved."),
                     tr("This window fits text up to {fits} %; a larger window or full screen shows {chosen} %.",
                        fits=round(fits * 100), chosen=round(chosen * 100))))


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_the_settings_message_is_shown_whole_beside_the_buttons(size: tuple[int, int], scale: float,
                                                                 language: str) -> None:
    fonts, tr = _fonts_and_words(language, scale, size)
    layout = SettingsLayout(size, fonts.scale, 100)
    message = _applied_message(tr, fonts.scale, 2.0)
    font, lines = message_lines(message, fonts, layout)
    places = layout.message_places(font.get_linesize(), len(FOOTER_BUTTONS))
    assert "".join(lines).replace(" ", "") == message.replace(" ", ""), f"the message is cut: {lines}"
    assert all(font.size(line)[0] <= place.width for line, place in zip(lines, places, strict=False))
    _apart_and_inside(size, [*((f"line {number}", place) for number, place in enumerate(places[:len(lines)])),
                             *((f"button {number}", button) for number, button
                               in enumerate(layout.footer_buttons(len(FOOTER_BUTTONS))))])
    assert all(place.top >= layout.footer_top for place in places), "the message stays under the rows"


# --- title backdrop ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("size", "scale"), list(itertools.product(WINDOWS, SCALES)))
def test_the_title_earth_stays_whole_inside_the_window_and_clear_of_the_menu(size: tuple[int, int],
                                                                             scale: float) -> None:
    """The menu's width as the title lays it out (two columns centred, wider with the text size the window fits)."""
    shown = fitting_scale(scale, size)
    gap = scaled(TITLE_BUTTON_GAP[0], shown)
    half = min(scaled(TITLE_BUTTON_SIZE[0], shown), (size[0] - 80 - gap) // 2) + gap // 2
    menu = pygame.Rect(size[0] // 2 - half, round(size[1] * 0.45), 2 * half, round(size[1] * 0.46))
    (x, y), radius = earth_placement(size, [menu], ())
    disc = pygame.Rect(x - radius - EARTH_HALO, y - radius - EARTH_HALO, 2 * (radius + EARTH_HALO),
                       2 * (radius + EARTH_HALO))
    inside = pygame.Rect(EARTH_EDGE_MARGIN, 0, size[0] - 2 * EARTH_EDGE_MARGIN, size[1])
    assert inside.contains(disc), f"Earth {disc} is cut by the window's side or hugs it ({size}, {scale})"
    assert not disc.colliderect(menu), "the menu is drawn over Earth"
