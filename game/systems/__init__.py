"""One esper processor per domain, above the data in game/ecs; their order is fixed in
game/simulation/schedule.py. `placement` holds the placement queries the command system and the
agreements share. A processor's attributes are its own private caches: what others need lives in the
run's resources (game/ecs/resources.py)."""
