"""The app shell: the window, the frame loop, the scene stack, and the keys that work on every screen.

Entry point (all setup happens inside it; importing this module does nothing):

    run(start_scene=None, *, max_frames=None, on_interactive=None, mod_folders=None) -> int

- `start_scene`: a function from the SceneContext to the first scene; the title screen when None.
- `max_frames`: stop after this many frames (tests, benchmarks); run until quit when None.
- `on_interactive`: called once, right after the first frame has been drawn and shown.
- `mod_folders`: the mod folders to list; the user's mods folder when None.

It returns an exit status (0). Tests that need to drive the loop frame by frame use
`open_app(...)` -> App, then `app.frame(dt)`, and `app.close()`.

Keys on every screen: F11 full screen, F12 screenshot (to paths.screenshots_dir()). Closing the window
or a scene's Quit asks for confirmation when a scene holds unsaved progress; so does leaving (Pop,
Replace) a scene that holds it.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pygame
import pygame_gui
from pygame_gui.windows import UIConfirmationDialog

from game import paths
from game.content.system_language import system_language
from game.render.app_icon import draw_icon
from game.render.fonts import Fonts
from game.scenes.context import SceneContext
from game.scenes.menus.title import TitleScene
from game.scenes.scene import Pop, Push, Quit, Replace, Scene, Transition, apply_transition
from game.settings import MIN_WINDOW_SIZE, Settings, load_settings, save_settings, window_size_fits
from game.ui.confirm_dialog import LEAVE_LEVEL, QUIT_GAME, open_confirm_dialog
from game.ui.notice import Notices
from game.ui.screenshot import save_screenshot
from game.ui.theme import create_ui_manager

WINDOW_TITLE = "Lunar Station"
WINDOW_SIZE = (1280, 720)
FPS_CAP = 60
MAX_FRAME_SECONDS = 0.25  # after a stall (a dragged window, a breakpoint) the game resumes, not races
SETTINGS_WARNING_SECONDS = 9.0

SceneFactory = Callable[[SceneContext], Scene]


def _title_scene(ctx: SceneContext) -> Scene:
    return TitleScene(ctx)


class App:
    """The running game: one window, one UI manager, one stack of scenes."""

    def __init__(self, window: pygame.Surface, ctx: SceneContext, first_scene: Scene):
        self.window = window
        self.ctx = ctx
        self.stack: list[Scene] = []
        # The player's language (its words, font and text size) before the first scene lays anything out: loaded
        # by the first tr() halfway through a layout, it left the title's first button at English's text size.
        ctx.switch_language()
        self.shown_language = ctx.translator.language  # the language the scenes laid out their words in
        self.running = apply_transition(self.stack, Push(first_scene))
        self.confirm_dialog: UIConfirmationDialog | None = None
        self.pending: Transition | None = None  # what the open dialog will do when the player agrees
        self.frames = 0
        self.last_screenshot: Path | None = None

    @property
    def ui(self) -> pygame_gui.UIManager:
        return self.ctx.ui

    @property
    def notices(self) -> Notices:
        return self.ctx.notices

    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    # --- transitions -----------------------------------------------------------------------------

    def request(self, transition: Transition | None) -> None:
        """Applies a scene's transition, asking the player first when it would throw progress away.

        Quitting asks when any scene holds unsaved progress; a Pop or Replace asks when the scene it
        removes does.
        """
        if transition is None or not self.running:
            return
        if self.asking_to_confirm:
            if not isinstance(transition, Quit) or isinstance(self.pending, Quit):
                return
            self._close_dialog()  # closing the window while asked to leave a level: ask about quitting instead
        question = None
        if isinstance(transition, Quit) and any(scene.has_unsaved_progress for scene in self.stack):
            question = QUIT_GAME
        elif isinstance(transition, (Pop, Replace)) and self.top is not None and self.top.has_unsaved_progress:
            question = LEAVE_LEVEL
        if question is None:
            self.running = apply_transition(self.stack, transition)
            return
        self.pending = transition
        self.confirm_dialog = open_confirm_dialog(self.ui, self.window.get_size(), question, self.ctx.tr)

    def _go_ahead(self) -> None:
        transition, self.pending = self.pending, None
        self._close_dialog()
        if transition is not None:
            self.running = apply_transition(self.stack, transition)

    def _close_dialog(self) -> None:
        if self.confirm_dialog is not None:
            self.confirm_dialog.kill()
        self.confirm_dialog = None
        self.pending = None

    @property
    def asking_to_confirm(self) -> bool:
        return self.confirm_dialog is not None and self.confirm_dialog.alive()

    # --- one frame -------------------------------------------------------------------------------

    def frame(self, dt: float) -> None:
        """Events, then updates, then drawing: one turn of the loop (`dt` in seconds)."""
        dt = min(dt, MAX_FRAME_SECONDS)
        for event in pygame.event.get():
            self.handle(event)
            if not self.running:
                return
        self._sync_window_size()
        self._sync_language()
        self.ui.update(dt)
        self.notices.update(dt)
        scene = self.top
        if scene is not None and not self.asking_to_confirm:  # time stands still behind the question
            self.request(scene.update(dt))
        if not self.running:
            return
        self.draw()
        pygame.display.flip()
        self.frames += 1

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.request(Quit())
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F12:
            self.screenshot()
            return
        if event.type == pygame.VIDEORESIZE:
            return  # handled once per frame by _sync_window_size, whatever changed the size
        if event.type == pygame_gui.UI_CONFIRMATION_DIALOG_CONFIRMED and event.ui_element is self.confirm_dialog:
            # The dialog closes itself as it posts this, so it no longer counts as asking.
            self._go_ahead()
            return
        if self.asking_to_confirm:
            self._handle_dialog(event)
            return
        consumed = self.ui.process_events(event)
        scene = self.top
        if scene is not None and not consumed:
            self.request(scene.handle(event))

    def _handle_dialog(self, event: pygame.event.Event) -> None:
        """While a question is up, only it listens: Enter goes ahead, Esc cancels."""
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self._go_ahead()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self._close_dialog()
        else:
            self.ui.process_events(event)

    def draw(self) -> None:
        scene = self.top
        if scene is not None:
            scene.draw(self.window, scene.alpha)
        self.ui.draw_ui(self.window)
        self.notices.draw(self.window, self.ctx.fonts)

    # --- window ----------------------------------------------------------------------------------

    def _sync_window_size(self) -> None:
        """Tells the UI and the top scene when the window's size changed (resize, full screen)."""
        surface = pygame.display.get_surface()
        if surface is None:
            return
        self.window = surface
        size = surface.get_size()
        if size == tuple(self.ui.window_resolution):
            return
        self.ui.set_window_resolution(size)
        if not self.ctx.settings.fullscreen and window_size_fits(size):
            self.ctx.settings.window_size = size
        if self.ctx.text_scale(size) != self.ctx.fonts.scale:
            self.ctx.apply_look()
        scene = self.top
        if scene is not None:
            self.request(scene.handle(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])))

    def _sync_language(self) -> None:
        """A language switch applies at once: the new words are loaded and the top scene lays out again (as on
        a resize: its buttons' widths follow the new words); scenes beneath lay out when they come back."""
        self.ctx.switch_language()
        if self.ctx.translator.language == self.shown_language:
            return
        self.shown_language = self.ctx.translator.language
        scene = self.top
        if scene is not None:
            size = self.window.get_size()
            self.request(scene.handle(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])))

    def toggle_fullscreen(self) -> None:
        try:
            pygame.display.toggle_fullscreen()
        except pygame.error as error:
            self.notices.show(self.ctx.tr("Full screen is not available here ({error}).", error=error))
            return
        self.ctx.settings.fullscreen = pygame.display.is_fullscreen()
        self._save_settings()

    def screenshot(self) -> Path | None:
        try:
            path = save_screenshot(self.window, paths.screenshots_dir())
        except (OSError, pygame.error) as error:
            self.notices.show(self.ctx.tr("The screenshot could not be saved: {error}", error=error))
            return None
        self.last_screenshot = path
        self.notices.show(self.ctx.tr("Screenshot saved: {name} in {folder}", name=path.name, folder=path.parent))
        return path

    def _save_settings(self) -> None:
        try:
            save_settings(self.ctx.settings_to_save())
        except OSError as error:
            self.notices.show(self.ctx.tr("Your settings could not be saved: {error}", error=error))

    def close(self) -> None:
        """Leaves every scene, saves the settings and closes the window."""
        if self.stack:
            apply_transition(self.stack, Quit())
        self.running = False
        try:
            save_settings(self.ctx.settings_to_save())
        except OSError as error:
            print(f"lunar-station: your settings could not be saved: {error}", file=sys.stderr)
        if self.ctx.audio is not None:
            self.ctx.audio.close()
        pygame.display.quit()
        pygame.font.quit()


