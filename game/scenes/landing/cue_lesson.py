"""Learn the landing's sounds: each cue played alone on a short made-up flight, with what it means beside it.

Up/Down (or a click) choose a cue, Enter or Space plays it (again to stop), Esc goes back. The sound panel of
the landing screen shows the cue as it plays, so a student sees what they hear (and sees it without sound).
"""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.audio_cues import CALLOUT_WORDS, EVENT_WORDS, CuePlayer
from game.content.ui_text import to_translate
from game.landing.cue_demos import CALLOUT_GAP_S, DEMO_PROPELLANT_KG, DEMOS, CueDemo
from game.landing.sonify import Cues, Sonifier
from game.render import palette
from game.render.fonts import scaled_px
from game.render.landing_hud import TextCache
from game.render.sound_panel import draw_sound_panel
from game.render.text import draw_paragraph, draw_text, fit_text
from game.scenes.context import SceneContext
from game.scenes.scene import Pop, SceneBase, Transition
from game.ui.widget_set import WidgetSet

MARGIN = 40
ROW_HEIGHT = 46
LIST_WIDTH = 360
BUTTON_HEIGHT = 54
TITLE = to_translate("Learn the landing's sounds")
HINT = to_translate("Up/Down choose  ·  Enter play or stop  ·  Esc back")
SOUND_OFF = to_translate("Sound is off on this computer: watch the panel, which shows what you would hear.")
VOLUME_ZERO = to_translate("The main or effects volume is at zero: turn it up in Settings to hear the cues.")


