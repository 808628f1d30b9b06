"""Map overlays (sunlight, ice, power network, Earth in view): shading, patterns and labels, never colour alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.content.locale_format import Percent
from game.content.message import quantity_text
from game.content.models import TileKind
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.render import palette
from game.render.camera import Camera
from game.render.map_labels import LabelRoom
from game.render.palette import STANDARD_PALETTE, Palette
from game.render.patterns import draw_pattern
from game.render.site_map import MapModule
from game.render.text_cache import TextCache
from game.rules.grid import SiteGrid
from game.rules.hours import HOURS_PER_DAY
from game.rules.power import power_networks

OVERLAYS = ("ground", "sunlight", "ice", "power", "earth")
# English, marked for the translation template: whoever shows a name passes it through the scene's tr().
OVERLAY_NAMES = {
    "ground": to_translate("Ground"), "sunlight": to_translate("Sunlight"), "ice": to_translate("Ice"),
    "power": to_translate("Power network"), "earth": to_translate("Earth in view"),
}
OVERLAY_SHORT_NAMES = {"ground": to_translate("Ground"), "sunlight": to_translate("Sunlight"),
                       "ice": to_translate("Ice"), "power": to_translate("Grid"), "earth": to_translate("Earth")}
MIN_LABELLED_REGION = 4  # tiles: a smaller patch gets no label, so labels never pile up
NETWORK_TAG_COLOURS = (  # Okabe–Ito colours, told apart by colour-blind eyes; the letter is the real signal
    pygame.Color("#56b4e9"), pygame.Color("#e69f00"), pygame.Color("#009e73"), pygame.Color("#cc79a7"),
    pygame.Color("#f0e442"), pygame.Color("#0072b2"),
)
DARK = pygame.Color("#0b0e14")
LIT = pygame.Color("#fff2b8")
ICE = pygame.Color("#7cc4ff")


def next_overlay(current: str, step: int = 1) -> str:
    return OVERLAYS[(OVERLAYS.index(current) + step) % len(OVERLAYS)]


def overlay_tile(kind: TileKind, overlay: str, size: int) -> pygame.Surface | None:
    """One tile as the overlay shows it, or None for the ground overlay (the tile's own stamp)."""
    stamp = pygame.Surface((size, size))
    if overlay == "sunlight":
        # Brightness is the message: black never lit, pale yellow always lit; readable in grey too.
        stamp.fill(DARK.lerp(LIT, kind.sunlight))
        if kind.sunlight == 0:
            draw_pattern(stamp, "hatch", pygame.Color("#2a3140"))
    elif overlay == "ice":
        if kind.ice_percent > 0:
            stamp.fill(pygame.Color("#16324d").lerp(ICE, min(1.0, 0.35 + kind.ice_percent / 10)))
            draw_pattern(stamp, "dots", pygame.Color("#e8f4ff"))
        else:
            stamp.fill(pygame.Color("#30343c"))
    elif overlay == "earth":
        if kind.earth_visible:
            stamp.fill(pygame.Color("#5a7a9a"))
        else:
            stamp.fill(pygame.Color("#1e2229"))
            draw_pattern(stamp, "cross", pygame.Color("#4a505c"))
    elif overlay == "power":
        stamp.fill(pygame.Color(kind.colour).lerp(DARK, 0.65))
    else:
        return None
    if size >= 20:
        edge = pygame.Color(0, 0, 0)
        pygame.draw.line(stamp, edge, (0, size - 1), (size - 1, size - 1))
        pygame.draw.line(stamp, edge, (size - 1, 0), (size - 1, size - 1))
    return stamp


def region_label(kind: TileKind, overlay: str, tr: Translate = ENGLISH) -> str | None:
    if overlay == "sunlight":
        return tr(quantity_text(Percent(kind.sunlight)))
    if overlay == "ice":
        return tr("ice {percent}", percent=Percent(kind.ice_percent / 100, None)) if kind.ice_percent > 0 else None
    if overlay == "earth":
        return None if kind.earth_visible else tr("Earth hidden")
    return None


def computed_label(grid: SiteGrid, cell: tuple[int, int], overlay: str, tr: Translate = ENGLISH) -> str | None:
    """The computed light of one tile as the overlay labels it: its share and longest dark spell, its ice, or
    how much of the time Earth is in view."""
    x, y = cell
    if overlay == "sunlight":
        share = grid.sunlight(x, y)
        if share <= 0:
            return tr(quantity_text(Percent(0)))
        return tr("{percent} · dark up to {days} d", percent=Percent(share),
                  days=f"{grid.longest_dark_hours(x, y) / HOURS_PER_DAY:.0f}")
    if overlay == "ice":
        ice = grid.ice_percent(x, y)
        return tr("ice {percent}", percent=Percent(ice / 100, None)) if ice > 0 else None
    if overlay == "earth":
        return tr("Earth {percent}", percent=Percent(grid.earth_share(x, y)))
    return None


def draw_computed_overlay(surface: pygame.Surface, grid: SiteGrid, camera: Camera, overlay: str, size: int) -> None:
    """The overlay from each tile's computed light: brightness for the share of the time, a pattern where the
    answer is 'never' (never lit: hatched; ice: dotted; Earth too rarely in view for an antenna: crossed)."""
    stamps: dict[tuple[str, int], pygame.Surface] = {}
    for x, y, kind in grid.cells():
        rect = camera.tile_rect(x, y)
        if not rect.colliderect(camera.viewport):
            continue
        if overlay == "sunlight":
            share = grid.sunlight(x, y)
            key = ("sun", round(share * 20) if share > 0 else -1)
        elif overlay == "ice":
            key = ("ice", 1 if grid.ice_percent(x, y) > 0 else 0)
        elif overlay == "earth":
            key = ("earth", round(grid.earth_share(x, y) * 10) if grid.earth_visible(x, y) else -1)
        else:
            key = ("power", 0)
        stamp = stamps.get(key)
        if stamp is None:
            stamp = stamps[key] = _computed_stamp(key, size, kind)
        surface.blit(stamp, rect)


def _computed_stamp(key: tuple[str, int], size: int, kind: TileKind) -> pygame.Surface:
    what, step = key
    stamp = pygame.Surface((size, size))
    if what == "sun":
        stamp.fill(DARK.lerp(LIT, max(0, step) / 20))
        if step < 0:
            draw_pattern(stamp, "hatch", pygame.Color("#2a3140"))
    elif what == "ice":
        if step:
            stamp.fill(ICE.lerp(pygame.Color("#16324d"), 0.3))
            draw_pattern(stamp, "dots", pygame.Color("#e8f4ff"))
        else:
            stamp.fill(pygame.Color("#30343c"))
    elif what == "earth":
        if step >= 0:
            stamp.fill(pygame.Color("#1e2229").lerp(pygame.Color("#7aa0c8"), min(1.0, step / 6)))
        else:
            stamp.fill(pygame.Color("#1e2229"))
            draw_pattern(stamp, "cross", pygame.Color("#4a505c"))
    else:
        stamp.fill(pygame.Color(kind.colour).lerp(DARK, 0.65))
    if size >= 20:
        edge = pygame.Color(0, 0, 0)
        pygame.draw.line(stamp, edge, (0, size - 1), (size - 1, size - 1))
        pygame.draw.line(stamp, edge, (size - 1, 0), (size - 1, size - 1))
    return stamp


@dataclass(frozen=True, slots=True)
class Region:
    """A patch of touching tiles of one kind, labelled once at its middle tile."""

    kind: TileKind
    size: int
    label_cell: tuple[int, int]


def tile_regions(grid: SiteGrid) -> list[Region]:
    """Patches of the same kind, joined side by side; each labelled at the tile nearest its centre."""
    seen: set[tuple[int, int]] = set()
    regions = []
    for x, y, kind in grid.cells():
        if (x, y) in seen:
            continue
        patch = []
        todo = [(x, y)]
        seen.add((x, y))
        while todo:
            cx, cy = todo.pop()
            patch.append((cx, cy))
            for nx, ny in ((cx + 1, cy), (cx - 1, cy), (cx, cy + 1), (cx, cy - 1)):
                if grid.contains(nx, ny) and (nx, ny) not in seen and grid.at(nx, ny).id == kind.id:
                    seen.add((nx, ny))
                    todo.append((nx, ny))
        mean_x = sum(cell[0] for cell in patch) / len(patch)
        mean_y = sum(cell[1] for cell in patch) / len(patch)
        middle = min(patch, key=lambda cell: (cell[0] - mean_x) ** 2 + (cell[1] - mean_y) ** 2)
        regions.append(Region(kind, len(patch), middle))
    return regions


def module_networks(modules: Sequence[MapModule]) -> dict[int, str]:
    """A letter per module index for its power network ('A', 'B', …), from the same rule the simulation uses."""
    cells = {index: module.cells() for index, module in enumerate(modules)}
    conducts = {index: module.conducts_power or module.is_cable for index, module in enumerate(modules)}
    roots = power_networks(cells, conducts)
    letters: dict[int, str] = {}
    for root in sorted(set(roots.values())):
        number = len(letters)
        letters[root] = chr(ord("A") + number % 26) + ("" if number < 26 else str(number // 26))
    return {index: letters[root] for index, root in roots.items()}


def draw_region_labels(surface: pygame.Surface, regions: Sequence[Region], overlay: str, camera: Camera,
                       text: TextCache, colours: Palette = STANDARD_PALETTE, tr: Translate = ENGLISH,
                       grid: SiteGrid | None = None, room: LabelRoom | None = None) -> None:
    """One label a patch of ground; with computed light it reads the light of the patch's middle tile.

    Bigger patches are labelled first; a label that would cover one already drawn (or a box `room` has taken:
    the sky's, an order's) is left out, and one at the map's edge is moved inside it, so every label shown is
    whole and readable."""
    taken = room.taken if room is not None else []
    for region in sorted(regions, key=lambda region: -region.size):
        if region.size < MIN_LABELLED_REGION:
            continue
        if grid is not None and grid.light is not None:
            label = computed_label(grid, region.label_cell, overlay, tr)
        else:
            label = region_label(region.kind, overlay, tr)
        if label is None:
            continue
        centre = camera.grid_to_screen(region.label_cell[0] + 0.5, region.label_cell[1] + 0.5)
        image = text.render(label, palette.SMALL, colours.text, bold=True)
        pill = image.get_rect(center=(round(centre[0]), round(centre[1]))).inflate(14, 4)
        if not pill.colliderect(camera.viewport):
            continue
        pill = pill.clamp(camera.viewport)
        if pill.collidelist(taken) != -1:
            continue
        taken.append(pill)
        pygame.draw.rect(surface, colours.panel, pill, border_radius=pill.height // 2)
        pygame.draw.rect(surface, colours.text_dim, pill, 1, border_radius=pill.height // 2)
        surface.blit(image, image.get_rect(center=pill.center))


def draw_power_tags(surface: pygame.Surface, modules: Sequence[MapModule], networks: dict[int, str],
                    camera: Camera, text: TextCache, colours: Palette = STANDARD_PALETTE,
                    tr: Translate = ENGLISH) -> None:
    """Each module's network letter in a tag; a module without power gets a red frame, a cross and 'off'."""
    for index, module in enumerate(modules):
        if module.is_cable:
            continue
        area = camera.tile_rect(module.x, module.y, *module.footprint)
        if not area.colliderect(camera.viewport):
            continue
        letter = networks.get(index, "?")
        if module.state == "unpowered":
            pygame.draw.rect(surface, colours.broken, area, 3)
            pygame.draw.line(surface, colours.broken, area.topleft, area.bottomright, 3)
            pygame.draw.line(surface, colours.broken, area.topright, area.bottomleft, 3)
            letter += " " + tr("off")
        colour = NETWORK_TAG_COLOURS[(ord(letter[0]) - ord("A")) % len(NETWORK_TAG_COLOURS)]
        image = text.render(letter, palette.SMALL, palette.GLYPH_EDGE, bold=True)
        tag = image.get_rect(topleft=(area.x + 1, area.y + 1)).inflate(8, 0)
        tag.topleft = (area.x + 1, area.y + 1)
        pygame.draw.rect(surface, colour, tag, border_radius=4)
        pygame.draw.rect(surface, palette.GLYPH_EDGE, tag, 1, border_radius=4)
        surface.blit(image, image.get_rect(center=tag.center))


@dataclass(frozen=True, slots=True)
class LegendRow:
    """One line of an overlay's legend: a sample swatch (drawn by `draw_swatch`) and its meaning."""

    sample: str  # a key for draw_swatch
    text: str  # English, marked for translation: the legend's drawer translates it


def overlay_legend(overlay: str, worked_out: bool = True) -> list[LegendRow]:
    """The legend's rows. `worked_out`: the site's light is computed from its relief, so the labels are worked
    out from each tile's horizon; otherwise each is its ground kind's typed-in figure, real or a game value."""
    if overlay == "sunlight":
        labels = (to_translate("Labels: % of the time lit (worked out from horizons)") if worked_out else
                  to_translate("Labels: % of the time lit (each ground kind's figure)"))
        return [LegendRow("lit-high", to_translate("Bright: lit most of the lunar day")),
                LegendRow("lit-half", to_translate("Grey: lit half")),
                LegendRow("lit-none", to_translate("Black, hatched: never lit")),
                LegendRow("label", labels)]
    if overlay == "ice":
        return [LegendRow("ice", to_translate("Blue, dotted: ice in the soil")),
                LegendRow("no-ice", to_translate("Grey: dry ground")),
                LegendRow("label", to_translate("Labels: ice % by mass"))]
    if overlay == "earth":
        return [LegendRow("earth", to_translate("Blue-grey: Earth above the horizon")),
                LegendRow("no-earth", to_translate("Dark, crossed: a ridge hides Earth")),
                LegendRow("label", to_translate("Antennas need Earth in view"))]
    if overlay == "power":
        return [LegendRow("tag", to_translate("Letter: which network a module is on")),
                LegendRow("off", to_translate("Red cross, 'off': no power reaches it")),
                LegendRow("cable", to_translate("Orange line: power cable"))]
    return []


def draw_swatch(surface: pygame.Surface, sample: str, box: pygame.Rect, colours: Palette = STANDARD_PALETTE) -> None:
    kinds = {
        "lit-high": (LIT.lerp(DARK, 0.1), None), "lit-half": (DARK.lerp(LIT, 0.5), None),
        "lit-none": (DARK, ("hatch", "#2a3140")), "ice": (ICE, ("dots", "#e8f4ff")),
        "no-ice": (pygame.Color("#30343c"), None), "earth": (pygame.Color("#5a7a9a"), None),
        "no-earth": (pygame.Color("#1e2229"), ("cross", "#4a505c")),
    }
    if sample in kinds:
        colour, pattern = kinds[sample]
        swatch = pygame.Surface(box.size)
        swatch.fill(colour)
        if pattern:
            draw_pattern(swatch, pattern[0], pygame.Color(pattern[1]))
        surface.blit(swatch, box)
    elif sample == "label":
        pygame.draw.rect(surface, colours.panel, box, border_radius=box.height // 2)
        pygame.draw.rect(surface, colours.text_dim, box, 1, border_radius=box.height // 2)
    elif sample == "tag":
        pygame.draw.rect(surface, NETWORK_TAG_COLOURS[0], box, border_radius=4)
    elif sample == "off":
        pygame.draw.rect(surface, colours.broken, box, 3)
        pygame.draw.line(surface, colours.broken, box.topleft, box.bottomright, 3)
        pygame.draw.line(surface, colours.broken, box.topright, box.bottomleft, 3)
    elif sample == "cable":
        pygame.draw.line(surface, colours.cable, box.midleft, box.midright, 6)
    pygame.draw.rect(surface, colours.text_dim, box, 1)
