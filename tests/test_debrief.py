"""The debrief of a real run of the first level: graphs from its days, goals, facts, the quiz, export, progress."""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.autoplay.player import autoplay
from game.content.loader import LoadedLevel, load_level_by_path
from game.content.models import QuizQuestion
from game.debrief_export import SERIES, export_result, results_dir, run_result, series_from_samples
from game.render.graph_layout import nice_ticks
from game.rules.hours import HOURS_PER_DAY
from game.scenes.campaign.debrief import DebriefScene
from game.scenes.scene import Pop, Push, Replace
from game.simulation.simulation import Simulation
from tests.app_helpers import colours_in, record_fonts, run_frames

LEVEL = Path(__file__).resolve().parent.parent / "levels" / "01_agreement_2021.toml"
# Two questions the level's own facts answer, with the facts' sources: the test must not depend on the
# quiz the campaign ships, which may change.
QUIZ = [
    QuizQuestion(
        question="Which two agencies signed the first memorandum on the ILRS, on 9 March 2021?",
        choices=["NASA and ESA", "CNSA and Roscosmos", "JAXA and ISRO"], answer=1,
        explanation="CNSA and Roscosmos signed it over a video link.", sources=["https://tass.com/science/1263979"],
    ),
    QuizQuestion(
        question="About how much of a year is the best single point near Shackleton lit?",
        choices=["About half", "About 86 %", "All of it"], answer=1,
        explanation="About 86 %; two nearby points together about 94 %.",
        sources=["https://ui.adsabs.harvard.edu/abs/2010Icar..208..558B"],
    ),
]


@pytest.fixture(scope="module")
def finished_run() -> Iterator[tuple[LoadedLevel, list[tuple[int, Any]]]]:
    """The first level with a fixed quiz, the autoplayer's winning commands, and nothing else shared."""
    loaded = load_level_by_path(LEVEL)
    level, catalog = loaded.require()
    level = level.model_copy(update={"quiz": QUIZ})
    result = autoplay(level, catalog)
    assert result.won, "the autoplayer should win the first level"
    yield dataclasses.replace(loaded, level=level), list(result.commands)


def replay(loaded: LoadedLevel, commands: list[tuple[int, Any]]) -> Simulation:
    level, catalog = loaded.require()
    simulation = Simulation(level, catalog)
    simulation.run_hours(round(level.time_limit_days * HOURS_PER_DAY), commands)
    return simulation


def open_debrief(app: Any, finished_run: Any) -> DebriefScene:
    loaded, commands = finished_run
    scene = DebriefScene(app.ctx, loaded, replay(loaded, commands))
    app.request(Push(scene))
    run_frames(app, 3)
    return scene


def test_the_daily_record_covers_the_run_day_by_day(finished_run: Any) -> None:
    loaded, commands = finished_run
    simulation = replay(loaded, commands)
    try:
        assert simulation.ended and simulation.snapshot().outcome == "won"
        days, series = series_from_samples(simulation.history)
        assert days[0] == 0 and days[1] == 1 and days[-1] == pytest.approx(simulation.snapshot().day)
        assert set(series) == {spec.id for spec in SERIES}
        assert series["science"][0] == 0 and series["science"][-1] >= 10  # the level's science goal was met
        assert series["budget"][0] == loaded.require()[0].start.budget
    finally:
        simulation.close()


def test_the_summary_draws_goals_and_a_graph_from_the_run(app: Any, finished_run: Any) -> None:
    scene = open_debrief(app, finished_run)
    assert scene.result.outcome == "won" and scene.result.goals_met == len(scene.result.goals)
    graph = scene.layout.graph
    colours = {app.window.get_at((x, y))[:3] for x in range(graph.left, graph.right, 3)
               for y in range(graph.top, graph.bottom, 3)}
    assert tuple(app.ctx.palette.series[0])[:3] in colours  # the first line is drawn in its colour
    titles = [title for title, _, _ in scene.graphs]
    assert titles[:3] == ["Energy stored", "Budget", "Science"]
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_g, mod=0, unicode="g", scancode=0))
    run_frames(app)
    assert scene.graph == 1


def test_a_win_is_recorded_in_the_progress(app: Any, finished_run: Any) -> None:
    from game.progress import load_progress

    scene = open_debrief(app, finished_run)
    assert load_progress().completed == {scene.level.id: scene.result.score}


def test_the_facts_tab_lists_each_fact_met_with_its_sources(app: Any, finished_run: Any) -> None:
    scene = open_debrief(app, finished_run)
    seen = scene.result.facts
    assert seen, "the level's scheduled news events reveal at least one fact"
    scene.press("tab:Facts")
    run_frames(app)
    facts_box = scene.boxes.get("facts")
    assert facts_box is not None
    for fact in seen:
        assert fact.text in facts_box.html_text
        for source in fact.sources:
            assert source in facts_box.html_text


def test_the_quiz_marks_an_answer_and_counts_the_right_ones(app: Any, finished_run: Any) -> None:
    scene = open_debrief(app, finished_run)
    scene.press("tab:Quiz")
    run_frames(app)
    assert [name for name in scene.buttons if name.startswith("choice:")] == ["choice:0", "choice:1", "choice:2"]
    scene.press("choice:0")  # wrong
    scene.press("choice:1")  # a second try on the same question changes nothing
    assert scene.answers == [0, None]
    assert scene.buttons["choice:1"].text.startswith("Right:")
    assert scene.buttons["choice:0"].text.startswith("Not this one:")
    scene.press("next_question")
    scene.press("choice:1")  # right
    run_frames(app)
    assert scene.result.quiz_right == 1
    assert [answer.right for answer in scene.result.quiz] == [False, True]


