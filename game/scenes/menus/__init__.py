"""The menus around the levels: title, pause, settings, credits and the encyclopedia."""
