"""Renders every screen of the game headless to PNG files in docs/screenshots/, to look at after a change.

    python tools/screenshots.py [--out FOLDER]

Runs with SDL's dummy video driver and a throwaway user folder (LUNAR_STATION_HOME), into which it puts
a deliberately broken mod level so the list's broken-level panel is shown too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

BROKEN_MOD_LEVEL = """\
format = 1
id = "my-first-mod"
title = "My First Mod (with mistakes)"
summary = "A modder's level with a typo in the legend and in a goal."
start_date = 2030-01-01
time_limit_days = 30
learning_objectives = ["Read an error message and fix the file."]
briefing = "Nothing to brief."

[site]
name = "Somewhere near Shackleton"
legend = { "." = "plainn", "^" = "peak" }
rows = ["....", ".^^.", ".^^.", "...."]

[start]
budget = 100

[[goals]]
id = "build-it"
kind = "build"
module = "habitatt"
text = "Build a habitat."
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots", help="where to write the PNGs")
    args = parser.parse_args(argv)
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory(prefix="lunar-station-shots-") as home:
        os.environ["LUNAR_STATION_HOME"] = home
        mod = Path(home) / "data" / "mods" / "my-first-mod"
        mod.mkdir(parents=True)
        (mod / "my_level.toml").write_text(BROKEN_MOD_LEVEL, encoding="utf-8")
        written = shoot_every_screen(args.out)
    for path in written:
        print(path)
    return 0


def shoot_every_screen(out: Path) -> list[Path]:
    import pygame

    from game.app import App, open_app
    from game.scenes.campaign.level_list import LevelListScene
    from game.scenes.station.station_scene import StationScene

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    app = open_app()

    def frames(count: int, dt: float = 1 / 60) -> None:
        for _ in range(count):
            app.frame(dt)

    def key(code: int, count: int = 3) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0))
        frames(count)

    def mouse_to(position: tuple[int, int]) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=position, rel=(0, 0), buttons=(0, 0, 0)))
        frames(3)

    def shoot(name: str, target: App) -> None:
        path = out / f"{name}.png"
        pygame.image.save(target.window, str(path))
        written.append(path)

    try:
        frames(5)
        shoot("title", app)
        key(pygame.K_DOWN)  # from Campaign to Sandbox and mods
        key(pygame.K_RETURN)
        assert isinstance(app.top, LevelListScene)
        shoot("level_list", app)
        key(pygame.K_END)
        shoot("level_list_broken", app)
        key(pygame.K_HOME)
        key(pygame.K_RETURN)  # the level's briefing
        key(pygame.K_RETURN)  # Start
        scene = app.top
        assert isinstance(scene, StationScene)
        mouse_to((0, 0))  # the pointer over the header: no tooltip
        shoot("level_map_paused", app)
        for _ in range(4):
            key(pygame.K_EQUALS)
        peak = next((x, y) for x, y, kind in scene.run.grid.cells() if kind.id == "peak")
        scene.camera.centre_x, scene.camera.centre_y = peak[0] + 3, peak[1] + 4
        key(pygame.K_2)  # run at 4×
        frames(30, dt=0.1)
        hovered = scene.camera.grid_to_screen(peak[0] + 1.5, peak[1] + 1.5)
        mouse_to((round(hovered[0]), round(hovered[1])))
        shoot("level_map_zoomed_running", app)
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        frames(5)
        shoot("quit_dialog", app)
    finally:
        app.close()
    written.append(shoot_glyph_sheet(out / "module_glyphs.png"))
    from tools.station_screenshots import shoot_station_screens  # the station screen at its telling moments

    written += shoot_station_screens(out)
    written += shoot_menu_screens(out)
    from tools.partner_screenshots import shoot_partner_screens  # roster, talks with a counter-offer, ledger

    # Before the settings shots, which leave the projector look (high contrast, large text) saved behind them.
    written += shoot_partner_screens(out)
    written += shoot_landing_screens(out)
    written += shoot_settings_pause_and_debrief(out)
    written += shoot_large_text_screens(out)
    written.append(shoot_teacher(out / "teacher.png"))
    return written


def shoot_teacher(path: Path) -> Path:
    """The Teacher screen as a teacher first opens it from the title, with no class made yet (README's picture)."""
    import pygame

    from game.app import open_app
    from game.scenes.classroom.teacher import TeacherScene
    from game.scenes.scene import Push

    app = open_app()
    try:
        app.request(Push(TeacherScene(app.ctx)))
        for _ in range(5):
            app.frame(1 / 60)
        pygame.image.save(app.window, str(path))
    finally:
        app.close()
    return path


LARGE_TEXT_SCREENS = ("title", "campaign_timeline", "briefing", "partners", "negotiation", "landing_practice",
                      "landing_flight", "encyclopedia", "sandbox_list", "credits")


