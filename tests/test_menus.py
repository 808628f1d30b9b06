"""The game's front headless: title menu, campaign timeline, briefing, encyclopedia, credits, by keyboard and mouse."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game import paths
from game.app import App, open_app
from game.content.loader import load_game_content
from game.content.text import translate
from game.content.timeline import load_timeline
from game.progress import Progress, load_progress, mark_completed, mark_fact_seen, progress_path
from game.scenes.campaign.briefing import BriefingScene
from game.scenes.campaign.level_entries import apply_progress, level_entries
from game.scenes.campaign.level_list import LevelListScene
from game.scenes.campaign.timeline import TimelineScene
from game.scenes.campaign.timeline_layout import x_of
from game.scenes.menus import title as title_module
from game.scenes.menus.credits import CreditsScene, asset_rows
from game.scenes.menus.encyclopedia import EncyclopediaScene
from game.scenes.menus.encyclopedia_entries import encyclopedia_entries
from game.scenes.menus.title import TitleScene
from game.scenes.scene import Pop
from game.scenes.station.station_scene import StationScene
from game.settings import Settings, save_settings
from tests.app_helpers import changed_pixels, click_button, colours_in, outline_colours, press, run_frames, type_text


def title_of(app: App) -> TitleScene:
    scene = app.top
    assert isinstance(scene, TitleScene)
    return scene


def labels(scene: TitleScene) -> list[str]:
    return [item.label for item in scene.items]


def campaign_ids() -> list[str]:
    entries = level_entries(load_game_content([]))
    return [entry.level_id or "" for entry in entries if entry.in_campaign]


@pytest.fixture
def big_app(user_home: Path) -> Iterator[App]:
    """The app in a full-HD window, as on a classroom projector."""
    save_settings(Settings(window_size=(1920, 1080)))
    opened = open_app()
    yield opened
    opened.close()


# --- title ---------------------------------------------------------------------------------------


def test_title_offers_the_whole_game_in_order(app: App) -> None:
    run_frames(app)
    names = labels(title_of(app))
    assert names[:3] == ["Campaign", "Sandbox and mods", "Landing practice"]
    assert names[-5:] == ["Encyclopedia", "Settings", "Teacher", "Credits", "Quit"]
    assert "Continue" not in names  # nothing saved yet


def test_down_and_tab_reach_every_title_button_and_come_round(app: App) -> None:
    scene = title_of(app)
    count = len(scene.buttons)
    assert scene.focus is not None and scene.focus.index == 0
    seen = []
    for _ in range(count):
        press(app, pygame.K_DOWN)
        seen.append(scene.focus.index)
    assert sorted(seen) == list(range(count)) and seen[-1] == 0
    for _ in range(count - 1):
        press(app, pygame.K_TAB)
    assert scene.focus.focused is scene.buttons[-1]
    press(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert scene.focus.index == count - 2
    press(app, pygame.K_UP)
    assert scene.focus.index == count - 3
    # The focused button is drawn with the theme's 'selected' look, not only remembered.
    assert scene.focus.focused is not None and scene.focus.focused.is_selected


def test_left_and_right_change_column(app: App) -> None:
    scene = title_of(app)
    assert scene.focus is not None and scene.focus.rows is not None
    press(app, pygame.K_RIGHT)
    assert scene.focus.index == scene.focus.rows
    right_rect = scene.buttons[scene.focus.index].rect
    assert right_rect.left > scene.buttons[0].rect.right and right_rect.top == scene.buttons[0].rect.top
    press(app, pygame.K_LEFT)
    assert scene.focus.index == 0


@pytest.mark.parametrize(
    ("label", "screen"),
    [("Campaign", TimelineScene), ("Sandbox and mods", LevelListScene), ("Encyclopedia", EncyclopediaScene),
     ("Credits", CreditsScene)],
)
def test_each_title_button_opens_its_screen_and_esc_comes_back(app: App, label: str, screen: type) -> None:
    scene = title_of(app)
    index = labels(scene).index(label)
    for _ in range(index):
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, screen)
    press(app, pygame.K_ESCAPE)
    assert app.top is scene and [type(s) for s in app.stack] == [TitleScene]
    button = scene.button_labelled(label)
    click_button(app, button)  # the mouse opens it too
    assert isinstance(app.top, screen)


def test_settings_and_landing_practice_open_from_the_title(app: App) -> None:
    scene = title_of(app)
    click_button(app, scene.button_labelled("Settings"))
    assert type(app.top).__name__ == "SettingsScene"
    press(app, pygame.K_ESCAPE)
    click_button(app, scene.button_labelled("Landing practice"))
    assert type(app.top).__name__ == "LandingPracticeScene"


def test_quit_button_and_esc_end_the_game(app: App) -> None:
    scene = title_of(app)
    click_button(app, scene.button_labelled("Quit"))
    assert not app.running


def test_continue_appears_with_a_save_and_a_bad_save_gives_a_sentence(app: App) -> None:
    saves = paths.user_saves_dir()
    saves.mkdir(parents=True)
    (saves / "agreement-2021.json").write_text("{not a save", encoding="utf-8")
    scene = title_of(app)
    scene.exit()
    scene.enter()
    assert labels(scene)[0] == "Continue"
    assert scene.focus is not None and scene.focus.focused is scene.button_labelled("Continue")
    press(app, pygame.K_RETURN)
    assert app.top is scene and app.running
    assert any("could not be continued" in notice.text for notice in app.notices.shown)


def test_continue_resumes_the_latest_save(app: App) -> None:
    open_briefing(app)
    press(app, pygame.K_RETURN, frames=3)  # Start
    station = app.top
    assert isinstance(station, StationScene)
    simulation = station.run.simulation
    assert simulation is not None
    simulation.run_hours(5)
    assert station.run.quick_save() is not None
    simulation.has_unsaved_progress = False
    app.request(Pop())
    run_frames(app)
    press(app, pygame.K_ESCAPE)
    title = title_of(app)
    title.exit()
    title.enter()
    assert labels(title)[0] == "Continue"
    press(app, pygame.K_RETURN, frames=3)
    resumed = app.top
    assert isinstance(resumed, StationScene) and resumed is not station
    assert resumed.run.simulation is not None and resumed.run.simulation.hour == 5


def test_a_damaged_progress_file_is_told_on_the_title(user_home: Path) -> None:
    path = progress_path()
    path.parent.mkdir(parents=True)
    path.write_text("{oops", encoding="utf-8")
    opened = open_app()
    try:
        run_frames(opened)
        assert isinstance(opened.top, TitleScene)
        said = "Your campaign progress file progress.json is not valid JSON"
        assert any(notice.text.startswith(said) for notice in opened.notices.shown)
    finally:
        opened.close()


def test_the_title_is_drawn_with_its_art_and_nothing_overlaps(big_app: App) -> None:
    run_frames(big_app, 3)
    scene = title_of(big_app)
    assert big_app.window.get_size() == (1920, 1080)
    assert len(colours_in(big_app.window, step=9)) > 40  # stars, Earth, ridges, buttons and text, not a flat fill
    for first, second in itertools.combinations(scene.buttons, 2):
        assert not first.rect.colliderect(second.rect)
    assert all(big_app.window.get_rect().contains(button.rect) for button in scene.buttons)
    # The words the title writes over its art (the name, the subtitle, the version and the keys' line): no button
    # covers any of them, and the name and subtitle stand above the menu.
    assert scene.backdrop is not None
    words = scene.backdrop.copy()
    scene.draw(words, 1.0)
    written = changed_pixels(scene.backdrop, words)
    for button in scene.buttons:
        assert not written[button.rect.left:button.rect.right, button.rect.top:button.rect.bottom].any(), \
            f"the button '{button.text}' covers words of the title"
    menu_top = min(button.rect.top for button in scene.buttons)
    assert written[:, :menu_top].sum() > 0.5 * written.sum(), "the name and subtitle stand above the menu"


# --- campaign timeline ---------------------------------------------------------------------------


def test_the_milestones_file_is_real_and_sourced() -> None:
    timeline = load_timeline()
    assert timeline.problems == []
    milestones = timeline.milestones
    assert len(milestones) >= 20
    assert milestones[0].date.year == 2021 and max(m.date.year for m in milestones) >= 2040
    assert all(m.sources and all(s.startswith("http") for s in m.sources) for m in milestones)
    assert {m.kind for m in milestones} >= {"agreement", "mission", "partner", "plan_change", "stage"}
    memorandum = next(m for m in milestones if m.id == "memorandum")
    assert memorandum.date == dt.date(2021, 3, 9) and memorandum.date_text() == "9 March 2021"
    basic = next(m for m in milestones if m.id == "basic-station")
    assert all(year in translate(basic.text) for year in ("2028", "2030", "2035"))  # where dates moved, it says so


def test_a_broken_milestones_file_gives_problems_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "milestones.toml"
    path.write_text('format = 1\n[[milestones]]\nid = "x"\nkind = "rumour"\ndate = 2030-01-01\n', encoding="utf-8")
    timeline = load_timeline(path)
    assert timeline.milestones == [] and timeline.problems
    assert any("kind" in str(problem) for problem in timeline.problems)


def open_timeline(app: App) -> TimelineScene:
    click_button(app, title_of(app).button_labelled("Campaign"))
    scene = app.top
    assert isinstance(scene, TimelineScene)
    return scene


def test_the_timeline_shows_milestones_and_the_campaign_with_locks(app: App) -> None:
    scene = open_timeline(app)
    levels = [item.level for item in scene.items if item.level is not None]
    dates = [item.date for item in scene.items if item.level is not None]
    assert dates == sorted(dates)  # the line is in date order, whatever the campaign order
    by_id = {entry.level_id or "": entry for entry in levels}
    ids = campaign_ids()
    assert sorted(by_id) == sorted(ids) and len(ids) >= 2
    assert not by_id[ids[0]].locked and all(by_id[level_id].locked for level_id in ids[1:])
    levels = [by_id[level_id] for level_id in ids]
    assert sum(1 for item in scene.items if item.milestone is not None) >= 20
    selected = scene.selected_item
    assert selected is not None and selected.level is levels[0]  # it opens on the level to play next
    assert len(colours_in(app.window, step=9)) > 25
    focus = app.ctx.palette.focus[:3]  # the chosen card, and only it, is outlined in the focus colour all round
    shown_cards = [rect for rect, item in zip(scene.layout.item_rects, scene.items, strict=True)
                   if item.is_level and rect.w]
    outlined = [rect for rect in shown_cards if focus in outline_colours(app.window, rect)]
    assert len(shown_cards) >= 2 and outlined == [scene.layout.item_rects[scene.selected]]
    # Milestone marks and level cards stay on screen and level cards never overlap.
    screen = app.window.get_rect()
    assert all(screen.contains(rect) for rect in scene.layout.item_rects)
    cards = [rect for rect, item in zip(scene.layout.item_rects, scene.items, strict=True) if item.is_level]
    assert not any(a.colliderect(b) for a, b in itertools.combinations(cards, 2))
    detail = scene.layout.list_detail.detail  # the chosen item's words, below every card and inside the window
    assert screen.contains(detail) and all(card.bottom < detail.top for card in cards)


def test_keys_walk_the_timeline_and_a_locked_level_does_not_open(app: App) -> None:
    scene = open_timeline(app)
    press(app, pygame.K_HOME)
    assert scene.selected == 0 and scene.items[0].milestone is not None
    press(app, pygame.K_RETURN)
    assert app.top is scene  # a milestone has nothing to open
    press(app, pygame.K_RIGHT)
    assert scene.selected == 1
    press(app, pygame.K_LEFT)
    press(app, pygame.K_TAB)
    assert scene.selected == 1
    locked = next(i for i, item in enumerate(scene.items) if item.level is not None and item.level.locked)
    while scene.selected != locked:
        press(app, pygame.K_PAGEDOWN)
    open_button = scene.widgets.get("open")
    assert open_button is not None and not open_button.is_enabled
    press(app, pygame.K_RETURN)
    assert app.top is scene
    assert any("locked" in notice.text for notice in app.notices.shown)


def test_winning_a_level_unlocks_the_next_and_marks_it_won(app: App) -> None:
    first, second = campaign_ids()[:2]
    mark_completed(first, 812)
    scene = open_timeline(app)
    by_id = {item.level.level_id: item.level for item in scene.items if item.level is not None}
    assert by_id[first].best_score == 812 and not by_id[second].locked
    assert scene.selected_item is not None and scene.selected_item.level is by_id[second]  # the next to play
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, BriefingScene) and app.top.level.id == second


def test_teacher_mode_opens_every_level() -> None:
    entries = level_entries(load_game_content([]))
    apply_progress(entries, Progress(), unlock_all=True)
    assert not any(entry.locked for entry in entries)
    apply_progress(entries, Progress(), unlock_all=False)
    campaign = [entry for entry in entries if entry.in_campaign]
    assert [entry.locked for entry in campaign] == [False] + [True] * (len(campaign) - 1)
    assert all(entry.locked_by == campaign[0].title for entry in campaign[1:])
    assert not any(entry.locked for entry in entries if not entry.in_campaign)  # sandbox and mods never lock


# --- briefing ------------------------------------------------------------------------------------


def open_briefing(app: App) -> BriefingScene:
    open_timeline(app)
    press(app, pygame.K_RETURN)
    scene = app.top
    assert isinstance(scene, BriefingScene)
    return scene


def test_the_briefing_tells_date_context_objectives_goals_partners_and_sourced_facts(app: App) -> None:
    scene = open_briefing(app)
    level = scene.level
    assert scene.context_box is not None and scene.facts_box is not None
    context = scene.context_box.html_text
    assert "You will learn to" in context and "Goals" in context and "Partners" in context
    assert all(goal.text in context for goal in level.goals if isinstance(goal.text, str))
    assert "China National Space Administration" in context  # partner names from the catalog, not ids
    facts = scene.facts_box.html_text
    assert level.facts and all(source in facts for fact in level.facts for source in fact.sources)
    assert len(colours_in(app.window, step=9)) > 15


def test_start_replaces_the_briefing_with_the_station_and_esc_goes_back(app: App) -> None:
    open_briefing(app)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TimelineScene)
    press(app, pygame.K_RETURN)
    scene = app.top
    assert isinstance(scene, BriefingScene)
    assert scene.focus is not None and scene.focus.focused is scene.start_button
    press(app, pygame.K_TAB)
    assert scene.focus.focused is scene.difficulty_button
    press(app, pygame.K_TAB)
    assert scene.focus.focused is scene.back_button
    press(app, pygame.K_TAB)
    press(app, pygame.K_RETURN, frames=3)
    assert type(app.top).__name__ == "StationScene"
    assert [type(s).__name__ for s in app.stack] == ["TitleScene", "TimelineScene", "StationScene"]


def test_the_level_list_opens_levels_through_the_briefing_and_keeps_locks(app: App) -> None:
    click_button(app, title_of(app).button_labelled("Sandbox and mods"))
    listing = app.top
    assert isinstance(listing, LevelListScene)
    locked = next(i for i, entry in enumerate(listing.entries) if entry.locked)
    listing._select(locked)
    run_frames(app)
    assert listing.play_button is not None and not listing.play_button.is_enabled
    assert listing.detail is not None and "Locked" in listing.detail.html_text
    press(app, pygame.K_RETURN)
    assert app.top is listing
    press(app, pygame.K_HOME)
    press(app, pygame.K_TAB)
    assert listing.selected == 1
    press(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert listing.selected == 0
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, BriefingScene)


# --- encyclopedia --------------------------------------------------------------------------------


def test_the_encyclopedia_holds_every_fact_module_partner_and_mission() -> None:
    folders = load_game_content([])
    milestones = load_timeline().milestones
    entries = encyclopedia_entries(folders, milestones)
    by_category = {category: [e for e in entries if e.category == category]
                   for category in ("fact", "module", "craft", "partner", "mission")}
    game = folders[0]
    fact_ids = {fact.id for loaded in game.levels if loaded.level for fact in loaded.level.facts}
    assert fact_ids <= {entry.fact_id for entry in by_category["fact"]}
    assert len(by_category["module"]) == len(game.catalog.modules)
    catalog = game.catalog
    assert len(by_category["craft"]) == len(catalog.tiles) + len(catalog.launch_vehicles) + len(catalog.landers)
    assert len(by_category["partner"]) == len(game.catalog.partners)
    assert len(by_category["mission"]) == sum(1 for m in milestones if m.kind == "mission")
    assert all("Sources:" in entry.body_html or "game value" in entry.body_html for entry in entries)


def open_encyclopedia(app: App) -> EncyclopediaScene:
    click_button(app, title_of(app).button_labelled("Encyclopedia"))
    scene = app.top
    assert isinstance(scene, EncyclopediaScene)
    return scene


def test_typing_searches_tab_filters_and_esc_clears_then_leaves(app: App) -> None:
    scene = open_encyclopedia(app)
    everything = len(scene.visible)
    type_text(app, "shackleton")
    assert scene.query == "shackleton"
    assert 0 < len(scene.visible) < everything
    assert all("shackleton" in entry.search_text for entry in scene.visible)
    press(app, pygame.K_BACKSPACE)
    assert scene.query == "shackleto"
    type_text(app, "zzzz")
    assert scene.visible == [] and scene.detail is not None and "Nothing matches" in scene.detail.html_text
    press(app, pygame.K_ESCAPE)
    assert scene.query == "" and app.top is scene
    for category in ("fact", "module", "craft", "partner", "mission", "all"):
        press(app, pygame.K_TAB)
        assert scene.category == category
        assert all(category in ("all", entry.category) for entry in scene.visible)
    press(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert scene.category == "mission"
    press(app, pygame.K_DOWN)
    assert scene.selected == 1 and scene.detail is not None
    assert scene.detail.html_text == scene.visible[1].body_html
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScene)


def test_the_encyclopedia_marks_facts_met_in_play(app: App) -> None:
    mark_fact_seen("memorandum-2021")
    assert "memorandum-2021" in load_progress().facts_seen
    scene = open_encyclopedia(app)
    type_text(app, "zhang kejian rogozin")
    met = [i for i, entry in enumerate(scene.visible) if entry.fact_id == "memorandum-2021"]
    assert met
    scene.selected = met[0]
    scene._refresh()
    assert scene.detail is not None and "You met this fact in play" in scene.detail.html_text


def test_the_encyclopedia_fits_a_full_hd_screen(big_app: App) -> None:
    scene = open_encyclopedia(big_app)
    screen = big_app.window.get_rect()
    tabs = list(scene.tab_buttons.values())
    assert all(screen.contains(tab.rect) for tab in tabs) and screen.contains(scene.layout.search)
    assert not scene.layout.search.colliderect(tabs[-1].rect)
    assert not any(a.rect.colliderect(b.rect) for a, b in itertools.combinations(tabs, 2))
    assert not scene.layout.list_detail.list.colliderect(scene.layout.list_detail.detail)
    assert len(colours_in(big_app.window, step=9)) > 15


# --- credits -------------------------------------------------------------------------------------


def test_credits_list_the_assets_and_libraries_with_licences(app: App) -> None:
    rows = asset_rows(paths.assets_dir() / "CREDITS.md")
    assert rows and any("NotoSans" in asset for asset, _, _ in rows)
    click_button(app, title_of(app).button_labelled("Credits"))
    scene = app.top
    assert isinstance(scene, CreditsScene) and scene.text is not None
    text = scene.text.html_text
    assert "NotoSans-Regular.ttf" in text and "SIL Open Font License" in text
    assert "pymunk" in text and "MIT" in text
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, TitleScene)


def test_the_today_line_never_cuts_through_a_stage_name(app: App) -> None:
    from game.render import palette
    from game.scenes.scene import Push

    scene = TimelineScene(app.ctx, today=dt.date(2021, 1, 2))  # "today" at the line's start, far from the stage
    app.request(Push(scene))
    run_frames(app)
    size = app.window.get_size()
    construction = next(stage for stage in scene.stages if stage.id == "stage-construction")
    assert construction.end is not None
    line_height = app.ctx.fonts.regular(palette.SMALL).get_linesize()
    band = scene.layout.stage_band(construction.date, construction.end, line_height)
    # The name is what the stage's band shows in the text colour.
    text = app.ctx.palette.text[:3]
    name_columns = [x for x in range(band.left, band.right)
                    if any(tuple(app.window.get_at((x, y)))[:3] == text for y in range(band.top, band.bottom))]
    assert name_columns, "the stage's band shows no name"
    name = pygame.Rect(name_columns[0], band.top, name_columns[-1] + 1 - name_columns[0], band.height)
    before = app.window.subsurface(name).copy()
    # "Today" moved to the middle of the stage's name: the name must look the same, drawn over the line.
    scene.today = next(construction.date + dt.timedelta(days=day) for day in range(4000)
                       if x_of(construction.date + dt.timedelta(days=day), size) >= name.centerx)
    run_frames(app)
    now = x_of(scene.today, size)
    assert name.left < now < name.right
    assert not changed_pixels(before, app.window.subsurface(name)).any(), "the today line cuts the stage's name"
    below_band = pygame.Rect(now, band.bottom, 1, scene.layout.list_detail.list.top - band.bottom)
    assert app.ctx.palette.accent[:3] in colours_in(app.window, below_band, step=1), "no today line below the band"


# The smallest window at 100 % and at the largest text, the hardest fit: tests/test_screen_layouts.py places Earth
# beside the menu's block in both windows at every text size, without a window.
@pytest.mark.parametrize(("window", "ui_scale"), [((1280, 720), 1.0), ((1280, 720), 2.0)])
def test_earth_stands_on_the_title_horizon_clear_of_the_menu(
    window: tuple[int, int], ui_scale: float, monkeypatch: pytest.MonkeyPatch, user_home: Path,
) -> None:
    from game.render.sky import OCEAN

    save_settings(Settings(window_size=window, ui_scale=ui_scale))
    opened = open_app()
    try:
        for with_save in (False, True):  # Continue adds a row to the menu
            save = user_home / "a.json" if with_save else None
            monkeypatch.setattr(title_module, "latest_save", lambda save=save: save)
            scene = title_of(opened)
            scene.enter()
            run_frames(opened)
            ocean = pygame.mask.from_threshold(opened.window, OCEAN, (2, 2, 2, 255))
            assert ocean.count() > 40, "Earth is drawn and can be seen, if small in a crowded window"
            earth = ocean.get_bounding_rects()
            seen = earth[0].unionall(earth[1:])
            assert seen.bottom < window[1] * 0.8, "on the horizon, not on the ground"
            for button in scene.buttons:
                assert not button.rect.colliderect(seen), (button.text, seen)
    finally:
        opened.close()


def test_a_mod_level_reusing_a_games_level_id_is_shown_broken_with_the_line_to_fix(tmp_path: Path) -> None:
    mod = tmp_path / "copycat"
    mod.mkdir()
    original = paths.levels_dir() / "01_agreement_2021.toml"
    (mod / "my_copy.toml").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    entries = level_entries(load_game_content([mod]))
    same_id = [entry for entry in entries if entry.loaded is not None and entry.loaded.level is not None
               and entry.loaded.level.id == "agreement-2021"]
    assert [entry.playable for entry in same_id] == [True, False]  # the game's own level keeps its id
    problem = same_id[1].problems[0]
    assert problem.path == ("id",) and problem.line is not None
    assert "already the id of 01_agreement_2021.toml" in problem.message
    assert campaign_ids() == [entry.level_id for entry in entries if entry.in_campaign]


def test_at_a_large_text_size_the_timeline_still_says_what_is_chosen_and_why_a_level_is_locked(
        user_home: Path) -> None:
    """At 150 % in a 1280 × 720 window the chosen milestone or level had no words at all: the detail panel was left
    out for want of room for all of it, so a locked level never said what to win first."""
    from tests.app_helpers import open_recording_app

    app = open_recording_app(Settings(ui_scale=2.0))  # 1280 × 720 shows 150 %
    try:
        assert app.ctx.fonts.scale == 1.5
        scene = open_timeline(app)
        assert scene.layout.list_detail.detail.height < scene.layout.detail_least_height  # the case in question
        locked = next(index for index, item in enumerate(scene.items) if item.level is not None and item.level.locked)
        scene.select(locked)
        app.ctx.fonts.seen.clear()
        run_frames(app)
        level = scene.items[locked].level
        assert level is not None
        assert any(f"'{level.locked_by}'" in text for text in app.ctx.fonts.seen), sorted(app.ctx.fonts.seen)
        milestone = next(index for index, item in enumerate(scene.items) if item.milestone is not None)
        scene.select(milestone)
        app.ctx.fonts.seen.clear()
        run_frames(app)
        title = translate(scene.items[milestone].milestone.title, "en")  # type: ignore[union-attr]
        assert any(text.rstrip("…") and title.startswith(text.rstrip("…")) for text in app.ctx.fonts.seen
                   if len(text) > 8), sorted(app.ctx.fonts.seen)
    finally:
        app.close()


def test_the_encyclopedia_filters_count_what_the_search_finds(app: App) -> None:
    """A tab's count is what choosing it would show: its entries that match the search, not all of them."""
    scene = open_encyclopedia(app)
    type_text(app, "zhang kejian rogozin")
    for category, button in scene.tab_buttons.items():
        found = sum(1 for entry in scene.entries
                    if category in ("all", entry.category) and entry.matches(scene.query))
        assert button.text.endswith(f"({found})"), f"{category}: {button.text} while {found} match"
    assert any(button.text.endswith("(0)") for button in scene.tab_buttons.values())
