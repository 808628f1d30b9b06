"""How a problem reads: the key path as the modder would write it, and the nearest id suggested."""

from __future__ import annotations

import pytest

from game.content.problems import Problem, did_you_mean, format_path


def test_a_problem_reads_file_line_key_path_and_message() -> None:
    problem = Problem("levels/moon.toml", ("goals", 3, "kind"), "'newz' is not allowed here", 41)
    assert str(problem) == "levels/moon.toml:41: goals[3].kind: 'newz' is not allowed here"
    assert str(Problem("moon.toml", (), "is not UTF-8 text")) == "moon.toml: is not UTF-8 text"


def test_keys_toml_must_quote_stay_quoted() -> None:
    assert format_path(("site", "legend", "^")) == 'site.legend."^"'
    assert format_path(("a b", 0, "c-d_1")) == '"a b"[0].c-d_1'


@pytest.mark.parametrize(
    ("typed", "choices", "meant"),
    [
        ("cnas", ["cnsa", "nasa", "esa"], "cnsa"),  # two letters swapped beats a closer-looking id
        ("habitatt", ["habitat", "habitat_ring"], "habitat"),
        ("solar_aray", ["solar_array", "battery"], "solar_array"),
        ("long_march5", ["long_march_5", "long_march_10", "long_march_9"], "long_march_5"),
    ],
)
def test_did_you_mean_suggests_the_fewest_slips(typed: str, choices: list[str], meant: str) -> None:
    assert did_you_mean(typed, choices) == f" (did you mean '{meant}'?)"


def test_nothing_is_suggested_when_nothing_is_close() -> None:
    assert did_you_mean("zebra", ["habitat", "battery"]) == ""
    assert did_you_mean("x", []) == ""
