"""The pygame_gui theme: assets/theme.json with its font paths made absolute, and the UI manager."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pygame_gui

from game.ui import line_breaks

THEME_FILE = "theme.json"
FONT_NAME = "lunar_sans"  # the font name assets/theme.json gives Noto Sans
SYMBOLS_FONT_NAME = "lunar_symbols"  # its name for the arrows and signs Noto Sans lacks (fonts.SYMBOLS)


def load_theme(assets: Path) -> dict[str, Any]:
    """The theme as a dict; paths in it are written relative to assets/ so the game runs from any folder."""
    theme: dict[str, Any] = json.loads((assets / THEME_FILE).read_text(encoding="utf-8"))
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if isinstance(font, dict):
            for key, value in font.items():
                if key.endswith("_path") and isinstance(value, str):
                    font[key] = str(assets / value)
    return theme


def font_name(language_files: tuple[Path, Path] | None) -> str:
    """The theme's name for the font in use: pygame_gui keeps the first files it saw under a name, so a
    language's own font needs a name of its own."""
    return FONT_NAME if language_files is None else f"{FONT_NAME}_{language_files[0].stem}"


def use_language_font(theme: dict[str, Any], language_files: tuple[Path, Path] | None) -> dict[str, Any]:
    """Points every text font block of `theme` (in place) at a language's own font files; None leaves Noto Sans.
    The arrows' font (▲▼◀▶, which Noto Sans lacks) stays."""
    if language_files is None:
        return theme
    regular, bold = language_files
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if isinstance(font, dict) and font.get("name", FONT_NAME) == FONT_NAME:
            font.update(name=font_name(language_files), regular_path=str(regular), bold_path=str(bold))
    return theme


LANGUAGE_MENU_ID = "#language_choice"  # the settings' language menu: each language named in its own letters
LANGUAGE_MENU_FONT = "lunar_language_names"
MENU_TEXT_SIZE = 24  # the theme's button text, which the menu and its choices are drawn in


def language_menu_theme(files: tuple[Path, Path], size: int) -> dict[str, Any]:
    """Theme blocks that draw the language menu and its choices in `files` (regular, bold) at `size` pixels.

    Loaded only when the menu is shown, so a font such as Chinese's is opened only when its letters are."""
    font = {"name": LANGUAGE_MENU_FONT, "size": str(size), "bold": "1", "regular_path": str(files[0]),
            "bold_path": str(files[1])}
    return {LANGUAGE_MENU_ID: {"font": font}, f"{LANGUAGE_MENU_ID}.selection_list.button": {"font": dict(font)}}


# Bold text in text boxes (<b>, and <font pixel_size=28> headings) that the theme itself does not load;
# loading it up front avoids a stall, and a warning, the first time a text box needs it.
PRELOADED_SIZES = (20, 28)


def preloaded_fonts(name: str = FONT_NAME) -> list[dict[str, str | int | float]]:
    return [{"name": name, "point_size": size, "style": "bold"} for size in PRELOADED_SIZES]


def create_ui_manager(size: tuple[int, int], assets: Path) -> pygame_gui.UIManager:
    line_breaks.install()  # text boxes break Chinese lines by the game's rules
    # Live theme updates poll the theme file's modification time every frame: wasted work in a game.
    ui = pygame_gui.UIManager(size, load_theme(assets), enable_live_theme_updates=False)
    ui.preload_fonts(preloaded_fonts())
    return ui
