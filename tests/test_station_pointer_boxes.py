"""The boxes beside the pointer on the station screen, checked without a window: in both classroom windows, at
100, 150 and 200 % text and in English, Chinese and Russian, a tile's tooltip and the refusal box stay inside
the window, off the buttons pygame_gui draws over everything (the header's time controls, the side panel's
tabs, the footer's row), hold their words whole, and the refusal box leaves the first hint readable."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import cache

import pygame
import pytest

from game import paths
from game.content.catalog import Catalog
from game.content.loader import load_level_by_path
from game.content.models import Level
from game.content.text import translate
from game.render.pointer_box import place_beside_pointer
from game.render.text_cache import TextCache
from game.render.tooltip import MORE, PADDING, place_tooltip, terrain_tooltip_lines, tooltip_rows
from game.rules.grid import SiteGrid
from game.rules.placement import placement_refusal, refusal_reason
from game.scenes.station.boxes import REASON_PADDING, hint_box_rect, place_reason_box, reason_box_size, reason_rows
from game.scenes.station.layout import StationLayout
from game.scenes.station.tools import GhostPreview
from game.ui.hints import HintBook
from tests.test_screen_layouts import CASES, _fonts_and_words

LEVEL = paths.levels_dir() / "01_agreement_2021.toml"


@pytest.fixture(scope="module", autouse=True)
def _fonts_ready() -> Iterator[None]:
    pygame.font.init()
    yield


@cache
def _site() -> tuple[Level, Catalog, SiteGrid]:
    level, catalog = load_level_by_path(LEVEL).require()
    return level, catalog, SiteGrid.from_site(level.site, catalog.tiles, catalog.moon)


def _pointers(layout: StationLayout) -> list[tuple[int, int]]:
    """Pointers over the map (its corners, edges and middle) and over the resource bar, where tooltips open."""
    places = []
    for area in (layout.map, layout.resource_bar):
        inner = area.inflate(-4, -4)
        places += [(round(inner.left + inner.width * across), round(inner.top + inner.height * down))
                   for across, down in itertools.product((0, 0.5, 1), (0, 0.5, 1))]
    return places


def _text_fits(rows: list[tuple[str, pygame.font.Font]], box: pygame.Rect, padding: tuple[int, int]) -> None:
    for row, font in rows:
        assert font.size(row)[0] <= box.width - 2 * padding[0], f"'{row}' is wider than its box {box}"
    assert sum(font.get_linesize() for _, font in rows) <= box.height - 2 * padding[1], "the rows outgrow the box"


def _clear(name: str, box: pygame.Rect, size: tuple[int, int], layout: StationLayout,
           others: tuple[pygame.Rect, ...] = ()) -> None:
    assert pygame.Rect((0, 0), size).contains(box), f"the {name} {box} runs out of the {size} window"
    for button_row in (*layout.button_rows, *others):
        assert not box.colliderect(button_row), f"the {name} {box} covers {button_row}"


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_a_tiles_tooltip_stays_inside_the_window_and_off_the_buttons(size: tuple[int, int], scale: float,
                                                                       language: str) -> None:
    fonts, tr = _fonts_and_words(language, scale, size)
    layout = StationLayout.for_size(size, fonts.scale)
    _, _, grid = _site()
    # The longest tooltips the site has: tiles lit, shadowed and icy, with the horizon plot's key at the end.
    cells = sorted(((x, y) for x, y, _ in grid.cells()), key=lambda cell: -len(" ".join(
        terrain_tooltip_lines(grid.at(*cell), grid, cell, 0.0, language, tr))))[:3]
    for cell in cells:
        lines = [*terrain_tooltip_lines(grid.at(*cell), grid, cell, 0.0, language, tr),
                 tr("{key}: its horizon and the Sun's path", key="I")]
        for pointer in _pointers(layout):
            place = place_tooltip(lines, fonts, pointer, size, layout.button_rows)
            _clear("tooltip", place.rect, size, layout)
            kept = lines[:place.shown] + ([MORE] if place.shown < len(lines) else [])
            rows = [(row, fonts.bold(place.sizes[0]) if bold else fonts.regular(place.sizes[1]))
                    for row, bold in tooltip_rows(kept, fonts, place.wrap, place.sizes)]
            _text_fits(rows, place.rect, PADDING)
            assert place.clear, "a place clear of the buttons, inside the window"
            # Its figures always show; in the small window at large text the two hints after them may give way.
            assert place.shown >= (len(lines) if size == (1920, 1080) else len(lines) - 2), \
                f"{place.shown} of {len(lines)} lines show in the {size} window at {scale:.0%}"


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_the_refusal_box_leaves_the_first_hint_and_the_buttons_clear(size: tuple[int, int], scale: float,
                                                                     language: str) -> None:
    fonts, tr = _fonts_and_words(language, scale, size)
    layout = StationLayout.for_size(size, fonts.scale)
    level, catalog, grid = _site()
    hints = HintBook.for_level(level.order, True, language)
    hint = hints.trigger("level_start", grid, catalog, set())
    assert hint is not None, "the first level opens with a hint"
    hint_box = hint_box_rect(layout.map, hint, TextCache(fonts), tr)
    solar = catalog.modules["solar_array"]
    refused = next((x, y) for x, y, kind in grid.cells() if kind.id == "crater_floor")
    reason = placement_refusal(solar, *refused, grid)
    assert reason is not None
    preview = GhostPreview(False, refusal_reason(reason), (), (refused,), solar.cost)
    name = translate(solar.name, language)
    window = pygame.Rect((0, 0), size)
    for pointer in _pointers(layout)[:9]:  # over the map, where a module is placed
        place = place_reason_box(preview, name, fonts, pointer, layout.map, window,
                                 [*layout.button_rows, hint_box], tr)
        _clear("refusal box", place.rect, size, layout, (hint_box,))
        rows = [(row, fonts.bold(22 - 2) if bold else fonts.regular(22 - 2))
                for row, _, bold in reason_rows(preview, name, fonts, place.wrap, tr)]
        assert reason_box_size(reason_rows(preview, name, fonts, place.wrap, tr), fonts) == place.rect.size
        _text_fits(rows, place.rect, REASON_PADDING)


def test_a_box_with_no_clear_place_wraps_wider_before_it_covers_a_button() -> None:
    window = pygame.Rect(0, 0, 800, 400)
    buttons = [pygame.Rect(0, 0, 800, 60), pygame.Rect(0, 340, 800, 60)]

    def measure(wrap: int) -> tuple[int, int]:  # 120 000 px² of words, at least 40 px tall
        return wrap, max(40, 120_000 // wrap)

    place = place_beside_pointer(measure, 300, (700, 200), window, buttons)
    assert place is not None and place.clear and place.wrap > 300 and place.rect.height <= 272
    assert window.contains(place.rect) and place.rect.collidelist(buttons) < 0
