"""The rules' reasons reach the player in the player's language: each is a say() message whose pattern the
template tool collects, so a language file translates it whole; names travel as level text; the station's
reason box and the negotiation room draw them through tr."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from game.content.loader import load_base_catalog
from game.content.message import Message
from game.content.models import ModuleSpec, PartnerSpec, Site
from game.content.text import translate
from game.content.ui_text import ENGLISH, Translator
from game.rules.economy import affordability_refusal
from game.rules.grid import SiteGrid
from game.rules.launches import grade_refusal
from game.rules.negotiation import (
    NOTHING_IN_RETURN,
    Offer,
    ProgrammeState,
    counter_reasons,
    describe_changes,
    domain_name,
    evaluate,
    offer_problem,
    respond,
)
from game.rules.placement import CANNOT_BUILD_HERE, cannot_build_here, placement_refusal, refusal_reason
from tests.app_helpers import RecordingFonts
from tests.bracket_language import bracket_translator, is_bracketed

CATALOG, _ = load_base_catalog()
GRID = SiteGrid.from_site(
    Site.model_validate({
        "name": "t",
        "legend": {"^": "peak", ".": "plain", "#": "crater_floor", "s": "shadowed_slope", "o": "boulders"},
        "rows": ["^^..##", "^^..##", "ss..oo", "ss..oo"],
    }),
    CATALOG.tiles,
)


@pytest.fixture(scope="module")
def pseudo() -> Translator:
    """A made-up language built from every line the template tool collects: each reads ⟦like this⟧."""
    return bracket_translator()


def with_rules(module: str, **placement: Any) -> ModuleSpec:
    spec = CATALOG.modules[module]
    return spec.model_copy(update={"placement": spec.placement.model_copy(update=placement)})


# --- placement and money ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "x", "y", "occupied", "english"),
    [
        (CATALOG.modules["habitat"], 5, 3, (), "does not fit: it needs"),
        (CATALOG.modules["habitat"], 2, 0, ((3, 1),), "this ground is already taken by another module"),
        (with_rules("habitat", tiles=["crater_floor", "shadowed_slope"]), 2, 0, (),
         "must stand on permanently shadowed floor or shadowed slope: this tile is intercrater plain"),
        (CATALOG.modules["solar_array"], 4, 0, (), "needs sunlight: this tile is lit 0% of the time"),
        (CATALOG.modules["ice_extractor"], 2, 0, (), "needs ice: this tile holds none"),
        (with_rules("ice_extractor", min_ice_percent=50.0), 4, 0, (), "needs ice: this tile holds only 5.6%"),
        (CATALOG.modules["habitat"], 0, 2, (), "too steep: this ground slopes 32°"),
        (CATALOG.modules["earth_antenna"], 4, 1, (), "needs Earth in view: a ridge hides Earth from this tile"),
    ],
)
def test_every_kind_of_refused_placement_is_a_message_that_translates(
    pseudo: Translator, spec: ModuleSpec, x: int, y: int, occupied: tuple[tuple[int, int], ...], english: str,
) -> None:
    refusal = placement_refusal(spec, x, y, GRID, set(occupied))
    assert isinstance(refusal, Message) and english in refusal
    assert is_bracketed(pseudo(refusal))  # only the language file's line for its pattern wraps it


def test_tile_names_travel_as_level_text_and_show_in_the_players_language() -> None:
    french = {tile_id: tile.model_copy(update={"name": {"en": translate(tile.name), "fr": f"Fr {tile.id}"}})
              for tile_id, tile in CATALOG.tiles.items()}
    grid = SiteGrid.from_site(Site.model_validate({"name": "t", "legend": {".": "plain", "#": "crater_floor"},
                                                   "rows": ["..##"] * 4}), french)
    refusal = placement_refusal(with_rules("habitat", tiles=["crater_floor"]), 0, 0, grid)
    assert refusal == "must stand on permanently shadowed floor: this tile is intercrater plain"
    assert Translator("fr")(refusal) == "must stand on fr crater_floor: this tile is fr plain"


def test_too_expensive_is_a_message_and_names_the_module_in_the_players_language(pseudo: Translator) -> None:
    name = {"en": "Habitat", "fr": "Habitat lunaire"}
    refusal = affordability_refusal(name, 300.0, 120.4)
    assert isinstance(refusal, Message)
    assert refusal == "not enough budget: the habitat costs 300 credits (game value), and you have 120 (game value)"
    assert is_bracketed(pseudo(refusal))
    assert "habitat lunaire" in Translator("fr")(refusal)


def test_the_whole_refusal_sentence_keeps_its_reason_apart(pseudo: Translator) -> None:
    reason = placement_refusal(CATALOG.modules["solar_array"], 4, 0, GRID)
    assert reason is not None
    sentence = cannot_build_here(CATALOG.modules["solar_array"].name, reason)
    assert sentence.pattern == CANNOT_BUILD_HERE
    assert sentence.startswith("Solar array") and sentence.endswith(reason)
    assert refusal_reason(sentence) is reason  # the very message: still translatable, not cut from English
    assert refusal_reason("a plain sentence") == "a plain sentence"
    shown = pseudo(sentence)
    assert is_bracketed(shown) and pseudo(reason) in shown


@pytest.mark.parametrize(("grade", "damage", "haul"), [("bumpy", 0.0, 0.0), ("good", 1.5, 0.0), ("good", 0.0, -1.0)])
def test_a_wrong_landing_result_is_a_message_that_translates(pseudo: Translator, grade: str, damage: float,
                                                            haul: float) -> None:
    refusal = grade_refusal(grade, damage, haul)
    assert isinstance(refusal, Message) and is_bracketed(pseudo(refusal))


# --- negotiation -----------------------------------------------------------------------------------------


def partner_spec(**overrides: Any) -> PartnerSpec:
    """A partner with its name in two languages: every number here is the test's own."""
    data: dict[str, Any] = {
        "id": "tester", "name": {"en": "Test Agency", "fr": "Agence de test"}, "kind": "agency",
        "profile": "A partner for tests.",
        "interests": {"geology": 0.2, "astronomy": 0.9, "space_environment": 0.5, "basic_physics": 0.3,
                      "resource_use": 0.1},
        "capabilities": {"funding_per_year": 100.0, "modules": ["observatory"], "launches": 1,
                         "instruments": ["A telescope"], "crew_candidates": 1},
        "asks": ["data_share", "co_lead_domain"], "starting_trust": 50.0,
        "sources": ["https://example.org/test-agency"],
    }
    data.update(overrides)
    return PartnerSpec.model_validate(data)


