"""The landing's and the debrief's sentences reach the player's language: grading reasons, flight-record errors,
the "what if" worlds, score parts and graph labels are messages whose patterns the template collects, and the
screens show them through tr. A made-up language 'xx' wraps every collected line ⟦like this⟧, so a sentence
that escapes translation shows up unwrapped."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.content.loader import load_level_by_path
from game.content.message import Message, level_text
from game.content.models import LandingGrading
from game.content.ui_text import Translator
from game.debrief_export import SERIES, RunResult, export_result, score_parts
from game.landing.grading import Touchdown, grade_touchdown
from game.landing.pilot import PilotCommand
from game.landing.recorder import read_recording
from game.landing.run import fly
from game.landing.scenario import problem_text, scenario_for
from game.landing.what_if import read_what_if
from game.rules.score import ScoreCard
from game.settings import Settings, save_settings
from tests.app_helpers import record_fonts
from tests.bracket_language import bracket_translator
from tests.conftest import LEVELS, REPO
from tools import extract_ui_text
from tools.pot_file import MessageId

Lines = dict[MessageId, list[str]]  # each collected line (or counted phrase), with the files that use it
FIRST_LEVEL = LEVELS / "01_agreement_2021.toml"
GRADING = LandingGrading.model_validate({
    "perfect": {"vertical_speed_m_s": 1.0, "horizontal_speed_m_s": 0.5, "tilt_deg": 5, "distance_m": 10,
                "propellant_left": 0.05},
    "good": {"vertical_speed_m_s": 2.0, "horizontal_speed_m_s": 1.0, "tilt_deg": 10, "distance_m": 30},
    "hard": {"vertical_speed_m_s": 4.0, "horizontal_speed_m_s": 2.0, "tilt_deg": 20},
    "hard_damage_least": 0.1,
    "hard_damage_most": 0.5,
    "haul_cost_per_km": 20,
})
# Touchdowns that between them give every kind of reason the grading words, for every standard.
TOUCHDOWNS = [
    Touchdown(0.5, 0.1, 1.0, 2.0, 0.5),  # perfect
    Touchdown(1.5, 0.7, 7.0, 20.0, 0.01),  # good: each perfect limit missed
    Touchdown(3.0, 1.5, 12.0, 500.0, 0.5),  # hard and far off target
    Touchdown(0.5, 0.1, 1.0, 500.0, 0.5),  # off target
    Touchdown(5.0, 2.5, 35.0, 2.0, 0.5),  # crash: every hard limit passed
]


@pytest.fixture(scope="module")
def collected() -> Lines:
    return extract_ui_text.collect()


@pytest.fixture(scope="module")
def pseudo() -> Translator:
    """The made-up language: every line the template collects, wrapped."""
    return bracket_translator()


def _shows_translated(text: str, tr: Translator, collected: Lines) -> None:
    assert isinstance(text, Message), f"{text!r} is plain text: a translation cannot reach it"
    key = text.pattern if text.plural is None else (text.pattern, text.plural)
    assert key in collected, f"{key!r} is not collected for the template"
    assert tr(text).startswith("⟦") and tr(text).endswith("⟧"), tr(text)


# --- the core's sentences -------------------------------------------------------------------------------------


def test_every_grading_reason_is_a_collected_message_shown_translated(collected: Lines, pseudo: Translator) -> None:
    grades = {grade_touchdown(touchdown, GRADING).name: grade_touchdown(touchdown, GRADING) for touchdown in TOUCHDOWNS}
    assert set(grades) == {"perfect", "good", "hard", "off_target", "crash"}
    reasons = [reason for grade in grades.values() for reason in grade.reasons]
    assert len(reasons) >= 12
    for reason in reasons:
        _shows_translated(reason, pseudo, collected)
    # The English still reads as before, number formats kept in the pattern, and the limit says what it is.
    assert "Came down at 3.0\xa0m/s; a good landing stays within 2\xa0m/s (game value)." in reasons


def test_a_failed_flight_says_why_in_a_collected_message(collected: Lines, pseudo: Translator) -> None:
    level, catalog = load_level_by_path(FIRST_LEVEL).require()
    result = fly(level, catalog, pilot=lambda seen: PilotCommand(), seed=0)
    assert result.grade.name == "crash"
    for reason in result.grade.reasons:
        _shows_translated(reason, pseudo, collected)


def test_a_damaged_flight_record_is_refused_in_a_collected_sentence(
    tmp_path: Path, collected: Lines, pseudo: Translator,
) -> None:
    for name, text in (("broken.json", "{not json"), ("old.json", '{"format": 999}'), ("short.json", '{"format": 1}')):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ValueError) as refused:
            read_recording(path)
        _shows_translated(refused.value.args[0], pseudo, collected)
        assert str(path) in pseudo(refused.value.args[0])


@pytest.mark.parametrize("change", [{"gravity": -1.0}, {"cargo": "batery"}, {"lander": "heavy"},
                                    {"max_thrust_n": 1.0}])
def test_a_landing_that_cannot_be_made_says_why_in_a_collected_sentence(
    change: dict[str, Any], collected: Lines, pseudo: Translator,
) -> None:
    level, catalog = load_level_by_path(FIRST_LEVEL).require()
    with pytest.raises(ValueError) as refused:
        scenario_for(level, catalog, 0, **change)
    _shows_translated(problem_text(refused.value), pseudo, collected)


def test_what_if_worlds_are_named_in_the_players_language(tmp_path: Path, collected: Lines, pseudo: Translator) -> None:
    shipped = read_what_if(REPO / "assets" / "what_if.toml")
    moon, *others = shipped.worlds
    _shows_translated(moon.name, pseudo, collected)
    assert pseudo(moon.name) == "⟦Moon⟧"
    assert [str(world.name) for world in others] == ["Mars", "Earth"]
    assert all(isinstance(world.name, Message) for world in others)
    own = tmp_path / "what_if.toml"
    own.write_text('thrust_factors = [1.0]\n[[worlds]]\nname = { en = "Mars", xx = "Marte" }\n'
                   'surface_gravity_m_s2 = 3.71\nsources = ["https://nssdc.gsfc.nasa.gov/"]\n', encoding="utf-8")
    mars = read_what_if(own).worlds[1]
    assert mars.name == "Mars" and pseudo(mars.name) == "Marte"


@pytest.mark.parametrize("name", ['""', '{ xx = "Marte" }', "3"])
def test_a_world_name_that_is_no_text_is_refused_in_one_sentence(tmp_path: Path, name: str) -> None:
    own = tmp_path / "what_if.toml"
    own.write_text(f'thrust_factors = [1.0]\n[[worlds]]\nname = {name}\nsurface_gravity_m_s2 = 3.71\n'
                   'sources = ["https://nssdc.gsfc.nasa.gov/"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"what_if.toml are not usable \(line 3, worlds\[0\]\.name: ") as refused:
        read_what_if(own)
    assert "\n" not in str(refused.value)


def test_score_parts_and_graph_labels_are_collected_messages(collected: Lines, pseudo: Translator) -> None:
    card = ScoreCard(goals_met=6, goals_total=6, science=12.0, budget_left=1500.0, days=40.0, won=True, points=0)
    parts = score_parts(card, 60.0)
    assert [str(what) for what, _ in parts] == ["6 goals met", "12 science points", "1,500 credits left",
                                               "20 days to spare"]
    for what, _ in parts:
        _shows_translated(what, pseudo, collected)
    for spec in SERIES:
        _shows_translated(spec.label, pseudo, collected)


def test_the_export_is_worded_in_the_players_language(tmp_path: Path, pseudo: Translator) -> None:
    card = ScoreCard(goals_met=2, goals_total=3, science=5.0, budget_left=10.0, days=9.0, won=False, points=0)
    parts = score_parts(card, 30.0)
    result = RunResult("level", "Level", "lost", 210, 9.0, (), (), days=(0.0, 1.0),
                       series={spec.id: (0.0, 1.0) for spec in SERIES}, score_parts=parts)
    json_path, csv_path = export_result(result, tmp_path, dt.datetime(2026, 1, 1), tr=pseudo)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["score_parts"][0] == ["⟦2 goals met⟧", 200.0]
    header = csv_path.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("day,⟦⟦Energy stored⟧ (kWh)⟧,")
    english_json, english_csv = export_result(result, tmp_path, dt.datetime(2026, 1, 1))
    assert json.loads(english_json.read_text(encoding="utf-8"))["score_parts"][0] == ["2 goals met", 200.0]
    assert english_csv.read_text(encoding="utf-8").startswith("day,Energy stored (kWh),")


# --- the screens show them through tr --------------------------------------------------------------------------


def test_the_landing_result_panel_draws_the_reasons_translated(pseudo_app: Any) -> None:
    from game.scenes.landing.flight_screen import LandingScene
    from game.scenes.scene import Push

    app = pseudo_app
    loaded = load_level_by_path(FIRST_LEVEL)
    scene = LandingScene(app.ctx, loaded, seed=0, practice=True)  # nobody flies: it falls and crashes
    app.request(Push(scene))
    for _ in range(400):
        if scene.phase != "flying":
            break
        app.frame(0.25)
    app.frame(1 / 60)
    assert scene.phase == "finished" and scene.result is not None
    seen = app.ctx.fonts.seen
    for reason in scene.result.grade.reasons:
        first_words = " ".join(str(app.ctx.tr(reason)).split()[:2])
        assert any(text.startswith("• " + first_words) for text in seen), (first_words, sorted(seen))
    assert any(text.startswith("• ⟦") for text in seen)
    assert not any(text.startswith("• ") and "⟦" not in text for text in seen)
    assert "⟦Altitude⟧ (m)" in " ".join(seen) or any(text.startswith("⟦⟦Altitude⟧") for text in seen)


def test_another_worlds_name_shows_translated_on_the_flight(pseudo_app: Any) -> None:
    from game.scenes.landing.flight_screen import LandingScene
    from game.scenes.scene import Push

    app = pseudo_app
    mars = level_text({"en": "Mars", "xx": "Marte"})
    scene = LandingScene(app.ctx, load_level_by_path(FIRST_LEVEL), seed=0, practice=True, gravity=3.71,
                         world_name=mars)
    app.request(Push(scene))
    app.frame(1 / 60)
    app.frame(1 / 60)
    assert "⟦Marte: 3.71\xa0m/s²⟧" in app.ctx.fonts.seen


def test_practice_shows_the_worlds_in_the_players_language(pseudo_app: Any) -> None:
    from tests.screen_tour import open_screen
    from tests.test_every_screen import was_drawn

    app = pseudo_app
    scene = open_screen(app, "landing_practice")
    gravity = scene.choice("Gravity")
    assert isinstance(gravity.shown, Message)
    expected = app.ctx.tr(gravity.shown)
    assert expected.startswith("⟦⟦Moon⟧: ") and expected.endswith(" (⟦real⟧)⟧")  # the status translated too
    assert any(was_drawn(expected, text) for text in app.ctx.fonts.seen), sorted(app.ctx.fonts.seen)


def test_the_practice_labels_are_not_cut_at_the_largest_text(user_home: Path) -> None:
    from game.app import open_app
    from tests.screen_tour import open_screen

    save_settings(Settings(ui_scale=2.0))
    app = open_app()
    try:
        fonts = record_fonts(app)
        scene = open_screen(app, "landing_practice")
        assert scene.layout.stacked
        shown = [scene.choices[index].label for index in scene.layout.visible_rows(scene.first_row)]
        assert len(shown) >= 3
        assert all(label in fonts.seen for label in shown), sorted(fonts.seen)
    finally:
        app.close()


def test_the_flight_instruments_stay_above_the_keys_band_at_the_largest_text(user_home: Path) -> None:
    from game.app import open_app
    from game.render.landing_hud import TextCache, draw_instruments, help_band_height
    from game.scenes.landing import flight_drawing
    from tests.screen_tour import open_screen

    save_settings(Settings(ui_scale=2.0))
    app = open_app()
    try:
        scene = open_screen(app, "landing_flight")
        width, height = app.window.get_size()
        band_top = height - help_band_height(app.ctx.fonts, scene.keys_hint(), width)
        surface = pygame.Surface((width, height))
        panel = draw_instruments(surface, app.ctx.fonts, TextCache(), scene.session.seen, scene.scenario.grading,
                                 0.0, 0.0, scene.scenario.lander.propellant_kg, band_top=band_top)
        assert panel.bottom <= band_top
        lander_x, _ = flight_drawing.view_camera(scene, (width, height), 1.0).to_screen(*scene.session.pose[:2])
        assert panel.right < lander_x - 20  # the lander flies clear of the panel
    finally:
        app.close()


def test_a_practice_file_with_several_mistakes_names_each_with_its_line(tmp_path: Path) -> None:
    own = tmp_path / "what_if.toml"
    own.write_text('thrust_factors = [0, 1.0]\n[[worlds]]\nnam = "Mars"\nsurface_gravity_m_s2 = 300\nsources = []\n',
                   encoding="utf-8")
    with pytest.raises(ValueError) as refused:
        read_what_if(own)
    said = str(refused.value)
    for problem in ("line 1, thrust_factors[0]: must be more than 0", "line 3, worlds[0].nam: unknown key 'nam' "
                    "(did you mean 'name'?)", "line 4, worlds[0].surface_gravity_m_s2: must be at most 100",
                    "line 5, worlds[0].sources: needs at least 1 entry"):
        assert problem in said
