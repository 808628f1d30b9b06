"""The hover box on the site map: what a tile offers, in words and numbers a student can use."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pygame

from game.content.figures import WORKED_OUT, WorkedOut, real_figures, status_tag, summary_status
from game.content.locale_format import KILOGRAM, KILOWATT, KILOWATT_HOUR, Percent, Quantity
from game.content.message import list_text, say_n
from game.content.models import Figure, ModuleSpec, TileKind
from game.content.text import translate
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.render import palette
from game.render.fonts import Fonts
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.pointer_box import EDGE, place_beside_pointer
from game.render.resource_bar import STORE_NAMES
from game.render.text import wrap_text
from game.render.text_cache import TextCache
from game.rules.grid import SiteGrid
from game.rules.hours import HOURS_PER_DAY

OFFSET = 22
MAX_WIDTH_SHARE = 0.45  # of the window's width
MIN_WRAP_PX = 320


def tile_tooltip_lines(kind: TileKind, language: str, module_name: str | None = None,
                       tr: Translate = ENGLISH, sunlight: tuple[float, Figure | WorkedOut] | None = None) -> list[str]:
    """The tooltip's lines, title first; each number says whether it is a real figure or a game value.
    `sunlight` replaces the ground kind's share with one worked out another way (from the site's terrain),
    with that share's own status, so whichever way the light is found the tooltip says what it is."""
    def marked(line: str, field: str) -> str:
        return tr("{line} ({status})", line=line, status=status_tag(kind.figure(field), tr))

    share, share_status = sunlight if sunlight is not None else (kind.sunlight, kind.figure("sunlight"))
    lines = [
        translate(kind.name, language),
        tr("{line} ({status})", line=tr("Sunlight: {percent} of the lunar day", percent=Percent(share)),
           status=status_tag(share_status, tr)),
        marked(tr("Ice: {percent} by mass", percent=Percent(kind.ice_percent / 100, None)), "ice_percent")
        if kind.ice_percent > 0 else tr("Ice: none"),
        marked(tr("Slope: {degrees}°", degrees=f"{kind.slope_deg:g}"), "slope_deg"),
        tr("Earth in view: yes") if kind.earth_visible else tr("Earth in view: no (hidden by the horizon)"),
    ]
    if module_name:
        lines.append(tr("Module here: {module}", module=module_name))
    return lines


def terrain_tooltip_lines(kind: TileKind, grid: SiteGrid, cell: tuple[int, int], hour: float, language: str,
                          tr: Translate = ENGLISH) -> list[str]:
    """The tooltip of a tile whose light is computed from the terrain: how much light, and why (its horizon
    towards the Sun), its dark spells, ice and Earth view."""
    light = grid.light
    assert light is not None
    x, y = cell
    sun_azimuth, sun_elevation = light.sky.sun(hour)
    skyline = light.horizon_at(x, y, sun_azimuth)
    why = (tr("Now its horizon towards the Sun stands {horizon}°, below the Sun at {sun}°: it is lit.",
              horizon=f"{skyline:+.1f}", sun=f"{sun_elevation:+.1f}") if skyline < sun_elevation else
           tr("Now its horizon towards the Sun stands {horizon}°, above the Sun at {sun}°: it is in shadow.",
              horizon=f"{skyline:+.1f}", sun=f"{sun_elevation:+.1f}"))
    ice = grid.ice_percent(x, y)

    def marked(line: str, figure: Figure | WorkedOut) -> str:
        return tr("{line} ({status})", line=line, status=status_tag(figure, tr))

    # Shares worked out from the tile's horizon say so (never 'game value': the Sun's and Earth's paths are
    # real, only the relief is the level's); the ice in permanent shadow is LCROSS's real 5.6 %.
    return [
        translate(kind.name, language),
        tr("Sunlight: {percent} of the year, worked out from this tile's horizon",
           percent=Percent(grid.sunlight(x, y))),
        why,
        marked(tr(say_n("Longest dark spell: {count:g} day", "Longest dark spell: {count:g} days",
                        round(grid.longest_dark_hours(x, y) / HOURS_PER_DAY, 1))), WORKED_OUT),
        marked(tr("Ice: {percent} by mass: the Sun never reaches this ground", percent=Percent(ice / 100, None)),
               grid.ice_status(x, y)) if ice > 0 else tr("Ice: none (the Sun reaches this ground)"),
        marked(tr("Slope: {degrees}°", degrees=f"{kind.slope_deg:g}"), kind.figure("slope_deg")),
        marked(tr("Earth in view: {percent} of the time", percent=Percent(grid.earth_share(x, y))),
               WORKED_OUT),
        tr("The Sunlight overlay shows this tile's horizon against the Sun's path."),
    ]


