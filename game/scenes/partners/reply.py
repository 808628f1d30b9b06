"""What the partner screens show after the player acts: the simulation runs the hour the talk takes, and
the answer to that one command is worded in the player's language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from game.content.ui_text import ENGLISH, Translate
from game.ecs.events import CommandRefused, OfferAnswered, TrustChanged, answer_to

if TYPE_CHECKING:
    from game.ecs.commands import Command
    from game.ecs.events import GameEvent
    from game.simulation.simulation import Simulation

# Hears every event of the hour a command takes (the station logs them): an agreement signed, a goal met.
EventListener = Callable[[Sequence["GameEvent"]], None]


def act_and_reply(simulation: Simulation, command: Command, tr: Translate = ENGLISH,
                  listener: EventListener | None = None) -> str:
    """Has the simulation act on `command` and returns its answer as the player reads it: the refusal's
    reason, or the partner's words. `listener` hears all the hour's events, the answer among them."""
    events = simulation.act(command)
    if listener is not None:
        listener(events)
    answer = answer_to(command, events)
    if isinstance(answer, CommandRefused):
        return tr(answer.reason)
    if isinstance(answer, OfferAnswered | TrustChanged):
        return tr(answer.text)
    return tr("Nothing came of it this hour.")
