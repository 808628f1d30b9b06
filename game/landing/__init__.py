"""Landings without a window: pymunk flight physics, the pilot interface, the autopilot, grading, records."""
