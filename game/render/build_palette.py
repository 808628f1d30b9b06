"""The build palette: every module of the level's catalog by category, with its glyph, cost, power and needs."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.content.catalog import Catalog
from game.content.figures import summary_status
from game.content.locale_format import KILOWATT, KILOWATT_HOUR, WATT, Percent, Quantity
from game.content.message import Alternatives, list_text, lower_first, quantity_text
from game.content.models import ModuleSpec
from game.content.text import translate
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.render import palette
from game.render.fonts import scaled_px
from game.render.glyphs import draw_glyph
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.text import wrap_text
from game.render.text_cache import TextCache

CATEGORY_ORDER = (
    "power", "storage", "infrastructure", "communications", "logistics", "resources", "life_support",
    "habitat", "science",
)
CATEGORY_NAMES = {
    "power": to_translate("Power supply"), "storage": to_translate("Storage"),
    "infrastructure": to_translate("Cables and roads"),
    "communications": to_translate("Talking to Earth"), "logistics": to_translate("Landing and transport"),
    "resources": to_translate("Resources"), "life_support": to_translate("Life support"),
    "habitat": to_translate("Living"), "science": to_translate("Science"),
}
HEADER_ROW_PX = 34
ROW_PX = 80  # name, its numbers, and what those numbers are (game values or real): on every row, chosen or not
NEEDS_LINES = 3  # the chosen row also shows, on up to three lines, what the module needs from the ground
SELECTED_EXTRA_PX = 25 * NEEDS_LINES
STATUS_TOP_PX = 54  # the status line, under the numbers
GLYPH_PX = 46


def power_text(spec: ModuleSpec, tr: Translate = ENGLISH) -> str:
    """'+10 kW' for a maker, '−800 W' for a user, '' for neither; the sign says which way power flows."""
    def watts(value: float) -> Quantity:
        if abs(value) >= 1000:
            return Quantity(value / 1000, KILOWATT, signed=True)
        return Quantity(value, WATT, signed=True)

    def marked(text: str, field_name: str) -> str:
        # Game values are the rule in a row (its status line says so); a real figure says it is one here too.
        return tr("{line} ({status})", line=text, status=tr("real")) if spec.figure(field_name).status == "real" \
            else text

    parts = []
    if spec.power_output_w > 0:
        made = watts(spec.power_output_w)
        parts.append(marked(tr("{power} in sun", power=made) if spec.solar else tr(quantity_text(made)),
                            "power_output_w"))
    if spec.power_draw_w > 0:
        parts.append(marked(tr(quantity_text(watts(-spec.power_draw_w))), "power_draw_w"))
    if spec.energy_storage_wh > 0:
        stored = tr("stores {energy}", energy=Quantity(spec.energy_storage_wh / 1000, KILOWATT_HOUR))
        parts.append(marked(stored, "energy_storage_wh"))
    return tr(list_text(parts))


def requirement_text(spec: ModuleSpec, tr: Translate = ENGLISH, tile_names: tuple[str, ...] = ()) -> str:
    """What the ground must offer, in words: 'needs sun 80 %+, Earth in view' (Noto Sans has no ≥ sign). The
    ground kinds it may stand on are named by `tile_names` (in the player's language) where given, else by id."""
    rules = spec.placement
    needs = []
    if rules.tiles is not None:
        names = tile_names or tuple(kind.replace("_", " ") for kind in rules.tiles)
        needs.append(tr("on {tiles}", tiles=Alternatives(names)))
    if rules.min_sunlight > 0:
        needs.append(tr("sun {percent}+", percent=Percent(rules.min_sunlight)))
    if rules.min_ice_percent > 0:
        needs.append(tr("ice {percent}+", percent=Percent(rules.min_ice_percent / 100, None)))
    if rules.max_slope_deg < 90:
        needs.append(tr("slope up to {degrees}°", degrees=f"{rules.max_slope_deg:g}"))
    if rules.needs_earth_view:
        needs.append(tr("Earth in view"))
    if rules.needs_power and spec.power_draw_w > 0:
        needs.append(tr("power"))
    if not needs:
        return tr("stands anywhere")
    # The thresholds are the game's own choice for play: said once for the whole line.
    numbers = rules.min_sunlight > 0 or rules.min_ice_percent > 0 or rules.max_slope_deg < 90
    return tr("needs {what} (game values)", what=needs) if numbers else tr("needs {what}", what=needs)


SUMMARY_FIGURES = ("cost", "footprint", "power_output_w", "power_draw_w", "energy_storage_wh")
MARKED_IN_SUMMARY = ("power_output_w", "power_draw_w", "energy_storage_wh")  # power_text writes '(real)' on these


@dataclass(frozen=True, slots=True)
class PaletteEntry:
    """One module as the palette shows it."""

    spec: ModuleSpec
    name: str
    category: str
    tile_names: tuple[str, ...] = ()  # the ground kinds it may stand on, named in the player's language

    @property
    def summary(self) -> str:
        return self.summary_in(ENGLISH)

    def summary_in(self, tr: Translate) -> str:
        """Cost, footprint and power on one line, in the language of `tr` (their status: `status_in`)."""
        width, height = self.spec.footprint
        parts = [tr("{amount} cr", amount=f"{self.spec.cost:g}"), f"{width}×{height}"]
        power = power_text(self.spec, tr)
        if power:
            parts.append(power)
        return " · ".join(parts)

    def status_in(self, tr: Translate) -> str:
        """Whether the summary's numbers are game values or real figures, in one phrase."""
        return summary_status(self.spec, list(SUMMARY_FIGURES), tr)

    def row_status_in(self, tr: Translate) -> str:
        """The row's status line: short enough for the row, since the real figures say '(real)' on their own."""
        real = [name for name in SUMMARY_FIGURES if self.spec.figure(name).status == "real"]
        if real and set(real) <= set(MARKED_IN_SUMMARY):
            return tr("other figures: game values")
        return self.status_in(tr)


def palette_entries(catalog: Catalog, language: str) -> list[PaletteEntry]:
    """The catalog's modules grouped by category in a fixed order, cheapest first within a category."""
    def rank(spec: ModuleSpec) -> tuple[int, float, str]:
        order = CATEGORY_ORDER.index(spec.category) if spec.category in CATEGORY_ORDER else len(CATEGORY_ORDER)
        return order, spec.cost, spec.id

    def tile_names(spec: ModuleSpec) -> tuple[str, ...]:
        kinds = spec.placement.tiles or []
        return tuple(lower_first(translate(catalog.tiles[kind].name, language)) if kind in catalog.tiles
                     else kind.replace("_", " ") for kind in kinds)

    return [
        PaletteEntry(spec, translate(spec.name, language), spec.category, tile_names(spec))
        for spec in sorted(catalog.modules.values(), key=rank)
    ]


@dataclass(slots=True)
class BuildPalette:
    """Which module is chosen and how far the list is scrolled. Input changes it; drawing only reads it."""

    entries: list[PaletteEntry]
    selected: int = 0
    scroll: int = 0
    focused: bool = False
    scale: float = 1.0  # the UI scale: rows grow with the text in them
    _rows: list[tuple[int, int, int | None]] = field(default_factory=list)  # (top, height, entry index or None)
    _glyphs: dict[tuple[str, bool, str], pygame.Surface] = field(default_factory=dict)  # pixels, not state

    def px(self, pixels: int) -> int:
        """A size in the list at the UI scale."""
        return scaled_px(pixels, self.scale)

    def glyph_plate(self, shape: str, selected: bool, colours: Palette = STANDARD_PALETTE) -> pygame.Surface:
        """The module's silhouette on its plate, drawn once and kept."""
        key = (shape, selected, colours.name)
        plate = self._glyphs.get(key)
        if plate is None:
            plate = pygame.Surface((self.px(GLYPH_PX), self.px(GLYPH_PX)))
            plate.fill(colours.panel_raised if selected else colours.panel)
            back = colours.panel if selected else colours.panel_raised
            pygame.draw.rect(plate, back, plate.get_rect(), border_radius=6)
            draw_glyph(plate, shape, plate.get_rect().inflate(-10, -10))
            self._glyphs[key] = plate
        return plate

    def __post_init__(self) -> None:
        self._lay_out_rows()

    def set_scale(self, scale: float, view_height: int) -> None:
        """Lays the rows out again when the player changed the UI scale, keeping the chosen entry in view."""
        if scale != self.scale:
            self.scale = scale
            self._glyphs.clear()
            self._lay_out_rows()
            self.scroll_to_selected(view_height)

    def _lay_out_rows(self) -> None:
        self._rows = []
        top = 0
        category = None
        for index, entry in enumerate(self.entries):
            if entry.category != category:
                category = entry.category
                self._rows.append((top, self.px(HEADER_ROW_PX), None))
                top += self.px(HEADER_ROW_PX)
            self._rows.append((top, self.px(ROW_PX), index))
            top += self.px(ROW_PX)

    @property
    def chosen(self) -> PaletteEntry | None:
        return self.entries[self.selected] if self.entries else None

    def rows(self) -> list[tuple[int, int, int | None]]:
        """Each row's top and height in list pixels (before scrolling); the chosen row is taller."""
        laid: list[tuple[int, int, int | None]] = []
        shift = 0
        for top, height, index in self._rows:
            extra = self.px(SELECTED_EXTRA_PX) if index is not None and index == self.selected else 0
            laid.append((top + shift, height + extra, index))
            shift += extra
        return laid

    def content_height(self) -> int:
        rows = self.rows()
        return rows[-1][0] + rows[-1][1] if rows else 0

    def move(self, step: int, view_height: int) -> None:
        if self.entries:
            self.selected = max(0, min(len(self.entries) - 1, self.selected + step))
            self.scroll_to_selected(view_height)

    def choose(self, module_id: str, view_height: int) -> None:
        for index, entry in enumerate(self.entries):
            if entry.spec.id == module_id:
                self.selected = index
                self.scroll_to_selected(view_height)

    def scroll_to_selected(self, view_height: int) -> None:
        for top, height, index in self.rows():
            if index == self.selected:
                if index == next((i for _, _, i in self._rows if i is not None), None):
                    top = 0  # the first entry shows its category heading too
                if top < self.scroll:
                    self.scroll = top
                elif top + height > self.scroll + view_height:
                    self.scroll = top + height - view_height
        self.scroll_by(0, view_height)

    def scroll_by(self, pixels: int, view_height: int) -> None:
        self.scroll = max(0, min(max(0, self.content_height() - view_height), self.scroll + pixels))

    def entry_at(self, area: pygame.Rect, position: tuple[int, int]) -> int | None:
        """The entry index under a screen point inside the palette's `area`, or None."""
        if not area.collidepoint(position):
            return None
        y = position[1] - area.y + self.scroll
        for top, height, index in self.rows():
            if top <= y < top + height:
                return index
        return None


def draw_build_palette(
    surface: pygame.Surface, area: pygame.Rect, build: BuildPalette, text: TextCache, budget: float | None,
    armed: str | None, colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH,
) -> None:
    """The list, clipped to `area`; `armed` is the module id now following the pointer, if any."""
    pygame.draw.rect(surface, colours.panel, area, border_radius=6)
    edge = colours.focus if build.focused else colours.panel_edge
    pygame.draw.rect(surface, edge, area, 2, border_radius=6)
    previous_clip = surface.get_clip()
    surface.set_clip(area.inflate(-4, -4))
    rows = build.rows()  # laid out once a frame: each category heading looks ahead for its first entry
    for top, height, index in rows:
        y = area.y + top - build.scroll
        if y + height < area.y or y > area.bottom:
            continue
        if index is None:
            entry = build.entries[next(i for t, _, i in rows if i is not None and t > top)]
            name = tr(CATEGORY_NAMES.get(entry.category, entry.category.replace("_", " ").title()))
            text.draw(surface, name.upper(), palette.SMALL, colours.accent, (area.x + 12, y + build.px(6)), bold=True)
            continue
        _draw_entry(surface, pygame.Rect(area.x + 4, y, area.width - 14, height), build, build.entries[index], text,
                    selected=index == build.selected, focused=build.focused, budget=budget,
                    armed=armed == build.entries[index].spec.id, colours=colours, tr=tr)
    surface.set_clip(previous_clip)
    _draw_scrollbar(surface, area, build, colours)


def _draw_entry(surface: pygame.Surface, row: pygame.Rect, build: BuildPalette, entry: PaletteEntry, text: TextCache, *,
                selected: bool, focused: bool, budget: float | None, armed: bool, colours: Palette,
                tr: Translate = ENGLISH) -> None:
    if selected:
        pygame.draw.rect(surface, colours.panel_raised, row, border_radius=6)
        pygame.draw.rect(surface, colours.focus if focused or armed else colours.panel_edge, row, 2, border_radius=6)
    glyph_px = build.px(GLYPH_PX)
    plate = pygame.Rect(row.x + 6, row.y + (build.px(ROW_PX) - glyph_px) // 2, glyph_px, glyph_px)
    surface.blit(build.glyph_plate(entry.spec.shape, selected, colours), plate)
    x = plate.right + 10
    room = row.right - 8 - x
    affordable = budget is None or entry.spec.cost <= budget
    name_colour = colours.text if affordable else colours.text_dim
    name = entry.name if text.fonts.bold(palette.BODY - 2).size(entry.name)[0] <= room else entry.name.split(" (")[0]
    text.draw(surface, text.fit(name, palette.BODY - 2, room, bold=True), palette.BODY - 2, name_colour,
              (x, row.y + build.px(4)), bold=True)
    summary_colour = colours.text_dim if affordable else colours.broken
    summary = entry.summary_in(tr)
    if not affordable:
        summary += " · " + tr("too dear")
    text.draw(surface, text.fit(summary, palette.SMALL, room), palette.SMALL, summary_colour, (x, row.y + build.px(32)))
    # Every row says what its numbers are, as the tooltips and the encyclopedia do, not only the chosen one.
    font = text.fonts.regular(palette.SMALL)
    status_top = row.y + build.px(STATUS_TOP_PX)
    text.draw(surface, text.fit(entry.row_status_in(tr), palette.SMALL, room), palette.SMALL, colours.text_dim,
              (x, status_top))
    if selected:
        lines = wrap_text(requirement_text(entry.spec, tr, entry.tile_names), font, room)
        if len(lines) > NEEDS_LINES:  # cut where the row ends, and seen to be cut
            lines = [*lines[:NEEDS_LINES - 1], lines[NEEDS_LINES - 1] + " …"]
        for line_number, line in enumerate(lines):
            text.draw(surface, text.fit(line, palette.SMALL, room), palette.SMALL, colours.accent,
                      (x, status_top + (line_number + 1) * font.get_linesize()))


def _draw_scrollbar(surface: pygame.Surface, area: pygame.Rect, build: BuildPalette, colours: Palette) -> None:
    content = build.content_height()
    if content <= area.height:
        return
    track = pygame.Rect(area.right - 8, area.y + 4, 5, area.height - 8)
    thumb_height = max(24, round(track.height * area.height / content))
    thumb_top = track.y + round((track.height - thumb_height) * build.scroll / (content - area.height))
    pygame.draw.rect(surface, colours.text_dim, (track.x, thumb_top, track.width, thumb_height), border_radius=2)
