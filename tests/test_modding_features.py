"""What modders reach for first: distance rules and Earth out of view, events on what happens, their own
translations, timeline milestones and pictures. Each written as a modder would, then played headless."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from game import cli
from game.content.loader import load_game_content, load_level_by_path
from game.content.message import Message
from game.content.text import translate
from game.content.timeline import load_timelines
from game.ecs.commands import PlaceModule
from game.ecs.events import LevelEventFired
from game.simulation.simulation import Simulation

REPO = Path(__file__).resolve().parent.parent
BASE_LEVEL = REPO / "tests" / "fixtures" / "base_level.toml"

# A reactor with an exclusion zone, a habitat that wants to be near the pad, and a radio dish that wants Earth
# hidden. Numbers are game values for the tests.
CATALOG = """format = 1

[[modules]]
id = "club_reactor"
extends = "fission_power_unit"
tags = ["nuclear"]
placement = { away_from = [{ tag = "crewed", tiles = 3 }], max_slope_deg = 90 }

[[modules]]
id = "club_habitat"
extends = "battery"
name = "Club habitat"
tags = ["crewed"]
placement = { near = [{ module = "landing_pad", tiles = 2 }], max_slope_deg = 90 }

[[modules]]
id = "quiet_dish"
extends = "battery"
name = "Quiet dish"
placement = { needs_earth_hidden = true, max_slope_deg = 90 }
"""


def make_mod(folder: Path, level_extra: str = "", catalog: str = CATALOG) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = BASE_LEVEL.read_text(encoding="utf-8").replace('id = "test-base"', 'id = "club-base"')
    text = text.replace("budget = 100", "budget = 5000")
    (folder / "club.toml").write_text(text + level_extra, encoding="utf-8")
    (folder / "catalog").mkdir(exist_ok=True)
    (folder / "catalog" / "modules.toml").write_text(catalog, encoding="utf-8")
    return folder


def simulation_for(mod: Path) -> Simulation:
    loaded = load_level_by_path(mod / "club.toml")
    assert [str(problem) for problem in loaded.problems] == []
    level, catalog = loaded.require()
    return Simulation(level, catalog, seed=0)


def reason(simulation: Simulation, module: str, x: int, y: int) -> str:
    preview = simulation.preview(module, x, y)
    return "" if preview.ok else str(preview.reason)


def test_within_n_tiles_of_a_module(tmp_path):
    simulation = simulation_for(make_mod(tmp_path / "club"))
    try:
        # The pad stands at (6, 2) and covers (6..7, 2..3): (9, 2) is 2 tiles away, (9, 0)... also 2; (0, 3) is 6.
        assert reason(simulation, "club_habitat", 9, 2) == ""
        far = reason(simulation, "club_habitat", 0, 3)
        assert "must stand within 2 tiles of landing pad: the nearest is 6 tiles away" in far
    finally:
        simulation.close()


def test_an_exclusion_zone_holds_both_ways(tmp_path):
    mod = make_mod(tmp_path / "club")
    text = (mod / "club.toml").read_text(encoding="utf-8").replace('launch_vehicles = ["long_march_5"]\n', "")
    (mod / "club.toml").write_text(text, encoding="utf-8")  # no launches: modules are assembled where placed
    simulation = simulation_for(mod)
    try:
        simulation.queue(PlaceModule("club_habitat", 8, 1))
        simulation.run_hours(1)
        # The reactor's own rule: 2 × 2 at (8, 3) would touch the habitat at (8, 1)'s row 2 tiles away.
        assert "must stand at least 3 tiles from a module tagged 'crewed': club habitat is only 2 tiles away" in \
            reason(simulation, "club_reactor", 8, 3)
        assert reason(simulation, "club_reactor", 3, 3) == ""
        simulation.queue(PlaceModule("club_reactor", 3, 3))
        simulation.run_hours(1)
        assert (3, 3) in simulation.ctx.occupied
        # The zone holds the other way too: a crewed module may not come within 3 tiles of the standing reactor.
        assert "Fission power unit keeps a module tagged 'crewed' at least 3 tiles away, and this spot is only 1" \
            in reason(simulation, "club_habitat", 5, 2)
    finally:
        simulation.close()


def test_only_where_earth_is_hidden(tmp_path):
    simulation = simulation_for(make_mod(tmp_path / "club"))
    try:
        assert "needs Earth out of view" in reason(simulation, "quiet_dish", 9, 0)  # plain: Earth in view
        assert reason(simulation, "quiet_dish", 0, 4) == ""  # crater floor: Earth hidden
    finally:
        simulation.close()


def test_a_start_module_breaking_a_distance_rule_is_a_problem(tmp_path):
    mod = make_mod(tmp_path / "club")
    text = (mod / "club.toml").read_text(encoding="utf-8").replace(
        '{ module = "solar_array", x = 2, y = 1 },', '{ module = "solar_array", x = 2, y = 1 },\n'
        '    { module = "club_habitat", x = 0, y = 3 },')
    (mod / "club.toml").write_text(text, encoding="utf-8")
    problems = [str(problem) for problem in load_level_by_path(mod / "club.toml").problems]
    assert any("club_habitat cannot stand at (0, 3): must stand within 2 tiles of landing pad" in p for p in problems)


def test_a_rule_naming_an_unknown_module_or_tag_is_a_problem(tmp_path):
    catalog = CATALOG.replace('tag = "crewed"', 'tag = "crewd"')
    catalog = catalog.replace('module = "landing_pad"', 'module = "landing_pd"')
    folders = load_game_content([make_mod(tmp_path / "club", catalog=catalog)])
    said = "\n".join(str(problem) for problem in folders[1].catalog_problems)
    assert "placement.away_from[0].tag: no module has the tag 'crewd' (did you mean 'crewed'?)" in said
    assert "placement.near[0].module: unknown module 'landing_pd' (did you mean 'landing_pad'?)" in said


EVENTS = """
[[events]]
id = "habitat-done"
kind = "news"
text = "The club habitat is finished."
when = { module_finished = "club_habitat" }

