"""Loading content as the game does: shipped levels, mod folders layered over the catalog, translations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game import paths
from game.content.loader import load_base_catalog, load_folder, load_game_content, load_level_by_path
from game.content.text import translate

TESTS = Path(__file__).resolve().parent
BASE_LEVEL = TESTS / "fixtures" / "base_level.toml"
SHIPPED_LEVELS = sorted(paths.levels_dir().glob("*.toml"))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def line_showing(path: Path, text: str) -> int:
    (line,) = [number for number, shown in enumerate(path.read_text("utf-8").splitlines(), 1) if text in shown]
    return line


SOLAR_OVERRIDE = """format = 1

[[modules]]
id = "solar_array"
name = "Club solar array"
description = "A lighter array the club designed."
category = "power"
shape = "panel"
mass_kg = 123
cost = 7
solar = true
power_output_w = 5000
placement = { min_sunlight = 0.9 }
"""


# --- the game's own content -------------------------------------------------------------------


def test_there_are_shipped_levels() -> None:
    assert SHIPPED_LEVELS


@pytest.mark.parametrize("path", SHIPPED_LEVELS, ids=[path.stem for path in SHIPPED_LEVELS])
def test_every_shipped_level_loads_with_no_problems(path: Path) -> None:
    loaded = load_level_by_path(path)
    assert [str(problem) for problem in loaded.problems] == []
    assert loaded.ok


def test_the_game_content_has_no_problems_at_all() -> None:
    (game,) = load_game_content([])
    assert [str(problem) for problem in game.problems] == []
    assert len(game.levels) == len(SHIPPED_LEVELS)
    assert all(level.ok for level in game.levels)


def test_every_partner_and_launch_vehicle_names_a_public_source() -> None:
    catalog, problems = load_base_catalog()
    assert problems == []
    assert {"cnsa", "roscosmos"} <= set(catalog.partners)
    for partner in catalog.partners.values():
        assert partner.sources
        for constraint in partner.constraints:
            assert constraint.sources
    for vehicle in catalog.launch_vehicles.values():
        assert vehicle.sources, vehicle.id


# --- mods: a folder's catalog layered over the game's, overriding by id -----------------------------


def test_a_mod_catalog_entry_overrides_the_game_entry_with_the_same_id(tmp_path: Path) -> None:
    mod = tmp_path / "club_mod"
    write(mod / "catalog" / "modules.toml", SOLAR_OVERRIDE)
    game, club = load_game_content([mod])
    assert club.problems == []
    assert club.catalog.modules["solar_array"].mass_kg == 123
    # The game's own catalog is untouched: the override belongs to the mod alone.
    assert game.catalog.modules["solar_array"].mass_kg != 123
    # Entries the mod does not mention still come from the game.
    assert club.catalog.modules["battery"] is game.catalog.modules["battery"]


def test_a_mod_level_is_checked_against_the_mods_override(tmp_path: Path) -> None:
    mod = tmp_path / "club_mod"
    write(mod / "catalog" / "modules.toml", SOLAR_OVERRIDE)
    level = mod / "outpost.toml"
    shutil.copy(BASE_LEVEL, level)
    # The fixture stands a solar array on a peak lit 86 % of the time; the mod's array needs 90 %.
    (loaded,) = load_folder(mod, load_base_catalog()[0]).levels
    line = line_showing(level, '{ module = "solar_array", x = 2, y = 1 }')
    assert [str(problem) for problem in loaded.problems] == [
        f"{loaded.label}:{line}: start.modules[1]: solar_array cannot stand at (2, 1): "
        "needs sunlight: this tile is lit 86% of the time (real), and it needs at least 90% (game value)"
    ]
    # The same file checked on its own (as `lunar-station validate outpost.toml` does) sees the mod too.
    assert [str(p) for p in load_level_by_path(level).problems] == [str(p) for p in loaded.problems]


def test_a_mod_can_add_entries_its_levels_use(tmp_path: Path) -> None:
    mod = tmp_path / "club_mod"
    write(mod / "catalog" / "partners.toml", """format = 1

