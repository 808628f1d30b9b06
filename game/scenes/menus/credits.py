"""The credits: the assets with their sources and licences (read from assets/CREDITS.md), the libraries the game
stands on (with the licence each declares), and where the facts come from."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UITextBox

from game import __version__, paths
from game.content.timeline import date_message, load_timeline
from game.content.ui_text import ENGLISH, Translate, to_translate
from game.render import palette
from game.render.fonts import scaled
from game.render.text import draw_text
from game.scenes.context import SceneContext
from game.scenes.rich_text import (
    DIM_HEX,
    escape,
    heading,
    html_for_look,
    open_link,
    preload_text_fonts,
)
from game.scenes.scene import Pop, SceneBase, Transition
from game.scenes.screen_events import route
from game.ui.focus import ButtonFocus, scroll_key, scroll_text_box
from game.ui.widget_set import WidgetSet

MARGIN = 40
TOP = 84
BUTTON_HEIGHT = 54
# The libraries the game is built with, as their distributions are named.
LIBRARIES = ("pygame-ce", "pygame_gui", "pymunk", "esper", "pydantic", "platformdirs")
LIBRARY_ROLES = {
    "pygame-ce": to_translate("window, drawing, input and sound"),
    "pygame_gui": to_translate("buttons, text boxes and dialogs"),
    "pymunk": to_translate("the physics of landings"),
    "esper": to_translate("the entity-component system of the station"),
    "pydantic": to_translate("checking level files and telling modders what is wrong"),
    "platformdirs": to_translate("where settings, saves and mods live on each system"),
}


def asset_rows(credits_file: Path) -> list[tuple[str, str, str]]:
    """The (asset, source, licence) rows of the table in CREDITS.md; none when the file is missing or odd."""
    try:
        lines = credits_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    rows = []
    for line in lines:
        cells = [cell.strip().replace("`", "") for cell in line.strip().strip("|").split("|")]
        if not line.lstrip().startswith("|") or len(cells) != 3:
            continue
        if cells[0].lower() == "asset" or set(cells[0]) <= {"-", ":", " "}:
            continue  # the header row and the line under it
        rows.append((cells[0], cells[1], cells[2]))
    return rows


def library_licence(distribution: str) -> tuple[str, str]:
    """(version, licence) as the installed package declares them; words saying so when it does not."""
    try:
        metadata = importlib.metadata.metadata(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed", "unknown"
    licence = metadata["License-Expression"] or ""
    if not licence:
        classifiers = [value.split("::")[-1].strip() for value in metadata.get_all("Classifier") or []
                       if value.startswith("License ::")]
        licence = ", ".join(classifiers)
    if not licence:
        declared = (metadata["License"] or "").strip()
        licence = declared if declared and len(declared) < 60 and "\n" not in declared else "see the package"
    return metadata["Version"] or "?", licence


def credits_html(tr: Translate = ENGLISH) -> str:
    """The credits as text-box HTML, its own words put through `tr` (the player's language)."""
    assets = "".join(
        f"<b>{escape(asset)}</b><br>{escape(source)}<br>"
        f"<font color='{DIM_HEX}'>{escape(tr('Licence: {licence}', licence=licence))}</font><br><br>"
        for asset, source, licence in asset_rows(paths.assets_dir() / "CREDITS.md")
    ) or escape(tr("The asset list (assets/CREDITS.md) is missing from this copy of the game.")) + "<br><br>"
    libraries = ""
    for name in LIBRARIES:
        version, licence = library_licence(name)
        libraries += (f"<b>{escape(name)}</b> {escape(version)}: {escape(tr(LIBRARY_ROLES[name]))}<br>"
                      f"<font color='{DIM_HEX}'>{escape(tr('Licence: {licence}', licence=licence))}</font><br>")
    about = tr("An educational game about building the International Lunar Research Station at the Moon's south "
               "pole, made by the Lunar Station project's contributors and released under the MIT licence.")
    sources = tr("Every fact, date and figure that claims to be real comes from a public source, shown beside it in "
                 "the briefings and the encyclopedia. The sources were read as stored copies, so later news may have "
                 "changed things; where sources disagree, the game says so. Numbers tuned for play are called game "
                 "values.")
    checked = load_timeline().facts_checked
    when = escape(tr("The facts were last checked against their sources on {date}.", date=tr(date_message(checked)))) \
        if checked else ""
    return (
        f"{heading(tr('Lunar Station'))}{escape(about)}<br><br>"
        f"{heading(tr('Where the facts come from'))}{escape(sources)}<br><b>{when}</b><br><br>"
        f"{heading(tr('Art, fonts and sound'))}{assets}"
        f"{heading(tr('Built with'))}{libraries}<br>"
        f"<font color='{DIM_HEX}'>{escape(tr('Version {version}', version=__version__))}</font>"
    )


class CreditsScene(SceneBase):
    """Who and what made the game. Page Up/Down or the wheel scroll, Enter or Esc goes back."""

    def __init__(self, ctx: SceneContext):
        self.ctx = ctx
        self.text: UITextBox | None = None
        self.back_button: UIButton | None = None
        self.focus: ButtonFocus | None = None
        self.widgets: WidgetSet[UIElement] = WidgetSet()

    def enter(self) -> None:
        self._build()

    def exit(self) -> None:
        self.widgets.kill()
        self.text = self.back_button = None
        self.focus = None

    def _build(self) -> None:
        self.exit()
        preload_text_fonts(self.ctx)
        width, height = self.ctx.ui.window_resolution
        scale = self.ctx.fonts.scale
        button_height = scaled(BUTTON_HEIGHT, min(scale, 1.5))  # room for the text, no taller
        bottom = height - button_height - 16
        column = min(scaled(1000, scale), width - 2 * MARGIN)
        top = max(TOP, 20 + self.ctx.fonts.bold(palette.HEADING).get_linesize() + 12)
        self.text = UITextBox(html_for_look(credits_html(self.ctx.tr), self.ctx),
                              pygame.Rect((width - column) // 2, top, column, bottom - top - 16), self.ctx.ui)
        self.back_button = UIButton(pygame.Rect(MARGIN, bottom, scaled(190, scale), button_height),
                                    self.ctx.tr("Back  (Esc)"), self.ctx.ui)
        self.widgets.build({"text": self.text, "back": self.back_button})
        self.focus = ButtonFocus([self.back_button])

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED:
            open_link(event.link_target)
        return route(event, self.widgets, rebuild=self._build, pressed=lambda name: None, key=self._key)

    def _key(self, event: pygame.event.Event) -> Transition | None:
        if event.key in (pygame.K_DOWN, pygame.K_UP):
            scroll_text_box(self.text, 0.25 if event.key == pygame.K_DOWN else -0.25)
            return None
        pages = scroll_key(event)
        if pages is not None:
            scroll_text_box(self.text, pages)
        elif self.focus is not None and self.focus.handle_key(event) is not None:
            return Pop()  # Enter on Back, its only button
        return None

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        fonts, colours = self.ctx.fonts, self.ctx.palette
        surface.fill(colours.sky)
        width = surface.get_width()
        draw_text(surface, self.ctx.tr("Credits"), fonts.bold(palette.HEADING), colours.text, (MARGIN, 20))
        hint = self.ctx.tr("Up/Down or Page Up/Down scroll  ·  Enter or Esc back")
        font = fonts.regular(palette.SMALL)
        if self.back_button is not None:
            back = self.back_button.rect
            room = width - MARGIN - back.right - 24
            if font.size(hint)[0] <= room:  # right of the button, centred in the window while it fits there
                centre = max(width // 2, back.right + 24 + font.size(hint)[0] // 2)
                draw_text(surface, hint, font, colours.text_dim, (centre, back.centery), anchor="center")