def shoot_large_text_screens(out: Path) -> list[Path]:
    """Screens at 150 % text in high contrast (the projector settings), each reached as a player reaches it."""
    import pygame

    from game.app import open_app
    from game.settings import Settings, load_settings, save_settings
    from tests.screen_tour import open_screen

    saved = load_settings().settings
    written: list[Path] = []
    try:
        save_settings(Settings(ui_scale=1.5, high_contrast=True))
        for name in LARGE_TEXT_SCREENS:
            app = open_app()
            try:
                open_screen(app, name)
                path = out / f"{name}_hc150.png"
                pygame.image.save(app.window, str(path))
                written.append(path)
            finally:
                app.close()
    finally:
        save_settings(saved)  # the shots that follow expect the player's own settings
    return written


def shoot_menu_screens(out: Path) -> list[Path]:
    """The campaign timeline (a level, then a milestone chosen), a briefing, the encyclopedia and the credits."""
    import pygame
    import pygame_gui

    from game.app import open_app
    from game.progress import mark_completed
    from game.scenes.campaign.briefing import BriefingScene
    from game.scenes.campaign.timeline import TimelineScene
    from game.scenes.menus.encyclopedia import EncyclopediaScene
    from game.scenes.menus.title import TitleScene

    mark_completed("agreement-2021", 860)  # so the timeline shows a won level and the next one open
    written: list[Path] = []
    app = open_app()

    def key(code: int, mod: int = 0) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0))
        for _ in range(3):
            app.frame(1 / 60)

    def shoot(name: str) -> None:
        path = out / f"{name}.png"
        pygame.image.save(app.window, str(path))
        written.append(path)

    try:
        app.frame(1 / 60)
        title = app.top
        assert isinstance(title, TitleScene) and title.focus is not None
        title.focus.focus_on(title.button_labelled("Campaign"))  # not Continue, when the gallery left a save
        key(pygame.K_RETURN)
        timeline = app.top
        assert isinstance(timeline, TimelineScene)
        shoot("campaign_timeline")
        key(pygame.K_RETURN)
        assert isinstance(app.top, BriefingScene)
        shoot("briefing")
        key(pygame.K_ESCAPE)
        timeline.select(next(i for i, item in enumerate(timeline.items) if item.milestone is not None
                             and item.milestone.id == "basic-by-2035"))
        key(pygame.K_RIGHT)
        key(pygame.K_LEFT)  # walked there by keys too: the basic station's date, as it moved
        shoot("campaign_timeline_milestone")
        key(pygame.K_ESCAPE)
        title.focus.focus_on(title.button_labelled("Encyclopedia"))
        key(pygame.K_RETURN)
        assert isinstance(app.top, EncyclopediaScene)
        for character in "south pole":
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=character))
        key(pygame.K_DOWN)
        shoot("encyclopedia_search")
        key(pygame.K_ESCAPE)  # clears the search
        key(pygame.K_TAB)
        key(pygame.K_TAB)
        key(pygame.K_TAB)  # Partners
        key(pygame.K_DOWN)
        shoot("encyclopedia_partners")
        key(pygame.K_ESCAPE)
        pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=title.button_labelled("Credits")))
        for _ in range(3):
            app.frame(1 / 60)
        shoot("credits")
    finally:
        app.close()
    return written


def shoot_glyph_sheet(path: Path) -> Path:
    """Every module silhouette and tile pattern side by side, to check they differ by shape, not colour."""
    import pygame

    from game import paths
    from game.render import palette
    from game.render.fonts import Fonts
    from game.render.glyphs import GLYPHS, draw_glyph
    from game.render.patterns import PATTERNS, draw_pattern, ink_for
    from game.render.text import draw_text

    pygame.display.init()
    pygame.font.init()
    try:
        fonts = Fonts(paths.assets_dir() / "fonts")
        sheet = pygame.Surface((1280, 720))
        sheet.fill(palette.SKY)
        draw_text(sheet, "Module silhouettes", fonts.bold(palette.HEADING), palette.TEXT, (40, 24))
        for index, shape in enumerate(GLYPHS):
            column, row = index % 7, index // 7
            cell = pygame.Rect(40 + column * 176, 90 + row * 150, 150, 130)
            plate = pygame.Rect(0, 0, 92, 92)
            plate.midtop = cell.midtop
            pygame.draw.rect(sheet, palette.PANEL, plate, border_radius=14)
            pygame.draw.rect(sheet, palette.GLYPH_FILL, plate, 3, border_radius=14)
            draw_glyph(sheet, shape, plate.inflate(-20, -20))
            draw_text(sheet, shape, fonts.regular(palette.BODY), palette.TEXT, (cell.centerx, plate.bottom + 6),
                      anchor="midtop")
        draw_text(sheet, "Tile patterns", fonts.bold(palette.HEADING), palette.TEXT, (40, 552))
        spacing = (1280 - 80) // len(PATTERNS)  # every pattern fits the sheet, however many there are
        for index, pattern in enumerate(PATTERNS):
            swatch = pygame.Surface((72, 72))
            colour = pygame.Color("#8d8980")
            swatch.fill(colour)
            draw_pattern(swatch, pattern, ink_for(colour))
            sheet.blit(swatch, (40 + index * spacing, 605))
            draw_text(sheet, pattern, fonts.regular(palette.BODY), palette.TEXT, (124 + index * spacing, 628))
        pygame.image.save(sheet, str(path))
    finally:
        pygame.display.quit()
    return path