def test_export_writes_json_and_csv_for_the_teacher(app: Any, finished_run: Any) -> None:
    scene = open_debrief(app, finished_run)
    scene.press("tab:Quiz")
    scene.press("choice:1")
    scene.press("Export for teacher")
    assert "Saved for your teacher" in scene.message
    files = sorted(results_dir().iterdir())
    assert [path.suffix for path in files] == [".csv", ".json"]
    data = json.loads(files[1].read_text(encoding="utf-8"))
    assert data["level_id"] == "agreement-2021" and data["outcome"] == "won" and data["score"] == scene.result.score
    assert data["quiz"][0] == {"question": QUIZ[0].question, "chosen": "CNSA and Roscosmos",
                               "correct": "CNSA and Roscosmos", "chosen_index": 1, "correct_index": 1}
    assert all(fact["sources"] for fact in data["facts"])
    rows = list(csv.reader(files[0].read_text(encoding="utf-8").splitlines()))
    assert rows[0][0] == "day" and len(rows) == len(scene.result.days) + 1


def test_a_second_export_in_the_same_second_keeps_the_first(tmp_path: Path, finished_run: Any) -> None:
    import datetime as dt

    loaded, commands = finished_run
    simulation = replay(loaded, commands)
    try:
        result = run_result(loaded.require()[0], simulation)
    finally:
        simulation.close()
    now = dt.datetime(2026, 3, 9, 10, 0, 0)
    first = export_result(result, tmp_path, now)
    second = export_result(result, tmp_path, now)
    assert first != second and len(list(tmp_path.iterdir())) == 4


def test_an_export_that_cannot_be_written_gives_a_sentence(app: Any, finished_run: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    scene = open_debrief(app, finished_run)

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError("Permission denied")

    monkeypatch.setattr("game.debrief_export.write_text_atomically", read_only)
    assert scene.export() == "The result could not be saved: Permission denied."


def test_retry_starts_the_level_again_and_back_returns_to_the_campaign(app: Any, finished_run: Any) -> None:
    from game.scenes.station.station_scene import StationScene

    scene = open_debrief(app, finished_run)
    retry = scene.press("Retry")
    assert isinstance(retry, Replace) and isinstance(retry.scene, StationScene)
    assert isinstance(scene.press("Back to campaign"), Pop)
    app.request(Pop())
    run_frames(app)
    assert scene.simulation is None  # the run was closed when the debrief left


def test_with_one_day_only_the_graph_says_so_instead_of_drawing_nothing(app: Any, finished_run: Any) -> None:
    loaded, _ = finished_run
    level, catalog = loaded.require()
    simulation = Simulation(level, catalog)
    fonts = record_fonts(app)
    scene = DebriefScene(app.ctx, loaded, simulation)  # a run that never passed its first day
    app.request(Push(scene))
    run_frames(app, 3)
    assert scene.result.days == (0.0,) and scene.result.outcome == "playing"
    # The graph's box says why it is empty, in the dim text colour, and draws no line.
    assert "Not enough days were recorded to draw this graph." in fonts.seen
    drawn = colours_in(app.window, scene.layout.graph, step=1)
    assert app.ctx.palette.text_dim[:3] in drawn
    assert not drawn & {tuple(colour)[:3] for colour in app.ctx.palette.series}, "a line was drawn"


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(0, 400, [0, 100, 200, 300, 400]), (0, 9.3, [0, 5, 10]), (0, 1200, [0, 500, 1000, 1500])],
)
def test_axis_ticks_are_round_and_cover_the_values(low: float, high: float, expected: list[float]) -> None:
    assert nice_ticks(low, high) == expected


@pytest.mark.parametrize("language", ["en", "zh", "ru"])
def test_an_answered_questions_explanation_shows_whole_at_large_text(language: str) -> None:
    """At 200 % text each explanation of the shipped quiz is in a box beside the choices, whole: it scrolls
    (Page Down) where it is taller than the box, and nothing of it is cut. In the smallest window, the hardest
    fit: tests/test_screen_layouts.py checks the quiz's places in full HD too, in every language."""
    import html

    from game.content.text import translate
    from game.settings import Settings
    from tests.app_helpers import open_recording_app, press
    from tests.screen_tour import open_screen

    app = open_recording_app(Settings(language=language, ui_scale=2.0, window_size=(1280, 720)))
    try:
        scene = open_screen(app, "debrief")
        scene.press("tab:Quiz")
        run_frames(app)
        for number, question in enumerate(scene.level.quiz):
            scene.answer((question.answer + 1) % len(question.choices))
            run_frames(app)
            box = scene.boxes.get("explanation")
            assert box is not None, f"question {number + 1}'s explanation has a box"
            assert html.escape(translate(question.explanation, language), quote=False) in box.html_text
            assert app.window.get_rect().contains(box.rect)
            assert not any(box.rect.colliderect(button.rect) for button in scene.buttons.values())
            if box.scroll_bar is not None:  # taller than its box: Page Down shows the rest
                start = box.scroll_bar.start_percentage
                press(app, pygame.K_PAGEDOWN)
                assert box.scroll_bar.start_percentage > start
            scene.press("next_question")
            run_frames(app)
    finally:
        app.close()
