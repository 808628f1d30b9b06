"""Saving what is on screen as a PNG in the player's pictures folder, never over an older picture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pygame


def screenshot_path(folder: Path, now: dt.datetime) -> Path:
    """A new file name from the time; a counter keeps two shots in the same second apart."""
    stem = f"lunar-station-{now:%Y%m%d-%H%M%S}"
    path = folder / f"{stem}.png"
    counter = 2
    while path.exists():
        path = folder / f"{stem}-{counter}.png"
        counter += 1
    return path


def save_screenshot(surface: pygame.Surface, folder: Path, now: dt.datetime | None = None) -> Path:
    """Writes `surface` to a new PNG under `folder` (created when missing) and returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = screenshot_path(folder, now or dt.datetime.now())
    pygame.image.save(surface, str(path))
    return path
