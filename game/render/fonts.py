"""The game's two font files (or a language's own) at any size, opened once each and shared by every screen."""

from __future__ import annotations

import copy
import functools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame

REGULAR_FILE = "NotoSans-Regular.ttf"
BOLD_FILE = "NotoSans-Bold.ttf"
# Arrows and signs Noto Sans lacks ('funding 40 → 20', ≤, ▲): they are drawn from this cut of Noto Sans CJK
# (tools/subset_cjk_font.py), which holds exactly these characters. A language's own font has them itself.
SYMBOLS_FILE = "NotoSansCJKsc-Symbols.otf"
SYMBOLS = frozenset("←↑→↓≤≥▲△▶▷▼▽◀◁")
# Each font keeps this many rendered lines and measured widths: a busy screen shows a few hundred strings a
# frame; the cap only stops unbounded growth (a clock, a scrolling log).
REMEMBERED_LINES = 1024


class RememberingFont(pygame.font.Font):
    """A font that renders and measures each line once: screens draw the same words every frame, and
    rasterising them again was most of a frame's time. The images are shared, so callers blit them and never
    draw on them (every caller in the game only blits); the pixels are exactly the plain font's."""

    def __init__(self, file: Path, size: int, symbols: Path | None = None) -> None:
        super().__init__(file, size)
        self._rendered: dict[tuple[Any, ...], pygame.Surface] = {}
        self._sizes: dict[str, tuple[int, int]] = {}
        # The font that draws SYMBOLS in this one's place (None: this font has them).
        self._symbols = pygame.font.Font(symbols, size) if symbols is not None else None

    def render(self, text: Any, antialias: bool, color: Any, bgcolor: Any = None, wraplength: int = 0
               ) -> pygame.Surface:
        key = (text, antialias, _colour_key(color), _colour_key(bgcolor), wraplength)
        image = self._rendered.get(key)
        if image is None:
            if len(self._rendered) >= REMEMBERED_LINES:
                self._rendered.clear()
            runs = self._runs(text) if not wraplength else None
            if runs is None:
                image = super().render(text, antialias, color, bgcolor, wraplength)
            else:
                image = self._render_runs(runs, antialias, color, bgcolor)
            self._rendered[key] = image
        return image

    def size(self, text: Any) -> tuple[int, int]:
        measured = self._sizes.get(text)
        if measured is None:
            if len(self._sizes) >= REMEMBERED_LINES:
                self._sizes.clear()
            runs = self._runs(text)
            if runs is None:
                measured = super().size(text)
            else:
                measured = (sum(self._run_width(symbol, run) for symbol, run in runs), self.get_height())
            self._sizes[text] = measured
        return measured

    def _runs(self, text: Any) -> list[tuple[bool, str]] | None:
        """The text cut into (symbols?, run) pieces, or None when this font draws all of it."""
        if self._symbols is None or not isinstance(text, str) or SYMBOLS.isdisjoint(text):
            return None
        runs: list[tuple[bool, str]] = []
        for char in text:
            symbol = char in SYMBOLS
            if runs and runs[-1][0] == symbol:
                runs[-1] = (symbol, runs[-1][1] + char)
            else:
                runs.append((symbol, char))
        return runs

    def _run_font(self, symbol: bool) -> pygame.font.Font:
        return self._symbols if symbol and self._symbols is not None else self

    def _run_width(self, symbol: bool, run: str) -> int:
        return (self._symbols.size(run) if symbol and self._symbols is not None
                else pygame.font.Font.size(self, run))[0]

    def _render_runs(self, runs: list[tuple[bool, str]], antialias: bool, color: Any, bgcolor: Any
                     ) -> pygame.Surface:
        """The runs side by side on one line, their baselines level."""
        images = []
        for symbol, run in runs:
            font = self._run_font(symbol)
            draw = font.render if symbol else functools.partial(pygame.font.Font.render, self)
            images.append((draw(run, antialias, color, bgcolor), font.get_ascent()))
        image = pygame.Surface((sum(part.get_width() for part, _ in images), self.get_height()), pygame.SRCALPHA)
        if bgcolor is not None:
            image.fill(bgcolor)
        x, baseline = 0, self.get_ascent()
        for part, ascent in images:
            image.blit(part, (x, baseline - ascent))
            x += part.get_width()
        return image


def _colour_key(colour: Any) -> Any:
    """A colour as a dictionary key: pygame.Color can change, so its channels stand for it."""
    return tuple(colour) if isinstance(colour, pygame.Color | list) else colour


