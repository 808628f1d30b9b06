"""The simulation's data: components, commands, events, the run's resources and world building.

Where simulation state lives (one rule, followed everywhere):

- **Entities** for things on the map (modules, with components such as `UnderConstruction` or
  `Broken`) and for diplomacy's many-of-a-kind records (one `Partner` per partner of the level, one
  `Agreement` per signed agreement). Components are plain data (`game/ecs/components.py`).
- **One resources object** (`SimContext` in `game/ecs/resources.py`) for everything a run has exactly
  one of: the level, catalog and seeded dice, the programme's ledger (`Station`), the deliveries on
  their way, the diplomacy desk, the launch delays, this hour's power figures, and the caches several
  systems share (the working set, the landing pad's reach). No singleton is an entity.
- **Processor attributes** (game/systems) are private caches of their own processor: nothing outside
  it reads them, and a run rebuilt from its commands rebuilds them.

Commands are the only way in: `Simulation.queue` hands every command to the command system, which
applies it at the start of the next step (diplomacy's it passes to the agreement system, which answers
after the economy). Events are the way out. This package imports only `game.content` and `game.rules`;
the systems sit above it (`game/systems`), the session above them (`game/simulation`).
"""