class CueLessonScene(SceneBase):
    """Plays each landing cue alone (DEMOS) through the real sonifier and the game's audio."""

    def __init__(self, ctx: SceneContext):
        self.ctx = ctx
        self.selected = 0
        self.playing: CueDemo | None = None
        self.player: CuePlayer | None = None
        self.sonifier = Sonifier(DEMO_PROPELLANT_KG)
        self.time_s = 0.0
        self.cues: Cues | None = None
        self.said = 0  # how many of a call-out demo's call-outs were asked for
        self.texts = TextCache()
        self.buttons: WidgetSet[UIButton] = WidgetSet()

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        self._build_widgets()

    def exit(self) -> None:
        self.stop()
        self.buttons.kill()

    @property
    def capped_scale(self) -> float:
        """The UI scale buttons and gaps grow with, at most 150 % (the text inside them grows further)."""
        return min(self.ctx.fonts.scale, 1.5)

    def _build_widgets(self) -> None:
        width, height = self.ctx.ui.window_resolution
        size = scaled_px(BUTTON_HEIGHT, self.capped_scale)
        bottom = height - size - self.ctx.fonts.regular(palette.SMALL).get_linesize() - 8
        tr = self.ctx.tr
        back = UIButton(pygame.Rect(MARGIN, bottom, scaled_px(150, self.capped_scale), size), tr("Back"), self.ctx.ui)
        play = pygame.Rect(0, bottom, scaled_px(220, self.capped_scale), size)
        play.right = width - MARGIN
        self.buttons.build({"Back": back, "Play": UIButton(play, tr("Stop") if self.playing else tr("Play"),
                                                           self.ctx.ui)})

    # --- playing ---------------------------------------------------------------------------------

    def play(self, index: int) -> None:
        """Plays the demo at `index` from its start (stopping any other)."""
        self.stop()
        self.selected = index
        demo = DEMOS[index]
        settings = self.ctx.settings
        self.player = CuePlayer(self.ctx.audio, tones=demo.part != "callouts", callouts=demo.part == "callouts",
                                language=settings.language, only=demo.part)
        self.player.prepare()
        self.sonifier = Sonifier(DEMO_PROPELLANT_KG)
        self.playing, self.time_s, self.said, self.cues = demo, 0.0, 0, None
        self._build_widgets()

    def stop(self) -> None:
        if self.player is not None:
            self.player.silence()
        was_playing = self.playing is not None
        self.playing = None
        if was_playing and self.buttons:
            self._build_widgets()

    def update(self, dt: float) -> Transition | None:
        demo, player = self.playing, self.player
        if demo is None or player is None:
            return None
        self.time_s += dt
        cues = self.cues = self.sonifier.listen(demo.at(min(self.time_s, demo.seconds)))
        if demo.callouts:
            idle = player.scheduler.speaking is None or self.time_s >= player.scheduler.speaking.end_s + CALLOUT_GAP_S
            if self.said < len(demo.callouts) and idle:
                player.say(demo.callouts[self.said], self.time_s)
                self.said += 1
            elif self.said == len(demo.callouts) and idle:
                self.stop()
                return None
        player.hear(cues, self.time_s, dt)
        if not demo.callouts and self.time_s >= demo.seconds:
            self.stop()
        return None

    # --- input -----------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self._build_widgets()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.buttons.get("Back"):
                return Pop()
            if event.ui_element is self.buttons.get("Play"):
                self._toggle()
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return Pop()
            if event.key in (pygame.K_UP, pygame.K_DOWN):
                self.selected = (self.selected + (1 if event.key == pygame.K_DOWN else -1)) % len(DEMOS)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self._toggle()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index in range(len(DEMOS)):
                if self.row_rect(index).collidepoint(event.pos):
                    self.play(index)
        return None

    def _toggle(self) -> None:
        if self.playing is not None and self.playing is DEMOS[self.selected]:
            self.stop()
        else:
            self.play(self.selected)

    # --- drawing ---------------------------------------------------------------------------------

    def _top(self) -> int:
        return scaled_px(24, self.capped_scale) + self.ctx.fonts.bold(palette.HEADING).get_linesize() + 16

    def row_rect(self, index: int) -> pygame.Rect:
        step = max(scaled_px(ROW_HEIGHT, self.capped_scale), self.ctx.fonts.bold(palette.BODY).get_linesize() + 10)
        width = min(scaled_px(LIST_WIDTH, self.capped_scale), self.ctx.ui.window_resolution[0] * 2 // 5)
        return pygame.Rect(MARGIN, self._top() + index * step, width, step - 6)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        fonts, colours, tr = self.ctx.fonts, self.ctx.palette, self.ctx.tr
        surface.fill(colours.sky)
        width, height = surface.get_size()
        draw_text(surface, tr(TITLE), fonts.bold(palette.HEADING), colours.text,
                  (MARGIN, scaled_px(24, self.capped_scale)))
        body, bold = fonts.regular(palette.BODY), fonts.bold(palette.BODY)
        for index, demo in enumerate(DEMOS):
            row = self.row_rect(index)
            chosen = index == self.selected
            pygame.draw.rect(surface, colours.panel_raised if chosen else colours.panel, row, border_radius=6)
            if chosen:
                pygame.draw.rect(surface, colours.focus, row, 3, border_radius=6)
            colour = colours.good if demo is self.playing else colours.text
            draw_text(surface, fit_text(tr(demo.title), bold, row.width - 28), bold, colour,
                      (row.x + 14, row.centery), anchor="midleft")
        right = self.row_rect(0).right + 24
        room = width - MARGIN - right
        demo = DEMOS[self.selected]
        y = draw_text(surface, fit_text(tr(demo.title), fonts.bold(palette.LARGE), room), fonts.bold(palette.LARGE),
                      colours.text, (right, self._top())).bottom + 8
        y = draw_paragraph(surface, tr(demo.explains), body, colours.text, (right, y), room) + 12
        note = self._note()
        if note:
            y = draw_paragraph(surface, tr(note), fonts.regular(palette.SMALL), colours.accent, (right, y), room) + 8
        if self.playing is not None and self.cues is not None and self.player is not None:
            speaking = self.player.speaking(self.time_s)
            saying = tr(CALLOUT_WORDS[speaking]) if speaking is not None else None
            box = pygame.Rect(right, y + 8, 0, 0)
            event = self.player.recent_event(self.time_s)
            draw_sound_panel(surface, fonts, self.texts, self.cues, saying, self.player.audible, colours, tr,
                             below=box, event=tr(EVENT_WORDS[event]) if event else None, only=self.playing.part)
        small = fonts.regular(palette.SMALL)
        draw_text(surface, fit_text(tr(HINT), small, width - 2 * MARGIN), small, colours.text_dim,
                  (width // 2, height - 4), anchor="midbottom")

    def _note(self) -> str | None:
        """Why nothing may be heard: no sound device, or the volume at zero (said plainly, not as an error)."""
        audio = self.ctx.audio
        if audio is None or not audio.available:
            return SOUND_OFF
        if audio.volumes.for_sound("click") == 0.0:
            return VOLUME_ZERO
        return None
