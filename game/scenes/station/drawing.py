"""Drawing the station screen from its parts, in the settings' palette and UI scale; drawing never changes state."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pygame

from game.content.text import translate
from game.render import palette
from game.render.build_palette import draw_build_palette
from game.render.event_log import draw_event_log
from game.render.fonts import scaled_px
from game.render.goals_panel import draw_goals_panel
from game.render.horizon_plot import draw_horizon_plot
from game.render.map_labels import LabelRoom
from game.render.map_layers import draw_station_map
from game.render.relief import draw_sky_marks, sky_marks
from game.render.resource_bar import draw_resource_bar
from game.render.tooltip import draw_tooltip, module_tooltip_lines, terrain_tooltip_lines, tile_tooltip_lines
from game.scenes.rich_text import format_date
from game.scenes.station.boxes import (
    draw_ghost,
    draw_hint,
    draw_overlay_legend,
    draw_pause_banner,
    draw_reason_box,
    draw_status_badge,
    hint_box_rect,
    legend_rect,
    legend_size,
)
from game.scenes.station.layout import RESOURCE_BAR_HEIGHT
from game.scenes.station.parts import StationParts
from game.scenes.station.pending_orders import draw_pending_orders, place_order_marks
from game.scenes.station.tools import rotated_footprint

MIN_FOOTER_HINT_PX = 120  # narrower than this, the key hints would be cut to nothing: leave them out


def hovered_cell(screen: StationParts) -> tuple[int, int] | None:
    mouse = screen.state.mouse
    return screen.camera.tile_at(*mouse) if mouse else None


def current_time(screen: StationParts, alpha: float) -> dt.datetime:
    """The game time on the clock face: drawn between two steps while time runs, so it moves smoothly."""
    hours = float(screen.run.snapshot.hour)
    if not screen.runner.paused:
        hours += alpha
    return screen.run.time_at(hours)


def _plot_area(view: pygame.Rect, scale: float) -> pygame.Rect:
    """The horizon plot's place: the map's top-left corner, up to half its width (more with larger text)."""
    width = min(view.width - 20, max(scaled_px(320, scale), min(view.width // 2, scaled_px(560, scale))))
    return pygame.Rect(view.x + 10, view.y + 10, width, min(view.height - 20, round(width * 0.9)))


def draw(surface: pygame.Surface, screen: StationParts, alpha: float) -> None:
    """The whole station screen: map, ghost or demolish cursor, legend, hint, banner, header, bar, side, footer."""
    colours, tools, camera, tr = screen.ctx.palette, screen.tools, screen.camera, screen.ctx.tr
    # No whole-window fill: header, resource bar, map, side panel and footer tile the window and each draws
    # its own ground (a 1080p fill is a tenth of the frame's budget).
    hovered = hovered_cell(screen)
    # The map's labels take their places before any is drawn, so none covers another (game/render/map_labels.py).
    grid, hour = screen.run.grid, screen.run.snapshot.hour
    room = LabelRoom(camera.viewport, [camera.tile_rect(order.x, order.y, *order.footprint)
                                       for order in screen.run.pending])
    sky = () if grid.light is None else sky_marks(grid.light, hour, camera.viewport, screen.text, tr, room)
    marks = place_order_marks(camera, screen.run.pending, screen.text, room, tr)
    draw_station_map(surface, grid, screen.run.modules, camera, screen.layers, screen.state.overlay, screen.text,
                     None if tools.armed else hovered, colours, tr, hour=hour, room=room)
    orders = draw_pending_orders(surface, camera, marks, screen.text, colours, tr)
    draw_sky_marks(surface, sky, screen.text, colours)  # over the orders' marks: a label is read whole
    if tools.ghost is not None and tools.armed is not None:
        spec = screen.run.catalog.modules[tools.armed]
        draw_ghost(surface, camera, tools.ghost, spec.shape, rotated_footprint(spec, tools.rotated), colours)
    if tools.demolishing and tools.cursor is not None:
        _draw_demolish_cursor(surface, screen, tools.cursor)
    # The boxes over the map share it: the hint bottom left, the legend beside it (or above, or left out while
    # the hint needs the room), the horizon plot top left, and the pause banner only where it covers none.
    view, overlay, showing = camera.viewport, screen.state.overlay, screen.run.hints.showing
    worked_out = screen.run.grid.light is not None  # the legend says how the light labels are found
    hint_box = None if showing is None else hint_box_rect(view, showing, screen.text, tr, overlay, worked_out)
    legend = legend_rect(view, legend_size(overlay, screen.text, tr, worked_out), hint_box)
    draw_overlay_legend(surface, legend, overlay, screen.text, colours, tr, worked_out)
    if showing is not None:
        draw_hint(surface, view, showing, camera, screen.text, colours, tr, screen.keys.label("dismiss_hint"),
                  overlay, worked_out)
    if screen.runner.paused and not tools.in_hand:
        covered = [box for box in (hint_box, legend) if box is not None] + orders
        if plot_cell(screen, hovered) is not None:
            covered.append(_plot_area(view, screen.layout.scale))
        draw_pause_banner(surface, view, screen.text, screen.keys.label("pause"), colours, tr, covered)
    _draw_header(surface, screen, alpha)
    bar_cells = _draw_bar(surface, screen)
    _draw_side(surface, screen)
    _draw_footer(surface, screen)
    _draw_horizon(surface, screen, hovered)
    _draw_pointer_boxes(surface, screen, hovered, bar_cells)


def _draw_demolish_cursor(surface: pygame.Surface, screen: StationParts, cursor: tuple[int, int]) -> None:
    module = screen.run.module_at(cursor)
    camera = screen.camera
    rect = camera.tile_rect(*(module.x, module.y, *module.footprint) if module else (*cursor, 1, 1))
    previous_clip = surface.get_clip()
    surface.set_clip(camera.viewport)
    broken = screen.ctx.palette.broken
    pygame.draw.rect(surface, palette.GLYPH_EDGE, rect.inflate(6, 6), 3)
    pygame.draw.rect(surface, broken, rect, 4)
    pygame.draw.line(surface, broken, rect.topleft, rect.bottomright, 3)
    surface.set_clip(previous_clip)


def _draw_header(surface: pygame.Surface, screen: StationParts, alpha: float) -> None:
    ctx = screen.ctx
    # The clock face shows whole hours. The header but its clock line is drawn again only when the speed, the
    # buttons or the look change; the clock line, each hour, over it.
    hour = current_time(screen, alpha).replace(minute=0, second=0, microsecond=0)
    inputs = (screen.layout.header, screen.runner.paused, screen.runner.clock.speed, _leftmost_button(screen),
              ctx.language, ctx.palette.name, ctx.fonts.scale)
    room, top = screen.kept["header"].draw(surface, screen.layout.header, inputs,
                                           lambda: _draw_header_at(surface, screen))
    line = screen.kept_work.clock_line.value((hour, room, ctx.language, ctx.fonts.scale),
                                             lambda _: screen.text.fit(_clock_line(screen, hour, room), palette.SMALL,
                                                                       room))
    screen.text.draw(surface, line, palette.SMALL, ctx.palette.accent, (24, top))


def _leftmost_button(screen: StationParts) -> float | None:
    """Where the header's leftmost button starts (the title and date end before it)."""
    header = screen.layout.header
    return min((button.get_abs_rect().left for button in screen.widgets.buttons.values()
                if button.get_abs_rect().top < header.bottom), default=None)


