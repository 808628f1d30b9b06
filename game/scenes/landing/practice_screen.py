"""Landing practice: pick a landing zone and cargo, try other gravity and engines ("what if"), assists, or a replay.

The scene owns its state (the choices, the selected row, the list's scroll, the lander's numbers for the present
choices) and its verbs (change a choice, fly, replay); `practice_choices` says what can be chosen and what it
means (plain data), `practice_layout` where everything goes (pure), `practice_input.handle` turns events into the
verbs and `practice_drawing.draw` only reads.
"""

from __future__ import annotations

from pathlib import Path

import pygame
from pygame_gui.elements import UIButton, UITextEntryLine

from game import paths
from game.content.figures import status_tag
from game.content.loader import LoadedLevel
from game.content.locale_format import METRE_PER_SECOND_SQUARED, NEWTON, Quantity
from game.content.message import say
from game.content.models import Figure, LandingAssists, MoonFacts
from game.content.text import translate
from game.content.ui_text import to_translate
from game.landing.recorder import read_recording
from game.landing.scenario import problem_text, scenario_for
from game.landing.what_if import WHAT_IF_FILE, WhatIf, World, moon, read_what_if
from game.scenes.context import SceneContext
from game.scenes.landing import practice_drawing, practice_input
from game.scenes.landing.flight_screen import LandingScene, assists_with_settings, recordings_dir
from game.scenes.landing.practice_choices import (
    SEEDS,
    SLOW_MOTION,
    TARGET_SCALES,
    WHAT_IF_THRUST,
    Choice,
    LanderNumbers,
    PracticeLevels,
    gravity_figure,
    lander_numbers,
    nearest,
    playable_levels,
)
from game.scenes.landing.practice_layout import BUTTONS, KEY_HINTS, PracticeLayout
from game.scenes.layout_memo import LastLayout
from game.scenes.scene import Push, SceneBase, Transition
from game.ui.widget_set import WidgetSet

# The choices whose values end with their status ("Moon: 1.622 m/s² (real)"): never cut, the rows stack first.
MARKED_CHOICES = ("Gravity", "Engine thrust")
# The row of buttons' words, by the names in practice_layout.BUTTONS.
BUTTON_WORDS = {"Back": to_translate("Back"), "Sounds": to_translate("Learn the sounds"),
                "Autopilot": to_translate("Autopilot flies"), "Fly": to_translate("Fly")}