def open_window(settings: Settings) -> pygame.Surface:
    """The game's window: resizable, titled, at the player's last size, in full screen if they chose it."""
    # Only display and fonts: the mixer would wait for an audio device the game does not need.
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_caption(WINDOW_TITLE)
    pygame.display.set_icon(draw_icon(64))
    size = (max(MIN_WINDOW_SIZE[0], settings.window_size[0]), max(MIN_WINDOW_SIZE[1], settings.window_size[1]))
    window = pygame.display.set_mode(size, pygame.RESIZABLE)
    if settings.fullscreen:
        try:
            pygame.display.toggle_fullscreen()
        except pygame.error:
            settings.fullscreen = False
        window = pygame.display.get_surface() or window
    return window


def _apply_settings(ctx: SceneContext) -> None:
    """Sound (silent without a device) and, when the player changed them, text size and colours."""
    from game.audio import Audio

    ctx.audio = Audio.open(ctx.settings)
    settings = ctx.settings
    if settings.ambient_volume > 0:
        ctx.audio.loop("ambient")  # the quiet drone under every screen; its slider at 0 keeps it off
    if settings.ui_scale != 1.0 or settings.palette != "standard" or settings.high_contrast:
        ctx.apply_look()


def _start_class(ctx: SceneContext, opened: Path | None) -> None:
    """Picks up the class file the teacher chose (game.classroom.pickup) and applies what it fixes for the
    session: language and the text size floor. A damaged or newer file: no class, and one sentence why."""
    from game.classroom.pickup import pick_up_class
    from game.classroom.session import ClassSession

    read = pick_up_class(opened, os.environ, ctx.settings.class_file, paths.program_dir())
    if read is None:
        return
    if read.plan is None:
        ctx.notices.show(ctx.tr(read.sentence()), SETTINGS_WARNING_SECONDS)
        return
    ctx.classroom = session = ClassSession(read.plan, read.path)
    if read.plan.language:
        session.set_for_session(ctx.settings, "language", read.plan.language)
    if read.plan.difficulty is not None:
        session.set_for_session(ctx.settings, "difficulty", read.plan.difficulty)
    if ctx.settings.ui_scale < read.plan.text_size_floor:
        session.set_for_session(ctx.settings, "ui_scale", read.plan.text_size_floor)
        ctx.apply_look()
    if not ctx.classroom.needs_name:
        paths.use_player_folder(ctx.classroom.player_folder())


