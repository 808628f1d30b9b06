"""Where the encyclopedia handles input: typing searches, keys choose an entry or a filter and scroll the text,
the tabs, the wheel and clicks on the list do the same by mouse, and a link in the text opens in the browser.

Type to search, Up/Down choose an entry, Tab (Shift+Tab) changes the filter, Page Up/Down scroll the text,
Esc clears the search or goes back. While an input method composes (Chinese pinyin, ...), the keys it uses are
left to it and what it composes shows in the box until it is typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.scenes.menus.encyclopedia_entries import CATEGORIES
from game.scenes.rich_text import open_link
from game.scenes.scene import Pop, Transition
from game.ui.focus import scroll_key, scroll_text_box

if TYPE_CHECKING:
    from game.scenes.menus.encyclopedia import EncyclopediaScene

# Keys an input method uses while it composes: the search leaves them alone until the composition is typed.
COMPOSING_KEYS = frozenset((pygame.K_BACKSPACE, pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_UP,
                            pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_TAB, pygame.K_SPACE,
                            pygame.K_HOME, pygame.K_END, pygame.K_PAGEUP, pygame.K_PAGEDOWN))


def handle(event: pygame.event.Event, scene: EncyclopediaScene) -> Transition | None:
    if event.type == pygame.VIDEORESIZE:
        scene.build_widgets()
    elif event.type == pygame_gui.UI_BUTTON_PRESSED:
        if event.ui_element is scene.widgets.get("back"):
            return Pop()
        category = scene.tab_buttons.name_of(event.ui_element)
        if category is not None:
            scene.set_category(category)
    elif event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED:
        open_link(event.link_target)
    elif event.type == pygame.TEXTEDITING:
        scene.composing = "".join(character for character in event.text if character.isprintable())
    elif event.type == pygame.TEXTINPUT:
        scene.composing = ""  # what was composed arrives as typed text
        typed = "".join(character for character in event.text if character.isprintable())
        if typed:
            scene.set_query(scene.query + typed)
    elif event.type == pygame.KEYDOWN:
        if scene.composing and event.key in COMPOSING_KEYS:
            return None  # the input method's own: Backspace edits the composition, Esc cancels it
        return _key(event, scene)
    elif event.type == pygame.MOUSEWHEEL:
        if scene.layout.list_detail.list.collidepoint(pygame.mouse.get_pos()):
            scene.scroll_list(-event.y * scene.layout.row_height)
    elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        _click(event.pos, scene)
    return None


def _key(event: pygame.event.Event, scene: EncyclopediaScene) -> Transition | None:
    if event.key == pygame.K_ESCAPE:
        if scene.query:
            scene.set_query("")
            return None
        return Pop()
    if event.key == pygame.K_BACKSPACE:
        scene.set_query(scene.query[:-1])
    elif event.key == pygame.K_TAB:
        step = -1 if event.mod & pygame.KMOD_SHIFT else 1
        scene.set_category(CATEGORIES[(CATEGORIES.index(scene.category) + step) % len(CATEGORIES)])
    elif event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_HOME, pygame.K_END):
        count = len(scene.visible)
        moves = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_HOME: -count, pygame.K_END: count}
        scene.select(scene.selected + moves[event.key])
    else:
        pages = scroll_key(event)
        if pages is not None:
            scroll_text_box(scene.detail, pages)
    return None


def _click(position: tuple[int, int], scene: EncyclopediaScene) -> None:
    layout = scene.layout
    if not layout.list_detail.list.collidepoint(position):
        return
    for index in range(len(scene.visible)):
        if layout.row(index, scene.scroll).collidepoint(position):
            scene.select(index)
            return
