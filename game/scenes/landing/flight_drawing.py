"""Drawing the landing screen: the sky, ground, target and lander with its particles, the instruments, marks,
touchdown box, status words and sound panel while flying; the grade, its reasons and the plot after; the
problem when the landing cannot be flown. Only reads the scene; the sky and the plot are pictures kept in
`FlightPictures` until what they show changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.locale_format import METRE_PER_SECOND_SQUARED, Quantity
from game.content.message import Message
from game.content.text import translate
from game.landing.run import LandingResult
from game.render import palette
from game.render.landing_camera import SideCamera
from game.render.landing_hud import (
    cue_colours,
    draw_banner,
    draw_flight_marks,
    draw_help_band,
    draw_instruments,
    draw_touchdown_cue,
    touchdown_cues,
    worst,
)
from game.render.landing_plot import render_flight_plot
from game.render.landing_result import draw_result
from game.render.landing_view import draw_ground, draw_lander, draw_lander_shadow, draw_target, render_sky
from game.render.sound_panel import draw_sound_panel
from game.render.text import draw_paragraph, draw_text, fit_text
from game.scenes.context import SceneContext
from game.scenes.landing.flight_layout import banner_place, result_parts, view_size
from game.scenes.landing.sound_aids import CALLOUT_WORDS, EVENT_WORDS

if TYPE_CHECKING:
    from game.scenes.landing.flight_screen import LandingScene


class FlightPictures:
    """The sky and the flight's plot, rendered once and kept until the size or the look they were made for changes
    (rendering them takes longer than a frame has)."""

    def __init__(self) -> None:
        self._sky: tuple[tuple[object, ...], pygame.Surface] | None = None
        self._plot: tuple[tuple[object, ...], pygame.Surface] | None = None

    def sky(self, size: tuple[int, int], ctx: SceneContext, keys_hint: str) -> pygame.Surface:
        view_height = view_size(size, ctx.fonts, keys_hint)[1]
        key = (size, view_height, ctx.palette.name)
        if self._sky is None or self._sky[0] != key:
            self._sky = (key, render_sky(size, colours=ctx.palette, view_height=view_height))
        return self._sky[1]

    def plot(self, size: tuple[int, int], result: LandingResult, ctx: SceneContext) -> pygame.Surface:
        key = (size, id(result.recording), ctx.palette.name, ctx.fonts.scale, ctx.language)
        if self._plot is None or self._plot[0] != key:
            self._plot = (key, render_flight_plot(size, result.recording, ctx.fonts, ctx.palette, ctx.tr))
        return self._plot[1]


def view_camera(scene: LandingScene, size: tuple[int, int], alpha: float) -> SideCamera:
    """The view follows the lander above the keys' help band, so the band never hides the pad or the feet."""
    ctx = scene.ctx
    x, y, _ = scene.session.interpolated_pose(alpha)
    return SideCamera.following(x, y, scene.session.seen.altitude_m, scene.scenario.ground,
                                view_size(size, ctx.fonts, scene.keys_hint()))


def draw(surface: pygame.Surface, scene: LandingScene, alpha: float) -> None:
    ctx = scene.ctx
    size = surface.get_size()
    colours = ctx.palette
    surface.blit(scene.pictures.sky(size, ctx, scene.keys_hint()), (0, 0))
    if scene.phase == "error":
        _draw_error(surface, scene)
        return
    session = scene.session
    scenario = scene.scenario
    pose = session.interpolated_pose(alpha)
    camera = view_camera(scene, size, alpha)
    ground = scenario.ground
    good = scenario.grading.good.distance_m
    draw_ground(surface, camera, ground, scene.shade)
    draw_target(surface, camera, ground, None if good is None else good * scenario.assists.target_scale,
                colours.accent)
    half_width = (scene.shape.hull[1][0] - scene.shape.hull[0][0]) / 2
    draw_lander_shadow(surface, camera, ground, pose, half_width)
    scene.particles.draw(surface, camera)
    thrust = session.flight.last_thrust_n
    share = thrust / scenario.lander.max_thrust_n if thrust > 0.0 and scene.phase == "flying" else 0.0
    draw_lander(surface, camera, scene.shape, pose, thrust_share=share, carrying=scenario.cargo_id is not None,
                flicker=0 if scene.reduced_motion else session.flight.steps)
    fonts = ctx.fonts
    if scene.phase == "finished" and scene.result is not None:
        _draw_result(surface, scene, scene.result)
        return
    seen = session.seen
    burn_now = draw_flight_marks(surface, fonts, scene.texts, camera, seen, pose, ground, session.impact_x,
                                 scenario.assists.suggested_burn, colours, ctx.tr)
    throttle = session.last_command.throttle
    band_top = view_size(size, fonts, scene.keys_hint())[1]
    panel = draw_instruments(surface, fonts, scene.texts, seen, scenario.grading, share, throttle,
                             scenario.lander.propellant_kg, colours, ctx.tr, band_top)
    cue_box = pygame.Rect(surface.get_width(), 0, 0, 0)
    if not seen.legs_touching:
        cue_box = draw_touchdown_cue(surface, fonts, scene.texts, worst(touchdown_cues(seen, scenario.grading)),
                                     colours, ctx.tr, band_top)
    words = _banner_words(scene, burn_now)
    font = fonts.bold(palette.BODY)
    widest = max((scene.texts.render(font, text, colour).get_width() + 24 for text, colour in words), default=0)
    top, right = banner_place(ctx.ui.window_resolution, fonts, widest, len(words), panel, cue_box, scene.keys_hint())
    draw_banner(surface, fonts, scene.texts, words, colours, top, right)
    aids = scene.aids
    if aids is not None and aids.on and aids.cues is not None:
        speaking = aids.speaking()
        saying = ctx.tr(CALLOUT_WORDS[speaking]) if speaking is not None else None
        event = aids.player.recent_event(aids.now)
        # The right column is free below the touchdown box, and below the status words when they stand there.
        right_top = cue_box.bottom if cue_box.width else 0
        if right is not None:
            right_top = top + len(words) * (fonts.bold(palette.BODY).get_linesize() + 14)
        draw_sound_panel(surface, fonts, scene.texts, aids.cues, saying, aids.player.audible, colours, ctx.tr,
                         band_top, below=panel, event=ctx.tr(EVENT_WORDS[event]) if event else None,
                         right_top=right_top + 14)
    draw_help_band(surface, ctx.fonts, scene.texts, scene.keys_hint(), ctx.palette)  # the controls as bound


