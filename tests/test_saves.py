"""Saved games: a round trip restores the exact state; damaged or older saves are explained and kept."""

from __future__ import annotations

import json

import esper
import pytest

from game.ecs.commands import PlaceModule, ProposeAgreement
from game.ecs.components import Agreement, Module, Partner
from game.rules.negotiation import Offer
from game.saves import SAVE_FORMAT, SaveError, capture, read_save, restore, to_json, write_save
from game.simulation.simulation import Simulation
from tests.sim_helpers import REPO, shipped_level


def _played(hours: int = 200) -> Simulation:
    level, catalog = shipped_level()
    run = Simulation(level, catalog)
    run.run_hours(hours, [(3, PlaceModule("solar_array", 16, 7)), (50, PlaceModule("battery", 20, 14))])
    return run


def test_a_save_restores_the_exact_state(tmp_path):
    run = _played()
    folder = tmp_path / "saves"  # its own folder: tmp_path also holds the test's user home
    folder.mkdir()
    path = write_save(capture(run), folder / "slot1.json")
    level, catalog = shipped_level()
    restored = restore(read_save(path), level, catalog)
    assert restored.state_hash() == run.state_hash()
    assert not restored.has_unsaved_progress
    assert [p.name for p in folder.iterdir()] == ["slot1.json"]  # no temporary file left behind


def test_a_command_given_just_before_saving_is_not_lost(tmp_path):
    # The player clicks, then saves before time moves on: the command waits for the next step.
    run = _played(100)
    run.queue(PlaceModule("solar_array", 17, 7))
    path = write_save(capture(run), tmp_path / "clicked.json")
    level, catalog = shipped_level()
    restored = restore(read_save(path), level, catalog)
    run.run_hours(30)
    restored.run_hours(30)
    assert restored.state_hash() == run.state_hash()
    assert sum(view.module_id == "solar_array" for view in restored.snapshot().modules) == sum(
        view.module_id == "solar_array" for view in run.snapshot().modules
    )


def test_a_save_is_plain_versioned_json(tmp_path):
    path = write_save(capture(_played()), tmp_path / "slot.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == SAVE_FORMAT and data["level"] == "agreement-2021"
    assert data["commands"][0] == {"hour": 3, "kind": "place", "module": "solar_array", "x": 16, "y": 7}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON (line 1"),
        ("[1, 2]", "is not a Lunar Station save"),
        ('{"hello": 1}', "has no format number"),
        ('{"format": 0, "level": "x"}', "saved by an older version of the game (save format 0)"),
        ('{"format": 99}', "saved by a newer version of the game"),
        ('{"format": 1, "level": "agreement-2021"}', "is damaged and cannot be loaded"),
    ],
)
def test_an_unusable_save_gets_a_sentence_and_is_never_overwritten(tmp_path, content, message):
    path = tmp_path / "slot.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SaveError) as raised:
        read_save(path)
    assert message in str(raised.value)
    write_save(capture(_played(10)), path)
    kept = tmp_path / "slot.damaged-1.json"
    assert kept.read_text(encoding="utf-8") == content
    assert read_save(path).hour == 10


def test_a_save_for_another_or_a_changed_level_is_refused(tmp_path):
    save = read_save(write_save(capture(_played(10)), tmp_path / "slot.json"))
    level, catalog = shipped_level()
    with pytest.raises(SaveError, match="belongs to the level"):
        restore(save, level.model_copy(update={"id": "other"}), catalog)
    with pytest.raises(SaveError, match="has changed since this save was made"):
        restore(save, level.model_copy(update={"time_limit_days": 61}), catalog)


def test_a_missing_save_is_a_sentence(tmp_path):
    with pytest.raises(SaveError, match="does not exist"):
        read_save(tmp_path / "nothing.json")


def test_a_save_written_before_proposals_carried_an_offer_still_loads_and_plays_on():
    # Written by the game as it was when a proposal listed its terms beside the partner: 120 days of level 4
    # played by the automated player (places, consultations, data shares, proposals), then the landing mode
    # switched to the player and a module taken down.
    path = REPO / "tests" / "fixtures" / "saves" / "partners_day120.json"
    written = json.loads(path.read_text(encoding="utf-8"))
    save = read_save(path)
    assert {command["kind"] for command in written["commands"]} == {
        "place", "consult", "share_data", "propose", "landing_mode", "demolish"}
    proposals = [command for _, command in save.commands if isinstance(command, ProposeAgreement)]
    assert proposals and all(isinstance(command.offer, Offer) for command in proposals)
    # Saving it again writes the very same commands: the format did not move.
    assert json.loads(json.dumps(to_json(save)))["commands"] == written["commands"]
    level, catalog = shipped_level(REPO / "levels" / "04_partners_2023.toml")
    run = Simulation(level, catalog, save.seed)
    run.run_hours(save.hour, save.commands)
    try:
        assert run.snapshot().agreements, "the replayed proposals signed no agreement"
        assert run.landing_mode == "player"
    finally:
        run.close()


def test_a_long_run_holds_its_singletons_in_the_resources_and_entities_only_for_modules_and_diplomacy():
    # Where simulation state lives (game/ecs/__init__.py), checked on the saved 120 days of level 4.
    save = read_save(REPO / "tests" / "fixtures" / "saves" / "partners_day120.json")
    level, catalog = shipped_level(REPO / "levels" / "04_partners_2023.toml")
    run = Simulation(level, catalog, save.seed)
    run.run_hours(save.hour, save.commands)
    try:
        esper.switch_world(run.world_name)
        held = [{type(c) for c in esper.components_for_entity(entity)} & {Module, Partner, Agreement}
                for entity in esper.get_entities()]
        assert all(held), "an entity that is neither a module, a partner nor an agreement"
        assert set().union(*held) == {Module, Partner, Agreement}
        assert run.ctx.desk.next_agreement > 1
    finally:
        run.close()
