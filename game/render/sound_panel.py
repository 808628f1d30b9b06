"""The landing's sound panel: what the player hears (or would hear, without a sound device) drawn as it sounds.

Each cue gets a row: its name, a bar showing where it sits between left and right, and its pitch or rate in
words. The call-out being spoken shows in words too, so nothing the sound says is lost to a player who
cannot hear it.
"""

from __future__ import annotations

import pygame

from game.content.locale_format import Percent
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.landing.sonify import Cues
from game.render import palette
from game.render.fonts import Fonts
from game.render.landing_hud import PANEL_MARGIN, TextCache, _at_scale, _pixels_at, hud_scale
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text import fit_text

PANEL_WIDTH = 360
ROW_HEIGHT = 30
LABEL_WIDTH = 118
BAR_WIDTH = 96
TITLE = to_translate("Sound")
SILENT_NOTE = to_translate("no sound device: shown here")
ROWS = (to_translate("Descent tone"), to_translate("Height knock"), to_translate("Tilt warble"))
SAYING = to_translate("Saying")
EVENT = to_translate("Event")
# Which row each part of the sound is (game.audio_cues.CUE_PARTS), to dim the others when one plays alone.
PART_ROWS = {"descent": 0, "height": 1, "tilt": 2, "events": 3, "callouts": 4}


