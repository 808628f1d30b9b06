"""The automated player: reads a level, plans a base for its goals, and plays it through the public commands.

It sees the game only as a student does: the level file and catalog (what the briefing, build palette and
partner roster show), `Simulation.snapshot()` (what the screen shows), `Simulation.preview()` and
`Simulation.evaluate_offer()` (what the negotiation room shows), and the pure placement rules the game uses
to answer "may I build this here?". It never reads the simulation's components. Its job is to prove that
every campaign level can be won in its time limit, the level about partners by negotiating.

Its collaborators, one module each: `site_planner` (where modules and cables go), `power_model` (a base's
power over two lunar days), `planner` (what to build for the goals), `diplomat` (partners, for the
partner goals), and `player` (the loop that queues it all as the budget allows: `autoplay()`).
Headless: no pygame.
"""
