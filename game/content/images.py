"""Pictures a mod ships (a module's sprite, a level's preview): inside the mod, PNG, and small.

Read without pygame (the content layer stays headless): the PNG header gives the size in pixels.
"""

from __future__ import annotations

import struct
from pathlib import Path

MAX_IMAGE_BYTES = 512 * 1024
MAX_SPRITE_PIXELS = 256  # a module's sprite, each side: it is drawn a few tiles wide
MAX_PREVIEW_PIXELS = 1024  # a level's preview, each side: it is drawn scaled down in the level list
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def image_path(folder: Path, relative: str) -> Path:
    """Where `relative` points from `folder` (not checked: see image_problem)."""
    return folder / relative


def image_problem(folder: Path, relative: str, max_pixels: int) -> str | None:
    """Why the picture `relative` (from `folder`) cannot be drawn, in a sentence; None when it can."""
    path = folder / relative
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL in the name
        inside = False
    # Refused before anything is looked up, so the answer never tells whether a file exists elsewhere.
    if Path(relative).is_absolute() or ".." in Path(relative).parts or not inside:
        return f"'{relative}' is outside the folder {folder.name}/: a picture must be inside it"
    try:
        if not path.is_file():
            return f"no picture '{relative}' in {folder.name}/"
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return f"'{relative}' is {size:,} bytes; a picture may be at most {MAX_IMAGE_BYTES // 1024} KiB"
        with path.open("rb") as file:
            head = file.read(24)
    except OSError as error:
        return f"'{relative}' cannot be read ({error.strerror or error})"
    if head[:8] != _PNG_SIGNATURE or head[12:16] != b"IHDR":
        return f"'{relative}' is not a PNG picture: save it as .png"
    width, height = struct.unpack(">II", head[16:24])
    if not (0 < width <= max_pixels and 0 < height <= max_pixels):
        return f"'{relative}' is {width} × {height} pixels; it may be at most {max_pixels} × {max_pixels}"
    return None
