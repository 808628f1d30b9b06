"""The landing screens: flying a landing (or watching the autopilot or a replay) and landing practice."""
