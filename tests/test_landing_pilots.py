"""Flying whole landings: the autopilot, students' pilots, recording, replay, and level data for landings."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from game.content.catalog import Catalog
from game.content.loader import load_level
from game.content.models import Landing, Level
from game.landing import run
from game.landing.pilot import Observation, PilotCommand, PilotError
from game.landing.pilot_loading import find_pilot
from game.landing.recorder import CSV_COLUMNS, read_recording
from game.landing.run import fly, load_pilot, replay
from tests.landing_helpers import FIRST_LEVEL, SUCCESS, cargo_for, nominal_level

SAMPLE_SEEDS = range(1000, 1024)


@pytest.fixture(scope="module")
def nominal() -> tuple[Level, Catalog]:
    return nominal_level()


def test_the_autopilot_lands_a_seeded_sample_of_nominal_landings(nominal):
    level, catalog = nominal
    failures = []
    for seed in SAMPLE_SEEDS:
        result = fly(level, catalog, seed=seed, cargo=cargo_for(seed, catalog))
        if result.grade.name not in SUCCESS:
            failures.append((seed, result.grade.name, result.grade.reasons))
    assert not failures


def test_the_autopilot_lands_the_heaviest_module_with_the_heavy_lander(nominal):
    level, catalog = nominal
    result = fly(level, catalog, seed=3, cargo="habitat", lander="heavy_cargo_lander")
    assert result.grade.name in SUCCESS, result.summary()


def test_the_same_seed_and_commands_replay_to_the_same_final_state(nominal, tmp_path):
    level, catalog = nominal
    path = tmp_path / "flight.json"
    first = fly(level, catalog, seed=7, record_path=path, cargo="battery")
    recording = read_recording(path)
    assert (recording.seed, recording.cargo, len(recording.commands)) == (7, "battery", first.steps)
    again = replay(recording, level, catalog)
    assert again.final_state == first.final_state
    assert again.grade == first.grade
    other = fly(level, catalog, seed=8, cargo="battery")
    assert other.final_state != first.final_state


def test_a_recording_replays_identically_in_another_process(nominal, tmp_path):
    level, catalog = nominal
    path = tmp_path / "flight.json"
    first = fly(level, catalog, seed=11, record_path=path, cargo="battery")
    # A process of its own, with another hash seed: nothing of this process (a set's order, a cache) may reach a replay.
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from tests.landing_helpers import nominal_level\n"
        "from game.landing.recorder import read_recording\n"
        "from game.landing.run import replay\n"
        "level, catalog = nominal_level()\n"
        "print(json.dumps(replay(read_recording(Path(sys.argv[1])), level, catalog).final_state))\n"
    )
    environment = {**os.environ, "PYTHONHASHSEED": "12345"}
    again = subprocess.run(
        [sys.executable, "-c", script, str(path)], cwd=FIRST_LEVEL.parent.parent, capture_output=True, text=True,
        timeout=120, env=environment, check=True,
    )
    assert tuple(json.loads(again.stdout)) == first.final_state


def test_the_flight_recorder_exports_a_csv_time_series(nominal, tmp_path):
    level, catalog = nominal
    path = tmp_path / "flight.csv"
    result = fly(level, catalog, seed=2, record_path=path)
    with path.open(encoding="utf-8") as text:
        rows = list(csv.reader(text))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == result.steps + 1
    altitudes = [float(row[1]) for row in rows[1:]]
    propellant = [float(row[7]) for row in rows[1:]]
    assert altitudes[0] > 400 and altitudes[-1] < 1
    assert propellant == sorted(propellant, reverse=True), "propellant only ever goes down"


def test_a_landing_without_a_landing_table_flies_the_defaults(nominal):
    level, catalog = nominal
    result = fly(level.model_copy(update={"landing": None}), catalog, seed=1)
    assert result.status == "landed"
    assert json.loads(json.dumps(result.as_dict()))["grade"] == result.grade.name


def test_a_pilot_that_never_fires_crashes_and_says_why(nominal):
    level, catalog = nominal
    result = fly(level, catalog, pilot=lambda seen: PilotCommand(), seed=0, cargo="battery")
    assert result.grade.name == "crash"
    assert result.grade.cargo_damage == 1.0
    assert "Came down at" in result.summary() or "hull" in result.summary()


def test_a_pilot_that_fails_gets_a_sentence_with_the_time(nominal):
    level, catalog = nominal

    def broken(seen: Observation) -> PilotCommand:
        if seen.time_s > 1.0:
            raise ZeroDivisionError("division by zero")
        return PilotCommand()

    with pytest.raises(PilotError, match=r"the pilot failed at 1\.02 s with ZeroDivisionError: division by zero"):
        fly(level, catalog, pilot=broken)
    with pytest.raises(PilotError, match="it must return PilotCommand"):
        fly(level, catalog, pilot=lambda seen: "full throttle")  # type: ignore[arg-type,return-value]


def test_a_bad_cargo_or_lander_gets_a_sentence(nominal):
    level, catalog = nominal
    with pytest.raises(ValueError,
                       match="cargo is not in the catalog: unknown module 'batery' \\(did you mean 'battery'\\?\\)"):
        fly(level, catalog, cargo="batery")
    with pytest.raises(ValueError, match="unknown lander 'heavy'"):
        fly(level, catalog, lander="heavy")
    with pytest.raises(ValueError, match="Gravity must be more than 0"):
        fly(level, catalog, gravity=-1.0)


# --- load_pilot: 'module:function' from a student ----------------------------------------------------

STUDENT_PILOT = textwrap.dedent("""
    from game.landing.pilot import PilotCommand

    def hover(seen):
        return PilotCommand(throttle=seen.mass_kg * seen.gravity_m_s2 / seen.max_thrust_n)

    SPEED = 3