def open_app(start_scene: SceneFactory | None = None, *, mod_folders: Sequence[Path] | None = None,
             under_title: bool = False, class_file: Path | None = None) -> App:
    """Opens the window and builds the app with its first scene, ready for `frame()`. With `under_title`, the
    title screen lies under the first scene, so leaving it goes to the title rather than out of the game."""
    loaded = load_settings()
    window = open_window(loaded.settings)
    assets = paths.assets_dir()
    ui = create_ui_manager(window.get_size(), assets)
    ctx = SceneContext(ui=ui, fonts=Fonts(assets / "fonts"), settings=loaded.settings, mod_folders=mod_folders)
    if loaded.first_start:  # the system's language when the game has it; saved only once the player chooses
        ctx.settings.language = system_language([code for _, code in ctx.language_choices()])
    _apply_settings(ctx)
    if loaded.warning:
        ctx.notices.show(ctx.tr(loaded.warning), SETTINGS_WARNING_SECONDS)  # a say() sentence: in the player's language
    home_problem = paths.user_home().problem
    if home_problem:  # portable mode asked for on a read-only stick: say where the files go instead
        ctx.notices.show(ctx.tr(home_problem), SETTINGS_WARNING_SECONDS)
    _start_class(ctx, class_file)
    if ctx.classroom is not None and ctx.classroom.needs_name:  # the name first, then the class's title screen
        from game.scenes.classroom.name_entry import NameEntryScene

        app = App(window, ctx, _title_scene(ctx))
        app.request(Push(NameEntryScene(ctx, ctx.classroom)))
        return app
    if start_scene is not None and under_title:
        app = App(window, ctx, _title_scene(ctx))
        app.request(Push(start_scene(ctx)))
        return app
    return App(window, ctx, (start_scene or _title_scene)(ctx))


def run(
    start_scene: SceneFactory | None = None,
    *,
    max_frames: int | None = None,
    on_interactive: Callable[[], None] | None = None,
    mod_folders: Sequence[Path] | None = None,
    under_title: bool = False,
    class_file: Path | None = None,
) -> int:
    """Plays the game until the player quits (or `max_frames` have run); see the module docstring."""
    app = open_app(start_scene, mod_folders=mod_folders, under_title=under_title, class_file=class_file)
    clock = pygame.time.Clock()
    dt = 0.0
    previous = _end_on_sigterm()
    try:
        while app.running and (max_frames is None or app.frames < max_frames):
            app.frame(dt)
            if app.frames == 1 and on_interactive is not None:
                on_interactive()
                on_interactive = None
            dt = clock.tick(FPS_CAP) / 1000
    finally:
        app.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0


def _ended(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _end_on_sigterm() -> Any:
    """SIGTERM (a teacher's `kill`, a session ending) ends the game through the frame loop's `finally`.

    SDL turns SIGTERM into a quit event that a busy or frozen frame never reads; Python's handler, set after
    SDL's, interrupts even a frame stuck in a loop. Returns the handler it replaced (None off the main thread,
    where Python cannot set one).
    """
    try:
        return signal.signal(signal.SIGTERM, _ended)
    except ValueError:
        return None
