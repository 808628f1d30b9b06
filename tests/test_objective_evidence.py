"""Each learning objective has its own evidence: a level names the goals and quiz questions that show it, a run
records which objectives it showed, and the class report counts each objective from that."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from game.classroom.report import build_report, render_report
from game.content.loader import load_level_by_path
from game.debrief_export import EXPORT_VERSION, result_to_json, run_result
from game.rules.evidence import objectives_shown
from game.simulation.simulation import Simulation
from tests.sim_helpers import REPO, shipped_level

CAMPAIGN = sorted((REPO / "levels").glob("0*.toml"))


@pytest.mark.parametrize("path", CAMPAIGN, ids=lambda path: path.stem)
def test_every_campaign_objective_has_its_own_evidence(path):
    level = load_level_by_path(path).require()[0]
    assert sorted(evidence.objective for evidence in level.evidence) == list(
        range(1, len(level.learning_objectives) + 1))


def test_an_objective_is_shown_by_its_own_goals_and_questions():
    level = shipped_level()[0]  # level 1: objective 1 is the ridge's arrays and quiz question 2
    met = {goal.id: "met" for goal in level.goals}
    only_ridge = {**{goal.id: "failed" for goal in level.goals}, "power-the-ridge": "met"}
    assert objectives_shown(level, met, [True, True, True], won=True) == (True, True, True)
    assert objectives_shown(level, only_ridge, [False, True, False], won=False) == (True, False, False)
    assert objectives_shown(level, only_ridge, [True, False, True], won=False) == (False, False, True)
    assert objectives_shown(level, met, [], won=True) == (False, True, False)  # quiz not answered


def test_without_evidence_the_whole_level_shows_an_objective():
    level = shipped_level()[0].model_copy(update={"evidence": []})
    met = {goal.id: "met" for goal in level.goals}
    assert objectives_shown(level, met, [False], won=True) == (True, True, True)
    assert objectives_shown(level, {"x": "failed"}, [True, True], won=False) == (True, True, True)
    assert objectives_shown(level, {"x": "failed"}, [True, False], won=False) == (False, False, False)


@pytest.mark.parametrize(("table", "expected"), [
    ("objective = 9\ngoals = [\"on-budget\"]", "evidence names objective 9, but the level has 3"),
    ("objective = 1\ngoals = [\"power-the-rim\"]", "names goal 'power-the-rim', which the level does not have"),
    ("objective = 1\nquiz = [4]", "names quiz question 4, but the level has 3"),
    ("objective = 1", "names no goals and no quiz questions"),
    ("objective = 2\ngoals = [\"on-budget\"]", "objective 2 has two [[evidence]] tables"),
])
def test_evidence_that_names_what_is_not_there_is_a_problem(tmp_path, table, expected):
    text = (REPO / "levels" / "01_agreement_2021.toml").read_text(encoding="utf-8")
    text = text.split("\n# What shows each learning objective")[0] + (
        "\n[[evidence]]\nobjective = 2\ngoals = [\"store-energy\"]\n")  # the level's own, but for one objective
    path = tmp_path / "level.toml"
    path.write_text(f"{text}\n[[evidence]]\n{table}\n", encoding="utf-8")
    problems = " ".join(str(problem) for problem in load_level_by_path(path).problems)
    assert expected in problems


def test_a_run_records_each_objective_and_the_report_counts_it(tmp_path):
    level, catalog = shipped_level()
    run = Simulation(level, catalog)
    run.run_hours(48)
    exported = result_to_json(run_result(level, run, [1, 1, 1]), dt.datetime(2026, 12, 6))
    assert exported["format"] == EXPORT_VERSION and len(exported["objectives_shown"]) == 3
    # Two days in, nothing is built: objectives 1 and 2 wait for their goals; 3 needs questions 1 and 3 right.
    right = [question.answer == 1 for question in level.quiz]
    assert list(exported["objectives_shown"]) == [False, False, right[0] and right[2]]
    rng = random.Random(3)
    shown_counts = [0, 0, 0]
    for number in range(35):
        shown = [rng.random() < 0.6 for _ in range(3)]
        for index, flag in enumerate(shown):
            shown_counts[index] += flag
        result = {**exported, "student": f"S{number}", "class_name": "8B", "objectives_shown": shown}
        (tmp_path / f"s{number}.json").write_text(json.dumps(result), encoding="utf-8")
    report = build_report([tmp_path], "8B")
    (stats,) = report.levels
    assert [count for _, count in stats.objectives] == shown_counts
    assert "Explain why a base at the lunar south pole" in render_report(report)