""")


@pytest.fixture
def in_student_folder(tmp_path, monkeypatch):
    (tmp_path / "my_pilot.py").write_text(STUDENT_PILOT, encoding="utf-8")
    (tmp_path / "typo_pilot.py").write_text("def fly(seen)\n    return None\n", encoding="utf-8")
    (tmp_path / "needy_pilot.py").write_text("import no_such_library_xyz\n", encoding="utf-8")
    (tmp_path / "loud_pilot.py").write_text("raise RuntimeError('boom')\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_load_pilot_finds_a_function_in_the_working_folder(in_student_folder):
    assert load_pilot("my_pilot:hover").__name__ == "hover"
    assert load_pilot(str(in_student_folder / "my_pilot.py") + ":hover").__name__ == "hover"


@pytest.mark.parametrize(
    ("spec", "sentence"),
    [
        ("my_pilot", "'my_pilot' does not name a pilot: write it as module:function, for example my_pilot:fly"),
        ("my_pilot:", "does not name a pilot"),
        ("my_pilot:ho-ver", "'ho-ver' is not a function name that Python allows"),
        ("no_such_pilot:fly", "there is no pilot module 'no_such_pilot' (is no_such_pilot.py in this folder?)"),
        ("my_pilot:hovr", "'my_pilot' has no function 'hovr' (did you mean 'hover'?)"),
        ("my_pilot:SPEED", "'my_pilot:SPEED' is a int, not a function that takes an observation"),
        ("typo_pilot:fly", "pilot module 'typo_pilot' has a syntax error on line 1"),
        ("needy_pilot:fly", "pilot module 'needy_pilot' needs module 'no_such_library_xyz', which is not installed"),
        ("loud_pilot:fly", "pilot module 'loud_pilot' failed while loading: RuntimeError: boom"),
        ("elsewhere/nothing.py:fly", "there is no pilot file 'elsewhere/nothing.py'"),
        ("my pilot:fly", "'my pilot' is not a module name"),
    ],
)
def test_a_bad_pilot_spec_is_one_readable_sentence(in_student_folder, spec, sentence):
    # The sentences are find_pilot's, which load_pilot runs in the pilot's process (a third of a second to start):
    # here it runs in this one, and the next test checks that the sentences come through the process unchanged.
    with _forgetting_imports(), pytest.raises(ValueError) as caught:
        find_pilot(spec)
    message = str(caught.value)
    assert sentence in message
    assert "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize("spec", ["my_pilot:hovr", "loud_pilot:fly"])
def test_load_pilot_says_what_its_process_found_word_for_word(in_student_folder, spec):
    with _forgetting_imports(), pytest.raises(ValueError) as here:
        find_pilot(spec)
    with pytest.raises(ValueError) as there:
        load_pilot(spec)
    assert str(there.value) == str(here.value)


@contextmanager
def _forgetting_imports() -> Iterator[None]:
    """Student modules imported in the block are forgotten after it, as the pilot's process forgets them when it
    ends: the next test's folder may hold another module of the same name."""
    before = set(sys.modules)
    try:
        yield
    finally:
        for name in set(sys.modules) - before:
            if not name.startswith("game"):
                del sys.modules[name]