[[events]]
id = "battery-low"
kind = "news"
text = "The stores run low."
max_times = 3
when = { resource_below = { water = 5 } }
"""


def fired(events: list[object], event_id: str) -> int:
    return sum(1 for event in events if isinstance(event, LevelEventFired) and event.event == event_id)


def test_events_fire_when_something_happens(tmp_path):
    mod = make_mod(tmp_path / "club", level_extra=EVENTS)
    text = (mod / "club.toml").read_text(encoding="utf-8").replace('launch_vehicles = ["long_march_5"]\n', "")
    text = text.replace("[start]\nbudget = 5000", "[start]\nbudget = 5000\nresources = { water = 10 }")
    (mod / "club.toml").write_text(text, encoding="utf-8")
    simulation = simulation_for(mod)
    try:
        events = simulation.run_hours(2)
        assert fired(events, "habitat-done") == 0 and fired(events, "battery-low") == 0
        simulation.queue(PlaceModule("club_habitat", 8, 2))  # beside the pad, which links it for assembly
        simulation.ctx.station.resources["water"] = 1  # below the level: fires once, not every hour
        events = simulation.run_hours(24 * 5)
        assert fired(events, "habitat-done") == 1
        assert fired(events, "battery-low") == 1
        simulation.ctx.station.resources["water"] = 20
        simulation.run_hours(1)
        simulation.ctx.station.resources["water"] = 0
        assert fired(simulation.run_hours(2), "battery-low") == 1  # fell below again: fires again
    finally:
        simulation.close()


@pytest.mark.parametrize(("when", "message"), [
    ('{ module_finished = "habitatt" }', "unknown module 'habitatt' (did you mean 'habitat'?)"),
    ('{ partner_joined = "esa" }', "waits for partner 'esa' to join, which is not in the level's [[partners]]"),
    ('{ landing = "bumpy" }', "'bumpy' is not allowed here"),
    ('{ landing = "crash", partner_joined = "cnsa" }', "'when' needs exactly one of"),
    ('{ resource_below = { water = 5, food = 2 } }', "names exactly one resource"),
])
def test_a_wrong_trigger_says_what_is_wrong(tmp_path, when, message):
    extra = f'\n[[events]]\nid = "wrong"\nkind = "news"\ntext = "Wrong."\nwhen = {when}\n'
    mod = make_mod(tmp_path / "club", level_extra=extra)
    problems = "\n".join(str(problem) for problem in load_level_by_path(mod / "club.toml").problems)
    assert message in problems


def test_a_landing_graded_fires_its_event(tmp_path):
    extra = '\n[[events]]\nid = "touchdown"\nkind = "news"\ntext = "Down."\nwhen = { landing = "perfect" }\n' \
            'max_times = 5\n'
    extra += '\n[[events]]\nid = "lost"\nkind = "news"\ntext = "Lost."\nwhen = { landing = "crash" }\nmax_times = 5\n'
    simulation = simulation_for(make_mod(tmp_path / "club", level_extra=extra))
    try:
        simulation.queue(PlaceModule("battery", 9, 0))
        events = simulation.run_hours(24 * 10)
        from game.ecs.events import LandingResolved

        grades = [event.grade for event in events if isinstance(event, LandingResolved)]
        assert grades, "the battery should have flown and landed in ten days"
        assert fired(events, "touchdown") == grades.count("perfect")
        assert fired(events, "lost") == grades.count("crash")
    finally:
        simulation.close()


def test_a_mod_ships_its_own_translations(tmp_path, capsys):
    mod = make_mod(tmp_path / "club")
    (mod / "lang").mkdir()
    (mod / "lang" / "fr.toml").write_text(
        'name = "Français"\n[messages]\n"Test base" = "Base d\'essai"\n"Club habitat" = "Habitat du club"\n',
        encoding="utf-8")
    (club,) = load_game_content([mod])[1:]
    (level,) = club.levels
    assert level.level is not None
    assert translate(level.level.title, "fr") == "Base d'essai"
    assert translate(level.level.title, "zh") == "Test base"
    assert translate(club.catalog.modules["club_habitat"].name, "fr") == "Habitat du club"
    assert cli.main(["validate", str(mod / "lang")]) == 0
    assert "lang/fr.toml: ok" in capsys.readouterr().out
    (mod / "lang" / "english.toml").write_text("[messages]\n", encoding="utf-8")
    assert cli.main(["validate", str(mod)]) == 1
    assert "'english' is not a language to translate into" in capsys.readouterr().out
    assert cli.main(["validate", str(mod / "lang" / "english.toml")]) == 1


MILESTONES = """format = 1

