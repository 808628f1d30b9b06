"""The level scene: the site map from the level file, zoom and pan, tile facts on hover, time and pause."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pygame

from game.clock import FixedStepClock
from game.content.loader import LoadedLevel
from game.content.models import TileKind
from game.content.text import translate
from game.render import palette
from game.render.camera import ZOOM_STEP, Camera
from game.render.legend import draw_legend
from game.render.site_map import MapModule, TileStamps, draw_site_map
from game.render.text import draw_text, fit_text
from game.render.tooltip import draw_tooltip, tile_tooltip_lines
from game.rules.grid import SiteGrid
from game.scenes.context import SceneContext
from game.scenes.event_text import event_sentence
from game.scenes.scene import SceneBase
from game.scenes.transitions import Pop, Transition

if TYPE_CHECKING:
    from game.ecs.session import Simulation, StationSnapshot

HEADER_HEIGHT = 76
FOOTER_HEIGHT = 48
LEGEND_WIDTH = 310
HOURS_PER_SECOND = 2.0  # game hours per real second at 1×: a 60-day level takes 12 minutes, 3 at 4×
PAN_SPEED_PX = 700.0
SPEED_KEYS = {pygame.K_1: 1, pygame.K_2: 4, pygame.K_3: 16}
PAN_KEYS = {pygame.K_LEFT: (1, 0), pygame.K_RIGHT: (-1, 0), pygame.K_UP: (0, 1), pygame.K_DOWN: (0, -1)}
ZOOM_IN_KEYS = (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS)
ZOOM_OUT_KEYS = (pygame.K_MINUS, pygame.K_KP_MINUS)
PAUSE_KEYS = (pygame.K_SPACE, pygame.K_p)


def map_modules_from_level(loaded: LoadedLevel, language: str) -> list[MapModule]:
    """The modules standing on the first day, as the level file places them."""
    level, catalog = loaded.require()
    modules = []
    for placed in level.start.modules:
        spec = catalog.modules[placed.module]
        modules.append(MapModule(spec.id, translate(spec.name, language), spec.shape, placed.x, placed.y,
                                 spec.footprint, spec.conducts_power))
    return modules


def map_modules_from_snapshot(snapshot: StationSnapshot, loaded: LoadedLevel) -> list[MapModule]:
    _, catalog = loaded.require()
    return [
        MapModule(view.module_id, view.name, view.shape, view.x, view.y, view.footprint,
                  catalog.modules[view.module_id].conducts_power if view.module_id in catalog.modules else False,
                  view.state)
        for view in snapshot.modules
    ]


class LevelScene(SceneBase):
    """One level on screen. Starts paused, so the player can read the map before time runs."""

    def __init__(self, ctx: SceneContext, loaded: LoadedLevel):
        self.ctx = ctx
        self.loaded = loaded
        self.level, self.catalog = loaded.require()
        self.grid = SiteGrid.from_site(self.level.site, self.catalog.tiles)
        self.kinds: list[TileKind] = list({kind.id: kind for _, _, kind in self.grid.cells()}.values())
        self.camera = Camera(self.map_rect(ctx.ui.window_resolution), self.grid.width, self.grid.height,
                             self.grid.tile_size_m)
        self.camera.fit()
        self.clock = FixedStepClock(HOURS_PER_SECOND, max_steps_per_frame=16 * 4)
        self.clock.speed = 0
        self.resume_speed = 1
        self.stamps = TileStamps()
        self.simulation: Simulation | None = None
        self.snapshot: StationSnapshot | None = None
        self.simulation_problem: str | None = None
        self.mouse: tuple[int, int] | None = None
        self.dragging = False
        self.held_pan: set[int] = set()
        self.modules = map_modules_from_level(loaded, ctx.language)

    # --- life cycle ------------------------------------------------------------------------------

    def enter(self) -> None:
        viewport = self.map_rect(self.ctx.ui.window_resolution)
        if viewport != self.camera.viewport:  # the window changed size while another scene was on top
            self.camera.viewport = viewport
            self.camera.fit()
        self.held_pan.clear()
        self.dragging = False
        if self.simulation is None and self.simulation_problem is None:
            self._start_simulation()

    def _start_simulation(self) -> None:
        # Imported here, not at the top: the title screen should not wait for esper and the systems.
        try:
            from game.ecs.session import Simulation
        except ImportError as error:
            self.simulation_problem = f"The simulation is not available ({error}); showing the map only."
            return
        try:
            self.simulation = Simulation(self.level, self.catalog)
        except ValueError as error:
            self.simulation_problem = f"This level cannot run yet: {error}. Showing the map only."
            self.ctx.notices.show(self.simulation_problem)
            return
        self._take_snapshot()

    def _take_snapshot(self) -> None:
        if self.simulation is not None:
            self.snapshot = self.simulation.snapshot(self.ctx.language)
            self.modules = map_modules_from_snapshot(self.snapshot, self.loaded)

    def close(self) -> None:
        if self.simulation is not None:
            self.simulation.close()
            self.simulation = None

    @property
    def has_unsaved_progress(self) -> bool:
        return self.simulation is not None and self.simulation.has_unsaved_progress

    @property
    def alpha(self) -> float:
        return self.clock.alpha

    @property
    def paused(self) -> bool:
        return self.clock.paused

    # --- layout ----------------------------------------------------------------------------------

    @staticmethod
    def map_rect(size: tuple[int, int]) -> pygame.Rect:
        width, height = size
        return pygame.Rect(0, HEADER_HEIGHT, width - LEGEND_WIDTH, height - HEADER_HEIGHT - FOOTER_HEIGHT)

    # --- input -----------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.VIDEORESIZE:
            self.camera.viewport = self.map_rect(self.ctx.ui.window_resolution)
            self.camera.fit()
        elif event.type == pygame.KEYDOWN:
            return self._key_down(event.key)
        elif event.type == pygame.KEYUP:
            self.held_pan.discard(event.key)
        elif event.type == pygame.MOUSEWHEEL:
            anchor = self.mouse if self.mouse and self.camera.viewport.collidepoint(self.mouse) else None
            self.camera.zoom_at(ZOOM_STEP ** event.y, anchor)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button in (1, 2, 3):
            self.dragging = self.camera.viewport.collidepoint(event.pos)
        elif event.type == pygame.MOUSEBUTTONUP and event.button in (1, 2, 3):
            self.dragging = False
        elif event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
            if self.dragging and any(event.buttons):
                self.camera.pan_pixels(*event.rel)
        elif event.type == pygame.WINDOWLEAVE:
            self.mouse = None
        return None

    def _key_down(self, key: int) -> Transition | None:
        if key == pygame.K_ESCAPE:
            return Pop()
        if key in PAUSE_KEYS:
            self.toggle_pause()
        elif key in SPEED_KEYS:
            self.clock.speed = self.resume_speed = SPEED_KEYS[key]
        elif key in ZOOM_IN_KEYS:
            self.camera.zoom_at(ZOOM_STEP)
        elif key in ZOOM_OUT_KEYS:
            self.camera.zoom_at(1 / ZOOM_STEP)
        elif key in (pygame.K_0, pygame.K_HOME):
            self.camera.fit()
        elif key in PAN_KEYS:
            self.held_pan.add(key)
        return None

    def toggle_pause(self) -> None:
        if self.clock.paused:
            self.clock.speed = self.resume_speed
        else:
            self.resume_speed = self.clock.speed
            self.clock.speed = 0

    # --- time ------------------------------------------------------------------------------------

    def update(self, dt: float) -> Transition | None:
        for key in self.held_pan:
            dx, dy = PAN_KEYS[key]
            self.camera.pan_pixels(dx * PAN_SPEED_PX * dt, dy * PAN_SPEED_PX * dt)
        steps = self.clock.advance(dt)
        if self.simulation is None or steps == 0:
            return None
        for _ in range(steps):
            for event in self.simulation.step():
                sentence = event_sentence(event, self.level, self.catalog, self.ctx.language)
                if sentence:
                    self.ctx.notices.show(sentence)
        self._take_snapshot()
        return None

    # --- drawing ---------------------------------------------------------------------------------

    def hovered_cell(self) -> tuple[int, int] | None:
        return self.camera.tile_at(*self.mouse) if self.mouse else None

    def module_at(self, cell: tuple[int, int]) -> MapModule | None:
        for module in self.modules:
            if cell in module.cells():
                return module
        return None

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        fonts = self.ctx.fonts
        surface.fill(palette.SKY)
        hovered = self.hovered_cell()
        draw_site_map(surface, self.grid, self.modules, self.camera, self.stamps, hovered)
        width, height = surface.get_size()
        legend = pygame.Rect(width - LEGEND_WIDTH, HEADER_HEIGHT, LEGEND_WIDTH, height - HEADER_HEIGHT - FOOTER_HEIGHT)
        draw_legend(surface, legend, self.kinds, fonts, self.stamps, self.ctx.language)
        self._draw_header(surface, alpha)
        self._draw_footer(surface)
        if self.paused:
            self._draw_pause_banner(surface)
        if hovered is not None and self.mouse is not None:
            module = self.module_at(hovered)
            lines = tile_tooltip_lines(self.grid.at(*hovered), self.ctx.language, module.name if module else None)
            draw_tooltip(surface, lines, self.mouse, fonts)

    def current_time(self, alpha: float) -> dt.datetime:
        hours = float(self.snapshot.hour if self.snapshot else 0)
        if not self.paused:
            hours += alpha  # drawn between two steps: the clock face moves smoothly
        start = dt.datetime.combine(self.level.start_date, dt.time())
        return start + dt.timedelta(hours=hours)

    def _draw_header(self, surface: pygame.Surface, alpha: float) -> None:
        fonts = self.ctx.fonts
        width = surface.get_width()
        pygame.draw.rect(surface, palette.PANEL, (0, 0, width, HEADER_HEIGHT))
        pygame.draw.line(surface, palette.PANEL_EDGE, (0, HEADER_HEIGHT - 1), (width, HEADER_HEIGHT - 1), 2)
        status = self._draw_status(surface)
        title_font = fonts.bold(palette.LARGE)
        title = fit_text(self.loaded.title(self.ctx.language), title_font, status.left - 40)
        draw_text(surface, title, title_font, palette.TEXT, (24, 4))
        now = self.current_time(alpha)
        day = (now - dt.datetime.combine(self.level.start_date, dt.time())).days + 1
        site = translate(self.level.site.name, self.ctx.language)
        when = f"{now.day} {now:%B %Y}, {now:%H}:00  ·  day {day}  ·  {site}"
        small = fonts.regular(palette.SMALL)
        draw_text(surface, fit_text(when, small, status.left - 40), small, palette.ACCENT, (24, 44))

    def _draw_status(self, surface: pygame.Surface) -> pygame.Rect:
        """The time control at the top right: PAUSED in the accent colour, or the speed; returns its box."""
        fonts = self.ctx.fonts
        font = fonts.bold(palette.BODY)
        label = "PAUSED" if self.paused else f"RUNNING {self.clock.speed}×"
        text = font.render(label, True, palette.SKY if self.paused else palette.TEXT)
        box = pygame.Rect(0, 0, text.get_width() + 64, 46)
        box.topright = (surface.get_width() - 20, (HEADER_HEIGHT - 46) // 2)
        pygame.draw.rect(surface, palette.ACCENT if self.paused else palette.PANEL_RAISED, box, border_radius=8)
        pygame.draw.rect(surface, palette.ACCENT, box, 2, border_radius=8)
        icon = pygame.Rect(box.x + 18, box.y + 13, 20, 20)
        ink = palette.SKY if self.paused else palette.TEXT
        if self.paused:
            pygame.draw.rect(surface, ink, (icon.x, icon.y, 7, icon.height))
            pygame.draw.rect(surface, ink, (icon.right - 7, icon.y, 7, icon.height))
        else:
            pygame.draw.polygon(surface, ink, [icon.topleft, icon.bottomleft, (icon.right, icon.centery)])
        surface.blit(text, text.get_rect(midleft=(icon.right + 10, box.centery)))
        if self.snapshot is not None:
            energy = f"{self.snapshot.energy_wh / 1000:,.0f} / {self.snapshot.energy_capacity_wh / 1000:,.0f} kWh"
            figures = f"Budget {self.snapshot.budget:,.0f}  ·  Stored {energy}"
            placed = draw_text(surface, figures, fonts.regular(palette.SMALL), palette.TEXT,
                               (box.left - 20, box.centery), anchor="midright")
            return placed.union(box)
        return box

    def _draw_footer(self, surface: pygame.Surface) -> None:
        width, height = surface.get_size()
        footer = pygame.Rect(0, height - FOOTER_HEIGHT, width, FOOTER_HEIGHT)
        pygame.draw.rect(surface, palette.PANEL, footer)
        pygame.draw.line(surface, palette.PANEL_EDGE, footer.topleft, footer.topright, 2)
        hint = "Space pause  ·  1 2 3 speed  ·  wheel or + − zoom  ·  drag or arrows move  ·  0 whole map  ·  Esc back"
        if self.simulation_problem:
            hint = self.simulation_problem
        font = self.ctx.fonts.regular(palette.SMALL)
        draw_text(surface, fit_text(hint, font, width - 40), font, palette.TEXT_DIM, footer.center, anchor="center")

    def _draw_pause_banner(self, surface: pygame.Surface) -> None:
        fonts = self.ctx.fonts
        view = self.camera.viewport
        big = fonts.bold(palette.HEADING)
        small = fonts.regular(palette.BODY)
        title = big.render("PAUSED", True, palette.ACCENT)
        hint = small.render("Press Space to run time", True, palette.TEXT)
        box = pygame.Rect(0, 0, max(title.get_width(), hint.get_width()) + 60,
                          title.get_height() + hint.get_height() + 26)
        box.midtop = (view.centerx, view.y + 18)
        layer = pygame.Surface(box.size, pygame.SRCALPHA)
        pygame.draw.rect(layer, (*palette.PANEL[:3], 225), layer.get_rect(), border_radius=10)
        surface.blit(layer, box)
        pygame.draw.rect(surface, palette.ACCENT, box, 3, border_radius=10)
        surface.blit(title, title.get_rect(midtop=(box.centerx, box.y + 10)))
        surface.blit(hint, hint.get_rect(midtop=(box.centerx, box.y + 12 + title.get_height())))
