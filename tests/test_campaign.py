"""The campaign: every level loads, teaches from sourced facts, fits the screens, and can be won in time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game import paths
from game.autoplay.player import autoplay
from game.content.loader import LoadedLevel, load_folder, load_level_by_path
from game.content.models import Level
from game.content.text import translate

REPO = Path(__file__).resolve().parent.parent
CAMPAIGN = sorted((REPO / "levels").glob("0[1-9]_*.toml"))
ARTEMIS = REPO / "examples" / "mods" / "artemis"
PLAYABLE = [*CAMPAIGN, ARTEMIS / "artemis_gateway.toml"]

# What the screens show, at the 1280 x 720 reference size (game/render/palette.py sizes):
# the level list's cards (title in bold 24 px, summary in two lines of 18 px, 550 px wide), the goals panel
# (18 px lines about 330 px wide, three lines at most), and the event and fact notices (18 px, 700 px wide).
CARD_TEXT_PX = 550
GOAL_PX, GOAL_LINES = 330, 3
NOTICE_PX, EVENT_LINES, FACT_LINES = 700, 2, 4
QUESTION_PX, QUESTION_LINES = 700, 2


def _load(path: Path) -> LoadedLevel:
    return load_level_by_path(path)


def _level(path: Path) -> Level:
    level, _ = _load(path).require()
    return level


def test_the_campaign_has_at_least_eight_levels_in_order() -> None:
    orders = [_level(path).order for path in CAMPAIGN]
    assert len(CAMPAIGN) >= 8
    assert orders == sorted(orders) and len(set(orders)) == len(orders) and 0 not in orders


@pytest.mark.parametrize("path", PLAYABLE, ids=lambda path: path.stem)
def test_every_level_validates(path: Path) -> None:
    loaded = _load(path)
    assert loaded.ok, "\n".join(str(problem) for problem in loaded.problems)


def test_the_artemis_mod_folder_validates_as_a_whole() -> None:
    game = load_folder(paths.levels_dir())
    mod = load_folder(ARTEMIS, game.catalog)
    assert not mod.problems, "\n".join(str(problem) for problem in mod.problems)
    assert mod.catalog.partners["nasa"].programme == "artemis"
    assert "gateway_link" in mod.catalog.modules


@pytest.mark.parametrize("path", PLAYABLE, ids=lambda path: path.stem)
def test_every_level_teaches_from_sourced_facts(path: Path) -> None:
    level = _level(path)
    assert level.learning_objectives and level.facts
    for fact in level.facts:
        assert fact.sources and all(source.startswith(("http://", "https://")) for source in fact.sources), fact.id
    shown = {event.fact for event in level.events if event.fact}
    assert shown <= {fact.id for fact in level.facts}


@pytest.mark.parametrize("path", PLAYABLE, ids=lambda path: path.stem)
def test_every_level_has_a_sourced_quiz(path: Path) -> None:
    level = _level(path)
    assert len(level.quiz) >= 3
    for question in level.quiz:
        assert question.sources, translate(question.question)


@pytest.mark.parametrize("path", PLAYABLE, ids=lambda path: path.stem)
def test_launch_vehicles_fit_the_era(path: Path) -> None:
    """Long March 9 is a plan for the early 2030s: no level before then offers it, and a level that does says so."""
    level = _level(path)
    if "long_march_9" in level.launch_vehicles:
        assert level.start_date.year >= 2031
        assert "plan" in translate(level.briefing).lower()


@pytest.fixture(scope="module")
def fonts() -> Iterator[object]:
    pygame = pytest.importorskip("pygame")
    from game.render.fonts import Fonts

    pygame.font.init()
    yield Fonts(paths.assets_dir() / "fonts")


def _lines(text: str, font: object, width: int) -> int:
    from game.render.text import wrap_text

    return len(wrap_text(text, font, width))  # type: ignore[arg-type]


@pytest.mark.parametrize("path", PLAYABLE, ids=lambda path: path.stem)
def test_every_player_facing_text_fits_its_screen(path: Path, fonts: object) -> None:
    from game.render import palette

    level = _level(path)
    bold, regular = fonts.bold(palette.BODY + 2), fonts.regular(palette.SMALL)  # type: ignore[attr-defined]
    too_long: list[str] = []
    if bold.size(translate(level.title))[0] > CARD_TEXT_PX:
        too_long.append(f"title: {translate(level.title)}")
    if _lines(translate(level.summary), regular, CARD_TEXT_PX) > 2:
        too_long.append(f"summary: {translate(level.summary)}")
    for goal in level.goals:
        if _lines(translate(goal.text), regular, GOAL_PX) > GOAL_LINES:
            too_long.append(f"goal {goal.id}: {translate(goal.text)}")
    for event in level.events:
        if _lines(translate(event.text), regular, NOTICE_PX) > EVENT_LINES:
            too_long.append(f"event {event.id}: {translate(event.text)}")
    for fact in level.facts:
        if _lines(translate(fact.text), regular, NOTICE_PX) > FACT_LINES:
            too_long.append(f"fact {fact.id}: {translate(fact.text)}")
    for question in level.quiz:
        if _lines(translate(question.question), regular, QUESTION_PX) > QUESTION_LINES:
            too_long.append(f"quiz: {translate(question.question)}")
    assert not too_long, "\n".join(too_long)


@pytest.mark.parametrize("path", PLAYABLE, ids=lambda path: path.stem)
def test_the_automated_player_wins_within_the_time_limit(path: Path) -> None:
    level, catalog = _load(path).require()
    result = autoplay(level, catalog)
    assert result.snapshot is not None
    goals = {goal.id: goal.status for goal in result.snapshot.goals}
    assert result.won, f"{level.id}: {result.outcome} after {result.days:.1f} days; goals {goals}"
    assert result.days <= level.time_limit_days
    assert not result.unplaced


def test_autoplay_command_writes_commands_that_simulate_replays_to_a_win(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from game.cli import main

    commands = tmp_path / "commands.json"
    assert main(["autoplay", "agreement-2021", "--commands-out", str(commands)]) == 0
    assert "won" in capsys.readouterr().out
    assert main(["simulate", "agreement-2021", "--commands", str(commands), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "won"


def test_autoplay_command_names_a_missing_level_in_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    assert main(["autoplay", "no-such-level"]) == 1
    message = "lunar-station autoplay: no level file or shipped level called 'no-such-level'"
    assert capsys.readouterr().err.strip() == message


SHIPPED = [*CAMPAIGN, REPO / "levels" / "sandbox.toml", ARTEMIS / "artemis_gateway.toml"]


def test_a_fact_id_means_one_fact_across_the_campaign() -> None:
    """The encyclopedia and the progress file key facts by id: the same id must always tell the same text."""
    texts: dict[str, dict[str, list[str]]] = {}
    for path in SHIPPED:
        for fact in _level(path).facts:
            texts.setdefault(fact.id, {}).setdefault(translate(fact.text), []).append(path.name)
    clashes = [
        f"'{fact_id}': " + " | ".join(f"{', '.join(files)}: {text}" for text, files in told.items())
        for fact_id, told in texts.items()
        if len(told) > 1
    ]
    assert not clashes, "\n".join(clashes)


def test_one_fact_text_has_one_id() -> None:
    """The same text under two ids would show twice in the encyclopedia and count as two facts met."""
    ids: dict[str, set[str]] = {}
    for path in SHIPPED:
        for fact in _level(path).facts:
            ids.setdefault(translate(fact.text), set()).add(fact.id)
    twice = {text: sorted(names) for text, names in ids.items() if len(names) > 1}
    assert not twice, twice


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_every_module_to_build_fits_one_of_the_levels_rockets(path: Path) -> None:
    """A 'build' goal is reachable only if some launch vehicle of the level lands its module (or none is listed)."""
    level, catalog = _load(path).require()
    if not level.launch_vehicles:
        return  # modules are built directly, without deliveries
    biggest = max(catalog.launch_vehicles[vehicle].payload_to_surface_kg for vehicle in level.launch_vehicles)
    too_heavy = [
        f"{goal.id}: {goal.module} ({catalog.modules[goal.module].mass_kg:g} kg > {biggest:g} kg)"
        for goal in level.goals
        if goal.kind == "build" and goal.module is not None and catalog.modules[goal.module].mass_kg > biggest
    ]
    assert not too_heavy, too_heavy


@pytest.mark.parametrize("path", [path for path in SHIPPED if "04_" not in path.name], ids=lambda path: path.stem)
def test_every_level_sets_its_own_landing_zone(path: Path) -> None:
    """Each level flies its own ground and start, not the default landing; its cargo is one its lander can carry."""
    from game.landing.scenario import scenario_for

    level, catalog = _load(path).require()
    assert level.landing is not None and level.landing.cargo is not None
    assert "terrain" in level.landing.model_fields_set
    scenario = scenario_for(level, catalog, seed=0)
    assert scenario.cargo_mass_kg <= scenario.lander.max_cargo_kg


def test_the_tutorial_landing_helps_a_first_time_pilot() -> None:
    landing = _level(CAMPAIGN[0]).landing
    assert landing is not None
    assert landing.assists.attitude_hold and landing.assists.suggested_burn and landing.assists.target_scale > 1.0


@pytest.mark.parametrize("path", [path for path in SHIPPED if "04_" not in path.name], ids=lambda path: path.stem)
def test_the_autopilot_lands_each_levels_landing(path: Path) -> None:
    """A few seeds per level here (the 98 % figure over many seeds is the landing benchmark's job)."""
    from game.landing.run import fly

    level, catalog = _load(path).require()
    grades = [fly(level, catalog, seed=seed).grade.name for seed in range(5)]
    assert all(grade in ("perfect", "good") for grade in grades), grades


def test_the_modding_guide_documents_the_milestones_file() -> None:
    """Every key of the milestones file has a row in docs/MODDING.md, and the guide's example loads."""
    import re

    from game.content.timeline import Milestone, TimelineFile
    from game.content.toml_file import tomllib  # tomli on Python 3.10

    guide = (REPO / "docs" / "MODDING.md").read_text(encoding="utf-8")
    start = guide.index("levels/timeline/milestones.toml`\n")
    section = guide[start:]
    rows = set(re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE))
    keys = set(Milestone.model_fields) | set(TimelineFile.model_fields)
    assert keys <= rows, f"undocumented milestone keys: {sorted(keys - rows)}"
    example = re.search(r"```toml\n(.*?)```", section, flags=re.DOTALL)
    assert example is not None
    TimelineFile.model_validate(tomllib.loads(example.group(1)))
