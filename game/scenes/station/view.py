"""Drawing the station screen from its state, in the settings' palette and UI scale; drawing never changes state."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pygame

from game.content.text import translate
from game.render import palette
from game.render.build_palette import draw_build_palette
from game.render.event_log import draw_event_log
from game.render.goals_panel import draw_goals_panel
from game.render.map_layers import draw_station_map
from game.render.resource_bar import draw_resource_bar, resource_readings
from game.render.tooltip import draw_tooltip, module_tooltip_lines, tile_tooltip_lines
from game.scenes.rich_text import (
    format_date,
)
from game.scenes.station.build import rotated_footprint
from game.scenes.station.draw import (
    draw_ghost,
    draw_hint,
    draw_overlay_legend,
    draw_pause_banner,
    draw_reason_box,
    draw_status_badge,
)
from game.scenes.station.flow import StationFlow
from game.scenes.station.layout import RESOURCE_BAR_HEIGHT, scaled_px

MIN_FOOTER_HINT_PX = 120  # narrower than this, the key hints would be cut to nothing: leave them out


class StationView(StationFlow):
    """The station's `draw` and its parts, each reading the state and the settings' colours."""

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        colours = self.colours
        surface.fill(colours.sky)
        hovered = self.hovered_cell()
        draw_station_map(surface, self.grid, self.modules, self.camera, self.layers, self.overlay, self.text,
                         None if self.armed else hovered, colours, self.ctx.tr)
        if self.ghost is not None and self.armed is not None:
            spec = self.catalog.modules[self.armed]
            draw_ghost(surface, self.camera, self.ghost, spec.shape, rotated_footprint(spec, self.rotated), colours)
        if self.demolishing and self.cursor is not None:
            self._draw_demolish_cursor(surface)
        draw_overlay_legend(surface, self.camera.viewport, self.overlay, self.text, colours, self.ctx.tr)
        if self.hints.showing is not None:
            draw_hint(surface, self.camera.viewport, self.hints.showing, self.camera, self.text, colours, self.ctx.tr,
                      self.keys.label("dismiss_hint"))
        if self.paused and not self.armed and not self.demolishing:
            draw_pause_banner(surface, self.camera.viewport, self.text, self.keys.label("pause"), colours, self.ctx.tr)
        self._draw_header(surface, alpha)
        bar_cells = self._draw_resource_bar(surface)
        self._draw_side(surface)
        self._draw_footer(surface)
        self._draw_pointer_boxes(surface, hovered, bar_cells)

    def _draw_demolish_cursor(self, surface: pygame.Surface) -> None:
        assert self.cursor is not None
        module = self.module_at(self.cursor)
        rect = self.camera.tile_rect(*(module.x, module.y, *module.footprint) if module else (*self.cursor, 1, 1))
        previous_clip = surface.get_clip()
        surface.set_clip(self.camera.viewport)
        broken = self.colours.broken
        pygame.draw.rect(surface, palette.GLYPH_EDGE, rect.inflate(6, 6), 3)
        pygame.draw.rect(surface, broken, rect, 4)
        pygame.draw.line(surface, broken, rect.topleft, rect.bottomright, 3)
        surface.set_clip(previous_clip)

    def _draw_header(self, surface: pygame.Surface, alpha: float) -> None:
        header, colours, text = self.layout.header, self.colours, self.text
        pygame.draw.rect(surface, colours.panel, header)
        pygame.draw.line(surface, colours.panel_edge, (0, header.bottom - 1), (header.right, header.bottom - 1), 2)
        badge_height = scaled_px(46, self.layout.scale)
        badge = draw_status_badge(surface, text, self.paused, self.clock.speed,
                                  (header.right - 20, (header.height - badge_height) // 2), colours, self.ctx.tr)
        leftmost = min((button.get_abs_rect().left for button in self.buttons.values()
                        if button.get_abs_rect().top < header.bottom), default=badge.left)
        room = leftmost - 24 - 20
        title_font, date_font = self.ctx.fonts.bold(palette.LARGE), self.ctx.fonts.regular(palette.SMALL)
        # Title and date share the header's height, centred as a pair whatever the UI scale.
        top = max(0, (header.height - title_font.get_linesize() - date_font.get_linesize()) // 2)
        title = text.fit(self.loaded.title(self.ctx.language), palette.LARGE, room, bold=True)
        drawn = text.draw(surface, title, palette.LARGE, colours.text, (24, top), bold=True)
        now = self.current_time(alpha)
        day = (now - dt.datetime.combine(self.level.start_date, dt.time())).days + 1
        site = translate(self.level.site.name, self.ctx.language)
        when = f"{format_date(now.date(), self.ctx.tr)}, {now:%H}:00  ·  " + self.ctx.tr(
            "day {day} of {days}", day=day, days=f"{self.level.time_limit_days:g}")
        if text.width(f"{when}  ·  {site}", palette.SMALL) <= room:
            when = f"{when}  ·  {site}"  # the site's name is the first thing to go when room is short
        text.draw(surface, text.fit(when, palette.SMALL, room), palette.SMALL, colours.accent, (24, drawn.bottom))

    def _draw_resource_bar(self, surface: pygame.Surface) -> list[tuple[pygame.Rect, Any]]:
        colours, area = self.colours, self.layout.resource_bar
        if self.snapshot is None:
            pygame.draw.rect(surface, colours.panel, area)
            message = self.simulation_problem or self.ctx.tr("No simulation: the map only.")
            self.text.draw(surface, message, palette.SMALL, colours.text_dim, area.center, anchor="center")
            return []
        if self._readings_of is not self.snapshot:  # a new snapshot comes with each step, not each frame
            self._readings = resource_readings(self.snapshot, self.history, self.ctx.tr)
            self._readings_of = self.snapshot
        readings = self._readings
        return draw_resource_bar(surface, area, readings, self.text, colours, self.layout.bar_columns,
                                 scaled_px(RESOURCE_BAR_HEIGHT, self.layout.scale))

    def _draw_side(self, surface: pygame.Surface) -> None:
        layout, colours = self.layout, self.colours
        # The standard night-blue behind the panels; the high-contrast palettes keep their black.
        pygame.draw.rect(surface, palette.SKY_HORIZON if colours.sky == palette.SKY else colours.sky, layout.side)
        pygame.draw.line(surface, colours.panel_edge, layout.side.topleft, layout.side.bottomleft, 2)
        if self.side_tab == "build":
            budget = self.snapshot.budget if self.snapshot else None
            draw_build_palette(surface, layout.panel, self.build, self.text, budget, self.armed, colours, self.ctx.tr)
        elif self.side_tab == "goals":
            goals = self.snapshot.goals if self.snapshot else ()
            draw_goals_panel(surface, layout.panel, goals, self.text, self.goals_scroll, colours, self.ctx.tr)
        if not layout.log_tab or self.side_tab == "log":
            draw_event_log(surface, layout.log, self.log, self.text, colours, self.ctx.tr)

    def footer_hint(self) -> str:
        """The keys that matter now, as the player bound them."""
        keys, tr = self.keys, self.ctx.tr
        if self.armed:
            return tr("Click or Enter: build · {rotate}: rotate · {pan}: move · right click or Esc: cancel",
                      rotate=keys.label("rotate"), pan=keys.pan_labels())
        if self.demolishing:
            return tr("Click a module to take it down · Esc: cancel")
        if self.simulation_problem:
            return self.simulation_problem
        return tr("{pause}: pause · {speeds}: speed · {zoom_in} {zoom_out} or wheel: zoom · {pan}: pan",
                  pause=keys.label("pause"), speeds=keys.speed_labels(), zoom_in=keys.label("zoom_in"),
                  zoom_out=keys.label("zoom_out"), pan=keys.pan_labels())

    def _draw_footer(self, surface: pygame.Surface) -> None:
        footer, colours = self.layout.footer, self.colours
        pygame.draw.rect(surface, colours.panel, footer)
        pygame.draw.line(surface, colours.panel_edge, footer.topleft, footer.topright, 2)
        right_of_buttons = max((button.get_abs_rect().right for button in self.buttons.values()
                                if button.get_abs_rect().top >= footer.top), default=footer.x)
        room = footer.right - 16 - right_of_buttons - 16
        hint = self.text.fit_clauses(self.footer_hint(), palette.SMALL, room)
        if room > MIN_FOOTER_HINT_PX and hint:
            self.text.draw(surface, hint, palette.SMALL, colours.text_dim, (footer.right - 16, footer.centery),
                           anchor="midright")


    def _draw_pointer_boxes(self, surface: pygame.Surface, hovered: tuple[int, int] | None,
                            bar_cells: list[tuple[pygame.Rect, Any]]) -> None:
        """The box beside the pointer: the ghost's reason, a tile and module, or a resource's explanation."""
        colours = self.colours
        if self.ghost is not None and self.armed is not None:
            anchor = self.mouse if self.mouse and self.camera.viewport.collidepoint(self.mouse) else None
            if anchor is None and self.cursor is not None:
                anchor = self.camera.tile_rect(*self.cursor).bottomright
            if anchor is not None:
                name = translate(self.catalog.modules[self.armed].name, self.ctx.language)
                draw_reason_box(surface, self.text, anchor, self.ghost, name, self.camera.viewport, colours,
                                self.ctx.tr)
            return
        if self.mouse is None:
            return
        if hovered is not None:
            module = self.module_at(hovered)
            lines = tile_tooltip_lines(self.grid.at(*hovered), self.ctx.language, tr=self.ctx.tr)
            if module is not None:
                view = next((view for view in (self.snapshot.modules if self.snapshot else ())
                             if view.x == module.x and view.y == module.y), None)
                module_lines = module_tooltip_lines(module.name, self.catalog.modules.get(module.module_id),
                                                    module.state, view.lit if view else None, self.ctx.tr)
                lines = [*module_lines, "", self.ctx.tr("Ground: {kind}", kind=lines[0]), lines[1]]
            draw_tooltip(surface, lines, self.mouse, self.ctx.fonts, self.text, colours)
            return
        for cell, reading in bar_cells:
            if cell.collidepoint(self.mouse):
                draw_tooltip(surface, list(reading.tooltip), self.mouse, self.ctx.fonts, self.text, colours)
                return