def _banner_words(scene: LandingScene, burn_now: bool) -> list[tuple[str, pygame.Color]]:
    ctx = scene.ctx
    colours, tr = ctx.palette, ctx.tr
    keys = scene.input.keys
    words: list[tuple[str, pygame.Color]] = []
    if scene.clock.paused:
        words.append((tr("PAUSED: {key} to fly on", key=keys.label("pause_flight")), colours.accent))
    if scene.replaying:
        words.append((tr("Replay of a recorded flight"), colours.text))
    elif scene.session.pilot is not None:
        words.append((tr("Autopilot flying: {key} to take over", key=keys.label("autopilot")), colours.good))
    if burn_now:
        words.append((tr("BRAKE NOW"), cue_colours(colours)["hard"]))
    details = []
    if scene.world_name and scene.options.gravity is not None:  # another world than the catalog's Moon
        # The name is a message (game/landing/what_if.py): tr shows it in the player's language.
        details.append(tr("{world}: {gravity}", world=scene.world_name,
                          gravity=Quantity(scene.scenario.gravity_m_s2, METRE_PER_SECOND_SQUARED)))
    if scene.slow_motion < 1.0:
        details.append(tr("slow motion ×{factor}", factor=f"{scene.slow_motion:g}"))
    if details:
        words.append(("  ·  ".join(details), colours.text_dim))
    return words


def _draw_error(surface: pygame.Surface, scene: LandingScene) -> None:
    ctx = scene.ctx
    fonts, colours = ctx.fonts, ctx.palette
    width, height = surface.get_size()
    title = draw_text(surface, ctx.tr("This landing cannot be flown"), fonts.bold(palette.HEADING),
                      colours.broken, (width // 2, height // 3), anchor="midtop")
    # The landing's own problems are whole sentences (messages); a content error is a clause to finish.
    error = scene.error
    text = ctx.tr(error) if isinstance(error, Message) else error[:1].upper() + error[1:] + "."
    draw_paragraph(surface, text, fonts.regular(palette.BODY),
                   colours.text, (width // 6, title.bottom + 24), width * 2 // 3)
    draw_text(surface, ctx.tr("Enter or Esc: back"), fonts.regular(palette.SMALL), colours.text_dim,
              (width // 2, height - 40), anchor="midbottom")


def _draw_result(surface: pygame.Surface, scene: LandingScene, result: LandingResult) -> None:
    ctx = scene.ctx
    width, height = surface.get_size()
    colours, fonts = ctx.palette, ctx.fonts
    text = scene.result_text()
    plot = scene.pictures.plot(text.plot.size, result, ctx)
    draw_result(surface, fonts, result, text.column, (plot, text.plot), colours, ctx.tr)
    window = text.window
    for line, top in zip(text.lines[window.first:window.first + window.shown], window.tops, strict=True):
        draw_text(surface, line.text, fonts.regular(line.size), colours.text_dim if line.fact else colours.text,
                  (window.area.x, top))
    small = fonts.regular(palette.SMALL)
    if window.scroll is not None:
        track, thumb = window.scroll
        pygame.draw.rect(surface, colours.panel_edge, track, border_radius=4)
        pygame.draw.rect(surface, colours.accent, thumb, border_radius=4)
        draw_text(surface, fit_text(window.where, small, text.column - 40), small, colours.text_dim,
                  (window.area.right, window.pager_top), anchor="topright")  # by its scroll bar
    keys_top = result_parts((width, height), fonts, [button.rect for button in scene.buttons.values()])[1]
    keys = ctx.tr("Enter continue  ·  E export CSV  ·  R save recording")
    if scene.practice:
        keys += "  ·  " + ctx.tr("F fly again")
    draw_text(surface, fit_text(keys, small, width - 80), small, colours.text_dim, (width // 2, keys_top),
              anchor="midtop")


def cargo_name(scene: LandingScene, result: LandingResult) -> str | None:
    """The cargo's name in the player's language (its id when the catalog lacks it), or None when there is none."""
    ctx = scene.ctx
    cargo_id = result.recording.cargo
    if cargo_id is None:
        return None
    catalog = scene.loaded.catalog
    module = catalog.modules.get(cargo_id) if catalog is not None else None
    return translate(module.name, ctx.language) if module is not None else cargo_id
