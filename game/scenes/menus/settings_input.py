"""Where the settings screen handles input: each key, wheel turn and widget event becomes a change to the scene's
working copy of the settings, its focus or its page.

Keyboard: Up/Down (or Tab) choose a row, Left/Right change its value, Enter presses a button or waits for a new
key on a key row, Page Up/Down turn the page, Esc goes back without applying. The mouse turns pages with the
wheel or the arrow buttons beside the page number; a click anywhere on a row, its label or its control, moves the
keyboard focus there, so Left/Right then change the setting the player just clicked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.scenes.menus.settings_apply import restore_volumes
from game.scenes.menus.settings_rows import FOOTER_BUTTONS
from game.scenes.menus.settings_widgets import slider_percent
from game.scenes.scene import Pop, Transition
from game.scenes.screen_events import route
from game.settings import KEY_ACTIONS, Settings, key_label, key_refusal, rebind
from game.ui.focus import NEXT_KEYS, PRESS_KEYS

if TYPE_CHECKING:
    from game.scenes.menus.settings_screen import SettingsScene


def handle(event: pygame.event.Event, scene: SettingsScene) -> Transition | None:
    if event.type == pygame.KEYDOWN and scene.listening is not None:
        _listen(event, scene.listening, scene)  # the key to bind, Esc included (it keeps the old key, not leave)
        return None
    if event.type == pygame_gui.UI_BUTTON_START_PRESS:
        _focus_row_at(_element_centre(event.ui_element), scene)  # a control's own button (a drop-down's) too
    elif event.type == pygame_gui.UI_BUTTON_PRESSED:
        scene.ctx.play_sound("click")  # every button clicks, a slider's arrows and a list's own too
    elif event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED:
        index = _row_of(event.ui_element, scene)
        if index is not None:
            _set_slider(scene, index, int(event.value))
    elif event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED:
        index = _row_of(event.ui_element, scene)
        if index is not None:
            row = scene.rows[index]
            chosen = next(choice for label, choice in row.choices if scene.ctx.tr(label) == event.text)
            setattr(scene.working, row.key, chosen)
            if row.key == "language":
                scene.choose_language(chosen)
            scene.focus_row(index)
    return route(event, scene.widgets.set, rebuild=scene.build, pressed=lambda name: _pressed(name, scene),
                 key=lambda key: _key(key, scene), click=lambda position: _focus_row_at(position, scene),
                 wheel=lambda turn: _wheel(turn, scene))


def _element_centre(element: object) -> tuple[int, int] | None:
    get_rect = getattr(element, "get_abs_rect", None)
    return get_rect().center if get_rect is not None else None


def row_at(position: tuple[int, int], scene: SettingsScene) -> int | None:
    """The focusable row of the page shown under `position`, or None."""
    layout, focusable = scene.layout, scene.focusable()
    for place, index in enumerate(scene.pages()[scene.page]):
        if ("row", index) in focusable and layout.row_rect(place).inflate(16, 4).collidepoint(position):
            return index
    return None


def _focus_row_at(position: tuple[int, int] | None, scene: SettingsScene) -> None:
    index = row_at(position, scene) if position is not None else None
    if index is not None and scene.focused != ("row", index):
        scene.focus_row(index)


def _listen(event: pygame.event.Event, action: str, scene: SettingsScene) -> None:
    """The key pressed while `action` waited for one: bound to it, or Esc keeps the old key."""
    scene.listening = None
    if event.key != pygame.K_ESCAPE:
        _bind(scene, action, pygame.key.name(event.key))
    else:
        scene.message = scene.ctx.tr("Key unchanged.")
    scene.build()


def _key(event: pygame.event.Event, scene: SettingsScene) -> Transition | None:
    shift = bool(event.mod & pygame.KMOD_SHIFT)
    if event.key == pygame.K_UP or (event.key == pygame.K_TAB and shift):
        scene.move_focus(-1)
    elif event.key in NEXT_KEYS:
        scene.move_focus(1)
    elif event.key == pygame.K_PAGEDOWN:
        scene.turn_page(1)
    elif event.key == pygame.K_PAGEUP:
        scene.turn_page(-1)
    elif event.key in (pygame.K_LEFT, pygame.K_RIGHT):
        _adjust(scene, 1 if event.key == pygame.K_RIGHT else -1)
    elif event.key in PRESS_KEYS:
        return _activate(scene)
    return None


def _wheel(turn: int, scene: SettingsScene) -> None:
    if turn and scene.listening is None:
        scene.turn_page(-1 if turn > 0 else 1)  # wheel up shows the page before, as a list scrolls


def _row_of(element: object, scene: SettingsScene) -> int | None:
    name = scene.widgets.set.name_of(element)
    return _row_index(name) if name is not None else None


def _row_index(name: str) -> int | None:
    """The row a widget named "row-N" shows, or None for any other widget."""
    return int(name[4:]) if name.startswith("row-") else None


def _pressed(name: str, scene: SettingsScene) -> Transition | None:
    if name in ("previous", "next"):
        scene.turn_page(-1 if name == "previous" else 1)
        return None
    if name.startswith("footer-"):
        return _footer(scene, int(name[7:]))
    index = _row_index(name)
    if index is not None:
        scene.focus_row(index)
        return _activate(scene)
    return None


def _activate(scene: SettingsScene) -> Transition | None:
    """Enter on the focused row or button: flip a toggle, wait for a key, cycle a choice, or press."""
    kind, index = scene.focused
    if kind == "footer":
        return _footer(scene, index)
    row = scene.rows[index]
    if row.kind == "toggle":
        setattr(scene.working, row.key, not getattr(scene.working, row.key))
        scene.build()
    elif row.kind == "key":
        scene.listening = row.key
        scene.message = scene.ctx.tr("Press the key for “{action}” (Esc keeps the old one).",
                                     action=scene.ctx.tr(row.label))
        scene.build()
    elif row.kind == "choice":
        _adjust(scene, 1)
    return None


def _adjust(scene: SettingsScene, step: int) -> None:
    kind, index = scene.focused
    if kind != "row":
        return
    row = scene.rows[index]
    working = scene.working
    if row.kind == "slider":
        _set_slider(scene, index, slider_percent(working, row) + step * row.step)
        scene.build()
    elif row.kind == "choice":
        values = [choice for _, choice in row.choices]
        current = getattr(working, row.key)
        position = values.index(current) if current in values else 0
        setattr(working, row.key, values[(position + step) % len(values)])
        if row.key == "language":
            scene.choose_language(working.language)
        scene.build()
    elif row.kind == "toggle":
        setattr(working, row.key, step > 0)
        scene.build()


def _set_slider(scene: SettingsScene, index: int, percent: int) -> None:
    row = scene.rows[index]
    percent = max(row.low, min(row.high, percent))
    working = scene.working
    setattr(working, row.key, percent / 100)
    audio = scene.ctx.audio
    if row.key.endswith("_volume") and audio is not None:
        # Heard at once, so the player can judge the level before applying it.
        audio.set_volumes(working.master_volume, working.effects_volume, working.ambient_volume)
        scene.ctx.play_sound("click")
    scene.focus_row(index)


def _bind(scene: SettingsScene, action: str, name: str) -> None:
    """Gives the key to the action; a key taken on the same screen swaps, a key the game keeps is refused."""
    tr = scene.ctx.tr
    refusal = key_refusal(action, name)
    if refusal is not None:
        scene.message = tr(refusal)
        return
    label = {item.id: tr(item.label) for item in KEY_ACTIONS}
    swapped = rebind(scene.working, action, name)
    scene.message = tr("“{action}” is now {key}.", action=label[action], key=key_label(name))
    if swapped is not None:
        moved = key_label(scene.working.key_name(swapped))
        scene.message += " " + tr("“{action}” moved to {key}, so no two share a key.", action=label[swapped],
                                  key=moved)


def _footer(scene: SettingsScene, number: int) -> Transition | None:
    choice = FOOTER_BUTTONS[number]
    if choice == "Back":
        restore_volumes(scene.ctx)
        return Pop()
    if choice == "Defaults":
        working = scene.working
        scene.working = Settings(language=working.language, window_size=working.window_size,
                                 fullscreen=working.fullscreen)
        scene.message = scene.ctx.tr("Defaults restored here; press Apply to keep them.")
        scene.build()
        return None
    scene.apply()
    return None
