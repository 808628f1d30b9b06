"""The landing's instruments on screen: readouts with grade-limit cues, velocity vector, impact point, burn marker."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import pygame

from game.content.locale_format import KILOGRAM, METRE, METRE_PER_SECOND, Percent, Quantity
from game.content.message import number_text, quantity_text
from game.content.models import LandingGrading
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.landing.instruments import braking_height, delta_v_left, thrust_to_weight
from game.landing.pilot import Observation
from game.landing.terrain import Ground
from game.render import palette
from game.render.fonts import Fonts, scaled
from game.render.landing_camera import SideCamera
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text import wrap_text

Cue = Literal["ok", "hard", "crash"]
CUE_COLOURS: dict[Cue, pygame.Color] = {
    "ok": palette.GOOD, "hard": pygame.Color("#ffb347"), "crash": pygame.Color("#ff5c5c"),
}
CUE_WORDS: dict[Cue, str] = {"ok": to_translate("SAFE"), "hard": to_translate("HARD"), "crash": to_translate("CRASH")}
PANEL_WIDTH = 318
ROW_HEIGHT = 34
PANEL_ROWS = 8  # six readouts and two bars
PANEL_MARGIN = 14  # from the window's edges, and kept free above the keys' help band
# At the largest UI scales a panel as large as the scale asks would cover the lander (which flies in the middle)
# and run under the keys' help band: its text then grows only as far as this share of the width allows.
PANEL_MAX_WIDTH_SHARE = 0.42
VECTOR_PIXELS_PER_M_S = 7.0
VECTOR_MAX_PIXELS = 160.0
# The suggested-burn marker plans on this share of full thrust, leaving a margin to steer with.
BURN_MARGIN = 0.8
TEXT_CACHE_LIMIT = 400
IMPACT_LABEL = to_translate("impact")
LABEL_PLATE = (10, 4)  # how much larger than its words a label's dark plate is, in pixels
HELP_SEPARATOR = " · "
HELP_BAND_ALPHA = 215
BURN_LABEL = to_translate("brake from here")


@dataclass(slots=True)
class TextCache:
    """Rendered words kept between frames: the same readout is not rasterised sixty times a second."""

    rendered: dict[tuple[int, str, tuple[int, int, int]], pygame.Surface] = field(default_factory=dict)
    # See-through panels by (size, colour with alpha): a window-wide one, made and filled every frame, cost as
    # much as all the readouts' words.
    layers: dict[tuple[tuple[int, int], tuple[int, int, int, int]], pygame.Surface] = field(default_factory=dict)

    def layer(self, size: tuple[int, int], colour: tuple[int, int, int, int]) -> pygame.Surface:
        """A see-through panel of `size` filled with `colour` (its alpha included), to blit; made once."""
        key = (size, colour)
        shade = self.layers.get(key)
        if shade is None:
            if len(self.layers) >= TEXT_CACHE_LIMIT:
                self.layers.clear()
            shade = self.layers[key] = pygame.Surface(size, pygame.SRCALPHA)
            shade.fill(colour)
        return shade

    def render(self, font: pygame.font.Font, text: str, colour: pygame.Color) -> pygame.Surface:
        key = (id(font), text, (colour.r, colour.g, colour.b))
        image = self.rendered.get(key)
        if image is None:
            if len(self.rendered) >= TEXT_CACHE_LIMIT:
                self.rendered.clear()
            image = self.rendered[key] = font.render(text, True, colour)
        return image

    def draw(
        self, surface: pygame.Surface, font: pygame.font.Font, text: str, colour: pygame.Color,
        position: tuple[float, float], anchor: str = "topleft",
    ) -> pygame.Rect:
        image = self.render(font, text, colour)
        rect = image.get_rect(**{anchor: (round(position[0]), round(position[1]))})
        surface.blit(image, rect)
        return rect


def cue_colours(colours: Palette) -> dict[Cue, pygame.Color]:
    """The three cue colours in `colours`: the standard look keeps its own red, other palettes their own hues."""
    if colours is STANDARD_PALETTE:
        return CUE_COLOURS
    return {"ok": colours.good, "hard": colours.warning, "crash": colours.broken}


def cue_for(value: float, good: float, hard: float) -> Cue:
    """Green within the good limit, amber within the hard one, red beyond it."""
    return "ok" if value <= good else "hard" if value <= hard else "crash"


def touchdown_cues(seen: Observation, grading: LandingGrading) -> dict[str, Cue]:
    """How each graded measure would count if the lander touched down now."""
    good, hard = grading.good, grading.hard
    return {
        "down": cue_for(max(0.0, -seen.vy_m_s), good.vertical_speed_m_s, hard.vertical_speed_m_s),
        "side": cue_for(abs(seen.vx_m_s), good.horizontal_speed_m_s, hard.horizontal_speed_m_s),
        "tilt": cue_for(abs(math.degrees(seen.angle_rad)), good.tilt_deg, hard.tilt_deg),
    }


def worst(cues: dict[str, Cue]) -> Cue:
    values = cues.values()
    return "crash" if "crash" in values else "hard" if "hard" in values else "ok"


def draw_cue_mark(
    surface: pygame.Surface, cue: Cue, centre: tuple[float, float], radius: float,
    colours: Palette = STANDARD_PALETTE,
) -> None:
    """A shape as well as a colour, so the cue reads without colour vision: circle, triangle, square."""
    colour = cue_colours(colours)[cue]
    x, y = centre
    if cue == "ok":
        pygame.draw.circle(surface, colour, (x, y), radius)
    elif cue == "hard":
        pygame.draw.polygon(surface, colour, [(x, y - radius * 1.1), (x + radius * 1.1, y + radius * 0.8),
                                              (x - radius * 1.1, y + radius * 0.8)])
    else:
        pygame.draw.rect(surface, colour, (x - radius, y - radius, radius * 2, radius * 2))
        arm = radius * 0.6
        pygame.draw.line(surface, colours.sky, (x - arm, y - arm), (x + arm, y + arm), 3)
        pygame.draw.line(surface, colours.sky, (x - arm, y + arm), (x + arm, y - arm), 3)


def hud_scale(ui_scale: float, size: tuple[int, int], band_top: int | None = None) -> float:
    """The scale the instruments are drawn at: the UI scale, unless the panel would then reach below `band_top`
    (the keys' help band; the window's foot when None) or across PANEL_MAX_WIDTH_SHARE of the width; never
    below 100 %."""
    width, height = size
    bottom = height if band_top is None else band_top
    fits_height = (bottom - 2 * PANEL_MARGIN) / (26 + ROW_HEIGHT * PANEL_ROWS)
    fits_width = (PANEL_MAX_WIDTH_SHARE * width - PANEL_MARGIN) / PANEL_WIDTH
    return max(1.0, min(ui_scale, fits_height, fits_width))


def _at_scale(fonts: Fonts, size: int, scale: float) -> int:
    """The size to ask `fonts` (which multiply by their own scale) for, to get text `size` at `scale`."""
    return max(1, round(size * scale / fonts.scale)) if fonts.scale > 0 else size


def draw_instruments(
    surface: pygame.Surface, fonts: Fonts, texts: TextCache, seen: Observation, grading: LandingGrading,
    thrust_share: float, throttle: float, propellant_capacity_kg: float, colours: Palette = STANDARD_PALETTE,
    tr: Translate = ENGLISH, band_top: int | None = None,
) -> pygame.Rect:
    """The left-hand panel of readouts; the speeds and the lean carry their touchdown cue.

    The panel grows with the UI scale (fonts.scale), as its words do, as far as it stays above `band_top` (the
    keys' help band) and clear of the middle, where the lander flies (see `hud_scale`)."""
    scale = hud_scale(fonts.scale, surface.get_size(), band_top)
    px = _pixels_at(scale)
    label_font = fonts.regular(_at_scale(fonts, palette.SMALL, scale))
    value_font = fonts.bold(_at_scale(fonts, palette.BODY, scale))
    cues = touchdown_cues(seen, grading)
    tw = thrust_to_weight(seen)
    rows: list[tuple[str, str, Cue | None]] = [
        (tr("Altitude"), tr(quantity_text(Quantity(max(0.0, seen.altitude_m), METRE, 1))), None),
        (tr("Down speed"), tr(quantity_text(Quantity(-seen.vy_m_s, METRE_PER_SECOND, 1, signed=True))), cues["down"]),
        (tr("Sideways"), tr(quantity_text(Quantity(seen.vx_m_s, METRE_PER_SECOND, 1, signed=True))), cues["side"]),
        (tr("Tilt"), f"{math.degrees(seen.angle_rad):+.0f}°", cues["tilt"]),
        (tr("Thrust / weight"), tr(number_text(tw, 2)), None),
        (tr("Δv left"), tr(quantity_text(Quantity(delta_v_left(seen), METRE_PER_SECOND, 0))), None),
    ]
    row_height = px(ROW_HEIGHT)
    panel = pygame.Rect(PANEL_MARGIN, PANEL_MARGIN, px(PANEL_WIDTH), px(26) + row_height * (len(rows) + 2))
    surface.blit(texts.layer(panel.size, (colours.panel.r, colours.panel.g, colours.panel.b, 215)), panel)
    pygame.draw.rect(surface, colours.panel_edge, panel, 2, border_radius=6)
    y = panel.y + px(12)
    value_right = panel.right - px(52)
    for label, value, cue in rows:
        texts.draw(surface, label_font, label, colours.text_dim, (panel.x + px(14), y + px(4)))
        texts.draw(surface, value_font, value, colours.text, (value_right, y), anchor="topright")
        if cue is not None:
            draw_cue_mark(surface, cue, (panel.right - px(26), y + px(15)), px(9), colours)
        y += row_height
    _bar(surface, fonts, scale, texts, tr("Throttle"), throttle,
         tr(quantity_text(Percent(thrust_share))) if thrust_share else tr("off"),
         (panel.x + px(14), y), panel.width - px(28), colours.accent, colours)
    y += row_height
    fuel = seen.propellant_kg
    share = fuel / propellant_capacity_kg if propellant_capacity_kg > 0.0 else 0.0
    colour = colours.good if share > 0.1 else cue_colours(colours)["crash"]
    _bar(surface, fonts, scale, texts, tr("Propellant"), share, tr(quantity_text(Quantity(fuel, KILOGRAM, 0))),
         (panel.x + px(14), y), panel.width - px(28), colour, colours)
    return panel


def _pixels(fonts: Fonts) -> Callable[[int], int]:
    """Lengths at 100 % made to follow the UI scale, so boxes stay around their (scaled) words."""
    return _pixels_at(fonts.scale)


def _pixels_at(scale: float) -> Callable[[int], int]:
    """Lengths at 100 % made to follow `scale`, the scale a box's words are drawn at."""
    return lambda value: scaled(value, scale)


def _bar(
    surface: pygame.Surface, fonts: Fonts, scale: float, texts: TextCache, label: str, share: float, value: str,
    topleft: tuple[int, int], width: int, colour: pygame.Color, colours: Palette,
) -> None:
    px = _pixels_at(scale)
    x, y = topleft
    small = _at_scale(fonts, palette.SMALL, scale)
    texts.draw(surface, fonts.regular(small), label, colours.text_dim, (x, y + px(4)))
    bar = pygame.Rect(x + px(118), y + px(8), width - px(118) - px(84), px(16))
    pygame.draw.rect(surface, colours.panel_raised, bar)
    filled = bar.copy()
    filled.width = round(bar.width * max(0.0, min(1.0, share)))
    pygame.draw.rect(surface, colour, filled)
    pygame.draw.rect(surface, colours.panel_edge, bar, 1)
    texts.draw(surface, fonts.bold(small), value, colours.text, (x + width, y + px(4)), anchor="topright")


def draw_touchdown_cue(
    surface: pygame.Surface, fonts: Fonts, texts: TextCache, cue: Cue, colours: Palette = STANDARD_PALETTE,
    tr: Translate = ENGLISH, band_top: int | None = None,
) -> pygame.Rect:
    """Top right: how a touchdown right now would end, in words, colour and shape; returns its box. Drawn at the
    instruments' scale (`hud_scale`), so at the largest UI scales it stays clear of the panel."""
    scale = hud_scale(fonts.scale, surface.get_size(), band_top)
    px = _pixels_at(scale)
    font = fonts.bold(_at_scale(fonts, palette.LARGE, scale))
    text = tr("Touchdown now: {cue}", cue=tr(CUE_WORDS[cue]))
    colour = cue_colours(colours)[cue]
    image = texts.render(font, text, colour)
    box = pygame.Rect(0, 0, image.get_width() + px(66), image.get_height() + 18)
    box.topright = (surface.get_width() - 14, 14)
    pygame.draw.rect(surface, colours.panel, box, border_radius=6)
    pygame.draw.rect(surface, colour, box, 3, border_radius=6)
    draw_cue_mark(surface, cue, (box.x + px(26), box.centery), px(11), colours)
    surface.blit(image, (box.x + px(48), box.y + 9))
    return box


def draw_flight_marks(
    surface: pygame.Surface, fonts: Fonts, texts: TextCache, camera: SideCamera, seen: Observation,
    pose: tuple[float, float, float], ground: Ground, impact_x: float | None, suggested_burn: bool,
    colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH,
) -> bool:
    """Velocity vector, predicted impact, and (as an assist) where braking must begin; True: burn now."""
    x, y, _ = pose
    sx, sy = camera.to_screen(x, y)
    speed = math.hypot(seen.vx_m_s, seen.vy_m_s)
    if speed > 0.2:
        length = min(VECTOR_MAX_PIXELS, speed * VECTOR_PIXELS_PER_M_S)
        dx, dy = seen.vx_m_s / speed * length, -seen.vy_m_s / speed * length
        tip = (sx + dx, sy + dy)
        pygame.draw.line(surface, colours.text, (sx, sy), tip, 3)
        back = math.atan2(dy, dx) + math.pi
        wing = [(tip[0] + 12 * math.cos(back + side), tip[1] + 12 * math.sin(back + side)) for side in (-0.45, 0.45)]
        pygame.draw.polygon(surface, colours.text, [tip, *wing])
    small = fonts.bold(palette.SMALL)
    burn_now = False
    burn_mark: tuple[float, pygame.Color] | None = None
    # Sinking slowly (the last metres) there is no braking left to plan: the marker would only clutter.
    if suggested_burn and not seen.legs_touching and seen.vy_m_s <= -1.5:
        needed = braking_height(seen, BURN_MARGIN)
        burn_now = needed >= seen.altitude_m and seen.vy_m_s < -1.0
        if math.isfinite(needed) and needed > 0.0:
            # Where the lander's centre will be when its feet are `needed` above the ground.
            mark_y = camera.to_screen(x, y - seen.altitude_m + needed)[1]
            burn_mark = (mark_y, cue_colours(colours)["hard"] if burn_now else colours.accent)
    taken: list[pygame.Rect] = []
    if burn_mark is not None:
        mark_y, colour = burn_mark
        for start in range(-90, 90, 20):
            pygame.draw.line(surface, colour, (sx + start, mark_y), (sx + start + 11, mark_y), 3)
        image = texts.render(small, tr(BURN_LABEL), colour)
        label = image.get_rect(midleft=(round(sx + 96), round(mark_y)))
        _label_plate(surface, label, colours)
        surface.blit(image, label)
        taken = [label.inflate(LABEL_PLATE), pygame.Rect(round(sx - 90), round(mark_y) - 2, 181, 5)]
    # Within the last metres the impact point sits under the feet and would only hide them.
    if impact_x is not None and seen.altitude_m > 8.0 and camera.left <= impact_x <= camera.right:
        ix, iy = camera.to_screen(impact_x, ground.height_at(impact_x))
        colour = cue_colours(colours)["crash"]
        pygame.draw.line(surface, colour, (ix - 10, iy - 10), (ix + 10, iy + 10), 4)
        pygame.draw.line(surface, colour, (ix - 10, iy + 10), (ix + 10, iy - 10), 4)
        image = texts.render(small, tr(IMPACT_LABEL), colour)
        label = impact_label_rect(image.get_size(), (ix, iy), taken)
        _label_plate(surface, label, colours)
        surface.blit(image, label)
    return burn_now


def _label_plate(surface: pygame.Surface, label: pygame.Rect, colours: Palette) -> None:
    """A dark plate under a mark's label: coloured words alone would vanish on the sunlit grey ground."""
    pygame.draw.rect(surface, colours.panel, label.inflate(LABEL_PLATE), border_radius=4)


def impact_label_rect(size: tuple[int, int], mark: tuple[float, float], taken: list[pygame.Rect]) -> pygame.Rect:
    """Where the "impact" label goes: above its cross, else beside it, else lifted clear of what is `taken`
    (the suggested-burn line and its label), so the two labels never overlap when the line nears the ground."""
    x, y = round(mark[0]), round(mark[1])
    label = pygame.Rect((0, 0), size)
    taken = [rect.inflate(LABEL_PLATE) for rect in taken]  # plates, not only words, must stay apart
    places = [{"midbottom": (x, y - 14)}, {"midleft": (x + 18, y)}, {"midright": (x - 18, y)}]
    for place in places:
        rect = label.copy()
        setattr(rect, *next(iter(place.items())))
        if rect.inflate(LABEL_PLATE).collidelist(taken) < 0:
            return rect
    # Still crowded: above everything in the way, over its cross.
    label.midbottom = (x, min([y - 14, *(rect.top - LABEL_PLATE[1] for rect in taken)]))
    return label


def draw_banner(
    surface: pygame.Surface, fonts: Fonts, texts: TextCache, words: list[tuple[str, pygame.Color]],
    colours: Palette = STANDARD_PALETTE, top: int = 18, right: int | None = None,
) -> None:
    """Status words along the top middle (from `top` down), or lined up on `right`: paused, autopilot, replay,
    slow motion, the world."""
    font = fonts.bold(palette.BODY)
    x = surface.get_width() // 2
    y = top
    for text, colour in words:
        image = texts.render(font, text, colour)
        rect = image.get_rect(midtop=(x, y)) if right is None else image.get_rect(topright=(right, y))
        pygame.draw.rect(surface, colours.panel, rect.inflate(24, 10), border_radius=6)
        texts.draw(surface, font, text, colour, rect.topleft)
        y = rect.bottom + 14


def balanced_help_lines(text: str, font: pygame.font.Font, width: int, separator: str = HELP_SEPARATOR) -> list[str]:
    """The keys' help on one line when it fits in `width`, else on as few lines of even length as fit, broken
    only between two keys (never "abandon" alone on a line); wrapped anyhow when one key alone is too wide."""
    parts = text.split(separator)
    total = font.size(text)[0]
    for count in range(1, len(parts) + 1):
        lines = _even_lines(parts, font, separator, total / count)
        if len(lines) <= count and all(font.size(line)[0] <= width for line in lines):
            return lines
    return wrap_text(text, font, width)


def _even_lines(parts: list[str], font: pygame.font.Font, separator: str, target: float) -> list[str]:
    """`parts` joined into lines each about `target` pixels wide: a line takes the next part while that brings
    it nearer the target."""
    lines: list[str] = []
    line = ""
    for part in parts:
        longer = f"{line}{separator}{part}" if line else part
        if line and abs(font.size(longer)[0] - target) > abs(font.size(line)[0] - target):
            lines.append(line)
            line = part
        else:
            line = longer
    return [*lines, line]


def help_band_height(fonts: Fonts, text: str, width: int) -> int:
    """How tall the keys' help band is in a window `width` wide: the view above it is framed to end there."""
    font = fonts.regular(palette.SMALL)
    lines = balanced_help_lines(text, font, width - _pixels(fonts)(40))
    return len(lines) * font.get_linesize() + _pixels(fonts)(14)


def draw_help_band(
    surface: pygame.Surface, fonts: Fonts, texts: TextCache, text: str, colours: Palette = STANDARD_PALETTE,
) -> pygame.Rect:
    """The keys' help at the foot, on a dark see-through band so it reads over the light regolith; its box."""
    width, height = surface.get_size()
    px = _pixels(fonts)
    font = fonts.regular(palette.SMALL)
    lines = balanced_help_lines(text, font, width - px(40))
    line_height = font.get_linesize()
    band = pygame.Rect(0, 0, width, help_band_height(fonts, text, width))
    band.bottom = height
    surface.blit(texts.layer(band.size, (colours.panel.r, colours.panel.g, colours.panel.b, HELP_BAND_ALPHA)), band)
    pygame.draw.line(surface, colours.panel_edge, band.topleft, band.topright, 1)
    for number, line in enumerate(lines):
        texts.draw(surface, font, line, colours.text, (width // 2, band.y + px(7) + number * line_height),
                   anchor="midtop")
    return band
