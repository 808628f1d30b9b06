"""Text shown in pygame_gui text boxes: HTML in the settings' look, escaped words, headings, source links, dates."""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import re
import webbrowser
from collections.abc import Sequence

import pygame

from game.content.timeline import date_message
from game.content.ui_text import ENGLISH, Translate
from game.render.fonts import SYMBOLS, scaled
from game.scenes.context import SceneContext
from game.ui.theme import SYMBOLS_FONT_NAME, font_name

ACCENT_HEX = "#ffc857"
DIM_HEX = "#aab4c4"
HEADING_SIZE = 28  # a bold size the UI manager preloads (game/ui/theme.py)
_SYMBOL_RUN = re.compile(f"[{''.join(sorted(SYMBOLS))}]+")


def format_date(date: dt.date, tr: Translate = ENGLISH) -> str:
    """'9 March 2021' in the player's language: game.content.timeline.date_message is the one place dates are
    worded."""
    return tr(date_message(date))


def html_for_look(text: str, ctx: SceneContext) -> str:
    """Text-box HTML written in the standard look, made to follow the settings: the palette's accent and dim
    colours, and `pixel_size` headings grown with the UI scale (the theme grows the body text already)."""
    colours = ctx.palette
    text = text.replace(ACCENT_HEX, _hex(colours.accent)).replace(DIM_HEX, _hex(colours.text_dim))
    scale = ctx.fonts.scale
    if scale != 1.0:
        text = re.sub(r"pixel_size=(\d+)", lambda match: f"pixel_size={scaled(int(match.group(1)), scale)}", text)
    return text


def preload_text_fonts(ctx: SceneContext) -> None:
    """Loads the sizes text boxes use at this UI scale, so the first box does not stall (or warn): the bold
    sizes, and the symbols font (escape() sets arrows in it) at the body and heading sizes."""
    fonts = ctx.ui.get_theme().get_font_dictionary()
    sizes = sorted({scaled(size, ctx.fonts.scale) for size in (20, HEADING_SIZE)})
    wanted = [(font_name(ctx.fonts.language_files), "bold", True), (SYMBOLS_FONT_NAME, "regular", False)]
    missing: list[dict[str, str | int | float]] = [
        {"name": name, "point_size": size, "style": style} for name, style, bold in wanted for size in sizes
        if not fonts.check_font_preloaded(fonts.create_font_id(size, name, bold, False))]
    if missing:
        ctx.ui.preload_fonts(missing)


def _hex(colour: pygame.Color) -> str:
    return f"#{colour.r:02x}{colour.g:02x}{colour.b:02x}"


def escape(text: str) -> str:
    """Words as text-box HTML; the arrows and signs Noto Sans lacks are set in the theme's symbols font."""
    escaped = html.escape(text, quote=False)
    if SYMBOLS.isdisjoint(escaped):
        return escaped
    return _SYMBOL_RUN.sub(lambda run: f"<font face='{SYMBOLS_FONT_NAME}'>{run.group(0)}</font>", escaped)


def sources_html(sources: Sequence[str], tr: Translate = ENGLISH) -> str:
    """Each source as a link on its own line; clicking one opens it in the browser."""
    links = "".join(
        f"<a href='{html.escape(source, quote=True)}'>{escape(source)}</a><br>" for source in sources
    )
    return f"<font color='{DIM_HEX}'>{escape(tr('Sources:'))}</font><br>{links}"


def heading(text: str) -> str:
    return f"<font pixel_size={HEADING_SIZE}><b>{escape(text)}</b></font><br>"


def open_link(target: str) -> None:
    """Opens a source in the browser; in a classroom without one, nothing happens rather than a crash."""
    with contextlib.suppress(webbrowser.Error):
        webbrowser.open(target)