CAN_GIVE_ALL = ProgrammeState(producing={domain: "laboratory" for domain in ("astronomy", "space_environment")},
                              module_names={"laboratory": {"en": "Laboratory", "fr": "Laboratoire"}},
                              hostable=frozenset({"observatory"}), largest_payload_kg=1500.0, crewed=True,
                              members=2)


@pytest.mark.parametrize(
    "offer",
    [Offer(), Offer(data_share=("astronomy",)), Offer(funding_per_year=5, data_share=("astrology",)),
     Offer(funding_per_year=-5)],
)
def test_every_offer_problem_is_a_message_that_translates(pseudo: Translator, offer: Offer) -> None:
    problem = offer_problem(offer)
    assert isinstance(problem, Message) and is_bracketed(pseudo(problem))


def test_every_reason_and_law_of_an_evaluation_translates(pseudo: Translator) -> None:
    rich = Offer(funding_per_year=500, modules=("habitat",), launches=3, instruments=2, data_share=("astronomy",),
                 payload_kg=100, crew_seats=2, host_module="laboratory", co_lead="geology")
    evaluation = evaluate(rich, partner_spec(), 30.0, CAN_GIVE_ALL)
    texts = [*evaluation.blocked, *(reason.text for reason in evaluation.reasons)]
    assert len(evaluation.blocked) >= 4 and len(texts) >= 12
    for text in texts:
        assert isinstance(text, Message), text
        assert is_bracketed(pseudo(text)), text
    assert any("Agence de test" in Translator("fr")(text) for text in evaluation.blocked)


def test_a_law_is_quoted_in_the_players_language() -> None:
    law = {"text": {"en": "A law of theirs.", "fr": "Une loi à eux."}, "forbids": ["data_share"],
           "sources": ["https://example.org/a-law"]}
    evaluation = evaluate(Offer(funding_per_year=10, data_share=("astronomy",)), partner_spec(constraints=[law]), 50.0,
                          ProgrammeState())
    assert evaluation.blocked[0] == "Ruled out by law (data share): A law of theirs."
    assert Translator("fr")(evaluation.blocked[0]).endswith("Une loi à eux.")


