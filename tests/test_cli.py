"""The command line as a modder, a teacher or a script uses it: run in this process (tests/cli_helpers.py), and in a
process of its own where the start itself is what a test proves."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from game.content.schema import catalog_schema_text, level_schema_text
from tests.cli_helpers import REPO, CliRun, run_cli, run_subprocess

FIRST_LEVEL = REPO / "levels" / "01_agreement_2021.toml"
Cli = Callable[..., CliRun]


@pytest.fixture
def cli(capfd: pytest.CaptureFixture[str]) -> Cli:
    """`cli("validate", "levels", cwd=folder)`: the command line in this process, typed in `cwd` (the checkout)."""
    def run(*args: str, cwd: Path = REPO) -> CliRun:
        return run_cli(args, capfd, cwd)
    return run


def test_validate_the_shipped_levels(cli):
    result = cli("validate", "levels")
    assert result.code == 0, result.out + result.err
    assert "levels/01_agreement_2021.toml: ok" in result.out
    assert result.out.strip().endswith("valid")


def test_validate_checks_the_milestones_file_as_milestones(cli, tmp_path):
    assert cli("validate", "levels/timeline/milestones.toml").code == 0
    broken = tmp_path / "timeline" / "milestones.toml"
    broken.parent.mkdir()
    broken.write_text((REPO / "levels/timeline/milestones.toml").read_text(encoding="utf-8") + "\nstray = 1\n",
                      encoding="utf-8")
    result = cli("validate", str(broken))
    assert result.code == 1
    assert "stray" in result.out and "time_limit_days" not in result.out  # not read as a level


def test_validate_lists_every_problem_with_file_line_and_key(cli, tmp_path):
    text = FIRST_LEVEL.read_text(encoding="utf-8")
    text = text.replace('module = "earth_antenna"', 'module = "earth_antena"')
    text, limits = re.subn(r"^time_limit_days = .*$", "time_limit_days = -5", text, count=1, flags=re.MULTILINE)
    assert limits == 1, "level 01 should state its time_limit_days on a line of its own"
    broken = tmp_path / "broken.toml"
    broken.write_text(text, encoding="utf-8")
    result = cli("validate", str(broken))
    assert result.code == 1
    assert "time_limit_days: must be more than 0, not -5" in result.out
    line = text.splitlines().index("time_limit_days = -5") + 1
    assert f"broken.toml:{line}: time_limit_days" in result.out
    assert "Traceback" not in result.out + result.err


def test_validate_reports_reference_problems_after_the_shape_is_right(cli, tmp_path):
    text = FIRST_LEVEL.read_text(encoding="utf-8").replace('module = "earth_antenna"', 'module = "earth_antena"')
    broken = tmp_path / "typo.toml"
    broken.write_text(text, encoding="utf-8")
    result = cli("validate", str(broken))
    assert result.code == 1
    assert "goals[2].module: unknown module 'earth_antena' (did you mean 'earth_antenna'?)" in result.out


def test_validate_a_mod_folder_with_its_own_catalog(cli, tmp_path):
    mod = tmp_path / "my_mod"
    (mod / "catalog").mkdir(parents=True)
    (mod / "catalog" / "extra.toml").write_text(
        'format = 1\n[[modules]]\nid = "mega_panel"\nname = "Mega panel"\ndescription = "Big."\n'
        'category = "power"\nshape = "panel"\nmass_kg = 900\ncost = 50\npower_output_w = 30000\nsolar = true\n',
        encoding="utf-8",
    )
    level = FIRST_LEVEL.read_text(encoding="utf-8").replace(
        'module = "earth_antenna"', 'module = "mega_panel"'
    ).replace('id = "agreement-2021"', 'id = "mega-2021"')
    (mod / "mega.toml").write_text(level, encoding="utf-8")
    assert cli("validate", str(mod)).code == 0
    assert cli("validate", str(mod / "mega.toml")).code == 0
    assert cli("validate", str(mod / "catalog" / "extra.toml")).code == 0
    assert cli("validate", str(mod / "catalog")).code == 0
    missing = cli("validate", str(FIRST_LEVEL), "no/such/place")
    assert missing.code == 2  # a mistake in the command itself, as MODDING.md promises
    assert "no such file or folder, and no level with that id: no/such/place" in missing.err


def test_validate_finds_a_mod_by_its_folder_name_from_any_folder(cli, tmp_path, user_home):
    """MODDING.md's first steps say `lunar-station validate my_mod`; typed anywhere but the mods folder, it
    answered 'no such file or folder'."""
    mod = user_home / "data" / "mods" / "my_mod"
    mod.mkdir(parents=True)
    level = FIRST_LEVEL.read_text(encoding="utf-8").replace('id = "agreement-2021"', 'id = "my-first-level"')
    (mod / "my_first_level.toml").write_text(level, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # Once as typed in a terminal: a process started in that folder, with the game found through PYTHONPATH.
    typed = run_subprocess(["validate", "my_mod"], cwd=elsewhere)
    assert typed.code == 0 and "my_first_level.toml: ok" in typed.out, typed.text
    result = cli("validate", "my_mod/my_first_level.toml", cwd=elsewhere)
    assert result.code == 0, result.text
    assert cli("validate", "not_a_mod", cwd=elsewhere).code == 2


def test_simulate_is_deterministic_for_a_seed(cli):
    # The first run in a process of its own with another hash seed: no set's order may reach the result.
    first = json.loads(run_subprocess(["simulate", "agreement-2021", "--days", "20", "--json"],
                                      env={"PYTHONHASHSEED": "4711"}).out)
    second = json.loads(cli("simulate", str(FIRST_LEVEL), "--days", "20", "--json").out)
    assert first["state_hash"] == second["state_hash"]
    assert first["days"] == 20
    assert {"resources", "science", "goals", "budget"} <= set(first)
    other = json.loads(cli("simulate", "agreement-2021", "--days", "2", "--seed", "7", "--json").out)
    assert other["seed"] == 7


def test_simulate_runs_a_command_file(cli, tmp_path):
    commands = tmp_path / "plan.json"
    commands.write_text(
        json.dumps(
            [
                {"hour": 0, "kind": "place", "module": "solar_array", "x": 16, "y": 7},
                {"hour": 0, "kind": "place", "module": "solar_array", "x": 8, "y": 13},
            ]
        ),
        encoding="utf-8",
    )
    result = cli("simulate", "agreement-2021", "--days", "2", "--commands", str(commands))
    assert result.code == 0, result.err
    assert "solar_array ×2" in result.out
    assert "Refused: Solar array (vertical, sun-tracking) cannot be built here: needs sunlight" in result.out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[{", "not valid JSON"),
        ('{"hour": 1}', "expected a JSON list"),
        ('[{"kind": "place"}]', "command [0] needs a whole-number 'hour'"),
        ('[{"hour": 0, "kind": "launch"}]', "unknown command kind 'launch'"),
        ('[{"hour": 0, "kind": "place", "module": "x"}]', "wrong keys"),
    ],
)
def test_a_bad_command_file_gets_a_sentence(cli, tmp_path, content, message):
    commands = tmp_path / "plan.json"
    commands.write_text(content, encoding="utf-8")
    result = cli("simulate", "agreement-2021", "--commands", str(commands))
    assert result.code == 1
    assert message in result.err and "Traceback" not in result.err


@pytest.mark.parametrize(
    "args",
    [
        ["bogus"],
        ["simulate"],
        ["simulate", "agreement-2021", "--days", "soon"],
        ["simulate", "agreement-2021", "--seed", "-1"],
        ["validate"],
        ["schema", "--colour"],
    ],
)
def test_a_wrong_argument_is_one_line(cli, args):
    result = cli(*args)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert "--help" in result.err


def test_unknown_level_is_a_sentence(cli):
    result = cli("simulate", "no-such-level")
    assert result.code == 1
    assert result.err.strip() == "lunar-station simulate: no level file or shipped level called 'no-such-level'"


def test_land_flies_the_autopilot_and_records_the_flight(cli, tmp_path):
    record = tmp_path / "flight.csv"
    result = cli("land", "agreement-2021", "--seed", "2", "--record", str(record), "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["grade"] in {"perfect", "good"}
    assert record.read_text(encoding="utf-8").startswith("time_s,altitude_m")


def test_land_with_a_student_pilot_and_a_bad_one(cli, tmp_path):
    (tmp_path / "falling_pilot.py").write_text(
        "from game.landing.pilot import PilotCommand\n"
        "def fly(observation):\n    return PilotCommand(throttle=0.0, attitude=0.0)\n",
        encoding="utf-8",
    )
    crashed = cli("land", str(FIRST_LEVEL), "--pilot", "falling_pilot:fly", cwd=tmp_path)
    assert crashed.code == 0, crashed.err
    assert "crash" in crashed.out
    missing = cli("land", str(FIRST_LEVEL), "--pilot", "falling_pilot:glide", cwd=tmp_path)
    assert missing.code == 1
    assert "has no function 'glide'" in missing.err and "Traceback" not in missing.err


@pytest.mark.parametrize("command", ["validate", "simulate", "land", "schema", "play"])
def test_every_command_has_help(cli, command):
    result = cli(command, "--help")
    assert result.code == 0 and "usage:" in result.out


def test_schema_writes_the_committed_schema(cli, tmp_path):
    out = tmp_path / "schema.json"
    assert cli("schema", "--out", str(out)).code == 0
    assert out.read_text(encoding="utf-8") == (REPO / "levels" / "schema.json").read_text(encoding="utf-8")


def test_committed_schemas_are_not_stale():
    hint = "run: lunar-station schema --out levels/schema.json (and --catalog --out levels/catalog.schema.json)"
    assert (REPO / "levels" / "schema.json").read_text(encoding="utf-8") == level_schema_text(), hint
    assert (REPO / "levels" / "catalog.schema.json").read_text(encoding="utf-8") == catalog_schema_text(), hint


def test_the_console_script_is_installed():
    script = shutil.which("lunar-station")
    if script is None:
        pytest.skip("the package is not installed in this environment")
    # A process of its own: the installed entry point is what is tested.
    result = subprocess.run([script, "validate", "levels"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
