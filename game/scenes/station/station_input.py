"""Everything the station screen does with input, in one place: its buttons, the keys the settings bind, the mouse
on the map and on the panels. A click on the map ends in `_mouse_down` here, then `BuildTools.click_cell`."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui

from game.render.camera import ZOOM_STEP
from game.render.overlays import next_overlay
from game.scenes.scene import Transition
from game.scenes.station.boxes import hint_box_rect
from game.scenes.station.keys import PAN_ACTIONS, SPEED_ACTIONS
from game.scenes.station.parts import StationParts

ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)
WHEEL_SCROLL_PX = 48
PALETTE_PAGE = 5

OpenScreen = Callable[[], Transition]  # the pause menu or the partner roster, opened over the station


def handle(event: pygame.event.Event, screen: StationParts, open_menu: OpenScreen,
           open_partners: OpenScreen) -> Transition | None:
    """Turns one event into the station's verbs. Every action key comes from the player's bindings (the settings'
    station group); only the keys that move around the screen are fixed: Esc, Enter, Tab and Page Up/Down."""
    question = screen.runner.landing_question
    if question is not None and event.type != pygame.VIDEORESIZE:
        answer = question.answer_for(event)
        return screen.runner.answer_landing(answer) if answer else None
    tools = screen.tools
    if event.type == pygame_gui.UI_BUTTON_PRESSED:
        return _press(screen, screen.widgets.name_of(event.ui_element), open_menu, open_partners)
    if event.type == pygame_gui.UI_CONFIRMATION_DIALOG_CONFIRMED and event.ui_element is tools.dialog:
        tools.confirm_demolish()
    elif event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is tools.dialog:
        tools.dialog_closed()
    elif event.type == pygame.KEYDOWN:
        return _key_down(screen, event, open_menu, open_partners)
    elif event.type == pygame.KEYUP:
        screen.state.held_pan.discard(event.key)
    elif event.type == pygame.MOUSEWHEEL:
        _wheel(screen, event.y)
    elif event.type == pygame.MOUSEBUTTONDOWN:
        _mouse_down(screen, event.button, event.pos)
    elif event.type == pygame.MOUSEBUTTONUP and event.button in (1, 2, 3):
        screen.state.dragging = False
    elif event.type == pygame.MOUSEMOTION:
        _mouse_moved(screen, event.pos, event.rel, any(event.buttons))
    elif event.type == pygame.WINDOWLEAVE:
        screen.state.mouse = None
    return None


def open_tab(screen: StationParts, tab: str) -> None:
    screen.state.side_tab = tab
    if tab != "build":
        screen.tools.palette.focused = False


def _press(screen: StationParts, name: str | None, open_menu: OpenScreen,
           open_partners: OpenScreen) -> Transition | None:
    if name == "pause":
        screen.runner.toggle_pause()
    elif name in ("1", "4", "16"):
        screen.runner.set_speed(int(name))
    elif name in ("tab-build", "tab-goals", "tab-log"):
        open_tab(screen, name.removeprefix("tab-"))
    elif name == "overlay":
        screen.state.overlay = next_overlay(screen.state.overlay, 1)
    elif name == "demolish":
        screen.tools.toggle_demolish()
    elif name == "save":
        screen.run.quick_save()
    elif name == "partners":
        return open_partners()
    elif name == "menu":
        return open_menu()
    return None


# --- keys ----------------------------------------------------------------------------------------


def _key_down(screen: StationParts, event: pygame.event.Event, open_menu: OpenScreen,
              open_partners: OpenScreen) -> Transition | None:
    key, tools = event.key, screen.tools
    if tools.asking:
        if key in ENTER_KEYS:
            tools.confirm_demolish()
        elif key == pygame.K_ESCAPE:
            tools.close_dialog()
        return None
    if key == pygame.K_ESCAPE:
        if tools.in_hand or tools.palette.focused:
            tools.cancel()
            return None
        return open_menu()
    action = screen.keys.action_for(key)
    if tools.palette.focused and _palette_key(screen, key, action):
        return None
    if action == "partners":
        return open_partners()
    if action in PAN_ACTIONS:
        if tools.in_hand:
            tools.move_cursor(*PAN_ACTIONS[action])
            screen.state.mouse = None  # the keyboard leads now; the reason box follows the ghost, not the pointer
        else:
            screen.state.held_pan.add(key)
    elif action is not None:
        _station_action(screen, action, bool(event.mod & pygame.KMOD_SHIFT))
    elif key == pygame.K_TAB:  # the keys that move around the screen, as on every menu
        open_tab(screen, "build")
        tools.palette.focused = not tools.palette.focused
    elif key in ENTER_KEYS and tools.cursor is not None and tools.in_hand:
        tools.click_cell(tools.cursor)
    return None


def _station_action(screen: StationParts, action: str, shift: bool) -> None:
    """A key from the player's bindings: time, zoom, the side panel's tabs, the overlay, the tools, the hint, saving."""
    camera, tools = screen.camera, screen.tools
    if action == "pause":
        screen.runner.toggle_pause()
    elif action in SPEED_ACTIONS:
        screen.runner.set_speed(SPEED_ACTIONS[action])
    elif action == "zoom_in":
        camera.zoom_at(ZOOM_STEP)
    elif action == "zoom_out":
        camera.zoom_at(1 / ZOOM_STEP)
    elif action == "fit_map":
        camera.fit()
    elif action == "tab_build":
        open_tab(screen, "build")
        tools.palette.focused = True
    elif action == "tab_goals":
        open_tab(screen, "goals")
    elif action == "tab_log" and screen.layout.log_tab:
        open_tab(screen, "log")
    elif action == "overlay":
        screen.state.overlay = next_overlay(screen.state.overlay, -1 if shift else 1)
    elif action == "rotate":
        tools.rotate()
    elif action == "demolish":
        tools.toggle_demolish()
    elif action == "dismiss_hint":
        screen.run.hints.dismiss()
    elif action == "horizon_plot":
        screen.state.horizon_plot = not screen.state.horizon_plot
    elif action == "quick_save":
        screen.run.quick_save()


def _palette_key(screen: StationParts, key: int, action: str | None) -> bool:
    """Keys for the focused build palette (the pan-up and pan-down keys, or the arrows); True when used."""
    palette = screen.tools.palette
    moves = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -PALETTE_PAGE, pygame.K_PAGEDOWN: PALETTE_PAGE}
    step = {"pan_up": -1, "pan_down": 1}.get(action or "", moves.get(key))
    if step is not None:
        palette.move(step, screen.layout.panel.height)
        return True
    if key in ENTER_KEYS or action == "pause":
        chosen = palette.chosen
        if chosen is not None:
            screen.tools.arm(chosen.spec.id)
        return True
    return False


# --- the mouse -----------------------------------------------------------------------------------


def _wheel(screen: StationParts, clicks: int) -> None:
    mouse, layout, state = screen.state.mouse, screen.layout, screen.state
    if mouse and layout.log.collidepoint(mouse) and (state.side_tab == "log" or not layout.log_tab):
        screen.run.log.scroll_by(-clicks * WHEEL_SCROLL_PX)
    elif mouse and layout.panel.collidepoint(mouse):
        if state.side_tab == "build":
            screen.tools.palette.scroll_by(-clicks * WHEEL_SCROLL_PX, layout.panel.height)
        else:
            state.goals_scroll = max(0, state.goals_scroll - clicks * WHEEL_SCROLL_PX)
    else:
        anchor = mouse if mouse and screen.camera.viewport.collidepoint(mouse) else None
        screen.camera.zoom_at(ZOOM_STEP ** clicks, anchor)
        screen.tools.refresh_ghost()


def _mouse_down(screen: StationParts, button: int, position: tuple[int, int]) -> None:
    """A click: on the hint (got it), on the build palette (pick a module), on the map with a tool in hand (use it,
    or cancel it with the right button), or anywhere on the map to start dragging it."""
    state, tools, camera = screen.state, screen.tools, screen.camera
    state.mouse = position
    showing = screen.run.hints.showing
    if button == 1 and showing is not None and \
            hint_box_rect(camera.viewport, showing, screen.text, screen.ctx.tr, screen.state.overlay,
                          screen.run.grid.light is not None).collidepoint(position):
        screen.run.hints.dismiss()
        return
    if button == 1 and state.side_tab == "build" and screen.layout.panel.collidepoint(position):
        index = tools.palette.entry_at(screen.layout.panel, position)
        if index is not None:
            tools.palette.selected = index
            tools.palette.focused = True
            tools.arm(tools.palette.entries[index].spec.id)
        return
    cell = camera.tile_at(*position)
    if button == 3 and tools.in_hand:
        tools.cancel()
        return
    if button == 1 and cell is not None and tools.in_hand:
        tools.cursor = cell
        tools.click_cell(cell)
        return
    if button in (1, 2, 3):
        state.dragging = camera.viewport.collidepoint(position)
        if state.dragging:
            tools.palette.focused = False


def _mouse_moved(screen: StationParts, position: tuple[int, int], rel: tuple[int, int], held: bool) -> None:
    screen.state.mouse = position
    if screen.state.dragging and held:
        screen.camera.pan_pixels(*rel)
    cell = screen.camera.tile_at(*position)
    if cell is not None:
        screen.tools.point_at(cell)