STATE_WORDS = {
    "working": to_translate("working"),
    "building": to_translate("being built: it starts work when assembly ends"),
    "waiting for a road": to_translate(
        "waiting: no road or cable links it to a working landing pad, so assembly cannot start"),
    "broken": to_translate("broken down: idle until the repair crew has fixed it"),
    "unpowered": to_translate("idle, no power: join it to a powered network with a cable, or add power"),
    "ordered": to_translate("ordered: waiting for a launch to carry it"),
    "in transit": to_translate("in transit: on its way to the Moon"),
    "awaiting landing": to_translate("in lunar orbit, waiting for its landing"),
}


def amounts_text(amounts: Iterable[tuple[str, float]], tr: Translate = ENGLISH) -> str:
    """'2 kg of water and 1 kg of oxygen' in the player's language: each resource by its name, each mass in the
    language's unit, listed as the language lists."""
    return tr(list_text(tr("{amount} of {resource!l}", amount=Quantity(amount, KILOGRAM),
                           resource=tr(STORE_NAMES.get(name, name.replace("_", " ")))) for name, amount in amounts))


def module_tooltip_lines(name: str, spec: ModuleSpec | None, state: str, lit: bool | None = None,
                         tr: Translate = ENGLISH) -> list[str]:
    """What a module is doing and, when idle, why: its state, power, what it makes and uses."""
    lines = [name, tr("State: {state}", state=tr(STATE_WORDS.get(state, state)))]
    if spec is None:
        return lines
    figures: list[str] = []
    if spec.power_output_w > 0:
        power = Quantity(spec.power_output_w / 1000, KILOWATT)
        if not spec.solar:
            output = tr("Makes {power} of power", power=power)
        elif lit is None:
            output = tr("Makes {power} of power while lit", power=power)
        elif lit:
            output = tr("Makes {power} of power while lit (lit now)", power=power)
        else:
            output = tr("Makes {power} of power while lit (in shadow now: making none)", power=power)
        lines.append(output)
        figures.append("power_output_w")
    if spec.power_draw_w > 0:
        lines.append(tr("Uses {power} of power", power=Quantity(spec.power_draw_w / 1000, KILOWATT)))
        figures.append("power_draw_w")
    if spec.energy_storage_wh > 0:
        lines.append(tr("Stores {energy}", energy=Quantity(spec.energy_storage_wh / 1000, KILOWATT_HOUR)))
        figures.append("energy_storage_wh")
    if spec.outputs:
        lines.append(tr("Makes per hour: {amounts}", amounts=amounts_text(spec.outputs.items(), tr)))
        figures.append("outputs")
    if spec.inputs:
        lines.append(tr("Uses per hour: {amounts} (idle when any runs out)",
                        amounts=amounts_text(spec.inputs.items(), tr)))
        figures.append("inputs")
    if spec.science_per_day:
        points = sum(spec.science_per_day.values())
        lines.append(tr(say_n("Science: {count:g} point a day", "Science: {count:g} points a day", points)))
        figures.append("science_per_day")
    if figures:
        # One line for the numbers above, so each is marked without doubling the box: sources in the encyclopedia.
        lines.append(tr("{status}; sources in the encyclopedia", status=summary_status(spec, figures, tr))
                     if real_figures(spec, figures) else summary_status(spec, figures, tr))
    return lines


# The text sizes tried, largest first, as (title, body): at a large UI scale in a small window the box may find no
# place clear of the buttons at the first, and SMALL is the least the back row reads.
TEXT_SIZES = ((palette.BODY, palette.BODY - 2), (palette.BODY - 2, palette.SMALL))
PADDING = (14, 11)  # around the words, at the sides and at the top and bottom
MORE = "…"  # the last row, when the lines after it were left out for want of room


def tooltip_wrap(window: tuple[int, int]) -> int:
    """How wide a tooltip's words wrap at first: a wide box would slide under the panels' buttons."""
    return max(MIN_WRAP_PX, round(window[0] * MAX_WIDTH_SHARE))


@dataclass(frozen=True, slots=True)
class TooltipPlace:
    """Where a tooltip goes, and how its words are set there."""

    rect: pygame.Rect
    wrap: int
    sizes: tuple[int, int]  # the title's and the body's text size at 100 %
    shown: int  # how many of its lines show (the rest, least needed, are left out for want of room)
    clear: bool  # inside the window and off every place avoided


