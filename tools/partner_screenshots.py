"""Renders the partner screens (roster, negotiation room with a counter-offer, ledger) to PNG files with level 01
and the real catalog, after five weeks of diplomacy: `python tools/screenshots.py` calls it for the gallery."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.scenes.scene import Scene
    from game.simulation.simulation import Simulation

# The keys the gallery presses in the room with CNSA: choose the solar array, ask for it, propose; after the
# gallery's moves that draws a counter-offer.
GALLERY_TALKS_KEYS = (pygame.K_DOWN, pygame.K_RIGHT, pygame.K_RETURN)


def play_gallery_moves(simulation: Simulation) -> None:
    """The moves `shoot_partner_screens` plays in level 01 before its shots: five weeks of diplomacy."""
    from game.ecs.commands import ConsultPartner, PlaceModule, ProposeAgreement
    from game.rules.negotiation import Offer
    from game.ui.hints import best_spot

    occupied = set(simulation.ctx.occupied)
    antenna = best_spot("earth_antenna", simulation.ctx.grid, simulation.catalog, occupied, occupied)
    if antenna is None:
        raise RuntimeError("Level 01 has no free spot for an Earth antenna: the partner gallery needs one.")
    simulation.run_hours(2, [
        (0, PlaceModule("earth_antenna", *antenna)),
        (0, ConsultPartner("cnsa", "science")),
        (0, ProposeAgreement("roscosmos", Offer(funding_per_year=100, modules=("laboratory",)))),
    ])
    counter = next(view for view in simulation.snapshot().partners if view.id == "roscosmos").last_answer
    if counter is not None and counter.counter is not None:
        simulation.queue(ProposeAgreement("roscosmos", counter.counter))
    simulation.queue(ProposeAgreement("cnsa", Offer(funding_per_year=150, data_share=("geology", "resource_use"),
                                                    payload_kg=50)))
    simulation.run_hours(24 * 35)


def shoot_partner_screens(out: Path) -> list[Path]:
    """Renders the roster, the negotiation room and the ledger with level 01 and the real catalog to PNGs.

    Runs headless (set SDL_VIDEODRIVER=dummy first). Plays a few diplomatic moves first, so the screens
    show history, answers and agreements in every state the first weeks can reach. An Earth antenna is
    ordered at the start: a counter asks only for science the station makes (docs/PARTNERS.md), so without
    it the room could only show a partner declining, never a counter-offer with its reasons.
    """
    from game import paths
    from game.app import open_app
    from game.content.loader import load_level_by_path
    from game.scenes.partners.ledger import LedgerScene
    from game.scenes.partners.negotiation import NegotiationScene
    from game.scenes.partners.roster import PartnerRosterScene
    from game.scenes.scene import Pop, Push, apply_transition
    from game.simulation.simulation import Simulation

    out.mkdir(parents=True, exist_ok=True)
    loaded = load_level_by_path(paths.levels_dir() / "01_agreement_2021.toml")
    level, catalog = loaded.require()
    app = open_app()
    written: list[Path] = []
    simulation = Simulation(level, catalog)
    try:
        play_gallery_moves(simulation)

        def shoot(name: str, scene: Scene, keys: tuple[int, ...] = ()) -> None:
            apply_transition(app.stack, Push(scene))
            for key in keys:
                pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
            for _ in range(4):
                app.frame(1 / 60)
            path = out / f"{name}.png"
            pygame.image.save(app.window, str(path))
            written.append(path)
            apply_transition(app.stack, Pop())

        shoot("partners_roster", PartnerRosterScene(app.ctx, simulation, loaded), (pygame.K_DOWN,))
        talks = NegotiationScene(app.ctx, simulation, loaded, "cnsa")
        shoot("partners_negotiation", talks, GALLERY_TALKS_KEYS)
        shoot("partners_ledger", LedgerScene(app.ctx, simulation, loaded))
    finally:
        simulation.close()
        app.close()
    return written
