"""Every number a player reads is a real figure with its source or a game value, and every screen says which."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from game.content.figures import WORKED_OUT, status_line, summary_status
from game.content.loader import load_base_catalog, load_game_content, load_level_by_path
from game.content.models import Figure, ModuleSpec, TileKind
from game.paths import levels_dir
from game.render.build_palette import PaletteEntry, power_text
from game.render.tooltip import module_tooltip_lines, terrain_tooltip_lines, tile_tooltip_lines
from game.rules.grid import SiteGrid
from game.scenes.menus.encyclopedia_entries import (
    encyclopedia_entries,
    lander_entry,
    module_entry,
    tile_entry,
    vehicle_entry,
)

CATALOG, PROBLEMS = load_base_catalog()


def _entries():
    for group in (CATALOG.modules, CATALOG.tiles, CATALOG.partners, CATALOG.launch_vehicles, CATALOG.landers):
        yield from group.values()


def _shown(entry) -> list[str]:
    """The fields of `entry` whose numbers some screen shows (those that hold a number other than nothing)."""
    return [name for name in entry.SHOWN_FIGURES
            if getattr(entry, name, None) not in (None, 0, 0.0, {}, [])
            or name in ("mass_kg", "cost", "footprint", "sunlight", "slope_deg")]


def test_the_shipped_catalog_loads() -> None:
    assert not PROBLEMS


@pytest.mark.parametrize("entry", list(_entries()), ids=lambda entry: entry.id)
def test_every_shown_number_has_a_status_and_every_real_one_a_source(entry) -> None:
    for name in _shown(entry):
        figure = entry.figure(name)
        assert figure.status in ("real", "game"), f"{entry.id}.{name}"
        if figure.status == "real":
            assert figure.source and figure.source.startswith("http"), f"{entry.id}.{name} is real with no source"
        if figure.scaled_from is not None:
            assert figure.source, f"{entry.id}.{name} names a real figure with no source"
    assert set(entry.figures) <= set(entry.SHOWN_FIGURES)


def test_a_real_figure_without_a_source_is_refused_with_a_sentence() -> None:
    with pytest.raises(ValidationError, match="a real figure needs 'source'"):
        Figure.model_validate({"status": "real"})
    with pytest.raises(ValidationError, match="needs 'source' too"):
        Figure.model_validate({"status": "game", "scaled_from": "a rocket"})
    tile = {"id": "x", "name": "X", "sunlight": 0.5, "figures": {"sunshine": {"status": "game"}}}
    with pytest.raises(ValidationError, match=r"'figures' names 'sunshine'.*it may name: sunlight"):
        TileKind.model_validate(tile)


def test_the_encyclopedia_marks_every_figure_even_when_the_module_has_sources() -> None:
    # The fission unit has sources for its power; its mass and cost are still game values, and say so.
    body = module_entry(CATALOG.modules["fission_power_unit"], "en").body_html
    assert "real: NASA&#x27;s 2008 fission surface power concept: 40 kWe" in body or \
        "real: NASA's 2008 fission surface power concept: 40 kWe" in body
    assert body.count("game value") >= 2  # mass (scaled from the reactor call) and cost at least
    assert "scaled from NASA" in body
    assert "https://physicsalert.com/nasa-wants-ideas-for-a-nuclear-reactor-on-moon/" in body
    for module in CATALOG.modules.values():
        html = module_entry(module, "en").body_html
        lines = html.count("• ")
        assert html.count("game value") + html.count("real") >= lines, module.id


def test_ground_rockets_and_landers_have_their_pages() -> None:
    assert "real: the best single point near Shackleton" in tile_entry(CATALOG.tiles["peak"], "en").body_html
    assert "game value" in tile_entry(CATALOG.tiles["rim"], "en").body_html
    assert "scaled from at least 27 t" in vehicle_entry(CATALOG.launch_vehicles["long_march_10"], "en").body_html
    lander = lander_entry(CATALOG.landers["change_class"], "en").body_html
    assert "real: Chang" in lander and "game value" in lander
    entries = encyclopedia_entries(load_game_content([]), [])
    assert sum(1 for entry in entries if entry.category == "craft") == \
        len(CATALOG.tiles) + len(CATALOG.launch_vehicles) + len(CATALOG.landers)


def test_tooltips_and_the_palette_say_what_their_numbers_are() -> None:
    rim = tile_tooltip_lines(CATALOG.tiles["rim"], "en")
    assert "Sunlight: 70% of the lunar day (game value)" in rim
    floor = tile_tooltip_lines(CATALOG.tiles["crater_floor"], "en")
    assert "Ice: 5.6% by mass (real)" in floor
    # A share worked out from the terrain says so: computed figures are never called game values.
    assert tile_tooltip_lines(CATALOG.tiles["rim"], "en", sunlight=(0.42, WORKED_OUT))[1] == \
        "Sunlight: 42% of the lunar day (worked out from this tile's horizon)"
    rtg = module_tooltip_lines("Radioisotope generator", CATALOG.modules["radioisotope_generator"], "working")
    assert rtg[-1] == "figures: game values, except power (real); sources in the encyclopedia"
    battery = module_tooltip_lines("Battery bank", CATALOG.modules["battery"], "working")
    assert battery[-1] == "figures: game values"
    assert power_text(CATALOG.modules["radioisotope_generator"]) == "+110\xa0W (real)"
    entry = PaletteEntry(CATALOG.modules["solar_array"], "Solar array", "power")
    assert entry.status_in(lambda text, **fill: text.format(**fill)) == "figures: game values"
    assert entry.row_status_in(lambda text, **fill: text.format(**fill)) == "figures: game values"
    # A row whose real figure says '(real)' on its own line calls the rest game values, every row, chosen or not.
    generator = PaletteEntry(CATALOG.modules["radioisotope_generator"], "Radioisotope generator", "power")
    assert generator.row_status_in(lambda text, **fill: text.format(**fill)) == "other figures: game values"


MARKS = ("(game value)", "(real)", "(worked out from this tile's horizon)")


def test_the_computed_light_tooltip_marks_every_number() -> None:
    # The shipped levels work light out from their relief: those shares say they are worked out from the
    # tile's horizon, the ice in permanent shadow is LCROSS's real figure, and the slope carries its ground
    # kind's status.
    level, catalog = load_level_by_path(levels_dir() / "02_change7_2026.toml").require()
    grid = SiteGrid.from_site(level.site, catalog.tiles, catalog.moon)
    assert grid.light is not None
    cells = [(x, y) for x, y, _ in grid.cells()]
    dark = next(cell for cell in cells if grid.ice_percent(*cell) > 0)
    lit = max(cells, key=lambda cell: grid.sunlight(*cell))
    for cell in (dark, lit):
        lines = terrain_tooltip_lines(grid.at(*cell), grid, cell, 0.0, "en")
        numbered = [line for line in lines[2:] if any(ch.isdigit() for ch in line) and "horizon towards" not in line]
        assert numbered and all(line.endswith(MARKS) for line in numbered), lines
        assert not any("game value" in line for line in lines if "horizon" in line or "Earth" in line), lines
    lines = terrain_tooltip_lines(grid.at(*lit), grid, lit, 0.0, "en")
    assert lines[1].endswith(", worked out from this tile's horizon")
    assert any(line.startswith("Ice: 5.6% by mass") and line.endswith("(real)")
               for line in terrain_tooltip_lines(grid.at(*dark), grid, dark, 0.0, "en"))


def test_status_words() -> None:
    assert status_line(Figure(status="game"), "en") == "game value"
    scaled = Figure(status="game", scaled_from="a rocket", source="https://example.org")
    assert status_line(scaled, "en") == "game value, scaled from a rocket"
    assert summary_status(CATALOG.modules["battery"], ["energy_storage_wh"]) == "figures: game values"


# --- game values stay physically possible --------------------------------------------------------

# Oxygen from regolith: a 2025 end-to-end model gives 24.3 ± 5.8 kWh per kg (Leger et al., PNAS,
# https://m.booksci.cn/literature/143441742.htm); molten regolith electrolysis is estimated at 18-35 kWh/kg.
# Below the model's low end (18.5 kWh/kg) a plant would be making oxygen for less than the process needs.
REGOLITH_OXYGEN_KWH_PER_KG_LEAST = 18.5
# Splitting water: 285.8 kJ per mol of water (its enthalpy of formation), 2 mol per mol of O2, is about
# 4.96 kWh per kg of oxygen; no electrolyser does better.
WATER_OXYGEN_KWH_PER_KG_LEAST = 4.96
# Space lithium-ion: Saft's VES180 cell, about 160-170 Wh/kg (https://artes.esa.int/projects/development-high-specific-energy-liion-cell).
BATTERY_WH_PER_KG_MOST = 170.0


def _oxygen_energy(module: ModuleSpec) -> float:
    return module.power_draw_w / 1000 / module.outputs["oxygen"]


def test_oxygen_never_costs_less_energy_than_its_chemistry() -> None:
    for module in CATALOG.modules.values():
        if module.outputs.get("oxygen", 0) <= 0 or module.category == "life_support":
            continue
        if "regolith" in module.inputs:
            assert _oxygen_energy(module) >= REGOLITH_OXYGEN_KWH_PER_KG_LEAST, module.id
        if "water" in module.inputs:
            assert _oxygen_energy(module) >= WATER_OXYGEN_KWH_PER_KG_LEAST, module.id


def test_batteries_store_no_more_per_kg_than_space_batteries() -> None:
    for module in CATALOG.modules.values():
        if module.shape == "battery":
            assert module.energy_storage_wh / module.mass_kg <= BATTERY_WH_PER_KG_MOST, module.id


def test_heater_units_make_no_electricity_and_every_module_names_its_real_counterpart_where_sourced() -> None:
    for module in CATALOG.modules.values():
        name = str(module.name).lower()
        if "heater" in name:
            assert module.power_output_w == 0, module.id
        if module.real_counterpart is not None:
            assert module.sources, f"{module.id}: a real counterpart needs a source"
    generator = CATALOG.modules["radioisotope_generator"]
    assert generator.figure("power_output_w").status == "real" and generator.power_output_w == 110


# --- the placement rules' sentences --------------------------------------------------------------

# A status mark right after a number: a fixed one, or {status} filled in with the tile figure's own.
STATUS_AFTER = re.compile(r"[^{(]*\((?:game value|real|\{status\})\)")
FIELD = re.compile(r"\{(\w+)(?:![a-z])?(?::[^}]*)?\}")
# Fields that are no figure of the Moon: names, the status itself, and counts of the map's own tiles (a footprint,
# a distance on the map), which the player counts on the map and which claim nothing about the Moon. Every other
# field is a number (formatted, {lit:g}, or a Quantity the language words, {lit}) and needs its status after it.
UNFORMATTED = {"width", "height", "tiles", "gap", "count", "what", "other", "either", "here", "module", "reason",
               "status", "tag"}


def _placement_patterns(source: str = "game/rules/placement.py") -> list[str]:
    from tools.extract_ui_text import collect_code

    return [text for key, files in collect_code().items() if source in files
            for text in ([key] if isinstance(key, str) else key)]


def test_every_number_in_a_placement_sentence_says_what_it_is() -> None:
    patterns = _placement_patterns()
    assert any("needs sunlight" in pattern for pattern in patterns)
    numbers = 0
    for pattern in patterns:
        for field in FIELD.finditer(pattern):
            if field.group(1) in UNFORMATTED:
                continue
            numbers += 1
            assert STATUS_AFTER.match(pattern, field.end()), f"{field.group(0)} has no status in {pattern!r}"
    assert numbers >= 8, "the sentences' numbers were not found: the check would pass on anything"


def test_the_cargo_refusal_the_budget_refusal_and_the_dose_limit_mark_their_figures() -> None:
    # The other sentences that refuse a module or send the crew home name catalog figures: each says what it is,
    # as the catalog's figures give it ({..._status}) or as a game value. A rocket's name, and the dose taken and
    # the hours or days left (the play's own tally), are no figure.
    status_after = re.compile(r"[^{(]*\((?:game value|real|\{\w*status\})[):]")
    not_figures = {"dose", "hours", "supply", "count", "vehicle"}
    checked = 0
    for source in ("game/systems/placement.py", "game/rules/economy.py", "game/systems/crew.py"):
        for pattern in _placement_patterns(source):
            if source.endswith("crew.py") and "mSv" not in pattern:
                continue
            for field in FIELD.finditer(pattern):
                if field.group(1) in UNFORMATTED | not_figures or field.group(1).endswith("status"):
                    continue
                checked += 1
                assert status_after.match(pattern, field.end()), f"{field.group(0)} has no status in {pattern!r}"
    assert checked >= 6, "the sentences' numbers were not found: the check would pass on anything"


NUMBER_SHOWN = re.compile(r"\d+(?:\.\d+)?\s?(?:%|°)")
MARK_SHOWN = re.compile(r"[^(\d]*\((?:game value|real|worked out from this tile's horizon)\)")


def _refusals(grid: SiteGrid, catalog) -> set[str]:
    """Every refusal a module can meet on the map, in English."""
    from game.rules.placement import placement_refusal

    return {str(refusal) for module in catalog.modules.values() for x, y, _ in grid.cells()
            if (refusal := placement_refusal(module, x, y, grid)) is not None}


def test_every_refusal_on_every_shipped_map_marks_its_numbers() -> None:
    # With computed light (every shipped level) and typed-in light (as a level with light = "tile_kinds"
    # has it): each percentage and angle a refusal shows has its status before the next number.
    checked = 0
    for path in sorted(levels_dir().glob("*.toml")):
        level, catalog = load_level_by_path(path).require()
        for grid in (SiteGrid.from_site(level.site, catalog.tiles, catalog.moon),
                     SiteGrid.from_site(level.site, catalog.tiles)):
            for sentence in _refusals(grid, catalog):
                for number in NUMBER_SHOWN.finditer(sentence):
                    assert MARK_SHOWN.match(sentence, number.end()), f"{number.group(0)} has no status: {sentence}"
                    checked += 1
                if grid.light is not None:  # a share worked out from the terrain is never called a game value
                    for status in re.findall(r"\d+% of the time \(([^)]*)\)", sentence):
                        assert status == "worked out from this tile's horizon", sentence
    assert checked > 20


def test_a_refusal_names_the_status_of_the_tile_figure_it_quotes() -> None:
    from game.content.models import Site
    from game.rules.placement import placement_refusal

    site = Site.model_validate({"name": "t", "legend": {"^": "peak", "#": "crater_floor"}, "rows": ["^#^#"] * 4})
    typed = SiteGrid.from_site(site, CATALOG.tiles)
    fussy = CATALOG.modules["solar_array"].model_copy(update={"placement": CATALOG.modules["solar_array"].placement
                                                             .model_copy(update={"min_sunlight": 0.9})})
    assert "lit 86% of the time (real), and it needs at least 90% (game value)" in \
        str(placement_refusal(fussy, 0, 0, typed))


def test_the_ice_in_permanent_shadow_takes_its_status_from_the_moon_catalog() -> None:
    # The shipped [moon.sky] lists LCROSS's 5.6 % as real, with its source: the data says so, not the code.
    sky = CATALOG.moon.sky
    assert sky is not None
    shipped = sky.figure("ice_percent_in_permanent_shadow")
    assert shipped.status == "real" and shipped.source == "https://cen.acs.org/articles/87/i47/Splashdown-Moon-Kicks-Water.html"
    level, catalog = load_level_by_path(levels_dir() / "02_change7_2026.toml").require()
    grid = SiteGrid.from_site(level.site, catalog.tiles, catalog.moon)
    dark = next((x, y) for x, y, _ in grid.cells() if grid.ice_percent(x, y) > 0)
    assert grid.ice_status(*dark) == shipped
    # A mod that changes the figure and lists no status gets a game value on the same map, tooltip included.
    modded_sky = sky.model_copy(update={"ice_percent_in_permanent_shadow": 12.0, "figures": {}})
    modded = SiteGrid.from_site(level.site, catalog.tiles, catalog.moon.model_copy(update={"sky": modded_sky}))
    assert modded.ice_percent(*dark) == 12.0 and modded.ice_status(*dark).status == "game"
    assert any(line.startswith("Ice: 12% by mass") and line.endswith("(game value)")
               for line in terrain_tooltip_lines(modded.at(*dark), modded, dark, 0.0, "en"))
    # The pydantic model refuses a status for a number the sky does not show, in a sentence.
    written = sky.model_dump(mode="python")
    with pytest.raises(ValidationError, match=r"'figures' names 'ice'.*it may name: ice_percent_in_permanent_shadow"):
        type(sky).model_validate({**written, "figures": {"ice": {"status": "game"}}})


# --- the budget's and the partners' sentences ----------------------------------------------------

# A number as a sentence shows it, and what may follow it as the same figure ('150 kg → 0 kg', '62 of 100').
_NUMBER = r"[+−-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
SHOWN_NUMBER = re.compile(rf"{_NUMBER}(?:\s?(?:kg|%))?(?:\s?(?:→|of)\s?{_NUMBER}(?:\s?(?:kg|%))?)*")
YEAR = re.compile(r"(?:19|20|21)\d\d")  # a date, checked in the facts audit with the text that tells it
# Numbers that are no figure: a day of the game's calendar and a count of the play's own things (launches,
# instruments, seats, astronauts, partners signed, rounds), which claim nothing about the Moon or the programme.
COUNT_BEFORE = re.compile(r"(?:[Dd]ay|launches|instruments|crew seats|Instalment|Launch|Agreement|agreement) $")
COUNT_AFTER = re.compile(r" (?:launch|instrument|crew seat|astronaut|partner|round|of their instruments)")
STATUS_MARK = re.compile(r"\((?:game value|real|worked out from this tile's horizon)\)")


def unmarked_numbers(sentence: str) -> list[str]:
    """The numbers of an English sentence with no status mark after them before the next number."""
    unmarked = []
    numbers = list(SHOWN_NUMBER.finditer(sentence))
    for index, number in enumerate(numbers):
        before, after = sentence[:number.start()], sentence[number.end():]
        if COUNT_BEFORE.search(before) or COUNT_AFTER.match(after) or YEAR.fullmatch(number.group(0)) \
                or before[-1:].isalpha() \
                or before[-1:] == "-":  # part of a name: 'Chang'e-7', 'Luna 27' is written as a word here
            continue
        following = sentence[number.end():numbers[index + 1].start()] if index + 1 < len(numbers) else after
        if not STATUS_MARK.search(following):
            unmarked.append(number.group(0))
    return unmarked


def test_the_check_finds_a_number_left_without_its_status() -> None:
    assert unmarked_numbers("not enough budget: the habitat costs 300 credits and you have 120") == ["300", "120"]
    assert unmarked_numbers("Paying 25 credits a year (game value) is 25% of what they can give.") == ["25%"]
    assert unmarked_numbers("They trust the programme: 62 of 100 (game value).") == []
    assert unmarked_numbers("funding 40 → 20 credits a year (game value); launches 2 → 1") == []
    assert unmarked_numbers("Roscosmos can provide at most 2 launches. Talks reopen on day 12.") == []


def test_every_budget_sentence_marks_its_credits() -> None:
    # Credits are game values: every sentence that names an amount of them says so right after it (the refusal,
    # the order box, the take-down question, the log, the partners' payments and the ledger). The encyclopedia
    # gives each figure its status line of its own, and the debrief's score card says once, at its head, that its
    # numbers are game values (test_the_score_card_says_once_that_its_numbers_are_game_values).
    from tools.extract_ui_text import collect_code

    credits = re.compile(r"\{[^}]*\}\s*credits?\b")
    mark = re.compile(r"[^{]*?\((?:game value|\{status\})\)|[^{]*?; a game value\)")
    own_status_line = {"game/scenes/menus/encyclopedia_entries.py", "game/debrief_export.py"}
    checked = 0
    for key, files in collect_code().items():
        if set(files) <= own_status_line:
            continue
        for text in ([key] if isinstance(key, str) else key):
            for amount in credits.finditer(text):
                assert mark.match(text, amount.end()), f"credits with no status in {text!r} ({sorted(files)})"
                checked += 1
    assert checked >= 20, "the budget sentences were not found: the check would pass on anything"
    from game.rules.economy import affordability_refusal

    for module in CATALOG.modules.values():
        refusal = affordability_refusal(module.name, module.cost, module.cost / 3)
        assert refusal is not None and not unmarked_numbers(str(refusal)), refusal


def _replies() -> set[str]:
    """Every sentence a shipped partner can answer an offer with, in English: the answer, its reasons and what
    rules terms out, over offers of every kind, low and high trust, and a station that can give anything or
    nothing yet."""
    from dataclasses import replace

    from game.content.models import SCIENCE_DOMAINS
    from game.rules.negotiation import Offer, ProgrammeState, respond

    rocket = CATALOG.launch_vehicles["long_march_10"]
    states = (
        ProgrammeState(),
        ProgrammeState(science={domain: 50.0 for domain in SCIENCE_DOMAINS}, members=3,
                       producing={domain: "laboratory" for domain in SCIENCE_DOMAINS},
                       hostable=frozenset(CATALOG.modules), largest_payload_kg=rocket.payload_to_surface_kg,
                       largest_payload_status=rocket.figure("payload_to_surface_kg"), crewed=True),
    )
    offers = [Offer(funding_per_year=amount) for amount in (5.0, 25.0, 1000.0)]
    offers += [Offer(launches=5), Offer(instruments=9), Offer(modules=("laboratory", "fission_power_unit"))]
    base = Offer(funding_per_year=10.0)
    offers += [replace(base, data_share=(domain,)) for domain in SCIENCE_DOMAINS]
    offers += [replace(base, co_lead=domain) for domain in SCIENCE_DOMAINS]
    offers += [replace(base, payload_kg=150.0), replace(base, crew_seats=2), replace(base, host_module="observatory")]
    sentences: set[str] = set()
    for partner in CATALOG.partners.values():
        for state in states:
            for trust in (20.0, 80.0):
                for offer in offers:
                    for rounds in (1, 3):
                        answer = respond(offer, partner, trust, state, rounds)
                        sentences.add(str(answer.text))
                        sentences.update(str(reason.text) for reason in answer.evaluation.reasons)
                        sentences.update(str(text) for text in answer.evaluation.blocked)
    return sentences


def test_every_number_in_a_partners_answer_says_what_it_is() -> None:
    sentences = _replies()
    assert any("proposes changed terms" in sentence for sentence in sentences)
    assert any("they care" in sentence for sentence in sentences)
    assert any("credits a year" in sentence for sentence in sentences)
    numbered = 0
    for sentence in sentences:
        assert not unmarked_numbers(sentence), f"{unmarked_numbers(sentence)} with no status: {sentence}"
        numbered += bool(SHOWN_NUMBER.search(sentence))
    assert numbered > 20, "the answers' numbers were not found: the check would pass on anything"


# --- trust, science points and an offer's worth in the partners' sentences -----------------------

NEGATIVE_OR_POSITIVE_ZERO = re.compile(r"[+−-]0(?![.,]?\d)")


def test_a_worth_or_trust_change_never_shows_minus_zero() -> None:
    from game.rules.negotiation import Evaluation, Reason, _main_objection
    from game.rules.points import signed_points

    assert [signed_points(value) for value in (-0.3, -0.04, 0.0, 0.5, -0.5, 5.2, -2.6)] == \
        ["-0.3", "0", "0", "+0.5", "-0.5", "+5", "-3"]
    # An offer worth a third of a point less than nothing said 'worth -0 to them, less than nothing'.
    evaluation = Evaluation(-0.3, (Reason("They asked for payload; this offer gives them none."),), (), in_return=5.0)
    sentence = _main_objection(evaluation)
    assert "worth -0.3 to them (game value), less than nothing" in sentence, sentence
    for sentence in _replies():
        assert not NEGATIVE_OR_POSITIVE_ZERO.search(sentence), sentence


def test_trust_and_science_points_in_the_roster_history_say_they_are_game_values() -> None:
    # The roster's history lines ('Trust +5 (game value): …', first because the roster cuts a long line's end), a
    # partner's default ('trust 12 of 100, a game value') and the data-sharing replies ('received 12.5 points (game
    # value) of new data on lunar geology').
    shown = {"trust", "change", "points"}
    checked = 0
    for pattern in _placement_patterns("game/systems/agreements.py"):
        if re.fullmatch(r"\{count[^{}]*\} points?", pattern):
            continue  # only a count and its noun, filled in as the {points} of a sentence that says its status
        for field in FIELD.finditer(pattern):
            name = field.group(1)
            if name not in shown and not (name == "count" and pattern[field.end():].startswith(" point")):
                continue
            following = pattern[field.end():].split("{", 1)[0]
            assert "game value)" in following, f"{field.group(0)} has no status in {pattern!r}"
            checked += 1
    assert checked >= 5, "the roster's sentences were not found: the check would pass on anything"


# --- the landing's grade limits and the cargo's damage -------------------------------------------

# In a landing's sentences the flight's own measures ('Came down at 2.6 m/s', 'Leaned 12°', the distance and the
# propellant left) are what the player flew; the limits they are held to ({limit}, {kept}) are figures the lander's
# catalog entry gives, and each says its status ({status}) before the next number.
LIMIT_FIELDS = {"limit", "kept"}
STATUS_NEXT = re.compile(r"[^{]*?(?:\{status\}|\(game value\)|, a game value\))")


def _touchdowns():
    from game.landing.grading import Touchdown

    for vertical in (0.5, 1.5, 2.6, 5.0):
        for tilt in (1.0, 7.0, 15.0, 40.0):
            for distance, propellant in ((2.0, 0.5), (20.0, 0.01), (300.0, 0.2)):
                yield Touchdown(vertical, vertical / 2, tilt, distance, propellant)


def test_every_limit_in_a_landing_sentence_says_what_it_is() -> None:
    checked = 0
    for source in ("game/landing/grading.py", "game/landing/run.py"):
        for pattern in _placement_patterns(source):
            for field in FIELD.finditer(pattern):
                if field.group(1) not in LIMIT_FIELDS:
                    continue
                assert STATUS_NEXT.match(pattern, field.end()), f"{field.group(0)} has no status in {pattern!r}"
                checked += 1
    assert checked >= 12, "the landing's sentences were not found: the check would pass on anything"


def test_the_grade_limits_carry_the_landers_grading_status_to_the_result_screen() -> None:
    from game.landing.grading import grade_touchdown
    from game.landing.run import LandingResult
    from game.landing.scenario import scenario_for
    from game.render.landing_result import result_facts

    level, catalog = load_level_by_path(levels_dir() / "02_change7_2026.toml").require()
    scenario = scenario_for(level, catalog, 1)
    assert scenario.grading_status == scenario.lander.figure("grading")
    limits_with = {"within", "take", "keeps", "more than"}
    reasons = {str(reason) for touchdown in _touchdowns()
               for reason in grade_touchdown(touchdown, scenario.grading, 1.0, scenario.grading_status).reasons}
    quoted = [reason for reason in reasons if any(word in reason for word in limits_with)]
    assert len(quoted) >= 8, reasons
    for reason in quoted:  # the shipped landers' grades are game values, scaled from the Apollo LM's legs
        assert "(game value)" in reason or ", game value)" in reason, reason
    # Were a lander's limits a sourced figure, the same sentences would say '(real)'.
    real = Figure(status="real", source="https://example.org/lander", note="a lander's leg loads")
    tilted = next(touchdown for touchdown in _touchdowns()
                  if touchdown.tilt_deg == 7.0 and touchdown.vertical_speed_m_s < 1 and touchdown.distance_m < 5)
    reasons = [str(reason) for reason in grade_touchdown(tilted, scenario.grading, 1.0, real).reasons]
    assert "Leaned 7°; a perfect landing stays within 5° (real)." in reasons, reasons
    # A level that sets its own limits makes them game values whatever the lander's status.
    assert level.landing is not None and level.landing.grading is None
    own = level.model_copy(update={"landing": level.landing.model_copy(update={"grading": scenario.grading})})
    real_lander = scenario.lander.model_copy(update={"figures": {**scenario.lander.figures, "grading": real}})
    from dataclasses import replace

    catalog_with_real = replace(catalog, landers={**catalog.landers, scenario.lander.id: real_lander})
    assert scenario_for(level, catalog_with_real, 1).grading_status == real
    assert scenario_for(own, catalog_with_real, 1).grading_status.status == "game"
    # The cargo's damage and the haul are game values on the result screen and in the station's log.
    hard = next(touchdown for touchdown in _touchdowns()
                if touchdown.vertical_speed_m_s == 2.6 and touchdown.tilt_deg == 1.0)
    grade = grade_touchdown(hard, scenario.grading, 1.0, scenario.grading_status)
    assert grade.name == "hard" and grade.cargo_damage > 0
    from types import SimpleNamespace

    result = LandingResult("landed", grade, hard, SimpleNamespace(time_s=42.0), (), None)  # type: ignore[arg-type]
    facts = result_facts(result, "Laboratory")
    damaged = next(fact for fact in facts if "damaged" in fact)
    assert damaged.endswith("damaged (game value).") and not unmarked_numbers(damaged), facts


# --- the debrief's score card ---------------------------------------------------------------------

def test_the_score_card_says_once_that_its_numbers_are_game_values() -> None:
    # A score is the game's own measure; its parts name credits left and science points, which are game values.
    # The card says so once, at its head ("Score (game values): 600 for 6 goals met · 50 for 500 credits left …"),
    # and nowhere else: the check accepts exactly one mark, before every number.
    from game.debrief_export import score_card_line, score_parts
    from game.rules.score import score

    card = score(goals_met=3, goals_total=4, science=123.4, budget_left=512.0, days=40.0, time_limit_days=60.0,
                 won=True)
    line = score_card_line(score_parts(card, 60.0))
    assert line.startswith("Score (game values):  "), line
    assert line.count("game value") == 1, line
    head, body = line.split(":", 1)
    assert not any(ch.isdigit() for ch in head)
    assert "512 credits left" in body and "123 science points" in body and "300 for 3 goals met" in body, body
    # Every number of the card stands after its one mark: no other status is needed, and none is missing.
    assert SHOWN_NUMBER.search(body) and not SHOWN_NUMBER.search(head)
