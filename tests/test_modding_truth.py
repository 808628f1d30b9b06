"""`validate` says what the game says: the same checks and sentences, whatever path a modder hands it.

Each test builds a small mod the way a modder would, then runs `lunar-station validate` in-process and
compares with what the game's level list makes of the same files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game import cli, paths
from game.content.loader import load_game_content, load_level_by_path
from game.scenes.campaign.level_entries import level_entries

REPO = Path(__file__).resolve().parent.parent
BASE_LEVEL = REPO / "tests" / "fixtures" / "base_level.toml"

RADIO = """
[[modules]]
id = "radio_array"
name = "Radio array"
description = "Listens to the sky where Earth's radio noise cannot reach."
category = "science"
shape = "dish"
mass_kg = {mass}
cost = 40
science_per_day = {{ astronomy = 2 }}
"""
LAMP = """
[[modules]]
id = "lamp_mast"
name = "Lamp mast"
description = "Lights the pad."
category = "infrastructure"
shape = "mast"
mass_kg = 50
cost = 5
"""


def validate(capsys: pytest.CaptureFixture[str], *targets: Path | str) -> tuple[int, str, str]:
    code = cli.main(["validate", *map(str, targets)])
    out, err = capsys.readouterr()
    return code, out, err


def level_text(level_id: str, build: str = "solar_array", count: int = 1) -> str:
    text = BASE_LEVEL.read_text(encoding="utf-8").replace('id = "test-base"', f'id = "{level_id}"')
    goals = "".join(
        f'\n[[goals]]\nid = "build-{index}"\nkind = "build"\nmodule = "{build}"\ntext = "Build it."\n'
        for index in range(count)
    )
    return text + goals


def write_mod(folder: Path, level_id: str = "club-level", catalog: str | None = None, **level: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "club.toml").write_text(level_text(level_id, **level), encoding="utf-8")  # type: ignore[arg-type]
    if catalog is not None:
        (folder / "catalog").mkdir(exist_ok=True)
        (folder / "catalog" / "modules.toml").write_text("format = 1\n" + catalog, encoding="utf-8")
    return folder


def test_a_level_id_a_shipped_level_has_reads_the_same_in_validate_and_in_the_level_list(capsys, tmp_path):
    mod = write_mod(tmp_path / "clash", level_id="agreement-2021")
    code, out, _ = validate(capsys, mod)
    assert code == 1
    entries = level_entries(load_game_content([mod]))
    (broken,) = [entry for entry in entries if not entry.playable]
    sentence = broken.problems[0].message
    assert "'agreement-2021' is already the id of 01_agreement_2021.toml (Lunar Station)" in sentence
    assert f"club.toml:4: id: {sentence}" in out


def test_a_level_id_another_installed_mod_has_is_refused_in_the_games_order(capsys, user_home):
    mods = paths.user_mods_dir()
    write_mod(mods / "a_first", level_id="twin")
    write_mod(mods / "b_second", level_id="twin")
    code, out, _ = validate(capsys, mods / "a_first")
    assert code == 0, out  # the game lists a_first first: its level keeps the id
    code, out, _ = validate(capsys, mods / "b_second")
    assert code == 1
    assert "'twin' is already the id of club.toml (Mod: a_first)" in out
    # A working copy outside the mods folder stands in for the installed mod of its name.
    code, out, _ = validate(capsys, mods / "b_second", mods / "a_first")
    assert code == 1 and out.count("is already the id of") == 1


def test_the_mods_folder_is_checked_mod_by_mod_and_an_empty_folder_is_an_error(capsys, tmp_path):
    mods = tmp_path / "mods"
    write_mod(mods / "one", level_id="one-level")
    write_mod(mods / "two", level_id="two-level", build="solar_aray")
    code, out, _ = validate(capsys, mods)
    assert code == 1
    assert "one/club.toml: ok" in out
    assert "unknown module 'solar_aray' (did you mean 'solar_array'?)" in out
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, _ = validate(capsys, empty)
    assert code == 1
    assert "this folder is empty" in out
    (mods / "hollow").mkdir()
    code, out, _ = validate(capsys, mods / "hollow")
    assert code == 1 and "this folder is empty" in out


def test_a_catalog_folder_passed_directly_is_read_as_catalogs(capsys, tmp_path):
    mod = write_mod(tmp_path / "club", catalog=LAMP)
    (mod / "catalog" / "more.toml").write_text("format = 1\n" + RADIO.format(mass=100), encoding="utf-8")
    code, out, _ = validate(capsys, mod / "catalog")
    assert code == 0, out
    assert "catalog/modules.toml: ok" in out and "catalog/more.toml: ok" in out
    assert "ok: 2 files valid" in out
    code, out, _ = validate(capsys, REPO / "levels" / "catalog")
    assert code == 0, out


def test_a_catalog_file_outside_catalog_is_told_to_move(capsys, tmp_path):
    mod = write_mod(tmp_path / "club")
    (mod / "modules.toml").write_text("format = 1\n" + LAMP, encoding="utf-8")
    code, out, _ = validate(capsys, mod)
    assert code == 1
    assert "modules.toml: this is a catalog file, not a level: move it into catalog/" in out
    assert "missing required key" not in out
    loaded = load_level_by_path(mod / "modules.toml")
    assert [problem.message for problem in loaded.problems] == [
        "this is a catalog file, not a level: move it into catalog/"
    ]


def test_one_broken_catalog_entry_leaves_the_others_and_is_named_once(capsys, tmp_path):
    mod = write_mod(tmp_path / "club", catalog=LAMP + RADIO.format(mass=-5), build="radio_array", count=4)
    code, out, _ = validate(capsys, mod)
    assert code == 1
    assert "catalog/modules.toml:18: modules[1].mass_kg: must be more than 0, not -5" in out
    assert out.count("module 'radio_array' is defined at") == 1
    assert "radio_array' is defined at" in out and "catalog/modules.toml:12 but has problems there" in out
    assert "unknown module" not in out
    (club,) = load_game_content([mod])[1:]
    assert "lamp_mast" in club.catalog.modules  # the sound entry of the same file is there
    assert "radio_array" not in club.catalog.modules


def test_a_missing_required_key_is_the_entrys_problem_not_every_lines(capsys, tmp_path):
    radio = RADIO.format(mass=100).replace('shape = "dish"\n', "")
    mod = write_mod(tmp_path / "club", catalog=radio, build="radio_array", count=3)
    text = (mod / "club.toml").read_text(encoding="utf-8").replace(
        '{ module = "solar_array", x = 2, y = 1 },', '{ module = "solar_array", x = 2, y = 1 },\n'
        '    { module = "radio_array", x = 0, y = 0 },')
    (mod / "club.toml").write_text(text, encoding="utf-8")
    code, out, _ = validate(capsys, mod)
    assert code == 1
    assert "modules[0].shape: missing required key 'shape'" in out
    assert out.count("is defined at") == 1
    assert "problems in 2 files" in out


def test_a_broken_override_does_not_fall_back_to_the_games_entry(tmp_path):
    broken = RADIO.format(mass=100).replace('id = "radio_array"', 'id = "solar_array"').replace("mass_kg = 100",
                                                                                               "mass_kg = -1")
    mod = write_mod(tmp_path / "club", catalog=broken)
    (club,) = load_game_content([mod])[1:]
    assert "solar_array" not in club.catalog.modules
    (level,) = club.levels
    assert any("solar_array' is defined at" in problem.message for problem in level.problems)


def test_a_percentage_where_a_fraction_belongs_says_how_to_write_it(capsys, tmp_path):
    lamp = LAMP + "placement = { min_sunlight = 80 }\n"
    mod = write_mod(tmp_path / "club", catalog=lamp)
    code, out, _ = validate(capsys, mod)
    assert code == 1
    assert "placement.min_sunlight: must be at most 1, not 80: a fraction: 0.8 means 80 %" in out
    assert "1.5: a fraction" not in out


def test_extends_changes_only_the_keys_written(tmp_path):
    catalog = (
        '[[modules]]\nid = "club_array"\nextends = "solar_array"\nname = "Club array"\nmass_kg = 250\n'
        'placement = { min_sunlight = 0.5 }\n'
        '[[modules]]\nid = "battery"\nextends = "battery"\ncost = 1\n'
    )
    mod = write_mod(tmp_path / "club", catalog=catalog, build="club_array")
    game, club = load_game_content([mod])
    assert club.problems == []
    array, parent = club.catalog.modules["club_array"], game.catalog.modules["solar_array"]
    assert (array.mass_kg, array.name, array.power_output_w) == (250, "Club array", parent.power_output_w)
    assert array.placement.min_sunlight == 0.5
    assert array.placement.max_slope_deg == parent.placement.max_slope_deg  # a table of rules merges
    assert club.catalog.modules["battery"].cost == 1
    assert club.catalog.modules["battery"].energy_storage_wh == game.catalog.modules["battery"].energy_storage_wh
    assert game.catalog.modules["battery"].cost != 1


def test_extends_an_unknown_entry_says_so(capsys, tmp_path):
    mod = write_mod(tmp_path / "club", catalog='[[modules]]\nid = "club_array"\nextends = "solar_aray"\n')
    code, out, _ = validate(capsys, mod)
    assert code == 1
    assert "modules[0].extends: unknown module 'solar_aray' (did you mean 'solar_array'?)" in out


def test_installed_mod_levels_are_found_by_id(capsys, user_home):
    write_mod(paths.user_mods_dir() / "club", level_id="club-level")
    assert cli.find_level("club-level") == paths.user_mods_dir() / "club" / "club.toml"
    code, out, _ = validate(capsys, "club-level")
    assert code == 0 and "club.toml: ok" in out
    assert cli.main(["simulate", "club-level", "--days", "1"]) == 0
    assert "Test base: 1 days simulated" in capsys.readouterr().out
