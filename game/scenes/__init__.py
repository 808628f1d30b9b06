"""Screens of the game: each returns a transition instead of changing the scene stack itself."""