def _pan_bar(surface: pygame.Surface, rect: pygame.Rect, pan: float, colour: pygame.Color, colours: Palette) -> None:
    """A line from left to right with the middle marked and a dot where the sound sits."""
    y = rect.centery
    pygame.draw.line(surface, colours.panel_edge, (rect.left, y), (rect.right, y), 2)
    pygame.draw.line(surface, colours.text_dim, (rect.centerx, rect.top + 2), (rect.centerx, rect.bottom - 2), 1)
    x = rect.centerx + round(max(-1.0, min(1.0, pan)) * rect.width / 2)
    pygame.draw.circle(surface, colour, (x, y), max(4, rect.height // 3))


def _warble_bar(surface: pygame.Surface, rect: pygame.Rect, warble: float, colour: pygame.Color,
                colours: Palette) -> None:
    """Filled from the middle towards the side that warbles, as far as it warbles."""
    pygame.draw.rect(surface, colours.panel_raised, rect)
    reach = round(max(-1.0, min(1.0, warble)) * rect.width / 2)
    filled = pygame.Rect(min(rect.centerx, rect.centerx + reach), rect.y, abs(reach), rect.height)
    pygame.draw.rect(surface, colour, filled)
    pygame.draw.rect(surface, colours.panel_edge, rect, 1)
    pygame.draw.line(surface, colours.text_dim, (rect.centerx, rect.top), (rect.centerx, rect.bottom - 1), 1)


def sound_rows(cues: Cues, tr: Translate = ENGLISH) -> list[str]:
    """The values of the panel's rows in words: the descent tone's pitch and pulses, the knock's, the warble's side."""
    if cues.vario_pulse_hz > 0.0:
        descent = tr("{pitch} Hz, {rate}/s", pitch=f"{cues.vario_hz:.0f}", rate=f"{cues.vario_pulse_hz:.1f}")
    else:
        descent = tr("{pitch} Hz steady", pitch=f"{cues.vario_hz:.0f}")
    height = tr("{pitch} Hz, {rate}/s", pitch=f"{cues.height_hz:.0f}", rate=f"{cues.height_rate_hz:.1f}")
    if abs(cues.warble) < 0.05:
        warble = tr("none (upright)")
    elif cues.warble < 0:
        warble = tr("left, {share}", share=Percent(abs(cues.warble)))
    else:
        warble = tr("right, {share}", share=Percent(cues.warble))
    return [descent, height, warble]


def draw_sound_panel(
    surface: pygame.Surface, fonts: Fonts, texts: TextCache, cues: Cues, saying: str | None, audible: bool,
    colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH, band_top: int | None = None,
    below: pygame.Rect | None = None, event: str | None = None, only: str | None = None,
    right_top: int | None = None,
) -> pygame.Rect:
    """The cues as bars and words, the latest event and the call-out being said (both already in words).

    Placed under the `below` box (the instruments) when it fits there, else at the right from `right_top` down
    (under the boxes at the top right), else at the bottom right above the keys' band; never wider than half the
    window less a margin, so the middle, where the lander flies, stays clear. With `only` (one of
    game.audio_cues.CUE_PARTS) the rows of the other parts are dimmed and their values left out."""
    width, height = surface.get_size()
    scale = hud_scale(fonts.scale, (width, height), band_top)
    px = _pixels_at(scale)
    small, bold = fonts.regular(_at_scale(fonts, palette.SMALL, scale)), fonts.bold(_at_scale(fonts, palette.SMALL,
                                                                                                scale))
    values = sound_rows(cues, tr)
    value_width = max(bold.size(value)[0] for value in values)
    label_width = max(px(LABEL_WIDTH), *(small.size(tr(label))[0] + px(10) for label in ROWS))
    panel_width = min(width // 2 - 3 * PANEL_MARGIN,
                      max(px(PANEL_WIDTH), label_width + px(BAR_WIDTH) + value_width + px(40)))
    rows = len(ROWS) + 3
    panel = pygame.Rect(0, 0, panel_width, px(14) + px(ROW_HEIGHT) * rows)
    bottom = (band_top if band_top is not None else height) - PANEL_MARGIN
    if below is not None and below.bottom + PANEL_MARGIN + panel.height <= bottom:
        panel.topleft = (below.left, below.bottom + PANEL_MARGIN)
    elif right_top is not None and right_top + panel.height <= bottom:
        panel.topright = (width - PANEL_MARGIN, right_top)
    else:
        panel.bottomright = (width - PANEL_MARGIN, bottom)
    layer = pygame.Surface(panel.size, pygame.SRCALPHA)
    layer.fill((*colours.panel[:3], 215))
    surface.blit(layer, panel)
    pygame.draw.rect(surface, colours.panel_edge, panel, 2, border_radius=6)
    x, y = panel.x + px(12), panel.y + px(8)
    title = texts.draw(surface, bold, tr(TITLE), colours.text, (x, y))
    if not audible:
        texts.draw(surface, small, tr(SILENT_NOTE), colours.text_dim, (title.right + px(10), y))
    y += px(ROW_HEIGHT)
    bar_left = x + label_width
    bars = (cues.vario_pan, cues.pad_pan, cues.warble)
    shown = PART_ROWS.get(only or "")
    for index, (label, value, where) in enumerate(zip(ROWS, values, bars, strict=True)):
        if shown is not None and index != shown:
            texts.draw(surface, small, tr(label), colours.panel_edge, (x, y))
            y += px(ROW_HEIGHT)
            continue
        texts.draw(surface, small, tr(label), colours.text_dim, (x, y))
        bar = pygame.Rect(bar_left, y + px(4), px(BAR_WIDTH), px(14))
        if index < 2:
            _pan_bar(surface, bar, where, colours.accent, colours)
        else:
            _warble_bar(surface, bar, where, colours.accent, colours)
        value = fit_text(value, bold, panel.right - px(12) - bar.right - px(8))
        texts.draw(surface, bold, value, colours.text, (panel.right - px(12), y), anchor="topright")
        y += px(ROW_HEIGHT)
    for index, label, words in ((3, EVENT, event), (4, SAYING, f"“{saying}”" if saying else None)):
        dim = shown is not None and index != shown
        texts.draw(surface, small, tr(label), colours.panel_edge if dim else colours.text_dim, (x, y))
        if words and not dim:
            shown_words = fit_text(words, bold, panel.right - px(12) - bar_left)
            texts.draw(surface, bold, shown_words, colours.good, (bar_left, y))
        y += px(ROW_HEIGHT)
    return panel
