"""The station screen's input: buttons, the keys the settings bind, the mouse on the map and the panels."""

from __future__ import annotations

import pygame
import pygame_gui

from game.render.camera import ZOOM_STEP
from game.scenes.scene import Transition
from game.scenes.station.draw import hint_box_rect
from game.scenes.station.flow import StationFlow
from game.scenes.station.keys import PAN_ACTIONS, SPEED_ACTIONS

ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)
WHEEL_SCROLL_PX = 48
PALETTE_PAGE = 5


class StationInput(StationFlow):
    """Turns events into the station's verbs. Every action key comes from the player's bindings (the settings'
    station group); only the keys that move around the screen are fixed: Esc, Enter, Tab and Page Up/Down."""

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if self.landing_question is not None and event.type != pygame.VIDEORESIZE:
            answer = self.landing_question.answer_for(event)
            return self._answer_landing(answer) if answer else None
        if event.type == pygame.VIDEORESIZE:
            self._relayout()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._press(event.ui_element)
        elif event.type == pygame_gui.UI_CONFIRMATION_DIALOG_CONFIRMED and event.ui_element is self.dialog:
            self._confirm_demolish()
        elif event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.dialog:
            self.dialog = None
            self.pending_demolish = None
        elif event.type == pygame.KEYDOWN:
            return self._key_down(event)
        elif event.type == pygame.KEYUP:
            self.held_pan.discard(event.key)
        elif event.type == pygame.MOUSEWHEEL:
            self._wheel(event.y)
        elif event.type == pygame.MOUSEBUTTONDOWN:
            return self._mouse_down(event.button, event.pos)
        elif event.type == pygame.MOUSEBUTTONUP and event.button in (1, 2, 3):
            self.dragging = False
        elif event.type == pygame.MOUSEMOTION:
            self._mouse_moved(event.pos, event.rel, any(event.buttons))
        elif event.type == pygame.WINDOWLEAVE:
            self.mouse = None
        return None

    def _press(self, element: object) -> Transition | None:
        names = {button: name for name, button in self.buttons.items()}
        name = names.get(element)  # type: ignore[call-overload]
        if name == "pause":
            self.toggle_pause()
        elif name in ("1", "4", "16"):
            self.set_speed(int(name))
        elif name == "tab-build":
            self.open_tab("build")
        elif name == "tab-goals":
            self.open_tab("goals")
        elif name == "tab-log":
            self.open_tab("log")
        elif name == "overlay":
            self.cycle_overlay(1)
        elif name == "demolish":
            self.toggle_demolish()
        elif name == "save":
            self.quick_save()
        elif name == "partners":
            return self._partners()
        elif name == "menu":
            return self._menu()
        return None

    def _key_down(self, event: pygame.event.Event) -> Transition | None:
        key = event.key
        if self.dialog is not None and self.dialog.alive():
            if key in ENTER_KEYS:
                self._confirm_demolish()
            elif key == pygame.K_ESCAPE:
                self._close_dialog()
            return None
        if key == pygame.K_ESCAPE:
            if self.armed or self.demolishing or self.build.focused:
                self.cancel_tool()
                return None
            return self._menu()
        action = self.keys.action_for(key)
        if self.build.focused and self._palette_key(key, action):
            return None
        if action is not None:
            return self._bound_key(key, action, bool(event.mod & pygame.KMOD_SHIFT))
        return self._fixed_key(key)

    def _bound_key(self, key: int, action: str, shift: bool) -> Transition | None:
        """A key from the player's bindings: time, zoom, panning (or moving the ghost while a tool is held),
        the side panel's tabs, the overlay, the tools, the hint, saving and the partners."""
        if action in PAN_ACTIONS:
            if self.armed or self.demolishing:
                self._move_cursor(*PAN_ACTIONS[action])
            else:
                self.held_pan.add(key)
        elif action == "partners":
            return self._partners()
        else:
            self._station_action(action, shift)
        return None

    def _station_action(self, action: str, shift: bool) -> None:
        if action == "pause":
            self.toggle_pause()
        elif action in SPEED_ACTIONS:
            self.set_speed(SPEED_ACTIONS[action])
        elif action == "zoom_in":
            self.camera.zoom_at(ZOOM_STEP)
        elif action == "zoom_out":
            self.camera.zoom_at(1 / ZOOM_STEP)
        elif action == "fit_map":
            self.camera.fit()
        elif action == "tab_build":
            self.open_tab("build")
            self.build.focused = True
        elif action == "tab_goals":
            self.open_tab("goals")
        elif action == "tab_log" and self.layout.log_tab:
            self.open_tab("log")
        elif action == "overlay":
            self.cycle_overlay(-1 if shift else 1)
        elif action == "rotate":
            self.rotated = not self.rotated
            self._refresh_ghost()
        elif action == "demolish":
            self.toggle_demolish()
        elif action == "dismiss_hint":
            self.hints.dismiss()
        elif action == "quick_save":
            self.quick_save()

    def _fixed_key(self, key: int) -> Transition | None:
        """The keys that move around the screen, as on every menu: Tab enters the build list, Enter places."""
        if key == pygame.K_TAB:
            self.open_tab("build")
            self.build.focused = not self.build.focused
        elif key in ENTER_KEYS and self.cursor is not None and (self.armed or self.demolishing):
            self.click_cell(self.cursor)
        return None

    def _palette_key(self, key: int, action: str | None) -> bool:
        """Keys for the focused build palette (the pan-up and pan-down keys, or the arrows); True when used."""
        view = self.layout.panel.height
        moves = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -PALETTE_PAGE, pygame.K_PAGEDOWN: PALETTE_PAGE}
        step = {"pan_up": -1, "pan_down": 1}.get(action or "", moves.get(key))
        if step is not None:
            self.build.move(step, view)
            return True
        if key in ENTER_KEYS or action == "pause":
            chosen = self.build.chosen
            if chosen is not None:
                self.arm(chosen.spec.id)
            return True
        return False

    def _wheel(self, clicks: int) -> None:
        mouse = self.mouse
        if mouse and self.layout.log.collidepoint(mouse) and (self.side_tab == "log" or not self.layout.log_tab):
            self.log.scroll_by(-clicks * WHEEL_SCROLL_PX)
        elif mouse and self.layout.panel.collidepoint(mouse):
            if self.side_tab == "build":
                self.build.scroll_by(-clicks * WHEEL_SCROLL_PX, self.layout.panel.height)
            else:
                self.goals_scroll = max(0, self.goals_scroll - clicks * WHEEL_SCROLL_PX)
        else:
            anchor = mouse if mouse and self.camera.viewport.collidepoint(mouse) else None
            self.camera.zoom_at(ZOOM_STEP ** clicks, anchor)
            self._refresh_ghost()

    def _mouse_down(self, button: int, position: tuple[int, int]) -> Transition | None:
        self.mouse = position
        if button == 1 and self.hints.showing is not None and \
                hint_box_rect(self.camera.viewport, self.hints.showing, self.text, self.ctx.tr).collidepoint(position):
            self.hints.dismiss()
            return None
        if button == 1 and self.side_tab == "build" and self.layout.panel.collidepoint(position):
            index = self.build.entry_at(self.layout.panel, position)
            if index is not None:
                self.build.selected = index
                self.build.focused = True
                self.arm(self.build.entries[index].spec.id)
            return None
        cell = self.camera.tile_at(*position)
        if button == 3 and (self.armed or self.demolishing):
            self.cancel_tool()
            return None
        if button == 1 and cell is not None and (self.armed or self.demolishing):
            self.cursor = cell
            self.click_cell(cell)
            return None
        if button in (1, 2, 3):
            self.dragging = self.camera.viewport.collidepoint(position)
            if self.dragging:
                self.build.focused = False
        return None

    def _mouse_moved(self, position: tuple[int, int], rel: tuple[int, int], held: bool) -> None:
        self.mouse = position
        if self.dragging and held:
            self.camera.pan_pixels(*rel)
        cell = self.camera.tile_at(*position)
        if cell is not None and cell != self.cursor:
            self.cursor = cell
            self._refresh_ghost()