[[partners]]
id = "lunar_club"
name = "The school lunar club"
kind = "organisation"
profile = "A school club that wants to fly a camera to the Moon."
interests = { astronomy = 0.8 }
sources = ["https://tass.com/science/1263979"]
""")
    text = BASE_LEVEL.read_text(encoding="utf-8").replace('partner = "cnsa"', 'partner = "lunar_club"')
    write(mod / "outpost.toml", text)
    game, club = load_game_content([mod])
    assert club.problems == []
    assert "lunar_club" in club.catalog.partners
    assert "lunar_club" not in game.catalog.partners


def test_mods_in_the_user_mods_folder_are_found() -> None:
    # conftest points LUNAR_STATION_HOME at a fresh folder, so this is never the real user's folder.
    mod = paths.user_mods_dir() / "club_mod"
    write(mod / "catalog" / "modules.toml", SOLAR_OVERRIDE)
    shutil.copy(BASE_LEVEL, mod / "outpost.toml")
    folders = load_game_content()
    assert [folder.path for folder in folders[1:]] == [mod]
    assert folders[1].catalog.modules["solar_array"].mass_kg == 123


def test_no_user_mods_folder_means_the_game_alone() -> None:
    assert not paths.user_mods_dir().exists()
    assert len(load_game_content()) == 1


def test_a_broken_mod_does_not_stop_the_game_or_other_mods_loading(tmp_path: Path) -> None:
    broken = write(tmp_path / "a_broken" / "catalog" / "modules.toml", "format = 1\n[[modules]\n")
    good = tmp_path / "b_good"
    write(good / "catalog" / "modules.toml", SOLAR_OVERRIDE)
    game, bad, fine = load_game_content([broken.parent.parent, good])
    assert game.problems == []
    assert [problem.line for problem in bad.problems] == [2]
    assert "TOML syntax" in bad.problems[0].message
    assert fine.problems == []


# --- a level's own catalog entries -----------------------------------------------------------


def test_a_level_local_catalog_entry_overrides_for_that_level_alone(tmp_path: Path) -> None:
    text = BASE_LEVEL.read_text(encoding="utf-8") + """
[[catalog.tiles]]
id = "peak"
name = "Dusty peak"
sunlight = 0.95
slope_deg = 5
"""
    level = write(tmp_path / "dusty.toml", text)
    loaded = load_level_by_path(level)
    assert loaded.ok, [str(problem) for problem in loaded.problems]
    assert loaded.catalog is not None
    assert loaded.catalog.tiles["peak"].sunlight == 0.95
    base, _ = load_base_catalog()
    assert base.tiles["peak"].sunlight == 0.86
    # The next level loaded sees the game's peak again.
    other = load_level_by_path(BASE_LEVEL)
    assert other.catalog is not None and other.catalog.tiles["peak"].sunlight == 0.86


def test_a_level_local_entry_is_used_by_the_levels_own_map(tmp_path: Path) -> None:
    text = BASE_LEVEL.read_text(encoding="utf-8").replace('"#" = "crater_floor"', '"#" = "ice_field"') + """
[[catalog.tiles]]
id = "ice_field"
name = "Ice field"
sunlight = 0
ice_percent = 5.6
"""
    loaded = load_level_by_path(write(tmp_path / "icy.toml", text))
    assert loaded.ok, [str(problem) for problem in loaded.problems]


# --- translations --------------------------------------------------------------------------------


def test_translations_fall_back_to_english() -> None:
    text = {"en": "The Moon", "zh": "月球", "pt-BR": "A Lua"}
    assert translate(text, "zh") == "月球"
    assert translate(text, "fr") == "The Moon"
    assert translate(text, "zh-Hant") == "月球"  # a regional code falls back to its language first
    assert translate(text, "pt-BR") == "A Lua"
    assert translate(text) == "The Moon"
    assert translate("Plain text", "zh") == "Plain text"


def test_a_translated_level_shows_its_title_in_the_players_language(tmp_path: Path) -> None:
    text = BASE_LEVEL.read_text(encoding="utf-8").replace(
        'title = "Test base"', 'title = { en = "Test base", zh = "测试基地" }'
    )
    loaded = load_level_by_path(write(tmp_path / "translated.toml", text))
    assert loaded.ok
    assert loaded.title("zh") == "测试基地"
    assert loaded.title("ru") == "Test base"


def test_a_broken_level_still_has_a_title_for_the_level_list(tmp_path: Path) -> None:
    text = BASE_LEVEL.read_text(encoding="utf-8").replace(
        'title = "Test base"', 'title = { en = "Test base", zh = "测试基地" }'
    ).replace("budget = 100", 'budget = "lots"')
    loaded = load_level_by_path(write(tmp_path / "broken.toml", text))
    assert not loaded.ok
    assert loaded.title() == "Test base"


def test_a_launch_vehicle_cannot_promise_more_cargo_than_its_lander_carries(tmp_path):
    from game.content.loader import load_base_catalog, load_folder

    base, _ = load_base_catalog()
    mod = tmp_path / "overload"
    (mod / "catalog").mkdir(parents=True)
    (mod / "catalog" / "rockets.toml").write_text(
        'format = 1\n[[launch_vehicles]]\nid = "big"\nname = "Big"\npayload_to_surface_kg = 9000\n'
        'cost = 1\ncadence_days = 1\nlander = "change_class"\n',
        encoding="utf-8",
    )
    problems = [str(problem) for problem in load_folder(mod, base).catalog_problems]
    assert any(
        "rockets.toml:5: launch_vehicles[0].payload_to_surface_kg: 9000 kg is more than its lander 'change_class'"
        in problem
        for problem in problems
    ), problems
