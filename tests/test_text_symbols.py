"""Arrows and signs Noto Sans lacks ('funding 40 → 20', ≤, ▲) are drawn from the symbols font, not as boxes:
by the game's own fonts and in pygame_gui text boxes."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from fontTools.ttLib import TTFont

from game import paths
from game.render.fonts import BOLD_FILE, REGULAR_FILE, SYMBOLS, SYMBOLS_FILE, Fonts
from game.scenes.menus.credits import credits_html
from game.scenes.rich_text import escape
from game.ui.theme import SYMBOLS_FONT_NAME, load_theme

FONTS = paths.assets_dir() / "fonts"


def _characters(path: Path) -> set[str]:
    return {chr(code) for code in TTFont(path, fontNumber=0, lazy=True).getBestCmap()}


def test_the_symbols_are_what_the_symbols_font_holds_and_noto_sans_lacks() -> None:
    assert set(SYMBOLS) == _characters(FONTS / SYMBOLS_FILE)
    for file in (REGULAR_FILE, BOLD_FILE):
        assert not set(SYMBOLS) & _characters(FONTS / file), file


def test_the_theme_names_the_symbols_font_the_text_boxes_use() -> None:
    names = {block["font"]["name"]: block["font"]["regular_path"] for block in load_theme(paths.assets_dir()).values()
             if isinstance(block, dict) and isinstance(block.get("font"), dict)}
    assert Path(names[SYMBOLS_FONT_NAME]).name == SYMBOLS_FILE


@pytest.fixture()
def fonts() -> Fonts:
    pygame.font.init()
    return Fonts(FONTS)


def _columns(image: pygame.Surface, left: int, right: int) -> list[tuple[int, ...]]:
    return [tuple(image.get_at((x, y)).a for y in range(image.get_height())) for x in range(left, right)]


def test_the_game_s_fonts_draw_an_arrow_from_the_symbols_font(fonts: Fonts) -> None:
    font = fonts.regular(24)
    plain = pygame.font.Font(FONTS / REGULAR_FILE, font.point_size)
    symbols = pygame.font.Font(FONTS / SYMBOLS_FILE, font.point_size)
    line = font.render("40 → 20", True, (255, 255, 255))
    left = plain.size("40 ")[0]
    arrow = symbols.size("→")[0]
    assert font.size("40 → 20") == line.get_size() == (left + arrow + plain.size(" 20")[0], font.get_height())
    drawn = _columns(line, left, left + arrow)
    assert any(any(column) for column in drawn), "the arrow left a gap"
    box = _columns(plain.render("40 → 20", True, (255, 255, 255)), left, left + plain.size("→")[0])
    assert drawn != box[: len(drawn)], "the arrow is Noto Sans's missing-glyph box"


def test_a_language_s_own_font_draws_its_arrows_itself(fonts: Fonts) -> None:
    cjk = FONTS / "NotoSansCJKsc-Regular.otf", FONTS / "NotoSansCJKsc-Bold.otf"
    fonts.use_language_files(cjk)
    font = fonts.regular(24)
    assert font.size("40 → 20") == pygame.font.Font(cjk[0], font.point_size).size("40 → 20")


def test_text_boxes_set_the_signs_in_the_symbols_font() -> None:
    assert escape("funding 40 → 20 & more") == f"funding 40 <font face='{SYMBOLS_FONT_NAME}'>→</font> 20 &amp; more"
    assert escape("no signs <here>") == "no signs &lt;here&gt;"
    assert f"(<font face='{SYMBOLS_FONT_NAME}'>▲▼◀▶</font>)" in credits_html()
