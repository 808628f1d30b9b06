"""Where the landing screen handles input: while flying, the controls (keys or a gamepad, as bound in the
settings) steer, pause and hand over to the autopilot, and Esc asks before abandoning; after the flight, the
buttons and their keys continue, export, save the recording or fly again, and PgUp/PgDn or the wheel scroll the
grade's reasons where large text leaves them short.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.scenes.scene import Pop, Transition

if TYPE_CHECKING:
    from game.scenes.landing.flight_screen import LandingScene


def handle(event: pygame.event.Event, scene: LandingScene) -> Transition | None:
    if event.type == pygame.VIDEORESIZE:  # the sky is drawn again at the new size by itself
        if scene.phase == "finished":
            scene.build_result_widgets()
        return None
    if event.type == pygame.WINDOWFOCUSLOST:
        scene.input.release_all()
        return None
    if scene.phase == "error":
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
            scene.phase = "left"
            return Pop()
        return None
    if scene.dialog is not None:
        return _handle_dialog(event, scene)
    if scene.phase == "finished":
        return _handle_finished(event, scene)
    if scene.phase != "flying":
        return None
    if event.type == pygame.KEYDOWN:
        if event.key == pygame.K_ESCAPE:
            if scene.replaying:  # nothing is at stake in a replay: leave at once
                scene.phase = "left"
                return Pop()
            scene.ask_to_abandon()
            return None
        keys = scene.input.keys
        if keys.is_key("pause_flight", event.key):
            scene.clock.speed = 0 if scene.clock.speed else 1
            scene.input.release_all()
            return None
        if keys.is_key("autopilot", event.key) and not scene.replaying:
            scene.session.use_autopilot(scene.session.pilot is None)
            return None
    if event.type == pygame.JOYBUTTONDOWN and event.button in (6, 7):  # Back/Start on most pads
        scene.clock.speed = 0 if scene.clock.speed else 1
        return None
    scene.input.handle(event)
    return None


def _handle_dialog(event: pygame.event.Event, scene: LandingScene) -> Transition | None:
    confirmed = event.type == pygame_gui.UI_CONFIRMATION_DIALOG_CONFIRMED and event.ui_element is scene.dialog
    if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
        confirmed = True
    if confirmed:
        scene.close_dialog()
        return scene.abandon()
    if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
        scene.close_dialog()
    elif scene.dialog is not None and not scene.dialog.alive():
        scene.dialog = None  # closed with its own Cancel or × button
    return None


def _handle_finished(event: pygame.event.Event, scene: LandingScene) -> Transition | None:
    if event.type == pygame.MOUSEWHEEL:  # the reasons scroll where large text leaves them short
        scene.scroll_result(-2 * event.y)
    if event.type == pygame.KEYDOWN:
        if event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            page = scene.result_text().window.page
            scene.scroll_result(page if event.key == pygame.K_PAGEDOWN else -page)
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE):
            return scene.leave()
        if event.key == pygame.K_e:
            scene.export_csv()
        elif event.key == pygame.K_r:
            scene.save_recording()
        elif event.key == pygame.K_f and scene.practice:
            return scene.fly_again()
    if event.type == pygame_gui.UI_BUTTON_PRESSED:
        pressed = scene.buttons.name_of(event.ui_element)
        if pressed == "Continue":
            return scene.leave()
        if pressed == "Export CSV":
            scene.export_csv()
        elif pressed == "Save recording":
            scene.save_recording()
        elif pressed == "Fly again":
            return scene.fly_again()
    return None