def test_a_decline_and_a_counter_are_messages_whose_every_part_translates(pseudo: Translator) -> None:
    nothing = respond(Offer(funding_per_year=100), partner_spec(), 50.0, ProgrammeState(), 3)
    assert nothing.decision == "decline" and isinstance(nothing.text, Message)
    shown = pseudo(nothing.text)
    assert is_bracketed(shown) and "Test Agency" in shown
    assert "⟦They would receive nothing they asked for or care about.⟧" in shown
    assert "⟦They want ⟦⟦a share of the data⟧ or ⟦co-leadership⟧⟧, once the station can give it.⟧" in shown
    assert NOTHING_IN_RETURN in [reason.text for reason in nothing.evaluation.reasons]
    assert Translator("fr")(nothing.text).startswith("Agence de test declines:")

    counter = respond(Offer(funding_per_year=40), partner_spec(), 50.0, CAN_GIVE_ALL, 3)
    assert counter.decision == "counter" and counter.counter is not None
    assert isinstance(counter.text, Message) and "proposes changed terms" in counter.text
    shown = pseudo(counter.text)
    reasons = counter_reasons(Offer(funding_per_year=40), counter.counter, partner_spec(), CAN_GIVE_ALL)
    changes = describe_changes(Offer(funding_per_year=40), counter.counter, CAN_GIVE_ALL)
    assert reasons and all(pseudo(reason) in shown for reason in reasons)
    assert isinstance(changes, Message) and pseudo(changes) in shown
    asked = counter_reasons(Offer(funding_per_year=40), Offer(funding_per_year=40, data_share=("astronomy",)),
                            partner_spec(), CAN_GIVE_ALL)
    assert "the station's Laboratory makes it" in asked[0]
    assert "the station's Laboratoire makes it" in Translator("fr")(asked[0])  # the module by its French name


def test_domain_names_are_messages() -> None:
    assert domain_name("astronomy") == "astronomy from the Moon" and isinstance(domain_name("astronomy"), Message)
    assert domain_name("new_domain") == "new domain"


# --- the screens draw them translated --------------------------------------------------------------------


def test_the_station_reason_box_draws_the_translated_reason(pseudo: Translator) -> None:
    from game import paths
    from game.render.text_cache import TextCache
    from game.scenes.station.boxes import draw_reason_box
    from game.scenes.station.tools import GhostPreview

    pygame.init()
    fonts = RecordingFonts(paths.assets_dir() / "fonts")
    fonts.seen = set()
    reason = placement_refusal(CATALOG.modules["solar_array"], 4, 0, GRID)
    preview = GhostPreview(False, reason, (), ((4, 0),), 100.0)
    surface = pygame.Surface((1280, 720))
    draw_reason_box(surface, TextCache(fonts), (200, 200), preview, "Solar array", surface.get_rect(), tr=pseudo)
    drawn = " ".join(sorted(fonts.seen))
    assert "⟦Cannot build the solar array here⟧" in drawn
    assert "⟦⟦needs sunlight:" in drawn  # the reason, translated, in the language's own full stop
    assert "Needs sunlight" not in drawn  # no English sentence made from it


def test_the_ghost_shows_the_reason_alone_when_the_simulation_words_the_whole_sentence() -> None:
    from game.scenes.station.tools import ghost_preview
    from tests.sim_helpers import simulation

    run = simulation(["..##"] * 4, [])
    ghost = ghost_preview(run, "solar_array", (2, 0), False)
    assert not ghost.ok and isinstance(ghost.reason, Message)
    assert ghost.reason.startswith("needs sunlight")  # the box's title names the module
    whole = run.preview("solar_array", 2, 0).reason
    assert whole is not None and whole.startswith("Solar array")
    assert whole.endswith(f"cannot be built here: {ghost.reason}")


def test_the_negotiation_room_draws_its_reasons_and_answer_translated(app: Any) -> None:
    from tests.screen_tour import open_screen

    talks = open_screen(app, "negotiation")
    app.ctx.settings.language = "xx"
    app.ctx.translator = bracket_translator()
    entries = talks.layout().reasoning_entries()
    assert entries and all(is_bracketed(text) for _, text, _ in entries)
    talks.propose()
    assert talks.answer and is_bracketed(talks.layout().answer_text())
    assert ENGLISH(talks.answer) == talks.answer  # kept as the simulation wrote it; shown through tr