def _draw_header_at(surface: pygame.Surface, screen: StationParts) -> tuple[float, int]:
    """The header but its clock line; returns the room the title and clock line have and where the line goes."""
    header, colours, text = screen.layout.header, screen.ctx.palette, screen.text
    pygame.draw.rect(surface, colours.panel, header)
    pygame.draw.line(surface, colours.panel_edge, (0, header.bottom - 1), (header.right, header.bottom - 1), 2)
    badge_height = scaled_px(46, screen.layout.scale)
    badge = draw_status_badge(surface, text, screen.runner.paused, screen.runner.clock.speed,
                              (header.right - 20, (header.height - badge_height) // 2), colours, screen.ctx.tr)
    leftmost = _leftmost_button(screen)
    room = (badge.left if leftmost is None else leftmost) - 24 - 20
    title_font, date_font = screen.ctx.fonts.bold(palette.LARGE), screen.ctx.fonts.regular(palette.SMALL)
    # Title and date share the header's height, centred as a pair whatever the UI scale.
    top = max(0, (header.height - title_font.get_linesize() - date_font.get_linesize()) // 2)
    title = text.fit(screen.run.loaded.title(screen.ctx.language), palette.LARGE, room, bold=True)
    drawn = text.draw(surface, title, palette.LARGE, colours.text, (24, top), bold=True)
    return room, drawn.bottom


def _clock_line(screen: StationParts, now: dt.datetime, room: float) -> str:
    """'9 March 2021, 06:00  ·  day 1 of 90  ·  Site', the site's name left out when the line has no room."""
    level, language, text, tr = screen.run.level, screen.ctx.language, screen.text, screen.ctx.tr
    day = (now - screen.run.time_at(0)).days + 1
    site = translate(level.site.name, language)
    when = f"{format_date(now.date(), tr)}, {now:%H}:00  ·  " + tr(
        "day {day} of {days}", day=day, days=f"{level.time_limit_days:g}")
    if text.width(f"{when}  ·  {site}", palette.SMALL) <= room:
        when = f"{when}  ·  {site}"  # the site's name is the first thing to go when room is short
    return when


def _draw_bar(surface: pygame.Surface, screen: StationParts) -> list[tuple[pygame.Rect, Any]]:
    """The resource bar, drawn again when a reading changes; returns each cell's rectangle and reading."""
    layout, ctx = screen.layout, screen.ctx
    row_height = scaled_px(RESOURCE_BAR_HEIGHT, layout.scale)
    # What the cells show, not their tooltips: those change with nearly every hour, the bar's words seldom.
    shown = tuple((reading.label, reading.value, reading.trend, reading.warning) for reading in screen.run.readings)
    inputs = (layout.resource_bar, shown, layout.bar_columns, row_height, ctx.language, ctx.palette.name,
              ctx.fonts.scale)
    # Its 2-pixel edge line runs one row into the map below, over the whole width: those pixels are the bar's too.
    area = layout.resource_bar.copy()
    area.height += 1
    cells = screen.kept["bar"].draw(surface, area, inputs, lambda: draw_resource_bar(
        surface, layout.resource_bar, screen.run.readings, screen.text, ctx.palette, layout.bar_columns, row_height))
    # Kept cells hold the readings they were drawn from: their tooltips are this hour's (a full bar may show
    # fewer cells than readings).
    return [(cell, reading) for (cell, _), reading in zip(cells, screen.run.readings, strict=False)]


def side_inputs(screen: StationParts) -> tuple[object, ...]:
    """Everything the side panel but its log is drawn from (while none of it changes, its pixels are copied
    back): keep this in step with _draw_side_panels and the panels it draws."""
    layout, state, ctx = screen.layout, screen.state, screen.ctx
    build, budget = screen.tools.palette, screen.run.spendable
    shown: tuple[object, ...] = ()
    if state.side_tab == "build":
        # Only whether each module is affordable shows, not the budget, which changes with nearly every hour.
        shown = (tuple(build.entries), build.selected, build.scroll, build.focused, build.scale, screen.tools.armed,
                 tuple(budget is None or entry.spec.cost <= budget for entry in build.entries))
    elif state.side_tab == "goals":
        shown = (screen.run.snapshot.goals, state.goals_scroll)
    return (layout.side, layout.panel, layout.log, layout.log_tab, state.side_tab, ctx.language, ctx.palette.name,
            ctx.fonts.scale, shown)


def _draw_side(surface: pygame.Surface, screen: StationParts) -> None:
    """The side panel, then its log: kept apart, as a station short of power logs news every hour."""
    layout, ctx, log = screen.layout, screen.ctx, screen.run.log
    screen.kept["side"].draw(surface, layout.side, side_inputs(screen), lambda: _draw_side_panels(surface, screen))
    if not layout.log_tab or screen.state.side_tab == "log":
        inputs = (layout.log, tuple(log.lines), log.scroll, ctx.language, ctx.palette.name, ctx.fonts.scale)
        screen.kept["log"].draw(surface, layout.log, inputs, lambda: _draw_log(surface, screen))


def _side_ground(colours: palette.Palette) -> pygame.Color:
    # The standard night-blue behind the panels; the high-contrast palettes keep their black.
    return palette.SKY_HORIZON if colours.sky == palette.SKY else colours.sky


def _draw_side_panels(surface: pygame.Surface, screen: StationParts) -> None:
    layout, colours, tr, state, text = screen.layout, screen.ctx.palette, screen.ctx.tr, screen.state, screen.text
    pygame.draw.rect(surface, _side_ground(colours), layout.side)
    pygame.draw.line(surface, colours.panel_edge, layout.side.topleft, layout.side.bottomleft, 2)
    if state.side_tab == "build":
        draw_build_palette(surface, layout.panel, screen.tools.palette, text, screen.run.spendable,
                           screen.tools.armed, colours, tr)
    elif state.side_tab == "goals":
        draw_goals_panel(surface, layout.panel, screen.run.snapshot.goals, text, state.goals_scroll, colours, tr)


def _draw_log(surface: pygame.Surface, screen: StationParts) -> None:
    colours, log_area = screen.ctx.palette, screen.layout.log
    pygame.draw.rect(surface, _side_ground(colours), log_area)  # the panel's ground shows at the log's round corners
    draw_event_log(surface, log_area, screen.run.log, screen.text, colours, screen.ctx.tr)


def footer_hint(screen: StationParts) -> str:
    """The keys that matter now, as the player bound them."""
    keys, tr = screen.keys, screen.ctx.tr
    if screen.tools.armed:
        return tr("Click or Enter: build · {rotate}: rotate · {pan}: move · right click or Esc: cancel",
                  rotate=keys.label("rotate"), pan=keys.pan_labels())
    if screen.tools.demolishing:
        return tr("Click a module to take it down · Esc: cancel")
    return tr("{pause}: pause · {speeds}: speed · {zoom_in} {zoom_out} or wheel: zoom · {pan}: pan",
              pause=keys.label("pause"), speeds=keys.speed_labels(), zoom_in=keys.label("zoom_in"),
              zoom_out=keys.label("zoom_out"), pan=keys.pan_labels())


def _draw_footer(surface: pygame.Surface, screen: StationParts) -> None:
    footer, ctx = screen.layout.footer, screen.ctx
    right_of_buttons = max((button.get_abs_rect().right for button in screen.widgets.buttons.values()
                            if button.get_abs_rect().top >= footer.top), default=footer.x)
    inputs = (footer, right_of_buttons, screen.tools.armed is not None, screen.tools.demolishing, screen.keys,
              ctx.language, ctx.palette.name, ctx.fonts.scale)
    screen.kept["footer"].draw(surface, footer, inputs, lambda: _draw_footer_now(surface, screen, right_of_buttons))


def _draw_footer_now(surface: pygame.Surface, screen: StationParts, right_of_buttons: float) -> None:
    footer, colours, text = screen.layout.footer, screen.ctx.palette, screen.text
    pygame.draw.rect(surface, colours.panel, footer)
    pygame.draw.line(surface, colours.panel_edge, footer.topleft, footer.topright, 2)
    room = footer.right - 16 - right_of_buttons - 16
    hint = text.fit_clauses(footer_hint(screen), palette.SMALL, room)
    if room > MIN_FOOTER_HINT_PX and hint:
        text.draw(surface, hint, palette.SMALL, colours.text_dim, (footer.right - 16, footer.centery),
                  anchor="midright")


def plot_cell(screen: StationParts, hovered: tuple[int, int] | None) -> tuple[int, int] | None:
    """The tile whose horizon plot shows: the hovered tile under the Sunlight overlay or with the plot's key
    pressed; with the key and no pointer on the map, the tool's tile, else the tile in the map's middle."""
    if screen.run.grid.light is None:
        return None
    if screen.state.horizon_plot:
        camera = screen.camera
        return hovered or screen.tools.cursor or camera.tile_at(*camera.viewport.center)
    return hovered if screen.state.overlay == "sunlight" else None


def _draw_horizon(surface: pygame.Surface, screen: StationParts, hovered: tuple[int, int] | None) -> None:
    cell = plot_cell(screen, hovered)
    light = screen.run.grid.light
    if cell is None or light is None:
        return
    if hovered is None:  # the keyboard's tile: marked on the map, as the pointer's would be
        rect = screen.camera.tile_rect(*cell)
        if rect.colliderect(screen.camera.viewport):
            pygame.draw.rect(surface, palette.GLYPH_EDGE, rect.inflate(4, 4), 3)
            pygame.draw.rect(surface, screen.ctx.palette.accent, rect, 2)
    draw_horizon_plot(surface, _plot_area(screen.camera.viewport, screen.layout.scale), light, cell,
                      screen.run.snapshot.hour, screen.text, screen.ctx.palette, screen.ctx.tr,
                      screen.keys.label("horizon_plot") if screen.state.horizon_plot else None, screen.kept_work.plot)


def pointer_box_avoid(screen: StationParts) -> list[pygame.Rect]:
    """What a box beside the pointer keeps off: the buttons, and the hint the player is reading."""
    showing = screen.run.hints.showing
    avoid = list(screen.layout.button_rows)
    if showing is not None:
        avoid.append(hint_box_rect(screen.camera.viewport, showing, screen.text, screen.ctx.tr, screen.state.overlay,
                                   screen.run.grid.light is not None))
    return avoid


def _draw_pointer_boxes(surface: pygame.Surface, screen: StationParts, hovered: tuple[int, int] | None,
                        bar_cells: list[tuple[pygame.Rect, Any]]) -> None:
    """The box beside the pointer: the ghost's reason, a tile and module, or a resource's explanation."""
    colours, tools, camera, tr, mouse = screen.ctx.palette, screen.tools, screen.camera, screen.ctx.tr, \
        screen.state.mouse
    run, text = screen.run, screen.text
    if tools.ghost is not None and tools.armed is not None:
        anchor = mouse if mouse and camera.viewport.collidepoint(mouse) else None
        if anchor is None and tools.cursor is not None:
            anchor = camera.tile_rect(*tools.cursor).bottomright
        if anchor is not None:
            name = translate(run.catalog.modules[tools.armed].name, screen.ctx.language)
            draw_reason_box(surface, text, anchor, tools.ghost, name, camera.viewport, colours, tr,
                            pointer_box_avoid(screen))
        return
    if mouse is None:
        return
    if hovered is not None:
        module = run.module_at(hovered)
        if run.grid.light is not None:
            lines = terrain_tooltip_lines(run.grid.at(*hovered), run.grid, hovered, run.snapshot.hour,
                                          screen.ctx.language, tr)
            if plot_cell(screen, hovered) is None:
                lines.append(tr("{key}: its horizon and the Sun's path", key=screen.keys.label("horizon_plot")))
        else:
            lines = tile_tooltip_lines(run.grid.at(*hovered), screen.ctx.language, tr=tr)
        if module is not None:
            view = next((view for view in run.snapshot.modules if view.x == module.x and view.y == module.y), None)
            module_lines = module_tooltip_lines(module.name, run.catalog.modules.get(module.module_id),
                                                module.state, view.lit if view else None, tr)
            lines = [*module_lines, "", tr("Ground: {kind}", kind=lines[0]), lines[1]]
        draw_tooltip(surface, lines, mouse, screen.ctx.fonts, text, colours, screen.layout.button_rows)
        return
    for cell, reading in bar_cells:
        if cell.collidepoint(mouse):
            draw_tooltip(surface, list(reading.tooltip), mouse, screen.ctx.fonts, text, colours,
                         screen.layout.button_rows)
            return