@dataclass(slots=True)
class Fonts:
    """Noto Sans from `folder`; opening a font file is slow, so each (weight, size) opens once."""

    folder: Path
    _opened: dict[tuple[bool, int], pygame.font.Font] = field(default_factory=dict)
    # The settings' UI scale (1.0 to 2.0): every size asked for is multiplied by it, so text grows everywhere.
    scale: float = 1.0
    # A language's own font files (regular, bold), for letters Noto Sans lacks; None: the bundled Noto Sans.
    language_files: tuple[Path, Path] | None = None

    def files(self) -> tuple[Path, Path]:
        """The (regular, bold) font files in use."""
        return self.language_files or (self.folder / REGULAR_FILE, self.folder / BOLD_FILE)

    def use_language_files(self, files: tuple[Path, Path] | None) -> bool:
        """Switches to a language's fonts (None: back to Noto Sans); True when that changed anything."""
        if files == self.language_files:
            return False
        self.language_files = files
        self._opened.clear()
        return True

    def regular(self, size: int) -> pygame.font.Font:
        return self._font(False, size)

    def bold(self, size: int) -> pygame.font.Font:
        return self._font(True, size)

    def _font(self, bold: bool, size: int) -> pygame.font.Font:
        size = scaled(size, self.scale)
        key = (bold, size)
        font = self._opened.get(key)
        if font is None:
            regular, bold_file = self.files()
            symbols: Path | None = self.folder / SYMBOLS_FILE
            if symbols is not None and not symbols.is_file():
                symbols = None  # a copy of the game without it draws the signs as boxes, as before
            try:
                font = RememberingFont(bold_file if bold else regular, size,
                                       symbols if self.language_files is None else None)
            except (OSError, pygame.error):  # a language's font that is not a font: Noto Sans still reads
                font = RememberingFont(self.folder / (BOLD_FILE if bold else REGULAR_FILE), size, symbols)
            self._opened[key] = font
        return font


# The room each 100 % of UI scale needs: a 1280×720 window fits 150 %, 1920×1080 fits 200 %. Larger text in a
# smaller window would leave the station's map a strip and push buttons off the screen.
ROOM_PER_SCALE = (853, 480)


@functools.lru_cache(maxsize=16)
def font_draws(files: tuple[Path, Path], texts: tuple[str, ...]) -> bool:
    """Whether the bold file of `files` (regular, bold) has a letter for every character of `texts`.

    Asked of freetype: pygame.font measures a missing letter as its empty box."""
    import pygame.freetype

    pygame.freetype.init()
    try:
        font = pygame.freetype.Font(files[1], 12)
    except (OSError, pygame.error):
        return False
    return all(glyph is not None for text in texts for glyph in font.get_metrics(text))


def fitting_scale(chosen: float, window: tuple[int, int]) -> float:
    """The UI scale to use: the player's choice, or less (to a tenth, never under 100 %) when the window is
    too small for it."""
    room = min(window[0] / ROOM_PER_SCALE[0], window[1] / ROOM_PER_SCALE[1])
    return max(1.0, min(chosen, math.floor(room * 10 + 1e-6) / 10))


MAX_SCALE = 2.0  # the settings' largest text size: every screen is laid out to hold it


def language_scale(chosen: float, text_size: float) -> float:
    """The chosen UI scale grown by a language's text size (Chinese reads better a step larger), never past the
    largest size the screens are built for (unless the player chose that already)."""
    return max(chosen, min(chosen * text_size, MAX_SCALE))


def scaled_px(pixels: int, scale: float) -> int:
    """A length at 100 % grown with the UI scale, as the words it holds grow."""
    return round(pixels * scale)


def scaled(size: int, scale: float) -> int:
    """A text size in pixels at the UI scale."""
    return max(1, round(size * scale))


# Sizes in pygame_gui's theme that hold text: fixed in pixels, they stayed as small at 150 % and cut the words to
# slivers (a drop-down's rows) or wrapped a tooltip a word a line ("Run / time at / 16× (key / 3)").
SCALED_MISC = ("list_item_height", "rect_width")


def scale_theme_fonts(theme: dict[str, Any], scale: float) -> dict[str, Any]:
    """A copy of a pygame_gui theme whose font sizes, and the room given to such text (a drop-down's rows, a
    tooltip's width), are multiplied by `scale`."""
    scaled_theme = copy.deepcopy(theme)
    for block in scaled_theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if isinstance(font, dict) and "size" in font:
            font["size"] = str(scaled(int(font["size"]), scale))
        misc = block.get("misc") if isinstance(block, dict) else None
        for name in SCALED_MISC:
            if isinstance(misc, dict) and name in misc:
                misc[name] = str(scaled_px(int(misc[name]), scale))
    return scaled_theme