def tooltip_rows(lines: list[str], fonts: Fonts, wrap: int, sizes: tuple[int, int] = TEXT_SIZES[0]
                 ) -> list[tuple[str, bool]]:
    """The tooltip's rows wrapped to `wrap` pixels at the text `sizes`, each with whether it is the title's."""
    rows = [(row, True) for row in wrap_text(lines[0], fonts.bold(sizes[0]), wrap)]
    return rows + [(row, False) for line in lines[1:]
                   for row in (wrap_text(line, fonts.regular(sizes[1]), wrap) if line else [""])]


def _font(fonts: Fonts, title: bool, sizes: tuple[int, int]) -> pygame.font.Font:
    return fonts.bold(sizes[0]) if title else fonts.regular(sizes[1])


def tooltip_size(lines: list[str], fonts: Fonts, wrap: int, sizes: tuple[int, int] = TEXT_SIZES[0]
                 ) -> tuple[int, int]:
    """The box's width and height for `lines` wrapped to `wrap` pixels at the text `sizes`."""
    rows = tooltip_rows(lines, fonts, wrap, sizes)
    width = max(_font(fonts, bold, sizes).size(row)[0] for row, bold in rows)
    height = sum(_font(fonts, bold, sizes).get_linesize() for _, bold in rows)
    return width + 2 * PADDING[0], height + 2 * PADDING[1]


def place_tooltip(lines: list[str], fonts: Fonts, mouse: tuple[int, int], window: tuple[int, int],
                  avoid: Sequence[pygame.Rect] = ()) -> TooltipPlace:
    """Where the tooltip goes: beside the pointer, inside the window and off `avoid` (the buttons pygame_gui
    draws over it). Where the room left is too short, its words wrap wider, then take the smaller text size,
    then its last lines (hints, after the figures) are left out, one at a time, the title and a line kept."""
    widest = window[0] - 2 * (EDGE + PADDING[0])
    bounds = pygame.Rect((0, 0), window)
    tries = [(shown, sizes) for shown in range(len(lines), min(2, len(lines)) - 1, -1)
             for sizes in (TEXT_SIZES if shown == len(lines) else TEXT_SIZES[-1:])]
    for number, (shown, sizes) in enumerate(tries):
        kept = tuple(lines[:shown]) + ((MORE,) if shown < len(lines) else ())
        settle = number == len(tries) - 1
        place = place_beside_pointer(lambda wrap: _measured(kept, fonts, wrap, sizes),  # noqa: B023
                                     tooltip_wrap(window), mouse, bounds, avoid, widest, OFFSET, 2 * PADDING[0],
                                     settle)
        if place is not None and (place.apart or settle):
            return TooltipPlace(place.rect, place.wrap, sizes, shown, place.apart)
    raise AssertionError("the last try settles on a place")


# Box sizes by (lines, wrap, sizes, UI scale, language's fonts): the pointer moves every frame, the words do not.
_SIZES: dict[tuple[object, ...], tuple[int, int]] = {}
REMEMBERED_SIZES = 256


def _measured(lines: tuple[str, ...], fonts: Fonts, wrap: int, sizes: tuple[int, int]) -> tuple[int, int]:
    key = (lines, wrap, sizes, fonts.scale, fonts.language_files)
    size = _SIZES.get(key)
    if size is None:
        if len(_SIZES) >= REMEMBERED_SIZES:
            _SIZES.clear()
        size = _SIZES[key] = tooltip_size(list(lines), fonts, wrap, sizes)
    return size


def draw_tooltip(surface: pygame.Surface, lines: list[str], mouse: tuple[int, int], fonts: Fonts,
                 text: TextCache | None = None, colours: Palette = STANDARD_PALETTE,
                 avoid: Sequence[pygame.Rect] = ()) -> pygame.Rect:
    """A box beside the pointer, kept inside the window and off `avoid`; `text` reuses rendered lines between
    frames. Returns the box."""
    place = place_tooltip(lines, fonts, mouse, surface.get_size(), avoid)
    box, sizes = place.rect, place.sizes
    kept = lines[:place.shown] + ([MORE] if place.shown < len(lines) else [])
    pygame.draw.rect(surface, colours.panel_raised, box, border_radius=8)
    pygame.draw.rect(surface, colours.panel_edge, box, 2, border_radius=8)
    y = box.y + PADDING[1]
    for row, bold in tooltip_rows(kept, fonts, place.wrap, sizes):
        size, colour = (sizes[0], colours.accent) if bold else (sizes[1], colours.text)
        image = text.render(row, size, colour, bold=bold) if text is not None \
            else _font(fonts, bold, sizes).render(row, True, colour)
        surface.blit(image, (box.x + PADDING[0], y))
        y += _font(fonts, bold, sizes).get_linesize()
    return box