def test_the_first_pilot_in_the_students_guide_lands(tmp_path, monkeypatch, nominal):
    guide = (FIRST_LEVEL.parent.parent / "docs" / "LANDING.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in guide.split("```python\n")[1:]]
    example = next(block for block in blocks if "def fly(seen)" in block)
    (tmp_path / "guide_pilot.py").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    pilot = load_pilot("guide_pilot:fly")
    level, catalog = nominal
    grades = [fly(level, catalog, pilot=pilot, seed=seed, cargo="battery").grade.name for seed in range(5)]
    assert "crash" not in grades, grades


# --- level data for landings -----------------------------------------------------------------------

def test_a_level_landing_table_is_checked_against_the_catalog(tmp_path):
    from game.content.loader import load_base_catalog

    catalog, _ = load_base_catalog()
    # The level's own [landing] tables (they close the file) give way to the broken one under test.
    level_text = FIRST_LEVEL.read_text(encoding="utf-8").partition("\n[landing]")[0]
    text = level_text + "\n" + textwrap.dedent("""
        [landing]
        lander = "change_clas"
        cargo = "habitatt"
        target_x_m = 300

        [landing.terrain]
        points = [[0, 0], [200, 10], [150, 12], [600, 0]]
    """)
    path = tmp_path / "with_landing.toml"
    path.write_text(text, encoding="utf-8")
    problems = [str(problem) for problem in load_level(path, catalog).problems]
    assert any("landing.terrain: terrain points must go left to right: x = 150 comes after x = 200" in p
               for p in problems), problems
    path.write_text(text.replace("[150, 12], ", ""), encoding="utf-8")
    problems = [str(problem) for problem in load_level(path, catalog).problems]
    assert any("landing.lander: unknown lander 'change_clas' (did you mean 'change_class'?)" in p for p in problems)
    assert any("landing.cargo: unknown module 'habitatt' (did you mean 'habitat'?)" in p for p in problems)


def test_a_drawn_ground_is_flown_as_drawn(nominal):
    level, catalog = nominal
    landing = Landing.model_validate({
        "terrain": {"points": [[0, 40], [250, 0], [350, 0], [600, 30]]},
        "target_x_m": 300, "start_offset_m": -100,
        "dispersion": {"x_m": 20, "altitude_m": 20, "speed_m_s": 2, "angle_deg": 2},
    })
    result = fly(level.model_copy(update={"landing": landing}), catalog, seed=4, cargo="battery")
    assert result.grade.name in SUCCESS, result.summary()
    assert result.final.y_m < 10


# --- the pilot's own process ---------------------------------------------------------------------------------------

def test_a_stuck_pilot_is_ended_with_its_process_and_the_sentence_names_the_step(in_student_folder, nominal,
                                                                                   monkeypatch):
    # Swallowing every exception in a loop: no signal can stop this on Python 3.10 or Windows; ending its process can.
    # The stuck pilot spins for a whole step's budget: 0.3 s here (tests/test_hostile_files.py keeps the real 1 s).
    monkeypatch.setattr(run, "PILOT_STEP_SECONDS", 0.3)
    (in_student_folder / "stuck_pilot.py").write_text(textwrap.dedent("""
        def fly(seen):
            while seen.time_s > 0.5:
                try:
                    pass
                except BaseException:
                    pass
            return (0.4, 0.0)
    """), encoding="utf-8")
    level, catalog = nominal
    pilot = load_pilot("stuck_pilot:fly")
    with pytest.raises(PilotError, match=r"the pilot took more than 0\.3 s to answer at 0\.52 s: a pilot has 0\.3 s"):
        fly(level, catalog, pilot=pilot, seed=0)
    assert not pilot._process.is_alive()
    with pytest.raises(PilotError, match="already ended"):
        pilot(fly(level, catalog, seed=0).final)


def test_a_pilot_in_its_process_flies_exactly_as_it_would_in_this_one(in_student_folder, nominal):
    level, catalog = nominal
    with load_pilot("my_pilot:hover") as far, _forgetting_imports():
        near = find_pilot("my_pilot:hover")
        for seed in (0, 5):
            flown = fly(level, catalog, pilot=far, seed=seed)
            assert flown.recording.commands[0].throttle > 0, "the student's pilot flew, not a stand-in"
            assert flown.final_state == fly(level, catalog, pilot=near, seed=seed).final_state
        # Called step by step (one exchange a step) it answers as the function itself does.
        seen = fly(level, catalog, seed=1).recording.observations[10]
        assert far(seen) == near(seen)
    assert not far._process.is_alive()
