"""One esper processor per domain; their order is fixed in game/simulation/schedule.py."""
