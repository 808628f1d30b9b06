"""Landing practice: pick a landing zone and cargo, try other gravity and engines ("what if"), assists, or a replay."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game import paths
from game.content.catalog import Catalog
from game.content.figures import status_tag
from game.content.loader import LoadedLevel, load_game_content
from game.content.locale_format import KILOGRAM, METRE_PER_SECOND_SQUARED, NEWTON, Quantity
from game.content.message import say
from game.content.models import Figure, LandingAssists, Level, ModuleSpec
from game.content.text import translate
from game.content.ui_text import to_translate
from game.landing.recorder import read_recording
from game.landing.scenario import problem_text, scenario_for
from game.landing.what_if import WHAT_IF_FILE, WhatIf, World, moon, read_what_if
from game.render import palette
from game.render.fonts import scaled_px
from game.render.text import draw_paragraph, draw_text, fit_text, wrap_text
from game.scenes.context import SceneContext
from game.scenes.landing.cue_lesson import CueLessonScene
from game.scenes.landing.flight_screen import LandingScene, assists_with_settings, recordings_dir
from game.scenes.scene import Pop, Push, SceneBase, Transition
from game.ui.widget_set import WidgetSet

MARGIN = 40
TOP = 100
ROW_HEIGHT = 44
LABEL_WIDTH = 230
PANEL_WIDTH = 690
# Large text (a UI scale where a label would be cut beside its value) puts each label above its value; the
# choices then take this share of the window's width at most, leaving the rest to the lander's numbers.
STACKED_PANEL_SHARE = 0.46
BUTTON_HEIGHT = 54
BUTTON_FONT_PX = 24  # the theme's button text size (assets/theme.json), at 100 %
BUTTON_PADDING = 16  # each side of a button's words
ROW_GAP = 16
# The words of a choice stay English in the model (the code finds choices by them) and are translated where drawn.
SLOW_MOTION = ((to_translate("Off"), 1.0), (to_translate("Half speed"), 0.5), (to_translate("Quarter speed"), 0.25))
TARGET_SCALES = ((to_translate("Off"), 1.0), (to_translate("Twice as wide"), 2.0), (to_translate("Three times"), 3.0))
SEEDS = 100
WHAT_IF_THRUST = Figure(status="game")  # an engine this many times the real one: the what-if's own figure
# Thrust-to-weight below which the panel warns that braking leaves little margin (a game judgement).
LOW_MARGIN_TW = 1.3


@dataclass(slots=True)
class Choice:
    """One row of the panel: its label, the values it offers (words to show, value to use), the one chosen."""

    label: str
    options: list[tuple[str, object]]
    index: int = 0

    @property
    def value(self) -> object:
        return self.options[self.index][1]

    @property
    def shown(self) -> str:
        return self.options[self.index][0]

    def step(self, by: int) -> None:
        self.index = (self.index + by) % len(self.options)


@dataclass(slots=True)
class PracticeLevels:
    """The playable levels that practice can land in, with their titles."""

    loaded: list[LoadedLevel] = field(default_factory=list)

    def by_id(self, level_id: str) -> LoadedLevel | None:
        return next((item for item in self.loaded if item.level is not None and item.level.id == level_id), None)


def playable_levels(mod_folders: list[Path] | None) -> PracticeLevels:
    """Every level that loads without problems, the game's first, then the mods'."""
    levels = PracticeLevels()
    for folder in load_game_content(mod_folders):
        levels.loaded += [loaded for loaded in folder.levels if loaded.ok]
    return levels


class LandingPracticeScene(SceneBase):
    """Up/Down choose a setting, Left/Right change it, Enter flies, A lets the autopilot fly, Esc goes back."""

    def __init__(self, ctx: SceneContext):
        self.ctx = ctx
        self.levels = PracticeLevels()
        self.what_if = WhatIf((moon(),), (1.0,))
        self.choices: list[Choice] = []
        self.selected = 0
        self.buttons: WidgetSet[UIButton] = WidgetSet()
        self.entries: WidgetSet[UITextEntryLine] = WidgetSet()  # the replay's file name
        self.replay_entry: UITextEntryLine | None = None
        self.problem = ""
        self.thrust_figure = WHAT_IF_THRUST  # what the full thrust shown is: the lander's figure or a what-if's
        self.cargo_line: tuple[ModuleSpec | None, float] = (None, 0.0)  # the cargo chosen and its mass
        self.first_row = 0  # the first choice shown: at a large UI scale the list scrolls
        self._stacked_for: tuple[object, ...] = ()  # what `stacked` was last measured for, and its answer
        self._stacked_answer = False

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        mods = list(self.ctx.mod_folders) if self.ctx.mod_folders is not None else None
        self.levels = playable_levels(mods)
        try:
            self.what_if = read_what_if(paths.assets_dir() / WHAT_IF_FILE)
        except ValueError as error:
            self.ctx.notices.show(self.ctx.tr("Only the Moon can be chosen: {error}", error=error))
        if not self.choices:
            self._build_choices()
        self._build_widgets()

    def exit(self) -> None:
        self.buttons.kill()
        self.entries.kill()
        self.replay_entry = None

    def _buttons_top(self, height: int) -> int:
        scale = min(self.ctx.fonts.scale, 1.5)
        return height - scaled_px(BUTTON_HEIGHT, scale) - self.ctx.fonts.regular(palette.SMALL).get_linesize() - 8

    def _row_widths(self, labels: list[str], widths_at_100: tuple[int, ...], window_width: int) -> list[int]:
        """The bottom row's button widths: each as wide as its words need (at least its width at 100 % grown with
        the text size), all narrowed alike when together they would not fit the window's width."""
        most = min(self.ctx.fonts.scale, 1.5)
        font = self.ctx.fonts.bold(BUTTON_FONT_PX)
        needed = [font.size(label)[0] + 2 * BUTTON_PADDING for label in labels]
        wanted = [max(scaled_px(base, most), need) for base, need in zip(widths_at_100, needed, strict=True)]
        room = window_width - 2 * MARGIN - len(wanted) * ROW_GAP  # a wider gap between the pairs
        if sum(wanted) <= room:
            return wanted
        if sum(needed) > room:  # the words alone do not fit: all narrowed alike
            return [need * room // sum(needed) for need in needed]
        spare = room - sum(needed)  # what is left after the words, shared as the widths at 100 % would share it
        slack = [want - need for want, need in zip(wanted, needed, strict=True)]
        return [need + extra * spare // max(1, sum(slack)) for need, extra in zip(needed, slack, strict=True)]

    def _build_widgets(self) -> None:
        scale = self.ctx.fonts.scale
        most = min(scale, 1.5)  # three buttons in a row must still fit 1280 pixels
        self.exit()
        width, height = self.ctx.ui.window_resolution
        button = scaled_px(BUTTON_HEIGHT, most)
        bottom = self._buttons_top(height)
        ui = self.ctx.ui
        labels = {name: self.ctx.tr(name) for name in (to_translate("Back"), to_translate("Learn the sounds"),
                                                       to_translate("Autopilot flies"), to_translate("Fly"))}
        back_w, sounds_w, autopilot_w, fly_w = self._row_widths(list(labels.values()), (150, 230, 300, 200), width)
        back = pygame.Rect(MARGIN, bottom, back_w, button)
        self.buttons["Back"] = UIButton(back, labels["Back"], ui)
        sounds = pygame.Rect(back.right + ROW_GAP, bottom, sounds_w, button)
        self.buttons["Sounds"] = UIButton(sounds, labels["Learn the sounds"], ui)
        fly = pygame.Rect(0, bottom, fly_w, button)
        fly.right = width - MARGIN
        self.buttons["Fly"] = UIButton(fly, labels["Fly"], ui)
        autopilot = pygame.Rect(0, bottom, autopilot_w, button)
        autopilot.right = fly.left - ROW_GAP
        self.buttons["Autopilot"] = UIButton(autopilot, labels["Autopilot flies"], ui)
        right = self.info_rect((width, height))
        line = scaled_px(48, scale)
        replay_width = scaled_px(140, scale)
        entry = pygame.Rect(right.x + 12, right.bottom - line - 12, right.width - replay_width - 34, line)
        self.replay_entry = self.entries.add("replay", UITextEntryLine(entry, ui))
        self.replay_entry.set_text(str(self._newest_recording() or recordings_dir()))
        self.buttons["Replay"] = UIButton(pygame.Rect(entry.right + 10, entry.y, replay_width, line),
                                          self.ctx.tr("Replay"), ui)

    def _newest_recording(self) -> Path | None:
        folder = recordings_dir()
        try:
            found = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime)
        except OSError:
            return None
        return found[-1] if found else None

    # --- the choices -----------------------------------------------------------------------------

    def _build_choices(self) -> None:
        zones: list[tuple[str, object]] = [(item.title(self.ctx.language), item) for item in self.levels.loaded]
        if not zones:
            self.problem = self.ctx.tr("No level can be loaded, so there is no landing zone to practise on.")
            return
        worlds: list[tuple[str, object]] = []
        for world in self.what_if.worlds:
            gravity = world.gravity_m_s2 if world.gravity_m_s2 is not None else self._moon_gravity()
            # A message: the choice's text is shown through tr, so the world's name reads in the player's language.
            worlds.append((say("{world}: {gravity}", world=world.name,
                                gravity=Quantity(gravity, METRE_PER_SECOND_SQUARED)), world))
        self.choices = [
            Choice(to_translate("Landing zone"), zones),
            Choice(to_translate("Cargo"), [(to_translate("None"), None)]),
            Choice(to_translate("Gravity"), worlds),
            Choice(to_translate("Engine thrust"), [("×1", 1.0)]),
            Choice(to_translate("Attitude hold"), [(to_translate("Off"), False), (to_translate("On"), True)]),
            Choice(to_translate("Suggested burn"), [(to_translate("Off"), False), (to_translate("On"), True)]),
            Choice(to_translate("Slow motion"), list(SLOW_MOTION)),
            Choice(to_translate("Larger target"), list(TARGET_SCALES)),
            Choice(to_translate("Seed"), [(str(seed), seed) for seed in range(SEEDS)]),
        ]
        self._zone_changed()

    def choice(self, label: str) -> Choice:
        return next(choice for choice in self.choices if choice.label == label)

    def _moon_gravity(self) -> float:
        for item in self.levels.loaded:
            if item.catalog is not None and item.catalog.moon is not None:
                return item.catalog.moon.surface_gravity
        return 0.0

    @property
    def zone(self) -> LoadedLevel | None:
        return self.choice("Landing zone").value if self.choices else None  # type: ignore[return-value]

    def _zone_changed(self) -> None:
        """A new landing zone: its cargo, its engine's thrust steps and its own assists as the defaults."""
        loaded = self.zone
        if loaded is None or loaded.level is None or loaded.catalog is None:
            return
        level, catalog = loaded.level, loaded.catalog
        try:
            spec = scenario_for(level, catalog, 0).lander
        except ValueError as error:
            self.problem = problem_text(error)
            return
        self.problem = ""
        cargo = self.choice("Cargo")
        tr = self.ctx.tr
        short = {module.id: translate(module.name, self.ctx.language).split(" (")[0]  # room for the mass
                 for module in catalog.modules.values()}
        # Each number says what it is, as everywhere: the cargo's mass stands with its status in the lander's
        # box (there is no room for both here); the engine's own thrust is the lander's figure, its multiples
        # are what-ifs.
        cargo.options = [(to_translate("None"), None)] + [
            (short[module.id], module.id)
            for module in sorted(catalog.modules.values(), key=lambda module: module.mass_kg)
            if module.mass_kg <= spec.max_cargo_kg
        ]
        wanted = level.landing.cargo if level.landing is not None else None
        cargo.index = next((i for i, (_, value) in enumerate(cargo.options) if value == wanted), 0)
        thrust = self.choice("Engine thrust")

        def thrust_option(factor: float) -> str:
            status = status_tag(spec.figure("max_thrust_n") if factor == 1.0 else WHAT_IF_THRUST, tr)
            return tr("×{factor} ({thrust}, {status})", factor=f"{factor:g}",
                      thrust=Quantity(spec.max_thrust_n * factor, NEWTON, 0), status=status)

        thrust.options = [
            (thrust_option(factor), factor) for factor in self.what_if.thrust_factors
            if spec.max_thrust_n * factor >= spec.min_thrust_n
        ] or [(thrust_option(1.0), 1.0)]
        thrust.index = next((i for i, (_, value) in enumerate(thrust.options) if value == 1.0), 0)
        # The level's assists with the player's own from the settings: what a flight would use anyway.
        assists = assists_with_settings(level.landing.assists if level.landing is not None else LandingAssists(),
                                        self.ctx.settings)
        self.choice("Attitude hold").index = int(assists.attitude_hold)
        self.choice("Suggested burn").index = int(assists.suggested_burn)
        self.choice("Slow motion").index = _nearest(SLOW_MOTION, assists.slow_motion)
        self.choice("Larger target").index = _nearest(TARGET_SCALES, assists.target_scale)

    def change(self, label: str, by: int) -> None:
        """Moves the named setting `by` steps through its values (as Left/Right do)."""
        choice = self.choice(label)
        choice.step(by)
        if label == "Landing zone":
            self._zone_changed()

    @property
    def world(self) -> World:
        value = self.choice("Gravity").value
        assert isinstance(value, World)
        return value

    def assists(self) -> LandingAssists:
        return LandingAssists(
            attitude_hold=bool(self.choice("Attitude hold").value),
            suggested_burn=bool(self.choice("Suggested burn").value),
            slow_motion=float(self.choice("Slow motion").value),  # type: ignore[arg-type]
            target_scale=float(self.choice("Larger target").value),  # type: ignore[arg-type]
        )

    def _lander_numbers(self, level: Level, catalog: Catalog) -> tuple[str, float, float, float, float] | None:
        """(lander name, start mass, full thrust, gravity, thrust-to-weight) for the present choices."""
        cargo = self.choice("Cargo").value
        try:
            scenario = scenario_for(level, catalog, 0, cargo=cargo if isinstance(cargo, str) else None,
                                    gravity=self.world.gravity_m_s2)
        except ValueError:
            return None
        spec = scenario.lander
        mass = spec.dry_mass_kg + spec.propellant_kg + scenario.cargo_mass_kg
        factor = float(self.choice("Engine thrust").value)  # type: ignore[arg-type]
        thrust = spec.max_thrust_n * factor
        self.thrust_figure = spec.figure("max_thrust_n") if factor == 1.0 else WHAT_IF_THRUST
        module = catalog.modules.get(cargo) if isinstance(cargo, str) else None
        self.cargo_line = (module, scenario.cargo_mass_kg)
        gravity = scenario.gravity_m_s2
        return translate(spec.name, self.ctx.language), mass, thrust, gravity, thrust / (mass * gravity)

    # --- going somewhere -------------------------------------------------------------------------

    def fly(self, autopilot: bool = False) -> Transition | None:
        """The landing as chosen, flown by the player (or the autopilot), as practice."""
        loaded = self.zone
        if loaded is None or loaded.level is None:
            return None
        level, catalog = loaded.require()
        spec = scenario_for(level, catalog, 0).lander
        cargo = self.choice("Cargo").value
        factor = float(self.choice("Engine thrust").value)  # type: ignore[arg-type]
        scene = LandingScene(
            self.ctx, loaded, cargo=cargo if isinstance(cargo, str) else None,
            seed=int(self.choice("Seed").value),  # type: ignore[call-overload]
            practice=True, gravity=self.world.gravity_m_s2,
            max_thrust_n=None if factor == 1.0 else spec.max_thrust_n * factor,
            assists=self.assists(), autopilot=autopilot, world_name=self.world.name,
        )
        return Push(scene)

    def replay_file(self, path: Path) -> Transition | None:
        """Plays back a recorded flight (JSON) in its own level; a sentence on screen when it cannot."""
        if path.is_dir():
            self.ctx.notices.show(self.ctx.tr("{path} is a folder: type the path of a recording (.json) inside it.",
                                              path=path))
            return None
        try:
            recording = read_recording(path)
        except ValueError as error:
            self.ctx.notices.show(self.ctx.tr(error.args[0] if error.args else str(error)))  # a say() sentence
            return None
        loaded = self.levels.by_id(recording.level_id)
        if loaded is None:
            self.ctx.notices.show(
                self.ctx.tr("The recording is of level '{level}', which is not among the levels that load.",
                            level=recording.level_id)
            )
            return None
        return Push(LandingScene(self.ctx, loaded, practice=True, replay=recording))

    # --- input -----------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self._build_widgets()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._press(event.ui_element)
        elif event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.replay_entry:
            return self.replay_file(Path(self.replay_entry.get_text().strip()).expanduser())
        elif event.type == pygame.KEYDOWN:
            return self._key(event.key)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._click(event.pos)
        return None

    def _press(self, element: object) -> Transition | None:
        name = next((name for name, button in self.buttons.items() if button is element), None)
        if name == "Back":
            return Pop()
        if name == "Sounds":
            return Push(CueLessonScene(self.ctx))
        if name == "Fly":
            return self.fly()
        if name == "Autopilot":
            return self.fly(autopilot=True)
        if name == "Replay" and self.replay_entry is not None:
            return self.replay_file(Path(self.replay_entry.get_text().strip()).expanduser())
        return None

    def _key(self, key: int) -> Transition | None:
        if key == pygame.K_ESCAPE:
            return Pop()
        if key == pygame.K_s:
            return Push(CueLessonScene(self.ctx))
        if not self.choices:
            return None
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.fly()
        if key == pygame.K_a:
            return self.fly(autopilot=True)
        if key in (pygame.K_UP, pygame.K_DOWN):
            self.selected = (self.selected + (1 if key == pygame.K_DOWN else -1)) % len(self.choices)
            self._scroll_to_selected()
        elif key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.change(self.choices[self.selected].label, 1 if key == pygame.K_RIGHT else -1)
        return None

    def _click(self, position: tuple[int, int]) -> None:
        for index in self.visible_rows():
            choice = self.choices[index]
            row = self.row_rect(index)
            if row.collidepoint(position):
                self.selected = index
                value_left = self._value_left(row)
                if position[0] >= value_left:
                    middle = (value_left + row.right) / 2
                    self.change(choice.label, 1 if position[0] >= middle else -1)

    # --- layout and drawing ----------------------------------------------------------------------

    def _side_by_side_width(self) -> int:
        return min(scaled_px(PANEL_WIDTH, self.ctx.fonts.scale), round(self.ctx.ui.window_resolution[0] * 0.54))

    def _panel_width(self) -> int:
        scale = self.ctx.fonts.scale
        if self.stacked():
            return min(scaled_px(PANEL_WIDTH, scale), round(self.ctx.ui.window_resolution[0] * STACKED_PANEL_SHARE))
        return self._side_by_side_width()

    def _label_width(self, row: pygame.Rect) -> int:
        return min(scaled_px(LABEL_WIDTH, self.ctx.fonts.scale), row.width * 2 // 5)

    def stacked(self) -> bool:
        """True when some label, in the player's language at this UI scale, would be cut beside its value: then
        each row shows its label above its value (measured once for each window width, scale and language)."""
        font = self.ctx.fonts.regular(palette.BODY)
        key = (self.ctx.ui.window_resolution[0], self.ctx.fonts.scale, self.ctx.tr, len(self.choices))
        if key != self._stacked_for:
            row_width = self._side_by_side_width() - MARGIN
            room = min(scaled_px(LABEL_WIDTH, self.ctx.fonts.scale), row_width * 2 // 5) - 20
            self._stacked_answer = any(font.size(self.ctx.tr(choice.label))[0] > room for choice in self.choices)
            self._stacked_for = key
        return self._stacked_answer

    def _value_left(self, row: pygame.Rect) -> int:
        """Where a row's value (with its arrows) begins: after the label, or at the row's left when stacked."""
        return row.x if self.stacked() else row.x + self._label_width(row)

    def _row_step(self) -> int:
        if self.stacked():  # a label line above a value line
            fonts = self.ctx.fonts
            return fonts.regular(palette.SMALL).get_linesize() + fonts.bold(palette.BODY).get_linesize() + 14
        return scaled_px(ROW_HEIGHT, self.ctx.fonts.scale)

    def _top(self) -> int:
        """Where the choices begin: TOP grown with the scale, but never further below the title than a gap, so
        large text keeps room for one more row."""
        title_bottom = scaled_px(24, self.ctx.fonts.scale) + self.ctx.fonts.bold(palette.HEADING).get_linesize()
        return min(scaled_px(TOP, self.ctx.fonts.scale), title_bottom + 16)

    def rows_shown(self) -> int:
        """How many choices fit above the buttons; the rest scroll into view with the selection."""
        room = self._buttons_top(self.ctx.ui.window_resolution[1]) - 16 - self._top()
        return max(1, min(len(self.choices), room // self._row_step()))

    def visible_rows(self) -> range:
        return range(self.first_row, min(len(self.choices), self.first_row + self.rows_shown()))

    def _scroll_to_selected(self) -> None:
        shown = self.rows_shown()
        if self.selected < self.first_row:
            self.first_row = self.selected
        elif self.selected >= self.first_row + shown:
            self.first_row = self.selected - shown + 1

    def row_rect(self, index: int) -> pygame.Rect:
        step = self._row_step()
        top = self._top() + (index - self.first_row) * step
        return pygame.Rect(MARGIN, top, self._panel_width() - MARGIN, step - 6)

    def info_rect(self, size: tuple[int, int]) -> pygame.Rect:
        width, height = size
        left = self._panel_width() + 24
        top = self._top()
        return pygame.Rect(left, top, width - MARGIN - left, self._buttons_top(height) - 16 - top)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        scale = self.ctx.fonts.scale
        fonts, colours = self.ctx.fonts, self.ctx.palette
        surface.fill(colours.sky)
        width, height = surface.get_size()
        tr = self.ctx.tr
        draw_text(surface, tr("Landing practice"), fonts.bold(palette.HEADING), colours.text,
                  (MARGIN, scaled_px(24, scale)))
        if self.problem and not self.choices:
            draw_paragraph(surface, tr(self.problem), fonts.regular(palette.BODY), colours.broken,
                           (MARGIN, self._top()), width - 2 * MARGIN)
            return
        label_font, value_font = fonts.regular(palette.BODY), fonts.bold(palette.BODY)
        small_label_font = fonts.regular(palette.SMALL)
        stacked = self.stacked()
        for index in self.visible_rows():
            choice = self.choices[index]
            row = self.row_rect(index)
            chosen = index == self.selected
            pygame.draw.rect(surface, colours.panel_raised if chosen else colours.panel, row, border_radius=6)
            if chosen:
                pygame.draw.rect(surface, colours.focus, row, 3, border_radius=6)
            value_left = self._value_left(row)
            value_y = row.centery
            if stacked:  # the label on its own line, the value and its arrows under it
                label = fit_text(tr(choice.label), small_label_font, row.width - 28)
                draw_text(surface, label, small_label_font, colours.text_dim, (row.x + 14, row.y + 4))
                value_y = row.bottom - 6 - value_font.get_linesize() // 2
                value_left += 14
                value_room = row.right - value_left - 2 * value_font.size("›")[0] - 34
            else:
                label = fit_text(tr(choice.label), label_font, value_left - row.x - 20)
                draw_text(surface, label, label_font, colours.text_dim, (row.x + 14, row.centery), anchor="midleft")
                value_room = row.right - value_left - scaled_px(70, scale)
            arrows = colours.accent if chosen else colours.text_dim
            draw_text(surface, "‹", value_font, arrows, (value_left, value_y), anchor="midleft")
            draw_text(surface, "›", value_font, arrows, (row.right - 14, value_y), anchor="midright")
            shown = fit_text(tr(choice.shown), value_font, value_room)
            draw_text(surface, shown, value_font, colours.text, ((value_left + row.right) // 2, value_y),
                      anchor="center")
        self._draw_scroll_marks(surface)
        self._draw_info(surface, self.info_rect((width, height)))
        hint = tr("Up/Down choose  ·  Left/Right change  ·  Enter fly  ·  A autopilot flies  ·  S learn the sounds  ·  "
                  "Esc back")
        small = fonts.regular(palette.SMALL)
        draw_text(surface, fit_text(hint, small, width - 2 * MARGIN), small, colours.text_dim,
                  (width // 2, height - 4), anchor="midbottom")

    def _draw_scroll_marks(self, surface: pygame.Surface) -> None:
        """Arrows above and below the list when some choices are scrolled out of sight."""
        shown = self.visible_rows()
        colour = self.ctx.palette.accent
        font = self.ctx.fonts.bold(palette.SMALL)
        if shown.start > 0:
            draw_text(surface, self.ctx.tr("more above"), font, colour,
                      (self._panel_width(), self.row_rect(shown.start).top - 2), anchor="bottomright")
        if shown.stop < len(self.choices):
            below = self.row_rect(shown.stop - 1).bottom + 2
            draw_text(surface, self.ctx.tr("more below"), font, colour, (self._panel_width(), below), anchor="topright")

    def _draw_info(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        """What the choices mean: the craft's weight against its thrust here, and whether it can land at all."""
        fonts, colours, tr = self.ctx.fonts, self.ctx.palette, self.ctx.tr
        pygame.draw.rect(surface, colours.panel, box, border_radius=8)
        pygame.draw.rect(surface, colours.panel_edge, box, 1, border_radius=8)
        x, y, inner = box.x + 18, box.y + 14, box.width - 36
        body, small = fonts.regular(palette.BODY), fonts.regular(palette.SMALL)
        loaded = self.zone
        if self.problem:
            draw_paragraph(surface, tr(self.problem), body, colours.broken, (x, y), inner)
            return
        if loaded is None or loaded.level is None or loaded.catalog is None:
            return
        numbers = self._lander_numbers(loaded.level, loaded.catalog)
        if numbers is None:
            return
        name, mass, thrust, gravity, tw = numbers
        large = fonts.bold(palette.LARGE)
        draw_text(surface, fit_text(name, large, inner), large, colours.text, (x, y))
        y += large.get_linesize()
        # The replay's label and entry line sit at the foot of the box; the numbers stop above them.
        entry_top = self.replay_entry.rect.top if self.replay_entry is not None else box.bottom
        label_lines = wrap_text(tr("Replay a recording (path to a .json file):"), small, inner)
        label_top = entry_top - 6 - len(label_lines) * small.get_linesize()
        # The start mass holds game values (propellant, cargo), so it and the weight are game values; the thrust
        # is the lander's own figure or a what-if's.
        game = status_tag(WHAT_IF_THRUST, tr)
        readouts = [
            tr("{line} ({status})", line=tr("Mass at the start: {mass}", mass=Quantity(mass, KILOGRAM, 0)),
               status=game),
            tr("{line} ({status})", line=tr("Weight here: {weight}", weight=Quantity(mass * gravity, NEWTON, 0)),
               status=game),
            tr("{line} ({status})", line=tr("Full thrust: {thrust}", thrust=Quantity(thrust, NEWTON, 0)),
               status=status_tag(self.thrust_figure, tr)),
        ]
        module, cargo_kg = self.cargo_line
        if module is not None:
            readouts.insert(1, tr("{line} ({status})", line=tr("Cargo: {mass}", mass=Quantity(cargo_kg, KILOGRAM, 0)),
                                  status=status_tag(module.figure("mass_kg"), tr)))
        colour = colours.good if tw >= LOW_MARGIN_TW else colours.accent if tw >= 1.0 else colours.broken
        ratio = tr("Thrust / weight: {ratio}", ratio=f"{tw:.2f}")
        # The ratio is the point of the box: when large text leaves no room for all, it comes first.
        ratio_first = y + len(readouts) * body.get_linesize() + 6 + large.get_linesize() > label_top
        if ratio_first and y + large.get_linesize() <= label_top:
            draw_text(surface, fit_text(ratio, large, inner), large, colour, (x, y))
            y += large.get_linesize() + 4
        for line in readouts:
            if y + body.get_linesize() <= label_top:  # a large UI scale in a small window: what fits
                draw_text(surface, fit_text(line, body, inner), body, colours.text, (x, y))
                y += body.get_linesize()
        if not ratio_first:
            draw_text(surface, fit_text(ratio, large, inner), large, colour, (x, y + 6))
            y += large.get_linesize() + 8
        if tw < 1.0:
            verdict = tr("The engine cannot even hold this lander up here: it will fall however you fly. "
                         "A landing here needs a much stronger engine for its weight.")
        elif tw < LOW_MARGIN_TW:
            verdict = tr("Only just enough thrust: braking will be slow, so start it early.")
        else:
            verdict = tr("Enough thrust to brake and to hover.")
        room = max(0, (label_top - 8 - y) // small.get_linesize())
        if room:
            y = draw_paragraph(surface, verdict, small, colours.text, (x, y), inner, max_lines=room) + 8
        room = min(2, max(0, (label_top - 8 - y) // small.get_linesize()))
        if self.world.sources and room:
            draw_paragraph(surface, tr("{world}'s gravity: {source}", world=self.world.name,
                                       source=self.world.sources[0]), small,
                           colours.text_dim, (x, y), inner, max_lines=room)
        for number, line in enumerate(label_lines):
            draw_text(surface, line, small, colours.text_dim, (x, label_top + number * small.get_linesize()))


def _nearest(options: tuple[tuple[str, float], ...], value: float) -> int:
    return min(range(len(options)), key=lambda index: abs(options[index][1] - value))