class LandingPracticeScene(SceneBase):
    """Up/Down choose a setting, Left/Right change it, Enter flies, A lets the autopilot fly, Esc goes back."""

    def __init__(self, ctx: SceneContext):
        self.ctx = ctx
        self.levels = PracticeLevels()
        self.what_if = WhatIf((moon(),), (1.0,))
        self.choices: list[Choice] = []
        self.selected = 0
        self.first_row = 0  # the first choice shown: at a large UI scale the list scrolls
        self.buttons: WidgetSet[UIButton] = WidgetSet()
        self.entries: WidgetSet[UITextEntryLine] = WidgetSet()  # the replay's file name
        self.problem = ""
        self._numbers: tuple[tuple[object, ...], LanderNumbers | None] | None = None  # (the choices, numbers)
        self._layout: LastLayout[PracticeLayout] = LastLayout()

    @property
    def layout(self) -> PracticeLayout:
        """Laid out for the window, the text size and the labels' words as they are now."""
        ctx = self.ctx
        size, tr = ctx.ui.window_resolution, ctx.tr
        labels = tuple(tr(choice.label) for choice in self.choices)
        words = tuple(tr(BUTTON_WORDS[name]) for name, _ in BUTTONS)
        marked = tuple(tr(shown) for choice in self.choices if choice.label in MARKED_CHOICES
                       for shown, _ in choice.options)
        hint = tr(KEY_HINTS)
        return self._layout.get((size, ctx.fonts.scale, labels, words, marked, hint),
                                lambda: PracticeLayout.for_size(size, ctx.fonts, labels, words, marked, hint))

    @property
    def replay_entry(self) -> UITextEntryLine | None:
        return self.entries.get("replay")

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
        self.build_widgets()

    def exit(self) -> None:
        self.buttons.kill()
        self.entries.kill()

    def build_widgets(self) -> None:
        """The row of buttons, and the replay's path and button at the foot of the info box."""
        ui, layout, tr = self.ctx.ui, self.layout, self.ctx.tr
        self.buttons.build({name: UIButton(rect, tr(BUTTON_WORDS[name]), ui) for name, rect in layout.buttons})
        entry_rect, replay_rect = layout.replay
        entry = UITextEntryLine(entry_rect, ui)
        entry.set_text(str(self._newest_recording() or recordings_dir()))
        self.entries.build({"replay": entry})
        self.buttons["Replay"] = UIButton(replay_rect, tr("Replay"), ui)

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
        moon = self.moon
        for world in self.what_if.worlds:
            gravity = world.gravity_m_s2 if world.gravity_m_s2 is not None else moon.surface_gravity if moon else 0.0
            status = status_tag(gravity_figure(world, moon), self.ctx.tr)
            # A message: the choice's text is shown through tr, so the world's name reads in the player's language;
            # the figure says what it is, as the engine's thrust does.
            worlds.append((say("{world}: {gravity} ({status})", world=world.name,
                               gravity=Quantity(gravity, METRE_PER_SECOND_SQUARED), status=status), world))
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

    @property
    def moon(self) -> MoonFacts | None:
        """The catalog's Moon (its gravity and that figure's status), from the first level that has one."""
        return next((item.catalog.moon for item in self.levels.loaded
                     if item.catalog is not None and item.catalog.moon is not None), None)

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
        self.choice("Slow motion").index = nearest(SLOW_MOTION, assists.slow_motion)
        self.choice("Larger target").index = nearest(TARGET_SCALES, assists.target_scale)

    @property
    def numbers(self) -> LanderNumbers | None:
        """The lander's numbers for the choices as they are now: worked out when a choice changed, not every frame."""
        loaded = self.zone
        if loaded is None or loaded.level is None or loaded.catalog is None:
            return None
        cargo, world, factor = self.choice("Cargo").value, self.world, self.thrust_factor
        key = (id(loaded), cargo, world, factor, self.ctx.language)  # a level by identity: comparing is costly
        if self._numbers is None or self._numbers[0] != key:
            self._numbers = (key, lander_numbers(loaded.level, loaded.catalog, cargo, world, factor,
                                                 self.ctx.language))
        return self._numbers[1]

    def change(self, label: str, by: int) -> None:
        """Moves the named setting `by` steps through its values (as Left/Right do)."""
        choice = self.choice(label)
        choice.step(by)
        if label == "Landing zone":
            self._zone_changed()

    def select(self, index: int) -> None:
        """Chooses row `index`, scrolling it into view."""
        self.selected = index
        shown = self.layout.rows_shown
        if self.selected < self.first_row:
            self.first_row = self.selected
        elif self.selected >= self.first_row + shown:
            self.first_row = self.selected - shown + 1

    @property
    def world(self) -> World:
        value = self.choice("Gravity").value
        assert isinstance(value, World)
        return value

    @property
    def gravity_figure(self) -> Figure:
        """What the chosen world's gravity is: a real figure with its source, or a game value."""
        return gravity_figure(self.world, self.moon)

    @property
    def thrust_factor(self) -> float:
        return float(self.choice("Engine thrust").value)  # type: ignore[arg-type]

    def assists(self) -> LandingAssists:
        return LandingAssists(
            attitude_hold=bool(self.choice("Attitude hold").value),
            suggested_burn=bool(self.choice("Suggested burn").value),
            slow_motion=float(self.choice("Slow motion").value),  # type: ignore[arg-type]
            target_scale=float(self.choice("Larger target").value),  # type: ignore[arg-type]
        )

    # --- going somewhere -------------------------------------------------------------------------

    def fly(self, autopilot: bool = False) -> Transition | None:
        """The landing as chosen, flown by the player (or the autopilot), as practice."""
        loaded = self.zone
        if loaded is None or loaded.level is None:
            return None
        level, catalog = loaded.require()
        spec = scenario_for(level, catalog, 0).lander
        cargo = self.choice("Cargo").value
        factor = self.thrust_factor
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

    # --- input and drawing -----------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        return practice_input.handle(event, self)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        practice_drawing.draw(surface, self)