[[milestones]]
id = "club-founded"
kind = "partner"
date = 2024-09-01
title = "The school club starts"
text = "A school's space club starts its own lunar station mod."
sources = ["https://example.org/club"]
"""


def test_a_mod_adds_milestones_to_the_timeline(tmp_path, capsys):
    mod = make_mod(tmp_path / "club")
    (mod / "timeline").mkdir()
    (mod / "timeline" / "milestones.toml").write_text(MILESTONES, encoding="utf-8")
    timeline = load_timelines([mod])
    assert timeline.problems == []
    assert "club-founded" in [milestone.id for milestone in timeline.milestones]
    assert cli.main(["validate", str(mod)]) == 0
    assert "timeline/milestones.toml: ok" in capsys.readouterr().out
    (mod / "timeline" / "milestones.toml").write_text(MILESTONES.replace("club-founded", "memorandum"),
                                                      encoding="utf-8")
    assert cli.main(["validate", str(mod)]) == 1
    assert "the milestone id 'memorandum' is already used in the game's timeline" in capsys.readouterr().out
    assert "memorandum" not in [m.id for m in load_timelines([mod]).milestones if m.title == "The school club starts"]


def png(width: int, height: int) -> bytes:
    """A real PNG of one grey colour, made without pygame."""
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_sprites_and_previews_are_pngs_inside_the_mod_and_small(tmp_path, capsys):
    catalog = CATALOG + 'sprite = "art/dish.png"\n'
    mod = make_mod(tmp_path / "club", catalog=catalog)
    text = (mod / "club.toml").read_text(encoding="utf-8").replace('title = "Test base"',
                                                                  'title = "Test base"\npreview = "art/preview.png"')
    (mod / "club.toml").write_text(text, encoding="utf-8")
    assert cli.main(["validate", str(mod)]) == 1
    out = capsys.readouterr().out
    assert "sprite: no picture 'art/dish.png' in club/" in out
    assert "preview: no picture 'art/preview.png' in club/" in out
    (mod / "art").mkdir()
    (mod / "art" / "dish.png").write_bytes(png(64, 64))
    (mod / "art" / "preview.png").write_bytes(png(320, 180))
    assert cli.main(["validate", str(mod)]) == 0, capsys.readouterr().out
    capsys.readouterr()
    (mod / "art" / "dish.png").write_bytes(png(300, 20))
    (mod / "art" / "preview.png").write_text("not a picture", encoding="utf-8")
    assert cli.main(["validate", str(mod)]) == 1
    out = capsys.readouterr().out
    assert "'art/dish.png' is 300 × 20 pixels; it may be at most 256 × 256" in out
    assert "'art/preview.png' is not a PNG picture" in out
    (mod / "club.toml").write_text(text.replace("art/preview.png", "../../outside.png"), encoding="utf-8")
    assert cli.main(["validate", str(mod)]) == 1
    assert "is outside the folder club/" in capsys.readouterr().out


def test_reasons_are_messages_a_screen_can_translate(tmp_path):
    simulation = simulation_for(make_mod(tmp_path / "club"))
    try:
        preview = simulation.preview("quiet_dish", 9, 0)
        assert isinstance(preview.reason, Message)
    finally:
        simulation.close()


def test_an_event_goal_is_met_when_its_event_fires(tmp_path):
    extra = EVENTS.replace('max_times = 3\n', "") + (
        '\n[[goals]]\nid = "wait"\nkind = "event"\nevent = "habitat-done"\ntext = "Finish the habitat."\n'
    )
    mod = make_mod(tmp_path / "club", level_extra=extra)
    text = (mod / "club.toml").read_text(encoding="utf-8").replace('launch_vehicles = ["long_march_5"]\n', "")
    (mod / "club.toml").write_text(text, encoding="utf-8")
    simulation = simulation_for(mod)
    try:
        simulation.run_hours(2)
        assert simulation.ctx.station.goals["wait"] == "pending"
        simulation.queue(PlaceModule("club_habitat", 8, 2))
        simulation.run_hours(24 * 5)
        assert simulation.ctx.station.goals["wait"] == "met"
    finally:
        simulation.close()
    bad = make_mod(tmp_path / "bad", level_extra='\n[[goals]]\nid = "wait"\nkind = "event"\nevent = "nothing"\n'
                                                 'text = "Wait."\n')
    problems = "\n".join(str(problem) for problem in load_level_by_path(bad / "club.toml").problems)
    assert "goals[1].event: unknown event of this level 'nothing'" in problems


def test_an_event_fires_when_a_partner_joins(tmp_path):
    extra = (
        '\n[[events]]\nid = "invite"\nkind = "partner"\nday = 1\ntext = "Roscosmos signs."\n'
        'effect = { partner = "roscosmos", join = true }\n'
        '\n[[events]]\nid = "welcome"\nkind = "news"\ntext = "Welcome aboard."\n'
        'when = { partner_joined = "roscosmos" }\n'
    )
    mod = make_mod(tmp_path / "club", level_extra=extra)
    text = (mod / "club.toml").read_text(encoding="utf-8").replace(
        '[[partners]]\npartner = "cnsa"\n', '[[partners]]\npartner = "cnsa"\n\n[[partners]]\npartner = "roscosmos"\n'
        'member = false\n')
    (mod / "club.toml").write_text(text, encoding="utf-8")
    simulation = simulation_for(mod)
    try:
        events = simulation.run_hours(24 * 2)
        assert fired(events, "invite") == 1
        assert fired(events, "welcome") == 1
    finally:
        simulation.close()
