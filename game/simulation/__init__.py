"""The simulation's session, above the systems: one run of a level (`simulation.Simulation`), the order the
systems run in (`schedule`), what screens read (`views`, `history`) and ask before acting (`preview`).
Where the run's state lives is written in game/ecs/__init__.py."""
