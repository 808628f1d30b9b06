"""Campaign progress: best scores and facts met survive a restart, damaged files give a sentence, unlocking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.progress import (
    Progress,
    is_unlocked,
    load_progress,
    mark_completed,
    mark_fact_seen,
    progress_path,
    unlocked_count,
)
from game.settings import Settings


def test_no_file_is_a_fresh_start_without_a_warning() -> None:
    progress = load_progress()
    assert progress.completed == {} and progress.facts_seen == set() and progress.warning is None


def test_a_won_level_and_its_best_score_round_trip() -> None:
    mark_completed("agreement-2021", 700)
    mark_completed("agreement-2021", 500)  # a worse run keeps the best
    mark_completed("change-7", 300)
    progress = load_progress()
    assert progress.completed == {"agreement-2021": 700, "change-7": 300}
    mark_completed("agreement-2021", 900)
    assert load_progress().best_score("agreement-2021") == 900
    assert load_progress().best_score("never-played") is None


def test_facts_met_round_trip_and_are_kept_beside_scores() -> None:
    mark_completed("agreement-2021", 100)
    mark_fact_seen("memorandum-2021")
    mark_fact_seen("memorandum-2021")
    progress = load_progress()
    assert progress.facts_seen == {"memorandum-2021"}
    assert progress.completed == {"agreement-2021": 100}


def test_progress_lives_in_the_user_data_folder(user_home: Path) -> None:
    mark_completed("agreement-2021", 1)
    assert progress_path().is_file() and user_home in progress_path().parents


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("{not json", "damaged"),
        ("[1, 2]", "one JSON object"),
        ('{"completed": {}}', "no format number"),
        ('{"format": 99, "completed": {}}', "newer version"),
        ('{"format": 1, "completed": {"a": "lots"}}', "whole-number scores"),
        ('{"format": 1, "completed": {"a": true}}', "whole-number scores"),
        ('{"format": 1, "facts_seen": "memorandum"}', "list of fact ids"),
    ],
)
def test_a_damaged_file_gives_one_sentence_and_is_kept_aside(content: str, said: str) -> None:
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    progress = load_progress()
    assert progress.completed == {}
    assert progress.warning is not None and said in progress.warning
    assert progress.warning.startswith("Your campaign progress") and progress.warning.endswith(".")
    assert "\n" not in progress.warning and "Traceback" not in progress.warning
    [kept] = path.parent.glob("progress.*-1.json")  # named for why it was kept: damaged, newer-version
    assert kept.read_text(encoding="utf-8") == content and not path.exists()
    # Playing on after the warning works and writes a good file.
    mark_completed("agreement-2021", 10)
    assert load_progress().completed == {"agreement-2021": 10}
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == 1


def test_an_unreadable_file_gives_a_sentence(tmp_path: Path) -> None:
    folder_in_the_way = tmp_path / "progress.json"
    folder_in_the_way.mkdir()
    progress = load_progress(folder_in_the_way)
    assert progress.warning is not None and "is not a file" in progress.warning
    assert (tmp_path / "progress.not-a-file-1.json").is_dir()  # moved aside, kept as it was


CAMPAIGN = ["one", "two", "three", "four"]


@pytest.mark.parametrize(
    ("won", "unlock_all", "expected"),
    [
        ({}, False, 1),  # the first level is always open
        ({"one": 5}, False, 2),
        ({"one": 5, "two": 1}, False, 3),
        ({"two": 1}, False, 1),  # winning a later level (in teacher mode) does not skip the order
        ({"one": 1, "two": 1, "three": 1, "four": 1}, False, 4),
        ({}, True, 4),  # teacher mode opens every level for the class
    ],
)
def test_campaign_levels_unlock_in_order(won: dict[str, int], unlock_all: bool, expected: int) -> None:
    assert unlocked_count(CAMPAIGN, Progress(completed=won), unlock_all) == expected


def test_is_unlocked_by_level_and_outside_the_campaign() -> None:
    progress = Progress(completed={"one": 3})
    assert is_unlocked("one", CAMPAIGN, progress) and is_unlocked("two", CAMPAIGN, progress)
    assert not is_unlocked("three", CAMPAIGN, progress)
    assert is_unlocked("three", CAMPAIGN, progress, unlock_all=True)
    assert is_unlocked("sandbox", CAMPAIGN, progress)  # not in the campaign: never locked
    assert unlocked_count([], progress) == 0


def test_the_teacher_switch_is_off_by_default() -> None:
    assert Settings().unlock_all is False
