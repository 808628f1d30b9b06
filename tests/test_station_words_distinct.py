"""The station's words that name different things stay different in every language: the stored energy and
the power being made are two readings, and a player who sees "Энергия" twice cannot tell them apart."""

from __future__ import annotations

import pytest

from game import paths
from game.content.ui_text import load_translator
from game.render.build_palette import CATEGORY_NAMES
from game.render.overlays import OVERLAY_SHORT_NAMES
from game.render.resource_bar import ResourceHistory, resource_readings
from game.simulation.views import StationSnapshot

LANGUAGES = ("en", "zh", "ru")
SNAPSHOT = StationSnapshot(hour=5, day=0.2, budget=500, funding_per_year=100, energy_wh=2_000,
                           energy_capacity_wh=8_000, resources={}, capacity={}, science={}, unsent_science={},
                           goals=(), modules=(), outcome="", power_generation_w=10_000, power_draw_w=4_000)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_resource_reading_has_its_own_name(language: str) -> None:
    tr = load_translator(language, [paths.assets_dir() / "lang"])
    labels = [reading.label for reading in resource_readings(SNAPSHOT, ResourceHistory(), tr)]
    assert len(labels) == len(set(labels)), f"two readings share a name in {language}: {labels}"


def test_power_reads_as_power_where_the_language_has_its_own_word() -> None:
    """Russian and Chinese say 'power' (a rate) with their own words, not the ones for stored energy."""
    folder = [paths.assets_dir() / "lang"]
    ru, zh = load_translator("ru", folder), load_translator("zh", folder)
    readings = {reading.key: reading.label for reading in resource_readings(SNAPSHOT, ResourceHistory(), ru)}
    assert (readings["energy"], readings["power"]) == ("Энергия", "Мощность")
    readings = {reading.key: reading.label for reading in resource_readings(SNAPSHOT, ResourceHistory(), zh)}
    assert (readings["energy"], readings["power"]) == ("能量", "功率")


def test_the_bar_the_build_list_and_the_overlay_each_have_their_own_entry() -> None:
    """One English word serving three places forced one translation on all three."""
    assert CATEGORY_NAMES["power"] != "Power" and OVERLAY_SHORT_NAMES["power"] != "Power"
