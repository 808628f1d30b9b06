"""When cargo waits in lunar orbit: ask the player to fly it or let the autopilot land it, and report the grade."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextBox, UIWindow

from game.content.catalog import Catalog
from game.content.message import Message, list_text, lower_first, say
from game.content.models import Level
from game.content.text import translate
from game.content.ui_text import ENGLISH, Translate
from game.ecs.commands import ResolveLanding
from game.landing.scenario import problem_text
from game.render.landing_result import GRADE_WORDS

if TYPE_CHECKING:
    from game.landing.run import LandingResult
    from game.simulation.simulation import Simulation
    from game.simulation.views import DeliveryView

AWAITING = "awaiting landing"
WINDOW_SIZE = (640, 330)
BUTTON_SIZE = (290, 56)


def delivery_waiting(deliveries: Sequence[DeliveryView]) -> DeliveryView | None:
    """The first delivery in orbit waiting for its landing, if any."""
    return next((delivery for delivery in deliveries if delivery.state == AWAITING), None)


def landing_mode_for(choice: str) -> str:
    """The simulation's landing mode for the player's setting: only 'autopilot' lands without asking."""
    return "autopilot" if choice == "autopilot" else "player"


def cargo_words(delivery: DeliveryView, catalog: Catalog, language: str, tr: Translate = ENGLISH) -> str:
    """The cargo's short names as they read mid-sentence, listed as the language lists ('solar array and battery
    bank')."""
    names = [lower_first(translate(catalog.modules[module].name, language).split(" (")[0])
             if module in catalog.modules else module for module in delivery.modules]
    return tr(list_text(names)) if names else tr("cargo")


def flight_seed(simulation: Simulation, delivery: DeliveryView) -> int:
    """Each delivery flies its own seed, fixed by the run's seed, so a replay flies the same landing."""
    return simulation.seed * 1009 + delivery.id


def grade_words(result: LandingResult) -> Message:
    """The grade as the log says it mid-sentence ("hard landing"), not its id ("hard"): a message, worded in the
    player's language whenever the line is shown."""
    return Message("{grade!l}", {"grade": Message(GRADE_WORDS[result.grade.name])})


def resolve_command(delivery: DeliveryView, result: LandingResult) -> ResolveLanding:
    grade = result.grade
    return ResolveLanding(delivery.id, grade.name, grade.cargo_damage, grade.haul_cost)


def autopilot_landing(level: Level, catalog: Catalog, simulation: Simulation,
                      delivery: DeliveryView) -> tuple[ResolveLanding, Message]:
    """Flies the landing headless with the autopilot; returns the command and the log's sentence (a message, so
    the log rewords it when the player switches language)."""
    from game.landing.run import fly  # pymunk is loaded only when a landing is flown

    cargo = delivery.modules[0] if delivery.modules else None
    try:
        result = fly(level, catalog, seed=flight_seed(simulation, delivery), cargo=cargo)
    except ValueError as error:
        # A level whose landing cannot be flown still delivers: the cargo lands, graded as a plain good landing.
        return ResolveLanding(delivery.id, "good"), say("The autopilot landed the cargo, as no flight was possible. "
                                                        "{problem}", problem=problem_text(error))
    return resolve_command(delivery, result), say("The autopilot landed: {grade}.", grade=grade_words(result))


class LandingQuestion:
    """A small window: fly it yourself (F or Enter) or let the autopilot land it (A or Esc)."""

    def __init__(self, ui: pygame_gui.UIManager, window_size: tuple[int, int], delivery: DeliveryView, cargo: str,
                 tr: Translate = ENGLISH):
        self.delivery = delivery
        rect = pygame.Rect((0, 0), WINDOW_SIZE)
        rect.center = (window_size[0] // 2, window_size[1] // 2)
        self.window = UIWindow(rect, ui, window_display_title=tr("Cargo in lunar orbit"), always_on_top=True)
        if self.window.close_window_button is not None:
            self.window.close_window_button.set_text("×")  # the stock '╳' is missing from Noto Sans
        inner = self.window.get_container().get_size()
        # The cargo's name in bold: the sentence is escaped first, then the name (escaped too) is marked up.
        question = html.escape(tr("The lander carrying the {cargo} is ready to descend. Fly the landing yourself, "
                                  "or let the autopilot land it?", cargo="\0"), quote=False)
        keys = html.escape(tr("F or Enter: fly it · A or Esc: autopilot"), quote=False)
        body = question.replace("\0", f"<b>{html.escape(cargo, quote=False)}</b>") + f"<br><br>{keys}"
        self.text = UITextBox(body, pygame.Rect(8, 8, inner[0] - 16, inner[1] - BUTTON_SIZE[1] - 32), ui,
                              container=self.window)
        top = inner[1] - BUTTON_SIZE[1] - 12
        self.fly_button = UIButton(pygame.Rect(12, top, *BUTTON_SIZE), tr("Fly it yourself"), ui,
                                   container=self.window)
        self.autopilot_button = UIButton(pygame.Rect(inner[0] - BUTTON_SIZE[0] - 12, top, *BUTTON_SIZE),
                                         tr("Autopilot lands it"), ui, container=self.window)

    def answer_for(self, event: pygame.event.Event) -> str | None:
        """'fly', 'autopilot' or None for an event while the question is up."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.fly_button:
                return "fly"
            if event.ui_element is self.autopilot_button:
                return "autopilot"
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_f, pygame.K_RETURN, pygame.K_KP_ENTER):
                return "fly"
            if event.key in (pygame.K_a, pygame.K_ESCAPE):
                return "autopilot"
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.window:
            return "autopilot"
        return None

    def close(self) -> None:
        if self.window.alive():
            self.window.kill()