def shoot_landing_screens(out: Path) -> list[Path]:
    """Landing practice's panel, then an autopiloted landing: mid-flight, near touchdown, and its plot."""
    import pygame

    from game.app import open_app
    from game.content.loader import LoadedLevel
    from game.content.models import Landing, LandingAssists
    from game.scenes.landing.flight_screen import LandingScene
    from game.scenes.landing.practice_screen import LandingPracticeScene
    from game.scenes.scene import Push
    from tests.landing_helpers import NOMINAL_LANDING

    written: list[Path] = []
    app = open_app(LandingPracticeScene)

    def shoot(name: str) -> None:
        path = out / f"{name}.png"
        pygame.image.save(app.window, str(path))
        written.append(path)

    try:
        practice = app.top
        assert isinstance(practice, LandingPracticeScene)
        app.frame(1 / 60)
        practice.selected = 2
        practice.change("Gravity", 2)  # Earth: the panel explains why this engine cannot land there
        app.frame(1 / 60)
        shoot("landing_practice")
        # The benchmark's nominal zone (boulders, a crater rim, a slope) shows the long shadows.
        zone = practice.zone
        assert zone is not None and zone.level is not None
        rough = zone.level.model_copy(update={"landing": Landing.model_validate(NOMINAL_LANDING)})
        loaded = LoadedLevel(zone.path, zone.label, rough, zone.catalog)
        app.request(Push(LandingScene(app.ctx, loaded, cargo="battery", seed=1, practice=True, autopilot=True,
                                      assists=LandingAssists(suggested_burn=True))))
        scene = app.top
        assert isinstance(scene, LandingScene)
        for _ in range(20):
            app.frame(1 / 60)
        shoot("landing_mid_flight")
        while scene.phase == "flying" and scene.session.seen.altitude_m > 3.0:
            app.frame(1 / 60)
        shoot("landing_near_touchdown")
        while scene.phase == "flying":
            app.frame(0.25)
        app.frame(1 / 60)
        shoot("landing_after_flight")
    finally:
        app.close()
    return written


def shoot_settings_pause_and_debrief(out: Path) -> list[Path]:
    """The settings (standard, then high contrast at 150 %), the pause menu over the first level, and the
    debrief of an autoplayed run of it: summary with a graph, facts, and an answered quiz question."""
    import dataclasses

    import pygame

    from game.app import open_app
    from game.autoplay.player import autoplay
    from game.content.loader import load_level_by_path
    from game.rules.hours import HOURS_PER_DAY
    from game.scenes.campaign.debrief import DebriefScene
    from game.scenes.menus.pause import PauseScene
    from game.scenes.menus.settings_screen import SettingsScene
    from game.scenes.scene import Pop, Push
    from game.scenes.station.station_scene import StationScene
    from game.simulation.simulation import Simulation

    written: list[Path] = []
    app = open_app()

    def frames(count: int = 3) -> None:
        for _ in range(count):
            app.frame(1 / 60)

    def shoot(name: str) -> None:
        path = out / f"{name}.png"
        pygame.image.save(app.window, str(path))
        written.append(path)

    try:
        loaded = load_level_by_path(REPO / "levels" / "01_agreement_2021.toml")
        app.request(Push(StationScene(app.ctx, loaded)))
        frames(5)
        app.request(Push(PauseScene(app.ctx, on_save=lambda: "Saved as “Open to All, day 1” in your saves folder.",
                                    on_quit_to_menu=lambda: None)))
        frames()
        pause = app.top
        assert isinstance(pause, PauseScene)
        pause.choose("Save")
        frames()
        shoot("pause_menu")
        app.request(pause.choose("Settings"))
        frames()
        settings = app.top
        assert isinstance(settings, SettingsScene)
        shoot("settings")
        app.request(Pop())
        frames()
        app.request(Pop())  # the pause menu
        app.request(Pop())  # the level
        frames()
        level, catalog = loaded.require()
        run = autoplay(level, catalog)
        simulation = Simulation(level, catalog)
        simulation.run_hours(round(level.time_limit_days * HOURS_PER_DAY), run.commands)
        debrief = DebriefScene(app.ctx, dataclasses.replace(loaded, level=level), simulation)
        app.request(Push(debrief))
        frames()
        shoot("debrief_summary")
        debrief.press("tab:Facts")
        frames()
        shoot("debrief_facts")
        debrief.press("tab:Quiz")
        if level.quiz:
            debrief.press(f"choice:{(level.quiz[0].answer + 1) % len(level.quiz[0].choices)}")  # a wrong pick
        frames()
        shoot("debrief_quiz")
        app.request(Pop())
        frames()
        scaled_settings = SettingsScene(app.ctx)
        app.request(Push(scaled_settings))
        frames()
        scaled_settings.working.ui_scale = 1.5
        scaled_settings.working.high_contrast = True
        scaled_settings.apply()
        frames()
        shoot("settings_high_contrast_150")
    finally:
        app.close()
    return written


if __name__ == "__main__":
    raise SystemExit(main())
